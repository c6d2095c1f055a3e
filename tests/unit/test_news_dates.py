"""The date finder on dated news prose written blind (tests/fixtures/news-a and news-b).

Two writers who never saw the code each wrote 40 British news items with gold days read by the
contract's conventions; ``tests.news_dates`` scores the finder on them. The floors sit a little
under what the finder reached. First, untouched scores (README, "Dated news prose"): news-a F1
0.890 (its misses then found causes: 0.988), news-b F1 0.933 (not used to find causes).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.news_dates import NewsScore, score_file, score_item

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NEWS = FIXTURES / "news-a" / "news.jsonl"
# news set -> (gold day phrases, F1 floor)
FLOORS = {NEWS: (83, 0.96), FIXTURES / "news-b" / "news.jsonl": (117, 0.91)}


@pytest.mark.parametrize("news", list(FLOORS), ids=lambda p: p.parent.name)
def test_gold_offsets_name_their_phrases(news: Path) -> None:
    for line in news.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for gold in item["dates"]:
            start = gold["start"]
            assert item["text"][start : start + len(gold["phrase"])] == gold["phrase"], item["id"]


@pytest.mark.parametrize("news", list(FLOORS), ids=lambda p: p.parent.name)
def test_news_dates_stay_above_their_floor(news: Path) -> None:
    gold_days, floor = FLOORS[news]
    score = score_file(news)
    assert score.gold_days == gold_days
    assert score.f1 >= floor, "\n".join(score.misses)


def test_a_wrong_day_is_a_miss_and_a_day_outside_the_gold_a_false_find() -> None:
    item = {
        "id": "t1",
        "dateline": "2026-03-14T09:30:00+00:00",
        "text": "Police were called on Friday. The man, 34, appears in court on 3 March 2024.",
        "dates": [{"phrase": "Friday", "start": 22, "date": "2026-03-06"}],
    }
    score = NewsScore()
    score_item(item, score)
    # "on Friday" is 13 March by the contract (the latest Friday strictly before the 14th).
    assert (score.gold_days, score.found, score.false_finds) == (1, 0, 1)
    assert score.misses[0].startswith("t1: 'Friday' want 2026-03-06")
    assert "false find 'on 3 March 2024'" in score.misses[1]
