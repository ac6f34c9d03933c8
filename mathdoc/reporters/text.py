"""`path:line:col: severity[code] message`, one line per finding, then a summary.

Every line starts with a path (or is the summary); what comes from the notes is printed with its
control characters escaped, so no note can start a line of its own (a forged CI annotation).
"""

from __future__ import annotations

from typing import Sequence

from ..model import FileReport, Summary, Verdict
from .escape import one_line, safe_line_start


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 claim step", "2 claim steps": every count mathdoc prints agrees with its noun."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def timed_out(reports: Sequence[FileReport]) -> int:
    """Steps stopped by the time limit: said in the summary, so a run that checked little cannot
    pass for a clean one."""
    return sum(1 for r in reports for f in r.findings if f.code == "timeout")


def summary_line(reports: Sequence[FileReport], baselined: int = 0) -> str:
    summary = Summary.of(list(reports))
    line = (
        f"{plural(summary.files, 'file')}, {plural(summary.claims, 'claim step')}: "
        f"{summary.verified} verified, {summary.wrong} wrong, {summary.layout} layout, {summary.unchecked} unchecked"
    )
    stopped = timed_out(reports)
    if stopped:
        line += f"; {plural(stopped, 'step')} not checked: time limit"
    if baselined:
        line += f"; {plural(baselined, 'finding')} in the baseline not shown"
    return line


def format_text(
    reports: list[FileReport], verbose: bool = False, summary_of: Sequence[FileReport] | None = None, baselined: int = 0, **_: object
) -> str:
    """`summary_of`: the reports the summary counts, when `reports` shows only part of them
    (`--quiet`, a baseline); `baselined`: how many findings a baseline removed."""
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
    lines.append(summary_line(reports if summary_of is None else summary_of, baselined))
    return "\n".join(lines) + "\n"
