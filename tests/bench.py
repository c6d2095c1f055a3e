"""`make bench`: speed and memory of `trigger extract` on this machine, single process.

Measures, and prints against the targets of the NLP issue:

- start-up: wall time of ``trigger extract`` on one small input, as a fresh process (best of 3);
- throughput and latency: messages per second and p50/p95 per message over the dev corpus
  repeated, warm (after one pass), in one process;
- the four text recognisers (hate, risk, exclusions, parties) alone: CPU per message, best of 3
  (they must leave most of the per-message budget to the rest of the pipeline);
- hostile text (issue 6): CPU for a message of one long line of punctuation (``=`` and ``>``, which
  made spaCy's tokenizer quadratic) against an ordinary message of the same size, and how its
  cost grows when it is four times as long (linear: about 4);
- peak RSS of that process;
- the ceiling: the bare spaCy tokenizer over the same texts;
- the email intake end to end (tests/bench_intake.py): 1,000 messages appended to a real
  Dovecot, read over IMAP by `trigger serve` and drafted, messages/s and peak RSS.

Usage: ``python -m tests.bench [--rounds N] [--corpus DIR]``. The default corpus is the dev
corpus in ../shared. Start-up is measured on this checkout's `trigger` (``python -m app.cli``).
Targets are checked here, never asserted in the tests: this prints them and exits 1 when one is
missed.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tests.checkout import DEV_CORPUS, SHARED_MISSING, cli, cli_env

if TYPE_CHECKING:
    from nlp.document import Document

# Lower is better for every target but messages_per_s.
TARGETS = {
    "messages_per_s": 100.0,
    "p95_ms": 60.0,
    "startup_s": 3.0,
    "rss_mb": 400.0,
    "recognisers_ms": 8.0,
    "poison_ratio": 3.0,
    "poison_growth": 6.0,
}
POISON_CHARS = 40_000


def _inputs(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        sys.exit(f"bench: {SHARED_MISSING}" if corpus == DEV_CORPUS else f"bench: no {corpus}")
    files = sorted(
        p for p in corpus.iterdir() if p.suffix == ".eml" or p.name.endswith(".chat.json")
    )
    if not files:
        sys.exit(f"bench: no inputs in {corpus}")
    return files


def _startup(sample: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            cli("extract", "--policy", "hart", str(sample)),
            env=cli_env(),
            check=False,
            capture_output=True,
        )
        best = min(best, time.perf_counter() - start)
    return best


def _recognisers(documents: list[Document]) -> float:
    """CPU seconds per message of the hate, risk, exclusion and party recognisers, best of 3."""
    from nlp.document import SegmentKind
    from nlp.exclusions import find_exclusions
    from nlp.hate import find_hate_markers
    from nlp.parties import PartyText, decide_parties_for_texts
    from nlp.risk import find_risk_flags

    inputs = []
    for doc in documents:
        parts = [
            PartyText(doc.segment_text(s), s.kind, s.start, author=s.author, prompt=s.prompt)
            for s in doc.segments
        ]
        authors = [s.author for s in doc.segments if s.kind is SegmentKind.FORWARDED and s.author]
        inputs.append((doc.text, parts, doc.sender, authors))

    def one_pass(suffix: str) -> None:
        for text, parts, sender, authors in inputs:
            find_hate_markers(text + suffix)  # a fresh text each pass: no cache answers
            find_risk_flags(text + suffix)
            find_exclusions(text + suffix)
            decide_parties_for_texts(parts, sender=sender, forwarded_authors=authors)

    one_pass("")  # compile the patterns once
    timings = []
    for run in range(3):  # the best of three: the machine is shared
        start = time.process_time()
        one_pass("\n" * (run + 1))
        timings.append((time.process_time() - start) / len(inputs))
    return min(timings)


def _cpu(extract: Callable[[str], object], text: str) -> float:
    """CPU seconds of one extraction of ``text``, best of 2."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        extract(text)
        best = min(best, time.process_time() - start)
    return best


def _poison(extract: Callable[[str], object], ordinary_text: str) -> tuple[float, float]:
    """(poison CPU / ordinary CPU at the same size, poison CPU at 4x size / at 1x size)."""

    def poison(size: int) -> str:
        return "they smashed my window last night\n" + "=" * (size // 2) + "\n" + ">" * (size // 2)

    ordinary = (ordinary_text * (POISON_CHARS // max(len(ordinary_text), 1) + 1))[:POISON_CHARS]
    base = _cpu(extract, poison(POISON_CHARS))
    return base / _cpu(extract, ordinary), _cpu(extract, poison(4 * POISON_CHARS)) / base


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the corpus (warm)")
    parser.add_argument("--corpus", type=Path, default=DEV_CORPUS)
    parser.add_argument(
        "--intake-messages",
        type=int,
        default=1000,
        help="messages for the IMAP intake figure (tests/bench_intake.py); 0: skip it",
    )
    args = parser.parse_args()

    from app.extraction import draft_application
    from intake.load import load_document
    from nlp.extract import Extractor
    from trigger.profiles import get_profile

    files = _inputs(args.corpus)
    startup = _startup(files[0])

    profile = get_profile("hart")
    extractor = Extractor()
    documents = [load_document(p) for p in files]
    for doc in documents:  # warm-up pass
        draft_application(extractor, doc, profile)
    latencies = []
    start = time.perf_counter()
    for _ in range(args.rounds):
        for doc in documents:
            t0 = time.perf_counter()
            draft_application(extractor, doc, profile)
            latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    rate = len(latencies) / elapsed
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000

    texts = [d.text for d in documents]
    tokenizer = extractor.nlp.tokenizer
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text in texts:
            tokenizer(text)
    ceiling = len(texts) * args.rounds / (time.perf_counter() - t0)
    recognisers_ms = _recognisers(documents) * 1000
    from datetime import UTC, datetime

    from intake.transcript import parse_text

    received = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    poison_ratio, poison_growth = _poison(
        lambda text: draft_application(extractor, parse_text(text, received), profile),
        "\n".join(texts),
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures = {
        "startup_s": startup,
        "messages_per_s": rate,
        "p50_ms": p50,
        "p95_ms": p95,
        "rss_mb": rss_mb,
        "recognisers_ms": recognisers_ms,
        "tokenizer_messages_per_s": ceiling,
        "poison_ratio": poison_ratio,
        "poison_growth": poison_growth,
    }
    print(f"trigger extract benchmark: {len(files)} messages x {args.rounds} rounds, one process")
    rows = [
        ("start-up (fresh process, one input)", startup, "s", "startup_s", "<="),
        ("throughput (warm)", rate, "msg/s", "messages_per_s", ">="),
        ("latency p50", p50, "ms", None, ""),
        ("latency p95", p95, "ms", "p95_ms", "<="),
        ("hate+risk+exclusions+parties (CPU)", recognisers_ms, "ms", "recognisers_ms", "<="),
        ("punctuation line / ordinary (40k)", poison_ratio, "x", "poison_ratio", "<="),
        ("punctuation line, 4x as long", poison_growth, "x", "poison_growth", "<="),
        ("peak RSS", rss_mb, "MB", "rss_mb", "<="),
        ("ceiling: bare spaCy tokenizer", ceiling, "msg/s", None, ""),
    ]
    for label, value, unit, target, sense in rows:
        goal = f"target {sense} {TARGETS[target]}" if target else ""
        print(f"  {label:<36}{value:8.2f} {unit:<6}{goal}".rstrip())
    missed = [
        name
        for name, target in TARGETS.items()
        if (figures[name] < target if name == "messages_per_s" else figures[name] > target)
    ]
    intake_ok = True
    if args.intake_messages:
        from tests.bench_intake import main as intake_main

        intake_ok = intake_main(["--messages", str(args.intake_messages)]) == 0
        missed += [] if intake_ok else ["intake_messages_per_s"]
    if missed:
        print("missed targets: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
