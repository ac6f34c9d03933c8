"""`\\nabla`: gradients (by the named variable or by a defined function's parameters), Hessians and
the Laplacian, gradients at a point, divergence and curl, and the unit vectors i, j, k."""

from __future__ import annotations

import sympy

from ..grammar import tree as t
from ..grammar.names import key
from .errors import ShapeMismatch, Unchecked
from .evaluate import EvaluatorCore
from .values import Value, _immutable


class VectorCalculusRules(EvaluatorCore):
    def unit_vector(self, node: t.Symbol) -> Value | None:
        """`\\mathbf i`, `\\hat{j}`, `\\vec k` beside one another (`x^2y\\,\\mathbf i + yz^2\\,\\mathbf j`): the
        unit vectors of the axes, in the plane unless k is written too."""
        letter = _unit_letter(node)
        if letter is None or key(node) in self.defs.symbols:
            return None
        bodies = [body for body in self.defs.symbols.values()] + [body for _, body in self.defs.functions.values()]
        written = {_unit_letter(n) for b in bodies for n in t.walk(b) if isinstance(n, t.Symbol)} | {_unit_key(name) for name in self.written_names}
        written.discard(None)
        if len(written) < 2:
            return None
        size = 3 if "k" in written else 2
        return _immutable(sympy.Matrix([1 if index == "ijk".index(letter) else 0 for index in range(size)]))

    def gradient(self, node: t.Gradient) -> Value:
        if node.variable is not None and node.kind in ("grad", "laplacian"):
            # `\\nabla_{\\mathbf q} s` after `\\mathbf q = (1, 0, 2, 0)^\\top`: by q, then at its value
            return self.holding((node.variable,), lambda: self._gradient(node))
        return self._gradient(node)

    def _gradient(self, node: t.Gradient) -> Value:
        if node.kind not in ("grad", "laplacian"):
            return self.divergence_or_curl(node)
        at_point = self._gradient_at_point(node)
        if at_point is not None:
            return at_point
        variable = self.variable(node.variable) if node.variable is not None else self._parameters(node.operand)
        self.used_layout = True
        operand = self.operand(node.operand, [variable])
        if node.order == 2:
            components = list(variable) if isinstance(variable, sympy.MatrixBase) else [variable]
            if isinstance(operand, sympy.MatrixBase) and operand.shape == (1, 1):
                operand = operand[0, 0]
            if isinstance(operand, sympy.MatrixBase):
                raise Unchecked("unparsed", "the Hessian of a vector")
            hessian = sympy.hessian(operand, components)
            if node.kind == "laplacian":
                return self.expand_dependents(hessian.trace(), set())  # `\\nabla^2 f` as the Laplacian: the trace of the Hessian
            return self.expand_dependents(_immutable(hessian), set())
        return self.expand_dependents(self.differentiate(operand, variable, gradient=True), set())

    def _gradient_at_point(self, node: t.Gradient) -> Value | None:
        """`\\nabla f(1, 2)`: the gradient of the defined f, at the point (1, 2)."""
        operand = node.operand
        if node.variable is not None or not (isinstance(operand, t.Apply) and isinstance(operand.head, t.Symbol)):
            return None
        name = key(operand.head)
        if name not in self.defs.functions:
            return None
        params = self.defs.functions[name][0]
        if len(params) != len(operand.args) or all(isinstance(a, t.Symbol) and isinstance(p, t.Symbol) and key(a) == key(p) for a, p in zip(operand.args, params)):
            return None
        general = self.gradient(t.Gradient(operand.head, None, node.order, node.span))
        return self.at_point(general, list(zip(params, operand.args)))

    def divergence_or_curl(self, node: t.Gradient) -> Value:
        """`\\nabla\\cdot F` and `\\nabla\\times F`, with F's parameters (else x, y, z) as the variables."""
        defined = self.defs.symbols.get(key(node.operand)) if isinstance(node.operand, t.Symbol) else None
        field = self.value(defined) if defined is not None else self.operand(node.operand, [])
        if not isinstance(field, sympy.MatrixBase) or 1 not in field.shape:
            raise Unchecked("unparsed", f"the {'divergence' if node.kind == 'div' else 'curl'} of something that is not a vector field")
        components = list(field)
        try:
            variables = list(self._parameters(node.operand))
        except Unchecked:
            variables = [sympy.Symbol(name) for name in ("x", "y", "z")][: len(components)]
        if len(variables) != len(components):
            raise ShapeMismatch(f"a field of {len(components)} components in {len(variables)} variables")
        components = [self.expand_dependents(c, set(variables)) for c in components]
        if node.kind == "div":
            return sum(sympy.diff(c, v) for c, v in zip(components, variables))
        if len(components) != 3:
            raise Unchecked("unparsed", "the curl of a field that does not have three components")
        (p, q, r), (x, y, z) = components, variables
        return _immutable(sympy.Matrix([sympy.diff(r, y) - sympy.diff(q, z), sympy.diff(p, z) - sympy.diff(r, x), sympy.diff(q, x) - sympy.diff(p, y)]))

    def _parameters(self, operand: t.Node) -> Value:
        operand = operand.inner if isinstance(operand, t.Group) else operand  # `\\nabla{f}`
        head = operand.head if isinstance(operand, t.Apply) else operand
        name = key(head) if isinstance(head, t.Symbol) else ""
        if self.ambient is not None and name not in self.defs.functions:
            return _immutable(sympy.Matrix([sympy.Symbol(v) for v in self.ambient.variables]))
        if not name and self.gradient_variables and _in_space(operand):
            return _immutable(sympy.Matrix([sympy.Symbol(v) for v in self.gradient_variables]))
        if not name:
            raise Unchecked("unparsed", "the gradient of an expression: write the variables as `\\nabla_{...}`")
        if name in self.defs.symbols and name not in self.defs.functions and not isinstance(self.defs.symbols[name], (t.Tuple, t.Matrix)):
            # `u = x^2 y`, then `\\nabla u`: the gradient of that expression, by its letters
            if self.gradient_variables and _in_space(self.defs.symbols[name]):
                return _immutable(sympy.Matrix([sympy.Symbol(v) for v in self.gradient_variables]))
            raise Unchecked("unparsed", "the gradient of an expression: write the variables as `\\nabla_{...}`")
        if name not in self.defs.functions:
            raise Unchecked("undefined-function", f"the gradient of `{name.replace('bold:', '')}`, which is not defined earlier in the document")
        params = [self.variable(p) for p in self.defs.functions[name][0]]
        if len(params) == 1 and isinstance(params[0], sympy.MatrixBase):
            return params[0]
        if any(isinstance(p, sympy.MatrixBase) for p in params):
            raise Unchecked("unparsed", "the gradient of a function of several vectors")
        return _immutable(sympy.Matrix(params))


def _in_space(node: t.Node) -> bool:
    """An expression in x, y, z alone (numbers and named functions aside): `xy^2z^3`, not `fg`."""
    letters = [n for n in t.walk(node) if isinstance(n, t.Symbol)]
    return bool(letters) and all(n.name in ("x", "y", "z", "e", "pi") and n.sub is None and not n.font for n in letters)


def _unit_letter(node: t.Symbol) -> str | None:
    """"i", "j" or "k" for a unit vector of an axis as written (`\\mathbf i`, `\\hat{\\jmath}`, `\\hat k`)."""
    name = {"imath": "i", "jmath": "j"}.get(node.name, node.name)
    if name in ("i", "j", "k") and node.sub is None and not node.primes and (node.font == "bold" or node.accent == "hat"):
        return name
    return None


def _unit_key(name: str) -> str | None:
    """The same, for a name's key (`bold:i`, `hat{j}`, `bold:hat{k}`)."""
    bare = name.removeprefix("bold:")
    accented = bare.startswith("hat{") and bare.endswith("}")
    letter = {"imath": "i", "jmath": "j"}.get(bare[4:-1] if accented else bare, bare[4:-1] if accented else bare)
    return letter if letter in ("i", "j", "k") and (accented or name.startswith("bold:")) else None
