"""Layout of a posting's text: lines, bullets and sentences, as character ranges.

Pure functions over a string; the pipeline components call them on ``doc.text``. Every
range is ``(start, end)`` with ``text[start:end]`` the piece itself, trimmed.

>>> text = "Duties • Lead the team • Write code"
>>> [text[s:e] for s, e in split_items(text, 7, len(text))]
['Lead the team', 'Write code']
"""
from __future__ import annotations

import re
from typing import Iterator

Range = tuple[int, int]

BULLET_CHARS = "•·▪◦●‣■□➢►✓✔➤⁃∙"
# A bullet marker: a bullet sign, or "-", "*", "–", "—" standing alone, or a number or
# letter item label ("1.", "2)", "a)", "(3)"), followed by white space.
_MARKER_BODY = rf"(?:(?P<sign>[{BULLET_CHARS}])|(?P<dash>[-*–—+])|(?P<num>\(?\d{{1,2}}[.)])|(?P<letter>\(?[a-z][)]))(?=\s)"
_MARKER = re.compile(rf"(?<!\S){_MARKER_BODY}")
# the same markers after the white space before them: the engine skips to white space
# instead of trying the lookbehind at every character (a quarter faster on dev texts)
_SPACED_MARKER = re.compile(rf"\s{_MARKER_BODY}")
_GLUED_SIGN = re.compile(rf"[{BULLET_CHARS}](?=\S)")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs dr mr mrs ms sr jr inc ltd co corp st no approx dept est fig mt jan feb mar "
    "apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k".split()
)
_SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9•\-*])")
_WS = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def trim(text: str, start: int, end: int, chars: str = " \t\r\n\u00a0") -> Range:
    """Shrink ``(start, end)`` past surrounding white space (or ``chars``).

    >>> trim("  ab  ", 0, 6)
    (2, 4)
    """
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Range]:
    """Non-empty lines of ``text[start:end]``, trimmed.

    >>> [r for r in iter_lines("a\\n\\n b ")]
    [(0, 1), (4, 5)]
    """
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = trim(text, pos, stop)
        if e > s:
            yield s, e
        pos = stop + 1


def markers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Bullet markers in ``text[start:end]`` as ``(marker_start, content_start, kind)``.

    Numbered markers are kept only where they run in order (1, 2, 3 ...), so that a
    number inside a sentence is not taken for an item label.

    >>> [k for _, _, k in markers("• a • b", 0, 7)]
    ['sign', 'sign']
    """
    found = []
    last_num = 0
    for m, at in _marker_matches(text, start, end):
        kind = m.lastgroup or "sign"
        if kind == "num":
            n = int(m.group("num").strip("().")[:2])
            if not (n == 1 or last_num < n <= last_num + 2):
                continue
            last_num = n
        if kind == "dash" and m.group("dash") in "–—" and not _line_start(text, at):
            # an en/em dash inside a line is punctuation unless it is the list's own marker
            kind = "endash"
        found.append((at, _skip_ws(text, m.end(), end), kind))
    # a bullet sign glued to its item ("•Lead"), common in scraped text
    for m in _GLUED_SIGN.finditer(text, start, end):
        found.append((m.start(), m.end(), "sign"))
    found.sort()
    return found


def _marker_matches(text: str, start: int, end: int):
    """``(match, marker start)`` of every ``_MARKER`` match in ``text[start:end]``, in order.

    A marker follows white space (or opens the text): the one at ``start`` is matched
    there, the others with the white space before them. Markers hold no white space and
    need some after them, so no two share a character: the matches are those of
    ``_MARKER.finditer``.

    >>> t = "• a - b 2) c"
    >>> [at for _, at in _marker_matches(t, 0, len(t))] == [m.start() for m in _MARKER.finditer(t)] == [0, 4, 8]
    True
    """
    first = _MARKER.match(text, start, end)
    if first is not None:
        yield first, start
    for m in _SPACED_MARKER.finditer(text, start, end):
        yield m, m.start() + 1


def _line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def list_markers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The markers of the list in ``text[start:end]``: those of the first marker's kind.

    A section that uses "•" may still hold " - " as a dash inside an item; only the kind
    that opens the list splits it. Line-start markers win over inline ones.
    """
    found = markers(text, start, end)
    if not found:
        return []
    at_line_start = [m for m in found if _line_start(text, m[0])]
    pool = at_line_start if len(at_line_start) >= 2 else found
    kind = pool[0][2]
    if kind == "endash":
        kind = "dash"
    chosen = [m for m in pool if m[2] == kind or (kind == "dash" and m[2] == "endash")]
    if kind in ("dash",) and len(chosen) < 2 and not at_line_start:
        return []  # a lone " - " in prose is a dash, not a list
    return chosen


def split_items(text: str, start: int, end: int) -> list[Range]:
    """Items of a list body: one per bullet, or per line, or per sentence.

    >>> t = "1. Guide design. 2. Ensure quality."
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['Guide design.', 'Ensure quality.']
    """
    found = list_markers(text, start, end)
    if found:
        pieces: list[Range] = []
        lead = trim(text, start, found[0][0])
        if lead[1] > lead[0]:
            pieces.append(lead)
        for i, (_, content, _) in enumerate(found):
            stop = found[i + 1][0] if i + 1 < len(found) else end
            if i + 1 == len(found):
                gap = _BLANK_LINE.search(text, content, stop)
                stop = gap.start() if gap else stop  # the list ends at a blank line after its last item
            pieces.append(trim(text, content, stop))
        return [p for p in pieces if p[1] > p[0]]
    lines = list(iter_lines(text, start, end))
    if len(lines) > 1:
        out: list[Range] = []
        for s, e in join_wrapped(text, lines):
            if e - s > 300 and "\n" not in text[s:e]:
                out.extend(split_sentences(text, s, e))  # a paragraph, not a list line
            else:
                out.append((s, e))
        return out
    return split_sentences(text, start, end)


_CONTINUES = re.compile(r"(?:\b(?:and|or|of|in|on|with|the|a|an|to|for|by|as|at|from|including|such)|[,\-–(/&])$", re.I)


def join_wrapped(text: str, lines: list[Range]) -> list[Range]:
    r"""Join hard-wrapped lines into the item they continue.

    A line continues the one before it when that one ends mid-sentence: with a comma or
    a connecting word ("and", "of", "with"), or without end punctuation before a line
    that opens in lower case.

    >>> t = "Experience with Python, SQL and\nmachine learning.\nGood written skills"
    >>> [t[s:e] for s, e in join_wrapped(t, list(iter_lines(t)))]
    ['Experience with Python, SQL and\nmachine learning.', 'Good written skills']
    """
    out: list[Range] = []
    for s, e in lines:
        if out:
            ps, pe = out[-1]
            prev = text[ps:pe]
            first = text[s]
            if prev[-1:] not in ".!?:;" and (_CONTINUES.search(prev) or first.islower()) \
                    and first not in BULLET_CHARS:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def split_sentences(text: str, start: int, end: int) -> list[Range]:
    """Sentences of ``text[start:end]`` (lines are split too), abbreviations kept whole.

    >>> t = "Be a U.S. citizen. Lead the team! Ok"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['Be a U.S. citizen.', 'Lead the team!', 'Ok']
    """
    out: list[Range] = []
    for ls, le in iter_lines(text, start, end):
        pos = ls
        for m in _SENT_END.finditer(text, ls, le):
            word_start = text.rfind(" ", pos, m.start()) + 1
            word = text[max(word_start, pos):m.start()].lower().lstrip("(\"“")
            if m.group().startswith(".") and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            s, e = trim(text, pos, m.end())
            if e > s:
                out.append((s, e))
            pos = m.end()
        s, e = trim(text, pos, le)
        if e > s:
            out.append((s, e))
    return out


def fold_ws(text: str) -> str:
    """Fold runs of white space into one space.

    >>> fold_ws(" a \\n b ")
    'a b'
    """
    return _WS.sub(" ", text).strip()
