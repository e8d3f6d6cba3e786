"""jobextract's spaCy components, registered as ``jobextract_*`` factories on import.

>>> from jobextract.pipeline import FACTORIES
>>> FACTORIES[0]
'jobextract_sections'
"""
from spacy.tokens import Doc, Span

_TEXT_KEY = "jobextract_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token on each access.

    :func:`make_doc` stores the text it was given; otherwise it is built here and kept.

    >>> import spacy
    >>> doc_text(spacy.blank("en")("Lead the team"))
    'Lead the team'
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != _text_length(doc):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def make_doc(nlp, text: str) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` kept for :func:`doc_text`."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


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
