"""A table pasted with its columns lined up by spaces is read cell by cell, as a tab- or
pipe-separated one is (round seven of issue 7). Tables of our own, with controls that must not
change: prose typed with two spaces after each full stop, a single wide line."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.aligned_rows import aligned_cells
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


@pytest.mark.parametrize("table", TABLES)
def test_space_aligned_table_reads_row_by_row(nlp: Language, table: str) -> None:
    assert _rows(nlp, table) == [
        (date(2026, 10, 14), True, ("police",)),
        (date(2026, 11, 9), True, ("council",)),
    ]


@pytest.mark.parametrize("table", TABLES)
def test_aligned_cells_keep_the_length(table: str) -> None:
    opened = aligned_cells(table)
    assert len(opened) == len(table)
    assert "\t" in opened


@pytest.mark.parametrize(
    "text",
    [
        "On 3 November they kicked the door in.  I rang the police.  They came the next day.\n"
        "On 5 November they did it again.  I rang the council.  Nothing happened.\n",
        "3 Acacia Avenue  Tel 01234 567890  Mob 07700 900123\n",
        "Date        What happened\nnothing in this table has a day\n",
    ],
)
def test_prose_and_single_lines_are_not_tables(text: str) -> None:
    assert aligned_cells(text) == text


def test_prose_with_two_spaces_after_full_stops_unchanged(nlp: Language) -> None:
    text = (
        "On 3 November they kicked the door in.  I rang the police.  They came the next day.\n"
        "On 5 November they did it again.  I didn't report it.  Not worth it.\n"
    )
    assert _rows(nlp, text) == [
        (date(2026, 11, 3), True, ("police",)),
        (date(2026, 11, 5), False, ()),
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
        "Date        What happened                         Reported?\n"
        f"14/10/2026  Stones thrown at my bedroom window     {cell}\n"
        "09/11/2026  Wing mirror snapped off my car         Council ASB team 10/11/2026\n"
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
