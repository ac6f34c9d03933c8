"""The annotated report as Markdown (for a pull-request comment or a wiki): a summary table, then
per file every claim step with its verdict, and for each problem the expected value and the
counterexample.  Math stays LaTeX between `$`, which GitHub and most Markdown viewers render."""

from __future__ import annotations

from ..model import FileReport, Finding, Summary, Verdict

SYMBOLS = {Verdict.VERIFIED: "✅", Verdict.WRONG: "❌", Verdict.LAYOUT: "🔀", Verdict.UNCHECKED: "❔"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _math(latex: str) -> str:
    """Inline math that survives Markdown: no newlines, `$` escaped, kept away from the delimiters."""
    compact = " ".join(latex.split()).replace("$", "\\$")
    return f"$`{compact}`$" if compact else "``"


def _finding(finding: Finding) -> list[str]:
    step = f", step {finding.step}" if finding.step > 1 else ""
    message = finding.message.split("; expected ")[0] if finding.expected else finding.message
    lines = [
        f"- {SYMBOLS[finding.verdict]} **{finding.verdict.value}** `{finding.code}` "
        f"line {finding.line}:{finding.column}{step}: {_math(finding.latex)}"
    ]
    if finding.verdict is not Verdict.VERIFIED:
        lines.append(f"  - {message}")
    if finding.expected:
        lines.append(f"  - expected: {_math(finding.expected)}")
    if finding.counterexample is not None:
        c = finding.counterexample
        point = ", ".join(f"{name} = {value}" for name, value in c.point.items())
        where = f"at `{point}`: " if point else ""
        lines.append(f"  - counterexample: {where}left side `{c.lhs}`, right side `{c.rhs}`")
    return lines


def format_markdown(reports: list[FileReport], **_: object) -> str:
    total = Summary.of(reports)
    lines = [
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
        lines.append(f"| [{_cell(report.path)}](#file-{index}) | {s.claims} | {s.verified} | {s.wrong} | {s.layout} | {s.unchecked} |")
    for index, report in enumerate(reports, 1):
        lines += ["", f'<a id="file-{index}"></a>', "", f"## {report.path}", ""]
        lines.append(f"Layout: {report.layout or 'not declared'}.")
        lines.append("")
        if report.notices:
            lines += ["Notices:", ""] + [f"- {notice}" for notice in report.notices] + ["", "Claims:", ""]
        if not report.findings:
            lines.append("No claims found.")
        for finding in report.findings:
            lines.extend(_finding(finding))
    return "\n".join(lines) + "\n"
