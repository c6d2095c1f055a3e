"""Round 11: exclusions and parties read in wordings not seen before (own sentences)."""

from __future__ import annotations

from nlp.exclusions import answered_exclusions, find_exclusion_cues
from nlp.parties import find_party_cues
from nlp.party_cues import PartyCue, answer_cues


def _labels(text: str) -> set[str]:
    return {f.label for f in find_exclusion_cues(text)}


def test_neighbours_moved_out_is_behaviour_stopped() -> None:
    assert "behaviour_stopped" in _labels(
        "Anyway the family upstairs moved out in May, thankfully."
    )
    assert "behaviour_stopped" in _labels("the neighbours have finally moved away")


def test_neighbours_moved_out_then_new_ones_is_not_stopped() -> None:
    assert "behaviour_stopped" not in _labels(
        "The neighbours moved out and new ones moved in who are even worse."
    )
    assert "behaviour_stopped" not in _labels("My neighbours moved in last spring.")


def test_staff_treating_the_victim_told_for_her_is_a_service_cue() -> None:
    assert "service" in _labels("We are upset at how the housing officer dealt with my gran.")
    assert "service" in _labels("The caseworker never once called him back after that.")
    assert "service" in _labels("They lost his diary sheets twice.")


def test_the_neighbours_treating_her_is_not_a_service_cue() -> None:
    assert "service" not in _labels("The lads on the corner dealt with her roughly.")
    assert "service" not in _labels("He never rang her back after the party, which was fine.")


def test_yes_to_a_question_about_reviewing_the_cps_decision() -> None:
    found = answered_exclusions("yeah thats it", "So you want the CPS decision reviewed?")
    assert [f.label for f in found] == ["cps_decision"]
    found = answered_exclusions("yes please", "Would you like the court's ruling looked at again?")
    assert [f.label for f in found] == ["court_decision"]


def test_no_or_other_questions_are_not_a_decision_review() -> None:
    assert answered_exclusions("no", "Is it the CPS decision you would like reviewed?") == []
    assert (
        answered_exclusions("yes but mainly the noise", "Is it the CPS decision you want reviewed?")
        == []
    )
    assert answered_exclusions("yes", "Did you report it to the police?") == []
    assert answered_exclusions("yes", "Did the CPS charge him?") == []


def _cues(text: str) -> list[PartyCue]:
    return [PartyCue(f.label) for f in find_party_cues(text)]


def test_agreed_in_writing_that_we_may_share_is_consent() -> None:
    text = "Mrs Okafor has agreed by email that we can pass her details to the housing association."
    assert PartyCue.CONSENT_GIVEN in _cues(text)
    text = "He has agreed in writing that the police may share what he told them."
    assert PartyCue.CONSENT_GIVEN in _cues(text)


def test_agreed_in_writing_to_something_else_is_no_consent() -> None:
    assert PartyCue.CONSENT_GIVEN not in _cues("They agreed in writing to pay the rent arrears.")


def test_both_yes_to_sharing_with_two_agencies() -> None:
    prompt = "Can we share this with the council and the housing association?"
    assert [f.label for f in answer_cues("both yes", prompt)] == [PartyCue.CONSENT_GIVEN]
    assert [f.label for f in answer_cues("all of them fine", prompt)] == [PartyCue.CONSENT_GIVEN]


def test_both_without_agreement_is_no_consent() -> None:
    prompt = "Can we share this with the council and the housing association?"
    assert answer_cues("both of them hate me", prompt) == []
