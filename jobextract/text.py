"""Normalise the input of :func:`jobextract.extract`: HTML becomes plain text with its blocks kept.

Plain text is returned as it is (the very same string), so offsets into it stay those of
the input. HTML (real tags, or tags escaped once as entities, ``&lt;p&gt;``) is parsed with
selectolax (Lexbor) and rendered one block a line:

- each block (``p``, ``div``, ``li``, ``h1``-``h6``, ``tr``, ``section`` ...) and each
  ``<br>`` ends a line; paragraphs, headings and lists are set apart by one blank line;
- each ``<li>`` opens a line with ``"• "``;
- a heading (``h1``-``h6``, or a short line that is all ``<b>``/``<strong>``/``<u>``) is a
  line of its own, and gets a trailing ``":"`` when it ends in a letter or digit, so that
  the section detector knows it for a heading even when the lexicon does not (as it does
  Markdown's ``**Heading**``); the short lines that open the text (title, location: at
  most four) are left as they are, so that the job title is not taken for a heading;
- ``script``, ``style``, ``noscript`` and ``head`` are dropped, but ``<title>`` opens the
  text when the body does not already start with it;
- entities are decoded, ``&nbsp;`` is a space, white space inside a line is folded.

>>> print(normalise("<p>We build rockets.</p><h2>Duties</h2><ul><li>Lead&nbsp;the team</li><li>Ship</li></ul>"))
We build rockets.
<BLANKLINE>
Duties:
<BLANKLINE>
• Lead the team
• Ship
>>> s = "Pay: a < b"
>>> normalise(s) is s
True
"""
from __future__ import annotations

import html as _html
import re
from typing import Any, Optional

__all__ = ["normalise", "is_html"]

BULLET = "• "

_TAG_NAMES = (
    r"p|div|br|li|ul|ol|b|strong|em|i|u|h[1-6]|span|a|table|tbody|tr|td|th|html|body|head|title|"
    r"section|article|hr|font|img|dl|dt|dd|blockquote|pre|code|small|sup|sub|header|footer|main|meta"
)
_REAL_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ESCAPED_TAG = re.compile(rf"&lt;/?(?:{_TAG_NAMES})(?:\s(?:(?!&gt;)[^<>])*)?/?&gt;", re.IGNORECASE)

_HEADINGS = frozenset(f"h{i}" for i in range(1, 7))
# blocks that are set apart by a blank line (Markdown's paragraphs)
_PARAGRAPHS = _HEADINGS | frozenset(
    "p ul ol dl table blockquote pre section article header footer main aside nav hr figure form fieldset".split()
)
# blocks that only end the line
_LINES = frozenset(
    "address body center dd details dialog dir div dt figcaption html hgroup legend li menu summary "
    "caption tbody thead tfoot tr".split()
)
_CELLS = frozenset(("td", "th"))
_LISTS = frozenset(("ul", "ol"))
_EMPHASIS = frozenset(("b", "strong", "u"))
_SKIP = frozenset(
    "head script style noscript template svg math iframe object embed select option button textarea".split()
)
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 80
_LETTERS = re.compile(r"[^\W\d_]{2}")  # a word, not just a figure ("43.0", "23:08")
_OPENING_LINES = 4  # at most this many short lines open the text before its body


def is_html(text: str) -> Optional[str]:
    """What kind of HTML ``text`` is: ``"html"``, ``"escaped"`` (``&lt;p&gt;``), or ``None``.

    >>> is_html("<p>Hi</p>"), is_html("&lt;p&gt;Hi&lt;/p&gt;"), is_html("a < b and c > d")
    ('html', 'escaped', None)
    """
    if _REAL_TAG.search(text):
        return "html"
    if _ESCAPED_TAG.search(text):
        return "escaped"
    return None


def normalise(text: str, html: Optional[bool] = None) -> str:
    """The text jobextract reads: ``text`` itself, or the plain text of HTML.

    Args:
        text: a posting, as plain text or HTML.
        html: ``None`` sniffs for HTML tags (or entity-escaped ones); ``True`` treats the
            text as HTML; ``False`` never does.

    Returns:
        ``text`` unchanged (the same object) when it is not HTML, else the rendered text.

    >>> normalise("&lt;p&gt;We are hiring.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;Skills&lt;/strong&gt;&lt;/p&gt;&lt;p&gt;C &amp;amp; D&lt;/p&gt;")
    'We are hiring.\\n\\nSkills:\\n\\nC & D'
    >>> normalise("<p>kept</p>", html=False)
    '<p>kept</p>'
    """
    if html is False:
        return text
    kind = is_html(text)
    if kind is None and html is None:
        return text
    if kind == "escaped":
        text = _html.unescape(text)
    return _render(text)


def _render(markup: str) -> str:
    from selectolax.lexbor import LexborHTMLParser  # lazy: keep `import jobextract` light

    tree = LexborHTMLParser(markup)
    out = _Renderer()
    root = tree.root
    if root is not None:
        out.walk(root)
    lines = out.finish()
    title = _title(tree)
    if title and not (lines and _restates(title, lines[0])):
        lines[:0] = [title, ""] if lines else [title]
    return "\n".join(lines)


def _title(tree: Any) -> str:
    head = tree.head
    node = head.css_first("title") if head is not None else None
    return " ".join(node.text(deep=True).split()) if node is not None else ""


def _restates(title: str, first: str) -> bool:
    """Whether the page's first line says what its ``<title>`` says: it opens with the title,
    or the title wraps it ("Job Application for <h1> at Acme"), and the title adds no line.

    >>> _restates("Job Application for Data Engineer at Acme", "Data Engineer")
    True
    >>> _restates("Data Engineer - Austin, TX", "About us")
    False
    """
    title, first = _key(title), _key(first)
    return first.startswith(title) or (len(first) >= 8 and f" {first} " in f" {title} ")


def _key(line: str) -> str:
    return " ".join(line.lower().split())


class _Renderer:
    """Walks the DOM once and builds the lines; block structure decides where lines end."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.space = False          # a space is owed before the next word
        self.all_emphasis = True    # every word of the line so far was in <b>/<strong>/<u>
        self.item = False           # the line is a list item
        self.in_heading = False     # the line was opened inside <h1>-<h6>
        self.bullet_owed = False    # an <li> opened: its first word gets the bullet
        self.emphasis = 0
        self.heading = 0
        self.pre = 0
        self.cells = 0              # cells already on the current table row
        self.lists = 0              # depth of <ul>/<ol>: a list inside an item is no new paragraph
        self.opening = 0            # short lines that open the text (the header); -1 once past it

    # -- traversal: an explicit stack, so that deeply nested markup cannot overflow -------
    def walk(self, root: Any) -> None:
        stack: list[tuple[Any, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            if not entering:
                self.close(node.tag)
                continue
            tag = node.tag
            if tag == "-text":
                self.text(node.text_content or "")
                continue
            if tag is None or tag.startswith(("-", "!")) or tag in _SKIP:
                continue  # comments, doctype, dropped elements
            self.open(tag)
            stack.append((node, False))
            children = []
            child = node.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, True) for c in reversed(children))

    def open(self, tag: str) -> None:
        if tag in _LISTS:
            self.lists += 1
            if self.lists > 1:
                self.end_line()
                return
        self.block_break(tag)
        if tag == "li":
            self.bullet_owed = True
        elif tag in _HEADINGS:
            self.heading += 1
            self.bullet_owed = False  # a heading inside an item is a heading
        elif tag in _EMPHASIS:
            self.emphasis += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "tr":
            self.cells = 0
        elif tag in _CELLS:
            if self.cells and self.parts:
                self.parts.append(" | ")
                self.space = False
            self.cells += 1
        elif tag == "br":
            if self.parts:
                self.end_line()
            else:
                self.blank()

    def close(self, tag: str) -> None:
        if tag in _HEADINGS:
            self.end_line()
            self.heading -= 1
        elif tag in _EMPHASIS:
            self.emphasis -= 1
        elif tag == "pre":
            self.pre -= 1
        elif tag == "li":
            self.bullet_owed = False
        elif tag in _LISTS:
            self.lists -= 1
            if self.lists:
                self.end_line()
                return
        self.block_break(tag)

    def block_break(self, tag: str) -> None:
        """The break a block element makes where it opens and where it closes."""
        if tag in _PARAGRAPHS:
            self.paragraph()
        elif tag in _LINES:
            self.end_line()

    # -- text -----------------------------------------------------------------------------
    def text(self, value: str) -> None:
        if self.pre:
            first, *rest = value.split("\n")
            self.words(first.rstrip(), keep=True)
            for line in rest:
                self.end_line() if self.parts else self.blank()
                self.words(line.rstrip(), keep=True)
            return
        words = value.split()  # splits on every white space, &nbsp; included
        if not words:
            if value:
                self.space = True
            return
        if value[0].isspace():
            self.space = True
        self.words(" ".join(words))
        if value[-1].isspace():
            self.space = True

    def words(self, value: str, keep: bool = False) -> None:
        if not value:
            return
        if not self.parts:
            if self.bullet_owed:
                self.parts.append(BULLET)
                self.item, self.bullet_owed = True, False
            self.in_heading = self.heading > 0
            if keep:
                value = value.lstrip()
        elif self.space:
            self.parts.append(" ")
        self.space = False
        self.parts.append(value)
        if not self.emphasis and not self.heading:
            self.all_emphasis = False

    # -- lines ----------------------------------------------------------------------------
    def end_line(self) -> None:
        if self.parts:
            line = "".join(self.parts).rstrip()
            if line:
                if self.in_heading or (self.all_emphasis and not self.item):
                    line = self._heading(line)
                self.lines.append(line)
                self._count_opening(line)
        self.parts = []
        self.space = False
        self.all_emphasis = True
        self.item = False
        self.in_heading = False
        self.cells = 0

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def paragraph(self) -> None:
        self.end_line()
        self.blank()

    def _count_opening(self, line: str) -> None:
        if self.opening >= 0:
            short = len(line) <= _HEADING_MAX_CHARS and not line.endswith((".", "!", "?"))
            self.opening = self.opening + 1 if short and self.opening + 1 < _OPENING_LINES else -1

    def _heading(self, line: str) -> str:
        """A heading line ends with ":" unless it ends in punctuation or opens the text.

        The opening short lines (title, location) are left as written: a colon there
        would make the job title look like a section heading.
        """
        if self.opening >= 0 or len(line) > _HEADING_MAX_CHARS or len(line.split()) > _HEADING_MAX_WORDS:
            return line
        if (line[-1].isalnum() or line[-1] in ")’'\"”") and _LETTERS.search(line):
            return line + ":"
        return line

    def finish(self) -> list[str]:
        self.end_line()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return self.lines
