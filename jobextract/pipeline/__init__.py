"""jobextract's spaCy components, registered as ``jobextract_*`` factories on import.

>>> from jobextract.pipeline import FACTORIES
>>> FACTORIES[0]
'jobextract_sections'
"""
from spacy.tokens import Doc, Span


def _value_key(span: Span) -> tuple:
    # spans of different groups may share offsets ("Data Engineer" as title and team):
    # the label keeps their values apart
    return ("jobextract_value", span.label_, span.start_char, span.end_char)


def _get_value(span: Span):
    return span.doc.user_data.get(_value_key(span))


def _set_value(span: Span, value) -> None:
    span.doc.user_data[_value_key(span)] = value


if not Span.has_extension("jobextract_value"):
    # the normalised value a span stands for (a location's parts, a title's seniority, ...)
    Span.set_extension("jobextract_value", getter=_get_value, setter=_set_value)
if not Doc.has_extension("jobextract_reference_date"):
    # the day relative dates ("Posted 3 days ago") are resolved against; set by the caller
    Doc.set_extension("jobextract_reference_date", default=None)

from . import facts, items, locations, organisations, sections, title  # noqa: E402  (registers factories)

FACTORIES = (
    "jobextract_sections",
    "jobextract_items",
    "jobextract_locations",
    "jobextract_title",
    "jobextract_team",
    "jobextract_company",
    "jobextract_salary",
    "jobextract_dates",
    "jobextract_employment",
)

__all__ = ["FACTORIES", "facts", "items", "locations", "organisations", "sections", "title"]
