"""Does extraction take time proportional to the input's size? Synthetic long postings from real text.

    python benchmarks/linear.py /work/shared/data/dev [--sizes 0.5 1 5]

A long posting is built by joining unique dev postings (normalised to text) until it
reaches the size, in three shapes: as written (lines), flattened (one line), and every
line a bullet. Doubling the size should at most about double the time (target: the
1 MB time is at most 2.5x the 0.5 MB one). Each size is timed twice; the faster counts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402

SHAPES = {
    "lines": lambda t: t,
    "flattened": lambda t: " ".join(t.split()),
    "bullets": lambda t: "\n".join("• " + line for line in t.splitlines() if line.strip()),
}


def build(texts: list[str], size: int) -> str:
    """The first unique postings, joined by blank lines, cut to ``size`` characters."""
    parts, n = [], 0
    for t in texts:
        parts.append(t)
        n += len(t) + 2
        if n >= size:
            break
    return "\n\n".join(parts)[:size]


def main(argv: list[str] | None = None) -> None:
    import jobextract
    from jobextract.text import normalise

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1.0], help="sizes in MB")
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES))
    args = ap.parse_args(argv)
    texts = [normalise(t) for _, t, _ in corpus.load(args.folder)]
    jobextract.extract(texts[0])  # warm up: pipeline, lexicons, classifier
    worst = 0.0
    for shape in args.shapes:
        times = []
        for mb in args.sizes:
            text = SHAPES[shape](build(texts, int(mb * 1_000_000)))
            best = float("inf")
            for _ in range(2 if mb <= 1 else 1):
                t0 = time.perf_counter()
                jobextract.extract(text)
                best = min(best, time.perf_counter() - t0)
            times.append((mb, best))
            print(f"{shape:10s} {mb:5.2f} MB  {best:7.2f} s  {len(text) / best / 1e3:8.0f} kchars/s", flush=True)
        for (m0, t0), (m1, t1) in zip(times, times[1:]):
            growth = (t1 / t0) / (m1 / m0)
            worst = max(worst, growth)
            print(f"{shape:10s} {m0:g} -> {m1:g} MB: time x{t1 / t0:.2f} for size x{m1 / m0:g} "
                  f"(x{growth:.2f} per unit of size; linear is 1, target <= 1.25)")
    print(f"worst growth per unit of size: x{worst:.2f}")


if __name__ == "__main__":
    main()
