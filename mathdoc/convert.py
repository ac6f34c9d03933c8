"""Read one relation member into a value: a SymPy scalar or an explicit SymPy matrix.

Derivative operators, gradients, vectors, matrices, transposes, `diag` and elementwise operators
are recognised here; runs of plain scalar LaTeX go to `mathdoc.parse` (latex2sympy), with
placeholder symbols standing for the values already computed.  Generic vectors (`\\mathbf{w}` of
unknown length) are instantiated with a concrete length `n` chosen by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy

from .notation.normalize import normalize, strip_products
from .notation.scan import command_at, depth_map, group_end, read_argument, skip_spaces, split_top
from .parse import ParseError, parse_scalar, placeholder, placeholder_symbol

Value = "sympy.Expr | sympy.ImmutableMatrix"


class Unchecked(Exception):
    """The member cannot be evaluated; `code` is a finding code, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ShapeMismatch(Exception):
    """A sum or product whose shapes do not fit."""


_VECTOR_FONT = re.compile(r"\\(mathbf|boldsymbol|bm|vec|mathbfit|overrightarrow)(?![a-zA-Z])")
_MATRIX_ENV = re.compile(r"\\begin\{(bmatrix|pmatrix|matrix|Bmatrix|smallmatrix|array)\}")
_DOTS = re.compile(r"\\(dots|ldots|cdots|vdots|ddots)(?![a-zA-Z])")
_TRANSPOSE = re.compile(r"\^\s*(?:T(?![a-zA-Z])|\\top(?![a-zA-Z])|\\intercal|\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{?\s*T\s*\}?|\\mathrm\s*\{?\s*T\s*\}?|\\rm\s+T|\\mathsf\s+T)\s*\}|\\mathsf\s*\{?\s*T\s*\}?|\\mathrm\s*\{?\s*T\s*\}?)")
_ELEMENTWISE = {"\\otimes": "mul", "\\odot": "mul", "\\circ": "mul", "\\oslash": "div"}
_GENERIC_OPERATORS = ("\\bigcirc", "\\star", "\\diamond", "\\bullet", "\\square")
_SPECIAL = re.compile(
    r"\\frac|\\partial|\\nabla|\\begin\{|\\mathbf|\\boldsymbol|\\bm(?![a-zA-Z])|\\vec|\\otimes|\\odot|\\oslash|\\circ(?![a-zA-Z])|diag|\[|'|\^\s*\\top|\^\s*T(?![a-zA-Z])|(?<![\\A-Za-z])I(?![A-Za-z])|\\bigcirc|(?<![\\A-Za-z])D(?=_|\s*[A-Za-z(\\])"
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?|-?\\frac\{\d+\}\{\d+\}")
_INDEX_LETTERS = {"i", "j", "k", "l"}
_NAME = re.compile(r"((?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]+\s*\})|[A-Za-z]|\\[A-Za-z]+)(\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")


def _clean_name(name: str) -> str:
    """Canonical text of a name: `f_{1}` and `f_1` are the same function."""
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", name)
    return name


@dataclass
class Definitions:
    functions: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    equalities: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_pairs(cls, pairs: tuple[tuple[str, str], ...]) -> "Definitions":
        defs = cls()
        for head, body in pairs:
            head = normalize(head)
            body = body.strip()
            application = re.match(r"^(.*?)\s*\((.*)\)$", head)
            terms = split_top(head, ("+", "-"))
            if len(terms) > 1:
                defs.equalities.append((head, body))
            elif application and _NAME.fullmatch(application.group(1).strip()):
                params = [p.strip() for p, _ in split_top(application.group(2), (",",)) if p.strip()]
                defs.functions[_clean_name(application.group(1))] = (params, body)
            elif not _NUMBER.fullmatch(body.strip().rstrip(".,")):
                # `x = 1` ("plugging in x = 1") is an example value, not a definition.
                defs.symbols[_clean_name(head)] = body
        return defs


class Converter:
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
        self.claim_text = ""
        """Both members of the step being checked, for notation that depends on the other side."""

    # -- entry points -------------------------------------------------------------------------
    def member(self, text: str) -> object:
        self.depth += 1
        if self.depth > 60:
            raise Unchecked("unparsed", "notation nested too deeply")
        try:
            return self._member(normalize(text))
        finally:
            self.depth -= 1

    def _member(self, text: str) -> object:
        if self.depth == 1:
            self.matrix_context = bool(_VECTOR_FONT.search(text) or _TRANSPOSE.search(text))
        if not text:
            raise Unchecked("unparsed", "empty member")
        for operator in _GENERIC_OPERATORS:
            if operator in text:
                raise Unchecked("unparsed", f"`{operator}` stands for a generic operator; nothing to compute")
        if not _SPECIAL.search(text) and not self._mentions_definition(text):
            return self._scalar(text)
        total: object = None
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

    def _term(self, text: str) -> object:
        factors: list[object] = []  # values, ("text", str) runs, ("op", name)
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

    def _postfix(self, value: object, text: str, i: int) -> tuple[object, int]:
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

    def _combine(self, factors: list[object]) -> object:
        if not factors:
            raise Unchecked("unparsed", "empty term")
        if all(not isinstance(f, tuple) or f[0] == "text" for f in factors) and not any(
            isinstance(f, sympy.MatrixBase) for f in factors
        ):
            pieces: list[str] = []
            values: dict[sympy.Symbol, object] = {}
            for factor in factors:
                if isinstance(factor, tuple):
                    pieces.append(factor[1])
                else:
                    number = len(values) + 1
                    pieces.append(placeholder(number))
                    values[placeholder_symbol(number)] = factor
            expr = self._scalar(" ".join(pieces))
            return expr.xreplace(values) if values else expr
        result: object = None
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
    def _special(self, text: str, i: int) -> tuple[object, int, bool] | None:
        """(value, end, consumed_rest_of_term) for a construct at `i`, or None."""
        command = command_at(text, i)
        if command == "\\frac":
            return self._fraction(text, i)
        if command == "\\partial":
            return self._partial_operator(text, i)
        if command == "\\nabla":
            return self._gradient(text, i)
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
        if self.matrix_context and text[i].isupper() and (i == 0 or not text[i - 1].isalpha() and text[i - 1] != "\\") and (i + 1 >= len(text) or not (text[i + 1].isalpha() or text[i + 1] in "_(")):
            return self.matrix(text[i]), i + 1, False
        if text[i].isalpha() or command:
            return self._name(text, i)
        return None

    def _name(self, text: str, i: int) -> tuple[object, int, bool] | None:
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
            args = [a for a, _ in split_top(text[after + 1 : close - 1], (","))]
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

    def apply(self, name: str, args: list[str]) -> object:
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

    def _variable(self, text: str) -> object:
        """A differentiation variable: a symbol (`x`, `x_1`, `w_i`) or a vector (`\\mathbf{x}`)."""
        text = normalize(text).strip()
        if _VECTOR_FONT.match(text):
            value = self.member(text)
            if isinstance(value, sympy.MatrixBase):
                return value
        value = self._scalar(text)
        if not isinstance(value, sympy.Symbol):
            raise Unchecked("malformed-notation", f"`{text}` is not a variable to differentiate by")
        return value

    def _fraction(self, text: str, i: int) -> tuple[object, int, bool] | None:
        numerator = read_argument(text, i + len("\\frac"))
        denominator = read_argument(text, numerator[1]) if numerator else None
        if numerator is None or denominator is None:
            raise Unchecked("unparsed", "a `\\frac` with missing braces")
        top, bottom = numerator[0].strip(), denominator[0].strip()
        end = denominator[1]
        operator = re.fullmatch(r"(d|\\partial)\s*(?:\^\s*\{?\s*(\d+)\s*\}?)?", top)
        derivative_of = re.match(r"(d|\\partial(?![a-zA-Z]))\s*(?:\^\s*\{?\s*(\d+)\s*\}?)?\s*(.+)$", top, re.S)
        bottom_is_differential = bool(re.match(r"d(?=\s*[A-Za-z\\])|\\partial(?![a-zA-Z])", bottom))
        if operator or (derivative_of and bottom_is_differential):
            kind = (operator or derivative_of).group(1)
            variables = self._differentials(bottom, kind)
            order = int((operator or derivative_of).group(2) or 1)
            if order != len(variables):
                if len(variables) == 1:
                    variables = variables * order
                else:
                    raise Unchecked("malformed-notation", f"order {order} in the numerator, {len(variables)} variables below")
            if operator:
                rest = text[end:]
                if not rest.strip():
                    raise Unchecked("unparsed", "a derivative operator with nothing to act on")
                return self.derivative(rest, variables, operator_form=True), len(text), True
            value = self.derivative(derivative_of.group(3), variables, operator_form=False)
            after = skip_spaces(text, end)
            if after < len(text) and text[after] == "(":
                close = group_end(text, after)
                if close > 0 and all(isinstance(v, sympy.Symbol) for v in variables):
                    inner = text[after + 1 : close - 1].strip()
                    if inner and _clean_name(inner) in {v.name for v in variables}:
                        end = close  # `\frac{df}{dx}(x)`: the derivative evaluated at x
            return value, end, False
        if top in ("d", "\\partial") or bottom_is_differential:
            raise Unchecked("malformed-notation", f"`\\frac{{{top}}}{{{bottom}}}` is not a derivative")
        if _SPECIAL.search(top + bottom) or self._mentions_definition(top + bottom):
            upper, lower = self.member(top), self.member(bottom)
            if isinstance(lower, sympy.MatrixBase):
                raise Unchecked("unparsed", "a division by a matrix")
            return upper / lower if not isinstance(upper, sympy.MatrixBase) else _immutable(upper / lower), end, False
        return None

    def _differentials(self, text: str, kind: str) -> list[object]:
        """`dx`, `dx^2`, `\\partial x \\partial y`, `\\partial x_1`, `\\partial \\mathbf{x}`."""
        marker = "d" if kind == "d" else "\\partial"
        pieces = re.split(r"(?:(?<![A-Za-z\\])d(?![a-zA-Z]{2,}))" if kind == "d" else r"\\partial(?![a-zA-Z])", text)
        if pieces[0].strip():
            raise Unchecked("malformed-notation", f"`{text}` is not of the form `{marker} x`")
        variables: list[object] = []
        for piece in pieces[1:]:
            piece = piece.strip()
            if not piece:
                raise Unchecked("malformed-notation", f"`{text}` has a `{marker}` with no variable")
            power = re.search(r"\^\s*\{?\s*(\d+)\s*\}?$", piece)
            count = 1
            if power and not re.search(r"_\s*\{[^}]*\^", piece):
                count = int(power.group(1))
                piece = piece[: power.start()].strip()
            variables.extend([self._variable(piece)] * count)
        return variables

    def derivative(self, operand_text: str, variables: list[object], operator_form: bool) -> object:
        operand_text = operand_text.strip()
        clean = _clean_name(normalize(operand_text))
        self._reject_index_notation(operand_text, variables)
        self._reject_font_confusion(operand_text, variables)
        if clean in self.defs.functions and not operand_text.rstrip().endswith(")"):
            params = self.defs.functions[clean][0]
            value = self.apply(clean, params)
            parameters: set = set()
            for param in params:
                parameter = self._variable(param)
                parameters.update(parameter if isinstance(parameter, sympy.MatrixBase) else [parameter])
            reachable = _free_symbols(self.expand_dependents(value, set()))
            for variable in variables:
                wanted = set(variable) if isinstance(variable, sympy.MatrixBase) else {variable}
                if not wanted & (parameters | reachable):
                    raise Unchecked(
                        "undefined-function",
                        f"`{clean}` is defined earlier as a function of {', '.join(params)}, not of the variable used here",
                    )
        elif (
            _NAME.fullmatch(clean) and clean not in self.defs.symbols and re.fullmatch(r"[a-zA-Z](_\w+)?", clean)
            and re.search(r"(?<![A-Za-z\\])" + re.escape(clean) + r"\s*\(", self.claim_text)
            and all(isinstance(v, sympy.Symbol) for v in variables)
        ):
            # `\frac{dg}{dx}` where the claim also writes `g(x)`: the document's own abstract function.
            value = self.abstract(clean, [v.name for v in dict.fromkeys(variables)])
        else:
            value = self.member(operand_text)
        excluded = {v for v in variables if isinstance(v, sympy.Symbol)}
        for v in variables:
            if isinstance(v, sympy.MatrixBase):
                excluded.update(e for e in v if isinstance(e, sympy.Symbol))
        expanded = self.expand_dependents(value, excluded)
        if isinstance(expanded, sympy.Symbol) and expanded == value and _NAME.fullmatch(clean) and value not in variables:
            raise Unchecked(
                "undefined-function",
                f"`{operand_text}` is not defined earlier in the document, so its derivative is unknown",
            )
        value = expanded
        for variable in variables:
            value = self._differentiate(value, variable)
        return self.expand_dependents(value, set())

    def _reject_font_confusion(self, operand: str, variables: list[object]) -> None:
        """`\\frac{d}{dx}\\mathbf{x}` or `\\frac{\\partial}{\\partial \\mathbf{x}} x^2`: a bold and a plain x."""
        bold = set(re.findall(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}", operand))
        plain_text = re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", operand)
        plain = set(re.findall(r"(?<![A-Za-z_])([A-Za-z])(?![A-Za-z_])", plain_text))
        for variable in variables:
            if isinstance(variable, sympy.Symbol) and variable.name in bold:
                raise Unchecked("malformed-notation", f"a derivative of the vector `\\mathbf{{{variable.name}}}` by the scalar `{variable.name}`")
            if isinstance(variable, sympy.MatrixBase):
                names = [str(e) for e in variable]
                letters = {n.split("_")[0] for n in names} if all("_" in n for n in names) else set()
                if len(letters) == 1 and letters & plain:
                    raise Unchecked("malformed-notation", f"a derivative of the scalar `{(letters & plain).pop()}` by the vector of the same name")

    def _reject_index_notation(self, operand: str, variables: list[object]) -> None:
        """`\\frac{d}{dx_k} x_i a_{ij} x_j` relies on the summation convention; `\\partial_i` on an index."""
        for variable in variables:
            if not isinstance(variable, sympy.Symbol):
                continue
            base, _, index = variable.name.partition("_")
            if variable.name in _INDEX_LETTERS:
                raise Unchecked("unparsed", f"`\\partial_{variable.name}` is index notation; mathdoc does not expand it")
            index = index.strip("{}")
            if index in _INDEX_LETTERS:
                others = set(re.findall(rf"(?<![A-Za-z\\]){re.escape(base)}_\{{?([a-z])\}}?", operand)) & _INDEX_LETTERS
                if others - {index}:
                    raise Unchecked("unparsed", "index notation with several indices (summation convention); mathdoc does not expand it")

    def expand_dependents(self, value: object, excluded: set) -> object:
        """Replace symbols the document defines (`y_1 = f_1(\\mathbf{x})`) by their definitions.

        Used around differentiation only: `\\frac{\\partial z_1}{\\partial x_1}` means the derivative of
        what `z_1` stands for, while a bare `y` elsewhere stays a variable.
        """
        for _ in range(8):
            mapping: dict[sympy.Basic, object] = {}
            for symbol in sorted(_free_symbols(value), key=lambda s: s.name):
                if symbol in excluded:
                    continue
                body = self.defs.symbols.get(symbol.name)
                function = self.defs.functions.get(symbol.name)
                if (body is None or _DOTS.search(body)) and function is None:
                    continue
                try:
                    replacement = self.member(body) if body is not None and not _DOTS.search(body) else self.apply(symbol.name, function[0])
                except (Unchecked, ShapeMismatch):
                    continue
                if isinstance(replacement, sympy.MatrixBase) or replacement == symbol:
                    continue
                if not replacement.free_symbols and not replacement.atoms(sympy.Function):
                    continue
                mapping[symbol] = replacement
            if not mapping:
                return value
            value = _substitute(value, mapping)
        raise Unchecked("unparsed", "definitions refer to each other in a loop")

    def _differentiate(self, value: object, variable: object) -> object:
        if isinstance(variable, sympy.MatrixBase):
            components = list(variable)
            if isinstance(value, sympy.MatrixBase):
                if value.cols == 1:
                    jacobian = sympy.Matrix([[sympy.diff(v, c) for c in components] for v in value])
                    return _immutable(jacobian if self.layout == "numerator" else jacobian.T)
                if value.rows == 1:
                    return _immutable(sympy.Matrix([[sympy.diff(v, c) for v in value] for c in components]))
                raise Unchecked("unparsed", "the derivative of a matrix by a vector")
            gradient = sympy.Matrix([[sympy.diff(value, c) for c in components]])
            return _immutable(gradient if self.layout == "numerator" else gradient.T)
        if isinstance(value, sympy.MatrixBase):
            derived = value.applyfunc(lambda v: sympy.diff(v, variable))
            return _immutable(derived)
        return sympy.diff(value, variable)

    def _partial_operator(self, text: str, i: int) -> tuple[object, int, bool]:
        j = skip_spaces(text, i + len("\\partial"))
        if j < len(text) and text[j] == "_":
            argument = read_argument(text, j + 1)
            if argument is None:
                raise Unchecked("malformed-notation", "`\\partial_` with no variable")
            variable = self._variable(argument[0])
            rest = text[argument[1] :]
            if not rest.strip():
                raise Unchecked("unparsed", "a derivative operator with nothing to act on")
            return self.derivative(rest, [variable], operator_form=True), len(text), True
        raise Unchecked("malformed-notation", "a `\\partial` outside a derivative")

    def _gradient(self, text: str, i: int) -> tuple[object, int, bool]:
        j = skip_spaces(text, i + len("\\nabla"))
        variables: object = None
        if j < len(text) and text[j] == "_":
            argument = read_argument(text, j + 1)
            if argument is None:
                raise Unchecked("malformed-notation", "`\\nabla_` with no variable")
            variables = self._variable(argument[0])
            j = argument[1]
        rest = text[j:].strip()
        if not rest:
            raise Unchecked("unparsed", "`\\nabla` with nothing to act on")
        match = _NAME.match(rest)
        name = _clean_name(match.group(0)) if match else ""
        if variables is None:
            if not name:
                raise Unchecked("unparsed", f"the gradient of `{rest}`: write the variables as `\\nabla_{{...}}`")
            if name not in self.defs.functions:
                raise Unchecked("undefined-function", f"the gradient of `{rest}`: `{name}` is not defined earlier in the document")
            params = self.defs.functions[name][0]
            parameter_values = [self._variable(p) for p in params]
            if any(_DOTS.search(p) for p in params):
                raise Unchecked("unparsed", "a function of `\\dots` arguments")
            if len(parameter_values) == 1 and isinstance(parameter_values[0], sympy.MatrixBase):
                variables = parameter_values[0]
            else:
                variables = _immutable(sympy.Matrix(parameter_values))
        return self.derivative(rest, [variables], operator_form=True), len(text), True

    def _matrix_environment(self, text: str, i: int, match: re.Match[str]) -> tuple[object, int, bool]:
        name = match.group(1)
        end_tag = f"\\end{{{name}}}"
        depth = 0
        j = i
        close = -1
        while j < len(text):
            if text.startswith(f"\\begin{{{name}}}", j):
                depth += 1
            elif text.startswith(end_tag, j):
                depth -= 1
                if depth == 0:
                    close = j
                    break
            j += 1
        if close < 0:
            raise Unchecked("unparsed", f"`\\begin{{{name}}}` without `\\end{{{name}}}`")
        body = text[match.end() : close]
        if name == "array":
            spec = read_argument(body, 0)
            body = body[spec[1] :] if spec else body
        rows = [r for r, _ in split_top(body, ("\\\\",))]
        while rows and not rows[-1].strip():
            rows.pop()
        grid: list[list[object]] = []
        for row in rows:
            cells = [c for c, _ in split_top(row, ("&",))]
            if any(_DOTS.fullmatch(c.strip()) or not c.strip() for c in cells) or any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern matrix (with `\\dots` or empty cells) stands for any size")
            grid.append([self.member(c) for c in cells])
        return _assemble(grid), close + len(end_tag), False

    def _bracket(self, text: str, i: int) -> tuple[object, int, bool] | None:
        end = group_end(text, i)
        if end < 0:
            raise Unchecked("unparsed", "unbalanced brackets")
        inner = text[i + 1 : end - 1]
        cells = [c for c, _ in split_top(inner, (",",))]
        if len(cells) > 1:
            if any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern vector (with `\\dots`) stands for any length")
            return _assemble([[self.member(c) for c in cells]]), end, False
        return self.member(inner), end, False

    def _bold(self, text: str, i: int, command: str) -> tuple[object, int, bool]:
        argument = read_argument(text, i + len(command))
        if argument is None:
            raise Unchecked("malformed-notation", f"`{command}` with no argument")
        inner, end = argument[0].strip(), argument[1]
        transpose = False
        inner_match = _TRANSPOSE.search(inner)
        if inner_match:
            transpose = True
            inner = inner[: inner_match.start()].strip()
        if command == "\\vec" and inner in ("1", "0"):
            value = _immutable(sympy.ones(self.n, 1) * int(inner))
        elif re.fullmatch(r"[A-Z]", inner):
            value = self.matrix(inner)
        else:
            value = self.vector(inner)
        value = _transpose(value) if transpose else value
        after = skip_spaces(text, end)
        if after < len(text) and text[after] == "(":
            raise Unchecked("undefined-function", f"the vector function `{command}{{{inner}}}(...)` is not defined")
        return value, end, False

    def matrix(self, letter: str) -> sympy.ImmutableMatrix:
        """A square matrix named by a capital (`A`, `\\mathbf{A}`): generic n x n entries A_ij."""
        key = f"\\mathbf{{{letter}}}"
        for candidate in (letter, key):
            if candidate in self.defs.symbols and not self.all_generic:
                value = self.member(self.defs.symbols[candidate])
                if isinstance(value, sympy.MatrixBase):
                    return value
        self.used_generic = True
        return _immutable(sympy.Matrix(self.n, self.n, lambda r, c: sympy.Symbol(f"{letter}_{r + 1}{c + 1}")))

    def vector(self, letter: str) -> object:
        """The column vector written `\\mathbf{letter}`: its definition, else generic of length n."""
        for key in (f"\\mathbf{{{letter}}}", f"\\boldsymbol{{{letter}}}", f"\\bm{{{letter}}}", f"\\vec{{{letter}}}"):
            if key in self.defs.symbols and not self.all_generic:
                body = self.defs.symbols[key]
                if not _DOTS.search(body):
                    value = self.member(body)
                    if isinstance(value, sympy.MatrixBase):
                        return value
        if not re.fullmatch(r"[A-Za-z]", letter):
            raise Unchecked("unparsed", f"bold `{letter}` is not a vector name")
        self.used_generic = True
        return _immutable(sympy.Matrix([sympy.Symbol(f"{letter}_{k}") for k in range(1, self.n + 1)]))

    def _diag(self, text: str, i: int) -> tuple[object, int, bool]:
        j = skip_spaces(text, i + 4)
        if j >= len(text) or text[j] not in "({":
            raise Unchecked("unparsed", "`diag` with no argument")
        end = group_end(text, j)
        if end < 0:
            raise Unchecked("unparsed", "unbalanced `diag(`")
        inner = text[j + 1 : end - 1].strip()
        pattern = re.fullmatch(r"\\(?:dots|ldots|cdots)\s*(.*?)\s*\\(?:dots|ldots|cdots)", inner, re.S)
        if pattern:
            entries = [self._indexed(pattern.group(1), k) for k in range(1, self.n + 1)]
            self.used_generic = True
            return _immutable(sympy.diag(*entries)), end, False
        cells = [c for c, _ in split_top(inner, (",",))]
        if len(cells) > 1:
            if any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern `diag(...)` with `\\dots` stands for any size")
            return _immutable(sympy.diag(*[self.member(c) for c in cells])), end, False
        value = self.member(inner)
        if isinstance(value, sympy.MatrixBase):
            return _immutable(sympy.diag(*list(value))), end, False
        return _immutable(sympy.diag(value)), end, False

    def _indexed(self, text: str, k: int) -> object:
        """The entry `text` written with index `i` (`\\frac{1}{x_i}`), taken at i = k."""
        replaced = re.sub(r"_\s*(\{\s*i\s*\}|i)(?![A-Za-z])", f"_{{{k}}}", text)
        return self.member(replaced)


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


def _substitute(value: object, mapping: dict) -> object:
    """xreplace, except where a derivative's variable is replaced: there `subs` keeps it a `Subs`."""
    def one(expr: sympy.Basic) -> sympy.Basic:
        replaced = {}
        for derivative in expr.atoms(sympy.Derivative):
            variables = [v for v in dict.fromkeys(derivative.variables) if v in mapping]
            if variables:
                dummies = {v: sympy.Dummy(str(v)) for v in variables}
                replaced[derivative] = sympy.Subs(derivative.xreplace(dummies), tuple(dummies.values()), tuple(mapping[v] for v in variables))
        if replaced:
            expr = expr.xreplace(replaced)
        return expr.xreplace(mapping)

    if isinstance(value, sympy.MatrixBase):
        return _immutable(value.applyfunc(one))
    return one(value)


def _free_symbols(value: object) -> set:
    return value.free_symbols if isinstance(value, sympy.Basic) else set()


def _immutable(matrix: object) -> sympy.ImmutableMatrix:
    return sympy.ImmutableMatrix(matrix)


def _transpose(value: object) -> object:
    return _immutable(value.T) if isinstance(value, sympy.MatrixBase) else value


def _assemble(grid: list[list[object]]) -> object:
    """A matrix from cells that are scalars or blocks (gradients stacked into a Jacobian)."""
    rows = []
    for cells in grid:
        blocks = [c if isinstance(c, sympy.MatrixBase) else sympy.Matrix([[c]]) for c in cells]
        heights = {b.rows for b in blocks}
        if len(heights) > 1:
            raise ShapeMismatch(f"cells of heights {sorted(heights)} side by side in one row")
        rows.append(sympy.Matrix.hstack(*blocks))
    widths = {r.cols for r in rows}
    if len(widths) > 1:
        raise ShapeMismatch(f"rows of widths {sorted(widths)} stacked in one matrix")
    matrix = sympy.Matrix.vstack(*rows)
    return _immutable(matrix)


def shape_text(value: object) -> str:
    if isinstance(value, sympy.MatrixBase):
        return f"{value.rows}x{value.cols}"
    return "scalar"


def _add(left: object, right: object) -> object:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.shape != right.shape:
            raise ShapeMismatch(f"a sum of a {shape_text(left)} and a {shape_text(right)} matrix")
        return _immutable(left + right)
    if left_matrix or right_matrix:
        raise ShapeMismatch(f"a sum of a {shape_text(left)} and a {shape_text(right)}")
    return left + right


def _multiply(left: object, right: object) -> object:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.cols != right.rows:
            if left.shape == (1, 1) or right.shape == (1, 1):
                scalar, other = (left, right) if left.shape == (1, 1) else (right, left)
                return _immutable(other * scalar[0, 0])
            raise ShapeMismatch(f"a {shape_text(left)} matrix times a {shape_text(right)} matrix")
        return _immutable(left * right)
    if left_matrix or right_matrix:
        return _immutable(left * right)
    return left * right


def _hadamard(left: object, right: object, divide: bool) -> object:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.shape != right.shape:
            raise ShapeMismatch(f"an elementwise operation on a {shape_text(left)} and a {shape_text(right)}")
        return _immutable(left.multiply_elementwise(right.applyfunc(lambda v: 1 / v) if divide else right))
    if divide:
        if right_matrix:
            return _immutable(right.applyfunc(lambda v: left / v))
        return _immutable(left / right) if left_matrix else left / right
    return _multiply(left, right)
