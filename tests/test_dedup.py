"""Fingerprints: one posting on two pages gets one; a changed posting gets another."""
import json
from pathlib import Path

import jobextract
from jobextract.models import JobPosting

GOLD = {r["id"]: r for r in map(json.loads, (Path(__file__).parent / "data" / "seed_gold.jsonl").open())}


def test_the_same_posting_on_two_seed_pages_has_one_fingerprint():
    # 000-06 and 001-08 are one posting; the second page lost its "-" bullets.
    a, b = (jobextract.extract(GOLD[k]["text"]) for k in ("000-06", "001-08"))
    assert a.text != b.text
    assert a.fingerprint == b.fingerprint


def test_every_other_seed_posting_has_its_own():
    prints = {k: jobextract.extract(r["text"]).fingerprint for k, r in GOLD.items()}
    assert len(set(prints.values())) == len(prints) - 1


def test_a_changed_posting_gets_a_new_fingerprint():
    p = jobextract.extract(GOLD["000-06"]["text"])
    changed = jobextract.extract(GOLD["000-06"]["text"].replace("Mentor more junior", "Mentor senior"))
    assert changed.fingerprint != p.fingerprint
    assert p.model_copy(update={"title": "Economist"}).fingerprint != p.fingerprint


def test_fingerprint_is_dumped_and_read_back():
    p = jobextract.extract(GOLD["000-01"]["text"])
    data = p.model_dump(mode="json")
    assert data["fingerprint"] == p.fingerprint and len(p.fingerprint) == 16
    assert JobPosting.model_validate(data) == p
    assert JobPosting.model_validate_json(p.model_dump_json()) == p
    assert "fingerprint" in JobPosting.model_json_schema(mode="serialization")["properties"]
