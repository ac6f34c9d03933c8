"""Marks after an atom: subscripts, powers, transposes, inverses, primes, applications.

| written | read as |
|---|---|
| `x_1`, `x_{ij}`, `w_{\\text{h}}` | a subscript, part of the name |
| `x^2`, `x^{n-1}`, `x^23` | a power (TeX takes one token: `x^23` is x²·3) |
| `w_\\textrm{h}`, `A^\\mathsf{T}` | a font command and its braced argument make one script, as LaTeX reads them |
| `A^T`, `A^\\top`, `A^{\\mathsf T}`, `A^\\intercal` | transpose |
| `A^{-1}`, `A^{-\\top}` | inverse, inverse transpose |
| `f'`, `y''`, `g^\\prime`, `f^{(3)}`, `{f}^{'}` | a derivative written with primes |
| `f(x)`, `f'(2)`, `\\frac{df}{dx}(2)` | an application (the evaluator decides: function, product or point) |
| `g^2(x)` | (g(x))² |
| `x(x+2)^2` | x·(x+2)² (a letter that does not name a function multiplies) |
| `\\frac{d^2y}{du^2}\\left(\\frac{du}{dx}\\right)^2` | a product: a derivative is not a point to evaluate at |
| `x^*`, `V^{\\pi}` | part of the name |
| `n!`, `(n-1)!` | the factorial of the atom before it |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import Parser
from ..tokens import Token

_TRANSPOSE_MARKS = frozenset(("T", "\\top", "\\intercal", "\\mathsf{T}", "\\mathrm{T}", "\\rm T", "\\mathsf T", "\\mathrm T", "\\text{T}", "\\textsf{T}", "\\mathbf{T}", "\\tau"))
_STAR_MARKS = frozenset(("*", "\\ast", "\\star", "\\pi", "\\theta", "\\dagger", "+", "\\prime\\prime\\prime"))


def postfix(parser: Parser, node: t.Node, applications: bool = True) -> t.Node:
    """The marks after `node`; `applications` is False inside a function's unbraced argument,
    where a parenthesis ends the argument (`\\cos\\theta(1+x)`)."""
    while not parser.at_end():
        token = parser.peek()
        assert token is not None
        if token.is_char("_"):
            parser.next()
            node = _subscript(parser, node, token)
        elif token.is_char("^"):
            parser.next()
            node = _superscript(parser, node, token)
        elif token.is_char("'"):
            count = 0
            while parser.peek() is not None and parser.peek().is_char("'"):  # type: ignore[union-attr]
                parser.next()
                count += 1
            node = t.Prime(node, count, (node.span[0], parser.last_end()))
        elif applications and _opens_arguments(parser, token) and _inverse_function(node):
            raise parser.fail("an inverse function `f^{-1}(…)` is not evaluated", token=token)
        elif applications and token.is_command("\\left") and _opens_arguments(parser, token) and _applicable(node):
            group = parser.atom()
            args = group.items if isinstance(group, t.Tuple) else ((group.inner if isinstance(group, t.Group) else group),)
            if _derivative_times_derivative(node, args):
                powered = postfix(parser, group, applications)
                return t.Mul((node, powered), ("",), (node.span[0], powered.span[1]))
            node = t.Apply(node, tuple(args), True, (node.span[0], parser.last_end()))
        elif token.is_char("(") and applications and _applicable(node):
            node, done = _parenthesis_after(parser, node, applications)
            if done:
                return node
        elif token.is_char("!"):
            parser.next()  # `n!`, `(n-1)!`: the factorial of what it follows
            node = t.Apply(t.Function("factorial", (token.start, token.end)), (node,), True, (node.span[0], token.end))
        else:
            return node
    return node


def _parenthesis_after(parser: Parser, node: t.Node, applications: bool) -> tuple[t.Node, bool]:
    """`f(x)`, `g^2(x)`, or `x(x+2)^2` (a product: True when the marks after it are read too)."""
    from .delimiters import items

    opener = parser.next()
    args = tuple(items(parser, lambda tok: tok.is_char(")")))
    closer = parser.peek()
    if closer is None or not closer.is_char(")"):
        raise parser.fail("`(` without its closing `)`", token=opener)
    parser.next()
    following = parser.peek()
    if len(args) == 1 and ((following is not None and following.is_char("^") and _product_letter(node)) or _derivative_times_derivative(node, args)):
        # `x(x+2)^2`: the power belongs to the parenthesis, and x multiplies it
        powered = postfix(parser, t.Group(args[0], "(", (opener.start, parser.last_end())), applications)
        return t.Mul((node, powered), ("",), (node.span[0], powered.span[1])), True
    if isinstance(node, t.Pow):
        applied = t.Apply(node.base, args, True, (node.span[0], parser.last_end()))
        return t.Pow(applied, node.exponent, applied.span), False
    return t.Apply(node, args, True, (node.span[0], parser.last_end())), False


def _derivative_times_derivative(node: t.Node, args: tuple[t.Node, ...]) -> bool:
    """`\\frac{d^2y}{du^2}\\left(\\frac{du}{dx}\\right)^2`: a derivative before a parenthesis that
    holds a derivative multiplies it (a point to evaluate at is not itself a derivative)."""
    return isinstance(node, t.Derivative) and any(isinstance(n, t.Derivative) for a in args for n in t.walk(a))


def _opens_arguments(parser: Parser, token: Token) -> bool:
    if token.is_char("("):
        return True
    following = parser.peek(1)
    return token.is_command("\\left") and following is not None and following.is_char("(")


def _inverse_function(node: t.Node) -> bool:
    from .functions import FUNCTION_LETTERS

    if not (isinstance(node, t.Pow) and isinstance(node.base, t.Symbol) and node.base.name in FUNCTION_LETTERS):
        return False
    exponent = node.exponent
    return isinstance(exponent, t.Neg) and isinstance(exponent.operand, t.Number) and exponent.operand.value == "1"


def _product_letter(node: t.Node) -> bool:
    from .functions import FUNCTION_LETTERS

    return isinstance(node, t.Symbol) and node.sub is None and node.name not in FUNCTION_LETTERS and node.font != "bold"


def _applicable(node: t.Node) -> bool:
    from .functions import FUNCTION_LETTERS

    if isinstance(node, t.Symbol):
        return True
    if isinstance(node, t.Pow) and isinstance(node.base, t.Symbol) and node.base.name in FUNCTION_LETTERS:
        return True  # `g^2(x)`: the square of g(x)
    if isinstance(node, t.Prime):
        return True
    return isinstance(node, t.Derivative) and node.form == "leibniz"


def _subscript(parser: Parser, node: t.Node, token: Token) -> t.Node:
    tokens = list(parser.group_tokens())
    if not isinstance(node, t.Symbol) or node.sub is not None:
        raise parser.fail("a subscript on an expression is not evaluated", token=token)
    if all(tok.kind == "letter" for tok in tokens) and len(tokens) > 1:
        sub: t.Node = t.Symbol("".join(tok.text for tok in tokens), (tokens[0].start, tokens[-1].end))
    elif any(tok.is_char(",") for tok in tokens):
        from .delimiters import items

        inner = type(parser)(tokens)  # `x_{i,j}`, `g_{t, t-1}`: a list of indices
        found = items(inner, lambda tok: False)
        if inner.peek() is not None:
            raise inner.fail("an unreadable subscript")
        sub = t.Tuple(tuple(found), "_", (tokens[0].start, tokens[-1].end))
    else:
        sub = parser.sub_parse(tokens, "subscript")
    return t.Symbol(node.name, (node.span[0], parser.last_end()), font=node.font, sub=sub, accent=node.accent, primes=node.primes)


def _superscript(parser: Parser, node: t.Node, token: Token) -> t.Node:
    tokens = list(parser.group_tokens())
    text = "".join(tok.text if tok.kind != "space" else " " for tok in tokens).strip()
    span = (node.span[0], parser.last_end())
    compact = text.replace(" ", "")
    if text in _TRANSPOSE_MARKS or compact in {m.replace(" ", "") for m in _TRANSPOSE_MARKS}:
        if text == "\\tau" or (text == "T" and isinstance(node, t.Number)):
            return t.Pow(node, parser.sub_parse(tokens), span)
        return t.Transpose(node, span)
    if compact in ("-T", "-\\top", "-\\intercal", "-\\mathsf{T}"):
        return t.Transpose(t.Pow(node, t.Number("-1", span), span), span)
    if compact and set(compact.replace("\\prime", "'")) == {"'"}:
        return t.Prime(node, compact.replace("\\prime", "'").count("'"), span)
    if compact.startswith("(") and compact.endswith(")"):
        from .functions import FUNCTION_LETTERS

        if isinstance(node, t.Symbol) and node.name in FUNCTION_LETTERS and compact[1:-1].isascii() and compact[1:-1].isdigit():
            return t.Prime(node, int(compact[1:-1]), span)  # `f^{(3)}`: the third derivative
        if isinstance(node, t.Symbol) and node.name in FUNCTION_LETTERS:
            raise parser.fail(f"a derivative of symbolic order `{compact}`", token=token)
        if isinstance(node, t.Symbol):
            # `x^{(k)}`: the k-th iterate or sample, a label that is part of the name
            return t.Symbol(node.name + "^" + compact, span, font=node.font, sub=node.sub, accent=node.accent)
        raise parser.fail(f"a superscript `{compact}` on an expression", token=token)
    if compact in _STAR_MARKS and isinstance(node, t.Symbol):
        return t.Symbol(node.name + "^" + compact.lstrip("\\"), span, font=node.font, sub=node.sub, accent=node.accent)
    return t.Pow(node, parser.sub_parse(tokens, "exponent"), span)
