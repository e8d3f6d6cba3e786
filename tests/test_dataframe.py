"""to_pandas: one row a posting; pandas is never imported by ``import jobextract``."""
import subprocess
import sys
from pathlib import Path

import pytest

import jobextract
from jobextract.flat import columns

pd = pytest.importorskip("pandas", reason="pandas is an optional extra: pip install jobextract[dataframe]")


@pytest.fixture(scope="module")
def seed_postings():
    return [p for f in sorted(Path("seeds").glob("*.txt")) for p in jobextract.extract_page(f.read_text())]


def test_one_row_a_posting(seed_postings):
    df = jobextract.to_pandas(seed_postings)
    assert len(df) == 20 and list(df.columns) == list(columns())
    assert df.loc[0, "city"] == "Redmond" and df.loc[0, "locations"] == ["US, WA, Redmond"]
    assert df["n_responsibilities"].dtype == "int64" and df["salary_min"].dtype == "float64"
    assert (df["n_responsibilities"] == df["responsibilities"].map(len)).all()
    assert set(df.loc[df["title"] == "Economist", "country"]) == {"US"}


def test_ids_become_the_first_column(seed_postings):
    df = jobextract.to_pandas(seed_postings[:2], ids=["a", "b"])
    assert list(df["id"]) == ["a", "b"] and df.columns[0] == "id"
    with pytest.raises(ValueError):
        jobextract.to_pandas(seed_postings[:2], ids=["a"])


def test_no_postings_give_an_empty_frame_with_the_columns():
    assert list(jobextract.to_pandas([]).columns) == list(columns())


def test_import_jobextract_imports_no_pandas():
    code = "import sys, jobextract; jobextract.extract('We are hiring an Economist.'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
