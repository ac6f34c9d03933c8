"""Math in reStructuredText: `.. math::` directives and `:math:` roles.

docutils is not needed for this: a directive's math is its indented block (options such as
`:label:` skipped), and, as in docutils and Sphinx, equations separated by blank lines in one
block are separate equations.  Literal blocks, code directives and comments hold no math and are
skipped, so a `:math:` shown as an example of markup is not read as a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Fragment, Source

_DIRECTIVE = re.compile(r"(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w:.+-]+)[ \t]*::(?P<argument>.*)")
_COMMENT = re.compile(r"(?P<indent>[ \t]*)\.\.(?:[ \t]+(?![_|\[])|$)")
_OPTION = re.compile(r"[ \t]+:[\w-]+:(?:[ \t]|$)")
_IN_PARAGRAPH = r"(?:[^`\n]|\n(?![ \t]*\n))"
"""A character of interpreted text: not a backquote, and no newline that starts a blank line."""
_ROLE = re.compile(
    rf"(?<![\w\\]):math:`(?P<body>{_IN_PARAGRAPH}*)`|(?<![\w`\\])`(?P<suffixed>{_IN_PARAGRAPH}+)`:math:(?!\w)"
)
_UNCLOSED_ROLE = re.compile(r"(?<![\w\\]):math:`")
_INLINE_LITERAL = re.compile(r"``(?:[^\n]|\n(?![ \t]*\n))+?``")

LITERAL_DIRECTIVES = frozenset(
    {"code", "code-block", "sourcecode", "literalinclude", "raw", "parsed-literal", "doctest", "testcode",
     "testoutput", "ipython", "jupyter-execute", "highlight", "productionlist"}
)
"""Directives whose content is not reStructuredText, so a `:math:` there is not math."""


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for piece in text.split("\n"):
        lines.append(_Line(start, piece))
        start += len(piece) + 1
    return lines


def find_fragments(source: Source) -> list[Fragment]:
    lines = _lines(source.text)
    fragments: list[Fragment] = []
    skipped: list[tuple[int, int]] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        directive = _DIRECTIVE.fullmatch(line.text)
        block_end = _block_end(lines, number)
        if directive and directive["name"] == "math":
            fragments.extend(_directive_fragments(lines, number, block_end, directive))
        elif (directive and directive["name"] in LITERAL_DIRECTIVES) or (not directive and _COMMENT.match(line.text)):
            pass
        elif line.text.rstrip().endswith("::") and not directive:
            _mark(skipped, lines, number, block_end, keep_first=True)  # a literal block follows
            number = block_end
            continue
        else:
            number += 1
            continue
        _mark(skipped, lines, number, block_end, keep_first=False)
        number = block_end
    fragments.extend(_role_fragments(source.text, skipped))
    return sorted(fragments, key=lambda fragment: fragment.start)


def _block_end(lines: list[_Line], number: int) -> int:
    """Index of the first line after the indented block that belongs to line `number`."""
    indent = lines[number].indent
    end = number + 1
    last = number
    while end < len(lines) and (lines[end].blank or lines[end].indent > indent):
        if not lines[end].blank:
            last = end
        end += 1
    return last + 1


def _mark(skipped: list[tuple[int, int]], lines: list[_Line], first: int, end: int, keep_first: bool) -> None:
    start = lines[first + 1].start if keep_first and first + 1 < len(lines) else lines[first].start
    stop = lines[end - 1].start + len(lines[end - 1].text)
    if start < stop:
        skipped.append((start, stop))


def _directive_fragments(lines: list[_Line], number: int, end: int, directive: re.Match[str]) -> list[Fragment]:
    """One fragment per blank-line-separated group of the block (the argument starts the first)."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    argument = directive["argument"]
    if argument.strip():
        offset = lines[number].start + directive.start("argument") + (len(argument) - len(argument.lstrip()))
        current.append((offset, argument.strip()))
    in_options = True
    for line in lines[number + 1 : end]:
        if line.blank:
            in_options = False
            if current:
                groups.append(current)
                current = []
            continue
        if in_options and _OPTION.match(line.text):
            continue
        current.append((line.start + line.indent, line.text.strip()))
    if current:
        groups.append(current)
    return [_joined(group) for group in groups]


def _joined(group: list[tuple[int, str]]) -> Fragment:
    if len(group) == 1:
        start, text = group[0]
        return Fragment(text=text, start=start, display=True)
    offsets: list[int] = []
    for index, (start, text) in enumerate(group):
        if index:
            offsets.append(offsets[-1] + 1)  # the newline that ends the previous line's text
        offsets.extend(range(start, start + len(text)))
    text = "\n".join(text for _, text in group)
    return Fragment(text=text, start=group[0][0], display=True, offsets=tuple(offsets))


def _role_fragments(text: str, skipped: list[tuple[int, int]]) -> list[Fragment]:
    masked = _masked(text, skipped)
    fragments: list[Fragment] = []
    for match in _ROLE.finditer(masked):
        group = "body" if match["body"] is not None else "suffixed"
        start, end = match.start(group), match.end(group)
        fragments.append(Fragment(text=text[start:end], start=start, display=False))
    found = {f.start - len(":math:`") for f in fragments}
    for match in _UNCLOSED_ROLE.finditer(masked):
        if match.start() in found:
            continue
        begin = match.end()
        stop = text.find("\n", begin)
        stop = len(text) if stop < 0 else stop
        error = "`:math:` role without its closing backquote"
        fragments.append(Fragment(text=text[begin:stop], start=begin, display=False, error=error))
    return fragments


def _masked(text: str, skipped: list[tuple[int, int]]) -> str:
    """The text with skipped blocks and ``inline literals`` blanked out (same length)."""
    chars = list(text)
    spans = skipped + [(m.start(), m.end()) for m in _INLINE_LITERAL.finditer(text)]
    for start, stop in spans:
        for i in range(start, stop):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
