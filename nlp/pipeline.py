"""The spaCy pipeline: ``spacy.blank("en")`` + sentencizer + our own components.

Nothing is built at import time: call :func:`build_pipeline` once (it takes about a second) and
reuse the result. Each of our components is registered with ``@Language.factory`` in its own
module and stores its :class:`nlp.findings.Finding` s with :func:`set_findings` under a key: as
spans in ``doc.spans[KEY]`` (labelled, for spaCy's tools and displacy) and as the findings
themselves in ``doc.user_data``. (Not in a ``Span._`` extension: spaCy keys span extension values
by character offsets, so two components marking the same words would overwrite each other.) Components that resolve dates read the
reference time from ``doc._.reference`` (an aware datetime), which :func:`analyse` sets per
segment before running the components.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
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


_FINDINGS = "trigger_findings"
_TEXT = "trigger_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once: spaCy rebuilds ``Doc.text`` from every token on each access."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def register_extensions() -> None:
    """Declare the Doc extensions our components read (idempotent)."""
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)


_MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)


def blank_english() -> Language:
    """``spacy.blank("en")`` whose tokenizer splits "Nov." into "Nov" + "." (spaCy's English
    exceptions keep it whole, and people end sentences with "on 9 Nov.")."""
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in _MONTH_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.lower(), abbreviation.upper()):
            tokenizer.add_special_case(form + ".", [{ORTH: form}, {ORTH: "."}])
    return nlp


def build_pipeline() -> Language:
    """Build the blank English pipeline with every component whose module is present."""
    register_extensions()
    nlp = blank_english()
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
    doc.user_data[_TEXT] = text
    doc._.reference = reference
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


class TextFindingsComponent:
    """A component that runs a pure ``find(text) -> list[Finding]`` over the doc's text and
    stores the findings under ``key`` (the hate, risk, exclusion and party recognisers)."""

    def __init__(self, key: str, find: Callable[[str], list[Any]]) -> None:
        self.key = key
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        set_findings(doc, self.key, self.find(doc_text(doc)))
        return doc


def set_findings(doc: Doc, key: str, findings: list[Any]) -> None:
    """Store ``findings`` under ``key``: the findings themselves, and a labelled span for each.

    Spans whose offsets do not fall on token boundaries are widened to the enclosing tokens.
    """
    spans = []
    for finding in findings:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=finding.label))
    doc.spans[key] = spans
    doc.user_data.setdefault(_FINDINGS, {})[key] = list(findings)


def findings(doc: Doc, key: str) -> list[Any]:
    """The findings a component stored under ``key`` (empty when it did not run)."""
    return list(doc.user_data.get(_FINDINGS, {}).get(key, ()))


def sentence_of_token(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token index, the first and one-past-last token index of its sentence.

    ``Token.sent`` scans the document on every call; components that ask often use this table,
    computed once per Doc and kept in ``doc.user_data``.
    """
    cached: tuple[list[int], list[int]] | None = doc.user_data.get("trigger_sentence_table")
    if cached is not None:
        return cached
    starts = [0] * len(doc)
    ends = [len(doc)] * len(doc)
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                starts[i] = sent.start
                ends[i] = sent.end
    doc.user_data["trigger_sentence_table"] = (starts, ends)
    return starts, ends


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, computed once per Doc (for bisecting offsets to tokens)."""
    cached: list[int] | None = doc.user_data.get("trigger_token_starts")
    if cached is None:
        cached = doc.user_data["trigger_token_starts"] = [t.idx for t in doc]
    return cached
