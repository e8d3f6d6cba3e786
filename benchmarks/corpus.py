"""Read the dev corpora (``/work/shared/data/dev``) as unique posting texts, for the benchmarks.

Each file has one text field; HTML ones are marked so that a benchmark can time their
normalisation apart. Duplicate texts are dropped: spaCy's tokenizer caches words, so
repeats would flatter any figure.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

# file stem -> (text field, is it HTML?)
FIELDS = {
    "glassdoor": ("Job Description", False),
    "la_city_bulletins": ("text", False),
    "indeed_html": ("html", True),
    "nhs_jobs": ("description", True),  # entity-escaped HTML
    "hn_who_is_hiring": ("text", True),
    "skillspan": ("text_reconstructed", False),
}


def iter_texts(folder: str | Path) -> Iterator[tuple[str, str, bool]]:
    """``(source, text, is_html)`` of every unique, non-blank text, file by file."""
    seen: set[str] = set()
    for stem, (field, is_html) in FIELDS.items():
        path = Path(folder) / f"{stem}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get(field)
                if isinstance(text, str) and text.strip() and text not in seen:
                    seen.add(text)
                    yield stem, text, is_html


def load(folder: str | Path) -> list[tuple[str, str, bool]]:
    return list(iter_texts(folder))
