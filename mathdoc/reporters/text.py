"""`path:line:col: severity[code] message`, one line per finding, then a summary.

Every line starts with a path (or is the summary); what comes from the notes is printed with its
control characters escaped, so no note can start a line of its own (a forged CI annotation).
"""

from __future__ import annotations

from ..model import FileReport, Summary, Verdict
from .escape import one_line, safe_line_start


def format_text(reports: list[FileReport], verbose: bool = False, **_: object) -> str:
    lines: list[str] = []
    for report in reports:
        for notice in report.notices:
            lines.append(safe_line_start(one_line(notice)))
        for finding in report.findings:
            if finding.verdict is Verdict.VERIFIED and not verbose:
                continue
            where = f"{finding.path}:{finding.line}:{finding.column}"
            step = f" (step {finding.step})" if finding.step > 1 else ""
            latex = " ".join(finding.latex.split())
            latex = latex if len(latex) <= 160 else latex[:157] + "..."
            cell = ""
            if finding.location is not None and finding.location.cell is not None:
                name = f" ({finding.location.cell_id})" if finding.location.cell_id else ""
                cell = f" [cell {finding.location.cell}{name}, line {finding.location.cell_line}]"
            line = f"{where}: {finding.severity.value}[{finding.code}] {finding.message}{step}{cell}: `{latex}`"
            lines.append(safe_line_start(one_line(line)))
    summary = Summary.of(reports)
    lines.append(
        f"{summary.files} file{'s' if summary.files != 1 else ''}, {summary.claims} claim steps: "
        f"{summary.verified} verified, {summary.wrong} wrong, {summary.layout} layout, {summary.unchecked} unchecked"
    )
    return "\n".join(lines) + "\n"
