"""jobextract: job postings in, typed and validated records out.

>>> import jobextract
>>> posting = jobextract.extract("US, WA, Seattle\\nWe're hiring an Economist to own pricing.")
>>> posting.title, posting.locations[0].city
('Economist', 'Seattle')

Nothing heavy is imported until first use: the names below load on first access.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "api",
    "extract_many": "api",
    "extract_page": "api",
    "load": "api",
    "to_pandas": "dataframe",
    "JobPosting": "models",
    "Item": "models",
    "Location": "models",
    "Team": "models",
    "Salary": "models",
    "DateValue": "models",
    "Dates": "models",
    "Section": "models",
    "TextSpan": "models",
    "ExtractionFailure": "models",
    "JobExtractError": "errors",
    "InputTypeError": "errors",
    "InputValueError": "errors",
    "PatternError": "errors",
    "ExtractionFailed": "errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jobextract' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
