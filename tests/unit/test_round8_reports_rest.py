"""Round eight of issue 7: reports told for "the rest" after an ordinal group. Sentences of our
own, with near-misses that must not change.

- "The first two I reported, the rest I didnt bother": the rest were not reported, except one a
  later report in the sentence names ("... until I rang the police about the van").
- "The first one I let go, the rest went to the council": the rest were reported.
- A body named after "the rest" is told of the rest, not of the group before it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # Wednesday 2 December 2026
DEEDS = (
    "On 3 March they kicked my door in. I rang the police that night. "
    "On 9 April they threw paint at my car. I told the council on 12 April. "
    "On 2 May they shouted abuse at my wife. "
    "On 20 June they smashed the van windscreen. "
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _rows(nlp: Language, text: str) -> dict[date | None, tuple[bool | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return {i.start: (i.reported, tuple(sorted(i.agencies))) for i in found}


@pytest.mark.parametrize(
    "tail",
    [
        "The first two I reported as I said, the rest I didnt bother with.",
        "The first two I reported, the rest I just let go.",
        "The first two I reported as I said, the rest went unreported.",
        "The first two I reported, the rest I never reported.",
    ],
)
def test_the_rest_let_go(nlp: Language, tail: str) -> None:
    rows = _rows(nlp, DEEDS + tail)
    assert rows[date(2026, 3, 3)] == (True, ("police",))
    assert rows[date(2026, 4, 9)] == (True, ("council",))
    assert rows[date(2026, 5, 2)][0] is False
    assert rows[date(2026, 6, 20)][0] is False


def test_the_rest_but_one_named_by_a_later_report(nlp: Language) -> None:
    rows = _rows(
        nlp,
        DEEDS + "The first two I reported like I said, the rest I didnt bother until I rang "
        "the police about the windscreen on 1 July.",
    )
    assert rows[date(2026, 4, 9)] == (True, ("council",))  # not the police named later
    assert rows[date(2026, 5, 2)][0] is False
    assert rows[date(2026, 6, 20)] == (True, ("police",))


def test_the_rest_reported(nlp: Language) -> None:
    text = (
        "On 3 March they kicked my door in. On 9 April they threw paint at my car. "
        "On 2 May they shouted abuse at my wife. The first one I let go, the rest went to the "
        "council."
    )
    rows = _rows(nlp, text)
    assert rows[date(2026, 4, 9)] == (True, ("council",))
    assert rows[date(2026, 5, 2)] == (True, ("council",))
    assert rows[date(2026, 3, 3)][1] == ()


@pytest.mark.parametrize(
    "tail",
    [
        # no ordinal group: "the rest" of something else
        "I reported it, the rest of the street didnt bother.",
        # the group reported, nothing said of the rest
        "The first two I reported as I said.",
    ],
)
def test_near_misses_leave_the_rest(nlp: Language, tail: str) -> None:
    rows = _rows(nlp, DEEDS + tail)
    assert rows[date(2026, 5, 2)][0] is not False
