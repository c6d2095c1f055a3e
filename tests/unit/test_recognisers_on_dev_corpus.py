"""The hate, risk, exclusion and party recognisers over the 30 dev cases (../shared/corpus/dev).

Each text is decoded simply with the standard library (an email's plain or HTML body; a chat's user
messages joined by newlines) and a forward is split at its first "From: Name <address>" line, so
this measures the recognisers, not the intake code. Misses are printed; the floors are what the
recognisers reach today (all 30 on every field). Their speed is measured by `make bench`
(tests/bench.py), not asserted here.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.document import Person, SegmentKind
from nlp.exclusions import find_exclusions
from nlp.hate import find_hate_markers
from nlp.parties import PartyText, decide_parties_for_texts
from nlp.risk import find_risk_flags
from tests.checkout import DEV_CORPUS as CORPUS
from tests.checkout import requires_shared

pytestmark = [pytest.mark.corpus, requires_shared("corpus/dev")]
_FORWARD_FROM = re.compile(
    r"^\s*(?:From|De):\s*(?P<name>[^<\n]*?)\s*<(?P<email>[^>\n]+)>", re.MULTILINE
)


@dataclass(frozen=True)
class Case:
    case_id: str
    text: str
    sender: Person | None
    parts: tuple[PartyText, ...]
    forwarded_authors: tuple[Person, ...]
    expected: dict[str, object]


def _load(path: Path) -> Case:
    case = json.loads(path.read_text())
    source = path.parent / case["input"]
    if source.suffix == ".eml":
        message = email.message_from_bytes(source.read_bytes(), policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        assert body is not None
        text = body.get_content()
        name, address = email.utils.parseaddr(str(message["From"]))
        sender = Person(name or None, address or None)
        forward = _FORWARD_FROM.search(text)
        if forward is None:
            parts: tuple[PartyText, ...] = (PartyText(text, SegmentKind.BODY, 0),)
            authors: tuple[Person, ...] = ()
        else:
            author = Person(forward.group("name").strip() or None, forward.group("email"))
            parts = (
                PartyText(text[: forward.start()], SegmentKind.BODY, 0),
                PartyText(text[forward.end() :], SegmentKind.FORWARDED, forward.end(), author),
            )
            authors = (author,)
    else:
        chat = json.loads(source.read_text())
        text = "\n".join(m["text"] for m in chat["messages"] if m["from"] == "user")
        sender = Person(chat["user"].get("name"))
        parts = (PartyText(text, SegmentKind.CHAT_USER, 0),)
        authors = ()
    return Case(case["id"], text, sender, parts, authors, case["expected"])


def _cases() -> list[Case]:
    return [_load(p) for p in sorted(CORPUS.glob("*.case.json"))] if CORPUS.is_dir() else []


def _predict(case: Case) -> dict[str, object]:
    parties = decide_parties_for_texts(
        case.parts, sender=case.sender, forwarded_authors=case.forwarded_authors
    )
    return {
        "hate_strands": sorted({f.label for f in find_hate_markers(case.text)}),
        "risk_flags": sorted({f.label for f in find_risk_flags(case.text)}),
        "exclusions": sorted({f.label for f in find_exclusions(case.text)}),
        "consent": parties.consent.value,
        "applicant.role": parties.role.value,
        "community_reporters": parties.community_reporters,
    }


def _want(case: Case, field: str) -> object:
    if field == "applicant.role":
        applicant = case.expected["applicant"]
        assert isinstance(applicant, dict)
        return applicant["role"]
    value = case.expected[field]
    return sorted(value) if isinstance(value, list) else value


FLOORS = {
    "hate_strands": 30,
    "risk_flags": 30,
    "exclusions": 30,
    "consent": 30,
    "applicant.role": 30,
    "community_reporters": 30,
}


def test_recognisers_agree_with_the_dev_labels_case_by_case() -> None:
    cases = _cases()
    assert len(cases) == 30
    right = dict.fromkeys(FLOORS, 0)
    misses: list[str] = []
    for case in cases:
        got = _predict(case)
        for field in FLOORS:
            want = _want(case, field)
            if got[field] == want:
                right[field] += 1
            else:
                misses.append(f"{case.case_id} {field}: got {got[field]!r}, want {want!r}")
    print(
        "\n".join(["per-field agreement:"] + [f"  {k}: {v}/30" for k, v in right.items()] + misses)
    )
    assert {k: v >= FLOORS[k] for k, v in right.items()} == dict.fromkeys(FLOORS, True), misses
