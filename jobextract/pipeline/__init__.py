"""jobextract's spaCy components, registered as ``jobextract_*`` factories on import.

>>> from jobextract.pipeline import FACTORIES
>>> FACTORIES[0]
'jobextract_sections'
"""
from spacy.tokens import Span

if not Span.has_extension("jobextract_value"):
    # the normalised value a span stands for (a location's parts, a title's seniority, ...)
    Span.set_extension("jobextract_value", default=None)

from . import items, locations, organisations, sections, title  # noqa: E402  (registers factories)

FACTORIES = (
    "jobextract_sections",
    "jobextract_items",
    "jobextract_locations",
    "jobextract_title",
    "jobextract_team",
    "jobextract_company",
)

__all__ = ["FACTORIES", "items", "locations", "organisations", "sections", "title"]
