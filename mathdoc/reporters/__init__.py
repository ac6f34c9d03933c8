"""Output formats.  Each is a function (reports, options) -> str; the registry is plain data."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from ..model import FileReport

Formatter = Callable[..., str]

FORMATS: dict[str, str] = {
    "text": "mathdoc.reporters.text:format_text",
    "json": "mathdoc.reporters.json_format:format_json",
    "sarif": "mathdoc.reporters.sarif:format_sarif",
    "github": "mathdoc.reporters.github:format_github",
    "html": "mathdoc.reporters.html_report:format_html",
    "markdown": "mathdoc.reporters.markdown_report:format_markdown",
    "jsonl": "mathdoc.reporters.jsonl:format_jsonl",
}
"""name -> "module:function"; imported on first use."""

REPORT_SUFFIXES: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
"""`--report PATH`: the file's suffix picks the annotated-report format."""


def formatter(name: str) -> Formatter:
    module_name, _, function_name = FORMATS[name].partition(":")
    function: Formatter = getattr(importlib.import_module(module_name), function_name)
    return function


def render(name: str, reports: list[FileReport], **options: object) -> str:
    return formatter(name)(reports, **options)


def report_format(path: str) -> str | None:
    """The format `--report PATH` writes, or None for a suffix it does not know."""
    return REPORT_SUFFIXES.get(Path(path).suffix.lower())
