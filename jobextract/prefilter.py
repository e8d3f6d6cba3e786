"""One pass of many alternatives, tried only where the text holds what each needs.

A big alternation of cue phrases is tried at every position of a posting, which costs
more than the rest of a component. Most alternatives cannot match a given posting at all:
each needs some literal word ("hybrid", "closing"), and a posting without it cannot hold a
match. :class:`KeyedAlternation` splits the rules into their top-level alternatives, finds
for each the words one of which every match contains (from the parsed regex), and per
text compiles (once, cached) the alternation of the alternatives whose words the text
holds, in their order: the same matches as the whole alternation, found faster.

>>> alt = KeyedAlternation([("a", "closing\\\\s+date|deadline"), ("b", "posted")], prefix="(?<![a-z])")
>>> [(m.group(), alt.name_of(m)) for m in alt.finditer("posted 1 may; deadline 2 may")]
[('posted', 'b'), ('deadline', 'a')]
>>> sorted(required_words("(?:an?|this)\\\\s+full[\\\\s-]?time\\\\b|on\\\\s+a\\\\s+full[\\\\s-]?time\\\\s+basis"))
['basis', 'full']
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

try:  # the parser re itself uses; moved in Python 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


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

    def consider(keys: Optional[frozenset[str]]) -> None:
        nonlocal best
        if keys and (best is None or min(map(len, keys)) > min(map(len, best))):
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


class KeyedAlternation:
    """``prefix (?:(?P<name>rule)|...) suffix`` over lower-cased text, tried only with the
    alternatives whose required words the text holds."""

    def __init__(self, rules: list[tuple[str, str]], *, prefix: str = "", suffix: str = "", flags: int = 0) -> None:
        self.prefix, self.suffix, self.flags = prefix, suffix, flags
        self._alts: list[tuple[str, str, Optional[frozenset[str]]]] = []  # (group, regex, words)
        self._names: dict[str, str] = {}
        for name, regex in rules:
            for j, alt in enumerate(split_alternatives(regex)):
                group = f"{name}__{j}"
                self._alts.append((group, alt, required_words(alt)))
                self._names[group] = name
        self._words = sorted({w for _, _, words in self._alts for w in (words or ())})
        self._compile = lru_cache(maxsize=1024)(self._build)

    def _build(self, active: tuple[int, ...]) -> Optional[re.Pattern[str]]:
        if not active:
            return None
        body = "|".join(f"(?P<{self._alts[i][0]}>{self._alts[i][1]})" for i in active)
        return re.compile(f"{self.prefix}(?:{body}){self.suffix}", self.flags)

    def pattern_for(self, text: str) -> Optional[re.Pattern[str]]:
        present = {w for w in self._words if w in text}
        active = tuple(i for i, (_, _, words) in enumerate(self._alts)
                       if words is None or not words.isdisjoint(present))
        return self._compile(active)

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[re.Match[str]]:
        pattern = self.pattern_for(text)
        if pattern is None:
            return iter(())
        return pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def name_of(self, m: re.Match[str]) -> str:
        """The name of the rule a match came from."""
        return self._names[m.lastgroup]
