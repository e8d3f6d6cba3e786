"""The public functions: :func:`extract`, :func:`extract_many`, :func:`extract_page`, :func:`load`.

>>> from jobextract import extract
>>> posting = extract("US, WA, Seattle\\nWe are looking for an accomplished Applied Scientist.")
>>> posting.title, posting.locations[0].country
('Applied Scientist', 'US')
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from itertools import islice
from typing import Any, Iterable, Iterator, Literal, Optional, Union

import spacy
from spacy.language import Language

from .errors import InputTypeError, InputValueError
from .models import ExtractionFailure, JobPosting

log = logging.getLogger("jobextract")

ReferenceDate = Union[dt.date, dt.datetime, str, None]
TOKENIZER_CACHE = 100_000
"""Whitespace-separated chunks whose tokens the tokeniser remembers (spaCy keeps 10,000).

The cache only saves re-running the affix rules on a chunk seen before: the tokens are
the same. spaCy's 10,000 fill in the first few hundred postings, after which every new
chunk is split again; 100,000 (about the distinct chunks of 5,000 postings, ~40 MB at
most) halve the tokeniser's time on a long stream (``docs/performance.md``).
"""
MAX_CHARS = 10_000_000
"""The longest text (after HTML normalisation) jobextract reads; longer raises InputValueError.

Time grows in proportion to the size (see ``docs/performance.md``): 10 M characters take
about half a minute. Nothing is ever cut off silently.
"""
OnError = Literal["raise", "record", "skip"]


@lru_cache(maxsize=1)
def load() -> Language:
    """The jobextract pipeline: ``spacy.blank("en")`` and our components, built once.

    >>> load().pipe_names[:2]
    ['jobextract_sections', 'jobextract_items']
    """
    from . import pipeline  # registers the factories

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS  # spaCy's 1,000,000 guards the parser and NER, which we do not run
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    for name in pipeline.FACTORIES:
        nlp.add_pipe(name)
    return nlp


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InputTypeError("text", text)
    return text


def _check_html(html: Any) -> Optional[bool]:
    if html is None or isinstance(html, bool):
        return html
    raise InputTypeError("html", html, "True, False or None")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalised(text: Any, html: Optional[bool]) -> str:
    """``text`` checked, and HTML turned into plain text (plain text is kept as it is).

    Lone surrogates (a str that is not valid Unicode, as from ``surrogateescape``) cannot
    be encoded, so the tokeniser cannot take them: each becomes U+FFFD, one for one, so
    that every offset stays that of the input.

    >>> _normalised("Lead" + chr(0xD800) + " design", None)
    'Lead\ufffd design'
    """
    from .text import normalise

    text = _check_text(text)
    if not text.isascii() and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    text = normalise(text, html=_check_html(html))
    if len(text) > MAX_CHARS:
        raise InputValueError(
            f"text is {len(text):,} characters long; jobextract reads at most MAX_CHARS = {MAX_CHARS:,}", len(text))
    return text


def _check_reference_date(value: ReferenceDate) -> Optional[dt.date]:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            raise InputValueError(f"reference_date must be an ISO date (YYYY-MM-DD), got {value!r}", value) from None
    raise InputTypeError("reference_date", value, "a date, a datetime or an ISO date string")


def _make_doc(nlp: Language, text: str, reference_date: Optional[dt.date]):
    """The Doc the components run on, carrying the caller's ``reference_date`` and its text
    (built once: see :func:`jobextract.pipeline.doc_text`)."""
    from .pipeline import make_doc

    doc = make_doc(nlp, text)
    doc._.jobextract_reference_date = reference_date
    return doc


def _run(nlp: Language, text: str, text_start: int = 0, reference_date: Optional[dt.date] = None) -> JobPosting:
    from .assemble import to_posting

    return to_posting(nlp(_make_doc(nlp, text, reference_date)), text_start=text_start)


def extract(text: str, *, reference_date: ReferenceDate = None, html: Optional[bool] = None) -> JobPosting:
    """Extract one posting from its text, plain or HTML.

    HTML (sniffed when ``html`` is ``None``; see :func:`jobextract.text.normalise`) is
    turned into plain text first. The posting's ``text`` is that normalised text, and
    every offset refers to it: ``posting.text[item.start:item.end] == item.text``. Plain
    text is kept as it is. Empty or white-space text gives an empty :class:`JobPosting`.
    ``reference_date`` is the day relative dates ("Posted 3 days ago") are resolved against.

    A page that embeds its own schema.org JSON-LD ``JobPosting`` (``<script
    type="application/ld+json">``) lends it to the fields the text left empty: title,
    company, locations, remote, employment type, salary and dates. What the text says
    always wins; ``posting.from_json_ld`` names the fields filled (see
    :func:`jobextract.schema_org.fill_from_json_ld`).

    >>> p = extract("<p>We build rockets.</p><h2>Responsibilities</h2><ul><li>Lead design</li></ul>")
    >>> item = p.responsibilities[0]
    >>> item.text, p.text[item.start:item.end]
    ('Lead design', 'Lead design')

    Raises:
        InputTypeError: ``text`` is not a str (a ``TypeError``).
        InputValueError: ``reference_date`` is not a date, or the text is longer than
            :data:`MAX_CHARS` (10 M characters) (a ``ValueError``).
    """
    raw = text
    text = _normalised(text, html)
    reference = _check_reference_date(reference_date)
    posting = _run(load(), text, reference_date=reference) if text.strip() else JobPosting(text=text)
    return _with_json_ld(posting, raw)


def _with_json_ld(posting: JobPosting, raw: str) -> JobPosting:
    """Fill what the text left empty from the page's own JSON-LD (after extraction)."""
    if "ld+json" not in raw:  # the cheap test first: most inputs have none
        return posting
    from .schema_org import fill_from_json_ld

    return fill_from_json_ld(posting, raw)


def extract_page(text: str, *, reference_date: ReferenceDate = None, html: Optional[bool] = None) -> list[JobPosting]:
    """Every posting on a page that holds several (see :mod:`jobextract.page`), in order.

    HTML is normalised first (as in :func:`extract`). Each posting's ``text`` is its own
    slice of the normalised page and ``text_start`` where that slice begins; a page where
    no posting opens gives ``[]``.
    """
    from .page import posting_ranges

    text = _normalised(text, html)
    reference = _check_reference_date(reference_date)
    nlp = load()
    return [_run(nlp, text[s:e], text_start=s, reference_date=reference) for s, e in posting_ranges(text)]


def extract_many(
    texts: Iterable[Any],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    as_tuples: bool = False,
    on_error: OnError = "raise",
    reference_date: ReferenceDate = None,
    html: Optional[bool] = None,
) -> Iterator[Any]:
    """Extract many postings, in input order, through ``nlp.pipe``.

    Args:
        texts: strings, or ``(text, context)`` pairs when ``as_tuples`` is true.
        batch_size: how many texts ``nlp.pipe`` takes at a time.
        n_process: worker processes; each extracts and sends back only the small result.
        as_tuples: yield ``(JobPosting, context)`` pairs, keeping each record's context.
        on_error: ``"raise"`` stops at the first bad record; ``"record"`` yields an
            :class:`~jobextract.models.ExtractionFailure` in its place; ``"skip"`` logs it
            and goes on.
        reference_date: the day relative dates are resolved against, for every record.
        html: as in :func:`extract`: ``None`` sniffs each text for HTML. Each posting's
            ``text`` is the normalised text its offsets refer to.
    """
    if on_error not in ("raise", "record", "skip"):
        raise InputValueError(f"on_error must be 'raise', 'record' or 'skip', got {on_error!r}", on_error)
    if batch_size < 1 or n_process < 1:
        raise InputValueError("batch_size and n_process must be at least 1", (batch_size, n_process))
    _check_html(html)
    reference = _check_reference_date(reference_date)
    records = _records(texts, as_tuples)
    if n_process > 1:
        from .parallel import extract_parallel

        results: Iterable = extract_parallel(records, batch_size=batch_size, n_process=n_process,
                                             reference_date=reference, html=html)
    else:
        results = _extract_batches(records, batch_size, reference, html)
    for index, context, result in results:
        if isinstance(result, ExtractionFailure):
            if on_error == "raise":
                raise result.to_exception()
            if on_error == "skip":
                log.warning("jobextract: skipped record %d: %s: %s", index, result.error_type, result.message)
                continue
        yield (result, context) if as_tuples else result


def _records(texts: Iterable[Any], as_tuples: bool) -> Iterator[tuple[int, Any, Any]]:
    for index, record in enumerate(texts):
        if as_tuples:
            try:
                text, context = record
            except (TypeError, ValueError):
                text, context = InputTypeError("record", record, "a (text, context) pair"), None
            yield index, context, text
        else:
            yield index, None, record


def _extract_batches(records: Iterator[tuple[int, Any, Any]], batch_size: int,
                     reference_date: Optional[dt.date] = None,
                     html: Optional[bool] = None) -> Iterator[tuple[int, Any, Any]]:
    nlp = load()
    while True:
        batch = list(islice(records, batch_size))
        if not batch:
            return
        yield from extract_batch(nlp, batch, reference_date, html=html)


def extract_batch(nlp: Language, batch: list[tuple[int, Any, Any]],
                  reference_date: Optional[dt.date] = None, html: Optional[bool] = None) -> list[tuple[int, Any, Any]]:
    """Extract one batch; a bad record becomes an :class:`ExtractionFailure`, the rest go on.

    Each text is normalised first (HTML to plain text, see :func:`extract`).
    """
    from .assemble import to_posting

    out: list[tuple[int, Any, Any]] = []
    good: list[tuple[int, str]] = []
    results: dict[int, Any] = {}
    for pos, (index, _context, text) in enumerate(batch):
        try:
            if isinstance(text, Exception):
                raise text
            text = _normalised(text, html)
        except Exception as err:  # noqa: BLE001 - reported as a failure record
            results[pos] = ExtractionFailure.from_exception(index, err)
            continue
        if not text.strip():
            results[pos] = _with_json_ld(JobPosting(text=text), batch[pos][2])
        else:
            good.append((pos, text))
    try:
        docs = list(nlp.pipe(_make_doc(nlp, t, reference_date) for _, t in good))
        for (pos, _), doc in zip(good, docs):
            results[pos] = _with_json_ld(to_posting(doc), batch[pos][2])
    except Exception:  # noqa: BLE001 - one bad text must not cost the batch: redo one by one
        for pos, text in good:
            try:
                results[pos] = _with_json_ld(to_posting(nlp(_make_doc(nlp, text, reference_date))), batch[pos][2])
            except Exception as err:  # noqa: BLE001
                results[pos] = ExtractionFailure.from_exception(batch[pos][0], err)
    for pos, (index, context, _) in enumerate(batch):
        out.append((index, context, results[pos]))
    return out
