"""`make bench`: speed and memory of `trigger extract` on this machine, single process.

Measures, and prints against the targets of the NLP issue:

- start-up: wall time of ``trigger extract`` on one small input, as a fresh process (best of 3);
- throughput and latency: messages per second and p50/p95 per message over the dev corpus
  repeated, warm (after one pass), in one process;
- peak RSS of that process;
- the ceiling: the bare spaCy tokenizer over the same texts.

Usage: ``python -m tests.bench [--rounds N] [--corpus DIR]``. Targets are checked, never asserted
in unit tests: this prints them and exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
TARGETS = {"messages_per_s": 100.0, "p95_ms": 60.0, "startup_s": 3.0, "rss_mb": 400.0}


def _inputs(corpus: Path) -> list[Path]:
    files = sorted(
        p for p in corpus.iterdir() if p.suffix == ".eml" or p.name.endswith(".chat.json")
    )
    if not files:
        sys.exit(f"bench: no inputs in {corpus}")
    return files


def _startup(sample: Path) -> float:
    exe = Path(sys.executable).with_name("trigger")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", "--policy", "hart", str(sample)], check=False, capture_output=True
        )
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the corpus (warm)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
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
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures = {
        "startup_s": startup,
        "messages_per_s": rate,
        "p50_ms": p50,
        "p95_ms": p95,
        "rss_mb": rss_mb,
        "tokenizer_messages_per_s": ceiling,
    }
    print(f"trigger extract benchmark: {len(files)} messages x {args.rounds} rounds, one process")
    print(
        f"  start-up (fresh process, one input) {startup:8.2f} s    target <= {TARGETS['startup_s']} s"
    )
    print(
        f"  throughput (warm)                   {rate:8.1f} msg/s target >= {TARGETS['messages_per_s']}"
    )
    print(f"  latency p50                         {p50:8.1f} ms")
    print(f"  latency p95                         {p95:8.1f} ms    target <= {TARGETS['p95_ms']}")
    print(
        f"  peak RSS                            {rss_mb:8.1f} MB    target <= {TARGETS['rss_mb']}"
    )
    print(f"  ceiling: bare spaCy tokenizer       {ceiling:8.1f} msg/s")
    missed = [
        name
        for name, target in TARGETS.items()
        if (figures[name] < target if name == "messages_per_s" else figures[name] > target)
    ]
    if missed:
        print("missed targets: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
