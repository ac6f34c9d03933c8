"""Decide one step `lhs = rhs` of a claim from the trees of its members, reading by reading.

Runs in a worker process.  The members are parsed again here (parsing is cheap, and the task
stays plain text, which is what the cache keys on); each plausible reading of the notation is
evaluated under each layout, and the step is `wrong` only when every reading differs.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy.core.function import AppliedUndef

from .grammar import parse, tree as t
from .outcome import LayoutResult, StepResult
from .semantics import Definitions, Evaluator
from .semantics.errors import ShapeMismatch, Unchecked
from .semantics.readings import readings
from .semantics.values import Value
from .verify import _instantiate, _not_an_identity, compare

LAYOUTS = ("numerator", "denominator")
SIZES = (1, 2, 3, 4)
_EVALUATION_ERRORS = (RecursionError, ValueError, TypeError, ZeroDivisionError, AttributeError, NotImplementedError, IndexError, KeyError)


@dataclass(frozen=True, slots=True)
class Reading:
    label: str
    lhs: t.Node
    rhs: t.Node
    products_first: bool = False


def check_step(lhs: str, rhs: str, definitions: tuple[tuple[str, str], ...], proof_seconds: float = 5.0) -> StepResult:
    defs = Definitions.from_pairs(definitions)
    left, right = parse(lhs), parse(rhs)
    context = _Context.of(left, right)
    seed = lhs + "=" + rhs
    first, sensitive = _decide_all(left, right, defs, context, "numerator", seed, proof_seconds)
    if not sensitive:
        return StepResult(tuple((layout, first) for layout in LAYOUTS), layout_sensitive=False)
    second, _ = _decide_all(left, right, defs, context, "denominator", seed, proof_seconds)
    return StepResult((("numerator", first), ("denominator", second)), layout_sensitive=True)


@dataclass(frozen=True, slots=True)
class _Context:
    matrix_context: bool
    applied: frozenset[str]
    states_point: bool

    @classmethod
    def of(cls, left: t.Node, right: t.Node) -> "_Context":
        nodes = t.walk(left) + t.walk(right)
        matrix = any(
            (isinstance(n, t.Symbol) and n.font == "bold") or isinstance(n, (t.Transpose, t.Matrix))
            or (isinstance(n, t.Function) and n.name in ("tr", "det", "trace", "diag"))
            for n in nodes
        )
        applied = frozenset(
            n.head.name for n in nodes if isinstance(n, t.Apply) and isinstance(n.head, t.Symbol) and n.head.sub is None
        )
        point = any(isinstance(n, t.Evaluate) or (isinstance(n, t.Apply) and not isinstance(n.head, t.Function) and any(isinstance(a, t.Number) for a in n.args)) for n in nodes)
        return cls(matrix, applied, point)


def _decide_all(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool]:
    preferred, sensitive = _decide(Reading("", left, right), defs, context, layout, seed, proof)
    if preferred.status == "equal":
        return preferred, sensitive
    alternatives = [Reading(label, node, right) for label, node in readings(left)] + [Reading(label, left, node) for label, node in readings(right)]
    if preferred.status == "unchecked" and preferred.code == "undefined-function":
        alternatives.append(Reading("a letter before a parenthesis as a product", left, right, products_first=True))
    if preferred.status not in ("differs", "shape") and not alternatives:
        return preferred, sensitive
    for reading in alternatives:
        result, used = _decide(reading, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if result.status == "equal":
            return LayoutResult("equal", "verified", f"{result.message}, reading {reading.label}", result.method), sensitive
    if preferred.status == "differs":
        return _value_at_a_point(preferred, context), sensitive
    return preferred, sensitive


def _value_at_a_point(result: LayoutResult, context: _Context) -> LayoutResult:
    """`\\frac{dr}{d\\theta} = -1-2\\sqrt2` with the point in the prose: not an identity to check."""
    if result.code == "evaluation-candidate" and not context.states_point:
        return LayoutResult("unchecked", "evaluation", "a value at a point the math does not state (a derivative that is not constant, equated to a number)")
    if result.code == "evaluation-candidate":
        return LayoutResult(result.status, "wrong-derivative", result.message, result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
    return result


def _decide(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool]:
    """The result of one reading under one layout, over the sizes generic vectors need."""
    sizes: tuple[int, ...] = (3,)
    results: list[tuple[int, LayoutResult]] = []
    used_layout = False
    index = 0
    while index < len(sizes):
        n = sizes[index]
        evaluator = Evaluator(defs, layout, n, all_generic=len(sizes) > 1, matrix_context=context.matrix_context)
        evaluator.applied_names = set(context.applied)
        evaluator.products_first = reading.products_first
        try:
            left, right = _values(evaluator, reading, defs)
        except ShapeMismatch as exc:
            if evaluator.used_generic and sizes == (3,):
                sizes, index = SIZES, 0
                continue
            return LayoutResult("shape", "shape-mismatch", f"shapes do not fit: {exc}"), used_layout or evaluator.used_layout
        except Unchecked as exc:
            return LayoutResult("unchecked", exc.code, exc.message), used_layout or evaluator.used_layout
        except _EVALUATION_ERRORS as exc:
            return LayoutResult("unchecked", "unparsed", f"could not evaluate ({type(exc).__name__})"), used_layout or evaluator.used_layout
        used_layout = used_layout or evaluator.used_layout
        if evaluator.used_generic and sizes == (3,):
            sizes, index = SIZES, 0
            continue
        left, right = _orient_tuples(reading, left, right)
        result = compare(left, right, seed, proof)
        if result.status == "differs":
            result = _not_an_identity(left, right) or _mark_evaluation(result, left, right)
        results.append((n, result))
        index += 1
    for n, result in sorted(results, key=lambda item: (item[0] != 3, item[0])):
        if result.status != "equal":
            if len(sizes) > 1:
                result = LayoutResult(result.status, result.code, f"{result.message} (for vectors of length n = {n})", result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
            return result, used_layout
    final = results[-1][1]
    if len(sizes) > 1:
        final = LayoutResult("equal", "verified", f"verified for n = {sizes[0]}..{sizes[-1]}", "instantiated")
    return final, used_layout


def _values(evaluator: Evaluator, reading: Reading, defs: Definitions) -> tuple[Value, Value]:
    left = evaluator.value(reading.lhs)
    right = evaluator.value(reading.rhs)
    left, right = evaluator.expand_dependents(left, set()), evaluator.expand_dependents(right, set())
    return _apply_equalities(evaluator, defs, left, right)


def _orient_tuples(reading: Reading, left: Value, right: Value) -> tuple[Value, Value]:
    """An inline tuple `(a, b)` has no orientation: it takes the other side's."""
    for node, mine, other in ((reading.lhs, left, right), (reading.rhs, right, left)):
        if isinstance(node, t.Tuple) and isinstance(mine, sympy.MatrixBase) and isinstance(other, sympy.MatrixBase):
            if mine.shape == other.T.shape and 1 in mine.shape:
                mine = sympy.ImmutableMatrix(mine.T)
                left, right = (mine, right) if node is reading.lhs else (left, mine)
    return left, right


def _mark_evaluation(result: LayoutResult, left: Value, right: Value) -> LayoutResult:
    for one, other in ((left, right), (right, left)):
        if isinstance(one, sympy.Basic) and not isinstance(one, sympy.MatrixBase) and one.is_number and isinstance(other, sympy.Basic) and not isinstance(other, sympy.MatrixBase) and other.free_symbols:
            return LayoutResult(result.status, "evaluation-candidate", result.message, result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
    return result


def _apply_equalities(evaluator: Evaluator, defs: Definitions, left: Value, right: Value) -> tuple[Value, Value]:
    """Stated equalities such as `f_i(w_i) + g_i(x_i) = w_i + x_i` pin down a named function."""
    if not defs.equalities:
        return left, right
    solved: dict[object, object] = {}
    for head, body in defs.equalities:
        try:
            difference = evaluator.value(head) - evaluator.value(body)
        except (Unchecked, ShapeMismatch, TypeError):
            continue
        if isinstance(difference, sympy.MatrixBase):
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
