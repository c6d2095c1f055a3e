"""The spaCy pipeline: ``spacy.blank("en")`` + sentencizer + our own components.

Nothing is built at import time: call :func:`build_pipeline` once (it takes about a second) and
reuse the result. Each of our components is registered with ``@Language.factory`` in its own
module and writes its findings to ``doc.spans[KEY]``; each span carries a
:class:`nlp.findings.Finding` in ``span._.finding``. Components that resolve dates read the
reference time from ``doc._.reference`` (an aware datetime), which :func:`analyse` sets per
segment before running the components.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# (factory name, module that registers it). Order matters: later components may read the spans
# earlier ones wrote (the report finder reads dates, for instance).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("trigger_dates", "nlp.dates"),
    ("trigger_hate", "nlp.hate"),
    ("trigger_risk", "nlp.risk"),
    ("trigger_exclusions", "nlp.exclusions"),
    ("trigger_parties", "nlp.parties"),
    ("trigger_reports", "nlp.reports"),
)


def _register_extensions() -> None:
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    if not Span.has_extension("finding"):
        Span.set_extension("finding", default=None)


def build_pipeline() -> Language:
    """Build the blank English pipeline with every component whose module is present."""
    _register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        nlp.add_pipe(factory)
    return nlp


def analyse(nlp: Language, text: str, reference: datetime) -> Doc:
    """Run the pipeline over one stretch of text whose relative dates resolve against ``reference``."""
    if reference.tzinfo is None:
        raise ValueError("reference must be an aware datetime")
    doc = nlp.make_doc(text)
    doc._.reference = reference
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def set_findings(doc: Doc, key: str, findings: list[Any]) -> None:
    """Store findings as ``doc.spans[key]``, each span carrying its Finding.

    Findings whose offsets do not fall on token boundaries are widened to the enclosing tokens.
    """
    spans = []
    for finding in findings:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is None:
            continue
        span = Span(doc, span.start, span.end, label=finding.label)
        span._.finding = finding
        spans.append(span)
    doc.spans[key] = spans


def findings(doc: Doc, key: str) -> list[Any]:
    """The findings a component stored under ``key`` (empty when it did not run)."""
    if key not in doc.spans:
        return []
    return [span._.finding for span in doc.spans[key] if span._.finding is not None]
