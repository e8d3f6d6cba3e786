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

import re
from bisect import bisect_right
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


def _words(items) -> Optional[frozenset[str]]:
    """Strings one of which every match of the parsed sequence ``items`` contains, or ``None``."""
    best: Optional[frozenset[str]] = None

    def score(keys: frozenset[str]) -> tuple[bool, int]:
        return keys.isdisjoint(_COMMON), min(map(len, keys))

    def consider(keys: Optional[frozenset[str]]) -> None:
        nonlocal best
        if keys and (best is None or score(keys) > score(best)):
            best = keys

    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            consider(_words(av[-1]))
        elif op is _c.BRANCH:
            alts = [_words(b) for b in av[1]]
            if all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_words(av[2]))
    if run:
        consider(frozenset(["".join(run)]))
    return best


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


class KeyedScan:
    """``pattern.finditer`` over only the pieces of a text that may hold a match.

    ``rules`` are ``(name, regex)``: one pattern ``prefix (?:(?P<name>regex)|...) suffix``
    is compiled once. The text is cut at separators no rule can match (".", ";", ...), and
    only the pieces holding a word some alternative of a rule requires are searched: no
    match can span a separator, and every match holds such a word, so the matches are
    those of the whole text.
    """

    def __init__(self, rules: list[tuple[str, str]], *, prefix: str = "", suffix: str = "", flags: int = 0) -> None:
        self.pattern = re.compile(
            prefix + "(?:" + "|".join(f"(?P<{name}>{regex})" for name, regex in rules) + ")" + suffix, flags)
        words: set[str] = set()
        self._always = False
        for _, regex in rules:
            for alt in split_alternatives(regex):
                w = required_words(alt)
                if w is None:
                    self._always = True
                words.update(w or ())
        allowed: set[str] = set()
        if not _chars(_p.parse(self.pattern.pattern, flags), allowed):
            allowed = set(_SEPARATORS)
        seps = [c for c in _SEPARATORS if c not in allowed and not any(c in w for w in words)]
        self._seps = re.compile("[" + re.escape("".join(seps)) + "]") if seps else None
        self._wordlist = sorted(words)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._always or self._seps is None or not self._wordlist:
            yield from self.pattern.finditer(text)
            return
        at = []
        find = text.find
        for w in self._wordlist:  # str.find: far faster than one regex of all the words
            i = find(w)
            while i >= 0:
                at.append(i)
                i = find(w, i + 1)
        if not at:
            return
        at.sort()
        cuts = [m.start() for m in self._seps.finditer(text)]
        seg_end = -1
        for pos in at:
            if pos < seg_end:
                continue  # in the piece just searched
            i = bisect_right(cuts, pos)
            seg_start = cuts[i - 1] + 1 if i else 0
            seg_end = cuts[i] if i < len(cuts) else len(text)
            yield from self.pattern.finditer(text, seg_start, seg_end)
