"""Equations the document states: curves (`x^2 + y^2 = 25`) and equalities that pin down a named
function (`f_i(w_i) + g_i(x_i) = w_i + x_i`), used by `steps` as readings of a step."""

from __future__ import annotations

import random

from typing import TYPE_CHECKING

import sympy
from mpmath.libmp.libhyper import NoConvergence  # type: ignore[import-untyped]
from sympy.core.function import AppliedUndef

from .grammar import tree as t
from .outcome import LayoutResult
from .semantics import Definitions, Evaluator
from .semantics.errors import ShapeMismatch, Unchecked
from .semantics.values import Value
from .verify import _instantiate

if TYPE_CHECKING:
    from .steps import _Context


def on_a_curve(values: tuple[Value, Value], defs: Definitions, context: "_Context", layout: str) -> LayoutResult | None:
    """`2\\frac{x}{y^5}(y^3 - x^3) = 2\\frac{x}{y^5}(-3)` after `x^3 - y^3 = 3`: equal on the curve stated earlier."""
    left, right = values
    if not defs.equations or isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return None
    difference = left - right
    evaluator = Evaluator(defs, layout, 3, matrix_context=context.matrix_context)
    for head, body in defs.equations:
        relation = _scalar_relation(evaluator, head, body)
        if relation is None:
            continue
        if len(relation.free_symbols & difference.free_symbols) < 2 or relation.atoms(AppliedUndef):
            continue
        for symbol in sorted(relation.free_symbols & difference.free_symbols, key=lambda s: s.name):
            if _vanishes_on(difference, relation, symbol) and not (_vanishes_on(left, relation, symbol) and _vanishes_on(right, relation, symbol)):
                # both sides 0 on the curve (`\\frac{\\partial L}{\\partial \\lambda} = x + y - 10` under `x + y = 10`,
                # where the partial is -(x + y - 10)): the curve makes them equal whatever the step computed
                return LayoutResult("equal", "verified", f"equal on the curve stated earlier ({sympy.sstr(relation)} = 0)", "numeric")
    return None


def off_the_curve(values: tuple[Value, Value], defs: Definitions, context: "_Context", layout: str) -> LayoutResult | None:
    """`\\frac{dy}{dx} = -\\frac{2x}{y}` after `x^2 + y^2 = 25`: the claim differentiates y implicitly on a
    curve stated near it, and the sides differ on every branch of that curve: wrong, with the curve."""
    left, right = values
    near = context.near if context.near is not None else defs
    if not near.equations or isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return None
    implicit = _implicit_pairs(context, near)
    if not implicit:
        return None
    if any(isinstance(v, sympy.Expr) and v.is_number for v in values):
        return None  # `\\frac{dy}{dx} = -\\frac34`: a value at a point of the curve, which the math does not state
    difference = left - right
    if difference.atoms(AppliedUndef) or difference.atoms(sympy.Derivative):
        return None
    evaluator = Evaluator(near, layout, 3, matrix_context=context.matrix_context)
    curves = []
    for head, body in near.equations:
        relation = _scalar_relation(evaluator, head, body)
        if relation is None or relation.atoms(AppliedUndef):
            continue
        for dependent, variable in implicit:
            if {dependent, variable} <= relation.free_symbols:
                curves.append((relation, dependent))
    if not curves or not all(difference.free_symbols <= relation.free_symbols and _differs_on(difference, relation, dependent) for relation, dependent in curves):
        return None  # equal (or undecided) on one of the curves stated: that may be the one meant
    latest = sympy.sstr(curves[-1][0]).replace("**", "^")
    return LayoutResult("differs", "wrong-derivative", f"the sides differ on every branch of the curve stated earlier ({latest} = 0)")


def _implicit_pairs(context: "_Context", defs: Definitions) -> list[tuple[sympy.Symbol, sympy.Symbol]]:
    """(y, x) of every `\\frac{dy}{dx}` (or `\\frac{\\partial z}{\\partial x}` on a surface) whose y the document does not define."""
    from .grammar.names import key

    found = []
    for node in t.walk(context.left) + t.walk(context.right):
        if isinstance(node, t.Derivative) and isinstance(node.operand, t.Symbol) and len(set(node.variables)) == 1:
            variable = node.variables[0]
            name = key(node.operand)
            if isinstance(variable, t.Symbol) and name not in defs.symbols and name not in defs.functions and not node.operand.font:
                found.append((sympy.Symbol(name), sympy.Symbol(key(variable))))
    return found


def _differs_on(difference: sympy.Expr, relation: sympy.Expr, symbol: sympy.Symbol) -> bool:
    """Nonzero at real points of every branch of the curve `relation = 0` solved for `symbol`."""
    others = sorted((difference.free_symbols | relation.free_symbols) - {symbol}, key=lambda s: s.name)
    if len(others) == 1 and relation.is_polynomial(symbol):
        return _differs_at_real_points(difference, relation, symbol, others[0])
    if len(others) == 1 and relation.is_polynomial(others[0]):
        # `xy + \sin y = 1`: no polynomial in y, but one in x, whose roots at values of y are points of the curve
        return _differs_at_real_points(difference, relation, others[0], symbol)
    return _differs_on_branches(difference, relation, symbol)


def _differs_at_real_points(difference: sympy.Expr, relation: sympy.Expr, symbol: sympy.Symbol, other: sympy.Symbol) -> bool:
    """A polynomial curve: at several values of `other`, every real root of the relation in
    `symbol` is a point of the curve (of whichever branch); the sides differ at every one."""
    points = 0
    small = [sympy.Rational((-1) ** k * (2 * k + 1), 9) for k in range(5)]  # inside a unit circle too
    for value in small + [sympy.Rational((-1) ** k * (3 + 4 * k), 7) for k in range(8)]:
        try:
            polynomial = sympy.Poly(relation.subs(other, value), symbol)
            if polynomial.degree() < 1 or polynomial.degree() > 6:
                return False
        except (sympy.PolynomialError, ArithmeticError, ValueError, TypeError):
            return False
        try:
            roots = polynomial.nroots(n=30, maxsteps=200)
        except NoConvergence:
            continue  # a double root (y^2 = 0 at x = 1 on the unit circle): the other values decide
        for root in roots:
            if abs(sympy.im(root)) > 1e-20:
                continue
            try:
                at = complex(sympy.N(difference.subs({other: value, symbol: sympy.re(root)}), 30))
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if at != at or abs(at) == float("inf"):
                continue
            if abs(at) < 1e-9:
                return False
            points += 1
    return points >= 3


def _differs_on_branches(difference: sympy.Expr, relation: sympy.Expr, symbol: sympy.Symbol) -> bool:
    from .timelimit import SoftTimeLimit, soft_limit

    try:
        with soft_limit(1.0):
            solutions = sympy.solve(relation, symbol)
    except (SoftTimeLimit, NotImplementedError, ValueError, TypeError):
        return False
    if not solutions or len(solutions) > 4:
        return False
    others = sorted((difference.free_symbols | relation.free_symbols) - {symbol}, key=lambda s: s.name)
    for solution in solutions:
        on_curve = difference.subs(symbol, solution)
        nonzero = zeros = 0
        for point in _sample_points(others, min(60, 12 * max(1, len(others)))):
            try:
                value = complex(sympy.N(on_curve.subs(point), 30))
                base = complex(sympy.N(solution.subs(point), 30))
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if abs(base.imag) > 1e-12 or value != value or abs(value) == float("inf"):
                continue  # off the real curve here
            if abs(value) < 1e-9:
                zeros += 1  # a parameter where the sides happen to agree (b = 1 in b^5 vs b^4), or the branch meant
            else:
                nonzero += 1
        if nonzero < 3 or 3 * zeros > nonzero:
            return False
    return True


def _sample_points(symbols: list[sympy.Symbol], count: int = 16) -> list[dict[sympy.Symbol, sympy.Rational]]:
    """Points spread over the plane, small and large, negative included (a parameter `a` and `x`
    of `x^4 = a^2(x^2 - y^2)` must not always keep x > a); seeded, so the same every run."""
    rng = random.Random(7)
    points = []
    for _ in range(count):
        point = {}
        for symbol in symbols:
            numerator = rng.choice([n for n in range(-12, 13) if n])
            point[symbol] = sympy.Rational(numerator, rng.randint(2, 9))
        points.append(point)
    return points


def _vanishes_on(difference: sympy.Expr, relation: sympy.Expr, symbol: sympy.Symbol) -> bool:
    from .timelimit import SoftTimeLimit, soft_limit

    try:
        with soft_limit(1.0):
            solutions = sympy.solve(relation, symbol)
    except (SoftTimeLimit, NotImplementedError, ValueError, TypeError):
        return False
    others = sorted((difference.free_symbols | relation.free_symbols) - {symbol}, key=lambda s: s.name)
    for solution in solutions[:4]:
        if not getattr(solution, "free_symbols", None):
            continue  # `x = 0` solves `fgx - x = 0`: a point, not a curve
        on_curve = difference.subs(symbol, solution)
        values = []
        for k in range(4):
            point = {s: sympy.Rational(7 + 3 * k + i, 5 + k) for i, s in enumerate(others)}
            try:
                values.append(complex(sympy.N(on_curve.subs(point), 30)))
            except (TypeError, ValueError, ZeroDivisionError):
                continue
        if len(values) >= 3 and all(abs(v) < 1e-20 for v in values):
            return True
    return False


def _scalar_relation(evaluator: Evaluator, head: t.Node, body: t.Node) -> Value | None:
    """`head - body` of a stated equation as a scalar, or None when it cannot be read as one."""
    try:
        relation = evaluator.value(head) - evaluator.value(body)
    except (Unchecked, ShapeMismatch, TypeError):
        return None
    return None if isinstance(relation, sympy.MatrixBase) else relation


def apply_equalities(evaluator: Evaluator, defs: Definitions, left: Value, right: Value) -> tuple[Value, Value]:
    """Stated equalities such as `f_i(w_i) + g_i(x_i) = w_i + x_i` pin down a named function."""
    if not defs.equalities:
        return left, right
    solved: dict[object, object] = {}
    for head, body in defs.equalities:
        difference = _scalar_relation(evaluator, head, body)
        if difference is None:
            continue
        difference = _instantiate(difference, solved) if solved else difference
        applications = sorted(difference.atoms(AppliedUndef), key=str)
        if len(applications) != 1:
            continue
        application = applications[0]
        if not all(isinstance(a, sympy.Symbol) for a in application.args) or len(set(application.args)) != len(application.args):
            continue
        solutions = sympy.solve(difference, application)
        if len(solutions) == 1:
            solved[application.func] = sympy.Lambda(application.args, solutions[0])
    if not solved:
        return left, right
    return _instantiate(left, solved), _instantiate(right, solved)
