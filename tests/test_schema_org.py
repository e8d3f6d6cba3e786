"""schema.org JSON-LD both ways, and JSON-LD filling what the text left empty.

tests/data/nhs_json_ld.jsonl: three NHS Jobs records (schema.org JobPosting JSON-LD) from
/work/shared/data/dev/nhs_jobs.jsonl (stochastictalk/nhs_jobs_data).
"""
import html
import json
from pathlib import Path

import pytest

import jobextract
from jobextract.models import JobPosting, Location
from jobextract.schema_org import read_json_ld, to_schema_org

NHS = [json.loads(line) for line in (Path(__file__).parent / "data" / "nhs_json_ld.jsonl").open()]


def page(record: dict, body: str | None = None) -> str:
    """A career page as NHS Jobs serves it: the JSON-LD in <head>, the description as the body."""
    ld = {k: v for k, v in record.items() if k not in ("description", "_repo_path")}
    body = html.unescape(record["description"]) if body is None else body
    return (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f"<body>{body}</body></html>")


@pytest.mark.parametrize("record", NHS, ids=lambda r: r["_repo_path"])
def test_read_json_ld_of_nhs_pages(record):
    hints = read_json_ld(page(record))
    assert hints["title"] == record["title"]
    assert hints["company"] == record["hiringOrganization"]["name"]
    assert hints["locations"][0].country == "GB"
    assert hints["salary"].currency == "GBP" and hints["salary"].period == "year"
    assert hints["salary"].min == float(record["baseSalary"]["value"]["minValue"])
    assert hints["dates"]["posted"].date.isoformat() == record["datePosted"][:10]
    assert hints["dates"]["valid_through"].date.isoformat() == record["validThrough"][:10]


def test_json_ld_fills_only_what_the_text_left_empty():
    record = NHS[0]
    body = "<p>We are hiring a Healthcare Assistant to join our ward team.</p>"
    p = jobextract.extract(page(record, body))
    assert p.title == "Healthcare Assistant"  # the text's title wins over the JSON-LD one
    assert p.company == record["hiringOrganization"]["name"]  # the text names none
    assert p.salary.currency == "GBP" and p.salary.start is None  # no offsets: not from the text
    assert p.dates.posted.date.isoformat() == record["datePosted"][:10]
    assert "title" not in p.from_json_ld and {"company", "salary", "dates.posted"} <= set(p.from_json_ld)
    assert p.fingerprint == JobPosting.model_validate(p.model_dump()).fingerprint


def test_a_page_whose_body_is_empty_takes_everything_from_json_ld():
    p = jobextract.extract(page(NHS[1], body=""))
    assert p.title == NHS[1]["title"] and "title" in p.from_json_ld


def test_batch_extraction_fills_too():
    [p] = jobextract.extract_many([page(NHS[0], "<p>Join us.</p>")])
    assert p.company == NHS[0]["hiringOrganization"]["name"]


@pytest.mark.parametrize("text", [
    "<p>No JSON-LD here</p>",
    '<script type="application/ld+json">{broken</script><p>x</p>',
    '<script type="application/ld+json">{"@type": "Organization", "name": "Acme"}</script>',
], ids=["none", "broken", "not-a-job"])
def test_pages_without_a_job_posting_give_no_hints(text):
    assert read_json_ld(text) == {}


def test_graph_and_lists_are_searched():
    ld = {"@graph": [{"@type": "WebPage"}, {"@type": ["JobPosting"], "title": "Welder",
          "jobLocationType": "TELECOMMUTE", "employmentType": ["PART_TIME"],
          "jobLocation": [{"address": {"addressLocality": "Leeds", "addressCountry": "United Kingdom"}}]}]}
    hints = read_json_ld(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert hints["title"] == "Welder" and hints["work_arrangement"] == "remote"
    assert hints["employment_type"] == "part_time"
    assert hints["locations"][0] == Location(raw="Leeds, United Kingdom", city="Leeds", country="GB")


def test_to_schema_org_of_a_seed_posting():
    text = next(Path("seeds").glob("000_*.txt")).read_text()
    p = jobextract.extract_page(text)[0]
    ld = to_schema_org(p)
    assert ld["@type"] == "JobPosting" and ld["title"] == p.title
    assert ld["jobLocation"][0]["address"] == {
        "@type": "PostalAddress", "addressLocality": "Redmond", "addressRegion": "WA", "addressCountry": "US"}
    assert ld["responsibilities"].splitlines() == [i.text for i in p.responsibilities]
    assert json.loads(json.dumps(ld)) == ld  # plain JSON
    assert p.to_schema_org() == ld


def test_schema_org_round_trip_through_read_json_ld():
    record = NHS[2]
    p = jobextract.extract(page(record))
    hints = read_json_ld(f'<script type="application/ld+json">{json.dumps(p.to_schema_org())}</script>')
    assert hints["salary"].min == p.salary.min and hints["employment_type"] == p.employment_type
    assert hints["dates"]["posted"].date == p.dates.posted.date
