"""The annotated report: each document as its reader sees it, every claim step marked, one page.

The page needs nothing from the network: the style sheet is inline (with its math font embedded),
math is MathML (rendered by the browser), and the problem filter is radio buttons with CSS rules,
not a script.  Every finding gets exactly one mark element (`.mark`, with `data-verdict`), placed
inside the formula right after the step it speaks of (so the wrong step of a chain is marked, not
the whole block); each problem also gets a note beside its block with the message, the expected
value and the counterexample.

The notes may come from a stranger's pull request, so the page is built to run nothing of theirs:
every text is escaped, Markdown is rendered with raw HTML, images and links off, MathML is
rebuilt with only MathML elements and presentation attributes (`html_math`), and a
Content-Security-Policy allows no script at all, only the page's own style sheet (by its hash),
images and fonts from data: URLs and no network.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from dataclasses import dataclass, field

from .. import __version__
from ..generated import marker_line
from ..model import FileReport, Finding, Fragment, Severity, Source, Summary, Verdict
from .escape import html_text
from .html_math import MATHML_ATTRIBUTES, MATHML_ELEMENTS, SLOT, render_formula, render_math
from .html_render import PLACEHOLDER, Block, note_blocks
from .html_style import style_sheet

__all__ = ["MATHML_ATTRIBUTES", "MATHML_ELEMENTS", "content_security_policy", "format_html", "render_math"]

SYMBOLS = {Verdict.VERIFIED: "✓", Verdict.WRONG: "✗", Verdict.LAYOUT: "⇄", Verdict.UNCHECKED: "?"}
WORST_FIRST = (Verdict.WRONG, Verdict.LAYOUT, Verdict.UNCHECKED, Verdict.VERIFIED)
DELIMITERS = (("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), (":math:`", "`"), ("$`", "`$"), ("$", "$"))
PROBLEM_SEVERITIES = (Severity.ERROR, Severity.WARNING)


@dataclass
class _Piece:
    """A formula of the note (delimiters included) and the findings placed in it."""

    start: int
    end: int
    fragment: Fragment
    findings: list[int] = field(default_factory=list)


def _fragments(source: Source) -> list[Fragment]:
    try:
        from ..fragments import find_fragments

        return find_fragments(source)
    except Exception:  # a report is still useful without the math placed in the text
        return []


def _with_delimiters(text: str, fragment: Fragment, start: int, end: int, position: int) -> tuple[int, int]:
    for opening, closing in DELIMITERS:
        if not text.startswith(opening, start - len(opening)) or start - len(opening) < position:
            continue
        # A fragment with expanded macros maps its last characters to the macro's start, so
        # its closing delimiter may lie a little after `end`.
        close = text.find(closing, end)
        if close == end or (fragment.offsets is not None and 0 <= close - end < 200 and "\n\n" not in text[end:close]):
            return start - len(opening), close + len(closing)
    return start, end


def _pieces(source: Source, findings: tuple[Finding, ...]) -> tuple[list[_Piece], list[int]]:
    """The formulas of the text, with each finding placed in its formula; the rest unplaced."""
    math: list[_Piece] = []
    position = 0
    for fragment in _fragments(source):
        start = fragment.source_offset(0)
        end = fragment.source_offset(len(fragment.text) - 1) + 1 if fragment.text else start
        if start < position or end < start:
            continue
        start, end = _with_delimiters(source.text, fragment, start, end, position)
        math.append(_Piece(start, end, fragment))
        position = end
    keys = [(loc.line, loc.column) for loc in (source.locate(p.start) for p in math)]
    ends = [(loc.line, loc.column) for loc in (source.locate(p.end) for p in math)]
    unplaced = []
    for index, finding in enumerate(findings):
        key = (finding.line, finding.column)
        slot = bisect.bisect_right(keys, key) - 1
        if slot >= 0 and key <= ends[slot]:
            math[slot].findings.append(index)
        else:
            unplaced.append(index)
    return math, unplaced


def _worst(findings: list[Finding]) -> Verdict:
    return next(v for v in WORST_FIRST if any(f.verdict is v for f in findings))


def _mark(finding: Finding, anchor: str, number: int) -> str:
    verdict = finding.verdict.value
    step = f", step {finding.step}" if finding.step > 1 else ""
    title = html_text(f"{verdict} [{finding.code}]{step}: {finding.message}")
    label = f"{SYMBOLS[finding.verdict]}{number}"
    attributes = f'class="mark verdict-{verdict}" data-verdict="{verdict}" data-code="{html_text(finding.code)}" id="mark-{anchor}" title="{title}"'
    if finding.verdict is Verdict.VERIFIED:
        return f"<span {attributes}>{label}</span>"
    return f'<a {attributes} href="#note-{anchor}">{label}</a>'


def _note(finding: Finding, anchor: str, number: int) -> str:
    verdict = finding.verdict.value
    message = finding.message.split("; expected ")[0] if finding.expected else finding.message
    step = f" · step {finding.step}" if finding.step > 1 else ""
    rows = [
        f'<div class="note-head"><a href="#mark-{anchor}">{SYMBOLS[finding.verdict]}{number}</a> '
        f"<b>{verdict}</b> · <code>{html_text(finding.code)}</code> · line {finding.line}:{finding.column}{step}</div>",
        f'<div class="note-claim">{render_formula(finding.latex, False)}</div>',
        f'<div class="note-message">{html_text(message)}</div>',
    ]
    if finding.expected:
        rows.append(f'<div class="note-row"><span class="label">Expected</span> {render_formula(finding.expected, False)}</div>')
    if finding.counterexample is not None:
        c = finding.counterexample
        point = ", ".join(f"{name} = {value}" for name, value in c.point.items())
        where = f"at {point}: " if point else ""
        rows.append(
            f'<div class="note-row"><span class="label">Counterexample</span> {html_text(where)}'
            f"left side <code>{html_text(c.lhs)}</code>, right side <code>{html_text(c.rhs)}</code></div>"
        )
    return f'<div class="note verdict-{verdict}" id="note-{anchor}">' + "".join(rows) + "</div>"


def _depths(latex: str) -> list[int]:
    """Brace depth before each position of `latex` (`\\{` and `\\}` are not braces)."""
    depths, depth, index = [], 0, 0
    while index < len(latex):
        depths.append(depth)
        char = latex[index]
        if char == "\\" and index + 1 < len(latex):
            depths.append(depth)
            index += 2
            continue
        depth += 1 if char == "{" else -1 if char == "}" else 0
        index += 1
    depths.append(depth)
    return depths


def _safe(latex: str, place: int, depths: list[int]) -> bool:
    """A slot may go at `place`: outside every brace group, not inside or right after a command
    name, not where it would become a script or an argument."""
    if depths[place] != 0 or latex[place : place + 1] in ("{", "[", "^", "_", "'"):
        return False
    before = latex[:place]
    return not before.endswith(("\\", "^", "_")) and not re.search(r"\\[A-Za-z]+$", before)


def _slot_index(source: Source, fragment: Fragment, line: int, column: int) -> int:
    """Where in the fragment's LaTeX a finding's step ends (its mark goes there): the first safe
    place at or after that end, else the end of the formula."""
    latex = fragment.text
    target = len(latex)
    for index in range(len(latex)):
        location = source.locate(fragment.source_offset(index))
        if (location.line, location.column) >= (line, column):
            target = index
            break
    depths = _depths(latex)
    return next((place for place in range(target, len(latex)) if _safe(latex, place, depths)), len(latex))


def _with_slots(source: Source, fragment: Fragment, findings: list[tuple[int, Finding]]) -> str:
    """The fragment's LaTeX with `\text{SLOT n}` after each finding's step (n: the finding's index)."""
    latex = fragment.text.replace(SLOT, "\ufffd")
    places = sorted(((_slot_index(source, fragment, f.end_line, f.end_column), i) for i, f in findings), reverse=True)
    for place, index in places:
        latex = latex[:place] + "\\text{" + SLOT + str(index) + "}" + latex[place:]
    return latex


class _FileWriter:
    """Writes one file's section; numbers its findings 1..n in order."""

    def __init__(self, report: FileReport, index: int) -> None:
        self.report = report
        self.prefix = f"f{index}"
        self.index = index

    def anchor(self, finding_index: int) -> str:
        return f"{self.prefix}-{finding_index + 1}"

    def mark(self, finding_index: int) -> str:
        return _mark(self.report.findings[finding_index], self.anchor(finding_index), finding_index + 1)

    def formula(self, piece: _Piece, source: Source) -> str:
        """A formula of the note with each finding's mark right after its step."""
        fragment = piece.fragment
        display = " display" if fragment.display else " inline"
        if not piece.findings:
            return f'<span class="math{display}">{render_formula(fragment.text, fragment.display)}</span>'
        findings = [(i, self.report.findings[i]) for i in piece.findings]
        slots = {i: f'<span class="slot">{self.mark(i)}</span>' for i in piece.findings}
        rendered = render_formula(_with_slots(source, fragment, findings), fragment.display, slots)
        missing = "".join(self.mark(i) for i in piece.findings if f'id="mark-{self.anchor(i)}"' not in rendered)
        marks = f'<span class="marks">{missing}</span>' if missing else ""
        worst = _worst([f for _, f in findings]).value
        return f'<span class="claim worst-{worst}{display}">{rendered}{marks}</span>'

    def block(self, html: str, placed: list[int], heading: bool, plain: bool) -> str:
        findings = self.report.findings
        problems = [i for i in placed if findings[i].verdict is not Verdict.VERIFIED]
        notes = "".join(_note(findings[i], self.anchor(i), i + 1) for i in problems)
        css = "block"
        if any(findings[i].severity in PROBLEM_SEVERITIES for i in placed):
            css += " problem"
        if any(findings[i].verdict is Verdict.WRONG for i in placed):
            css += " has-wrong"
        if heading:
            css += " heading"
        text_css = "text plain" if plain else "text"
        return f'<div class="{css}"><div class="{text_css}">{html}</div><div class="notes">{notes}</div></div>\n'

    def note_block(self, block: Block, pieces: list[_Piece], source: Source) -> str:
        html = PLACEHOLDER.sub(lambda m: self.formula(pieces[int(m.group(1))], source), block.html)
        placed = [i for number in block.formulas for i in pieces[number].findings]
        return self.block(html, placed, block.heading, block.plain)

    def unplaced(self, indexes: list[int]) -> str:
        findings = self.report.findings
        claims = "".join(f'<span class="claim inline unplaced">{render_formula(findings[i].latex, False)}{self.mark(i)}</span> ' for i in indexes)
        return self.block(claims, indexes, heading=False, plain=False)

    def section(self) -> str:
        report = self.report
        counts = Summary.of([report])
        css = "file" + (" has-problems" if _has_problems(report) else "") + (" has-wrong" if _has_wrong(report) else "")
        head = (
            f'<section class="{css}" id="file-{self.index}">'
            f"<h2>{html_text(report.path)}</h2>"
            f'<p class="file-meta">{counts.claims} claim steps · {counts.verified} verified · {counts.wrong} wrong · '
            f"{counts.layout} layout · {counts.unchecked} unchecked · layout: {html_text(report.layout or 'not declared')}</p>"
        )
        notices = "".join(f"<li>{html_text(n)}</li>" for n in report.notices)
        body = [head]
        if notices:
            body.append(f'<ul class="notices">{notices}</ul>')
        if report.source is not None:
            source = report.source
            pieces, unplaced = _pieces(source, report.findings)
            blocks = note_blocks(source.kind, source.text, [(p.start, p.end) for p in pieces])
            body.extend(self.note_block(block, pieces, source) for block in blocks)
        else:
            unplaced = list(range(len(report.findings)))
        if unplaced:
            body.append('<h3 class="unplaced-head">Findings not placed in the text</h3>')
            body.append(self.unplaced(unplaced))
        body.append("</section>\n")
        return "".join(body)


def _has_problems(report: FileReport) -> bool:
    return any(f.severity in PROBLEM_SEVERITIES for f in report.findings)


def _has_wrong(report: FileReport) -> bool:
    return any(f.verdict is Verdict.WRONG for f in report.findings)


def _first_problem(report: FileReport, index: int) -> str:
    """A link to the file's first problem (by position in the file), or a dash."""
    problems = [(f.line, f.column, n) for n, f in enumerate(report.findings) if f.severity in PROBLEM_SEVERITIES]
    if not problems:
        return "–"
    line, column, number = min(problems)
    finding = report.findings[number]
    return f'<a href="#mark-f{index}-{number + 1}">{SYMBOLS[finding.verdict]}{number + 1} line {line}</a>'


def _summary_table(reports: list[FileReport]) -> str:
    rows = []
    for index, report in enumerate(reports, 1):
        s = Summary.of([report])
        css = ' class="has-problems"' if _has_problems(report) else ""
        rows.append(
            f'<tr{css}><td><a href="#file-{index}">{html_text(report.path)}</a></td><td>{s.claims}</td>'
            f'<td class="n-verified">{s.verified}</td><td class="n-wrong">{s.wrong}</td>'
            f'<td class="n-layout">{s.layout}</td><td class="n-unchecked">{s.unchecked}</td>'
            f'<td class="first-problem">{_first_problem(report, index)}</td></tr>'
        )
    total = Summary.of(reports)
    return (
        '<table class="summary"><thead><tr><th>file</th><th>claim steps</th><th>verified</th><th>wrong</th>'
        "<th>layout</th><th>unchecked</th><th>first problem</th></tr></thead><tbody>" + "".join(rows) + "</tbody>"
        f'<tfoot><tr><th>{total.files} file{"s" if total.files != 1 else ""}</th><th>{total.claims}</th><th>{total.verified}</th>'
        f"<th>{total.wrong}</th><th>{total.layout}</th><th>{total.unchecked}</th><th></th></tr></tfoot></table>"
    )


SCRIPTS: tuple[str, ...] = ()
"""The page's own inline scripts (none: the filter is CSS); each would be allowed by its hash."""


def _source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str | None = None, scripts: tuple[str, ...] = SCRIPTS) -> str:
    """No network, no plugins, no base URL, no form target; only the page's own style sheet and
    scripts run, each named by its hash, so nothing a note smuggled in could run even if it got
    past the escaping.  Fonts only from data: URLs (the embedded math font)."""
    script_sources = " ".join(_source_hash(script) for script in scripts) or "'none'"
    sheet = style_sheet() if style is None else style
    return (
        f"default-src 'none'; script-src {script_sources}; style-src {_source_hash(sheet)}; img-src data:; "
        "font-src data:; object-src 'none'; base-uri 'none'; form-action 'none'"
    )


FILTERS = (("show-all", "All"), ("only-problems", "Only problems"), ("only-wrong", "Only wrong"))
"""Radio buttons before the toolbar and the main part: CSS sibling rules hide what they filter."""


def _filters() -> tuple[str, str]:
    inputs = "".join(
        f'<input type="radio" class="filter-input" name="filter" id="{name}"{" checked" if n == 0 else ""}>\n'
        for n, (name, _) in enumerate(FILTERS)
    )
    labels = "".join(f'<label for="{name}" class="toggle">{text}</label>' for name, text in FILTERS)
    return inputs, labels


def format_html(reports: list[FileReport], **_: object) -> str:
    sections = "".join(_FileWriter(report, index).section() for index, report in enumerate(reports, 1))
    if not reports:
        sections = "<p>No files were checked.</p>"
    legend = "".join(
        f'<span><span class="swatch verdict-{v.value}" aria-hidden="true">{SYMBOLS[v]}</span> {v.value}</span>'
        for v in (Verdict.VERIFIED, Verdict.WRONG, Verdict.LAYOUT, Verdict.UNCHECKED)
    )
    inputs, labels = _filters()
    sheet = style_sheet()
    return (
        f"{marker_line(__version__)}\n<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(sheet)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>mathdoc report</title>\n"
        f"<style>{sheet}</style>\n"
        + "".join(f"<script>{script}</script>\n" for script in SCRIPTS)
        + "</head>\n<body>\n"
        f"<header><h1>mathdoc report</h1>{_summary_table(reports)}</header>\n"
        f"{inputs}"
        f'<div class="toolbar">{labels} <span class="legend">{legend}</span></div>\n'
        f"<main>\n{sections}</main>\n</body>\n</html>\n"
    )
