"""One reading of a step under one layout: its members evaluated (at the sizes generic vectors
need, with declared shapes, or with free indices at each value) and compared."""

from __future__ import annotations

from dataclasses import replace
import itertools

import sympy
from sympy.core.function import AppliedUndef

from .grammar import tree as t
from .grammar.names import key
from .outcome import LayoutResult
from .semantics import Definitions, Evaluator
from .semantics.env import applied_in_definitions, through_definitions
from .semantics.errors import ShapeMismatch, Unchecked
from .semantics.integrals import up_to_constant
from .semantics.values import Value
from .relations import apply_equalities
from .verify import _not_an_identity, compare
from .step_context import Reading, _Context, clashing_indices, free_indices


SIZES = (1, 2, 3, 4)


_EVALUATION_ERRORS = (RecursionError, ValueError, TypeError, ZeroDivisionError, AttributeError, NotImplementedError, IndexError, KeyError)


Values = tuple[Value, Value] | None


def _not_evaluated(exc: Exception) -> LayoutResult:
    """The result of a reading whose members could not be evaluated: the reason mathdoc gives, or
    the kind of error SymPy raised."""
    if isinstance(exc, Unchecked):
        return LayoutResult("unchecked", exc.code, exc.message)
    return LayoutResult("unchecked", "unparsed", f"could not evaluate ({type(exc).__name__})")


def _decide(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool, Values]:
    """The result of one reading under one layout, over the sizes generic vectors need (and the
    values compared, for explaining a difference); a difference at a length that a sum without
    bounds takes arbitrarily, beside size letters it may run to, is not a wrong step."""
    result, used_layout, values = _decide_sizes(reading, defs, context, layout, seed, proof)
    if result.status != "differs" or reading.sum_length:
        return result, used_layout, values
    untied = _untied_length(reading, defs, context, layout, seed, proof)
    if untied is not None:
        return LayoutResult("unchecked", "ambiguous", untied), used_layout, values
    return result, used_layout, values


def _untied_length(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> str | None:
    """Why a step that differs is not wrong: a sum in it without bounds may run to any of several
    size letters (`\\sum_i` beside n and m) and the step holds when it runs to one of them, or to
    a letter with a value or definition of its own (not tried); None when it differs at each."""
    reading_defs = _reading_defs(reading, defs, context)
    nodes = _sum_nodes(reading, reading_defs)
    _, letters = _unbounded_lengths(nodes, reading_defs, _written_bounds(nodes))
    if not letters:
        return None
    indices = sorted({n.index.name for n in nodes if isinstance(n, t.Sum) and n.upper is None and n.index is not None})
    over = f" over {', '.join(indices)}" if indices else ""
    shown = " or ".join(", ".join(f"`{name}`" for name in letters).rsplit(", ", 1))
    start = f"a sum{over} has no written bounds and may run to {shown}, which the step or its definitions write"
    for letter in letters:
        if letter in reading_defs.symbols or letter in reading_defs.values or letter in reading_defs.functions:
            return f"{start}; `{letter}` has a value of its own, and at a length mathdoc chose the sides differ, which does not show the step wrong"
        if _decide_sizes(replace(reading, sum_length=letter), defs, context, layout, seed, proof)[0].status == "equal":
            return f"{start}; the step holds when the sum runs to `{letter}`, not at every reading of its length"
    return None


def _decide_sizes(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool, Values]:
    """`_decide` over the sizes: with declared shapes, with free indices, else at generic lengths."""
    dimensions = _declared_dimensions(reading, defs)
    if dimensions:
        return _decide_shaped(reading, defs, context, layout, seed, proof, dimensions)
    free = free_indices(reading.lhs, reading.rhs)
    if free:
        return _decide_indexed(reading, defs, context, layout, seed, proof, free)
    sizes: tuple[int, ...] = (3,)
    results: list[tuple[int, LayoutResult, Values]] = []
    used_layout = False
    fitted = False  # the shapes fit at the generic length 3, with the document's definitions
    swept = False  # the sizes of the generic length are set (after the first try, at 3)
    mismatch: tuple[str, set[str]] | None = None  # the first length swept at which the shapes did not fit
    keep_literals = False
    unshaped: list[tuple[int, LayoutResult, Values]] = []
    index = 0
    while index < len(sizes):
        n = sizes[index]
        # swept after the shapes fit, vectors written entry by entry are generic too; swept because
        # they did not fit (`\operatorname{tr}(AX)` with A a 2 × 2 literal), the literals are kept
        evaluator = _evaluator(reading, defs, context, layout, n, len(sizes) > 1 and not keep_literals)
        try:
            left, right = _values(evaluator, reading, evaluator.defs)
        except ShapeMismatch as exc:
            if evaluator.used_generic and not swept:
                sizes, index, swept, keep_literals = _generic_sizes(reading, evaluator.defs), 0, True, True
                continue
            if fitted or results or (swept and index + 1 < len(sizes)):
                # a length that a definition of fixed size does not take (`f(x, y, z)` beside a generic
                # `\mathbf u`, `\operatorname{tr}(AX)` with A 2 × 2): the next length may fit
                mismatch = mismatch or (str(exc), evaluator.abstract_of_arrays)
                index += 1
                continue
            if evaluator.abstract_of_arrays and "scalar" in str(exc):
                return _unknown_shape(evaluator.abstract_of_arrays, str(exc)), used_layout or evaluator.used_layout, None
            if mismatch and not results:
                return LayoutResult("shape", "shape-mismatch", f"shapes do not fit at any length: {mismatch[0]}"), used_layout or evaluator.used_layout, None
            return LayoutResult("shape", "shape-mismatch", f"shapes do not fit: {exc}"), used_layout or evaluator.used_layout, None
        except (Unchecked, *_EVALUATION_ERRORS) as exc:
            return _not_evaluated(exc), used_layout or evaluator.used_layout, None
        used_layout = used_layout or evaluator.used_layout
        if evaluator.used_generic and not swept:
            sizes, index, fitted, swept = _generic_sizes(reading, evaluator.defs), 0, True, True
            continue
        left, right = _zero_shaped(*_orient_tuples(reading, left, right))
        if _shape(left) != _shape(right) and (_abstract(left) or _abstract(right)):
            return LayoutResult("unchecked", "undefined-function", "uses a function the document does not define, so the shape of its value is unknown"), used_layout, None
        result = compare(left, right, seed, proof, rule=context.combination)
        if result.status == "differs" and not reading.solved:
            result = _not_an_identity(left, right, _written_zeros(reading)) or result
        (unshaped if keep_literals and _shape(left) != _shape(right) else results).append((n, result, (left, right)))
        index += 1
    # swept to fit literals: a length at which the sides differ in shape (a generic X of 1 × 1 beside
    # a 2 × 2 literal) is a length the step is not about, when at another the shapes agree
    return _summary(results or unshaped, sizes, used_layout)


def _unknown_shape(functions: "set[str]", mismatch: str) -> LayoutResult:
    shown = ", ".join(f"`{name}`" for name in sorted(functions))
    return LayoutResult("unchecked", "undefined-function", f"{shown}, which the document does not define, is applied to a vector: read as a number, the shapes do not fit ({mismatch}), but its value may be a vector")


INDEXED_SIZES = (2, 3)
"""Lengths at which a step with free indices is instantiated (each free index at each value)."""


def _decide_indexed(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float, free: tuple[str, ...]) -> tuple[LayoutResult, bool, Values]:
    """`\\frac{\\partial}{\\partial w_j}\\sum_{i=1}^n w_i^2 = 2w_j`: the step at n = 2 and 3, with every
    free index at each of its values 1..n; verified when it holds at every one."""
    clash = clashing_indices(reading.lhs, reading.rhs, free)
    if clash:
        index = clash[0]
        other = next(letter for letter in "jkil" if letter != index)
        return LayoutResult("unchecked", "malformed-notation", f"the index `{index}` is bound by a sum and also free outside it (another letter, such as `{other}`, outside the sum?)"), False, None
    if len(free) > 2:
        return LayoutResult("unchecked", "unparsed", f"more than two free indices ({', '.join(free)}) are not instantiated"), False, None
    if reading.ambient is not None or reading.chain:
        # the arbitrary functions of these readings are functions of `x_i` as written; instantiated,
        # `\\partial_{x_1}` of them would be 0 and every such step would hold
        return LayoutResult("unchecked", "undefined-function", f"free indices ({', '.join(free)}) on functions the document does not define are not instantiated"), False, None
    used_layout = False
    last: Values = None
    method = None
    for n in INDEXED_SIZES:
        for assignment in itertools.product(range(1, n + 1), repeat=len(free)):
            evaluator = _evaluator(reading, defs, context, layout, n, True)
            evaluator.indices.update(zip(free, assignment))
            evaluator.free_indices = frozenset(free)
            try:
                left, right = _values(evaluator, reading, evaluator.defs)
            except ShapeMismatch as exc:
                at = ", ".join(f"{index} = {value}" for index, value in zip(free, assignment))
                return LayoutResult("unchecked", "unparsed", f"with the free index instantiated ({at}), the shapes do not fit ({exc}): an index notation mathdoc may misread"), used_layout or evaluator.used_layout, None
            except (Unchecked, *_EVALUATION_ERRORS) as exc:
                return _not_evaluated(exc), used_layout or evaluator.used_layout, None
            used_layout = used_layout or evaluator.used_layout
            left, right = _zero_shaped(*_orient_tuples(reading, left, right))
            result = compare(left, right, seed, proof, rule=context.combination)
            if result.status == "differs" and not reading.solved:
                result = _not_an_identity(left, right, _written_zeros(reading)) or result
            if result.status != "equal":
                at = ", ".join(f"{index} = {value}" for index, value in zip(free, assignment))
                return replace(result, message=f"{result.message} (at {at}, for n = {n})"), used_layout, (left, right)
            last, method = (left, right), result.method
    return LayoutResult("equal", "verified", f"verified with the free {'index' if len(free) == 1 else 'indices'} {', '.join(free)} at each value, for n = 2 and 3", method), used_layout, last


def _declared_dimensions(reading: Reading, defs: Definitions) -> tuple[str, ...]:
    """The dimension names of the declared shapes of the names a step writes (`K`, `m`), or that
    the definitions it uses write (`Z_2 = A_1 W_2` with `W_2 \\in \\mathbb R^{h \\times 1}`)."""
    if not defs.shapes:
        return ()
    written = {key(n) for n in _reached(reading, defs) if isinstance(n, t.Symbol)}
    names = {d for name in written & set(defs.shapes) for d in defs.shapes[name] if not d.isdigit()}
    return tuple(sorted(names))


ASSIGNMENTS = ((2, 3, 4, 5, 6, 7), (3, 2, 5, 4, 7, 6))
"""Sizes tried for the declared dimensions, in their order: distinct within each (m ≠ n), so a
product that fits only when two dimensions are equal does not fit."""


def _decide_shaped(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float, dimensions: tuple[str, ...]) -> tuple[LayoutResult, bool, Values]:
    """A step with declared shapes, decided at each assignment of sizes to their dimensions: a
    shape mismatch when it fits under none; else the verdict over those where it fits."""
    if len(dimensions) > len(ASSIGNMENTS[0]):
        return LayoutResult("unchecked", "unparsed", "more declared dimensions than mathdoc tries"), False, None
    used_layout = False
    mismatch = ""
    decided: list[tuple[dict[str, int], LayoutResult, Values]] = []
    for sizes in ASSIGNMENTS:
        assignment = dict(zip(dimensions, sizes))
        best: tuple[LayoutResult, Values] | None = None
        fitted_as_columns: set[int] = set()
        unknown_shapes: set[str] = set()
        # a vector or matrix the document does not declare has the generic length: 3, or the size
        # of a declared dimension (`\\mathbf a^\\top W` with W m × n takes a of length m); each
        # length that fits is a reading, and the step differs only if it differs at every one (the
        # terms of `\\sum_k e^{z_k}` are as many as z has entries, `\\mathbf z \\in \\mathbb R^K`)
        for generic, rows in itertools.product(dict.fromkeys((3, *sizes[: len(dimensions)])), (False, True)):  # a vector in R^n as a column, else as a row
            if rows and generic in fitted_as_columns:
                continue  # rows only where columns do not fit (`\\mathbf x W`): else `2\\mathbf x^\\top` would pass for a column
            evaluator = _evaluator(reading, defs, context, layout, generic, False)
            evaluator.dimensions, evaluator.row_vectors = assignment, rows
            try:
                left, right = _values(evaluator, reading, evaluator.defs)
            except ShapeMismatch as exc:
                mismatch = mismatch or str(exc)
                used_layout = used_layout or evaluator.used_layout
                if "scalar" in str(exc):
                    unknown_shapes |= evaluator.abstract_of_arrays  # read as a number, the function's value is what does not fit
                continue
            except (Unchecked, *_EVALUATION_ERRORS) as exc:
                return _not_evaluated(exc), used_layout or evaluator.used_layout, None
            used_layout = used_layout or evaluator.used_layout
            if not rows:
                fitted_as_columns.add(generic)
            left, right = _zero_shaped(*_orient_tuples(reading, left, right))
            result = compare(left, right, seed, proof, rule=context.combination)
            if result.status == "differs" and not reading.solved:
                result = _not_an_identity(left, right, _written_zeros(reading)) or result
            if best is None or result.status == "equal":
                best = (result, (left, right))
            if result.status == "equal":
                break
        if best is None:
            continue
        decided.append((assignment, best[0], best[1]))
    declared = ", ".join(f"`{name.replace('bold:', '')}` is {' × '.join(d for d in defs.shapes[name] if d != '1') if defs.shapes[name][1] != '1' else 'of length ' + defs.shapes[name][0]}"
                         for name in sorted(set(defs.shapes) & {key(n) for n in _reached(reading, defs) if isinstance(n, t.Symbol)}))
    if not decided and unknown_shapes:
        return _unknown_shape(unknown_shapes, mismatch), used_layout, None
    if not decided:
        undeclared = sorted({key(n).replace("bold:", "") for n in _reached(reading, defs)
                             if isinstance(n, t.Symbol) and n.font == "bold" and key(n) not in defs.shapes and key(n) not in defs.symbols})
        if undeclared:
            shown = ", ".join(f"`{name}`" for name in undeclared)
            return LayoutResult("unchecked", "unparsed", f"the shapes fit for no sizes of {', '.join(dimensions)} ({declared}) with {shown} of one common length, and the document does not declare {'its' if len(undeclared) == 1 else 'their'} length: {mismatch}"), used_layout, None
        return LayoutResult("shape", "shape-mismatch", f"shapes do not fit for any sizes of {', '.join(dimensions)} ({declared}): {mismatch}"), used_layout, None
    for assignment, result, values in decided:
        if result.status != "equal":
            at = ", ".join(f"{k} = {v}" for k, v in assignment.items())
            return replace(result, message=f"{result.message} (with the declared shapes: {declared}; at {at})"), used_layout, values
    return LayoutResult("equal", "verified", f"verified for the declared shapes ({declared}), at two sets of sizes", decided[-1][1].method), used_layout, decided[-1][2]


def _reached(reading: Reading, defs: Definitions) -> list[t.Node]:
    """The nodes of a step and of the definitions it uses (see `env.through_definitions`)."""
    return t.walk(reading.lhs) + t.walk(reading.rhs) + through_definitions([reading.lhs, reading.rhs], defs)


def _evaluator(reading: Reading, defs: Definitions, context: _Context, layout: str, n: int, all_generic: bool) -> Evaluator:
    """An evaluator set up for one reading (its flags) at one length of generic vectors."""
    defs = _reading_defs(reading, defs, context)
    evaluator = Evaluator(defs, layout, n, all_generic=all_generic, matrix_context=context.matrix_context)
    evaluator.applied_names = set(context.applied)
    evaluator.applied_arguments = applied_in_definitions(defs)
    evaluator.implicit_functions = set(context.implicit) - set(defs.functions) - set(defs.symbols)
    evaluator.products_first = reading.products_first
    evaluator.dependent = reading.dependent
    written = [key(n) for n in t.walk(context.left) + t.walk(context.right) if isinstance(n, t.Symbol)]
    evaluator.written_names = set(written)
    evaluator.written_twice = {name for name in written if written.count(name) > 1}
    evaluator.stated_values = reading.stated_values
    evaluator.ambient = reading.ambient
    evaluator.series_terms = reading.series
    evaluator.frobenius = reading.frobenius
    evaluator.jacobian_determinant = reading.jacobian_determinant
    evaluator.sum_bounds = _sum_bounds(reading, defs)
    evaluator.prime_on_curve = reading.prime_on_curve
    if reading.prime_on_curve:
        evaluator.implicit_functions = set()  # y is the curve's, not an arbitrary function of x
    evaluator.gradient_variables = reading.gradient_variables
    evaluator.local = reading.local
    evaluator.bare_applied = dict(context.bare_applied)
    evaluator.primed_functions = {key(n.head.operand) for n in t.walk(context.left) + t.walk(context.right)
                                  if isinstance(n, t.Apply) and isinstance(n.head, t.Prime) and isinstance(n.head.operand, t.Symbol)}
    if reading.chain:
        defined = set(defs.functions) | set(defs.symbols)
        evaluator.dependencies = {name: deps for name, deps in context.dependencies if name not in defined}
    return evaluator


def _reading_defs(reading: Reading, defs: Definitions, context: _Context) -> Definitions:
    """The definitions one reading is evaluated with."""
    if reading.lower and context.supplemented is not None:
        defs = context.supplemented
    if reading.near_only and context.near is not None:
        defs = context.near  # the whole reading without the far definitions (implicit functions included)
    if reading.unbound:
        defs = defs.without(reading.unbound)
    return defs


def _generic_sizes(reading: Reading, defs: Definitions) -> tuple[int, ...]:
    """The sizes a generic length takes: those at least the largest entry the step writes (a
    sum over k beside `z_2` has at least two terms); exactly the largest entry of a vector that
    a definition the step uses writes in components (`f(\\mathbf x) = x_1^2 + x_2`: x has two)."""
    def entries(nodes: "list[t.Node]") -> "list[int]":
        return [int(n.sub.value) for n in nodes if isinstance(n, t.Symbol) and isinstance(n.sub, t.Number) and n.sub.value.isdigit() and not n.font]

    step = t.walk(reading.lhs) + t.walk(reading.rhs)
    least = max(entries(step), default=1)
    reached = through_definitions([reading.lhs, reading.rhs], defs, functions=True)
    written = {key(n) for n in step + reached if isinstance(n, t.Symbol)}
    parameters = [n for name, (params, _) in defs.functions.items() if name in written for p in params for n in t.walk(p)]
    bold = {n.name for n in step + reached + parameters if isinstance(n, t.Symbol) and n.font == "bold" and n.sub is None}
    components = [int(n.sub.value) for n in reached
                  if isinstance(n, t.Symbol) and n.name in bold and isinstance(n.sub, t.Number) and n.sub.value.isdigit() and not n.font]
    if components and max(components) >= max(least, 2):
        return (max(components),)
    return tuple(n for n in SIZES if n >= least) or SIZES


def _summary(results: list[tuple[int, LayoutResult, Values]], sizes: tuple[int, ...], used_layout: bool) -> tuple[LayoutResult, bool, Values]:
    """A failure at n = 3 when there is one (its expected value reads as diag(x), where n = 1
    would show a lone x_1); else the verdict over every size (those where the shapes fit)."""
    if not results:
        return LayoutResult("unchecked", "unparsed", "the shapes fit only at sizes a definition fixes, with vectors the document leaves generic"), used_layout, None
    sizes = tuple(n for n, _, _ in results)
    for n, result, values in sorted(results, key=lambda item: (item[0] != 3, item[0])):
        if result.status != "equal":
            if len(sizes) > 1:
                result = LayoutResult(result.status, result.code, f"{result.message} (for vectors of length n = {n})", result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
            return result, used_layout, values
    final = results[-1][1]
    if len(sizes) > 1:
        contiguous = list(sizes) == list(range(sizes[0], sizes[-1] + 1))
        shown = f"{sizes[0]}..{sizes[-1]}" if contiguous else ", ".join(map(str, sizes))
        final = LayoutResult("equal", "verified", f"verified for n = {shown}", "instantiated")
    return final, used_layout, results[-1][2]


def _stated_values_matter(left: t.Node, right: t.Node, defs: Definitions) -> bool:
    """The reading "with the values stated earlier" only for a parameter of a function the claim
    applies (the n of `f(x) = x^n` in `f'(x) = 5x^4`), never for a name the claim writes."""
    written = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    applied = written & set(defs.functions)
    used = {key(n) for name in applied for n in t.walk(defs.functions[name][1]) if isinstance(n, t.Symbol)}
    return bool((used - written) & set(defs.values))


def _plain_scalar(node: t.Node) -> bool:
    kinds = (t.Derivative, t.Gradient, t.Prime, t.Matrix, t.Tuple, t.Unsupported, t.Evaluate, t.Sum, t.Norm, t.Integral, t.Limit)
    return not any(isinstance(n, kinds) or (isinstance(n, t.Symbol) and n.font == "bold") for n in t.walk(node))


def _member_value(evaluator: Evaluator, node: t.Node, text: str | None) -> Value:
    if text is not None and _plain_scalar(node):
        from .parse import ParseError, parse_scalar

        try:
            return parse_scalar(text)
        except ParseError as exc:
            raise Unchecked("unparsed", str(exc)) from None
    return evaluator.value(node)


def _values(evaluator: Evaluator, reading: Reading, defs: Definitions) -> tuple[Value, Value]:
    texts = reading.texts or (None, None)
    evaluator.own_sums = {id(n) for n in t.walk(reading.lhs) + t.walk(reading.rhs) if isinstance(n, t.Sum)}
    left = _member_value(evaluator, reading.lhs, texts[0])
    right = _member_value(evaluator, reading.rhs, texts[1])
    left, right = evaluator.expand_dependents(left, set()), evaluator.expand_dependents(right, set())
    if evaluator.dependencies:  # the chain-rule reading: a bare `h` beside dh/dt is h(t) too
        left, right = evaluator.through_dependencies(left), evaluator.through_dependencies(right)
    left, right = up_to_constant(evaluator, reading.lhs, reading.rhs, left, right)
    left, right = apply_equalities(evaluator, defs, left, right)
    if reading.at_point:
        given = dict(reading.point_values)
        point = {name: evaluator.value(given[name] if name in given else defs.values[name]) for name in reading.at_point}
        left, right = at_values(left, point), at_values(right, point)
    if defs.condition is not None:
        left, right = _where(evaluator, defs.condition, left, right)
    return left, right


def _where(evaluator: Evaluator, condition: t.Condition, left: Value, right: Value) -> tuple[Value, Value]:
    """Both sides only where the condition the text states holds (`= 2r` "for $|r| < c$"): NaN
    elsewhere, so that no point outside it is used.  A condition on a matrix, or one that cannot
    be evaluated, is not applied."""
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return left, right
    try:
        holds = evaluator.condition(condition)
    except (Unchecked, *_EVALUATION_ERRORS):
        return left, right
    if holds is sympy.true or holds is sympy.false or not isinstance(holds, sympy.Basic):
        return left, right
    return sympy.Piecewise((left, holds), (sympy.nan, True)), sympy.Piecewise((right, holds), (sympy.nan, True))


def _written_zeros(reading: Reading) -> tuple[bool, bool]:
    """Which members may stand for a zero that makes the step an equation to solve (`f'(x) = 0`):
    every member but a derivative of other entries of the variable's own vector
    (`\\frac{\\partial}{\\partial w_1}(w_2^2 + w_3^2)`), which is 0 whatever the document means: beside a
    side written otherwise, that step is wrong."""
    def independent(node: t.Node) -> bool:
        if not (isinstance(node, t.Derivative) and len(node.variables) == 1 and isinstance(node.variables[0], t.Symbol)):
            return False
        variable = node.variables[0]
        if not isinstance(variable.sub, t.Number):
            return False
        letters = [n for n in t.walk(node.operand) if isinstance(n, t.Symbol) and n is not variable]
        entries = [n for n in letters if n.sub is None or isinstance(n.sub, t.Number)]  # the subscripts are parts of names
        subscripts = {id(n.sub) for n in letters if n.sub is not None}
        named = [n for n in entries if id(n) not in subscripts]
        return bool(named) and all(n.name == variable.name and n.font == variable.font and isinstance(n.sub, t.Number) and n.sub.value != variable.sub.value for n in named)
    return not independent(reading.lhs), not independent(reading.rhs)


def _sum_bounds(reading: Reading, defs: Definitions) -> frozenset[str]:
    """The size letters that stand for the generic length: the upper bounds written on sums (the
    n of `\\sum_{i=1}^n`), and the one size letter a sum without bounds is tied to (see
    `_unbounded_lengths`)."""
    nodes = _sum_nodes(reading, defs)
    written = _written_bounds(nodes)
    tied, _ = _unbounded_lengths(nodes, defs, written)
    return written | tied | ({reading.sum_length} if reading.sum_length else set())


def _sum_nodes(reading: Reading, defs: Definitions) -> list[t.Node]:
    return t.walk(reading.lhs) + t.walk(reading.rhs) + through_definitions([reading.lhs, reading.rhs], defs, functions=True)


def _written_bounds(nodes: "list[t.Node]") -> frozenset[str]:
    from .semantics.arrays import GENERIC_BOUNDS

    return frozenset(n.upper.name for n in nodes if isinstance(n, t.Sum) and isinstance(n.upper, t.Symbol) and n.upper.sub is None
                     and not n.upper.font and n.upper.name in GENERIC_BOUNDS)


def _unbounded_lengths(nodes: "list[t.Node]", defs: Definitions, written: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A sum without bounds (`\\sum_i x_i`) runs over the generic length; a size letter the step or
    its definitions also write (the n of `\\mu = \\frac{1}{n}\\sum_i x_i`) is read as that length, as
    with `\\sum_{i=1}^n`, else `\\mu` is no mean at the sizes tried. The letter tied (when there is one
    plausible letter and no bound is written), and the size letters left untied (when the length
    may be any of them, or one of them has a value or a definition of its own)."""
    from .semantics.arrays import GENERIC_BOUNDS

    if not any(isinstance(n, t.Sum) and n.upper is None for n in nodes):
        return frozenset(), ()
    symbols = [n for n in nodes if isinstance(n, t.Symbol)]
    taken = {n.index.name for n in nodes if isinstance(n, t.Sum) and n.index is not None}
    taken |= {n.sub.name for n in symbols if isinstance(n.sub, t.Symbol)}  # the k of `x_k` is an index
    taken |= {key(s) for params, _ in defs.functions.values() for p in params for s in t.walk(p) if isinstance(s, t.Symbol)}
    taken |= {d for shape in defs.shapes.values() for d in shape}  # declared dimensions are sized with the declared shapes
    taken |= {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}  # `\\frac{d\\mu}{dn}`
    letters = sorted({n.name for n in symbols if n.sub is None and not n.font and not n.accent and not n.primes
                      and n.name in GENERIC_BOUNDS} - taken - written)
    own = [name for name in letters if name in defs.symbols or name in defs.values or name in defs.functions]
    if len(letters) == 1 and not written and not own:
        return frozenset(letters), ()
    return frozenset(), tuple(letters)


def at_values(value: Value, point: "dict[str, Value]") -> Value:
    """`value` with each named letter (or the function of that name, `r(t)` of the chain-rule
    reading) at its stated value; derivatives (`\\frac{dr}{dt}`) are kept as they are."""
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value.applyfunc(lambda entry: at_values(entry, point)))
    if not isinstance(value, sympy.Basic):
        return value
    held = {d: sympy.Dummy("rate") for d in value.atoms(sympy.Derivative)}
    mapping: dict = {s: point[s.name] for s in value.free_symbols if isinstance(s, sympy.Symbol) and s.name in point}
    mapping.update({f: point[f.func.__name__] for f in value.atoms(sympy.core.function.AppliedUndef) if f.func.__name__ in point})
    return value.xreplace(held).xreplace(mapping).xreplace({d: h for h, d in held.items()})


def stated_point(left: t.Node, right: t.Node, defs: Definitions) -> tuple[str, ...]:
    """The names with a value stated before the claim (`t = 1`) that the claim writes only as a
    variable of its derivatives (`dt`) or as a letter under a rate (`r` of `\\frac{dr}{dt}`), or not
    at all: the claim may be the value at that point."""
    if not defs.points:
        return ()
    elsewhere: set[str] = set()

    def visit(node: t.Node) -> None:
        if isinstance(node, t.Derivative):
            return  # its variables and operand say where it is taken, not what the other side is
        if isinstance(node, t.Symbol):
            elsewhere.add(key(node))
        for child in t.children(node):
            visit(child)

    visit(left)
    visit(right)
    return tuple(sorted(name for name in defs.points if name in defs.values and name not in elsewhere))


def _orient_tuples(reading: Reading, left: Value, right: Value) -> tuple[Value, Value]:
    """An inline tuple `(a, b)` or `\\langle a, b\\rangle` has no orientation: it takes the other
    side's (`[a, b]` is a row, as in `\\nabla f = [6yx, 3x^2]`)."""
    for node, mine, other in ((reading.lhs, left, right), (reading.rhs, right, left)):
        if isinstance(node, t.Tuple) and node.bracket in ("(", "<") and isinstance(mine, sympy.MatrixBase) and isinstance(other, sympy.MatrixBase):
            if mine.shape == other.T.shape and 1 in mine.shape:
                mine = sympy.ImmutableMatrix(mine.T)
                left, right = (mine, right) if node is reading.lhs else (left, mine)
    return left, right


def _shape(value: Value) -> tuple[int, int]:
    if isinstance(value, sympy.MatrixBase) and value.shape != (1, 1):
        rows, cols = value.shape
        return (int(rows), int(cols))
    return (1, 1)


def _abstract(value: Value) -> bool:
    entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    return any(isinstance(e, sympy.Basic) and (e.atoms(AppliedUndef) or e.atoms(sympy.Subs)) for e in entries)


def _zero_shaped(left: Value, right: Value) -> tuple[Value, Value]:
    """`0` (or `\\mathbf 0`) is the zero of whatever shape the other side has."""
    if isinstance(left, sympy.MatrixBase) and not isinstance(right, sympy.MatrixBase) and right == 0:
        return left, sympy.ImmutableMatrix(sympy.zeros(*left.shape))
    if isinstance(right, sympy.MatrixBase) and not isinstance(left, sympy.MatrixBase) and left == 0:
        return sympy.ImmutableMatrix(sympy.zeros(*right.shape)), right
    return left, right
