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
from typing import Sequence


@lru_cache(maxsize=1)
def _model():
    import spacy

    path = resources.files("jobextract") / "classifier"
    with resources.as_file(path) as folder:
        return spacy.load(folder)


def available() -> bool:
    """Whether the shipped weights are present (they are, in a normal install)."""
    return (resources.files("jobextract") / "classifier" / "textcat" / "model").is_file()


_SEEN: dict[str, tuple[str, float]] = {}
_SEEN_MAX = 50_000  # sentences remembered (a few MB); boilerplate recurs across postings


def classify(sentences: Sequence[str]) -> list[tuple[str, float]]:
    """``(label, probability)`` of the most likely label of each sentence.

    A sentence is classified once: the answer does not depend on the batch, and the
    same boilerplate sentences recur across a corpus. The rest go through in one batch.
    """
    if not sentences:
        return []
    found = {}
    for sentence in sentences:
        hit = _SEEN.get(sentence)
        if hit is not None:
            found[sentence] = hit
    new = [s for s in dict.fromkeys(sentences) if s not in found]
    if new:
        if len(_SEEN) + len(new) > _SEEN_MAX:
            _SEEN.clear()
        for sentence, doc in zip(new, _model().pipe(new, batch_size=256)):
            label = max(doc.cats, key=doc.cats.get)
            found[sentence] = _SEEN[sentence] = (label, doc.cats[label])
    return [found[s] for s in sentences]
