"""The rule reading: names a claim differentiates but the document never defines are arbitrary
functions of the claim's variables.

`\\nabla(fg) = (\\nabla f)g + f\\nabla g`, `\\nabla\\cdot(\\nabla\\times F) = 0` and
`\\frac{\\partial^2 f}{\\partial x\\partial y} = \\frac{\\partial^2 f}{\\partial y\\partial x}` state rules
that hold for every f, g and F.  In this reading each such lowercase name is a scalar function
f(x, y, z) and each capital under a divergence or a curl is a vector field (F_1, F_2, F_3) of the
same variables; `verify` then compares the sides on random polynomial instances of them.

| what the claim writes | the variables |
|---|---|
| `\\frac{\\partial f}{\\partial x}`, `\\partial_y f` | those it differentiates by, in order of appearance |
| `\\nabla f` with x, y (or z) written somewhere in the claim | the letters among x, y, z it writes |
| `\\nabla f`, `\\nabla\\cdot F`, `\\nabla\\times F` and no variable written | x, y, z |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

from ..grammar import tree as t
from .env import Definitions
from ..grammar.names import key
from ..grammar.rules.functions import FUNCTION_LETTERS

SPACE = ("x", "y", "z")
_CONVENTIONAL = frozenset(("sigma",))
"""Letters notes use for a known function even where they do not define it (σ, the logistic
function): not an arbitrary function of the rule reading."""
_OPERATORS = (t.Derivative, t.Gradient)


@dataclass(frozen=True, slots=True)
class Ambient:
    variables: tuple[str, ...]
    scalars: frozenset[str]
    """Undefined names read as scalar functions of `variables`."""
    fields: frozenset[str]
    """Undefined capitals under a divergence or a curl, read as vector fields of `variables`."""

    @property
    def label(self) -> str:
        return f"each undefined name as an arbitrary function of {', '.join(self.variables)} (a rule for every function)"


def ambient(left: t.Node, right: t.Node, defs: Definitions) -> Ambient | None:
    """The rule reading of a claim, or None when it has no undefined differentiated name (or writes
    primes, which `implicit_functions` reads, or variables it cannot place).  The definitions the
    claim uses count as written (`F = \\nabla f`, then `\\nabla\\cdot(\\nabla\\times F) = 0`)."""
    defined = frozenset(defs.functions) | frozenset(defs.symbols)
    nodes = _with_definitions(t.walk(left) + t.walk(right), defs)
    if any(isinstance(n, t.Prime) for n in nodes):
        return None
    variables = _variables(nodes)
    if variables is None or _intermediates(nodes):
        return None
    operated = [n for node in nodes if isinstance(node, _OPERATORS) for n in t.walk(node.operand)]
    field_nodes = [n for node in nodes if isinstance(node, t.Gradient) and node.kind in ("div", "curl") for n in t.walk(node.operand)]
    applied = {id(n.head) for n in nodes if isinstance(n, t.Apply)}
    names = {key(n) for n in operated if _candidate(n, applied)} - defined - set(variables) - _CONVENTIONAL
    own = {key(node.operand) for node in nodes if isinstance(node, t.Derivative) and isinstance(node.operand, t.Symbol)}
    if own & names:
        # `\\frac{d}{dt}(\\tfrac12 m v^2) = m v\\frac{dv}{dt}`: the rule is about v, whose derivative the claim
        # writes; m, written only inside the operand, is a constant of it (a mass), not an arbitrary function
        names = {n for n in names if n in own or n in FUNCTION_LETTERS} | (names & {key(n) for node in nodes if isinstance(node, t.Gradient) for n in t.walk(node.operand) if isinstance(n, t.Symbol)})
    fields = {key(n) for n in field_nodes if _candidate(n, applied) and n.name.isupper()} & names
    if not names:
        return None
    if any(isinstance(n, t.Gradient) and n.variable is not None for n in nodes):
        return None  # `\\nabla_{W_Q} L`: by a variable no arbitrary function of x, y, z depends on
    if any(isinstance(n, t.Apply) and isinstance(n.head, t.Symbol) and key(n.head) not in defined
           and any(isinstance(a, t.Number) or (isinstance(a, t.Symbol) and key(a) not in set(variables) | set(SPACE)) for a in n.args) for n in nodes):
        return None  # `\\nabla f(P_0) = \\mathbf 0`: at a point, a condition on f, not a rule for every f
    if fields and tuple(variables) not in ((), SPACE):
        return None
    if not variables:
        if not any(isinstance(n, t.Gradient) for n in nodes):
            return None
        variables = list(SPACE)
    return Ambient(tuple(variables), frozenset(names - fields), frozenset(fields))


def _intermediates(nodes: list[t.Node]) -> bool:
    """A name both differentiated and differentiated by (`\\frac{\\partial s}{\\partial a}\\frac{\\partial a}{\\partial y}`):
    a chain through intermediates, which `steps` reads with the dependencies the claim writes; as
    independent variables of one arbitrary function, `\\frac{\\partial a}{\\partial y}` would be 0."""
    variables = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    operands = {key(n.operand) for n in nodes if isinstance(n, t.Derivative) and isinstance(n.operand, t.Symbol)}
    return bool(variables & operands)


def _with_definitions(nodes: list[t.Node], defs: Definitions) -> list[t.Node]:
    """The nodes, and those of the bodies of the definitions they use (and those use, and so on)."""
    seen: set[str] = set()
    found = list(nodes)
    frontier = [key(n) for n in nodes if isinstance(n, t.Symbol)]
    while frontier and len(seen) < 32:
        name = frontier.pop()
        if name in seen:
            continue
        seen.add(name)
        body = defs.symbols.get(name) or (defs.functions[name][1] if name in defs.functions else None)
        if body is not None:
            below = t.walk(body)
            found.extend(below)
            frontier.extend(key(n) for n in below if isinstance(n, t.Symbol))
    return found


def _candidate(node: t.Node, applied: set[int]) -> TypeGuard[t.Symbol]:
    """A plain name (`f`, `F`, `F_y`), not applied to arguments, not bold, not a differential."""
    return (isinstance(node, t.Symbol) and id(node) not in applied and not node.font and not node.accent
            and not node.primes and node.name not in ("e", "d", "pi") and (len(node.name) == 1 or node.sub is not None))


def _variables(nodes: list[t.Node]) -> list[str] | None:
    """The plain variables a claim differentiates by, then the letters of x, y, z it writes when it
    uses `\\nabla` without a subscript (None when those are not all among x, y, z)."""
    found: list[str] = []
    for node in nodes:
        if isinstance(node, t.Derivative):
            for variable in node.variables:
                if isinstance(variable, t.Symbol) and not variable.font and key(variable) not in found:
                    found.append(key(variable))
    if any(isinstance(n, t.Gradient) and n.variable is None for n in nodes):
        written = {n.name for n in nodes if isinstance(n, t.Symbol) and n.sub is None and not n.font and n.name in SPACE}
        found.extend(name for name in SPACE if name in written and name not in found)
        if not set(found) <= set(SPACE):
            return None
        return [name for name in SPACE if name in found]
    return found
