"""Decide one step `lhs = rhs` of a claim from the trees of its members, reading by reading.

Runs in a worker process.  The members are parsed again here (parsing is cheap, and the task
stays plain text, which is what the cache keys on); each plausible reading of the notation is
evaluated under each layout, and the step is `wrong` only when every reading differs.
"""

from __future__ import annotations

from dataclasses import replace
import re

from .grammar import parse, tree as t
from .outcome import LayoutResult, StepResult
from .plain_vectors import combine, split_marker, transposes_a_letter, vector_letters, vector_task
from .semantics import Definitions
from .grammar.sexpr import sexpr
from .semantics.calculus import tuple_jacobian
from .semantics.points import COORDINATES
from .semantics.env import CONDITION, applications, read_condition, through_definitions
from .grammar.differentials import as_partials, differential_of
from .grammar.names import key
from .grammar.tokens import function_names, spelled_names, spelling
from .semantics.readings import readings
from .explanations import _symmetric_matrix, differential_equation, explain, rate_at_a_stated_value, unknown_beside_its_derivative
from .relations import off_the_curve, on_a_curve
from .step_context import Reading, _Context, _differentiated_names, _writes_rates, _letters_kept
from .evaluation import Values, _decide, _plain_scalar, _stated_values_matter, stated_point
from .rule_readings import _decide_chain, _decide_lower, _decide_rule, _later_solution, _shapes_differ, _sigmoid, _special_readings, _unread_subscripts


__all__ = ["LAYOUTS", "Reading", "_Context", "check_step"]


LAYOUTS = ("numerator", "denominator")
_SPELLED_HEAD = re.compile(r"[A-Za-z]+[0-9]+")


def check_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float = 5.0) -> StepResult:
    result = _check_any_step(lhs, rhs, definitions, proof_seconds)
    condition = next((entry[1] for entry in definitions if len(entry) > 2 and entry[2] == CONDITION), None)
    if condition is None or read_condition(condition) is None:
        return result
    return replace(result, by_layout=tuple((layout, _under_condition(r, condition)) for layout, r in result.by_layout))


def _under_condition(result: LayoutResult, condition: str) -> LayoutResult:
    """The message says the step was compared only where the condition the text states holds."""
    if result.status == "equal":
        return replace(result, message=f"{result.message}, where `{condition}`, as the text states")
    if result.status == "differs" and result.point is not None:
        return replace(result, message=f"{result.message} where `{condition}`, the condition the text states")
    if result.status == "unchecked" and result.message.startswith("the sides could not be evaluated at any point"):
        return replace(result, message=f"the sides could not be evaluated at any point where `{condition}`, the condition the text states")
    return result


def _check_any_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float) -> StepResult:
    declared, definitions = split_marker(definitions)
    try:
        # names of several letters the step or its definitions differentiate by (`\\partial z2`) are one name throughout
        texts = [lhs, rhs] + [text for entry in definitions for text in entry[:2]]
        # and the names the definitions define in such a spelling (`z2 = wa + b`, differentiated in another claim)
        heads = {entry[0].strip() for entry in definitions if _SPELLED_HEAD.fullmatch(entry[0].strip())}
        names = tuple(sorted(set(spelled_names(texts)) | heads, key=lambda r: (-len(r), r)))
        with spelling(names, function_names(f"{entry[0]} = {entry[1]}" for entry in definitions)):
            scalar = _check_step(lhs, rhs, definitions, proof_seconds)
            letters = vector_letters(lhs, rhs, definitions, declared)
            if not letters:
                return scalar
            # `k = Wx`: W a matrix and x, k vectors is a reading too (see `plain_vectors`)
            vector = _check_step(*vector_task(lhs, rhs, definitions, letters), proof_seconds)
            return combine(scalar, vector, letters, scalars_plausible=not transposes_a_letter(lhs, rhs, definitions, letters))
    except RecursionError:
        # Definitions that refer to each other through SymPy's own recursion, or a huge expression.
        result = LayoutResult("unchecked", "unparsed", "the expression, with the definitions it uses, is nested too deeply to evaluate")
        return StepResult(tuple((layout, result) for layout in LAYOUTS), layout_sensitive=False)


def _check_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float) -> StepResult:
    defs = Definitions.from_pairs(definitions)
    left, right = parse(lhs), parse(rhs)
    total = as_partials(left, right)
    if total is not None:
        return _total_differential(total, differential_of(left.operand if isinstance(left, t.Evaluate) else left), lhs, rhs, definitions, defs, proof_seconds)
    return _check_trees(left, right, lhs, rhs, definitions, defs, proof_seconds)


def _total_differential(total: "list[tuple[str, t.Node, t.Node]]", name: "t.Symbol | None", lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", defs: Definitions, proof_seconds: float) -> StepResult:
    """`dz = 2xy^3\\,dx + 3x^2y^2\\,dy`: the coefficient of each differential against the partial
    of z by its variable, each as a step of its own (see `grammar.differentials`): wrong when one
    differs, verified when all hold and the definition of z uses no other letter.  Between two
    sums of differentials the coefficients are compared: equal verifies, but anything else says
    only that the step is an equation (separated variables), never that it is wrong."""
    words = ", ".join(differential for differential, _, _ in total)
    undecided: LayoutResult | None = None
    method = None
    for differential, left, right in total:
        outcome = _check_trees(left, right, lhs, rhs, definitions, defs, proof_seconds).by_layout[0][1]
        if outcome.status != "equal" and name is None:
            # `\\frac{1}{1-v^2}\\,dv = dx`: separated variables of a differential equation
            outcome = LayoutResult("unchecked", "equation", f"an equation between differential forms (the coefficients of {differential} are not the same: separated variables of a differential equation?), not an identity")
            return StepResult(tuple((layout, outcome) for layout in LAYOUTS), layout_sensitive=False)
        if outcome.status == "differs":
            outcome = replace(outcome, message=f"as a total differential, the coefficient of {differential} is not the partial derivative: {outcome.message}", expected=None)
            return StepResult(tuple((layout, outcome) for layout in LAYOUTS), layout_sensitive=False)
        if outcome.status == "shape":
            outcome = LayoutResult("unchecked", "unparsed", f"as a total differential, the coefficient of {differential} has another shape than the partial derivative (a vector-valued name?): {outcome.message}")
        method = method or outcome.method
        if outcome.status != "equal" and undecided is None:
            undecided = replace(outcome, message=f"as a total differential (the coefficients of {words}), the coefficient of {differential}: {outcome.message}")
    left_out = sorted(_uses(defs, key(name)) - {differential.removeprefix("d") for differential, _, _ in total}) if name is not None else []
    if undecided is None and left_out:
        undecided = LayoutResult("unchecked", "evaluation", f"as a total differential, the coefficients of {words} are the partials of `{key(name)}`, but its definition also uses {', '.join(f'`{n}`' for n in left_out)}, whose differential the claim leaves out (a constant?)")
    result = undecided or LayoutResult("equal", "verified", f"as a total differential, each coefficient ({words}) is the partial derivative", method)
    return StepResult(tuple((layout, result) for layout in LAYOUTS), layout_sensitive=False)


def _uses(defs: Definitions, name: str) -> set[str]:
    """The letters the definition of `name` mentions."""
    body = defs.symbols.get(name)
    if body is None and name in defs.functions:
        body = defs.functions[name][1]
    if body is None:
        return set()
    indices = {key(s) for n in t.walk(body) if isinstance(n, t.Symbol) and n.sub is not None for s in t.walk(n.sub) if isinstance(s, t.Symbol)}
    return {key(n) for n in t.walk(body) if isinstance(n, t.Symbol) and len(key(n)) == 1 and key(n).isalpha()} - indices


def _through_definitions(defs: Definitions, left: t.Node, right: t.Node) -> frozenset[str]:
    """The names the definitions of the step's names use, through definitions of definitions."""
    return frozenset(key(n) for n in through_definitions([left, right], defs, functions=True) if isinstance(n, t.Symbol))


def _closed_near(near: Definitions, left: t.Node, right: t.Node) -> frozenset[str]:
    """Names defined near the claim as an expression in nothing but what the claim itself writes
    (`a = \\sigma(z)` for `\\frac{\\partial a}{\\partial z} = a(1-a)`): not a trial solution with a
    parameter of its own (`y = e^{rx}` beside `y'' - 3y' + 2y = 0`)."""
    from .explanations import outside_derivatives

    nodes = t.walk(left) + t.walk(right)
    written = {key(n) for n in nodes if isinstance(n, t.Symbol)} | set(near.functions) | {"e", "pi"}
    closed = set()
    for name, body in near.symbols.items():
        letters = {key(n) for n in t.walk(body) if isinstance(n, t.Symbol)}
        # by a variable the claim writes and the body uses: a prime (`y' = -x + y^2` beside the curve
        # `y = -x^2`) may be by t
        # and the other side in the name without the variable (`a(1-a)`; `-x + y^2` is a field, an equation)
        by = [d for d in nodes if isinstance(d, (t.Derivative, t.Prime)) and _operand_name(d) == name]
        variables = {key(v) for d in by if isinstance(d, t.Derivative) for v in d.variables if isinstance(v, t.Symbol)}
        beside = {key(n) for side in (left, right) for n in outside_derivatives(side) if isinstance(n, t.Symbol)}
        if by and letters <= written | set(near.symbols) and not variables & beside and all(
                isinstance(d, t.Derivative) and all(isinstance(v, t.Symbol) and key(v) in letters for v in d.variables) for d in by):
            closed.add(name)
    return frozenset(closed)


def _operand_name(node: "t.Derivative | t.Prime") -> str | None:
    operand = node.operand
    return key(operand) if isinstance(operand, t.Symbol) else None


def _check_trees(left: t.Node, right: t.Node, lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", defs: Definitions, proof_seconds: float) -> StepResult:
    context = _Context.of(left, right, Definitions.from_pairs(definitions, near_only=True) if defs.far else None)
    if not context.matrix_context and _of_a_vector(left, right, defs):
        context = replace(context, matrix_context=True)  # `\\nabla^2 f = Q` after `f(\\mathbf x) = \\mathbf x^\\top Q\\mathbf x`: Q is a matrix
    near = context.near or defs
    context = replace(context, texts=(lhs, rhs), defined_near=frozenset(near.functions), closed_near=_closed_near(near, left, right),
                      through_definitions=_through_definitions(defs, left, right),
                      defined=frozenset(defs.functions) | frozenset(defs.symbols), stated_here=frozenset(defs.points),
                      supplemented=Definitions.supplemented(definitions, applications(left, right, defs)))
    seed = lhs + "=" + rhs
    first, sensitive = _decide_all(left, right, defs, context, "numerator", seed, proof_seconds)
    if first.code in ("equation", "undefined-function", "remote-definition"):
        first = _later_solution(left, right, definitions, context, seed, proof_seconds, first.code) or first
    unread = _unread_subscripts(left, right, defs) if first.status in ("differs", "shape") else None
    if unread is not None:  # equal as opaque names is an identity; different as names says nothing
        return StepResult(tuple((layout, unread) for layout in LAYOUTS), layout_sensitive=False)
    if not sensitive:
        return StepResult(tuple((layout, first) for layout in LAYOUTS), layout_sensitive=False)
    second, _ = _decide_all(left, right, defs, context, "denominator", seed, proof_seconds)
    return StepResult((("numerator", first), ("denominator", second)), layout_sensitive=True)


def _decide_all(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool]:
    """The preferred reading decides unless it differs: then every other plausible reading is tried.

    Another reading that holds makes the step verified (the message names it); one that cannot be
    decided (a far definition left out, an unknown that may be a function) makes it unchecked.
    """
    preferred, sensitive, values = _decide(Reading("", left, right), defs, context, layout, seed, proof)
    if preferred.status in ("shape", "differs") and preferred.message.startswith("the left side is a") and any(tuple_jacobian(n) for n in t.walk(left) + t.walk(right)):
        # `\\frac{\\partial(x,y)}{\\partial(r,\\theta)} = r`: the determinant, as calculus texts write it
        determinant = Reading("`\\partial(…)/\\partial(…)` as the Jacobian determinant", left, right, jacobian_determinant=True)
        preferred, sensitive, values = _decide(determinant, defs, context, layout, seed, proof)
        if preferred.status in ("equal", "differs"):
            preferred = replace(preferred, message=f"{preferred.message}, reading {determinant.label}")
    if preferred.status == "equal":
        return preferred, sensitive
    if preferred.status == "transposed" and values is not None:
        symmetric = _symmetric_matrix(context, values)  # `\\frac{\\partial}{\\partial Y}\\log\\det Y = Y^{-1}` for a symmetric Y
        if symmetric is not None:
            return replace(preferred, condition=symmetric.condition), sensitive
    lower, used = _decide_lower(preferred, left, right, defs, context, layout, seed, proof)
    if lower is not None and lower.status == "equal":
        return lower, sensitive or used
    sigmoid = _sigmoid(left, right, defs, context, layout, seed, proof)
    if sigmoid is not None:
        return sigmoid, sensitive
    point: tuple[str, ...] = ()
    alternatives = [Reading(label, node, right) for label, node in readings(left)] + [Reading(label, left, node) for label, node in readings(right)]
    if preferred.status == "unchecked" and preferred.code == "undefined-function" and not any(isinstance(n, t.Prime) for n in t.walk(left) + t.walk(right)):
        alternatives.append(Reading("a letter before a parenthesis as a product", left, right, products_first=True))
        if context.dependencies:
            alternatives.append(Reading("each differentiated name as a function of the names it is differentiated by", left, right, chain=True))
    if preferred.status in ("unchecked", "differs") and defs.equations and _primes_of_undefined(left, right, defs):
        alternatives.append(Reading("`y'` as dy/dx on the curve stated before it", left, right, prime_on_curve=True))
    if preferred.status == "unchecked" and context.near is not None:
        # the far definition may be what cannot be read (`y = \\int f(x,y)\\,dx + C` of another
        # example); without it the step may hold for every y (it verifies only, never alarms)
        alternatives.append(Reading("without the definitions made far from this claim", left, right, near_only=True))
    if preferred.status in ("differs", "shape"):
        if any(_plain_scalar(node) for node in (left, right)):
            alternatives.append(Reading("as latex2sympy reads the plain scalar member", left, right, texts=context.texts))
        if context.near is not None:
            alternatives.append(Reading("without the definitions made far from this claim", left, right, near_only=True))
        if _writes_rates(left, right, defs) or not _letters_kept(left, right):
            alternatives.append(Reading("with undefined letters as functions of the variable", left, right, dependent=True))
        if defs.values and _stated_values_matter(left, right, defs):
            alternatives.append(Reading("with the values stated earlier", left, right, stated_values=True))
        unbound = tuple(n for n in defs.rebound if n in defs.symbols and n in {key(s) for s in t.walk(left) + t.walk(right) if isinstance(s, t.Symbol)})
        if unbound and defs.equations:
            shown = ", ".join(f"`{n}`" for n in unbound)
            alternatives.append(Reading(f"with {shown} as the unknown of a relation stated after its definition", left, right, unbound=unbound))
        point = stated_point(left, right, defs)
        if point:
            stated = ", ".join(f"{name} = {_number_text(defs.values[name])}" for name in point)
            alternatives.append(Reading(f"at the point stated before it ({stated})", left, right, at_point=point))
    if defs.local and preferred.status in ("differs", "shape"):
        alternatives.append(Reading("as the local partial the prose describes (the names of the definition held)", left, right, local=True))
    coordinates = _coordinates(left, right, defs, context) if defs.stated_tuple and not point else ()
    if coordinates:
        shown = ", ".join(f"{name} = {_number_text(value)}" for name, value in zip(coordinates, defs.stated_tuple))
        alternatives.append(Reading(f"at the point stated before it ({shown})", left, right, at_point=coordinates,
                                    point_values=tuple(zip(coordinates, defs.stated_tuple)), prime_on_curve=_primes_of_undefined(left, right, defs)))
    undecided: list[tuple[Reading, LayoutResult]] = []
    near_values: Values = None
    near_result: LayoutResult | None = None
    near_rule: LayoutResult | None = None
    chain_differs: LayoutResult | None = None
    point_differs: LayoutResult | None = None
    shaped_differs: tuple[LayoutResult, Values] | None = None  # another reading whose sides have one shape (`\\nabla^2 f` as the Laplacian)
    for reading in alternatives:
        result, used, compared = _decide(reading, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if reading.at_point and result.status == "differs" and compared is not None and all(_is_a_number(v) for v in compared):
            point_differs = replace(result, message=f"{result.message}, reading {reading.label}")
        if shaped_differs is None and result.status == "differs" and compared is not None and not _shapes_differ(result) and _shapes_differ(preferred):
            shaped_differs = (replace(result, message=f"{result.message}, reading {reading.label}"), compared)
        if reading.chain and result.status == "differs" and compared is not None and explain(result, context, compared) is None and _rates_written(left, right, defs):
            chain_differs = replace(result, message=f"{result.message}, reading {reading.label}")
        if reading.near_only and result.status == "differs":
            near_values, near_result = compared, result  # a curve stated near the claim is read without the far definitions
            # (not for an arity or a shape the far definition gives otherwise: `f(x, y) = (f_1, f_2)` says f is another object)
            if (preferred.status == "unchecked" and (preferred.code in ("evaluation", "unparsed") or _far_arity_conflict(left, right, defs, context))
                    and result.message.startswith("the rule does not hold") and compared is not None and explain(result, context, compared) is None):
                near_rule = result
        if result.status == "equal" and not (reading.products_first and _both_vanish(compared)):
            return LayoutResult("equal", "verified", f"{result.message}, reading {reading.label}", result.method), sensitive
        curve = on_a_curve(compared, defs.without(reading.unbound), context, layout) if reading.unbound and result.status == "differs" and compared is not None else None
        if curve is not None:
            return replace(curve, message=f"{curve.message}, reading {reading.label}"), sensitive
        if result.status not in ("differs", "shape") and (reading.near_only or reading.dependent):
            undecided.append((reading, result))
    if chain_differs is not None and preferred.status == "unchecked" and preferred.code == "undefined-function":
        point = stated_point(left, right, defs)
        if point:
            return _rates_at_point(left, right, defs, context, layout, seed, proof, point), sensitive
        return chain_differs, sensitive  # `A = \pi r^2`, `\frac{dA}{dt} = \pi r \frac{dr}{dt}`: r is a function of t by the claim's own dr/dt
    if near_rule is not None:
        # with the far definition the step cannot even be evaluated (`\\epsilon = 10^{-7}` of a code
        # demo under a limit): it does not apply here, and without it the rule fails
        return replace(near_rule, message=f"{near_rule.message}, reading without the definitions made far from this claim (with them the step cannot be evaluated: {preferred.message})"), sensitive
    special = _special_readings(preferred, left, right, defs, context, layout, seed, proof) if preferred.status == "unchecked" else None
    if special is not None:
        return special[0], sensitive or special[1]
    if preferred.status not in ("differs", "shape"):
        if context.near is not None and "refer to each other in a loop" in preferred.message:
            # far definitions that cannot be read together (a change of variables `x = \\xi e^s`,
            # `\\xi = xe^{-t}` of another example) say nothing here: decide as if they were not made
            return _decide_all(left, right, context.near, replace(context, near=None), layout, seed, proof)
        if preferred.code == "undefined-function":
            return rate_at_a_stated_value(context) or differential_equation(context, (0, 0)) or unknown_beside_its_derivative(context) or lower or preferred, sensitive
        if preferred.code in ("unparsed", "malformed-notation") and not context.defined_near & _differentiated_names(left, right):
            return differential_equation(context, (0, 0)) or preferred, sensitive  # say what it is, not why it was not read
        return preferred, sensitive
    if undecided:
        return _undecided(undecided[0][0], preferred, left, right, context, layout, seed, proof), sensitive
    if preferred.status == "differs" and values is not None:
        on_curve = on_a_curve(values, defs, context, layout) or off_the_curve(near_values or values, defs, context, layout)
        if on_curve is not None:
            return on_curve, sensitive
        if near_result is not None and near_values is not None:
            # without the far definitions too the sides differ: that reading is the one to show (and to explain)
            return explain(near_result, context, near_values) or near_result, sensitive
        if shaped_differs is not None:
            return explain(shaped_differs[0], context, shaped_differs[1]) or shaped_differs[0], sensitive
        explained = explain(preferred, context, values) or preferred
        if explained.code == "evaluation" and point_differs is not None:
            return point_differs, sensitive  # `At $x = 3$, $y = 4$: \\frac{dy}{dx} = \\frac34`: a value, and not the one at the point stated
        return explained, sensitive
    if preferred.status == "shape" and _plain_letters_beside_matrices(left, right, defs):
        return LayoutResult("unchecked", "ambiguous", f"{preferred.message}, with the plain lowercase letters read as scalars; they may be vectors (write them bold, or declare them, e.g. $w \\in \\mathbb{{R}}^n$)"), sensitive
    return preferred, sensitive


def _plain_letters_beside_matrices(left: t.Node, right: t.Node, defs: Definitions) -> bool:
    """The step, or a definition it uses, writes a plain capital (a matrix, `X`) and a plain
    lowercase letter the document declares no shape for (`w`, `y` of `\\|Xw - y\\|^2`): the
    letter may be a vector, so a shape that does not fit with it a scalar is no alarm."""
    nodes = t.walk(left) + t.walk(right)
    names = {key(n) for n in nodes if isinstance(n, t.Symbol)}
    for name in sorted(names):
        body = defs.symbols.get(name) if name in defs.symbols else (defs.functions[name][1] if name in defs.functions else None)
        if body is not None:
            nodes = nodes + t.walk(body)
    plain = [n for n in nodes if isinstance(n, t.Symbol) and not n.font and not n.accent and len(n.name) == 1]
    return (any(n.name.isupper() for n in plain)
            and any(n.name.islower() and key(n) not in defs.shapes and key(n) not in defs.symbols for n in plain))


def _both_vanish(values: Values) -> bool:
    """Both sides zero under another reading (`\\nabla_{\\mathbf x} y = \\mathbf A\\nabla_{\\mathbf u} y` with
    `y = f(\\mathbf u)` read as a product): that reading says nothing, so it verifies nothing."""
    import sympy

    if values is None:
        return False
    return all((v.is_zero_matrix if isinstance(v, sympy.MatrixBase) else isinstance(v, sympy.Expr) and v == 0) for v in values)


def _is_a_number(value: object) -> bool:
    import sympy

    return isinstance(value, sympy.Expr) and bool(value.is_number)


def _coordinates(left: t.Node, right: t.Node, defs: Definitions, context: _Context) -> tuple[str, ...]:
    """The names a point stated as a tuple (`at $(3, 4)$`) gives values to, in order: the
    names the prose gives them (`$(K, L) = (16, 4)$`), the parameters of the one defined function
    the step writes (`f(x, y)`), or the letters of the curve the step differentiates on (`\\frac{dy}{dx}` after `x^2 + y^2 = 25`); () when neither
    says, or when they disagree."""
    if defs.stated_names:
        return tuple(key(n) for n in defs.stated_names)
    size = len(defs.stated_tuple)
    written = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    found: set[tuple[str, ...]] = set()
    for name in sorted(written & set(defs.functions)):
        params = defs.functions[name][0]
        if len(params) == size and all(isinstance(p, t.Symbol) for p in params):
            found.add(tuple(key(p) for p in params))
    if defs.equations:
        letters = {key(part) for n in t.walk(left) + t.walk(right) if isinstance(n, (t.Derivative, t.Prime))
                   for part in (n.operand, *getattr(n, "variables", ())) if isinstance(part, t.Symbol)}
        on_curve = {key(n) for head, body in defs.equations for n in t.walk(head) + t.walk(body) if isinstance(n, t.Symbol)}
        if letters and letters <= on_curve and on_curve in COORDINATES and len(on_curve) == size:
            found.add(tuple(sorted(on_curve)))
    return found.pop() if len(found) == 1 else ()


def _number_text(node: t.Node) -> str:
    """`-2`, `0.5`: a stated value as written (its tree otherwise)."""
    if isinstance(node, t.Number):
        return node.value
    if isinstance(node, t.Neg) and isinstance(node.operand, t.Number):
        return f"-{node.operand.value}"
    return sexpr(node)


def _of_a_vector(left: t.Node, right: t.Node, defs: Definitions) -> bool:
    """The step writes a function the document defines of a vector (`f(\\mathbf x) = …`)."""
    written = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    return any(isinstance(n, t.Symbol) and n.font == "bold" for name in written & set(defs.functions) for p in defs.functions[name][0] for n in t.walk(p))


def _primes_of_undefined(left: t.Node, right: t.Node, defs: Definitions) -> bool:
    """The step writes `y'` (or `y''`) of a name the document does not define."""
    return any(isinstance(n, t.Prime) and isinstance(n.operand, t.Symbol) and key(n.operand) not in defs.symbols and key(n.operand) not in defs.functions
               for n in t.walk(left) + t.walk(right))


def _rates_at_point(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float, point: tuple[str, ...]) -> LayoutResult:
    """Related rates at values the prose states (`When $r = 5$, \\frac{dV}{dt} = 100\\pi\\frac{dr}{dt}`):
    verified when the chain rule gives it at those values; otherwise unchecked, never wrong (a
    value in the prose may be for another step of the problem)."""
    stated = ", ".join(f"{name} = {_number_text(defs.values[name])}" for name in point)
    reading = Reading(f"each differentiated name as a function of the names it is differentiated by, at the values stated before it ({stated})", left, right, chain=True, at_point=point)
    result, _, _ = _decide(reading, defs, context, layout, seed, proof)
    if result.status == "equal":
        return LayoutResult("equal", "verified", f"{result.message}, reading {reading.label}", result.method)
    return LayoutResult("unchecked", "evaluation", f"related rates at values stated in the prose ({stated}): the chain rule does not give this there, but such a value may belong to another step of the problem, so it is not called wrong")


def _rates_written(left: t.Node, right: t.Node, defs: Definitions) -> bool:
    """The claim differentiates a defined name (`\\frac{dA}{dt}` after `A = \\pi r^2`) and writes the
    derivative of every undefined letter its definition uses (`\\frac{dr}{dt}`): then those letters
    are functions of the variable by the claim's own notation, and the chain rule is the reading."""
    nodes = t.walk(left) + t.walk(right)
    differentiated = {key(n.operand) for n in nodes if isinstance(n, t.Derivative) and isinstance(n.operand, t.Symbol)}
    defined = differentiated & set(defs.symbols)
    if not defined:
        return False
    letters = {key(n) for name in defined for n in t.walk(defs.symbols[name]) if isinstance(n, t.Symbol) and not n.font}
    unknown = letters - set(defs.symbols) - set(defs.functions) - {"e", "pi"}
    return bool(unknown) and unknown <= differentiated


def _far_arity_conflict(left: t.Node, right: t.Node, defs: Definitions, context: _Context) -> bool:
    """The claim applies a name to another number of arguments than its far definition takes
    (`f(x)` after `f(x, y) = …` of another section): that definition is of another f."""
    near = context.near.functions if context.near is not None else defs.functions
    for node in t.walk(left) + t.walk(right):
        if isinstance(node, t.Apply) and isinstance(node.head, t.Symbol):
            name = key(node.head)
            if name in defs.functions and name not in near and len(defs.functions[name][0]) != len(node.args):
                return True
    return False


def _undecided(reading: Reading, preferred: LayoutResult, left: t.Node, right: t.Node, context: _Context, layout: str, seed: str, proof: float) -> LayoutResult:
    """The step differs in the preferred reading, and `reading` (without the far definitions, or
    with undefined letters as functions) cannot decide it."""
    if not reading.near_only:
        return LayoutResult("unchecked", "ambiguous", "the sides differ if the undefined letters are constants; if they are functions of the variable (an unknown of a differential equation), the step cannot be decided")
    rule = (_decide_rule(left, right, context.near, context, layout, seed, proof)
            or _decide_chain(left, right, context.near, context, layout, seed, proof)) if context.near is not None else None
    if rule is not None and rule.status == "equal":
        return rule  # a rule that holds for every function, whatever the far definition
    if rule is not None and preferred.status == "differs":
        # Both readings differ: with the far definition, and with any function in its place.
        return replace(preferred, message=f"{preferred.message}; without the definition made far from here, {rule.message}")
    return LayoutResult("unchecked", "remote-definition", "the sides differ only with a definition made far from this claim (another example or section?), which may not apply here; without it the step cannot be decided")
