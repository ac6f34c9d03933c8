"""mathdoc: check the derivative claims in mathematical notes with SymPy."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import check_file, check_text  # noqa: E402
from .model import Counterexample, FileReport, Finding, Location, Severity, Summary, Verdict  # noqa: E402

__all__ = [
    "__version__",
    "check_file",
    "check_text",
    "Counterexample",
    "FileReport",
    "Finding",
    "Location",
    "Severity",
    "Summary",
    "Verdict",
]
