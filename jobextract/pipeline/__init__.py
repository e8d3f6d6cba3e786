"""jobextract's spaCy components, registered as ``jobextract_*`` factories on import.

>>> from jobextract.pipeline import FACTORIES
>>> FACTORIES[0]
'jobextract_sections'
"""
from spacy.tokens import Doc, Span

_TEXT_KEY = "jobextract_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token on each access.

    :func:`make_doc` stores the text it was given; otherwise it is built here and kept.

    >>> import spacy
    >>> doc_text(spacy.blank("en")("Lead the team"))
    'Lead the team'
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != _text_length(doc):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def make_doc(nlp, text: str) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` kept for :func:`doc_text`.

    The same tokens as ``nlp.make_doc(text)``, found faster: see :func:`_warm_chunks`.
    """
    _warm_chunks(nlp.tokenizer, text)
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


# id(tokenizer) -> (the tokenizer, the chunks it has been given alone); the tokenizer is
# held so that its id is not reused, and a few pipelines at most are remembered
_SEEN_CHUNKS: dict[int, tuple[object, set[str]]] = {}
_SEEN_PIPELINES = 4


def _warm_chunks(tokenizer, text: str) -> None:
    """Tokenise each white-space delimited chunk of ``text`` not seen before on its own,
    so that the tokeniser's cache holds it when the whole text is tokenised.

    spaCy's tokeniser splits a text at white space and tokenises each chunk by itself,
    keeping the chunk's tokens in a cache. But once one chunk of a text involves a
    special case ("don't", "e.g.", "Sec."), it caches no further chunk of that text (a
    flag of ``Tokenizer._tokenize_affixes`` stays set to the text's end), so on most
    postings most chunks went through the affix regexes again each time they occurred.
    A chunk tokenised alone is cached unless it holds a special case itself. The tokens
    are those of the chunk either way (the cache only remembers them), so the Doc is the
    same; ``tests/test_tokens.py`` checks it. Chunks are warmed only while the cache may
    still take them (``max_cache_size``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> text = "Don't apply via e-mail (see the 3rd paragraph)."
    >>> _warm_chunks(nlp.tokenizer, text)
    >>> [t.text for t in nlp.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]
    True
    """
    entry = _SEEN_CHUNKS.get(id(tokenizer))
    if entry is None or entry[0] is not tokenizer:
        if len(_SEEN_CHUNKS) >= _SEEN_PIPELINES:
            _SEEN_CHUNKS.clear()
        entry = _SEEN_CHUNKS[id(tokenizer)] = (tokenizer, set())
    seen = entry[1]
    if len(seen) >= tokenizer.max_cache_size:
        return
    new = [chunk for chunk in dict.fromkeys(text.split()) if chunk not in seen]  # in text order
    seen.update(new)
    for chunk in new:
        tokenizer(chunk)


def _value_key(span: Span) -> tuple:
    # spans of different groups may share offsets ("Data Engineer" as title and team):
    # the label keeps their values apart
    return ("jobextract_value", span.label_, span.start_char, span.end_char)


def _get_value(span: Span):
    return span.doc.user_data.get(_value_key(span))


def _set_value(span: Span, value) -> None:
    span.doc.user_data[_value_key(span)] = value


if not Span.has_extension("jobextract_value"):
    # the normalised value a span stands for (a location's parts, a title's seniority, ...)
    Span.set_extension("jobextract_value", getter=_get_value, setter=_set_value)
if not Doc.has_extension("jobextract_reference_date"):
    # the day relative dates ("Posted 3 days ago") are resolved against; set by the caller
    Doc.set_extension("jobextract_reference_date", default=None)

from . import company, facts, items, locations, organisations, sections, title  # noqa: E402  (registers factories)

FACTORIES = (
    "jobextract_sections",
    "jobextract_items",
    "jobextract_locations",
    "jobextract_title",
    "jobextract_team",
    "jobextract_company",
    "jobextract_salary",
    "jobextract_dates",
    "jobextract_employment",
)

__all__ = ["FACTORIES", "company", "facts", "items", "locations", "organisations", "sections", "title"]
