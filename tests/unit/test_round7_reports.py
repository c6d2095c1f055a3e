"""Round seven of issue 7: a report kept from being made by someone else's word ("she would not
let me ring anyone", "he didn't want me to call the police") is no report, not an unknown one
nor one made. Sentences of our own, with controls that must not change."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline
from tests.unit.report_rows import DEED, HALLOWEEN, REFERENCE, incident_rows


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


@pytest.mark.parametrize(
    "text",
    [
        "She would not let me ring anyone.",
        "She didn't want me to call the police.",
        "He wouldnt let us report it.",
        "my mum won't let me tell anyone",
        "The carer says she refused to let me phone the police.",
        "she doesnt want me to ring the council about it",
        "Dad would not allow me to report it to anyone.",
        "Mrs B did not want us to contact the police.",
    ],
)
def test_report_refused_by_someone_else_is_no_report(nlp: Language, text: str) -> None:
    assert incident_rows(nlp, DEED + text) == [(HALLOWEEN, False, ())]


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("She let me ring the police.", ("police",)),
        ("I didn't want to but I rang the police.", ("police",)),
        ("She wanted me to call the police, so I did, I rang 999.", ("police",)),
        ("She let me report it to the council that day.", ("council",)),
    ],
)
def test_report_let_or_made_controls(nlp: Language, text: str, agencies: tuple[str, ...]) -> None:
    assert incident_rows(nlp, DEED + text) == [(HALLOWEEN, True, agencies)]


def test_told_not_to_report_is_still_no_report(nlp: Language) -> None:
    assert incident_rows(nlp, DEED + "He told me not to report it.") == [(HALLOWEEN, False, ())]


def _days(nlp: Language, text: str) -> list[tuple[date | None, date | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, i.reported_on, tuple(sorted(i.agencies))) for i in found]


NOV_7 = "On the 7th of November they had a party with fireworks. I rang the police that night.\n"
NOV_7_ROW = (date(2026, 11, 7), date(2026, 11, 7), ("police",))
NOV_21 = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "On the 21st they dented my car. I have rang the council three times about that one and "
        "still nobody has called back.",
        "On the 21st they dented my car. Rung the council twice about it, no reply.",
        "on the 21st they dented my car n i phoned the council 3 times about that",
        "On the 21st they dented my car. She has complained to the council several times now "
        "about it.",
        "On the 21st they dented my car; I've contacted the council a couple of times over it.",
    ],
)
def test_reports_counted_of_one_incident_stay_with_it(nlp: Language, text: str) -> None:
    assert _days(nlp, NOV_7 + text) == [NOV_7_ROW, (NOV_21, None, ("council",))]


@pytest.mark.parametrize(
    "text",
    [
        "On the 21st they dented my car. I have rang the council three times about them all.",
        "On the 21st they dented my car. I rang the council a couple of times.",
    ],
)
def test_reports_counted_of_all_controls(nlp: Language, text: str) -> None:
    rows = _days(nlp, NOV_7 + text)
    assert rows[-1] == (NOV_21, None, ("council",))
    assert "council" in rows[0][2]


def test_reports_counted_after_it_keep_the_incident_day(nlp: Language) -> None:
    text = "On the 21st they dented my car. I phoned the council about it twice."
    assert _days(nlp, NOV_7 + text) == [NOV_7_ROW, (NOV_21, NOV_21, ("council",))]


def test_reports_counted_on_a_day_keep_the_day(nlp: Language) -> None:
    text = "On the 21st they dented my car. I rang the council twice that night."
    assert _days(nlp, text) == [(NOV_21, NOV_21, ("council",))]


NOV_3 = date(2026, 11, 3)
FIGHT = "On 3 November two of his visitors were fighting on the stairs. "


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("Someone rang the police that night, I don't know who.", ("police",)),
        ("Somebody phoned the police, not sure who.", ("police",)),
        ("a neighbour must have called the police, dont know who", ("police",)),
        ("One of the other residents reported it to the council, no idea who.", ("council",)),
        ("some one rang 999 but i dont know who", ("police",)),
        ("Another tenant told the housing officer, I can't remember who.", ("housing",)),
    ],
)
def test_reporter_not_known_keeps_the_body(
    nlp: Language, text: str, agencies: tuple[str, ...]
) -> None:
    assert incident_rows(nlp, FIGHT + text) == [(NOV_3, True, agencies)]


@pytest.mark.parametrize(
    "text",
    [
        "I did ring someone about it but I'm not sure who.",
        "I reported it but can't remember who to.",
        "I rang the police or the council that night, not sure which one.",
    ],
)
def test_body_not_known_controls(nlp: Language, text: str) -> None:
    assert incident_rows(nlp, FIGHT + text) == [(NOV_3, True, ())]


# A "No" (or "nope") opening a log row's later cell is no report ('| No - thought it was a one
# off'); a "No" that opens other words ("No damage") is not.
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
    assert incident_rows(nlp, table) == [
        (date(2026, 10, 14), False, ()),
        (date(2026, 11, 9), True, ("council",)),
    ]


def test_a_no_that_opens_other_words_is_not_a_no_report(nlp: Language) -> None:
    table = (
        "14/10/2026 | Stones thrown at my window | Police online 15/10/2026 | No damage\n"
        "09/11/2026 | Wing mirror snapped off my car | Council ASB team 10/11/2026 | none\n"
    )
    assert incident_rows(nlp, table) == [
        (date(2026, 10, 14), True, ("police",)),
        (date(2026, 11, 9), True, ("council",)),
    ]
