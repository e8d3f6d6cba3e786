"""The notebook view of a posting (``JobPosting._repr_html_``): fields and coloured sections.

A compact table of the fields, a legend, then the posting's text with each section on the
background of its label's colour. Offsets make the highlighting exact; every piece of text
goes through :func:`html.escape`.

>>> from jobextract.models import JobPosting, Section
>>> p = JobPosting(title="Nurse", text="Nurse <b>", sections=[Section(label="header", text="Nurse", start=0, end=5)])
>>> out = posting_html(p)
>>> "&lt;b&gt;" in out, "<b>" in out, 'title="header"' in out
(True, False, True)
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import JobPosting

COLOURS = {
    "header": "#e0e0e0",
    "summary": "#fff3bf",
    "responsibilities": "#d3f9d8",
    "requirements": "#d0ebff",
    "preferred_qualifications": "#e5dbff",
    "benefits": "#ffe8cc",
    "team": "#c3fae8",
    "about_company": "#f3d9fa",
    "day_in_the_life": "#e9fac8",
    "salary": "#ffd8a8",
    "how_to_apply": "#ffe3e3",
    "legal": "#f1f3f5",
    "other": "#f8f9fa",
}
_CELL = 'style="text-align:left;padding:2px 8px;vertical-align:top"'


def _rows(p: "JobPosting") -> list[tuple[str, str]]:
    salary = p.salary
    pay = None
    if salary:
        span = f"{salary.min:,.0f}" if salary.min == salary.max else f"{salary.min or 0:,.0f}–{salary.max or 0:,.0f}"
        pay = f"{span} {salary.currency or ''} / {salary.period or '?'}"
    dates = ", ".join(f"{k}: {v.date or v.text}" for k, v in dict(p.dates).items() if v) or None
    rows = [
        ("title", p.title), ("seniority", p.seniority), ("company", p.company),
        ("locations", "; ".join(loc.raw for loc in p.locations) or None),
        ("work arrangement", p.work_arrangement), ("employment type", p.employment_type),
        ("team", p.team.name if p.team else None), ("salary", pay), ("dates", dates),
        ("items", f"{len(p.responsibilities)} responsibilities, {len(p.requirements)} requirements, "
                  f"{len(p.preferred_qualifications)} preferred, {len(p.benefits)} benefits"),
        ("from JSON-LD", ", ".join(p.from_json_ld) or None),
        ("fingerprint", p.fingerprint),
    ]
    return [(k, v) for k, v in rows if v]


def _highlighted(p: "JobPosting") -> str:
    out, pos = [], 0
    for section in sorted(p.sections, key=lambda s: s.start):
        start, end = max(section.start, pos), min(section.end, len(p.text))
        if end <= start:
            continue
        gap = p.text[pos:start]
        at = gap.rfind(section.heading) if section.heading else -1
        if at >= 0:  # the heading, as written, in bold
            end_h = at + len(section.heading)
            out.append(f"{escape(gap[:at])}<b>{escape(gap[at:end_h])}</b>{escape(gap[end_h:])}")
        else:
            out.append(escape(gap))
        colour = COLOURS.get(section.label, COLOURS["other"])
        tip = section.label + (f": {section.heading}" if section.heading else "")
        out.append(f'<span title="{escape(tip)}" style="background:{colour}">{escape(p.text[start:end])}</span>')
        pos = end
    out.append(escape(p.text[pos:]))
    return "".join(out)


def posting_html(p: "JobPosting") -> str:
    """The HTML a notebook shows for a posting: field table, legend, highlighted text."""
    table = "".join(f"<tr><th {_CELL}>{escape(k)}</th><td {_CELL}>{escape(str(v))}</td></tr>" for k, v in _rows(p))
    labels = dict.fromkeys(s.label for s in p.sections)
    legend = " ".join(
        f'<span title="{escape(label)}" style="background:{COLOURS.get(label, COLOURS["other"])};'
        f'padding:1px 6px;border-radius:3px">{escape(label)}</span>' for label in labels)
    text = _highlighted(p)
    return (
        '<div class="jobextract-posting" style="font-family:sans-serif;font-size:13px;max-width:900px">'
        f'<table style="border-collapse:collapse;margin-bottom:6px">{table}</table>'
        f'<div style="margin:4px 0">{legend}</div>'
        '<div style="white-space:pre-wrap;line-height:1.5;border:1px solid #dee2e6;padding:8px;'
        f'max-height:480px;overflow:auto">{text}</div></div>'
    )
