"""The spaCy pipeline: ``spacy.blank("en")`` + sentencizer + ``clauses`` + our recognisers.

Nothing is built at import time: call :func:`build_pipeline` once (it takes about a second) and
reuse the result. Each of our components is registered with ``@Language.factory`` in its own
module, declares what it ``requires`` and ``assigns`` (checked when the pipeline is built), and
stores its :class:`nlp.findings.Finding` s with :func:`set_findings` under a key: as
spans in ``doc.spans[KEY]`` (labelled, for spaCy's tools and displacy) and as the findings
themselves in ``doc.user_data``. (Not in a ``Span._`` extension: spaCy keys span extension values
by character offsets, so two components marking the same words would overwrite each other.)
Sentences and clauses are cut once, by the ``clauses`` component (:mod:`nlp.clauses`), which
every recogniser reads. Components that resolve dates read the reference time from
``doc._.reference`` (an aware datetime), which :func:`analyse` sets per segment before running
the components.
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from nlp.clauses import TEXT_KEY, Segmentation, segmentation
from nlp.clauses import doc_text as doc_text  # re-exported: the recognisers read it from here

# (factory name, module that registers it), after spaCy's sentencizer. Order matters: later
# components read what earlier ones wrote (every recogniser reads the clauses; the report finder
# reads dates, for instance), and build_pipeline checks each one's ``requires``.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("clauses", "nlp.clauses"),
    ("trigger_dates", "nlp.dates"),
    ("trigger_hate", "nlp.hate"),
    ("trigger_risk", "nlp.risk"),
    ("trigger_exclusions", "nlp.exclusions"),
    ("trigger_parties", "nlp.parties"),
    ("trigger_reports", "nlp.reports"),
)


_FINDINGS = "trigger_findings"


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


class PipelineError(ValueError):
    """A pipeline whose components do not get what they require from the ones before them."""


def build_pipeline(components: Sequence[tuple[str, str]] = COMPONENTS) -> Language:
    """Build the blank English pipeline: the sentencizer, then ``components`` in order.

    Raises :class:`PipelineError` when a component requires what no component before it assigns
    (a recogniser without the ``clauses`` before it, say): a missing component is an error here,
    never a recogniser silently skipped or cutting the text on its own.
    """
    register_extensions()
    nlp = blank_english()
    nlp.add_pipe("sentencizer")
    for factory, module in components:
        importlib.import_module(module)
        nlp.add_pipe(factory)
    analysis = nlp.analyze_pipes() or {}
    problems = {name: attrs for name, attrs in analysis["problems"].items() if attrs}
    if problems:
        missing = "; ".join(
            f"{name} requires {', '.join(attrs)}" for name, attrs in problems.items()
        )
        raise PipelineError(f"pipeline components missing what they require: {missing}")
    return nlp


def analyse(
    nlp: Language, text: str, reference: datetime, options: Mapping[str, Any] | None = None
) -> Doc:
    """Run the pipeline over one stretch of text whose relative dates resolve against
    ``reference``. ``options`` go into ``doc.user_data`` first, for components that read them
    (:data:`nlp.risk.ONLY_LABELS`)."""
    if reference.tzinfo is None:
        raise ValueError("reference must be an aware datetime")
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    if options:
        doc.user_data.update(options)
    doc._.reference = reference
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


class TextFindingsComponent:
    """A component that runs a pure ``find(text, cuts) -> list[Finding]`` over the doc's text and
    the cuts the ``clauses`` component wrote, and stores the findings under ``key`` (the hate,
    risk, exclusion and party recognisers)."""

    def __init__(self, key: str, find: Callable[[str, Segmentation], list[Any]]) -> None:
        self.key = key
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        set_findings(doc, self.key, self.find(doc_text(doc), segmentation(doc)))
        return doc


def set_findings(doc: Doc, key: str, findings: list[Any]) -> None:
    """Store ``findings`` under ``key``: the findings themselves, and a labelled span for each.

    Spans whose offsets do not fall on token boundaries are widened to the enclosing tokens.
    """
    spans = []
    for finding in findings:
        found = expanded_span(doc, finding.start, finding.end)
        if found is not None:
            spans.append(Span(doc, found[0], found[1], label=finding.label))
    doc.spans[key] = spans
    doc.user_data.setdefault(_FINDINGS, {})[key] = list(findings)


def expanded_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start, end, alignment_mode="expand")`` (None where it
    gives None), by binary search over the token offsets read once per Doc: spaCy's own span
    cost more than the bisecting."""
    starts, ends = _token_bounds(doc)
    size = len(doc_text(doc))

    def token_at(char: int) -> int:  # spaCy's token_by_char (the tokens tile the text)
        return bisect.bisect_right(starts, char) - 1 if 0 <= char < size else -1

    first, last = token_at(start), token_at(end - 1)
    if first < 0 or last < 0:
        return None
    if start == ends[first]:
        first += 1  # the whitespace after a token is not part of it
    return first, last + 1


_TOKEN_BOUNDS = "trigger_token_bounds"


def findings(doc: Doc, key: str) -> list[Any]:
    """The findings a component stored under ``key`` (empty when it did not run)."""
    return list(doc.user_data.get(_FINDINGS, {}).get(key, ()))


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, computed once per Doc (for bisecting offsets to tokens)."""
    return _token_bounds(doc)[0]


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end offsets, read once per Doc as one array (a Token object per
    index cost more than the bisecting they serve)."""
    bounds: tuple[list[int], list[int]] | None = doc.user_data.get(_TOKEN_BOUNDS)
    if bounds is None:
        rows = doc.to_array(["IDX", "LENGTH"]).tolist() if len(doc) else []
        bounds = doc.user_data[_TOKEN_BOUNDS] = ([s for s, _ in rows], [s + n for s, n in rows])
    return bounds


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, read once per Doc as one array (for :mod:`nlp.word_matcher`)."""
    cached: list[str] | None = doc.user_data.get("trigger_token_texts")
    if cached is None:
        strings = doc.vocab.strings
        texts = [strings[h] for h in doc.to_array("ORTH").tolist()] if len(doc) else []
        cached = doc.user_data["trigger_token_texts"] = texts
    return cached
