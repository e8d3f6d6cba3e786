"""The typed records jobextract returns: :class:`JobPosting` and its parts.

Field names follow FIELDS.md (the contract). Every value that was read from the text sits
beside the text it came from and its ``start``/``end`` character offsets into
``JobPosting.text``, so that ``posting.text[item.start:item.end] == item.text``.

>>> p = JobPosting(text="Nurse", title="Nurse")
>>> p.title, p.responsibilities
('Nurse', [])
"""
from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Literal, Optional

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

Offset = Annotated[int, Field(ge=0, description="character offset into JobPosting.text")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")]

Seniority = Literal[
    "intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager", "director", "executive"
]
WorkArrangement = Literal["remote", "hybrid", "onsite"]
EmploymentType = Literal["full_time", "part_time", "contract", "temporary", "internship"]
Period = Literal["year", "month", "week", "day", "hour"]
SectionLabel = Literal[
    "header", "summary", "responsibilities", "requirements", "preferred_qualifications", "benefits",
    "team", "about_company", "day_in_the_life", "salary", "how_to_apply", "legal", "other",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Frozen):
    """A piece of the posting: its text and where it stands.

    >>> TextSpan(text="Seattle", start=4, end=11).end
    11
    """

    text: str
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> "TextSpan":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Item(TextSpan):
    """One responsibility, requirement or benefit: a bullet, or a sentence where there are none."""


class Location(_Frozen):
    """A work location as stated, with its parts normalised.

    >>> Location(raw="US, WA, Redmond", city="Redmond", region="WA", country="US").country
    'US'
    """

    raw: str
    city: Optional[str] = None
    region: Optional[str] = Field(None, description="ISO 3166-2 subdivision code, without the country")
    country: Optional[CountryCode] = None
    remote: bool = False
    start: Optional[Offset] = None
    end: Optional[Offset] = None


class Team(_Frozen):
    """The team the role joins: its name and the text that describes it."""

    name: str
    description: Optional[str] = None
    start: Optional[Offset] = Field(None, description="where the name stands")
    end: Optional[Offset] = None


class Salary(_Frozen):
    """A stated pay range; a single figure gives ``min == max``.

    "up to £17" gives only ``max``, "from £9" or "$120,000+" only ``min``; ``text`` is the
    figures as written (with the period phrase when it follows them). ``start``/``end``
    are ``None`` only when the value came from the page's JSON-LD rather than its text
    (see ``JobPosting.from_json_ld``).

    >>> Salary(min=60000, max=75000, currency="EUR", text="€60k–€75k", start=0, end=9).max
    75000.0
    """

    min: Optional[float] = None
    max: Optional[float] = None
    currency: Optional[CurrencyCode] = None
    period: Optional[Period] = None
    text: str
    start: Optional[Offset] = None
    end: Optional[Offset] = None


class DateValue(_Frozen):
    """A date read from the text; ``date`` is ``None`` when the text could not be resolved
    (a relative date, or one without a year, and no ``reference_date`` to resolve it against).

    ``start``/``end`` are ``None`` only when the date came from the page's JSON-LD.
    """

    date: Optional[Date] = None
    text: str
    start: Optional[Offset] = None
    end: Optional[Offset] = None


class Dates(_Frozen):
    posted: Optional[DateValue] = None
    valid_through: Optional[DateValue] = None
    start: Optional[DateValue] = None


class Section(_Frozen):
    """One segment of the posting, with its label and heading as written."""

    label: SectionLabel
    heading: Optional[str] = None
    text: str
    start: Offset
    end: Offset


class JobPosting(_Frozen):
    """One job posting, as typed fields traced to the text they came from.

    ``text`` is the text every offset refers to: the input itself for plain text, the
    text extracted from the markup for HTML. ``text_start`` is where that text begins in
    a larger page (``extract_page``), 0 otherwise.
    """

    title: Optional[str] = None
    seniority: Optional[Seniority] = None
    company: Optional[str] = None
    locations: list[Location] = Field(default_factory=list)
    work_arrangement: Optional[WorkArrangement] = None
    employment_type: Optional[EmploymentType] = None
    team: Optional[Team] = None
    summary: Optional[TextSpan] = None
    responsibilities: list[Item] = Field(default_factory=list)
    requirements: list[Item] = Field(default_factory=list)
    preferred_qualifications: list[Item] = Field(default_factory=list)
    benefits: list[Item] = Field(default_factory=list)
    salary: Optional[Salary] = Field(None, description="the first of ``salaries``")
    salaries: list[Salary] = Field(default_factory=list, description="every pay range stated, in order")
    dates: Dates = Field(default_factory=Dates)
    sections: list[Section] = Field(default_factory=list)
    evidence: dict[str, TextSpan] = Field(
        default_factory=dict,
        description="for scalar fields (title, company, ...): the text each value was read from",
    )
    text: str = ""
    text_start: Offset = 0
    from_json_ld: list[str] = Field(
        default_factory=list,
        description="fields the text left empty that were filled from the page's own JSON-LD",
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_fingerprint(cls, data: Any) -> Any:
        # ``fingerprint`` is computed, and written by model_dump: accept it back (and recompute).
        if isinstance(data, dict) and "fingerprint" in data:
            data = {k: v for k, v in data.items() if k != "fingerprint"}
        return data

    @computed_field(description="sha256 (16 hex digits) of the normalised content, for deduplication")
    @property
    def fingerprint(self) -> str:
        """Same posting, same fingerprint (computed on each access): see :mod:`jobextract.dedup`."""
        from .dedup import fingerprint

        return fingerprint(self)

    def to_schema_org(self) -> dict[str, Any]:
        """This posting as a schema.org ``JobPosting`` (JSON-LD); see :mod:`jobextract.schema_org`."""
        from .schema_org import to_schema_org

        return to_schema_org(self)

    def _repr_html_(self) -> str:
        """The notebook view: a field table and the text with its sections highlighted."""
        from .display import posting_html

        return posting_html(self)

    def __repr__(self) -> str:
        where = ", ".join(loc.raw for loc in self.locations[:2])
        return (
            f"JobPosting(title={self.title!r}, company={self.company!r}, locations=[{where}], "
            f"{len(self.responsibilities)} responsibilities, {len(self.requirements)} requirements)"
        )

    __str__ = __repr__


class ExtractionFailure(_Frozen):
    """What ``extract_many(..., on_error="record")`` yields in place of a record that failed.

    >>> ExtractionFailure.from_exception(3, TypeError("text must be a str")).error_type
    'TypeError'
    """

    index: int = Field(ge=0, description="position of the record in the input")
    error_type: str
    message: str

    @classmethod
    def from_exception(cls, index: int, err: BaseException) -> "ExtractionFailure":
        return cls(index=index, error_type=type(err).__name__, message=str(err))

    def to_exception(self) -> Exception:
        from .errors import ExtractionFailed

        return ExtractionFailed(self.index, self.error_type, self.message)
