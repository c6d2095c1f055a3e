"""Round 10's speed work: the shared machinery gives the same answers as before, faster.

- canonical tokens are built as plain tuples of the ``Token`` class (no Python-level ``__new__``);
- a sentence with no three one-character tokens in a row skips the search for spaced-out letters;
- a ``PatternFilter`` names the passing patterns' ids at once (not their sources, then the ids).
"""

from __future__ import annotations

import re

import pytest

from nlp.clauses import Cut, segment_text
from nlp.hate_rules import compiled as hate_compiled
from nlp.lexicon import (
    _SPACED_RUN,
    Sentence,
    Token,
    _join_spaced_letters,
    _resolved,
    _sentence,
    sentences,
)
from nlp.prefilter import PatternFilter, grams, may_match


def _slur() -> str:
    return sorted(w for w in hate_compiled().lexicon.words if w.isalpha() and len(w) >= 5)[0]


def _texts() -> list[str]:
    word = _slur()
    return [
        "The man at number 9 shouted at my door again on Friday night.",
        f"He wrote {' '.join(word)} on the fence, then laughed.",
        f"She said {'. '.join(word)} twice and walked off",
        "I live at flat 3 b c on the second floor",  # single characters, no lexicon word
        "a b",  # a run of two: never joined
        "1 2 3 4 5",  # a run of digits: never joined
        "x y z",
        "Ask for Mr. A. B. Smith at the desk",
        "",
        "it's 'quoted' \u201cwords\u201d; and (brackets)!",
    ]


def _reference_resolved(sentence: Sentence) -> Sentence:
    """``_resolved`` as it was: every sentence searched for spaced-out letters."""
    lexicon = hate_compiled().lexicon
    tokens: list[Token] = []
    changed = False
    for token in _join_spaced_letters(list(sentence.tokens), lexicon):
        word = lexicon.resolve_cached(token.text) or token.text
        if word != token.text:
            token = Token(word, token.start, token.end)
            changed = True
        tokens.append(token)
    if not changed and len(tokens) == len(sentence.tokens):
        return sentence
    return _sentence(tuple(tokens))


@pytest.mark.parametrize("text", _texts())
def test_resolving_a_sentence_gives_what_searching_every_sentence_gave(text: str) -> None:
    lexicon = hate_compiled().lexicon
    for plain in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE)):
        assert _resolved(plain, lexicon) == _reference_resolved(plain)


def test_spaced_out_letters_are_still_joined() -> None:
    word = _slur()
    text = f"He wrote {' '.join(word)} on the fence."
    lexicon = hate_compiled().lexicon
    (resolved,) = sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE), lexicon)
    assert lexicon.resolve(word) in resolved.canon.split(" ")


@pytest.mark.parametrize(
    ("canon", "expected"),
    [
        ("he said f o o at me", True),
        ("a b c", True),
        ("x , y z", True),  # punctuation is a one-character token too
        ("a b", False),
        ("ab c d", False),
        ("a bc d", False),
        ("flat 3 b on the floor", False),
        ("", False),
    ],
)
def test_three_one_character_tokens_in_a_row(canon: str, expected: bool) -> None:
    assert (_SPACED_RUN.search(canon) is not None) is expected


def test_canonical_tokens_are_tokens() -> None:
    text = "He called me a N.A.M.E again"
    (sentence,) = sentences(text, [(0, len(text))])
    assert all(type(t) is Token for t in sentence.tokens)
    assert sentence.tokens[0] == Token("he", 0, 2)
    assert sentence.tokens[0].text == "he" and sentence.tokens[-1].end == len(text)
    assert sentence.canon == "he called me a name again"


def test_a_pattern_filter_names_every_pattern_of_a_shared_source() -> None:
    # two patterns with one source (different flags) both pass where the source may match;
    # a case-insensitive one always passes; one with no needed strings always passes
    one = re.compile(r"threw (?:eggs|stones)")
    same = re.compile(r"threw (?:eggs|stones)", re.MULTILINE)
    other = re.compile(r"spat at (?:me|us)")
    folded = re.compile(r"called me", re.IGNORECASE)
    loose = re.compile(r"\w+ \w+")
    patterns = [one, same, other, folded, loose]
    pattern_filter = PatternFilter(patterns)
    for canon in ["they threw eggs at the door", "he spat at me", "nothing here", "", "ab"]:
        passing = pattern_filter.passing(canon, grams(canon))
        assert passing == {id(p) for p in patterns if may_match(p, canon, grams(canon))}
    assert pattern_filter.passing("they threw stones", grams("they threw stones")) == {
        id(one),
        id(same),
        id(folded),
        id(loose),
    }
