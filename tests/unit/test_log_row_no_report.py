"""A "No" (or "nope") opening a log row's later cell is no report ('| No - thought it was a one
off'); a "No" that opens other words ("No damage") is not (round seven of issue 7). Tables of our
own."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

REFERENCE = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _rows(nlp: Language, text: str) -> list[tuple[date | None, bool | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported, tuple(sorted(i.agencies))) for i in found]


TABLES = [
    "Date        What happened                          Reported?\n"
    "14/10/2026  Eggs thrown at my front window          Police online 15/10/2026\n"
    "09/11/2026  Wing mirror snapped off my car          Council ASB team 10/11/2026\n",
    "14/10/26    eggs at the window      rang police 15/10/26\n"
    "09/11/26    mirror snapped off      told council 10/11/26\n",
    "  14.10.2026   Eggs thrown at the front window    Police (online form) 15.10.2026\n"
    "  09.11.2026   Wing mirror kicked off the car     Council ASB team, 10.11.2026\n",
    "14-10-2026   they threw eggs at my window   reported to police 15-10-2026\n"
    "09-11-2026   they snapped my car mirror     reported to council 10-11-2026\n",
    "14/10/2026   Eggs thrown at the window (3am)     Police - 15/10/2026\n"
    "09/11/2026   Car mirror snapped, wipers bent     Council - 10/11/2026\n",
]


@pytest.mark.parametrize(
    "cell",
    [
        "No - thought it was a one off",
        "no, didnt think it was worth it",
        "No. Too scared",
        "nope - what's the point",
        "No – kids being kids",
    ],
)
def test_a_no_in_the_reported_column_is_no_report(nlp: Language, cell: str) -> None:
    table = (
        "Date | What happened | Reported?\n"
        f"14/10/2026 | Stones thrown at my bedroom window | {cell}\n"
        "09/11/2026 | Wing mirror snapped off my car | Council ASB team 10/11/2026\n"
    )
    assert _rows(nlp, table) == [
        (date(2026, 10, 14), False, ()),
        (date(2026, 11, 9), True, ("council",)),
    ]


def test_a_no_that_opens_other_words_is_not_a_no_report(nlp: Language) -> None:
    table = (
        "14/10/2026 | Stones thrown at my window | Police online 15/10/2026 | No damage\n"
        "09/11/2026 | Wing mirror snapped off my car | Council ASB team 10/11/2026 | none\n"
    )
    assert _rows(nlp, table) == [
        (date(2026, 10, 14), True, ("police",)),
        (date(2026, 11, 9), True, ("council",)),
    ]
