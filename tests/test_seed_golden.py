"""Golden tests: each seed posting's fields against its annotation (tests/data/seed_gold.jsonl)."""
import json
from pathlib import Path

import pytest

import jobextract
from scoring import norm

GOLD = [json.loads(line) for line in (Path(__file__).parent / "data" / "seed_gold.jsonl").open(encoding="utf-8")]
# known misses, kept visible: strict xfail turns green into a failure when a fix lands
KNOWN = {
    ("001-03", "company"): "the only mention is 'shopping on Amazon', not an employer context",
}


def _cases():
    for rec in GOLD:
        for field in ("title", "seniority", "company", "team", "locations"):
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[(rec["id"], field)])] if (rec["id"], field) in KNOWN else []
            yield pytest.param(rec, field, id=f"{rec['id']}-{field}", marks=marks)


@pytest.fixture(scope="module")
def predictions():
    return {rec["id"]: jobextract.extract(rec["text"]) for rec in GOLD}


@pytest.mark.parametrize("rec,field", list(_cases()))
def test_seed_field(predictions, rec, field):
    got = predictions[rec["id"]]
    gold = rec["gold"][field]
    if field == "locations":
        assert [(l.city, l.region, l.country) for l in got.locations] == [(g["city"], g["region"], g["country"]) for g in gold]
    elif field == "team":
        gold_name = gold["name"] if gold else None
        if gold_name is None:
            assert got.team is None
        else:
            got_words, gold_words = set(norm(got.team.name).split()), set(norm(gold_name).split())
            overlap = len(got_words & gold_words)
            assert overlap and 2 * overlap / (len(got_words) + len(gold_words)) >= 0.5, got.team.name
    else:
        assert norm(getattr(got, field)) == norm(gold), f"{field}: {getattr(got, field)!r} != {gold!r}"


@pytest.mark.parametrize("rec", GOLD, ids=[r["id"] for r in GOLD])
def test_seed_offsets_are_exact(predictions, rec):
    p = predictions[rec["id"]]
    assert p.text == rec["text"]
    for item in p.responsibilities + p.requirements + p.preferred_qualifications + p.benefits:
        assert p.text[item.start:item.end] == item.text
    for s in p.sections:
        assert p.text[s.start:s.end] == s.text
    for name, ev in p.evidence.items():
        assert p.text[ev.start:ev.end] == ev.text, name
    for loc in p.locations:
        assert p.text[loc.start:loc.end] == loc.raw
