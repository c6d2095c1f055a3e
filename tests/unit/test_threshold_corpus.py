"""The engine reproduces the threshold labels of the dev corpus from its labelled facts.

Each ../shared/corpus/dev/*.case.json gives the expected incidents and threshold of one message;
the application date is the .eml's Date: header, or the last user message's time in a chat.
"""

from __future__ import annotations

import email
import json
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from tests.checkout import DEV_CORPUS as CORPUS
from tests.checkout import requires_shared, shared_params
from trigger.draft import Draft
from trigger.profiles import get_profile
from trigger.threshold import decide

CASES = sorted(CORPUS.glob("*.case.json"))

pytestmark = [pytest.mark.corpus, requires_shared("corpus/dev")]


def received_at(path: Path) -> str:
    """The application time: the Date: header of an email, the last user message of a chat."""
    if path.suffix == ".eml":
        message = email.message_from_bytes(path.read_bytes())
        return parsedate_to_datetime(message["Date"]).isoformat()
    chat = json.loads(path.read_text(encoding="utf-8"))
    return str([m["at"] for m in chat["messages"] if m["from"] == "user"][-1])


def draft_from_case(case: dict[str, Any]) -> Draft:
    expected = case["expected"]
    return Draft.model_validate(
        {
            "source": case["input"],
            "received_at": received_at(CORPUS / case["input"]),
            "incidents": expected["incidents"],
            "hate_strands": expected["hate_strands"],
            "community_reporters": expected["community_reporters"],
            "exclusions": expected["exclusions"],
            "risk_flags": expected["risk_flags"],
        }
    )


def test_the_dev_corpus_has_its_thirty_cases() -> None:
    assert len(CASES) == 30


@pytest.mark.parametrize(
    "path",
    shared_params([pytest.param(p, id=p.name.split(".")[0]) for p in CASES], "corpus/dev"),
)
def test_engine_reproduces_the_corpus_label(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    want = case["expected"]["threshold"]
    decision = decide(draft_from_case(case), get_profile(case["policy"]))
    assert decision.status == want["status"], decision.explain().reasons
    assert sorted(decision.routes) == sorted(want["routes"]), decision.explain().reasons
    assert decision.discretion_suggested is want["discretion_suggested"]
    if decision.status == "incomplete":
        assert decision.missing, "an incomplete decision names what is missing"
    else:
        assert decision.missing == []
