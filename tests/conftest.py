"""Shared helpers for the case-table tests: load ``tests/cases/<name>.jsonl`` as params."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def case_params(name: str) -> list:
    """One ``pytest.param`` per row, with a readable id; ``"xfail"`` rows are strict xfails."""
    params = []
    with (CASES / name).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            label = " ".join(row["text"].split())[:40]
            params.append(pytest.param(row, id=f"{n:03d}-{label}", marks=marks))
    return params
