"""No text makes the tokenizer quadratic: long whitespace-free runs are broken, offsets kept."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from intake.transcript import parse_text
from nlp.bounded import MAX_CHUNK, bounded_text
from nlp.extract import Extractor

RECEIVED = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@given(st.text(alphabet=st.sampled_from("=>*!\")_?'a \n"), max_size=2000))
def test_bounded_text_keeps_length_and_characters_and_leaves_no_long_run(text: str) -> None:
    bounded = bounded_text(text)
    assert len(bounded) == len(text)
    assert all(b == t or b == " " for b, t in zip(bounded, text, strict=True))
    assert all(len(run) <= MAX_CHUNK for run in bounded.split())


@given(st.text(max_size=400))
def test_bounded_text_leaves_ordinary_text_alone(text: str) -> None:
    if all(len(run) <= MAX_CHUNK for run in text.split()):
        assert bounded_text(text) == text


def test_a_poison_line_is_read_as_short_tokens_and_the_account_around_it_still_counts() -> None:
    poison = "=" * 30_000
    text = f"They smashed my window last night.\n{poison}\nI rang the police the same night."
    analysed = Extractor().analyse(parse_text(text, RECEIVED))
    tokens = [token for _, part in analysed.parts for token in part.doc]
    assert max(len(token) for token in tokens) <= MAX_CHUNK
    assert analysed.document.text == text  # what is stored and shown is the original
