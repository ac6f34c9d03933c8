"""`--format jsonl`: one JSON object per line, so that a corpus run streams.

Each checked file is one line, the same object as an entry of the JSON contract's `files`
(`path`, `layout`, `notices`, `findings`); a file that could not be read or checked is a line
`{"path": ..., "error": ...}`; the last line is `{"version": 1, "summary": {...}, "errors": N}`
with the JSON contract's summary.  Lines are written as files complete, in input order, and
nothing of a file is kept once its line is out, so memory does not grow with the corpus.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import FileReport, Summary, Verdict
from .escape import json_text
from .json_format import finding_dict

VERSION = 1


def _line(data: dict[str, Any]) -> str:
    return json_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + "\n"


def file_line(report: FileReport) -> str:
    """The line of one checked file (an entry of the JSON contract's `files`)."""
    return _line({"path": report.path, "layout": report.layout, "notices": list(report.notices), "findings": [finding_dict(f) for f in report.findings]})


def error_line(path: str, message: str) -> str:
    """The line of a file that could not be read or checked: it is never left out silently."""
    return _line({"path": path, "error": message})


@dataclass
class Tally:
    """The summary, counted a file at a time (the reports themselves are not kept)."""

    files: int = 0
    claims: int = 0
    verdicts: dict[Verdict, int] = field(default_factory=lambda: {v: 0 for v in Verdict})
    errors: int = 0

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.claims += len(report.findings)
        for finding in report.findings:
            self.verdicts[finding.verdict] += 1

    def summary(self) -> Summary:
        v = self.verdicts
        return Summary(
            files=self.files, claims=self.claims, verified=v[Verdict.VERIFIED], wrong=v[Verdict.WRONG],
            layout=v[Verdict.LAYOUT], unchecked=v[Verdict.UNCHECKED],
        )


def summary_line(tally: Tally) -> str:
    return _line({"version": VERSION, "summary": asdict(tally.summary()), "errors": tally.errors})


def format_jsonl(reports: list[FileReport], **_: object) -> str:
    """The whole stream at once, for callers that hold the reports anyway (`render`)."""
    tally = Tally()
    lines = []
    for report in reports:
        tally.add(report)
        lines.append(file_line(report))
    lines.append(summary_line(tally))
    return "".join(lines)
