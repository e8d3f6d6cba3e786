"""``jobextract_salary``, ``jobextract_dates``, ``jobextract_employment``: the fields people filter on.

Each component calls a pure module (:mod:`jobextract.salary`, :mod:`jobextract.dates`,
:mod:`jobextract.employment`) on ``doc.text`` and the sections found before it, and
leaves spans under its own key; ``span._.jobextract_value`` holds the normalised value
with the exact ``start``/``end`` of its text (a span may be wider, aligned to tokens).

>>> import jobextract
>>> doc = jobextract.load()("Engineer | Remote | $150k-$200k\\nClosing date: 1 May 2021")
>>> [(s.label_, s._.jobextract_value["max"]) for s in doc.spans["jobextract_salary"]]
[('salary', 200000.0)]
>>> [(s.label_, str(s._.jobextract_value["date"])) for s in doc.spans["jobextract_dates"]]
[('valid_through', '2021-05-01')]
>>> [(s.label_, s._.jobextract_value["value"]) for s in doc.spans["jobextract_employment"]]
[('work_arrangement', 'remote')]
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import best_dates, find_dates
from ..employment import choose, find_job_terms
from ..salary import find_salaries, period_of
from . import doc_text
from .sections import HEADINGS_KEY, SECTIONS_KEY

SALARY_KEY = "jobextract_salary"
DATES_KEY = "jobextract_dates"
EMPLOYMENT_KEY = "jobextract_employment"


def _add(doc: Doc, spans: list, start: int, end: int, label: str, value: dict) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        span._.jobextract_value = {**value, "start": start, "end": end}
        spans.append(span)


@Language.factory("jobextract_salary", default_config={"max_salaries": 10, "section_chars": 400})
def make_salary(nlp: Language, name: str, max_salaries: int, section_chars: int) -> "SalaryFinder":
    return SalaryFinder(name, max_salaries=max_salaries, section_chars=section_chars)


class SalaryFinder:
    """Pay ranges; in a salary section ("ANNUAL SALARY", "Pay") bare figures count too,
    and the heading's period ("annual", "hourly") applies where a figure names none."""

    def __init__(self, name: str = "jobextract_salary", *, max_salaries: int = 10, section_chars: int = 400) -> None:
        self.name = name
        self.max_salaries = max_salaries
        self.section_chars = section_chars

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = {m.start: m for m in find_salaries(text)}
        headings = {h.start_char: h for h in doc.spans.get(HEADINGS_KEY, [])}
        for sec in doc.spans.get(SECTIONS_KEY, []):
            if sec.label_ != "salary":
                continue
            heading = headings.get(sec.start_char)
            body = heading.end_char if heading is not None else sec.start_char
            hint = period_of(heading.text) if heading is not None else None
            end = min(sec.end_char, body + self.section_chars)
            for m in find_salaries(text, body, end, period_hint=hint, pay_context=True):
                for s in [s for s, old in found.items() if old.start < m.end and m.start < old.end]:
                    del found[s]
                found[m.start] = m
        spans: list = []
        for m in sorted(found.values(), key=lambda m: m.start)[: self.max_salaries]:
            _add(doc, spans, m.start, m.end, "salary",
                 {"min": m.min, "max": m.max, "currency": m.currency, "period": m.period})
        doc.spans[SALARY_KEY] = spans
        return doc


@Language.factory("jobextract_dates", default_config={})
def make_dates(nlp: Language, name: str) -> "DateFinder":
    return DateFinder(name)


class DateFinder:
    """``posted``, ``valid_through`` and ``start`` dates after their cue phrases; relative
    dates resolve against ``doc._.jobextract_reference_date`` when the caller gave one."""

    def __init__(self, name: str = "jobextract_dates") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        reference = doc._.jobextract_reference_date
        spans: list = []
        for field, m in sorted(best_dates(find_dates(doc_text(doc), reference_date=reference)).items(),
                               key=lambda kv: kv[1].start):
            _add(doc, spans, m.start, m.end, field, {"date": m.date})
        doc.spans[DATES_KEY] = spans
        return doc


@Language.factory("jobextract_employment", default_config={})
def make_employment(nlp: Language, name: str) -> "EmploymentFinder":
    return EmploymentFinder(name)


class EmploymentFinder:
    """``employment_type`` and ``work_arrangement``: one span each, or none when not said."""

    def __init__(self, name: str = "jobextract_employment") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        header_end = max((s.end_char for s in doc.spans.get(SECTIONS_KEY, []) if s.label_ == "header"), default=0)
        matches = find_job_terms(doc_text(doc), header_end)
        spans: list = []
        for field in ("employment_type", "work_arrangement"):
            best = choose(matches, field)
            if best is not None:
                _add(doc, spans, best.start, best.end, field, {"value": best.value})
        doc.spans[EMPLOYMENT_KEY] = spans
        return doc
