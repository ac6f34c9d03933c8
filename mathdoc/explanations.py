"""Why a step that differs in every reading was never meant as an identity.

Each rule looks at the claim's trees and the values compared and, when it recognises what the
relation really is (a name for a value, a differential equation, a value at a point stated in the
prose, an equation in an unknown, a condition), says so: the step is then `unchecked` with that
reason, never `wrong`.  The rules are tried in the order of `EXPLANATIONS`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy
from sympy.core.function import AppliedUndef

from .grammar import tree as t
from .grammar.names import DOTS, INDEX_LETTERS, key, undotted
from .constant_ranges import DOMAIN, range_of_a_constant
from .outcome import LayoutResult
from .semantics.values import Value

if TYPE_CHECKING:
    from .steps import _Context


def explain(result: LayoutResult, context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """A step that differs in every reading, but was never meant as an identity: say what it is."""
    for rule in EXPLANATIONS:
        found = rule(context, values)
        if found is not None and found.condition is not None:
            # the difference is kept: without the condition in the prose the step is wrong
            return replace(found, otherwise=result.message, expected=result.expected, point=result.point, lhs_value=result.lhs_value, rhs_value=result.rhs_value)
        if found is not None:
            return found
    return None


def _names_a_value(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`f'(c) = y`, `F_x = yz^2`: a letter that names the other side (a definition or a given value)."""
    for one, other in ((context.left, context.right), (context.right, context.left)):
        partial = isinstance(one, t.Symbol) and isinstance(one.sub, t.Symbol) and one.name in context.defined
        if isinstance(one, t.Symbol) and one.accent in DOTS and key(one) not in context.defined:
            if key(undotted(one)) in context.defined:
                continue  # `\\ddot y` of a defined y is computed
            return LayoutResult("unchecked", "undefined-function", f"`{key(undotted(one))}` is not defined earlier in the document, so its derivative by time `\\{one.accent}{{{key(undotted(one))}}}` is unknown")
        if isinstance(one, t.Symbol) and key(one) in context.through_definitions:
            continue  # `\\nabla^2 f = Q` after `f(\\mathbf x) = \\mathbf x^\\top Q \\mathbf x`: Q is in what is computed
        if isinstance(one, t.Symbol) and not one.font and one.name and not partial:  # `f_x` of a defined f is computed
            mentioned = {n.name for n in t.walk(other) if isinstance(n, t.Symbol)}
            if one.name not in mentioned:
                return LayoutResult("unchecked", "evaluation", f"`{_name(one)}` names the other side here (a definition or a given value); there is nothing to compute")
    return None


def _subscript_equation(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`y_{tt} = a^2 y_{xx}`, `u_x + u_t = 5`: an undefined name with letter subscripts on both
    sides, or with two subscripts, reads as partial derivatives in subscript notation (a partial
    differential equation, or a chain rule written so), not as abbreviations or a value at a
    point.  A subscript that names a function the claim applies (`\\epsilon_g` beside `g(a)`) is a
    label, not a variable."""
    nodes = t.walk(context.left) + t.walk(context.right)
    functions = {n.operand.name for n in nodes if isinstance(n, t.Prime) and isinstance(n.operand, t.Symbol)} | set(context.applied)

    def subscripts(node: t.Node) -> set[tuple[str, str]]:
        return {(n.name, n.sub.name) for n in t.walk(node) if isinstance(n, t.Symbol) and isinstance(n.sub, t.Symbol) and not n.font
                and not n.sub.font and n.sub.name.isalpha() and not set(n.sub.name) <= set(INDEX_LETTERS)
                and n.name not in context.defined and n.sub.name not in functions}
    left, right = subscripts(context.left), subscripts(context.right)
    both = {base for base, _ in left} & {base for base, _ in right}
    several = {base for base, _ in left | right if len({sub for b, sub in left | right if b == base}) > 1}
    if not both | several:
        return None
    base = sorted(both | several)[0]
    written = ", ".join(f"`{b}_{{{sub}}}`" if len(sub) > 1 else f"`{b}_{sub}`" for b, sub in sorted(left | right) if b == base)
    return LayoutResult("unchecked", "undefined-function", f"{written}: partial derivatives in subscripts of `{base}`, which the math does not define here (a partial differential equation?)")


def _abbreviation(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`-\\frac{e^{z_1}}{\\sum_k e^{z_k}}\\cdot\\frac{e^{z_2}}{\\sum_k e^{z_k}} = -\\hat y_1\\hat y_2`: an algebra step
    whose one side is written only in names the document does not define and the other side does
    not write: it introduces them as abbreviations (softmax outputs said in the prose)."""
    from .claims import has_derivative

    if has_derivative(context.left) or has_derivative(context.right):
        return None
    if any(isinstance(n, t.Symbol) and not n.accent and not n.font and isinstance(n.sub, t.Symbol) and set(n.sub.name) <= set("rstuvwxyz") and n.name in context.defined
           for n in t.walk(context.left) + t.walk(context.right)):
        return None  # `f_{xx}` of a defined f: its partial derivative, not an abbreviation
    for one, other in ((context.left, context.right), (context.right, context.left)):
        if any(isinstance(n, (t.Limit, t.Sum, t.Integral)) for n in t.walk(one)):
            continue  # the variable of a limit, a sum or an integral is bound, not an abbreviation
        names = {_name(n) for n in t.walk(one) if isinstance(n, t.Symbol)}
        mentioned = {_name(n) for n in t.walk(other) if isinstance(n, t.Symbol)}
        if names and mentioned and not names & (mentioned | context.defined | context.through_definitions):
            shown = ", ".join(f"`{n}`" for n in sorted(names))
            return LayoutResult("unchecked", "evaluation", f"the step writes the other side in {shown}, which the math does not define (abbreviations said in the prose?)")
    return None


def differential_equation(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{dP}{dt} = kP`, `y' = -x + y^2`: the unknown appears on both sides, an equation to solve
    (unless the document defines the unknown near the claim: then the claim says it solves it).
    A step whose both sides differentiate the same two or more undefined functions by one variable
    (`g(x) + h(x) + \\epsilon(g'(x) + h'(x))`, `u'(vw) + u[vw]'`) is a rule about them, not an equation."""
    if rule_of_several_functions(context):
        return None
    if rate_at_a_stated_value(context):
        return None  # `2s\\frac{ds}{dt} = 60` "when $s = 10$": a value at a point (see `_value_at_a_point`)
    for one, other in ((context.left, context.right), (context.right, context.left)):
        unknowns = _differentiated(one, unknowns_only=True) - context.defined_near - context.closed_near
        mentioned = {_name(n) for n in outside_derivatives(other) if isinstance(n, t.Symbol)}
        if unknowns & mentioned:
            return LayoutResult("unchecked", "equation", "a differential equation (its unknown appears on both sides), not an identity")
    differentiated = [_differentiated(context.left), _differentiated(context.right)]
    shared = (differentiated[0] & differentiated[1]) - context.defined
    patterned = any(isinstance(n, t.Dots) for n in t.walk(context.left) + t.walk(context.right))
    if (shared and not patterned and not acts_on_a_combination(context.left) and not acts_on_a_combination(context.right)
            and not _through_intermediates(context.left, context.right) and _derivatives_written(context.left) != _derivatives_written(context.right)):
        name = sorted(shared)[0]
        if _by_arrays(context.left, context.right):
            # `\\frac{\\partial L}{\\partial V} = A^\\top \\frac{\\partial L}{\\partial O}`: backpropagation through a layer, for any L
            return LayoutResult("unchecked", "undefined-function", f"a rule relating derivatives of `{name}` (which the document does not define) by vectors or matrices: backpropagation through a layer, for any `{name}`; not checked")
        return LayoutResult("unchecked", "equation", f"a differential equation in `{name}` (derivatives of one unknown on both sides), not an identity")
    return None


def rule_of_several_functions(context: _Context) -> bool:
    """Both members differentiate two or more of the same undefined functions, all by one
    variable, and no two of them are entries of one indexed family (`x_1`, `x_2` of a system):
    a rule about arbitrary functions (the sum rule derived with `g(x)`, `h(x)`), which holds or
    fails for every instance, not a differential equation; an equation relates different
    derivatives on its two sides (`\\dot q = \\frac{\\partial H}{\\partial p}`)."""
    sides = [_derivatives_by(member, context.defined) for member in (context.left, context.right)]
    shared = {name for name, _ in sides[0]} & {name for name, _ in sides[1]}
    variables = {variable for side in sides for _, variable in side}
    bases = {name.split("_")[0] for name in shared}
    if not (len(shared) >= 2 and len(bases) == len(shared) and len(variables) == 1 and not variables & shared):
        return False
    # the shape of a rule: a derivative of a combination, or one times something other than a number
    # (`u'(vw)`, `\\epsilon g'(x)`); `u' + v' = 2u' - v'` relates the derivatives themselves, an equation
    return any(acts_on_a_combination(member) or _scaled_derivative(member) for member in (context.left, context.right))


def _scaled_derivative(member: t.Node) -> bool:
    """Some product in the member has a derivative among its factors and a factor that is not a number."""
    for n in _outside_integrals(member):
        if isinstance(n, t.Mul) and any(_has_derivative(f) for f in n.factors):
            if sum(1 for f in n.factors if not isinstance(f, t.Number)) >= 2:
                return True
        if isinstance(n, t.Apply) and isinstance(n.head, t.Prime) and not all(isinstance(a, t.Symbol) for a in n.args):
            return True  # `u'(vw)`: read as u' at vw or as u' times (vw), a rule's shape either way
        if isinstance(n, t.Apply) and isinstance(n.head, t.Symbol) and any(_has_derivative(a) for a in n.args):
            return True  # `\\epsilon\\left(g'(x) + h'(x)\\right)`: a letter times derivatives, or a function of them
    return False


def _has_derivative(node: t.Node) -> bool:
    return any(isinstance(n, (t.Derivative, t.Prime)) for n in t.walk(node))


def _derivatives_by(member: t.Node, defined: frozenset[str]) -> set[tuple[str, str]]:
    """(name, variable) for each undefined name differentiated in a member, a name inside a
    differentiated product or sum included (`v`, `w` of `[vw]'`); a prime's variable is `'`."""
    found = set()
    for n in _outside_integrals(member):
        if isinstance(n, t.Prime):
            variable = "'"
        elif isinstance(n, t.Derivative) and len(n.variables) == 1 and isinstance(n.variables[0], t.Symbol):
            variable = _name(n.variables[0])
        else:
            continue
        names = {_name(s) for s in t.walk(n.operand) if isinstance(s, t.Symbol) and not s.font} - defined
        found |= {(name, variable) for name in names if name and name != variable}
    return found


def _by_arrays(left: t.Node, right: t.Node) -> bool:
    """Some derivative of the step is by a vector or a matrix (a bold name, a capital)."""
    return any(isinstance(v, t.Symbol) and (v.font == "bold" or v.name[:1].isupper())
               for n in t.walk(left) + t.walk(right) if isinstance(n, t.Derivative) for v in n.variables)


def unknown_beside_its_derivative(context: _Context) -> LayoutResult | None:
    """`x'' + \\lambda x = 0`, `x''(t) + 3x(t) = f(t)`: an undefined unknown written beside its own
    derivative: the reason to give a step that cannot be evaluated (it never decides a verdict).
    One unknown only: `\\frac{dw}{dt} h + w \\frac{dh}{dt}` is a product rule, not an equation."""
    differentiated = _differentiated(context.left) | _differentiated(context.right)
    if len(differentiated) != 1 or rate_at_a_stated_value(context):
        return None
    for member in (context.left, context.right):
        unknowns = _differentiated(member, unknowns_only=True) - context.defined
        mentioned = {_name(n) for n in outside_derivatives(member) if isinstance(n, t.Symbol)}
        applied = {_name(n.head) for n in outside_derivatives(member) if isinstance(n, t.Apply) and isinstance(n.head, t.Symbol)}
        found = sorted(unknowns & (mentioned | applied))
        if found:
            return LayoutResult("unchecked", "equation", f"a differential equation in `{found[0]}` (the unknown beside its derivatives), not an identity")
    return None


def _differentiated(node: t.Node, unknowns_only: bool = False) -> set[str]:
    """The names differentiated in a member (`u` of `\\frac{\\partial^2 u}{\\partial x^2}`); with
    `unknowns_only`, not those differentiated by themselves (`\\frac{d}{dx} x`)."""
    nodes = _outside_integrals(node)
    by = {id(part) for n in nodes if isinstance(n, t.Derivative) for v in n.variables for part in t.walk(v)}  # `\\dot r` of ∂/∂ṙ is a variable
    return {_name(s) for n in nodes if id(n) not in by for s in [_operand_symbol(n)] if s is not None and not (unknowns_only and _by_itself(n))}


def _derivatives_written(node: t.Node) -> set[tuple[str, tuple[str, ...]]]:
    """Each derivative of a name in a member, as (name, its variables in order of name), nested
    derivatives taken together: the two members of `\\frac{\\partial^2 f}{\\partial x\\partial y} =
    2\\frac{\\partial}{\\partial y}\\frac{\\partial f}{\\partial x}` write the same derivative (a rule about
    notation, wrong or right); a differential equation relates different ones."""
    nodes = _outside_integrals(node)
    inner = {id(_unwrapped(n.operand)) for n in nodes if isinstance(n, (t.Derivative, t.Prime))}
    found = set()
    for n in nodes:
        if not isinstance(n, (t.Derivative, t.Prime)) or id(n) in inner:
            continue
        variables: list[str] = []
        current: t.Node = n
        while isinstance(current, (t.Derivative, t.Prime)):
            if isinstance(current, t.Derivative):
                variables.extend(_name(v) if isinstance(v, t.Symbol) else "?" for v in current.variables)
            else:
                variables.extend(["'"] * current.order)
            current = _unwrapped(current.operand)
        head = current.head if isinstance(current, t.Apply) else current
        if isinstance(head, t.Symbol):
            found.add((_name(head), tuple(sorted(variables))))
    return found


def _unwrapped(node: t.Node) -> t.Node:
    return node.inner if isinstance(node, t.Group) else node


def _through_intermediates(left: t.Node, right: t.Node) -> bool:
    """`\\frac{\\partial s}{\\partial y} = \\frac{\\partial s}{\\partial a}\\frac{\\partial a}{\\partial y}`: a name is both
    differentiated and differentiated by — a chain rule, not a differential equation."""
    nodes = t.walk(left) + t.walk(right)
    variables = {_name(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    return bool(variables & (_differentiated(left) | _differentiated(right)))


def chain_of_derivatives(left: t.Node, right: t.Node, defined: set[str]) -> bool:
    """A chain rule in the abstract: both sides written in derivatives of undefined names by
    names (and numbers), through an intermediate (`\\frac{dz}{dt} = \\frac{dz}{dy}\\frac{dy}{dt}`), the
    names differentiated on one side all differentiated on the other.  No expression in the names
    outside a derivative (`\\frac{dy}{dt} = 2y`, which may hold for the y of the prose) and no prime."""
    nodes = t.walk(left) + t.walk(right)
    if any(isinstance(n, (t.Prime, t.Gradient, t.Apply, t.Integral, t.Limit, t.Sum, t.Evaluate)) for n in nodes):
        return False
    derivatives = [n for n in nodes if isinstance(n, t.Derivative)]
    for node in derivatives:
        if not isinstance(node.operand, t.Symbol) or node.operand.font or not all(isinstance(v, t.Symbol) and not v.font for v in node.variables):
            return False
    if any(isinstance(n, t.Symbol) for n in outside_derivatives(left) + outside_derivatives(right)):
        return False
    names = {_name(n) for d in derivatives for n in [d.operand, *d.variables] if isinstance(n, t.Symbol)}
    sides = (_differentiated(left), _differentiated(right))
    return bool(derivatives) and not names & defined and (sides[0] <= sides[1] or sides[1] <= sides[0]) and _through_intermediates(left, right)


def acts_on_a_combination(node: t.Node) -> bool:
    """A derivative of an expression (`(fg)'`, `\\nabla(f + g)`, `\\frac{d}{dx}[y^2]`), not only of names:
    what a differentiation rule states and a differential equation does not."""
    for n in t.walk(node):
        if isinstance(n, (t.Derivative, t.Prime, t.Gradient)):
            operand = n.operand.inner if isinstance(n.operand, t.Group) else n.operand
            while isinstance(operand, (t.Derivative, t.Prime)):
                operand = operand.operand.inner if isinstance(operand.operand, t.Group) else operand.operand
            head = operand.head if isinstance(operand, t.Apply) else operand
            if not isinstance(head, t.Symbol) or (isinstance(operand, t.Apply) and not all(isinstance(a, t.Symbol) for a in operand.args)):
                return True
    return False


def _by_itself(node: t.Node) -> bool:
    """`\\frac{d}{dx} x`: a variable differentiated by itself (1), not an unknown function."""
    symbol = _operand_symbol(node)
    return isinstance(node, t.Derivative) and symbol is not None and any(isinstance(v, t.Symbol) and _name(v) == _name(symbol) for v in node.variables)


def _outside_integrals(node: t.Node) -> list[t.Node]:
    """The sub-nodes not under an integral or a limit: `F'` of `\\int_a^b F'(x)\\,dx = F(b) - F(a)`
    is integrated, not the unknown of an equation."""
    if isinstance(node, (t.Integral, t.Limit)):
        return []
    return [node] + [n for child in t.children(node) for n in _outside_integrals(child)]


def outside_derivatives(node: t.Node) -> list[t.Node]:
    """The sub-nodes not under a derivative: `y` of `y' = ky` is on the right, `f` of `(fg)'` is not."""
    if isinstance(node, (t.Derivative, t.Prime, t.Gradient, t.Integral, t.Limit)):
        return []  # an unknown under an integral or a limit is not an equation's other side
    if isinstance(node, t.Apply) and isinstance(node.head, (t.Prime, t.Derivative)):
        return []  # `u'(v(w(x)))`: the point a derivative is taken at, not an unknown beside it
    found: list[t.Node] = [node]
    for child in t.children(node):
        found.extend(outside_derivatives(child))
    return found


def _operand_symbol(node: t.Node) -> t.Symbol | None:
    if isinstance(node, t.Symbol) and node.accent in DOTS:
        return undotted(node)  # `\\dot x`: x differentiated by time
    operand = node.operand if isinstance(node, (t.Derivative, t.Prime)) else None
    if isinstance(operand, t.Apply):
        operand = operand.head
    return operand if isinstance(operand, t.Symbol) else None


def _one_sided_unknown(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\nabla A = \\lambda \\nabla P`: a letter on one side only is an unknown to solve for."""
    left, right = values
    written = {id(context.left): _written(context.left), id(context.right): _written(context.right)}
    for mine, theirs, own, other in ((left, right, context.left, context.right), (right, left, context.right, context.left)):
        present = {s.name for s in _free_of(theirs)} | written[id(other)]
        outside = {n.name for n in outside_derivatives(own) if isinstance(n, t.Symbol)}
        lonely = sorted(s.name for s in _free_of(mine) if s.name in _letters(context) and s.name in outside and s.name not in present)
        if lonely:
            return LayoutResult("unchecked", "equation", f"an equation in `{lonely[0]}`, which appears on one side only (an unknown to solve for), not an identity")
    return None


def _written(node: t.Node) -> set[str]:
    return {n.name for n in t.walk(node) if isinstance(n, t.Symbol)}


def _letters(context: _Context) -> set[str]:
    """Names written in the claim itself (not entries invented for a generic vector)."""
    return {n.name for n in t.walk(context.left) + t.walk(context.right) if isinstance(n, t.Symbol) and n.sub is None and not n.font}


def rate_at_a_stated_value(context: _Context) -> LayoutResult | None:
    """One side is a number as written and the other differentiates a name the claim's paragraph
    gives a value (related rates: `2s\\frac{ds}{dt} = 60` when $s = 10$): a value at that point,
    not an equation in that name."""
    for one, other in ((context.left, context.right), (context.right, context.left)):
        rates = {_name(n.operand) for n in t.walk(other) if isinstance(n, t.Derivative) and isinstance(n.operand, t.Symbol)}  # `\\frac{ds}{dt}`, not `y'(0)`
        names = sorted(rates & context.stated_here) if _written_number(one) and not (isinstance(one, t.Number) and one.value in ("0", "0.0")) else []
        if names:
            shown = ", ".join(f"`{n}`" for n in names)
            return LayoutResult("unchecked", "evaluation", f"a rate at the value the prose states for {shown} (related rates): the values of the rates are not read, so it is not checked")
    return None


def _written_number(node: t.Node) -> bool:
    """A member written as a number (`60`, `-0.375`, `\\frac{100}{4\\pi\\cdot 25}`)."""
    return all(not isinstance(n, t.Symbol) or n.name == "pi" for n in t.walk(node)) and not any(isinstance(n, (t.Derivative, t.Prime, t.Apply)) for n in t.walk(node))


def _value_at_a_point(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{dr}{d\\theta} = -1-2\\sqrt2` with the point in the prose; `\\frac{\\partial C}{\\partial m} = 36.3`
    computed from data."""
    left, right = values
    if context.states_point and not (_free_of(left) | _free_of(right)):
        return None
    for node, one, other in ((context.left, left, right), (context.right, right, left)):
        # the number is the side written so, or a prime whose variable is only inferred (`u' = \\pi v`
        # after `u = x - 1` in a text on systems, where the prime is by t); not a derivative whose
        # variable is written (`\\frac{\\partial}{\\partial w_1}(w_2^2 + w_3^2) = 2w_1` is wrong)
        number = _is_number(one) and not any(isinstance(n, (t.Derivative, t.Gradient)) for n in t.walk(node))
        if number and _free_of(other):
            return LayoutResult("unchecked", "evaluation", "a value at a point the math does not state (a derivative that is not constant, equated to a number)")
        if number and _decimal(node):
            return LayoutResult("unchecked", "evaluation", "a decimal value, computed from data the math does not state")
    return None


def _dropped_term(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """An algebra step that drops a term (`a + b = a`): it holds under a condition, often stated in the prose."""
    if any(isinstance(n, (t.Derivative, t.Gradient, t.Prime)) for n in t.walk(context.left) + t.walk(context.right)):
        return None
    node, other = context.left, context.right
    if isinstance(node, t.Add) and len(node.terms) > 1:
        mine = {_term_text(term) for term in node.terms}
        kept = [_term_text(term) for term in (other.terms if isinstance(other, t.Add) else (other,))]
        dropped = [term for term in node.terms if _term_text(term) not in set(kept)]
        if len(dropped) == 1 and all(term in mine for term in kept):
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
    return key(node) if node is not None else ""


def _part_of_the_domain(context: _Context, values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{d}{dx}\\sqrt{x^2} = 1`: equal for x > 0, not for x < 0 — a condition the math does not state."""
    left, right = values
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return None
    if any(isinstance(v, sympy.Basic) and v.has(AppliedUndef, sympy.Subs, sympy.Limit, sympy.Integral, sympy.Derivative) for v in values):
        return None  # functions the document only names: no values at points to compare
    if any(isinstance(n, t.Cases) for n in t.walk(context.left) + t.walk(context.right)):
        return None  # cases the claim writes state their conditions: a case that fails is wrong
    # (a piecewise function defined earlier may be claimed on some of its pieces, `f'(t) = 2t+1 if -1 ≤ t ≤ 0`)
    free = sorted(_free_of(left) | _free_of(right), key=lambda s: s.name)
    if len(free) != 1:
        return None
    variable = free[0]
    agree: list[sympy.Rational] = []
    disagree: list[sympy.Rational] = []
    for numerator in (-9, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 9):
        point = sympy.Rational(numerator, 4)
        try:
            a, b = left.subs(variable, point), right.subs(variable, point)
            difference = sympy.N(a - b, 120)  # at 120 digits: e^{-100x} and a saturated tanh still show
            a, b = sympy.N(a, 120), sympy.N(b, 120)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
            continue
        (agree if abs(difference) <= sympy.Float("1e-100", 120) * max(1, abs(a), abs(b)) else disagree).append(point)
    if len(agree) < 2 or not disagree:
        return None
    where = f"{variable} > 0" if all(p > 0 for p in agree) else f"{variable} < 0" if all(p < 0 for p in agree) else "part of the domain"
    worst = min(disagree, key=abs)
    condition = f"{DOMAIN} {variable} {','.join(map(str, agree))} {','.join(map(str, disagree))}"
    return LayoutResult("unchecked", "domain", f"holds for {where} only; fails at {variable} = {worst}", condition=condition)


_ENTRY = re.compile(r"^(.+)_\{?(\d+)\}?$")


def _probability_vector(context: "_Context", values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\frac{\\partial L}{\\partial z_i} = \\hat y_i - y_i` for the cross-entropy of a softmax: the
    sides differ unless the entries of y sum to 1 (labels that are probabilities, one-hot)."""
    left, right = values
    if isinstance(left, sympy.MatrixBase) != isinstance(right, sympy.MatrixBase):
        return None
    if isinstance(left, sympy.MatrixBase) and left.shape != right.shape:
        return None
    differences = list(left - right) if isinstance(left, sympy.MatrixBase) else [left - right]  # `\\nabla_{\\mathbf z} L = \\mathbf s - \\mathbf y` too
    if any(not isinstance(d, sympy.Basic) or d.has(AppliedUndef) for d in differences):
        return None
    free = set().union(*(d.free_symbols for d in differences))
    families: dict[str, list[tuple[int, sympy.Symbol]]] = {}
    for symbol in free:
        match = _ENTRY.match(getattr(symbol, "name", ""))
        if match:
            families.setdefault(match.group(1), []).append((int(match.group(2)), symbol))
    others = sorted(free, key=lambda s: s.name)
    for base in sorted(families):
        entries = [symbol for _, symbol in sorted(families[base], key=lambda pair: pair[0])]
        if len(entries) < 2:
            continue
        constrained = [d.subs(entries[-1], 1 - sum(entries[:-1])) for d in differences]
        if all(_vanishes_at(c, others, seed) for c in constrained for seed in range(3)):
            shown = base.replace("hat{", "\\hat{")
            return LayoutResult("unchecked", "evaluation", f"holds only when {shown}_1 + … + {shown}_n = 1 (a probability vector, such as one-hot labels), a condition the math does not state here", condition=f"probabilities {shown}")
    return None


_MATRIX_ENTRY = re.compile(r"^(.+)_\{?(\d)(\d)\}?$")


def _symmetric_matrix(context: "_Context", values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\nabla_{\\mathbf x}(\\mathbf x^\\top A \\mathbf x) = 2A\\mathbf x` "for symmetric A": the sides
    differ unless the generic matrix is symmetric, a condition the prose states."""
    left, right = values
    entries = list(left - right) if isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase) and left.shape == right.shape else (
        [left - right] if not isinstance(left, sympy.MatrixBase) and not isinstance(right, sympy.MatrixBase) else [])
    if not entries or any(not isinstance(e, sympy.Basic) or e.has(AppliedUndef) for e in entries):
        return None
    symbols = set().union(*(e.free_symbols for e in entries))
    by_name = {getattr(s, "name", ""): s for s in symbols}
    for base in sorted({m.group(1) for name in by_name if (m := _MATRIX_ENTRY.match(name))}):
        mapping = {}
        for name, symbol in by_name.items():
            match = _MATRIX_ENTRY.match(name)
            if match and match.group(1) == base and match.group(2) > match.group(3):
                mirror = f"{base}_{{{match.group(3)}{match.group(2)}}}"
                mapping[symbol] = by_name.get(mirror, sympy.Symbol(mirror))
        if not mapping:
            continue
        others = sorted(symbols, key=lambda s: s.name)
        if all(_vanishes_at(e.subs(mapping), others, seed) for e in entries for seed in range(2)):
            shown = base.replace("bold:", "")
            return LayoutResult("unchecked", "evaluation", f"holds only for a symmetric `{shown}` ({shown}ᵀ = {shown}), a condition the math does not state here", condition=f"symmetric {shown}")
    return None


def _vanishes_at(value: sympy.Expr, symbols: "list[sympy.Symbol]", seed: int) -> bool:
    point = {symbol: sympy.Rational(3 + (7 * k + 5 * seed) % 11, 7) for k, symbol in enumerate(symbols)}
    try:
        number = sympy.N(value.subs(point), 30)
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    return bool(number.is_number and number.is_finite and abs(number) < sympy.Float("1e-20"))


def _differentials(context: "_Context", values: tuple[Value, Value]) -> LayoutResult | None:
    """`dx_j = \\gamma_j'(t)\\,dt`: differentials on both sides, not products with a variable d."""
    def has_differential(node: t.Node) -> bool:
        return any(
            isinstance(n, t.Mul) and any(isinstance(a, t.Symbol) and a.name == "d" and a.sub is None and isinstance(b, t.Symbol) for a, b in zip(n.factors, n.factors[1:]))
            for n in t.walk(node)
        )

    if has_differential(context.left) and has_differential(context.right):
        return LayoutResult("unchecked", "unparsed", "differentials (`dx`, `dt`) on both sides are not evaluated")
    return None


def _particular_generic(context: "_Context", values: tuple[Value, Value]) -> LayoutResult | None:
    """`\\det(H) = f_{xx}f_{yy} - f_{xy}^2` with H not defined: a generic matrix (or vector) the step
    neither differentiates nor differentiates by, compared with particular values."""
    if not context.matrix_context:
        return None
    differentiated: set[str] = set()
    for node in t.walk(context.left) + t.walk(context.right):
        if isinstance(node, (t.Derivative, t.Gradient, t.Prime)):
            differentiated |= {_name(n) for n in t.walk(node) if isinstance(n, t.Symbol)}
    sides = [{_name(n) for n in t.walk(member) if isinstance(n, t.Symbol) and _generic_name(n)} for member in (context.left, context.right)]
    lonely = sorted((sides[0] ^ sides[1]) - differentiated - context.defined - context.through_definitions)
    if lonely:
        shown = lonely[0].replace("bold:", "")
        return LayoutResult("unchecked", "undefined-function", f"`{shown}` is a matrix or vector the document does not define, compared with particular values: the step cannot be decided")
    return None


def _generic_name(node: t.Symbol) -> bool:
    """`H`, `\\mathbf v`, `\\boldsymbol\\delta_2` (a layer's vector): a name evaluated as generic entries."""
    layer = node.font == "bold" and isinstance(node.sub, t.Number)
    return (node.sub is None or layer) and not node.accent and (node.font == "bold" or (not node.font and len(node.name) == 1 and node.name.isupper()))


EXPLANATIONS = (_particular_generic, _differentials, _names_a_value, _subscript_equation, _abbreviation, _probability_vector, _symmetric_matrix, differential_equation, _part_of_the_domain, range_of_a_constant, _value_at_a_point, _one_sided_unknown, _dropped_term)
