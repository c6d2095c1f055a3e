"""The ``trigger_dates`` spaCy component, and :func:`find_dates` for a plain text."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.dates.arithmetic import LONDON, reference_day
from nlp.dates.mention import DateMention
from nlp.dates.rules import rules_for
from nlp.dates.scan import mentions_in_doc
from nlp.findings import Finding
from nlp.pipeline import findings as stored_findings
from nlp.pipeline import set_findings

logger = logging.getLogger(__name__)

SPANS_KEY = "dates"
FINDING_LABEL = "date"


class DateFinder:
    """The ``trigger_dates`` component: writes ``doc.spans["dates"]`` (Finding.value = DateMention).

    Reads the reference time from ``doc._.reference`` (an aware datetime); a doc without one gets
    no date findings, since relative dates cannot be resolved.
    """

    def __init__(self, nlp: Language) -> None:
        self._rules = rules_for(id(nlp.vocab), nlp.vocab, nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.reference
        if reference is None:
            logger.debug("trigger_dates: no reference time on the doc; no dates resolved")
            set_findings(doc, SPANS_KEY, [])
            return doc
        mentions = mentions_in_doc(doc, reference_day(reference), self._rules)
        set_findings(
            doc,
            SPANS_KEY,
            [
                Finding(
                    label=FINDING_LABEL,
                    start=m.start,
                    end=m.end,
                    explanation=m.explanation,
                    value=m,
                )
                for m in mentions
            ],
        )
        return doc


@Language.factory("trigger_dates", assigns=["doc.spans"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """Build the date finder component for ``nlp``."""
    return DateFinder(nlp)


@lru_cache(maxsize=1)
def _own_pipeline() -> Language:
    from nlp.pipeline import blank_english, register_extensions

    register_extensions()
    nlp = blank_english()
    nlp.add_pipe("trigger_dates")
    return nlp


def find_dates(text: str, reference: datetime) -> list[DateMention]:
    """Every date phrase in ``text`` resolved against ``reference`` (its day in Europe/London).

    Builds its own small spaCy pipeline on the first call and reuses it. A naive ``reference`` is
    taken as Europe/London time.
    """
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=LONDON)
    nlp = _own_pipeline()
    doc = nlp.make_doc(text)
    doc._.reference = reference
    doc = nlp.get_pipe("trigger_dates")(doc)
    return [f.value for f in stored_findings(doc, SPANS_KEY)]


def find_corrections(text: str, reference: datetime) -> list[tuple[DateMention, DateMention]]:
    """(wrong, right) pairs of corrections: "the 14th not the 15th" gives (15th, 14th)."""
    mentions = find_dates(text, reference)
    pairs = []
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.corrects and second.negated:
            pairs.append((second, first))
        elif first.negated and second.corrects:
            pairs.append((first, second))
    return pairs


def mentions_from_findings(found: Iterable[Finding]) -> list[DateMention]:
    """The DateMentions carried by findings of the ``dates`` key (helper for other components)."""
    return [f.value for f in found if isinstance(f.value, DateMention)]
