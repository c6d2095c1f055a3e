"""nlp.word_matcher: spaCy's Matcher's answers for our token patterns, checked against spaCy."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from nlp.dates.rules import rules_for
from nlp.dates.windows import merged_words
from nlp.pipeline import build_pipeline, token_texts
from nlp.word_matcher import WordMatcher
from tests.unit.test_dates import TABLE
from tests.unit.test_dates_written import WRITTEN
from tests.unit.test_incident_suite import SUITE


@cache
def _vocab() -> Vocab:
    vocab: Vocab = spacy.blank("en").vocab
    return vocab


def spacy_matches(
    patterns: list[tuple[str, list[dict[Any, Any]]]], words: list[str]
) -> list[tuple[str, int, int]]:
    """What spaCy's own Matcher finds for ``patterns`` in ``words``."""
    vocab = _vocab()
    matcher = Matcher(vocab, validate=False)
    for key, pattern in patterns:
        matcher.add(key, [pattern])
    doc = spacy.tokens.Doc(vocab, words=words)
    return [(vocab.strings[m], s, e) for m, s, e in matcher(doc)]


def word_matches(
    patterns: list[tuple[str, list[dict[Any, Any]]]], words: list[str], flags: Any = None
) -> list[tuple[str, int, int]]:
    matcher = WordMatcher(flags)
    for key, pattern in patterns:
        matcher.add(key, pattern)
    return matcher(words)


OPTIONAL = [
    ("A", [{"LOWER": "all"}, {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["it", "them"]}}]),
    ("B", [{"LOWER": {"IN": ["each", "all"]}}, {"LOWER": "of"}, {"LOWER": "them", "OP": "?"}]),
    ("C", [{"LOWER": "of", "OP": "?"}, {"LOWER": "them"}]),
    ("C", [{"LOWER": "them"}]),  # a second pattern under one key: its matches once each
    ("D", [{"ORTH": "All"}, {"LOWER": {"REGEX": "^o"}, "OP": "?"}]),
    ("E", [{"LOWER": "of", "OP": "?"}, {"LOWER": "of", "OP": "?"}]),
]


@pytest.mark.parametrize(
    "text",
    [
        "all of them",
        "All of it and all them",
        "each of of them",
        "them them of them",
        "of of of",
        "",
        "nothing here",
    ],
)
def test_optional_tokens_give_every_match_spacy_gives(text: str) -> None:
    words = text.split()
    assert sorted(word_matches(OPTIONAL, words)) == sorted(spacy_matches(OPTIONAL, words))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["all", "All", "of", "them", "it", "each", "x"]), max_size=12))
def test_any_words_give_the_matches_spacy_gives(words: list[str]) -> None:
    assert sorted(word_matches(OPTIONAL, words)) == sorted(spacy_matches(OPTIONAL, words))


def test_matches_within_a_window_are_offsets_into_the_words() -> None:
    words = "all of them and all of it".split()
    matcher = WordMatcher()
    for key, pattern in OPTIONAL[:1]:
        matcher.add(key, pattern)
    assert matcher(words, 3, 7) == [("A", 4, 7)]
    assert matcher(words, 0, 2) == []  # "all of" cut before "them": no match


@pytest.mark.parametrize(
    "spec",
    [
        {"LOWER": "x", "OP": "+"},
        {"POS": "NOUN"},
        {"LOWER": {"NOT_IN": ["x"]}},
        {"LOWER": "x", "ORTH": "x"},
    ],
)
def test_a_spec_it_cannot_answer_for_is_refused(spec: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        WordMatcher().add("X", [spec])


def test_the_date_patterns_find_what_spacys_matcher_finds() -> None:
    # Speed: the date Matcher is nlp.word_matcher (flags and word lists tested once per word);
    # over the dates tables, the incident suite and all of them at once, spaCy's answers.
    nlp = build_pipeline()
    rules = rules_for(id(nlp.vocab), nlp.vocab, nlp.tokenizer)
    matcher = Matcher(nlp.vocab, validate=False)
    for label, pattern in rules.patterns:
        matcher.add(label, [pattern])
    texts = [row[1] for row in TABLE] + [text for text, *_ in SUITE]
    texts += [str(cell) for row in WRITTEN for cell in row if isinstance(cell, str)]
    texts.append(" ".join(texts))
    found = 0
    for text in texts:
        words = merged_words(nlp.make_doc(text), rules.phrases)[0]
        merged = spacy.tokens.Doc(nlp.vocab, words=words)
        expected = sorted((nlp.vocab.strings[m], s, e) for m, s, e in matcher(merged))
        assert sorted(rules.matcher(words)) == expected, text
        found += bool(expected)
    assert found > len(texts) // 2


def test_token_texts_are_the_tokens_as_written() -> None:
    nlp = build_pipeline()
    doc = nlp.make_doc("On 9 Nov. they  smashed\nit")
    assert token_texts(doc) == [t.text for t in doc]
