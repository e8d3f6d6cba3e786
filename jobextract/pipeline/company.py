"""``jobextract_company``: who hires.

Company, by weighted contexts: "at <Org>", "join <Org>", "<Org> is an equal opportunity
employer", "<Org> is looking for" weigh most; "<Org>'s", "<Org>.com", "<Org> customers",
"across <Org>" weigh less. A business unit is traced to its employer ("Amazon Ads" ->
"Amazon", ``patterns/org_divisions.jsonl``; "Acme Robotics" stays whole unless "Acme" stands
alone elsewhere); the team itself is never the company. What names no employer: a place
after "in", "across" ("a firm in New Jersey is seeking") or a title's dash ("Registered Nurse
- Leeds"), a specialty after a title's dash ("Software Engineer - Java"), a
staff bank, a department, a plural kind ("Danish Universities"); an agency's unnamed client
("Our client, a leading logistics company, ...") gives null unless the poster describes itself.

>>> import jobextract
>>> doc = jobextract.load()("Join Acme today. Acme is an equal opportunity employer.")
>>> doc.spans["jobextract_company"][0]._.jobextract_value
'Acme'
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicons
from . import doc_text
from .organisations import (COMPANY_KEY, NAME, TEAM_KEY, _NAME_REACH, _NAME_RUN, _STRONG, _WEAK, _name_matches,
                            _name_span)

# a list item's marker just before a position: "• Manage Google's ..." opens with a verb
_BULLET_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[\-–]|\d{1,2}[.)])|[•·*])[ \t]*$")
_SELF_DESCRIBED = frozenset((_STRONG[1], _STRONG[4], _STRONG[5]))
_EMPLOYER_NOUN = re.compile(r"(?:company|employer|start-?up|firm|discriminate|EEO|EOE|[Oo]pportunit(?:y|ies)|[Ee]mployment)$")
# "based at Priestly Wharf": "at" after these words leads to a site
_AT_PLACE = re.compile(r"\b(?:based|located|situated|held|sited)\s+$")
# what follows an organisation that opens a sentence as its subject: "Elysium Healthcare follows ..."
_SUBJECT_VERB = re.compile(
    r"(?:[ \t]*\([A-Z][A-Za-z]{1,9}\))?,?[ \t]+(?:is|are|has|have|provides|provide|offers|aims|delivers|follows|"
    r"employs|operates|serves|seeks|was|were|works|runs|believes|specialises|specializes|prides)\b")
# "Company: Acme", "Employer - Acme Ltd", "CBS BUSINESS UNIT: CBS Interactive", "Agency: Department of Veterans Affairs" (USAJobs)
# the field opens a line or a bar-separated part of one ("Title | Company: Adyen| San Francisco")
# and its value runs to the line's end, a bar or the next field ("Company: Karma8 Location: Remote")
_FIELD = re.compile(
    r"(?im)(?:^|\|)[ \t*]*(?:company(?:[ \t]+name)?|employer|(?:hiring[ \t]+)?agency|organi[sz]ation|hiring[ \t]+organi[sz]ation|business[ \t]+unit|"
    r"[A-Z]+[ \t]+business[ \t]+unit|client)[ \t]*(?:\*\*)?[ \t]*[:\-–][ \t]*(?P<name>[^\n|]{2,80}?)[ \t*]*"
    r"(?=$|\||[ \t]+(?-i:[A-Z][a-z]{1,15})[ \t]*:)"
)

# the subject of a posting's opening sentence: "Aye Eye is building a privacy-first ...",
# "SwingVision is the AI tennis & pickleball app ...", "PostHog makes dev tools ..."
_OPENING_SUBJECT = re.compile(
    rf"[ \t]*(?P<name>(?>{NAME}))[ \t]+(?:(?:is|are)[ \t]+(?:building|developing|creating|making)\b"
    r"|(?:is|are)[ \t]+(?:the|an?)[ \t]+(?:[\w\-&]+,?[ \t]+){0,6}?(?:company|provider|firm|leader|organi[sz]ation|"
    r"agency|start-?up|business|manufacturer|developer|platform|app|marketplace|consultancy|retailer|studio|lab)\b"
    r"(?![ \t]+(?:values?|culture|polic(?:y|ies)|mission|goals?|priorit(?:y|ies)|wide|standards?)\b)"
    r"|builds|makes|develops|creates|designs|powers|helps|provides|offers|enables)[ \t]")

# a name that another capitalised name follows in a list: "across Legal, Compliance and ..."
_LIST_NEXT = re.compile(r"(?:,|[ \t]+(?:and|or|&))[ \t]+[A-Z]")
# a plural of people ending a name: "a team of Googlers", "a team of Data Scientists"
_PEOPLE = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees|ives)$")
_NAME_AT = re.compile(NAME)

_SPELT_OUT = re.compile(rf"(?P<name>(?>{NAME}))[ \t]*$")  # the name before "(ACR)"


@Language.factory("jobextract_company", default_config={})
def make_company(nlp: Language, name: str) -> "CompanyFinder":
    return CompanyFinder(name)


class CompanyFinder:
    def __init__(self, name: str = "jobextract_company") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        team = doc.spans.get(TEAM_KEY)
        team_name = team[0]._.jobextract_value["name"] if team else None
        best = pick_company(text, team_name)
        spans = []
        if best:
            s, e, name = best
            span = doc.char_span(s, e, label="company", alignment_mode="expand")
            if span is not None:
                span._.jobextract_value = name
                spans.append(span)
        doc.spans[COMPANY_KEY] = spans
        return doc


def pick_company(text: str, team_name: Optional[str] = None) -> Optional[tuple[int, int, str]]:
    """The employer named in ``text``: (start, end, name) of its first mention, or None.

    Each mention adds its context's weight to its name. Names that are one another's
    opening words ("Elysium", "Elysium Healthcare") or an acronym and the name it abbreviates
    ("PHE", "Public Health England (PHE)") pool their weights, and the mention with the most
    weight of its own speaks for them: a site or a department named once must outweigh them
    all ("a Support Worker at Badby Park" against "Elysium Healthcare follows ...").

    >>> t = "The Ads team of Amazon Ads serves advertisers. Amazon is an equal opportunity employer."
    >>> pick_company(t)[2]
    'Amazon'
    """
    agency = _agency(text, min(len(text), 3000))
    if agency and agency.group("client") is not None:
        # "Our client, Acme Bank, is seeking ...": an agency posts for its client, the employer
        client = _NAME_RUN.match(text, agency.end("client"))
        hit = _name_span(text, client) if client else None
        name = _employer_of(text, hit[2]) if hit else None
        if name and text.startswith(name, hit[0]):
            return hit[0], hit[0] + len(name), name
    scores: dict[str, float] = defaultdict(float)
    where: dict[str, tuple[int, int]] = {}
    self_described: set[str] = set()  # "<Name> is a ... company", "<Name> is an equal opportunity employer"
    introduced: set[str] = set()
    located: set[str] = set()  # places named after "in", "across" ...: they count for a family only
    free: set[str] = set()

    def add(s: int, name: Optional[str], weight: float) -> None:
        if not name:
            return
        if text.startswith("The ", s - 4) and s >= 4 and " " in name and name.split()[-1].lower() in _ORG_ENDINGS:
            s, name = s - 4, "The " + name  # "The Huntercombe Group": the article is part of the name
        if _is_place(name):
            weight /= 3  # "University of Texas at Austin", "based in Surrey": a place, whatever names it
            if _LOCATIVE_BEFORE.search(text, max(0, s - 12), s):
                located.add(name)  # "a real estate firm in New Jersey is seeking": where, not who
            else:
                free.add(name)
        initials = _INITIALS_BEFORE.search(text, max(0, s - 12), s)
        if initials:
            s, name = initials.start(), text[initials.start():s] + name  # "J.P. Morgan", not "Morgan"
        scores[name] += weight
        if name not in where or s < where[name][0]:
            where[name] = (s, s + len(name))

    followers = _Followers(text)
    sites = lexicons.org_sites()
    hits: dict[tuple, int] = defaultdict(int)
    for weight, regexes in ((3.0, _STRONG), (1.0, _WEAK)):
        for regex in regexes:
            for m in _name_matches(regex, text):
                hit = _name_span(text, m)
                if not hit:
                    continue
                s, e, name = hit
                if regex is _WEAK[0] and " " in name and (_BULLET_BEFORE.search(text, max(0, s - 8), s) or " and " in name):
                    # "Manage Google's ...", "the Internet and Google's ...": the possessor alone
                    last = name.rsplit(" ", 1)[1]
                    s, name = e - len(last), last
                if weight < 3 and " " not in name and _opens_sentence(text, s):
                    continue  # "Assist customers ...": a capital that only opens a sentence
                if regex is _WEAK[3] and _LIST_NEXT.match(text, e):
                    continue  # "across Legal, Compliance and Go-to-Market": departments in a list
                if regex is _WEAK[4] and _PEOPLE.search(name):
                    continue  # "a team of User Experience Researchers", "a team of Googlers"
                if regex is _STRONG[0] and _AT_PLACE.search(text, max(0, m.start() - 12), m.start() + 1):
                    continue  # "based at Priestly Wharf": a site, not the employer
                strong_self = regex in _SELF_DESCRIBED and bool(_EMPLOYER_NOUN.search(m.group()))
                if name == team_name and not strong_self:
                    continue  # the team itself is not the employer
                name = _employer_of(text, name, followers if weight < 3 else None, keep_unit=strong_self)
                if not name:
                    continue
                if strong_self:
                    self_described.add(name)
                if regex is _STRONG[6] or regex is _STRONG[2]:
                    introduced.add(name.lower())  # "About Acme", "Delphi-US seeks ...": the poster speaks for itself
                w = weight
                if regex is _STRONG[0] and name.split()[-1] in sites:
                    w = 1.0  # "a Support Worker at Badby Park": where the work is
                hits[regex, name] += 1
                if hits[regex, name] <= 2:  # a context repeated is one piece of evidence, not many
                    add(s, name, w)
    for m in _name_matches(_NAME_RUN, text):
        # an organisation named with its legal or institutional ending, wherever it stands
        words = _tidy(m.group()).split()
        legal = _LEGAL_AFTER.match(text, m.end())
        if not legal and (len(words) < 2 or words[-1].lower().strip(".") not in _ORG_ENDINGS
                          or not words[-1][:1].isupper()):
            continue
        if not legal and _FIELD_LABEL_AFTER.match(text, m.end()):
            continue  # "Industry: Online Media Company size: 51-200": the ending opens a field's label
        hit = _name_span(text, m)
        if not hit or hit[2] == team_name:
            continue
        name = _employer_of(text, hit[2])
        if not name or not (legal or " " in name):
            continue
        last = name.split()[-1]
        weight = 1.0 if legal or last.lower().strip(".") in _LEGAL_ENDINGS and last not in sites else 0.5
        if _opens_sentence(text, hit[0]) and _SUBJECT_VERB.match(text, hit[1]):
            weight = 3.0  # "Elysium Healthcare follows ...", "Acme Ltd (ACL) provides ..."
        hits[_NAME_RUN, name] += 1
        if hits[_NAME_RUN, name] <= 2 or weight == 3.0:
            add(hit[0], name, weight)
    for s, e, name, weight in _title_line_companies(text):
        # after a comma, "Google Marketing Solutions" is Google's where "Google" stands alone elsewhere;
        # a tail that stays whole is a team or a specialty ("Contracts Manager, Ads", "UX Engineer,
        # Front End", "Head of Go-To-Market, Brazil") unless its ending makes it an organisation
        tail = name
        name = _employer_of(text, name, followers if weight < 2 else None)
        if (name and weight < 2 and name == _tidy(tail)
                and _tidy(tail).split()[-1].lower().strip(".") not in _LEGAL_ENDINGS and not _LEGAL_AFTER.search(tail)):
            continue
        if name and weight >= 2 and name not in scores and _used_as_skill(text, name):
            continue  # "Software Engineer - Java ... a Java developer": a specialty, not an employer
        if name and (name != team_name or weight >= 2):
            if weight >= 2:
                self_described.add(name)  # "Privacy Counsel at Google" names the employer, whatever the team
            add(s, name, weight)
    for m in _FIELD.finditer(text, 0, min(len(text), 4000)):
        value = m.group("name").strip(" *")
        if "client" in m.group().lower()[:12]:
            continue  # a client is not the employer
        nm = _NAME_AT.match(value)
        if nm:
            name = _tidy(nm.group())
            s = m.start("name") + value.find(nm.group())
            self_described.add(name)
            add(s, name, 6.0)
    opening = _OPENING_SUBJECT.match(text, 0, min(len(text), 400))
    hit = _name_span(text, opening) if opening else None
    if hit and not _title_or_place(hit[2]):
        name = _employer_of(text, hit[2])
        if name:
            self_described.add(name)
            add(hit[0], name, 3.0)
    header = _header_company(text)
    if header:
        s, e, name = header
        self_described.add(_tidy(name))
        add(s, _tidy(name), 5.0)
    if not scores:
        return None
    team_words = set(re.findall(r"\(([A-Z][A-Za-z0-9]*)\)", team_name)) if team_name else set()
    own: dict[str, float] = {}
    for name, score in scores.items():
        if team_name and (name == team_name and name not in self_described or name in team_words):
            continue  # the team itself, or its acronym, is not the employer
        if team_name and team_name.startswith(name + " ") and name not in self_described:
            score /= 3  # the first word of the team's name is more often a product than the employer
        own[name] = score
    for name in [n for n in own if n.isupper() and 2 <= len(n) <= 8 and " " not in n and own[n] < 3]:
        for m in (re.finditer(rf"\({re.escape(name)}\)", text) if f"({name})" in text else ()):
            spelt = _SPELT_OUT.search(text, max(0, m.start() - _NAME_REACH), m.start())
            hit = _name_span(text, spelt) if spelt else None
            if hit and _abbreviates(name, hit[2]) and not _organisation_shaped(hit[2]):
                del own[name]  # "Design of Experiment (DOE)": the acronym of a method, not an employer
                break
    if not own:
        return None
    name = _best_of_families(text, own, where, self_described)
    if name is None:
        return None
    if agency and name.lower() not in introduced and not any(
            n in self_described for n in own if name.startswith(n) or n.startswith(name)):
        return None  # "Our client, a leading logistics company, ...": the client goes unnamed, and no
        # organisation describes itself as the one that posts ("IGNW is an engineering-based resourcing company")
    if name in located and name not in free:
        return None  # "a leading firm in New Jersey": no mention names the place as anyone
    s, e = where[name]
    if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        spelt = _spelt_out(text, name)  # "PHE" where the text also writes "Public Health England"
        if spelt:
            if _organisation_shaped(spelt[2]) or own.get(name, 0.0) >= 3:
                return spelt
            return None  # "Design of Experiment (DOE)": the acronym of a method, not an employer
    return s, e, name


def _used_as_skill(text: str, name: str) -> bool:
    """Whether ``text`` uses ``name`` as a skill: before a word for work done with it
    ("Java developer", "React experience") or after one for having it ("experience with Python").

    >>> _used_as_skill("We need a Java developer.", "Java"), _used_as_skill("Work at Google.", "Google")
    (True, False)
    """
    if len(name) > 40:
        return False
    n = re.escape(name)
    for m in re.finditer(rf"{n}[ \t]+(?:developers?|engineers?|engineering|development|experience|skills?|programming|"
                         r"code|coding|frameworks?|stack|libraries|ecosystem|expertise|knowledge)\b", text):
        if not _word_before(text, m.start()):
            return True
    return re.search(r"(?:experience|proficiency|expertise|knowledge|skills?|familiarity|fluency)[ \t]+(?:with|in|of|using)[ \t]+"
                     rf"(?:[\w#+.]{{1,20}},?[ \t]+(?:and[ \t]+|or[ \t]+)?){{0,4}}{n}(?=[ \t]*(?:[,.;:)/\n]|and\b|or\b|$))",
                     text) is not None


def _word_before(text: str, at: int) -> bool:
    """Whether a word character or a dot stands just before ``at`` ("Acme" inside "NotAcme", "x.Acme")."""
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_.")


def _organisation_shaped(name: str) -> bool:
    """Whether a spelt-out acronym reads as an organisation: an institutional ending, or a
    place that a national or regional body is named after.

    >>> _organisation_shaped("Public Health England"), _organisation_shaped("Design of Experiment")
    (True, False)
    """
    last = name.split()[-1]
    return last.lower().strip(".") in _ORG_ENDINGS or _is_place(last)


def _spelt_out(text: str, acronym: str) -> Optional[tuple[int, int, str]]:
    """The first run of capitalised words whose initials are ``acronym``, or None.

    >>> _spelt_out("Staff of Public Health England. PHE is hiring.", "PHE")
    (9, 30, 'Public Health England')
    """
    glue = r"[ \t]+(?:(?:and|of|for|the|&)[ \t]+)?"
    words = glue.join(rf"{c}[a-z]{{1,20}}" for c in acronym)
    m = re.search(rf"(?<![\w-]){words}(?![\w-])", text)
    return (m.start(), m.end(), m.group()) if m else None


def _best_of_families(text: str, own: dict[str, float], where: dict[str, tuple[int, int]],
                       preferred: frozenset[str] | set[str] = frozenset()) -> Optional[str]:
    """The name that speaks for the family with the most weight.

    A family is a name with the names that open it ("Cygnet" in "Cygnet Health Care") and
    the acronym it is given in the text ("Public Health England (PHE)"); its weight is the
    sum of its members', and its best member the one with most weight of its own (the
    spelt-out name, where an acronym ties with it) among those that carry an institutional
    ending, if any do ("Royal Surrey" is the short name of "Royal Surrey NHS Foundation Trust");
    a longer name that a ``preferred`` context states in full ("Genesis Research is an
    international consultancy") wins over the short one the text goes on to use ("Genesis").

    >>> _best_of_families("Cygnet. Cygnet Health Care is ...", {"Cygnet": 1.0, "Cygnet Health Care": 3.0},
    ...                   {"Cygnet": (0, 6), "Cygnet Health Care": (8, 26)})
    'Cygnet Health Care'
    """
    names = sorted(own, key=len)
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    for i, short in enumerate(names):
        for long in names[i + 1:]:
            bare = long[4:] if long.startswith("The ") else long
            if bare == short or any(bare.startswith(short + c) for c in " ’'"):
                parent[root(short)] = root(long)
    for acro in list(names):
        if acro.isupper() and 2 <= len(acro) <= 8 and " " not in acro:
            for m in (re.finditer(rf"\({re.escape(acro)}\)", text) if f"({acro})" in text else ()):
                spelt = _SPELT_OUT.search(text, max(0, m.start() - _NAME_REACH), m.start())
                hit = _name_span(text, spelt) if spelt else None
                if hit and hit[2] not in own and _abbreviates(acro, hit[2]):
                    long = hit[2]  # "Public Health England (PHE)": the name itself
                    own[long], where[long], parent[long] = 0.0, (hit[0], hit[1]), long
                    names.append(long)
                for long in names:
                    if long != acro and _abbreviates(acro, long) and text.rfind(long, max(0, m.start() - 120), m.start()) >= 0:
                        parent[root(acro)] = root(long)
                        own[long] += own[acro] + 0.01  # the spelt-out name speaks for its acronym
                        own[acro] = 0.0
                        break
    totals: dict[str, float] = defaultdict(float)
    for n in names:
        totals[root(n)] += own[n]
    best = max(totals, key=lambda r: (totals[r], -min(where[n][0] for n in names if root(n) == r)))
    reps = {r: max((n for n in names if root(n) == r), key=lambda n: own[n]) for r in totals}
    if reps[best].split()[-1] in lexicons.org_sites():
        # "Renacres Hospital is looking for ...", with "Ramsay Health Care UK is one of the leading
        # providers ..." further down: the site is the employer's, the employer hires
        owners = [r for r in totals if r != best and totals[r] >= 3
                  and any(" " in n and n.split()[-1].lower().strip(".") in _FULL_ENDINGS
                          and n.split()[-1] not in lexicons.org_sites() for n in names if root(n) == r)]
        if owners:
            best = max(owners, key=lambda r: totals[r])
    members = [n for n in names if root(n) == best]
    full = [n for n in members if " " in n and n.split()[-1].lower().strip(".") in _FULL_ENDINGS]
    best = max(members, key=lambda n: (n in full, own[n], -where[n][0]))
    longer = [n for n in members if n in preferred and n.startswith(best + " ")]
    return max(longer, key=lambda n: own[n]) if longer and best not in full else best


def _abbreviates(acro: str, name: str) -> bool:
    """Whether ``acro`` could abbreviate ``name``: its first letter, then its other letters in order.

    >>> _abbreviates("CPFT", "Cambridgeshire and Peterborough NHS Foundation Trust"), _abbreviates("PHE", "Google")
    (True, False)
    """
    letters = "".join(c for c in name if c.isalpha()).upper()
    if not letters or letters[0] != acro[0]:
        return False
    pos = 0
    for c in acro:
        pos = letters.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


@lru_cache(maxsize=4096)  # a pure function of a name that recurs across postings
def _is_job_term(name: str) -> bool:
    """Whether ``name`` is an employment-type or arrangement value, or a pay phrase: the parts
    of a header line that are not its employer.

    >>> _is_job_term("Permanent"), _is_job_term("Competitive Salary"), _is_job_term("Acme")
    (True, True, False)
    """
    return bool(_PAY_WORDS.search(name) or _job_term_values().fullmatch(name))


@lru_cache(maxsize=1)
def _job_term_values() -> re.Pattern:
    """The value regexes of ``patterns/job_terms.jsonl`` as one regex."""
    values = [f"(?:{rule.regex})" for rule in lexicons.job_terms() if rule.where == "value"]
    return re.compile("|".join(values) or r"(?!)", re.I)


_PAY_WORDS = re.compile(r"(?i)\b(?:salary|pay|wage|rate|bonus|hours)\b")


@lru_cache(maxsize=4096)  # a pure function of a name that recurs across postings
def _is_place(name: str) -> bool:
    """Whether ``name`` is a town, a US state or a country in the gazetteer.

    >>> _is_place("Austin"), _is_place("Florida"), _is_place("Google")
    (True, True, False)
    """
    from ..geo import country_code, place_city, region_code

    if name.isupper() and len(name) == 2:
        return region_code("US", name) is not None
    return bool(place_city(name) or region_code("US", name) or len(name) > 2 and country_code(name))


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a line or a list item.

    >>> _opens_sentence("Lead. Assist customers", 6), _opens_sentence("help Acme customers", 5)
    (True, False)
    """
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n•·-*" or text[i] in "\"“("


# an agency's posting: "Our client, a leading logistics company, ...", "on behalf of our client";
# "Our client, Acme Bank, is seeking ..." names the client
_CLIENT = re.compile(r"client(?P<tail>(?=,|[ \t]+(?:is|are|has|have|seeks|headquartered|based|located|who|in)\b)"
                     r"(?:,[ \t]+(?=[A-Z])(?!(?:A|An|The|One)\b)(?P<client>))?)?")
_OUR_BEFORE = re.compile(r"(?<![\w-])(?:Our|My)[ \t]+$")
_BEHALF_BEFORE = re.compile(r"(?<![\w-])on[ \t]+behalf[ \t]+of[ \t]+(?:our|my|a|an)[ \t]+(?:[\w\-]{1,20}[ \t]+){0,3}$")


def _agency(text: str, end: int) -> Optional[re.Match]:
    """The first cue in ``text[:end]`` that an agency posts for a client: "Our client" opening a
    sentence as its subject, or "on behalf of our client" (a match of "client", its group
    ``client`` set where the client's name follows: "Our client, Acme Bank, ...").

    >>> _agency("Our client, a leading bank, is hiring.", 40).start()
    4
    >>> _agency("Improve our client relationships.", 40) is None
    True
    """
    for m in _CLIENT.finditer(text, 0, end):
        at = m.start()
        if m.group("tail") is not None:
            our = _OUR_BEFORE.search(text, max(0, at - 8), at)
            if our and _opens_sentence(text, our.start()):
                return m
        if _BEHALF_BEFORE.search(text, max(0, at - 120), at):
            return m
    return None


# a preposition of place just before a name: "a firm in New Jersey", "offices across Europe"
_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:in|near|from|across|within|throughout|outside|around|of|to)[ \t]+$")
# a person's initials just before a surname that names a firm: "J.P. Morgan" (two at least: "Plan B. Acme")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){2,3}[ \t]?$")
_TRAILING_PARENS = re.compile(r"[ \t]*\([^()\n]{1,60}\)$")
_TAIL_SEPARATORS = ((" - ", 2.0), (" – ", 2.0), (" at ", 2.0), (" @ ", 2.0), (", ", 1.0))


_ABBREVIATION = re.compile(r"\b(?:Inc|Ltd|Corp|Co|Sr|Jr|Snr)$")


def _opening_lines(text: str, n: int = 3):
    """(start, end) of the first ``n`` non-empty lines, each cut at its first ". " (a flat
    posting runs on after its title line).

    >>> t = "Dublin\\n\\nGoogle | Engineer. We build."
    >>> [t[a:b] for a, b in _opening_lines(t)]
    ['Dublin', 'Google | Engineer']
    """
    out, pos = [], 0
    while len(out) < n and pos < len(text):
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        nl = text.find("\n", pos, pos + 400)
        stop = nl if nl >= 0 else min(len(text), pos + 400)
        dot = text.find(". ", pos, stop)
        while dot >= 0 and _ABBREVIATION.search(text, max(pos, dot - 5), dot):
            dot = text.find(". ", dot + 2, stop)  # "Comity Inc. | Hybrid", "Sr. Engineer": no sentence ends
        end = dot if dot >= 0 else stop
        if end > pos:
            out.append((pos, end))
        pos = stop + 1
    return out


def _title_line_companies(text: str) -> list[tuple[int, int, str, float]]:
    """Employers named after the title on an opening line, with the weight of their
    separator: "Voice Designer - Google", "Program Manager at Acme" (2); "Product
    Specialist, Google Cloud" (1: after a comma the tail is as often a department).

    >>> _title_line_companies("Voice User Interface Designer - Google. We design.")
    [(32, 38, 'Google', 2.0)]
    >>> _title_line_companies("Registered Nurse - Leeds. Join our ward team in Leeds.")  # where, not who
    []
    """
    from ..geo import parse_location
    from .title import title_from_line

    for pos, line_end in _opening_lines(text):
        hit = title_from_line(text, pos, line_end)
        if not hit:
            continue
        tail = text[hit[1]:line_end].rstrip(" .")
        bar = tail.find("|")
        tail = tail[:bar].rstrip() if bar > 0 else tail  # "Engineer @ Acme | Remote | $150k": the first field
        cut, weight = -1, 0.0
        for sep, w in _TAIL_SEPARATORS:
            i = tail.rfind(sep)
            if i > cut:
                cut, weight = i + len(sep), w
        if cut < 0:
            return []
        last = _TRAILING_PARENS.sub("", tail[cut:].strip())  # "Google Cloud (Multiple Languages)"
        if (not _NAME_AT.fullmatch(last) or len(last.split()) > 5 or parse_location(last) or _is_place(last) or _EXPERIENCE.match(last)
                or title_from_line(last, 0, len(last))):
            return []
        first = last.split()[0]  # (a word the text holds once cannot stand in it twice: no regex to build)
        if weight < 2 and (text.count(first) < 2 or len(re.findall(rf"\b{re.escape(first)}\b", text)) < 2):
            return []
        at = hit[1] + cut + (len(tail[cut:]) - len(tail[cut:].lstrip()))
        return [(at, at + len(last), last, weight)]
    return []


_MD_LINK = re.compile(r"\[([^\[\]\n]{1,80})\]\([^()\s]{1,300}\)$")


def _title_or_place(name: str) -> bool:
    """Whether ``name`` reads as a job title or a place rather than a name.

    >>> _title_or_place("Senior Engineer"), _title_or_place("Aye Eye")
    (True, False)
    """
    from ..geo import parse_location
    from .title import title_from_line

    return bool(title_from_line(name, 0, len(name)) or parse_location(name))


def _header_company(text: str) -> Optional[tuple[int, int, str]]:
    r"""The first part of an opening "Company | Role | Location" line.

    >>> _header_company("Acme Robotics | Senior DevOps Engineer | Remote\nWe build robots.")
    (0, 13, 'Acme Robotics')
    """
    from ..geo import parse_location, place_parts
    from .title import title_from_line

    for start, stop in _opening_lines(text):
        line = text[start:stop]
        bars = line.count("|")
        if not bars and not _ANY_SEPARATOR.search(line) and line.count("/ ") < 2:
            continue  # one field: no header of fields (the cheap test first)
        parts = place_parts(line)
        if len(parts) < 2 and line.count("/ ") >= 2:
            # "Revelare Networks / Mobile Software Engineer/ Fully Remote/ Full-Time": fields after slashes
            parts = [(m.start(), m.end()) for m in _SLASH_FIELD.finditer(line) if m.end() > m.start()]
        tag = _TAG.match(line)
        if (tag and not _HIRING_TAG.fullmatch(tag.group(1).strip()) and _NAME_AT.fullmatch(tag.group(1).strip())
                and not tag.group(1).strip().isdigit()
                and title_from_line(line, tag.end(), parts[0][1])):
            name = tag.group(1).strip()  # "[Acme] Senior Engineer - Remote": the employer in brackets
            return start + 1, start + 1 + len(name), name
        dashed = _DASHED.search(line) is not None
        if len(parts) < 2 or (not bars and not dashed and len(parts) < 3):
            continue
        a, b = parts[0]
        name = line[a:b].strip()
        if bars >= 2 and len(parts) > 2 and parse_location(name) and not parse_location(line[parts[1][0]:parts[1][1]].strip()):
            parts = parts[1:]  # "Cologne, Germany | UMH | Product Engineer": the place first, then the employer
            a, b = parts[0]
            name = line[a:b].strip()
        link = _MD_LINK.match(name)
        if link:  # "[LiveKit](http://livekit.io/) | ...": the link's text names it
            a, name = line.index(name, a) + 1, link.group(1).strip()
        if not bars and (len(name.split()) > 6 or not _NAME_AT.fullmatch(_tidy(name))):
            continue  # "We are - REMOTE US Hours - Engineering, ...": words, not a name, before dashes
        a += len(name) - len(name.lstrip("#*_ "))
        name = name.lstrip("#*_ ").rstrip("*_ ")  # "**Acme** | Senior Engineer", "# Moyai | ...": Markdown
        if _GREETING.match(name):
            continue  # "Hi HN — I'm Nicole, cofounder of ...": a greeting, not a name
        tag = _TAG.match(name)
        if tag and _HIRING_TAG.fullmatch(tag.group(1).strip()):
            a, name = a + tag.end(), name[tag.end():]  # "[HIRING] Acme | ...": the channel's tag
        rest = [line[c:d].strip() for c, d in parts[1:]]
        if (bars >= 2 and name and title_from_line(name, 0, len(name)) and _NAME_AT.fullmatch(rest[0])
                and 2 <= len(rest[0].split()) <= 5 and not title_from_line(rest[0], 0, len(rest[0]))
                and not all(w.lower() in lexicons.org_departments() for w in rest[0].split())
                and rest[0].split()[-1].lower() not in lexicons.org_generic()
                and not _field_kind(rest[0]) and len(re.findall(rf"(?<!\w){re.escape(rest[0])}(?!\w)", text)) >= 2):
            # "Data Analyst | Redistricting Data Hub | Remote (US)": the role first, then the
            # employer, a name the posting uses again
            c = parts[1][0] + (len(line[parts[1][0]:]) - len(line[parts[1][0]:].lstrip()))
            return start + c, start + c + len(rest[0]), rest[0]
        as_title = title_from_line(name, 0, len(name)) if name else None
        after = name[as_title[1]:].strip() if as_title else ""
        if (bars >= 2 and after[:1].isupper() and len(after.split()) <= 4 and _NAME_AT.fullmatch(after)
                and all(w[:1].isupper() for w in after.split()) and after.split()[-1].lower() in _ORG_ENDINGS):
            as_title = None  # "Architect Financial Technologies": a trade opens the name, more name words follow
        later = next((t for t in (title_from_line(r, 0, len(r)) for r in rest) if t), None) if as_title else None
        if not name or (as_title and not (
                len(parts) > 2 and later and (" " not in name or (_plural(as_title[2]) and not _plural(later[2]))))):
            continue  # a title opens the line; but "Mason | Software Engineer | Fulltime", "Flow Traders |
            # Research Engineer": a name that is also a trade, or its plural, before the title
        if bars >= 2:
            pass  # "Acme | Role | Place": a header of fields
        elif bars == 1:
            if not (any(title_from_line(line, c, d) or _field_kind(line[c:d].strip()) for c, d in parts[1:3])
                    or (text.count(name) >= 2 and len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)) >= 2)):
                continue  # "Acme | Data Engineer", "Nova Credit | Remote (US)": one bar is enough when a
                # title, place or term follows or the name recurs
        elif not any(title_from_line(r, 0, len(r)) or (_field_kind(r) if dashed else parse_location(r)) for r in rest):
            continue  # "Knowlix — ONSITE (Munich, DE) — Full-time": dashes part fields when they hold one;
            # hyphens when a title or a place follows ("Band 6 - Full time - Permanent": no name)
        bare = _tidy(name)
        if not bars and not _NAME_AT.fullmatch(bare):
            continue  # (after a channel's tag is dropped)
        if (len(name.split()) > 6 or parse_location(bare) or _is_job_term(bare)
                or bare.upper() in _NOT_EMPLOYERS or bare.split()[-1] in ("position", "positions", "role", "roles")):
            continue
        return start + a, start + a + len(name), name
    return None


def _plural(title: str) -> bool:
    """Whether a title's last word is a plural ("Flow Traders")."""
    from .title import _singular

    last = title.rsplit(None, 1)[-1]
    one = _singular(last)
    return one is not None and one != last


def _field_kind(part: str) -> bool:
    """Whether a field of a header line is a place, an arrangement, a type or pay."""
    from ..geo import parse_location

    bare = _TRAILING_PARENS.sub("", part).strip()
    return bool(bare and (parse_location(part) or parse_location(bare) or _is_job_term(bare)))


# a bracketed word before a header's first field: a channel's tag ("[HIRING]") or the employer
_TAG = re.compile(r"\[([^\[\]\n]{1,40})\][ \t]*")
_HIRING_TAG = re.compile(r"(?i)(?:(?:now|we'?re|we\s+are)\s+)?hiring|jobs?|job\s+post(?:ing)?|for\s+hire|remote|on-?site|hybrid"
                         r"|full[- ]?time|part[- ]?time|contract|freelance|paid|offer|vacancy|opening")
# "Senior Software Engineer - Java - Bengaluru - 5-8 Years": the experience asked, no name
_EXPERIENCE = re.compile(r"\d{1,2}(?:[ \t]*(?:-|–|to)[ \t]*\d{1,2})?\+?[ \t]*(?i:years?|yrs?)\b")
_GREETING = re.compile(r"(?i)(?:hi|hey|hello|dear)\b")
_ANY_SEPARATOR = re.compile(r"\s[-–—·•]\s|^\[")
# the separators of a header line of fields other than bars: " — ", " – " ("Hearo — Founding Engineer — ...")
_DASHED = re.compile(r"\s[—–]\s")
_SLASH_FIELD = re.compile(r"[^/]{1,200}?(?=\s*/\s|$)")
# an opening field that names a poster who is no employer ("SEEKING WORK | Full-Stack Developer")
_NOT_EMPLOYERS = frozenset({"SEEKING WORK", "SEEKING FREELANCER", "SEEKING", "FOR HIRE", "HIRING", "WANT TO BE HIRED"})


@lru_cache(maxsize=4096)  # a pure function of a name that recurs across postings
def _tidy(name: str) -> str:
    """A name without its legal form or a trailing parenthesis: "Acme, Inc." -> "Acme",
    "Google Cloud (Spanish)" -> "Google Cloud"."""
    name = _NOISE_TAIL.sub("", name) or name  # "SpruceID (YC W21)", "Clutch https://clutchapp.io"
    words = name.split()
    while len(words) > 1 and words[-1].startswith("("):
        words = words[:-1]
    return _LEGAL_SUFFIX.sub("", " ".join(words))


# what trails a name and is not part of it: a bracketed note ("(YC W21)", "(NASDAQ: XYZ)",
# "(https://acme.io)", "[ Global"), a link, or the name's own domain after it ("Acme.io acme.io")
_NOISE_TAIL = re.compile(r"(?:[ \t]+(?:[(\[][^()\[\]\n]{0,80}[)\]]?|(?:https?://|www\.)\S{1,200})"
                         r"|,?[ \t]+YC[ \t]?[A-Z]?\d{2})+$")  # ("Thunder Compute, YC S24": a batch after a comma)


def _employer_of(text: str, name: str, followers_of: Optional["_Followers"] = None,
                 keep_unit: bool = False) -> Optional[str]:
    """Trace a business unit to its employer: "Amazon Ads" -> "Amazon".

    Trailing business-unit words are dropped; a possessive ends the name ("Google's Mexico
    City" -> "Google", but "St Andrew's Healthcare" stays); a name made only of words that
    name a kind of organisation ("NHS Trust", "CIC") names none.
    """
    divisions = lexicons.org_divisions()
    words = _tidy(name).split()
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s")) and len(w) > 3:
            if i == len(words) - 1 or words[-1].lower().strip(".") not in _ORG_ENDINGS:
                words = words[:i] + [w[:-2]]
            break
    while len(words) > 1 and words[-1] in divisions and not keep_unit:  # "Kodiak Robotics is a ... company"
        if words[-1].lower() in _ORG_ENDINGS and not _stands_alone(text, words[0], words[1]):
            break  # "At Acme Robotics we build ...", where "Acme" never stands alone: the name is whole
        words = words[:-1]
    if (followers_of is not None and len(words) > 1 and words[0][:1].isupper() and len(words[0]) > 2
            and words[0].lower() not in _generic() and words[-1].lower().strip(".") not in _ORG_ENDINGS):
        # a weak mention whose first word also stands alone before other words ("Amazon and",
        # "Amazon Earth's Best Employer"): the first word is the employer
        followers = followers_of.of(words[0])
        # the word stands alone somewhere ("Amazon and", "Amazon, ", "Amazon. "): read from what
        # follows it, not by a search of the whole text per name (quadratic on long texts)
        standalone = any(_ALONE_AFTER.match(f) for f in followers)
        if len(followers) >= 2 and standalone:
            words = words[:1]
    if len(words) > 1 and words[-1] == "Bank" and words[-2].lower() in _STAFF_BANK:
        # "the Temporary Staffing Bank": a pool of staff the employer keeps, not an employer;
        # "Imperial College Healthcare NHS Trust Staff Bank": the employer's
        while words and words[-1].lower() in _STAFF_BANK:
            words = words[:-1]
        if not words:
            return None
    if words[-1].lower() in _KINDS and (len(words) < 3 or words[-2] != "of"):
        return None  # "Academic Staff at Danish Universities" names a kind; "the Priory Group of Companies" one
    out = " ".join(words)
    if out.lower() in _not_orgs() or len(out) < 2 or _is_job_term(out):
        return None
    if all(w.lower().strip(".,") in _generic() or w.lower().strip(".,") in _ORG_ENDINGS for w in words):
        return None
    departments = lexicons.org_departments()
    if all(w.lower() in departments or w in ("and", "&", "of") for w in words):
        return None  # "Legal", "Treasury", "Hardware and Display": a department, not an employer
    heads = lexicons.title_heads()
    if len(words) > 1 and all(w.lower() in departments or w.lower() in _ORG_ENDINGS or w.lower() in _generic()
                              or w.lower() in heads or w.lower()[:-1] in heads for w in words):
        return None  # "Work with Development Corporation leadership", "Data Engineer's work": kinds and roles, no name
    if len(words) == 1 and (out.lower() in heads or out.lower()[:-1] in heads):
        return None  # "Ensure Auditor's requests are met": a role, not an employer
    if len(words) > 1 and words[-1].lower() in ("team", "teams"):
        return None  # "the AI/ML Team": a team is not the employer
    if _NOT_A_NAME.search(words[0]) or any(_RUN_ON.search(w) for w in words) or words[-1].isdigit():
        return None  # "7am", "8 Bank", "Disclosure Scotland.We", "J.Patel", "Summer 2018", "Job descriptionWe"
    return out


_STAFF_BANK = frozenset("staff staffing nurse nursing locum temporary bank".split())
# plurals that name a kind of organisation: a name that ends with one names many, not the employer
_KINDS = frozenset("universities companies colleges employers organisations organizations agencies businesses firms".split())
# a first word that is a number or a time ("7 CQC", "7/7.30am"), a word run on into the next
# sentence or a person's initial ("Scotland.We", "J.Patel")
_NOT_A_NAME = re.compile(r"^[\d/.:,]+(?:am|pm)?$")
_RUN_ON = re.compile(r"\w\.[A-Z][a-z]|^[a-z]{4,}[A-Z]")  # also a heading run on: "Job descriptionWe are ..."
# the last word of a full organisation name: "Hampshire Hospitals NHS Foundation Trust", "Acme Inc."
_ALONE_AFTER = re.compile(r"\s+[a-z]|[,;:!?)]|\.\s|\s*$")
_FIELD_LABEL_AFTER = re.compile(r"[ \t]+[a-z]{2,20}[ \t]*[:：]")
_ORG_ENDINGS = frozenset(
    "trust board hospital hospitals hospice group inc incorporated llc ltd limited plc llp lp gmbh ag sa bv "
    "co corp corporation company companies cic nhs university college institute foundation society charity "
    "association partnership council authority agency service services clinic practice surgery centre center "
    "network alliance laboratories labs bank insurance systems solutions technologies consulting partners "
    "industries holdings enterprises international pharmaceuticals pharma therapeutics biosciences biotech "
    "healthcare health insights analytics software energy media capital associates mutual american diagnostics "
    "medical financial robotics motors airlines foods brands stores markets logistics communications care".split()
)
# "Acme, Inc.", "Acme LLC": the legal form is not part of the name people filter on
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:Inc|INC|Incorporated|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|Corp|CORP|PLC|plc|LLP|GmbH|GMBH|S\.A|AG|SE|B\.?V|N\.V|AB|Oy|ApS|A/S|SAS|Pty|Pvt)\.?){1,2}$")
_LEGAL_AFTER = re.compile(r",?[ \t]+(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|PLC|LLP|GmbH)\b")
# endings that make a name an organisation wherever it stands
_LEGAL_ENDINGS = frozenset(
    "trust hospital hospitals hospice inc incorporated llc ltd limited plc llp gmbh corp corporation company "
    "cic university foundation society charity association council authority bank insurance holdings industries".split()
)
# endings that close the full name of an employer, which its shorter mentions abbreviate
# (institutions, not legal forms: "Northrop Grumman" is as full as "Northrop Grumman Corporation")
_FULL_ENDINGS = frozenset("trust hospice healthcare group care foundation council charity society association "
                          "authority cic".split())


class _Followers:
    """What follows each word in a text. A long text is indexed in one pass on first use
    (a search of the whole text for each name made long texts quadratic); a short one is
    searched, once a word.

    >>> sorted(_Followers("Amazon and Amazon Earth's sellers").of("Amazon"))
    [' Earth', ' and']
    """

    INDEX_FROM = 20_000  # characters
    _WORD_THEN = re.compile(r"(?<![\w.])(\w+)(?=(\W+\w+|\W*$))")
    _ONE_WORD = re.compile(r"\w+")

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, set[str]] = {}
        self.index: Optional[dict[str, set[str]]] = None

    def of(self, word: str) -> set[str]:
        found = self.seen.get(word)
        if found is not None:
            return found
        if len(self.text) < self.INDEX_FROM or not self._ONE_WORD.fullmatch(word):
            # "AT&T", "Amazon.com" are not one \w+ word: search the text for them
            found = set(re.findall(rf"(?<![\w.]){re.escape(word)}(\W+\w+|\W*$)", self.text))
        else:
            if self.index is None:
                self.index = defaultdict(set)
                for m in self._WORD_THEN.finditer(self.text):
                    self.index[m.group(1)].add(m.group(2))
            found = self.index.get(word, set())
        self.seen[word] = found
        return found


def _stands_alone(text: str, bare: str, unit: str) -> bool:
    """Whether ``bare`` stands somewhere in ``text`` without ``unit`` after it.

    >>> _stands_alone("Amazon Robotics builds. Amazon's teams.", "Amazon", "Robotics")
    True
    >>> _stands_alone("At Acme Robotics we build.", "Acme", "Robotics")
    False
    """
    return any(not _word_before(text, m.start())
               for m in re.finditer(rf"{re.escape(bare)}(?!\w|\s+{re.escape(unit)}(?!\w))", text))


def _generic() -> frozenset[str]:
    """Words that name a kind of organisation, not one (``patterns/org_generic.jsonl``)."""
    return lexicons.org_generic()


def _not_orgs() -> frozenset[str]:
    """Whole names that are no organisation (``patterns/org_not_names.jsonl``)."""
    return lexicons.org_not_names()
