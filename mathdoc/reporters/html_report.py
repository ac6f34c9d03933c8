"""The annotated report: each document with every claim marked, math as MathML, one page.

The page needs nothing from the network: the style sheet is inline, math is MathML (rendered by
the browser), and the "show only problems" switch is a checkbox with a CSS rule, not a script.
Every finding gets exactly one mark element (`.mark`, with `data-verdict`); each problem also gets a
note beside its paragraph with the message, the expected value and the counterexample.

The notes may come from a stranger's pull request, so the page is built to run nothing of theirs:
every text is escaped, MathML is rebuilt from latex2mathml's element tree with only MathML
elements and presentation attributes (latex2mathml's own string output does not escape
`\\text{}`), and a Content-Security-Policy allows no script at all, only the page's own style
sheet (by its hash), images from data: URLs and no network.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import FileReport, Finding, Fragment, Severity, Source, Summary, Verdict
from .escape import html_text, visible

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SYMBOLS = {Verdict.VERIFIED: "✓", Verdict.WRONG: "✗", Verdict.LAYOUT: "⇄", Verdict.UNCHECKED: "?"}
WORST_FIRST = (Verdict.WRONG, Verdict.LAYOUT, Verdict.UNCHECKED, Verdict.VERIFIED)
DELIMITERS = (("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), (":math:`", "`"), ("$", "$"))
PROBLEM_SEVERITIES = (Severity.ERROR, Severity.WARNING)


MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"
MATHML_ELEMENTS = frozenset(
    "math mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt mroot mstyle merror mpadded "
    "mphantom mfenced menclose munder mover munderover mtable mtr mtd mlabeledtr mmultiscripts "
    "mprescripts none semantics maligngroup malignmark".split()
)
"""Presentation MathML; anything else (an `annotation-xml`, an HTML element) refuses the math."""
MATHML_ATTRIBUTES = frozenset(
    "xmlns display mathvariant mathcolor mathbackground mathsize dir width height depth lspace rspace "
    "voffset notation columnalign rowalign columnlines rowlines columnspacing rowspacing columnspan "
    "rowspan frame framespacing equalrows equalcolumns stretchy fence separator separators open close "
    "form accent accentunder movablelimits largeop symmetric minsize maxsize linethickness "
    "displaystyle scriptlevel numalign denomalign bevelled align".split()
)
"""Presentation attributes; `href`, `style`, `on*`, `xlink:*` and the like are dropped."""
_CHARACTER_REFERENCE = re.compile(r"(&#(?:x[0-9A-Fa-f]{1,6}|[0-9]{1,7});)")
"""latex2mathml writes symbols and no-break spaces as numeric references inside its text; a
numeric reference can only ever stand for one character, never for markup."""


class _UnsafeMathML(ValueError):
    """latex2mathml made an element this page does not let through."""


def _mathml_text(text: str, quote: bool = False) -> str:
    parts = _CHARACTER_REFERENCE.split(text)
    return "".join(part if index % 2 else html.escape(visible(part), quote=quote) for index, part in enumerate(parts))


def _mathml(element: Element, out: list[str]) -> None:
    """Serialize like ElementTree (so harmless math is unchanged), escaping every text."""
    tag = element.tag
    if not isinstance(tag, str) or tag not in MATHML_ELEMENTS:
        raise _UnsafeMathML(str(tag))
    attributes = "".join(
        f' {name}="{_mathml_text(value, quote=True)}"'
        for name, value in element.attrib.items()
        if name in MATHML_ATTRIBUTES and (name != "xmlns" or value == MATHML_NAMESPACE)
    )
    if not element.text and not len(element):
        out.append(f"<{tag}{attributes} />")
    else:
        out.append(f"<{tag}{attributes}>{_mathml_text(element.text or '')}")
        for child in element:
            _mathml(child, out)
            out.append(_mathml_text(child.tail or ""))
        out.append(f"</{tag}>")


@functools.lru_cache(maxsize=4096)
def render_math(latex: str, display: bool = False) -> str:
    """MathML for `latex`, or the escaped LaTeX in <code> when latex2mathml cannot read it (or
    makes something that is not plain presentation MathML)."""
    try:
        from latex2mathml.converter import convert_to_element

        out: list[str] = []
        _mathml(convert_to_element(latex, display="block" if display else "inline"), out)
        return "".join(out)
    except Exception:  # latex2mathml raises many kinds of errors on unusual LaTeX
        return f'<code class="tex">{html_text(latex)}</code>'


@dataclass
class _Piece:
    start: int
    end: int
    fragment: Fragment | None = None
    findings: list[int] = field(default_factory=list)


def _fragments(source: Source) -> list[Fragment]:
    try:
        from ..fragments import find_fragments

        return find_fragments(source)
    except Exception:  # a report is still useful without the math placed in the text
        return []


def _pieces(source: Source, findings: tuple[Finding, ...]) -> tuple[list[_Piece], list[int]]:
    """The text cut into prose and math pieces, with each finding placed in its math piece."""
    text = source.text
    math: list[_Piece] = []
    position = 0
    for fragment in _fragments(source):
        start = fragment.source_offset(0)
        end = fragment.source_offset(len(fragment.text) - 1) + 1 if fragment.text else start
        if start < position or end < start:
            continue
        for opening, closing in DELIMITERS:
            if not text.startswith(opening, start - len(opening)) or start - len(opening) < position:
                continue
            # A fragment with expanded macros maps its last characters to the macro's start, so
            # its closing delimiter may lie a little after `end`.
            close = text.find(closing, end)
            if close == end or (fragment.offsets is not None and 0 <= close - end < 200 and "\n\n" not in text[end:close]):
                start, end = start - len(opening), close + len(closing)
                break
        math.append(_Piece(start, end, fragment))
        position = end
    starts = [source.locate(p.start) for p in math]
    keys = [(loc.line, loc.column) for loc in starts]
    ends = [(loc.line, loc.column) for loc in (source.locate(p.end) for p in math)]
    unplaced = []
    for index, finding in enumerate(findings):
        key = (finding.line, finding.column)
        slot = bisect.bisect_right(keys, key) - 1
        if slot >= 0 and key <= ends[slot]:
            math[slot].findings.append(index)
        else:
            unplaced.append(index)
    pieces: list[_Piece] = []
    position = 0
    for piece in math:
        if piece.start > position:
            pieces.append(_Piece(position, piece.start))
        pieces.append(piece)
        position = piece.end
    if position < len(text):
        pieces.append(_Piece(position, len(text)))
    return pieces, unplaced


def _blocks(source: Source, pieces: list[_Piece]) -> list[list[_Piece | str]]:
    """Paragraphs: the pieces between blank lines of prose (math is never cut)."""
    blocks: list[list[_Piece | str]] = [[]]
    for piece in pieces:
        if piece.fragment is not None:
            blocks[-1].append(piece)
            continue
        parts = re.split(r"\n[ \t]*\n\s*", source.text[piece.start : piece.end])
        for number, part in enumerate(parts):
            if number:
                blocks.append([])
            if part:
                blocks[-1].append(part)
    return [b for b in blocks if any(not isinstance(p, str) or p.strip() for p in b)]


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
        f'<div class="note-claim">{render_math(finding.latex)}</div>',
        f'<div class="note-message">{html_text(message)}</div>',
    ]
    if finding.expected:
        rows.append(f'<div class="note-row"><span class="label">Expected</span> {render_math(finding.expected)}</div>')
    if finding.counterexample is not None:
        c = finding.counterexample
        point = ", ".join(f"{name} = {value}" for name, value in c.point.items())
        where = f"at {point}: " if point else ""
        rows.append(
            f'<div class="note-row"><span class="label">Counterexample</span> {html_text(where)}'
            f"left side <code>{html_text(c.lhs)}</code>, right side <code>{html_text(c.rhs)}</code></div>"
        )
    return f'<div class="note verdict-{verdict}" id="note-{anchor}">' + "".join(rows) + "</div>"


class _FileWriter:
    """Writes one file's section; numbers its findings 1..n in order."""

    def __init__(self, report: FileReport, index: int) -> None:
        self.report = report
        self.prefix = f"f{index}"
        self.index = index

    def anchor(self, finding_index: int) -> str:
        return f"{self.prefix}-{finding_index + 1}"

    def block(self, parts: list[_Piece | str], extra: list[int] | None = None) -> str:
        findings = self.report.findings
        html_parts: list[str] = []
        placed: list[int] = list(extra or [])
        for number, part in enumerate(parts):
            if isinstance(part, str):
                if number == 0:
                    part = part.lstrip("\n")
                if number == len(parts) - 1:
                    part = part.rstrip()
                html_parts.append(html_text(part, keep="\n\t"))
                continue
            html_parts.append(self.math(part))
            placed.extend(part.findings)
        for i in extra or []:
            html_parts.append(f'<span class="claim unplaced">{render_math(findings[i].latex)}{_mark(findings[i], self.anchor(i), i + 1)}</span> ')
        problems = [i for i in placed if findings[i].verdict is not Verdict.VERIFIED]
        notes = "".join(_note(findings[i], self.anchor(i), i + 1) for i in problems)
        problem = any(findings[i].severity in PROBLEM_SEVERITIES for i in placed)
        css = "block problem" if problem else "block"
        heading = len(parts) == 1 and isinstance(parts[0], str) and "\n" not in parts[0].strip()
        if heading and re.match(r"#{1,6} |\\(?:sub)*section\*?\{", str(parts[0]).lstrip()):
            css += " heading"
        return f'<div class="{css}"><div class="text">{"".join(html_parts)}</div><div class="notes">{notes}</div></div>\n'

    def math(self, piece: _Piece) -> str:
        fragment = piece.fragment
        assert fragment is not None
        rendered = render_math(fragment.text, fragment.display)
        if not piece.findings:
            return f'<span class="math{" display" if fragment.display else ""}">{rendered}</span>'
        findings = [self.report.findings[i] for i in piece.findings]
        marks = "".join(_mark(self.report.findings[i], self.anchor(i), i + 1) for i in piece.findings)
        display = " display" if fragment.display else ""
        return f'<span class="claim worst-{_worst(findings).value}{display}">{rendered}<span class="marks">{marks}</span></span>'

    def section(self) -> str:
        report = self.report
        counts = Summary.of([report])
        head = (
            f'<section class="file{" has-problems" if _has_problems(report) else ""}" id="file-{self.index}">'
            f"<h2>{html_text(report.path)}</h2>"
            f'<p class="file-meta">{counts.claims} claim steps · {counts.verified} verified · {counts.wrong} wrong · '
            f"{counts.layout} layout · {counts.unchecked} unchecked · layout: {html_text(report.layout or 'not declared')}</p>"
        )
        notices = "".join(f"<li>{html_text(n)}</li>" for n in report.notices)
        body = [head]
        if notices:
            body.append(f'<ul class="notices">{notices}</ul>')
        if report.source is not None:
            pieces, unplaced = _pieces(report.source, report.findings)
            body.extend(self.block(parts) for parts in _blocks(report.source, pieces))
        else:
            unplaced = list(range(len(report.findings)))
        if unplaced:
            body.append('<h3 class="unplaced-head">Findings not placed in the text</h3>')
            body.append(self.block([], extra=unplaced))
        body.append("</section>\n")
        return "".join(body)


def _has_problems(report: FileReport) -> bool:
    return any(f.severity in PROBLEM_SEVERITIES for f in report.findings)


def _summary_table(reports: list[FileReport]) -> str:
    rows = []
    for index, report in enumerate(reports, 1):
        s = Summary.of([report])
        css = ' class="has-problems"' if _has_problems(report) else ""
        rows.append(
            f'<tr{css}><td><a href="#file-{index}">{html_text(report.path)}</a></td><td>{s.claims}</td>'
            f'<td class="n-verified">{s.verified}</td><td class="n-wrong">{s.wrong}</td>'
            f'<td class="n-layout">{s.layout}</td><td class="n-unchecked">{s.unchecked}</td></tr>'
        )
    total = Summary.of(reports)
    return (
        '<table class="summary"><thead><tr><th>file</th><th>claim steps</th><th>verified</th><th>wrong</th>'
        "<th>layout</th><th>unchecked</th></tr></thead><tbody>" + "".join(rows) + "</tbody>"
        f'<tfoot><tr><th>{total.files} file{"s" if total.files != 1 else ""}</th><th>{total.claims}</th><th>{total.verified}</th>'
        f"<th>{total.wrong}</th><th>{total.layout}</th><th>{total.unchecked}</th></tr></tfoot></table>"
    )


STYLE = """
:root { --verified: #1b7f3b; --verified-bg: #e3f3e8; --wrong: #b3261e; --wrong-bg: #fde4e2;
  --layout: #8a4b00; --layout-bg: #ffefd5; --unchecked: #555; --unchecked-bg: #eceff1; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
  color: #1d1d1f; background: #fafafa; }
header, main { max-width: 80rem; margin: 0 auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 1.5rem 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 0 0 0.25rem; word-break: break-all; }
math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", math; font-size: 1.05em; }
code { font: 0.9em/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f0f0f0; padding: 0 0.2em; border-radius: 3px; }
table.summary { border-collapse: collapse; margin: 0.5rem 0 1rem; background: #fff; }
table.summary th, table.summary td { border: 1px solid #ddd; padding: 0.25rem 0.75rem; text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
td.n-wrong, td.n-layout { font-weight: 600; }
tr.has-problems td:first-child a { color: var(--wrong); }
.legend span { margin-right: 1rem; }
.toolbar { position: sticky; top: 0; z-index: 2; background: #fafafa; border-bottom: 1px solid #ddd;
  padding: 0.5rem 1.5rem; max-width: 80rem; margin: 0 auto; }
#only-problems { position: absolute; opacity: 0; }
.toggle { display: inline-block; cursor: pointer; padding: 0.2rem 0.75rem; border: 1px solid #999; border-radius: 1rem; background: #fff; }
.toggle::before { content: "☐ "; }
#only-problems:checked ~ .toolbar .toggle { background: var(--wrong-bg); border-color: var(--wrong); }
#only-problems:checked ~ .toolbar .toggle::before { content: "☑ "; }
#only-problems:focus-visible ~ .toolbar .toggle { outline: 2px solid #1a73e8; }
#only-problems:checked ~ main .block:not(.problem), #only-problems:checked ~ main section.file:not(.has-problems) { display: none; }
section.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 1.5rem 0; padding: 1rem 1.25rem; }
.file-meta { color: #555; margin: 0 0 0.75rem; font-size: 0.9rem; }
.notices { color: #555; font-size: 0.9rem; }
.block { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 24rem); gap: 1.25rem;
  padding: 0.4rem 0; border-top: 1px solid #f0f0f0; }
.block .text { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.block.heading .text { font-weight: 650; font-size: 1.08em; }
.block .notes:empty { visibility: hidden; }
@media (max-width: 50rem) { .block { grid-template-columns: 1fr; } }
.claim { border-radius: 3px; padding: 0 0.15em; }
.claim.display { display: block; padding: 0.25rem 0.5rem; margin: 0.25rem 0; overflow-x: auto; }
.math.display { display: block; overflow-x: auto; }
.worst-verified { background: var(--verified-bg); }
.worst-wrong { background: var(--wrong-bg); outline: 1px solid var(--wrong); }
.worst-layout { background: var(--layout-bg); outline: 1px solid var(--layout); }
.worst-unchecked { background: var(--unchecked-bg); }
.marks { white-space: nowrap; margin-left: 0.2em; }
.mark, .swatch { display: inline-block; font: 600 0.72rem/1.3 system-ui, sans-serif; padding: 0 0.35em; margin: 0 0.1em;
  border-radius: 0.6em; vertical-align: super; text-decoration: none; color: #fff; }
.swatch { vertical-align: baseline; }
.verdict-verified:is(.mark, .swatch) { background: var(--verified); }
.verdict-wrong:is(.mark, .swatch) { background: var(--wrong); }
.verdict-layout:is(.mark, .swatch) { background: var(--layout); }
.verdict-unchecked:is(.mark, .swatch) { background: var(--unchecked); }
.note { border-left: 4px solid var(--unchecked); background: var(--unchecked-bg); padding: 0.4rem 0.6rem;
  margin-bottom: 0.5rem; font-size: 0.88rem; line-height: 1.45; overflow-x: auto; }
.note.verdict-wrong { border-color: var(--wrong); background: var(--wrong-bg); }
.note.verdict-layout { border-color: var(--layout); background: var(--layout-bg); }
.note-head a { font-weight: 700; color: inherit; }
.note-claim, .note-row { margin-top: 0.25rem; }
.label { display: inline-block; min-width: 7.5em; color: #555; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
:target { box-shadow: 0 0 0 3px #1a73e8; }
section.file, .note, .mark { scroll-margin-top: 4rem; }
"""


SCRIPTS: tuple[str, ...] = ()
"""The page's own inline scripts (none today: the switch is CSS); each is allowed by its hash."""


def _source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str = STYLE, scripts: tuple[str, ...] = SCRIPTS) -> str:
    """No network, no plugins, no base URL, no form target; only the page's own style sheet and
    scripts run, each named by its hash, so nothing a note smuggled in could run even if it got
    past the escaping."""
    script_sources = " ".join(_source_hash(script) for script in scripts) or "'none'"
    return (
        f"default-src 'none'; script-src {script_sources}; style-src {_source_hash(style)}; img-src data:; "
        "object-src 'none'; base-uri 'none'; form-action 'none'"
    )


def format_html(reports: list[FileReport], **_: object) -> str:
    sections = "".join(_FileWriter(report, index).section() for index, report in enumerate(reports, 1))
    if not reports:
        sections = "<p>No files were checked.</p>"
    legend = "".join(
        f'<span><span class="swatch verdict-{v.value}" aria-hidden="true">{SYMBOLS[v]}</span> {v.value}</span>'
        for v in (Verdict.VERIFIED, Verdict.WRONG, Verdict.LAYOUT, Verdict.UNCHECKED)
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>mathdoc report</title>\n"
        f"<style>{STYLE}</style>\n"
        + "".join(f"<script>{script}</script>\n" for script in SCRIPTS)
        + "</head>\n<body>\n"
        f"<header><h1>mathdoc report</h1>{_summary_table(reports)}</header>\n"
        '<input type="checkbox" id="only-problems">\n'
        f'<div class="toolbar"><label for="only-problems" class="toggle">Show only problems</label> '
        f'<span class="legend">{legend}</span></div>\n'
        f"<main>\n{sections}</main>\n</body>\n</html>\n"
    )
