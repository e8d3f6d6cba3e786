"""Employment type and work arrangement case table: real strings → values (or none)."""
from __future__ import annotations

import pytest
from conftest import case_params

import jobextract


@pytest.mark.parametrize("row", case_params("employment.jsonl"))
def test_employment(row):
    posting = jobextract.extract(row["text"])
    got = {"employment_type": posting.employment_type, "work_arrangement": posting.work_arrangement}
    assert got == row["expected"]
    for field, value in got.items():
        if value is not None:
            ev = posting.evidence[field]
            assert posting.text[ev.start:ev.end] == ev.text


def test_factories_registered():
    from jobextract.pipeline import FACTORIES

    assert FACTORIES[-3:] == ("jobextract_salary", "jobextract_dates", "jobextract_employment")


def test_lexicon_rows_name_their_source():
    from jobextract import lexicons

    for rules in (lexicons.currencies(), lexicons.salary_terms(), lexicons.date_cues(), lexicons.job_terms()):
        assert rules and all(r.source for r in rules)
