"""Lexicons shipped as JSONL data in ``jobextract/patterns/``, validated when loaded.

Each file holds one rule per line; each rule names its ``source``. A line that does not
validate raises :class:`~jobextract.errors.PatternError` naming the file and line.

>>> any(h.pattern == "key job responsibilities" for h in headings())
True
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import PatternError

HeadingLabel = Literal[
    "summary", "responsibilities", "requirements", "preferred_qualifications", "benefits", "team",
    "about_company", "day_in_the_life", "salary", "how_to_apply", "legal", "other",
]


class _Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    source: str = Field(min_length=1)


class HeadingRule(_Rule):
    """``{"pattern": "what you'll do", "label": "responsibilities", "inline": true}``.

    ``inline`` says whether the phrase is distinctive enough to be taken as a heading
    inside flattened text; otherwise it must stand on its own line or before a colon.
    """

    pattern: str = Field(min_length=2)
    label: HeadingLabel
    inline: bool = False
    overview: bool = False  # "About the role": the duties when alone, the summary beside a list of them

    @model_validator(mode="after")
    def _overview_is_duties(self) -> "HeadingRule":
        if self.overview and self.label != "responsibilities":
            raise ValueError("only a responsibilities heading can be an overview")
        return self

    @field_validator("pattern")
    @classmethod
    def _lower(cls, v: str) -> str:
        if v != v.lower().strip():
            raise ValueError("pattern must be lower case and trimmed")
        return v


class WordRule(_Rule):
    """One word of a word list (title head nouns, descriptors to drop)."""

    word: str = Field(min_length=1)


class SeniorityRule(_Rule):
    """A title word and the level it implies; the highest ``rank`` in a title wins. A
    two-word title whose rank word names no level ("staff nurse") has level ``null``."""

    word: str
    level: Optional[Literal["intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager",
                            "director", "executive"]]
    rank: int = Field(ge=0)


class _RegexRule(_Rule):
    regex: str
    note: str = ""

    @field_validator("regex")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as err:
            raise ValueError(f"regex does not compile: {err}") from None
        return v


class CueRule(_RegexRule):
    """A regular expression that marks a sentence as stating a duty or a requirement."""

    label: Literal["responsibilities", "requirements"]


class CurrencyRule(_Rule):
    """A way a currency is written: ``{"token": "£", "code": "GBP", "kind": "symbol"}``.

    ``kind`` is ``symbol`` (before or after a figure), ``code`` (an ISO code, upper case,
    before or after) or ``word`` (a name written after the figure: "50,000 euros").
    """

    token: str = Field(min_length=1)
    code: str
    kind: Literal["symbol", "code", "word"]

    @field_validator("code")
    @classmethod
    def _iso(cls, v: str) -> str:
        import pycountry

        if pycountry.currencies.get(alpha_3=v) is None:
            raise ValueError(f"{v!r} is not an ISO 4217 currency code")
        return v


class SalaryTermRule(_RegexRule):
    """A pay phrase: a ``period`` (with its ``value``), a ``pay`` cue, or a ``not_pay`` cue."""

    kind: Literal["period", "pay", "not_pay"]
    value: Optional[Literal["year", "month", "week", "day", "hour"]] = None


class DateCueRule(_RegexRule):
    """A phrase that announces a date: ``{"regex": "closing date", "field": "valid_through"}``."""

    field: Literal["posted", "valid_through", "start"]


class JobTermRule(_RegexRule):
    """A phrase that states the employment type or the work arrangement.

    ``where`` says how much context the phrase needs: ``value`` phrases are read only as
    the value of a field ("Job type: Full-time") or a header segment ("| REMOTE |");
    ``phrase`` ones anywhere in the text ("this is a fully remote role").
    """

    field: Literal["employment_type", "work_arrangement"]
    value: str
    where: Literal["value", "phrase"]
    rank: int = Field(0, ge=0, description="higher wins when one posting states several values")

    @model_validator(mode="after")
    def _known_value(self) -> "JobTermRule":
        allowed = _JOB_VALUES[self.field]
        if self.value not in allowed:
            raise ValueError(f"value {self.value!r} is not one of {sorted(allowed)}")
        return self


_JOB_VALUES = {
    "employment_type": frozenset({"full_time", "part_time", "contract", "temporary", "internship"}),
    "work_arrangement": frozenset({"remote", "hybrid", "onsite"}),
}


class RegionRule(_Rule):
    """A region written in addresses that ISO 3166-2 does not list, or an abbreviation of
    one it does: ``{"name": "West Midlands", "country": "GB", "code": null}``,
    ``{"name": "Calif.", "country": "US", "code": "CA"}``."""

    name: str = Field(min_length=2)
    country: str
    code: Optional[str] = None

    @model_validator(mode="after")
    def _iso(self) -> "RegionRule":
        import pycountry

        if pycountry.countries.get(alpha_2=self.country) is None:
            raise ValueError(f"{self.country!r} is not an ISO 3166-1 alpha-2 code")
        if self.code and pycountry.subdivisions.get(code=f"{self.country}-{self.code}") is None:
            raise ValueError(f"{self.country}-{self.code} is not an ISO 3166-2 code")
        return self


class CityOtherNameRule(_Rule):
    """A city's older or English name that the gazetteer lists under another:
    ``{"name": "Bangalore", "city": "Bengaluru"}``."""

    name: str = Field(min_length=2)
    city: str = Field(min_length=2)


class CityAbbreviationRule(_Rule):
    """A city's short name as postings write it: ``{"short": "NYC", "city": "New York",
    "region": "NY", "country": "US"}``."""

    short: str = Field(min_length=2, pattern=r"^[A-Z]{2,5}$")
    city: str = Field(min_length=2)
    region: Optional[str] = None
    country: str = Field(pattern=r"^[A-Z]{2}$")


R = TypeVar("R", bound=_Rule)


def load_jsonl(name: str, model: type[R]) -> tuple[R, ...]:
    """Read ``patterns/<name>`` and validate every line against ``model``."""
    path = resources.files("jobextract.patterns") / name
    rules = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rules.append(model.model_validate(json.loads(line)))
            except (ValueError, ValidationError) as err:
                raise PatternError(name, line_no, str(err)) from None
    return tuple(rules)


@lru_cache(maxsize=None)
def headings() -> tuple[HeadingRule, ...]:
    return load_jsonl("headings.jsonl", HeadingRule)


def _words(name: str) -> frozenset[str]:
    """The ``word`` of every row of a word-list lexicon (``{"word": ..., "source": ...}``)."""
    return frozenset(r.word for r in load_jsonl(name, WordRule))


@lru_cache(maxsize=None)
def title_heads() -> frozenset[str]:
    return _words("title_heads.jsonl")


@lru_cache(maxsize=None)
def title_descriptors() -> frozenset[str]:
    return _words("title_descriptors.jsonl")


@lru_cache(maxsize=None)
def seniority() -> dict[str, SeniorityRule]:
    return {r.word: r for r in load_jsonl("seniority.jsonl", SeniorityRule)}


@lru_cache(maxsize=None)
def sentence_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, compiled regex) pairs, requirement cues first."""
    rules = load_jsonl("sentence_cues.jsonl", CueRule)
    ordered = sorted(rules, key=lambda r: r.label != "requirements")
    return tuple((r.label, re.compile(r.regex)) for r in ordered)


@lru_cache(maxsize=None)
def org_divisions() -> frozenset[str]:
    """Words that name a business unit after an employer's name ("Amazon Ads", "Google Cloud")."""
    return _words("org_divisions.jsonl")


@lru_cache(maxsize=None)
def org_generic() -> frozenset[str]:
    """Lower-case words that name a kind of organisation, not one ("city", "company", "team")."""
    return _words("org_generic.jsonl")


@lru_cache(maxsize=None)
def org_not_names() -> frozenset[str]:
    """Lower-case whole names that are no organisation ("we", "uk", "emea")."""
    return _words("org_not_names.jsonl")


@lru_cache(maxsize=None)
def org_departments() -> frozenset[str]:
    """Lower-case department and function words ("legal", "sales", "payments")."""
    return _words("org_departments.jsonl")


@lru_cache(maxsize=None)
def org_sites() -> frozenset[str]:
    """Words that end a site's name, not an employer's ("Badby Park", "Lincoln County Hospital")."""
    return _words("org_sites.jsonl")


_SMALL = frozenset("a an and & of for the to in on at with or your our you we what who how will be is are".split())


@lru_cache(maxsize=None)
def heading_words() -> frozenset[str]:
    """Content words of the heading lexicon ("skills", "qualifications", "benefits", ...)."""
    words = {w.strip(":,()/'’") for rule in headings() for w in rule.pattern.split()}
    return frozenset(w for w in words if len(w) > 2 and w not in _SMALL)


@lru_cache(maxsize=None)
def currencies() -> tuple[CurrencyRule, ...]:
    """How currencies are written, longest token first ("US$" before "$").

    >>> next(r.code for r in currencies() if r.token == "£")
    'GBP'
    """
    return tuple(sorted(load_jsonl("currencies.jsonl", CurrencyRule), key=lambda r: -len(r.token)))


@lru_cache(maxsize=None)
def salary_terms() -> tuple[SalaryTermRule, ...]:
    return load_jsonl("salary_terms.jsonl", SalaryTermRule)


@lru_cache(maxsize=None)
def date_cues() -> tuple[DateCueRule, ...]:
    return load_jsonl("date_cues.jsonl", DateCueRule)


@lru_cache(maxsize=None)
def job_terms() -> tuple[JobTermRule, ...]:
    return load_jsonl("job_terms.jsonl", JobTermRule)


@lru_cache(maxsize=None)
def regions() -> tuple[RegionRule, ...]:
    """Regions beyond ISO 3166-2 ("West Midlands") and state abbreviations ("Calif.").

    >>> next(r.code for r in regions() if r.name == "Calif.")
    'CA'
    """
    return load_jsonl("regions.jsonl", RegionRule)


@lru_cache(maxsize=None)
def site_words() -> frozenset[str]:
    """Lower-case words that name a building, street or site in an address ("house", "lane")."""
    return _words("site_words.jsonl")


@lru_cache(maxsize=None)
def place_word_names() -> frozenset[str]:
    """Lower-case town names that are common words ("bank", "mobile"): never a town named alone."""
    return _words("place_word_names.jsonl")


@lru_cache(maxsize=None)
def city_short_names() -> frozenset[str]:
    """Lower-case cities the gazetteer names "X City" that postings write as "X" ("new york")."""
    return _words("city_short_names.jsonl")


@lru_cache(maxsize=None)
def city_other_names() -> tuple[CityOtherNameRule, ...]:
    """Cities written by a name the gazetteer lists under another ("Bangalore" -> "Bengaluru")."""
    return load_jsonl("city_other_names.jsonl", CityOtherNameRule)


@lru_cache(maxsize=None)
def city_abbreviations() -> tuple[CityAbbreviationRule, ...]:
    """Cities' short names as postings write them ("NYC", "SF")."""
    return load_jsonl("city_abbreviations.jsonl", CityAbbreviationRule)
