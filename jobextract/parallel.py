"""Extraction in worker processes that send back only the small results.

spaCy's ``nlp.pipe(n_process=2)`` pickles whole Docs back to the parent, which made it
slower than one process here; our workers assemble the :class:`JobPosting` themselves.

>>> out = list(extract_parallel(iter([(0, "a", "We are hiring an Economist.")]), batch_size=8, n_process=2))
>>> out[0][0], out[0][1], out[0][2].title
(0, 'a', 'Economist')
"""
from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Any, Iterator, Optional


def _init_worker() -> None:
    from .api import load

    load()


def _work(job: tuple[list[tuple[int, Any, Any]], Any, Optional[bool]]) -> list[tuple[int, Any, Any]]:
    from .api import extract_batch, load

    batch, reference_date, html = job
    return extract_batch(load(), batch, reference_date, html=html)


def _batches(records: Iterator[tuple[int, Any, Any]], batch_size: int, contexts: dict) -> Iterator[list]:
    while True:
        batch = list(islice(records, batch_size))
        if not batch:
            return
        out = []
        for index, context, text in batch:
            contexts[index] = context  # contexts stay in the parent: they need not pickle
            out.append((index, None, text))
        yield out


def extract_parallel(records: Iterator[tuple[int, Any, Any]], *, batch_size: int, n_process: int,
                     reference_date: Any = None, html: Optional[bool] = None) -> Iterator[tuple[int, Any, Any]]:
    """Yield ``(index, context, result)`` in input order, extracted by ``n_process`` workers.

    Each worker also normalises its texts (``html`` as in :func:`jobextract.extract`).
    """
    contexts: dict[int, Any] = {}
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(n_process, initializer=_init_worker) as pool:
        jobs = ((batch, reference_date, html) for batch in _batches(records, batch_size, contexts))
        for done in pool.imap(_work, jobs, chunksize=1):
            for index, _, result in done:
                yield index, contexts.pop(index), result
