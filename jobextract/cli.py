"""The ``jobextract`` command line: the only module that prints or exits.

    jobextract extract INPUT... [-o OUT] [--format jsonl|json|csv|parquet] [--pages] ...
    jobextract show INPUT... [--pages]        readable records, for people
    jobextract schema                         the JSON Schema of one output record
    jobextract --version

``main(argv)`` returns the exit code, so it can be tested without a subprocess:
0 when every record was extracted, 1 when any failed, 2 for a usage error. See docs/cli.md.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, TextIO

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
FORMATS = ("jsonl", "json", "csv", "parquet")
_SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class UsageError(Exception):
    """A command line that cannot run (reported with exit code 2)."""


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="jobextract", description="Turn job postings into typed records.")
    p.add_argument("--version", action="version", version=f"jobextract {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def add_inputs(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("inputs", nargs="+", metavar="INPUT",
                         help=".txt/.html files, folders of them, .jsonl/.csv tables, or - for stdin")
        cmd.add_argument("--pages", action="store_true", help="each input is a page holding several postings")
        cmd.add_argument("--text-field", default="text", help="text column of .jsonl/.csv inputs (default: text)")
        cmd.add_argument("--id-field", default=None, help="id column of .jsonl/.csv inputs (default: line number)")
        cmd.add_argument("--html", action="store_true", default=None,
                         help="parse every input as HTML (default: sniff each one)")
        cmd.add_argument("--reference-date", default=None, metavar="YYYY-MM-DD",
                         help="the day relative dates are resolved against")
        cmd.add_argument("--workers", type=int, default=1, metavar="N",
                         help="extract in N worker processes (default: 1)")

    ex = sub.add_parser("extract", help="extract records as JSON Lines, JSON, CSV or Parquet")
    add_inputs(ex)
    ex.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    ex.add_argument("--format", choices=FORMATS, default=None,
                    help="output format (default: from the output file's suffix, else jsonl)")
    ex.add_argument("--errors", default=None, metavar="FILE",
                    help="write failed records here as JSON Lines (default: stderr)")

    show = sub.add_parser("show", help="print records for people to read")
    add_inputs(show)

    sub.add_parser("schema", help="print the JSON Schema of one record that extract writes")
    return p


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one record ``extract`` writes: a JobPosting plus its ``id``.

    >>> s = record_schema()
    >>> s["properties"]["id"]["type"], "fingerprint" in s["required"]
    ('string', True)
    """
    from .models import JobPosting

    schema = JobPosting.model_json_schema(mode="serialization")
    schema["properties"] = {"id": {"type": "string", "description": "where the record came from: "
                                   "file, file:line or file:id, and #n for the n-th posting of a page"},
                            **schema["properties"]}
    schema["required"] = ["id", *schema.get("required", [])]
    return schema


def _read_inputs(paths: Sequence[str], text_field: str, id_field: Optional[str]) -> Iterator[tuple[str, Any]]:
    """Yield ``(record_id, text)``; a record whose text is not a string is yielded as is."""
    for raw in paths:
        if raw == "-":
            yield "<stdin>", sys.stdin.read()
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield str(child), child.read_text(encoding="utf-8", errors="replace")
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as err:
                        yield f"{path}:{n}", ValueError(f"line is not JSON: {err}")
                        continue
                    rid = row.get(id_field) if id_field and isinstance(row, dict) else None
                    text = row.get(text_field) if isinstance(row, dict) else None
                    if isinstance(row, dict) and text_field not in row:
                        text = KeyError(f"no field {text_field!r}")
                    yield f"{path}:{rid if rid is not None else n}", text
        elif path.suffix.lower() == ".csv":
            csv.field_size_limit(2**31 - 1)  # postings are longer than csv's default 128 kB cell
            with path.open(encoding="utf-8", newline="") as fh:
                for n, row in enumerate(csv.DictReader(fh), 1):
                    rid = row.get(id_field) if id_field else None
                    yield f"{path}:{rid if rid is not None else n}", row.get(text_field, KeyError(f"no column {text_field!r}"))
        elif path.is_file():
            yield str(path), path.read_text(encoding="utf-8", errors="replace")
        else:
            raise FileNotFoundError(f"no such input: {raw}")


def _check_inputs(paths: Sequence[str]) -> None:
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise UsageError(f"no such input: {', '.join(missing)}")
    if list(paths).count("-") > 1:
        raise UsageError("stdin (-) can be read only once")


def _extract_page(job: tuple[str, Any, Optional[bool], Optional[str]]) -> tuple[str, Any]:
    """A worker's job: every posting of one page, or the exception that stopped it."""
    from . import api

    rid, text, html, reference_date = job
    try:
        return rid, api.extract_page(text, html=html, reference_date=reference_date)
    except Exception as err:  # noqa: BLE001 - reported per record
        return rid, err


def _records(args) -> Iterator[tuple[str, Any]]:
    """``(record_id, JobPosting or error)`` for every posting of every input, in order.

    An error is an Exception, or an :class:`~jobextract.models.ExtractionFailure` from
    ``extract_many``; either way the run goes on.
    """
    from . import api

    inputs = _read_inputs(args.inputs, args.text_field, args.id_field)
    if args.workers > 1 and not args.pages:
        failed: list[tuple[str, Exception]] = []

        def texts() -> Iterator[tuple[Any, str]]:
            for rid, text in inputs:
                if isinstance(text, Exception):
                    failed.append((rid, text))
                else:
                    yield text, rid  # the record id travels as the context

        for result, rid in api.extract_many(texts(), n_process=args.workers, as_tuples=True,
                                            on_error="record", html=args.html,
                                            reference_date=args.reference_date):
            yield rid, result
            while failed:
                yield failed.pop(0)
        yield from failed
        return
    if args.pages:
        jobs = ((rid, text, args.html, args.reference_date) for rid, text in inputs)
        if args.workers > 1:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            methods = mp.get_all_start_methods()
            pool = ProcessPoolExecutor(args.workers, mp_context=mp.get_context("fork" if "fork" in methods else "spawn"))
            results: Iterable[tuple[str, Any]] = pool.map(_extract_page, jobs)
        else:
            pool, results = None, map(_extract_page, jobs)
        try:
            for rid, postings in results:
                if isinstance(postings, Exception):
                    yield rid, postings
                    continue
                for k, posting in enumerate(postings):
                    yield f"{rid}#{k + 1}", posting
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return
    for rid, text in inputs:
        try:
            if isinstance(text, Exception):
                raise text
            yield rid, api.extract(text, reference_date=args.reference_date, html=args.html)
        except Exception as err:  # noqa: BLE001 - reported per record; the run goes on
            yield rid, err


def _progress(records: Iterator[tuple[str, Any]]) -> Iterable[tuple[str, Any]]:
    """A progress bar on stderr, only when stderr is a terminal and the run takes over 2 s."""
    if not sys.stderr.isatty():
        return records
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm comes with spaCy
        return records
    return tqdm(records, file=sys.stderr, delay=2.0, unit=" postings", dynamic_ncols=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def csv_row(record_id: str, posting) -> dict[str, Any]:
    """One CSV row: the flat columns of :mod:`jobextract.flat`; lists as JSON arrays.

    >>> from jobextract.models import JobPosting
    >>> row = csv_row("a", JobPosting(title="Nurse", text="Nurse"))
    >>> row["id"], row["title"], row["responsibilities"], row["n_responsibilities"]
    ('a', 'Nurse', '[]', 0)
    """
    from .flat import flat_row

    row: dict[str, Any] = {"id": record_id}
    for key, value in flat_row(posting).items():
        if isinstance(value, list):
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        row[key] = value
    return row


def _record(rid: str, posting) -> str:
    return json.dumps({"id": rid, **posting.model_dump(mode="json")}, ensure_ascii=False)


def _write_table(postings: list[tuple[str, Any]], fmt: str, output: str) -> None:
    """Write json, csv or parquet (jsonl is streamed by :func:`_extract`)."""
    if fmt == "parquet":
        from .dataframe import to_pandas

        df = to_pandas([p for _, p in postings], ids=[rid for rid, _ in postings])
        df.to_parquet(sys.stdout.buffer if output == "-" else output, index=False)
        return
    with _open_out(output) as out:
        if fmt == "json":
            out.write("[\n" + ",\n".join(_record(rid, p) for rid, p in postings) + "\n]\n" if postings else "[]\n")
        else:
            from .flat import columns

            writer = csv.DictWriter(out, fieldnames=["id", *columns()])
            writer.writeheader()
            writer.writerows(csv_row(rid, p) for rid, p in postings)


class _open_out:
    """The output file, or stdout for ``-`` (left open)."""

    def __init__(self, output: str) -> None:
        self.output = output

    def __enter__(self) -> TextIO:
        if self.output == "-":
            return sys.stdout
        self.fh = open(self.output, "w", encoding="utf-8", newline="")
        return self.fh

    def __exit__(self, *exc: Any) -> None:
        if self.output != "-":
            self.fh.close()


def _show(record_id: str, p, out: TextIO) -> None:
    where = "; ".join(loc.raw for loc in p.locations) or "-"
    out.write(f"== {record_id}\n")
    out.write(f"   title:     {p.title or '-'}" + (f"  ({p.seniority})" if p.seniority else "") + "\n")
    out.write(f"   company:   {p.company or '-'}\n   location:  {where}\n")
    out.write(f"   team:      {p.team.name if p.team else '-'}\n")
    for label in ("responsibilities", "requirements", "preferred_qualifications", "benefits"):
        items = getattr(p, label)
        if items:
            out.write(f"   {label} ({len(items)}):\n")
            for item in items:
                text = " ".join(item.text.split())
                out.write(f"     - {text[:110]}{'…' if len(text) > 110 else ''}\n")
    out.write("\n")


def _check_args(args) -> Optional[str]:
    """The output format, after checking what can be checked before any work."""
    from . import api

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.reference_date is not None:
        try:
            api._check_reference_date(args.reference_date)
        except ValueError as err:
            raise UsageError(str(err)) from None
    _check_inputs(args.inputs)
    if args.command != "extract":
        return None
    fmt = args.format or _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "jsonl")
    if fmt == "parquet":
        from .dataframe import require

        require("pandas", "dataframe")
        require("pyarrow", "dataframe")
    return fmt


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 some records failed, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(record_schema(), indent=2))
        return 0
    from .dataframe import MissingExtra

    try:
        fmt = _check_args(args)
    except (UsageError, MissingExtra) as err:
        print(f"jobextract: {err}", file=sys.stderr)
        return 2
    good: list[tuple[str, Any]] = []
    failed: list[tuple[str, Any]] = []
    records = _progress(_records(args))
    if args.command == "show":
        for rid, result in records:
            if _is_failure(result):
                failed.append((rid, result))
            else:
                _show(rid, result, sys.stdout)
    elif fmt == "jsonl":
        with _open_out(args.output) as out:
            for rid, result in records:
                if _is_failure(result):
                    failed.append((rid, result))
                else:
                    out.write(_record(rid, result) + "\n")
    else:
        for rid, result in records:
            (failed if _is_failure(result) else good).append((rid, result))
        _write_table(good, fmt, args.output)
    _report_errors(failed, getattr(args, "errors", None))
    return 1 if failed else 0


def _is_failure(result: Any) -> bool:
    from .models import ExtractionFailure

    return isinstance(result, (Exception, ExtractionFailure))


def _report_errors(failed: list[tuple[str, Any]], path: Optional[str]) -> None:
    """One JSON line a failed record, ``{id, error_type, message}``, to ``path`` or stderr."""
    if not failed and not path:
        return
    buf = io.StringIO()
    for rid, err in failed:
        if isinstance(err, Exception):
            kind, message = type(err).__name__, str(err)
        else:  # an ExtractionFailure
            kind, message = err.error_type, err.message
        buf.write(json.dumps({"id": rid, "error_type": kind, "message": message}, ensure_ascii=False) + "\n")
    if path:
        Path(path).write_text(buf.getvalue(), encoding="utf-8")
    else:
        sys.stderr.write(buf.getvalue())
    if failed:
        print(f"jobextract: {len(failed)} record(s) failed" + (f" (see {path})" if path else ""), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
