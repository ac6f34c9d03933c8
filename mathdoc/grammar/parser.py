"""A precedence (Pratt) parser from TeX math tokens to the typed tree of `grammar.tree`.

The parser knows only the skeleton: binding powers, infix operators, juxtaposition and the
postfix marks (`^`, `_`, `'`).  What a command or a bracket means is looked up in the ordered
rule tables of `grammar.rules` (one small module per construct), so that a convention of reading
is one visible entry, tested by a fixture, rather than a branch hidden in a function.

Binding powers (higher binds tighter):

| operator | power |
|---|---|
| `+`, `-`, `\\pm` | 10 |
| a derivative operator's or `\\nabla`'s operand | 15 (it runs to the end of the term) |
| `\\cdot`, `\\times`, `*`, `/`, `\\odot`, `\\otimes`, `\\oslash`, `\\circ` | 20 |
| prefix `-` | 25 |
| juxtaposition (`2x`, `ab`) | 30 |
| `^`, `_`, `'`, transposes | postfix, on the atom |
| an evaluation bar: `\\frac{d}{dx}(x^2)\\big|_{x=2}`, `2x + 1 |_{x=1}` | postfix, on all before it in its group (as `\\left.` … `\\right|`) |
"""

from __future__ import annotations

from typing import Callable

from . import tree as t
from .tokens import Token, is_length, tokenize

ADDITIVE, TERM, PRODUCT, PREFIX, JUXTAPOSE = 10, 15, 20, 25, 30

INFIX_PRODUCTS = {"\\cdot": "cdot", "\\times": "times", "*": "*", "\\ast": "*", "\\odot": "odot", "\\otimes": "otimes", "\\oslash": "oslash", "\\circ": "circ", "\\div": "div"}
RELATIONS = frozenset(
    "= < > \\approx \\neq \\ne \\leq \\geq \\le \\ge \\leqslant \\geqslant \\Rightarrow \\implies \\Leftrightarrow "
    "\\iff \\to \\rightarrow \\longrightarrow \\mapsto \\propto \\sim \\simeq \\equiv \\coloneqq \\triangleq \\doteq "
    "\\in \\notin \\subset \\subseteq \\ll \\gg \\cong \\Longrightarrow \\leftarrow \\gets \\approxeq \\eqqcolon".split()
)
SPACING = frozenset(["\\ "] + "\\, \\; \\: \\! \\> \\quad \\qquad \\displaystyle \\textstyle \\scriptstyle \\limits \\nolimits \\nonumber \\notag \\hfill \\allowbreak \\middle".split())
SIZING = frozenset("\\big \\Big \\bigg \\Bigg \\bigl \\bigr \\Bigl \\Bigr \\biggl \\biggr \\Biggl \\Biggr \\bigm \\Bigm".split())


class ParseFailure(Exception):
    """Raised inside the parser; turned into an `Unsupported` node at the member's level."""

    def __init__(self, reason: str, start: int, end: int, code: str = "unparsed") -> None:
        super().__init__(reason)
        self.reason, self.start, self.end, self.code = reason, start, end, code


ARGUMENT_COMMANDS = ("\\textrm", "\\text", "\\mathrm", "\\mathsf", "\\mathbf", "\\mathit", "\\mathcal", "\\mathbb",
                     "\\boldsymbol", "\\bm", "\\textsf", "\\textbf", "\\textit", "\\mathtt", "\\operatorname")
"""Commands whose braced argument goes with them as a one-token script (`w_\\textrm{h}`, `A^\\mathsf{T}`),
as LaTeX reads them."""


class Parser:
    """Reads one member; `rules` supplies the meaning of commands and brackets."""

    def __init__(self, tokens: tuple[Token, ...] | list[Token]) -> None:
        self.tokens = [tok for tok in tokens if tok.kind != "space" and not tok.is_char("~") and not (tok.kind == "command" and (tok.text in SPACING or tok.text in SIZING))]
        self.pos = 0
        self.closers: list[Callable[[Token], bool]] = []
        self.depth = 0

    # -- the token stream -------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def next(self) -> Token:
        token = self.peek()
        if token is None:
            raise self.fail("the formula ends too early")
        self.pos += 1
        return token

    def at_end(self) -> bool:
        token = self.peek()
        return token is None or any(closer(token) for closer in self.closers)

    def fail(self, reason: str, code: str = "unparsed", token: Token | None = None) -> ParseFailure:
        token = token or self.peek() or (self.tokens[-1] if self.tokens else None)
        start, end = (token.start, token.end) if token else (0, 0)
        return ParseFailure(reason, start, end, code)

    def expect_char(self, char: str) -> Token:
        token = self.peek()
        if token is None or not token.is_char(char):
            raise self.fail(f"expected `{char}`")
        return self.next()

    def last_end(self) -> int:
        return self.tokens[self.pos - 1].end if self.pos else 0

    def group_tokens(self) -> list[Token]:
        """The tokens of a `{...}` group (without the braces) or of the single next token."""
        token = self.next()
        if token.kind == "number" and len(token.text) > 1:
            # TeX takes one digit as an argument: `\frac12` is 1/2, `x^23` is x²·3.
            first = Token("number", token.text[0], token.start, token.start + 1)
            rest = Token("number", token.text[1:], token.start + 1, token.end)
            self.tokens[self.pos - 1 : self.pos] = [first, rest]
            return [first]
        if not token.is_char("{"):
            following = self.peek()
            if token.is_command(*ARGUMENT_COMMANDS) and following is not None and following.is_char("{"):
                return [token, following, *self.group_tokens(), self.tokens[self.pos - 1]]  # `w_\\textrm{h}`: the command and its argument
            return [token]
        depth, start = 1, self.pos
        while self.pos < len(self.tokens):
            current = self.tokens[self.pos]
            if current.is_char("{"):
                depth += 1
            elif current.is_char("}"):
                depth -= 1
                if depth == 0:
                    self.pos += 1
                    return self.tokens[start : self.pos - 1]
            self.pos += 1
        raise self.fail("a `{` without its `}`", token=token)

    def sub_parse(self, tokens: list[Token], what: str = "expression") -> t.Node:
        """Parse `tokens` (a group's content) as one complete expression."""
        if not tokens:
            raise self.fail(f"an empty {what}")
        inner = Parser(tokens)
        inner.depth = self.depth + 1
        if inner.depth > 40:
            raise self.fail("notation nested too deeply")
        node = inner.expression(0)
        if inner.peek() is not None:
            raise inner.fail(f"unexpected `{inner.peek().text}`")  # type: ignore[union-attr]
        return node

    def with_closer(self, closer: Callable[[Token], bool], body: Callable[[], t.Node]) -> t.Node:
        self.closers.append(closer)
        try:
            return body()
        finally:
            self.closers.pop()

    # -- expressions ------------------------------------------------------------------------
    def expression(self, rbp: int = 0) -> t.Node:
        self.depth += 1
        if self.depth > 200:
            raise self.fail("notation nested too deeply")
        try:
            left = self.prefix()
            while not self.at_end():
                if rbp == 0 and self.at_bar():
                    left = self.evaluation(left)
                    continue
                power = self.left_power()
                if power <= rbp:
                    break
                left = self.infix(left, power)
            return left
        finally:
            self.depth -= 1

    def prefix(self) -> t.Node:
        token = self.peek()
        if token is None or self.at_end():
            raise self.fail("an operand is missing")
        if token.is_char("-", "+"):
            self.next()
            operand = self.expression(PREFIX)
            return t.Neg(operand, (token.start, self.last_end())) if token.text == "-" else operand
        if token.is_command("\\pm", "\\mp"):
            raise self.fail("`\\pm` stands for two values", token=token)
        return self.postfix(self.atom())

    def at_bar(self) -> bool:
        """Whether an evaluation bar (`|_{x=a}`, `\\mid_{x=a}`, `\\vert_{x=a}`) comes next."""
        token, following = self.peek(), self.peek(1)
        return token is not None and (token.is_char("|") or token.is_command("\\mid", "\\vert", "\\rvert")) and following is not None and following.is_char("_")

    def evaluation(self, left: t.Node) -> t.Node:
        """The bar applies to all that precedes it in its group: `\\frac{d}{dx}(x^2)\\big|_{x=2}` is the
        derivative at 2, not the derivative of (x^2 at 2)."""
        from .rules.delimiters import evaluation

        self.next()
        return evaluation(self, left, _start(left))

    def left_power(self) -> int:
        token = self.peek()
        assert token is not None
        if self.at_bar():
            return 0  # the bar closes every operand and factor before it (see `expression`)
        if token.is_char("+", "-"):
            return ADDITIVE
        if token.is_command("\\pm", "\\mp"):
            return ADDITIVE
        if token.text in INFIX_PRODUCTS and (token.kind == "command" or token.is_char("*")):
            return PRODUCT
        if token.is_char("/"):
            return PRODUCT
        if self.starts_atom(token):
            return JUXTAPOSE
        return 0

    def infix(self, left: t.Node, power: int) -> t.Node:
        token = self.next() if power != JUXTAPOSE else None
        if token is not None and token.is_command("\\pm", "\\mp"):
            raise self.fail("`\\pm` stands for two values", token=token)
        if token is not None and token.is_char("+", "-"):
            right = self.expression(ADDITIVE)
            term = t.Neg(right, (token.start, _end(right))) if token.text == "-" else right
            terms = (left.terms if isinstance(left, t.Add) else (left,)) + (term,)
            return t.Add(terms, (_start(left), _end(term)))
        if token is not None and token.is_char("/"):
            right = self.expression(PRODUCT)
            return _slash_derivative(left, right) or t.Div(left, right, (_start(left), _end(right)))
        op = INFIX_PRODUCTS[token.text] if token is not None else ""
        right = self.expression(power)
        if isinstance(left, t.Mul):
            return t.Mul(left.factors + (right,), left.ops + (op,), (_start(left), _end(right)))
        return t.Mul((left, right), (op,), (_start(left), _end(right)))

    def starts_atom(self, token: Token) -> bool:
        from .rules import starts_atom

        return starts_atom(self, token)

    def atom(self) -> t.Node:
        from .rules import atom

        return atom(self)

    def postfix(self, node: t.Node, applications: bool = True) -> t.Node:
        from .rules import postfix

        return postfix(self, node, applications)


def _slash_derivative(left: t.Node, right: t.Node) -> t.Derivative | None:
    """`dy/dx`, `d^2y/dx^2`: Leibniz notation written with a slash."""

    def differential(node: t.Node) -> tuple[int, t.Node] | None:
        if isinstance(node, t.Mul) and len(node.factors) == 2 and node.ops == ("",):
            marker, rest = node.factors
            order = 1
            if isinstance(marker, t.Pow) and isinstance(marker.exponent, t.Number) and marker.exponent.value.isdigit():
                order, marker = int(marker.exponent.value), marker.base
            if isinstance(rest, t.Pow) and isinstance(rest.exponent, t.Number) and rest.exponent.value.isdigit() and isinstance(rest.base, t.Symbol):
                order, rest = order * int(rest.exponent.value), rest.base
            if isinstance(marker, t.Symbol) and marker.name == "d" and marker.sub is None and not marker.accent:
                return order, rest
        return None

    bottom = differential(right)
    if isinstance(left, t.Symbol) and left.name == "d" and not left.sub and bottom is not None:
        raise ParseFailure("the operator `d/dx` written with a slash is not evaluated", left.span[0], right.span[1])
    top = differential(left)
    if top is None or bottom is None or not isinstance(bottom[1], t.Symbol) or isinstance(top[1], t.Mul):
        return None
    order = max(top[0], bottom[0])
    return t.Derivative("d", (bottom[1],) * order, top[1], "leibniz", (_start(left), _end(right)))


def _start(node: t.Node) -> int:
    return node.span[0]


def _end(node: t.Node) -> int:
    return node.span[1]


def parse_tokens(tokens: tuple[Token, ...] | list[Token]) -> t.Node:
    """The tree of one member; a reading failure becomes an `Unsupported` node, never an exception."""
    parser = Parser(_roman_groups(tuple(tokens)))
    if not parser.tokens:
        return t.Unsupported("an empty member", (0, 0))
    span = (parser.tokens[0].start, parser.tokens[-1].end)
    try:
        node = parser.expression(0)
        if parser.peek() is not None:
            extra = parser.peek()
            assert extra is not None
            raise ParseFailure(f"unexpected `{extra.text}`", extra.start, extra.end)
        return node
    except ParseFailure as failure:
        return t.Unsupported(failure.reason, span, failure.code)
    except RecursionError:
        return t.Unsupported("notation nested too deeply", span)


def parse(text: str, base: int = 0) -> t.Node:
    """The tree of the math text `text` (one member); spans are offsets + `base`."""
    return parse_tokens(_continued_rows(tokenize(text, base)))


_SWITCHES = {"\\rm": "\\mathrm", "\\mathrm": "\\mathrm", "\\it": "\\mathit", "\\bf": "\\mathbf", "\\boldsymbol": "\\boldsymbol"}


def _roman_groups(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """`{\\rm d}`, `{\\bf x}`: a font switch opening a group is the font command of the rest of
    the group (`\\mathrm{d}`), so `\\frac{{\\rm d}}{{\\rm d}x}` is the derivative it shows."""
    kept = list(tokens)
    for i in range(len(kept) - 2):
        opener, switch = kept[i], kept[i + 1]
        if opener.is_char("{") and switch.kind == "command" and switch.text in ("\\rm", "\\it", "\\bf"):
            j = i + 2
            while j < len(kept) and kept[j].kind == "space":
                j += 1
            kept[i] = Token("command", _SWITCHES[switch.text], opener.start, switch.end)
            kept[i + 1] = Token("char", "{", switch.end, switch.end)
    return tuple(kept)


def _continued_rows(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """A member written over rows of an align (`… + f(x)/(x-3)\\\\ &+ f(x)/(x-4)`): the row break,
    its spacing (`\\\\[2pt]`) and the alignment `&` are layout, when the next row continues the
    member with an operator."""
    kept: list[Token] = []
    i = depth = 0
    while i < len(tokens):
        token = tokens[i]
        if token.is_command("\\\\") and depth == 0:
            j = i + 1
            if j < len(tokens) and tokens[j].is_char("["):
                k = j
                while k < len(tokens) and not tokens[k].is_char("]"):
                    k += 1
                if is_length("".join(tok.text for tok in tokens[j + 1 : k])):
                    j = k + 1
            following = [tok for tok in tokens[j:] if tok.kind != "space" and not tok.is_char("&")]
            if following and (following[0].is_char("+", "-") or following[0].is_command("\\cdot", "\\times")):
                i = j
                continue
        if token.is_char("&") and depth == 0:
            i += 1
            continue  # alignment only (inside a matrix it separates cells)
        depth = max(0, depth + _nesting(token))
        kept.append(token)
        i += 1
    return tuple(kept)


def _nesting(token: Token) -> int:
    if token.is_char("{", "(", "[") or token.is_command("\\left", "\\begin"):
        return 1
    if token.is_char("}", ")", "]") or token.is_command("\\right", "\\end"):
        return -1
    return 0
