"""Train the sentence classifier by distant supervision, and measure it.

The sentences under headings the pipeline recognises ("Responsibilities", "Requirements",
"Benefits", "About the team", ...) in a folder of real postings are the training data;
the classifier then labels sentences where no heading decides. Reproducible: a fixed
seed, postings split into train and held-out sets by a hash of their text.

    python -m jobextract.train ../shared/data/dev --out jobextract/classifier

Reads the JSONL corpora named in ``SOURCES`` from the folder given; writes a spaCy
pipeline holding one ``textcat`` (``TextCatBOW.v3``) to ``--out`` and prints held-out
accuracy and per-label F1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

LABELS = ("responsibilities", "requirements", "benefits", "team", "about_company", "other")
# section label -> classifier label
SECTION_TO_LABEL = {
    "responsibilities": "responsibilities", "requirements": "requirements",
    "preferred_qualifications": "requirements", "benefits": "benefits", "team": "team",
    "about_company": "about_company", "legal": "other", "how_to_apply": "other", "salary": "other",
}
# corpus file -> (text field, is HTML)
SOURCES = {
    "glassdoor.jsonl": ("Job Description", False),
    "la_city_bulletins.jsonl": ("text", False),
    "indeed_html.jsonl": ("html", True),
    "nhs_jobs.jsonl": ("description", True),
}
PER_SOURCE_LABEL_CAP = 6000
SEED = 13


def _texts(folder: Path) -> Iterator[tuple[str, str, bool]]:
    for name, (field, is_html) in SOURCES.items():
        path = folder / name
        if not path.exists():
            print(f"  (no {path}: skipped)", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get(field)
                if isinstance(text, str) and text.strip():
                    yield name, text, is_html


def _google(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(posting key, sentence, label) from the Google set, whose sections are fields."""
    path = folder / "google_job_skills.jsonl"
    if not path.exists():
        return
    fields = {"Responsibilities": "responsibilities", "Minimum Qualifications": "requirements",
              "Preferred Qualifications": "requirements"}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = "google:" + str(row.get("_row_index"))
            for field, label in fields.items():
                for item in (row.get(field) or "").split("\n"):
                    if len(item.split()) >= 3:
                        yield key, item.strip(), label


def examples(folder: Path) -> list[tuple[str, str, str]]:
    """(posting key, sentence, label) triples from every source, capped per source and label."""
    from . import api
    from .layout import split_sentences

    out: list[tuple[str, str, str]] = []
    counts: Counter = Counter()
    for source, text, is_html in _texts(folder):
        try:
            posting = api.extract(text, html=True) if is_html else api.extract(text)
        except TypeError:  # a library without HTML support: skip HTML sources
            continue
        key = hashlib.sha1(posting.text.encode()).hexdigest()
        body = posting.text
        labels = {sec.label for sec in posting.sections}
        # where a posting has both duty and requirement sections, its opening prose is an
        # introduction (company, product, mission): the contrast the classifier needs
        intro = {"responsibilities", "requirements"} <= labels
        for sec in posting.sections:
            label = SECTION_TO_LABEL.get(sec.label) or ("other" if intro and sec.label == "summary" else None)
            if label is None:
                continue
            if sec.label in ("responsibilities", "requirements", "preferred_qualifications", "benefits"):
                items = [i.text for i in getattr(posting, sec.label) if sec.start <= i.start < sec.end]
            else:
                items = [body[s:e] for s, e in split_sentences(body, sec.start, sec.end)]
            for item in items:
                if len(item.split()) < 3 or counts[source, label] >= PER_SOURCE_LABEL_CAP:
                    continue
                counts[source, label] += 1
                out.append((key, " ".join(item.split()), label))
    for key, sentence, label in _google(folder):
        if counts["google", label] < PER_SOURCE_LABEL_CAP:
            counts["google", label] += 1
            out.append((key, sentence, label))
    for (source, label), n in sorted(counts.items()):
        print(f"  {source:28s} {label:18s} {n}", file=sys.stderr)
    return out


def split(rows: list[tuple[str, str, str]], held_out: float = 0.1):
    """Train / held-out by posting, so no posting lends sentences to both."""
    def bucket(key: str) -> float:
        return int(hashlib.md5(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF

    train = [(s, l) for k, s, l in rows if bucket(k) >= held_out]
    test = [(s, l) for k, s, l in rows if bucket(k) < held_out]
    return train, test


def build(length: int = 2 ** 17):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": length}})
    return nlp


def train(rows_train, epochs: int = 8, batch_size: int = 128):
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = build()
    textcat = nlp.get_pipe("textcat")
    for label in LABELS:
        textcat.add_label(label)

    def example(sentence: str, label: str) -> Example:
        return Example.from_dict(nlp.make_doc(sentence), {"cats": {l: float(l == label) for l in LABELS}})

    data = [example(s, l) for s, l in rows_train]
    optimizer = nlp.initialize(lambda: data[:1000])
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict = {}
        for batch in minibatch(data, size=batch_size):
            nlp.update(batch, sgd=optimizer, losses=losses)
        print(f"  epoch {epoch + 1}: loss {losses['textcat']:.2f}", file=sys.stderr)
    return nlp


def evaluate(nlp, rows_test) -> dict:
    """Held-out accuracy and per-label precision, recall, F1."""
    tp, fp, fn = Counter(), Counter(), Counter()
    right = 0
    docs = nlp.pipe(s for s, _ in rows_test)
    for doc, (_, gold) in zip(docs, rows_test):
        pred = max(doc.cats, key=doc.cats.get)
        right += pred == gold
        if pred == gold:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
    report = {"accuracy": right / max(1, len(rows_test)), "n": len(rows_test), "labels": {}}
    for label in LABELS:
        p = tp[label] / max(1, tp[label] + fp[label])
        r = tp[label] / max(1, tp[label] + fn[label])
        report["labels"][label] = {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
                                   "n": tp[label] + fn[label]}
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jobextract.train", description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="folder of dev corpora (e.g. ../shared/data/dev)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "classifier")
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args(argv)
    rows = examples(args.data)
    rows_train, rows_test = split(rows)
    print(f"{len(rows_train)} training and {len(rows_test)} held-out sentences", file=sys.stderr)
    nlp = train(rows_train, epochs=args.epochs)
    report = evaluate(nlp, rows_test)
    nlp.to_disk(args.out)
    report["train_sentences"] = len(rows_train)
    (args.out / "metrics.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
