"""Throughput of jobextract on the dev corpora, against spaCy's own tokeniser as the baseline.

    python benchmarks/throughput.py /work/shared/data/dev [--n-process 2] [--cold] [--memory 100000]

All figures of one run come from one process, so their ratios hold on a noisy machine:

- normalisation: HTML inputs turned into text (``jobextract.text.normalise``), timed apart;
- baseline: ``spacy.blank("en")`` tokenising the (normalised) texts, a fresh pipeline;
- extraction: ``extract_many(texts, n_process=1)`` over the raw texts (normalisation
  included), with its own fresh tokeniser cache;
- ``--n-process N``: the same with N worker processes; its speed-up over one process and
  whether its output is identical;
- ``--cold``: ``import jobextract`` + the first ``extract`` in a fresh subprocess (median of 3);
- ``--components N``: CPU milliseconds a posting spent in each pipeline component (and in
  tokenising and assembling), on N postings sampled evenly from the corpus, next to
  ``blank("en")`` tokenising the same texts;
- ``--memory N``: RSS while one ``extract_many`` streams N postings (the corpus repeated:
  repeats are fine for memory, but they hit the tokeniser cache, so it is no speed figure).
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # a script next to corpus.py, not a package

import corpus  # noqa: E402

WARM_UP = [
    "US, WA, Seattle\nWe are looking for an accomplished Applied Scientist.\nResponsibilities:\n- Build models",
    "<p>We build rockets.</p><h2>Duties</h2><ul><li>Lead design</li></ul>",
    "Random heading:\n- Bachelor's degree in Computer Science\n- 3 years of experience\n- Python",
]


def rss_mb() -> float:
    """Resident set size of this process now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def machine() -> str:
    import platform

    import spacy

    return (f"nproc {os.cpu_count()}, Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"{platform.machine()} {platform.system()}")


def throughput(folder: str, n_process: int) -> None:
    import spacy

    import jobextract
    from jobextract.text import normalise

    rows = corpus.load(folder)
    texts = [t for _, t, _ in rows]
    chars = sum(len(t) for t in texts)
    print(machine(), f"(load average {os.getloadavg()[0]:.2f} at the start)")
    print(f"{len(texts)} unique postings, {chars / len(texts):,.0f} chars on average; "
          f"{Counter(s for s, _, _ in rows)}")

    t_norm, plain = timed(lambda: [normalise(t) for t in texts])
    n_html = sum(1 for _, _, h in rows if h)
    print(f"normalisation:  {t_norm:6.2f} s for {n_html} HTML inputs "
          f"({n_html / t_norm if t_norm else 0:,.0f} HTML postings/s)")

    base = spacy.blank("en")
    gc.collect()
    cpu0 = time.process_time()
    t_tok, _ = timed(lambda: [len(base.make_doc(t)) for t in plain])
    cpu_tok = time.process_time() - cpu0
    print(f"baseline:       {t_tok:6.2f} s  {len(texts) / t_tok:7.1f} postings/s  (blank('en') tokenising; "
          f"CPU {cpu_tok:.2f} s)")

    # warm up: build the pipeline, load the lexicons and the classifier (timed by --cold)
    list(jobextract.extract_many(WARM_UP))
    results = {}
    if n_process > 1:  # first, so that the forked workers do not inherit a warm tokeniser cache
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t_par, par = timed(lambda: list(jobextract.extract_many(texts, n_process=n_process, on_error="record")))
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        results["parallel"] = (t_par, par, c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime)
    rss0 = rss_mb()
    gc.collect()
    cpu0 = time.process_time()
    t_one, one = timed(lambda: list(jobextract.extract_many(texts, on_error="record")))
    cpu_one = time.process_time() - cpu0
    fails = [r for r in one if isinstance(r, jobextract.ExtractionFailure)]
    rate = len(texts) / t_one
    print(f"extraction:     {t_one:6.2f} s  {rate:7.1f} postings/s  (1 process, normalisation included)")
    print(f"  ratio to the baseline: {t_one / t_tok:.2f}x  "
          f"(without normalisation: {(t_one - t_norm) / t_tok:.2f}x; target <= 2x)")
    print(f"  CPU time: {cpu_one:.2f} s, {cpu_one / cpu_tok:.2f}x the baseline's (steadier than the wall clock "
          f"when other jobs share the cores)")
    print(f"  failures: {len(fails)}")
    print(f"  memory: RSS {rss0:.0f} MB before the run, {rss_mb():.0f} MB after, peak {peak_rss_mb():.0f} MB")
    if "parallel" in results:
        t_par, par, cpu_workers = results["parallel"]
        same = par == one
        print(f"extraction x{n_process}: {t_par:6.2f} s  {len(texts) / t_par:7.1f} postings/s  "
              f"speed-up {t_one / t_par:.2f}x over 1 process (target >= 1.7x); identical output: {same}")
        print(f"  CPU: {cpu_one:.1f} s in 1 process, {cpu_workers:.1f} s in the {n_process} workers together; "
              f"on {n_process} idle cores that bounds the speed-up at {n_process * cpu_one / cpu_workers:.2f}x")


_COLD = """
import time
t0 = time.perf_counter()
import jobextract
t1 = time.perf_counter()
p = jobextract.extract(TEXT)
t2 = time.perf_counter()
from jobextract import classifier
print(t1 - t0, t2 - t0, classifier._model.cache_info().currsize)
"""


def cold(folder: str) -> None:
    """Import + first extract in fresh interpreters, on a posting that needs the classifier."""
    text = Path(__file__).parent.parent.joinpath("seeds").glob("*.txt")
    sample = next(iter(sorted(text))).read_text(encoding="utf-8")
    # a list under a heading the lexicon does not know: the sentence classifier loads too
    sample += ("\nThe stack:\n- Bachelor's degree in Computer Science or a related field\n"
               "- 3+ years of experience building data pipelines in Python\n- Strong written communication skills")
    code = _COLD.replace("TEXT", repr(sample))
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        imp, first, clf = out.split()
        runs.append((float(imp), float(first), clf))
    print(f"cold start (median of 3 fresh processes): import {statistics.median(r[0] for r in runs):.3f} s, "
          f"import + first extract {statistics.median(r[1] for r in runs):.3f} s "
          f"(classifier loaded: {runs[0][2] == '1'}; target <= 1.0 s)")


def memory(folder: str, total: int, every: int = 10_000) -> None:
    """RSS sampled every ``every`` postings of one ``extract_many`` over ``total`` postings."""
    import jobextract

    texts = [t for _, t, _ in corpus.load(folder)]
    samples = []
    t0 = time.perf_counter()
    for n, _ in enumerate(jobextract.extract_many(islice(cycle(texts), total), on_error="record"), 1):
        if n % every == 0:
            samples.append((n, rss_mb()))
            print(f"  {n:>7,} postings  RSS {samples[-1][1]:7.1f} MB  {time.perf_counter() - t0:6.0f} s", flush=True)
    first = next(r for n, r in samples if n >= 10_000)
    last = samples[-1][1]
    print(f"memory: RSS {first:.0f} MB at 10k, {last:.0f} MB at {samples[-1][0]:,} "
          f"({(last - first) / first:+.1%}; target within 10%)")


def cpu_timed(fn):
    """CPU seconds of this process (less disturbed than the wall clock on a shared machine)."""
    t0 = time.process_time()
    out = fn()
    return time.process_time() - t0, out


def components(folder: str, n: int) -> None:
    """CPU milliseconds a posting in tokenising, each component and assembling, over ``n``
    postings, next to ``spacy.blank("en")`` tokenising the same texts.

    A component with a ``pipe`` method (as ``jobextract_sections``, which batches its
    classifier calls) is timed through it, with the batch size ``extract_many`` uses.
    """
    import spacy

    import jobextract
    from jobextract.api import _make_doc, load
    from jobextract.assemble import to_posting
    from jobextract.text import normalise

    rows = corpus.load(folder)
    texts = [normalise(t) for _, t, _ in rows[:: max(1, len(rows) // n)][:n]]
    list(jobextract.extract_many(WARM_UP))
    nlp = load()
    base = spacy.blank("en")
    gc.collect()
    t_base, _ = cpu_timed(lambda: [base.make_doc(t) for t in texts])
    gc.collect()
    t_tok, docs = cpu_timed(lambda: [_make_doc(nlp, t, None) for t in texts])
    costs = {"tokenise": t_tok}
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            costs[name], _ = cpu_timed(lambda: list(proc.pipe(docs, batch_size=64)))
        else:
            costs[name], _ = cpu_timed(lambda: [proc(d) for d in docs])
    costs["assemble"], _ = cpu_timed(lambda: [to_posting(d) for d in docs])
    total = sum(costs.values())
    print(f"per component, CPU ms a posting over {len(texts)} postings (total {1e3 * total / len(texts):.2f} ms, "
          f"{total / t_tok:.2f}x our tokenising, {total / t_base:.2f}x blank('en') tokenising):")
    print(f"  {'(blank tokenising)':24s} {1e3 * t_base / len(texts):6.2f}")
    for name, t in costs.items():
        print(f"  {name:24s} {1e3 * t / len(texts):6.2f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="the dev corpora folder (…/data/dev)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--cold", action="store_true", help="time import + first extract in a fresh process")
    ap.add_argument("--memory", type=int, default=0, metavar="N", help="stream N postings and sample RSS")
    ap.add_argument("--components", type=int, default=0, metavar="N", help="time each component on N postings")
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_throughput:
        throughput(args.folder, args.n_process)
    if args.components:
        components(args.folder, args.components)
    if args.cold:
        cold(args.folder)
    if args.memory:
        memory(args.folder, args.memory)


if __name__ == "__main__":
    main()
