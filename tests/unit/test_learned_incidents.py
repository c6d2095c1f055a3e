"""tests/learned_incidents.py, the measurement of learned components against the rules: its data
loading (candidates recorded from the real assembler, the suite and a corpus labelled) and its
scoring (score.py's matching by date, precision/recall/F1, the systems' decisions). Not a test of
how well anything learns: one tiny training run checks only that a fixed seed gives the same
model twice."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.incidents import AnalysedSegment
from nlp.pipeline import analyse, build_pipeline
from tests.learned_incidents import (
    EVAL_CORPORA,
    MASK,
    OTHER_MASK,
    PRF,
    Candidate,
    CaseRun,
    Example,
    candidates_of,
    corpus_examples,
    incident_probabilities,
    learned_alone,
    learned_rescue,
    learned_veto,
    load_corpus,
    masked,
    match_incidents,
    rules,
    score_incidents,
    score_sets,
    suite_examples,
    train_textcat,
    within_gold,
)
from tests.unit.test_incident_suite import WEDNESDAY


def d(day: int, month: int = 6) -> date:
    return date(2026, month, day)


FOURTH = date(2026, 6, 4)


def candidate(outcome: str, rule: str | None = None, day: date | None = FOURTH) -> Candidate:
    return Candidate("on the 4th", "c", "s", day, day, d(10), outcome, rule)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def test_the_date_is_masked_and_other_dates_differently() -> None:
    text = "On the 3rd I had a GP appointment and they kicked the gate on the 4th."
    assert masked(text, (59, 69), [(0, 10)]) == (
        f"{OTHER_MASK} I had a GP appointment and they kicked the gate {MASK} ."
    )


def test_candidates_are_recorded_with_the_rules_verdicts(nlp: Language) -> None:
    text = "On the 3rd I had a GP appointment and they kicked the gate on the 4th."
    doc = analyse(nlp, text, WEDNESDAY)
    found = candidates_of([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")])
    assert [(c.phrase, c.outcome, c.rule, c.start) for c in found] == [
        ("On the 3rd", "rejected", "not_incident_clause", d(3)),
        ("on the 4th", "accepted", None, d(4)),
    ]
    first, second = found
    assert first.clause.startswith(f"{MASK} I had a GP appointment")
    assert MASK in second.clause and OTHER_MASK in second.sentence
    assert second.view == f"{second.clause} | {second.sentence}"


def test_the_suite_is_labelled_from_its_own_days(nlp: Language) -> None:
    examples = suite_examples(nlp)
    assert len(examples) >= 300
    assert {e.label for e in examples} == {True, False}
    assert all(MASK in e.text for e in examples)


def test_a_corpus_is_read_as_trigger_extract_reads_it() -> None:
    from nlp.extract import Extractor

    corpus = EVAL_CORPORA[-1]
    runs = load_corpus(corpus, Extractor())
    assert len(runs) == len(list(corpus.glob("*.case.json")))
    for run in runs:
        assert run.corpus == corpus.name
        # what the rules accepted is what the draft holds
        accepted = {(c.start, c.end) for c in run.candidates if c.outcome == "accepted"}
        assert accepted <= set(run.rules_incidents)
        assert run.gold_risk is None or run.gold_risk <= {
            "immediate_danger",
            "self_harm",
            "threat_of_violence",
            "vulnerable_adult",
            "child_at_risk",
        }
    assert any(run.gold_incidents for run in runs)
    examples = corpus_examples(runs)
    assert len(examples) == sum(len(r.candidates) for r in runs)


def test_incidents_pair_as_score_py_pairs_them() -> None:
    gold = [(d(1), d(1)), (d(3), d(5)), (None, None)]
    # overlapping ranges pair, each used once; undated with undated
    assert match_incidents(gold, [(d(4), d(4)), (d(3), d(3)), (None, None)]) == 2
    assert match_incidents(gold, [(d(1), d(1)), (d(4), d(4)), (None, None)]) == 3
    assert match_incidents(gold, [(d(2), d(2))]) == 0
    assert match_incidents([], [(d(2), d(2))]) == 0


def test_a_case_counts_distinct_days_once() -> None:
    tally = PRF()
    score_incidents([(d(1), d(1)), (d(9), d(9))], [(d(1), d(1)), (d(1), d(1)), (d(7), d(7))], tally)
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)
    assert tally.precision == tally.recall == tally.f1 == 0.5
    assert PRF().f1 == 1.0  # nothing expected, nothing found
    flags = PRF()
    score_sets({"self_harm"}, {"self_harm", "child_at_risk"}, flags)
    assert flags.row()["precision"] == 0.5 and flags.row()["recall"] == 1.0


def test_within_gold_is_inside_one_incidents_days() -> None:
    gold = [(d(3), d(5))]
    assert within_gold(candidate("accepted", day=d(4)), gold)
    assert not within_gold(candidate("accepted", day=d(6)), gold)
    month = Candidate("in June", "c", "s", d(1), d(30), d(10), "rejected", "period")
    assert not within_gold(month, gold)


def test_the_systems_decide_as_named() -> None:
    accepted = candidate("accepted")
    set_aside = candidate("rejected", "no_behaviour")
    future = candidate("rejected", "future", day=d(20))
    assert rules(accepted, 0.0) and not rules(set_aside, 1.0)
    alone = learned_alone(0.5)
    assert alone(set_aside, 0.6) and not alone(accepted, 0.4)
    assert not alone(future, 1.0)  # the rules' date logic still holds
    assert not learned_veto(0.2)(accepted, 0.1) and learned_veto(0.2)(accepted, 0.3)
    assert not learned_veto(0.2)(set_aside, 1.0)
    rescue = learned_rescue(0.9)
    assert rescue(accepted, 0.0) and rescue(set_aside, 0.95) and not rescue(set_aside, 0.5)
    assert not rescue(future, 1.0)


def test_a_fixed_seed_trains_the_same_textcat_twice() -> None:
    data = [
        Example(f"they kicked my door {MASK} | they kicked my door {MASK}", True),
        Example(f"I went to the dentist {MASK} | I went to the dentist {MASK}", False),
    ] * 4
    texts = [e.text for e in data[:2]]
    first = incident_probabilities(train_textcat(data, epochs=2, seed=7), texts)
    second = incident_probabilities(train_textcat(data, epochs=2, seed=7), texts)
    assert first == second
    assert all(0.0 <= p <= 1.0 for p in first)


def test_the_veto_sets_aside_what_the_classifier_doubts_and_says_why(nlp: Language) -> None:
    from tests.learned_veto import VETO_RULE, vetoing_assemble

    text = "On the 3rd I had a GP appointment and they kicked the gate on the 4th."
    parts = [
        AnalysedSegment(doc=analyse(nlp, text, WEDNESDAY), offset=0, recipient_agency="council")
    ]
    kept = vetoing_assemble(lambda _text: 0.9, 0.2)(parts)
    assert [i.start for i in kept.incidents] == [d(4)]
    vetoed = vetoing_assemble(lambda _text: 0.1, 0.2)(parts)
    assert vetoed.incidents == []
    assert [(r.phrase, r.rule) for r in vetoed.rejected] == [
        ("On the 3rd", "not_incident_clause"),
        ("on the 4th", VETO_RULE),
    ]
    (veto,) = [r for r in vetoed.rejected if r.rule == VETO_RULE]
    assert text[veto.start : veto.end] == veto.phrase
    assert veto.reason == "the incident classifier reads no incident in its clause (P=0.10)"


def test_case_level_labels_are_scored_as_sets() -> None:
    from tests.learned_labels import RISK_LABELS, labels_of, measure_labels, train_labels

    data = [("he has a knife and said he will stab me", {"threat_of_violence"})] * 3
    data += [("they play music too loud", set())] * 3
    model = train_labels(data, epochs=2, seed=7)
    found = labels_of(model, ["they play music too loud"], 0.0)
    assert found == set(RISK_LABELS)  # every label clears a threshold of nothing
    run = CaseRun(
        case_id="x1",
        corpus="corpus-x",
        gold_incidents=[],
        gold_risk={"threat_of_violence", "self_harm"},
        gold_hate=None,
        rules_incidents=[],
        rules_risk={"threat_of_violence", "child_at_risk"},
        rules_hate=set(),
        candidates=[],
        sentences=["they play music too loud"],
    )
    result = measure_labels([run], model)
    rules_row = result["rules (nlp.risk)"]["all"]
    assert (rules_row["tp"], rules_row["fp"], rules_row["fn"]) == (1, 1, 1)
    assert measure_labels([run], model, "hate")["rules (nlp.hate)"] == {}  # no gold: not scored
