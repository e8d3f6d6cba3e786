"""schema.org ``JobPosting`` JSON-LD, both ways.

:func:`to_schema_org` writes a posting as JSON-LD, the markup search engines read.
:func:`read_json_ld` reads the JSON-LD ``JobPosting`` a career page embeds in its own
``<script type="application/ld+json">``, as hints; :func:`fill_from_json_ld` lets those
hints fill the fields the text left empty (``extract`` does this for HTML input).

>>> from jobextract.models import JobPosting, Salary
>>> p = JobPosting(title="Nurse", company="NHS", employment_type="full_time",
...                salary=Salary(min=30000, max=35000, currency="GBP", period="year", text="x"))
>>> ld = to_schema_org(p)
>>> ld["hiringOrganization"]["name"], ld["employmentType"], ld["baseSalary"]["value"]["unitText"]
('NHS', 'FULL_TIME', 'YEAR')
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator, Optional

from .models import DateValue, Dates, JobPosting, Location, Salary

EMPLOYMENT_TYPES = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
}
_FROM_EMPLOYMENT_TYPE = {v: k for k, v in EMPLOYMENT_TYPES.items()}
_PERIODS = ("year", "month", "week", "day", "hour")
_DATE_KEYS = {"posted": "datePosted", "valid_through": "validThrough", "start": "jobStartDate"}


def _joined(items) -> Optional[str]:
    return "\n".join(item.text for item in items) or None


def to_schema_org(posting: JobPosting) -> dict[str, Any]:
    """The posting as a schema.org ``JobPosting`` dict (JSON-LD); empty fields are left out.

    ``qualifications`` holds the requirements and preferred qualifications, one item a
    line; ``experienceRequirements`` the requirement items that speak of experience;
    a remote posting gets ``jobLocationType: "TELECOMMUTE"``.

    >>> from jobextract.models import Location
    >>> ld = to_schema_org(JobPosting(title="SRE", work_arrangement="remote",
    ...     locations=[Location(raw="Austin, TX", city="Austin", region="TX", country="US")]))
    >>> ld["jobLocationType"], ld["jobLocation"][0]["address"]["addressRegion"]
    ('TELECOMMUTE', 'TX')
    """
    ld: dict[str, Any] = {"@context": "https://schema.org", "@type": "JobPosting", "title": posting.title}
    if posting.text.strip():
        ld["description"] = posting.text
    if posting.company:
        ld["hiringOrganization"] = {"@type": "Organization", "name": posting.company}
    places = []
    for loc in posting.locations:
        address = {"@type": "PostalAddress", "addressLocality": loc.city,
                   "addressRegion": loc.region, "addressCountry": loc.country}
        address = {k: v for k, v in address.items() if v is not None}
        if len(address) > 1:
            places.append({"@type": "Place", "address": address})
    if places:
        ld["jobLocation"] = places
    if posting.work_arrangement == "remote" or any(loc.remote for loc in posting.locations):
        ld["jobLocationType"] = "TELECOMMUTE"
    if posting.employment_type:
        ld["employmentType"] = EMPLOYMENT_TYPES[posting.employment_type]
    if posting.salary and (posting.salary.min is not None or posting.salary.max is not None):
        s = posting.salary
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if s.min == s.max:
            value["value"] = s.min
        else:
            value.update(minValue=s.min, maxValue=s.max)
        if s.period:
            value["unitText"] = s.period.upper()
        ld["baseSalary"] = {"@type": "MonetaryAmount", "currency": s.currency, "value": value}
    for field, key in _DATE_KEYS.items():
        found: Optional[DateValue] = getattr(posting.dates, field)
        if found and found.date:
            ld[key] = found.date.isoformat()
    ld["responsibilities"] = _joined(posting.responsibilities)
    ld["qualifications"] = _joined(posting.requirements + posting.preferred_qualifications)
    ld["experienceRequirements"] = _joined(i for i in posting.requirements if "experience" in i.text.lower())
    ld["jobBenefits"] = _joined(posting.benefits)
    return {k: v for k, v in ld.items() if v is not None}


# --- reading a page's own JSON-LD -------------------------------------------------------

def _json_ld_blocks(html_text: str) -> Iterator[Any]:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    for node in HTMLParser(html_text).css('script[type="application/ld+json"]'):
        try:
            yield json.loads(node.text(deep=True, separator="", strip=False))
        except (json.JSONDecodeError, TypeError):
            continue


def _job_postings(data: Any) -> Iterator[dict]:
    if isinstance(data, list):
        for part in data:
            yield from _job_postings(part)
    elif isinstance(data, dict):
        kind = data.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield data
        yield from _job_postings(data.get("@graph"))


def _name(value: Any) -> Optional[str]:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        return _name(value[0])
    return value.strip() or None if isinstance(value, str) else None


def _country(value: Any) -> Optional[str]:
    name = _name(value)
    if not name:
        return None
    if len(name) == 2 and name.isalpha():
        return name.upper()
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _locations(value: Any) -> list[Location]:
    out = []
    for place in value if isinstance(value, list) else [value]:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, list) and address:
            address = address[0]
        if not isinstance(address, dict):
            continue
        city, region = _name(address.get("addressLocality")), _name(address.get("addressRegion"))
        country = _country(address.get("addressCountry"))
        parts = [city, region, _name(address.get("postalCode")), _name(address.get("addressCountry"))]
        raw = ", ".join(p for p in parts if p)
        if raw:
            out.append(Location(raw=raw, city=city, region=region, country=country))
    return out


def _number(value: Any) -> Optional[float]:
    try:
        return float(str(value).replace(",", "")) if value not in (None, "") else None
    except ValueError:
        return None


def _salary(value: Any) -> Optional[Salary]:
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    currency = value.get("currency")
    if not isinstance(amount, dict):
        amount = {"value": amount}
    low = _number(amount.get("minValue"))
    high = _number(amount.get("maxValue"))
    single = _number(amount.get("value"))
    low, high = (low if low is not None else single), (high if high is not None else single)
    if low is None and high is None:
        return None
    unit = str(amount.get("unitText") or "").lower()
    text = amount.get("value") if isinstance(amount.get("value"), str) else json.dumps(value, ensure_ascii=False)
    return Salary(min=low, max=high, period=unit if unit in _PERIODS else None, text=text,
                  currency=currency.upper() if isinstance(currency, str) and len(currency) == 3 else None)


def _date(value: Any) -> Optional[DateValue]:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        day = None
    return DateValue(date=day, text=value)


def read_json_ld(html_text: str) -> dict[str, Any]:
    """The first JSON-LD ``JobPosting`` of a page, as hints keyed by ``JobPosting`` field.

    Keys (only those the JSON-LD gives): ``title``, ``company``, ``locations``,
    ``work_arrangement`` (``"remote"`` for ``TELECOMMUTE``), ``employment_type``,
    ``salary``, ``dates`` (a dict of ``posted``/``valid_through``/``start``). Values are
    model objects; salary and dates carry the JSON-LD text and no offsets. A page with no
    such block (or only broken JSON) gives ``{}``.

    >>> page = ('<script type="application/ld+json">{"@type": "JobPosting", "title": "Nurse",'
    ...         ' "hiringOrganization": {"name": "Priory Group"}, "datePosted": "2019-08-09T14:55:05+0100"}'
    ...         '</script><p>Join us.</p>')
    >>> hints = read_json_ld(page)
    >>> hints["title"], hints["company"], hints["dates"]["posted"].date
    ('Nurse', 'Priory Group', datetime.date(2019, 8, 9))
    """
    if "ld+json" not in html_text:
        return {}
    for block in _json_ld_blocks(html_text):
        for job in _job_postings(block):
            hints: dict[str, Any] = {
                "title": _name(job.get("title")),
                "company": _name(job.get("hiringOrganization")),
                "locations": _locations(job.get("jobLocation")) or None,
                "work_arrangement": "remote" if job.get("jobLocationType") == "TELECOMMUTE" else None,
                "salary": _salary(job.get("baseSalary")),
            }
            kind = job.get("employmentType")
            kind = kind[0] if isinstance(kind, list) and kind else kind
            hints["employment_type"] = _FROM_EMPLOYMENT_TYPE.get(str(kind).upper().replace("-", "_"))
            dates = {field: _date(job.get(key)) for field, key in _DATE_KEYS.items()}
            hints["dates"] = {k: v for k, v in dates.items() if v} or None
            return {k: v for k, v in hints.items() if v is not None}
    return {}


def fill_from_json_ld(posting: JobPosting, html_text: str) -> JobPosting:
    """``posting`` with the fields its text left empty filled from the page's JSON-LD.

    Only empty fields are filled (``None``, ``[]``, or a date the text did not give);
    what the text says always wins. ``posting.from_json_ld`` names the fields filled.
    """
    hints = read_json_ld(html_text)
    if not hints:
        return posting
    update: dict[str, Any] = {}
    for field, value in hints.items():
        if field == "dates":
            missing = {k: v for k, v in value.items() if getattr(posting.dates, k) is None}
            if missing:
                update["dates"] = Dates(**{**dict(posting.dates), **missing})
                update.setdefault("from_json_ld", []).extend(f"dates.{k}" for k in missing)
        elif not getattr(posting, field):
            update[field] = value
            update.setdefault("from_json_ld", []).append(field)
    if not update:
        return posting
    return posting.model_copy(update=update)
