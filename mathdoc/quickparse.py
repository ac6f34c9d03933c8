"""A fast path for the simplest scalar leaves: `3x^2-4x`, `n x^{n-1}`, `\\frac{1}{x^2}2x`.

About half of the leaves in real notes are polynomials in single letters.  latex2sympy's antlr
parser costs milliseconds each (and a slow warm-up in every worker); this reader builds the same
SymPy value directly.  It accepts a deliberately small grammar and returns None for anything else,
so the general parser still decides every case that is not trivially simple.  A property test
compares the two on generated input.

    expression := ["+" | "-"] term (("+" | "-") term)*
    term       := product ("/" product)*                      (`a/bc` is a/(bc), as in latex2sympy)
    product    := factor ([\\cdot | \\times] factor)*           (juxtaposition multiplies)
    factor     := atom ["^" (digit | letter | "{" expression "}")]
    atom       := integer | letter [subscript] | greek letter | placeholder | "(" expression ")"
                | "{" expression "}" | \\frac "{" expression "}" "{" expression "}"
                | (\\sin | \\cos | \\tan | \\exp | \\ln) ("(" expression ")" | letter or digit ending the term)
"""

from __future__ import annotations

import re

import sympy

_TOKEN = re.compile(
    r"\s*(?:(?P<placeholder>\\Xi_\{9\d{4}\})|(?P<frac>\\frac(?![A-Za-z]))|(?P<times>\\cdot(?![A-Za-z])|\\times(?![A-Za-z]))"
    r"|(?P<function>\\(?:sin|cos|tan|exp|ln)(?![A-Za-z]))|(?P<greek>\\(?:alpha|beta|gamma|delta|epsilon|eta|theta|lambda|mu|sigma|tau|phi|omega)(?![A-Za-z]))"
    r"|(?P<number>\d+(?![.\d]))|(?P<letter>[A-Za-z])(?:_(?:(?P<sub>[A-Za-z0-9])|\{\s*(?P<bsub>[A-Za-z0-9]+)\s*\}))?"
    r"|(?P<punct>[-+^(){}/]))"
)
_REJECTED_LETTERS = {"i", "I"}  # the imaginary unit to latex2sympy


class _Reject(Exception):
    pass


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise _Reject()
        kind = match.lastgroup or ""
        if kind in ("sub", "bsub"):
            kind = "letter"
        if kind == "greek":
            tokens.append(("letter", match.group("greek")[1:]))
            position = match.end()
            continue
        if kind == "letter":
            letter = match.group("letter")
            if letter in _REJECTED_LETTERS:
                raise _Reject()
            following = text[match.end()] if match.end() < len(text) else ""
            if match.group("sub") and (following.isdigit() or (following.isalpha() and match.group("sub").isalpha())):
                raise _Reject()  # `x_12`: latex2sympy takes the whole run as the subscript
            subscript = match.group("sub") or match.group("bsub") or ""
            if len(subscript) > 1:
                subscript = "{" + subscript + "}"  # latex2sympy keeps the braces of `x_{ij}`
            tokens.append(("letter", f"{letter}_{subscript}" if subscript else letter))
        else:
            tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise _Reject()
        self.index += 1
        return token

    def expression(self) -> sympy.Expr:
        terms = []
        sign = 1
        token = self.peek()
        if token and token[1] in "+-" and token[0] == "punct":
            sign = -1 if self.take()[1] == "-" else 1
        terms.append(sign * self.term())
        while (token := self.peek()) is not None and token[0] == "punct" and token[1] in "+-":
            sign = -1 if self.take()[1] == "-" else 1
            terms.append(sign * self.term())
        return sympy.Add(*terms)

    def term(self) -> sympy.Expr:
        """Products separated by `/`, as latex2sympy reads them: `a/bc` is a/(bc), `2x/3` is (2x)/3."""
        value, explicit = self.product()
        while self.peek() == ("punct", "/"):
            self.take()
            divisor, explicit_after = self.product()
            if explicit or explicit_after:
                raise _Reject()  # `a \cdot b / c`: precedence not worth guessing
            value = value / divisor
        return value

    def product(self) -> tuple[sympy.Expr, bool]:
        factors = [self.factor()]
        explicit = False
        while (token := self.peek()) is not None:
            if token[0] == "times":
                self.take()
                explicit = True
                factors.append(self.factor())
            elif token[0] in ("number", "letter", "placeholder", "frac", "function") or token[1] in "({":
                if token[0] == "number" and self.tokens[self.index - 1][0] in ("number", "punct") and self.tokens[self.index - 1][1] not in ")}":
                    raise _Reject()
                factors.append(self.factor())
            else:
                break
        return sympy.Mul(*factors), explicit

    def factor(self) -> sympy.Expr:
        starts_with_letter = self.peek() is not None and self.peek()[0] == "letter"  # type: ignore[index]
        value = self._factor()
        if starts_with_letter and self.peek() == ("punct", "(") and not self._sum_in_parentheses():
            raise _Reject()  # `g^2(x)`: latex2sympy reads the square of a function
        return value

    def _sum_in_parentheses(self) -> bool:
        """Whether the group opening here holds a top-level `+`/`-` after its first token.

        latex2sympy reads `g(x)` and `h(u, v)` as applications but `y(x+1)` and `x^2(x+1)` as
        products; only the second kind is taken here.
        """
        depth = 0
        for position in range(self.index, len(self.tokens)):
            kind, value = self.tokens[position]
            if kind != "punct":
                continue
            if value in "({":
                depth += 1
            elif value in ")}":
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and value in "+-" and position > self.index + 1:
                return True
        return False

    def _factor(self) -> sympy.Expr:
        base = self.atom()
        token = self.peek()
        if token is not None and token == ("punct", "^"):
            self.take()
            exponent_token = self.peek()
            if exponent_token is None:
                raise _Reject()
            if exponent_token == ("punct", "{"):
                self.take()
                exponent = self.expression()
                self.take("}")
            elif exponent_token[0] == "number" and len(exponent_token[1]) == 1:
                exponent = sympy.Integer(self.take()[1])
            elif exponent_token[0] == "letter" and "_" not in exponent_token[1]:
                exponent = _letter(self.take()[1])
            else:
                raise _Reject()
            if self.peek() == ("punct", "^"):
                raise _Reject()
            return sympy.Pow(base, exponent)
        return base

    def atom(self) -> sympy.Expr:
        kind, value = self.take()
        if kind == "number":
            return sympy.Integer(value)
        if kind == "letter":
            if self.peek() == ("punct", "(") and not self._sum_in_parentheses():
                raise _Reject()  # `g(x)`: latex2sympy reads a function application
            return _letter(value)
        if kind == "placeholder":
            return sympy.Symbol(value[1:])
        if kind == "function":
            return self.function(value[1:])
        if kind == "frac":
            self.take("{")
            numerator = self.expression()
            self.take("}")
            self.take("{")
            denominator = self.expression()
            self.take("}")
            return numerator / denominator
        if value in "({":
            inner = self.expression()
            self.take(")" if value == "(" else "}")
            return inner
        raise _Reject()


    def function(self, name: str) -> sympy.Expr:
        """`\\sin(x + 1)`, or `\\sin x` with one letter or number ending the term."""
        function = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp, "ln": sympy.log}[name]
        token = self.peek()
        if token == ("punct", "("):
            self.take()
            argument = self.expression()
            self.take(")")
            return function(argument)
        if token is not None and token[0] in ("letter", "number"):
            self.take()
            following = self.peek()
            if following is not None and not (following[0] == "punct" and following[1] in "+-)}"):
                raise _Reject()
            return function(_letter(token[1]) if token[0] == "letter" else sympy.Integer(token[1]))
        raise _Reject()


def _letter(name: str) -> sympy.Expr:
    return sympy.E if name == "e" else sympy.Symbol(name)


def quick_parse(text: str) -> sympy.Expr | None:
    """The SymPy value of `text` when it is in the small grammar above, else None."""
    try:
        reader = _Reader(_tokens(text))
        if not reader.tokens:
            return None
        value = reader.expression()
        if reader.peek() is not None:
            return None
        return value
    except (_Reject, ZeroDivisionError):
        return None
