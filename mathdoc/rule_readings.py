"""Readings for a step the plain reading cannot decide, each for one cause: the rule reading of
named functions, the chain rule through named intermediates, definitions of lower standing,
`\\nabla` of an expression, the 2-norm of a matrix, infinite series, and a solution stated after
an equation."""

from __future__ import annotations

from dataclasses import replace

from .grammar import parse, tree as t
from .grammar.names import key
from .outcome import LayoutResult
from .semantics import Definitions
from .semantics.env import SOLUTION, is_number, made_later
from .semantics.ambient import ambient
from .semantics.readings import laplacian
from .explanations import chain_of_derivatives, explain
from .step_context import Reading, _Context, _differentiated_names
from .evaluation import Values, _decide


def _later_solution(left: t.Node, right: t.Node, definitions: "tuple[tuple[str, ...], ...]", context: "_Context", seed: str, proof: float, first_code: str) -> LayoutResult | None:
    """An equation (`y' = ky`) checked with a solution the document states after it, near it and
    in the same example (`y = Ce^{kx}`), or a step about a name defined only after it (`f' = 3x^2,
    where f = x^3`): verified when it holds so; wrong when it does not and the prose calls the
    definition the solution (`context.After`); None otherwise (a trial solution, or a step of
    another example, says nothing about the step)."""
    later = _solution_entries(left, right, [entry for entry in definitions if made_later(entry)])
    if not later:
        return None
    written = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    used = {key(n) for entry in later for n in t.walk(parse(entry[1])) if isinstance(n, t.Symbol)} - written
    support = tuple(entry for entry in definitions if made_later(entry) and entry not in later and _named(entry) in used)  # "where $\\omega_0 = …$"
    unknowns = {_named(entry) for entry in later}
    in_solutions = {key(n) for entry in later for n in t.walk(parse(entry[1])) if isinstance(n, t.Symbol)}
    # an earlier relation of the solution's variable with the unknown (`x = \\frac{-1}{y} + C`, solved
    # for y next, in `y = \\frac{1}{C-x}`) is superseded by the solution
    earlier = tuple(entry for entry in definitions if not made_later(entry)
                    and not (_named(entry) not in unknowns and _named(entry) in in_solutions and _mentions(entry[1], unknowns)))
    kept = earlier + tuple(later) + support
    defs = Definitions.from_pairs(kept, near_only=True, later=True)
    solved = replace(context, near=None, defined=context.defined | frozenset(defs.functions) | frozenset(defs.symbols))
    result, _, values = _decide(Reading("with the solution stated after it", left, right, solved=True), defs, solved, "numerator", seed, proof)
    shown = "; ".join(f"`{head} = {body}`" for head, body, _ in later)
    stated = result.status == "differs" and first_code == "equation" and all(entry[2] == SOLUTION for entry in later)
    if stated and values is not None and _has_branches(values):
        # `\\frac{dh}{dt} = -k\\sqrt{h}` with `h = (\\sqrt{h_0} - kt/2)^2`: a root of a square holds on one branch only
        return LayoutResult("unchecked", "domain", f"with the solution the prose states after it ({shown}) the sides differ at the points tried, but they involve a square root or an absolute value, which the solution may satisfy on one branch only (where the quantity is positive); not called wrong")
    if stated:
        return replace(result, message=f"the solution the prose states after it ({shown}) does not satisfy it: {result.message}", expected=None)
    if result.status in ("differs", "shape") and first_code == "undefined-function":
        return LayoutResult("unchecked", "undefined-function", f"the math defines what this step uses only after it ({shown}); with that, the sides differ, but a definition made after a claim may not be the one it means, so the step is not called wrong")
    if result.status != "equal":
        return None
    if first_code == "equation":
        return LayoutResult("equal", "verified", f"the equation holds for {shown}, stated after it (a solution of it)", result.method)
    return LayoutResult("equal", "verified", f"{result.message}, reading {shown}, stated after it", result.method)


SIGMOID = ("\\sigma(z)", "\\frac{1}{1+e^{-z}}")
"""The logistic sigmoid, the reading of a `\\sigma` the document applies but does not define."""


def _sigmoid(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> LayoutResult | None:
    """`\\sigma'(z) = \\sigma(z)(1-\\sigma(z))` with σ applied but not defined: in ML notes the
    logistic sigmoid.  Verified when it holds so; never wrong (σ may be another function)."""
    applied = [n for n in t.walk(left) + t.walk(right) if isinstance(n, t.Apply)]
    heads = [n.head.operand if isinstance(n.head, t.Prime) else n.head for n in applied]
    if not any(isinstance(h, t.Symbol) and h.name == "sigma" and not h.font and h.sub is None for h in heads):
        return None
    if "sigma" in defs.functions or "sigma" in defs.symbols:
        return None
    extended = Definitions.from_pairs(((*SIGMOID, "near"),))
    with_sigmoid = replace(defs, functions={**defs.functions, **extended.functions})
    result, _, _ = _decide(Reading("sigma as the logistic sigmoid", left, right), with_sigmoid, context, layout, seed, proof)
    if result.status == "equal":
        return replace(result, message=f"{result.message}, reading σ as the logistic sigmoid 1/(1+e^(-z))")
    return None


def _mentions(text: str, names: "set[str | None]") -> bool:
    return any(isinstance(n, t.Symbol) and key(n) in names for n in t.walk(parse(text)))


def _named(entry: "tuple[str, ...]") -> str | None:
    head = parse(entry[0])
    named = head.head if isinstance(head, t.Apply) else head
    return key(named) if isinstance(named, t.Symbol) else None


def _solution_entries(left: t.Node, right: t.Node, later: "list[tuple[str, ...]]") -> "list[tuple[str, ...]]":
    """The later definitions that state a solution: of a name the equation differentiates (`y =
    Ce^{kx}` for `y' = ky`); not a value of the variable (`t = 0`), of a constant (`A = 22`) or
    of a function the equation only applies (`f(x) = e^{x - x^2}` of a later exercise)."""
    nodes = t.walk(left) + t.walk(right)
    unknowns = _differentiated_names(left, right)
    variables = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    variables |= {key(a) for n in nodes if isinstance(n, t.Apply) and isinstance(n.head, t.Prime) for a in n.args if isinstance(a, t.Symbol)}
    kept = []
    for entry in later:
        head = parse(entry[0])
        named = head.head if isinstance(head, t.Apply) else head
        if not isinstance(named, t.Symbol) or key(named) in variables or is_number(parse(entry[1])):
            continue  # `y = 0` ("also has the solution y = 0") is read as a value at a point, not as a function
        body = t.walk(parse(entry[1]))
        if any(isinstance(n, t.Unsupported) for n in body):
            continue  # `y = \\pm\\sqrt{…}`: a solution that cannot be read says nothing
        mentions = {key(n) for n in body if isinstance(n, t.Symbol)} | {key(n.head) for n in body if isinstance(n, t.Apply) and isinstance(n.head, t.Symbol)}
        if key(named) not in unknowns or key(named) in mentions or any(isinstance(n, t.Integral) for n in body):
            continue  # `L = L(w_5, w_9)` names what L depends on; a solution with integrals is a formula
        if variables and not mentions & variables:
            continue  # `\\frac{\\partial L}{\\partial w} = 0` against an L without w says nothing
        kept.append(entry)
    return kept


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
        result, sensitive = _expression_gradient(left, right, defs, context, layout, seed, proof)
        # undecided, it is still decided in both layouts when the orientation mattered (`\\nabla u` after `u = x^2 y`, a column)
        return (result, sensitive) if result is not None else ((preferred, True) if sensitive else None)
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


def _expression_gradient(left: t.Node, right: t.Node, defs: Definitions, context: _Context, layout: str, seed: str, proof: float) -> tuple[LayoutResult | None, bool]:
    """`\\nabla(xy^2z^3)`: the gradient by the variables among x, y, z the claim writes, or by x, y, z;
    verified when one holds, wrong when every one differs, the step uses no definition and nothing
    explains it."""
    sensitive = False
    written = {n.name for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol) and n.sub is None and not n.font}
    tried: list[tuple[Reading, LayoutResult, Values]] = []
    trees = [("", left, right)] + [(f"{label}, ", node, right) for label, node in laplacian(left)] + [(f"{label}, ", left, node) for label, node in laplacian(right)]
    for (also, lhs, rhs), variables in ((tree, v) for tree in trees for v in dict.fromkeys((tuple(v for v in "xyz" if v in written), ("x", "y", "z")))):
        if len(variables) < 2:
            continue
        by = Reading(f"{also}`\\nabla` of the expression as the gradient by {', '.join(variables)}", lhs, rhs, gradient_variables=variables)
        result, used, values = _decide(by, defs, context, layout, seed, proof)
        sensitive = sensitive or used
        if result.status == "equal":
            return replace(result, message=f"{result.message}, reading {by.label}"), sensitive
        tried.append((by, result, values))
    differing = [(by, result, values) for by, result, values in tried if result.status == "differs" and values is not None]
    written_names = {key(n) for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol)}
    self_contained = not written_names & (set(defs.functions) | set(defs.symbols))
    if self_contained and differing and all(result.status in ("differs", "shape") for _, result, _ in tried):
        # every reading of the variables differs, and nothing explains it: show one whose sides have one shape
        by, result, values = min(differing, key=lambda entry: _shapes_differ(entry[1]))
        if values is not None and explain(result, context, values) is None:
            suffix = " (and by x, y, z too)" if len({r.gradient_variables for r, _, _ in tried}) > 1 else ""
            return replace(result, message=f"{result.message}, reading {by.label}{suffix}"), sensitive
    return None, sensitive


def _has_branches(values: "Values") -> bool:
    """A square root (any fractional power) or an absolute value in the compared values."""
    import sympy

    def branched(value: object) -> bool:
        return isinstance(value, sympy.Basic) and (value.has(sympy.Abs) or any(p.exp.is_Rational and not p.exp.is_Integer for p in value.atoms(sympy.Pow)))

    return any(branched(v) for v in (values or ()))


def _shapes_differ(result: LayoutResult) -> bool:
    return result.message.startswith(("the left side is a", "the right side is a"))


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
    reading = Reading("each differentiated name as a function of the names it is differentiated by", left, right, chain=True)
    result, _, values = _decide(reading, defs, context, layout, seed, proof)
    if result.status == "equal":
        return replace(result, message=f"{result.message}, reading {reading.label}")
    if result.status == "differs" and values is not None and not context.shortcut and explain(result, context, values) is None:
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
