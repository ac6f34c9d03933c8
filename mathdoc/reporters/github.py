"""GitHub Actions workflow commands: one `::error` line per error finding, `::warning` per warning.

Escaping follows GitHub's toolkit (`@actions/core` command.ts): in the message `%`, CR and LF are
percent-encoded; in properties `:` and `,` are too, since they separate the properties.  Text
from the notes is first made one line (control characters as visible escapes, `##[` broken up),
so the only line breaks in an annotation are mathdoc's own, and those are encoded.
"""

from __future__ import annotations

from ..model import FileReport, Finding, Severity
from .escape import one_line

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


def format_github(reports: list[FileReport], **_: object) -> str:
    lines = [annotation(f) for report in reports for f in report.findings if f.severity in COMMANDS]
    return "".join(line + "\n" for line in lines)
