"""Integrals and limits evaluated by SymPy, only where SymPy gives a definite closed form.

A definite integral is `sympy.integrate` over a real variable, cross-checked by numerical
quadrature at one point of its parameters (SymPy's closed forms assume generic parameters, and a
wrong closed form would be a false alarm or, worse, a wrong claim verified).  An indefinite
integral is an antiderivative: its value is one antiderivative F, and the step compares it up to
a constant (`up_to_constant`: right iff d/dx of the other side equals the integrand, `+ C` or not).
A limit is `sympy.limit`, one-sided as written, accepted only when it is a finite value and,
with parameters, the same value when the parameters are numbers.  An integrand or a limit that
applies a function the document does not define is unchecked: its value is not known.

SymPy's integration can take long; the worker's time limit bounds it (the step is then unchecked
with the time limit as its reason).
"""

from __future__ import annotations

import math

import mpmath  # type: ignore[import-untyped]
import sympy
from sympy.core.function import AppliedUndef

from .errors import Unchecked
from .evaluate import EvaluatorCore
from .values import Value
from ..grammar import tree as t
from ..grammar.names import key, scalar_name
from ..grammar.rules.functions import FUNCTION_LETTERS

_PARAMETER_VALUES = (sympy.Rational(7, 10), sympy.Rational(13, 10), sympy.Rational(17, 10), sympy.Rational(11, 10))
_SYMPY_ERRORS = (NotImplementedError, ValueError, TypeError, ZeroDivisionError, AttributeError, IndexError, KeyError, sympy.PolynomialError)


class IntegralRules(EvaluatorCore):
    indefinite: list[sympy.Symbol]
    """The variables of the indefinite integrals evaluated so far (see `up_to_constant`)."""

    def integral(self, node: t.Integral) -> Value:
        variable = self._bound_variable(node.variable, "integral")
        lower_node, upper_node = node.lower, node.upper
        definite = lower_node is not None and upper_node is not None
        integrand = self._known_scalar(node.integrand, variable, "the integrand", abstract=definite)
        real = sympy.Dummy(variable.name, real=True)
        body = integrand.xreplace({variable: real})
        if lower_node is None or upper_node is None:
            return self._antiderivative(body, real, variable)
        if _abstract(body) or _abstract_node(self, lower_node) or _abstract_node(self, upper_node):
            if not _plain_applications(body):
                raise Unchecked("undefined-function", "the integrand composes functions the document does not define (`f(g(t))`): its value is unknown")
            low = self._known_scalar(lower_node, None, "a limit of the integral", abstract=True)
            high = self._known_scalar(upper_node, None, "a limit of the integral", abstract=True)
            return sympy.Integral(body, (real, low, high))  # of functions the document only names: compared on instances
        _reject_whole_number_parameters(body, real)
        lower = self._known_scalar(lower_node, None, "a limit of the integral")
        upper = self._known_scalar(upper_node, None, "a limit of the integral")
        result = _convergent(_closed_form(lambda: _convergent(sympy.integrate(body, (real, lower, upper), conds="none")), "the integral"))
        _check_quadrature(body, real, lower, upper, result)
        return result

    def _antiderivative(self, body: Value, real: sympy.Dummy, variable: sympy.Symbol) -> Value:
        result = _closed_form(lambda: sympy.integrate(body, real), "the integral")
        if isinstance(result, sympy.Piecewise) and isinstance(result.args[0].cond, sympy.Ne):
            result = result.args[0].expr  # `x^n`: the generic case n ≠ -1
        _check_antiderivative(result, body, real)
        if not hasattr(self, "indefinite"):
            self.indefinite = []
        self.indefinite.append(variable)
        return result.xreplace({real: variable})

    def limit(self, node: t.Limit) -> Value:
        variable = self._bound_variable(node.variable, "limit")
        operand = self._known_scalar(node.operand, variable, "the expression under the limit", abstract=True)
        point = self._known_scalar(node.point, None, "the point of the limit")
        real = sympy.Dummy(variable.name, real=True)
        body = operand.xreplace({variable: real})
        direction = {"+": "+", "-": "-"}.get(node.direction, "+-")
        if point in (sympy.oo, -sympy.oo):
            direction = "-" if point == sympy.oo else "+"
        if _abstract(body):
            return sympy.Limit(body, real, point, direction)  # of functions the document only names: compared on instances
        result = _finite(_closed_form(lambda: _limit(body, real, point, direction), "the limit"), "the limit")
        parameters = sorted((body.free_symbols | _free(point)) - {real}, key=str)
        mapping = dict(zip(parameters, _PARAMETER_VALUES * len(parameters)))
        if parameters:
            at_numbers = _closed_form(lambda: sympy.limit(body.xreplace(mapping), real, _substituted(point, mapping), direction), "the limit")
            if not _same_number(at_numbers, result.xreplace(mapping)):
                raise Unchecked("evaluation", f"the limit depends on the values of {', '.join(map(str, parameters))}, which the claim does not state")
        _check_near_point(body.xreplace(mapping), real, _substituted(point, mapping), direction, sympy.sympify(result).xreplace(mapping))
        return result

    def _bound_variable(self, node: t.Symbol, what: str) -> sympy.Symbol:
        name = scalar_name(node, self.indices)
        if name is None:
            raise Unchecked("unparsed", f"the variable of the {what} is not a plain name")
        return sympy.Symbol(name)

    def _known_scalar(self, node: t.Node, variable: sympy.Symbol | None, what: str, abstract: bool = False) -> Value:
        """`node`'s scalar value with the document's definitions expanded; unchecked when it
        applies a function the document does not define (its integral or limit is unknown), unless
        `abstract`: then such functions stay abstract (`\\int_a^b F'(x)\\,dx = F(b) - F(a)` holds for
        every F, and `verify` compares the sides on instances of them)."""
        bound = variable.name if variable is not None else None
        for sub in t.walk(node):
            if not abstract and isinstance(sub, t.Apply) and isinstance(sub.head, t.Symbol) and sub.head.name != bound and _undefined(self, sub.head):
                raise Unchecked("undefined-function", f"{what} uses `{sub.head.name}`, which the document does not define, so its value is unknown")
            if isinstance(sub, t.Symbol) and sub.sub is not None and bound is not None and _indexed_by(sub.sub, bound):
                raise Unchecked("unparsed", f"`{scalar_name(sub, {}) or sub.name}` is indexed by `{bound}` (a sequence): it is not evaluated")
        value = self.scalar(node, what)
        value = self.expand_dependents(value, {variable} if variable is not None else set())
        if not isinstance(value, sympy.Basic):
            value = sympy.sympify(value)
        unknown = sorted({str(f.func) for f in value.atoms(AppliedUndef)})
        if unknown and not abstract:
            raise Unchecked("undefined-function", f"{what} uses `{unknown[0]}`, which the document does not define, so its value is unknown")
        if value.has(sympy.Derivative, sympy.Subs, sympy.Integral, sympy.Limit) and not unknown:
            raise Unchecked("unparsed", f"{what} holds an operation SymPy left unevaluated")
        return value


def _plain_applications(value: Value) -> bool:
    """Every function the document only names is applied to plain variables (`F'(x)`, `f(t)`):
    instances of compositions (`f(\\gamma(h(\\tau)))`) make integrals SymPy takes minutes over."""
    if not isinstance(value, sympy.Basic):
        return True
    applications = list(value.atoms(AppliedUndef)) + [s for s in value.atoms(sympy.Subs)]
    for application in applications:
        arguments = application.point if isinstance(application, sympy.Subs) else application.args
        if not all(isinstance(a, sympy.Symbol) for a in arguments):
            return False
    return True


def _abstract(value: Value) -> bool:
    return isinstance(value, sympy.Basic) and bool(value.atoms(AppliedUndef))


def _abstract_node(evaluator: EvaluatorCore, node: t.Node) -> bool:
    return any(isinstance(sub, t.Apply) and isinstance(sub.head, t.Symbol) and _undefined(evaluator, sub.head) for sub in t.walk(node))


def _undefined(evaluator: EvaluatorCore, head: t.Symbol) -> bool:
    """A name applied as a function (`f(y)`) that the document does not define; read as a
    product in another reading, which must not give the integral a value either."""
    name = scalar_name(head, {}) or head.name
    defined = name in evaluator.defs.functions or name in evaluator.defs.symbols
    return not defined and (head.name in FUNCTION_LETTERS or name in evaluator.applied_names)


def _indexed_by(subscript: t.Node, name: str) -> bool:
    return any(isinstance(n, t.Symbol) and n.name == name and n.sub is None for n in t.walk(subscript))


def up_to_constant(evaluator: object, left_node: t.Node, right_node: t.Node, left: Value, right: Value) -> tuple[Value, Value]:
    """An indefinite integral is right iff the sides differ by a constant in its variable.

    Only an integral that enters its side linearly (a term, a negated term, or a term times a
    number) can absorb a constant; one in different variables on the two sides (`\\int
    \\frac{dy}{y} = \\int x\\,dx`) is a separated differential equation, not an identity."""
    variables = set(getattr(evaluator, "indefinite", None) or ())
    if not variables:
        return left, right
    placements = {_placement(node, sub) for node in (left_node, right_node) for sub in t.walk(node) if isinstance(sub, t.Integral) and sub.lower is None}
    if placements == {"absorbed"}:
        return left, right  # `\\frac{d}{dx}\\int f\\,dx`: the constant has no effect
    if len(variables) > 1:
        raise Unchecked("equation", "integrals in different variables on the two sides: a separated differential equation to solve, not an identity")
    if placements != {"linear"}:
        raise Unchecked("unparsed", "an indefinite integral inside another operation (it is determined only up to a constant)")
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        raise Unchecked("unparsed", "an indefinite integral of a vector or matrix")
    (variable,) = variables
    constants = _reject_other_variables(left_node, right_node, left, right, variable)
    from ..verify import compare  # verify imports this package: import it when first needed

    real = sympy.Dummy(variable.name, real=True)  # d/dx ln|x| is 1/x on the real line
    derivatives = [sympy.diff(sympy.sympify(side).xreplace({variable: real}), real).xreplace({real: variable}) for side in (left, right)]
    result = compare(derivatives[0], derivatives[1], f"{left}={right}", 2.0)
    if result.status == "equal":
        return right, right  # an antiderivative plus the right constant is the other side
    if result.status == "differs":
        zero = {c: sympy.S.Zero for c in constants}
        return sympy.sympify(left).xreplace(zero), sympy.sympify(right).xreplace(zero)  # no constant can make them equal
    raise Unchecked("unparsed", "the antiderivative and the other side could not be compared up to a constant")


_CONSTANTS = frozenset("C K c k D A B".split())
"""Letters that name a constant of integration (`+ C`, `+ C_1`, `+ K`)."""


def _reject_other_variables(left_node: t.Node, right_node: t.Node, left: Value, right: Value, variable: sympy.Symbol) -> set[sympy.Symbol]:
    """`\\int \\frac{1}{y}\\,dy = \\frac{x^2}{2} + C` relates y to x: a step of solving an equation.

    A name on one side only that is not a constant of integration, where the other side holds the
    indefinite integral, makes the step an equation, not an identity up to a constant.  Returns
    the constants of integration written (`C`, `C_1`, `K`)."""
    sides = ((left_node, _free(sympy.sympify(left))), (right_node, _free(sympy.sympify(right))))
    constants: set[sympy.Symbol] = set()
    for index, (node, mine) in enumerate(sides):
        other = sides[1 - index][1]
        if any(isinstance(n, t.Integral) for n in t.walk(node)):
            continue
        extra = mine - other - {variable}
        unknown = {s for s in extra if s.name.split("_")[0] not in _CONSTANTS}
        if unknown:
            raise Unchecked("equation", f"the side without the integral is written in {', '.join(sorted(map(str, unknown)))}: a step of solving an equation, not an antiderivative")
        constants |= extra
    return constants


def _placement(node: t.Node, target: t.Integral) -> str:
    """Where the indefinite integral `target` stands in the member `node`: "linear" (a term, a
    negated term, or a number times a term: it absorbs a constant), "absorbed" (under a
    derivative by its variable: the constant vanishes) or "other"."""
    if node is target:
        return "linear"
    if isinstance(node, t.Derivative) and key(target.variable) in {key(v) for v in node.variables if isinstance(v, t.Symbol)} and _contains(node.operand, target):
        return "absorbed" if _placement(node.operand, target) == "linear" else "other"
    inner: list[t.Node] = []
    if isinstance(node, (t.Neg, t.Group)):
        inner = [node.operand if isinstance(node, t.Neg) else node.inner]
    elif isinstance(node, t.Add):
        inner = list(node.terms)
    elif isinstance(node, t.Mul) and sum(not isinstance(f, t.Number) for f in node.factors) == 1:
        inner = list(node.factors)
    for child in inner:
        if _contains(child, target):
            return _placement(child, target)
    return "other"


def _contains(node: t.Node, target: t.Node) -> bool:
    return any(sub is target for sub in t.walk(node))


_WHOLE_NUMBER_LETTERS = frozenset("i j k l m n".split())
_PERIODIC = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc, sympy.exp)


def _reject_whole_number_parameters(body: Value, variable: sympy.Dummy) -> None:
    """`\\int_{-\\pi}^{\\pi} \\cos(mt)\\cos(nt)\\,dt = 0` holds for whole numbers m ≠ n only: SymPy's
    value for generic m, n differs, so such an integral is not evaluated rather than called wrong."""
    for function in body.atoms(*_PERIODIC):
        letters = {str(s).split("_")[0] for s in function.free_symbols - {variable}}
        whole = sorted(letters & _WHOLE_NUMBER_LETTERS)
        if whole and variable in function.free_symbols:
            raise Unchecked("unparsed", f"an integral of a periodic function of `{whole[0]}`, which may stand for a whole number (its value then differs from the generic one)")


def _limit(body: Value, variable: sympy.Dummy, point: Value, direction: str) -> Value:
    """`sympy.limit`; a two-sided limit whose one-sided limits differ is said to be so."""
    try:
        return sympy.limit(body, variable, point, direction)
    except ValueError:
        if direction != "+-":
            raise
    sides = [sympy.limit(body, variable, point, side) for side in ("-", "+")]
    if all(side.is_number and side.is_finite for side in sides):
        raise Unchecked("evaluation", f"the limit does not exist: from below it is {sides[0]}, from above {sides[1]}")
    raise Unchecked("evaluation", "the limit does not exist: the limits from below and from above differ")


def _closed_form(compute: "object", what: str) -> Value:
    try:
        result = compute()  # type: ignore[operator]
    except _SYMPY_ERRORS:
        raise Unchecked("unparsed", f"SymPy could not evaluate {what}") from None
    if not isinstance(result, sympy.Basic) or result.has(sympy.Integral, sympy.Limit, sympy.AccumBounds):
        raise Unchecked("unparsed", f"SymPy finds no closed form for {what}")
    return _finite(result, what)


def _finite(result: Value, what: str) -> Value:
    if result.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
        raise Unchecked("evaluation", f"{what} is not a finite value (it diverges or does not exist)")
    return result


def _convergent(result: Value) -> Value:
    """The value where the integral converges: the first case of a `Piecewise`, and `0^p` as 0
    (`\\int_0^1 x^y\\,dx` is `1/(y+1) - 0^{y+1}/(y+1)`, which converges for y + 1 > 0)."""
    if isinstance(result, sympy.Piecewise):
        result = result.args[0].expr
    if isinstance(result, sympy.Basic):
        result = result.replace(lambda e: e.is_Pow and e.base == 0 and not e.exp.is_number, lambda e: sympy.S.Zero)
    return result


def _check_quadrature(body: Value, variable: sympy.Dummy, lower: Value, upper: Value, result: Value) -> None:
    """SymPy's closed form against numerical quadrature at one point of the parameters."""
    parameters = sorted((body.free_symbols | _free(lower) | _free(upper)) - {variable}, key=str)
    mapping = dict(zip(parameters, _PARAMETER_VALUES * len(parameters)))
    try:
        integrand = sympy.lambdify(variable, body.xreplace(mapping), "mpmath")
        bounds = [mpmath.mpf(complex(sympy.N(_substituted(b, mapping))).real) if b not in (sympy.oo, -sympy.oo) else (mpmath.inf if b == sympy.oo else -mpmath.inf) for b in (lower, upper)]
        with mpmath.workdps(20):
            estimate, error = mpmath.quad(integrand, bounds, error=True)
        numeric = complex(estimate)
        if error > 1e-8 * max(1.0, abs(numeric)):
            return  # quadrature is not sure of itself (a kink, an oscillation): no evidence either way
        closed = complex(sympy.N(sympy.sympify(result).xreplace(mapping), 20))
    except (*_SYMPY_ERRORS, OverflowError, ArithmeticError):
        return
    if not all(math.isfinite(part) for value in (numeric, closed) for part in (value.real, value.imag)):
        return
    if abs(numeric - closed) > 1e-6 * max(1.0, abs(closed)):
        raise Unchecked("evaluation", "SymPy's closed form of the integral disagrees with numerical quadrature")


def _check_near_point(body: Value, variable: sympy.Dummy, point: Value, direction: str, result: Value) -> None:
    """SymPy's limit against the expression evaluated very near a finite point, from each side
    the limit approaches: a disagreement (a SymPy slip, or very slow convergence) is no value."""
    if point in (sympy.oo, -sympy.oo) or not (isinstance(point, sympy.Basic) and point.is_number):
        return
    step = sympy.Rational(1, 10**20)
    for side in {"+": (1,), "-": (-1,)}.get(direction, (1, -1)):
        try:
            near = complex(sympy.N(body.xreplace({variable: point + side * step}), 60))
            value = complex(sympy.N(result, 30))
        except (*_SYMPY_ERRORS, OverflowError, ArithmeticError):
            continue
        if not all(math.isfinite(part) for part in (near.real, near.imag, value.real, value.imag)):
            continue
        if abs(near - value) > 1e-6 * max(1.0, abs(value)):
            raise Unchecked("evaluation", "SymPy's limit disagrees with the expression evaluated next to the point")


def _check_antiderivative(result: Value, body: Value, variable: sympy.Dummy) -> None:
    """SymPy's antiderivative differentiated back, at a few points: a wrong one is not used."""
    parameters = sorted(body.free_symbols - {variable}, key=str)
    mapping: dict[sympy.Symbol, Value] = dict(zip(parameters, _PARAMETER_VALUES * len(parameters)))
    difference = (sympy.diff(result, variable) - body).xreplace(mapping)
    for point in (sympy.Rational(3, 10), sympy.Rational(13, 10), sympy.Rational(27, 10)):
        try:
            value = complex(sympy.N(difference.xreplace({variable: point}), 20))
        except (*_SYMPY_ERRORS, OverflowError, ArithmeticError):
            continue
        if math.isfinite(value.real) and math.isfinite(value.imag) and abs(value) > 1e-8:
            raise Unchecked("evaluation", "SymPy's antiderivative does not differentiate back to the integrand")


def _same_number(a: Value, b: Value) -> bool:
    try:
        difference = complex(sympy.N(a - b, 15))
        scale = max(1.0, abs(complex(sympy.N(a, 15))))
    except (TypeError, ValueError):
        return False
    return abs(difference) <= 1e-8 * scale


def _free(value: Value) -> set[sympy.Symbol]:
    return set(value.free_symbols) if isinstance(value, sympy.Basic) else set()


def _substituted(value: Value, mapping: dict[sympy.Symbol, Value]) -> Value:
    return value.xreplace(mapping) if isinstance(value, sympy.Basic) else value
