"""The annotated report as Markdown (for a pull-request comment or a wiki): a summary table, then
per file every claim step with its verdict, and for each problem the expected value and the
counterexample.  Math stays LaTeX between `$`, which GitHub and most Markdown viewers render.

The report is posted as a comment on pull requests from strangers, so everything from the notes
is quoted: LaTeX and values in code spans whose fence no backtick inside can close, prose
(notices, messages, file names) with every Markdown and HTML character escaped.  Its first line
is mathdoc's generated-report marker, so a report written into the checked tree is not re-read.
"""

from __future__ import annotations

from .. import __version__
from ..generated import marker_line
from ..model import FileReport, Finding, Summary, Verdict
from .escape import markdown_code, markdown_text

SYMBOLS = {Verdict.VERIFIED: "✅", Verdict.WRONG: "❌", Verdict.LAYOUT: "🔀", Verdict.UNCHECKED: "❔"}


def _math(latex: str) -> str:
    """Inline math that survives Markdown: no newlines, `$` escaped, kept away from the delimiters
    (GitHub's $`...`$; with a longer fence it is shown as code, which is just as safe)."""
    compact = " ".join(latex.split()).replace("$", "\\$")
    return f"${markdown_code(compact)}$" if compact else "``"


def _finding(finding: Finding) -> list[str]:
    step = f", step {finding.step}" if finding.step > 1 else ""
    message = finding.message.split("; expected ")[0] if finding.expected else finding.message
    lines = [
        f"- {SYMBOLS[finding.verdict]} **{finding.verdict.value}** {markdown_code(finding.code)} "
        f"line {finding.line}:{finding.column}{step}: {_math(finding.latex)}"
    ]
    if finding.verdict is not Verdict.VERIFIED:
        lines.append(f"  - {markdown_text(message)}")
    if finding.expected:
        lines.append(f"  - expected: {_math(finding.expected)}")
    if finding.counterexample is not None:
        c = finding.counterexample
        point = ", ".join(f"{name} = {value}" for name, value in c.point.items())
        where = f"at {markdown_code(point)}: " if point else ""
        lines.append(f"  - counterexample: {where}left side {markdown_code(c.lhs)}, right side {markdown_code(c.rhs)}")
    return lines


def format_markdown(reports: list[FileReport], **_: object) -> str:
    total = Summary.of(reports)
    lines = [
        marker_line(__version__),  # an HTML comment: unseen, but a later run knows not to read it as notes
        "# mathdoc report",
        "",
        f"{total.files} file{'s' if total.files != 1 else ''}, {total.claims} claim steps: {total.verified} verified, "
        f"{total.wrong} wrong, {total.layout} layout, {total.unchecked} unchecked.",
        "",
        "| file | claim steps | verified | wrong | layout | unchecked |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for index, report in enumerate(reports, 1):
        s = Summary.of([report])
        lines.append(f"| [{markdown_text(report.path)}](#file-{index}) | {s.claims} | {s.verified} | {s.wrong} | {s.layout} | {s.unchecked} |")
    for index, report in enumerate(reports, 1):
        lines += ["", f'<a id="file-{index}"></a>', "", f"## {markdown_text(report.path)}", ""]
        lines.append(f"Layout: {markdown_text(report.layout or 'not declared')}.")
        lines.append("")
        if report.notices:
            lines += ["Notices:", ""] + [f"- {markdown_text(notice)}" for notice in report.notices] + ["", "Claims:", ""]
        if not report.findings:
            lines.append("No claims found.")
        for finding in report.findings:
            lines.extend(_finding(finding))
    return "\n".join(lines) + "\n"
