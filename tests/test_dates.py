"""Dates case table: real strings → posted / valid_through / start (ISO date, or unresolved)."""
from __future__ import annotations

import pytest
from conftest import case_params

import jobextract

FIELDS = ("posted", "valid_through", "start")


@pytest.mark.parametrize("row", case_params("dates.jsonl"))
def test_dates(row):
    posting = jobextract.extract(row["text"], reference_date=row.get("reference_date"))
    for field in FIELDS:
        got = getattr(posting.dates, field)
        if field not in row["expected"]:
            assert got is None, field
            continue
        assert got is not None, field
        want = row["expected"][field]
        assert (str(got.date) if got.date else None) == want, field
        assert posting.text[got.start:got.end] == got.text


def test_reference_date_reaches_extract_many():
    texts = ["Posted 3 days ago", "Posted Today"]
    got = [p.dates.posted.date.isoformat() for p in jobextract.extract_many(texts, reference_date="2024-05-10")]
    assert got == ["2024-05-07", "2024-05-10"]


def test_dates_module_is_the_only_dateparser_import():
    from pathlib import Path

    root = Path(jobextract.__file__).parent
    users = sorted(p.name for p in root.rglob("*.py") if "import dateparser" in p.read_text(encoding="utf-8")
                   or "from dateparser" in p.read_text(encoding="utf-8"))
    assert users == ["dates.py"]
