"""Per-field accuracy of salary, dates and employment type on the dev data.

Usage: python benchmarks/fields_dev.py [DATA_DIR] [--limit N] [--show FIELD] [--max-show N]

``--show FIELD`` prints the failures of every field whose name starts with FIELD (e.g.
``--show "employment_type (when"``): the truth, the answer, and the text around both.

Truth:
- NHS Jobs (``nhs_jobs.jsonl``): ``baseSalary`` min/max (whole pounds: the export truncates
  pence) and currency, ``datePosted``, ``validThrough``, ``employmentType``. The export is a
  hint, the text is the truth where they disagree, so each figure is given on all postings
  and on those whose text states the value (``stated``): for salary, the text writes both
  the export's figures (it annualises hourly rates, which the text never writes), and an
  open-ended answer ("Up to £90,000": max only) counts where the export gives one figure;
  ``salary_absent (no £ figure)`` counts only postings whose text writes no £ figure at all
  (the export leaves out many a salary the text states). ``employment_type (unambiguous)``
  counts postings whose text states the export's type and no other (the export files most
  fixed-term and part-time posts as FULL_TIME).
- LA City bulletins (``la_city_bulletins.jsonl``): the first range under ANNUAL SALARY ("$65,250 to $ 83,290", "$103,841 and $108,482 (flat-rated)")
  (read by a plain regex here), and the open date from the file name (``MMDDYY``);
  ``date_valid_through (said)``: a closing date is given, counted where the APPLICATION
  DEADLINE section writes a date (many say only "may close without prior notice").

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
        self.failures: dict[str, list[str]] = defaultdict(list)

    def add(self, field: str, ok: bool, predicted: bool, why=None) -> None:
        """``why``: a callable giving the failure's description, called only on a failure."""
        self.n[field] += 1
        self.ok[field] += ok
        self.said[field] += predicted
        if not ok and why is not None:
            self.failures[field].append(why())

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


def _around(text: str, start, end, width: int = 70) -> str:
    if start is None:
        return "-"
    return repr(text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width])


def _evidence(p, key: str):
    ev = (p.evidence or {}).get(key)
    return (ev.start, ev.end) if ev is not None else (None, None)


def _first(text: str, pattern: str):
    m = re.search(pattern, text, re.I)
    return (m.start(), m.end()) if m else (None, None)


# the words that state each type: a posting whose text states the export's type and no other
# is one where text and export agree (the export files most fixed-term and part-time posts
# as FULL_TIME, which the text contradicts)
_TYPE_WORDS = {
    "full_time": re.compile(r"full[\s-]?time|\bpermanent\b", re.I),
    "part_time": re.compile(r"part[\s-]?time", re.I),
    "temporary": re.compile(r"\b(?:temporary|bank(?!\s+holiday)|casual|locum|fixed[\s-]*term|secondment|zero[\s-]hours?)\b", re.I),
    "contract": re.compile(r"\bcontractor\b|\bfreelance\b", re.I),
    "internship": re.compile(r"\bintern(?:ship)?s?\b", re.I),
}
_POUND_FIGURE = re.compile(r"£\s?\d")


def _states(text: str, value) -> bool:
    """Whether the text writes the export's figure (whole pounds, with or without a thousands
    comma): the export annualises hourly rates and picks one band of several, figures the
    text may never write."""
    whole = int(float(value))
    forms = {str(whole), f"{whole:,}"}
    return any(re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d,]\d)", text) for f in forms)


def _day(value) -> str:
    return str(value or "")[:10]


def _rows(path: Path, limit: int):
    """The first ``limit`` rows of a JSONL file."""
    with path.open(encoding="utf-8") as fh:
        for _, line in zip(range(limit), fh):
            yield json.loads(line)


def bench_nhs(path: Path, limit: int, tally: Tally) -> None:
    for row in _rows(path, limit):
        text = nhs_text(row.get("description") or "")
        p = _extract("nhs", text)
        value = (row.get("baseSalary") or {}).get("value") or {}
        lo, hi = value.get("minValue"), value.get("maxValue")
        s = p.salary
        if lo and hi:
            ok = s is not None and s.min is not None and s.max is not None and (
                int(s.min) == int(float(lo)) and int(s.max) == int(float(hi))) and s.currency == "GBP"
            written = html.unescape(value.get("value") or "")

            def why(lo=lo, hi=hi, s=s, written=written, p=p):
                got = f"{s.min}-{s.max} {s.currency} {s.period}" if s else None
                at = (s.start, s.end) if s else _first(p.text, r"£|salary|band\b")
                return f"truth {lo}-{hi} ({written!r}) got {got}: {_around(p.text, *at)}"

            tally.add("salary", ok, s is not None, why)
            if _states(text, lo) and _states(text, hi):
                # "Up to £90,000": the export files min = max = 90000; the text states no minimum
                one_sided = s is not None and lo == hi and s.currency == "GBP" and (
                    (s.min is None and s.max is not None and int(s.max) == int(float(hi)))
                    or (s.max is None and s.min is not None and int(s.min) == int(float(lo))))
                tally.add("salary (stated)", ok or one_sided, s is not None, why)
        else:
            def why_absent(s=s, p=p):
                return f"got {s.min}-{s.max} {s.currency}: {_around(p.text, s.start, s.end)}"

            tally.add("salary_absent", s is None, s is not None, why_absent)
            if not _POUND_FIGURE.search(text):
                tally.add("salary_absent (no £ figure)", s is None, s is not None, why_absent)
        for key, field in (("datePosted", "posted"), ("validThrough", "valid_through")):
            truth = _day(row.get(key))
            got = getattr(p.dates, field)
            if truth:
                ok = got is not None and _day(got.date) == truth
                def why(truth=truth, got=got, p=p):
                    at = (got.start, got.end) if got else (None, None)
                    return f"truth {truth} got {got.date if got else None}: {_around(p.text, *at)}"

                tally.add(f"date_{field}", ok, got is not None and got.date is not None, why)
                if truth in {_day(d) for d in _dates_in(text)}:
                    tally.add(f"date_{field} (stated)", ok, got is not None and got.date is not None, why)
        etype = NHS_TYPES.get(row.get("employmentType"))
        if etype:
            def why(etype=etype, p=p):
                at = _evidence(p, "employment_type")
                if at[0] is None:
                    at = _first(p.text, r"full[ -]?time|part[ -]?time|permanent|fixed[ -]term|bank|temporary|contract")
                return f"truth {etype} got {p.employment_type}: {_around(p.text, *at)}"

            tally.add("employment_type", p.employment_type == etype, p.employment_type is not None, why)
            if p.employment_type is not None:
                tally.add("employment_type (when said)", p.employment_type == etype, True, why)
            if _TYPE_WORDS[etype].search(text) and not any(
                    w.search(text) for t, w in _TYPE_WORDS.items() if t != etype):
                tally.add("employment_type (unambiguous)", p.employment_type == etype,
                          p.employment_type is not None, why)


def _dates_in(text: str):
    """Dates any cue in the text gives: to tell a stated date from one only the export knows."""
    from jobextract.dates import find_dates

    return [d.date for d in find_dates(text)]


_LA_SALARY = re.compile(r"ANNUAL\s+SALARY\s*\n\s*\$?([\d,]+)(?:\s*(?:[Tt][Oo]|-|and)\s*\$?\s?([\d,]+))?")


# a date with its year: the APPLICATION DEADLINE section of many bulletins gives none
# ("This examination may close without prior notice"), and then no answer is right
_LA_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
                      r"|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b", re.I)


def _la_section(text: str, start: int) -> str:
    """The section under a heading: up to the next upper-case heading line (at most 1,500 characters)."""
    end = re.search(r"\n[ \t]*[A-Z][A-Z &/-]{7,}[ \t]*\n", text[start:start + 1500])
    return text[start:start + (end.start() if end else 1500)]


def bench_la(path: Path, limit: int, tally: Tally) -> None:
    for row in _rows(path, limit):
        text = row["text"]
        p = _extract("la", text)
        m = _LA_SALARY.search(text)
        if m:
            lo = float(m.group(1).replace(",", ""))
            hi = float((m.group(2) or m.group(1)).replace(",", ""))
            s = p.salary
            ok = s is not None and s.min == lo and s.max == hi and s.currency == "USD"
            def why(lo=lo, hi=hi, s=s, p=p, m=m):
                got = f"{s.min}-{s.max} {s.currency} {s.period}" if s else None
                at = (s.start, s.end) if s else m.span()
                return f"truth {lo}-{hi} got {got}: {_around(p.text, *at)}"

            tally.add("salary", ok, s is not None, why)
            tally.add("salary_period_year", s is not None and s.period == "year", s is not None, why)
        f = re.search(r"\b\d{4}\s+(\d\d)(\d\d)(\d\d)\b", row["file_name"])  # class code, open date
        if f:
            truth = f"20{f.group(3)}-{f.group(1)}-{f.group(2)}"
            got = p.dates.posted
            tally.add("date_posted", got is not None and _day(got.date) == truth, got is not None,
                      lambda got=got, truth=truth, p=p: f"truth {truth} got {got.date if got else None}: "
                      + _around(p.text, *((got.start, got.end) if got else _first(p.text, r"open date"))))
        deadline = re.search(r"APPLICATION DEADLINE|DEADLINE", text)
        if deadline and _LA_DATE.search(_la_section(text, deadline.end())):
            got = p.dates.valid_through
            tally.add("date_valid_through (said)", got is not None and got.date is not None,
                      got is not None,
                      lambda got=got, p=p, d=deadline: f"got {got.date if got else None}: "
                      + _around(p.text, *((got.start, got.end) if got else d.span()), width=300))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="/work/shared/data/dev")
    ap.add_argument("--limit", type=int, default=10**9)
    ap.add_argument("--show", help="print the failures of the fields whose name starts with this")
    ap.add_argument("--max-show", type=int, default=60)
    args = ap.parse_args(argv)
    data = Path(args.data)
    t0 = time.perf_counter()
    rows = []
    for name, fn in (("nhs_jobs", bench_nhs), ("la_city_bulletins", bench_la)):
        tally = Tally()
        fn(data / f"{name}.jsonl", args.limit, tally)
        rows.extend(tally.rows(name))
        for field, failures in sorted(tally.failures.items()):
            if args.show and field.startswith(args.show):
                print(f"== {name} {field}: {len(failures)} failures")
                for line in failures[: args.max_show]:
                    print("  " + line)
    print(f"{'source':18s} {'field':32s} {'n':>5s} {'accuracy':>9s} {'answered':>9s}")
    for source, field, n, acc, said in rows:
        print(f"{source:18s} {field:32s} {n:5d} {acc:9.3f} {said:9.3f}")
    for what, count in sorted(ERRORS.items()):
        print(f"error x{count}: {what}")
    print(f"({time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
