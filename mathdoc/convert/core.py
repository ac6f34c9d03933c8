"""The converter's core: members, terms, factors, names and function applications.

Derivative rules live in `derivatives.py`, vectors and matrices in `arrays.py`; `Converter` in
`__init__.py` combines them.
"""

from __future__ import annotations

import re

import sympy

from ..notation.normalize import normalize, strip_products
from ..notation.scan import command_at, depth_map, group_end, read_argument, skip_spaces, split_top
from ..parse import ParseError, parse_scalar, placeholder, placeholder_symbol
from .definitions import Definitions
from .notation import (
    _DOTS, _ELEMENTWISE, _GENERIC_OPERATORS, _MATRIX_ENV, _NAME, _SPECIAL, _TRANSPOSE, _VECTOR_FONT,
    Unchecked, _clean_name,
)
from ..semantics.values import _add, _hadamard, _immutable, _multiply, _transpose, Value


class ConverterCore:
    """Evaluates members under one layout ("numerator"/"denominator") and one vector length."""

    def __init__(self, definitions: Definitions, layout: str = "numerator", n: int = 3, all_generic: bool = False) -> None:
        self.defs = definitions
        self.all_generic = all_generic
        """Instantiate every bold vector with length n, even one defined with another length."""
        self.layout = layout
        self.n = n
        self.depth = 0
        self.used_generic = False
        self.used_abstract: set[str] = set()
        self.matrix_context = False
        self.used_defined_array = False
        """A vector or matrix came from the document's definitions (its length is not generic)."""
        self.claim_text = ""
        """Both members of the step being checked, for notation that depends on the other side."""

    # -- entry points -------------------------------------------------------------------------
    def member(self, text: str) -> Value:
        self.depth += 1
        if self.depth > 60:
            raise Unchecked("unparsed", "notation nested too deeply")
        try:
            return self._member(normalize(text))
        finally:
            self.depth -= 1

    def _member(self, text: str) -> Value:
        if self.depth == 1:
            context = f"{text} {self.claim_text}"  # `A` alone on the right of `\\partial A\\mathbf{x}` is a matrix
            self.matrix_context = bool(_VECTOR_FONT.search(context) or _TRANSPOSE.search(context) or "\\operatorname{tr}" in context)
        if not text:
            raise Unchecked("unparsed", "empty member")
        for operator in _GENERIC_OPERATORS:
            if operator in text:
                raise Unchecked("unparsed", f"`{operator}` stands for a generic operator; nothing to compute")
        capitals = self.matrix_context and re.search(r"(?<![\\a-z])[A-Z](?![a-z])", text)
        if not _SPECIAL.search(text) and not self._mentions_definition(text) and not capitals:
            return self._scalar(text)
        total: Value = None
        for sign, term in self._terms(text):
            value = self._term(term)
            value = -value if sign < 0 else value
            total = value if total is None else _add(total, value)
        if total is None:
            raise Unchecked("unparsed", "empty member")
        return total

    def _mentions_definition(self, text: str) -> bool:
        for name in list(self.defs.functions) + list(self.defs.symbols):
            compact = re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", re.sub(r"\s*_\s*", "_", text))
            if re.search(r"(?<![\\A-Za-z])" + re.escape(name) + r"(?![A-Za-z0-9_])", compact):
                if name in self.defs.functions:
                    return True
        return False

    def _scalar(self, text: str) -> sympy.Expr:
        text = strip_products(text)
        if _DOTS.search(text):
            raise Unchecked("unparsed", "a pattern with `\\dots` stands for many entries")
        try:
            return parse_scalar(text)
        except ParseError as exc:
            raise Unchecked("unparsed", str(exc)) from None

    # -- terms ---------------------------------------------------------------------------------
    def _terms(self, text: str) -> list[tuple[int, str]]:
        depths = depth_map(text)
        terms: list[tuple[int, str]] = []
        sign = 1
        start = 0
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in "+-" and depths[i] == 0:
                before = text[:i].rstrip()
                unary = not before or before.endswith(("^", "_", "(", "[", "{", "\\cdot", "\\times", "*", "/", "+", "-", "\\otimes", "\\odot", "\\oslash", "\\circ"))
                if not unary:
                    terms.append((sign, text[start:i]))
                    sign = 1 if ch == "+" else -1
                    start = i + 1
                elif not before:
                    sign = 1 if ch == "+" else -1
                    start = i + 1
            i += 1
        terms.append((sign, text[start:]))
        return [(s, t) for s, t in terms if t.strip()]

    def _term(self, text: str) -> Value:
        factors: list[Value] = []  # values, ("text", str) runs, ("op", name)
        buffer: list[str] = []

        def flush() -> None:
            if "".join(buffer).strip():
                factors.append(("text", "".join(buffer)))
            buffer.clear()

        i = 0
        while i < len(text):
            if text[i] in " \t\n":
                buffer.append(text[i])
                i += 1
                continue
            step = self._special(text, i)
            if step is None:
                command = command_at(text, i)
                if command in _ELEMENTWISE:
                    flush()
                    factors.append(("op", _ELEMENTWISE[command]))
                    i += len(command)
                    continue
                if text[i] == "{":
                    close = group_end(text, i)
                    if close > 0 and not _SPECIAL.search(text[i:close]):
                        buffer.append(text[i:close])  # `x^{3/2}`: a plain group is scalar text
                        i = close
                        continue
                if command == "\\frac" or command == "\\sqrt":
                    end = _skip_command_arguments(text, i, command)
                    buffer.append(text[i:end])
                    i = end
                    continue
                if text[i] == "/" and (factors or buffer):
                    flush()
                    factors.append(("op", "slash"))
                    i += 1
                    continue
                token = command or text[i]
                buffer.append(token)
                i += len(token)
                continue
            value, end, consumed_rest = step
            flush()
            value, end = self._postfix(value, text, end)
            factors.append(value)
            i = end
            if consumed_rest:
                break
        flush()
        return self._combine(factors)

    def _postfix(self, value: Value, text: str, i: int) -> tuple[Value, int]:
        """`^T`, `^\\top`, `^2` after a special value."""
        j = skip_spaces(text, i)
        match = _TRANSPOSE.match(text, j)
        if match:
            return _transpose(value), match.end()
        if j < len(text) and text[j] == "^":
            argument = read_argument(text, j + 1)
            if argument is not None:
                exponent = self._scalar(argument[0])
                if isinstance(value, sympy.MatrixBase):
                    if exponent == -1 and value.is_square:
                        return _immutable(value.inv()), argument[1]
                    raise Unchecked("unparsed", "a power of a matrix")
                return value**exponent, argument[1]
        return value, i

    def _combine(self, factors: list[Value]) -> Value:
        if not factors:
            raise Unchecked("unparsed", "empty term")
        if all(not isinstance(f, tuple) or f[0] == "text" for f in factors) and not any(
            isinstance(f, sympy.MatrixBase) for f in factors
        ):
            pieces: list[str] = []
            values: dict[sympy.Symbol, Value] = {}
            for factor in factors:
                if isinstance(factor, tuple):
                    pieces.append(factor[1])
                else:
                    number = len(values) + 1
                    pieces.append(placeholder(number))
                    values[placeholder_symbol(number)] = factor
            expr = self._scalar(" ".join(pieces))
            return expr.xreplace(values) if values else expr
        result: Value = None
        pending_op: str | None = None
        for factor in factors:
            if isinstance(factor, tuple) and factor[0] == "op":
                if result is None:
                    raise Unchecked("unparsed", "an operator with no left operand")
                pending_op = factor[1]
                continue
            value = self._scalar(factor[1]) if isinstance(factor, tuple) else factor
            if result is None:
                result = value
            elif pending_op == "mul":
                result = _hadamard(result, value, divide=False)
            elif pending_op in ("div", "slash"):
                result = _hadamard(result, value, divide=True)
            else:
                result = _multiply(result, value)
            pending_op = None
        if pending_op is not None:
            raise Unchecked("unparsed", "an operator with no right operand")
        return result

    # -- special constructs --------------------------------------------------------------------
    def _special(self, text: str, i: int) -> tuple[Value, int, bool] | None:
        """(value, end, consumed_rest_of_term) for a construct at `i`, or None."""
        command = command_at(text, i)
        if command == "\\frac":
            return self._fraction(text, i)
        if command == "\\partial":
            return self._partial_operator(text, i)
        if command == "\\nabla":
            return self._gradient(text, i)
        if command in ("\\|", "\\lVert", "\\Vert"):
            return self._norm(text, i, command)
        if text.startswith("\\operatorname{tr}", i):
            return self._trace(text, i)
        if command == "\\begin":
            match = _MATRIX_ENV.match(text, i)
            if match:
                return self._matrix_environment(text, i, match)
            raise Unchecked("unparsed", f"unsupported environment in `{text[i:i + 30]}`")
        if command and _VECTOR_FONT.fullmatch(command):
            return self._bold(text, i, command)
        if command in ("\\mathrm", "\\operatorname", "\\text") and text[i:].replace(" ", "").startswith(command + "{diag}"):
            return None
        if text.startswith("diag", i) and (i == 0 or not text[i - 1].isalpha()):
            return self._diag(text, i)
        if text[i] == "[":
            return self._bracket(text, i)
        if text[i] == "(":
            end = group_end(text, i)
            if end < 0:
                raise Unchecked("unparsed", "unbalanced parentheses")
            inner = text[i + 1 : end - 1]
            if _SPECIAL.search(inner) or self._mentions_definition(inner) or "," in inner:
                if any(p.strip() for p, _ in split_top(inner, (",",))[1:]):
                    return None
                return self.member(inner), end, False
            return None
        if text[i] == "I" and (i == 0 or not text[i - 1].isalpha() and text[i - 1] != "\\") and (i + 1 >= len(text) or not text[i + 1].isalpha()):
            return sympy.ImmutableMatrix(sympy.eye(self.n)), i + 1, False
        if self.matrix_context and text[i].isupper() and (i == 0 or not text[i - 1].islower() and text[i - 1] != "\\") and (i + 1 >= len(text) or not (text[i + 1].islower() or text[i + 1] in "_(")):
            return self.matrix(text[i]), i + 1, False
        if text[i].isalpha() or command:
            return self._name(text, i)
        return None

    def _name(self, text: str, i: int) -> tuple[Value, int, bool] | None:
        match = _NAME.match(text, i)
        if not match or (i > 0 and text[i - 1] == "\\"):
            return None
        name = _clean_name(match.group(0))
        end = match.end()
        if name == "D" or name.startswith("D_"):
            following = skip_spaces(text, end)
            if following < len(text) and (text[following].isalpha() or text[following] in "(\\"):
                raise Unchecked("unparsed", f"the operator notation `{name}` is not evaluated")
        base = name.split("_", 1)[0]
        if "_" in name and base in self.defs.functions and not text[skip_spaces(text, end):].startswith("("):
            raise Unchecked("unparsed", f"the subscript notation `{name}` for a derivative of `{base}` is not evaluated")
        primes = 0
        while end < len(text) and text[end] == "'":
            primes += 1
            end += 1
        after = skip_spaces(text, end)
        if after < len(text) and text[after] == "(" and name in self.defs.functions:
            close = group_end(text, after)
            if close < 0:
                raise Unchecked("unparsed", "unbalanced parentheses")
            args = [a for a, _ in split_top(text[after + 1 : close - 1], (",",))]
            value = self.apply(name, args)
            if primes:
                params = self.defs.functions[name][0]
                if len(params) != 1:
                    raise Unchecked("malformed-notation", f"`{name}'` for a function of {len(params)} variables")
                parameter = self._variable(params[0])
                if isinstance(parameter, sympy.MatrixBase):
                    raise Unchecked("malformed-notation", f"`{name}'` for a function of a vector")
                value = sympy.diff(self.apply(name, [params[0]]), parameter, primes)
                if _clean_name(normalize(args[0])) != _clean_name(normalize(params[0])):
                    point = self.member(args[0])  # f'(1): the derivative taken at a point
                    if isinstance(point, sympy.MatrixBase):
                        raise Unchecked("malformed-notation", f"`{name}'` applied to a vector")
                    value = value.subs(parameter, point)
            return value, close, False
        if primes:
            if name in self.defs.functions and after < len(text) and text[after] == "(":
                return None
            raise Unchecked("undefined-function", f"`{name}'` is used but `{name}` is not defined earlier in the document")
        if after < len(text) and text[after] == "(" and re.fullmatch(r"[a-zA-Z](_\w+)?", name) and name not in self.defs.symbols:
            close = group_end(text, after)
            if close < 0:
                raise Unchecked("unparsed", "unbalanced parentheses")
            inner = text[after + 1 : close - 1]
            if "," in inner or _VECTOR_FONT.search(inner):
                return self.abstract(name, [a for a, _ in split_top(inner, (",",))]), close, False
        return None

    def abstract(self, name: str, args: list[str]) -> sympy.Expr:
        """`g_1(\\mathbf{y})`: a function the document only names; vectors count as their components."""
        values: list[sympy.Expr] = []
        for arg in args:
            value = self.member(arg)
            values.extend(list(value) if isinstance(value, sympy.MatrixBase) else [value])
        self.used_abstract.add(name)
        return sympy.Function(name)(*values)

    def apply(self, name: str, args: list[str]) -> Value:
        params, body = self.defs.functions[name]
        if len(params) != len(args):
            raise Unchecked("malformed-notation", f"`{name}` takes {len(params)} arguments, {len(args)} given")
        self.depth += 1
        if self.depth > 30:
            raise Unchecked("unparsed", "definitions refer to each other in a loop")
        try:
            value = self.member(body)
            mapping: dict[sympy.Basic, sympy.Basic] = {}
            for param, arg in zip(params, args):
                if _clean_name(normalize(param)) == _clean_name(normalize(arg)):
                    continue
                target = self.member(arg)
                source = self._variable(param)
                if isinstance(source, sympy.MatrixBase) or isinstance(target, sympy.MatrixBase):
                    if not (isinstance(source, sympy.MatrixBase) and isinstance(target, sympy.MatrixBase)) or source.shape != target.shape:
                        raise Unchecked("malformed-notation", f"`{name}` applied to an argument of another shape")
                    mapping.update(dict(zip(source, target)))
                else:
                    mapping[source] = target
            if mapping:
                value = value.xreplace(mapping) if not isinstance(value, sympy.MatrixBase) else _immutable(value.xreplace(mapping))
            return value
        finally:
            self.depth -= 1

    def _variable(self, text: str) -> Value:
        """A differentiation variable: a symbol (`x`, `x_1`, `w_i`) or a vector (`\\mathbf{x}`)."""
        text = normalize(text).strip()
        if _VECTOR_FONT.match(text):
            value = self.member(text)
            if isinstance(value, sympy.MatrixBase):
                return value
        if self.matrix_context and re.fullmatch(r"[A-Z]", text) and text != "I":
            return self.matrix(text)  # `\\partial X`: a matrix variable
        value = self._scalar(text)
        if not isinstance(value, sympy.Symbol):
            raise Unchecked("malformed-notation", f"`{text}` is not a variable to differentiate by")
        return value


    def _norm(self, text: str, i: int, command: str) -> tuple[Value, int, bool]:
        """`\\|\\mathbf{x}\\|`: the Euclidean norm (`\\|x\\|^2` is then the sum of squares)."""
        closer = {"\\|": "\\|", "\\lVert": "\\rVert", "\\Vert": "\\Vert"}[command]
        start = i + len(command)
        end = text.find(closer, start)
        if end < 0:
            raise Unchecked("unparsed", f"`{command}` without its closing `{closer}`")
        value = self.member(text[start:end])
        if isinstance(value, sympy.MatrixBase):
            if value.rows > 1 and value.cols > 1:
                raise Unchecked("unparsed", "the norm of a matrix")
            return sympy.sqrt(sum(entry**2 for entry in value)), end + len(closer), False
        return sympy.Abs(value), end + len(closer), False

    def _trace(self, text: str, i: int) -> tuple[Value, int, bool]:
        j = skip_spaces(text, i + len("\\operatorname{tr}"))
        if j >= len(text) or text[j] not in "({":
            raise Unchecked("unparsed", "`tr` with no argument")
        end = group_end(text, j)
        if end < 0:
            raise Unchecked("unparsed", "unbalanced `tr(`")
        value = self.member(text[j + 1 : end - 1])
        if not isinstance(value, sympy.MatrixBase) or not value.is_square:
            raise Unchecked("unparsed", "the trace of something that is not a square matrix")
        return value.trace(), end, False

    # -- rules provided by the derivative and array mixins (see `Converter`) ------------------------
    def _fraction(self, text: str, i: int) -> tuple[Value, int, bool] | None:
        raise NotImplementedError

    def _partial_operator(self, text: str, i: int) -> tuple[Value, int, bool]:
        raise NotImplementedError

    def _gradient(self, text: str, i: int) -> tuple[Value, int, bool]:
        raise NotImplementedError

    def _matrix_environment(self, text: str, i: int, match: re.Match[str]) -> tuple[Value, int, bool]:
        raise NotImplementedError

    def _bold(self, text: str, i: int, command: str) -> tuple[Value, int, bool]:
        raise NotImplementedError

    def _diag(self, text: str, i: int) -> tuple[Value, int, bool]:
        raise NotImplementedError

    def _bracket(self, text: str, i: int) -> tuple[Value, int, bool] | None:
        raise NotImplementedError

    def matrix(self, letter: str) -> Value:
        raise NotImplementedError


def _skip_command_arguments(text: str, i: int, command: str) -> int:
    end = i + len(command)
    count = 2 if command == "\\frac" else 1
    for _ in range(count):
        j = skip_spaces(text, end)
        if j < len(text) and text[j] == "[" and command == "\\sqrt":
            close = group_end(text, j)
            j = close if close > 0 else j
            j = skip_spaces(text, j)
        argument = read_argument(text, j)
        if argument is None:
            return len(text)
        end = argument[1]
    return end
