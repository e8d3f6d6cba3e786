"""The exceptions jobextract raises.

Every error subclasses :class:`JobExtractError`, and also the built-in type that fits
(``TypeError`` for a wrong kind of input, ``ValueError`` for a bad value), so callers can
catch either. Each carries the offending input in ``.value``.

>>> try:
...     raise InputTypeError("text", 42)
... except TypeError as err:
...     print(err)
text must be a str, got int: 42
"""
from __future__ import annotations

from typing import Any


class JobExtractError(Exception):
    """Base class of every error jobextract raises on purpose."""


class InputTypeError(JobExtractError, TypeError):
    """The input is not of a type jobextract reads (e.g. ``None`` or ``bytes`` for text)."""

    def __init__(self, name: str, value: Any, expected: str = "a str") -> None:
        self.name = name
        self.value = value
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        super().__init__(f"{name} must be {expected}, got {type(value).__name__}: {shown}")


class InputValueError(JobExtractError, ValueError):
    """The input has the right type but a value jobextract cannot use."""

    def __init__(self, message: str, value: Any = None) -> None:
        self.value = value
        super().__init__(message)


class PatternError(JobExtractError, ValueError):
    """A lexicon file (``patterns/*.jsonl``) holds a line that does not validate."""

    def __init__(self, path: str, line_no: int, problem: str) -> None:
        self.path = path
        self.line_no = line_no
        super().__init__(f"{path}:{line_no}: {problem}")


class ExtractionFailed(JobExtractError, ValueError):
    """A record of a batch could not be extracted (raised by ``extract_many(on_error="raise")``)."""

    def __init__(self, index: int, error_type: str, message: str) -> None:
        self.index = index
        self.error_type = error_type
        super().__init__(f"record {index}: {error_type}: {message}")
