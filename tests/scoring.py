"""Score jobextract against a gold JSONL file (our copy of shared/tools/score.py, made reusable).

Usage: python score.py GOLD.jsonl [--show] [--min field=value ...]

Each gold line: {"id", "text", "gold": {title, company, team, locations, responsibilities,
requirements, preferred_qualifications, work_arrangement, employment_type, salary, ...}}.
A field absent from "gold" is not scored for that posting. Where gold is null / [], the
posting is scored under "<field>_absent" (1 when the prediction is empty too), apart from
the main figure, so that an extractor that says nothing cannot score on those.

Metrics (all in [0, 1]):
  title, company, work_arrangement, employment_type: normalised exact match
  team:       token F1 >= 0.5 counts as correct (team names are written many ways)
  location:   per gold location, city and country both found among predicted locations
  responsibilities, requirements: token-multiset F1 per posting, averaged
      (requirements = requirements + preferred_qualifications, both sides)
  salary:     min, max and currency all equal
  date_<kind>: the ISO date (YYYY-MM-DD) of dates.<kind> (posted, valid_through, start);
      a predicted value may be a date string or an object with a "date" key
Prints one line per metric, then a final summary line; exits 1 if any --min fails.
"""
import json
import re
import sys
import time
from collections import Counter

WORD = re.compile(r"[a-z0-9]+")
SYNONYMS = {"sr": "senior", "jr": "junior", "mgr": "manager", "eng": "engineer"}


def as_text(v):
    """A field may be a plain value or an object that carries its text (with offsets)."""
    if isinstance(v, dict):
        for k in ("text", "value", "name", "raw"):
            if isinstance(v.get(k), str):
                return v[k]
        return ""
    if isinstance(v, (list, tuple)):
        return " ".join(as_text(x) for x in v)
    return "" if v is None else str(v)


def toks(s):
    return [SYNONYMS.get(t, t) for t in WORD.findall(as_text(s).lower())]


def norm(s):
    return " ".join(toks(s))


def f1_counts(pred, gold):
    if not pred and not gold:
        return 1.0
    if not pred or not gold:
        return 0.0
    common = sum((pred & gold).values())
    if common == 0:
        return 0.0
    p, r = common / sum(pred.values()), common / sum(gold.values())
    return 2 * p * r / (p + r)


def bag(items):
    c = Counter()
    for it in items or []:
        c.update(toks(it))
    return c


def get(d, key):
    return d.get(key) if isinstance(d, dict) else getattr(d, key, None)


def team_name(t):
    if t is None:
        return None
    if isinstance(t, str):
        return t
    return as_text(get(t, "name")) or None


def loc_ok(gold_loc, preds):
    gc, gk = norm(gold_loc.get("city")), norm(gold_loc.get("country"))
    for p in preds or []:
        if not isinstance(p, dict):
            continue
        pc, pk = norm(p.get("city")), norm(p.get("country") or p.get("country_code"))
        if isinstance(p.get("country"), dict):  # {"code": "US", "name": ...}
            pk = norm(p["country"].get("code") or p["country"].get("alpha2"))
        if pc == gc and pk == gk:
            return True
    return False


def salary_ok(g, p):
    if g is None:
        return p is None
    if not isinstance(p, dict):
        return False
    try:
        return (float(p.get("min") or 0) == float(g.get("min") or 0)
                and float(p.get("max") or 0) == float(g.get("max") or 0)
                and (p.get("currency") or "").upper() == (g.get("currency") or "").upper())
    except (TypeError, ValueError):
        return False


def score_records(records, extract=None, show=False):
    """Per-metric lists of scores for gold ``records``: the logic of score.py's main()."""
    if extract is None:
        import jobextract

        extract = jobextract.extract
    scores = {}
    errors = 0
    for rec in records:
        gold = rec["gold"]
        try:
            pred = extract(rec["text"]).model_dump(mode="json")
        except Exception as e:  # a crash scores zero on every field of this posting
            errors += 1
            pred = {}
            if show:
                print(f"  {rec['id']}: ERROR {type(e).__name__}: {e}")

        def add(metric, value, detail="", absent=False):
            metric = f"{metric}_absent" if absent else metric
            scores.setdefault(metric, []).append(value)
            if show and value < 1:
                print(f"  {rec['id']} {metric}={value:.2f} {detail}")

        for f in ("title", "company", "work_arrangement", "employment_type"):
            if f in gold:
                add(f, float(norm(gold[f]) == norm(pred.get(f))), f"gold={gold[f]!r} pred={pred.get(f)!r}",
                    absent=not gold[f])
        if "team" in gold:
            g, p = team_name(gold["team"]), team_name(pred.get("team"))
            ok = (g is None and not p) or (g is not None and p is not None
                                            and f1_counts(Counter(toks(p)), Counter(toks(g))) >= 0.5)
            add("team", float(ok), f"gold={g!r} pred={p!r}", absent=g is None)
        if "locations" in gold:
            for gl in gold["locations"]:
                add("location", float(loc_ok(gl, pred.get("locations"))), f"gold={gl} pred={pred.get('locations')}")
        if "responsibilities" in gold:
            add("responsibilities", f1_counts(bag(pred.get("responsibilities")), bag(gold["responsibilities"])),
                absent=not gold["responsibilities"])
        if "requirements" in gold:
            g = (gold.get("requirements") or []) + (gold.get("preferred_qualifications") or [])
            p = (pred.get("requirements") or []) + (pred.get("preferred_qualifications") or [])
            add("requirements", f1_counts(bag(p), bag(g)), absent=not g)
        if "salary" in gold:
            add("salary", float(salary_ok(gold["salary"], pred.get("salary"))),
                f"gold={gold['salary']} pred={pred.get('salary')}", absent=gold["salary"] is None)
        if "dates" in gold:
            pd = pred.get("dates") or {}
            for k, v in (gold["dates"] or {}).items():
                got = pd.get(k) if isinstance(pd, dict) else None
                got = got.get("date") if isinstance(got, dict) else got
                add(f"date_{k}", float(str(got or "")[:10] == str(v)[:10]), f"gold={v} pred={got}")
    return scores, errors


def averages(scores):
    return {m: sum(v) / len(v) for m, v in sorted(scores.items())}


def main(argv):
    args = argv[1:]
    show = "--show" in args
    paths = [a for a in args if a != "--show"]
    records = [json.loads(line) for p in paths for line in open(p, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    scores, errors = score_records(records, show=show)
    elapsed = time.perf_counter() - t0
    for m, avg in averages(scores).items():
        print(f"{m:24s} {avg:.3f}  (n={len(scores[m])})")
    print(f"{len(records)} postings, {errors} errors, {elapsed:.1f}s")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
