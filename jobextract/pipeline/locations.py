"""``jobextract_locations``: every stated work location, normalised to ISO codes.

Read from the posting's header lines ("US, WA, Seattle", "Seattle, WA") and from
location fields ("Location: London, UK"). Each span carries ``{city, region, country}``
in ``span._.jobextract_value``.

>>> import jobextract
>>> doc = jobextract.load()("US, WA, Redmond\\nWe build rockets.")
>>> [(s.text, s._.jobextract_value["region"]) for s in doc.spans["jobextract_locations"]]
[('US, WA, Redmond', 'WA')]

Also a British address (the post town before the postcode), a "Location" line with its
value below it, and a town after a cue ("based at X Hospital in Y"); a town named alone
anywhere else is not taken ("Reading" is a word too):

>>> def places(text):
...     doc = jobextract.load()(text)
...     return [s._.jobextract_value["city"] for s in doc.spans["jobextract_locations"]]
>>> places("Nurse\\nLocation: 6 Sterne Road, Calmore, Totton SO40 2RZ\\nBand 3")
['Totton']
>>> places("Data Scientist\\n\\nLocation\\n\\nBoston\\n\\nContract Type")
['Boston']
>>> places("Nurse\\nThe job is based at Musgrove Park Hospital in Taunton but involves travel.")
['Taunton']
>>> places("Analyst\\nReading and writing reports is part of the job.")
[]

In a header line of bar-separated fields, a field made of places and arrangement or
employment-type words is read piece by piece; a field with anything else in it is not:

>>> places("Verkada | Frontend Engineer | ONSITE Full-Time San Mateo CA")
['San Mateo']
>>> places("Pepr AI | pepr.ai | Onsite in San Francisco | Full-time")
['San Francisco']
>>> places("Form AI | Full-Stack AI Engineer (Contract) | REMOTE (US) / Austin | https://formai.build")
[None, 'Austin']
>>> places("SerpApi | Engineer | Python/Ruby/PHP/C#/Crystal | Austin, TX")
['Austin']
>>> places("Charted Sea | Platform Engineer | Full-time Location: Hong Kong https://chartedsea.com")
['Hong Kong']
>>> places("Location: Seattle OR Arlington, United States. Hybrid.")
['Seattle', 'Arlington']

Markdown around the label, a city's short name, an area around a town, and Workday's pay
lines (a place and the pay for it):

>>> places("Engineer\\n\\n**Location:** Berlin, Germany or remote within the EU\\n\\nWe build.")
['Berlin']
>>> places("Engineer\\nLocation: SF or NYC\\nFull-time"), places("Engineer\\nLocation: Greater Boston Area")
(['San Francisco', 'New York'], ['Boston'])
>>> places("Pay Ranges\\nO'Fallon, Missouri: $130,000 - $210,000 USD\\nNew York, New York: $150,000 - $240,000 USD")
["O'Fallon", 'New York']
>>> places("Engineer\\nOffice location: Tel Aviv, Israel"), places("Engineer\\nLocation: Berlin (Remote possible)")
(['Tel Aviv'], ['Berlin'])
>>> places("Engineer\\nPlace of work: Munich, Germany"), places("Analyst\\nlocations\\nUSA, NY, Purchase\\ntime type")
(['Munich'], ['Purchase'])
>>> places("Engineer\\nLocation: Chicago IL | Philadelphia PA | Remote")
['Chicago', 'Philadelphia', None]

Where the work is, said in prose: a commute or a move to a place, a facility or office in one:

>>> places("Analyst\\nOpen to commuting to primarily Rockville, MD; but also Reston, VA.")
['Rockville']
>>> places("Analyst\\nA beautiful facility in Mountain View."), places("Analyst\\nA Data Scientist in our Washington DC office.")
(['Mountain View'], ['Washington'])

A hospital or clinic and the town it is in, unless the posting rolls off a trust's sites:

>>> places("Nurse\\nBoth units are based on the grounds of the Bethlem Royal Hospital in Beckenham.")
['Beckenham']
>>> places("Nurse\\nWe run Hertford County Hospital in Hertford, the Lister Hospital in Stevenage and QEII Hospital in Welwyn.")
[]

Lever's header line (place / team / commitment), and a state without a comma abroad:

>>> places("Engineer\\nSan Francisco / Engineering / Full-time\\n\\nWe build things for people. You will build.\\n\\nRequirements\\n- Python")
['San Francisco']
>>> places("Engineer\\nLocation: Sydney NSW 2000")
['Sydney']

A list of towns after a cue ("offices in", "based in X/Y"), each a known town, up to the
first item that is none:

>>> places("Analyst\\nA firm with offices in Dallas, Denver, and New York. We value Reading.")
['Dallas', 'Denver', 'New York']
>>> places("Analyst\\nJoin our team in our Worcester, MA or Windsor, CT offices.")
['Worcester', 'Windsor']

A header field holding several places, each with its own country; one place written two
ways is one location; a list of US towns keeps Melbourne in Australia (fifty times the
size of its Floridian namesake) but Santa Clara in California:

>>> def where(text):
...     doc = jobextract.load()(text)
...     return [(s._.jobextract_value["city"], s._.jobextract_value["country"]) for s in doc.spans["jobextract_locations"]]
>>> where("Acme | Platform Engineer | Paris, Berlin, Warsaw | Full-time\\nWe build.")
[('Paris', 'FR'), ('Berlin', 'DE'), ('Warsaw', 'PL')]
>>> where("Acme | Engineer | REMOTE (US), Denver USA, & Lima Peru | Full-time\\nWe build.")
[(None, 'US'), ('Denver', 'US'), ('Lima', 'PE')]
>>> where("Acme | Engineer | Hybrid (Montreal, CA - 2 days in office) | Full-time"), where("Acme | Engineer | NYC (HQ) | Full-time")
([('Montreal', 'CA')], [('New York', 'US')])
>>> where("Engineer\\nLocation: Bangalore/Bengaluru\\nFull-time"), where("Engineer\\nLocation: Toronto, ON, CA")
([('Bangalore', 'IN')], [('Toronto', 'CA')])
>>> where("Engineer\\nOffices in Santa Clara, San Francisco, London, Melbourne")
[('Santa Clara', 'US'), ('San Francisco', 'US'), ('London', 'GB'), ('Melbourne', 'AU')]
>>> where("Acme | Engineer | Remote (US, Canada, Mexico) | Full-time"), where("Acme | Engineer | Singapore, Hong Kong, Tokyo")
([(None, 'US'), (None, 'CA'), (None, 'MX')], [('Singapore', 'SG'), ('Hong Kong', 'HK'), ('Tokyo', 'JP')])
>>> where("Acme | Engineer | Austin TX, Seattle WA | Full-time"), where("Acme | Engineer | Stockholm or Remote (CET +/- 2h)")
([('Austin', 'US'), ('Seattle', 'US')], [('Stockholm', 'SE')])
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..geo import (city_abbreviation, city_state, city_then_country, country_code, is_region, is_site, namesake_countries, namesake_in, parse_location,
                   parse_remote, place_city, place_parts, region_code, same_place_key, town, us_state)
from functools import lru_cache

from ..layout import iter_lines, trim
from ..lexicons import job_terms
from ..prefilter import matches_at, occurrences
from . import doc_text
from .sections import HEADINGS_KEY, SECTIONS_KEY

LOCATIONS_KEY = "jobextract_locations"
# "**Location:** Berlin, Germany", "- __Location__: Austin, TX": Markdown emphasis and list marks around the label
_FIELD = re.compile(r"(?im)^[ \t]*(?:[-*+>#•][ \t]{1,3})?(?:\*\*|__)?(?:(?:job[ \t]+|work[ \t]+|multiple[ \t]+|office[ \t]+|duty[ \t]+)?(?:locations?(?:\(s\))?|base)"
                    r"|nearest[ \t]+major[ \t]+market|place[ \t]+of[ \t]+work|work[ \t]?place|duty[ \t]+station|city)"
                    r"[ \t]*(?:\*\*|__)?[ \t]*[:\-–][ \t]*(?:\*\*|__)?[ \t]*(?P<value>[^\n]{2,120}?)[ \t]*(?:\*\*|__)?[ \t]*$"
                    # "Location Bristol": no colon, a short capitalised value
                    r"|^[ \t]*(?-i:Location)[ \t]+(?P<bare>[A-Z][^\n]{1,40})$")
# ... and "Leeds -Trust Wide", "Seattle OR Arlington, United States" (not "Portland OR")
_SPLIT = re.compile(r"\s*(?:;|\||/|\bor\b)\s*|\s+[-–](?=\S)|\s+OR\s+(?=[A-Z][a-z])")
# "... | Full-time Location: Hong Kong https://...": a location field inside a line, up to a link or the next label
_INLINE_FIELD = re.compile(r"L(?:ocation|OCATION)s?[ \t]*:[ \t]*(?P<value>[^\n|:]{2,80}?)"
                           r"(?=[ \t]+https?:|[ \t]+[A-Z][A-Za-z]{1,20}[ \t]?:|[ \t]*\||\.[ \t]|[ \t]*$|[ \t]*\n)")
# "based in Bellevue, WA", "in our Cambridge, MA location", "work on site at the Peoria, Illinois location"
_PLACE = r"(?:St\.|[A-Z][A-Za-z'’\-]*)(?:[ \t]+(?:St\.|[A-Z][A-Za-z'’\-]*)){0,3}"
# every match starts with one of _PROSE_WORDS or at a _PROSE_LEAD (keep them in step: the scan tries only where one stands)
_PROSE = re.compile(
    r"\b(?:[Bb]ased\s+(?:in|at|out\s+of)|[Ll]ocated\s+(?:in|at)|[Ss]ituated\s+in|(?:position|role|job)\s+is\s+in|"
    r"work(?:ing)?\s+(?:in|from|on[- ]site\s+(?:in|at))|"
    r"(?:team|office|facility)\s+in|"
    # "Bethlem Royal Hospital in Beckenham", "Schoen Clinic in London": a site and the town it is in
    r"(?:Hospital|hospital|Clinic|Infirmary|Surgery|Barracks)\s+in)\s+(?:the\s+|our\s+)?"
    # "in the heart of Bristol", "located in downtown Bethesda, MD", "in the heart of downtown San Francisco"
    r"(?:(?:heart|centre|center)\s+of\s+(?:the\s+)?)?(?:downtown\s+)?"
    rf"(?P<loc>{_PLACE}(?:,[ \t]*{_PLACE}){{0,2}})"
    # "in our Cambridge, MA location", "at the Peoria, Illinois site": the place before the word
    rf"|(?:\b(?:in|at|for|around|across)\s+(?:our|the)|\bOur)\s+(?P<loc2>{_PLACE}(?:,[ \t]*{_PLACE})?)\s+(?i:location|office|site|campus|headquarters|area|metro|region|hospital|clinic)\b"
    # "in Seattle, WA", "in Ware, Hertfordshire": a city and its region or country
    rf"|\bin\s+(?P<loc3>{_PLACE},[ \t]*{_PLACE})"
    # "Data Scientist Location Sandy, UT Start Date": a location field inside flattened text
    rf"|\b(?:Location|LOCATION)\s*:?[ \t]+(?P<loc4>{_PLACE},[ \t]*{_PLACE})"
    # "open to commuting primarily to Rockville, MD", "within a commutable distance of Herndon, VA": where the work is
    rf"|\b(?:(?:commut(?:e|ing)|relocat(?:e|ing))\s+(?:(?:primarily|daily)\s+)?to(?:\s+primarily)?|commut(?:able|ing)\s+distance\s+(?:of|to|from))"
    rf"\s+(?:the\s+)?(?P<loc5>{_PLACE},[ \t]*{_PLACE})"
)
# "Greater Manchester", "Central London": the words before a town that name a part of it
# a label that names a place field, other than "Location" (read by _FIELD)
_LABEL = re.compile(r"(?i:site(?:[ \t]+name)?|city(?:,?[ \t]*state)?|office|base|based|address|workplace|primary[ \t]+location)[ \t]*[:\-–][ \t]*")
_COMPACT = re.compile(r"^([A-Z]{2,3})-([A-Z]{2,3})-([A-Z][A-Za-z .'’]{1,40})$")  # "US-CA-San Jose"
_SITE_CUE = re.compile(r"(?:Hospital|hospital|Clinic|Infirmary|Surgery|Barracks)\s+in\s")
_THEN_IN = re.compile(rf"[ \t]+in[ \t]+(?P<loc>{_PLACE}(?:,[ \t]*{_PLACE}){{0,2}})")
_SITES = frozenset("hospital clinic centre center surgery practice unit site campus office".split())
_NAMED_SITES = frozenset("office offices hq headquarters campus site".split())
_FIELD_SITES = _NAMED_SITES | {"hospital", "clinic", "centre", "center"}
_TAIL = re.compile(rf"\b(?:in|across|around|near)\s+({_PLACE})$")
_AREA_WORDS = frozenset("greater central downtown inner".split())  # not "West Reading", a town of its own
_AREA_TAIL = re.compile(r"[ \t]+(?:(?:Bay|Metro|Metropolitan|metro|metropolitan)[ \t]+)?(?:[Aa]rea|[Rr]egion|Metro(?:plex)?|metro(?:plex)?)$")
_LOCATION_HEADING = re.compile(r"(?i)^(?:job\s+|work\s+)?locations?\s*:?$")
# "Location" on a line of its own, its value on the next ("Location\n\nNew York")
_LOCATION_LINE = re.compile(r"(?im)^[ \t]*(?:job[ \t]+|work[ \t]+|primary[ \t]+|office[ \t]+)?locations?[ \t]*:?[ \t]*\n")
# "Data Analyst (Cedar Rapids, IA)", "Headquarters (160 Elmgrove Park, Rochester, NY)": a place in brackets
# "offices in Dallas, Denver, Houston, Chicago, and New York": a list of towns after a cue
_LIST_CUE = re.compile(r"(?:[Oo]ffices|[Ll]ocations|sites|hubs|campuses|studios)[ \t]+(?:in|across)[ \t]+(?=[A-Z])")
_LIST_ITEM = re.compile(rf"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]*/[ \t]*|[ \t]+(?:and|or|&)[ \t]+)(?P<p>{_PLACE})")
_FIRST_ITEM = re.compile(rf"(?P<p>{_PLACE})")
_REGION_AFTER = re.compile(rf",[ \t]*({_PLACE})")  # "Worcester, MA or Windsor, CT"
# Workday's "Pay Ranges\nO'Fallon, Missouri: $130,000 - $210,000 USD": a line of a place and its pay names a place
# the role is paid in, i.e. one it is worked in
_PAY_LINE = re.compile(r"(?m)^[ \t]*(?P<loc>[A-Z][A-Za-z.'’ \-]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’ \-]{1,40}){0,2})[ \t]*:[ \t]*"
                       r"(?:[$£€₹¥]|(?:USD|GBP|EUR|CAD|AUD|INR)[ \t]?)[ \t]?\d")
_PAY_CUE = re.compile(r":[ \t]*(?:[$£€₹¥]|(?:USD|GBP|EUR|CAD|AUD|INR)[ \t]?)[ \t]?\d")
_BRACKETED = re.compile(r"\((?P<loc>[^()\n]{4,80})\)")


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
        alone: set[tuple[int, int]] = set()  # ranges where a town named alone is a location
        fields: set[tuple[int, int]] = set()  # values of a "Location:" field
        preset: dict[tuple[int, int], dict] = {}  # places read from a field's pieces, with their value
        header_lines = [line for sec in doc.spans.get(SECTIONS_KEY, []) if sec.label_ == "header"
                        for line in iter_lines(text, sec.start_char, sec.end_char)]
        alone.update(header_lines)  # "Birmingham" on a line of its own under the title
        first = next(iter_lines(text), None)
        if first and first not in header_lines and text[first[0]:first[1]].count("|") >= 2:
            header_lines.append(first)  # "Acme | Engineer | Remote - US | Full-time"
        for s, e in header_lines:
            parts = _line_parts(text, s, e)
            ranges.extend(parts)
            if len(parts) == 3 and parts[0] == (s, e) and parts[2][1] == e:
                alone.add(parts[2])  # "Community charge nurse – Slough": a title and a town, nothing more
            if text.count("|", s, e) >= 2:  # "Staff Nurse | Surgical Ward | Band 5 | Harpenden | Full Time"
                cuts = [i for i in range(s, e) if text[i] == "|"] + [e]
                for a, b in zip(cuts, cuts[1:]):
                    field = trim(text, a + 1, b)
                    alone.add(field)
                    _add_pieces(text, *field, ranges, preset)  # "ONSITE Full-Time San Mateo CA"
                    if text.count(",", *field) >= 2 or (text.count(",", *field) == 1 and not any(r in preset for r in ranges[-3:])):
                        _town_list(text, *field, ranges, preset)  # "Acme | Engineer | Paris, Berlin, Warsaw | Full-time"
            elif text.count(" / ", s, e) >= 2 and _field_words().search(text, s, e):
                # Lever's "San Francisco / Engineering / Full-time": place, team, commitment
                cuts = [s - 3] + [i for i in range(s, e - 2) if text.startswith(" / ", i)] + [e]
                for a, b in zip(cuts, cuts[1:]):
                    alone.add(trim(text, a + 3, b))
                    ranges.append(trim(text, a + 3, b))
        low = text.lower()
        field_matches = [(m, "value" if m.group("value") else "bare") for m in _line_matches(_FIELD, text, low, _FIELD_KEYS)]
        if "ocation" in text or "OCATION" in text:
            field_matches += [(m, "value") for m in _INLINE_FIELD.finditer(text)
                              if m.start() and not text[m.start() - 1].isalnum()  # a word, not at a line start
                              and text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()]
        for m, group in field_matches:
            pos = m.start(group)
            value = m.group(group)
            dashed = re.search(r"\S[-–]\s", value)
            if dashed and parse_location(value[: dashed.start() + 1] + ", " + value[dashed.end():]):
                ranges.append(trim(text, pos, m.end(group), chars=" \t.;"))  # "San Francisco, CA- United States"
            for part in _SPLIT.split(value):
                idx = text.find(part, pos) if part else -1
                if idx >= 0:
                    if part.count(",") >= 1:
                        _town_list(text, *trim(text, idx, idx + len(part), chars=" \t.;"), ranges, preset)
                    ranges.append(trim(text, idx, idx + len(part), chars=" \t.;"))
                    alone.add(ranges[-1])
                    fields.add(ranges[-1])
                    _add_pieces(text, *ranges[-1], ranges, preset)  # "Location: Onsite in San Francisco"
                    note = _NOTE_AFTER.search(part)
                    if note and note.start():  # "Berlin (Remote possible)", "London (3 days in office)": the place before
                        ranges.append(trim(text, idx, idx + note.start()))
                        alone.add(ranges[-1])
                        fields.add(ranges[-1])
                    pos = idx + len(part)
        for heading in doc.spans.get(HEADINGS_KEY, []):
            if _LOCATION_HEADING.match(text[heading.start_char:heading.end_char].strip()):  # not .text: a Token per word
                for s, e in list(iter_lines(text, heading.end_char, min(len(text), heading.end_char + 200)))[:3]:
                    ranges.extend(_line_parts(text, s, e))
                    alone.add((s, e))
        for m in _line_matches(_LOCATION_LINE, text, low, ("location",)):
            for s, e in list(iter_lines(text, m.end(), min(len(text), m.end() + 200)))[:2]:
                ranges.extend(_line_parts(text, s, e))
                alone.add((s, e))
        for cue in _PAY_CUE.finditer(text):  # a literal ":" leads: a fast scan, then the line it is on
            m = _PAY_LINE.match(text, text.rfind("\n", 0, cue.start()) + 1)
            if m is None or m.end() < cue.end():
                continue
            value = parse_location(m.group("loc"))
            if value and place_city(value["city"]):  # a known town: not "Base Salary, Annual: $90,000"
                ranges.append(m.span("loc"))
                preset[m.span("loc")] = value
        for m in _BRACKETED.finditer(text):
            value = parse_location(m.group("loc")) if "," in m.group("loc") else None
            if value and town(value["city"]):  # a known town: not "(LDAP, AD)", "(Program Manager, Geo)"
                ranges.append(trim(text, m.start("loc"), m.end("loc")))
        for m in _SHORT_LINE.finditer(text) if "," in text else ():
            s, e = m.span("line")
            if text[s].isupper() and "," in m.group("line") and text[e - 1] not in ".!?:":
                ranges.append((s, e))  # a line that is only a place ("Cambridge, MA")
        prose, shaped, sited = [], set(), []
        # pay in pounds, or the NHS: Lincoln and Cambridge are English towns
        prefer = "GB" if "£" in text or "NHS" in text else None
        for m in _keyed_matches(_LIST_CUE, text, _LIST_CUE_WORDS, word_start=False) if "s in " in text or "s across " in text else ():
            if m.start() == 0 or not text[m.start() - 1].isalnum():  # a word: not "Subsites in"
                _place_list(text, m.end(), ranges, preset, prefer, first=True)
        for m in _keyed_matches(_PROSE, text, _PROSE_WORDS, lead=_PROSE_LEAD):
            group = m.lastgroup or "loc"
            site = _THEN_IN.match(text, m.end(group)) if group == "loc" else None
            if site and m.group(group).split()[-1].lower() in _SITES:
                m, group = site, "loc"  # "based at Halton Hospital in Runcorn": the town after the site
            if group == "loc" and _SITE_CUE.match(m.group()):  # "Hospital in Beckenham": kept apart, see below
                sited.append(trim(text, m.start(group), m.end(group), chars=" ."))
                continue
            prose.append(trim(text, m.start(group), m.end(group), chars=" ."))
            if group in ("loc3", "loc4", "loc5") or "," in m.group(group):  # not "Based in San Francisco, Seal empowers"
                shaped.add(prose[-1])  # the "City, Region" shape is the evidence: it must parse whole
            if group == "loc" and text.startswith(("/", " or "), m.end(group)):
                _place_list(text, m.end(group), prose, preset, prefer)  # "based in Derby/Chesterfield/Leicester"
        if len({text[a:b] for a, b in sited}) <= 2:  # not a trust's roll of its hospitals ("X Hospital in A, Y Hospital in B, ...")
            for a, b in sited:  # in a posting paid in pounds, a hospital's town is no namesake abroad (not Stoke, NZ)
                known = town(text[a:b], prefer) if prefer else None
                if known is None or known["country"] == prefer:
                    prose.append((a, b))
        spans, seen = [], set()
        prose_set = set(prose)
        for s, e in ranges + prose:
            raw = text[s:e]
            value = preset.get((s, e))
            if value == {}:
                continue  # a list read town by town
            value = value or (parse_location(raw) or parse_remote(raw)
                                           or parse_location(re.sub(r"(?<=\S)[-–]\s+", ", ", raw)) or _dashed_place(raw))
            label = _LABEL.match(raw) if value is None else None
            if label:  # "Site Name: USA - Massachusetts - Cambridge", "City: Omaha, Nebraska"
                value = parse_location(raw[label.end():]) or _dashed_place(raw[label.end():])
                s += label.end() if value else 0
            if value is None and (s, e) in alone:
                value = _spaced_place(raw) or (city_state(raw) if (s, e) in fields else None)  # "Chicago IL | Remote"  # "USA MD Suitland", "NE > OMAHA > IMMANUEL"
            if value is None and ((s, e) in prose_set or (s, e) in alone):
                s, e, value = _longest_place(text, s, e, alone=(s, e) not in shaped, field=(s, e) in fields,
                                             heads=(s, e) in prose_set or (s, e) in fields, prefer=prefer)
            if value is None:
                continue
            key = (same_place_key(value["city"]), value["country"], value.get("remote", False))  # "Bangalore/Bengaluru": one place
            if key in seen or any(sp.start_char <= s and e <= sp.end_char for sp in spans):
                continue  # said twice, or a part of a place already taken ("Remote" in "Remote - US")
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


_NOTE_AFTER = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t.]*$")  # a note in brackets after a field's place
_BAR = re.compile(r"\s*[|•·]\s*")
# a line of 40 characters or fewer, trimmed as iter_lines trims it
_SHORT_LINE = re.compile(r"(?m)^[ \t\r\u00a0]*(?P<line>[^ \t\r\n\u00a0](?:[^\n]{0,38}[^ \t\r\n\u00a0])?)[ \t\r\u00a0]*$")
_FIELD_KEYS = ("location", "base", "nearest", "place", "duty", "city")  # a word every _FIELD match holds


# the words _PROSE and _LIST_CUE matches start with: their scans, which no literal leads, tried only where one stands
_PROSE_WORDS = ("based", "Based", "located", "Located", "situated", "Situated", "position", "role", "job", "work", "team",
                "office", "facility", "Hospital", "hospital", "Clinic", "Infirmary", "Surgery", "Barracks", "Location", "LOCATION",
                "commut", "relocat")
# ... and "in", "at", "for", "around", "across", "Our", found by what must follow them in a match ("in our ", "in Boston",
# "at the "): "at" alone stands ~50 times in a posting ("that", "data"), a match starting with it seldom
_PROSE_LEAD = re.compile(r"[iafO](?=n\s+(?:our\s|the\s|[A-Z])|(?:t|or|round|cross)\s+(?:our|the)\s|ur\s)")
_LIST_CUE_WORDS = ("offices", "Offices", "locations", "Locations", "sites", "hubs", "campuses", "studios")
_WORD_CHAR = re.compile(r"\w")


def _keyed_matches(pattern: re.Pattern[str], text: str, words: tuple[str, ...], word_start: bool = True,
                   lead: Optional[re.Pattern[str]] = None) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts with one of ``words``
    (after a word boundary where ``word_start``): the pattern is tried only where ``str.find``
    finds a word, leftmost first, each match past the end of the last, as ``finditer`` does.
    Python's ``re`` scans a pattern that starts with ``\\b`` or with an alternation of words
    position by position; ``str.find`` is several times faster."""
    starts = {i for word in words for i in occurrences(text, word)}
    if lead is not None:  # the starts of the short words, by what follows them
        starts.update(m.start() for m in lead.finditer(text))
    if word_start:
        starts = {i for i in starts if not (i and _WORD_CHAR.match(text, i - 1))}
    return list(matches_at(pattern, text, sorted(starts)))


def _line_matches(pattern: re.Pattern[str], text: str, low: str, keys: tuple[str, ...]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches start at a line start and hold
    one of ``keys`` (lower case) on that line: the pattern is tried only at the starts of
    the lines that hold a key, which ``str.find`` finds faster than the pattern's own scan."""
    if len(low) != len(text):  # lower-casing changed the length ("İ"): the offsets would not match
        return list(pattern.finditer(text))
    starts = set()
    for key in keys:
        i = low.find(key)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            starts.add(start)
            end = text.find("\n", i)
            i = low.find(key, end) if end >= 0 else -1
    out = []
    for start in sorted(starts):
        m = pattern.match(text, start)
        if m:
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _field_words() -> re.Pattern[str]:
    """What a header field holds besides its place: arrangement and employment-type values
    (job_terms.jsonl), the words that join them to a place ("Onsite in", "US-based", "only"),
    brackets and the marks that list places ("REMOTE (US) / Austin", "Atlanta or Remote")."""
    terms = "|".join(r.regex for r in job_terms() if r.where == "value")
    # "Hybrid (Montreal, CA - 2 days in office)", "NYC (HQ)": a note on the arrangement or the site, no place
    note = r"\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]*days?(?:[ \t]*(?:(?:a|per)[ \t]+|/[ \t]*)week)?|office|hq|headquarters"
    # "London, Berlin or Remote (EU)": a remote area that is no country, read as no place
    note += r"|eu|europe|emea|apac|latam|americas|worldwide|global|anywhere"
    # "Stockholm or Remote (CET +/- 2h)": a time zone, no place (but "Remote (Moscow timezone)" names no work place)
    note += (r"|(?:utc|gmt|cet|cest|eet|wet|est|edt|pst|pdt|cst|mst|aest)(?:[ \t]*(?:\+/-|±|[+-])[ \t]*\d{1,2}"
             r"(?:[:.]?\d\d)?[ \t]*(?:h|hrs?|hours?)?)?")
    return re.compile(rf"(?i:\b(?:{terms}|{note}|in|at|from|based|only|ok|or|and)\b)|[-–](?i:based|only)\b|[()/&+:;]|\s[-–—]\s")


def _add_pieces(text: str, start: int, end: int, ranges: list, preset: dict) -> None:
    """The places in a field that holds other words too: "Onsite in San Francisco",
    "ONSITE Full-Time San Mateo CA", "REMOTE (US) / Austin", "Atlanta or Remote",
    "Stockholm, Sweden (Hybrid)". The field is a place field only when every piece left
    between those words is a known town (with its region or country), "City ST", or a
    country named alone (a country-wide location): a title or a skill list is none.

    >>> def pieces(field):
    ...     out, preset = [], {}
    ...     _add_pieces(field, 0, len(field), out, preset)
    ...     return [(field[s:e], preset[(s, e)]["city"], preset[(s, e)]["country"]) for s, e in out]
    >>> pieces("ONSITE Full-Time San Mateo CA"), pieces("Atlanta or Remote")
    ([('San Mateo CA', 'San Mateo', 'US')], [('Atlanta', 'Atlanta', 'US')])
    >>> pieces("REMOTE (US) / Austin"), pieces("Rust, Bevy, AI Image and Video"), pieces("Python/Ruby/C#/Crystal")
    ([('US', None, 'US'), ('Austin', 'Austin', 'US')], [], [])
    """
    if end - start > 120:
        return
    cuts = list(_field_words().finditer(text, start, end))  # a scan word by word: only on a field's length
    if not cuts:
        return
    remote = any(c.group().lower().startswith(("remote", "fully", "100%")) for c in cuts)
    bounds = [start] + [x for c in cuts for x in (c.start(), c.end())] + [end]
    found = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        a, b = trim(text, a, b, chars=" \t,.;-–")
        if not any(c.isalpha() for c in text[a:b]):
            continue
        if b - a < 2 or not text[a].isupper() or (a, b) == (start, end):
            return  # a piece that is no place: "Python/Ruby/Crystal" is a skill list, not Crystal, MN
        raw = text[a:b]
        listed = _towns(text, a, b) if raw.count(",") >= 2 else []  # "Amsterdam, London, New York": not Amsterdam, NY
        if listed:
            found.extend(listed)
            continue
        value = parse_location(raw)
        if value is not None and town(value["city"]) is None:
            value = None  # "EU, Switzerland, Norway": no town in it
        if value is None and "," in raw:
            # "London, Berlin or Remote (EU)", "REMOTE (US), Denver USA, & Lima Peru", "Remote (US, Canada, Mexico)"
            listed = _towns(text, a, b) or _countries(text, a, b, remote)
            if listed:
                found.extend(listed)
                continue
        value = value or city_state(raw) or city_then_country(raw) or _area_town(raw)
        country = country_code(raw) if value is None and (len(raw) > 3 or raw.isupper()) else None
        if country:
            known = town(raw)  # "Hong Kong", "Singapore": a city that is its country
            value = known if known and known["country"] == country else {
                "city": None, "region": None, "country": country, "remote": remote}
        value = value or town(raw)
        if value is None:
            return
        found.append(((a, b), value))
    for (a, b), value in found:
        ranges.append((a, b))
        preset[(a, b)] = value


def _town_list(text: str, start: int, end: int, ranges: list, preset: dict) -> None:
    """A field's value that lists towns with commas ("Locations: Mumbai, Bangalore, Pune"):
    each part a known town and none a region or country (not "Seattle, WA", "London, Ontario").

    >>> out, preset = [], {}
    >>> _town_list("Mumbai, Bangalore, Pune", 0, 23, out, preset)
    >>> [preset[r]["city"] for r in out]
    ['Mumbai', 'Bangalore', 'Pune']
    >>> out = []
    >>> _town_list("Seattle, WA", 0, 11, out, {}), _town_list("London, Ontario", 0, 15, out, {}), out
    (None, None, [])
    """
    found = _towns(text, start, end)
    if found:
        preset[(start, end)] = {}  # a list, not one place ("Amsterdam, London, New York" is not Amsterdam, NY)
    for (a, b), value in found:
        ranges.append((a, b))
        preset[(a, b)] = value


def _area_town(raw: str) -> Optional[dict]:
    """The town of an area named around it ("SF Bay Area", "Greater Boston Area"), else ``None``."""
    area = _AREA_TAIL.search(raw)
    words = raw[:area.start()].split() if area else raw.split()
    n = 0
    while n < len(words) - 1 and words[n].lower() in _AREA_WORDS:
        n += 1
    return town(" ".join(words[n:])) if (area or n) and words[n:] else None


def _countries(text: str, start: int, end: int, remote: bool) -> list:
    """A list of countries named alone ("US, Canada, Mexico"), each a country-wide location, else ``[]``."""
    found, pos = [], start
    for piece in text[start:end].split(","):
        a, b = trim(text, pos, pos + len(piece), chars=" \t&.;")
        pos += len(piece) + 1
        name = text[a:b]
        country = country_code(name) if b - a >= 2 and (len(name) > 3 or name.isupper()) else None
        if country is None:
            return []
        found.append(((a, b), {"city": None, "region": None, "country": country, "remote": remote}))
    return found


def _towns(text: str, start: int, end: int) -> list:
    """The towns of a list written with commas, each a known town (or a town and its country
    without a comma, "Denver USA"), none a region or country, else ``[]``. A town that is
    also a region ("Berlin", "New York", "Manchester") is a town unless it ends the list
    and every other town is in its country ("Hamburg, Berlin", "Albany, Troy, New York":
    towns and their region; but "Amsterdam, London, New York", "Paris, Berlin, Warsaw").
    A state or province code ("VIC") is no town (not Vic, Spain).

    >>> def towns(text):
    ...     return [text[a:b] for (a, b), _ in _towns(text, 0, len(text))]
    >>> towns("Amsterdam, London, New York"), towns("Albany, Troy, New York"), towns("Hamburg, Berlin")
    (['Amsterdam', 'London', 'New York'], [], [])
    """
    pieces = text[start:end].split(",")
    found, pos = [], start
    for piece in pieces:
        a, b = trim(text, pos, pos + len(piece), chars=" \t&.;")
        pos += len(piece) + 1
        name = text[a:b]
        if b - a < 2 or (len(name) <= 3 and name.isupper() and city_abbreviation(name) is None):
            return []
        value = town(name) or city_then_country(name) or city_state(name)  # "Austin TX, Seattle WA"
        country = country_code(name)
        if value is None or (country and value["country"] != country):
            return []  # a country ("Paris, France"), but a city that is its country ("Singapore, Hong Kong, Tokyo") is a town
        if (us_state(name) or is_region(name)) and town(name) is None:
            return []  # "Seattle, Washington", "London, Ontario": a town and its region
        found.append(((a, b), value))
    if len(found) < 2:
        return []
    (a, b), last = found[-1]
    if (us_state(text[a:b]) or is_region(text[a:b])) and all(v["country"] == last["country"] for _, v in found):
        return []  # "Salford, Manchester", "Albany, Troy, New York": towns, then their region
    return found


def _line_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A header line's parts, whole between bars first, then split at dashes too:
    "Engineer | Remote - US" gives "Engineer", "Remote - US", "Remote", "US"."""
    out = []
    pos = start
    for m in list(_BAR.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        s, e = trim(text, pos, stop)
        if e > s:
            out.append((s, e))
            out.extend((s + a, s + b) for a, b in place_parts(text[s:e]) if (a, b) != (0, e - s))
        if m:
            pos = m.end()
    return out


def _place_list(text: str, pos: int, ranges: list, preset: dict, prefer: Optional[str], first: bool = False) -> None:
    """The known towns of a list that starts at ``pos`` ("Dallas, Denver, Houston, and New
    York", "/Chesterfield/Leicester"), up to the first item that is no town; a state or
    region after a town ("Washington, DC") is passed over."""
    found = []
    for _ in range(12):
        m = (_FIRST_ITEM if first else _LIST_ITEM).match(text, pos)
        first = False
        if not m:
            break
        words = m.group("p").split()
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]  # "San Francisco's SOMA district"
        for k in range(len(words), 0, -1):
            value = town(" ".join(words[:k]), prefer)
            if value is not None:
                a = m.start("p")
                b = a + len(" ".join(words[:k]))
                region = _REGION_AFTER.match(text, b) if k == len(words) else None
                # "Windsor, CT" (a state), not "London, New York" (a town) nor "Singapore, Brazil" (a country)
                if region and place_city(region.group(1)) is None:
                    both = parse_location(text[a:region.end(1)])
                    if both and both["city"] == value["city"] and (both["region"] or both["country"] == value["country"]):
                        value, b, m = both, region.end(1), region
                found.append(((a, b), value))
                break
        else:
            if not (len(words) == 1 and (region_code("US", words[0]) or country_code(words[0]))):
                break  # the list has ended ("Pittsburgh and Washington, DC" goes on past "DC")
            k = len(words)
        if k < len(words):
            break  # "San Francisco Bay Area": the list ends with this town
        pos = m.end()
    counts = Counter(v["country"] for _, v in found)
    if len(counts) > 1:  # the country most of the towns can be in ("Santa Clara, San Francisco": US, not Cuba)
        counts = Counter(c for (a, b), v in found for c in {v["country"]} | namesake_countries(text[a:b]))
    common = counts.most_common(1)[0][0] if counts else None
    for (a, b), value in found:
        if prefer is None and value["country"] != common and value["region"] is None and namesake_in(text[a:b], common):
            value = town(text[a:b], common) or value  # "offices in Santa Clara, San Francisco, Seattle": US towns
        ranges.append((a, b))
        preset[(a, b)] = value


def _spaced_place(raw: str):
    """A place field written without commas: "USA MD Suitland" (country, region, town) or
    as a path, "NE > OMAHA > IMMANUEL" (region > town > site); the town must be known.

    >>> _spaced_place("USA MD Suitland")["city"], _spaced_place("NE > OMAHA > IMMANUEL")["city"]
    ('Suitland', 'OMAHA')
    >>> _spaced_place("Senior Data Engineer"), _spaced_place("Jobs > Engineering > Data")
    (None, None)
    """
    if len(raw) > 60 or "<" in raw:
        return None
    if ">" in raw:
        parts = [p.strip() for p in raw.split(">")][:5]
        for region, place in zip(parts, parts[1:]):
            value = parse_location(f"{place}, {region}") if place and region else None
            if value and town(value["city"]):
                return value
        return None
    words = raw.split()
    if not 3 <= len(words) <= 6:
        return None
    country = country_code(words[0])
    if country is None or region_code(country, words[1]) is None:
        return None
    value = parse_location(f"{' '.join(words[2:])}, {words[1]}, {words[0]}")
    return value if value and value["country"] == country and town(value["city"]) else None


def _dashed_place(raw: str):
    """A place written with dashes: "Thetford - Norfolk" (town, region), "Nebraska - Omaha"
    (region, town), "USA - Massachusetts - Cambridge" and "US-CA-San Jose" (country, region,
    town); not "Data Engineer - Columbus, GA" nor "Field Sales Manager - Florida".

    >>> [_dashed_place(r)["city"] for r in ("Thetford - Norfolk", "Nebraska - Omaha", "USA - Massachusetts - Cambridge")]
    ['Thetford', 'Omaha', 'Cambridge']
    >>> _dashed_place("Data Engineer - Columbus, GA"), _dashed_place("Field Sales Manager - Florida")
    (None, None)
    """
    compact = _COMPACT.match(raw)
    if compact:
        sides = list(compact.groups())
    elif " - " in raw or " – " in raw:
        sides = [side.strip() for side in re.split(r"\s+[-–]\s+", raw, maxsplit=2)]
    else:
        return None
    if len(sides) == 3:
        country = country_code(sides[0])
        if country and region_code(country, sides[1]) and not is_site(sides[2]):
            value = parse_location(f"{sides[2]}, {sides[1]}, {sides[0]}")
            return value if value and value["country"] == country else None
        return None
    for place, region in (sides, sides[::-1]):
        value = parse_location(f"{place}, {region}")
        known = town(place)
        if value and known and (value["city"], value["country"]) == (place, known["country"]):
            return value
    return None


def _longest_place(text: str, start: int, end: int, alone: bool = True, field: bool = False, heads: bool = True,
                   prefer: Optional[str] = None):
    """The longest head of a prose match that is a place: "Cambridge, MA. The" and
    "Sandy, UT Start Date" give "Cambridge, MA" and "Sandy, UT"; where ``alone``, a city
    named alone is placed by the gazetteer, with a site word after it ("our London HQ") or
    an area word before it ("Central London") left out."""
    raw = text[start:end]
    parts = raw.split(",")
    for n in range(len(parts) if heads else 1, 1, -1):  # a prose match runs on past the place; a line does not
        candidate = ",".join(parts[:n]).strip()
        words = candidate.split(" ")
        for k in range(len(words), max(0, len(words) - 4), -1):  # the last part's words, dropped one by one
            value = parse_location(" ".join(words[:k]))
            if value is not None and town(value["city"]):  # not "Corporate Operations Engineer, IT"
                return start, start + len(" ".join(words[:k])), value
    if not alone:
        return start, end, None
    head = parts[0].rstrip()
    words = head.split()
    if not 0 < len(words) <= 6:
        return start, end, None
    value = town(head, prefer) or city_state(head)  # "our Washington DC office"
    if value is not None:
        return start, start + len(head), value
    sites = _FIELD_SITES if field else _NAMED_SITES  # "Location - Shrewsbury Hospital"
    for n in range(len(words) - 1, 0, -1):  # "our London HQ", "the Taunton office" (not "Windsor House")
        if words[n].lower() in sites:
            value = town(" ".join(words[:n]), prefer)
            if value is not None:
                return start, start + len(" ".join(words[:n])), value
    area = _AREA_TAIL.search(head)
    if area:  # "San Francisco Bay Area", "DC Metro Area", "the Greater Boston area"
        words = head[:area.start()].split()
    n = 0
    while n < len(words) - 1 and words[n].lower() in _AREA_WORDS:  # "Greater Manchester", "Central London"
        n += 1
    if n or area:
        city = " ".join(words[n:])
        value = town(city, prefer)
        if value is not None:
            s = start + head.rindex(city)
            return s, s + len(city), value
    tail = _TAIL.search(head) if field else None  # "Location: Various locations across Sunderland"
    if tail:
        value = town(tail.group(1), prefer)
        if value is not None:
            return start + tail.start(1), start + tail.end(1), value
    return start, end, None
