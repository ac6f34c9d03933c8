"""Decide one step `lhs = rhs` of a claim from the trees of its members, reading by reading.

Runs in a worker process.  The members are parsed again here (parsing is cheap, and the task
stays plain text, which is what the cache keys on); each plausible reading of the notation is
evaluated under each layout, and the step is `wrong` only when every reading differs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
import itertools

import sympy
from sympy.core.function import AppliedUndef

from .grammar import parse, tree as t
from .grammar.names import key
from .outcome import LayoutResult, StepResult
from .semantics import Definitions, Evaluator
from .semantics.env import LATER, applications, applied_in_definitions
from .semantics.errors import ShapeMismatch, Unchecked
from .semantics.ambient import Ambient, ambient
from .semantics.integrals import up_to_constant
from .semantics.readings import readings
from .semantics.values import Value
from .explanations import acts_on_a_combination, clashing_indices, free_indices, chain_of_derivatives, differential_equation, explain, unknown_beside_its_derivative
from .relations import apply_equalities, off_the_curve, on_a_curve
from .verify import _not_an_identity, compare

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
    ambient: Ambient | None = None
    """Undefined differentiated names are arbitrary functions (the rule reading, see `ambient`)."""
    gradient_variables: tuple[str, ...] = ()
    """`\\nabla` of an expression taken by these variables; verifies only."""
    frobenius: bool = False
    """The 2-norm of a matrix read as its Frobenius norm; verifies only."""
    series: bool = False
    """Infinite series are compared term by term (their first 1..4 terms); verifies only."""
    lower: bool = False
    """With the definitions of lower standing (code chunks, an expression read as a function)."""


def check_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float = 5.0) -> StepResult:
    try:
        return _check_step(lhs, rhs, definitions, proof_seconds)
    except RecursionError:
        # Definitions that refer to each other through SymPy's own recursion, or a huge expression.
        result = LayoutResult("unchecked", "unparsed", "the expression, with the definitions it uses, is nested too deeply to evaluate")
        return StepResult(tuple((layout, result) for layout in LAYOUTS), layout_sensitive=False)


def _check_step(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", proof_seconds: float) -> StepResult:
    defs = Definitions.from_pairs(definitions)
    left, right = parse(lhs), parse(rhs)
    context = _Context.of(left, right, Definitions.from_pairs(definitions, near_only=True) if defs.far else None)
    near = context.near or defs
    context = replace(context, texts=(lhs, rhs), defined_near=frozenset(near.functions), defined=frozenset(defs.functions) | frozenset(defs.symbols),
                      supplemented=Definitions.supplemented(definitions, applications(left, right, defs)))
    seed = lhs + "=" + rhs
    first, sensitive = _decide_all(left, right, defs, context, "numerator", seed, proof_seconds)
    if first.code in ("equation", "undefined-function"):
        first = _later_solution(left, right, definitions, context, seed, proof_seconds, first.code) or first
    unread = _unread_subscripts(left, right, defs) if first.status in ("differs", "shape") else None
    if unread is not None:  # equal as opaque names is an identity; different as names says nothing
        return StepResult(tuple((layout, unread) for layout in LAYOUTS), layout_sensitive=False)
    if not sensitive:
        return StepResult(tuple((layout, first) for layout in LAYOUTS), layout_sensitive=False)
    second, _ = _decide_all(left, right, defs, context, "denominator", seed, proof_seconds)
    return StepResult((("numerator", first), ("denominator", second)), layout_sensitive=True)


def _later_solution(left: t.Node, right: t.Node, definitions: "tuple[tuple[str, ...], ...]", context: "_Context", seed: str, proof: float, first_code: str) -> LayoutResult | None:
    """An equation (`y' = ky`) checked with a solution the document states after it, near it and
    in the same example (`y = Ce^{kx}`), or a step about a name defined only after it (`f' = 3x^2,
    where f = x^3`): verified when it holds so; None otherwise (a trial solution, or a step of
    another example, says nothing about the step)."""
    later = _solution_entries(left, right, [entry for entry in definitions if len(entry) > 2 and entry[2] == LATER])
    if not later:
        return None
    kept = tuple(entry for entry in definitions if not (len(entry) > 2 and entry[2] == LATER)) + tuple(later)
    defs = Definitions.from_pairs(kept, near_only=True, later=True)
    solved = replace(context, near=None, defined=context.defined | frozenset(defs.functions) | frozenset(defs.symbols))
    result, _, _ = _decide(Reading("with the solution stated after it", left, right), defs, solved, "numerator", seed, proof)
    shown = "; ".join(f"`{head} = {body}`" for head, body, _ in later)
    if result.status in ("differs", "shape") and first_code == "undefined-function":
        return LayoutResult("unchecked", "undefined-function", f"the math defines what this step uses only after it ({shown}); with that, the sides differ, but a definition made after a claim may not be the one it means, so the step is not called wrong")
    if result.status != "equal":
        return None
    if first_code == "equation":
        return LayoutResult("equal", "verified", f"the equation holds for {shown}, stated after it (a solution of it)", result.method)
    return LayoutResult("equal", "verified", f"{result.message}, reading {shown}, stated after it", result.method)


def _solution_entries(left: t.Node, right: t.Node, later: "list[tuple[str, ...]]") -> "list[tuple[str, ...]]":
    """The later definitions that state a solution: of a name the equation differentiates (`y =
    Ce^{kx}` for `y' = ky`), or of another name as an expression in its variable (`y = \\cos t`
    beside `x(t) = \\sin t`); not a value of the variable (`t = 0`) or of a constant (`A = 22`)."""
    nodes = t.walk(left) + t.walk(right)
    unknowns = _differentiated_names(left, right)
    variables = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    variables |= {key(a) for n in nodes if isinstance(n, t.Apply) and isinstance(n.head, t.Prime) for a in n.args if isinstance(a, t.Symbol)}
    kept = []
    for entry in later:
        head, body = parse(entry[0]), parse(entry[1])
        named = head.head if isinstance(head, t.Apply) else head
        if not isinstance(named, t.Symbol) or key(named) in variables:
            continue
        mentions = {key(n) for n in t.walk(body) if isinstance(n, t.Symbol)}
        if key(named) in unknowns or mentions & variables:
            kept.append(entry)
    return kept


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
    defined_near: frozenset[str] = frozenset()
    """Functions the document defines near the claim (a differential equation in one is checked;
    a name set equal to an expression, `y = -x^2`, may be a step of solving something else)."""
    supplemented: Definitions | None = None
    """The definitions with those of lower standing added (see `Definitions.supplemented`)."""
    defined: frozenset[str] = frozenset()
    """Every name the definitions in scope give a value (functions and symbols, near or far)."""
    bare_applied: tuple[tuple[str, tuple[t.Node, ...]], ...] = ()
    """Names applied, always to the same plain variables, and also written bare (`y(x)` and `y`)."""
    combination: bool = False
    """A derivative acts on a combination of names (`(f\\circ g)'`, `\\frac{d}{dx} f(g(x))`): a rule."""

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
        return cls(matrix, applied, point, near, total, left, right, _implicit_functions(nodes), _dependencies(nodes), bare_applied=_bare_applied(nodes),
                   combination=acts_on_a_combination(left) or acts_on_a_combination(right))


def _bare_applied(nodes: list[t.Node]) -> tuple[tuple[str, tuple[t.Node, ...]], ...]:
    """`y(x)` and a bare `y` in one claim: the same function (y applied to the same plain variables
    everywhere, the variables not y itself)."""
    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply)} | {id(n.operand) for n in nodes if isinstance(n, t.Prime)}
    arguments: dict[str, set[tuple[str, ...]]] = {}
    first: dict[str, tuple[t.Node, ...]] = {}
    for node in nodes:
        head = node.head if isinstance(node, t.Apply) else None
        if isinstance(node, t.Apply) and isinstance(head, t.Symbol) and head.sub is None and not head.font:
            args = node.args
            plain = all(isinstance(a, t.Symbol) and not a.font and a.sub is None for a in args)
            names = tuple(key(a) for a in args if isinstance(a, t.Symbol)) if plain else ("",)
            arguments.setdefault(key(head), set()).add(names)
            first.setdefault(key(head), args)
    variables = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    bare = {key(n) for n in nodes if isinstance(n, t.Symbol) and id(n) not in heads and n.sub is None and not n.font and not n.accent and not n.primes}
    bare -= variables  # `\\frac{dg}{dh}(h(x))`: differentiated by h, a variable there
    found = []
    for name in sorted(bare & set(arguments)):
        forms = arguments[name]
        if len(forms) == 1 and "" not in next(iter(forms)) and name not in next(iter(forms)):
            found.append((name, first[name]))
    return tuple(found)


def _dependencies(nodes: list[t.Node], shortcuts_only: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`\\frac{dy}{du}\\frac{du}{dx}`: y depends on u, u on x (a variable reachable through another
    dependency is left out: y depends on x only through u). Empty when the graph has a cycle.
    With `shortcuts_only`, the first name and the dependencies so left out, if any (`f` of
    `\\frac{\\partial f}{\\partial a}\\frac{\\partial a}{\\partial u} + \\frac{\\partial f}{\\partial u}`, a path that skips a)."""
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
        if shortcuts_only:
            skipped = sorted(d for d in set(deps) - set(kept) if d in direct)  # an intermediate reached directly too
            if skipped:
                return ((name, tuple(skipped)),)
            continue
        reduced.append((name, tuple(kept)))
    return tuple(reduced)


def _bare_elsewhere(application: t.Apply, nodes: list[t.Node]) -> bool:
    """`u'(vw)` in a claim that also writes `v'` alone: the parenthesis multiplies."""
    head = application.head
    if not (isinstance(head, t.Prime) and isinstance(head.operand, t.Symbol)):
        return False
    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply)}
    return any(isinstance(n, t.Prime) and isinstance(n.operand, t.Symbol) and id(n) not in heads for n in nodes)


def _implicit_functions(nodes: list[t.Node]) -> frozenset[str]:
    from .grammar.rules.functions import FUNCTION_LETTERS

    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply) and not _bare_elsewhere(n, nodes)}
    found = set()
    for node in nodes:
        operand = node.operand if isinstance(node, t.Prime) else None
        if isinstance(operand, t.Symbol) and id(node) not in heads and operand.sub is None and not operand.font:
            if operand.name in FUNCTION_LETTERS or (len(operand.name) == 1 and operand.name not in "xt"):
                found.add(operand.name)  # `f'` written alone: f is a function of x
    return frozenset(found)


def _decide_all(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool]:
    """The preferred reading decides unless it differs: then every other plausible reading is tried.

    Another reading that holds makes the step verified (the message names it); one that cannot be
    decided (a far definition left out, an unknown that may be a function) makes it unchecked.
    """
    preferred, sensitive, values = _decide(Reading("", left, right), defs, context, layout, seed, proof)
    if preferred.status == "equal":
        return preferred, sensitive
    lower, used = _decide_lower(preferred, left, right, defs, context, layout, seed, proof)
    if lower is not None and lower.status == "equal":
        return lower, sensitive or used
    alternatives = [Reading(label, node, right) for label, node in readings(left)] + [Reading(label, left, node) for label, node in readings(right)]
    if preferred.status == "unchecked" and preferred.code == "undefined-function" and not any(isinstance(n, t.Prime) for n in t.walk(left) + t.walk(right)):
        alternatives.append(Reading("a letter before a parenthesis as a product", left, right, products_first=True))
        if context.dependencies:
            alternatives.append(Reading("each differentiated name as a function of the names it is differentiated by", left, right, chain=True))
    if preferred.status == "unchecked" and context.near is not None:
        # the far definition may be what cannot be read (`y = \\int f(x,y)\\,dx + C` of another
        # example); without it the step may hold for every y (it verifies only, never alarms)
        alternatives.append(Reading("without the definitions made far from this claim", left, right, near_only=True))
    if preferred.status in ("differs", "shape"):
        if any(_plain_scalar(node) for node in (left, right)):
            alternatives.append(Reading("as latex2sympy reads the plain scalar member", left, right, texts=context.texts))
        if context.near is not None:
            alternatives.append(Reading("without the definitions made far from this claim", left, right, near_only=True))
        if _writes_rates(left, right) or not _letters_kept(left, right):
            alternatives.append(Reading("with undefined letters as functions of the variable", left, right, dependent=True))
        if defs.values and _stated_values_matter(left, right, defs):
            alternatives.append(Reading("with the values stated earlier", left, right, stated_values=True))
    undecided: list[tuple[Reading, LayoutResult]] = []
    near_values: Values = None
    near_rule: LayoutResult | None = None
    for reading in alternatives:
        result, used, compared = _decide(reading, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if reading.near_only and result.status == "differs":
            near_values = compared  # a curve stated near the claim is read without the far definitions
            # (not for an arity or a shape the far definition gives otherwise: `f(x, y) = (f_1, f_2)` says f is another object)
            if preferred.status == "unchecked" and preferred.code in ("evaluation", "unparsed") and result.message.startswith("the rule does not hold") and compared is not None and explain(result, context, compared) is None:
                near_rule = result
        if result.status == "equal":
            return LayoutResult("equal", "verified", f"{result.message}, reading {reading.label}", result.method), sensitive
        if result.status not in ("differs", "shape") and (reading.near_only or reading.dependent):
            undecided.append((reading, result))
    if near_rule is not None:
        # with the far definition the step cannot even be evaluated (`\\epsilon = 10^{-7}` of a code
        # demo under a limit): it does not apply here, and without it the rule fails
        return replace(near_rule, message=f"{near_rule.message}, reading without the definitions made far from this claim (with them the step cannot be evaluated: {preferred.message})"), sensitive
    special = _special_readings(preferred, left, right, defs, context, layout, seed, proof) if preferred.status == "unchecked" else None
    if special is not None:
        return special[0], sensitive or special[1]
    if preferred.status not in ("differs", "shape"):
        if preferred.code == "undefined-function":
            return differential_equation(context, (0, 0)) or unknown_beside_its_derivative(context) or lower or preferred, sensitive
        if preferred.code in ("unparsed", "malformed-notation") and not context.defined_near & _differentiated_names(left, right):
            return differential_equation(context, (0, 0)) or preferred, sensitive  # say what it is, not why it was not read
        return preferred, sensitive
    if undecided:
        return _undecided(undecided[0][0], preferred, left, right, context, layout, seed, proof), sensitive
    if preferred.status == "differs" and values is not None:
        on_curve = on_a_curve(values, defs, context, layout) or off_the_curve(near_values or values, defs, context, layout)
        if on_curve is not None:
            return on_curve, sensitive
        return explain(preferred, context, values) or preferred, sensitive
    return preferred, sensitive


def _writes_rates(left: t.Node, right: t.Node) -> bool:
    """The claim treats some letter as a function: a derivative or a prime of a plain name
    (`\\frac{dx}{dt}`, `y'`, `\\dot x`) or a name applied (`x(t)`).  Only then are its undefined
    letters plausibly functions of the variable; in `\\frac{d}{dv}(x - uv)^2 = -2(x - uv)u` they are
    constants."""
    for node in t.walk(left) + t.walk(right):
        if isinstance(node, (t.Derivative, t.Prime)) and isinstance(node.operand, t.Symbol):
            return True
        if isinstance(node, t.Apply) and isinstance(node.head, t.Symbol):
            return True
        if isinstance(node, t.Symbol) and node.accent in ("dot", "ddot"):
            return True
    return False


def _letters_kept(left: t.Node, right: t.Node) -> bool:
    """Every letter under a derivative operator on one side is written on the other too
    (`\\frac{d}{dv}(x - uv)^2 = -2(x - uv)u`): the letters are constants there.  A letter that
    vanishes (`\\frac{d}{dt}[(60+2t)^{3/2} x] = 0.5(60+2t)^{3/2}`) may be the unknown of an equation."""
    for one, other in ((left, right), (right, left)):
        written = {key(n) for n in t.walk(other) if isinstance(n, t.Symbol)}
        for node in t.walk(one):
            if isinstance(node, t.Derivative) and not isinstance(node.operand, t.Symbol):
                variables = {key(v) for v in node.variables if isinstance(v, t.Symbol)}
                letters = {key(n) for n in t.walk(node.operand) if isinstance(n, t.Symbol) and len(n.name) == 1 and not n.font} - variables
                if letters - written:
                    return False
    return True


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


def _special_readings(preferred: LayoutResult, left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool] | None:
    """Readings for a step the preferred reading could not evaluate, each for one cause: the rule
    reading of named functions, the variables of `\\nabla` of an expression, the 2-norm of a
    matrix, infinite series.  None when none applies or decides (and whether layout mattered)."""
    if preferred.code in ("undefined-function", "unparsed"):
        rule = _decide_rule(left, right, defs, context, layout, seed, proof) or _decide_chain(left, right, defs, context, layout, seed, proof)
        if rule is None and context.near is not None:
            # a far definition (`z = f(x, y)` of another section) kept the rule from being read
            rule = _decide_rule(left, right, context.near, context, layout, seed, proof) or _decide_chain(left, right, context.near, context, layout, seed, proof)
            # it verifies only: the far definition may be what the step means (`z = a + b`, so
            # `\\frac{\\partial z}{\\partial a}` = `\\frac{\\partial z}{\\partial b}`)
            rule = replace(rule, message=f"{rule.message}, without the definitions made far from this claim") if rule is not None and rule.status == "equal" else None
        if rule is not None:
            return rule, False
    if preferred.message.startswith("the gradient of an expression"):
        return _expression_gradient(left, right, defs, context, layout, seed, proof)
    if preferred.message.startswith("the norm of a matrix"):
        frobenius = Reading("the norm of a matrix as its Frobenius norm", left, right, frobenius=True)
        result, used, _ = _decide(frobenius, defs, context, layout, seed, proof)
        if result.status == "equal":
            return replace(result, message=f"{result.message}, reading {frobenius.label}"), used
        return preferred, used
    if "bounds are not whole numbers" in preferred.message:
        series = Reading("term by term", left, right, series=True)
        result, used, _ = _decide(series, defs, context, layout, seed, proof)
        if result.status == "equal":
            return LayoutResult("equal", "verified", "the infinite series agree term by term (their first 1 to 4 terms; convergence is not checked)", result.method), used
        if result.status in ("differs", "shape"):
            return LayoutResult("unchecked", "evaluation", "infinite series: term by term the sides differ, but a series can equal one written with other terms, so the step is not called wrong"), used
    return None


def _expression_gradient(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool] | None:
    """`\\nabla(xy^2z^3)`: the gradient by the variables among x, y, z the claim writes, or by x, y, z;
    verified when one holds, wrong when every one differs, the step uses no definition and nothing
    explains it."""
    sensitive = False
    written = {n.name for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol) and n.sub is None and not n.font}
    tried: list[tuple[Reading, LayoutResult, Values]] = []
    for variables in dict.fromkeys((tuple(v for v in "xyz" if v in written), ("x", "y", "z"))):
        if len(variables) < 2:
            continue
        by = Reading(f"`\\nabla` of the expression as the gradient by {', '.join(variables)}", left, right, gradient_variables=variables)
        result, used, values = _decide(by, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if result.status == "equal":
            return replace(result, message=f"{result.message}, reading {by.label}"), sensitive
        tried.append((by, result, values))
    differing = [(by, result, values) for by, result, values in tried if result.status == "differs" and values is not None]
    written_names = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    self_contained = not written_names & (set(defs.functions) | set(defs.symbols))
    if self_contained and differing and all(result.status in ("differs", "shape") for _, result, _ in tried):
        by, result, values = differing[0]  # every reading of the variables differs, and nothing explains it
        if values is not None and explain(result, context, values) is None:
            suffix = " (and by x, y, z too)" if len(tried) > 1 else ""
            return replace(result, message=f"{result.message}, reading {by.label}{suffix}"), sensitive
    return None


def _differentiated_names(left: t.Node, right: t.Node) -> frozenset[str]:
    return frozenset(key(n.operand) for n in t.walk(left) + t.walk(right) if isinstance(n, (t.Prime, t.Derivative)) and isinstance(n.operand, t.Symbol))


def _unread_subscripts(left: t.Node, right: t.Node, defs: Definitions) -> LayoutResult | None:
    """A step that is a claim only through subscript partials (`u_t = 0.3u_{xx}`) whose function is
    not defined in scope here: the subscripts would be read as plain names, so it is not decided."""
    from .claims import has_derivative

    if has_derivative(left) or has_derivative(right):
        return None
    subscripted = [n for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol) and isinstance(n.sub, t.Symbol) and not n.font
                   and n.sub.sub is None and len(n.name) == 1 and set(n.sub.name) <= set("xyzt") and not n.sub.font]
    if not subscripted or any(n.name in defs.functions for n in subscripted):
        return None  # an algebra step of a chain, or partials of a function defined here
    shown = next((f"{n.name}_{n.sub.name}" for n in subscripted if isinstance(n.sub, t.Symbol)), "")
    return LayoutResult("unchecked", "undefined-function", f"`{shown}` is a partial derivative in subscripts only of a function defined here, and this one's definition is not in scope")


def _decide_rule(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> LayoutResult | None:
    """The rule reading (see `semantics.ambient`): verified when the sides agree for every
    instance of the arbitrary functions; wrong when the claim is a rule written in the same
    functions on both sides (`\\nabla(fg) = f\\nabla g`), uses no definition of the document (with
    `A = wh` defined, dA/dt may hold under a relation between w and h stated in the prose), fails
    on an instance, and nothing explains the difference (a differential equation, a condition);
    else None."""
    rule = ambient(left, right, defs)
    if rule is None:
        return None
    reading = Reading(rule.label, left, right, ambient=rule)
    result, _, values = _decide(reading, defs, context, layout, seed, proof)
    if result.status == "equal":
        return replace(result, message=f"{result.message}, reading {rule.label}")
    written = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    self_contained = not written & (set(defs.functions) | set(defs.symbols))
    if result.status == "differs" and result.message.startswith("the rule does not hold") and values is not None and self_contained:
        if explain(result, context, values) is None:
            return replace(result, message=f"{result.message}, reading {rule.label}")
    return None


def _decide_chain(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> LayoutResult | None:
    """The chain rule through the intermediates a claim writes (`\\frac{dz}{dt} =
    \\frac{dz}{dy}\\frac{dy}{dt}`), each differentiated name a function of the names it is
    differentiated by: verified when the sides agree; wrong when the claim is written in
    derivatives of undefined names only (`chain_of_derivatives`) and nothing explains the
    difference; else None."""
    if not context.dependencies or not chain_of_derivatives(left, right, set(defs.functions) | set(defs.symbols)):
        return None
    shortcut = bool(_dependencies(t.walk(left) + t.walk(right), shortcuts_only=True))
    reading = Reading("each differentiated name as a function of the names it is differentiated by", left, right, chain=True)
    result, _, values = _decide(reading, defs, context, layout, seed, proof)
    if result.status == "equal":
        return replace(result, message=f"{result.message}, reading {reading.label}")
    if result.status == "differs" and values is not None and not shortcut and explain(result, context, values) is None:
        written = "; ".join(f"{name.replace('bold:', '')} of {', '.join(d.replace('bold:', '') for d in deps)}" for name, deps in context.dependencies)
        detail = result.message.removeprefix("the rule does not hold for every function: ")
        return replace(result, message=f"the chain rule does not give this, with each name a function of those it is differentiated by ({written}): {detail}")
    return None


def _decide_lower(preferred: LayoutResult, left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult | None, bool]:
    """The reading with definitions of lower standing, for a step the math leaves undefined: it
    may verify the step; where the sides differ under it the step stays unchecked (a code chunk
    may compute something else than the math states), naming where the definition came from.
    None when it decides nothing (or does not apply)."""
    supplemented = context.supplemented
    if supplemented is None or preferred.status != "unchecked" or preferred.code != "undefined-function":
        return None, False
    where = "; ".join(supplemented.lower[name] for name in sorted(supplemented.lower))
    result, used, _ = _decide(Reading(where, left, right, lower=True), defs, context, layout, seed, proof)
    if result.status == "equal":
        return LayoutResult("equal", "verified", f"{result.message}, reading {where}", result.method), used
    if result.status in ("differs", "shape"):
        message = f"the math does not define what this step uses; reading {where}, the sides differ, but that is not the math's own definition, so the step is not called wrong"
        return LayoutResult("unchecked", "undefined-function", message), used
    return None, used


Values = tuple[Value, Value] | None


def _decide(reading: Reading, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult, bool, Values]:
    """The result of one reading under one layout, over the sizes generic vectors need (and the
    values compared, for explaining a difference)."""
    dimensions = _declared_dimensions(reading, defs)
    if dimensions:
        return _decide_shaped(reading, defs, context, layout, seed, proof, dimensions)
    free = free_indices(reading.lhs, reading.rhs)
    if free:
        return _decide_indexed(reading, defs, context, layout, seed, proof, free)
    sizes: tuple[int, ...] = (3,)
    results: list[tuple[int, LayoutResult, Values]] = []
    used_layout = False
    index = 0
    while index < len(sizes):
        n = sizes[index]
        evaluator = _evaluator(reading, defs, context, layout, n, len(sizes) > 1)
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
        result = compare(left, right, seed, proof, rule=context.combination)
        if result.status == "differs":
            result = _not_an_identity(left, right) or result
        results.append((n, result, (left, right)))
        index += 1
    return _summary(results, sizes, used_layout)


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
            except Unchecked as exc:
                return LayoutResult("unchecked", exc.code, exc.message), used_layout or evaluator.used_layout, None
            except _EVALUATION_ERRORS as exc:
                return LayoutResult("unchecked", "unparsed", f"could not evaluate ({type(exc).__name__})"), used_layout or evaluator.used_layout, None
            used_layout = used_layout or evaluator.used_layout
            left, right = _zero_shaped(*_orient_tuples(reading, left, right))
            result = compare(left, right, seed, proof, rule=context.combination)
            if result.status == "differs":
                result = _not_an_identity(left, right) or result
            if result.status != "equal":
                at = ", ".join(f"{index} = {value}" for index, value in zip(free, assignment))
                return replace(result, message=f"{result.message} (at {at}, for n = {n})"), used_layout, (left, right)
            last, method = (left, right), result.method
    return LayoutResult("equal", "verified", f"verified with the free {'index' if len(free) == 1 else 'indices'} {', '.join(free)} at each value, for n = 2 and 3", method), used_layout, last


def _declared_dimensions(reading: Reading, defs: Definitions) -> tuple[str, ...]:
    """The dimension names of the declared shapes of the names a step writes (`K`, `m`)."""
    if not defs.shapes:
        return ()
    written = {key(n) for n in t.walk(reading.lhs) + t.walk(reading.rhs) if isinstance(n, t.Symbol)}
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
        evaluated = None
        for rows in (False, True):  # a vector in R^n as a column, else as a row
            evaluator = _evaluator(reading, defs, context, layout, 3, False)
            evaluator.dimensions, evaluator.row_vectors = assignment, rows
            try:
                evaluated = _values(evaluator, reading, evaluator.defs)
                break
            except ShapeMismatch as exc:
                mismatch = mismatch or str(exc)
                used_layout = used_layout or evaluator.used_layout
            except Unchecked as exc:
                return LayoutResult("unchecked", exc.code, exc.message), used_layout or evaluator.used_layout, None
            except _EVALUATION_ERRORS as exc:
                return LayoutResult("unchecked", "unparsed", f"could not evaluate ({type(exc).__name__})"), used_layout or evaluator.used_layout, None
        if evaluated is None:
            continue
        left, right = evaluated
        used_layout = used_layout or evaluator.used_layout
        left, right = _zero_shaped(*_orient_tuples(reading, left, right))
        result = compare(left, right, seed, proof, rule=context.combination)
        if result.status == "differs":
            result = _not_an_identity(left, right) or result
        decided.append((assignment, result, (left, right)))
    declared = ", ".join(f"`{name.replace('bold:', '')}` is {' × '.join(d for d in defs.shapes[name] if d != '1') if defs.shapes[name][1] != '1' else 'of length ' + defs.shapes[name][0]}"
                         for name in sorted(set(defs.shapes) & {key(n) for n in t.walk(reading.lhs) + t.walk(reading.rhs) if isinstance(n, t.Symbol)}))
    if not decided:
        return LayoutResult("shape", "shape-mismatch", f"shapes do not fit for any sizes of {', '.join(dimensions)} ({declared}): {mismatch}"), used_layout, None
    for assignment, result, values in decided:
        if result.status != "equal":
            at = ", ".join(f"{k} = {v}" for k, v in assignment.items())
            return replace(result, message=f"{result.message} (with the declared shapes: {declared}; at {at})"), used_layout, values
    return LayoutResult("equal", "verified", f"verified for the declared shapes ({declared}), at two sets of sizes", decided[-1][1].method), used_layout, decided[-1][2]


def _evaluator(reading: Reading, defs: Definitions, context: _Context, layout: str, n: int, all_generic: bool) -> Evaluator:
    """An evaluator set up for one reading (its flags) at one length of generic vectors."""
    if reading.lower and context.supplemented is not None:
        defs = context.supplemented
    if reading.near_only and context.near is not None:
        defs = context.near  # the whole reading without the far definitions (implicit functions included)
    evaluator = Evaluator(defs, layout, n, all_generic=all_generic, matrix_context=context.matrix_context)
    evaluator.applied_names = set(context.applied)
    evaluator.applied_arguments = applied_in_definitions(defs)
    evaluator.implicit_functions = set(context.implicit) - set(defs.functions) - set(defs.symbols)
    evaluator.products_first = reading.products_first
    evaluator.dependent = reading.dependent
    evaluator.written_names = {key(n) for n in t.walk(context.left) + t.walk(context.right) if isinstance(n, t.Symbol)}
    evaluator.stated_values = reading.stated_values
    evaluator.ambient = reading.ambient
    evaluator.series_terms = reading.series
    evaluator.frobenius = reading.frobenius
    evaluator.gradient_variables = reading.gradient_variables
    evaluator.bare_applied = dict(context.bare_applied)
    evaluator.primed_functions = {key(n.head.operand) for n in t.walk(context.left) + t.walk(context.right)
                                  if isinstance(n, t.Apply) and isinstance(n.head, t.Prime) and isinstance(n.head.operand, t.Symbol)}
    if reading.chain:
        defined = set(defs.functions) | set(defs.symbols)
        evaluator.dependencies = {name: deps for name, deps in context.dependencies if name not in defined}
    return evaluator


def _summary(results: list[tuple[int, LayoutResult, Values]], sizes: tuple[int, ...], used_layout: bool) -> tuple[LayoutResult, bool, Values]:
    """A failure at n = 3 when there is one (its expected value reads as diag(x), where n = 1
    would show a lone x_1); else the verdict over every size."""
    for n, result, values in sorted(results, key=lambda item: (item[0] != 3, item[0])):
        if result.status != "equal":
            if len(sizes) > 1:
                result = LayoutResult(result.status, result.code, f"{result.message} (for vectors of length n = {n})", result.method, result.expected, result.point, result.lhs_value, result.rhs_value)
            return result, used_layout, values
    final = results[-1][1]
    if len(sizes) > 1:
        final = LayoutResult("equal", "verified", f"verified for n = {sizes[0]}..{sizes[-1]}", "instantiated")
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
    left = _member_value(evaluator, reading.lhs, texts[0])
    right = _member_value(evaluator, reading.rhs, texts[1])
    left, right = evaluator.expand_dependents(left, set()), evaluator.expand_dependents(right, set())
    if evaluator.dependencies:  # the chain-rule reading: a bare `h` beside dh/dt is h(t) too
        left, right = evaluator.through_dependencies(left), evaluator.through_dependencies(right)
    left, right = up_to_constant(evaluator, reading.lhs, reading.rhs, left, right)
    return apply_equalities(evaluator, defs, left, right)


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
