"""End to end: the drafts of the first-contact corpora with a learned veto on the rules' incidents,
scored by ../shared/eval/score.py itself (every headline metric, the threshold status).

The veto is the wiring proposed by tests/learned_incidents.py: the date rules run as they do; when
they would accept a candidate, the bow textcat (trained on the incident suite and the older
corpora, fixed seed) reads the date's clause and sentence, and below ``threshold`` the candidate is
set aside under a rule of its own, ``learned_veto``, whose reason gives the probability, so the
draft's ``rejected_dates`` still say why. Measured here by swapping ``nlp.extract.assemble`` for the
length of the run (the runtime has no such hook: it would need one, see docs/learned-components.md).

Usage: ``python -m tests.learned_veto [--threshold 0.2]`` (PYTHONPATH = checkout; needs ../shared).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.checkout import SCORER
from tests.learned_incidents import (
    EVAL_CORPORA,
    OLDER_CORPORA,
    candidate_view,
    corpus_examples,
    incident_probabilities,
    load_corpus,
    suite_examples,
    train_textcat,
)

VETO_RULE = "learned_veto"


def scorer() -> Any:
    """../shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vetoing_assemble(probability: Callable[[str], float], threshold: float) -> Callable[..., Any]:
    """``nlp.incidents.assemble`` with the veto: what the rules accept and the classifier gives
    less than ``threshold`` is set aside as ``learned_veto``, with its probability as reason."""
    from nlp.incident_rules import Rejection
    from nlp.incidents import Assembly, _Assembler

    class Vetoing(_Assembler):
        def _accept(self, c: Any, verdict: Any) -> None:
            clause, sentence = candidate_view(self, c.sents, c.mention)
            p = probability(f"{clause} | {sentence}")
            if p >= threshold:
                super()._accept(c, verdict)
                return
            offset = c.part.offset
            self.rejected.append(
                Rejection(
                    phrase=c.value.text.strip(),
                    start=offset + c.mention.start,
                    end=offset + c.mention.end,
                    occurred_start=verdict.start,
                    occurred_end=verdict.end,
                    rule=VETO_RULE,
                    reason=f"the incident classifier reads no incident in its clause (P={p:.2f})",
                )
            )
            day = verdict.start if verdict.start == verdict.end else None
            self.rejected_at.append((c.seg_index, c.sentence, c.mention.start, VETO_RULE, day))

    def assemble(parts: list[Any]) -> Any:
        assembler = Vetoing(parts)
        incidents = assembler.run()
        return Assembly(incidents, sorted(assembler.rejected, key=lambda r: r.start))

    return assemble


@contextmanager
def assembled_by(assemble: Callable[..., Any] | None) -> Iterator[None]:
    import nlp.extract

    names = vars(nlp.extract)  # the name nlp.extract calls; no hook in the runtime (yet)
    original = names["assemble"]
    if assemble is not None:
        names["assemble"] = assemble
    try:
        yield
    finally:
        names["assemble"] = original


def score_corpora(
    score: Any, extractor: Any, corpora: Sequence[Path]
) -> dict[str, dict[str, float | int]]:
    """score.py's metrics per corpus and over all of them, drafting in process."""
    from app.extraction import draft_application
    from intake.load import load_document
    from trigger.profiles import get_profile

    tallies = {c.name: score.Tally() for c in corpora}
    tallies["all"] = score.Tally()
    counts: dict[str, list[str]] = {key: [] for key in tallies}
    for corpus in corpora:
        for case in score.load_cases(corpus):
            document = load_document(Path(case["_input"]))
            draft = draft_application(extractor, document, get_profile(case["policy"]))
            out = json.loads(draft.model_dump_json())
            for key in (corpus.name, "all"):
                score.score_case(tallies[key], case, out)
                counts[key].append(case["id"])
    result: dict[str, dict[str, float | int]] = {}
    for key, tally in tallies.items():
        m = tally.metrics()
        m["overall"] = sum(m.get(k, 1.0) for k in score.HEADLINE) / len(score.HEADLINE)
        m["cases_fully_right"] = sum(1 for c in counts[key] if not tally.misses.get(c))
        result[key] = {k: round(v, 3) if isinstance(v, float) else v for k, v in m.items()}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, action="append")
    parser.add_argument("--json", type=Path, help="write the figures to this file as JSON")
    args = parser.parse_args(argv)
    from nlp.extract import Extractor

    score = scorer()
    extractor = Extractor()
    older = [r for c in OLDER_CORPORA if c.is_dir() for r in load_corpus(c, extractor)]
    model = train_textcat([*suite_examples(extractor.nlp), *corpus_examples(older)])

    def probability(text: str) -> float:
        return incident_probabilities(model, [text])[0]

    figures = {}
    with assembled_by(None):
        figures["rules"] = score_corpora(score, extractor, EVAL_CORPORA)
    for threshold in args.threshold or [0.2]:
        with assembled_by(vetoing_assemble(probability, threshold)):
            figures[f"rules + veto P<{threshold}"] = score_corpora(score, extractor, EVAL_CORPORA)
    keys = ["overall", *score.HEADLINE, "cases_fully_right"]
    columns = [c.name for c in EVAL_CORPORA] + ["all"]
    for system, by_corpus in figures.items():
        print(f"\n## {system}\n\n| metric | " + " | ".join(columns) + " |")
        print("|" + " --- |" * (len(columns) + 1))
        for key in keys:
            cells = [str(by_corpus[c].get(key, "-")) for c in columns]
            print(f"| {key} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
