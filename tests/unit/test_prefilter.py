"""nlp.prefilter: the strings a regex cannot match without; the test never drops a match."""

from __future__ import annotations

import re

import pytest

from nlp.clauses import Cut, segment_text
from nlp.hate_context import repair
from nlp.hate_rules import compiled as _compiled
from nlp.lexicon import sentences
from nlp.prefilter import contains_any, may_match, required_strings
from tests.unit.hate_suite import HATEFUL, NEUTRAL

CASES = [
    (r"he called me", {"he called me"}),
    (r"(?:he|she) called me", {" called me"}),
    (r"\b(?:muslim|jewish) (?:people|folk)", {"muslim", "jewish"}),
    (r"go (?:back|home)+ now", {" now"}),
    (r"(?<![\w])(?:you )?(?:pig|swine)s?\b", {"pig", "swine"}),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_the_strings_a_match_needs(source: str, expected: set[str]) -> None:
    assert required_strings(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"(?i)he called me",  # case-insensitive: a plain substring test would be wrong
        r"(?:(?i:muslim)|jewish)\b",
        r"\w+ \w+",  # nothing long enough
        r"(?:abc|)\b\w+",  # an empty branch needs nothing
    ],
)
def test_no_strings_when_a_match_may_lack_them(source: str) -> None:
    assert required_strings(source) is None


def test_an_optional_part_is_not_required() -> None:
    assert required_strings(r"(?:people)? said it") == {" said it"}


def test_the_test_never_drops_a_match_of_a_hate_rule() -> None:
    # the sentences as nlp.hate reads them, the suite's hateful and neutral ones
    compiled = _compiled()
    canons = [
        repair(s, compiled.lexicon, compiled.slur_strand, compiled.plain_slurs).canon
        for case in HATEFUL + NEUTRAL
        for s in sentences(
            case.text, segment_text(case.text).bounds(Cut.TEXT_SENTENCE), compiled.lexicon
        )
    ]
    checked = 0
    for rule in (rule for _, group in compiled.rules for rule in group):
        needed = required_strings(rule.source)
        if needed is None:
            continue
        for canon in canons:
            if not contains_any(canon, needed):
                checked += 1
                assert rule.pattern.search(canon) is None, (rule.name, canon)
    assert checked > 1000


def test_the_test_never_drops_a_match_of_a_risk_rule() -> None:
    from nlp.risk import _compiled as risk_rules
    from tests.unit.test_risk_suite import SUITE

    canons = [
        s.canon
        for text, _ in SUITE
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE))
    ]
    checked = 0
    for rule in risk_rules().rules:
        needed = required_strings(rule.pattern.pattern)
        if needed is None:
            continue
        for canon in canons:
            if not contains_any(canon, needed):
                checked += 1
                assert rule.pattern.search(canon) is None, (rule.name, canon)
    assert checked > 1000


def test_the_test_never_drops_a_match_of_a_party_rule() -> None:
    from nlp.party_patterns import party_patterns as party_rules
    from tests.unit.test_risk_suite import SUITE

    texts = [text for text, _ in SUITE] + [case.text for case in HATEFUL + NEUTRAL]
    texts += [
        "I am writing on behalf of my elderly neighbour, Mrs Holt.",
        "As her support worker I have been supporting her since May.",
        "Three of my neighbours have also reported it, and four households have complained.",
    ]
    canons = [
        s.canon
        for text in texts
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE))
    ]
    compiled = party_rules()
    patterns = [p for _, p in compiled.third_party] + [p for *_, p in compiled.community]
    matched = 0
    for pattern in patterns:
        for canon in canons:
            if pattern.search(canon) is not None:
                matched += 1
                assert may_match(pattern, canon), (pattern.pattern[:60], canon)
    assert matched >= 3


def test_the_test_never_drops_a_match_of_an_exclusion_rule() -> None:
    from nlp.exclusions import _rules
    from tests.unit.test_risk_suite import SUITE

    texts = [text for text, _ in SUITE] + [case.text for case in HATEFUL + NEUTRAL]
    texts += [
        "I want to stay anonymous, please don't give them my name.",
        "The CPS decided not to charge him and I want that reviewed.",
        "He was acquitted at court and I'm unhappy with the verdict.",
        "My complaint is about how rude the officer was. It has stopped now.",
    ]
    canons = [
        s.canon
        for text in texts
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE))
    ]
    matched = 0
    for rule in _rules():
        for canon in canons:
            if rule.pattern.search(canon) is not None:
                matched += 1
                assert may_match(rule.pattern, canon), (rule.name, canon)
    assert matched >= 4


def test_the_runs_of_three_give_the_same_answer_as_the_search() -> None:
    # nlp.prefilter's quick test (a sentence's runs of three characters against each required
    # string's rarest run) must agree with searching for the strings, both ways, on every rule
    from nlp.exclusions import _rules
    from nlp.prefilter import grams, may_match_source, needed_pattern
    from nlp.risk import _compiled as risk_rules
    from tests.unit.test_risk_suite import SUITE

    compiled = _compiled()
    sources = [rule.source for _, group in compiled.rules for rule in group]
    sources += [rule.pattern.pattern for rule in risk_rules().rules]
    sources += [rule.pattern.pattern for rule in _rules()]
    texts = [text for text, _ in SUITE] + [case.text for case in HATEFUL + NEUTRAL]
    canons = [
        s.canon
        for text in texts
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE), compiled.lexicon)
    ]
    canons += ["ab", "", "muslim", "go back", "jewish folk"]  # short and bare texts too
    agreed = found = 0
    for source in sources:
        needed = needed_pattern(source)
        if needed is None:
            continue
        for canon in canons:
            expected = needed.search(canon) is not None
            assert may_match_source(source, canon, grams(canon)) == expected, (source[:60], canon)
            agreed += 1
            found += expected
    assert agreed > 10_000 and found > 100


def test_a_regex_s_quick_test_agrees_with_its_search() -> None:
    from nlp.prefilter import grams, needed_pattern

    pattern = re.compile(r"\b(?:muslim|jewish) (?:people|folk)")
    needed = needed_pattern(pattern.pattern)
    assert needed is not None
    for text in ["jewish folk", "muslims", "a mus lim", "ewi", "", "people"]:
        assert may_match(pattern, text, grams(text)) == (needed.search(text) is not None)


def test_one_filter_for_many_rules_answers_as_each_rule_s_own_test() -> None:
    # SourceFilter (the hate recogniser's one test per sentence) must let through exactly the
    # rules may_match_source would, rule by rule, on every sentence
    from nlp.prefilter import SourceFilter, grams, may_match_source

    compiled = _compiled()
    sources = [rule.source for _, group in compiled.rules for rule in group]
    texts = [case.text for case in HATEFUL + NEUTRAL]
    canons = [
        s.canon
        for text in texts
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE), compiled.lexicon)
    ]
    canons += ["ab", "", "muslim", "go back", "jewish folk"]
    rule_filter = SourceFilter(sources)
    let_through = 0
    for canon in canons:
        passing = rule_filter.passing(canon, grams(canon))
        expected = {s for s in sources if may_match_source(s, canon, grams(canon))}
        assert passing == expected, canon
        let_through += len(expected)
    assert let_through > len(canons)  # some rules pass, beyond the ones with no test


def test_one_pattern_filter_answers_as_each_pattern_s_own_test() -> None:
    # PatternFilter (the risk, exclusion and party recognisers' one test per sentence) must let
    # through exactly the patterns may_match would, pattern by pattern, on every sentence;
    # a case-insensitive pattern and one with no needed strings always pass
    from nlp.exclusions import _rules
    from nlp.party_patterns import party_patterns
    from nlp.prefilter import PatternFilter, grams
    from nlp.risk import _compiled as risk_rules
    from tests.unit.test_risk_suite import SUITE

    parties = party_patterns()
    patterns = [rule.pattern for rule in risk_rules().rules]
    patterns += [rule.gate for rule in risk_rules().rules if rule.gate is not None]
    patterns += [rule.pattern for rule in _rules()]
    patterns += [p for _, p in parties.third_party] + [p for *_, p in parties.community]
    patterns += [re.compile(r"he called me", re.IGNORECASE), re.compile(r"\w+ \w+")]
    texts = [text for text, _ in SUITE] + [case.text for case in HATEFUL + NEUTRAL]
    canons = [
        s.canon
        for text in texts
        for s in sentences(text, segment_text(text).bounds(Cut.TEXT_SENTENCE))
    ]
    canons += ["ab", "", "he called me", "on behalf of my neighbour", "i want to stay anonymous"]
    pattern_filter = PatternFilter(patterns)
    let_through = ruled_out = 0
    for canon in canons:
        passing = pattern_filter.passing(canon, grams(canon))
        for pattern in patterns:
            expected = may_match(pattern, canon, grams(canon))
            assert (id(pattern) in passing) == expected, (pattern.pattern[:60], canon)
            let_through += expected
            ruled_out += not expected
    assert let_through > len(canons) * 2 and ruled_out > 10_000
