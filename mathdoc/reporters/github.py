"""GitHub Actions workflow commands: one `::error` line per error finding, `::warning` per warning.

Escaping follows GitHub's toolkit (`@actions/core` command.ts): in the message `%`, CR and LF are
percent-encoded; in properties `:` and `,` are too, since they separate the properties.  Text
from the notes is first made one line (control characters as visible escapes, `##[` broken up),
so the only line breaks in an annotation are mathdoc's own, and those are encoded.
"""

from __future__ import annotations

from typing import Sequence

from ..model import FileReport, Finding, Severity
from .escape import one_line
from .text import plural, timed_out

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}
LATEX_LIMIT = 300


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    command = COMMANDS[finding.severity]
    properties = {
        "file": one_line(finding.path),
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": f"mathdoc [{finding.code}]",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    latex = one_line(" ".join(finding.latex.split()))
    latex = latex if len(latex) <= LATEX_LIMIT else latex[: LATEX_LIMIT - 1] + "…"
    step = f" (step {finding.step})" if finding.step > 1 else ""
    message = f"{one_line(finding.message)}{step}\n{latex}"
    return f"::{command} {joined}::{escape_data(message)}"


def format_github(reports: list[FileReport], summary_of: Sequence[FileReport] | None = None, **_: object) -> str:
    """`summary_of`: every report of the run, when `reports` shows only part (`--quiet`)."""
    lines = [annotation(f) for report in reports for f in report.findings if f.severity in COMMANDS]
    stopped = timed_out(reports if summary_of is None else summary_of)
    if stopped:  # a run that checked little must not look clean in the checks tab
        title = escape_property("mathdoc: time limit")
        lines.append(f"::warning title={title}::{escape_data(plural(stopped, 'step') + ' not checked: time limit (raise --timeout)')}")
    return "".join(line + "\n" for line in lines)
