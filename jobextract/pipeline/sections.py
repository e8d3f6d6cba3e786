"""``jobextract_sections``: find the headings of a posting and the sections they open.

A heading is recognised by its words (the heading lexicon, ``patterns/headings.jsonl``,
in a ``PhraseMatcher``) and by its layout: on a line of its own (plain text, Markdown,
UPPER CASE, ending with ":"), or inline in flattened text, where a distinctive phrase
opens with a capital and is followed by a capitalised word, a bullet or a colon
("... in the cloud Key job responsibilities • Translate ...").

Results on the Doc:
- ``doc.spans["jobextract_headings"]``: one span per heading, labelled with its section label;
- ``doc.spans["jobextract_sections"]``: the header lines (``header``), the text before the
  first heading (``summary``), then one span per heading, from the heading to the next one.

>>> import jobextract
>>> doc = jobextract.load()("We build rockets. Key job responsibilities • Lead design")
>>> [(s.label_, s.text) for s in doc.spans["jobextract_sections"]]
[('summary', 'We build rockets.'), ('responsibilities', 'Key job responsibilities • Lead design')]
"""
from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from typing import Iterable, Iterator, NamedTuple, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .. import lexicons
from ..layout import BULLET_CHARS, iter_lines, list_markers, split_items, trim
from . import doc_text

HEADINGS_KEY = "jobextract_headings"
SECTIONS_KEY = "jobextract_sections"

_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|\*\*|__|\*(?=\S))")
_MD_SUFFIX = re.compile(r"(?:\*\*|__|\*)?\s*(?:[:：\-–—]|\.\.\.|…)?\s*(?:\*\*|__|\*)?\s*$")
_MD_SUFFIX_CHARS = "*_:：-–—.…"  # with white space, all that _MD_SUFFIX can match


def _strip_md_suffix(line: str) -> str:
    """``_MD_SUFFIX.sub("", line)``, with the regex tried on the line's last characters only.

    A match is made of white space and ``_MD_SUFFIX_CHARS`` up to the end, so it starts
    inside the run of them that ends the line; tried from every character of a long
    line, the regex cost most of :meth:`SectionDetector.classify_line`.

    >>> _strip_md_suffix("**Skills & Experience** :"), _strip_md_suffix("Responsibilities...")
    ('**Skills & Experience', 'Responsibilities')
    """
    cut = len(line)
    while cut and (line[cut - 1].isspace() or line[cut - 1] in _MD_SUFFIX_CHARS):
        cut -= 1
    return line[:cut] + _MD_SUFFIX.sub("", line[cut:])


_HEADING_PUNCT = re.compile(r"[.!?;]\s|[.!?]$")
_SMALL_WORDS = frozenset("a an and & of for the to in on at with or your our you we".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&/\-]*")
_AFTER_OK = re.compile(rf"[ \t]*(?:$|\n|[:：]|[{BULLET_CHARS}]|[-*–](?=\s)|\d{{1,2}}[.)]\s|[\"“(]?[A-Z0-9])")


@Language.factory(
    "jobextract_sections",
    default_config={"inline_headings": True, "header_max_lines": 4, "classifier": True},
)
def make_sections(nlp: Language, name: str, inline_headings: bool, header_max_lines: int,
                  classifier: bool) -> "SectionDetector":
    return SectionDetector(nlp, name, inline_headings=inline_headings, header_max_lines=header_max_lines,
                           classifier=classifier)


class SectionDetector:
    """Split a Doc into labelled sections from the heading lexicon and layout cues."""

    def __init__(self, nlp: Language, name: str = "jobextract_sections", *, inline_headings: bool = True,
                 header_max_lines: int = 4, classifier: bool = True) -> None:
        self.name = name
        self.classifier = classifier
        self.inline_headings = inline_headings
        self.header_max_lines = header_max_lines
        rules = lexicons.headings()
        if not rules:
            warnings.warn("jobextract_sections: the heading lexicon is empty; no section will be found")
        self.rules = {}
        for rule in rules:
            for variant in {rule.pattern, rule.pattern.replace("'", "’"), rule.pattern.replace("’", "'")}:
                self.rules.setdefault(variant, rule)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # one match id per rule: a match's text may be spaced unlike its pattern
        # ("Skills &Experience" matches "skills & experience")
        self._rule_of: dict[int, object] = {}
        for variant, pattern_doc in zip(self.rules, nlp.tokenizer.pipe(self.rules)):
            key = nlp.vocab.strings.add(f"jobextract_heading:{variant}")
            self._rule_of[key] = self.rules[variant]
            self.matcher.add(f"jobextract_heading:{variant}", [pattern_doc])

    def __call__(self, doc: Doc) -> Doc:
        plan = self._plan(doc)
        return self._finish(doc, plan, _votes([plan]))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """As :meth:`__call__` on each Doc, with one classifier call for the whole batch."""
        for batch in minibatch(docs, batch_size):
            plans = [self._plan(doc) for doc in batch]
            votes = _votes(plans)
            for doc, plan in zip(batch, plans):
                yield self._finish(doc, plan, votes)

    def _plan(self, doc: Doc) -> "_Plan":
        """The headings and sections of ``doc``, with the classifier's votes still to take.

        A section is ``(start, end, label, heading, relabel, listing)``: ``heading`` the
        heading's range (or ``None``); ``relabel`` the range whose vote replaces the label
        ``other``; ``listing`` ``(at, start, end)`` where an unheaded list starts and the
        range whose vote labels it. What is voted on never depends on another vote: a vote
        never gives ``summary``, the one label that asks for an unheaded list.
        """
        text = doc_text(doc)
        headings: list[tuple[int, int, str]] = []  # (start, end, label) in characters
        line_heads = self._line_headings(text)
        headings.extend(line_heads)
        if self.inline_headings:
            headings.extend(self._inline_headings(doc, text, line_heads))
        headings = _drop_overlaps(headings)
        headings = _with_boundaries(text, headings)
        header_end = self._header_end(text, [h for h in headings if h[1] > h[0]])

        parts: list[tuple] = []
        if header_end:
            parts.append((0, header_end, "header", None, None, None))
        first = headings[0][0] if headings else len(text)
        s, e = trim(text, header_end, first)
        if e > s:
            listing = self._unheaded_list(text, s, e) if self.classifier else None
            parts.append((s, e, "summary", None, None, listing))
        for i, (hs, he, label) in enumerate(headings):
            stop = headings[i + 1][0] if i + 1 < len(headings) else len(text)
            body_s, body_e = trim(text, he, stop, chars=" \t\r\n\u00a0:：")
            if body_e <= body_s and i + 1 < len(headings) and headings[i + 1][2] == label:
                continue  # a heading written twice in a row ("Responsibilities Responsibilities")
            # no heading decides: the classifier does
            relabel = (body_s, body_e) if label == "other" and self.classifier and body_e > body_s else None
            s, e = trim(text, hs, stop)
            # "Job Description" prose, then a list of duties no heading names
            listing = self._unheaded_list(text, body_s, e) if label == "summary" and self.classifier else None
            parts.append((s, e, label, (hs, he) if he > hs else None, relabel, listing))
        parts = self._overviews_as_summary(text, parts)
        ballots = {r: _ballot(doc, text, *r) for part in parts for r in (part[4], part[5] and part[5][1:]) if r}
        return _Plan(text, parts, ballots)

    def _overviews_as_summary(self, text: str, parts: list[tuple]) -> list[tuple]:
        r"""An overview heading's prose ("About the role: We are hiring a ...") is the summary,
        not the duties, where another section lists the duties.

        >>> from jobextract.api import load
        >>> t = "About the role:\nWe are hiring a Data Engineer.\nResponsibilities:\n- Build pipelines\n- Test them"
        >>> [label for s, e, label, *_ in load().get_pipe("jobextract_sections")._plan(load().make_doc(t)).parts]
        ['summary', 'responsibilities']
        """
        def body(part):
            return (part[3][1] if part[3] else part[0]), part[1]

        def overview(part):
            if not part[3]:
                return False
            key = " ".join(_strip_md_suffix(_MD_PREFIX.sub("", text[slice(*part[3])])).strip(" \t:：*_").lower().split())
            rule = self.rules.get(key)
            return rule is not None and rule.overview

        duties = [p for p in parts if p[2] == "responsibilities"]
        if len(duties) < 2:
            return parts
        listed = [bool(list_markers(text, *body(p))) for p in duties]
        if not any(listed):
            return parts
        prose = {p[0] for p, is_list in zip(duties, listed) if not is_list and overview(p)}
        return [(p[0], p[1], "summary", *p[3:]) if p[2] == "responsibilities" and p[0] in prose else p
                for p in parts]

    @staticmethod
    def _finish(doc: Doc, plan: "_Plan", votes: dict) -> Doc:
        """Set the heading and section spans of ``plan``, its votes taken."""
        text = plan.text
        heading_spans, section_spans = [], []
        for s, e, label, heading, relabel, listing in plan.parts:
            if relabel:
                label = votes[id(plan), relabel] or label
            if heading:  # a boundary sentence opens its section without a heading
                heading_spans.append(doc.char_span(*heading, label=label, alignment_mode="expand"))
            list_label = votes[id(plan), listing[1:]] if listing else None
            if list_label:
                at = listing[0]
                section_spans.append(doc.char_span(s, trim(text, s, at)[1], label=label, alignment_mode="expand"))
                section_spans.append(doc.char_span(at, e, label=list_label, alignment_mode="expand"))
            else:
                section_spans.append(doc.char_span(s, e, label=label, alignment_mode="expand"))
        doc.spans[HEADINGS_KEY] = [sp for sp in heading_spans if sp is not None]
        doc.spans[SECTIONS_KEY] = _disjoint(doc, [sp for sp in section_spans if sp is not None])
        return doc

    # -- headings on a line of their own ------------------------------------------------
    def _line_headings(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        if "\n" not in text:
            return out
        for n, (s, e) in enumerate(iter_lines(text)):
            if e - s > 80:
                continue
            label = self.classify_line(text[s:e])
            if label == "other" and n == 0:
                continue  # an unknown first line ("311 DIRECTOR") is the posting's title line
            if label:
                out.append((s, e, label))
        return out

    def classify_line(self, line: str) -> Optional[str]:
        """The section label of a line that is a heading, else ``None``.

        A line is a heading when it is a lexicon phrase, or when it is short and marked as
        one (a colon or "..." at its end, Markdown, UPPER CASE, or Title Case ending in a
        lexicon phrase). A lead-in sentence ending with a colon ("As a Data Scientist,
        you will:") opens the section its cue names.

        >>> from jobextract.api import load
        >>> det = load().get_pipe("jobextract_sections")
        >>> det.classify_line("## What you'll do"), det.classify_line("PREFERRED SKILLS:")
        ('responsibilities', 'preferred_qualifications')
        >>> det.classify_line("Required Skills & Experience"), det.classify_line("As a Data Scientist at Wish, you will:")
        ('requirements', 'responsibilities')
        >>> det.classify_line("You will design systems.") is None, det.classify_line("Benefits Manager") is None
        (True, True)
        """
        if line[:1] in BULLET_CHARS or line.startswith(("- ", "* ", "+ ")):
            return None
        body = _MD_PREFIX.sub("", line)
        markdown = len(body) < len(line)
        if markdown and line.lstrip()[:1] in "*_" and not line.rstrip().rstrip(":：").endswith(("**", "__", "*", "_")):
            return None  # "**Acme Corp** · Berlin": bold opens the line but is not the whole line
        stripped = _strip_md_suffix(body).strip()
        colon = line.rstrip(" *_").endswith((":", "：", "...", "…"))
        key = " ".join(stripped.lower().split())
        if not key:
            return None
        rule = self.rules.get(key)
        if rule is not None:
            return rule.label
        words = _WORD.findall(stripped)
        if colon and 3 <= len(words) <= 25:
            from .items import classify_sentence  # a lead-in: "In this role, you will:"

            cue = classify_sentence(stripped)
            if cue:
                return cue
        if not words or len(words) > 8 or _HEADING_PUNCT.search(stripped):
            return None
        caps = (stripped.isupper() and stripped[:1].isalnum() and sum(len(w) for w in words) >= 4
                and not re.search(r"[:：]\s*\S", stripped))  # "REVISED: 11-12-14" is a field, not a heading
        contained = self._contained(key)
        if contained:
            label, at_end = contained
            title_case = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
            if colon or markdown or caps or (title_case and at_end):
                return label
        if colon or markdown or caps:
            return _label_by_keyword(key) or "other"
        return None

    def _contained(self, key: str) -> Optional[tuple[str, bool]]:
        """(label, at end?) of the longest lexicon phrase inside a heading line's words."""
        words = key.replace("&", " & ").split()
        best = None
        for n in range(min(len(words), 6), 0, -1):
            for i in range(len(words) - n + 1):
                rule = self.rules.get(" ".join(words[i:i + n]))
                if rule is not None and (len(rule.pattern) > 3):
                    at_end = i + n == len(words)
                    if best is None or at_end and not best[1]:
                        best = (rule.label, at_end)
            if best:
                return best
        return None

    # -- headings inline in flattened text ---------------------------------------------
    def _inline_headings(self, doc: Doc, text: str, line_heads) -> list[tuple[int, int, str]]:
        taken_starts = [s for s, _, _ in line_heads]  # in text order, disjoint
        taken_ends = [e for _, e, _ in line_heads]
        out = []
        for match_id, start, end in self.matcher(doc):
            s = doc[start].idx
            if not text[s].isupper():
                continue  # most matches: a heading phrase inside a sentence ("our benefits")
            i = bisect_right(taken_starts, s) - 1
            if i >= 0 and s < taken_ends[i]:
                continue
            last = doc[end - 1]
            e = last.idx + len(last)
            rule = self._rule_of[match_id]
            after = _AFTER_OK.match(text, e)
            if after is None:
                continue
            nxt = _skip_blanks(text, e)
            colon = nxt < len(text) and text[nxt] in ":："
            bullet = _after_is_bullet(text, e)
            if rule.inline or colon or bullet:
                if not rule.inline and not _boundary_before(text, s) and not (bullet and _in_flat_list(text, s)):
                    continue
                out.append((s, nxt + 1 if colon else e, rule.label))
        return out

    @staticmethod
    def _unheaded_list(text: str, start: int, end: int) -> Optional[tuple[int, int, int]]:
        r"""A bulleted list at the end of the summary that no heading names: where it starts
        (with its lead-in line), and the range of its items, whose vote labels it.

        >>> t = "Intro\nJob Description\n• Build data pipelines\n• Define metrics\n• Own quality"
        >>> SectionDetector._unheaded_list(t, 22, len(t))[0]
        22
        """
        found = [m for m in list_markers(text, start, end) if _at_line_start(text, m[0])]
        if len(found) < 3:
            return None
        first = found[0][0]
        line_start = max(start, text.rfind("\n", 0, first) + 1)  # never before the range: a list on its first line
        prev_end = text.rfind("\n", start, max(start, line_start - 1))
        lead_in = text[prev_end + 1:line_start].strip() if prev_end >= start - 1 else ""
        at = line_start
        if lead_in.endswith((":", "：")):
            at = text.find(lead_in, prev_end + 1)
        return at, first, end

    def _header_end(self, text: str, headings) -> int:
        """End of the header: the short lines that open a posting (location, title)."""
        first_heading = headings[0][0] if headings else len(text)
        end = 0
        lines = list(iter_lines(text, 0, first_heading))
        if not lines or len(lines) < 2 and not (headings and "\n" in text[lines[0][1]:first_heading]):
            return 0  # one line alone is a header only when a heading follows on its own line
        for s, e in lines[: self.header_max_lines]:
            line = text[s:e]
            piped = line.count("|") >= 2  # "Company | Role | Location | Remote"
            if (len(line) > (200 if piped else 100) or line.rstrip().endswith((".", "!", "?"))
                    or (len(line.split()) > 15 and not piped)):
                break
            end = e
        if end and end == lines[-1][1] and not headings:
            return 0  # nothing but short lines: leave them to the summary
        return end


_EEO = re.compile(r"(?:is|are)[ \t]+(?:an?[ \t]+|a[ \t]+proud[ \t]+)?(?:equal[ \t]+(?:opportunity|employment)|EEO\b|EOE\b|affirmative[ \t]+action)")
_EEO_NAME = re.compile(r"(?:(?:[A-Z][\w&.'’\-]{0,40}|and|&|of)[ \t]+){1,8}$")
_PAY_STATEMENT = re.compile(r"(?:[Ss]alary|[Pp]ay|[Cc]ompensation)[ \t]+(?:range|rate)s?[ \t]+(?:for|of|is)\b")
_PAY_OPENING = re.compile(r"(?:The[ \t]+)?(?:[Bb]ase[ \t]+)?$")


# Every match of _EEO holds one of these; every match of _PAY_STATEMENT ends with _PAY_TAIL
# after one of _PAY_WORDS and white space. The cheap tests run first (same matches).
_EEO_NEEDLES = ("equal", "EEO", "EOE", "affirmative")
_PAY_TAIL = re.compile(r"(?:range|rate)s?[ \t]+(?:for|of|is)\b")
_PAY_WORDS = ("Salary", "salary", "Pay", "pay", "Compensation", "compensation")


def _boundaries(text: str):
    """(start, label) of each sentence that opens a legal or pay section.

    >>> list(_boundaries("Acme Corp is an equal opportunity employer. The salary range for this role is $1"))
    [(0, 'legal'), (44, 'salary')]
    """
    if any(needle in text for needle in _EEO_NEEDLES):
        for m in _EEO.finditer(text):
            name = _EEO_NAME.search(text, max(0, m.start() - 160), m.start())
            if name:
                yield name.start(), "legal"
    for start in _pay_statements(text):
        opening = _PAY_OPENING.search(text, max(0, start - 12), start)
        start = opening.start() if opening else start
        if text[start:start + 1].isupper():
            yield start, "salary"


def _pay_statements(text: str):
    """Where each match of ``_PAY_STATEMENT`` starts, found from its rarer tail ("range
    for", "rate of") and checked back from there: every match holds a tail, and no two
    matches share one.

    >>> t = "Our pay  rates of $20 and compensation range is wide; the basepay rate for"
    >>> list(_pay_statements(t)) == [m.start() for m in _PAY_STATEMENT.finditer(t)] == [4, 26, 62]
    True
    """
    for tail in _PAY_TAIL.finditer(text):
        end = tail.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end < tail.start():
            for word in _PAY_WORDS:
                if text.endswith(word, 0, end):
                    yield end - len(word)
                    break


def _with_boundaries(text: str, headings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add an empty heading where a boundary sentence opens a legal or pay section that
    no heading opens: an equal-opportunity statement ("Acme is an equal opportunity
    employer"), a pay statement ("The base salary range for this position is ...").
    Flattened postings end their last list with them.

    >>> t = "Requirements - PhD in statistics Acme is an equal opportunity employer."
    >>> _with_boundaries(t, [(0, 12, "requirements")])
    [(0, 12, 'requirements'), (33, 33, 'legal')]
    """
    out = list(headings)
    for start, label in _boundaries(text):
        if any(hs <= start < _section_end(headings, i, len(text)) and lab == label
               for i, (hs, he, lab) in enumerate(headings)):
            continue  # already inside a section of that kind
        if any(hs <= start < he for hs, he, _ in headings):
            continue
        out.append((start, start, label))
    return sorted(set(out))


def _disjoint(doc: Doc, spans: list[Span]) -> list[Span]:
    """The sections in text order, none overlapping the one before it: a boundary inside a
    token ("0A is an equal opportunity employer" opens a section at "A") is widened to the
    token's edges, and the later section gives way.

    >>> from jobextract.api import load
    >>> doc = load().make_doc("0A is equal")
    >>> [(s.start, s.end) for s in _disjoint(doc, [doc[0:1], doc[0:3]])]
    [(0, 1), (1, 3)]
    """
    out: list[Span] = []
    for span in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if out and span.start < out[-1].end:
            if span.end <= out[-1].end:
                continue
            span = Span(doc, out[-1].end, span.end, label=span.label)
        out.append(span)
    return out


def _section_end(headings, i: int, default: int) -> int:
    return headings[i + 1][0] if i + 1 < len(headings) else default


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


_VOTED = ("responsibilities", "requirements", "benefits", "team", "about_company")


class _Plan(NamedTuple):
    text: str
    parts: list
    ballots: dict  # range -> (pieces, their token spans)


def _ballot(doc: Doc, text: str, start: int, end: int) -> tuple[list[str], list]:
    """The items of ``text[start:end]`` the classifier votes on, with their tokens."""
    ranges = [(s, e) for s, e in split_items(text, start, end)][:40]
    ranges = [(s, e) for s, e in ranges if len(text[s:e].split()) >= 3]
    return [text[s:e] for s, e in ranges], [token_span(doc, text, s, e) for s, e in ranges]


def token_span(doc: Doc, text: str, start: int, end: int) -> Optional[Span]:
    """The span of ``doc`` whose tokens are those of ``text[start:end]`` tokenised alone,
    or ``None``.

    spaCy's tokeniser splits the text at white space and then works on each white-space
    delimited chunk by itself (the same chunk always gives the same tokens): a range that
    opens and closes at white space (or the text's ends) holds exactly the chunks the
    range alone would give. A range that cuts a chunk ("•Lead design") may not.
    """
    if (start and not text[start - 1].isspace()) or (end < len(text) and not text[end].isspace()):
        return None
    return doc.char_span(start, end)


def _votes(plans: list[_Plan]) -> dict:
    """``(id(plan), range) -> label or None`` for every ballot of ``plans``, in one
    classifier call."""
    from .. import classifier

    votes = {}
    sentences: list[str] = []
    spans: list = []
    for plan in plans:
        for pieces, tokens in plan.ballots.values():
            sentences.extend(pieces)
            spans.extend(tokens)
    if not sentences or not classifier.available():
        return {(id(plan), r): None for plan in plans for r in plan.ballots}
    answers = iter(classifier.classify(sentences, spans))
    for plan in plans:
        for r, (pieces, _) in plan.ballots.items():
            votes[id(plan), r] = _vote([next(answers) for _ in pieces])
    return votes


def _vote(votes: list[tuple[str, float]], *, share: float = 0.6, confidence: float = 0.55) -> Optional[str]:
    """The label most items get from the sentence classifier (``votes``), when enough of
    them agree and are sure enough; else ``None``."""
    if not votes:
        return None
    best = max(_VOTED, key=lambda lab: sum(1 for v, _ in votes if v == lab))
    probs = [p for v, p in votes if v == best]
    if len(probs) >= share * len(votes) and sum(probs) / len(probs) >= confidence:
        return best
    return None


def _label_by_keyword(key: str) -> Optional[str]:
    for label, words in _KEYWORDS:
        if any(w in key for w in words):
            return label
    return None


_KEYWORDS = (
    ("preferred_qualifications", ("preferred", "desirable", "desired", "nice to have", "bonus", "plus")),
    ("requirements", ("qualification", "requirement", "skills", "experience", "education", "must have", "knowledge")),
    ("responsibilities", ("responsibilit", "duties", "what you'll do", "what you will do", "your role", "the role")),
    ("benefits", ("benefit", "perks", "we offer", "rewards")),
    ("salary", ("salary", "compensation", "pay range")),
    ("how_to_apply", ("apply", "application")),
    ("legal", ("equal opportunity", "eeo", "disclaimer")),
    ("team", ("the team", "our team")),
    ("about_company", ("about us", "about the company", "who we are")),
)


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _after_is_bullet(text: str, pos: int) -> bool:
    i = _skip_blanks(text, pos)
    return i < len(text) and (text[i] in BULLET_CHARS or (text[i] in "-*–" and text[i + 1:i + 2].isspace()))


def _in_flat_list(text: str, pos: int, reach: int = 600) -> bool:
    """Whether ``pos`` follows a bullet sign on its own line: inside a flattened list,
    where a heading ends the item before it without a full stop ("... agreements
    Qualifications · Bachelor's degree").

    >>> _in_flat_list("Duties · Manage renewals Qualifications · A degree", 25), _in_flat_list("Our Benefits · x", 4)
    (True, False)
    """
    line_start = text.rfind("\n", 0, pos) + 1
    window = text[max(line_start, pos - reach):pos]
    return any(c in window for c in BULLET_CHARS)


def _boundary_before(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n" or text[i] in BULLET_CHARS


def _drop_overlaps(headings: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping headings, in text order.

    >>> _drop_overlaps([(0, 5, "a"), (3, 12, "b"), (12, 14, "c")])
    [(3, 12, 'b'), (12, 14, 'c')]
    """
    kept: list[tuple[int, int, str]] = []  # disjoint, in text order
    starts: list[int] = []
    for h in sorted(headings, key=lambda h: (-(h[1] - h[0]), h[0])):
        i = bisect_right(starts, h[0])
        if (i and kept[i - 1][1] > h[0]) or (i < len(kept) and kept[i][0] < h[1]):
            continue  # overlaps the kept heading before or after it
        starts.insert(i, h[0])
        kept.insert(i, h)
    return kept
