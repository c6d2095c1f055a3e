"""Round five of issue 7: a diary line's day before a spaced dash ("the 9th - ..."), a report one
is only able to make ("nothing I can tell you", "I could ring them") and the CSU as the council's
community safety unit. Sentences of our own, with controls that must not change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from spacy.language import Language

from nlp.dates import find_dates
from nlp.incidents import AnalysedSegment, assemble_incidents
from nlp.pipeline import analyse, build_pipeline, findings

REFERENCE = datetime(2026, 10, 27, 10, 0, tzinfo=UTC)  # Tuesday 27 October 2026


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _days(text: str) -> list[str | None]:
    return [m.start_date.isoformat() if m.start_date else None for m in find_dates(text, REFERENCE)]


@pytest.mark.parametrize(
    "text",
    [
        "the 9th - about eight of them drinking on my wall",
        "The 9th - lads on bikes in the car park again",
        "9th - shouting outside till 2am",
        "the 9th – bins set on fire",
        "on the 9th - they were banging on the door",
        "Fri the 9th - eggs at the window",
        "the 9th - same again, told the housing officer",
        "the 9th -  music all night",
    ],
)
def test_day_before_a_spaced_dash_is_a_diary_line(text: str) -> None:
    assert _days(text) == ["2026-10-09"]


@pytest.mark.parametrize(
    "text",
    [
        "we live in the 3rd-floor flat",
        "the 2nd - 3rd were the worst nights",
        "his 3rd - and last - warning",
        "the 9th floor lift was broken",
    ],
)
def test_day_before_a_hyphen_or_range_is_still_no_day(text: str) -> None:
    assert "2026-10-09" not in _days(text)
    assert "2026-10-03" not in _days(text)
    assert "2026-10-02" not in _days(text)


def _cues(nlp: Language, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = analyse(nlp, text, REFERENCE)
    return [
        (text[f.start : f.end], f.label, tuple(f.value.agencies) if f.value else ())
        for f in findings(doc, "reports")
        if f.label != "collective"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We were away that week so there is nothing I can tell you about it.",
        "All I can tell you is it went on for hours.",
        "I could ring the council but they never answer.",
        "i can call u back later if you need more",
        "If it helps I can email you the photos.",
        "Mum says she can phone you any afternoon.",
        "I cud tell the police but whats the point",
        "As her carer I can contact you on her behalf.",
    ],
)
def test_report_only_able_to_be_made_is_no_report(nlp: Language, text: str) -> None:
    assert [c for c in _cues(nlp, text) if c[1] == "report"] == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I couldn't ring the police as my phone was dead.", "no_report"),
        ("I could not tell the council, I was too upset.", "no_report"),
        ("I rang the police, I can tell you that.", "report"),
        ("I can confirm I reported it to the council.", "report"),
        ("She told the police the same night.", "report"),
    ],
)
def test_made_or_refused_reports_unchanged(nlp: Language, text: str, label: str) -> None:
    assert [c[1] for c in _cues(nlp, text)][:1] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Okafor emailed the CSU the next day.",
        "I rang the CSU on Monday.",
        "reported it to csu",
        "My daughter contacted the Community Safety Unit.",
    ],
)
def test_csu_is_the_council(nlp: Language, text: str) -> None:
    assert ("council",) in [c[2] for c in _cues(nlp, text) if c[1] == "report"]


@pytest.mark.parametrize(
    "text",
    [
        "The housing officer never once rang her back.",
        "the PCSO then told him to go inside",
        "the housing officer didnt ring her back for a month",
        "The PCSO still hasn't called them back.",
        "The police officer just told them to keep the noise down.",
        "pcso finally rang her back after 3 weeks",
        "Our housing officer eventually phoned him back.",
        "The council never called her back.",
    ],
)
def test_agency_doing_the_ringing_is_no_report_to_it(nlp: Language, text: str) -> None:
    assert [c for c in _cues(nlp, text) if c[1] == "report"] == []


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("The PCSO was on the street so I told her there and then.", "police"),
        ("I had a meeting with the housing officer and told her about the shouting.", "housing"),
        ("The PCSO came round and mum told him everything.", "police"),
        ("A council officer knocked, I told her about the bins.", "council"),
    ],
)
def test_agency_told_after_it_is_named_unchanged(nlp: Language, text: str, agency: str) -> None:
    assert (agency,) in [c[2] for c in _cues(nlp, text) if c[1] == "report"]


@pytest.mark.parametrize(
    "text",
    [
        "Her landlord is Wearvale Housing. Diary: party again, rang wearvale in the morning.",
        "We rent from Tees Bay Homes. I phoned Tees Bay the next day about it.",
        "Landlord: Northmoor Housing\n\n3 Oct - bins burnt. emailed Northmoor that night",
        "my landlord is Calder Vale Housing and I told Calder Vale the same day",
        "I'm with Brightwell Homes. rung brightwell on monday",
        "Landlord Ashdown Housing. I contacted Ashdown about the shouting.",
    ],
)
def test_landlord_by_its_own_name_alone_is_housing(nlp: Language, text: str) -> None:
    assert ("housing",) in [c[2] for c in _cues(nlp, text) if c[1] == "report"]


@pytest.mark.parametrize(
    "text",
    [
        "Housing is a mess round here. I rang the council.",
        "Social Housing is scarce here. Then I rang the police.",
        "Brightwell Homes is my landlord. I rang Brightwell Road police station.",
    ],
)
def test_no_landlord_short_name_without_its_own_name(nlp: Language, text: str) -> None:
    agencies = [c[2] for c in _cues(nlp, text) if c[1] == "report"]
    assert agencies and all("housing" not in a for a in agencies), agencies


LINES_REFERENCE = datetime(2026, 6, 10, 19, 30, tzinfo=UTC)


def _rows(nlp: Language, text: str) -> list[tuple[date | None, tuple[str, ...]]]:
    doc = analyse(nlp, text, LINES_REFERENCE)
    found = assemble_incidents([AnalysedSegment(doc=doc, offset=0, recipient_agency=None)])
    return [(i.start, tuple(sorted(i.agencies))) for i in found]


@pytest.mark.parametrize(
    "text",
    [
        'Entry dated 01/06/2026 - "party again till 3am, rang the police to report"\n'
        'Entry dated 03/06/2026 - "eggs thrown at the window, nobody told"',
        "Entry for 01/06 - shouting on the landing, carer rang the police\n"
        "Entry for 03/06 - bins set alight outside, not reported",
        "Diary 1/6 - gang on bikes in the car park, reported it to the police\n"
        "Diary 3/6 - stones at the window, nobody told",
        "Note made 01.06.2026 - swearing at my carer, we rang the police\n"
        "Note made 03.06.2026 - shouting at 2am, not reported",
        "Mum's entry 01/06 | drinking on the wall. rang police\n"
        "Mum's entry 03/06 | screaming in the street. nobody told",
    ],
)
def test_labelled_dated_line_keeps_its_own_report(nlp: Language, text: str) -> None:
    assert _rows(nlp, text) == [(date(2026, 6, 1), ("police",)), (date(2026, 6, 3), ())]


@pytest.mark.parametrize(
    "text",
    [
        "He threw a bottle through her window and the police had to come out that night.",
        "the police finally came at 2am",
        "PCSOs eventually turned up the next day.",
        "The police had to attend, he was that drunk.",
        "the ASB team then came round to see us",
        "police did come out but didnt do much",
    ],
)
def test_agency_that_came_after_a_helper_word_is_a_report(nlp: Language, text: str) -> None:
    assert [c[1] for c in _cues(nlp, text)] == ["report"]


@pytest.mark.parametrize(
    "text",
    [
        "The police have to come out every week now.",
        "the council has to come and clear it",
        "The police had nothing to say about it.",
    ],
)
def test_agency_that_must_come_is_no_report(nlp: Language, text: str) -> None:
    assert [c[1] for c in _cues(nlp, text)] == []
