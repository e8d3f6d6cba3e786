"""Heading lines from real postings (``tests/cases/headings.jsonl``) and the label each gets.

Each row is ``{"line", "label", "source"}``: ``label`` is the section label that
``classify_line`` must give, or ``null`` for a line that is not a heading. A row with an
``"xfail"`` key is a known failure, strict so that a fix shows. The lines come from the
dev corpora named in ``source`` (``../shared/data/dev``).
"""
import json
from pathlib import Path

import pytest

import jobextract
from jobextract import lexicons

CASES = Path(__file__).parent / "cases" / "headings.jsonl"


def rows():
    out = []
    for i, line in enumerate(CASES.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        out.append(pytest.param(row, id=f"{i:02d}-{row['line'][:40]}", marks=marks))
    return out


@pytest.fixture(scope="module")
def detector():
    return jobextract.load().get_pipe("jobextract_sections")


@pytest.mark.parametrize("row", rows())
def test_classify_line(detector, row):
    assert detector.classify_line(row["line"]) == row["label"]


def test_lexicon_has_no_duplicates():
    keys = [r.pattern.replace("’", "'") for r in lexicons.headings()]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def test_lexicon_sources_are_named():
    for rule in lexicons.headings():
        assert rule.source.startswith(("dev: ", "common usage")), rule
