"""The one segmentation into sentences and clauses (nlp/clauses.py), and the pipeline's checks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlp.clauses import Cut, segment_text, segmentation
from nlp.lexicon import sentences
from nlp.pipeline import COMPONENTS, PipelineError, analyse, blank_english, build_pipeline

REFERENCE = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline((("clauses", "nlp.clauses"),))


def _texts(doc: Doc, kind: Cut) -> list[str]:
    text = doc.text
    return [text[c.start : c.end] for c in segmentation(doc).of(kind)]


def test_clauses_when_semicolon_but_then_and_brackets_then_each_opens_a_clause(
    nlp: Language,
) -> None:
    doc = analyse(nlp, "On Monday they came; I rang but nobody came (again) then left.", REFERENCE)
    assert _texts(doc, Cut.CLAUSE) == [
        "On Monday they came",
        " I rang",
        "but nobody came ",
        "again",
        "",
        "then left.",
    ]
    assert _texts(doc, Cut.PART) == [
        "On Monday they came",
        " I rang but nobody came (again) then left.",
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("At 23:40 they kicked the door", ["At 23:40 they kicked the door"]),
        ("Around 6:15pm: stones at the window", ["Around 6:15pm", " stones at the window"]),
        ("Note: 01:15 the bell rang", ["Note", " 01:15 the bell rang"]),
    ],
)
def test_the_colon_of_a_clock_time_cuts_no_clause(
    nlp: Language, text: str, parts: list[str]
) -> None:
    doc = analyse(nlp, text, REFERENCE)
    assert _texts(doc, Cut.PART) == parts


def test_each_row_of_a_pipe_table_is_a_paragraph_sentence_of_its_own(nlp: Language) -> None:
    long_cell = "they were shouting and swearing in the street outside for an hour or more"
    text = f"| 01/06/2026 | {long_cell} | police |\n| 03/06/2026 | {long_cell} | - |\n"
    doc = analyse(nlp, text, REFERENCE)
    assert [t.strip() for t in _texts(doc, Cut.PARAGRAPH_SENTENCE)] == [
        f"| 01/06/2026 | {long_cell} | police |",
        f"| 03/06/2026 | {long_cell} | - |",
    ]


def test_clause_around_a_phrase_is_the_clause_that_holds_it(nlp: Language) -> None:
    text = "Last week it was quiet: on Friday the lads kicked the door but I stayed in."
    doc = analyse(nlp, text, REFERENCE)
    cuts = segmentation(doc)
    sentence = cuts.bounds(Cut.PARAGRAPH_SENTENCE)[0]
    start = text.index("on Friday")
    end = start + len("on Friday")
    assert cuts.clause_around(Cut.CLAUSE, sentence, start, end) == (
        " on Friday the lads kicked the door"
    )
    assert cuts.clause_around(Cut.PART, sentence, start, end) == (
        " on Friday the lads kicked the door but I stayed in."
    )


def test_paragraph_sentences_when_a_blank_line_ends_a_sentence_without_a_full_stop(
    nlp: Language,
) -> None:
    doc = analyse(nlp, "Monday 3rd\n\nThey shouted at me. I rang 101", REFERENCE)
    assert _texts(doc, Cut.SENTENCE) == ["Monday 3rd\n\nThey shouted at me.", "I rang 101"]
    assert _texts(doc, Cut.PARAGRAPH_SENTENCE) == [
        "Monday 3rd\n\n",
        "They shouted at me. ",
        "I rang 101",
    ]


def test_report_clauses_when_a_clause_word_or_line_break_then_the_clause_ends_before_it(
    nlp: Language,
) -> None:
    doc = analyse(nlp, "I told the police because they were back\nthen the council", REFERENCE)
    cuts = segmentation(doc)
    assert [doc[i].text for i in sorted(cuts.report_breaks)] == ["because", "\n", "then"]
    assert _texts(doc, Cut.REPORT_CLAUSE) == [
        "I told the police",
        "because they were back",
        "\n",
        "then the council",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs. Holt saw it. Then we left", ["Mrs. Holt saw it.", " Then we left"]),
        (
            "a soft wrap \ngoes on\na hard break ends it",
            ["a soft wrap \ngoes on\n", "a hard break ends it"],
        ),
        ("Ref. 1234 given!  Thanks", ["Ref. 1234 given!", "  Thanks"]),
    ],
)
def test_text_sentences_when_abbreviations_and_line_breaks(text: str, expected: list[str]) -> None:
    cuts = segment_text(text)
    assert [text[s:e] for s, e in cuts.bounds(Cut.TEXT_SENTENCE)] == expected


def test_contrast_clauses_start_at_but_and_semicolon_not_at_a_first_word() -> None:
    text = "But he never threatened me, but last night he came at me; I hid"
    cuts = segment_text(text)
    assert [text[c.start : c.end] for c in cuts.of(Cut.CONTRAST)] == [
        "But he never threatened me, ",
        "but last night he came at me",
        "; I hid",
    ]
    (sentence,) = sentences(text, cuts.bounds(Cut.TEXT_SENTENCE))
    bounds = cuts.contrast_bounds(sentence)
    assert [sentence.canon[b:] for b in bounds] == [
        " but last night he came at me ; i hid",
        "; i hid",
    ]


def test_pipeline_writes_the_clauses_to_doc_spans_and_every_kind_to_the_extension(
    nlp: Language,
) -> None:
    doc = analyse(nlp, "I rang 101; they came. But not till Sunday", REFERENCE)
    assert [(span.label_, span.text) for span in doc.spans["clauses"]] == [
        ("clause", "I rang 101"),
        ("clause", "they came."),
        ("clause", "But not till Sunday"),
    ]
    cuts = segmentation(doc)
    assert all(cuts.of(kind) for kind in Cut)


def test_clauses_settings_come_from_the_component_config() -> None:
    nlp = blank_english()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("clauses", config={"part_separators": [";"]})
    doc = analyse(nlp, "Dates: on Monday; then Tuesday", REFERENCE)
    assert _texts(doc, Cut.PART) == ["Dates: on Monday", " then Tuesday"]


def test_text_cuts_outside_a_pipeline_have_no_doc_kinds() -> None:
    with pytest.raises(KeyError):
        segment_text("They came; I rang.").of(Cut.CLAUSE)


def test_build_pipeline_when_clauses_component_missing_then_error() -> None:
    without = tuple(c for c in COMPONENTS if c[0] != "clauses")
    with pytest.raises(PipelineError, match=r"trigger_hate requires doc\._\.clauses"):
        build_pipeline(without)


def test_build_pipeline_when_clauses_come_after_a_recogniser_then_error() -> None:
    late = (("trigger_risk", "nlp.risk"), ("clauses", "nlp.clauses"))
    with pytest.raises(PipelineError, match=r"trigger_risk requires doc\._\.clauses"):
        build_pipeline(late)


def test_recogniser_reading_a_doc_the_clauses_component_did_not_cut_then_error() -> None:
    nlp = blank_english()
    doc = nlp.make_doc("They came round again.")
    with pytest.raises(ValueError, match="'clauses' component did not run"):
        segmentation(doc)


def test_the_findings_spans_are_spacy_s_expanded_char_spans() -> None:
    # nlp.pipeline.expanded_span bisects token offsets instead of asking spaCy: the same tokens
    # as doc.char_span(..., alignment_mode="expand") for any offsets, in range or not
    from nlp.pipeline import blank_english, expanded_span

    nlp = blank_english()
    text = "  On 9 Nov. they  smashed\nthe shed;  I rang 101 (ref 12/345).  "
    doc = nlp.make_doc(text)
    for start in range(-2, len(text) + 3):
        for end in range(start, len(text) + 3):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = None if span is None else (span.start, span.end)
            assert expanded_span(doc, start, end) == expected, (start, end)
