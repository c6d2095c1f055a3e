"""Whatever arrives, extraction yields a contract-valid draft or a clean rejection."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extraction import draft_application
from intake.errors import RejectedMessage
from intake.mime import parse_email
from intake.transcript import parse_chat, parse_text
from nlp.extract import Extractor
from trigger.draft import Draft
from trigger.profiles import get_profile

EXTRACTOR: Extractor | None = None
PROFILE = get_profile("hart")
RECEIVED = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def extractor() -> Extractor:
    global EXTRACTOR
    if EXTRACTOR is None:
        EXTRACTOR = Extractor()
    return EXTRACTOR


def assert_contract_valid(draft: Draft, text_length: int) -> None:
    data = json.loads(draft.model_dump_json())
    again = Draft.model_validate(data)  # round-trips through the contract's JSON
    assert again.threshold is not None
    for incident in again.incidents:
        for span in incident.evidence:
            assert 0 <= span.start <= span.end <= text_length
        if incident.occurred.start is not None:
            assert incident.occurred.end is not None
            assert incident.occurred.start <= incident.occurred.end
    for index in again.threshold.qualifying:
        assert 0 <= index < len(again.incidents)


@SETTINGS
@given(st.text(max_size=600))
def test_any_text_gives_a_valid_draft(text: str) -> None:
    try:
        document = parse_text(text, RECEIVED)
    except RejectedMessage:
        assert not text.strip(), "only a blank text may be rejected"
        return
    draft = draft_application(extractor(), document, PROFILE)
    assert_contract_valid(draft, len(document.text))


WORDS = st.sampled_from(
    "yesterday last night on the 3rd reported it to the police rang 101 they smashed my window "
    "the council next morning didn't report it 12/09/26 Bonfire Night a fortnight ago I'm disabled "
    "go back to your country they threatened to kill me anonymous CPS . , \n".split(" ")
)


@SETTINGS
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_shuffled_account_words_give_a_valid_draft(text: str) -> None:
    try:
        document = parse_text(text, RECEIVED)
    except RejectedMessage:
        assert not text.strip(), "only a blank text may be rejected"
        return
    assert_contract_valid(draft_application(extractor(), document, PROFILE), len(document.text))


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_as_email_give_a_draft_or_a_rejection(raw: bytes) -> None:
    try:
        document = parse_email(raw)
    except RejectedMessage:
        return
    assert_contract_valid(draft_application(extractor(), document, PROFILE), len(document.text))


MESSAGE = st.fixed_dictionaries(
    {
        "at": st.integers(min_value=0, max_value=400 * 24 * 3600).map(
            lambda s: (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=s)).isoformat()
        ),
        "from": st.sampled_from(["user", "bot"]),
        "text": st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=30).map(" ".join)),
    }
)


@SETTINGS
@given(st.lists(MESSAGE, min_size=1, max_size=8))
def test_any_chat_in_the_format_gives_a_draft_or_a_rejection(
    messages: list[dict[str, str]],
) -> None:
    transcript = {
        "channel": "chat",
        "platform": "telegram",
        "user": {"id": 1, "name": "Test"},
        "messages": messages,
    }
    try:
        document = parse_chat(json.dumps(transcript))
    except RejectedMessage:
        assert not any(m["from"] == "user" and m["text"].strip() for m in messages), (
            "a chat the user wrote in was rejected"
        )
        return
    assert_contract_valid(draft_application(extractor(), document, PROFILE), len(document.text))


def test_a_one_megabyte_email_finishes() -> None:
    line = "On the 3rd they shouted and banged on the door, I rang 101 that night. " * 20 + "\n"
    body = line * (1_000_000 // len(line))
    raw = (
        "From: A Person <a@example.org>\r\nTo: cs@example.org\r\nSubject: long\r\n"
        "Date: Thu, 01 Oct 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + body
    ).encode()
    document = parse_email(raw)
    draft = draft_application(extractor(), document, PROFILE)
    assert draft.incidents  # it read the account rather than giving up


@pytest.mark.parametrize("policy", ["hart", "durham", "dartford", "leicestershire", "hartlepool"])
def test_every_profile_decides_an_empty_draft(policy: str) -> None:
    draft = draft_application(extractor(), parse_text("hello", RECEIVED), get_profile(policy))
    assert draft.threshold is not None and draft.threshold.policy == policy
