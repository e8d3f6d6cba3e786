"""The command line, through ``main(argv)`` (and once through the installed console script)."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jobextract.cli import main, record_schema
from jobextract.flat import columns

SEEDS = str(Path(__file__).parent.parent / "seeds")
GOLD = [json.loads(line) for line in (Path(__file__).parent / "data" / "seed_gold.jsonl").open()]


def lines(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


@pytest.fixture()
def table(tmp_path):
    """The 20 seed postings as JSONL, one of them with a text that is not a string."""
    path = tmp_path / "postings.jsonl"
    rows = [{"id": r["id"], "text": r["text"]} for r in GOLD]
    rows[7]["text"] = 42
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_seed_pages_to_jsonl_validate_against_the_schema(tmp_path, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "out.jsonl"
    assert main(["extract", SEEDS, "--pages", "-o", str(out)]) == 0
    records = lines(out)
    assert len(records) == 20
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json.loads(json.dumps(record_schema()))
    for record in records:
        jsonschema.validate(record, schema)
    assert records[0]["id"].endswith("000_c966182d24bed5e6.txt#1")
    assert records[0]["locations"][0]["city"] == "Redmond"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_open_in_pandas(tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", SEEDS, "--pages", "--format", fmt, "-o", str(out)]) == 0
    df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    assert len(df) == 20
    assert list(df.columns) == ["id", *columns()]
    assert df.loc[0, "city"] == "Redmond"
    first = df.loc[0, "responsibilities"]
    assert (json.loads(first) if fmt == "csv" else list(first))[0].startswith("Translate ambiguous problems")


def test_stdin_page(monkeypatch, capsys):
    import io

    text = "".join(p.read_text() for p in sorted(Path(SEEDS).glob("*.txt")))
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["extract", "-", "--pages"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 20 and records[0]["id"] == "<stdin>#1"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_record_is_reported_and_the_rest_go_on(table, tmp_path, workers):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["extract", str(table), "--id-field", "id", "-o", str(out), "--errors", str(errors),
                 "--workers", str(workers)])
    assert code == 1
    good, bad = lines(out), lines(errors)
    assert len(good) == 19 and len(bad) == 1
    assert bad[0]["id"] == f"{table}:000-08"
    assert bad[0]["error_type"] == "InputTypeError" and "int" in bad[0]["message"]
    assert [r["id"].split(":")[-1] for r in good] == [r["id"] for r in GOLD if r["id"] != "000-08"]


def test_errors_go_to_stderr_without_errors_file(table, capsys):
    assert main(["extract", str(table), "--id-field", "id"]) == 1
    err = capsys.readouterr().err
    assert '"error_type": "InputTypeError"' in err and "1 record(s) failed" in err


def test_csv_input_with_text_field(tmp_path):
    pd = pytest.importorskip("pandas")
    src = tmp_path / "in.csv"
    pd.DataFrame({"key": ["a", "b"], "body": [GOLD[0]["text"], GOLD[4]["text"]]}).to_csv(src, index=False)
    out = tmp_path / "out.json"
    assert main(["extract", str(src), "--text-field", "body", "--id-field", "key", "-o", str(out)]) == 0
    records = json.loads(out.read_text())
    assert [r["id"] for r in records] == [f"{src}:a", f"{src}:b"]
    assert records[1]["title"].lower() == "economist"


def test_a_missing_text_column_fails_each_record(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"body": "We are hiring an Economist."}\n')
    assert main(["extract", str(src)]) == 1
    assert "no field 'text'" in capsys.readouterr().err


def test_html_pages_and_workers_for_pages(tmp_path, capsys):
    (tmp_path / "a.html").write_text("<h1>Economist</h1><p>We are hiring an Economist.</p>"
                                     "<h2>Responsibilities</h2><ul><li>Build models</li></ul>")
    assert main(["extract", str(tmp_path), "--html"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["responsibilities"][0]["text"] == "Build models"
    assert main(["extract", SEEDS, "--pages", "--workers", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 20


@pytest.mark.parametrize("argv, message", [
    (["extract", "no/such/file.txt"], "no such input"),
    (["extract", SEEDS, "--workers", "0"], "at least 1"),
    (["extract", SEEDS, "--reference-date", "25/11/2026"], "ISO date"),
], ids=["missing", "workers", "bad-date"])
def test_usage_errors_exit_2(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_parquet_without_pyarrow_says_what_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    assert main(["extract", SEEDS, "--pages", "-o", str(tmp_path / "x.parquet")]) == 2
    assert "pip install 'jobextract[dataframe]'" in capsys.readouterr().err


def test_quiet_when_stderr_is_not_a_terminal(capsys):
    assert main(["extract", SEEDS, "--pages"]) == 0
    assert capsys.readouterr().err == ""


def test_reference_date_and_show(capsys):
    assert main(["show", SEEDS, "--pages"]) == 0
    assert "title:     Applied Scientist" in capsys.readouterr().out
    page = str(next(Path(SEEDS).glob("000_*.txt")))
    assert main(["extract", page, "--reference-date", "2026-11-25"]) == 0
    assert main(["extract", SEEDS, "--pages", "--workers", "2", "--reference-date", "2026-11-25"]) == 0


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.startswith("jobextract ")


def test_console_script(tmp_path):
    script = shutil.which("jobextract", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the jobextract console script is not installed (pip install -e .)")
    text = "".join(p.read_text() for p in sorted(Path(SEEDS).glob("*.txt")))
    done = subprocess.run([script, "extract", "-", "--pages"], input=text, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 20 and done.stderr == ""


def test_a_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from jobextract import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    records = iter([("a", None)])
    assert cli._progress(records) is records  # pytest's stderr is not a terminal
    monkeypatch.setattr("sys.stderr", Terminal())
    bar = cli._progress(iter([("a", None)]))
    assert type(bar).__name__ == "tqdm" and bar.delay == 2.0  # shown only after 2 s of work
    assert list(bar) == [("a", None)]
