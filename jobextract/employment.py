"""Employment type and work arrangement, read from fields, header segments and phrases.

Three places say it, trusted in this order: a field ("Job type: Full-time", "Contract:
Bank", or inside a flattened line "... benefits. Work Location: In person"), a segment of a header line ("Acme | Engineer | REMOTE (US) | Full-time"), and a
phrase that names the role itself ("this is a fully remote role", "hybrid, 3 days in
office"). A passing mention ("remote teams", "contract negotiations") says nothing.
Lexicon: ``patterns/job_terms.jsonl``.

Decisions: bank, casual, locum and temporary work is ``temporary``; the words that say only
how long a post lasts ("Permanent", "Fixed term", "Secondment", ``rank`` 1) count only
when nothing in the posting states the hours: "Permanent" alone is ``full_time``, "Fixed
term" alone ``temporary``, "Full time, Fixed term" ``full_time``. Where one place states
several values the highest ``rank`` wins (internship, then temporary/contract, then the
hours), then the first written; but a place that names both full and part time lists
options ("Part time or full time available", "Full-Time / Part-Time / Bank"): the post can
be worked full time, so it is ``full_time``.

>>> [(m.field, m.value) for m in find_job_terms("Acme | Engineer | REMOTE (US) | Full-time")]
[('work_arrangement', 'remote'), ('employment_type', 'full_time')]
>>> find_job_terms("We collaborate with remote teams on contract negotiations.")
[]
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from . import lexicons
from .prefilter import KeyedScan, required_words


DURATION_RANK = 1  # "Permanent", "Fixed term": how long, not how many hours
HOURS_RANK = 2  # "Full time", "Part time"


class TermMatch(NamedTuple):
    """A stated value; ``strength``: 2 a field, 1 a header segment, 0 a phrase."""

    field: str
    value: str
    strength: int
    rank: int
    start: int
    end: int
    place: int = -1  # where the field value, header line or phrase that says it starts


_BEFORE = r"(?:^|(?<=[\s|,;/(\[\-–—•:]))"
# what may follow a work arrangement in a field value or header line: also where it may be
# worked from ("Berlin, Germany or remote within the EU", "Remote in US & CAN")
_AFTER_PLACE = r"(?=[ \t\xa0]*(?:$|[|,;/()\[\]\-–—•:.!]|or\b|and\b|&|\+|(?:in|within|from|across|anywhere)\b))"
# an employment type may also stand before its hours or the word for the post
# ("Full time 37.5 hours/week", "Part time or full time available", "Full Time post")
_AFTER_TYPE = r"(?=[ \t\xa0]*(?:$|[|,;/()\[\]\-–—•:.!]|or\b|and\b|&|\+|\d|(?:options?|available|considered|hours|posts?|roles?|positions?)\b))"
# what may follow the employment type that opens a line anywhere ("Part Time - 22.5 hours"),
# stricter: not "Regular and predictable attendance", not the label "Regular or Temporary"
_LINE_AFTER = r"(?=[ \t\xa0]*(?:$|[|,;()\[\]\-–—•:.!]|\d|(?:posts?|roles?|positions?)\b))"
_FIELD = re.compile(  # run on the lower-cased text (a case-sensitive pattern is faster)
    r"(?m)^[ \t\-*•+_#]*(?:(?:job|employment|contract|position|work(?:ing)?|role|time|schedule|workplace|location|employee|appointment)"
    r"[ \t]+)?(?:types?|status|basis|schedule|pattern|hours(?:[ \t]+of[ \t]+work)?|shifts?|arrangement|model|contract|locations?|workplace|time\s+type|role|duration|options?"
    r"|employment|commitment|term|engagement(?:[ \t]+type)?)"
    r"[ \t_*]*(?::|\||[ \t]?[-–][ \t])[ \t_*]*\n?[ \t]*(?P<value>[^\n]{1,100})"
)


# a field label inside a header line that writes several ("Company: Karma8 Location: Remote
# (Moscow timezone) Type: Full-time Compensation: from $2500/month")
_INLINE_LABEL = re.compile(
    r"(?<![\w])(?:(?:job|employment|contract|work(?:ing)?|position)[ \t]+)?(?:type|location(?:[ \t]+options?)?|workplace|arrangement|schedule)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
# a field label of two words that says what it labels, read wherever a line writes it: a
# posting flattened into one paragraph ("... with benefits. Job Type: Full-time. Work
# Location: In person in Jersey City, NJ"), run on the lower-cased text, and only where
# it holds one of the ``_ANY_LABEL_ENDS`` (most postings hold none: a find is cheaper)
_ANY_LABEL = re.compile(
    r"(?<![a-z])(?:job|employment|contract|work(?:ing)?|position|appointment)[ \t]+(?:types?|location|schedule|arrangement|status|model):[ \t]*"
)
_ANY_LABEL_ENDS = ("type:", "types:", "location:", "schedule:", "arrangement:", "status:", "model:")
# where such a field's value ends: the end of its sentence or line
_VALUE_END = re.compile(r"[.!?](?:[ \t]|$)|\n")
# where an inline field's value ends: the next label ("Compensation:"), a pipe or the line end
_NEXT_LABEL = re.compile(r"[ \t]+[A-Z][A-Za-z]{1,20}(?:[ \t][A-Za-z]{1,20})?[ \t]*:|\|")
# what may follow a word that opens a field value or a header segment for it to be read as
# that value when the word has other senses ("Remote (US)", "Remote in US & CAN", "REMOTE US",
# "Hybrid OK"; not "Remote Sensing Analyst", "Hybrid Cloud Engineer", "Contract Manager")
_OPEN_AFTER = re.compile(
    r"[ \t]*(?:$|[|,;/()\[\]\-–—•:.!&+]|(?:in|from|within|across|anywhere|only|ok|okay|friendly|first|possible|available"
    r"|options?|preferred|allowed|welcome|or|and|with|based|position|role|basis)\b)",
    re.IGNORECASE,
)
# a line writing two fields or more ("Company: Karma8 Location: Remote ...")
_LABELS = re.compile(r"(?:^|[ \t])[A-Z][A-Za-z]{1,20}:[^\n:]{1,100}[ \t][A-Z][A-Za-z]{1,20}(?:[ \t][A-Za-z]{1,20})?:", re.MULTILINE)
_OPEN_CAPS = re.compile(r"[ \t]+[A-Z]{2,4}\b")  # an abbreviation: "REMOTE US", "Onsite SF"
_CHAIN_GAP = re.compile(r"[ \t,/&()+]*")


def _compile(where: str) -> list[tuple[re.Pattern[str], lexicons.JobTermRule, Optional[frozenset[str]]]]:
    """``(pattern, rule, words)``: ``words`` (lower case) one of which every match holds, or
    ``None`` (a pattern is tried only on a stretch of text holding one of them)."""
    out = []
    for rule in lexicons.job_terms():
        if rule.where != where:
            continue
        after = _AFTER_TYPE if rule.field == "employment_type" else _AFTER_PLACE
        pattern = rf"{_BEFORE}(?:{rule.regex}){after}" if where == "value" else rf"(?<![A-Za-z])(?:{rule.regex})"
        out.append((re.compile(pattern, re.IGNORECASE | re.MULTILINE), rule, required_words(rule.regex)))
    return out


_WORDS = re.compile(r"\w+")
_VALUES = _compile("value")
# a value that opens a field or header segment: (pattern, rule, free) where ``free`` says
# anything may follow it (full/part time, on-site, in person: words with no other sense)
_OPENERS = [
    (re.compile(rf"(?:{r.regex})(?![A-Za-z0-9])", re.IGNORECASE), r,
     (r.field == "employment_type" and r.rank == 2) or r.value == "onsite")
    for r in lexicons.job_terms() if r.where == "value"
]
_TYPE_RULES = [r for r in lexicons.job_terms() if r.where == "value" and r.field == "employment_type"]
# a short line anywhere that opens with an employment type ("Part Time - 22.5 hours per week")
_TYPE_LINE = re.compile(
    r"^[ \t\-*•+]*(?:" + "|".join(f"(?:{r.regex})" for r in _TYPE_RULES) + rf"){_LINE_AFTER}",
    re.MULTILINE,  # run on the lower-cased text
)
# a short sentence inside a line that opens with the hours ("... is hiring an analyst.
# Full-time position with benefits."): only the hours, whose words have no other sense
# ("Casual, fun environment." or "Regular, predictable attendance." say nothing), and
# before one post, not before what holds for all ("Part-time posts will be paid pro-rata")
_SENTENCE_AFTER = r"(?=[ \t]*(?:[,;()\[\]\-–—•:.!]|\d|(?:post|role|position|job|vacancy)\b(?![ \t]+holders?\b)))"
_TYPE_SENTENCE = re.compile(
    r"[.!?][ \t]+(?P<value>" + "|".join(f"(?:{r.regex})" for r in _TYPE_RULES if r.rank == HOURS_RANK) + rf"){_SENTENCE_AFTER}",
)  # run on the lower-cased text
_TYPE_LINE_WORDS = 14
_PHRASE_RULES = [r for r in lexicons.job_terms() if r.where == "phrase"]
# one pass over the lower-cased text for all phrase rules (a case-sensitive pattern is
# many times faster than IGNORECASE over a whole posting), searching only the sentences
# that hold a word some rule needs
# each rule's alternatives searched as one (fewer searches; the same matches)
_PHRASES = KeyedScan([(f"p{i}", f"(?:{r.regex})") for i, r in enumerate(_PHRASE_RULES)], prefix="(?<![a-z])")


def _scan(rules, text: str, start: int, end: int, strength: int, lowered: str) -> list[TermMatch]:
    found = []
    piece = lowered[start:end]
    for pattern, rule, words in rules:
        if words is not None and not any(w in piece for w in words):
            continue
        for m in pattern.finditer(text, start, end):
            found.append(TermMatch(rule.field, rule.value, strength, rule.rank, m.start(), m.end(), start))
    # a longer value phrase beats the shorter one inside it ("permanent contract" over "contract")
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[TermMatch] = []
    for t in found:
        if kept and t.start < kept[-1].end and t.field == kept[-1].field:
            continue
        kept.append(t)
    return kept


def _opening(text: str, pos: int, end: int, strength: int, place: int) -> list[TermMatch]:
    """The values a field value or header segment opens with: "ONSITE Full-Time San Mateo CA",
    "Full-time Location: Hong Kong", "Onsite in San Francisco"; one value after another
    ("ONSITE (Hybrid OK), REMOTE (US)"), each where what follows allows it (see ``_OPEN_AFTER``)."""
    out: list[TermMatch] = []
    while pos < end:
        pos = _CHAIN_GAP.match(text, pos, end).end()
        best = None
        for pattern, rule, free in _OPENERS:
            m = pattern.match(text, pos, end)
            if m is not None and (best is None or m.end() > best[0].end()):
                best = (m, rule, free)
        if best is None:
            break
        m, rule, free = best
        if not (free or _OPEN_AFTER.match(text, m.end(), end) or _OPEN_CAPS.match(text, m.end(), end)
                or any(p.match(text, _CHAIN_GAP.match(text, m.end(), end).end(), end) for p, _, _ in _OPENERS)):
            break
        out.append(TermMatch(rule.field, rule.value, strength, rule.rank, m.start(), m.end(), place))
        pos = m.end()
    return out


def _merge(found: list[TermMatch], more: list[TermMatch]) -> None:
    """Add to ``found`` the matches of ``more`` that start where none of its own does."""
    seen = {(t.field, t.start) for t in found}
    found.extend(t for t in more if (t.field, t.start) not in seen)


def _inline_fields(text: str, s: int, e: int, fields: list[tuple[int, int]], lowered: str) -> list[TermMatch]:
    """The values of the inline fields of the line ``text[s:e]`` (``fields`` gains their labels)."""
    out: list[TermMatch] = []
    for m in _INLINE_LABEL.finditer(text, s, e):
        if any(a <= m.start() < b for a, b in fields):
            continue
        nxt = _NEXT_LABEL.search(text, m.end(), min(e, m.end() + 100))
        value_end = nxt.start() if nxt is not None else min(e, m.end() + 100)
        fields.append((m.start(), m.end()))
        found = _scan(_VALUES, text, m.end(), value_end, 2, lowered)
        _merge(found, _opening(text, m.end(), value_end, 2, m.end()))
        out.extend(found)
    return out


def header_lines(text: str, header_end: int, *, first_lines: int = 3, max_words: int = 10) -> list[tuple[int, int]]:
    """The lines header segments are read from: in the header (or the first ``first_lines``),
    and either split by ``|`` or short (at most ``max_words`` words), so not sentences.

    >>> header_lines("Acme | Remote\\nWe build things for remote teams all over the world, every day.", 0)
    [(0, 13)]
    """
    return [(s, e) for s, e, words in _first_lines(text, header_end, first_lines) if _short(text[s:e], words, max_words)]


def _first_lines(text: str, header_end: int, first_lines: int = 3) -> list[tuple[int, int, int]]:
    """``(start, end, words)`` of the non-blank lines in the header (or the first ``first_lines``)."""
    lines = []
    pos, n = 0, 0
    while pos < len(text) and (pos < header_end or n < first_lines):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if line.strip():
            n += 1
            lines.append((pos, nl, len(_WORDS.findall(line))))
        pos = nl + 1
    return lines


def _short(line: str, words: int, max_words: int) -> bool:
    """Split by ``|``, or at most ``max_words`` words, or short dash segments."""
    return "|" in line or words <= max_words or _dash_segments(line, max_words)


_DASH = re.compile(r" [-–] ")


def _dash_segments(line: str, max_words: int) -> bool:
    """A line of three or more short segments split by dashes ("Technician - Band 4 - Permanent")."""
    parts = _DASH.split(line)
    return len(parts) >= 3 and all(len(_WORDS.findall(p)) <= max_words for p in parts)


_TOP_LINES = 15  # how far down the page a line alone may state the arrangement
_ARRANGEMENT_WORDS = ("remote", "hybrid", "site", "office", "person")


def _arrangement_lines(text: str, lowered: str, pos: int) -> list[TermMatch]:
    """A work arrangement written as a line of its own near the top of the posting, after
    the header lines (``pos``): a page's category line ("Full-time /\nHybrid" on Lever,
    "Remote (US)" under a Greenhouse title); short (at most 4 words), and only where the
    line opens with the value (so not "Remote Sensing Analyst", see ``_opening``)."""
    out: list[TermMatch] = []
    n = text.count("\n", 0, pos)
    while pos < len(text) and n < _TOP_LINES:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        n += 1
        if nl - pos < 40 and any(w in lowered[pos:nl] for w in _ARRANGEMENT_WORDS) \
                and len(_WORDS.findall(text, pos, nl)) <= 4:
            start = _LINE_LEAD.match(text, pos, nl).end()
            found = [t for t in _opening(text, start, nl, 1, start) if t.field == "work_arrangement"]
            if found and _LINE_REST.match(text, found[-1].end, nl):
                out.extend(found)
        pos = nl + 1
    return out


_LINE_LEAD = re.compile(r"[ \t\-*•+]*")
# what may follow the value on such a line: nothing, where ("(US)", "- Europe", "in Canada")
_LINE_REST = re.compile(r"[ \t]*(?:$|[(,\-–—|/:;]|(?:in|within|from|across|anywhere|only|first|ok)\b)", re.IGNORECASE)


def find_job_terms(text: str, header_end: int = 0) -> list[TermMatch]:
    """Every stated employment type and work arrangement, in text order."""
    out: list[TermMatch] = []
    fields = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep offsets right
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _FIELD.finditer(lowered):
        fields.append((m.start(), m.start("value")))  # the label: not a value itself
        found = _scan(_VALUES, text, m.start("value"), m.end("value"), 2, lowered)
        _merge(found, _opening(text, m.start("value"), m.end("value"), 2, m.start("value")))
        out.extend(found)
    lines = _first_lines(text, header_end)
    heads = [(s, e) for s, e, words in lines if _short(text[s:e], words, 10)]
    for s, e, words in lines:
        if not _short(text[s:e], words, 10_000) or (s, e) in heads or _LABELS.search(text, s, e) is None:
            continue  # a long header line: read only for inline fields, where it writes several
        out.extend(_inline_fields(text, s, e, fields, lowered))
    for s, e in heads:
        inline = _inline_fields(text, s, e, fields, lowered)
        found = [t for t in _scan(_VALUES, text, s, e, 1, lowered) if not any(a <= t.start < b for a, b in fields)]
        if "|" in text[s:e]:
            seg = s
            while seg < e:
                bar = text.find("|", seg, e)
                seg_end = e if bar < 0 else bar
                _merge(found, [t for t in _opening(text, seg, seg_end, 1, s)
                               if not any(a <= t.start < b for a, b in fields)])
                seg = seg_end + 1
        _merge(inline, found)
        out.extend(inline)
    out.extend(_arrangement_lines(text, lowered, heads[-1][1] if heads else 0))
    for m in _TYPE_LINE.finditer(lowered, heads[-1][1] if heads else 0):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if len(_WORDS.findall(text, m.start(), line_end)) > _TYPE_LINE_WORDS:
            continue
        out.extend(t for t in _scan(_VALUES, text, m.start(), line_end, 1, lowered) if t.field == "employment_type")
    for m in _TYPE_SENTENCE.finditer(lowered, heads[-1][1] if heads else 0):
        end = _VALUE_END.search(text, m.end())
        end = len(text) if end is None else end.start() + 1
        if len(_WORDS.findall(text, m.start("value"), end)) > _TYPE_LINE_WORDS:
            continue
        out.extend(t for t in _scan(_VALUES, text, m.start("value"), end, 1, lowered) if t.field == "employment_type")
    labels = _ANY_LABEL.finditer(lowered) if any(w in lowered for w in _ANY_LABEL_ENDS) else ()
    for m in labels:
        if any(a <= m.start() < b for a, b in fields):
            continue  # read above, as a field or an inline field of a header line
        end = _VALUE_END.search(text, m.end(), m.end() + 100)
        end = min(len(text), m.end() + 100) if end is None else end.start()
        nxt = _NEXT_LABEL.search(text, m.end(), end)
        end = nxt.start() if nxt is not None else end
        fields.append((m.start(), m.end()))
        found = _scan(_VALUES, text, m.end(), end, 2, lowered)
        _merge(found, _opening(text, m.end(), end, 2, m.end()))
        out.extend(found)
    for m in _PHRASES.finditer(lowered):
        rule = _PHRASE_RULES[int(m.lastgroup[1:])]
        start = m.start()
        while lowered[start] in " \t\n":  # a phrase may open with the line break it follows
            start += 1
        out.append(TermMatch(rule.field, rule.value, 0, rule.rank, start, m.end(), start))
    out.sort(key=lambda t: t.start)
    return out


def choose(matches: list[TermMatch], field: str) -> Optional[TermMatch]:
    """The value a posting states for ``field``: strongest place, then highest rank, then first.

    >>> choose(find_job_terms("Job type: Full time / Fixed term"), "employment_type").value
    'full_time'
    >>> choose(find_job_terms("Contract: Fixed term (12 months)"), "employment_type").value
    'temporary'
    >>> choose(find_job_terms("Hours: Full-Time / Part-Time / Bank"), "employment_type").value
    'full_time'
    >>> choose(find_job_terms("Hours: Part-time/Full time options available"), "employment_type").value
    'full_time'
    """
    stated = [t for t in matches if t.field == field]
    best = _best(stated)
    if best is not None and best.rank == DURATION_RANK:
        best = _best([t for t in stated if t.rank == HOURS_RANK]) or best
    if best is not None and best.rank >= HOURS_RANK:
        same = [t for t in stated if t.place == best.place and t.strength == best.strength]
        hours = [t for t in same if t.rank == HOURS_RANK]
        if {"full_time", "part_time"} <= {t.value for t in hours}:
            best = next(t for t in hours if t.value == "full_time")  # options: it can be full time
    return best


def _best(matches: list[TermMatch]) -> Optional[TermMatch]:
    """The strongest place, then the highest rank, then the first written."""
    best = None
    for t in matches:
        if best is None or (t.strength, t.rank) > (best.strength, best.rank):
            best = t
    return best
