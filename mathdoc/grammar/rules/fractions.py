"""`\\frac` and `\\partial`: fractions, and the derivative notations written with them.

| written | read as |
|---|---|
| `\\frac{d}{dx} e`, `\\frac{\\mathrm d}{\\mathrm d x} e` | derivative operator; its operand runs to the end of the term |
| `\\frac{d}{dt}\\Big|_{t=0} e`, `\\left.\\frac{d}{dt}\\right|_{t=0} e` | the derivative of e, at t = 0 (the bar between the operator and its operand) |
| `\\frac{dy}{dx}`, `\\frac{d^2y}{dx^2}`, `\\frac{\\partial^2 f}{\\partial x\\partial y}` | Leibniz form |
| `\\frac{\\partial \\ell}{\\partial \\sigma^2}` (no order above) | by the variable σ²; twice by σ is another reading |
| `\\frac{d(x^2)}{dx}`, `\\frac{\\partial (\\mathbf w+\\mathbf x)}{\\partial \\mathbf w}` | Leibniz form of an expression |
| `\\frac{dx}{2}` | a fraction (the denominator is not a differential): d is a variable |
| `\\frac{d}{x}`, `\\frac{\\partial f}{dx}`, `\\frac{d^2y}{dx}` | malformed notation |
| `\\partial_x f`, `\\partial_{x} f` | derivative operator |
| `\\partial f/\\partial x` | Leibniz form with a slash |
| `\\frac{dy/dt}{dx/dt}` | a quotient of two Leibniz forms with slashes |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import TERM, Parser
from ..tokens import Token, with_depth

_ROMAN = ("\\mathrm", "\\operatorname", "\\textrm", "\\mathit", "\\text", "\\rm", "\\mathop")


def fraction(parser: Parser, token: Token) -> t.Node:
    top = list(parser.group_tokens())
    bottom = list(parser.group_tokens())
    span = (token.start, parser.last_end())
    marker, order, operand = _numerator(top)
    if marker and _slashed(top) and _slashed(bottom):
        marker = ""  # `\\frac{dy/dt}{dx/dt}`: a quotient of two derivatives written with slashes
    if marker == "symbolic-order":
        raise parser.fail("a derivative of symbolic order (`d^n`) is not evaluated", token=token)
    differentials = _differentials(parser, bottom) if marker else None
    if marker and differentials is not None:
        kind, variables = differentials
        if order is None and len(variables) > 1 and _power_of_one(bottom):
            # `\\frac{\\partial \\ell}{\\partial \\sigma^2}`: by the variable σ² (the variance), not twice by σ
            variables = [t.Pow(variables[0], t.Number(str(len(variables)), variables[0].span), variables[0].span)]
        if kind != marker:
            raise parser.fail(f"`{_marker_text(marker)}` over `{_marker_text(kind)}`: the notation mixes d and ∂", "malformed-notation", token)
        if order is not None and order != len(variables):
            raise parser.fail(f"order {order} above, {len(variables)} differentiation(s) below", "malformed-notation", token)
        if operand:
            node = parser.sub_parse(operand, "derivative's numerator")
            return t.Derivative(marker, tuple(variables), node, "leibniz", span)
        if parser.at_bar():
            return _at_a_point(parser, marker, variables, token)
        if parser.at_end():
            raise parser.fail("a derivative operator with nothing to act on", "malformed-notation", token)
        body = parser.expression(TERM)
        return t.Derivative(marker, tuple(variables), body, "operator", (token.start, body.span[1]))
    if marker and not operand:
        raise parser.fail(f"`\\frac{{{_marker_text(marker)}}}{{...}}` whose denominator is not a differential", "malformed-notation", token)
    numerator = parser.sub_parse(top, "numerator")
    denominator = parser.sub_parse(bottom, "denominator")
    if _variation(numerator, denominator):
        raise parser.fail("a quotient of differences or variations (δ, Δ) is not evaluated", token=token)
    return t.Frac(numerator, denominator, span)


def _at_a_point(parser: Parser, marker: str, variables: list[t.Node], token: Token) -> t.Node:
    """`\\frac{d}{dt}\\Big|_{t=0} f(x + tu)`: the bar written between the operator and its operand
    (a directional derivative as analysis notes write it) is the point of the derivative of what follows."""
    from .delimiters import evaluation

    parser.next()
    bar = evaluation(parser, t.Number("0", (token.start, token.start)), token.start)
    assert isinstance(bar, t.Evaluate)
    if parser.at_end():
        raise parser.fail("a derivative operator with nothing to act on", "malformed-notation", token)
    body = parser.expression(TERM)
    derivative = t.Derivative(marker, tuple(variables), body, "operator", (token.start, body.span[1]))
    return t.Evaluate(derivative, bar.point, (token.start, parser.last_end()))


def is_operator_numerator(tokens: list[Token]) -> bool:
    """`d`, `\\partial`, `d^2`, `\\mathrm{d}`: the numerator of a derivative operator (nothing to act on in it)."""
    marker, _order, operand = _numerator(tokens)
    return bool(marker) and marker != "symbolic-order" and not operand


def _power_of_one(tokens: list[Token]) -> bool:
    """A denominator of one differential with a power (`\\partial \\sigma^2`, `dx^2`)."""
    markers = sum(1 for i in range(len(tokens)) if _marker_at(tokens, i) is not None and (i == 0 or not tokens[i - 1].is_command("\\partial")))
    return markers == 1 and any(tok.is_char("^") for tok in tokens)


def _slashed(tokens: list[Token]) -> bool:
    """A `/` outside every bracket (`dy/dt`, not `d(x/y)`)."""
    return any(depth == 0 and token.is_char("/") for depth, token in with_depth(tokens))


def _marker_text(marker: str) -> str:
    return "d" if marker == "d" else "\\partial"


def _marker_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """("d" or "partial", index after it) when a differential marker starts at `i`."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.is_command("\\partial"):
        return "partial", i + 1
    if token.kind == "letter" and token.text == "d":
        return "d", i + 1
    if token.kind == "command" and token.text in _ROMAN:
        if i + 3 < len(tokens) + 1 and i + 1 < len(tokens) and tokens[i + 1].is_char("{"):
            if i + 3 < len(tokens) and tokens[i + 2].text == "d" and tokens[i + 3].is_char("}"):
                return "d", i + 4
        elif i + 1 < len(tokens) and tokens[i + 1].text == "d":
            return "d", i + 2
    return None


def _numerator(tokens: list[Token]) -> tuple[str, int | None, list[Token]]:
    """(marker, order, operand tokens); marker is "" when the numerator is not `d…`/`∂…`."""
    found = _marker_at(tokens, 0)
    if found is None:
        return "", None, tokens
    marker, i = found
    order = None
    if i < len(tokens) and tokens[i].is_char("^"):
        order, i = _order(tokens, i + 1)
        if order is None:
            return "symbolic-order", None, tokens
    return marker, order, tokens[i:]


def _order(tokens: list[Token], i: int) -> tuple[int | None, int]:
    if i < len(tokens) and tokens[i].kind == "number" and tokens[i].text[0].isdigit():
        return int(tokens[i].text[0]), i + 1
    if i + 2 < len(tokens) and tokens[i].is_char("{") and tokens[i + 1].kind == "number" and tokens[i + 2].is_char("}"):
        text = tokens[i + 1].text
        return (int(text), i + 3) if text.isdigit() and int(text) <= MAX_ORDER else (None, i)
    return None, i


def _differentials(parser: Parser, tokens: list[Token]) -> tuple[str, list[t.Node]] | None:
    """`dx`, `dx^2`, `\\partial x\\partial y`, `\\partial x_1`, `d\\mathbf{x}`: (marker, variables)."""
    pieces: list[tuple[str, list[Token]]] = []
    i = 0
    while i < len(tokens):
        found = _marker_at(tokens, i)
        if found is not None and found[0] == "d" and pieces and pieces[-1][0] == "partial" and not pieces[-1][1]:
            found = None  # `\\partial d`: the variable d
        if found is None:
            if not pieces:
                return None
            pieces[-1][1].append(tokens[i])
            i += 1
            continue
        marker, i = found
        pieces.append((marker, []))
    if not pieces or any(not body for _, body in pieces):
        return None
    kinds = {marker for marker, _ in pieces}
    if len(kinds) > 1:
        raise parser.fail("a denominator that mixes d and ∂", "malformed-notation")
    variables: list[t.Node] = []
    for _, body in pieces:
        count = 1
        if len(body) >= 2 and body[-2].is_char("^") and body[-1].kind == "number":
            count, body = _count(parser, body[-1]), body[:-2]
        elif len(body) >= 4 and body[-4].is_char("^") and body[-3].is_char("{") and body[-2].kind == "number" and body[-1].is_char("}"):
            count, body = _count(parser, body[-2]), body[:-4]
        node = parser.sub_parse(body, "differentiation variable")
        if isinstance(node, t.Mul) and all(isinstance(f, t.Symbol) for f in node.factors) and kinds == {"d"}:
            return None  # `\frac{dx}{dab}`: not a differential of one variable
        variables.extend([node] * count)
    return kinds.pop(), variables


MAX_ORDER = 12


def _count(parser: Parser, token: Token) -> int:
    """The power of a differential, `dx^2`; a fraction or a huge order is not a derivative to compute."""
    if not (token.text.isascii() and token.text.isdigit()) or int(token.text) > MAX_ORDER:
        raise parser.fail(f"a derivative of order `{token.text}` is not evaluated", token=token)
    return int(token.text)


def _variation(numerator: t.Node, denominator: t.Node) -> bool:
    def lead(node: t.Node) -> str:
        if isinstance(node, t.Mul) and isinstance(node.factors[0], t.Symbol):
            return node.factors[0].name
        return ""

    name = lead(numerator)
    return name in ("delta", "Delta") and name == lead(denominator)


def partial(parser: Parser, token: Token) -> t.Node:
    """`\\partial_x f`, `\\partial_{x_1} f`, `\\partial f / \\partial x`."""
    following = parser.peek()
    if following is not None and following.is_char("_"):
        parser.next()
        sub = parser.sub_parse(list(parser.group_tokens()), "subscript of ∂")
        variables = sub.factors if isinstance(sub, t.Mul) and all(isinstance(f, t.Symbol) for f in sub.factors) else (sub,)
        if parser.at_end():
            raise parser.fail("a derivative operator with nothing to act on", "malformed-notation", token)
        body = parser.expression(TERM)
        return t.Derivative("partial", tuple(variables), body, "subscript", (token.start, body.span[1]))
    if following is None or parser.at_end():
        raise parser.fail("a `\\partial` with nothing after it", "malformed-notation", token)
    operand = parser.postfix(parser.atom())
    slash = parser.peek()
    if slash is not None and slash.is_char("/") and parser.peek(1) is not None and parser.peek(1).is_command("\\partial"):  # type: ignore[union-attr]
        parser.next()
        parser.next()
        variable = parser.postfix(parser.atom())
        return t.Derivative("partial", (variable,), operand, "leibniz", (token.start, parser.last_end()))
    raise parser.fail("a `\\partial` outside a derivative", "malformed-notation", token)
