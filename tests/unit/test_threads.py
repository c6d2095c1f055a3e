"""trigger.threads: a continuing message's draft merged into the open one (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from trigger.draft import Applicant, DateRange, Draft, Incident, Victim
from trigger.threads import merge_drafts, same_incident, same_person
from trigger.vocabulary import Agency, Consent, RiskFlag

WHEN = datetime(2026, 10, 14, 8, tzinfo=UTC)


def incident(day: int | None, summary: str, **fields: object) -> Incident:
    on = date(2026, 10, day) if day else None
    return Incident(occurred=DateRange(start=on, end=on), summary=summary, **fields)  # type: ignore[arg-type]


def test_the_same_incident_told_again_is_folded_in_not_added() -> None:
    held = Draft(
        received_at=WHEN,
        incidents=[incident(9, "They smashed my window.", agencies=[Agency.POLICE])],
    )
    new = Draft(
        received_at=WHEN,
        incidents=[
            incident(9, "They smashed my window again, I told the council", references=["CR1"],
                     agencies=[Agency.COUNCIL]),
            incident(9, "A different thing: a dog was set on my cat."),
            incident(11, "They smashed my window."),
        ],
    )  # fmt: skip
    merged = merge_drafts(held, new)
    assert merged.duplicates == 1
    assert merged.added == (0, 1, 2)
    first = merged.draft.incidents[0]
    assert first.summary == "They smashed my window."
    assert first.agencies == [Agency.POLICE, Agency.COUNCIL]
    assert first.references == ["CR1"]
    assert len(merged.draft.incidents) == 3
    assert merged.draft.threshold is None


def test_undated_incidents_are_the_same_only_in_the_same_words() -> None:
    assert same_incident(incident(None, "Noise  all night."), incident(None, "noise all night."))
    assert not same_incident(incident(None, "Noise all night."), incident(None, "Noise again."))


def test_parties_are_filled_never_replaced_and_flags_are_united() -> None:
    held = Draft(
        received_at=WHEN,
        applicant=Applicant(name="Ann Lee"),
        victim=Victim(name="Ann Lee"),
        risk_flags=[RiskFlag.VULNERABLE_ADULT],
        community_reporters=2,
    )
    new = Draft(
        received_at=datetime(2026, 10, 20, tzinfo=UTC),
        applicant=Applicant(name="Someone Else", phone="07700 900123"),
        victim=Victim(address="1 High Street"),
        consent=Consent.GIVEN,
        risk_flags=[RiskFlag.VULNERABLE_ADULT, RiskFlag.SELF_HARM],
        community_reporters=1,
    )
    merged = merge_drafts(held, new).draft
    assert merged.applicant.name == "Ann Lee"
    assert merged.applicant.phone == "07700 900123"
    assert merged.victim.address == "1 High Street"
    assert merged.consent is Consent.GIVEN
    assert merged.risk_flags == [RiskFlag.VULNERABLE_ADULT, RiskFlag.SELF_HARM]
    assert merged.community_reporters == 2
    assert merged.received_at == WHEN


def test_same_person_by_email_then_name_and_nobody_named_matches() -> None:
    assert same_person(Victim(email="A@x.org"), Victim(email="a@x.org", name="Other"))
    assert not same_person(Victim(email="a@x.org"), Victim(email="b@x.org"))
    assert not same_person(Victim(name="Ann Lee"), Victim(name="Bob Hale"))
    assert same_person(Victim(name="Ann Lee"), Victim())
