"""Postings as a pandas DataFrame: one row a posting, the fields people filter on as columns.

pandas is an optional extra (``pip install jobextract[dataframe]``), imported only when
:func:`to_pandas` is called. The columns are the flat form of :mod:`jobextract.flat`.

>>> import jobextract
>>> df = jobextract.to_pandas([jobextract.extract("US, WA, Seattle\\nWe're hiring an Economist.")])
>>> df.loc[0, ["title", "city", "country"]].tolist()
['Economist', 'Seattle', 'US']
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from .errors import JobExtractError
from .flat import columns, flat_row
from .models import JobPosting


class MissingExtra(JobExtractError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def require(module: str, extra: str) -> Any:
    """Import ``module``, or fail telling the user which extra installs it."""
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError as err:
        raise MissingExtra(
            f"{module} is needed for this; install it with: pip install 'jobextract[{extra}]'"
        ) from err


def to_pandas(postings: Iterable[JobPosting], *, ids: Optional[Sequence[Any]] = None):
    """One row a posting, with the columns of :func:`jobextract.flat.columns`.

    Args:
        postings: :class:`~jobextract.models.JobPosting` records.
        ids: optional record ids, one a posting: they become an ``id`` column first.

    Returns:
        A ``pandas.DataFrame``: text columns as strings, ``salary_min``/``salary_max`` as
        floats, counts as integers, dates as ``datetime64``, lists as Python lists.

    Raises:
        MissingExtra: pandas is not installed (an ``ImportError``).
    """
    pd = require("pandas", "dataframe")
    rows = [flat_row(p) for p in postings]
    spec = columns()
    df = pd.DataFrame(rows, columns=list(spec))
    for name, (kind, is_list) in spec.items():
        if is_list:
            continue
        if kind is float:
            df[name] = df[name].astype("float64")
        elif kind is int:
            df[name] = df[name].astype("int64")
        elif kind.__name__ == "date":
            df[name] = pd.to_datetime(df[name])
        else:
            df[name] = df[name].astype("string")
    if ids is not None:
        ids = list(ids)
        if len(ids) != len(df):
            raise ValueError(f"ids has {len(ids)} values for {len(df)} postings")
        df.insert(0, "id", ids)
    return df
