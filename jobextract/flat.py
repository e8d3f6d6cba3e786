"""The flat form of a posting: one row of plain columns, shared by CSV, pandas, Parquet and Spark.

One row a posting. Scalars stay scalars; the first location is split into ``city``,
``region`` and ``country`` and every location's ``raw`` text is kept in ``locations``;
``team`` is the team's name; ``salary`` and ``dates`` become ``salary_min`` ...
``date_posted`` ...; each item list (``responsibilities`` ...) becomes a list of its item
texts plus a count ``n_responsibilities``. Offsets, sections, evidence and the text itself
are left out (they are in the JSON output). Lists are lists here; CSV writes them as JSON
arrays.

>>> from jobextract.models import JobPosting, Location
>>> row = flat_row(JobPosting(title="Nurse", locations=[Location(raw="Leeds, UK", city="Leeds", country="GB")]))
>>> row["title"], row["city"], row["country"], row["locations"], row["n_responsibilities"]
('Nurse', 'Leeds', 'GB', ['Leeds, UK'], 0)
"""
from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Optional

from .dedup import ITEM_FIELDS
from .models import Dates, JobPosting, Location, Salary

# column -> (model, field) it is read from; its type is that field's annotation.
_SOURCES: dict[str, tuple[type, str]] = {
    "fingerprint": (JobPosting, "fingerprint"),
    "title": (JobPosting, "title"),
    "seniority": (JobPosting, "seniority"),
    "company": (JobPosting, "company"),
    "city": (Location, "city"),
    "region": (Location, "region"),
    "country": (Location, "country"),
    "locations": (Location, "raw"),  # a list of them
    "work_arrangement": (JobPosting, "work_arrangement"),
    "employment_type": (JobPosting, "employment_type"),
    "team": (JobPosting, "team"),  # its name
    "salary_min": (Salary, "min"),
    "salary_max": (Salary, "max"),
    "salary_currency": (Salary, "currency"),
    "salary_period": (Salary, "period"),
    "date_posted": (Dates, "posted"),
    "date_valid_through": (Dates, "valid_through"),
    "date_start": (Dates, "start"),
}
LIST_COLUMNS = ("locations",) + ITEM_FIELDS


def _kind(model: type, field: str) -> type:
    """The plain Python type a column holds: str, float, int, bool or date."""
    if field == "fingerprint":
        return str
    ann = model.model_fields[field].annotation
    args = [a for a in typing.get_args(ann) if a is not type(None)] or [ann]
    base = args[0]
    base = typing.get_args(base)[0] if typing.get_origin(base) is typing.Annotated else base
    if typing.get_origin(base) is typing.Literal or base is str:
        return str
    if base in (float, int, bool):
        return base
    if base is dt.date or getattr(base, "__name__", "") == "DateValue":
        return dt.date
    return str  # Team and other objects are written as their name


def columns() -> dict[str, tuple[type, bool]]:
    """Every flat column, in order, as ``name -> (type, is_list)``.

    >>> columns()["salary_min"], columns()["locations"], columns()["n_benefits"]
    ((<class 'float'>, False), (<class 'str'>, True), (<class 'int'>, False))
    """
    out: dict[str, tuple[type, bool]] = {}
    for name, (model, field) in _SOURCES.items():
        out[name] = (_kind(model, field), name in LIST_COLUMNS)
    for name in ITEM_FIELDS:
        out[f"n_{name}"] = (int, False)
    for name in ITEM_FIELDS:
        out[name] = (str, True)
    out["summary"] = (str, False)
    return out


def flat_row(posting: JobPosting) -> dict[str, Any]:
    """The flat columns of one posting (see the module docstring), in :func:`columns` order."""
    first: Optional[Location] = posting.locations[0] if posting.locations else None
    salary = posting.salary
    dates = posting.dates
    row: dict[str, Any] = {
        "fingerprint": posting.fingerprint,
        "title": posting.title,
        "seniority": posting.seniority,
        "company": posting.company,
        "city": first.city if first else None,
        "region": first.region if first else None,
        "country": first.country if first else None,
        "locations": [loc.raw for loc in posting.locations],
        "work_arrangement": posting.work_arrangement,
        "employment_type": posting.employment_type,
        "team": posting.team.name if posting.team else None,
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_period": salary.period if salary else None,
        "date_posted": dates.posted.date if dates.posted else None,
        "date_valid_through": dates.valid_through.date if dates.valid_through else None,
        "date_start": dates.start.date if dates.start else None,
    }
    for name in ITEM_FIELDS:
        row[f"n_{name}"] = len(getattr(posting, name))
    for name in ITEM_FIELDS:
        row[name] = [item.text for item in getattr(posting, name)]
    row["summary"] = posting.summary.text if posting.summary else None
    return row
