"""Derivative notation: `\\frac{d}{dx}`, `\\frac{\\partial f}{\\partial x}`, `\\partial_x`, `\\nabla`, layouts."""

from __future__ import annotations

import re

import sympy

from ..notation.normalize import normalize
from ..notation.scan import group_end, read_argument, skip_spaces
from .core import ConverterCore
from .notation import _DOTS, _INDEX_LETTERS, _NAME, _SPECIAL, ShapeMismatch, Unchecked, _clean_name
from ..semantics.values import _free_symbols, _immutable, _substitute, Value


class DerivativeRules(ConverterCore):
    def _fraction(self, text: str, i: int) -> tuple[Value, int, bool] | None:
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
            found = operator or derivative_of
            assert found is not None
            kind = found.group(1)
            variables = self._differentials(bottom, kind)
            order = int(found.group(2) or 1)
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
            assert derivative_of is not None
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

    def _differentials(self, text: str, kind: str) -> list[Value]:
        """`dx`, `dx^2`, `\\partial x \\partial y`, `\\partial x_1`, `\\partial \\mathbf{x}`."""
        marker = "d" if kind == "d" else "\\partial"
        pieces = re.split(r"(?:(?<![A-Za-z\\])d(?![a-zA-Z]{2,}))" if kind == "d" else r"\\partial(?![a-zA-Z])", text)
        if pieces[0].strip():
            raise Unchecked("malformed-notation", f"`{text}` is not of the form `{marker} x`")
        variables: list[Value] = []
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

    def derivative(self, operand_text: str, variables: list[Value], operator_form: bool) -> Value:
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

    def _reject_font_confusion(self, operand: str, variables: list[Value]) -> None:
        """`\\frac{d}{dx}\\mathbf{x}` or `\\frac{\\partial}{\\partial \\mathbf{x}} x^2`: a bold and a plain x."""
        bold = set(re.findall(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}", operand))
        plain_text = re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", operand)
        plain = set(re.findall(r"(?<![A-Za-z_])([A-Za-z])(?![A-Za-z_])", plain_text))
        for variable in variables:
            if isinstance(variable, sympy.Symbol) and variable.name in bold:
                raise Unchecked("malformed-notation", f"a derivative of the vector `\\mathbf{{{variable.name}}}` by the scalar `{variable.name}`")
            if isinstance(variable, sympy.MatrixBase) and 1 in variable.shape:
                names = [str(e) for e in variable]
                letters = {n.split("_")[0] for n in names} if all("_" in n for n in names) else set()
                if len(letters) == 1 and letters & plain and not next(iter(letters)).isupper():
                    raise Unchecked("malformed-notation", f"a derivative of the scalar `{(letters & plain).pop()}` by the vector of the same name")

    def _reject_index_notation(self, operand: str, variables: list[Value]) -> None:
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

    def expand_dependents(self, value: Value, excluded: set) -> Value:
        """Replace symbols the document defines (`y_1 = f_1(\\mathbf{x})`) by their definitions.

        Used around differentiation only: `\\frac{\\partial z_1}{\\partial x_1}` means the derivative of
        what `z_1` stands for, while a bare `y` elsewhere stays a variable.
        """
        for _ in range(8):
            mapping: dict[sympy.Basic, Value] = {}
            for symbol in sorted(_free_symbols(value), key=lambda s: s.name):
                if symbol in excluded:
                    continue
                body = self.defs.symbols.get(symbol.name)
                function = self.defs.functions.get(symbol.name)
                if (body is None or _DOTS.search(body)) and function is None:
                    continue
                try:
                    if body is not None and not _DOTS.search(body):
                        replacement = self.member(body)
                    elif function is not None:
                        replacement = self.apply(symbol.name, function[0])
                    else:
                        continue
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

    def _differentiate(self, value: Value, variable: Value) -> Value:
        if isinstance(variable, sympy.MatrixBase) and variable.rows > 1 and variable.cols > 1:
            # A scalar by a matrix X: the matrix of its partials, shaped like X in denominator
            # layout and like X^T in numerator layout.
            if isinstance(value, sympy.MatrixBase):
                raise Unchecked("unparsed", "the derivative of a matrix by a matrix")
            partials = variable.applyfunc(lambda entry: sympy.diff(value, entry))
            return _immutable(partials if self.layout == "denominator" else partials.T)
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

    def _partial_operator(self, text: str, i: int) -> tuple[Value, int, bool]:
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

    def _gradient(self, text: str, i: int) -> tuple[Value, int, bool]:
        j = skip_spaces(text, i + len("\\nabla"))
        variables: Value = None
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
