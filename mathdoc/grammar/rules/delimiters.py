"""Brackets: groups, inline vectors, absolute values, norms, and evaluation bars.

| written | read as |
|---|---|
| `(a)`, `[a]`, `\\left( a \\right)`, `\\big( a \\big)`, `{a}` | a group |
| `(a, b)`, `[a, b]`, `\\left[ a, b \\right]` | an inline vector (tuple) |
| `f(x; \\theta)` | the arguments of f: `;` separates them as `,` does |
| `\\lvert x\\rvert`, `\\left| x \\right|` | absolute value (`|x|` too) |
| `\\|x\\|`, `\\lVert x\\rVert`, `\\|x\\|_2`, `\\|A\\|_F` | a norm |
| `\\left. e \\right|_{x=a}`, `e\\big|_{x=a}`, `e \\mid_{x=a}` | e evaluated at x = a |
| `\\{a\\}` | a group; `\\{a, b\\}` a set (not evaluated) |
| `\\langle a, b\\rangle` | a vector (of two vectors: their inner product) |
"""

from __future__ import annotations

from typing import Callable

from .. import tree as t
from ..parser import Parser
from ..tokens import Token, with_depth

NORMS = {"\\|": "\\|", "\\lVert": "\\rVert", "\\Vert": "\\Vert"}
ABS = {"\\lvert": "\\rvert", "\\vert": "\\vert"}
_OPENERS = {"(": ")", "[": "]", "\\{": "\\}", "\\lbrace": "\\rbrace", "|": "|", "\\|": "\\|", "\\lVert": "\\rVert", "\\Vert": "\\Vert", "\\lvert": "\\rvert", "\\vert": "\\vert", ".": None, "\\langle": "\\rangle", "\\lbrack": "\\rbrack", "\\lfloor": "\\rfloor", "\\lceil": "\\rceil"}


def items(parser: Parser, closes: Callable[[Token], bool]) -> list[t.Node]:
    """Expressions separated by `,` (or `;`, as in `p(x; \\theta)`) up to the closer (not consumed)."""

    def body() -> t.Node:
        return parser.expression(0)

    found = [parser.with_closer(closes, body)]
    while True:
        following = parser.peek()
        if following is None or not following.is_char(",", ";"):
            return found
        parser.next()
        found.append(parser.with_closer(closes, body))


def _close(parser: Parser, text: str, opener: Token) -> Token:
    token = parser.peek()
    if token is None or token.text != text:
        raise parser.fail(f"`{opener.text}` without its closing `{text}`", token=opener)
    return parser.next()


def _group_or_tuple(found: list[t.Node], bracket: str, span: t.Span) -> t.Node:
    if len(found) == 1:
        return t.Group(found[0], bracket, span)
    return t.Tuple(tuple(found), bracket, span)


def parenthesis(parser: Parser, token: Token) -> t.Node:
    found = items(parser, lambda tok: tok.is_char(")"))
    _close(parser, ")", token)
    return _group_or_tuple(found, "(", (token.start, parser.last_end()))


def bracket(parser: Parser, token: Token) -> t.Node:
    closer = "]" if token.text == "[" else "\\rbrack"
    found = items(parser, lambda tok: tok.text == closer)
    _close(parser, closer, token)
    return _group_or_tuple(found, "[", (token.start, parser.last_end()))


def brace_group(parser: Parser, token: Token) -> t.Node:
    parser.pos -= 1
    return parser.sub_parse(list(parser.group_tokens()), "group")


def brace_set(parser: Parser, token: Token) -> t.Node:
    closer = "\\}" if token.text == "\\{" else "\\rbrace"
    found = items(parser, lambda tok: tok.text == closer)
    _close(parser, closer, token)
    if len(found) > 1:
        raise parser.fail("a set `\\{…\\}` is not evaluated", token=token)
    return t.Group(found[0], "{", (token.start, parser.last_end()))


def angle(parser: Parser, token: Token) -> t.Node:
    """`\\langle a, b \\rangle`: a vector written with angle brackets (an inner product of two
    vectors is read as such by the evaluator)."""
    found = items(parser, lambda tok: tok.is_command("\\rangle"))
    _close(parser, "\\rangle", token)
    return t.Tuple(tuple(found), "<", (token.start, parser.last_end()))


def bar(parser: Parser, token: Token) -> t.Node:
    inner = parser.with_closer(lambda tok: tok.is_char("|"), lambda: parser.expression(0))
    following = parser.peek()
    if following is not None and following.is_char(")", ",", ";"):
        # `P(\\tau | \\theta)`, `\\pi(a|s)`: a bar that a parenthesis or a comma ends is a condition
        raise parser.fail("a conditional bar (`P(a | b)`) is not evaluated", token=token)
    _close(parser, "|", token)
    return t.Abs(inner, (token.start, parser.last_end()))


def absolute(parser: Parser, token: Token) -> t.Node:
    closer = ABS[token.text]
    inner = parser.with_closer(lambda tok: tok.text == closer, lambda: parser.expression(0))
    _close(parser, closer, token)
    return t.Abs(inner, (token.start, parser.last_end()))


def norm(parser: Parser, token: Token) -> t.Node:
    closer = NORMS[token.text]
    inner = parser.with_closer(lambda tok: tok.text == closer, lambda: parser.expression(0))
    _close(parser, closer, token)
    return _norm_with_sub(parser, inner, token.start)


def _norm_with_sub(parser: Parser, inner: t.Node, start: int) -> t.Node:
    sub = None
    following = parser.peek()
    if following is not None and following.is_char("_"):
        parser.next()
        sub = parser.sub_parse(list(parser.group_tokens()), "norm subscript")
    return t.Norm(inner, sub, (start, parser.last_end()))


def left(parser: Parser, token: Token) -> t.Node:
    opener = parser.next()
    if opener.kind == "number" and opener.text.startswith(".") and len(opener.text) > 1:
        # `\\left.2xe^{y}\\right|`: the null delimiter, then the number 2
        number = Token("number", opener.text[1:], opener.start + 1, opener.end)
        opener = Token("char", ".", opener.start, opener.start + 1)
        parser.tokens[parser.pos - 1 : parser.pos] = [opener, number]
    if opener.text not in _OPENERS:
        raise parser.fail(f"`\\left{opener.text}` is not a delimiter mathdoc knows", token=opener)
    bar = _operator_before_bar(parser) if opener.text == "." else None
    if bar is not None:
        from .fractions import fraction

        del parser.tokens[bar]  # `\\left.\\frac{d}{dt}\\right|_{t=1} t^3`: read as `\\frac{d}{dt}|_{t=1} t^3`
        return fraction(parser, parser.next())
    found = items(parser, lambda tok: tok.is_command("\\right"))
    right = parser.peek()
    if right is None or not right.is_command("\\right"):
        raise parser.fail("`\\left` without its `\\right`", token=token)
    parser.next()
    closer = parser.next()
    span = (token.start, parser.last_end())
    if opener.text == "." or closer.text in ("|", "\\vert", "\\rvert"):
        following = parser.peek()
        if closer.text in ("|", "\\vert", "\\rvert") and following is not None and following.is_char("_") and opener.text in (".", "(", "["):
            return evaluation(parser, _single(parser, found, token), token.start)
        if opener.text == ".":
            return _single(parser, found, token)
    if opener.text in ("|", "\\lvert", "\\vert"):
        return t.Abs(_single(parser, found, token), span)
    if opener.text in NORMS:
        return _norm_with_sub(parser, _single(parser, found, token), token.start)
    if opener.text in ("\\{", "\\lbrace"):
        if len(found) > 1:
            raise parser.fail("a set `\\{…\\}` is not evaluated", token=token)
    if opener.text == "\\langle":
        return t.Tuple(tuple(found), "<", span)
    if opener.text in ("\\lfloor", "\\lceil"):
        raise parser.fail(f"`\\left{opener.text}` … is not evaluated", token=token)
    return _group_or_tuple(found, "[" if opener.text in ("[", "\\lbrack") else "(", span)


def _operator_before_bar(parser: Parser) -> int | None:
    """The index of the `\\right` when `\\left.` encloses only a derivative operator and a bar with
    a point follows (`\\left.\\frac{d}{dt}\\right|_{t=1} t^3`): the operator acts on what comes
    after the bar, at that point."""
    from .fractions import is_operator_numerator

    start = parser.pos
    first = parser.peek()
    if first is None or not first.is_command("\\frac"):
        return None
    try:
        parser.next()
        top = parser.group_tokens()
        parser.group_tokens()
        index = parser.pos
        right, bar, under = parser.peek(), parser.peek(1), parser.peek(2)
    finally:
        parser.pos = start
    if right is None or bar is None or under is None or not right.is_command("\\right"):
        return None
    if not (bar.is_char("|") or bar.is_command("\\vert", "\\rvert")) or not under.is_char("_"):
        return None
    return index if is_operator_numerator(top) else None


def _single(parser: Parser, found: list[t.Node], token: Token) -> t.Node:
    if len(found) != 1:
        raise parser.fail("a list where one expression was expected", token=token)
    return found[0]


def evaluation(parser: Parser, operand: t.Node, start: int) -> t.Node:
    """`|_{x=a}` after `operand` (the `|` already read): the value at that point."""
    parser.expect_char("_")
    tokens = list(parser.group_tokens())
    if parser.peek() is not None and parser.peek().is_char("^"):  # type: ignore[union-attr]
        raise parser.fail("a difference between limits (`F(x)|_a^b`) is not evaluated")
    pieces: list[list[Token]] = [[]]
    for depth, tok in with_depth(tokens):
        if tok.is_char(",") and depth == 0:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    point: list[tuple[t.Node, t.Node]] = []
    for piece in pieces:
        equals = [k for k, tok in enumerate(piece) if tok.is_char("=")]
        if len(equals) == 1:
            point.append((parser.sub_parse(piece[: equals[0]], "point"), parser.sub_parse(piece[equals[0] + 1 :], "point")))
        else:
            value = parser.sub_parse(piece, "point")
            point.append((t.Symbol("", value.span), value))
    return t.Evaluate(operand, tuple(point), (start, parser.last_end()))
