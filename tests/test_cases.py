"""Case tables (tests/cases/*.jsonl) of real strings, run through one test per component.

A row with an "xfail" key is a known failure: strict, so that a fix shows.
"""
import json
from pathlib import Path

import pytest

import jobextract
from jobextract.geo import parse_location

CASES = Path(__file__).parent / "cases"


def table(name):
    rows = [json.loads(line) for line in (CASES / f"{name}.jsonl").open(encoding="utf-8") if line.strip()]
    out = []
    for i, row in enumerate(rows):
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        label = row.get("raw") or row.get("text")
        out.append(pytest.param(row, id=f"{i:02d}-{label[:40]}", marks=marks))
    return out


@pytest.mark.parametrize("row", table("locations"))
def test_location(row):
    got = parse_location(row["raw"])
    expected = None if row["city"] is None else {k: row[k] for k in ("city", "region", "country")}
    assert got == expected


@pytest.mark.parametrize("row", table("titles"))
def test_title(row):
    p = jobextract.extract(row["text"])
    assert (p.title, p.seniority) == (row["title"], row["seniority"])
    if p.title:
        ev = p.evidence["title"]
        assert p.text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("row", table("teams"))
def test_team(row):
    p = jobextract.extract(row["text"])
    assert (p.team.name if p.team else None) == row["team"]


@pytest.mark.parametrize("row", table("companies"))
def test_company(row):
    assert jobextract.extract(row["text"]).company == row["company"]


@pytest.mark.parametrize("row", table("items"))
def test_items(row):
    p = jobextract.extract(row["text"])
    items = getattr(p, row["field"])
    assert [i.text for i in items] == row["items"]
    for i in items:
        assert p.text[i.start:i.end] == i.text
