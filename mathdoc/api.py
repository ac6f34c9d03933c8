"""The small public API: check a string or a file, get a `FileReport` back."""

from __future__ import annotations

import os

from .checker import DEFAULT_TIMEOUT, Options, check_sources
from .model import FileReport
from .sources import read_source, source_from_text


def check_text(text: str, path: str = "<text>", kind: str = "markdown", *, timeout: float = DEFAULT_TIMEOUT, layout: str | None = None, jobs: int = 1) -> FileReport:
    """Check the claims in `text` (Markdown by default)."""
    source = source_from_text(text, path=path, kind=kind)
    return check_sources([source], Options(timeout=timeout, jobs=jobs, layout=layout))[0]


def check_file(path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT, layout: str | None = None, jobs: int = 1) -> FileReport:
    """Check one file; raises `mathdoc.sources.SourceError` when it cannot be read."""
    return check_sources([read_source(path)], Options(timeout=timeout, jobs=jobs, layout=layout))[0]
