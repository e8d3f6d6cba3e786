"""Per-field accuracy of salary, dates and employment type on the dev data.

Usage: python benchmarks/fields_dev.py [DATA_DIR] [--limit N]

Truth:
- NHS Jobs (``nhs_jobs.jsonl``): ``baseSalary`` min/max (whole pounds: the export truncates
  pence) and currency, ``datePosted``, ``validThrough``, ``employmentType``. The export is a
  hint, the text is the truth where they disagree, so each figure is given on all postings
  and on those whose text states the value (``stated``).
- LA City bulletins (``la_city_bulletins.jsonl``): the first range under ANNUAL SALARY
  (read by a plain regex here), and the open date from the file name (``MMDDYY``).

The NHS ``description`` is HTML with escaped entities; until the library reads HTML it is
unescaped and stripped of tags here, in the benchmark only.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import jobextract

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|br|li|ul|ol|div|h\d|tr)\b[^>]*>", re.I)
NHS_TYPES = {"FULL_TIME": "full_time", "PART_TIME": "part_time", "TEMPORARY": "temporary",
             "CONTRACTOR": "contract", "INTERN": "internship"}


def nhs_text(description: str) -> str:
    text = html.unescape(description)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"\n\s*\n+", "\n", text)


class Tally:
    def __init__(self) -> None:
        self.n = defaultdict(int)
        self.ok = defaultdict(int)
        self.said = defaultdict(int)

    def add(self, field: str, ok: bool, predicted: bool) -> None:
        self.n[field] += 1
        self.ok[field] += ok
        self.said[field] += predicted

    def rows(self, source: str):
        for f in sorted(self.n):
            n, ok, said = self.n[f], self.ok[f], self.said[f]
            yield source, f, n, ok / n if n else 0.0, said / n if n else 0.0


ERRORS: dict[str, int] = defaultdict(int)


def _extract(source: str, text: str):
    """``jobextract.extract``; a posting that raises is counted and scored as no answer."""
    try:
        return jobextract.extract(text)
    except Exception as err:  # noqa: BLE001 - counted and reported
        ERRORS[f"{source}: {type(err).__name__}: {str(err)[:60]}"] += 1
        return jobextract.JobPosting(text=text)


def _day(value) -> str:
    return str(value or "")[:10]


def bench_nhs(path: Path, limit: int, tally: Tally) -> None:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            row = json.loads(line)
            text = nhs_text(row.get("description") or "")
            p = _extract("nhs", text)
            value = (row.get("baseSalary") or {}).get("value") or {}
            lo, hi = value.get("minValue"), value.get("maxValue")
            s = p.salary
            if lo and hi:
                ok = s is not None and s.min is not None and s.max is not None and (
                    int(s.min) == int(float(lo)) and int(s.max) == int(float(hi))) and s.currency == "GBP"
                tally.add("salary", ok, s is not None)
                written = html.unescape(value.get("value") or "")
                if written and written[:8] in text and not re.search(r"hour|hr\b|ph\b", written, re.I):
                    tally.add("salary (stated)", ok, s is not None)
            else:
                tally.add("salary_absent", s is None, s is not None)
            for key, field in (("datePosted", "posted"), ("validThrough", "valid_through")):
                truth = _day(row.get(key))
                got = getattr(p.dates, field)
                if truth:
                    ok = got is not None and _day(got.date) == truth
                    tally.add(f"date_{field}", ok, got is not None and got.date is not None)
                    if truth in {_day(d) for d in _dates_in(text)}:
                        tally.add(f"date_{field} (stated)", ok, got is not None and got.date is not None)
            etype = NHS_TYPES.get(row.get("employmentType"))
            if etype:
                tally.add("employment_type", p.employment_type == etype, p.employment_type is not None)
                if p.employment_type is not None:
                    tally.add("employment_type (when said)", p.employment_type == etype, True)


def _dates_in(text: str):
    """Dates any cue in the text gives: to tell a stated date from one only the export knows."""
    from jobextract.dates import find_dates

    return [d.date for d in find_dates(text)]


_LA_SALARY = re.compile(r"ANNUAL\s+SALARY\s*\n\s*\$?([\d,]+)(?:\s*(?:to|-)\s*\$?([\d,]+))?")


def bench_la(path: Path, limit: int, tally: Tally) -> None:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            row = json.loads(line)
            text = row["text"]
            p = _extract("la", text)
            m = _LA_SALARY.search(text)
            if m:
                lo = float(m.group(1).replace(",", ""))
                hi = float((m.group(2) or m.group(1)).replace(",", ""))
                s = p.salary
                ok = s is not None and s.min == lo and s.max == hi and s.currency == "USD"
                tally.add("salary", ok, s is not None)
                tally.add("salary_period_year", s is not None and s.period == "year", s is not None)
            f = re.search(r"\b\d{4}\s+(\d\d)(\d\d)(\d\d)\b", row["file_name"])  # class code, open date
            if f:
                truth = f"20{f.group(3)}-{f.group(1)}-{f.group(2)}"
                got = p.dates.posted
                tally.add("date_posted", got is not None and _day(got.date) == truth, got is not None)
            deadline = re.search(r"APPLICATION DEADLINE|DEADLINE", text)
            if deadline:
                got = p.dates.valid_through
                tally.add("date_valid_through (said)", got is not None and got.date is not None,
                          got is not None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="/work/shared/data/dev")
    ap.add_argument("--limit", type=int, default=10**9)
    args = ap.parse_args(argv)
    data = Path(args.data)
    t0 = time.perf_counter()
    rows = []
    for name, fn in (("nhs_jobs", bench_nhs), ("la_city_bulletins", bench_la)):
        tally = Tally()
        fn(data / f"{name}.jsonl", args.limit, tally)
        rows.extend(tally.rows(name))
    print(f"{'source':18s} {'field':32s} {'n':>5s} {'accuracy':>9s} {'answered':>9s}")
    for source, field, n, acc, said in rows:
        print(f"{source:18s} {field:32s} {n:5d} {acc:9.3f} {said:9.3f}")
    for what, count in sorted(ERRORS.items()):
        print(f"error x{count}: {what}")
    print(f"({time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
