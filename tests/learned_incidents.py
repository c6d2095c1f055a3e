"""Learned components against the rules (issue 7, deliver 6): measured on first-contact text.

Trains small spaCy text classifiers on labelled sentences of our own and measures them against the
named rules on the first-contact corpora ``tests/fixtures/corpus-f`` .. ``corpus-j``:

- incidents, per date candidate: every date phrase the assembler decides on (``nlp.incidents``) is
  a candidate; a system accepts it as an incident or not; the distinct days accepted in a case are
  matched to the case's gold incidents by date as ``../shared/eval/score.py`` does (ranges that
  overlap, closest first). Systems: the rules alone; a textcat alone (deciding every candidate
  whose date resolves to a past day or a span of at most a month, the rules' own date logic); the
  rules with a learned veto on what they accept; the rules with a learned rescue of what their
  text rules (``not_incident_clause``, ``no_behaviour``, ``other_part``) set aside.
- risk flags, per case: a multi-label textcat over the account's sentences against ``nlp.risk``,
  as set F1 of ``risk_flags`` (score.py's ``risk_flags.f1``); hate strands the same way, trained
  on the hate suites (``tests/unit/hate_suite*.py``), against ``nlp.hate``.

Training data is ours only: the incident suite (``tests/unit/test_incident_suite.py``), the risk
suite (``tests/unit/test_risk_suite_everyday.py``) and, as a second, larger training set, the
corpora the rules were built on (the dev corpus in ../shared and ``tests/fixtures/corpus`` ..
``corpus-e``), labelled from their gold incidents. The evaluation corpora are never trained on.
Every model is trained with a fixed seed on one CPU: seconds for the bag-of-words models, about a
minute for the CNN on a loaded machine.

Usage: ``python -m tests.learned_incidents [--json FILE] [--epochs N]`` (PYTHONPATH = checkout).
This is measurement tooling, not part of the runtime package.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from tests.checkout import DEV_CORPUS, ROOT

SEED = 20261207
FIXTURES = ROOT / "tests" / "fixtures"
EVAL_CORPORA = tuple(FIXTURES / f"corpus-{x}" for x in "fghij")
# Corpora the rules were developed on: a second training set for the learned models, never scored.
OLDER_CORPORA = (DEV_CORPUS, FIXTURES / "corpus", *(FIXTURES / f"corpus-{x}" for x in "bcde"))
# The rules that set a date aside for what its text says (the ones a text classifier competes
# with); the others are date logic (future, a period, unresolved) or bookkeeping.
TEXT_RULES = frozenset({"not_incident_clause", "no_behaviour", "other_part"})
LONGEST_INCIDENT_DAYS = 31
MASK, OTHER_MASK = "DATEX", "DATEY"
INCIDENT, OTHER = "INCIDENT", "OTHER"


# -- candidates ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """One date phrase the assembler decided on, with what a classifier reads of it."""

    phrase: str
    clause: str  # the date's own clause, the date masked
    sentence: str  # its sentence, the date masked (other dates masked differently)
    start: date | None  # the days the phrase names (or, accepted, the days the rules gave it)
    end: date | None
    reference_day: date | None
    outcome: str  # "accepted" | "rejected" | "merged" (told already / a correction)
    rule: str | None  # the rejecting rule

    @property
    def view(self) -> str:
        """The text a classifier is given: the clause, then its sentence."""
        return f"{self.clause} | {self.sentence}"

    def resolvable(self) -> bool:
        """The rules' own date logic: a day or span of at most a month, not in the future."""
        if self.start is None or self.end is None:
            return False
        if self.reference_day is not None and self.start > self.reference_day:
            return False
        return (self.end - self.start).days < LONGEST_INCIDENT_DAYS


def masked(text: str, own: tuple[int, int], others: Iterable[tuple[int, int]]) -> str:
    """``text`` with the span ``own`` replaced by MASK and every other span by OTHER_MASK."""
    spans = sorted({own, *others})
    out, at = [], 0
    for a, b in spans:
        if a < at or a >= len(text):
            continue
        out.append(text[at:a])
        out.append(f" {MASK} " if (a, b) == own else f" {OTHER_MASK} ")
        at = b
    out.append(text[at:])
    return " ".join("".join(out).split())


def candidate_view(assembler: Any, sents: Any, mention_f: Any) -> tuple[str, str]:
    """What a classifier reads of a date phrase: its own clause and its sentence, masked."""
    from nlp.clauses import Cut

    text, own = sents.text, (mention_f.start, mention_f.end)
    sentence = sents.index(mention_f.start)
    s_start, s_end = sents.bounds(sentence)
    a, b = sents.bounds_around(Cut.CLAUSE, sentence, mention_f.start, mention_f.end)
    others = [(m.start, m.end) for m in assembler.mentions_between(s_start, s_end)]

    def view(lo: int, hi: int) -> str:
        inside = [(x - lo, y - lo) for x, y in others if lo <= x < hi]
        return masked(text[lo:hi], (own[0] - lo, own[1] - lo), inside)

    return view(a, b), view(s_start, s_end)


def _recorder_class() -> type:
    """A subclass of the assembler that records every candidate and what the rules made of it."""
    from nlp.incident_words import date_value
    from nlp.incidents import _Assembler

    class Recorder(_Assembler):
        def __init__(self, parts: list[Any]) -> None:
            super().__init__(parts)
            self.candidates: list[Candidate] = []
            self.accepted: dict[int, Any] = {}  # candidate index -> the incident it started

        def _date(
            self,
            seg_index: int,
            part: Any,
            sents: Any,
            mention_f: Any,
            reference_day: Any,
            *rest: Any,
        ) -> None:
            clause, sentence = candidate_view(self, sents, mention_f)
            n_incidents, n_rejected = len(self.incidents), len(self.rejected)
            super()._date(seg_index, part, sents, mention_f, reference_day, *rest)
            start, end = date_value(mention_f.value)
            rule, outcome = None, "merged"
            if len(self.incidents) > n_incidents:
                outcome = "accepted"
                self.accepted[len(self.candidates)] = self.incidents[-1]
            elif len(self.rejected) > n_rejected:
                outcome, rule = "rejected", self.rejected[-1].rule
            phrase = mention_f.value.text.strip()
            self.candidates.append(
                Candidate(phrase, clause, sentence, start, end, reference_day, outcome, rule)
            )

    return Recorder


def candidates_of(parts: list[Any]) -> list[Candidate]:
    """Every date candidate of an analysed document, with the rules' verdicts."""
    recorder = _recorder_class()(parts)
    recorder.run()
    # an accepted candidate's days are its incident's once the account is read (relative days
    # resolved, corrections applied)
    return [
        replace(c, start=recorder.accepted[k].start, end=recorder.accepted[k].end)
        if k in recorder.accepted
        else c
        for k, c in enumerate(recorder.candidates)
    ]


# -- labelled examples -----------------------------------------------------------------------
@dataclass(frozen=True)
class Example:
    text: str
    label: bool


def suite_examples(nlp: Any) -> list[Example]:
    """The incident suite's candidates, labelled from its gold: a candidate is an incident when
    its day is one of the sentence's incident days (when a day is both an incident and set aside
    in one sentence, the candidate the suite's rules accepted is the incident)."""
    from nlp.incidents import AnalysedSegment
    from nlp.pipeline import analyse
    from tests.unit.test_incident_suite import CASES, WEDNESDAY

    out = []
    for text, incident_days, rejected_days in CASES:
        doc = analyse(nlp, text, WEDNESDAY)
        for c in candidates_of([AnalysedSegment(doc=doc, offset=0, recipient_agency="council")]):
            if c.start in incident_days and c.start in rejected_days:
                label = c.outcome == "accepted"
            else:
                label = c.start in incident_days
            out.append(Example(c.view, label))
    return out


def within_gold(c: Candidate, gold: Sequence[tuple[date | None, date | None]]) -> bool:
    """Whether the candidate's days lie inside one gold incident's days."""
    return c.start is not None and any(
        s is not None and e is not None and c.end is not None and s <= c.start and c.end <= e
        for s, e in gold
    )


# -- cases -----------------------------------------------------------------------------------
@dataclass
class CaseRun:
    """One labelled case read by the runtime: gold, the rules' output and its candidates."""

    case_id: str
    corpus: str
    gold_incidents: list[tuple[date | None, date | None]]
    gold_risk: set[str] | None
    gold_hate: set[str] | None
    rules_incidents: list[tuple[date | None, date | None]]  # the draft's, as scored
    rules_risk: set[str]
    rules_hate: set[str]
    candidates: list[Candidate]
    sentences: list[str] = field(default_factory=list)


def _range(occurred: dict[str, Any] | None) -> tuple[date | None, date | None]:
    occurred = occurred or {}
    start = occurred.get("start")
    end = occurred.get("end") or start
    return (
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )


def load_corpus(corpus: Path, extractor: Any) -> list[CaseRun]:
    """Every case of ``corpus`` read by the runtime (`trigger extract`'s path, in process)."""
    from intake.load import load_document
    from nlp.document import SegmentKind

    runs = []
    for path in sorted(corpus.glob("*.case.json")):
        case = json.loads(path.read_text())
        expected = case["expected"]
        document = load_document(corpus / case["input"])
        draft = extractor.extract(document)
        analysed = extractor.analyse(document)
        parts = [part for _segment, part in analysed.parts]
        chat = any(s.kind is SegmentKind.CHAT_USER for s, _ in analysed.parts)
        sentences = [
            " ".join(s.text.split()) for part in parts for s in part.doc.sents if s.text.strip()
        ]
        if chat:  # a chat's messages are read as one account
            sentences.append(" ".join(sentences))
        runs.append(
            CaseRun(
                case_id=case["id"],
                corpus=corpus.name,
                gold_incidents=[_range(i.get("occurred")) for i in expected.get("incidents", [])],
                gold_risk=set(expected["risk_flags"]) if "risk_flags" in expected else None,
                gold_hate=set(expected["hate_strands"]) if "hate_strands" in expected else None,
                rules_incidents=[(i.occurred.start, i.occurred.end) for i in draft.incidents],
                rules_risk={str(f) for f in draft.risk_flags},
                rules_hate={str(f) for f in draft.hate_strands},
                candidates=candidates_of(parts),
                sentences=sentences,
            )
        )
    return runs


def corpus_examples(runs: Iterable[CaseRun]) -> list[Example]:
    """Candidates of labelled corpora, labelled from the gold incidents' days."""
    return [Example(c.view, within_gold(c, r.gold_incidents)) for r in runs for c in r.candidates]


# -- scoring (score.py's matching) -----------------------------------------------------------
Range = tuple[date | None, date | None]


def match_incidents(expected: Sequence[Range], predicted: Sequence[Range]) -> int:
    """How many expected and predicted incidents pair up: ranges that overlap, closest first;
    undated with undated (score.py's ``match_incidents``)."""
    candidates = []
    for i, (es, ee) in enumerate(expected):
        for j, (ps, pe) in enumerate(predicted):
            if es is None or ps is None:
                if es is None and ps is None:
                    candidates.append((10**6, i, j))
                continue
            assert ee is not None and pe is not None
            if ps <= ee and es <= pe:
                candidates.append((abs((ps - es).days) + abs((pe - ee).days), i, j))
    used_e: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
    return len(used_e)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def score_incidents(gold: Sequence[Range], predicted: Iterable[Range], tally: PRF) -> None:
    """Add one case: its distinct predicted ranges against its gold incidents."""
    distinct = sorted(set(predicted), key=lambda r: (r[0] is None, r[0] or date.min))
    pairs = match_incidents(gold, distinct)
    tally.add(pairs, len(distinct) - pairs, len(gold) - pairs)


def score_sets(gold: set[str], predicted: set[str], tally: PRF) -> None:
    tally.add(len(predicted & gold), len(predicted - gold), len(gold - predicted))


# A system decides each candidate: (candidate, P(incident)) -> accepted as an incident or not.
Decide = Callable[[Candidate, float], bool]


def rules(c: Candidate, p: float) -> bool:
    return c.outcome == "accepted"


def learned_alone(threshold: float = 0.5) -> Decide:
    return lambda c, p: c.resolvable() and p >= threshold


def learned_veto(threshold: float) -> Decide:
    """The rules' incidents, less those the classifier is sure are none (P < threshold)."""
    return lambda c, p: c.outcome == "accepted" and p >= threshold


def learned_rescue(threshold: float) -> Decide:
    """The rules' incidents, and what their text rules set aside that the classifier is sure of."""
    return lambda c, p: (
        c.outcome == "accepted" or (c.rule in TEXT_RULES and c.resolvable() and p >= threshold)
    )


def incident_ranges(run: CaseRun, probs: Sequence[float], decide: Decide) -> list[Range]:
    return [(c.start, c.end) for c, p in zip(run.candidates, probs, strict=True) if decide(c, p)]


# -- training --------------------------------------------------------------------------------
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "bow": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
    },
    "cnn": {
        "@architectures": "spacy.TextCatCNN.v2",
        "exclusive_classes": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 2,
            "embed_size": 2000,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    },
}


def train_textcat(
    examples: Sequence[Example], architecture: str = "bow", epochs: int = 10, seed: int = SEED
) -> Any:
    """A blank English pipeline with one exclusive textcat (INCIDENT / OTHER), trained here."""
    import spacy
    from spacy.training import Example as SpacyExample
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat", config={"model": ARCHITECTURES[architecture]})
    textcat.add_label(INCIDENT)
    textcat.add_label(OTHER)
    data = [
        SpacyExample.from_dict(
            nlp.make_doc(e.text), {"cats": {INCIDENT: float(e.label), OTHER: float(not e.label)}}
        )
        for e in examples
    ]
    rng = random.Random(seed)
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in spacy.util.minibatch(data, size=16):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def incident_probabilities(nlp: Any, texts: Sequence[str]) -> list[float]:
    return [doc.cats[INCIDENT] for doc in nlp.pipe(texts, batch_size=64)]


# -- the measurement -------------------------------------------------------------------------
def systems(models: dict[str, Any]) -> list[tuple[str, str | None, Decide]]:
    """(system name, model name or None, decision) in the order they are reported."""
    out: list[tuple[str, str | None, Decide]] = [("rules", None, rules)]
    for name in models:
        out += [
            (f"learned alone [{name}]", name, learned_alone(0.5)),
            (f"rules + veto P<0.2 [{name}]", name, learned_veto(0.2)),
            (f"rules + veto P<0.5 [{name}]", name, learned_veto(0.5)),
            (f"rules + rescue P>=0.9 [{name}]", name, learned_rescue(0.9)),
        ]
    return out


def measure_incidents(
    runs: Sequence[CaseRun], models: dict[str, Any]
) -> dict[str, dict[str, dict[str, float | int]]]:
    """System -> corpus (and "all") -> precision, recall, F1 over the dated gold incidents."""
    probs: dict[str, list[list[float]]] = {
        name: [incident_probabilities(nlp, [c.view for c in r.candidates]) for r in runs]
        for name, nlp in models.items()
    }
    result: dict[str, dict[str, dict[str, float | int]]] = {}
    for label, model, decide in systems(models):
        tallies: dict[str, PRF] = defaultdict(PRF)
        for k, run in enumerate(runs):
            p = probs[model][k] if model else [0.0] * len(run.candidates)
            gold = [g for g in run.gold_incidents if g[0] is not None]
            predicted = incident_ranges(run, p, decide)
            for key in (run.corpus, "all"):
                score_incidents(gold, predicted, tallies[key])
        result[label] = {key: t.row() for key, t in sorted(tallies.items())}
    # the runtime's own incidents (dated and undated), as score.py scores them
    drafts: dict[str, PRF] = defaultdict(PRF)
    for run in runs:
        for key in (run.corpus, "all"):
            score_incidents(run.gold_incidents, run.rules_incidents, drafts[key])
    result["runtime draft (score.py incidents.f1)"] = {
        k: t.row() for k, t in sorted(drafts.items())
    }
    return result


def cross_validated(examples: Sequence[Example], folds: int = 5, epochs: int = 10) -> PRF:
    """In-domain check: k-fold accuracy of the bow textcat on its own training set."""
    order = list(range(len(examples)))
    random.Random(SEED).shuffle(order)
    tally = PRF()
    for k in range(folds):
        test = {i for n, i in enumerate(order) if n % folds == k}
        model = train_textcat([examples[i] for i in order if i not in test], epochs=epochs)
        held = [examples[i] for i in sorted(test)]
        for e, p in zip(held, incident_probabilities(model, [e.text for e in held]), strict=True):
            tally.add(
                int(e.label and p >= 0.5), int(not e.label and p >= 0.5), int(e.label and p < 0.5)
            )
    return tally


def table(result: dict[str, dict[str, dict[str, float | int]]], corpora: Sequence[str]) -> str:
    head = "| system | " + " | ".join(corpora) + " | all (P / R / F1) |"
    lines = [head, "|" + " --- |" * (len(corpora) + 2)]
    for label, by_corpus in result.items():
        cells = [f"{by_corpus[c]['f1']:.3f}" if c in by_corpus else "-" for c in corpora]
        a = by_corpus["all"]
        cells.append(f"{a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def seed_spread(
    runs: Sequence[CaseRun], data: Sequence[Example], seeds: Sequence[int], epochs: int
) -> dict[str, dict[str, list[float]]]:
    """F1 of the bow model (alone, and as a veto) trained with each seed: how much of a
    difference is the seed's."""
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for seed in seeds:
        model = train_textcat(data, "bow", epochs=epochs, seed=seed)
        result = measure_incidents(runs, {"m": model})
        for label in ("learned alone [m]", "rules + veto P<0.2 [m]"):
            for key in ("all", "corpus-j"):
                out[label][key].append(result[label][key]["f1"])
    return {k: dict(v) for k, v in out.items()}


def disagreements(runs: Sequence[CaseRun], model: Any) -> list[dict[str, Any]]:
    """Candidates the rules and the model decide differently, with the gold, for inspection."""
    rows = []
    for run in runs:
        probs = incident_probabilities(model, [c.view for c in run.candidates])
        for c, p in zip(run.candidates, probs, strict=True):
            if rules(c, p) != learned_alone()(c, p):
                gold = [g for g in run.gold_incidents if g[0] is not None]
                rows.append(
                    {
                        "case": run.case_id,
                        "phrase": c.phrase,
                        "days": [str(c.start), str(c.end)],
                        "rules": c.outcome if c.rule is None else f"rejected: {c.rule}",
                        "p_incident": round(p, 3),
                        "gold_incident_day": within_gold(c, gold),
                        "clause": c.clause,
                    }
                )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write every figure to this file as JSON")
    parser.add_argument("--errors", type=Path, help="write rules/model disagreements (JSON)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=5, help="seeds for the spread (0: none)")
    parser.add_argument("--no-cv", action="store_true", help="skip the in-domain cross-validation")
    args = parser.parse_args(argv)
    from nlp.extract import Extractor
    from tests.learned_labels import hate_examples, measure_labels, risk_examples, train_labels
    from trigger.vocabulary import HateStrand

    clock = time.perf_counter()
    extractor = Extractor()
    evaluation = [r for c in EVAL_CORPORA for r in load_corpus(c, extractor)]
    older = [r for c in OLDER_CORPORA if c.is_dir() for r in load_corpus(c, extractor)]
    suite = suite_examples(extractor.nlp)
    extra = corpus_examples(older)
    print(
        f"read {len(evaluation)} first-contact cases ({sum(len(r.candidates) for r in evaluation)}"
        f" candidates), {len(older)} older cases, {len(suite)} suite candidates"
        f" ({sum(e.label for e in suite)} incidents) in {time.perf_counter() - clock:.1f} s",
        file=sys.stderr,
    )
    figures: dict[str, Any] = {"seed": SEED, "epochs": args.epochs}
    trained: dict[str, Any] = {}
    timings = {}
    for name, data, arch in (
        ("bow, suite", suite, "bow"),
        ("bow, suite+older", [*suite, *extra], "bow"),
        ("cnn, suite+older", [*suite, *extra], "cnn"),
    ):
        clock = time.perf_counter()
        trained[name] = train_textcat(data, arch, epochs=args.epochs)
        timings[name] = round(time.perf_counter() - clock, 1)
    figures["training_seconds"] = timings
    figures["training_examples"] = {
        "suite": [len(suite), sum(e.label for e in suite)],
        "older corpora": [len(extra), sum(e.label for e in extra)],
    }
    if not args.no_cv:
        figures["suite_cross_validated"] = cross_validated(suite, epochs=args.epochs).row()
    corpora = [c.name for c in EVAL_CORPORA]
    figures["incidents"] = measure_incidents(evaluation, trained)
    if args.seeds:
        seeds = [SEED + k for k in range(args.seeds)]
        figures["seed_spread"] = seed_spread(evaluation, [*suite, *extra], seeds, args.epochs)
    clock = time.perf_counter()
    risk_model = train_labels(risk_examples())
    timings["risk"] = round(time.perf_counter() - clock, 1)
    figures["risk_flags"] = measure_labels(evaluation, risk_model)
    clock = time.perf_counter()
    strands = [s.value for s in HateStrand]
    hate_model = train_labels(hate_examples(), labels=strands)
    timings["hate"] = round(time.perf_counter() - clock, 1)
    figures["hate_strands"] = measure_labels(evaluation, hate_model, "hate")
    print("## Incidents per date candidate (dated gold incidents, score.py matching)\n")
    print(table(figures["incidents"], corpora))
    print("\n## Case risk_flags (set F1, as score.py)\n")
    print(table(figures["risk_flags"], corpora))
    print("\n## Case hate_strands (set F1, as score.py)\n")
    print(table(figures["hate_strands"], corpora))
    print(f"\ntraining: {json.dumps(figures['training_examples'])}, seconds {json.dumps(timings)}")
    if "suite_cross_validated" in figures:
        print(f"suite 5-fold (bow): {json.dumps(figures['suite_cross_validated'])}")
    if "seed_spread" in figures:
        print(f"bow, suite+older over {args.seeds} seeds: {json.dumps(figures['seed_spread'])}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    if args.errors:
        rows = disagreements(evaluation, trained["bow, suite+older"])
        args.errors.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
