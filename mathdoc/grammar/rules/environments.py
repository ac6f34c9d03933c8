"""Environments inside a member: matrices (`bmatrix`, `pmatrix`, `array`, …).

| written | read as |
|---|---|
| `\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}` (also pmatrix, matrix, Bmatrix, smallmatrix, array) | a matrix |
| a row ending in `\\\\[0.7em]`, a trailing `\\\\` before `\\end` | row spacing; no extra row |
| `\\begin{vmatrix} … \\end{vmatrix}` | the determinant of the matrix |
| `\\begin{cases}` | not evaluated |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import Parser
from ..tokens import Token

MATRICES = frozenset(("bmatrix", "pmatrix", "matrix", "Bmatrix", "smallmatrix", "array", "bmatrix*", "pmatrix*", "vmatrix", "Vmatrix"))


def begin(parser: Parser, token: Token) -> t.Node:
    name = "".join(tok.text for tok in parser.group_tokens())
    if name not in MATRICES:
        raise parser.fail(f"the environment `{name}` inside a formula is not evaluated", token=token)
    if name == "array" or name.endswith("*"):
        following = parser.peek()
        if following is not None and following.is_char("{", "["):
            parser.group_tokens() if following.is_char("{") else _skip_bracket(parser)
    rows = _rows(parser, name, token)
    span = (token.start, parser.last_end())
    matrix = t.Matrix(tuple(rows), name, span)
    if name == "vmatrix":
        return t.Apply(t.Function("det", span), (matrix,), True, span)
    if name == "Vmatrix":
        return t.Norm(matrix, None, span)
    return matrix


def _rows(parser: Parser, name: str, token: Token) -> list[tuple[t.Node, ...]]:
    rows: list[tuple[t.Node, ...]] = []
    cells: list[t.Node] = []

    def closes(tok: Token) -> bool:
        return tok.is_char("&") or tok.is_command("\\\\", "\\end", "\\cr")

    while True:
        following = parser.peek()
        if following is None:
            raise parser.fail(f"`\\begin{{{name}}}` without `\\end{{{name}}}`", token=token)
        if following.is_command("\\hline"):
            parser.next()
            continue
        if closes(following):
            cells.append(t.Dots((following.start, following.start)))  # an empty cell
        else:
            cells.append(parser.with_closer(closes, lambda: parser.expression(0)))
        separator = parser.next()
        if separator.is_char("&"):
            continue
        rows.append(tuple(cells))
        cells = []
        if separator.is_command("\\\\", "\\cr"):
            following = parser.peek()
            if following is not None and following.is_char("["):
                _skip_bracket(parser)
            continue
        end = "".join(tok.text for tok in parser.group_tokens())
        if end != name:
            raise parser.fail(f"`\\begin{{{name}}}` closed by `\\end{{{end}}}`", token=token)
        break
    while rows and all(isinstance(cell, t.Dots) and cell.span[0] == cell.span[1] for cell in rows[-1]):
        rows.pop()  # a trailing `\\` before `\end`
    if not rows:
        raise parser.fail(f"an empty `{name}`", token=token)
    return rows


def _skip_bracket(parser: Parser) -> None:
    """`[0.7em]` after a row break, `[c]` after `\\begin{array}`."""
    parser.next()
    while parser.peek() is not None and not parser.peek().is_char("]"):  # type: ignore[union-attr]
        parser.next()
    if parser.peek() is not None:
        parser.next()
