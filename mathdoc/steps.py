"""Decide one step `lhs = rhs` of a claim from the trees of its members, reading by reading.

Runs in a worker process.  The members are parsed again here (parsing is cheap, and the task
stays plain text, which is what the cache keys on); each plausible reading of the notation is
evaluated under each layout, and the step is `wrong` only when every reading differs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    dependent: bool = False
    """Undefined letters in a `d/dx` operand are functions of x."""
    near_only: bool = False
    """Definitions made far from the claim are left out."""
    stated_values: bool = False
    """Values stated earlier (`n = 5`) are substituted."""
    chain: bool = False
    """Undefined differentiated names are abstract functions (the chain rule with named intermediates)."""
    texts: tuple[str, str] | None = None
    """latex2sympy's reading of the members that are plain scalar LaTeX (their texts)."""


def check_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float = 5.0) -> StepResult:
    defs = Definitions.from_pairs(definitions)
    left, right = parse(lhs), parse(rhs)
    context = _Context.of(left, right, Definitions.from_pairs(definitions, near_only=True) if defs.far else None)
    context = replace(context, texts=(lhs, rhs))
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
    near: Definitions | None
    """The definitions without the far ones, when some are far."""
    total_derivative: bool
    left: t.Node
    right: t.Node
    implicit: frozenset[str]
    """Function letters written bare with primes (`(fg)' = f'g + fg'`): functions of x."""
    dependencies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For the chain-rule reading: each differentiated name and the names it depends on."""
    texts: tuple[str, str] | None = None

    @classmethod
    def of(cls, left: t.Node, right: t.Node, near: Definitions | None) -> "_Context":
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
        total = any(isinstance(n, t.Derivative) and n.kind == "d" for n in nodes)
        return cls(matrix, applied, point, near, total, left, right, _implicit_functions(nodes), _dependencies(nodes))


def _dependencies(nodes: list[t.Node]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`\\frac{dy}{du}\\frac{du}{dx}`: y depends on u, u on x (a variable reachable through another
    dependency is left out: y depends on x only through u). Empty when the graph has a cycle."""
    from .grammar.names import key

    direct: dict[str, set[str]] = {}
    for node in nodes:
        if isinstance(node, t.Derivative) and isinstance(node.operand, t.Symbol) and not node.operand.font:
            variables = {key(v) for v in node.variables if isinstance(v, t.Symbol) and not v.font}
            if len(variables) == len(set(node.variables)):
                direct.setdefault(key(node.operand), set()).update(variables)

    def reach(name: str, seen: frozenset[str]) -> set[str] | None:
        found: set[str] = set()
        for dep in direct.get(name, ()):
            if dep in seen:
                return None
            below = reach(dep, seen | {dep})
            if below is None:
                return None
            found |= {dep} | below
        return found

    reduced = []
    for name in sorted(direct):
        if reach(name, frozenset({name})) is None:
            return ()
        deps = direct[name]
        kept = sorted(d for d in deps if not any(d in (reach(e, frozenset({e})) or set()) for e in deps if e != d))
        reduced.append((name, tuple(kept)))
    return tuple(reduced)


def _bare_elsewhere(application: t.Apply, nodes: list[t.Node]) -> bool:
    """`u'(vw)` in a claim that also writes `v'` alone: the parenthesis multiplies."""
    head = application.head
    if not (isinstance(head, t.Prime) and isinstance(head.operand, t.Symbol)):
        return False
    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply)}
    return any(isinstance(n, t.Prime) and id(n) not in heads for n in nodes)


def _implicit_functions(nodes: list[t.Node]) -> frozenset[str]:
    from .grammar.rules.functions import FUNCTION_LETTERS

    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply) and not _bare_elsewhere(n, nodes)}
    found = set()
    for node in nodes:
        if isinstance(node, t.Prime) and id(node) not in heads:
            for sub in t.walk(node.operand):
                if isinstance(sub, t.Symbol) and (sub.name in FUNCTION_LETTERS or (len(sub.name) == 1 and sub.name not in "xt")) and sub.sub is None and not sub.font:
                    found.add(sub.name)
    return frozenset(found)


def _decide_all(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool]:
    """The preferred reading decides unless it differs: then every other plausible reading is tried.

    Another reading that holds makes the step verified (the message names it); one that cannot be
    decided (a far definition left out, an unknown that may be a function) makes it unchecked.
    """
    preferred, sensitive, values = _decide(Reading("", left, right), defs, context, layout, seed, proof)
    if preferred.status == "equal":
        return preferred, sensitive
    alternatives = [Reading(label, node, right) for label, node in readings(left)] + [Reading(label, left, node) for label, node in readings(right)]
    if preferred.status == "unchecked" and preferred.code == "undefined-function":
        alternatives.append(Reading("a letter before a parenthesis as a product", left, right, products_first=True))
        if context.dependencies:
            alternatives.append(Reading("each differentiated name as a function of the names it is differentiated by", left, right, chain=True))
    if preferred.status in ("differs", "shape"):
        if any(_plain_scalar(node) for node in (left, right)):
            alternatives.append(Reading("as latex2sympy reads the plain scalar member", left, right, texts=context.texts))
        if context.near is not None:
            alternatives.append(Reading("without the definitions made far from this claim", left, right, near_only=True))
        alternatives.append(Reading("with undefined letters as functions of the variable", left, right, dependent=True))
        if defs.values:
            alternatives.append(Reading("with the values stated earlier", left, right, stated_values=True))
    undecided: list[tuple[Reading, LayoutResult]] = []
    for reading in alternatives:
        result, used, _ = _decide(reading, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if result.status == "equal":
            return LayoutResult("equal", "verified", f"{result.message}, reading {reading.label}", result.method), sensitive
        if result.status not in ("differs", "shape") and (reading.near_only or reading.dependent):
            undecided.append((reading, result))
    if preferred.status not in ("differs", "shape"):
        if preferred.code == "undefined-function":
            return _differential_equation(context, (0, 0)) or preferred, sensitive
        return preferred, sensitive
    for reading, result in undecided:
        if reading.near_only:
            return LayoutResult("unchecked", "remote-definition", "the sides differ only with a definition made far from this claim (another example or section?), which may not apply here; without it the step cannot be decided"), sensitive
        return LayoutResult("unchecked", "ambiguous", "the sides differ if the undefined letters are constants; if they are functions of the variable (an unknown of a differential equation), the step cannot be decided"), sensitive
    if preferred.status == "differs" and values is not None:
        return _explain(preferred, context, values) or preferred, sensitive
    return preferred, sensitive


def _explain(result: LayoutResult, context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """A step that differs in every reading, but was never meant as an identity: say what it is."""
    for rule in EXPLANATIONS:
        found = rule(context, values)
        if found is not None:
            return found
    return None


def _names_a_value(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`f'(c) = y`, `F_x = yz^2`: a letter that names the other side (a definition or a given value)."""
    for one, other in ((context.left, context.right), (context.right, context.left)):
        if isinstance(one, t.Symbol) and not one.font and one.name:
            mentioned = {n.name for n in t.walk(other) if isinstance(n, t.Symbol)}
            if one.name not in mentioned:
                return LayoutResult("unchecked", "evaluation", f"`{_name(one)}` names the other side here (a definition or a given value); there is nothing to compute")
    return None


def _differential_equation(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{dP}{dt} = kP`, `y' = -x + y^2`: the unknown appears on both sides, an equation to solve."""
    for one, other in ((context.left, context.right), (context.right, context.left)):
        unknowns = {_name(_operand_symbol(n)) for n in t.walk(one) if _operand_symbol(n) is not None}
        mentioned = {_name(n) for n in _outside_derivatives(other) if isinstance(n, t.Symbol)}
        if unknowns & mentioned:
            return LayoutResult("unchecked", "equation", "a differential equation (its unknown appears on both sides), not an identity")
    return None


def _outside_derivatives(node: t.Node) -> list[t.Node]:
    """The sub-nodes not under a derivative: `y` of `y' = ky` is on the right, `f` of `(fg)'` is not."""
    if isinstance(node, (t.Derivative, t.Prime, t.Gradient)):
        return []
    if isinstance(node, t.Apply) and isinstance(node.head, (t.Prime, t.Derivative)):
        return [n for arg in node.args for n in _outside_derivatives(arg)]
    found = [node]
    for child in t.children(node):
        found.extend(_outside_derivatives(child))
    return found


def _operand_symbol(node: t.Node) -> t.Symbol | None:
    operand = node.operand if isinstance(node, (t.Derivative, t.Prime)) else None
    if isinstance(operand, t.Apply):
        operand = operand.head
    return operand if isinstance(operand, t.Symbol) else None


def _one_sided_unknown(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\nabla A = \\lambda \\nabla P`: a letter on one side only is an unknown to solve for."""
    left, right = values
    written = {id(context.left): _written(context.left), id(context.right): _written(context.right)}
    for mine, theirs, other in ((left, right, context.right), (right, left, context.left)):
        present = {s.name for s in _free_of(theirs)} | written[id(other)]
        lonely = sorted(s.name for s in _free_of(mine) if s.name in _letters(context) and s.name not in present)
        if lonely:
            return LayoutResult("unchecked", "equation", f"an equation in `{lonely[0]}`, which appears on one side only (an unknown to solve for), not an identity")
    return None


def _written(node: t.Node) -> set[str]:
    return {n.name for n in t.walk(node) if isinstance(n, t.Symbol)}


def _letters(context: _Context) -> set[str]:
    """Names written in the claim itself (not entries invented for a generic vector)."""
    return {n.name for n in t.walk(context.left) + t.walk(context.right) if isinstance(n, t.Symbol) and n.sub is None and not n.font}


def _value_at_a_point(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{dr}{d\\theta} = -1-2\\sqrt2` with the point in the prose; `\\frac{\\partial C}{\\partial m} = 36.3`
    computed from data."""
    if context.states_point:
        return None
    left, right = values
    for node, one, other in ((context.left, left, right), (context.right, right, left)):
        number = _is_number(one)
        if number and _free_of(other):
            return LayoutResult("unchecked", "evaluation", "a value at a point the math does not state (a derivative that is not constant, equated to a number)")
        if number and _decimal(node):
            return LayoutResult("unchecked", "evaluation", "a decimal value, computed from data the math does not state")
    return None


def _dropped_term(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """An algebra step that drops a term (`a + b = a`): it holds under a condition, often stated in the prose."""
    if any(isinstance(n, (t.Derivative, t.Gradient, t.Prime)) for n in t.walk(context.left) + t.walk(context.right)):
        return None
    for node in (context.left, context.right):
        if isinstance(node, t.Add) and len(node.terms) > 1:
            other = context.right if node is context.left else context.left
            others = {_term_text(term) for term in (other.terms if isinstance(other, t.Add) else (other,))}
            dropped = [term for term in node.terms if _term_text(term) not in others]
            if len(dropped) == 1:
                return LayoutResult("unchecked", "evaluation", "the step drops a term: it holds only if that term is zero, a condition the math does not state")
    return None


def _term_text(node: t.Node) -> str:
    from .grammar.sexpr import sexpr

    return sexpr(node)


def _is_number(value: Value) -> bool:
    return isinstance(value, sympy.Basic) and not isinstance(value, sympy.MatrixBase) and bool(value.is_number)


def _decimal(node: t.Node) -> bool:
    node = node.operand if isinstance(node, t.Neg) else node
    return isinstance(node, t.Number) and "." in node.value


def _free_of(value: Value) -> set[sympy.Symbol]:
    return set(value.free_symbols) if isinstance(value, sympy.Basic) else set()


def _name(node: t.Symbol | None) -> str:
    from .grammar.names import key

    return key(node) if node is not None else ""


def _part_of_the_domain(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{d}{dx}\\sqrt{x^2} = 1`: equal for x > 0, not for x < 0 — a condition the math does not state."""
    left, right = values
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return None
    free = sorted(_free_of(left) | _free_of(right), key=lambda s: s.name)
    if len(free) != 1:
        return None
    variable = free[0]
    agree, disagree = [], []
    for numerator in (-9, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 9):
        point = sympy.Rational(numerator, 4)
        try:
            a, b = sympy.N(left.subs(variable, point), 30), sympy.N(right.subs(variable, point), 30)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
            continue
        (agree if abs(a - b) <= 1e-20 * max(1, abs(a), abs(b)) else disagree).append(point)
    if len(agree) < 2 or not disagree:
        return None
    where = f"{variable} > 0" if all(p > 0 for p in agree) else f"{variable} < 0" if all(p < 0 for p in agree) else "part of the domain"
    worst = min(disagree, key=abs)
    return LayoutResult("unchecked", "domain", f"holds for {where} only; fails at {variable} = {worst}")


EXPLANATIONS = (_names_a_value, _differential_equation, _part_of_the_domain, _value_at_a_point, _one_sided_unknown, _dropped_term)


Values = tuple[Value, Value] | None


def _decide(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool, Values]:
    """The result of one reading under one layout, over the sizes generic vectors need (and the
    values compared, for explaining a difference)."""
    sizes: tuple[int, ...] = (3,)
    results: list[tuple[int, LayoutResult, Values]] = []
    used_layout = False
    index = 0
    while index < len(sizes):
        n = sizes[index]
        evaluator = Evaluator(defs, layout, n, all_generic=len(sizes) > 1, matrix_context=context.matrix_context)
        evaluator.applied_names = set(context.applied)
        evaluator.implicit_functions = set(context.implicit) - set(defs.functions) - set(defs.symbols)
        evaluator.products_first = reading.products_first
        evaluator.dependent = reading.dependent
        evaluator.stated_values = reading.stated_values
        if reading.chain:
            undefined = set(defs.functions) | set(defs.symbols)
            evaluator.dependencies = {name: deps for name, deps in context.dependencies if name not in undefined}
        if reading.near_only and context.near is not None:
            evaluator.defs = context.near
        try:
            left, right = _values(evaluator, reading, evaluator.defs)
        except ShapeMismatch as exc:
            if evaluator.used_generic and sizes == (3,):
                sizes, index = SIZES, 0
                continue
            return LayoutResult("shape", "shape-mismatch", f"shapes do not fit: {exc}"), used_layout or evaluator.used_layout, None
        except Unchecked as exc:
            return LayoutResult("unchecked", exc.code, exc.message), used_layout or evaluator.used_layout, None
        except _EVALUATION_ERRORS as exc:
            return LayoutResult("unchecked", "unparsed", f"could not evaluate ({type(exc).__name__})"), used_layout or evaluator.used_layout, None
        used_layout = used_layout or evaluator.used_layout
        if evaluator.used_generic and sizes == (3,):
            sizes, index = SIZES, 0
            continue
        left, right = _zero_shaped(*_orient_tuples(reading, left, right))
        if _shape(left) != _shape(right) and (_abstract(left) or _abstract(right)):
            return LayoutResult("unchecked", "undefined-function", "uses a function the document does not define, so the shape of its value is unknown"), used_layout, None
        result = compare(left, right, seed, proof)
        if result.status == "differs":
            result = _not_an_identity(left, right) or result
        results.append((n, result, (left, right)))
        index += 1
    for n, result, values in sorted(results, key=lambda item: (item[0] != 3, item[0])):
        if result.status != "equal":
            if len(sizes) > 1:
                result = LayoutResult(result.status, result.code, f"{result.message} (for vectors of length n = {n})", result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
            return result, used_layout, values
    final = results[-1][1]
    if len(sizes) > 1:
        final = LayoutResult("equal", "verified", f"verified for n = {sizes[0]}..{sizes[-1]}", "instantiated")
    return final, used_layout, results[-1][2]


def _plain_scalar(node: t.Node) -> bool:
    kinds = (t.Derivative, t.Gradient, t.Prime, t.Matrix, t.Tuple, t.Unsupported, t.Evaluate, t.Sum, t.Norm)
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
    left = _member_value(evaluator, reading.lhs, texts[0])
    right = _member_value(evaluator, reading.rhs, texts[1])
    left, right = evaluator.expand_dependents(left, set()), evaluator.expand_dependents(right, set())
    return _apply_equalities(evaluator, defs, left, right)


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
        return tuple(value.shape)  # type: ignore[return-value]
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
