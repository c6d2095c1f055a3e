"""The report patterns: ``nlp/patterns/{reports.jsonl,agencies.jsonl,references.json}`` loaded
into matchers, once per vocabulary."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.pipeline import token_texts
from nlp.word_matcher import WordMatcher


def _patterns_text(name: str) -> str:
    return resources.files("nlp").joinpath("patterns", name).read_text(encoding="utf-8")


def _jsonl(name: str) -> list[dict[str, Any]]:
    rows = []
    for line in _patterns_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            row = json.loads(line)
            if "_purpose" not in row:
                rows.append(row)
    return rows


@dataclass(frozen=True)
class _Matchers:
    # Speed: spaCy's Matcher gives the same matches at about ten times the cost (see
    # nlp.word_matcher); tests/unit/test_reports.py checks the two agree.
    reports: WordMatcher
    agencies: PhraseMatcher
    references: tuple[tuple[str, re.Pattern[str]], ...]
    channel_words: frozenset[str]
    came_words: frozenset[str]
    anyone_words: frozenset[str]


def report_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """The report patterns of reports.jsonl as (key, spaCy token pattern); the key is the label,
    "#" and the row's number."""
    return [
        (f"{row['label']}#{i}", row["pattern"])
        for i, row in enumerate(_jsonl("reports.jsonl"))
        if "words" not in row
    ]


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> _Matchers:
    reports = WordMatcher()
    for key, pattern in report_patterns():
        reports.add(key, pattern)
    words = {
        row["label"]: frozenset(row["words"]) for row in _jsonl("reports.jsonl") if "words" in row
    }
    agencies = PhraseMatcher(vocab, attr="LOWER")
    for row in _jsonl("agencies.jsonl"):
        agencies.add(row["label"], [_make_doc(vocab, p) for p in row["phrases"]])
    refs = json.loads(_patterns_text("references.json"))["patterns"]
    references = tuple(
        (p["name"], re.compile(p["regex"], re.IGNORECASE if "i" in p.get("flags", "") else 0))
        for p in refs
    )
    return _Matchers(
        reports,
        agencies,
        references,
        channel_words=words.get("AGENCY_CHANNEL", frozenset()),
        came_words=words.get("AGENCY_CAME", frozenset()),
        anyone_words=words.get("ANYONE", frozenset()),
    )


def _report_matches(doc: Doc, matchers: _Matchers) -> list[tuple[str, int, int]]:
    """The report patterns' matches in ``doc``: (key, start token, end token)."""
    return matchers.reports(token_texts(doc))


def _make_doc(vocab: Vocab, text: str) -> Doc:
    doc: Doc = _tokenizer(vocab)(text)
    return doc


@lru_cache(maxsize=4)
def _tokenizer(vocab: Vocab) -> Any:
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer
