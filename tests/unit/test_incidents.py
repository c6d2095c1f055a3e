"""From date phrases and report cues to incidents (nlp/incidents.py), on small texts of our own."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment, IncidentFinding, assemble_incidents
from nlp.pipeline import analyse, build_pipeline

LONDON = ZoneInfo("Europe/London")
# Wednesday 10 June 2026, evening.
WEDNESDAY = datetime(2026, 6, 10, 19, 30, tzinfo=LONDON)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def incidents(
    nlp: Language, *messages: str, at: datetime = WEDNESDAY, chat: bool = False
) -> list[IncidentFinding]:
    parts = []
    offset = 0
    for text in messages:
        parts.append(
            AnalysedSegment(
                doc=analyse(nlp, text, at), offset=offset, chat=chat, recipient_agency="council"
            )
        )
        offset += len(text) + 1
    return assemble_incidents(parts)


def summary(
    found: list[IncidentFinding],
) -> list[tuple[date | None, date | None, bool | None, date | None, tuple[str, ...]]]:
    return [(i.start, i.end, i.reported, i.reported_on, tuple(sorted(i.agencies))) for i in found]


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


def test_incident_reported_same_day_when_told_with_it(nlp: Language) -> None:
    found = incidents(nlp, "On Monday the lads kicked my gate in and I phoned the police.")
    assert summary(found) == [(d(8), d(8), True, d(8), ("police",))]


def test_report_the_following_morning_counts_from_incident(nlp: Language) -> None:
    found = incidents(
        nlp,
        "Last Saturday someone threw a brick through the window. "
        "I reported it to the council the following morning.",
    )
    assert summary(found) == [(d(6), d(6), True, d(7), ("council",))]


def test_explicit_report_date_in_next_sentence(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On 2 May they sprayed paint on my van. I only reported this to the police on 20/05/2026.",
    )
    assert summary(found) == [(d(2, 5), d(2, 5), True, d(20, 5), ("police",))]


def test_unreported_incident(nlp: Language) -> None:
    found = incidents(
        nlp, "Yesterday they were screaming abuse over the fence. I haven't reported it."
    )
    assert summary(found) == [(d(9), d(9), False, None, ())]


def test_report_told_through_its_date(nlp: Language) -> None:
    found = incidents(nlp, "I rang 101 on the 4th about the motorbikes racing up and down.")
    assert summary(found) == [(d(4), d(4), True, d(4), ("police",))]


def test_two_incidents_in_one_run_on_sentence(nlp: Language) -> None:
    found = incidents(
        nlp,
        "on the 1st they smashed the bus shelter and i told the council the next day and then "
        "last friday they set fire to the bins and i rang 999 straight away",
    )
    assert summary(found) == [
        (d(1), d(1), True, d(2), ("council",)),
        (d(5), d(5), True, d(5), ("police",)),
    ]


def test_report_day_unknown_stays_unknown(nlp: Language) -> None:
    found = incidents(
        nlp,
        "In early May they dumped rubbish in my garden. "
        "I reported it to the council but I can't remember when.",
    )
    assert summary(found) == [(d(1, 5), d(10, 5), True, None, ("council",))]


def test_one_statement_reports_both_incidents(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On Sunday they egged the door and yesterday they keyed my car, "
        "reported both to the police the same day each time.",
    )
    assert summary(found) == [
        (d(7), d(7), True, d(7), ("police",)),
        (d(9), d(9), True, d(9), ("police",)),
    ]


def test_background_periods_are_not_incidents(nlp: Language) -> None:
    found = incidents(
        nlp,
        "It has been going on since March and every weekend there is loud music. "
        "We have lived here since 2015.",
    )
    assert found == []


def test_future_dates_are_not_incidents(nlp: Language) -> None:
    found = incidents(
        nlp, "There is a court hearing on 20/07/2026 where he will be shouted at by the judge."
    )
    assert found == []


def test_date_inside_a_reference_is_not_an_incident(nlp: Language) -> None:
    found = incidents(
        nlp,
        "Last Tuesday they threw stones at us. "
        "I rang the police that night (log 2231 of 09/06/2026).",
    )
    assert summary(found) == [(d(9), d(9), True, d(9), ("police",))]
    assert found[0].references == ("log 2231 of 09/06/2026",)


def test_incident_with_no_date(nlp: Language) -> None:
    found = incidents(
        nlp, "One time they let my tyres down. I told the police about that but I don't know when."
    )
    assert summary(found) == [(None, None, True, None, ("police",))]


def test_report_to_you_goes_to_the_recipient(nlp: Language) -> None:
    found = incidents(
        nlp, "On the 3rd they hammered on the door all night. I reported it to you the next day."
    )
    assert summary(found) == [(d(3), d(3), True, d(4), ("council",))]


def test_chat_answer_reports_the_incident_of_the_previous_message(nlp: Language) -> None:
    found = incidents(
        nlp,
        "last night they were throwing bottles at the house",
        "rang 101 straight away",
        chat=True,
    )
    assert summary(found) == [(d(9), d(9), True, d(9), ("police",))]


def test_same_day_told_twice_is_one_incident(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On Monday they shouted at my kids. "
        "On Monday they also kicked the bins over and I rang the police.",
    )
    assert len(found) == 1
    assert found[0].reported is True


def test_summary_and_evidence_point_at_the_words(nlp: Language) -> None:
    text = "Intro line.\n\nLast Thursday they smashed the porch light. I rang 101 that night."
    [found] = incidents(nlp, text)
    start, end = found.evidence[0]
    assert "smashed the porch light" in text[start:end]
    assert found.summary.startswith("Last Thursday they smashed")


def test_phrases_in_apposition_name_one_day(nlp: Language) -> None:
    found = incidents(
        nlp, "Ten days ago, the Monday, they threw a chair at my window. I rang 101 that night."
    )
    assert summary(found) == [(d(31, 5), d(31, 5), True, d(31, 5), ("police",))]


def test_denied_correction_keeps_the_month(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On the 20th of May he kicked my door in, I reported it to the police that night.",
        "sorry it wasn't the 20th of May, it was the 12th",
        chat=True,
    )
    assert [(i.start, i.reported) for i in found] == [(d(12, 5), True)]


def test_body_named_after_not_is_not_a_report_to_it(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On Sunday they dumped rubbish on my drive. "
        "I only told my landlord, not the council or the police.",
    )
    assert summary(found) == [(d(7), d(7), False, None, ("other",))]


def test_day_before_the_report_verb_dates_the_report(nlp: Language) -> None:
    found = incidents(
        nlp, "On the 2nd they smashed the shed and three days later I reported it to the council."
    )
    assert summary(found) == [(d(2), d(2), True, d(5), ("council",))]


def test_not_reported_until_a_day(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On 3 May they spray-painted the garage. "
        "I didn't report it until 9 June, when I rang the council.",
    )
    assert summary(found) == [(d(3, 5), d(3, 5), True, d(9), ("council",))]


def test_an_address_court_is_not_a_court_of_law(nlp: Language) -> None:
    found = incidents(
        nlp, "On Saturday there was a fight outside Elm Court. I rang 101 that night."
    )
    assert summary(found) == [(d(6), d(6), True, d(6), ("police",))]


def test_a_person_called_june_is_not_the_month(nlp: Language) -> None:
    found = incidents(nlp, "I live with my wife June. June gets frightened by the noise they make.")
    assert found == []


def test_the_same_abuse_again_carries_its_strand(nlp: Language) -> None:
    found = incidents(
        nlp,
        "On Monday two men called me a p*ki and told me to go back where I came from. I rang 101.",
        "last saturday the same men shouted the same stuff at me in the park",
        chat=True,
    )
    assert [(i.start, i.hate_strands) for i in found] == [(d(6), ("race",)), (d(8), ("race",))]


def test_abuse_told_with_no_day_goes_to_the_incidents_told_as_the_same(nlp: Language) -> None:
    found = incidents(
        nlp,
        "whenever my wife walks past their gate they call her a p*ki",
        "on saturday they were yelling that at her again from the window",
        "then monday the same abuse at the bus stop, i rang 101",
        chat=True,
    )
    assert [(i.start, i.hate_strands) for i in found] == [(d(6), ("race",)), (d(8), ("race",))]


def test_with_no_abuse_told_before_the_same_shouting_carries_no_strand(nlp: Language) -> None:
    found = incidents(
        nlp,
        "they kick a ball at my fence most evenings",
        "on saturday the same shouting and swearing at my door",
        chat=True,
    )
    assert [(i.start, i.hate_strands) for i in found] == [(d(6), ())]


def test_a_motivation_told_first_goes_to_the_names_called_later(nlp: Language) -> None:
    found = incidents(
        nlp,
        "The man opposite has been harassing us and we believe it is because we are Muslim.\n\n"
        "On Monday he called us 'scroungers' across the road. On Tuesday our bins were tipped.",
    )
    assert [(i.start, i.hate_strands) for i in found] == [(d(8), ("religion",)), (d(9), ())]


def test_behaviour_told_before_an_undated_phrase_is_an_incident(nlp: Language) -> None:
    found = incidents(nlp, "On Monday they egged the car. They also smashed my mirror once before.")
    assert [i.start for i in found] == [d(8), None]


def test_a_day_given_to_what_was_told_before_is_its_day(nlp: Language) -> None:
    found = incidents(
        nlp,
        "the man upstairs threw paint all over my car",
        "the paint was on monday. i rang the council the same day",
        chat=True,
    )
    assert summary(found) == [(d(8), d(8), True, d(8), ("council",))]


def test_an_attack_told_as_it_happens_is_an_incident_today(nlp: Language) -> None:
    found = incidents(nlp, "theyre at the back door now trying to get in, ive rang 999", chat=True)
    assert summary(found) == [(d(10), d(10), True, d(10), ("police",))]


def test_fear_for_tonight_alone_is_not_an_incident(nlp: Language) -> None:
    assert incidents(nlp, "I am scared for tonight.", chat=True) == []
