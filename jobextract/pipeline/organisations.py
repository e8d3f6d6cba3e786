"""``jobextract_team``: which team the role joins; and the name runs it shares with
``jobextract_company`` (:mod:`jobextract.pipeline.company`, who hires).

Both look for a *name run*: capitalised words, with "and", "of", "&" between them
("Ground Software & Analytics", "People eXperience and Technology Central Science (PXTCS)").

Team, in order of trust: "part of / join the <Name> team"; "<Name> team" inside an
"About the team" section; the name that opens that section ("Sales AI is a central
organization ..."); "<Name> team" anywhere; "<Name>'s ... teams".

>>> import jobextract
>>> doc = jobextract.load()("This role will be part of the Ground Software & Analytics team. Join Acme today.")
>>> doc.spans["jobextract_team"][0].text, doc.spans["jobextract_company"][0]._.jobextract_value
('Ground Software & Analytics', 'Acme')
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..layout import split_sentences, trim
from . import doc_text
from .sections import HEADINGS_KEY, SECTIONS_KEY

TEAM_KEY = "jobextract_team"
COMPANY_KEY = "jobextract_company"

_W = r"(?:[A-Z0-9][\w'’\-/.+]*[\w+]|[A-Z0-9]|[a-z]+[A-Z][\w\-]*|\([A-Z0-9][\w\-&]*\))"
# A name opens at a word's start and runs at most 10 words: every regex below tries it at
# each position of the text, so an unanchored or unbounded run would cost quadratic time
# on a long word or a long run of capitalised words.
NAME = rf"(?<!\w){_W}(?:[ \t]+(?:(?:&|and|of|for|de|la)[ \t]*)?{_W}){{0,9}}"
_NAME_TEAM = re.compile(rf"(?P<name>(?>{NAME}))[ \t]+(?:[Tt]eam|TEAM)\b")  # "other Google teams" names none
_JOIN_TEAM = re.compile(rf"\b(?:part of|join|joining)\s+(?:the|our)\s+(?P<name>{NAME})\s+(?:[Tt]eam|group|organi[sz]ation)\b")
_OPENING = re.compile(rf"^(?:The[ \t]+)?(?P<name>{NAME})[ \t]+(?:is|are|was|builds|owns|drives|powers|leads|develops|team)\b")
_POSSESSIVE_TEAMS = re.compile(rf"(?P<name>{NAME})['’]s(?:\s+[a-z]+){{0,2}}\s+teams?\b")
_LEADING_NOISE = frozenset(
    "The This That Our Your Their Its We You Join At About A An As In On For With Key If When Are Do "
    "All Every Each Team Teams Learn More Over Nearly Almost Around Approximately".split()
)
_STRONG = [
    re.compile(rf"(?<![\w-])(?:[Aa]t|[Jj]oin|[Jj]oining|[Jj]oins)\s+(?P<name>(?>{NAME}))(?![ \t]+(?:[Tt]eams?|organi[sz]ation|level)\b)"),
    re.compile(rf"(?P<name>(?>{NAME}))\s+(?:is|are)\s+(?:an?\s+)?(?:proud\s+)?(?:[Ee]qual\s+(?:[Oo]pportunit(?:y|ies)|[Ee]mployment)|EEO|EOE)"),
    re.compile(rf"(?P<name>(?>{NAME}))\s+(?:(?:is|are)\s+(?:currently\s+)?(?:looking\s+(?:for|to)|seeking|hiring|searching\s+for|recruiting)"
               r"|seeks\b|(?:has|have)\s+(?:an?\s+)?(?:new\s+|exciting\s+)?(?:opening|openings|vacancy|vacancies)\b)"),
    re.compile(rf"\bteam\s+at\s+(?P<name>{NAME})"),
    re.compile(rf"(?P<name>(?>{NAME}))\s+does\s+not\s+discriminate\b"),
    # "Comscore is a media measurement company", "PACT Pharma is an exciting, well-funded clinical stage company"
    re.compile(rf"(?P<name>(?>{NAME}))(?:,\s+(?:Inc|LLC|Ltd)\.?,?)?\s+(?:is|are)\s+(?:a|an|the|one\s+of\s+the)[ \t]+(?:[\w\-]+,?[ \t]+){{0,6}}?"
               r"(?:company|companies|provider|firm|leader|organi[sz]ation|agency|start-?up|business|manufacturer|"
               r"developer|platform|employer|consultancy|retailer|bank|insurer|hospital|charity|group|network|"
               r"institution|university|brand|supplier|distributor|operator|publisher|studio|lab|laboratory)s?\b"
               # "Sustainability is a core company value": the noun qualifies another, it names no kind of employer
               r"(?![ \t]+(?:values?|culture|polic(?:y|ies)|mission|goals?|priorit(?:y|ies)|wide|standards?)\b)"),
    # "About Eliassen Group" on a line of its own
    re.compile(rf"(?m)^[ \t#*]*About[ \t]+(?:the[ \t]+)?(?P<name>(?>{NAME}))[ \t*:]*$"),
    # "We are Novartis.", "We are Lincolnshire Community Health Services NHS Trust (LCHS), the ..."
    re.compile(rf"\bWe[ \t]+are[ \t]+(?P<name>(?>{NAME}))(?=[ \t]*(?:\([A-Z]+\))?[ \t]*(?:[.,;!\n]|$))"),
]
_WEAK = [
    re.compile(rf"(?P<name>{NAME})['’]s\b(?!\s+(?:degree|level|programme|program)\b)"),
    re.compile(r"\b(?P<name>[A-Z][A-Za-z0-9\-]+)\.com\b"),
    re.compile(rf"(?P<name>(?>{NAME}))\s+(?:customers|clients|employees|users|shoppers|members)\b"),
    re.compile(rf"\b(?:across|within|cross|throughout)\s+(?P<name>{NAME})"),
    # "The Ads team of Amazon Ads", but as often "a team of Interaction Design experts"
    re.compile(rf"\bteam\s+of\s+(?P<name>{NAME})"),
]
_NAME_RUN = re.compile(rf"(?P<name>(?>{NAME}))")
_NON_SPACE = re.compile(r"\S+")

# What must follow the name for each name-led regex to match. Such a regex tries every word
# of the text; :func:`_name_matches` runs it only just before where these endings stand.
# Each ending opens with a literal word, so the engine skips straight to its first letters;
# what must stand just before that word (a space, a blank, a word boundary) is checked by
# ``_NEED_BEFORE`` (a leading ``\s`` or ``\b`` made the engine try every position).
_EEO_TAIL = r"\s+(?:an?\s+)?(?:proud\s+)?(?:[Ee]qual\s+(?:[Oo]pportunit(?:y|ies)|[Ee]mployment)|EEO|EOE)"
_SEEKS_TAIL = r"\s+(?:currently\s+)?(?:looking\s+(?:for|to)|seeking|hiring|searching\s+for|recruiting)"
_OPENING_TAIL = r"\s+(?:an?\s+)?(?:new\s+|exciting\s+)?(?:opening|openings|vacancy|vacancies)\b"
_KIND_TAIL = (  # the whole tail: "is a" alone stands before too many names
    r"\s+(?:a|an|the|one\s+of\s+the)[ \t]+(?:[\w\-]+,?[ \t]+){0,6}?"
    r"(?:company|companies|provider|firm|leader|organi[sz]ation|agency|start-?up|business|manufacturer|"
    r"developer|platform|employer|consultancy|retailer|bank|insurer|hospital|charity|group|network|"
    r"institution|university|brand|supplier|distributor|operator|publisher|studio|lab|laboratory)s?\b")
# An ending of several alternatives is a tuple of regexes, one a literal word leads: each
# is found by the engine's fast literal search, where an alternation of words tried every
# position (their hits are merged as one regex's would be).
_NEEDS = {
    _STRONG[1]: (re.compile("is" + _EEO_TAIL), re.compile("are" + _EEO_TAIL)),
    _STRONG[2]: (re.compile("is" + _SEEKS_TAIL), re.compile("are" + _SEEKS_TAIL), re.compile(r"seeks\b"),
                 re.compile("has" + _OPENING_TAIL), re.compile("have" + _OPENING_TAIL)),
    _STRONG[4]: re.compile(r"does\s+not\s+discriminate\b"),
    _WEAK[0]: re.compile(r"['’]s\b"),
    _WEAK[2]: tuple(re.compile(w + r"\b") for w in "customers clients employees users shoppers members".split()),
    _NAME_TEAM: re.compile(r"(?:[Tt]eams?|TEAM)\b"),
    _POSSESSIVE_TEAMS: re.compile(r"['’]s(?:\s+[a-z]+){0,2}\s+teams?\b"),
}
_NEEDS[_WEAK[1]] = re.compile(r"\.com\b")
_NEEDS[_STRONG[5]] = (re.compile("is" + _KIND_TAIL), re.compile("are" + _KIND_TAIL))
# A legal or institutional ending anywhere; a looser ending ("Elysium Healthcare", "Priory
# Group") only where the name is the subject of what follows.
_LOOSE_SUBJECT = (r"(?=(?:[ \t]*\([A-Z][A-Za-z]{1,9}\))?,?[ \t]+(?:is|are|has|have|provides|provide|offers|aims|delivers|"
                  r"follows|employs|operates|serves|seeks|was|were|works|runs|believes|specialises|specializes|prides)\b)")
_ENDINGS = ([rf"{w}\b" for w in "Trust Hospitals? Hospice Inc Incorporated LLC Ltd Limited PLC LLP GmbH Corp Corporation "
             "Company CIC University Foundation Society Charity Association Council Authority Bank Insurance Holdings "
             "Industries Group".split()]
            + [w + _LOOSE_SUBJECT for w in "Healthcare Health Care Clinic Partnership Services Solutions Systems Technologies "
               "Partners Therapeutics Pharmaceuticals Pharma Biosciences Labs Laboratories Consulting Associates".split()])
# one regex per first letter, led by that letter ("T(?:rust\b|echnologies...)"), in the order above
_NEEDS[_NAME_RUN] = tuple(
    re.compile(letter + "(?:" + "|".join(e[1:] for e in _ENDINGS if e[0] == letter) + ")")
    for letter in dict.fromkeys(e[0] for e in _ENDINGS))
# what must stand just before an ending: whitespace ("space"), a space or tab ("blank") or a
# non-word character ("word": a word boundary before the ending's first letter)
_NEED_BEFORE = {_STRONG[1]: "space", _STRONG[2]: "space", _STRONG[4]: "space", _STRONG[5]: "space",
                _WEAK[2]: "space", _NAME_TEAM: "blank", _NAME_RUN: "word"}
_NAME_REACH = 160  # characters a name may take before its ending (10 words of a name)
# The words that open each keyword-led regex, as a regex that opens with a literal in every
# alternative, so the engine skips straight to them; the full regex is matched at each.
_LEADS = {
    # what must follow the word is looked ahead for: "that data" holds "at" but no name after it
    _STRONG[0]: re.compile(r"(?:At|at|Join|join)(?=(?:ing|s)?\s+(?:[A-Z0-9(]|[a-z]+[A-Z]))"),
    _STRONG[3]: re.compile(r"team(?=\s+at\s)"),
    _WEAK[4]: re.compile(r"team(?=\s+of\s)"),
    _WEAK[3]: ("across", "within", "cross", "throughout"),  # words: found by str.find, faster than a regex
    _JOIN_TEAM: re.compile(r"part of|join"),
}
_LEADS[_STRONG[6]] = re.compile(r"(?m)^[ \t#*]*About")
_LEADS[_STRONG[7]] = re.compile(r"We(?=[ \t]+are[ \t])")


def _name_matches(regex: re.Pattern, text: str, start: int = 0, end: Optional[int] = None):
    """``regex.finditer(text, start, end)``, for a name-led regex of ``_NEEDS`` searched only
    in the ``_NAME_REACH`` characters before each place its ending stands (linear time, and
    fast: most of a text is far from any ending).

    >>> [m.group("name") for m in _name_matches(_NAME_TEAM, "We build. The Data Platform team ships.")]
    ['The Data Platform']
    """
    end = len(text) if end is None else end
    lead = _LEADS.get(regex)
    if lead is not None:
        last = start
        for at in _lead_starts(lead, text, start, end):
            if at >= last:
                m = regex.match(text, at, end)
                if m is not None:
                    last = m.end()
                    yield m
        return
    need = _NEEDS.get(regex)
    if need is None:
        yield from regex.finditer(text, start, end)
        return
    before = _NEED_BEFORE.get(regex)
    windows: list[list[int]] = []
    for q, hit_end in _need_spans(need, text, start, end):
        if before == "word":
            if q > 0 and (text[q - 1].isalnum() or text[q - 1] == "_"):
                continue
        elif before is not None:
            if q <= start or not (text[q - 1] in " \t" if before == "blank" else text[q - 1].isspace()):
                continue
            q -= 1
        while q > start and text[q - 1].isspace():
            q -= 1
        a = max(start, q - _NAME_REACH)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = hit_end
        else:
            windows.append([a, hit_end])
    last = start
    for a, b in windows:
        for m in regex.finditer(text, max(a, last), b):
            full = regex.match(text, m.start(), end)  # the window cut the text: match it whole
            if full is not None and full.start() >= last:
                last = full.end()
                yield full


def _need_spans(need, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``need`` in ``text[start:end]``, as ``finditer`` gives them: for a tuple of
    regexes, their matches in order, each that starts inside an earlier one dropped.

    >>> _need_spans((re.compile("is"), re.compile("are")), "we are: it is", 0, 13)
    [(3, 6), (11, 13)]
    """
    if not isinstance(need, tuple):
        return [hit.span() for hit in need.finditer(text, start, end)]
    spans = sorted(hit.span() for part in need for hit in part.finditer(text, start, end))
    out, last = [], start
    for span in spans:
        if span[0] >= last:
            out.append(span)
            last = span[1]
    return out


def _lead_starts(lead, text: str, start: int, end: int):
    """Where a lead stands in ``text[start:end]``, in order: a regex's matches, or every place
    one of a tuple of words stands (more places than a regex would give, "cross" inside
    "across", but the full regex is matched at each).

    >>> list(_lead_starts(("across", "cross"), "work across teams", 0, 17))
    [5, 6]
    """
    if not isinstance(lead, tuple):
        return [hit.start() for hit in lead.finditer(text, start, end)]
    found = []
    for word in lead:
        at = text.find(word, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1, end)
    return sorted(found)


def _name_span(text: str, m: re.Match) -> Optional[tuple[int, int, str]]:
    s, e = m.span("name")
    words = [(w.start(), w.end()) for w in _NON_SPACE.finditer(text[s:e])]
    while words and text[s + words[0][0]:s + words[0][1]] in _LEADING_NOISE:
        words = words[1:]
    while words and text[s + words[-1][0]:s + words[-1][1]] in ("&", "and", "of", "for", "You", "We"):
        words = words[:-1]
    if not words:
        return None
    start, end = s + words[0][0], s + words[-1][1]
    cleaned = text[start:end]  # as written: the offsets must give it back
    if not any(c.isalpha() for c in cleaned):
        return None
    return start, end, cleaned


@Language.factory("jobextract_team", default_config={})
def make_team(nlp: Language, name: str) -> "TeamFinder":
    return TeamFinder(name)


class TeamFinder:
    def __init__(self, name: str = "jobextract_team") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        heading_end = {h.start_char: h.end_char for h in doc.spans.get(HEADINGS_KEY, [])}
        team_secs = [trim(text, heading_end.get(s.start_char, s.start_char), s.end_char)
                     for s in doc.spans.get(SECTIONS_KEY, []) if s.label_ == "team"]
        hit = (self._first(_JOIN_TEAM, text, [(0, len(text))])
               or self._first(_NAME_TEAM, text, team_secs)
               or self._opening(text, team_secs)
               or self._first(_NAME_TEAM, text, [(0, len(text))])
               or self._first(_POSSESSIVE_TEAMS, text, [(0, len(text))]))
        spans = []
        if hit:
            s, e, name = hit
            span = doc.char_span(s, e, label="team", alignment_mode="expand")
            if span is not None:
                desc = None
                if team_secs:
                    desc = " ".join(text[a:b] for a, b in team_secs).strip() or None
                else:
                    for a, b in split_sentences(text, 0, len(text)):
                        if a <= s < b:
                            desc = text[a:b]
                            break
                span._.jobextract_value = {"name": name, "description": desc}
                spans.append(span)
        doc.spans[TEAM_KEY] = spans
        return doc

    @staticmethod
    def _first(regex: re.Pattern, text: str, ranges) -> Optional[tuple[int, int, str]]:
        for a, b in ranges:
            for m in _name_matches(regex, text, a, b):
                hit = _name_span(text, m)
                if hit:
                    return hit
        return None

    @staticmethod
    def _opening(text: str, ranges) -> Optional[tuple[int, int, str]]:
        for a, b in ranges:
            m = _OPENING.match(text[a:b])
            hit = _name_span(text[a:b], m) if m else None
            if not hit:
                continue
            s, name = a + hit[0], hit[2]
            expanded = _expand_acronym(text, name)
            if expanded:
                return expanded
            return s, s + len(name), name
        return None


def _expand_acronym(text: str, name: str) -> Optional[tuple[int, int, str]]:
    """Where a one-word acronym is spelt out elsewhere ("People ... Science (PXTCS)"), the
    spelt-out form with the acronym."""
    if " " in name or not name.isupper() and not re.fullmatch(r"[A-Z0-9][A-Za-z0-9]*[A-Z][A-Za-z0-9]*", name):
        return None
    m = re.search(rf"(?P<name>{NAME})[ \t]+\({re.escape(name)}\)", text)
    if not m:
        return None
    hit = _name_span(text, m)
    if not hit:
        return None
    s, _, long_name = hit
    e = m.end()
    return s, e, text[s:e]


