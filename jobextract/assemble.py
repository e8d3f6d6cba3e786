"""Turn a processed Doc into a :class:`~jobextract.models.JobPosting`.

The only place that reads the components' spans and builds models; every value gets
its text and ``start``/``end`` offsets into ``doc.text``. The parts are gathered as plain
dicts and validated in one go by :class:`JobPosting` (one call into pydantic-core rather
than one a part: the same validation, a third of the time).

>>> import jobextract
>>> nlp = jobextract.load()
>>> posting = to_posting(nlp("US, WA, Seattle\\nWe are hiring an Economist."))
>>> posting.title, posting.locations[0].city
('Economist', 'Seattle')
"""
from __future__ import annotations

from spacy.tokens import Doc

from .layout import trim
from .models import JobPosting
from .pipeline.facts import DATES_KEY, EMPLOYMENT_KEY, SALARY_KEY
from .pipeline import doc_text
from .pipeline.items import ITEM_LABELS, ITEMS_KEY
from .pipeline.locations import LOCATIONS_KEY
from .pipeline.organisations import COMPANY_KEY, TEAM_KEY
from .pipeline.sections import HEADINGS_KEY, SECTIONS_KEY
from .pipeline.title import TITLE_KEY


def to_posting(doc: Doc, *, text_start: int = 0) -> JobPosting:
    """Assemble the JobPosting from the spans the components left on ``doc``."""
    text = doc_text(doc)
    fields: dict = {"text": text, "text_start": text_start}
    evidence: dict[str, dict] = {}

    items: dict[str, list[dict]] = {label: [] for label in ITEM_LABELS}
    for span in doc.spans.get(ITEMS_KEY, []):
        s, e = span.start_char, span.end_char
        items[span.label_].append({"text": text[s:e], "start": s, "end": e})
    fields.update(items)

    fields["locations"] = [
        {"raw": text[s.start_char:s.end_char], "start": s.start_char, "end": s.end_char, **s._.jobextract_value}
        for s in doc.spans.get(LOCATIONS_KEY, [])
    ]

    title = doc.spans.get(TITLE_KEY)
    if title:
        fields["title"] = title[0]._.jobextract_value["title"]
        fields["seniority"] = title[0]._.jobextract_value["seniority"]
        evidence["title"] = _span(title[0])

    company = doc.spans.get(COMPANY_KEY)
    if company:
        fields["company"] = company[0]._.jobextract_value
        evidence["company"] = _span(company[0])

    team = doc.spans.get(TEAM_KEY)
    if team:
        value = team[0]._.jobextract_value
        fields["team"] = {"name": value["name"], "description": value["description"],
                          "start": team[0].start_char, "end": team[0].end_char}

    salaries = []
    for span in doc.spans.get(SALARY_KEY, []):
        v = span._.jobextract_value
        salaries.append({"min": v["min"], "max": v["max"], "currency": v["currency"], "period": v["period"],
                         "text": text[v["start"]:v["end"]], "start": v["start"], "end": v["end"]})
    fields["salaries"] = salaries
    fields["salary"] = salaries[0] if salaries else None

    dates = {}
    for span in doc.spans.get(DATES_KEY, []):
        v = span._.jobextract_value
        dates[span.label_] = {"date": v["date"], "text": text[v["start"]:v["end"]], "start": v["start"], "end": v["end"]}
    fields["dates"] = dates

    for span in doc.spans.get(EMPLOYMENT_KEY, []):
        v = span._.jobextract_value
        fields[span.label_] = v["value"]
        evidence[span.label_] = {"text": text[v["start"]:v["end"]], "start": v["start"], "end": v["end"]}

    headings = {h.start_char: h for h in doc.spans.get(HEADINGS_KEY, [])}
    sections = []
    for sec in doc.spans.get(SECTIONS_KEY, []):
        heading = headings.get(sec.start_char)
        body_start = heading.end_char if heading is not None else sec.start_char
        s, e = trim(text, body_start, sec.end_char, chars=" \t\r\n\u00a0:：")
        if e <= s:
            s = e = sec.end_char
        heading_text = text[heading.start_char:heading.end_char] if heading is not None else None
        sections.append({"label": sec.label_, "heading": heading_text, "text": text[s:e], "start": s, "end": e})
        if sec.label_ == "summary" and "summary" not in fields:
            fields["summary"] = {"text": text[s:e], "start": s, "end": e}
    fields["sections"] = sections
    fields["evidence"] = evidence
    return JobPosting(**fields)


def _span(span) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char}
