"""Salary case table: real strings from the dev data → min, max, currency, period (or none)."""
from __future__ import annotations

import pytest
from conftest import case_params

import jobextract


@pytest.mark.parametrize("row", case_params("salary.jsonl"))
def test_salary(row):
    posting = jobextract.extract(row["text"])
    got = posting.salary
    if row["expected"] is None:
        assert got is None
        return
    assert got is not None
    assert {k: getattr(got, k) for k in ("min", "max", "currency", "period")} == row["expected"]
    assert posting.text[got.start:got.end] == got.text
    assert posting.salaries[0] == got


def test_several_ranges_all_kept():
    text = "ANNUAL SALARY\n\n$145,199 to $180,382; $159,669 to $198,360; and $174,890 to $217,298\n"
    posting = jobextract.extract(text)
    assert [(s.min, s.max, s.period) for s in posting.salaries] == [
        (145199.0, 180382.0, "year"), (159669.0, 198360.0, "year"), (174890.0, 217298.0, "year")]
