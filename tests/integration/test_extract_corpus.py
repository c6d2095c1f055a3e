"""`trigger extract` as a command, scored on labelled corpora: a regression floor.

The dev corpus lives in ../shared/corpus/dev (outside the repository). Our own corpora were written
by other authors who never saw the code: tests/fixtures/corpus (40 cases), corpus-b (36), corpus-c
(30; its untouched first score was 0.911), corpus-d (24; untouched first score 0.915) and
corpus-e (20; untouched first score 0.981, after the fixes the earlier ones prompted),
corpus-f (24; untouched first score 0.798) and corpus-g (24; untouched first score 0.851),
written in registers the earlier ones lacked (logs, diaries, formal letters, text-speak,
voice-to-text, multi-year timelines, dated events that are not incidents), and corpus-h and
corpus-i (24 each; untouched first scores 0.940 and 0.924, after the fixes F and G prompted) and
corpus-j (24; untouched first score 0.943, after the fixes H and I prompted) and corpus-k
(24; untouched first score 0.886, in registers the earlier ones lacked). The
floors sit a little under what the pipeline reached: a change that lowers a score fails here and
must say why. Every corpus is scored by the shared scorer (../shared/eval/score.py), running
this checkout's `trigger` (``python -m app.cli``) once per policy over all the corpora's inputs.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.checkout import DEV_CORPUS, ROOT, SCORER, cli, requires_shared

# corpus folder -> (overall floor, floor for every headline metric). Set a little under what the
# pipeline reached (dev 1.000; corpus 0.994; corpus-b 0.998; corpus-c 0.972; corpus-d 0.977, on
# 22 November 2026).
FLOORS = {
    DEV_CORPUS: (0.99, 0.95),
    ROOT / "tests" / "fixtures" / "corpus": (0.97, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-b": (0.97, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-c": (0.95, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-d": (0.95, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-e": (0.95, 0.80),
    # First contact 0.798 and 0.851 on 6 December 2026; the floors sit under what the fixes of
    # issue 7 and the causes fixed after J (itemised reports, visits, text-speak hate, spoken
    # numbers, collective reports) reached (0.939 and 0.926).
    ROOT / "tests" / "fixtures" / "corpus-f": (0.92, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-g": (0.91, 0.75),
    # Written blind after those fixes and scored untouched (0.940 and 0.924); the fixes they
    # prompted reached 0.990 and 0.991.
    ROOT / "tests" / "fixtures" / "corpus-h": (0.98, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-i": (0.98, 0.90),
    # Written blind after those, scored untouched at 0.943; 0.964 after the causes it showed.
    ROOT / "tests" / "fixtures" / "corpus-j": (0.95, 0.85),
    # Written blind on 7 December 2026 (logs, letters, multi-year timelines), scored untouched at
    # 0.886; the fixes it prompted reached 0.981 (status 23 of 24).
    ROOT / "tests" / "fixtures" / "corpus-k": (0.97, 0.90),
    # Written blind the same day and scored untouched twice, before and after the fixes K, F, G
    # and J prompted: L (wandering messages, hate in nine strands, everyday risk) 0.896 both
    # times, M (a realistic month) 0.957. L was then used to find causes (second session of
    # 7 December): 0.997, status 24 of 24. M is not yet used to find causes: floor under it.
    ROOT / "tests" / "fixtures" / "corpus-l": (0.98, 0.95),
    ROOT / "tests" / "fixtures" / "corpus-m": (0.94, 0.85),
    # Written blind in the second session of 7 December 2026 and scored untouched: N (diaries and
    # logs, formal letters, multi-year timelines, neighbours reporting) 0.903, O (text-speak,
    # incidents beside unrelated dated events, collective reports) 0.880, P (hate without slurs in
    # nine strands, everyday risk) 0.857. The fixes they prompted reached 0.963, 0.956 and 0.951.
    ROOT / "tests" / "fixtures" / "corpus-n": (0.95, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-o": (0.94, 0.85),
    ROOT / "tests" / "fixtures" / "corpus-p": (0.94, 0.80),
    # Q (a realistic month) and R (people who jump about in time, officers' numbered summaries)
    # were written blind the same session and scored untouched twice (0.895/0.914, 0.893/0.895);
    # S, T and U were written blind in the third session of 7 December and scored untouched at
    # e69d48d (0.929, 0.880, 0.910). All five were then used to find causes: Q 0.992, R 0.995,
    # S 0.948, T 0.937, U 0.961.
    ROOT / "tests" / "fixtures" / "corpus-q": (0.97, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-r": (0.97, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-s": (0.93, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-t": (0.92, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-u": (0.94, 0.85),
    # Fourth session of 7 December 2026. Written blind and scored once untouched: V, W, X 0.968,
    # 0.951, 0.935 (on the third session's merged code), Y, Z, AA 0.950, 0.917, 0.866 (before
    # this session's fixes), AB, AC, AD 0.930, 0.899, 0.943 (after its first round). Each was then
    # used to find causes; after them: V 0.998, W 0.996, X 0.996, Y 0.962, Z 0.939, AA 0.975,
    # AB 0.974, AC 0.958, AD 0.963.
    ROOT / "tests" / "fixtures" / "corpus-v": (0.98, 0.95),
    ROOT / "tests" / "fixtures" / "corpus-w": (0.98, 0.93),
    ROOT / "tests" / "fixtures" / "corpus-x": (0.98, 0.93),
    ROOT / "tests" / "fixtures" / "corpus-y": (0.94, 0.85),
    ROOT / "tests" / "fixtures" / "corpus-z": (0.92, 0.80),
    ROOT / "tests" / "fixtures" / "corpus-aa": (0.96, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-ab": (0.96, 0.88),
    ROOT / "tests" / "fixtures" / "corpus-ac": (0.94, 0.83),
    ROOT / "tests" / "fixtures" / "corpus-ad": (0.95, 0.85),
    # Fifth session of 7 December 2026. AE, AF, AG (scored once untouched above) were used to find
    # causes: 0.989, 0.999, 0.996 after. AH, AI, AJ, AK were written blind and scored untouched
    # twice, before and after that round (0.901/0.922, 0.919/0.919, 0.855/0.859, 0.907/0.906);
    # AL, AM, AN were written blind and scored once untouched after it (0.936, 0.922, 0.922).
    # A second short round then used AH to AK: 0.972, 0.946, 0.933, 0.946 after. AL, AM, AN were
    # not used then. Round 8 (sixth session) used AH to AN: AH 0.981, AI 0.959, AJ 0.942,
    # AK 0.968, AL 0.986, AM 0.978, AN 0.966 after ("old people like me should be put down" stays
    # a threat, as AJ's writer labels it; AL's writer does not).
    ROOT / "tests" / "fixtures" / "corpus-ae": (0.98, 0.90),
    ROOT / "tests" / "fixtures" / "corpus-af": (0.98, 0.95),
    ROOT / "tests" / "fixtures" / "corpus-ag": (0.98, 0.93),
    ROOT / "tests" / "fixtures" / "corpus-ah": (0.97, 0.91),
    ROOT / "tests" / "fixtures" / "corpus-ai": (0.95, 0.85),
    ROOT / "tests" / "fixtures" / "corpus-aj": (0.93, 0.82),
    ROOT / "tests" / "fixtures" / "corpus-ak": (0.95, 0.81),
    ROOT / "tests" / "fixtures" / "corpus-al": (0.97, 0.91),
    ROOT / "tests" / "fixtures" / "corpus-am": (0.96, 0.86),
    ROOT / "tests" / "fixtures" / "corpus-an": (0.95, 0.89),
    # Sixth session of 7 December 2026. AO, AP, AQ, AR were written blind and scored untouched
    # twice, before and after round 8 (which used AH to AN): 0.959/0.965, 0.887/0.888,
    # 0.932/0.932, 0.945/0.949. Round 9 then used them: 0.972, 0.916, 0.948, 0.959 after.
    # AS and AT were written blind meanwhile and scored once, untouched, on round 9's code
    # (0.994 and 0.916): not used, floors under first contact.
    ROOT / "tests" / "fixtures" / "corpus-ao": (0.96, 0.88),
    ROOT / "tests" / "fixtures" / "corpus-ap": (0.90, 0.75),
    ROOT / "tests" / "fixtures" / "corpus-aq": (0.93, 0.85),
    ROOT / "tests" / "fixtures" / "corpus-ar": (0.94, 0.83),
    ROOT / "tests" / "fixtures" / "corpus-as": (0.98, 0.93),
    ROOT / "tests" / "fixtures" / "corpus-at": (0.90, 0.81),
    # Seventh session of 8 December 2026. AU to AZ were written blind and scored untouched on
    # 316bea4 (0.967, 0.916, 0.893, 0.942, 0.910, 0.976); AU, AV, AW, AX, AZ again after round 10,
    # which used only AY (0.967, 0.922, 0.893, 0.944, 0.976). Round 11 used all six. BA and BB
    # were written blind meanwhile and scored untouched on round 10's and round 11's code (0.968
    # and 0.944 both times): not used. Floors under the figures after round 11.
    ROOT / "tests" / "fixtures" / "corpus-au": (0.97, 0.91),
    ROOT / "tests" / "fixtures" / "corpus-av": (0.93, 0.85),
    ROOT / "tests" / "fixtures" / "corpus-aw": (0.93, 0.74),
    ROOT / "tests" / "fixtures" / "corpus-ax": (0.94, 0.87),
    ROOT / "tests" / "fixtures" / "corpus-ay": (0.94, 0.86),
    ROOT / "tests" / "fixtures" / "corpus-az": (0.97, 0.94),
    ROOT / "tests" / "fixtures" / "corpus-ba": (0.96, 0.91),
    ROOT / "tests" / "fixtures" / "corpus-bb": (0.93, 0.88),
    # BC and BD were written blind at the end of the session and scored once, untouched, on
    # round 11's code (0.975 and 0.921): not used, floors under first contact.
    ROOT / "tests" / "fixtures" / "corpus-bc": (0.97, 0.93),
    ROOT / "tests" / "fixtures" / "corpus-bd": (0.91, 0.74),
}
HEADLINE = [
    "incidents.f1",
    "incident.reported_on",
    "incident.agencies",
    "incident.hate_strands",
    "hate_strands.f1",
    "applicant.role",
    "consent",
    "exclusions.f1",
    "risk_flags.f1",
    "threshold.status",
    "threshold.routes",
]


def _param(corpus: Path) -> object:
    needs = ["eval/score.py"] + (["corpus/dev"] if corpus == DEV_CORPUS else [])
    return pytest.param(
        corpus, id=f"{corpus.parent.name}/{corpus.name}", marks=requires_shared(*needs)
    )


def _scorer() -> ModuleType:
    """The shared scorer (../shared/eval/score.py) as a module: its own case loading and scoring."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None, f"cannot load {SCORER}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> Callable[[Path], tuple[dict[str, float], str]]:
    """Score one corpus: its metrics and its misses, as `score.py --json --details` prints them.

    The scorer runs this checkout's `trigger extract` once per policy over the inputs of every
    corpus here (as it does for one corpus), rather than five times per corpus: a spaCy pipeline
    is built 5 times instead of 200 times. Each corpus is then scored on its own.
    """
    scorer = _scorer()
    corpora = [corpus for corpus in FLOORS if corpus.is_dir()]
    cases = {corpus: scorer.load_cases(corpus) for corpus in corpora}
    every_case = [case for corpus in corpora for case in cases[corpus]]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", str(ROOT))
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                outputs, _ = scorer.run_extract(cli(), every_case, 1800)
        except SystemExit:
            pytest.fail(f"trigger extract did not give one line per input: {printed.getvalue()}")

    def score(corpus: Path) -> tuple[dict[str, float], str]:
        tally = scorer.Tally()
        for case in cases[corpus]:
            scorer.score_case(tally, case, outputs[case["_input"]])
        metrics = tally.metrics()
        metrics["overall"] = sum(metrics.get(k, 1.0) for k in scorer.HEADLINE) / len(
            scorer.HEADLINE
        )
        details = "\n".join(
            f"{case['id']}: {line}"
            for case in cases[corpus]
            for line in tally.misses.get(case["id"], [])
        )
        return metrics, details

    return score


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", [_param(corpus) for corpus in FLOORS])
def test_extract_scores_at_least_the_floor(
    corpus: Path, scored: Callable[[Path], tuple[dict[str, float], str]]
) -> None:
    assert any(corpus.glob("*.case.json")), f"no labelled cases in {corpus}"
    metrics, details = scored(corpus)
    overall_floor, metric_floor = FLOORS[corpus]
    assert metrics["overall"] >= overall_floor, details
    low = {k: metrics[k] for k in HEADLINE if metrics.get(k, 1.0) < metric_floor}
    assert not low, f"{low}\n{details}"
