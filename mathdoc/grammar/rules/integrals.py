"""Integrals and limits: the integrand runs to its differential, a limit's operand to the end of the term.

| written | read as |
|---|---|
| `\\int_a^b f(x)\\,dx`, `\\int_0^{1} x^y \\,dx` | a definite integral; the integrand is everything up to the differential |
| `\\int 2x\\,dx`, `\\int \\cos t\\,\\mathrm{d}t` | an indefinite integral (an antiderivative, up to a constant) |
| `\\int_0^1\\int_0^2 xy\\,dx\\,dy` | nested integrals: the inner one takes the first differential |
| `\\int_a^b f(t)\\,dt - \\int_a^b g(t)\\,dt` | the differential ends the integral; what follows it is outside |
| `\\int_C f\\,ds`, `\\int_x P(x)`, `\\iint_D`, `\\oint_C` | not evaluated: an integral over a set, curve or region, or without a differential |
| `\\lim_{x \\to c} e`, `\\lim_{h\\rightarrow 0} e` | a two-sided limit; the operand runs to the end of the term (as a sum's body) |
| `\\lim_{x\\to 0^+} e`, `\\lim_{x \\to 0^-} e` | a one-sided limit from above (below) |
| `\\lim_{n\\to\\infty} e` | a limit at infinity |
| `\\lim e`, `\\lim_{(s,t)\\to(0,0)} e` | not evaluated: a limit without its variable, or in several variables |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import TERM, Parser
from ..tokens import Token
from .atoms import GREEK

_OPENERS = frozenset(("{", "(", "[", "\\left", "\\begin"))
_CLOSERS = frozenset(("}", ")", "]", "\\right", "\\end"))
_ARROWS = frozenset(("\\to", "\\rightarrow", "\\longrightarrow"))
_ROMAN = frozenset(("\\mathrm", "\\operatorname", "\\text", "\\textrm", "\\rm", "\\mathit"))
_INTEGRALS = frozenset(("\\int", "\\iint", "\\iiint", "\\oint"))


def integral(parser: Parser, token: Token) -> t.Node:
    lower, upper = _bounds(parser)
    if (lower is None) != (upper is None):
        raise parser.fail("an integral over a set, a curve or a region (`\\int_C`) is not evaluated", token=token)
    found = _differential(parser)
    if found is None:
        raise parser.fail("an integral without a differential (`dx`) is not evaluated", token=token)
    start, marker, width = found
    if start == parser.pos:
        raise parser.fail("an integral with the differential written first (`\\int dx\\, f`) is not evaluated", token=token)
    body = parser.sub_parse(parser.tokens[parser.pos : start], "integrand")
    variable = parser.sub_parse(parser.tokens[start + marker : start + marker + width], "variable of integration")
    parser.pos = start + marker + width
    if not isinstance(variable, t.Symbol) or variable.font == "bold":
        raise parser.fail("an integral whose variable is not a plain name is not evaluated", token=token)
    return t.Integral(body, variable, lower, upper, (token.start, parser.last_end()))


def _bounds(parser: Parser) -> tuple[t.Node | None, t.Node | None]:
    lower: t.Node | None = None
    upper: t.Node | None = None
    for _ in range(2):
        following = parser.peek()
        if following is not None and following.is_char("_") and lower is None:
            parser.next()
            lower = parser.sub_parse(list(parser.group_tokens()), "lower limit of the integral")
        elif following is not None and following.is_char("^") and upper is None:
            parser.next()
            upper = parser.sub_parse(list(parser.group_tokens()), "upper limit of the integral")
    return lower, upper


def _differential(parser: Parser) -> tuple[int, int, int] | None:
    """(index, width of the `d`, width of the variable) of this integral's differential: the first
    `d x` at depth 0 that no inner `\\int` claims, before the member (or the enclosing bracket) ends."""
    tokens, depth, pending = parser.tokens, 0, 0
    index = parser.pos
    while index < len(tokens):
        token = tokens[index]
        if depth == 0 and any(closer(token) for closer in parser.closers):
            return None
        marker = _marker_width(tokens, index) if depth == 0 else 0
        width = _variable_width(tokens, index + marker) if marker else 0
        if width:
            if pending == 0:
                return index, marker, width
            pending -= 1
            index += marker + width
            continue
        if token.text in _OPENERS and token.kind in ("char", "command"):
            depth += 1
        elif token.text in _CLOSERS and token.kind in ("char", "command"):
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and token.kind == "command" and token.text in _INTEGRALS:
            pending += 1
        index += 1
    return None


def _marker_width(tokens: list[Token], index: int) -> int:
    """How many tokens the `d` of a differential takes at `index`: `d`, `\\mathrm{d}`, `\\mathrm d`,
    `{\\rm d}` (0: none)."""
    token = tokens[index]
    if token.kind == "letter" and token.text == "d":
        return 1
    if token.is_char("{") and index + 3 < len(tokens) and tokens[index + 1].text in _ROMAN and _texts(tokens, index + 2, 2) == ["d", "}"]:
        return 4
    if token.kind == "command" and token.text in _ROMAN:
        if _texts(tokens, index + 1, 3) == ["{", "d", "}"]:
            return 4
        if _texts(tokens, index + 1, 1) == ["d"]:
            return 2
    return 0


def _variable_width(tokens: list[Token], index: int) -> int:
    """The width of the variable after a `d`: a letter or a Greek letter, with a plain subscript (0: none)."""
    if index >= len(tokens):
        return 0
    token = tokens[index]
    if token.kind == "letter" or (token.kind == "command" and token.text[1:] in GREEK):
        following = tokens[index + 1 : index + 3]
        if len(following) == 2 and following[0].is_char("_") and following[1].kind in ("letter", "number"):
            return 3
        return 1
    return 0


def _texts(tokens: list[Token], index: int, count: int) -> list[str]:
    return [tok.text for tok in tokens[index : index + count]]


def limit(parser: Parser, token: Token) -> t.Node:
    following = parser.peek()
    if following is None or not following.is_char("_"):
        raise parser.fail("a limit without its variable (`\\lim` alone) is not evaluated", token=token)
    parser.next()
    bound = list(parser.group_tokens())
    arrows = [k for k, tok in enumerate(bound) if tok.kind == "command" and tok.text in _ARROWS]
    if len(arrows) != 1:
        raise parser.fail("a limit whose subscript is not `x \\to a` is not evaluated", token=token)
    variable = parser.sub_parse(bound[: arrows[0]], "variable of the limit")
    if not isinstance(variable, t.Symbol) or variable.font == "bold":
        raise parser.fail("a limit in several variables or along a set is not evaluated", token=token)
    point_tokens, direction = _direction(bound[arrows[0] + 1 :])
    point = parser.sub_parse(point_tokens, "point of the limit")
    following = parser.peek()
    if parser.at_end() or (following is not None and not parser.starts_atom(following) and not following.is_char("-")):
        raise parser.fail("`\\lim` with nothing to act on", "malformed-notation", token)
    operand = parser.expression(TERM)
    return t.Limit(operand, variable, point, direction, (token.start, operand.span[1]))


def _direction(tokens: list[Token]) -> tuple[list[Token], str]:
    """`0^+`, `0^{-}`, `0^{+}`: the point and the side it is approached from."""
    texts = [tok.text for tok in tokens]
    for tail in (["^", "+"], ["^", "-"], ["^", "{", "+", "}"], ["^", "{", "-", "}"]):
        if len(texts) > len(tail) and texts[-len(tail) :] == tail:
            return tokens[: -len(tail)], "+" if "+" in tail else "-"
    return tokens, ""
