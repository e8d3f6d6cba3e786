"""Find the postings on a page that holds several, after unrelated text.

A posting opens with a location line ("US, WA, Seattle", "Seattle, WA", "London, UK")
followed by its body, and runs to the next such line. Text before the first posting
(an article, "Related content") is not a posting. Where most postings on the page (three in
four) are one block of lines each, every posting ends at its first blank line: what follows
one (the next page's article, a footer) is not part of it.

>>> page = "News of the day.\\nRelated content\\nUS, WA, Seattle\\nWe build.\\nIN, KA, Bengaluru\\nWe ship."
>>> [page[s:e] for s, e in posting_ranges(page)]
['US, WA, Seattle\\nWe build.', 'IN, KA, Bengaluru\\nWe ship.']
>>> [page[s:e] for s, e in posting_ranges(page + "\\n\\nNext article.\\nMore news.")][-1]
'IN, KA, Bengaluru\\nWe ship.'
"""
from __future__ import annotations

import re

from .geo import parse_location
from .layout import iter_lines

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LOCATION_LINE = re.compile(r"^[A-Z][A-Za-z.'’\- ]*(?:,\s*[A-Z][A-Za-z.'’\- ]*){1,3}$")


def posting_ranges(page: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each posting on ``page``, in order; ``[]`` if none opens."""
    lines = list(iter_lines(page))
    starts = []
    for i, (s, e) in enumerate(lines):
        line = page[s:e]
        if len(line) > 60 or not _LOCATION_LINE.match(line) or i + 1 >= len(lines):
            continue
        if parse_location(line) is not None:
            starts.append(i)
    ranges = []
    for k, i in enumerate(starts):
        start = lines[i][0]
        last = (starts[k + 1] - 1) if k + 1 < len(starts) else len(lines) - 1
        if last <= i:
            continue  # a location line with no body is not a posting
        ranges.append((start, lines[last][1]))
    gaps = [_BLANK_LINE.search(page, s, e) for s, e in ranges]
    blocks = sum(1 for gap in gaps if gap is None)
    if blocks >= 2 and blocks >= 0.75 * len(ranges):
        ranges = [(s, gap.start() if gap else e) for (s, e), gap in zip(ranges, gaps)]
    return ranges
