"""``jobextract_title``: the job title and the seniority it implies.

Read from a header line that names a role ("Senior Data Engineer - Columbus, GA",
"Google | Partner Engineer, Google Assistant", "Acme | Video Engineer / Engineering Manager |
Berlin | $150k": the first title stated, without its team, place or code), a field ("Job
Title: Data Scientist", "Position Data Scientist Location Phoenix"), the first item of a
list of open roles ("Hiring:\n- Head of Marketing: https://..."), or from prose that
introduces it: "We are looking for an accomplished Applied Scientist", "As a Data Scientist
on our team", "We're hiring an Economist", "seeking to appoint a Consultant Neurologist",
"an opening in Huntsville, Alabama, for a Radar Data Analyst". The title ends in a head noun from
``patterns/title_heads.jsonl``; adjectives before it ("accomplished",
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
from bisect import bisect_left
from itertools import islice
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicons
from ..geo import parse_location, place_parts
from ..layout import iter_lines, split_sentences, trim
from ..prefilter import matches_at, occurrences
from . import doc_text
from .locations import LOCATIONS_KEY
from .sections import HEADINGS_KEY, SECTIONS_KEY

TITLE_KEY = "jobextract_title"
# The cue words, each alternative opening with a character class of its first letter, so that
# the regex engine skips straight to the candidates (a leading \b or look-behind would make it
# try every position: 2.5x slower); the word boundary before each is checked in _cue_titles
# (_NOT_AFTER).
_ART = r"(?=\s+(?:an?|the|our)\s)"
_AN = r"(?=\s+(?:an?|\d{1,2})\s)"
# "an opening in Huntsville, Alabama, for a ...", "opportunity has arisen within Northern
# Healthcare for a ...": the place or team between the cue and its "for"
_WHERE = r"(?:,?\s+(?:in|within|at)\s[^.\n]{1,80}?)?"
_CUE = re.compile(
    r"(?:[Ll](?i:ooking) for|[Ss](?:(?i:earching) for|(?i:eeking)|(?i:eeks)" + _ART + r")"
    r"|[Hh](?:(?i:iring)(?!\s+(?i:manager|team|process))(?:\s+for)?|(?i:ire)" + _ART + r")"
    r"|[Rr](?:(?i:ecruiting)(?:\s+for)?|(?i:ecruit)(?:" + _ART + r"|(?=\s+[A-Z])))"
    r"|[Aa](?:s" + _ART + r"|(?i:re you)" + _AN + r"|(?i:ppoint)" + _ART + r")"
    r"|[Oo](?:(?i:pening)\s+of(?=\s+[A-Z])|(?i:pportunity)(?:\s+has\s+(?:arisen|become\s+available)|\s+available)?"
    + _WHERE + r"\s+for" + _AN + r"|(?i:pening)" + _WHERE + r"\s+for" + _AN + r")"
    r"|[Ee](?i:mploy)" + _ART + r"|[Vv](?i:acancy)" + _WHERE + r"\s+for" + _AN + r"|[Bb](?i:ecom(?:e|ing))" + _AN
    + r"|[Ii](?i:nvited)\s+for" + _AN + r"|[Pp](?:osition|ost)\s+as(?=\s)|[Pp]ost\s+for" + _AN + r"|[Ww]e\s+(?:urgently\s+)?need" + _ART + r")"
    r"\s+(?:applications\s+for\s+)?(?:(?:an?|the|our|one|two|several|multiple|new|\d{1,2})\s+)?"
)
# "Job Title:\nScientist", "Posting Title\nHead Data Scientist": the value on the next line
_FIELD = re.compile(
    r"(?im)^[ \t*]*(?:(?:(?:job|position|posting|vacancy)[ \t]+title|job[ \t]+role)[ \t]*(?:\*\*)?[ \t]*(?:[:\-–][ \t]*)?\n{1,2}"
    r"|(?:job[ \t]+title|position[ \t]+title|posting[ \t]+title|job[ \t]+role|title|position|role|job|post)"
    r"[ \t]*(?:\*\*)?[ \t]*[:\-–][ \t]*)(?P<value>[^\n]{2,100})$"
)
# A flattened export: "Position Data Scientist Location Phoenix, AZ", "Role Data Scientist Location ...",
# "About the jobJob Title: Data Engineer Location: Austin, TX"
_INLINE_FIELD = re.compile(
    r"(?:Position|Role|Job Title):?[ \t]+(?P<value>[A-Z][\w\-/&]{0,40}(?:[ \t]+[A-Za-z][\w\-/&]{0,40}){0,6}?)"
    r"[ \t]+(?:Location|Duration|Job Type)\b"
)
# "our Emergency Care Assistant role", "this Staff Nurse position"
_ROLE_NOUN = re.compile(
    r"\b(?:[Oo]ur|[Tt]he|[Tt]his|[Aa]n?)\s+(?P<t>(?:[A-Z][\w\-/&]{0,40}\s+){0,5}[A-Z][\w\-]{0,40})\s+"
    r"(?:role|position|post|vacancy|opportunity|job)\b"
)
# "The Data Analyst plays a critical role", "Entefy’s Senior Data Scientist is ..."
_SUBJECT = re.compile(
    r"(?<![\w&])(?:[Tt]he|[Oo]ur|[Tt]his|[A-Z][\w&]{0,40}['’]s)\s+(?:(?:successful|ideal|new|right)\s+)?"
    r"(?P<t>(?:[A-Z][\w\-/&]{0,40}\s+){0,5}[A-Z][\w\-]{0,40})(?:\s+\([^()\n]{1,40}\))?\s+"
    r"(?:will|is|plays|works|reports|supports|serves|provides|leads|position|role|shall|must|should|performs|oversees"
    r"|assists)\b"
)
# "The Data Scientist of Technical Institute (TI) is a member of ...", "The Head of Data will":
# a subject named with its team or field before the verb
_OF_SUBJECT = re.compile(
    r"(?:[Tt]he|[Oo]ur)[ \t]+(?P<t>(?:[A-Z][\w\-/&]{0,40}[ \t]+){0,5}[A-Z][\w\-]{0,40})[ \t]+(?:of|for|on|in|within)\s+"
    r"[^.\n]{1,80}?\s(?:is|will|shall|must|leads|reports)\s"
)
# "The Hiring Manager will contact ...", "The Director of Operations will review applications":
# a subject that hires, not the role
_HIRER = re.compile(r"[Hh]iring |[Rr]ecruit|\b(?:applica|candidate|shortlist|interview|CVs?\b|resumes?\b)")
# "Key responsibilities of the Advanced Analytics Data Scientist include ..."
_DUTIES_OF = re.compile(
    r"(?:[Rr]esponsibilities|[Dd]uties)\s+of\s+(?:the|our|this|an?)\s+"
    r"(?P<t>(?:[A-Z][\w\-/&]{0,40}[ \t]+){0,5}[A-Z][\w\-]{0,40})(?![\w\-])"
)
# "As a data scientist, you will ...", "as a nurse the post holder will": the sentence after a
# lower-case "as a X" that names the post speaks of its holder
_AS_ROLE = re.compile(r"[Yy]ou|\b(?:will|shall|post ?holder|successful)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# "experience as a", "background as an", "worked as a": a candidate's past job follows
_PAST_AS = re.compile(r"\b(?:experience|background|career|worked|working|served|employed)[ \t]+$", re.I)
_NOT_AFTER = {"A": re.compile(r"[\w-]"), "a": re.compile(r"[\w-]")}
_NOT_AFTER_WORD = re.compile(r"\w")
_WORD = re.compile(r"[A-Za-z](?:[\w'’&+\-/]|\.(?=\w))*,?|[,;:.!?()\n]")
_STOP = frozenset(
    "who to that on in with for at within which whose where based will can is are join and/or of team "
    "from across into".split()
)
# "(Remote)" ends a title, an acronym inside one does not: "Employee Experience (EX) Insights Partner"
_SEPARATORS = re.compile(r"\s+(?:-|–|—|\||@|at|•|·)\s+|\s*[|;]|\s*\((?![A-Z]{2,6}\)[ \t]+[A-Z])")
# "Video Engineer / Engineering Manager", "Cryptographic Engineer & Protocol Engineer": a
# field naming several titles, each after " / ", " & " or " + " (the next opening with a capital)
_SEVERAL = re.compile(r"[ \t]+(?:/|&|\+)[ \t]+(?=[A-Z])")
# "Data Scientist/Senior Data Scientist" (a title of several words after a slash) or
# "Manager or Director": a second title
_ALTERNATIVE = re.compile(r"/(?=(?P<next>[A-Z][\w\-.]{0,40}(?:[ \t]+[A-Z][\w\-]{0,40}){1,5}))"
                          r"|[ \t]+or[ \t]+(?=[A-Z])")
# "Stress Analyst II", "Engineer 2", "Biostatistician I (Jr)": a level after the head
_LEVEL = re.compile(r"[ \t]+(?:[IVX]{1,4}|[1-5])\b(?![.,]\d)")
# "Head of Growth Marketing", "Manager of Store Operations": the field a head word governs
_OF_NAME = re.compile(r"\s+(?:of|OF)\s+(?:(?:the|THE)\s+)?[A-Z][\w&\-]*(?:\s+(?:(?:and|AND|&)\s+)?[A-Z][\w&\-]*)*")
# where a long header line's title ends: "Manager, Google Cloud. Google has an opening ..."
_CLAUSE_END = re.compile(r"[,.;] ")
_RUN_WORD = re.compile(r"\S+")
# "Opening for Java Developer", "Urgent Requirement for a Nurse", "Hiring for Data Analyst",
# "IMMEDIATE NEED FOR A SENIOR DATA SCIENTIST", "Now Hiring a Data Engineer", "Exciting Opportunity
# for Advanced Practitioners": a header line's
# words before the role it announces (but "Hiring Manager" is a title)
_FOR_LEAD = re.compile(r"(?:(?i:urgent(?:ly)?|immediate|now|exciting|new)[ \t]+)?"
                       r"(?i:openings?|requirements?|vacanc(?:y|ies)|hiring|need|opportunit(?:y|ies))"
                       r"(?:[ \t]+(?i:for)(?:[ \t]+(?i:an?|the))?|[ \t]+(?i:an?|the))[ \t]+(?=[A-Z])")
# what follows a title that opens a flattened page: its gender note, employer or place
_OPENS_REST = re.compile(r"[ \t]*(?:[(<|@\-–—]|at[ \t]+[A-Z<])")
_OF_SPLIT = re.compile(r"\s+(?:of|OF)\s+")
_SMALL_WORDS = frozenset(("of", "and", "&", "for", "the", "in", "to"))
_SENTENCE_WORDS = frozenset("who to that which whose where will can is are join we looking seeking have has".split())
# words that open a sentence, not a title line: "The Data Scientist will ...", "As a Data Analyst, you ..."
_DETERMINERS = frozenset("the our a an this your we my as if you join are is".split())
_CUE_REACH = 6000  # characters
_MATCH_REACH = 400  # characters: the longest role-noun or subject match, and more
# a list of open roles: its items' markers ("- ", "1. ", "2) ", ">> ", "// "), the line that
# introduces it, and an item's link or pay
_LIST_REACH = 4000  # characters
_LIST_MARK = re.compile(r"[ \t]*(?:[-*•>]{1,2}|//|\d{1,2}[.)])[ \t]+(?:\[\d{1,3}\][ \t]?)?(?=[A-Z\d])")
# (a page's text with its links numbered: "[1]Scientist, Molecular Biologist"; a channel's tag
# or the employer in brackets: "[HIRING] Senior Engineer", "[Acme] Senior Engineer - Remote")
_LEAD = re.compile(r"[#*_\s]*(?:(?:[-•>]{1,2}|\d{1,2}[.)])[ \t]+(?=[A-Z\[]))?[*_]*(?:\[[^\[\]\n]{1,40}\][ \t]*(?=[A-Z]))?")
_ROLES_INTRO = re.compile(r"(?im)\b(?:hiring|openings|open (?:roles|positions)|roles|positions|vacancies)\b[^\n]{0,60}:[ \t]*$"
                          r"|^[ \t]*open (?:roles|positions)[ \t]*$")
_LINK_OR_PAY = re.compile(r"https?://|[$£€][ \t]?\d|\b\d{2,3}k\b")
# the words a _CUE match opens with, lower-cased ("seek": seeking, seeks; "hir": hiring, hire)
_CUE_WORDS = ("looking for", "searching for", "seek", "hir", "recruit", "as", "are you", "appoint", "opening",
              "opportunity", "employ", "vacancy", "becom", "invited", "position as", "post as", "post for", "we need",
              "we urgently")
# the words a _ROLE_NOUN or _SUBJECT match ends with
_ROLE_WORDS = frozenset(("role", "position", "post", "vacancy", "opportunity", "job"))
_SUBJECT_WORDS = frozenset(("will", "is", "plays", "works", "reports", "supports", "serves", "provides", "leads",
                            "position", "role", "shall", "must", "should", "performs", "oversees", "assists"))
_END_WORD = re.compile(r"\s(will|is|plays|works|reports|supports|serves|provides|leads|position|role|shall|must"
                       r"|should|post|vacancy|opportunity|job|performs|oversees|assists)\b")
_SEARCH_IN = ("header", "summary", "day_in_the_life", "team", "other")
# "Economists in this role partner with ...": the role named by its holders
# what follows a title that fills a field of a header line: the next field, a note, or a
# second role ("Systems Engineers + Software Engineer, Data Platform | NYC")
_AFTER_TITLE = re.compile(r"[ \t]*(?:[-–—|(,@;+&/•0-9]|(?:roles?|positions?|openings?)\b)")
# the separators of a header line of fields other than bars ("Northwind Labs — Head of Platform — Remote (EU)")
_FIELD_DASHES = re.compile(r"[ \t][—–·-][ \t]")
# how many are hired, before the role: "3 open Senior Software Engineer roles", "2 X Fullstack Engineer"
_COUNT = re.compile(r"[ \t]*\d{1,2}[ \t]*(?:[xX×][ \t]+|(?:open|new)[ \t]+|[ \t])(?=[A-Z])")
_NOTE_OPENERS = frozenset("([0123456789")
# "Multiple Executive Roles", "Various Engineering Positions": roles counted, none named
_MANY = frozenset({"multiple", "various", "several", "many"})
_HIRING = re.compile(r"[ \t]*(?:[Nn]ow[ \t]+)?(?:Hiring|HIRING)[ \t]+(?=[A-Z])")
# an arrangement or type in brackets before a role: "(REMOTE) Development Lead"
_TERM_NOTE = re.compile(r"[ \t]*[(\[](?i:remote|on-?site|hybrid|full[- ]?time|part[- ]?time|contract)[)\]][ \t]+")
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
        fields = [*_FIELD.finditer(text, 0, min(len(text), 3000)),
                  *_INLINE_FIELD.finditer(text, 0, min(len(text), 3000))]
        for m in fields:
            s = m.start("value")
            hit = title_from_line(text, s, m.end("value"))
            if hit and (best is None or (0, s) < best[0]):
                best = ((0, hit[0]), *hit)
        headed = {h.start_char for h in doc.spans.get(HEADINGS_KEY, [])}
        prose = []  # (rank, start, end) of the sections a cue is searched in
        for n, (s, e) in enumerate(list(iter_lines(text, 0, min(len(text), 1500)))[:6]):
            # a short line near the top that is a title ("Behaviour Therapist", "Wellness Promoter")
            # "Valis Insights | Full-time | Software Engineer | remote-first ...": a header of
            # fields, however long
            piped = text.count("|", s, e) >= 2 or _dashed_fields(text, s, e)
            if e - s > 70 and not piped:
                # a flattened page: "Google | Analyst. Minimum ..." (but "1. Account Executive | ...")
                stop = text.find(". ", _LEAD.match(text, s, e).end(), e)
                e = stop if stop >= 0 else e
            line = text[s:e]
            if n == 0 and len(line) > 70 and not piped and s not in headed:
                # a flattened page that opens with its title: "Senior iOS Developer (f/m/d) Acme
                # GmbH Berlin Date posted: ...", "Full Stack Engineer at Acme ..."
                hit = _title_in_part(text, s + _LEAD.match(line).end(), min(e, s + 160))
                if (hit and _title_case(hit[2]) and _ends_in_head(hit[2])
                        and _OPENS_REST.match(text, hit[1], e) and (best is None or (0.4, s) < best[0])):
                    best = ((0.4, s), *hit)
                continue
            if ((len(line) > 70 and not piped) or (line.endswith((".", ":", "?", "!", ",")) and not piped)
                    or (not piped and any(a <= s < b for a, b in located))):  # ("Hello Associates,": a greeting)
                continue
            hit = title_from_line(text, s, e)
            parts = place_parts(line)
            if not parts:
                continue  # a line of separators only ("|")
            if piped and hit:
                hit = _past_name(text, s, e, hit)
            if hit and (_title_case(hit[2]) or (piped and hit[2][:1].isupper() and hit[0] > s + parts[0][1])) and (
                    hit[1] == e or _AFTER_TITLE.match(text, hit[1], e)):
                rank = (0.3, s)
            elif (hit and n <= 1 and s not in headed and _title_case(hit[2]) and _ends_in_head(hit[2])
                  and (not text[s:hit[0]].strip("#*_ \t") or _FOR_LEAD.fullmatch(text[s:hit[0]].lstrip("#*_ \t")))):
                # "Band 5 Occupational Therapist Fixed Term 12 months": a title opens the line
                rank = (0.4, s)
            elif (n == 0 and s not in headed and _title_case(line[:parts[0][1]])
                  and len(line[:parts[0][1]].split()) <= 6 and not piped
                  and (any(parse_location(line[a:b]) for a, b in parts[1:])
                       or (len(parts) == 1 and line.isupper()))):
                # "Wellness Promoter - Dallas, TX" or "CARPET LAYER": a first line naming a
                # role (with its place, or in capitals as bulletins write it), though no head
                # noun we know ends it; but "Stellar | Amsterdam | Onsite | €70-100k" is a
                # header of fields, the first one the company
                hit, rank = (s, s + parts[0][1], line[:parts[0][1]]), (4, s)
            else:
                continue
            if best is None or rank < best[0]:
                best = (rank, *hit)
        for sec in doc.spans.get(SECTIONS_KEY, []):
            if sec.label_ == "header":
                for s, e in iter_lines(text, sec.start_char, sec.end_char):
                    hit = title_from_line(text, s, e) if text[e - 1] != "," else None  # "Hello Associates,"
                    if hit and text.count("|", s, e) >= 2:
                        hit = _past_name(text, s, e, hit)
                    if hit and any(hit[0] <= a < hit[1] for a, _ in located):
                        hit = None  # the line's first part is a place, not a title
                    if hit and (best is None or (0, s) < best[0]):
                        best = ((0, s), *hit)
                continue
            if sec.label_ == "summary" and (best is None or best[0][0] > 0):
                hit = _opening_title(text, sec.start_char, sec.end_char)
                if hit and (best is None or (0.5, hit[0]) < best[0]):
                    best = ((0.5, hit[0]), *hit)
            prose.append((1 if sec.label_ in _SEARCH_IN else 3, sec.start_char, sec.end_char))
        # a title a cue introduces ranks 1 or more (prose before lists, lists last): searched
        # for only where no header line, field or opening sentence has given one
        if prose and (best is None or best[0][0] >= 1):
            where_cues = _Candidates(text)
            for where, start, end in prose:
                for s, e, title, weaker in _cue_titles(text, start, end, where_cues):
                    rank = (where + weaker + (0 if title.split()[-1][:1].isupper() else 1), s)
                    if best is None or rank < best[0]:
                        best = (rank, s, e, title)
        if best is None or best[0] > (0.45, 0):
            hit = _listed_title(text)
            if hit:
                best = ((0.45, hit[0]), *hit)
        spans = []
        if best is not None:
            _, s, e, title = best
            if title[:1] in "-+*•[" and len(title) > 1:  # "-Senior Software Engineer": a list mark without a space
                s, title = s + 1, title[1:].lstrip()
            last = title.rsplit(None, 1)[-1]
            one = _singular(last) if last.endswith("s") else None
            if one and one != last and text.count(title[:-len(last)] + one) > text.count(title):
                title = title[:-len(last)] + one  # "Software Engineers" where the text also says "Software Engineer"
            span = doc.char_span(s, e, label="title", alignment_mode="expand")
            if span is not None:
                span._.jobextract_value = {"title": title, "seniority": seniority_of(title)}
                spans.append(span)
        doc.spans[TITLE_KEY] = spans
        return doc


def _dashed_fields(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` is a header of short fields parted by dashes or dots
    ("Northwind Labs — Head of Platform — Remote (EU) — Contract"), not a sentence with asides.
    """
    seps = list(_FIELD_DASHES.finditer(text, s, e))
    if len(seps) < 2 or text[e - 1] == ".":
        return False
    bounds = [s, *(m.start() for m in seps), e]
    return all(b - a <= 80 for a, b in zip(bounds, bounds[1:]))


def _past_name(text: str, s: int, e: int, hit: tuple[int, int, str]) -> tuple[int, int, str]:
    """The title of a header line of bar-separated fields, past a first field of one word that
    is a name as well as a trade ("Mason | Software Engineer | Fulltime": the employer, then the
    role); ``hit`` the title :func:`title_from_line` found in ``text[s:e]``."""
    bar = text.find("|", s, e)
    if bar < 0 or hit[1] > bar or text.count("|", s, e) < 2:
        return hit
    last = hit[2].rsplit(None, 1)[-1]
    if " " in hit[2] and (_singular(last) in (None, last) or text[hit[1]:bar].strip()):
        return hit  # a title of several words fills the first field, unless it is a plural name ("Flow Traders")
    later = title_from_line(text, bar + 1, e)
    if later and " " in hit[2] and _singular(later[2].rsplit(None, 1)[-1]) != later[2].rsplit(None, 1)[-1]:
        return hit  # both plural: "Software Engineers | Data Scientists | Remote"
    return later or hit


def _title_case(line: str) -> bool:
    """Every word capitalised, but for small words ("Head of Sales and Marketing").

    >>> _title_case("Wellness Promoter"), _title_case("Secure our Nation")
    (True, False)
    """
    words = re.findall(r"[A-Za-z][\w'’\-]*", line)
    return bool(words) and all(_capitalised(w) or w in ("of", "and", "for", "the", "in", "to", "&") for w in words)


def _capitalised(word: str) -> bool:
    """A capitalised word, or a name written in camel case ("iOS", "eBay", "macOS").

    >>> _capitalised("Developer"), _capitalised("iOS"), _capitalised("our")
    (True, True, False)
    """
    return word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:]))


def _opening_title(text: str, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """A title that is the whole first sentence of the text ("Interaction Designer. ...").

    >>> t = "Interaction Designer. Responsibilities • Design flows"
    >>> _opening_title(t, 0, len(t))
    (0, 20, 'Interaction Designer')
    >>> _opening_title("Our engineers build tools. We ship.", 0, 35) is None
    True
    """
    sentences = split_sentences(text, start, min(end, start + 200))
    if not sentences:
        return None
    s, e = sentences[0]
    e = trim(text, s, e, chars=" .!:;\t\n")[1]
    parts = place_parts(text[s:e])
    if not parts:
        return None
    for a, b in parts[:2]:  # "Interaction Designer", "Google | Interaction Designer"
        comma = text.find(", ", s + a, s + b)
        if comma >= 0 and _rank_only(text[s + a:comma]):
            comma = text.find(", ", comma + 2, s + b)  # "VP, Engineering": the rank's field
        e = comma if comma >= 0 else s + b
        hit = title_from_line(text, s + a, e)
        if hit and hit[1] == e and len(hit[2].split()) <= 8 and _ends_in_head(hit[2]) and all(
                _capitalised(w) or w[:1].isdigit() or w in ("of", "and", "&", "for", "the") for w in hit[2].split()):
            return hit
    return None


class _Candidates:
    """Where in a text (its opening ``_CUE_REACH`` characters) the cue, role-noun and subject
    regexes can match, found once a posting by ``str.find``: each regex is tried only there.

    A ``_CUE`` match opens with one of ``_CUE_WORDS`` (in any case; ``cues`` is None where
    lower-casing moves offsets); a ``_ROLE_NOUN`` or ``_SUBJECT`` match ends in one of its
    words after a capitalised word (or a ")"), so it is searched for only before those.
    """

    def __init__(self, text: str) -> None:
        head = text[:_CUE_REACH]
        lower = head.lower()
        self.cues: Optional[list[int]] = None
        if len(lower) == len(head):
            self.cues = sorted({i for word in _CUE_WORDS for i in occurrences(lower, word)})
        self.role_nouns, self.subjects = _after_capital(head)
        # where an _OF_SUBJECT or a _DUTIES_OF match can open
        self.the = sorted(i for o in ("The ", "Our ") for i in occurrences(head, o))
        self.duties = sorted(i - 1 for o in ("esponsibilities of", "uties of") for i in occurrences(head, o, 1))


def _after_capital(text: str) -> tuple[list[int], list[int]]:
    """Offsets of ``_ROLE_WORDS`` and of ``_SUBJECT_WORDS`` (whole words after white space)
    that follow a word opening with a capital (or, for a subject, a ")"): where a role noun
    or a subject can end.
    """
    roles, subjects = [], []
    for m in _END_WORD.finditer(text):
        k = m.start()
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] == ")":
            if m.group(1) in _SUBJECT_WORDS:
                subjects.append(m.start(1))
            continue
        while k >= 0 and (text[k].isalnum() or text[k] in "_-/&"):
            k -= 1
        if text[k + 1:k + 2].isupper():
            if m.group(1) in _ROLE_WORDS:
                roles.append(m.start(1))
            if m.group(1) in _SUBJECT_WORDS:
                subjects.append(m.start(1))
    return roles, subjects


def _cue_titles(text: str, start: int, end: int, where: Optional[_Candidates] = None):
    """Titles introduced by a cue ("looking for a", "As an") or named by their holders.

    Only the opening ``_CUE_REACH`` characters are searched: a posting names its role
    early, and the cue regexes cost most of this component's time on long texts.
    """
    end = min(end, _CUE_REACH)
    if start >= end:
        return
    if where is None:
        where = _Candidates(text)
    if where.cues is None:
        matches = _CUE.finditer(text, start, end)
    else:
        matches = matches_at(_CUE, text, where.cues, start, end)  # as _CUE.finditer, tried at the cues only
    for m in matches:
        at = m.start()
        if at and _NOT_AFTER.get(text[at], _NOT_AFTER_WORD).match(text, at - 1):
            continue  # inside a word ("overlooking", "has a")
        if text[at] in "Aa" and text[at + 1:at + 2] in "sS" and _PAST_AS.search(text, max(0, at - 30), at):
            continue  # "a strong background as a Personal Assistant": a past job, not the post
        hit = title_after(text, m.end(), end)
        if hit and text[at] in "Aa" and text[at + 1:at + 2] in "sS" and _OF_SPLIT.split(hit[2], 1)[0].split()[-1].islower():
            stop = _SENTENCE_END.search(text, hit[1], min(len(text), hit[1] + 160))
            if not _AS_ROLE.search(text, hit[1], stop.start() if stop else min(len(text), hit[1] + 160)):
                continue  # "ManTech, as a trusted mission partner of CBP, seeks ...": the company's part
        if hit:
            # "Are you a General Practitioner ...?" asks after the reader's job, "to become an
            # Apprentice" names a path: both weaker than a cue that names the post
            weaker = text[at] in "Bb" or (text[at] in "Aa" and text[at + 1:at + 3].lower() == "re")
            yield (*hit, 0.5 if weaker else 0)
    for m in _near(_ROLE_NOUN, text, start, end, where.role_nouns):
        if _ends_in_head(m.group("t")):
            yield m.start("t"), m.end("t"), m.group("t"), 0
    for m in _near(_SUBJECT, text, start, end, where.subjects):
        at = m.start()
        if at > start and not (text[at - 1] == "\n" or text[at - 2:at] in (". ", "! ", "? ", ", ", "\n ", ": ")):
            continue  # "The X will ..." opens a sentence or a clause
        if _ends_in_head(m.group("t")) and not _HIRER.search(text, m.start("t"), min(len(text), m.end() + 60)):
            yield m.start("t"), m.end("t"), m.group("t"), 0
    for m in matches_at(_OF_SUBJECT, text, where.the, start, end):
        at = m.start()
        if at > start and not (text[at - 1] == "\n" or text[at - 2:at] in (". ", "! ", "? ", "\n ", ": ")):
            continue  # "The X of Y is ..." opens a sentence
        t = m.group("t")
        if not _ends_in_head(t) or _HIRER.search(text, m.start("t"), min(len(text), m.end() + 60)):
            continue
        of = _OF_NAME.match(text, m.end("t"), m.end()) if _rank_only(t.split()[-1]) else None
        e = of.end() if of else m.end("t")  # "The Head of Data will ..."
        yield m.start("t"), e, text[m.start("t"):e], 0
    for m in matches_at(_DUTIES_OF, text, where.duties, start, end):
        if _ends_in_head(m.group("t")):
            yield m.start("t"), m.end("t"), m.group("t"), 0
    for r in _IN_THIS_ROLE.finditer(text, start, end):
        # only a sentence that opens with the holders names the role: match from its start
        i = max(start, r.start() - 300, *(text.rfind(c, start, r.start()) + 1 for c in ".!?\n"))
        while i < r.start() and text[i].isspace():
            i += 1
        m = _HOLDERS.match(text, i, end)
        if m is None or m.end() != r.end():
            continue
        words = m.group("t").split()
        while words and words[0] in ("The", "Our", "All"):
            words = words[1:]
        head = _head(words[-1]) if words else None
        if head:
            s = m.end("t") - len(" ".join(words))
            last = _singular(words[-1])
            yield s, m.end("t"), " ".join(words[:-1] + [last]), 0


def _listed_title(text: str) -> Optional[tuple[int, int, str]]:
    """The first role of a list of open roles: an item after a line that introduces them
    ("Hiring:", "Our current openings include:", "We're hiring for 3 roles ...:"), or an item
    that links to its posting or states its pay ("- Head of Marketing: https://...",
    "1. Account Executive | 140k - 240k USD"). The title opens the item, in title case.

    >>> t = "Hiring:\\n\\n>> Forward Deployed Engineer:\\n\\nhttps://jobs.example.com/1"
    >>> _listed_title(t)
    (12, 37, 'Forward Deployed Engineer')
    >>> _listed_title("Benefits:\\n- Health insurance: https://example.com") is None
    True
    """
    intro = False
    for s, e in iter_lines(text, 0, min(len(text), _LIST_REACH)):
        if s == e or text[s:e].isspace():
            continue
        mark = _LIST_MARK.match(text, s, e)
        # "We're expanding our team ... Our current openings include:": the line's close
        after_intro, intro = intro, ((text[e - 1] == ":" or e - s <= 14)  # (lines come trimmed)
                                     and _ROLES_INTRO.search(text, max(s, e - 80), e) is not None)
        if mark is None and not after_intro:
            continue
        c = mark.end() if mark else s
        if not (after_intro or _LINK_OR_PAY.search(text, c, e)):
            continue
        stop = e - (text[e - 1] == ":")
        words = list(islice(_RUN_WORD.finditer(text, c, stop), 6))
        stop = words[-1].end() if words else stop  # "1) Senior Product Designer Own UX/UI for ..."
        hit = title_from_line(text, c, stop)
        if (hit is None or hit[0] != c or not _title_case(hit[2])
                or not _ends_in_head(_OF_SPLIT.split(hit[2], 1)[0])):
            continue
        rest = text[hit[1]:stop].lstrip(" \t*_")
        if rest and rest[0] not in ":|-–(," and not rest[0].isupper():
            continue  # "1. Manager approval required ($500)": a sentence, not a role
        return hit
    return None


def _near(rx: re.Pattern, text: str, start: int, end: int, ends: Optional[list[int]]):
    """The matches ``rx.finditer(text, start, end)`` gives, where every match ends at one of
    ``ends`` (the word it ends with): searched only in the ``_MATCH_REACH`` characters before
    each, windows that overlap merged.
    """
    if ends is None:
        yield from rx.finditer(text, start, end)
        return
    lo, hi = bisect_left(ends, start), bisect_left(ends, end)
    last = start
    i = lo
    while i < hi:
        a = max(last, ends[i] - _MATCH_REACH)
        b = ends[i] + 16
        while i + 1 < hi and ends[i + 1] - _MATCH_REACH <= b:
            i += 1
            b = ends[i] + 16
        b = min(b, end)
        while b < end and (text[b].isalnum() or text[b] == "_"):
            b += 1  # a window ends between words
        for m in rx.finditer(text, a, b):
            last = m.end()
            yield m
        i += 1


def _head(word: str) -> Optional[str]:
    """The head noun a word is (singular), or None: 'Scientists' -> 'scientist'.

    A pair joined by a slash is a head when a part is: 'Accountant/Controller', 'Worker/AMHP'.
    """
    heads = lexicons.title_heads()
    w = word.lower().rstrip(",").strip("/")
    if "/" in w:  # "Accountant/Controller", "Social Worker/AMHP"
        first, w = w.split("/", 1)[0], w.rsplit("/", 1)[1]
        if w not in heads and first in heads:
            return first
    if w in heads:
        return w
    if w.endswith("s") and w[:-1] in heads:
        return w[:-1]
    return None


def _ends_in_head(title: str) -> bool:
    """The words end in a head noun in the singular, or in one and a level ("Data Analyst II")."""
    words = title.split()
    if len(words) > 1 and _LEVEL.fullmatch(" " + words[-1]):
        words.pop()
    return _singular(words[-1]) == words[-1]


def _singular(word: str) -> Optional[str]:
    """A head word in the singular ('Nurses' -> 'Nurse', 'Engineer/Scientists' ->
    'Engineer/Scientist'), or None when the word is no head.
    """
    head = _head(word)
    if head is None:
        return None
    return word if word.lower().endswith(head) or "/" in word else word[:-1]


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
    after_aside = set()  # indices of words that follow a "(...)"
    aside = 0  # inside "(...)": "a full time (37.5 hours per week) Administrator"
    for m in _WORD.finditer(text, start, min(end, start + 160)):
        if m.group() in "()" or aside:
            aside = aside + 1 if m.group() == "(" else aside - 1 if m.group() == ")" else aside
            if aside > 1 or aside < 0:
                break
            if aside == 0 and m.group() == ")":
                after_aside.add(len(words))
            continue
        if len(m.group()) == 1 and m.group() in ",;:.!?\n" and not m.group().isalpha():
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
            # "Chief Data Scientist": a capitalised run may go on to a later head noun
            if w[:1].isupper() and words[first].group()[:1].isupper() and not m.group().endswith(","):
                continue
            # "Specialist Speech and Language Therapist": "and" inside a capitalised run (but
            # "Data Engineer and Data Scientist" names two titles, the first one counts)
            if (w == "and" and words[first].group()[:1].isupper() and i + 1 < len(words)
                    and words[i + 1].group()[:1].isupper() and not _head(words[i - 1].group())):
                continue
            break
        if w == "to" and i and words[i - 1].group().lower().rstrip("-") in lexicons.seniority():
            continue  # "an entry to mid-level engineer", "a Junior- to Mid-Level Analyst"
        if w in _STOP:
            return None  # "looking for individuals who ...", but "seeking a Team Leader"
    if first is None:
        return None
    descriptors = lexicons.title_descriptors()
    begin = first
    while begin > 0 and first - begin < 5:
        prev = words[begin - 1].group()
        if (prev == "and" and begin >= 2 and words[begin].group()[:1].isupper() and first - begin < 3
                and words[begin - 2].group()[:1].isupper() and not words[begin - 2].group().endswith(",")
                and not _head(words[begin - 2].group())
                and words[begin - 2].group().lower() not in descriptors):
            begin -= 2  # "Speech and Language Therapist": "and" inside a capitalised title
            continue
        if (prev.endswith(",") or prev.lower() in descriptors or prev in _STOP or prev in ("and", "or", "as")
                or (begin in after_aside and prev[:1].islower())):
            break  # "dynamic and forward thinking nurse": a list of adjectives
        if not _capitalised(prev) and any(w.group()[:1].isupper() for w in words[begin:last + 1]):
            break  # "experienced Senior Manager": a lower-case word before a capitalised title
        if (prev[:1].isupper() and words[begin].group()[:1].islower()
                and words[begin].group().rstrip(",") in lexicons.seniority()):
            break  # "a Gallup senior data scientist": a name before a lower-case title's rank
        begin -= 1
    s, e = words[begin].start(), words[last].end()
    e -= text[s:e].endswith(",")
    surface = text[s:e]
    parts = surface.split()
    parts[-1] = _singular(parts[-1])
    if len(parts) == 1 and parts[0][:1].islower() and (parts[0].lower() in lexicons.seniority()
                                                        or parts[0] != surface):
        # "a global leader in ...", "Are you a leader who ...": a rank, no title; "hiring
        # engineers across the stack": a kind of worker, no title
        return None
    of = _OF_NAME.match(text, e, end)
    if of and parts[-1] == surface.split()[-1]:
        return s, of.end(), " ".join(parts) + text[e:of.end()]
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
    # Markdown, a list marker: "# Senior Engineer", "**Nurse**", "- Senior Backend Engineer"
    lead = _LEAD.match(line).end()
    for a, b in place_parts(line):
        a = max(a, lead)
        b = len(line[:b].rstrip("*_ "))
        if b <= a:
            continue
        colon = line.rfind(": ", a, b)
        after = colon + 2
        if colon < 0 and line.find("\t", a, b) > a:
            colon = line.rfind("\t", a, b)  # "JOB TITLE\tSenior Buyer": a table's field and value
            after = colon + 1
        if colon < 0:
            # "Job Title:Senior Software Engineer": a field's value without a space
            colon = line.find(":", a, b)
            if colon > a and line[colon - 1].isalpha() and line[colon + 1:colon + 2].isupper() and line[
                    colon + 2:colon + 3].islower():
                after = colon + 1
            else:
                colon = -1
        # "HIRING: Nurse Practitioner", "Job Title: Data Scientist": the value after the colon;
        # "Founding Engineer: Backend + Data": a title before it, when none stands after it
        for a2, b2 in ((after, b), (a, colon)) if colon >= 0 else ((a, b),):
            hit = _title_in_part(line, a2, b2)
            if hit and a2 == a and colon >= 0 and (line[hit[1]:colon].strip()[:1] not in ("", ",", "(")
                                                   or not _ends_in_head(_OF_SPLIT.split(hit[2], 1)[0])):
                hit = None  # "Internship Opportunities for Students: Data ...": no title before it
            if hit:
                return start + hit[0], start + hit[1], hit[2]
    return None


def _title_in_part(line: str, a: int, b: int) -> Optional[tuple[int, int, str]]:
    """The title a field of a header line (``line[a:b]``) names, or None."""
    first = line[a:a + 2].lstrip()[:1]
    if first in _NOTE_OPENERS:
        note = _TERM_NOTE.match(line, a, b) or _COUNT.match(line, a, b)
        if note:  # "(REMOTE) Development Lead", "3 open Senior Engineer roles", "2x Fullstack Engineer"
            a = note.end()
    elif first in "HN":
        hiring = _HIRING.match(line, a, b)
        if hiring and len(line[hiring.end():b].split(" | ")[0].split()) >= 2:
            a = hiring.end()  # "Hiring Java Developer (Full-Time)"; but "Hiring Manager" is a title
    lead = _FOR_LEAD.match(line, a, b)
    if lead:  # "Urgent Opening for Java Developer at Infosys": the role after the words
        a = lead.end()
    part = line[a:b]
    cut = _SEPARATORS.search(part)
    part = part[: cut.start()] if cut else part
    slash = part.find("/ ")
    if slash > 0 and not part[slash - 1].isspace() and _head(part[:slash].rsplit(None, 1)[-1]):
        part = part[:slash]  # "Receptionist/ Administrator": the first title stated
    alt = _ALTERNATIVE.search(part) if "/" in part or " or " in part else None
    if (alt and part[:alt.start()].strip() and _head(part[:alt.start()].rsplit(None, 1)[-1])
            and (alt.group("next") is None
                 or _head(alt.group("next").rsplit(None, 1)[-1]) == _head(part[:alt.start()].rsplit(None, 1)[-1]))):
        # "Data Scientist/Senior Data Scientist/Lead Data Scientist" (one role at several
        # levels), "Analytics Manager or Director": the first title stated; but
        # "Engineer/Scientist" and "Data Scientist/ML Engineer" name one role
        part = part[:alt.start()]
    several = _SEVERAL.search(part)
    if several and _head(part[:several.start()].rsplit(None, 1)[-1]):
        # "Video Engineer / Engineering Manager", "Cryptographic Engineer & Protocol Engineer":
        # the first title stated; but "Cloud & DevOps Engineer" is one title, and so are
        # "Data Engineer / Scientist" (a lone head shares the words before it) and
        # "Founding Principal / Staff Engineer" (ranks of one title)
        before, after = part[:several.start()].split(), part[several.end():].split()
        ranks = lexicons.seniority()
        shared = len(after) == 1 and len(before) > 1 and _head(after[0].strip(",.")) is not None
        rank_pair = before[-1].lower().strip(".") in ranks and after[0].lower().strip(".,") in ranks
        if not (shared or rank_pair):
            part = part[:several.start()]
    comma = part.find(", ")
    if comma > 0 and _head(part[:comma].rsplit(None, 1)[-1]) and not _rank_only(part[:comma]):
        # "Partner Engineer, Google Assistant": the first title stated; but a rank before
        # a comma is part of the title ("Sr. Associate, Data Scientist")
        part = part[:comma]
    words = part.split()
    leading = len(words) > 8
    if leading:
        part = _leading_title(part)
        words = part.split()
    if not words or len(words) > 8 or words[0].lower() in _DETERMINERS or words[0].lower() in _MANY:
        return None  # "The Data Scientist will ...": a sentence, not a title line
    head_at = max((i for i, w in enumerate(words) if _head(w.strip(",."))), default=None)
    if head_at is None:
        return None
    last = words[head_at]
    e = a + part.find(last, len(" ".join(words[:head_at]))) + len(last)
    of = _OF_NAME.match(line, e, a + len(part))
    e = of.end() if of else e
    level = _LEVEL.match(line, e, a + len(part))
    e = level.end() if level else e
    title = line[a:e].strip(" ,./")
    if any(w in _SENTENCE_WORDS for w in title.split()):
        return None  # "Buckinghamshire Healthcare are looking for General Nurses": a sentence
    if leading and not _ends_in_head(title):
        return None  # "Acme Health Partners is a leading ...": a name opening a long line
    last = title.rsplit(None, 1)[-1]
    if lead and _singular(last) not in (None, last):
        # "Exciting Opportunity for Advanced Practitioners": the role, one holder of it
        return a, a + len(title), title[:-len(last)] + _singular(last)
    return a, a + len(title), title


def _rank_only(words: str) -> bool:
    """Words that are all seniority ranks ("VP", "Senior Manager", "Vice President", "Sr.").

    >>> _rank_only("Senior Manager"), _rank_only("Vice President"), _rank_only("Data Engineer")
    (True, True, False)
    """
    ranks = lexicons.seniority()
    low = words.lower().strip(" .")
    if not low or low in ranks:
        return bool(low)
    return all(w.strip(".") in ranks for w in low.split())


def _leading_title(part: str) -> str:
    """The title that opens a long line: up to its first ", " or ". ", and only the words
    in title case (a flattened page goes on in prose after it).

    >>> _leading_title("Customer Growth Marketing Manager, Google Cloud. Google has an opening")
    'Customer Growth Marketing Manager'
    >>> _leading_title("Band 5 Occupational Therapist Fixed Term 12 months maternity cover")
    'Band 5 Occupational Therapist Fixed Term 12'
    """
    clause = _CLAUSE_END.search(part)
    part = part[: clause.start()] if clause else part
    end = 0
    for m in _RUN_WORD.finditer(part):
        w = m.group()
        if not (_capitalised(w) or w[:1].isdigit() or w in _SMALL_WORDS):
            break
        end = m.end()
    return part[:end]


def seniority_of(title: str) -> Optional[str]:
    """The level a title implies, the highest-ranked seniority word winning, wherever it
    stands (a rank before the head, the head itself, or a rank before a comma): one rule for
    "Lead, Product Manager", "Principal Product Manager" and "Senior Manager" alike.

    >>> seniority_of("Senior Applied Science Manager"), seniority_of("Applied Scientist")
    ('manager', None)
    >>> [seniority_of(t) for t in ("Lead, Product Manager", "Principal Product Manager", "Staff Engineer",
    ...                            "Head of Data", "VP, Engineering", "Graduate Nurse", "Trainee Accountant")]
    ['manager', 'manager', 'staff', 'director', 'executive', 'junior', 'junior']
    >>> seniority_of("Staff Nurse"), seniority_of("Senior Staff Nurse"), seniority_of("Staff Scientist")
    (None, 'senior', 'staff')
    """
    table = lexicons.seniority()
    words = re.findall(r"[a-z]+", title.lower())
    pairs = [i for i, (a, b) in enumerate(zip(words, words[1:])) if f"{a} {b}" in table]
    # a pair's words count only as the pair: "Staff Nurse" (a grade) names no "staff" level
    inside = {j for i in pairs for j in (i, i + 1)}
    found = [table[w] for i, w in enumerate(words) if w in table and i not in inside]
    found += [table[f"{words[i]} {words[i + 1]}"] for i in pairs]
    found = [r for r in found if r.level is not None]
    if not found:
        return None
    return max(found, key=lambda r: r.rank).level
