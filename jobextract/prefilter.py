r"""One pass of many cue phrases over only the pieces of a text that may hold one.

A big alternation of cue phrases is tried at every position of a posting, which costs
more than the rest of a component. :class:`KeyedScan` reads from each alternative's parsed
regex the words one of which every match holds ("hybrid", "internship"), and the
characters no match can hold (".", ";"); it cuts the text at those and searches only the
pieces holding such a word: the same matches as the whole pass, found faster, with one
pattern compiled once.

>>> scan = KeyedScan([("a", "closing\\s+date|deadline"), ("b", "posted")], prefix="(?<![a-z])")
>>> [(m.group(), m.lastgroup) for m in scan.finditer("posted 1 may. the deadline is 2 may. more text.")]
[('posted', 'b'), ('deadline', 'a')]
>>> sorted(required_words("(?:an?|this)\\s+full[\\s-]?time\\b|on\\s+a\\s+full[\\s-]?time\\s+basis"))
['basis', 'full']
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from typing import Iterator, Optional

try:  # the parser re itself uses; moved in Python 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


# words too common to tell whether a phrase may be near: another word of the phrase is used
_COMMON = frozenset("work working from have with this that will time role position post the our and for job".split())


def split_alternatives(regex: str) -> list[str]:
    """The top-level alternatives of ``regex`` (split at ``|`` outside groups and classes).

    >>> split_alternatives("a(?:b|c)|[|]d|e\\\\|f")
    ['a(?:b|c)', '[|]d', 'e\\\\|f']
    """
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if regex[i + 1: i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(regex[start:i])
            start = i + 1
        i += 1
    out.append(regex[start:])
    return out


_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


def required_strings(items, score, *, case_sensitive: bool = False) -> Optional[frozenset[str]]:
    """Strings one of which every match of the parsed sequence ``items`` contains, the set
    ``score`` ranks highest, or ``None``. ``case_sensitive``: the strings will be looked for
    in text as written, so a ``(?i:...)`` group gives none.
    """
    best: Optional[frozenset[str]] = None

    def consider(keys: Optional[frozenset[str]]) -> None:
        nonlocal best
        if keys and (best is None or score(keys) > score(best)):
            best = keys

    def inner(sub) -> Optional[frozenset[str]]:
        return required_strings(sub, score, case_sensitive=case_sensitive)

    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            if not (case_sensitive and av[1] & re.IGNORECASE):
                consider(inner(av[-1]))
        elif op is _c.BRANCH:
            alts = [inner(b) for b in av[1]]
            if all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(inner(av[2]))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _uncommon_first(keys: frozenset[str]) -> tuple[bool, int, int]:
    # fewer words to look for, when as long: "bank" over "join|member|through"
    return keys.isdisjoint(_COMMON), min(map(len, keys)), -len(keys)


def _words(items) -> Optional[frozenset[str]]:
    """Strings one of which every match of the parsed sequence ``items`` contains, or ``None``."""
    return required_strings(items, _uncommon_first)


def _leading(items) -> Optional[frozenset[str]]:
    """Literal strings one of which every match of ``items`` starts with, or ``None``."""
    run = []
    for op, av in items:
        if op is not _c.LITERAL:
            break
        run.append(chr(av))
    if run:
        return frozenset(["".join(run)])
    if not items:
        return None
    op, av = items[0]
    if op is _c.SUBPATTERN:
        return _leading(av[-1])
    if op is _c.BRANCH:
        alts = [_leading(b) for b in av[1]]
        return frozenset().union(*alts) if all(alts) else None  # type: ignore[arg-type]
    return None


def leading_words(regex: str) -> Optional[frozenset[str]]:
    r"""Literal strings one of which every match of ``regex`` starts with (``None``: unknown).

    >>> sorted(leading_words("(?:accepted|filing\\s+periods?|applications?)\\s+from"))
    ['accepted', 'application', 'filing']
    """
    try:
        keys = _leading(_p.parse(regex))
    except Exception:  # noqa: BLE001
        return None
    return keys if keys and min(map(len, keys)) >= 2 else None


def required_words(regex: str) -> Optional[frozenset[str]]:
    """Literal strings one of which every match of ``regex`` contains (``None``: none known).

    Read from the parsed pattern: of the parts every match goes through, the one whose
    shortest string is longest. Case-sensitive: for patterns run on lower-cased text.
    """
    try:
        keys = _words(_p.parse(regex))
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply always tried
        return None
    return keys if keys and min(map(len, keys)) >= 2 else None


# chars that may split a text into pieces no match can span (each used only when no
# alternative can match it)
_SEPARATORS = ".!?;:|•\"“”"


def _chars(items, out: set[str]) -> bool:
    """Add to ``out`` every character the parsed ``items`` may match (or look at); False
    when that is any character at all."""
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.IN:
            for iop, iav in av:
                if iop is _c.LITERAL:
                    out.add(chr(iav))
                elif iop is _c.RANGE:
                    out.update(chr(x) for x in range(iav[0], iav[1] + 1))
                elif iop is _c.CATEGORY and iav in (_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE):
                    out.update(_CATEGORY_SEPARATORS_FREE)
                else:
                    return False  # a negated class, a word category: anything
        elif op is _c.SUBPATTERN:
            if not _chars(av[-1], out):
                return False
        elif op is _c.BRANCH:
            if not all(_chars(b, out) for b in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _chars(av[2], out):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _chars(av[1], out):
                return False
        elif op is _c.AT:
            continue
        else:
            return False  # ".", [^x], a back reference: anything
    return True


# \d and \s match no separator; what they match is marked by a stand-in
_CATEGORY_SEPARATORS_FREE = {"0"}


def occurrences(text: str, word: str, start: int = 0, end: Optional[int] = None) -> list[int]:
    """Every offset of ``word`` in ``text[start:end]``, overlapping ones too (``str.find``:
    far faster than a regex that scans every position).

    >>> occurrences("a data date", "da"), occurrences("aaa", "aa")
    ([2, 7], [0, 1])
    """
    end = len(text) if end is None else end
    out = []
    i = text.find(word, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1, end)
    return out


def matches_at(pattern: re.Pattern[str], text: str, at: list[int], start: int = 0,
               end: Optional[int] = None) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` gives when every match opens at one of the
    sorted offsets ``at``: the pattern is tried only there, each match past the last one's end.

    >>> [m.group() for m in matches_at(re.compile(r"da[a-z]+"), "a data date", [2, 7])]
    ['data', 'date']
    """
    end = len(text) if end is None else end
    last = start
    for i in at[bisect_left(at, start):bisect_left(at, end)]:
        if i < last:
            continue
        m = pattern.match(text, i, end)
        if m is not None:
            last = m.end()
            yield m


class KeyedScan:
    r"""``pattern.finditer`` over only the pieces of a text that may hold a match.

    ``rules`` are ``(name, regex)``, the pattern ``prefix (?:(?P<name>regex)|...) suffix``.
    The text is cut at separators (".", ";", ...) that no match of the rules can hold, and
    only the pieces holding a word some alternative of a rule requires are searched: no
    match can span a separator, and every match holds such a word. Each alternative is
    compiled on its own and searched only in the pieces holding one of *its* words (a
    sentence holding "bank" is not searched for "fully remote"). A rule that may hold
    a separator (or needs no word) is searched over the whole text, and its matches merged
    with the others as one alternation would take them: the earliest first, at one
    position the rule written first. So the matches are those of ``self.pattern``.

    >>> scan = KeyedScan([("a", "closing\\s+date"), ("b", "applications?[^\\n]{0,20}?from\\s\\d+\\sto")],
    ...                  prefix="(?<![a-z])")
    >>> t = "applications from 1 to 2. closing date. the applications accepted from 3 to 4. closing date"
    >>> [m.span() for m in scan.finditer(t)] == [m.span() for m in scan.pattern.finditer(t)]
    True
    >>> [m.lastgroup for m in scan.finditer(t)]
    ['b', 'a', 'b', 'a']
    """

    def __init__(self, rules: list[tuple[str, str]], *, prefix: str = "", suffix: str = "", flags: int = 0) -> None:
        def compile_(part: list[tuple[str, str]]) -> Optional[re.Pattern[str]]:
            if not part:
                return None
            return re.compile(prefix + "(?:" + "|".join(f"(?P<{n}>{r})" for n, r in part) + ")" + suffix, flags)

        self.pattern = compile_(rules)
        self._index = {name: i for i, (name, _) in enumerate(rules)}
        cut, whole, cut_words, allowed_all, whole_words = [], [], set(), set(), set()
        whole_always = False
        for name, regex in rules:
            words = [required_words(alt) for alt in split_alternatives(regex)]
            allowed: set[str] = set()
            readable = _chars(_p.parse(prefix + "(?:" + regex + ")" + suffix, flags), allowed)
            if readable and "." not in allowed and all(words):
                cut.append((name, regex))
                cut_words.update(w for ws in words for w in ws)  # type: ignore[union-attr]
                allowed_all |= allowed
            else:
                whole.append((name, regex))
                whole_always = whole_always or not all(words)
                whole_words.update(w for ws in words if ws for w in ws)
        seps = [c for c in _SEPARATORS if c not in allowed_all and not any(c in w for w in cut_words)]
        self._seps = re.compile("[" + re.escape("".join(seps)) + "]") if seps else None
        if self._seps is None:  # nothing to cut at: every rule over the whole text
            cut, whole, whole_always = [], rules, True
        self._cut = compile_(cut)
        # a word holding another is found where that one is: only the shortest are looked for
        self._cut_words = sorted(w for w in cut_words if not any(v != w and v in w for v in cut_words))
        # each alternative of a cut rule on its own, searched only in the pieces holding one
        # of its words: (order, pattern, indices into _cut_words of the words that find it)
        self._alts: list[tuple[tuple[int, int], re.Pattern[str], list[int]]] = []
        for name, regex in cut:
            for j, alt in enumerate(split_alternatives(regex)):
                keys = required_words(alt) or frozenset()
                found_by = sorted({i for i, v in enumerate(self._cut_words) for w in keys if v in w})
                self._alts.append(((self._index[name], j), re.compile(f"{prefix}(?:(?P<{name}>{alt})){suffix}", flags),
                                   found_by))
        self._whole = compile_(whole)
        self._whole_words = None if whole_always else sorted(whole_words)
        # where every whole rule's match starts with one of some words, it is tried only there
        starts = [leading_words(alt) for _, regex in whole for alt in split_alternatives(regex)]
        self._whole_starts = sorted(set().union(*starts)) if starts and all(starts) else None

    def _alt_source(self, text: str) -> Optional["_AltSource"]:
        """The cut rules' matches: each alternative searched only in the pieces holding one
        of its words (``None``: the text holds none)."""
        find = text.find
        hits: list[list[int]] = []
        for w in self._cut_words:  # str.find: far faster than one regex of all the words
            at = []
            i = find(w)
            while i >= 0:
                at.append(i)
                i = find(w, i + 1)
            hits.append(at)
        if not any(hits):
            return None
        cuts = [m.start() for m in self._seps.finditer(text)]  # type: ignore[union-attr]
        n = len(text)
        state = []
        for order, pattern, found_by in self._alts:
            at = sorted({p for i in found_by for p in hits[i]}) if len(found_by) > 1 else (hits[found_by[0]] if found_by else [])
            if not at:
                continue
            pieces: list[tuple[int, int]] = []
            for q in at:
                if pieces and q < pieces[-1][1]:
                    continue
                i = bisect_right(cuts, q)
                pieces.append((cuts[i - 1] + 1 if i else 0, cuts[i] if i < len(cuts) else n))
            state.append([order, pattern.search, pieces, 0])
        return _AltSource(text, state)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        src = self._alt_source(text) if self._cut is not None else None
        whole = self._whole
        if whole is not None and self._whole_words is not None and not any(w in text for w in self._whole_words):
            whole = None
        if whole is None:
            if src is None:
                return
            a = src.peek(0)
            while a is not None:
                yield a
                a = src.peek(a.end())
            return
        if src is None and self._whole_starts is None:
            yield from whole.finditer(text)
            return

        search_whole = whole.search
        if self._whole_starts is not None:
            at = sorted(i for w in self._whole_starts for i in occurrences(text, w))
            match = whole.match

            def search_whole(text: str, pos: int) -> Optional[re.Match[str]]:  # noqa: F811
                for q in at[bisect_left(at, pos):]:
                    m = match(text, q)
                    if m is not None:
                        return m
                return None

        a = src.peek(0) if src is not None else None
        b = search_whole(text, 0)
        while a is not None or b is not None:
            if b is None or (a is not None and (a.start(), src.order()) < (b.start(), (self._index[b.lastgroup], 0))):  # type: ignore[union-attr]
                m = a
            else:
                m = b
            yield m
            pos = m.end()
            if a is not None:
                a = src.peek(pos)  # type: ignore[union-attr]
            if b is not None and b.start() < pos:
                b = search_whole(text, pos)


class _AltSource:
    """The earliest match at or after a position among alternatives searched apart, as one
    alternation would take it: the earliest, then at one position the one written first."""

    def __init__(self, text: str, state: list) -> None:
        self.text = text
        self.state = state  # [order, search, pieces, next piece]
        self.heap: list = []
        for idx, st in enumerate(state):
            m = self._advance(st, 0)
            if m is not None:
                self.heap.append((m.start(), st[0], idx, m))
        heapq.heapify(self.heap)

    def _advance(self, st: list, pos: int) -> Optional[re.Match[str]]:
        search, pieces, k = st[1], st[2], st[3]
        text = self.text
        while k < len(pieces):
            s, e = pieces[k]
            if e > pos:
                m = search(text, s if s > pos else pos, e)
                if m is not None:
                    st[3] = k
                    return m
            k += 1
        st[3] = k
        return None

    def peek(self, pos: int) -> Optional[re.Match[str]]:
        """The first match starting at or after ``pos``, or ``None``."""
        heap = self.heap
        while heap and heap[0][0] < pos:
            idx = heapq.heappop(heap)[2]
            m = self._advance(self.state[idx], pos)
            if m is not None:
                heapq.heappush(heap, (m.start(), self.state[idx][0], idx, m))
        return heap[0][3] if heap else None

    def order(self) -> tuple[int, int]:
        return self.heap[0][1]
