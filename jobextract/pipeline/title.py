"""``jobextract_title``: the job title and the seniority it implies.

Read from a header line that names a role ("Senior Data Engineer - Columbus, GA") or
from prose that introduces it: "We are looking for an accomplished Applied Scientist",
"As a Data Scientist on our team", "We're hiring an Economist". The title ends in a head
noun from ``patterns/title_heads.jsonl``; adjectives before it ("accomplished",
``patterns/title_descriptors.jsonl``) are dropped, seniority words kept.

Result: ``doc.spans["jobextract_title"]`` holds at most one span; its
``span._.jobextract_value`` is ``{"title": ..., "seniority": ...}``.

>>> import jobextract
>>> doc = jobextract.load()("We are looking for a talented Senior Data Scientist to join us.")
>>> doc.spans["jobextract_title"][0]._.jobextract_value
{'title': 'Senior Data Scientist', 'seniority': 'senior'}
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicons
from ..geo import place_parts
from ..layout import iter_lines
from . import doc_text
from .locations import LOCATIONS_KEY
from .sections import SECTIONS_KEY

TITLE_KEY = "jobextract_title"
# Every alternative opens with a letter, so that the regex engine skips straight to the
# candidates; the word boundary before each is checked in _cue_titles (_NOT_AFTER).
_CUE = re.compile(
    r"(?:looking for|searching for|seeking|hiring|recruiting|As(?=\s+an?\s)|as(?=\s+an?\s))"
    r"\s+(?:(?:an?|one|two|several|multiple|new)\s+)?"
)
_NOT_AFTER = {"A": re.compile(r"[\w-]"), "a": re.compile(r"[\w-]")}
_NOT_AFTER_WORD = re.compile(r"\w")
_WORD = re.compile(r"[A-Za-z](?:[\w'’&+\-/]|\.(?=\w))*,?|[,;:.!?()\n]")
_STOP = frozenset(
    "who to that on in with for at within which whose where based will can is are join and/or "
    "from across into".split()
)
_SEPARATORS = re.compile(r"\s+(?:-|–|—|\||@|at)\s+|\s*[(|]")
_SEARCH_IN = ("header", "summary", "day_in_the_life", "team", "other")
# "Economists in this role partner with ...": the role named by its holders
_IN_THIS_ROLE = re.compile(r"\sin\s+this\s+(?:role|position)\b")
_HOLDERS = re.compile(r"(?<![\w\-])(?P<t>(?:[A-Z][\w\-]*\s+){0,4}[A-Za-z][\w\-]*)\s+in\s+this\s+(?:role|position)\b")


@Language.factory("jobextract_title", default_config={})
def make_title(nlp: Language, name: str) -> "TitleFinder":
    return TitleFinder(name)


class TitleFinder:
    def __init__(self, name: str = "jobextract_title") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        best: Optional[tuple[tuple, int, int, str]] = None
        located = {(s.start_char, s.end_char) for s in doc.spans.get(LOCATIONS_KEY, [])}
        for sec in doc.spans.get(SECTIONS_KEY, []):
            if sec.label_ == "header":
                for s, e in iter_lines(text, sec.start_char, sec.end_char):
                    hit = title_from_line(text, s, e)
                    if hit and any(hit[0] <= a < hit[1] for a, _ in located):
                        hit = None  # the line's first part is a place, not a title
                    if hit and (best is None or (0, s) < best[0]):
                        best = ((0, s), *hit)
                continue
            where = 1 if sec.label_ in _SEARCH_IN else 3  # prose before lists, lists last
            for hit in _cue_titles(text, sec.start_char, sec.end_char):
                s, e, title = hit
                rank = (where + (0 if title.split()[-1][:1].isupper() else 1), s)
                if best is None or rank < best[0]:
                    best = (rank, s, e, title)
        spans = []
        if best is not None:
            _, s, e, title = best
            span = doc.char_span(s, e, label="title", alignment_mode="expand")
            if span is not None:
                span._.jobextract_value = {"title": title, "seniority": seniority_of(title)}
                spans.append(span)
        doc.spans[TITLE_KEY] = spans
        return doc


def _cue_titles(text: str, start: int, end: int):
    """Titles introduced by a cue ("looking for a", "As an") or named by their holders."""
    for m in _CUE.finditer(text, start, end):
        at = m.start()
        if at and _NOT_AFTER.get(text[at], _NOT_AFTER_WORD).match(text, at - 1):
            continue  # inside a word ("overlooking", "has a")
        hit = title_after(text, m.end(), end)
        if hit:
            yield hit
    if not _IN_THIS_ROLE.search(text, start, end):
        return  # _HOLDERS tries every word of the text: look for its rare ending first
    for m in _HOLDERS.finditer(text, start, end):
        i = m.start("t")
        while i > start and text[i - 1].isspace():
            i -= 1
        if i > start and text[i - 1] not in ".!?\n":
            continue  # only a sentence that opens with the holders names the role
        words = m.group("t").split()
        while words and words[0] in ("The", "Our", "All"):
            words = words[1:]
        head = _head(words[-1]) if words else None
        if head:
            s = m.end("t") - len(" ".join(words))
            last = words[-1] if words[-1].lower() == head else words[-1][:-1]
            yield s, m.end("t"), " ".join(words[:-1] + [last])


def _head(word: str) -> Optional[str]:
    """The head noun a word is (singular), or None: 'Scientists' -> 'scientist'."""
    heads = lexicons.title_heads()
    w = word.lower().rstrip(",")
    if w in heads:
        return w
    if w.endswith("s") and w[:-1] in heads:
        return w[:-1]
    return None


def title_after(text: str, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """The title that a cue introduces at ``start``: (start, end, title) or None.

    >>> t = "seeking a self-motivated, passionate and resourceful Applied Scientist to bring"
    >>> title_after(t, 10, len(t))
    (53, 70, 'Applied Scientist')
    >>> t = "looking for Applied Scientists capable of"
    >>> title_after(t, 12, len(t))
    (12, 30, 'Applied Scientist')
    """
    words = []
    for m in _WORD.finditer(text, start, min(end, start + 160)):
        if len(m.group()) == 1 and m.group() in ",;:.!?()\n" and not m.group().isalpha():
            if m.group() != ",":
                break
            continue
        words.append(m)
        if len(words) >= 12:
            break
    first = last = None
    for i, m in enumerate(words):
        w = m.group().rstrip(",")
        if _head(w):
            if first is None:
                first = i
            last = i
            if m.group().endswith(","):
                break
            continue
        if first is not None:
            break
        if w.lower() in _STOP:
            return None
    if first is None:
        return None
    descriptors = lexicons.title_descriptors()
    begin = first
    while begin > 0 and first - begin < 5:
        prev = words[begin - 1].group()
        if prev.endswith(",") or prev.lower() in descriptors or prev.lower() in _STOP:
            break
        if prev[:1].islower() and any(w.group()[:1].isupper() for w in words[begin:last + 1]):
            break  # "experienced Senior Manager": a lower-case word before a capitalised title
        begin -= 1
    s, e = words[begin].start(), words[last].end()
    e -= text[s:e].endswith(",")
    surface = text[s:e]
    parts = surface.split()
    parts[-1] = parts[-1] if _head(parts[-1]) == parts[-1].lower() else parts[-1][:-1]
    return s, e, " ".join(parts)


def title_from_line(text: str, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """A header line that names a job title, cut before a location, company or code.

    >>> t = "Data Engineer - Columbus, GA 31909"
    >>> title_from_line(t, 0, len(t))
    (0, 13, 'Data Engineer')
    >>> t = "Acme Robotics | Senior DevOps Engineer (Remote) | Full-Time | $150k"
    >>> title_from_line(t, 0, len(t))
    (16, 38, 'Senior DevOps Engineer')
    """
    line = text[start:end]
    for a, b in place_parts(line):
        part = line[a:b]
        cut = _SEPARATORS.search(part)
        part = part[: cut.start()] if cut else part
        words = part.split()
        if not words or len(words) > 8:
            continue
        head_at = max((i for i, w in enumerate(words) if _head(w.strip(",."))), default=None)
        if head_at is None:
            continue
        last = words[head_at]
        e = a + part.find(last, len(" ".join(words[:head_at]))) + len(last)
        title = line[a:e].strip(" ,.")
        return start + a, start + a + len(title), title
    return None


def seniority_of(title: str) -> Optional[str]:
    """The level a title implies, the highest-ranked seniority word winning.

    >>> seniority_of("Senior Applied Science Manager"), seniority_of("Applied Scientist")
    ('manager', None)
    """
    table = lexicons.seniority()
    words = re.findall(r"[a-z]+", title.lower())
    found = [table[w] for w in words if w in table]
    found += [table[f"{a} {b}"] for a, b in zip(words, words[1:]) if f"{a} {b}" in table]
    if not found:
        return None
    return max(found, key=lambda r: r.rank).level
