"""Pay ranges read from text: figures, currencies, periods, with their offsets.

Pure functions over a string; the ``jobextract_salary`` component calls
:func:`find_salaries` on ``doc.text``. A figure counts as pay only when its context says
so: a currency sign or code *and* nothing that makes it a fee, a bonus or a funding
round, and either a pay cue ("salary", "per hour", a salary heading, a header field of its
own) or the shape of a yearly range ("$120k-$150k"). Lexicons: ``patterns/currencies.jsonl``
and ``patterns/salary_terms.jsonl``.

>>> parse_salary("£23,247.92 - £35,077.19 per annum")
{'min': 23247.92, 'max': 35077.19, 'currency': 'GBP', 'period': 'year'}
>>> parse_salary("$25 for students") is None
True
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from . import lexicons


class SalaryMatch(NamedTuple):
    """One pay range or figure: its values and where it stands in the text."""

    min: Optional[float]
    max: Optional[float]
    currency: Optional[str]
    period: Optional[str]
    start: int
    end: int


def _alternation(tokens: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))


_RULES = lexicons.currencies()
_CURRENCY = {r.token.lower(): r.code for r in _RULES}
_SYMBOLS = _alternation([r.token for r in _RULES if r.kind == "symbol"])
# a symbol that opens with a letter ("Rs", "A$", "zł") is not the end of a word ("years 65,000")
_SYMBOLS_BEFORE = (_alternation([r.token for r in _RULES if r.kind == "symbol" and not r.token[0].isalpha()]) + "|"
                   "(?<![A-Za-z])(?:" + _alternation([r.token for r in _RULES if r.kind == "symbol" and r.token[0].isalpha()]) + ")")
_CODES = _alternation([r.token for r in _RULES if r.kind == "code"])
_WORDS = _alternation([r.token for r in _RULES if r.kind == "word"])
_CUR_BEFORE = rf"(?:{_SYMBOLS_BEFORE}|(?<![A-Za-z])(?:{_CODES})(?![a-z]))"
_CUR_AFTER = rf"(?:(?:{_SYMBOLS})(?![A-Za-z])(?!\s?\d)|(?<![A-Za-z])(?:{_CODES})(?![A-Za-z])|(?<![A-Za-z])(?:{_WORDS})\b)"
# 120,000 | 120.000 | 120 000 | 23,247.92 | 35007.97 | 60 | 1.5; the first digit stands
# before the alternatives (\d{1,2} = \d\d?, \d{1,3} = \d\d{0,2}, \d+ = \d\d*, tried in the same
# order) so that re can skip to the next digit fast
_NUMBER = (
    r"\d(?:\d?(?:,\d{2})+,\d{3}(?:\.\d{1,2}(?!\d))?"  # Indian grouping: 5,00,000
    r"|\d{0,2}(?:(?:,|'|’|\.(?=\d{3}(?!\d))|[ \u00a0\u202f](?=\d{3}(?![\d,.]\d)))\d{3})+(?:[.,]\d{1,2}(?!\d))?"
    r"|\d*(?:[.,]\d{1,2}(?!\d))?)"
)
# not before a letter, accented ones too ("5,000 Kč" is in koruna, not thousands)
_MULT = r"(?:k(?![^\W\d_])|(?:mn|mm|m|bn|b|tn|million|billion|trillion)(?![^\W\d_])|lpa(?![^\W\d_])|lakhs?|lacs?|l\b|crores?|cr\b)"
# a figure starts at its digits (cheap to find); a currency before it is looked for after.
# Not after a digit, "." or ",": checked by _figure_matches, not by a lookbehind here,
# which would keep re from skipping to the next digit
_FIGURE = re.compile(
    rf"(?P<num>{_NUMBER})"
    rf"(?:[ \u00a0]?(?P<mult>{_MULT}))?(?P<plus>\+)?(?:[ \u00a0]?(?P<cur2>{_CUR_AFTER}))?",
    re.IGNORECASE,
)
_CUR_TAIL = re.compile(rf"(?P<cur1>{_CUR_BEFORE})[ \u00a0]?(?:~|≈|c\.\s?|ca\.\s?)?$", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|‑|~|to|and|till|until|up\s+to|rising\s+to)\s*(?:(?:a|an)\s+)?$", re.IGNORECASE)
# a note in brackets between the figures of a range, or a bracketed rise
# ("£30,476.64(less than 2 years experience)- £35,586.76", "£19,737 (rising to £21,892 ...)")
_RANGE_SEP_NOTE = re.compile(
    r"\s*(?:\([^()\n]{1,60}\)\s*(?:-|–|—|‑|to)|\(\s*(?:rising\s+to|up\s+to|to))\s*$", re.IGNORECASE)
# a label that makes the bare number after it an identifier ("Class Code: 1777", "Ref: 4567")
_ID_LABEL = re.compile(r"(?:code|no\.?|number|ref(?:erence)?|id|#)[ \t]*:?[ \t]*$", re.IGNORECASE)
_MIN_ONLY = re.compile(r"(?:from|starting(?:\s+(?:at|from))?|start(?:s|ing)?\s+at|minimum(?:\s+of)?|min\.?|at\s+least|over|above|in\s+excess\s+of)\s*:?\s*$", re.IGNORECASE)
_MAX_ONLY = re.compile(r"(?:up\s*to|upto|maximum(?:\s+of)?|max\.?|not\s+(?:to\s+)?exceed(?:ing)?)\s*:?\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"between\s*$", re.IGNORECASE)
_BOUNDARY = re.compile(r"\n|[.!?;](?=\s)|\|")
_UNIT_AFTER = re.compile(
    r"[ \u00a0]*(?!(?:depending|dependent|doe|plus|per|pro|gross|basic|base|annual|annually|yearly|salary|to|and|or|with|a|an|p)\b)[a-z]",
)
_ADDITION = re.compile(r"\s*(?:\+|\bplus\b|&|\band\b|\bwith\b|\binclusive\b|\bincluding\b|\bincl?\b)", re.IGNORECASE)
_NOT_PAY_NUMBERS = re.compile(r"^(?:401|403|457)$")


def _terms(kind: str) -> list[tuple[re.Pattern[str], Optional[str]]]:
    return [(re.compile(rf"(?<![A-Za-z])(?:{r.regex})", re.IGNORECASE), r.value)
            for r in lexicons.salary_terms() if r.kind == kind]


_PERIODS = _terms("period")
_PAY = re.compile("|".join(p.pattern for p, _ in _terms("pay")), re.IGNORECASE)
_NOT_PAY = re.compile("|".join(p.pattern for p, _ in _terms("not_pay")), re.IGNORECASE)
_PERIOD_FILLER = re.compile(
    r"[ \u00a0,]*\n?[ \u00a0]*(?:\(?(?:gross|basic|base|pro[- ]?rata|fte|approx\.?|plus|inclusive|inc\.?|usd|gbp|eur|doe)\)?[ \u00a0,]*)*",
    re.IGNORECASE,
)


_SPACES = re.compile(r"[ \u00a0\u202f'’]")
_MARKS = re.compile(r"[.,]")
_DECIMAL = re.compile(r"[.,](\d{1,2})$")


def to_number(num: str) -> float:
    """The value of a figure as written, whatever its separators.

    >>> to_number("23,247.92"), to_number("60.000"), to_number("12,50"), to_number("60 000")
    (23247.92, 60000.0, 12.5, 60000.0)
    """
    if num.isdigit():  # most figures: no mark at all
        return float(num)
    num = _SPACES.sub("", num)
    if "," in num and "." in num:  # both marks: the last one written is the decimal point
        mark = "." if num.rfind(".") > num.rfind(",") else ","
        if num.count(mark) == 1:
            whole, frac = num.split(mark)
            return float(_MARKS.sub("", whole) + "." + frac)
    decimal = _DECIMAL.search(num)
    if decimal:
        return float(_MARKS.sub("", num[: decimal.start()]) + "." + decimal.group(1))
    return float(_MARKS.sub("", num))


def period_of(text: str) -> Optional[str]:
    """The pay period a phrase names, or ``None``.

    >>> period_of("per annum"), period_of("/hr"), period_of("Hourly rate"), period_of("competitive")
    ('year', 'hour', 'hour', None)
    """
    found = None
    for pattern, value in _PERIODS:
        for m in pattern.finditer(text):
            if found is None or m.start() > found[0]:
                found = (m.start(), value)
    return found[1] if found else None


def _period_after(text: str, pos: int) -> Optional[tuple[str, int]]:
    m = _PERIOD_FILLER.match(text, pos)
    at = m.end() if m else pos
    for pattern, value in _PERIODS:
        p = pattern.match(text, at)
        if p and (p.end() >= len(text) or not text[p.end()].isalnum()):
            return value, p.end()
    return None


class _Fig(NamedTuple):
    value: float
    currency: Optional[str]
    mult: str
    plus: bool
    start: int
    end: int
    num: str


def _figure_matches(text: str, start: int, end: int):
    """``_FIGURE.finditer`` as if the pattern opened with ``(?<![\\d.,])``: a match there is
    passed over and the search goes on from the next character, as re itself would."""
    pos = start
    search = _FIGURE.search
    while True:
        m = search(text, pos, end)
        if m is None:
            return
        s = m.start()
        if s > 0 and (text[s - 1] in ".," or text[s - 1].isdecimal()):
            pos = s + 1
            continue
        yield m
        pos = m.end()


def _figures(text: str, start: int, end: int) -> list[_Fig]:
    out = []
    for m in _figure_matches(text, start, end):
        mult = (m.group("mult") or "").lower()
        if mult and mult[0] in "mb":
            out.append(_Fig(-1.0, None, mult, False, m.start(), m.end(), m.group("num")))  # millions: not pay
            continue
        value = to_number(m.group("num"))
        if mult == "k":
            value *= 1_000
        elif mult.startswith(("l", "lac")):
            value *= 100_000
        elif mult.startswith("cr"):
            value *= 10_000_000
        tail = _CUR_TAIL.search(text, max(start, m.start() - 8), m.start())
        cur1 = tail.group("cur1") if tail else None
        cur = cur1 or m.group("cur2")
        code = _CURRENCY.get(cur.lower()) if cur else None
        if cur and cur.isalpha() and cur.lower() not in ("rs", "rmb", "kč") and len(cur) == 3 and not cur.isupper():
            code = None  # "usd" in running text is not a code; codes are written upper case
        if mult in ("l", "cr") and code != "INR":
            continue  # "50L" is litres unless the figure is in rupees
        if code is None and mult.startswith(("l", "cr")):
            code = "INR"
        s = tail.start() if (cur1 and code) else m.start("num")
        e = m.end() if (m.group("cur2") and code) or not m.group("cur2") else m.start("cur2")
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(_Fig(value, code, mult, bool(m.group("plus")), s, e, m.group("num")))
    return out


def _scaled(first: _Fig, last: _Fig) -> float:
    """The low end of a range whose multiplier is written once: "$120-150k", "18-25 LPA"."""
    if not first.mult and not last.mult and first.num.isdigit() and first.value < 1000 and last.value >= 10_000:
        # the thousands written once: "£36 – 44,000"
        if first.value * 1000 <= last.value <= first.value * 3000:
            return first.value * 1000
    if first.mult or not last.mult:
        return first.value
    if last.mult == "k" and first.value < 1000:
        return first.value * 1000
    if last.mult.startswith("l"):
        return first.value * 100_000
    return first.value


def _context_before(text: str, pos: int, floor: int) -> str:
    lo = max(floor, pos - 80)
    window = text[lo:pos]
    cut = [m.end() for m in _BOUNDARY.finditer(window)]
    return window[cut[-1]:] if cut else window


def _judge(before: str, after: str, single: bool = False) -> Optional[bool]:
    """True: pay; False: not pay; None: the words around say nothing.

    >>> _judge("Salary: ", ""), _judge("a welcome bonus of ", ""), _judge("", " for students"), _judge("", "")
    (True, False, False, None)
    """
    last_pay = max((m.end() for m in _PAY.finditer(before)), default=-1)
    last_not = max((m.end() for m in _NOT_PAY.finditer(before)), default=-1)
    if single and last_not >= 0:
        return False  # "relocation package up to £8,000"
    if last_pay >= 0 or last_not >= 0:
        return last_pay > last_not
    if _NOT_PAY.search(after):
        return False
    if _PAY.search(after):
        return True
    return None


def find_salaries(
    text: str, start: int = 0, end: Optional[int] = None, *, period_hint: Optional[str] = None,
    pay_context: bool = False,
) -> list[SalaryMatch]:
    """Every pay range or figure in ``text[start:end]``, in order.

    Args:
        period_hint: the period a heading nearby names ("ANNUAL SALARY" gives ``"year"``),
            used where the figure itself names none.
        pay_context: the range is a salary section, so bare figures count as pay.

    >>> [(m.min, m.max, m.period) for m in find_salaries("ANNUAL SALARY\\n$125,175 to $155,514", period_hint="year")]
    [(125175.0, 155514.0, 'year')]
    """
    end = len(text) if end is None else end
    figs = [f for f in _figures(text, start, end)]
    groups: list[list[_Fig]] = []
    for f in figs:
        if groups and len(groups[-1]) == 1 and groups[-1][0].value >= 0 and f.value >= 0:
            prev = groups[-1][0]
            sep = text[prev.end:f.start]
            lo_hi = sorted((_scaled(prev, f), f.value))
            if (_RANGE_SEP.match(sep) or _RANGE_SEP_NOTE.match(sep)) and not prev.plus and lo_hi[0] > 0 and lo_hi[1] / lo_hi[0] <= 20:
                groups[-1].append(f)
                continue
        if (len(groups) >= 2 and len(groups[-2]) == 1 and len(groups[-1]) == 1 and groups[-1][0].currency is None
                and f.currency is not None and groups[-2][0].value > 0 and not groups[-2][0].plus):
            prev = groups[-2][0]  # a bare number in the note between ("(less than 2 years experience)")
            if _RANGE_SEP_NOTE.match(text, prev.end, f.start) and 1 <= f.value / prev.value <= 20:
                groups.pop()
                groups[-1].append(f)
                continue
        groups.append([f])
    out: list[SalaryMatch] = []
    floor = start
    for i, group in enumerate(groups):
        first, last = group[0], group[-1]
        if first.value < 0:
            floor = last.end
            continue
        lo, hi = first.value, last.value
        if len(group) == 2:
            lo = _scaled(first, last)
        currency = first.currency or last.currency
        if currency is None and not pay_context and _PAY.search(text[max(floor, first.start - 30):first.start]) is None:
            # the same as the test below, cheaper: the last 30 characters of the context
            # before lie in these 30, after a boundary (no letter) where they are cut
            floor = last.end
            continue
        before = _context_before(text, first.start, floor)
        if currency is None and _ID_LABEL.search(before):
            floor = last.end  # "Class Code: 1777": an identifier
            continue
        if currency is None and not pay_context and not _PAY.search(before[-30:]):
            floor = last.end  # a bare number needs a pay cue just before it (see below): none
            continue
        next_start = groups[i + 1][0].start if i + 1 < len(groups) else end
        after_end = min(next_start, end, last.end + 60)
        after = text[last.end:after_end]
        cut = _BOUNDARY.search(after)
        after = after[: cut.start()] if cut else after
        after = _ADDITION.split(after, 1)[0]  # "$150k-$200k + equity": what is added is not this figure
        floor = last.end
        period_m = ("year", last.end) if last.mult == "lpa" else _period_after(text, last.end)
        if any(f.num and _NOT_PAY_NUMBERS.match(f.num) and not f.currency for f in group):
            continue
        verdict = _judge(before, after, single=len(group) == 1)
        if verdict is False:
            continue
        is_year = lambda v: 1900 <= v <= 2100 and "," not in first.num and "." not in first.num  # noqa: E731
        if currency is None:
            # a bare number is pay only where a cue says so, and never a year or a tiny count
            if not ((verdict and _judge(before[-30:], "")) or pay_context):
                continue
            if _UNIT_AFTER.match(text, stop_of(period_m, last)):
                continue  # "10,000 miles"
            if is_year(lo) or (hi < 5 and not period_m):
                continue
            if not (period_m or "," in first.num or first.mult or lo >= 1000):
                continue
        elif verdict is None and not pay_context and not period_m:
            header_field = _header_field(text, first.start, last.end) or (
                lo >= 10_000 and _own_line(text, first.start, last.end))
            yearly_range = len(group) == 2 and (lo >= 10_000 or first.mult == "k" or last.mult == "k")
            if not (header_field or yearly_range):
                continue
        period = period_m[0] if period_m else None
        stop = period_m[1] if period_m else last.end
        if period is None and (first.mult.startswith("l") or last.mult.startswith("l")):
            period = "year"
        if period is None:
            period = period_of(before) or _period_later_on_line(text, stop, end) or period_hint
        mn: Optional[float] = lo
        mx: Optional[float] = hi
        if len(group) == 1:
            if first.plus or _MIN_ONLY.search(before):
                mx = None
            elif _MAX_ONLY.search(before):
                mn = None
        elif _BETWEEN.search(before) is None and mn is not None and mx is not None and mn > mx:
            mn, mx = mx, mn
        out.append(SalaryMatch(mn, mx, currency, period, first.start, stop))
    return out


def stop_of(period_m: Optional[tuple[str, int]], last: _Fig) -> int:
    return period_m[1] if period_m else last.end


def _period_later_on_line(text: str, pos: int, end: int) -> Optional[str]:
    """A period written once after several ranges on one line ("$1 - $2; $3 - $4 per hour")."""
    nl = text.find("\n", pos, end)
    line = text[pos: nl if nl >= 0 else min(end, pos + 200)]
    return period_of(line) if "$" in line or re.search(_SYMBOLS, line) else None


_LEAD_IN = re.compile(r"[ \t\u00a0]*(?:(?:up\s*to|from|circa|c\.|approx(?:\.|imately)?|starting\s+(?:at|from))[ \t\u00a0]*)?$", re.IGNORECASE)
_TAIL = re.compile(r"[ \t\u00a0]*(?:(?:\+|plus\b|&)[^\n]{0,40}|\d{1,2}(?:\.\d{1,2})?[ \t\u00a0]*(?:hours?|hrs)\b[^\n]{0,30})?", re.IGNORECASE)


def _own_line(text: str, start: int, end: int) -> bool:
    """Whether the figure is a line of its own, but for "up to"/"from" before it and what is
    added after it ("\nUp to £48,500\n", "\n£60,000 + Bonuses\n"): a header line giving the pay."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1
    if line_start == 0 and start > 40:
        return False
    line_end = text.find("\n", end, end + 60)
    if line_end < 0:
        line_end = len(text) if len(text) - end <= 60 else -1
    if line_end < 0:
        return False
    return bool(_LEAD_IN.fullmatch(text, line_start, start) and _TAIL.fullmatch(text, end, line_end))


def _header_field(text: str, start: int, end: int) -> bool:
    """Whether the figure stands alone in a field of a ``|``-separated header line."""
    left = text.rfind("|", max(0, start - 40), start)
    right = text.find("|", end, end + 40)
    if left < 0 and right < 0:
        return False
    lo = left + 1 if left >= 0 else text.rfind("\n", 0, start) + 1
    hi = right if right >= 0 else (text.find("\n", end) if text.find("\n", end) >= 0 else len(text))
    rest = (text[lo:start] + " " + text[end:hi]).strip(" \t•·,+-–/")
    return len(rest) <= 25


def parse_salary(text: str, *, period_hint: Optional[str] = None) -> Optional[dict]:
    """The first pay range in a short text as a dict, or ``None``.

    >>> parse_salary("€60k–€75k")
    {'min': 60000.0, 'max': 75000.0, 'currency': 'EUR', 'period': None}
    >>> parse_salary("₹18 LPA")
    {'min': 1800000.0, 'max': 1800000.0, 'currency': 'INR', 'period': 'year'}
    """
    found = find_salaries(text, period_hint=period_hint)
    if not found:
        return None
    m = found[0]
    return {"min": m.min, "max": m.max, "currency": m.currency, "period": m.period}
