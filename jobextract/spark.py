"""Extraction on Spark: a text column in, the flat posting columns out (``mapInPandas``).

``pyspark`` is an optional extra (``pip install jobextract[spark]``); importing
``jobextract`` never imports it. The output schema is derived from the Pydantic model
through the flat form of :mod:`jobextract.flat`, the same columns as CSV and
:func:`jobextract.to_pandas`. See docs/etl.md.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Optional

from .dataframe import require
from .flat import columns, flat_row

ERROR_COLUMN = "extraction_error"


def spark_schema(prefix: str = ""):
    """The Spark ``StructType`` of the extracted columns (names prefixed with ``prefix``)."""
    require("pyspark", "spark")
    from pyspark.sql import types as T

    plain = {str: T.StringType(), float: T.DoubleType(), int: T.LongType(), bool: T.BooleanType(),
             dt.date: T.DateType()}
    fields = []
    for name, (kind, is_list) in columns().items():
        spark_type = T.ArrayType(plain[kind], containsNull=False) if is_list else plain[kind]
        fields.append(T.StructField(prefix + name, spark_type, nullable=True))
    fields.append(T.StructField(prefix + ERROR_COLUMN, T.StringType(), nullable=True))
    return T.StructType(fields)


def _extract_frames(frames: Iterator[Any], text_col: str, keep: list[str], prefix: str,
                    html: Optional[bool], batch_size: int) -> Iterator[Any]:
    """The ``mapInPandas`` function: each pandas batch of input rows to output rows."""
    import pandas as pd

    from .api import extract_many
    from .models import ExtractionFailure

    names = list(columns())
    empty = dict.fromkeys(names)
    for frame in frames:
        texts = [None if (isinstance(t, float) and t != t) else t for t in frame[text_col].tolist()]
        rows = []
        for result in extract_many(texts, on_error="record", html=html, batch_size=batch_size):
            if isinstance(result, ExtractionFailure):
                rows.append({**empty, ERROR_COLUMN: f"{result.error_type}: {result.message}"})
            else:
                rows.append({**flat_row(result), ERROR_COLUMN: None})
        out = pd.DataFrame(rows, columns=[*names, ERROR_COLUMN]).rename(columns=lambda c: prefix + c)
        for name, (_, is_list) in columns().items():  # failed rows: empty lists, not nulls
            if is_list:
                out[prefix + name] = out[prefix + name].map(lambda v: v if isinstance(v, list) else [])
        kept = frame[keep].reset_index(drop=True)
        yield pd.concat([kept, out], axis=1)


def extract_column(df, text_col: str, *, keep: Optional[list[str]] = None, prefix: str = "",
                   html: Optional[bool] = None, batch_size: int = 64):
    """Extract the postings of one text column of a Spark DataFrame.

    Args:
        df: a ``pyspark.sql.DataFrame``.
        text_col: the column holding each posting's text (plain or HTML).
        keep: input columns to carry over (default: all but ``text_col``), e.g. an id.
        prefix: put before every extracted column's name (when the input has a ``title``).
        html: as in :func:`jobextract.extract` (``None`` sniffs each text).
        batch_size: texts each ``nlp.pipe`` call takes inside a partition.

    Returns:
        A DataFrame with the ``keep`` columns and the flat posting columns (see
        :func:`jobextract.flat.columns`), plus ``extraction_error``: ``None``, or the
        reason a row failed (its other columns then empty). One row in, one row out.

    Raises:
        MissingExtra: pyspark is not installed (an ``ImportError``).
        ValueError: ``text_col`` is missing, or an extracted name clashes with a kept one.
    """
    schema_out = spark_schema(prefix)
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    keep = [c for c in df.columns if c != text_col] if keep is None else list(keep)
    clash = sorted(set(keep) & set(schema_out.fieldNames()))
    if clash:
        raise ValueError(f"extracted columns would clash with {clash}: pass keep=[...] or prefix='...'")
    from pyspark.sql import types as T

    schema = T.StructType([df.schema[c] for c in keep] + schema_out.fields)
    selected = df.select(*keep, text_col)

    def run(frames):
        return _extract_frames(frames, text_col, keep, prefix, html, batch_size)

    return selected.mapInPandas(run, schema=schema)
