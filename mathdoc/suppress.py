"""Suppression: inline comments in the notes (sqlfluff's noqa, for notes) and configured codes.

In a document::

    <!-- mathdoc: ignore -->                   every step of the next claim
    <!-- mathdoc: ignore=CODE[,CODE] -->       only findings of those codes in the next claim
    <!-- mathdoc: disable=CODE[,CODE] -->      findings of those codes from here on ...
    <!-- mathdoc: enable=CODE[,CODE] -->       ... up to here (`all`, or no codes, means every code)

`% mathdoc: ...` (LaTeX) and `.. mathdoc: ...` (reStructuredText) say the same.  "Next claim"
means the first claim whose checked step starts after the comment and within the next block (the
rest of the comment's paragraph, or else the paragraph, math block or indented directive after
it): an `ignore` whose next block holds no claim ignores nothing, rather than a claim pages later.
A `disable=` that no `enable=` closes holds to the end of the file, and a notice says so.  A directive inside Markdown
code (a code span or a fenced or indented code block: documentation quoting the syntax) is code,
not a directive.  A suppression that removes no
problem (only verified steps, or nothing at all) is stale; it is reported as an
`unused-suppression` notice so that such comments do not pile up.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .codes import RULES_BY_CODE
from .generated import is_generated_report, skipped_notice
from .suggest import did_you_mean
from .model import FileReport, Finding, Severity, Source, Verdict

UNUSED = "unused-suppression"
ALL = "all"
_MARKER = f"info[{UNUSED}]"

_COMMENT = re.compile(
    r"<!--[ \t]*mathdoc:(?P<html>.*?)-->"
    r"|(?<!\\)%[ \t]*mathdoc:(?P<tex>[^\n]*)"
    r"|^[ \t]*\.\.[ \t]+mathdoc:(?P<rst>[^\n]*)",
    re.MULTILINE | re.IGNORECASE | re.DOTALL,
)
_BODY = re.compile(r"\s*(?P<action>[A-Za-z-]+)\s*(?:=\s*(?P<codes>[A-Za-z0-9_\-, ]*))?\s*$")
_OTHER_DIRECTIVES = {"layout"}
"""Directives that other stages read (context.py reads `layout=`)."""

Position = tuple[int, int]


@dataclass
class _Directive:
    action: str
    codes: frozenset[str]
    start: Position
    end: Position
    text: str
    used: bool = False
    scope_end: Position | None = None
    """For `ignore`: the end of the next block, past which it does not reach."""


def apply(source: Source, findings: Sequence[Finding]) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """The findings that no comment suppresses, and a notice for each comment that did nothing.

    A report that mathdoc generated is not notes: nothing of it is kept, and a notice says why.
    """
    if is_generated_report(source.text):
        return (), (skipped_notice(source.path),)
    if "mathdoc:" not in source.text.lower():
        return tuple(findings), ()
    directives, notices = _directives(source)
    if not directives:
        return tuple(findings), tuple(notices)
    removed: set[int] = set()
    _apply_ignores([d for d in directives if d.action == "ignore"], findings, removed)
    unclosed = _apply_ranges([d for d in directives if d.action in ("disable", "enable")], findings, removed)
    for directive in directives:
        if not directive.used and directive.action != "enable":
            notices.append(_unused(source, directive))
        elif any(directive is d for d in unclosed):
            notices.append(_notice(source, directive, f"`{directive.text}` is not closed by an `enable=`; it holds to the end of the file"))
    kept = tuple(f for i, f in enumerate(findings) if i not in removed)
    return kept, tuple(sorted(notices, key=_notice_position))


def _directives(source: Source) -> tuple[list[_Directive], list[str]]:
    directives: list[_Directive] = []
    notices: list[str] = []
    code = code_ranges(source)
    for match in _COMMENT.finditer(source.text):
        if inside(code, match.start()):
            continue
        body = next(g for g in (match.group("html"), match.group("tex"), match.group("rst")) if g is not None)
        start, end = source.locate(match.start()), source.locate(match.end())
        text = " ".join(match.group(0).split())
        parsed = _BODY.match(body)
        action = parsed.group("action").lower() if parsed else ""
        if action in _OTHER_DIRECTIVES:
            continue
        directive = _Directive(action, frozenset(), (start.line, start.column), (end.line, end.column), text)
        if action == "ignore":
            scope = source.locate(block_end(source.text, match.end()))
            directive.scope_end = (scope.line, scope.column)
        if action not in ("ignore", "disable", "enable"):
            notices.append(_notice(source, directive, f"`{text}` is not a mathdoc directive (ignore, disable=, enable=, layout=)"))
            continue
        codes = frozenset(c.strip().lower() for c in (parsed.group("codes") or "").split(",") if c.strip())  # type: ignore[union-attr]
        unknown = sorted(c for c in codes if c != ALL and c not in RULES_BY_CODE)
        if unknown:
            hint = did_you_mean(unknown[0], RULES_BY_CODE) if len(unknown) == 1 else ""
            notices.append(_notice(source, directive, f"unknown code {', '.join(map(repr, unknown))}{hint} in `{text}`; `mathdoc rules` lists the codes"))
            continue
        directive.codes = frozenset() if ALL in codes else codes
        directives.append(directive)
    return directives, notices


_MARKDOWN_KINDS = ("markdown", "notebook")


def code_ranges(source: Source) -> list[tuple[int, int]]:
    """Offsets of Markdown code, where a directive is an example, not a directive (also for the
    `layout=` directive that context.py reads)."""
    if source.kind not in _MARKDOWN_KINDS:
        return []
    from .fragments import _markdown_forms, markdown  # Markdown readers load only when needed

    starts = source.line_starts
    blocks = []
    for token in markdown.parse(source.text):
        if token.type in ("fence", "code_block") and token.map:
            end = starts[token.map[1]] if token.map[1] < len(starts) else len(source.text)
            blocks.append((starts[token.map[0]], end))
    return _markdown_forms.code_ranges(source.text, blocks)


_BLANK_LINE = re.compile(r"\n[ \t]*(?:\r?\n|$)")
_SPACE = re.compile(r"\s*")


def block_end(text: str, offset: int) -> int:
    """The end of the block that the text after `offset` continues or starts: the rest of the
    current paragraph when it has more text, else the next paragraph or math block after blank
    lines.  Lines indented deeper than the block's first line continue it across blank lines (a
    reST `.. math::` body, a list item's continuation)."""
    first = _SPACE.match(text, offset).end()  # type: ignore[union-attr]
    if first >= len(text):
        return len(text)
    indent = first - (text.rfind("\n", 0, first) + 1)
    position = first
    while True:
        blank = _BLANK_LINE.search(text, position)
        if blank is None:
            return len(text)
        following = _SPACE.match(text, blank.start()).end()  # type: ignore[union-attr]
        if following >= len(text):
            return len(text)
        if following - (text.rfind("\n", 0, following) + 1) <= indent:
            return blank.start()
        position = following


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _claims(findings: Sequence[Finding]) -> list[list[int]]:
    """Indices of the findings grouped by claim: a claim's steps are consecutive, from step 1."""
    groups: list[list[int]] = []
    previous_step = None
    for index, finding in enumerate(findings):
        if previous_step is None or finding.step <= previous_step:
            groups.append([])
        groups[-1].append(index)
        previous_step = finding.step
    return groups


def _position(finding: Finding) -> Position:
    return (finding.line, finding.column)


def _is_problem(finding: Finding) -> bool:
    return finding.verdict is not Verdict.VERIFIED


def _apply_ignores(ignores: list[_Directive], findings: Sequence[Finding], removed: set[int]) -> None:
    claims = sorted(_claims(findings), key=lambda group: _position(findings[group[0]]))
    for directive in ignores:
        target = next((group for group in claims if _position(findings[group[0]]) >= directive.end), None)
        if target is None or (directive.scope_end is not None and _position(findings[target[0]]) > directive.scope_end):
            continue  # the next claim is not in the next block: the comment ignores nothing
        for index in target:
            if directive.codes and findings[index].code not in directive.codes:
                continue
            removed.add(index)
            directive.used = directive.used or _is_problem(findings[index])


def _apply_ranges(directives: list[_Directive], findings: Sequence[Finding], removed: set[int]) -> list[_Directive]:
    """`disable` opens a range for its codes (empty: every code); `enable` closes the open ones it
    names.  Returns the `disable`s that nothing closed."""
    ranges: list[tuple[_Directive, Position | None]] = []
    open_ranges: list[_Directive] = []
    for directive in sorted(directives, key=lambda d: d.start):
        if directive.action == "disable":
            open_ranges.append(directive)
            continue
        still_open = []
        for opened in open_ranges:
            if not directive.codes or not opened.codes or opened.codes <= directive.codes:
                ranges.append((opened, directive.start))
            else:
                still_open.append(opened)
        open_ranges = still_open
    ranges.extend((opened, None) for opened in open_ranges)
    for opened, end in ranges:
        for index, finding in enumerate(findings):
            position = _position(finding)
            if not _is_problem(finding) or position < opened.end or (end is not None and position > end):
                continue
            if opened.codes and finding.code not in opened.codes:
                continue
            removed.add(index)
            opened.used = True
    return open_ranges


def _notice(source: Source, directive: _Directive, message: str) -> str:
    line, column = directive.start
    return f"{source.path}:{line}:{column}: {_MARKER} {message}"


def _unused(source: Source, directive: _Directive) -> str:
    if directive.action == "ignore" and not directive.codes:
        return _notice(source, directive, f"`{directive.text}` suppressed nothing: the next claim has no problem to ignore (or no claim follows in the next block)")
    if directive.action == "ignore":
        return _notice(source, directive, f"`{directive.text}` suppressed nothing: the next claim has no finding of those codes")
    return _notice(source, directive, f"`{directive.text}` suppressed nothing: no finding of those codes follows it")


def _notice_position(notice: str) -> tuple[int, int]:
    match = re.search(r":(\d+):(\d+): " + re.escape(_MARKER), notice)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def is_unused_suppression(notice: str) -> bool:
    return _MARKER in notice


def apply_configuration(
    reports: Iterable[FileReport], disable: Iterable[str] = (), severity: Mapping[str, Severity] | None = None
) -> list[FileReport]:
    """Drop the findings of disabled codes and give the configured severity to the rest."""
    disabled = frozenset(disable)
    severity = dict(severity or {})
    result = []
    for report in reports:
        findings = tuple(
            dataclasses.replace(f, severity=severity[f.code]) if f.code in severity else f
            for f in report.findings
            if f.code not in disabled
        )
        notices = report.notices
        if UNUSED in disabled:
            notices = tuple(n for n in notices if not is_unused_suppression(n))
        result.append(dataclasses.replace(report, findings=findings, notices=notices))
    return result
