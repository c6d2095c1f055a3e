"""The date finder on dated news prose written blind (tests/fixtures/news-a; see its README).

A writer who never saw the code wrote 40 British news items with gold days read by the
contract's conventions; ``tests.news_dates`` scores the finder on them. The floor sits a little
under what the finder reached; the first, untouched score was F1 0.890 (README, "Dated news prose").
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.news_dates import NewsScore, score_file, score_item

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "news-a" / "news.jsonl"
F1_FLOOR = 0.96


def test_gold_offsets_name_their_phrases() -> None:
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for gold in item["dates"]:
            start = gold["start"]
            assert item["text"][start : start + len(gold["phrase"])] == gold["phrase"], item["id"]


def test_news_dates_stay_above_their_floor() -> None:
    score = score_file(NEWS)
    assert score.gold_days == 83
    assert score.f1 >= F1_FLOOR, "\n".join(score.misses)


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
