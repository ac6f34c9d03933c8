"""Other plausible readings of a member's tree, for notation that can be read more than one way.

The parser gives the preferred reading; each rule here rewrites it into one alternative, with a
label that a finding can show.  A step is `wrong` only when every reading differs.

| rule | preferred | alternative |
|---|---|---|
| derivative scope | `\\frac{d}{dx} x^2 + 2x`: the operator acts on x² | it acts on x² + 2x |
| first factor | `\\frac{\\partial}{\\partial x}f(a)\\,g(a)`: the operator acts on f(a)g(a) | it acts on f(a) only |
| function argument | `\\sin x y`: sin(xy) | sin(x)·y |
| inverse or reciprocal | `\\sin^{-1} x`: arcsin x | 1/sin x |
| a power below | `\\frac{\\partial \\ell}{\\partial \\sigma^2}`: by the variable σ² | twice by σ (the order above forgotten) |
| `\\nabla^2` | `\\nabla^2 f`: the Hessian | the Laplacian, the Hessian's trace (as vector calculus writes it) |
| sum body in braces | `\\sum_k{e^{z_k} - e^{z_1}}`: the sum of the difference | as typeset, Σ e^{z_k} − e^{z_1} (braces do not show) |
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..grammar import tree as t

MAX_READINGS = 4


def readings(node: t.Node) -> list[tuple[str, t.Node]]:
    """Alternative trees of the member `node` (the preferred one not included)."""
    found: list[tuple[str, t.Node]] = []
    for rule in RULES:
        for label, alternative in rule(node):
            if len(found) < MAX_READINGS:
                found.append((label, alternative))
    return found


def derivative_scope(node: t.Node) -> list[tuple[str, t.Node]]:
    if not isinstance(node, t.Add):
        return []
    for index, term in enumerate(node.terms[:-1]):
        operator, wrap = _trailing_operator(term)
        if operator is None:
            continue
        rest = node.terms[index + 1 :]
        variables = {v.name for v in operator.variables if isinstance(v, t.Symbol)}
        if not any(isinstance(n, t.Symbol) and n.name in variables for term in rest for n in t.walk(term)):
            return []  # `\frac{d}{dx} f(x) + 1`: widening over a constant would hide the `+ 1`
        body = t.Add((operator.operand,) + rest, (operator.operand.span[0], node.span[1]))
        widened = replace(operator, operand=body, span=(operator.span[0], node.span[1]))
        terms = node.terms[:index] + (wrap(widened),)
        new: t.Node = terms[0] if len(terms) == 1 else t.Add(terms, node.span)
        return [("the derivative operator acting on the rest of the expression", new)]
    return []


Wrap = Callable[[t.Node], t.Node]


def _trailing_operator(term: t.Node) -> tuple[t.Derivative | None, Wrap]:
    if isinstance(term, t.Derivative) and term.form in ("operator", "subscript"):
        return term, lambda d: d
    if isinstance(term, t.Neg):
        inner, wrap = _trailing_operator(term.operand)
        return inner, (lambda d: t.Neg(wrap(d), term.span))
    if isinstance(term, t.Mul) and isinstance(term.factors[-1], t.Derivative) and term.factors[-1].form in ("operator", "subscript"):
        return term.factors[-1], (lambda d: t.Mul(term.factors[:-1] + (d,), term.ops, term.span))
    return None, lambda d: d


def first_factor(node: t.Node) -> list[tuple[str, t.Node]]:
    """`\\frac{\\partial}{\\partial x}f(a)\\frac{d}{dp}a`: the operator may act on its first factor only."""
    for candidate in t.walk(node):
        if isinstance(candidate, t.Derivative) and candidate.form in ("operator", "subscript") and isinstance(candidate.operand, t.Mul):
            operand = candidate.operand
            narrow = replace(candidate, operand=operand.factors[0], span=(candidate.span[0], operand.factors[0].span[1]))
            rest = operand.factors[1:]
            product = t.Mul((narrow,) + rest, operand.ops, candidate.span)
            return [("the derivative operator acting on its first factor only", _swap(node, candidate, product))]
    return []


def function_argument(node: t.Node) -> list[tuple[str, t.Node]]:
    for candidate in t.walk(node):
        if isinstance(candidate, t.Apply) and not candidate.parens and isinstance(candidate.head, t.Function):
            argument = candidate.args[0]
            if isinstance(argument, t.Mul) and not isinstance(argument.factors[0], t.Number) and all(op == "" for op in argument.ops):
                first = t.Apply(candidate.head, (argument.factors[0],), False, (candidate.span[0], argument.factors[0].span[1]))
                rest = argument.factors[1:]
                product = t.Mul((first,) + rest, argument.ops, candidate.span)
                return [(f"`{candidate.head.name}` applied to its first factor only", _swap(node, candidate, product))]
    return []


def reciprocal(node: t.Node) -> list[tuple[str, t.Node]]:
    for candidate in t.walk(node):
        if isinstance(candidate, t.Apply) and isinstance(candidate.head, t.Function) and candidate.head.power is not None:
            power = candidate.head.power
            if isinstance(power, t.Neg) and isinstance(power.operand, t.Number) and power.operand.value == "1":
                plain = t.Apply(replace(candidate.head, power=None), candidate.args, candidate.parens, candidate.span)
                inverse = t.Pow(plain, power, candidate.span)
                return [(f"`\\{candidate.head.name}^{{-1}}` as a reciprocal", _swap(node, candidate, inverse))]
    return []


def power_variable(node: t.Node) -> list[tuple[str, t.Node]]:
    for candidate in t.walk(node):
        if isinstance(candidate, t.Derivative) and len(candidate.variables) == 1 and isinstance(candidate.variables[0], t.Pow):
            power = candidate.variables[0]
            if isinstance(power.exponent, t.Number) and power.exponent.value.isdigit():
                twice = replace(candidate, variables=(power.base,) * int(power.exponent.value))
                return [("the power of the differential below as the order of the derivative", _swap(node, candidate, twice))]
    return []


def laplacian(node: t.Node) -> list[tuple[str, t.Node]]:
    for candidate in t.walk(node):
        if isinstance(candidate, t.Gradient) and candidate.order == 2 and candidate.kind == "grad":
            return [("`\\nabla^2` as the Laplacian", _swap(node, candidate, replace(candidate, kind="laplacian")))]
    return []


def _swap(node: t.Node, old: t.Node, new: t.Node) -> t.Node:
    """`node` with the sub-node `old` (by identity) replaced by `new`."""
    return t.rewrite(node, lambda sub: new if sub is old else None)


def braced_sum(node: t.Node) -> list[tuple[str, t.Node]]:
    """`0 \\times \\sum_k{e^{z_k} - e^{z_1}e^{z_2}}` typesets as 0 × Σ e^{z_k} − e^{z_1}e^{z_2}: the sum
    over its first term only, the other terms (which must not use its index) outside the product
    the sum ends."""
    parents = {id(child): parent for parent in t.walk(node) for child in t.children(parent)}
    for candidate in t.walk(node):
        if not (isinstance(candidate, t.Sum) and isinstance(candidate.body, t.Add) and candidate.index is not None):
            continue
        first, *rest = candidate.body.terms
        index = candidate.index.name
        if any(isinstance(n, t.Symbol) and (n.name == index or (n.sub is not None and any(isinstance(s, t.Symbol) and s.name == index for s in t.walk(n.sub)))) for term in rest for n in t.walk(term)):
            continue
        narrow: t.Node = replace(candidate, body=first, span=(candidate.span[0], first.span[1]))
        target: t.Node = candidate
        parent = parents.get(id(target))
        if isinstance(parent, t.Mul) and parent.factors[-1] is target:
            narrow, target = t.Mul(parent.factors[:-1] + (narrow,), parent.ops, parent.span), parent
            parent = parents.get(id(target))
        if isinstance(parent, t.Neg):
            narrow, target = t.Neg(narrow, parent.span), parent
        return [("the sum over its first term only, as typeset", _swap(node, target, t.Add((narrow, *rest), target.span)))]
    return []


RULES = (derivative_scope, first_factor, function_argument, reciprocal, braced_sum, power_variable, laplacian)
