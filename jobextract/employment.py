"""Employment type and work arrangement, read from fields, header segments and phrases.

Three places say it, trusted in this order: a field ("Job type: Full-time", "Contract:
Bank"), a segment of a header line ("Acme | Engineer | REMOTE (US) | Full-time"), and a
phrase that names the role itself ("this is a fully remote role", "hybrid, 3 days in
office"). A passing mention ("remote teams", "contract negotiations") says nothing.
Lexicon: ``patterns/job_terms.jsonl``.

Decisions: bank, casual, locum and fixed-term work is ``temporary``; "Permanent" alone is
``full_time`` only when nothing states the hours; where one place states several values
the highest ``rank`` wins (internship, then temporary/contract, then the hours), then the
first written.

>>> [(m.field, m.value) for m in find_job_terms("Acme | Engineer | REMOTE (US) | Full-time")]
[('work_arrangement', 'remote'), ('employment_type', 'full_time')]
>>> find_job_terms("We collaborate with remote teams on contract negotiations.")
[]
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from . import lexicons


class TermMatch(NamedTuple):
    """A stated value; ``strength``: 2 a field, 1 a header segment, 0 a phrase."""

    field: str
    value: str
    strength: int
    rank: int
    start: int
    end: int


_BEFORE = r"(?:^|(?<=[\s|,;/(\[\-–—•:]))"
_AFTER = r"(?=[ \t]*(?:$|[|,;/()\[\]\-–—•:.!]|or\b|and\b|&|\+))"
_FIELD = re.compile(
    r"(?im)^[ \t\-*•+_#]*(?:(?:job|employment|contract|position|work(?:ing)?|role|time|schedule|workplace|location|employee)"
    r"[ \t]+)?(?:type|status|basis|schedule|pattern|hours|arrangement|model|contract|locations?|workplace|time\s+type)"
    r"[ \t_*]*(?::|\||[ \t][-–][ \t])[ \t_*]*\n?[ \t]*(?P<value>[^\n]{1,100})"
)


def _compile(where: str) -> list[tuple[re.Pattern[str], lexicons.JobTermRule]]:
    out = []
    for rule in lexicons.job_terms():
        if rule.where != where:
            continue
        pattern = rf"{_BEFORE}(?:{rule.regex}){_AFTER}" if where == "value" else rf"(?<![A-Za-z])(?:{rule.regex})"
        out.append((re.compile(pattern, re.IGNORECASE | re.MULTILINE), rule))
    return out


_WORDS = re.compile(r"\w+")
_VALUES = _compile("value")
_PHRASE_RULES = [r for r in lexicons.job_terms() if r.where == "phrase"]
# one pass over the lower-cased text for all phrase rules (a case-sensitive pattern is
# many times faster than IGNORECASE over a whole posting)
_PHRASES = re.compile("|".join(rf"(?<![a-z])(?P<p{i}>{r.regex})" for i, r in enumerate(_PHRASE_RULES)))


def _scan(rules, text: str, start: int, end: int, strength: int) -> list[TermMatch]:
    found = []
    for pattern, rule in rules:
        for m in pattern.finditer(text, start, end):
            found.append(TermMatch(rule.field, rule.value, strength, rule.rank, m.start(), m.end()))
    # a longer value phrase beats the shorter one inside it ("permanent contract" over "contract")
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[TermMatch] = []
    for t in found:
        if kept and t.start < kept[-1].end and t.field == kept[-1].field:
            continue
        kept.append(t)
    return kept


def header_lines(text: str, header_end: int, *, first_lines: int = 3, max_words: int = 10) -> list[tuple[int, int]]:
    """The lines header segments are read from: in the header (or the first ``first_lines``),
    and either split by ``|`` or short (at most ``max_words`` words), so not sentences.

    >>> header_lines("Acme | Remote\\nWe build things for remote teams all over the world, every day.", 0)
    [(0, 13)]
    """
    lines = []
    pos, n = 0, 0
    while pos < len(text) and (pos < header_end or n < first_lines):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if line.strip():
            n += 1
            if "|" in line or len(_WORDS.findall(line)) <= max_words:
                lines.append((pos, nl))
        pos = nl + 1
    return lines


def find_job_terms(text: str, header_end: int = 0) -> list[TermMatch]:
    """Every stated employment type and work arrangement, in text order."""
    out: list[TermMatch] = []
    fields = []
    for m in _FIELD.finditer(text):
        fields.append((m.start(), m.start("value")))  # the label: not a value itself
        out.extend(_scan(_VALUES, text, m.start("value"), m.end("value"), 2))
    for s, e in header_lines(text, header_end):
        out.extend(t for t in _scan(_VALUES, text, s, e, 1) if not any(a <= t.start < b for a, b in fields))
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _PHRASES.finditer(lowered):
        rule = _PHRASE_RULES[int(m.lastgroup[1:])]
        out.append(TermMatch(rule.field, rule.value, 0, rule.rank, m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    return out


def choose(matches: list[TermMatch], field: str) -> Optional[TermMatch]:
    """The value a posting states for ``field``: strongest place, then highest rank, then first.

    >>> m = find_job_terms("Job type: Full time / Fixed term")
    >>> choose(m, "employment_type").value
    'temporary'
    """
    best = None
    for t in matches:
        if t.field != field:
            continue
        if best is None or (t.strength, t.rank) > (best.strength, best.rank):
            best = t
    return best
