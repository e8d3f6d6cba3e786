"""Score jobextract per dev source: a table of source × metric, with n.

Usage (from the repo root, after ``python benchmarks/dev_gold.py``)::

    python benchmarks/dev_eval.py [--gold benchmarks/gold] [--limit 300] [--source google ...]
                                  [--show [N]] [--by-layout]

Each source is sampled to ``--limit`` postings (a seeded sample, the same every run;
``--limit 0`` takes them all) and run through ``jobextract.extract_many``; every posting
is scored by ``tests/scoring.py``'s ``score_records``, the shared scorer's logic.
``--show`` prints the failures (metric < 1) of each source, as the scorer's ``--show`` does.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # a script, not a test: our scorer lives in tests/

from tests.scoring import score_records  # noqa: E402

SOURCES = ("google", "glassdoor", "la_city", "nhs", "nhs_text", "indeed", "indeed_text", "hn", "skillspan", "hn_untuned", "skillspan_untuned")
SEED = 20240611


def load_gold(path: Path, limit: int) -> list[dict]:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if limit and len(records) > limit:
        records = random.Random(f"{SEED}-{path.stem}").sample(records, limit)
    return records


def evaluate(records: list[dict]) -> tuple[list[tuple[dict, list, dict]], int]:
    """Extract and score every record: ``[(record, [(metric, value), ...], prediction)]``, errors.

    The postings are extracted in batches by ``extract_many``; each is then scored by
    ``tests/scoring.py``'s ``score_records``, handed its ready result.
    """
    import jobextract

    failures = {}
    results = {}
    batch = jobextract.extract_many(((r["text"], i) for i, r in enumerate(records)), as_tuples=True,
                                    on_error="record")
    for result, i in batch:
        if isinstance(result, jobextract.ExtractionFailure):
            failures[i] = result
        else:
            results[i] = result

    out, errors = [], 0
    for i, rec in enumerate(records):
        def ready(_text, i=i):
            if i in failures:
                raise failures[i].to_exception()
            return results[i]

        scores, err = score_records([rec], extract=ready)
        errors += err
        pred = results[i].model_dump(mode="json") if i in results else {"error": failures[i].message}
        out.append((rec, [(m, v) for m, vals in scores.items() for v in vals], pred))
    return out, errors


def _detail(rec: dict, metric: str, pred: dict) -> str:
    """Gold and prediction of a failed metric, for ``--show``."""
    field = metric.removesuffix("_absent")
    field = {"location": "locations"}.get(field, field)
    got = pred.get("error") or pred.get(field)
    if field == "locations" and isinstance(got, list):
        got = [(p.get("city"), p.get("country")) for p in got]
        gold = [(g.get("city"), g.get("country")) for g in rec["gold"].get(field) or []]
    elif isinstance(got, list):  # items: too long to print
        return f"gold {len(rec['gold'].get(field) or [])} items, predicted {len(got)}"
    else:
        gold = rec["gold"].get(field)
    return f"gold={str(gold)[:150]} pred={str(got)[:150]}"


def table(rows: dict[str, dict[str, list[float]]], extra: dict[str, str]) -> str:
    metrics = sorted({m for scores in rows.values() for m in scores})
    head = ["source"] + metrics + list(next(iter(extra.values()), {}) and ["postings", "err", "s"])
    lines = [head]
    for name, scores in rows.items():
        cells = [name]
        for m in metrics:
            vals = scores.get(m)
            cells.append(f"{sum(vals) / len(vals):.3f} ({len(vals)})" if vals else "-")
        cells += extra[name].split()
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    fmt = lambda line: "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |"  # noqa: E731
    return "\n".join([fmt(lines[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [fmt(line) for line in lines[1:]])


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "gold"))
    ap.add_argument("--limit", type=int, default=300, help="postings per source (0: all)")
    ap.add_argument("--source", action="append", choices=SOURCES, help="only these sources")
    ap.add_argument("--show", nargs="?", type=int, const=20, default=0,
                    help="print up to N failures per source and metric")
    ap.add_argument("--by-layout", action="store_true", help="also break Google down by layout")
    args = ap.parse_args(argv)

    rows: dict[str, dict[str, list[float]]] = {}
    extra: dict[str, str] = {}
    by_layout: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for source in args.source or SOURCES:
        path = Path(args.gold) / f"{source}.jsonl"
        if not path.exists():
            print(f"{source}: no gold file {path} (run benchmarks/dev_gold.py)", file=sys.stderr)
            continue
        records = load_gold(path, args.limit)
        t0 = time.perf_counter()
        scored, errors = evaluate(records)
        elapsed = time.perf_counter() - t0
        scores: dict[str, list[float]] = defaultdict(list)
        shown: dict[str, int] = defaultdict(int)
        for rec, metrics, pred in scored:
            for metric, value in metrics:
                scores[metric].append(value)
                if "layout" in rec:
                    by_layout[rec["layout"]][metric].append(value)
                if args.show and value < 1 and shown[metric] < args.show:
                    shown[metric] += 1
                    print(f"  {source} {rec['id']} {metric}={value:.2f} {_detail(rec, metric, pred)}")
        rows[source] = dict(scores)
        extra[source] = f"{len(records)} {errors} {elapsed:.1f}"
    if not rows:
        return 1
    print(table(rows, extra))
    if args.by_layout and by_layout:
        print()
        print(table({f"google/{k}": dict(v) for k, v in sorted(by_layout.items())},
                    {f"google/{k}": "- - -" for k in by_layout}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
