"""The sentence classifier: a small spaCy ``textcat`` shipped in ``jobextract/classifier/``.

It labels a sentence ``responsibilities``, ``requirements``, ``benefits``, ``team``,
``about_company`` or ``other``; the pipeline asks it only where no heading decides.
Trained by :mod:`jobextract.train` (distant supervision on the dev corpora); its held-out
figures are in ``jobextract/classifier/metrics.json``. Loaded once, on first use.

>>> label, prob = classify(["Bachelor's degree in Computer Science and 3 years of experience"])[0]
>>> label
'requirements'
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from spacy.tokens import Span

_BATCH = 256  # sentences a model call takes (the answer does not depend on it)


_NO_TOKENIZER = "jobextract.no_tokenizer.v1"


def _no_tokenizer():
    """A tokenizer with no rules for the classifier's own Language, which never tokenises:
    it reads the pipeline's tokens (see :func:`_make_doc`). Building and loading the English
    special cases it was saved with took a tenth of a second of every cold start."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


@lru_cache(maxsize=1)
def _model():
    import spacy

    spacy.registry.tokenizers.register(_NO_TOKENIZER, func=_no_tokenizer)
    path = resources.files("jobextract") / "classifier"
    with resources.as_file(path) as folder:
        return spacy.load(folder, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": _NO_TOKENIZER}}})


def _make_doc(sentence: str):
    """A sentence's tokens by the pipeline's tokenizer (``spacy.blank("en")``'s rules, the
    ones the classifier was trained with): the model reads their ``ORTH`` hashes, which are
    the same in every vocab."""
    from .api import load

    return load().make_doc(sentence)


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the shipped weights are present (they are, in a normal install)."""
    return (resources.files("jobextract") / "classifier" / "textcat" / "model").is_file()


class _Tokens:
    """A span's tokens as the model reads a Doc's: ``len()`` and ``to_array([attr])``.

    (``Span.to_array([attr])`` gives a column where ``Doc.to_array([attr])`` gives a row.)
    """

    __slots__ = ("span",)

    def __init__(self, span: Span) -> None:
        self.span = span

    def __len__(self) -> int:
        return len(self.span)

    def to_array(self, attrs):
        array = self.span.to_array(attrs)
        return array.ravel() if len(attrs) == 1 else array


_SEEN: dict[str, tuple[str, float]] = {}
_SEEN_MAX = 50_000  # sentences remembered (a few MB); boilerplate recurs across postings


def classify(sentences: Sequence[str], spans: Optional[Sequence[Optional[Span]]] = None) -> list[tuple[str, float]]:
    """``(label, probability)`` of the most likely label of each sentence.

    A sentence is classified once: the answer does not depend on the batch, and the
    same boilerplate sentences recur across a corpus. The rest go through in batches.

    ``spans[i]``, when given and not ``None``, holds the tokens of ``sentences[i]`` already
    (a span of the pipeline's Doc that tokenises exactly as the sentence alone: see
    :func:`jobextract.pipeline.sections.token_span`): the model reads their word forms
    (``ORTH``, the same hashes in every vocab) instead of tokenising the sentence again.

    >>> import jobextract
    >>> doc = jobextract.load().make_doc("Bachelor's degree in Computer Science and 3 years of experience")
    >>> classify([doc.text], [doc[:]]) == classify([doc.text])
    True
    """
    if not sentences:
        return []
    found = {}
    new: dict[str, Optional[Span]] = {}
    for i, sentence in enumerate(sentences):
        hit = _SEEN.get(sentence)
        if hit is not None:
            found[sentence] = hit
        elif sentence not in new:
            new[sentence] = spans[i] if spans is not None else None
    if new:
        if len(_SEEN) + len(new) > _SEEN_MAX:
            _SEEN.clear()
        model = _model()
        textcat = model.get_pipe("textcat")
        labels = textcat.labels
        todo = list(new.items())
        for b in range(0, len(todo), _BATCH):
            chunk = todo[b:b + _BATCH]
            docs = [_Tokens(span) if span is not None else _make_doc(sentence) for sentence, span in chunk]
            scores = textcat.predict(docs)
            for i, (sentence, _) in enumerate(chunk):
                # as TextCategorizer.set_annotations and max(doc.cats, key=doc.cats.get) do
                cats = {label: float(scores[i, j]) for j, label in enumerate(labels)}
                label = max(cats, key=cats.get)
                found[sentence] = _SEEN[sentence] = (label, cats[label])
    return [found[s] for s in sentences]
