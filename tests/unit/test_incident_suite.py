"""The incident rules (nlp/incident_candidates.py, patterns/incident_rules.json) on sentences
written for this suite (not from any corpus): incidents told beside unrelated dated events of the
writer's own life (appointments, letters, meetings, court, visits, the family), joined by "and",
"but" or told in the next sentence, either way round; kin and pronoun sentences; lists and diaries.
Each case says which days are incidents and which date phrases are set aside (with a rule and a
reason)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incident_candidates import DATE_RULES
from nlp.incident_rules import rule_book
from nlp.incidents import AnalysedSegment, Assembly, assemble
from nlp.pipeline import analyse, build_pipeline

# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=ZoneInfo("Europe/London"))


def d(day: int, month: int = 6, year: int = 2026) -> date:
    return date(year, month, day)


# An incident clause and its day; an unrelated dated event of the writer's and its day.
INCIDENT: list[tuple[str, date]] = [
    ("on the 2nd they kicked my front door in", d(2)),
    ("on Monday the lads threw eggs at my windows", d(8)),
    ("yesterday someone smashed the mirror on my car", d(9)),
    ("on 3 May the woman next door screamed abuse at my wife", d(3, 5)),
    ("last Friday they were revving motorbikes outside till 3am", d(5)),
    ("on 14/05 he spat at me in the stairwell", d(14, 5)),
    ("on the 4th the youths set fire to our bins", d(4)),
    ("on Saturday the man upstairs played loud music all night", d(6)),
]
UNRELATED: list[tuple[str, date]] = [
    ("on the 3rd I had a GP appointment", d(3)),
    ("on the 7th my hospital appointment was cancelled", d(7)),
    ("on 20 May the council sent me a letter", d(20, 5)),
    ("on the 1st I went to a meeting with the housing officer", d(1)),
    ("on 12 May the court hearing was adjourned", d(12, 5)),
    ("I drove my son to football on the 8th", d(8)),
    ("my brother came round on the 6th", d(6)),
    ("on 28 May my mum visited for the afternoon", d(28, 5)),
    ("on 18 May I took my daughter to the dentist", d(18, 5)),
]
JOINS = (" and ", " but ", ". ")


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _mixed() -> list[tuple[str, list[date], list[date]]]:
    """Every incident clause with every unrelated event, joined each way."""
    cases = []
    for told, day in INCIDENT:
        for other, other_day in UNRELATED:
            if day == other_day:
                continue
            for join in JOINS:
                for first, second in ((told, other), (other, told)):
                    if join == " but " and first is other:
                        continue
                    text = _cap(first) + join + (_cap(second) if join == ". " else second) + "."
                    cases.append((text, [day], [other_day]))
    return cases


# (text, incident days, rejected days)
SUITE: list[tuple[str, list[date], list[date]]] = [
    # a date's own clause decides: vetoes in another conjunct do not reach it
    (
        "On 2 May they kicked my door in and on 9 May, "
        "the day of my GP appointment, they smashed the shed.",
        [d(2, 5), d(9, 5)],
        [],
    ),
    ("On the 4th I had a GP appointment and they smashed my window while I was out.", [d(4)], []),
    (
        "They smashed my window on the 4th while I was at the hospital for an appointment.",
        [d(4)],
        [],
    ),
    ("On the 3rd they pushed a threatening letter through my door.", [d(3)], []),
    ("On Monday he sent me abusive messages all evening.", [d(8)], []),
    ("On the 2nd someone left a nasty letter on my car calling me a grass.", [d(2)], []),
    ("The council sent me a letter on the 3rd about the noise.", [], [d(3)]),
    ("On the 14th they were charged with criminal damage.", [], [d(14, 5)]),
    ("On 12 May I went to court about the assault.", [], [d(12, 5)]),
    (
        "On the 2nd I had a meeting with the housing officer and told her about the shouting.",
        [],
        [d(2)],
    ),
    ("I had a meeting with the ASB officer on the 1st, which went nowhere.", [], [d(1)]),
    ("The hearing was on 20 May and he was given a warning.", [], [d(20, 5)]),
    ("We moved in on 2 March 2024 and it has been hell since.", [], [d(2, 3, 2024)]),
    ("On 28 May the housing officer visited and took photos of the damage.", [], [d(28, 5)]),
    ("On Saturday, the day of my daughter's party, they threw bottles over the fence.", [d(6)], []),
    (
        "On the 5th, the morning after the residents' meeting, they spray painted my door.",
        [d(5)],
        [],
    ),
    # a report's date is not an incident because the incident it reports was set aside
    (
        "On 9 May I had my hospital appointment and I reported it to the police on the 10th.",
        [],
        [d(9, 5), d(10)],
    ),
    (
        "The letter from the council came on the 2nd and I rang them about it on the 3rd.",
        [],
        [d(2)],
    ),
    ("I rang 101 on the 3rd about the cars racing up and down.", [d(3)], []),
    # kin and pronouns: the writer's own household does not make an incident
    ("My brother came round on the 2nd.", [], [d(2)]),
    ("I drove my son to football on the 8th.", [], [d(8)]),
    ("My son came home on the 5th and he was upset.", [], [d(5)]),
    ("My son came home on the 5th and they were waiting for him at the gate.", [d(5)], []),
    ("On Monday my kids were out and they were playing football.", [], [d(8)]),
    ("My wife and son went shopping on the 3rd and they bought a sofa.", [], [d(3)]),
    ("On Tuesday my daughter stayed over and she went back to uni the next morning.", [], [d(9)]),
    ("Our kids went back to school on the 1st.", [], [d(1)]),
    ("On the 7th my husband took the car for its MOT.", [], [d(7)]),
    ("My mum left on Sunday after a week with us.", [], [d(7)]),
    ("On the 3rd my partner and I went to the cinema.", [], [d(3)]),
    ("My daughter's friend came round on Monday and they played in the garden.", [], [d(8)]),
    ("I took my daughter to school on Monday and they shouted at us from the wall.", [d(8)], []),
    ("On the 2nd my son was walking home when they chased him down the road.", [d(2)], []),
    ("My wife was hanging washing on Saturday when the lads threw stones at her.", [d(6)], []),
    ("On the 4th the neighbour's son kicked our gate.", [d(4)], []),
    ("On Monday their kids were throwing stones at the cars.", [d(8)], []),
    # weak behaviour words need someone doing it
    ("I left for work early on the 3rd.", [], [d(3)]),
    ("On the 5th I was back at work.", [], [d(5)]),
    ("We got the window fixed on the 6th.", [], [d(6)]),
    # the writer's own correspondence is not an incident; writing done to the victim's door is
    (
        "I visited her on 2 June with the PCSO, and we wrote to her on 4 June confirming the plan.",
        [],
        [d(2), d(4)],
    ),
    ("On the 5th I wrote to the council about the noise.", [], [d(5)]),
    ("On the 3rd someone wrote 'grass' on my front door.", [d(3)], []),
    ("They wrote abuse on my car in marker pen on the 5th.", [d(5)], []),
    ("On Friday they left a bag of dog mess on the step.", [d(5)], []),
    ("They were back again on the 9th.", [d(9)], []),
    ("They took my bins on the 1st.", [d(1)], []),
    # background, ends and ranges
    ("The noise stopped at the end of May when the tenants were evicted.", [], [d(21, 5)]),
    ("It all calmed down in April.", [], [d(1, 4)]),
    ("Since 3 May they have been parking across my drive every night.", [], [d(3, 5)]),
    ("They have been playing music every weekend since March.", [], []),
    # lists and diaries
    (
        "- 2/6: lads kicking a ball at my window\n"
        "- 4/6: appointment at the hospital\n"
        "- 6/6: shouting outside till 2am",
        [d(2), d(6)],
        [d(4)],
    ),
    (
        "02/06 | bins set on fire | rang 101\n"
        "03/06 | GP appointment\n"
        "05/06 | music till 4am | not reported",
        [d(2), d(5)],
        [d(3)],
    ),
    # a dash log: a line ending in a date phrase does not make the next line's date a range end
    (
        "- 28/05/2026 - bins tipped over in the road - rang the council that night\n"
        "- 02/06/2026 - youths kicking the gate - rang 101 the same day\n"
        "- 04/06 - a ball through the kitchen window - told no one\n"
        "- 06/06 - car aerial snapped off - police the next day",
        [d(28, 5), d(2), d(4), d(6)],
        [],
    ),
    (
        "- 01/06 - my hospital appointment - took a taxi\n"
        "- 03/06 - lads revving bikes on the green",
        [d(3)],
        [d(1)],
    ),
    # an unpunctuated "which was the day of ..." says when, the subject after it what happened
    (
        "and then on the 4th which was the day of my dentist appointment "
        "they threw eggs at the van",
        [d(4)],
        [],
    ),
    (
        "on Monday which was the morning after the residents meeting someone slashed my tyres",
        [d(8)],
        [],
    ),
    ("On the 4th which was the day of my hospital appointment.", [], [d(4)]),
    (
        "Monday 1 June - they were screaming in the garden.\n"
        "Tuesday 2 June - housing officer visited.\n"
        "Wednesday 3 June - eggs thrown at the door.",
        [d(1), d(3)],
        [d(2)],
    ),
    (
        "The incidents: 1) 4 May, my car was scratched; 2) 11 May, "
        "the court date for my divorce; 3) 18 May, bricks through the window.",
        [d(4, 5), d(18, 5)],
        [d(11, 5)],
    ),
    # a list item's date with an appositive before the colon is still the item's heading
    (
        "- 2 June, the night before my exam: they had music on till 4am\n"
        "- 5 June, the day after the meeting: eggs thrown at the door",
        [d(2), d(5)],
        [],
    ),
    # one incident told, an unrelated dated event in the next sentence
    (
        "Yesterday they threw eggs at my door. On the 3rd I had a meeting at the school.",
        [d(9)],
        [d(3)],
    ),
    (
        "On the 1st they smashed the bus shelter. My son started his new job on the 8th.",
        [d(1)],
        [d(8)],
    ),
    ("My GP appointment was on the 4th. That night they were screaming in the street.", [d(4)], []),
    # a date standing alone as a heading, its behaviour told in the sentences after it
    (
        "1. Tuesday 2 June. Loud bass from the flat above until 4am. I rang 101 at 1am.\n"
        "2. Last Saturday. The worst so far. A man kicked our car and dented the door.",
        [d(2), d(6)],
        [],
    ),
    ("On the 3rd. Fireworks let off at our windows by the gang from the flats.", [d(3)], []),
    ("Monday 1 June. Nothing much. Tuesday 2 June. Bins set alight by the lads.", [d(2)], [d(1)]),
    # a medical matter of the household is not an incident unless someone does something in it
    ("My wife saw the GP on the 4th and was diagnosed with depression.", [], [d(4)]),
    ("I was at the doctor's on Monday about my back.", [], [d(8)]),
    ("On the 2nd he punched me and I saw the doctor on the 3rd.", [d(2)], [d(3)]),
    ("My dad was discharged from the ward on 1 June after his knee operation.", [], [d(1)]),
    ("I haven't reported it because my wife had an operation on the 4th.", [], [d(4)]),
    # a correction that names only the month it takes back ("3 June not May")
    (
        "They threw paint at my door on 3 May. Correction, the paint was 3 June not May.",
        [d(3)],
        [d(1, 5)],
    ),
    ("On 4 May they kicked the gate in. It was the 8th of June, not May, sorry.", [d(8)], []),
    # a kind of day ("on a Sunday"), not one day
    ("Sorry to write on a Sunday. On the 6th they threw a brick at the van.", [d(6)], [d(7)]),
    ("They always kick off on a Friday night, but on the 5th they egged my door.", [d(5)], [d(5)]),
    ("On a Monday, 1 June, they smashed the bus shelter.", [d(1)], []),
    # a background word in the sentence before does not reach this one
    ("Nothing from the police since. Tuesday 9 June, lads fighting in the car park.", [d(9)], []),
    # a relative clause's date is its own: "the man who ... on 2 June was in court on 9 June"
    ("The lad who smashed my car on 2 June was in court on the 9th.", [d(2)], [d(9)]),
    ("The woman who spat at me on the 3rd, was sentenced on 8 June.", [d(3)], [d(8)]),
    ("The man who lives at number 4 was in court on 9 June.", [], [d(9)]),
    # what a letter says is its topic, not behaviour told
    (
        "Tue 02/06/2026 - letter came from the council saying they had spoken to the family.\n"
        "Thu 04/06/2026 - they kicked the bins over.",
        [d(4)],
        [d(2)],
    ),
    ("On the 5th an email came stating that they would be evicted.", [], [d(5)]),
    # a fight named by another word
    ("There was a huge brawl outside the chippy on Saturday night.", [d(6)], []),
    ("On the 3rd a scuffle broke out by the bins between two of them.", [d(3)], []),
    # a visit by the household or an official is not an incident, whatever else its clause holds
    ("On Saturday my sister came over to help with the garden and they left us alone.", [], [d(6)]),
    ("My dad popped round on the 4th to drop off a lamp and they said nothing to him.", [], [d(4)]),
    ("On Monday our son came to stay for the week.", [], [d(8)]),
    ("A PCSO came round on the 5th to take a statement.", [], [d(5)]),
    ("On 2 June I met the housing officer to go through my diary.", [], [d(2)]),
    ("On the 3rd they came round and hammered on my door.", [d(3)], []),
    ("The lads from the flats came over the fence on Sunday.", [d(7)], []),
    ("On the 2nd they threw paint at my car and a PCSO came round on the 4th.", [d(2)], []),
    # an earlier event told in the past perfect is its own clause with its own day
    (
        "My nephew came over on the 5th to sweep up the glass they had smashed on the 4th.",
        [d(4)],
        [d(5)],
    ),
    (
        "On the 8th my mum stayed over to help me fix the fence he'd kicked in on the 7th.",
        [d(7)],
        [d(8)],
    ),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _assembled(nlp: Language, text: str) -> Assembly:
    doc = analyse(nlp, text, WEDNESDAY)
    return assemble([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])


CASES = _mixed() + SUITE


@pytest.mark.parametrize(("text", "incident_days", "rejected_days"), CASES)
def test_incident_rules(
    nlp: Language, text: str, incident_days: list[date], rejected_days: list[date]
) -> None:
    found = _assembled(nlp, text)
    assert sorted({i.start for i in found.incidents if i.start}) == sorted(incident_days)
    rejected = {r.occurred_start for r in found.rejected}
    assert set(rejected_days) <= rejected
    for r in found.rejected:
        assert r.rule in DATE_RULES and r.reason
        assert text[r.start : r.end].strip() == r.phrase


def test_the_suite_is_a_few_hundred_sentences() -> None:
    assert len(CASES) >= 300


def test_every_rule_is_named_in_the_data_file_in_the_same_order() -> None:
    assert rule_book().order == DATE_RULES


def test_every_official_whose_clause_tells_the_handling_is_an_official() -> None:
    book = rule_book()
    for subject in ("the PCSO", "the housing officer", "our social worker", "that councillor"):
        match = book.official_subject.match(f"{subject} who came out in March was rude")
        assert match is not None, subject
        assert book.official.fullmatch(match.group(1)), subject
    assert book.official_subject.match("the police officer next door shouted at me") is None
    assert book.official_subject.match("the officer's car was keyed") is None


def test_a_rejection_says_why_in_plain_english(nlp: Language) -> None:
    found = _assembled(
        nlp, "On the 3rd I had a GP appointment and they kicked the gate on the 4th."
    )
    assert [(i.start, i.end) for i in found.incidents] == [(d(4), d(4))]
    (rejected,) = found.rejected
    assert rejected.phrase == "On the 3rd"
    assert (rejected.occurred_start, rejected.occurred_end) == (d(3), d(3))
    assert rejected.rule == "not_incident_clause"
    assert rejected.reason == "in a clause about an appointment ('GP appointment')"


def test_kin_is_not_a_perpetrator_and_says_so(nlp: Language) -> None:
    found = _assembled(nlp, "I drove my son to football on the 8th.")
    assert found.incidents == []
    assert [(r.phrase, r.rule) for r in found.rejected] == [("on the 8th", "no_behaviour")]
    assert found.rejected[0].reason == "no behaviour, perpetrator or report is told with it"


def test_the_report_of_a_set_aside_day_is_set_aside_too(nlp: Language) -> None:
    found = _assembled(
        nlp,
        "On the 2nd the court hearing was adjourned and I reported it to the police on the 3rd.",
    )
    assert found.incidents == []
    assert [r.rule for r in found.rejected] == ["not_incident_clause", "report_of_rejected"]


def test_again_after_an_incident_is_another_one(nlp: Language) -> None:
    found = _assembled(nlp, "On the 2nd they had music on till 4am. And last night AGAIN.")
    assert [i.start for i in found.incidents] == [d(2), d(9)]


def test_again_with_nothing_told_before_is_not_an_incident(nlp: Language) -> None:
    found = _assembled(nlp, "I was back at work again on Monday.")
    assert found.incidents == []


def test_a_quoted_line_break_is_not_a_list_item(nlp: Language) -> None:
    found = _assembled(
        nlp, "> On the 2nd I had a GP appointment and\n> on the 4th they kicked my gate."
    )
    assert [i.start for i in found.incidents] == [d(4)]
    assert found.incidents[0].summary.startswith("> On the 2nd")


def test_a_motivation_told_of_every_incident_goes_to_each(nlp: Language) -> None:
    found = _assembled(
        nlp,
        "On the 2nd they threw eggs at our door. On the 5th they kicked our bins over. "
        "We are Jewish and every one of these things is about our religion.",
    )
    assert [i.hate_strands for i in found.incidents] == [("religion",), ("religion",)]
