"""Count heading candidates in the dev corpora, to curate ``patterns/headings.jsonl`` by hand.

Usage (from the repo root)::

    python benchmarks/mine_headings.py [DATA_DIR] [--min 3] [--top 400] [--known]

A candidate is a short line (at most 8 words, 60 characters, no sentence punctuation):
- Glassdoor: a line standing alone, followed by another line ("Responsibilities:");
- NHS (description unescaped) and Indeed: the text of ``<b>``, ``<strong>``, ``<h1>``-``<h4>``;
- LA City: an UPPER CASE line.
Each is keyed as the lexicon keys it (lower case, Markdown and a trailing colon dropped).
Printed: postings, distinct employers, key, current label, postings per source.
``--known`` also lists the candidates the lexicon already holds; by default they are hidden.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dev_gold import read_jsonl  # noqa: E402

_HEAD_TAGS = frozenset("b strong h1 h2 h3 h4".split())
_SENTENCE = re.compile(r"[.!?;]\s|[.!?]$|https?:|@")


def key(line: str) -> Optional[str]:
    """The lexicon key of a heading candidate: ``"**What You'll Do:**"`` → ``"what you'll do"``."""
    s = re.sub(r"^\s*(?:#{1,6}\s*|\*\*|__)", "", line)
    s = re.sub(r"(?:\*\*|__)?\s*[:：\-–—]?\s*(?:\*\*|__)?\s*$", "", s).strip()
    s = " ".join(s.lower().split())
    if not s or len(s) > 60 or len(s.split()) > 8 or _SENTENCE.search(s) or not re.search(r"[a-z]", s):
        return None
    return s.replace("’", "'")


class _Bold(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.buf: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _HEAD_TAGS:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in _HEAD_TAGS and self.depth:
            self.depth -= 1
            if not self.depth:
                self.found.append("".join(self.buf))
                self.buf = []

    def handle_data(self, data):
        if self.depth:
            self.buf.append(data)


def bold_texts(markup: str) -> list[str]:
    p = _Bold()
    p.feed(markup)
    return p.found


def candidates(data: Path) -> Iterator[tuple[str, str, str]]:
    """``(source, key, employer)`` for every heading candidate, each counted once per posting.

    The employer tells a house template (one employer, many postings) from common usage;
    Indeed's pages do not name theirs, so each page counts as its own.
    """
    for row in read_jsonl(data / "glassdoor.jsonl"):
        lines = [ln.strip() for ln in (row.get("Job Description") or "").split("\n")]
        lines = [ln for ln in lines if ln]
        seen = set()
        for ln, nxt in zip(lines, lines[1:]):
            k = key(ln)
            if k and k not in seen and (ln.endswith(":") or len(nxt) > len(ln)):
                seen.add(k)
                yield "glassdoor", k, (row.get("Company Name") or "").split("\n")[0]
    for name, field, unescape in (("nhs_jobs", "description", True), ("indeed_html", "html", False)):
        source = name.split("_")[0]
        for n, row in enumerate(read_jsonl(data / f"{name}.jsonl")):
            employer = (row.get("hiringOrganization") or {}).get("name") or f"page {n}"
            markup = row.get(field) or ""
            markup = html.unescape(markup) if unescape else markup
            for k in {key(t) for t in bold_texts(markup)} - {None}:
                yield source, k, employer
    for row in read_jsonl(data / "la_city_bulletins.jsonl"):
        seen = set()
        for ln in row["text"].split("\n")[3:]:  # past the title and class code lines
            ln = ln.strip()
            if ln and ln.upper() == ln and re.search(r"[A-Z]{3}", ln):
                k = key(ln)
                if k and k not in seen:
                    seen.add(k)
                    yield "la_city", k, "City of Los Angeles"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "dev"))
    ap.add_argument("--min", type=int, default=3, help="least number of postings")
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--known", action="store_true", help="also list candidates already in the lexicon")
    args = ap.parse_args(argv)

    from jobextract import lexicons

    known = {r.pattern.replace("’", "'"): r.label for r in lexicons.headings()}
    per_source: dict[str, Counter] = defaultdict(Counter)
    employers: dict[str, set] = defaultdict(set)
    for source, k, employer in candidates(Path(args.data)):
        per_source[k][source] += 1
        employers[k].add((source, employer))
    rows = sorted(per_source.items(), key=lambda kv: -sum(kv[1].values()))
    shown = 0
    for k, by in rows:
        total = sum(by.values())
        if total < args.min or shown >= args.top or (k in known and not args.known):
            continue
        shown += 1
        where = ", ".join(f"{s} {n}" for s, n in by.most_common())
        print(f"{total:5d} {len(employers[k]):4d}  {k!r:50s} {known.get(k, '-'):24s} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
