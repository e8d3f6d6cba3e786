"""``jobextract_items``: the responsibilities, requirements, preferred qualifications and
benefits of a posting, one span per bullet (or per sentence where there are no bullets).

Inside a labelled section, every bullet is an item; a lead-in ("In this role you will:")
and sub-headings ("Scientific Modeling", "Data Infrastructure") are not. Where a posting
has no section for a label, the sentences of its prose (summary, "A day in the life")
that state a duty or a requirement are taken instead, by the cue rules in
``patterns/sentence_cues.jsonl``.

Results: ``doc.spans["jobextract_items"]``, each span labelled with its field, its
``kb_id_`` saying where it came from (``section`` or ``prose``).

>>> import jobextract
>>> doc = jobextract.load()("Key job responsibilities • Lead design • Write code")
>>> [(s.label_, s.text) for s in doc.spans["jobextract_items"]]
[('responsibilities', 'Lead design'), ('responsibilities', 'Write code')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicons
from ..layout import Range, split_items, split_sentences, trim
from ..prefilter import required_strings
from . import doc_text
from .sections import HEADINGS_KEY, SECTIONS_KEY

ITEMS_KEY = "jobextract_items"
ITEM_LABELS = ("responsibilities", "requirements", "preferred_qualifications", "benefits")
PROSE_LABELS = ("summary", "day_in_the_life", "other")
_CONNECTORS = frozenset(
    "and or of the a an in on with for to at by from across within into via & as is are be".split()
)


@Language.factory("jobextract_items", default_config={"prose_fallback": True})
def make_items(nlp: Language, name: str, prose_fallback: bool) -> "ItemExtractor":
    return ItemExtractor(name, prose_fallback=prose_fallback)


class ItemExtractor:
    """Turn labelled sections into item spans; fall back to cue sentences in prose."""

    def __init__(self, name: str = "jobextract_items", *, prose_fallback: bool = True) -> None:
        self.name = name
        self.prose_fallback = prose_fallback

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        heading_end = {h.start_char: h.end_char for h in doc.spans.get(HEADINGS_KEY, [])}
        sections = list(doc.spans.get(SECTIONS_KEY, []))
        found: list[tuple[int, int, str, str]] = []
        for sec in sections:
            if sec.label_ not in ITEM_LABELS:
                continue
            body = trim(text, heading_end.get(sec.start_char, sec.start_char), sec.end_char,
                        chars=" \t\r\n\u00a0:：")
            for s, e in item_ranges(text, *body):
                found.append((s, e, sec.label_, "section"))
        if self.prose_fallback:
            found.extend(self._from_prose(text, sections, {f[2] for f in found} | _labels(sections)))
        spans = []
        for s, e, label, origin in sorted(found):
            span = doc.char_span(s, e, label=label, kb_id=origin, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[ITEMS_KEY] = spans
        return doc

    def _from_prose(self, text: str, sections, have: set[str]) -> list[tuple[int, int, str, str]]:
        want_resp = "responsibilities" not in have
        want_req = not ({"requirements", "preferred_qualifications"} & have)
        if not (want_resp or want_req):
            return []
        out = []
        for sec in sections:
            if sec.label_ not in PROSE_LABELS:
                continue
            for s, e in split_sentences(text, sec.start_char, sec.end_char):
                label = classify_sentence(text[s:e])
                if label is None and sec.label_ == "day_in_the_life":
                    label = "responsibilities"
                if label == "requirements" and want_req or label == "responsibilities" and want_resp:
                    out.append((s, e, label, "prose"))
        return out


def _labels(sections) -> set[str]:
    return {s.label_ for s in sections}


def classify_sentence(sentence: str) -> str | None:
    """``requirements`` or ``responsibilities`` when a cue rule says so, else ``None``.

    Questions and conditionals ("If you are passionate ...") state neither.

    >>> classify_sentence("The ideal candidate has experience in Python.")
    'requirements'
    >>> classify_sentence("You will design the data platform.")
    'responsibilities'
    >>> classify_sentence("If you have a passion for AI, apply!") is None
    True
    """
    stripped = sentence.strip()
    if not stripped or stripped.endswith("?") or stripped.startswith(("If ", "if ", "Whether ")):
        return None
    for label, regex, needles in _cue_rules():
        for needle in needles:
            if needle in stripped:
                break
        else:
            if needles:
                continue  # none of the strings every match holds: the regex cannot match
        if regex.search(stripped):
            return label
    return None


@lru_cache(maxsize=1)
def _cue_rules() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """The sentence cue rules, each with the strings one of which every match holds
    (empty: none known), a cheap test before the regex (3x faster on dev prose)."""
    return tuple((label, regex, tuple(sorted(needles(regex) or ()))) for label, regex in lexicons.sentence_cues())


try:  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def needles(regex: re.Pattern[str]) -> Optional[frozenset[str]]:
    """Strings one of which every match of ``regex`` holds, or ``None`` when none is known.

    Read from the parsed regex: a run of literal characters must appear as it is, a group
    holds what its contents hold, an alternation one of what its branches hold, a repeat
    of at least one what its item holds; of these, the longest strings are kept.
    Case-insensitive regexes get ``None``.

    >>> sorted(needles(re.compile(r"\\b(?:must|should) (?:be|have|possess)\\b")))
    ['must', 'should']
    >>> sorted(needles(re.compile(r"\\bin this role\\b|\\bas part of this role\\b")))
    ['as part of this role', 'in this role']
    >>> needles(re.compile(r"\\w+ing")), needles(re.compile("(?i)team")) is None
    (frozenset({'ing'}), True)
    """
    if regex.flags & re.IGNORECASE:
        return None
    return required_strings(_sre_parse.parse(regex.pattern, regex.flags), _rank, case_sensitive=True)


def _rank(found: frozenset[str]) -> tuple[int, int]:
    return min(map(len, found)), -len(found)


def item_ranges(text: str, start: int, end: int) -> list[Range]:
    """Items of a section body, without lead-ins and sub-headings.

    >>> t = "In this role you will: • Lead design • Ship code"
    >>> [t[s:e] for s, e in item_ranges(t, 0, len(t))]
    ['Lead design', 'Ship code']
    >>> t = "Modeling - Build models. Delivery Support - Ship them"
    >>> [t[s:e] for s, e in item_ranges(t, 0, len(t))]
    ['Build models.', 'Ship them']
    """
    pieces = split_items(text, start, end)
    if not pieces:
        return []
    bulleted = len(pieces) > 1 and pieces[0][0] == start and pieces[0][1] < pieces[1][0]
    out: list[Range] = []
    lined = not bulleted and len(pieces) > 1 and "\n" in text[start:end]
    for i, (s, e) in enumerate(pieces):
        if i == 0 and bulleted and len(pieces) > 1 and (_is_lead_in(text[s:e]) or _is_prose(text, s, e)):
            continue  # what introduces the list is not an item of it
        if lined and i + 1 < len(pieces) and _is_sub_heading(text[s:e]):
            continue  # a lead-in or sub-heading line inside a list ("Skills/ Abilities:")
        if i + 1 < len(pieces) and "\n" not in text[e:pieces[i + 1][0]]:
            e = _cut_trailing_subheading(text, s, e)  # only where the next item runs on in the line
        if e > s:
            out.append((s, e))
    return out


def _is_prose(text: str, start: int, end: int) -> bool:
    """A paragraph of several sentences (an introduction), not a list item.

    >>> t = "We move money for Europe. You will join the Core team."
    >>> _is_prose(t, 0, len(t)), _is_prose("Design APIs", 0, 11)
    (True, False)
    """
    return len(split_sentences(text, start, end)) >= 2 or end - start > 200


def _is_sub_heading(line: str) -> bool:
    """A line inside a list that heads part of it: a lead-in ending with a colon, or a
    short Title Case line with a heading word ("Technical Skills").

    >>> _is_sub_heading("Years of experience in the following areas:"), _is_sub_heading("Technical Skills")
    (True, True)
    >>> _is_sub_heading("Proficient in Python or R")
    False
    """
    if line.rstrip().endswith((":", "：")):
        return True
    words = {w.lower() for w in line.split()}
    return _is_lead_in(line, max_words=6, min_words=2) and bool(words & lexicons.heading_words())


def _is_lead_in(piece: str, max_words: int = 5, min_words: int = 1) -> bool:
    """A piece before the first bullet that introduces the list rather than being an item.

    >>> _is_lead_in("In this role you will:"), _is_lead_in("Scientific Modeling"), _is_lead_in("Build models")
    (True, True, False)
    """
    stripped = piece.strip()
    if stripped.endswith((":", "：")):
        return True
    words = stripped.split()
    return (min_words <= len(words) <= max_words and stripped[-1:] not in ".;!?"
            and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words))


def _cut_trailing_subheading(text: str, start: int, end: int) -> int:
    """Where a sub-heading ("... externally Product Development Support") ends an item,
    the end of the item without it.

    >>> t = "Publish findings externally Product Development Support"
    >>> t[:_cut_trailing_subheading(t, 0, len(t))]
    'Publish findings externally'
    """
    words = text[start:end].split(" ")
    if len(words) < 3 or words[-1][-1:] in ".;:,!?)":
        return end
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] in ("&", "and", "of", "for")) and len(words) - i < 5:
        i -= 1
    run = words[i:]
    if not run or not run[0][:1].isupper() or i == 0 or len(run) > 4:
        return end
    before = words[i - 1]
    if before[-1:] in ".!?;" or (before.isalpha() and before.islower() and before not in _CONNECTORS):
        cut = start + len(" ".join(words[:i]))
        return trim(text, start, cut)[1]
    return end
