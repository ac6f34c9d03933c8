"""Colour for the text format on a terminal; plain text when piped, under CI, or with NO_COLOR.

The text reporter stays the one source of the words; this module only paints its lines.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Mapping, TextIO

if TYPE_CHECKING:
    from rich.text import Text

_FINDING = re.compile(r"^(?P<where>[^\n]*?:\d+:\d+:) (?P<severity>error|warning|info)\[(?P<code>[^\]]+)\](?P<rest>.*)$")
_SUMMARY = re.compile(r"^\d+ files?, \d+ claim steps?: ")
_TIME_LIMIT = re.compile(r"\d+ steps? not checked: time limit")
SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
COUNT_STYLES = {"verified": "green", "wrong": "bold red", "layout": "bold yellow", "unchecked": "dim"}


def wants_colour(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(line: str) -> Text:
    """A rich Text for one line of the text format."""
    from rich.text import Text

    match = _FINDING.match(line)
    if match:
        text = Text()
        text.append(match["where"], style="bold")
        text.append(" ")
        text.append(match["severity"], style=SEVERITY_STYLES[match["severity"]])
        text.append(f"[{match['code']}]", style="dim")
        text.append(match["rest"])
        return text
    if _SUMMARY.match(line):
        text = Text(line)
        for word, style in COUNT_STYLES.items():
            count = re.search(rf"(\d+) {word}\b", line)
            if count and count.group(1) != "0":
                text.stylize(style, count.start(), count.end())
        stopped = _TIME_LIMIT.search(line)
        if stopped:
            text.stylize("bold yellow", stopped.start(), stopped.end())
        return text
    return Text(line)


def write(text: str, stream: TextIO) -> None:
    """Write the text format to `stream`, painted when `stream` is a colour terminal."""
    if not wants_colour(stream):
        stream.write(text)
        stream.flush()
        return
    from rich.console import Console

    console = Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True, force_terminal=True)
    for line in text.splitlines():
        console.print(paint(line))
