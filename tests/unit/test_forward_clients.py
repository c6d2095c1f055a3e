"""Forwarded mail from every common client (tests/forward_clients.py): the original's sender is
the victim, the forwarding councillor the applicant, measured against quotequail and
email-forward-parser (a port of crisp's parser) on the same mail.

Floors (issue 8): >= 95% of the English client formats and >= 90% across languages; and never
fewer than either library finds the original's sender in.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest
import quotequail
from emailforwardparser.client import EmailParserClient

from app.extraction import draft_application
from intake.mime import parse_email
from nlp.extract import Extractor
from tests.forward_clients import COUNCILLOR, Case, suite
from trigger.profiles import get_profile

CASES = suite()


@pytest.fixture(scope="module")
def victims() -> dict[str, tuple[str | None, str]]:
    """Each case's victim email and applicant role as our pipeline drafts them."""
    extractor, profile = Extractor(), get_profile("hartlepool")
    found = {}
    for case in CASES:
        draft = draft_application(extractor, parse_email(case.raw), profile)
        found[case.name] = (draft.victim.email, str(draft.applicant.role))
    return found


def _body(case: Case) -> str:
    message = email.message_from_bytes(case.raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def quotequail_finds(case: Case) -> bool:
    unwrapped = quotequail.unwrap(_body(case)) or {}
    return case.victim_email in str(unwrapped.get("from") or "").lower()


def forward_parser_finds(case: Case) -> bool:
    try:
        found = EmailParserClient().get_original_metadata(case.raw.decode())
    except Exception:  # the library's own failures count as misses
        return False
    return found.forwarded and found.email.from_.address.lower() == case.victim_email


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_original_sender_is_the_victim_and_the_forwarder_a_third_party(
    case: Case, victims: dict[str, tuple[str | None, str]]
) -> None:
    victim, role = victims[case.name]
    assert victim == case.victim_email
    assert victim != COUNCILLOR[1]
    assert role == "third_party"


def test_floors_per_language_and_against_the_libraries(
    victims: dict[str, tuple[str | None, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        (
            case,
            victims[case.name][0] == case.victim_email,
            quotequail_finds(case),
            forward_parser_finds(case),
        )
        for case in CASES
    ]
    english = [row for row in rows if row[0].language == "English"]

    def share(selected: list[tuple[Case, bool, bool, bool]], column: int) -> int:
        return sum(1 for row in selected if row[column])

    with capsys.disabled():
        print(f"\nforwarded suite: {len(rows)} cases, {len(english)} English")
        for label, column in (("ours", 1), ("quotequail", 2), ("email-forward-parser", 3)):
            print(
                f"  {label}: English {share(english, column)}/{len(english)}, "
                f"all {share(rows, column)}/{len(rows)}"
            )
        for case, ours, qq, efp in rows:
            print(f"  {case.name:40} ours={int(ours)} quotequail={int(qq)} efp={int(efp)}")
    assert share(english, 1) >= 0.95 * len(english)
    assert share(rows, 1) >= 0.90 * len(rows)
    assert share(rows, 1) >= max(share(rows, 2), share(rows, 3))
