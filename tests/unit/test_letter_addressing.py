"""Where a letter goes (the way the applicant came) and what goes with it, without I/O."""

from __future__ import annotations

import pytest

from console.addressing import Address, plain_addressee
from console.correspondence import covering_note, subject_of
from storage.tables import LetterChannel


@pytest.mark.parametrize(
    ("channel", "sender", "thread_key", "expected"),
    [
        (
            "email",
            "Pat <pat@example.org>",
            "<1@x>",
            Address(LetterChannel.EMAIL, "pat@example.org"),
        ),
        ("email", "pat@example.org", None, Address(LetterChannel.EMAIL, "pat@example.org")),
        ("email", None, None, Address(LetterChannel.POST)),
        ("email", "not an address", None, Address(LetterChannel.POST)),
        ("telegram", "99", "4242", Address(LetterChannel.TELEGRAM, "4242")),
        ("telegram", "99", None, Address(LetterChannel.POST)),
        ("assisted-phone", "officer:1", None, Address(LetterChannel.POST)),
        ("assisted-letter", "officer:1", None, Address(LetterChannel.POST)),
        ("demo", None, "demo:x", Address(LetterChannel.POST)),
    ],
)
def test_a_letter_goes_the_way_the_applicant_came(
    channel: str, sender: str | None, thread_key: str | None, expected: Address
) -> None:
    assert plain_addressee(channel, sender, thread_key, None) == expected


def test_the_covering_note_is_built_from_structured_fields_and_fits_a_caption() -> None:
    note = covering_note("Pat Victim", "CT-000007", "jo", "Hartlepool")
    assert note.startswith("Dear Pat Victim,") and note.count("CT-000007") == 2
    assert "999" in note and "jo\nHartlepool Community Trigger" in note
    assert covering_note(None, "CT-000007", "jo", "Hartlepool").startswith("Dear applicant,")
    assert len(covering_note("x" * 5000, "CT-000007", "y" * 5000, "z" * 5000)) <= 1024
    assert subject_of("CT-000007", "not_met") == (
        "Your Community Trigger application CT-000007: not met letter"
    )
