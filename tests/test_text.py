"""HTML input: ``jobextract.text.normalise`` and its use by the API.

The case table ``cases/html.jsonl`` holds real snippets from ``/work/shared/data/dev/``
(the ``source`` of each names the file and record) and a few synthetic edge cases.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import jobextract
from jobextract.text import is_html, normalise

CASES = [json.loads(line) for line in (Path(__file__).parent / "cases" / "html.jsonl").open(encoding="utf-8")]
DEV = Path("/work/shared/data/dev")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_normalise_case(case):
    got = normalise(case["input"], **case.get("kwargs", {}))
    assert got == case["expected"]
    if case["expected"] == case["input"]:
        assert got is case["input"]  # plain text is the same string: offsets untouched


def test_no_trailing_space_no_blank_runs():
    got = normalise("<p>a  </p><br><br><br><p></p><div> b&nbsp;</div>")
    assert got == "a\n\nb"


def test_deep_nesting_does_not_overflow():
    html = "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000
    assert normalise(html) == "deep"


def test_html_argument_is_checked():
    with pytest.raises(TypeError):
        jobextract.extract("<p>x</p>", html="yes")


HTML_POSTING = (
    "<html><head><title>Data Engineer - Leeds</title></head><body>"
    "<p>We are a small team building data tools for hospitals.</p>"
    "<h2>Responsibilities</h2><ul><li>Build and run our data pipelines</li>"
    "<li>Work with clinicians to define metrics</li></ul>"
    "<h2>Requirements</h2><ul><li>3+ years of Python &amp; SQL</li>"
    "<li>Experience with Airflow</li></ul></body></html>"
)


def _check_offsets(posting):
    for name in ("responsibilities", "requirements", "preferred_qualifications", "benefits"):
        for item in getattr(posting, name):
            assert posting.text[item.start:item.end] == item.text
    for section in posting.sections:
        assert posting.text[section.start:section.end] == section.text


def test_extract_html_items_and_offsets():
    posting = jobextract.extract(HTML_POSTING)
    assert [i.text for i in posting.responsibilities] == [
        "Build and run our data pipelines", "Work with clinicians to define metrics"]
    assert [i.text for i in posting.requirements] == ["3+ years of Python & SQL", "Experience with Airflow"]
    assert posting.text.startswith("Data Engineer - Leeds\n")
    assert "<" not in posting.text
    _check_offsets(posting)


def test_extract_html_false_keeps_markup():
    assert jobextract.extract(HTML_POSTING, html=False).text == HTML_POSTING


def test_extract_many_and_page_take_html():
    many = list(jobextract.extract_many([HTML_POSTING, "plain text"], html=None))
    assert many[0].text == normalise(HTML_POSTING) and many[1].text == "plain text"
    assert [i.text for i in many[0].requirements][-1] == "Experience with Airflow"
    _check_offsets(many[0])
    page = "<p>News of the day.</p><p>US, WA, Seattle</p><p>We build rockets. We are hiring.</p>"
    postings = jobextract.extract_page(page)
    assert [p.text for p in postings] == ["US, WA, Seattle\n\nWe build rockets. We are hiring."]


def test_extract_nhs_escaped_description():
    case = next(c for c in CASES if c["id"] == "nhs-escaped-nested-list")
    posting = jobextract.extract(case["input"])
    assert posting.text == case["expected"]
    _check_offsets(posting)


def _dev_records():
    for name, field in (("indeed_html", "html"), ("nhs_jobs", "description"), ("hn_who_is_hiring", "text")):
        with (DEV / f"{name}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                value = json.loads(line).get(field)
                if isinstance(value, str):
                    yield name, value


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev data folder is absent")
def test_normalise_every_dev_record():
    counts = {"html": 0, "plain": 0}
    for name, raw in _dev_records():
        out = normalise(raw)
        if is_html(raw) is None:
            assert out is raw, name
            counts["plain"] += 1
        else:
            assert "\n\n\n" not in out and out == out.strip(), name
            assert all(line == line.rstrip() for line in out.split("\n")), name
            counts["html"] += 1
    assert counts["html"] > 4000  # 668 Indeed pages, ~2000 NHS descriptions, most HN comments


def test_docs_html_examples_run():
    import doctest

    page = Path(__file__).parent.parent / "docs" / "html.md"
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 4
