"""Inputs that broke other job-posting parsers (tests/cases/robustness.jsonl), and the
API's contract on bad input and long batches."""
import json
from pathlib import Path

import pytest

import jobextract
from jobextract.models import ExtractionFailure, JobPosting

from test_fuzz import check

ROWS = [json.loads(line) for line in (Path(__file__).parent / "cases" / "robustness.jsonl").open(encoding="utf-8")
        if line.strip()]


def _params(rows):
    return [pytest.param(r, id=r["name"], marks=[pytest.mark.xfail(strict=True, reason=r["xfail"])] if r.get("xfail") else [])
            for r in rows]


@pytest.mark.parametrize("row", _params(ROWS))
def test_robustness_case(row):
    posting = jobextract.extract(row["text"])
    check(posting)
    if "field" in row:
        assert [i.text for i in getattr(posting, row["field"])] == row["items"]
    if "title" in row:
        assert posting.title == row["title"]


LANGUAGES = [
    ("german", {"responsibilities": ["Entwicklung von Webanwendungen", "Zusammenarbeit im Team"],
                "requirements": ["Abgeschlossenes Studium der Informatik"]}),
    ("spanish", {"responsibilities": ["Diseñar canalizaciones de datos", "Colaborar con el equipo"],
                 "requirements": ["Experiencia con Python y SQL"]}),
]


@pytest.mark.parametrize("name, items", LANGUAGES, ids=[n for n, _ in LANGUAGES])
def test_other_languages_read_their_headings_and_leave_the_rest_empty(name, items):
    posting = jobextract.extract(next(r for r in ROWS if r["name"] == name)["text"])
    check(posting)
    # the heading lexicon holds the common German and Spanish headings ("Ihre Aufgaben", "Requisitos")
    for field, expected in items.items():
        assert [i.text for i in getattr(posting, field)] == expected
    # the title lexicons are English: a German or Spanish title is not guessed at
    assert posting.title is None


@pytest.mark.parametrize("row", _params(r for r in ROWS if r["name"].startswith("number")))
def test_a_bare_number_is_no_field(row):
    posting = jobextract.extract(row["text"])
    assert (posting.title, posting.company, posting.salary, posting.locations) == (None, None, None, [])


@pytest.mark.parametrize("bad", [None, b"Responsibilities: lead", 42, 3.5, True, ["text"], {"text": "x"}],
                         ids=lambda v: type(v).__name__)
def test_non_str_is_a_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        jobextract.extract(bad)


@pytest.mark.parametrize("blank", ["", " ", "\n\n", "\t \u00a0\u3000", "\u2028"], ids=repr)
def test_blank_is_an_empty_posting(blank):
    assert jobextract.extract(blank) == JobPosting(text=blank)


@pytest.mark.parametrize("ref", ["not a date", "2026-02-30", "", 20260101, ["2026-01-01"]], ids=repr)
def test_invalid_reference_date_is_a_value_or_type_error(ref):
    with pytest.raises((ValueError, TypeError)):
        jobextract.extract("Responsibilities:\n- Lead", reference_date=ref)


def test_invalid_reference_date_string_is_a_value_error():
    with pytest.raises(ValueError, match="reference_date"):
        jobextract.extract("Responsibilities:\n- Lead", reference_date="2026-13-45")


def test_ten_thousand_records_with_one_percent_bad_keep_count_and_order():
    texts = [f"Responsibilities:\n- Task {i}" if i % 100 else [i] for i in range(10_000)]
    out = list(jobextract.extract_many(texts, on_error="record", batch_size=256))
    assert len(out) == 10_000
    bad = [i for i, r in enumerate(out) if isinstance(r, ExtractionFailure)]
    assert bad == list(range(0, 10_000, 100))
    assert all(out[i].index == i and out[i].error_type == "InputTypeError" for i in bad)
    assert all(r.responsibilities[0].text == f"Task {i}" for i, r in enumerate(out) if i % 100)
