"""Date phrases told in passing (sentences written for this suite, not from any corpus): a
bracketed aside about the writer's own week, the writer's own gatherings, idioms that hold a
behaviour word ("a bit"), laughing told of the writer, and a day's possessive ("Friday's
incident") that names an incident told before and so is not a report's day. Controls beside
each: the same shapes telling behaviour must still count."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, Assembly, assemble
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


CASES: list[tuple[str, list[date]]] = [
    # a bracketed aside about the writer's own time says nothing of behaviour
    (
        "Sorry for the delay, I'm a carer at the hospice (I was on nights all of last week, "
        "which is why I'm late writing) and the man next door is the problem.",
        [],
    ),
    ("I run the allotment club (the open day was on 6 June, lovely weather) so I know them.", []),
    ("I've been off sick since my operation (I was in hospital on the 2nd) and he knows it.", []),
    ("The lads at number 5 are a nightmare (on Monday I was at my sister's all day).", []),
    ("I'm writing on my phone (lates this week, earlies next), so forgive the typos.", []),
    # controls: an aside that tells behaviour, or only gives the day, still counts
    ("The lads at number 5 are a nightmare (on Monday they kicked my gate off).", [d(8)]),
    ("They smashed my kitchen window (on the 4th) and ran off.", [d(4)]),
    ("He shouted abuse at my wife (Saturday night, about 11) from his garden.", [d(6)]),
    ("My car was keyed outside the house (last Friday, I think).", [d(5)]),
    # the writer's own gathering
    ("We had our silver wedding party in the garden on 30 May.", []),
    ("My daughter's 18th birthday party was on Saturday and it went well.", []),
    ("We had a barbecue on Sunday with the grandkids.", []),
    # controls: a party or a bonfire of someone else's
    ("They had a party on Saturday with music till 4am.", [d(6)]),
    ("On the 6th the family next door had a bonfire and the smoke filled my house.", [d(6)]),
    ("On Saturday someone smashed my window during our party.", [d(6)]),
    # "a bit", and laughing told of the writer
    ("A bit of background: I moved here in 2019, and my son was born on 3 May.", []),
    ("It was a bit quiet on Monday, thank goodness.", []),
    ("My sister came round on Sunday and I laughed for the first time in weeks.", []),
    ("My niece's christening was on the 7th and we laughed all afternoon.", []),
    # controls: biting and laughing at the writer by someone else
    ("On Tuesday their dog bit my son on the leg.", [d(9)]),
    ("On the 3rd they laughed at me and threw my shopping on the floor.", [d(3)]),
    ("Yesterday the lads laughed at my wife all the way down the street.", [d(9)]),
    # a day counted in an aside between dashes about something else is not a second incident
    (
        "A fortnight ago - I remember because I had the hearing at the family court the next "
        "day - he kicked my car.",
        [d(27, 5)],
    ),
    (
        "On Saturday - I know because my hospital appointment was the next day - they threw "
        "eggs at the window.",
        [d(6)],
    ),
    ("Last Friday - the day before my GP appointment - they threw eggs at the window.", [d(5)]),
    # control: the day after, told with behaviour of its own
    ("On the 3rd he kicked my car door - and the next day he kicked it again.", [d(3), d(4)]),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _assembled(nlp: Language, text: str) -> Assembly:
    doc = analyse(nlp, text, WEDNESDAY)
    return assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])


@pytest.mark.parametrize(("text", "incident_days"), CASES)
def test_dates_told_in_passing(nlp: Language, text: str, incident_days: list[date]) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)


REPORTED_LATER: list[tuple[str, date, date]] = [
    (
        "Last Friday a gang of lads threw stones at my car. One hit the windscreen. It cost me "
        "a fortune. I reported Friday's incident to the council on Monday.",
        d(5),
        d(8),
    ),
    (
        "On Saturday someone spray-painted my fence. The paint will not come off. My kids were "
        "upset. I told the police about Saturday's vandalism on Tuesday.",
        d(6),
        d(9),
    ),
    (
        "On the 2nd he kicked my door in. I was terrified. I had to get a joiner out. "
        "I rang the ASB team about the 2nd's damage on the 4th.",
        d(2),
        d(4),
    ),
]


@pytest.mark.parametrize(("text", "incident_day", "reported_on"), REPORTED_LATER)
def test_a_days_possessive_names_the_incident_reported(
    nlp: Language, text: str, incident_day: date, reported_on: date
) -> None:
    found = _assembled(nlp, text)
    assert [i.start for i in found.incidents] == [incident_day]
    assert found.incidents[0].reported_on == reported_on


def test_a_months_possessive_is_still_a_person(nlp: Language) -> None:
    found = _assembled(nlp, "June's illness got worse on 2 June. On the 4th they egged my car.")
    assert [i.start for i in found.incidents] == [d(4)]


SAID: list[tuple[str, list[date]]] = [
    # a veto word inside what a perpetrator said is the abuse, not the clause's topic
    ("On Monday he stood at the gate telling me I'd lose my tenancy over this.", [d(8)]),
    ("Yesterday she was shouting that she'd see me in court and banged on the wall.", [d(9)]),
    ("On the 4th the lads were saying my appointment letters were fake, all night.", [d(4)]),
    # controls: an official or the writer's household saying it is still about that topic
    ("On Monday the housing officer told me my tenancy review was booked.", []),
    ("On the 4th my son told me his GP appointment had moved.", []),
]


@pytest.mark.parametrize(("text", "incident_days"), SAID)
def test_what_a_perpetrator_said_vetoes_nothing(
    nlp: Language, text: str, incident_days: list[date]
) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)


NOT_YET: list[str] = [
    "On the 4th they kicked my bins over. havnt reported that 1 yet",
    "On the 4th they kicked my bins over. I hadnt rung anyone about it.",
    "On the 4th they kicked my bins over. i aint told the police coz whats the point",
]


@pytest.mark.parametrize("text", NOT_YET)
def test_a_report_denied_as_people_type_it(nlp: Language, text: str) -> None:
    found = _assembled(nlp, text)
    assert [(i.start, i.reported) for i in found.incidents] == [(d(4), False)]


def test_a_report_told_plainly_still_counts(nlp: Language) -> None:
    found = _assembled(nlp, "On the 4th they kicked my bins over. I reported it to the police.")
    assert [(i.start, i.reported) for i in found.incidents] == [(d(4), True)]


TOLD: list[tuple[str, list[date]]] = [
    # the day the writer told someone (not a relevant body) about what was told before
    (
        "On the 2nd they kicked my fence in. I told my landlord, who lives abroad, about it "
        "yesterday but he wasn't interested.",
        [d(2)],
    ),
    (
        "On the 2nd they kicked my fence in. We mentioned it to the vicar on Sunday and he "
        "said he'd pray for us.",
        [d(2)],
    ),
    (
        "Someone keyed my car on the 3rd. I texted my brother-in-law about it on Monday, he "
        "was livid.",
        [d(3)],
    ),
    ("On the 3rd he spat at me. I spoke to my sister about it on the 5th, she said move.", [d(3)]),
    # controls: behaviour told after the telling, and a report to a body, still read as before
    (
        "I told my cousin about it on Monday and on Tuesday they smashed his window too.",
        [d(9)],
    ),
    ("On the 2nd they kicked my fence in and I told the police about it on the 2nd.", [d(2)]),
]


@pytest.mark.parametrize(("text", "incident_days"), TOLD)
def test_the_day_the_writer_told_someone(
    nlp: Language, text: str, incident_days: list[date]
) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)


DAY_UNKNOWN: list[tuple[str, list[date | None]]] = [
    # behaviour told with no date phrase and its day said to be unknown: an undated incident
    (
        "On the 2nd they egged my door. They also smashed my shed window, I rang 101 about "
        "that too but I can't remember when it was.",
        [d(2), None],
    ),
    ("On the 2nd they egged my door. he punched my lad as well, no idea what day.", [d(2), None]),
    (
        "On the 2nd they egged my door. Someone scratched the car too, not sure of the date.",
        [d(2), None],
    ),
    # controls: a report's day unknown for a dated incident, a habit, and nothing done
    ("On the 2nd they egged my door. I reported it but can't remember when.", [d(2)]),
    (
        "On the 2nd they egged my door. They shout at us most nights, not sure when it began.",
        [d(2)],
    ),
    ("On the 2nd they egged my door. My son moved out, I don't know the date.", [d(2)]),
]


@pytest.mark.parametrize(("text", "incidents"), DAY_UNKNOWN)
def test_behaviour_whose_day_is_not_known(
    nlp: Language, text: str, incidents: list[date | None]
) -> None:
    found = _assembled(nlp, text)
    assert [i.start for i in found.incidents] == incidents


def test_the_report_told_with_an_undated_incident_is_its_own(nlp: Language) -> None:
    found = _assembled(
        nlp,
        "On the 2nd they egged my door and I told the council the next day. They also slashed "
        "my tyres, I rang the police about that but couldn't tell you when it was.",
    )
    assert [(i.start, i.agencies) for i in found.incidents] == [
        (d(2), ("council",)),
        (None, ("police",)),
    ]


SAME_AGAIN: list[tuple[str, list[date]]] = [
    # "it was the same": the behaviour just told, again, on that day
    ("On the 2nd they raced bikes on the field. Last weekend it was the same.", [d(2), d(6)]),
    ("On the 2nd they raced bikes on the field. On Monday, same again.", [d(2), d(8)]),
    ("On the 2nd they raced bikes on the field. Yesterday was more of the same.", [d(2), d(9)]),
    # controls: "the same day", and "the same" with nothing told before
    ("On the 2nd they raced bikes on the field. It was the same day as my scan.", [d(2)]),
    ("Last weekend it was the same as ever, lovely and quiet.", []),
]


@pytest.mark.parametrize(("text", "incident_days"), SAME_AGAIN)
def test_the_same_again(nlp: Language, text: str, incident_days: list[date]) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)


MANY_REPORTERS: list[str] = [
    "Five of us, each from a different house, have reported the noise to the council.",
    "Several neighbours have complained to the police about them.",
    "Three households on the close have all rung the ASB team.",
]


@pytest.mark.parametrize("who_reported", MANY_REPORTERS)
def test_who_has_reported_is_not_a_report_of_the_incident_told(
    nlp: Language, who_reported: str
) -> None:
    found = _assembled(nlp, "On the 2nd they set fire to the bins. " + who_reported)
    assert [(i.start, i.reported) for i in found.incidents] == [(d(2), None)]


def test_the_writer_reporting_it_still_counts(nlp: Language) -> None:
    found = _assembled(
        nlp, "On the 2nd they set fire to the bins. I have reported it to the police."
    )
    assert [(i.start, i.reported) for i in found.incidents] == [(d(2), True)]


REPORT_DAY_NEXT: list[str] = [
    "On the 2nd they kicked my door. I told the council. I can't remember when I told them.",
    "On the 2nd they kicked my door. I reported it to the police. Not sure when I rang, sorry.",
    "On the 2nd they kicked my door. I emailed the ASB team. No idea what day I emailed them.",
]


@pytest.mark.parametrize("text", REPORT_DAY_NEXT)
def test_a_report_day_said_unknown_in_the_next_sentence(nlp: Language, text: str) -> None:
    found = _assembled(nlp, text)
    assert [(i.start, i.reported, i.reported_on) for i in found.incidents] == [(d(2), True, None)]


def test_an_unknown_day_of_something_else_leaves_the_report_day(nlp: Language) -> None:
    found = _assembled(
        nlp,
        "On the 2nd they kicked my door. I told the council that day. I can't remember when "
        "they moved in.",
    )
    assert [(i.start, i.reported_on) for i in found.incidents] == [(d(2), d(2))]


DID_NOT: list[str] = [
    "On the 4th they kicked my bins over. didnt ring police",
    "On the 4th they kicked my bins over. I did not call the council, no point.",
    "On the 4th they kicked my bins over. Told the school. Didn't phone the police though.",
]


@pytest.mark.parametrize("text", DID_NOT)
def test_did_before_a_negation_is_no_report(nlp: Language, text: str) -> None:
    found = _assembled(nlp, text)
    assert [(i.start, i.reported) for i in found.incidents] == [(d(4), False)]
    assert "police" not in found.incidents[0].agencies
    assert "council" not in found.incidents[0].agencies


def test_did_a_report_still_counts(nlp: Language) -> None:
    found = _assembled(nlp, "On the 4th they kicked my bins over. I did a report to the police.")
    assert [(i.start, i.reported, i.agencies) for i in found.incidents] == [
        (d(4), True, ("police",))
    ]


FUTURE_AND_NOT_THEM: list[tuple[str, list[date]]] = [
    # told as still to come: a bare day that resolves into the past is not an incident
    ("On the 2nd he spat at me, and Jo's mum is coming to stay on Saturday.", [d(2)]),
    ("On the 2nd he spat at me. Sam's son will be home from uni at Easter.", [d(2)]),
    ("On the 2nd he spat at me. Ann's family are coming to us on Sunday.", [d(2)]),
    # the writer says it was not the people complained of
    (
        "On the 2nd he spat at me. Saturday was noisy but that was everyone's parties, not him.",
        [d(2)],
    ),
    ("On the 2nd he spat at me. The bins were kicked over on Monday but it wasn't them.", [d(2)]),
    # controls: told in the past, or theirs
    ("On the 2nd he spat at me and on Saturday he said he will burn the house down.", [d(2), d(6)]),
    ("On Saturday they were going to smash the window and they did, with a brick.", [d(6)]),
    ("On Monday it was them again, not the lads from the flats, kicking the door.", [d(8)]),
]


@pytest.mark.parametrize(("text", "incident_days"), FUTURE_AND_NOT_THEM)
def test_told_as_future_or_disclaimed(nlp: Language, text: str, incident_days: list[date]) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)


def test_not_until_far_after_the_negated_verb_is_the_report_day(nlp: Language) -> None:
    found = _assembled(
        nlp,
        "On the 2nd they lobbed a bottle into my garden. I was away so I didnt email the "
        "council's environmental health team about it till the 8th.",
    )
    assert [(i.start, i.reported, i.reported_on) for i in found.incidents] == [(d(2), True, d(8))]
