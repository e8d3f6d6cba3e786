"""``jobextract_locations``: every stated work location, normalised to ISO codes.

Read from the posting's header lines ("US, WA, Seattle", "Seattle, WA") and from
location fields ("Location: London, UK"). Each span carries ``{city, region, country}``
in ``span._.jobextract_value``.

>>> import jobextract
>>> doc = jobextract.load()("US, WA, Redmond\\nWe build rockets.")
>>> [(s.text, s._.jobextract_value["region"]) for s in doc.spans["jobextract_locations"]]
[('US, WA, Redmond', 'WA')]
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..geo import parse_location, place_parts
from ..layout import iter_lines, trim
from . import doc_text
from .sections import SECTIONS_KEY

LOCATIONS_KEY = "jobextract_locations"
_FIELD = re.compile(r"(?im)^[ \t]*(?:job[ \t]+|work[ \t]+)?locations?[ \t]*[:\-–][ \t]*(?P<value>[^\n]{2,120})$")
_SPLIT = re.compile(r"\s*(?:;|\||/|\bor\b)\s*")


@Language.factory("jobextract_locations", default_config={"max_locations": 20})
def make_locations(nlp: Language, name: str, max_locations: int) -> "LocationFinder":
    return LocationFinder(name, max_locations=max_locations)


class LocationFinder:
    def __init__(self, name: str = "jobextract_locations", *, max_locations: int = 20) -> None:
        self.name = name
        self.max_locations = max_locations

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ranges: list[tuple[int, int]] = []
        for sec in doc.spans.get(SECTIONS_KEY, []):
            if sec.label_ == "header":
                for s, e in iter_lines(text, sec.start_char, sec.end_char):
                    ranges.extend((s + a, s + b) for a, b in place_parts(text[s:e]))
        for m in _FIELD.finditer(text):
            pos = m.start("value")
            for part in _SPLIT.split(m.group("value")):
                idx = text.find(part, pos)
                if part and idx >= 0:
                    ranges.append(trim(text, idx, idx + len(part), chars=" \t.;"))
                    pos = idx + len(part)
        spans, seen = [], set()
        for s, e in ranges:
            value = parse_location(text[s:e])
            if value is None:
                continue
            key = (value["city"], value["country"])
            if key in seen:
                continue
            span = doc.char_span(s, e, label="location", alignment_mode="expand")
            if span is None:
                continue
            seen.add(key)
            span._.jobextract_value = value
            spans.append(span)
            if len(spans) >= self.max_locations:
                break
        doc.spans[LOCATIONS_KEY] = spans
        return doc
