"""Every message the bot can send is plain English: Flesch reading ease >= 70, no sentence
over 25 words (issue 10, "Words a victim can read"). Renders EVERY template with sample values,
so the measure holds as templates are added."""

from __future__ import annotations

import re
import string

import pytest
import textstat

from bot.templates import SAMPLES, TEMPLATES, render

MIN_READING_EASE = 70.0
MAX_SENTENCE_WORDS = 25


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip()]


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_reads_plainly(name: str) -> None:
    text = render(name, **SAMPLES)
    assert "{" not in text, f"{name}: a placeholder was left unfilled"
    for sentence in _sentences(text):
        words = len(sentence.split())
        assert words <= MAX_SENTENCE_WORDS, f"{name}: {words} words in {sentence!r}"
    if len(text.split()) >= 4:  # a button label has no reading ease worth measuring
        ease = textstat.flesch_reading_ease(text)
        assert ease >= MIN_READING_EASE, f"{name}: reading ease {ease:.1f} < 70: {text!r}"


def test_every_placeholder_has_a_sample() -> None:
    for name, template in TEMPLATES.items():
        for _, field, _, _ in string.Formatter().parse(template):
            if field:
                assert field in SAMPLES, f"{name}: no sample for {{{field}}}"


def test_the_measure_can_fail() -> None:
    hard = (
        "Notwithstanding the aforementioned considerations, applications necessitate "
        "comprehensive substantiation of qualifying complaints."
    )
    assert textstat.flesch_reading_ease(hard) < MIN_READING_EASE
