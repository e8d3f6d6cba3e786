"""jobextract.spark in local mode (local[2]): one Spark session for the whole run.

Skipped, with the reason, only where pyspark or Java is missing.
"""
import json
import os
import shutil
import sys
import warnings
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is an optional extra: pip install jobextract[spark]")
pytest.importorskip("pandas", reason="pyspark's mapInPandas needs pandas")
pytest.importorskip("pyarrow", reason="pyspark's mapInPandas needs pyarrow")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (no java on PATH, no JAVA_HOME)", allow_module_level=True)

from jobextract.flat import columns  # noqa: E402
from jobextract.spark import ERROR_COLUMN, extract_column  # noqa: E402

GOLD = [json.loads(line) for line in (Path(__file__).parent / "data" / "seed_gold.jsonl").open()]
pytestmark = pytest.mark.filterwarnings("ignore:.*pandas >= 3.0.0.*:FutureWarning")


@pytest.fixture(scope="session")
def spark():
    for var in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON"):
        os.environ[var] = sys.executable  # else the workers run another python, without jobextract
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        session = (SparkSession.builder.master("local[2]").appName("jobextract-tests")
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", "2")
                   .config("spark.sql.session.timeZone", "UTC")
                   .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_extract_column_gives_the_flat_columns(spark):
    rows = [(r["id"], r["text"]) for r in GOLD] + [("blank", None)]
    df = spark.createDataFrame(rows, "id string, text string").repartition(2)
    out = extract_column(df, "text")
    assert out.columns == ["id", *columns(), ERROR_COLUMN]
    got = {r["id"]: r for r in out.collect()}
    assert len(got) == 21
    first = got["000-01"]
    assert first["title"] == "Applied Scientist" and first["city"] == "Redmond" and first["country"] == "US"
    assert first["locations"] == ["US, WA, Redmond"]
    assert first["n_responsibilities"] == len(first["responsibilities"]) > 0
    assert first[ERROR_COLUMN] is None
    assert got["000-06"]["fingerprint"] == got["001-08"]["fingerprint"]
    assert "InputTypeError" in got["blank"][ERROR_COLUMN] and got["blank"]["responsibilities"] == []
    assert dict(out.dtypes)["salary_min"] == "double" and dict(out.dtypes)["date_posted"] == "date"


def test_keep_and_prefix(spark):
    df = spark.createDataFrame([("a", "We are hiring an Economist.", "x")], "id string, body string, title string")
    with pytest.raises(ValueError, match="clash"):
        extract_column(df, "body")
    out = extract_column(df, "body", prefix="job_").collect()[0]
    assert out["title"] == "x" and out["job_title"] == "Economist"
    assert extract_column(df, "body", keep=["id"]).columns[:2] == ["id", "fingerprint"]
