"""Every dev-corpus input (../shared/corpus/dev) becomes a Document, forwards unwrapped right.

For forwarded cases the FORWARDED segment's author is the case's expected victim and the outer
sender is someone else (the third-party applicant); for victims writing themselves the sender
is the victim. A few hand-checked cases assert that signature and footer text stays out of
BODY/FORWARDED segments, and that each forwarded original's own date is its reference.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import quotequail

from intake.headers import parse_person
from intake.load import load_document
from nlp.document import Document, SegmentKind
from tests.checkout import DEV_CORPUS as DEV
from tests.checkout import requires_shared, shared_params

pytestmark = [pytest.mark.corpus, requires_shared("corpus/dev")]

BST = timezone(timedelta(hours=1))
CASES = sorted(DEV.glob("*.case.json")) if DEV.exists() else []


def _case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return case


def _input(case_path: Path) -> Path:
    return DEV / _case(case_path)["input"]


EMAIL_CASES = [path for path in CASES if _case(path)["input"].endswith(".eml")]
CHAT_CASES = [path for path in CASES if _case(path)["input"].endswith(".chat.json")]


def _params(paths: list[Path]) -> list[object]:
    return shared_params(
        [pytest.param(path, id=path.name.split(".")[0]) for path in paths], "corpus/dev"
    )


def _forwarded(document: Document) -> list[Any]:
    return [s for s in document.segments if s.kind is SegmentKind.FORWARDED]


def test_dev_corpus_is_present() -> None:
    assert len(EMAIL_CASES) == 18
    assert len(CHAT_CASES) == 12


@pytest.mark.parametrize("case_path", _params(EMAIL_CASES))
def test_dev_email_parses_with_segments_in_order_covering_the_text(case_path: Path) -> None:
    document = load_document(_input(case_path))
    assert document.channel == "email"
    assert document.received_at.tzinfo is not None
    position = 0
    for segment in document.segments:
        assert segment.start >= position
        assert document.text[position : segment.start].strip() == ""
        assert segment.end > segment.start
        position = segment.end
    assert document.text[position:].strip() == ""


@pytest.mark.parametrize("case_path", _params(EMAIL_CASES))
def test_dev_email_forward_author_is_expected_victim_and_sender_the_applicant(
    case_path: Path,
) -> None:
    expected = _case(case_path)["expected"]
    victim, role = expected["victim"], expected["applicant"]["role"]
    document = load_document(_input(case_path))
    assert document.sender is not None
    originals = _forwarded(document)
    if role == "third_party":
        assert originals, "a third-party case here is always a forward"
        author = originals[0].author
        assert author is not None
        assert author.email == victim["email"]
        assert author.name == victim["name"]
        assert document.sender.email != victim["email"]
    else:
        assert originals == []
        assert document.sender.email == victim["email"]


FORWARD_DATES = [
    ("d04", datetime(2026, 10, 2, 10, 26, tzinfo=BST)),
    ("d05", datetime(2026, 8, 19, 21, 37, tzinfo=BST)),
    ("d12", datetime(2026, 9, 11, 19, 42, 10, tzinfo=BST)),
    ("d16", datetime(2026, 10, 29, 16, 48, 22, tzinfo=UTC)),
    ("d25", datetime(2026, 10, 22, 18, 14, tzinfo=BST)),
    ("d27", datetime(2026, 10, 12, 18, 5, tzinfo=BST)),
]


@pytest.mark.parametrize(("case_id", "reference"), FORWARD_DATES)
def test_dev_forwarded_original_resolves_against_its_own_date(
    case_id: str, reference: datetime
) -> None:
    document = load_document(DEV / f"{case_id}.eml")
    originals = _forwarded(document)
    assert [segment.reference for segment in originals] == [reference]
    assert [segment.depth for segment in originals] == [1]


# (case, text that must be in a SIGNATURE/FOOTER and never in BODY/FORWARDED)
SIGNATURE_TEXT = [
    ("d01", "07700 900 311"),
    ("d02", "annual leave from 19/10/2026"),
    ("d02", "07700 900 584"),
    ("d04", "Member of Hart District Council since 2019"),
    ("d04", "Best wishes,\nRosemary"),
    ("d09", "Sent from my iPhone"),
    ("d10", "Tel. 0191 498 0712"),
    ("d25", "Registered Society No. 7712"),
    ("d25", "Tel: 0116 496 0912"),
    ("d26", "Fairley's Caf\u00e9, 12 High Street"),
    ("d27", "Floating Support Worker"),
]


@pytest.mark.parametrize(("case_id", "text"), SIGNATURE_TEXT)
def test_dev_signature_and_footer_text_stays_out_of_body(case_id: str, text: str) -> None:
    document = load_document(DEV / f"{case_id}.eml")
    inside = [s.kind for s in document.segments if text in document.segment_text(s)]
    assert inside and all(kind in (SegmentKind.SIGNATURE, SegmentKind.FOOTER) for kind in inside)


# Body text that looks like a signature date must stay in the body ("since 2019" in d10).
def test_dev_body_keeps_distractor_sentences() -> None:
    document = load_document(DEV / "d10.eml")
    body = [s for s in document.segments if s.kind is SegmentKind.BODY]
    assert "Neighbourhood Watch since 2019" in document.segment_text(body[0])


@pytest.mark.parametrize("case_path", _params(CHAT_CASES))
def test_dev_chat_text_is_user_messages_with_bot_prompts_kept(case_path: Path) -> None:
    source = json.loads(_input(case_path).read_text(encoding="utf-8"))
    document = load_document(_input(case_path))
    users = [m for m in source["messages"] if m["from"] == "user"]
    assert document.channel == "chat"
    assert document.text == "\n".join(m["text"] for m in users)
    assert [document.segment_text(s) for s in document.segments] == [m["text"] for m in users]
    assert [s.reference for s in document.segments] == [
        datetime.fromisoformat(m["at"]) for m in users
    ]
    assert document.received_at == datetime.fromisoformat(users[-1]["at"])
    previous: dict[int, str | None] = {}
    last_bot: str | None = None
    for index, message in enumerate(source["messages"]):
        if message["from"] == "bot":
            last_bot = message["text"]
        else:
            previous[index] = last_bot
            last_bot = None
    assert [s.prompt for s in document.segments] == list(previous.values())


def test_dev_forwards_unwrapped_at_least_as_well_as_quotequail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    forwarded = [
        p for p in EMAIL_CASES if _case(p)["expected"]["applicant"]["role"] == "third_party"
    ]
    ours = baseline = 0
    for case_path in forwarded:
        victim = _case(case_path)["expected"]["victim"]
        document = load_document(_input(case_path))
        originals = _forwarded(document)
        ours += bool(
            originals and originals[0].author and originals[0].author.email == victim["email"]
        )
        result = quotequail.unwrap(document.text) or {}
        person = parse_person(result.get("from"))
        baseline += bool(person and person.email == victim["email"])
    with capsys.disabled():
        print(
            f"\ndev forwards: ours {ours}/{len(forwarded)}, quotequail {baseline}/{len(forwarded)}"
        )
    assert ours == len(forwarded)
    assert ours >= baseline
