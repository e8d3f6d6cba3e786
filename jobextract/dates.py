"""Dates a posting states: when it was posted, when applications close, when the job starts.

The only module that imports dateparser. Cue phrases come first (``patterns/date_cues.jsonl``:
"Closing date:", "Posted", "Start date"); only the short date-shaped text right after a cue
is handed to dateparser, never the whole posting. Relative dates ("3 days ago", "today")
and dates without a year are resolved against the caller's ``reference_date``, and left
unresolved (``date=None``, text kept) without one. "Immediate", "ASAP" and "Open until
filled" are not dates.

>>> [(d.field, d.date.isoformat(), d.text) for d in find_dates("Closing date: 8th November 2020")]
[('valid_through', '2020-11-08', '8th November 2020')]
>>> find_dates("Start date: ASAP")
[]
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Optional

from . import lexicons
from .prefilter import KeyedScan, occurrences

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


class DateMatch(NamedTuple):
    """A date the text states for ``field``, with where its text stands."""

    field: str
    date: Optional[dt.date]
    start: int
    end: int
    text: str


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")
_WEEKDAY = r"(?:(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_ORD = r"(?:[0-3]?\d)(?!\d)\s*(?:st|nd|rd|th)?(?![a-z])"
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)(?!\d)"
_DATE = re.compile(
    "|".join([
        rf"(?P<iso>(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?:T[\d:]+(?:[+-]\d\d:?\d\d|Z)?)?",
        rf"(?P<num>[0-3]?\d[/.\-][0-3]?\d[/.\-](?:(?:19|20)\d\d|\d\d))(?!\d)",
        rf"(?P<dm>{_WEEKDAY}?{_ORD}\s*(?:of\s+)?{_MONTH},?\s*(?:{_YEAR})?)",
        rf"(?P<md>{_WEEKDAY}?{_MONTH}\s+{_ORD},?\s*(?:{_YEAR})?)",
        rf"(?P<my>{_MONTH},?\s+{_YEAR})",
        r"(?P<rel>today|yesterday|just\s+(?:now|posted)|(?:\d{1,3}|a|an|one)\+?\s+(?:minute|hour|day|week|month)s?\s+ago)",
        r"(?P<none>immediate(?:ly)?|asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+possible|(?:open\s+)?until\s+filled|ongoing"
        r"|continuous(?:ly)?|tb[cad]|to\s+be\s+(?:confirmed|agreed|determined)|negotiable|flexible|rolling)",
    ]),
    re.IGNORECASE,
)
# what may stand between a cue and its date: punctuation, "is", "on", a time of day
_FILLER = re.compile(
    r"(?:[\s:\-–—_*|.,()\[\]]|\b(?:is|on|of|by|the|at|from|will\s+be|be|date|before|midnight|noon|"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs|h)|\d{1,2}[:.]\d{2}(?![./\-]\d))\b|[ap]\.m\.)*",
    re.IGNORECASE,
)
_MAX_GAP = 40


@lru_cache(maxsize=None)
def _cues() -> KeyedScan:
    # run on the lower-cased text: a case-sensitive pattern is many times faster than
    # IGNORECASE; and searched only in the sentences that hold a word some cue needs
    return KeyedScan([(f"c{i}", r.regex) for i, r in enumerate(lexicons.date_cues())],
                     prefix="(?<![a-z])", suffix="(?![a-z])")


def _cue_field(m: re.Match[str]) -> str:
    return lexicons.date_cues()[int(m.lastgroup[1:])].field


@lru_cache(maxsize=None)
def _parser(order: str) -> "DateDataParser":
    """One parser per day order ("DMY", "MDY", "YMD"), built once and reused."""
    from dateparser.date import DateDataParser  # lazy: most postings need no dateparser

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"],
        "RETURN_TIME_AS_PERIOD": False,
    })


def order_hint(text: str) -> str:
    """The day order numeric dates most likely follow in ``text``: "DMY" or "MDY".

    The order of the text's other numeric dates where one of them shows it ("11/01/2024 to
    11/15/2024"), else day first where the text looks British, European, Indian or
    Australian (pounds, euros, rupees, "NHS", "per annum"), month first otherwise (the US
    habit, and dateparser's).

    >>> order_hint("Salary £24,000 per annum"), order_hint("$50,000 a year")
    ('DMY', 'MDY')
    >>> order_hint("Salary £24,000. Opens 11/01/2024, closes 11/15/2024")
    'MDY'
    """
    dmy = mdy = 0
    for m in _NUMERIC_ANY.finditer(text):  # the text's own unambiguous dates say it first
        a, b = int(m.group(1)), int(m.group(2))
        if m.start() and text[m.start() - 1].isdigit() or a > 31 or b > 31:
            continue
        dmy += a > 12 >= b
        mdy += b > 12 >= a
    if dmy != mdy:
        return "DMY" if dmy > mdy else "MDY"
    dmy = _count(_DMY_SIGNS, text)
    mdy = _count(_MDY_SIGNS, text)
    return "DMY" if dmy > mdy else "MDY"


# a numeric date with its day and month in either order ("15/11/2024", "11-15-2024")
# (led by a digit, not a look-behind: the scan then skips to digits; one after a digit is
# passed over in the loop)
_NUMERIC_ANY = re.compile(r"(\d\d?)[/.\-](\d\d?)[/.\-](?:19|20)?\d\d(?!\d)")


# how often the text writes each sign: (literal, bounded), ``bounded`` where the literal
# must stand as a word of its own (``\b`` either side); counted with ``str.find``, not a
# regex (a scan led by a look-behind or ``\b`` cost ~0.1 ms a posting on long bulletins)
_DMY_SIGNS = [("£", False), ("€", False), ("₹", False), ("NHS", True), ("UK", True), ("United Kingdom", False),
              ("per annum", True), ("Australia", True), ("India", True)]
_MDY_SIGNS = [("$", False), ("US", True), ("United States", False)]


def _count(signs: list[tuple[str, bool]], text: str) -> int:
    """The matches of the signs in ``text``: "$" not after a capital ("US$", "A$" are not
    the US sign), "US" or "USA" as a word.

    >>> _count(_MDY_SIGNS, "US$5, $6, USA, USAF, US, the United States"), _count(_DMY_SIGNS, "£5 UK UKG per annum")
    (5, 3)
    """
    n = 0
    for w, bounded in signs:
        if w == "$":
            n += sum(not (i and "A" <= text[i - 1] <= "Z") for i in occurrences(text, "$"))
        elif not bounded:
            n += text.count(w)
        else:
            i = text.find(w)
            while i >= 0:
                j = i + len(w)
                if not (i and _is_word(text[i - 1])):
                    if j == len(text) or not _is_word(text[j]):
                        n += 1
                    elif w == "US" and text[j] == "A" and (j + 1 == len(text) or not _is_word(text[j + 1])):
                        n += 1  # "USA"
                        j += 1
                i = text.find(w, j if j > i else i + 1)
    return n


def _is_word(c: str) -> bool:
    """What ``\\w`` matches."""
    return c.isalnum() or c == "_"


def _numeric_order(s: str, hint: str) -> str:
    """The day order of one numeric date: its own where a part > 12 shows it, day first
    where dots part it ("01.12.2024": the European habit, never the US one), else ``hint``."""
    a, b = (int(x) for x in re.split(r"[/.\-]", s)[:2])
    if a > 12 >= b:
        return "DMY"
    if b > 12 >= a:
        return "MDY"
    return "DMY" if "." in s else hint


def parse_date(s: str, *, reference_date: Optional[dt.date] = None, order: str = "MDY") -> Optional[dt.date]:
    """Normalise one short date text with dateparser; ``None`` when it cannot be resolved.

    >>> parse_date("04-18-14"), parse_date("27/11/2020"), parse_date("November 27, 2020")
    (datetime.date(2014, 4, 18), datetime.date(2020, 11, 27), datetime.date(2020, 11, 27))
    >>> parse_date("3 days ago", reference_date=dt.date(2024, 5, 10)), parse_date("3 days ago")
    (datetime.date(2024, 5, 7), None)
    """
    return _parse_date(s, reference_date, order)


@lru_cache(maxsize=4096)
def _parse_date(s: str, reference_date: Optional[dt.date], order: str) -> Optional[dt.date]:
    m = _DATE.fullmatch(s.strip())
    if m is None or m.group("none"):
        return None
    if m.group("rel"):
        if reference_date is None:
            return None
        base = dt.datetime.combine(reference_date, dt.time(12))
        import dateparser

        got = dateparser.parse(s, languages=["en"], settings={"RELATIVE_BASE": base})
        return got.date() if got else None
    clean = re.sub(r"(\d)\s*(?:st|nd|rd|th)\b", r"\1", s, flags=re.IGNORECASE)
    clean = re.sub(r"\s+", " ", clean).replace("'", "20")
    if m.group("iso"):
        order = "YMD"
        clean = clean[:10]
    elif m.group("num"):
        order = _numeric_order(clean, order)
    has_year = bool(re.search(r"\d{4}|'\d\d", s)) or bool(m.group("num")) or bool(m.group("iso"))
    if not has_year:
        if reference_date is None:
            return None
        clean = f"{clean} {reference_date.year}"
    if m.group("iso") or m.group("num"):
        fast = _numeric_date(clean, order)
        if fast is not None:
            return fast
    else:
        fast = _named_date(clean)
        if fast is not None:
            return fast
    got = _parser(order).get_date_data(clean).date_obj
    return got.date() if got else None


_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for m in names}
_NAMED = re.compile(
    rf"(?:{_WEEKDAY})?(?:(?P<d1>\d{{1,2}})\s*(?:of\s+)?(?P<m1>[a-z]+)\.?,?\s*(?P<y1>\d{{4}})"
    r"|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})\s*,?\s*(?P<y2>\d{4})|(?P<m3>[a-z]+)\.?,?\s+(?P<y3>\d{4}))",
    re.IGNORECASE,
)


def _named_date(clean: str) -> Optional[dt.date]:
    """A date with its month written as a word and a four-digit year, read without
    dateparser (a weekday before it is passed over; a month alone is its first day, as
    dateparser reads it here). ``None`` leaves it to dateparser.

    >>> _named_date("8 November 2020"), _named_date("THURSDAY, JULY 26, 2018"), _named_date("Sept 2021")
    (datetime.date(2020, 11, 8), datetime.date(2018, 7, 26), datetime.date(2021, 9, 1))
    >>> _named_date("THURSDAY, JANUARY 11 , 2018")  # a space before the comma
    datetime.date(2018, 1, 11)
    """
    m = _NAMED.fullmatch(clean.strip())
    if m is None:
        return None
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), (None, "m3", "y3")):
        if m.group(mo):
            month = _MONTHS.get(m.group(mo).lower())
            if month is None:
                return None
            try:
                return dt.date(int(m.group(y)), month, int(m.group(d)) if d else 1)
            except ValueError:
                return None
    return None


_NUMERIC = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{2,4})")


def _numeric_date(clean: str, order: str) -> Optional[dt.date]:
    """An all-numeric date read without dateparser, once its day order is known (most
    dates in postings are; dateparser costs ~2 ms a call). ``None`` leaves it to dateparser.

    >>> _numeric_date("04-18-14", "MDY"), _numeric_date("27/11/2020", "DMY"), _numeric_date("2019-08-09", "YMD")
    (datetime.date(2014, 4, 18), datetime.date(2020, 11, 27), datetime.date(2019, 8, 9))
    """
    m = _NUMERIC.fullmatch(clean.strip())
    if m is None or order not in ("MDY", "DMY", "YMD"):
        return None
    values = dict(zip(order, (int(g) for g in m.groups())))
    year = values["Y"]
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, values["M"], values["D"])
    except ValueError:
        return None


def find_dates(text: str, *, reference_date: Optional[dt.date] = None, order: Optional[str] = None) -> list[DateMatch]:
    """Every cued date in ``text``, in order; ``order`` is the day order of numeric dates.

    >>> [(d.field, str(d.date)) for d in find_dates("Open Date:  04-18-14\\nApplications must be received by THURSDAY, MARCH 15, 2018.")]
    [('posted', '2014-04-18'), ('valid_through', '2018-03-15')]
    """
    out: list[DateMatch] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep offsets right
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for cue in _cues().finditer(lowered):
        gap = _FILLER.match(text, cue.end())
        pos = gap.end() if gap else cue.end()
        if pos - cue.end() > _MAX_GAP:
            continue
        m = _DATE.match(text, pos)
        if m is None or m.group("none"):
            continue
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " \t\n,.":
            e -= 1
        if order is None and m.group("num"):
            order = order_hint(text)  # only where a numeric date needs it: the hint costs a pass
        value = parse_date(text[s:e], reference_date=reference_date, order=order or "MDY")
        field = _cue_field(cue)
        out.append(DateMatch(field, value, s, e, text[s:e]))
        if field == "posted" and ("clos" in cue.group() or "period" in cue.group()):
            # a cue naming the opening and the closing, or a period ("Open & closing dates:
            # 11/01/2024 to 11/15/2024", "Application period: 1 - 15 November"): the range's
            # end is the closing date
            to = _RANGE_TO.match(text, m.end())
            end = _DATE.match(text, to.end()) if to is not None else None
            if end is not None and not end.group("none"):
                s, e = end.start(), end.end()
                while e > s and text[e - 1] in " \t\n,.":
                    e -= 1
                if order is None and end.group("num"):
                    order = order_hint(text)
                value = parse_date(text[s:e], reference_date=reference_date, order=order or "MDY")
                out.append(DateMatch("valid_through", value, s, e, text[s:e]))
    return out


# between the two dates of a range: "to", "through", "until" or a dash
_RANGE_TO = re.compile(r"[ \t]*(?:(?:to|through|thru|until|till)[ \t]+|[-–—][ \t]*)", re.IGNORECASE)


def best_dates(matches: list[DateMatch]) -> dict[str, DateMatch]:
    """For each field, the first resolved date, else the first one stated.

    >>> sorted(best_dates(find_dates("Posted 2 days ago. Closing date: 1 May 2021")))
    ['posted', 'valid_through']
    """
    best: dict[str, DateMatch] = {}
    for m in matches:
        held = best.get(m.field)
        if held is None or (held.date is None and m.date is not None):
            best[m.field] = m
    return best
