"""Derivatives: Leibniz and operator forms, `\\partial_x`, primes, `\\nabla`, Hessians, values at points.

A symbol the document defines (`y_1 = 3x_1^2x_2`) stands for its definition around a
differentiation only: `\\frac{\\partial y_1}{\\partial x_1}` is the derivative of what `y_1` means,
while a bare `y_1` elsewhere stays a variable.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

import sympy

from .errors import ShapeMismatch, Unchecked
from .values import Value, _free_symbols, _immutable, _substitute, case_relations
from ..grammar import tree as t
from .evaluate import EvaluatorCore
from ..grammar.names import key, scalar_name

INDEX_LETTERS = frozenset("ijkl")
DEPENDENT_LETTERS = frozenset("u v w x y z p q r s t A N P Q T V X Y Z".split())
"""Letters that, undefined, may name a quantity depending on the variable (an ODE's unknown)."""


class CalculusRules(EvaluatorCore):
    # -- variables ---------------------------------------------------------------------------------
    def variable(self, node: t.Node) -> Value:
        """A differentiation variable: a symbol (`x`, `x_1`, `w_i`), a vector or a matrix."""
        if isinstance(node, t.Symbol):
            value = self.value(node)
            if isinstance(value, sympy.MatrixBase):
                self.used_layout = True
                return value
            if isinstance(value, sympy.Symbol):
                return value
        raise Unchecked("unparsed", "a differentiation variable mathdoc does not read as a name (a word, a primed or applied name?)")

    # -- derivative notations ------------------------------------------------------------------------
    def derivative(self, node: t.Derivative) -> Value:
        return self.holding(node.variables, lambda: self._derivative(node))

    def holding(self, variables: "tuple[t.Node, ...]", compute: "Callable[[], Value]") -> Value:
        """`compute()` with the defined vectors among `variables` held as generic entries, then read
        as defined (see `_intermediates`)."""
        held = self._intermediates(variables)
        if not held:
            return compute()
        saved = self.held
        self.held = {**saved, **{name: generic for name, (generic, _) in held.items()}}
        try:
            value = compute()
        finally:
            self.held = saved
        mapping = {g: d for generic, defined in held.values() for g, d in zip(generic, defined)}
        return _immutable(value.subs(mapping)) if isinstance(value, sympy.MatrixBase) else value.subs(mapping)

    def _by_a_power(self, node: t.Derivative, power: t.Pow) -> Value:
        """`\\frac{\\partial \\ell}{\\partial \\sigma^2}`: by the variable u = σ², that is (∂ℓ/∂σ)/(du/dσ)."""
        if len(node.variables) != 1 or not isinstance(power.base, t.Symbol) or not isinstance(power.exponent, t.Number):
            raise Unchecked("unparsed", "a derivative by a power together with other variables is not evaluated")
        by_base = self._derivative(dataclasses.replace(node, variables=(power.base,)))
        base = self.variable(power.base)
        if isinstance(base, sympy.MatrixBase):
            raise Unchecked("unparsed", "a derivative by a power of a vector is not evaluated")
        exponent = int(power.exponent.value)
        factor = exponent * base ** (exponent - 1)
        return _immutable(by_base / factor) if isinstance(by_base, sympy.MatrixBase) else by_base / factor

    def _intermediates(self, variables: "tuple[t.Node, ...]") -> dict[str, tuple[Value, Value]]:
        """The vectors and matrices the derivative is taken by that the document defines (`\\mathbf z
        = W\\mathbf a`): each as (generic entries standing for it while the derivative is taken, its
        value), so that `\\frac{\\partial L}{\\partial \\mathbf z}` is by z, then read in W and a."""
        held: dict[str, tuple[Value, Value]] = {}
        for variable in variables:
            name = key(variable) if isinstance(variable, t.Symbol) else None
            if name is None or name in self.held or name not in self.defs.symbols or not (variable.font == "bold" or self.matrix_context):
                continue
            defined = self.value(variable)
            if not isinstance(defined, sympy.MatrixBase) or all(isinstance(entry, sympy.Symbol) for entry in defined):
                continue  # `\mathbf x = [x_1, x_2]^\top` names the components: x is differentiated by them
            letter = scalar_name(t.Symbol(variable.name, variable.span, sub=variable.sub), self.indices) or variable.name
            generic = sympy.Matrix(defined.rows, defined.cols, lambda r, c: sympy.Symbol(
                f"{letter}_{{{r + 1}}}" if defined.cols == 1 else f"{letter}_{{{r + 1}{c + 1}}}"))
            held[name] = (_immutable(generic), defined)
        return held

    def _derivative(self, node: t.Derivative) -> Value:
        power = next((v for v in node.variables if isinstance(v, t.Pow)), None)
        if power is not None:
            return self._by_a_power(node, power)
        point = self._at_a_point(node)
        if point is not None:
            return self.derivative_at(dataclasses.replace(node, operand=point.head), point.args)
        if tuple_jacobian(node):
            return self._tuple_jacobian(node)
        variables = [self.variable(v) for v in node.variables]
        self._reject_index_notation(node, variables)
        implicit = self.implicit_derivative(node.operand, variables)
        if implicit is not None:
            return implicit
        parametric = self.parametric(node, variables)
        if parametric is not None:
            return parametric
        operand = self.operand(node.operand, variables)
        self._reject_slot_notation(node.operand, operand, variables)
        self._reject_free_index(operand, variables)
        if self.dependencies:
            for variable in variables:
                operand = self.differentiate(operand, variable)
            return self.expand_dependents(self.through_dependencies(operand), set())
        moving = _velocities(operand, variables, self.written_names)
        if moving:
            along = in_time(operand, moving, len(variables))
            if along is None:
                raise Unchecked("equation", "a rate of a velocity beyond the acceleration is not evaluated")
            return along  # `\\frac{d}{dt}(m r^2\\dot\\varphi)`: φ moves with time
        if self.dependent and len(set(variables)) == 1 and isinstance(variables[0], sympy.Symbol):
            operand = self._as_functions_of(operand, variables[0], accents_only=node.kind == "partial")
        for variable in variables:
            operand = self.differentiate(operand, variable)
        # the variable itself stays (`\\left.\\frac{d\\ell}{d\\mu}\\right|_{\\mu=2}` after `\\mu = 1/\\lambda`): a point is
        # substituted first, and the step's values are expanded at the end
        return self.expand_dependents(operand, {v for v in variables if isinstance(v, sympy.Symbol)})

    def _tuple_jacobian(self, node: t.Derivative) -> Value:
        """`\\frac{\\partial(x,y)}{\\partial(r,\\theta)}`: the matrix of the partials of x, y by r, θ
        (a row per function), or its determinant in that reading."""
        assert isinstance(node.variables[0], t.Tuple)
        if not isinstance(node.operand, t.Tuple):
            # `\\frac{\\partial \\mathbf g}{\\partial (u, v)}`: the components of g, each by u and v
            variables = [self.variable(v) for v in node.variables[0].items]
            value = self.operand(node.operand, variables)
            entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
            if isinstance(value, sympy.MatrixBase) and 1 not in value.shape:
                raise Unchecked("unparsed", "a Jacobian `\\partial(…)` of a matrix")
            matrix = sympy.ImmutableMatrix([[self.differentiate(entry, v) for v in variables] for entry in entries])
            return sympy.simplify(matrix.det()) if self.jacobian_determinant and matrix.is_square else matrix
        rows = [[self._derivative(t.Derivative("partial", (variable,), function, node.form, node.span)) for variable in node.variables[0].items]
                for function in node.operand.items]
        if any(isinstance(entry, sympy.MatrixBase) for row in rows for entry in row):
            raise Unchecked("unparsed", "a Jacobian `\\partial(…)/\\partial(…)` of vectors")
        matrix = sympy.ImmutableMatrix(rows)
        if self.jacobian_determinant:
            if not matrix.is_square:
                raise Unchecked("malformed-notation", f"a Jacobian determinant of {matrix.rows} functions by {matrix.cols} variables")
            return sympy.simplify(matrix.det())
        return matrix

    def parametric(self, node: t.Derivative, variables: list[Value]) -> Value | None:
        """`\\frac{dy}{dx}` after `x = t^2`, `y = t^3` (a curve given by a parameter): y is defined
        without x, and both in one parameter, so dy/dx = (dy/dt)/(dx/dt)."""
        if node.kind != "d" or len(variables) != 1 or not isinstance(variables[0], sympy.Symbol) or not isinstance(node.operand, t.Symbol):
            return None
        first = node.variables[0]
        if not isinstance(first, t.Symbol) or key(first) not in self.defs.symbols or key(node.operand) not in self.defs.symbols:
            return None
        along = self.expand_dependents(self.value(self.defs.symbols[key(first)]), set())
        value = self.expand_dependents(self.value(self.defs.symbols[key(node.operand)]), set())
        if isinstance(along, sympy.MatrixBase) or isinstance(value, sympy.MatrixBase) or variables[0] in _free_symbols(value):
            return None
        shared = _free_symbols(along) & _free_symbols(value)
        if len(shared) > 1:  # `x = a\\cos t`, `y = a\\sin t`: the parameter is t, a a constant
            shared = {s for s in shared if getattr(s, "name", "") == next((p for p in _PARAMETERS if p in {getattr(q, "name", "") for q in shared}), "")}
        if len(shared) != 1:
            return None
        parameter = shared.pop()
        rate = sympy.diff(along, parameter)
        if rate == 0:
            return None
        return sympy.diff(value, parameter) / rate

    def operand(self, node: t.Node, variables: list[Value]) -> Value:
        """The value being differentiated, in terms of the variables (definitions expanded)."""
        if isinstance(node, t.Symbol):
            name = key(node)
            if name in self.defs.functions:
                params = self.defs.functions[name][0]
                value = self.apply_definition(name, params)
                self._check_reachable(name, params, value, variables)
                return self.expand_dependents(value, _excluded(variables))
            if name not in self.defs.symbols and node.font != "bold" and not (self.matrix_context and node.name.isupper()):
                if name in self.dependencies:
                    return self.dependent_value(name, {str(v) for v in variables if isinstance(v, sympy.Symbol)})
                arguments = self.applied_arguments.get(name)
                if arguments is not None and {str(v) for v in variables} <= {str(self.value(a)) for a in arguments}:
                    return self.abstract(scalar_name(node, self.indices) or node.name, arguments)
                if name in self.applied_names and all(isinstance(v, sympy.Symbol) for v in variables):
                    return self.abstract(scalar_name(node, self.indices) or node.name, tuple(t.Symbol(str(v), node.span) for v in dict.fromkeys(variables)))
                value = self.value(node)
                if isinstance(value, sympy.Symbol) and value not in variables:
                    raise Unchecked("undefined-function", f"`{scalar_name(node, self.indices) or node.name}` is not defined earlier in the document, so its derivative is unknown")
        if isinstance(node, t.Symbol) and key(node) in self.defs.symbols:
            self.value(self.defs.symbols[key(node)])  # a definition that cannot be read: say why
        value = self.value(node)
        expanded = self.expand_dependents(value, _excluded(variables), rounds=1 if self.local else 8)
        if self.dependencies and isinstance(node, t.Symbol) and key(node) in self.defs.symbols:
            expanded = self.through_dependencies(expanded)  # `A = wh` with dw/dt, dh/dt in the claim: w(t)h(t)
        if isinstance(node, t.Symbol) and key(node) in self.defs.symbols and expanded != value:
            wanted = {e for v in variables for e in (v if isinstance(v, sympy.MatrixBase) else [v])}
            bases = {str(w).split("_")[0] for w in wanted}
            family = {str(s).split("_")[0] for s in _free_symbols(expanded)}
            if not wanted & _free_symbols(expanded) and not bases & family and not _has_abstract(expanded):
                raise Unchecked("undefined-function", f"`{key(node).replace('bold:', '')}` is defined without {', '.join(sorted(map(str, wanted)))}; its derivative would be 0 — does it depend on it in a way the document does not write down?")
        return expanded

    def _indexed_definition(self, name: str) -> Value | None:
        """`z_2` where the document defines `z_i = w_i x_i`: that body with i = 2 (an indexed
        definition holds for each value of its index)."""
        base, separator, sub = name.rpartition("_")
        index = sub.strip("{}")
        if not separator or not index.isdigit():
            return None
        for letter in INDEX_LETTERS:
            body = self.defs.symbols.get(f"{base}_{letter}")
            if body is None or any(isinstance(n, t.Dots) for n in t.walk(body)):
                continue
            saved = self.indices.get(letter)
            self.indices[letter] = int(index)
            try:
                return self.value(body)
            except (Unchecked, ShapeMismatch):
                return None
            finally:
                if saved is None:
                    del self.indices[letter]
                else:
                    self.indices[letter] = saved
        return None

    def _reject_free_index(self, operand: Value, variables: list[Value]) -> None:
        """`\\frac{\\partial z_i}{\\partial w_j}` with z_i written in w_1, …, w_n: index notation."""
        present = _free_symbols(operand)
        for variable in variables:
            if not isinstance(variable, sympy.Symbol):
                continue
            base, _, index = variable.name.partition("_")
            if index.strip("{}") not in INDEX_LETTERS or index.strip("{}") in self.indices:
                continue
            if any(str(s).split("_")[0] == base and s != variable for s in present):
                raise Unchecked("unparsed", f"`{variable}` with a free index `{index.strip('{}')}` next to other entries of `{base}`: index notation is not expanded")

    def _reject_slot_notation(self, node: t.Node, operand: Value, variables: list[Value]) -> None:
        """`\\frac{\\partial}{\\partial x} f(x^*(p), p)`: the derivative by f's first slot, at a point
        without x — not the derivative of the value by x (which would be 0)."""
        if not isinstance(operand, sympy.Basic) or isinstance(operand, sympy.MatrixBase):
            return
        applications = operand.atoms(sympy.core.function.AppliedUndef)
        if not applications:
            return
        names = {str(s) for a in applications for arg in a.args for s in arg.free_symbols} | {str(f.func) for a in applications for arg in a.args for f in arg.atoms(sympy.core.function.AppliedUndef)}
        for variable in variables:
            decorated = any(n.startswith(f"{variable}^") or n == f"{variable}_0" for n in names)
            if isinstance(variable, sympy.Symbol) and variable not in operand.free_symbols and (isinstance(node, t.Apply) or decorated):
                raise Unchecked("unparsed", f"the derivative by `{variable}` of a function applied at a point without `{variable}` (the derivative by one of its slots?) is not evaluated")

    def dependent_value(self, name: str, stop: set[str]) -> Value:
        """A reading: `y` of `\\frac{dy}{du}\\frac{du}{dx}` is Y(u), and u is U(x) — names the claim
        differentiates are abstract functions of what they are differentiated by."""
        if name in stop or name not in self.dependencies:
            return sympy.Symbol(name)
        self.used_abstract.add(name)
        arguments = [self.dependent_value(d, stop) for d in self.dependencies[name]]
        return sympy.Function(name)(*arguments)

    def through_dependencies(self, value: Value) -> Value:
        """Intermediate names (the u of du/dx) replaced by their abstract functions, after differentiating."""
        mapping = {sympy.Symbol(n): self.dependent_value(n, set()) for n in sorted(self.dependencies)}
        for _ in range(len(mapping) + 1):
            replaced = _substitute(value, mapping)
            if replaced == value:
                break
            value = replaced
        return value

    def implicit_derivative(self, node: t.Node, variables: list[Value]) -> Value | None:
        """`\\frac{dy}{dx}` after `x^2 + y^2 = 25`: -F_x/F_y on the curve F = 0 (and once more for
        the second derivative)."""
        if not isinstance(node, t.Symbol) or not self.defs.equations or key(node) in self.defs.symbols or key(node) in self.defs.functions:
            return None
        if not variables or any(not isinstance(v, sympy.Symbol) for v in variables) or len(set(variables)) != 1 or len(variables) > 2:
            return None
        dependent, variable = sympy.Symbol(scalar_name(node, self.indices) or node.name), variables[0]
        for left, right in reversed(self.defs.equations):  # the latest curve stated
            try:
                relation = self.value(left) - self.value(right)
            except (Unchecked, ShapeMismatch, TypeError):
                continue
            if isinstance(relation, sympy.MatrixBase) or not {dependent, variable} <= relation.free_symbols:
                continue
            slope = -sympy.diff(relation, variable) / sympy.diff(relation, dependent)
            if len(variables) == 1:
                return slope
            return sympy.diff(slope, variable) + sympy.diff(slope, dependent) * slope
        return None

    def _check_reachable(self, name: str, params: tuple[t.Node, ...], value: Value, variables: list[Value]) -> None:
        reachable = _free_symbols(self.expand_dependents(value, _excluded(variables)))  # stop at the variable: `a` of f(u, v), u(a, b), a(w, …)
        parameters: set[object] = set()
        for param in params:
            parameter = self.value(param)
            parameters.update(parameter if isinstance(parameter, sympy.MatrixBase) else [parameter])
        for variable in variables:
            wanted = set(variable) if isinstance(variable, sympy.MatrixBase) else {variable}
            if not wanted & (parameters | reachable):
                raise Unchecked("undefined-function", f"`{name.replace('bold:', '')}` is defined earlier as a function of other variables than the one used here")

    def _reject_index_notation(self, node: t.Derivative, variables: list[Value]) -> None:
        for variable in variables:
            if not isinstance(variable, sympy.Symbol):
                continue
            if variable.name in INDEX_LETTERS:
                raise Unchecked("unparsed", f"`\\partial_{variable.name}` is index notation; mathdoc does not expand it")
            base, _, index = variable.name.partition("_")
            if index.strip("{}") in INDEX_LETTERS and not self.indices:
                others = {scalar_name(s, {}) for s in t.walk(node.operand) if isinstance(s, t.Symbol) and s.name == base and s.sub is not None}
                if len(others - {variable.name}) > 0 and any(o and o.split("_", 1)[1].strip("{}") in INDEX_LETTERS for o in others - {variable.name}):
                    raise Unchecked("unparsed", "index notation with several indices (summation convention); mathdoc does not expand it")

    def _as_functions_of(self, value: Value, variable: sympy.Symbol, accents_only: bool = False) -> Value:
        """A reading: undefined letters such as y in `\\frac{d}{dx}[e^{x^2} y]` are functions of x;
        in a partial derivative only a model's output such as `\\hat y` may depend on the variable."""
        mapping = {
            s: sympy.Function(s.name)(variable)
            for s in sorted(_free_symbols(value), key=lambda s: s.name)
            if s != variable and s.name not in self.defs.symbols
            and ((s.name.split("_")[0] in DEPENDENT_LETTERS and not accents_only) or s.name.startswith(("hat{", "bar{", "tilde{")))
        }
        if not mapping:
            return value
        return _immutable(value.xreplace(mapping)) if isinstance(value, sympy.MatrixBase) else value.xreplace(mapping)

    # -- the operations --------------------------------------------------------------------------------
    def differentiate(self, value: Value, variable: Value, gradient: bool = False) -> Value:
        _reject_parameter_subscripts(value, variable)
        if isinstance(variable, sympy.MatrixBase) and variable.rows > 1 and variable.cols > 1:
            self.used_layout = True
            if isinstance(value, sympy.MatrixBase) and value.shape == (1, 1):
                value = value[0, 0]  # a 1×1 matrix (`\\mathbf z^\\top\\mathbf z`) is the scalar it holds
            if isinstance(value, sympy.MatrixBase):
                raise Unchecked("unparsed", "the derivative of a matrix by a matrix")
            partials = variable.applyfunc(lambda entry: sympy.diff(value, entry))
            return _immutable(partials if self.layout == "denominator" else partials.T)
        if isinstance(variable, sympy.MatrixBase):
            self.used_layout = True
            components = list(variable)
            if isinstance(value, sympy.MatrixBase):
                if value.shape == (1, 1):
                    value = value[0, 0]
                elif value.cols == 1:
                    jacobian = sympy.Matrix([[sympy.diff(v, c) for c in components] for v in value])
                    return _immutable(jacobian if self.layout == "numerator" else jacobian.T)
                elif value.rows == 1:
                    return _immutable(sympy.Matrix([[sympy.diff(v, c) for v in value] for c in components]))
                else:
                    raise Unchecked("unparsed", "the derivative of a matrix by a vector")
            row = sympy.Matrix([[sympy.diff(value, c) for c in components]])
            return _immutable(row if self.layout == "numerator" else row.T)
        if isinstance(value, sympy.MatrixBase):
            return _immutable(value.applyfunc(lambda v: sympy.diff(_real_abs(v), variable)))
        return sympy.diff(_real_abs(value), variable)

    def expand_dependents(self, value: Value, excluded: set[object], rounds: int = 8) -> Value:
        """Replace symbols the document defines by their definitions (see the module's docstring);
        with one round, the definitions' own names stay (the local-partial reading)."""
        for _ in range(rounds):
            mapping: dict[sympy.Basic, Value] = {}
            for symbol in sorted(_free_symbols(value), key=lambda s: s.name):
                if symbol in excluded:
                    continue
                replacement = self._definition_of(symbol.name)
                if isinstance(replacement, sympy.MatrixBase) and replacement.shape == (1, 1):
                    replacement = replacement[0, 0]  # `z = \\mathbf x^\\top \\mathbf x`: a number
                if replacement is None or isinstance(replacement, sympy.MatrixBase) or replacement == symbol:
                    continue
                if not replacement.free_symbols and not replacement.atoms(sympy.Function):
                    continue
                if symbol in replacement.free_symbols:
                    continue  # `u_x` read on a stated PDE through u_x itself: a relation, not a value
                mapping[symbol] = replacement
            if not mapping:
                return value
            value = _substitute(value, mapping)
        if rounds < 8:
            return value
        raise Unchecked("unparsed", "definitions refer to each other in a loop")

    def _definition_of(self, name: str) -> Value | None:
        body = self.defs.symbols.get(name)
        function = self.defs.functions.get(name)
        if body is None and function is None:
            return self._indexed_definition(name)
        try:
            if body is not None and not any(isinstance(n, t.Dots) for n in t.walk(body)):
                return self.value(body)
            if function is not None:
                return self.apply_definition(name, function[0])
        except (Unchecked, ShapeMismatch):
            return None
        return None



def refuse_where_cases_meet(value: Value, mapping: "dict[sympy.Basic, Value]") -> None:
    """A piecewise value (a function defined by cases, differentiated case by case) at a point
    where its cases meet is not evaluated: there the derivative is a limit that the cases do not
    give (`f'(0)` of ReLU does not exist; the case `x \\ge 0` would say 1)."""
    for relation in case_relations(value):
        try:
            boundary = sympy.simplify((relation.lhs - relation.rhs).subs(mapping)) == 0
        except (TypeError, ValueError):
            boundary = False
        if boundary:
            raise Unchecked("evaluation", "a function defined by cases, at a point where its cases meet: the derivative there is a limit the cases do not give")


def _real_abs(value: Value) -> Value:
    """`|u|` of notes is the absolute value of a real u: sqrt(u^2), whose derivative SymPy writes
    without the real and imaginary parts of a complex u (and which is undefined at u = 0 alone)."""
    if isinstance(value, sympy.Basic) and value.has(sympy.Abs):
        return value.replace(sympy.Abs, lambda inner: sympy.sqrt(inner**2))
    return value


def _has_abstract(value: Value) -> bool:
    entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    return any(isinstance(e, sympy.Basic) and bool(e.atoms(sympy.core.function.AppliedUndef)) for e in entries)


def _excluded(variables: list[Value]) -> set[object]:
    excluded = {v for v in variables if isinstance(v, sympy.Symbol)}
    for v in variables:
        if isinstance(v, sympy.MatrixBase):
            excluded.update(e for e in v if isinstance(e, sympy.Symbol))
    return excluded


def _reject_parameter_subscripts(value: Value, variable: Value) -> None:
    """`\\nabla_\\theta \\pi_\\theta(s, a)`: a function the document does not define, whose subscript
    names the variable, depends on it (a policy with parameters θ); as a function of (s, a) alone
    its derivative would be 0, so it is not evaluated."""
    if not isinstance(value, sympy.Basic) or isinstance(variable, sympy.MatrixBase) or not isinstance(variable, sympy.Symbol):
        return
    entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    for entry in entries:
        for application in getattr(entry, "atoms", lambda *_: set())(sympy.core.function.AppliedUndef):
            name = str(application.func)
            base, _, sub = name.partition("_")
            if sub and variable not in application.free_symbols and sub.strip("{}") == variable.name:
                shown = name.replace("{", "").replace("}", "")
                raise Unchecked("undefined-function", f"`{shown}` names `{variable.name}` in its subscript: a function of it the document does not define, so its derivative by `{variable.name}` is unknown")


_PARAMETERS = ("t", "theta", "s", "u", "phi", "tau")
"""The letters a curve's parameter is written in, by preference, when its two coordinates share several."""


def tuple_jacobian(node: t.Node) -> bool:
    """`\\frac{\\partial(x,y)}{\\partial(r,\\theta)}`: functions by variables, both written as tuples."""
    if not (isinstance(node, t.Derivative) and node.kind == "partial" and len(node.variables) == 1 and isinstance(node.variables[0], t.Tuple)):
        return False
    operands = node.operand.items if isinstance(node.operand, t.Tuple) else (node.operand,)  # or one vector function, `\\mathbf g`
    return all(isinstance(n, t.Symbol) for n in operands + node.variables[0].items)


def _velocities(operand: Value, variables: list[Value], written: set[str]) -> list[sympy.Symbol]:
    """The letters whose velocities (`\\dot\\varphi`) a derivative by time t differentiates, and
    the letters of the operand whose velocities the step writes (`\\dot r` on the other side): they
    move with time (not the other letters, which may be constants such as m)."""
    if not variables or any(v != sympy.Symbol("t") for v in variables) or isinstance(operand, sympy.MatrixBase) or not isinstance(operand, sympy.Basic):
        return []
    names = {s.name for s in _free_symbols(operand)}
    bases = {n.split("{", 1)[1][:-1] for n in names if n.startswith(("dot{", "ddot{")) and n.endswith("}")}
    if not bases:
        return []
    bases |= {n for n in names if f"dot{{{n}}}" in written or f"ddot{{{n}}}" in written}
    return [sympy.Symbol(b) for b in sorted(bases)]


def in_time(value: Value, moving: list[sympy.Symbol], order: int) -> Value | None:
    """The derivative by time of `value` with the letters `moving` functions of time, their
    velocities `dot{x}` the first derivatives of them (`\\frac{d}{dt}(m r\\dot\\varphi)` is
    m r φ̈ with φ moving), written back in dots; None where a rate beyond the second is left."""
    time = sympy.Dummy("t")
    functions = {s: sympy.Function(s.name)(time) for s in moving}
    rates: dict[sympy.Basic, sympy.Basic] = dict(functions)
    for s, function in functions.items():
        rates[sympy.Symbol(f"dot{{{s.name}}}")] = sympy.Derivative(function, time)
        rates[sympy.Symbol(f"ddot{{{s.name}}}")] = sympy.Derivative(function, (time, 2))
    result = sympy.diff(value.xreplace(rates), time, order)
    back = {}
    for s, function in functions.items():
        back[sympy.Derivative(function, (time, 2))] = sympy.Symbol(f"ddot{{{s.name}}}")
        back[sympy.Derivative(function, time)] = sympy.Symbol(f"dot{{{s.name}}}")
    result = result.subs(back).xreplace({f: s for s, f in functions.items()})
    if result.has(time) or result.atoms(sympy.Derivative):
        return None
    return result
