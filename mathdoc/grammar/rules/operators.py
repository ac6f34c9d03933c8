"""`\\nabla`, `\\sum`/`\\prod`, and the operators the grammar recognises but does not evaluate.

| written | read as |
|---|---|
| `\\nabla f`, `\\nabla f(x, y)` | the gradient of f by its parameters |
| `\\nabla f \\cdot \\vec v`, `\\nabla{f}\\times F` | the gradient, then the product: an infix product ends the operand |
| `\\nabla_{\\mathbf x} f`, `\\nabla_w L` | the gradient by the named variable |
| `\\nabla^2 f`, `\\nabla^2_{\\mathbf x} f` | the Hessian |
| `\\nabla\\cdot F`, `\\nabla\\times F` | divergence and curl of the vector field F (of x, y, z) |
| `\\sum_{i=1}^n e`, `\\sum_i e`, `\\prod_{k=1}^{n} e` | a sum (product) whose body runs to the end of the term |
| `\\iint`, `\\sup` | not evaluated (the member is unchecked with that reason); `\\int` and `\\lim` are in `rules.integrals` |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import PRODUCT, TERM, Parser
from ..tokens import Token

UNSUPPORTED = {
    "\\iint": "a multiple integral", "\\iiint": "a multiple integral", "\\oint": "a contour integral",
    "\\limsup": "a limit", "\\liminf": "a limit", "\\sup": "a supremum", "\\inf": "an infimum",
    "\\arg": "an argmax/argmin", "\\Pr": "a probability",
    "\\bigcirc": "a generic operator", "\\star": "a generic operator", "\\diamond": "a generic operator",
    "\\bullet": "a generic operator", "\\square": "a generic operator", "\\forall": "a quantifier",
    "\\exists": "a quantifier", "\\binom": "a binomial coefficient", "\\choose": "a binomial coefficient",
    "\\bigotimes": "a generic operator", "\\bigoplus": "a generic operator", "\\oplus": "a generic operator",
    "\\wedge": "an exterior product", "\\cup": "a set operation", "\\cap": "a set operation",
    "\\setminus": "a set operation", "\\Re": "a real part", "\\Im": "an imaginary part",
    "\\substack": "a sum over a condition", "\\underE": "an expectation", "\\E": "an expectation", "\\emptyset": "a set", "\\mid": "a conditional bar",
}


def unsupported(parser: Parser, token: Token) -> t.Node:
    raise parser.fail(f"{UNSUPPORTED[token.text]} (`{token.text}`) is not evaluated", token=token)


def gradient(parser: Parser, token: Token) -> t.Node:
    variable: t.Node | None = None
    order = 1
    for _ in range(2):
        following = parser.peek()
        if following is not None and following.is_char("_") and variable is None:
            parser.next()
            variable = parser.sub_parse(list(parser.group_tokens()), "subscript of ∇")
        elif following is not None and following.is_char("^") and order == 1:
            parser.next()
            exponent = parser.group_tokens()
            if len(exponent) != 1 or exponent[0].text != "2":
                raise parser.fail("a power of `\\nabla` other than 2", token=token)
            order = 2
    kind = "grad"
    following = parser.peek()
    if following is not None and following.is_command("\\cdot", "\\times"):
        parser.next()
        kind = "div" if following.text == "\\cdot" else "curl"
    if parser.at_end():
        raise parser.fail("`\\nabla` with nothing to act on", "malformed-notation", token)
    # `\\nabla f \\cdot \\vec v` is (∇f)·v: the gradient takes the juxtaposed factors after it, an
    # infix product (`\\cdot`, `\\times`) ends its operand, as `+` does.
    body = parser.expression(PRODUCT) if kind == "grad" else parser.postfix(parser.atom())
    return t.Gradient(body, variable, order, (token.start, body.span[1]), kind)


def big_operator(parser: Parser, token: Token) -> t.Node:
    kind = token.text[1:]
    lower_tokens: list[Token] | None = None
    upper: t.Node | None = None
    for _ in range(2):
        following = parser.peek()
        if following is not None and following.is_char("_") and lower_tokens is None:
            parser.next()
            lower_tokens = list(parser.group_tokens())
        elif following is not None and following.is_char("^") and upper is None:
            parser.next()
            upper = parser.sub_parse(list(parser.group_tokens()), "upper bound")
    index, lower = _bound(parser, lower_tokens, token)
    if parser.at_end():
        raise parser.fail(f"`\\{kind}` with nothing to act on", "malformed-notation", token)
    body = parser.expression(TERM)
    return t.Sum(kind, index, lower, upper, body, (token.start, body.span[1]))


def _bound(parser: Parser, tokens: list[Token] | None, token: Token) -> tuple[t.Symbol | None, t.Node | None]:
    if not tokens:
        return None, None
    equals = [k for k, tok in enumerate(tokens) if tok.is_char("=")]
    if len(equals) > 1:
        raise parser.fail("a sum with an unreadable range", token=token)
    index_tokens = tokens[: equals[0]] if equals else tokens
    index = parser.sub_parse(index_tokens, "summation index")
    if not isinstance(index, t.Symbol):
        raise parser.fail("a sum over a set or a condition is not evaluated", token=token)
    lower = parser.sub_parse(tokens[equals[0] + 1 :], "lower bound") if equals else None
    return index, lower
