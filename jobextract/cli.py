"""The ``jobextract`` command line: the only module that prints or exits.

    jobextract extract INPUT... [-o OUT] [--format jsonl|json|csv] [--pages] ...
    jobextract show INPUT... [--pages]        readable records, for people
    jobextract schema                         the JSON Schema of a record
    jobextract --version

``main(argv)`` returns the exit code, so it can be tested without a subprocess:
0 when every record was extracted, 1 when any failed, 2 for a usage error.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, TextIO

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}


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
        cmd.add_argument("--reference-date", default=None, metavar="YYYY-MM-DD",
                         help="the day relative dates are resolved against")

    ex = sub.add_parser("extract", help="extract records as JSON Lines, JSON or CSV")
    add_inputs(ex)
    ex.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    ex.add_argument("--format", choices=("jsonl", "json", "csv"), default=None,
                    help="output format (default: from the output file's suffix, else jsonl)")
    ex.add_argument("--errors", default=None, metavar="FILE", help="write failed records here (default: stderr)")

    show = sub.add_parser("show", help="print records for people to read")
    add_inputs(show)

    sub.add_parser("schema", help="print the JSON Schema of a JobPosting record")
    return p


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
            with path.open(encoding="utf-8", newline="") as fh:
                for n, row in enumerate(csv.DictReader(fh), 1):
                    rid = row.get(id_field) if id_field else None
                    yield f"{path}:{rid if rid is not None else n}", row.get(text_field, KeyError(f"no column {text_field!r}"))
        elif path.is_file():
            yield str(path), path.read_text(encoding="utf-8", errors="replace")
        else:
            raise FileNotFoundError(f"no such input: {raw}")


def _records(args) -> Iterator[tuple[str, Any]]:
    """``(record_id, JobPosting or Exception)`` for every posting of every input."""
    from . import api

    for rid, text in _read_inputs(args.inputs, args.text_field, args.id_field):
        try:
            if isinstance(text, Exception):
                raise text
            if args.pages:
                for k, posting in enumerate(api.extract_page(text)):
                    yield f"{rid}#{k + 1}", posting
            else:
                yield rid, api.extract(text, reference_date=args.reference_date)
        except Exception as err:  # noqa: BLE001 - reported per record; the run goes on
            yield rid, err


def flat_row(record_id: str, posting) -> dict[str, Any]:
    """One CSV row: scalar fields as columns; lists and objects as JSON strings.

    >>> from jobextract.models import JobPosting
    >>> row = flat_row("a", JobPosting(title="Nurse", text="Nurse"))
    >>> row["id"], row["title"], row["responsibilities"]
    ('a', 'Nurse', '[]')
    """
    data = posting.model_dump(mode="json", exclude={"text", "evidence", "sections"})
    row: dict[str, Any] = {"id": record_id}
    for key, value in data.items():
        row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
    return row


def _write(postings: list[tuple[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for rid, p in postings:
            out.write(json.dumps({"id": rid, **p.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([{"id": rid, **p.model_dump(mode="json")} for rid, p in postings], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        rows = [flat_row(rid, p) for rid, p in postings]
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


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


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from .models import JobPosting

        print(json.dumps(JobPosting.model_json_schema(), indent=2))
        return 0
    good: list[tuple[str, Any]] = []
    failed: list[tuple[str, Exception]] = []
    try:
        for rid, result in _records(args):
            (failed if isinstance(result, Exception) else good).append((rid, result))
    except FileNotFoundError as err:
        print(f"jobextract: {err}", file=sys.stderr)
        return 2
    if args.command == "show":
        for rid, p in good:
            _show(rid, p, sys.stdout)
    else:
        fmt = args.format or {".json": "json", ".csv": "csv"}.get(Path(args.output).suffix.lower(), "jsonl")
        if args.output == "-":
            _write(good, fmt, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                _write(good, fmt, out)
    _report_errors(failed, getattr(args, "errors", None))
    return 1 if failed else 0


def _report_errors(failed: list[tuple[str, Exception]], path: Optional[str]) -> None:
    if not failed:
        return
    buf = io.StringIO()
    for rid, err in failed:
        buf.write(json.dumps({"id": rid, "error_type": type(err).__name__, "message": str(err)}) + "\n")
    if path:
        Path(path).write_text(buf.getvalue(), encoding="utf-8")
    else:
        sys.stderr.write(buf.getvalue())
    print(f"jobextract: {len(failed)} record(s) failed", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
