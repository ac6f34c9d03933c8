"""Output formats.  Each is a function (reports, options) -> str; the registry is plain data."""

from __future__ import annotations

import importlib
from typing import Callable

from ..model import FileReport

Formatter = Callable[..., str]

FORMATS: dict[str, str] = {
    "text": "mathdoc.reporters.text:format_text",
    "json": "mathdoc.reporters.json_format:format_json",
}


def formatter(name: str) -> Formatter:
    module_name, _, function_name = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def render(name: str, reports: list[FileReport], **options: object) -> str:
    return formatter(name)(reports, **options)
