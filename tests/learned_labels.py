"""Learned risk flags and hate strands against the rules (issue 7, deliver 6), for
tests/learned_incidents.py: a multi-label spaCy textcat trained on the risk suite
(``tests/unit/test_risk_suite_everyday.py``) or the hate suites (``tests/unit/hate_suite*.py``),
run over every sentence of an account, against ``nlp.risk`` / ``nlp.hate`` as case-level set F1
(score.py's ``risk_flags.f1`` and ``hate_strands.f1``)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from tests.learned_incidents import PRF, SEED, CaseRun, score_sets

RISK_LABELS = (
    "immediate_danger",
    "self_harm",
    "threat_of_violence",
    "vulnerable_adult",
    "child_at_risk",
)


def risk_examples() -> list[tuple[str, set[str]]]:
    """The risk suite: sentences, and chats joined into one text."""
    from tests.unit.test_risk_suite_everyday import CHAT_MESSAGES, EVERYDAY

    out = [(text, {str(f) for f in flags}) for text, flags in EVERYDAY]
    out += [(" ".join(messages), {str(f) for f in flags}) for messages, flags in CHAT_MESSAGES]
    return out


def hate_examples() -> list[tuple[str, set[str]]]:
    """The hate suites: hateful sentences with their strand, the controls with none."""
    from tests.unit.test_hate_suite import ALL_HATEFUL, ALL_NEUTRAL

    return [(c.text, {c.strand.value} if c.strand else set()) for c in ALL_HATEFUL + ALL_NEUTRAL]


def train_labels(
    examples: Sequence[tuple[str, set[str]]],
    epochs: int = 20,
    seed: int = SEED,
    labels: Sequence[str] = RISK_LABELS,
) -> Any:
    """A blank English pipeline with a multi-label textcat over ``labels`` (the risk flags)."""
    import spacy
    from spacy.training import Example as SpacyExample
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe(
        "textcat_multilabel",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": False,
                "ngram_size": 2,
                "no_output_layer": False,
            }
        },
    )
    for label in labels:
        textcat.add_label(label)
    data = [
        SpacyExample.from_dict(
            nlp.make_doc(text), {"cats": {label: float(label in flags) for label in labels}}
        )
        for text, flags in examples
    ]
    rng = random.Random(seed)
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in spacy.util.minibatch(data, size=8):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def labels_of(nlp: Any, sentences: Sequence[str], threshold: float) -> set[str]:
    flags: set[str] = set()
    for doc in nlp.pipe(sentences):
        flags |= {label for label, p in doc.cats.items() if p >= threshold}
    return flags


def measure_labels(
    runs: Sequence[CaseRun], model: Any, kind: str = "risk"
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Case-level set F1 of the risk flags (or, ``kind="hate"``, the hate strands)."""

    def gold(r: CaseRun) -> set[str] | None:
        return r.gold_risk if kind == "risk" else r.gold_hate

    def ours(r: CaseRun) -> set[str]:
        return r.rules_risk if kind == "risk" else r.rules_hate

    variants: dict[str, Callable[[CaseRun], set[str]]] = {
        f"rules (nlp.{kind})": ours,
        "learned alone P>=0.5": lambda r: labels_of(model, r.sentences, 0.5),
        "rules + learned P>=0.9": lambda r: ours(r) | labels_of(model, r.sentences, 0.9),
        "rules, learned veto P<0.1": lambda r: ours(r) & labels_of(model, r.sentences, 0.1),
    }
    result = {}
    for label, flags_of in variants.items():
        tallies: dict[str, PRF] = defaultdict(PRF)
        for run in runs:
            want = gold(run)
            if want is None:
                continue
            got = flags_of(run)
            for key in (run.corpus, "all"):
                score_sets(want, got, tallies[key])
        result[label] = {key: t.row() for key, t in sorted(tallies.items())}
    return result
