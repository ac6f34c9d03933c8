"""Values at points: `\\frac{df}{dx}(2)`, `\\partial_x f(1, 1)`, evaluation bars (`\\left. … \\right|_{x=a}`,
named, positional on a curve, or at a vector), and the substitution of a point."""

from __future__ import annotations

import sympy

from .calculus import refuse_where_cases_meet
from .errors import Unchecked
from .evaluate import EvaluatorCore
from .values import Value, _immutable
from ..grammar import tree as t
from ..grammar.names import key

COORDINATES = (frozenset("xy"), frozenset("xyz"), frozenset("uv"), frozenset("uvw"), frozenset("st"))
"""Letters whose order in a point is the alphabet's: `(3, 4)` on a curve in x and y is x = 3, y = 4."""


class PointRules(EvaluatorCore):
    def derivative_at(self, head: t.Derivative, args: tuple[t.Node, ...]) -> Value:
        """`\\frac{df}{dx}(x)` (the same) or `\\frac{df}{dx}(2)` (at x = 2)."""
        value = self.derivative(head)
        variables: list[t.Node] = list(dict.fromkeys(head.variables))
        if len(args) != len(variables):
            # `\frac{\partial L}{\partial y}(1, 2, 2)` of `L(x, y, m)`: the point of the function's own parameters
            name = key(head.operand) if isinstance(head.operand, t.Symbol) else None
            params = self.defs.functions[name][0] if name in self.defs.functions else ()
            if not params and len(self.defs.stated_names) == len(args) and {key(n) for n in self.defs.stated_names} >= {key(v) for v in variables}:
                params = self.defs.stated_names  # `\\frac{\\partial Q}{\\partial K}(16, 4)` after "$(K, L) = (16, 4)$"
            if len(params) != len(args):
                raise Unchecked("unparsed", "a derivative applied to arguments that do not match its variables")
            variables = list(params)
        return self.at_point(value, [(v, a) for v, a in zip(variables, args)])

    def _at_a_point(self, node: t.Derivative) -> t.Apply | None:
        """`\\partial_x f(1, 1)` of a defined f: the derivative at the point, (∂f/∂x)(1, 1), not the
        derivative of the number f(1, 1) (nobody differentiates a constant so)."""
        operand = node.operand
        if not (isinstance(operand, t.Apply) and isinstance(operand.head, t.Symbol) and key(operand.head) in self.defs.functions):
            return None
        params = self.defs.functions[key(operand.head)][0]
        by = {key(v) for v in node.variables if isinstance(v, t.Symbol)}
        written = {key(n) for a in operand.args for n in t.walk(a) if isinstance(n, t.Symbol)}
        if by & written or not by <= {key(p) for p in params if isinstance(p, t.Symbol)} or len(params) != len(operand.args):
            return None
        return operand

    def evaluate(self, node: t.Evaluate) -> Value:
        value = self.value(node.operand)
        pairs: list[tuple[t.Node, t.Node]] = []
        for variable, point in node.point:
            if isinstance(variable, t.Symbol) and not variable.name:
                pairs.extend(self._positional(node, point))
            elif isinstance(variable, t.Tuple) and isinstance(point, t.Tuple) and len(variable.items) == len(point.items):
                pairs.extend(zip(variable.items, point.items))  # `\\right|_{(x,y)=(1,0)}`
            else:
                pairs.append((variable, point))
        return self.at_point(value, pairs)

    def _positional(self, node: t.Evaluate, point: t.Node) -> list[tuple[t.Node, t.Node]]:
        values = point.items if isinstance(point, t.Tuple) else (point,)
        operand = node.operand
        variables: tuple[t.Node, ...] = ()
        if isinstance(operand, t.Derivative):
            variables = tuple(dict.fromkeys(operand.variables))
            letters = {key(v) for v in (*variables, operand.operand) if isinstance(v, t.Symbol)}
            if len(values) == len(letters) == len(variables) + 1 and letters in COORDINATES and key(operand.operand) not in self.defs.symbols:
                # `\left.\frac{dy}{dx}\right|_{(3,4)}` on a curve: the point (x, y)
                variables = tuple(t.Symbol(name, operand.span) for name in sorted(letters))
        if len(variables) != len(values):
            # `\\left.\\frac{\\partial z}{\\partial x}\\right|_{(1,0)}` after `z = x^2e^y`, or `\\left.2xe^{y}\\right|_{(1,0)}`:
            # the point of the letters the expression is written in, when they are coordinates (x, y)
            inner = operand.operand if isinstance(operand, t.Derivative) else operand
            body = self.defs.symbols.get(key(inner)) if isinstance(inner, t.Symbol) else None
            letters = _plain_letters(body if body is not None else inner)
            if letters in COORDINATES and len(letters) == len(values):
                variables = tuple(t.Symbol(name, operand.span) for name in sorted(letters))
        if len(variables) != len(values):
            raise Unchecked("unparsed", "a value at a point whose variables are not named")
        return list(zip(variables, values))

    def at_point(self, value: Value, pairs: list[tuple[t.Node, t.Node]]) -> Value:
        mapping = {}
        for variable, point in pairs:
            if isinstance(variable, t.Symbol) and isinstance(point, t.Symbol) and key(variable) == key(point):
                continue
            name = self.variable(variable)
            if isinstance(name, sympy.MatrixBase):
                # `\\big|_{\\mathbf w = (0.5, 0.2)}`: each entry of the vector at its coordinate
                at = self.value(point)
                if not isinstance(at, sympy.MatrixBase) or len(at) != len(name):
                    raise Unchecked("unparsed", "a point of a vector whose length differs from the vector's")
                mapping.update(dict(zip(name, at)))
                continue
            mapping[name] = self.scalar(point, "a point")
        if not mapping:
            return value
        refuse_where_cases_meet(value, mapping)
        return _immutable(value.subs(mapping)) if isinstance(value, sympy.MatrixBase) else value.subs(mapping)


def _plain_letters(node: t.Node) -> frozenset[str]:
    return frozenset(n.name for n in t.walk(node) if isinstance(n, t.Symbol) and len(n.name) == 1 and n.name.islower() and not n.sub and not n.font and not n.accent and n.name != "e")
