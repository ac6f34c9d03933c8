"""Known functions and the convention for their arguments.

| written | read as |
|---|---|
| `\\sin(x)`, `\\sin{x}` | the parenthesised (braced) argument |
| `\\sin 2x`, `\\sin x` | juxtaposed letters and numbers after the name: sin(2x) |
| `\\sin x\\cos x`, `\\sin x\\cdot y`, `\\ln a\\cdot a^x`, `\\cos t/\\sqrt t` | the argument stops at another function, `\\cdot`, `/`, `+`, `-` |
| `\\cos\\theta(1+2\\sin\\theta)` | the argument stops at a parenthesis after it: cos(θ)·(1+2 sin θ) |
| `\\ln f(x)`, `\\sin g_1(t)` | a named function's application is the argument: ln(f(x)) |
| `\\log p(y; \\eta)`, `\\log p(x, y)` | a letter with an argument list is applied: log(p(y; η)) |
| `\\sin^2 x` | (sin x)² |
| `\\sin^{-1} x` | arcsin x (the reciprocal 1/sin x is another reading) |
| `\\log_b x` | log x / log b |
| `\\sin x y` | sin(xy); sin(x)·y is another reading |
| `sin x`, `ln(x)` without backslash | the same functions |
| `sigmoid(z)`, `Sigmoid(Z1)`, `ReLU(x)`, `softplus(x)`, `Tanh(x)` | the activation functions, spelled as in code |
| `\\operatorname{div}\\mathbf F`, `\\operatorname{curl}\\mathbf F`, `\\operatorname{grad} f` | `\\nabla\\cdot\\mathbf F`, `\\nabla\\times\\mathbf F`, `\\nabla f` |
| `\\tanh'(x)`, `\\operatorname{sigmoid}'(z)`, `Sigmoid'(Z1)` | the derivative of the function, at the argument |

A letter the document defines as a function (`p(x) = x^3`, see `tokens.FUNCTION_NAMES`) names a
function as f, g and h do: `\\log p(x)` is log(p(x)).
"""

from __future__ import annotations

from typing import Iterator

from .. import tree as t
from ..parser import PRODUCT, Parser
from ..tokens import FUNCTION_NAMES, Token, with_depth

COMMAND_FUNCTIONS = frozenset(
    "sin cos tan cot sec csc sinh cosh tanh coth sech csch arcsin arccos arctan arccot arcsec arccsc arsinh arcosh "
    "artanh exp ln log lg det max min sgn tr".split()
)
NAMED = frozenset(
    COMMAND_FUNCTIONS
    | {"diag", "Diag", "trace", "Tr", "sign", "sigmoid", "softmax", "softplus", "relu", "ReLU", "arcsinh", "arccosh", "arctanh", "abs", "Abs",
       "Sigmoid", "Softplus", "Relu", "Tanh", "erf", "erfc"}
)
FUNCTION_LETTERS = frozenset("f g h F G H u v y L J V Q P phi varphi psi Phi Psi ell sigma".split())
"""Letters that name a function when applied, `f(x)`; other letters before `(` multiply (the
evaluator decides, and the other reading is tried too)."""
JACOBIAN_LETTERS = FUNCTION_LETTERS - {"ell", "sigma", "phi", "varphi", "psi"}
"""Letters whose Jacobian `J_F`, `J_{\\mathbf g}` is written (a bold name too); `J_\\theta` is not one."""


def jacobian_subject(node: t.Node) -> t.Symbol | None:
    """The function of `J_{\\mathbf F}`, `J_F`, `J_{\\mathbf g}`; None for any other J (`J_\\theta`, an objective)."""
    sub = node.sub if isinstance(node, t.Symbol) and node.name == "J" and not node.font else None
    if isinstance(sub, t.Symbol) and sub.sub is None and (sub.font == "bold" or sub.name in JACOBIAN_LETTERS):
        return sub
    return None


def hessian_subject(node: t.Node) -> t.Symbol | None:
    """The function of `H_f`, `H_g`, `H_{f}`: the Hessian of a scalar function; None for any other H."""
    sub = node.sub if isinstance(node, t.Symbol) and node.name == "H" and not node.font else None
    if isinstance(sub, t.Symbol) and sub.sub is None and not sub.font and sub.name in JACOBIAN_LETTERS and sub.name.islower():
        return sub
    return None


SPELLED = ("softplus", "Softplus", "sigmoid", "Sigmoid", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "Tanh", "relu", "ReLU", "Relu",
           "sin", "cos", "tan", "cot", "sec", "csc", "exp", "ln", "log", "diag")
"""Names people write without a backslash (`ln(x)`, `sin x`, `sigmoid(z)`, `Sigmoid(Z1)`), longest first."""


def function_node(name: str, span: t.Span) -> t.Function | None:
    return t.Function(name, span) if name in NAMED else None


def named(parser: Parser, token: Token) -> t.Node:
    return application(parser, t.Function(token.text[1:], (token.start, token.end)))


def operatorname(parser: Parser, token: Token) -> t.Node:
    tokens = parser.group_tokens()
    name = "".join(tok.text for tok in tokens if tok.kind != "space")
    span = (token.start, parser.last_end())
    if name in ("d", "e"):
        return t.Symbol(name, span, font="roman")
    if not name.isalpha():
        raise parser.fail(f"`\\operatorname{{{name}}}` is not a function name", token=token)
    if name in _VECTOR_OPERATORS and not parser.at_end():
        # `\\operatorname{div}\\mathbf F`, `\\operatorname{curl}\\mathbf F`, `\\operatorname{grad} f`: as `\\nabla\\cdot`, `\\nabla\\times`, `\\nabla`
        kind = _VECTOR_OPERATORS[name]
        body = parser.postfix(parser.atom()) if kind != "grad" else parser.expression(PRODUCT)
        return t.Gradient(body, None, 1, (token.start, body.span[1]), kind)
    return application(parser, t.Function(name, span))


_VECTOR_OPERATORS = {"div": "div", "curl": "curl", "rot": "curl", "grad": "grad"}


def spelled(parser: Parser, token: Token) -> t.Node | None:
    """`sin x`, `ln(x)`: a function name spelled in letters, not preceded or followed by a letter."""
    tokens = parser.tokens
    start = parser.pos - 1
    if start > 0 and tokens[start - 1].kind == "letter" and tokens[start - 1].end == token.start:
        return None
    for name in SPELLED:
        end = start + len(name)
        if end > len(tokens):
            continue
        run = tokens[start:end]
        if "".join(tok.text for tok in run) != name or any(tok.kind != "letter" for tok in run):
            continue
        if any(run[k].end != run[k + 1].start for k in range(len(run) - 1)):
            continue
        if end < len(tokens) and tokens[end].kind == "letter" and tokens[end].start == run[-1].end:
            continue
        parser.pos = end
        return application(parser, t.Function(name, (token.start, run[-1].end)))
    return None


def application(parser: Parser, function: t.Function) -> t.Node:
    """The function with its power, base and argument, following the table above."""
    power: t.Node | None = None
    base: t.Node | None = None
    for _ in range(2):
        following = parser.peek()
        if following is not None and following.is_char("^") and power is None:
            parser.next()
            power = parser.sub_parse(list(parser.group_tokens()), "exponent")
        elif following is not None and following.is_char("_") and base is None:
            parser.next()
            base = parser.sub_parse(list(parser.group_tokens()), "subscript")
    head: t.Function | t.Prime = t.Function(function.name, (function.span[0], parser.last_end()), base=base, power=power)
    primes = _primes(parser) if power is None and base is None else 0  # `\\tanh'(x)`: the derivative of the function
    if primes:
        head = t.Prime(head, primes, (function.span[0], parser.last_end()))
    if parser.at_end():
        if function.name in ("max", "min") and base is not None:
            raise parser.fail(f"`\\{function.name}` over an index set is not evaluated")
        raise parser.fail(f"`{function.name}` with no argument")
    following = parser.peek()
    assert following is not None
    if following.is_char("(") or following.is_command("\\left"):
        group = parser.atom()
        args = group.items if isinstance(group, t.Tuple) else ((group.inner if isinstance(group, t.Group) else group),)
        node: t.Node = t.Apply(head, args, True, (head.span[0], parser.last_end()))
    elif following.is_char("{"):
        inner = parser.sub_parse(list(parser.group_tokens()), "argument")
        node = t.Apply(head, (inner,), True, (head.span[0], parser.last_end()))
    else:
        node = t.Apply(head, (implicit_argument(parser),), False, (head.span[0], parser.last_end()))
    return node


def _primes(parser: Parser) -> int:
    count = 0
    while (following := parser.peek()) is not None and following.is_char("'"):
        parser.next()
        count += 1
    return count


def implicit_argument(parser: Parser) -> t.Node:
    """`2x` of `\\sin 2x`: the first factor, then juxtaposed plain letters (see the table)."""
    factors = [_factor(parser)]
    while not parser.at_end():
        following = parser.peek()
        assert following is not None
        if not _continues_argument(parser, following):
            break
        factors.append(_factor(parser))
    if len(factors) == 1:
        return factors[0]
    return t.Mul(tuple(factors), ("",) * (len(factors) - 1), (factors[0].span[0], factors[-1].span[1]))


def _factor(parser: Parser) -> t.Node:
    """One factor of an unbraced argument; `f(x)` of `\\ln f(x)` keeps its parenthesis."""
    atom = parser.atom()
    named = isinstance(atom, t.Symbol) and (atom.name in FUNCTION_LETTERS or atom.name in FUNCTION_NAMES.get() or atom.sub is not None or _arguments_follow(parser))
    return parser.postfix(atom, applications=named)


def _arguments_follow(parser: Parser) -> bool:
    """`(y; \\eta)` or `(x, y)` right after a letter: its arguments (`\\log p(y; \\eta)` is log(p(y; η)))."""
    following = parser.peek()
    if following is None or not following.is_char("("):
        return False
    for depth, token in with_depth(_ahead(parser)):
        if depth == 0:
            return False  # the parenthesis closed with no separator in it
        if depth == 1 and token.is_char(",", ";"):
            return True
    return False


def _ahead(parser: Parser) -> Iterator[Token]:
    """The tokens from the parser's position on, without consuming them."""
    ahead = 0
    while (token := parser.peek(ahead)) is not None:
        yield token
        ahead += 1


def _continues_argument(parser: Parser, token: Token) -> bool:
    from .atoms import FONTS, GREEK

    if token.kind == "letter":
        saved = parser.pos
        try:
            parser.pos += 1
            return spelled(parser, token) is None
        finally:
            parser.pos = saved
    if token.kind == "command":
        return token.text[1:] in GREEK or (token.text in FONTS and FONTS[token.text] == "bold")
    return False
