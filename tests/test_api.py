"""The public API: input checks, batch order and error policy, the registered components."""
import datetime as dt
import json

import pytest
import spacy

import jobextract
from jobextract.models import ExtractionFailure, JobPosting
from jobextract.pipeline import FACTORIES

POSTING = "US, WA, Seattle\nWe're hiring an Economist to own pricing. Key job responsibilities • Build models"


@pytest.mark.parametrize("bad", [None, b"bytes", 42, 3.5, ["a list"]], ids=repr)
def test_non_text_is_a_type_error(bad):
    with pytest.raises(TypeError) as info:
        jobextract.extract(bad)
    assert isinstance(info.value, jobextract.JobExtractError)
    assert type(bad).__name__ in str(info.value)


@pytest.mark.parametrize("blank", ["", "   ", "\n\t\n"], ids=repr)
def test_blank_text_is_an_empty_posting(blank):
    p = jobextract.extract(blank)
    assert p == JobPosting(text=blank)


@pytest.mark.parametrize("ref", ["2026-13-01", "yesterday", "25/11/2026"])
def test_bad_reference_date_is_a_value_error(ref):
    with pytest.raises(ValueError):
        jobextract.extract(POSTING, reference_date=ref)


@pytest.mark.parametrize("ref", [dt.date(2026, 11, 25), dt.datetime(2026, 11, 25, 8), "2026-11-25", None])
def test_good_reference_dates(ref):
    assert jobextract.extract(POSTING, reference_date=ref).title == "Economist"


def test_extract_many_keeps_order_and_matches_extract():
    texts = [POSTING, "As a Data Scientist on our team, you will model.", "", POSTING.replace("Economist", "Nurse")]
    many = list(jobextract.extract_many(texts, batch_size=2))
    assert many == [jobextract.extract(t) for t in texts]


def test_extract_many_as_tuples_keeps_context():
    out = list(jobextract.extract_many([(POSTING, {"id": 7}), ("", {"id": 8})], as_tuples=True))
    assert [ctx["id"] for _, ctx in out] == [7, 8]
    assert out[0][0].title == "Economist"


def test_extract_many_errors():
    texts = [POSTING, None, POSTING]
    recorded = list(jobextract.extract_many(texts, on_error="record"))
    assert isinstance(recorded[1], ExtractionFailure)
    assert (recorded[1].index, recorded[1].error_type) == (1, "InputTypeError")
    assert [r.title for r in (recorded[0], recorded[2])] == ["Economist", "Economist"]
    assert len(list(jobextract.extract_many(texts, on_error="skip"))) == 2
    with pytest.raises(jobextract.ExtractionFailed):
        list(jobextract.extract_many(texts))


def test_extract_many_two_processes_gives_the_same_output():
    texts = [POSTING, None, "We are looking for a Staff Engineer who codes.", ""] * 3
    one = list(jobextract.extract_many(texts, on_error="record", batch_size=2))
    two = list(jobextract.extract_many(texts, on_error="record", batch_size=2, n_process=2))
    assert one == two


def test_factories_are_registered_and_configs_serialise():
    nlp = jobextract.load()
    assert nlp.pipe_names == list(FACTORIES)
    assert FACTORIES == ("jobextract_sections", "jobextract_items", "jobextract_locations", "jobextract_title",
                         "jobextract_team", "jobextract_company", "jobextract_salary", "jobextract_dates",
                         "jobextract_employment")
    for name in FACTORIES:
        json.dumps(nlp.get_pipe_meta(name).default_config)


def test_components_join_a_users_own_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("jobextract_sections")
    nlp.add_pipe("jobextract_items")
    doc = nlp(POSTING)
    assert [s.text for s in doc.spans["jobextract_items"]] == ["Build models"]
    assert {s.label_ for s in doc.spans["jobextract_sections"]} >= {"header", "responsibilities"}


def test_schema_is_published():
    schema = jobextract.JobPosting.model_json_schema()
    assert {"title", "company", "locations", "team", "responsibilities", "requirements", "sections"} <= set(schema["properties"])


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, jobextract; print('spacy' in sys.modules, 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_text_over_the_size_limit_is_a_value_error_naming_it(monkeypatch):
    from jobextract import api

    monkeypatch.setattr(api, "MAX_CHARS", 50)
    with pytest.raises(jobextract.InputValueError, match="MAX_CHARS = 50"):
        jobextract.extract("x" * 51)
    assert jobextract.extract("Lead design. " * 3).text == "Lead design. " * 3


def test_texts_over_a_million_characters_are_read():
    # spaCy's own default limit is 1,000,000 characters; ours is MAX_CHARS
    text = "Responsibilities:\n" + "• Lead the design of the platform\n" * 32_000
    posting = jobextract.extract(text)
    assert len(text) > 1_000_000 and len(posting.responsibilities) == 32_000


def test_time_grows_about_linearly_with_the_size():
    # a sanity bound only (benchmarks/linear.py measures it): 4x the text within 10x the time
    import time
    from pathlib import Path

    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt")))
    timings = []
    for size in (100_000, 400_000):
        text = (seeds * (size // len(seeds) + 1))[:size]
        t0 = time.perf_counter()
        jobextract.extract(text)
        timings.append(time.perf_counter() - t0)
    assert timings[1] < 10 * timings[0] + 0.5
