"""Total differentials: `dz = 2xy^3\\,dx + 3x^2y^2\\,dy` read as the partial derivatives of z.

The grammar reads `dz` as the product of the letter d and z (d may be a variable); a claim is a
total differential only in this shape: one side is `d` juxtaposed to one name (`dz`,
`\\mathrm{d}z`, or either at a point, `\\left.dz\\right|_{(1,1)}`), and every term of the other side has exactly one factor `d` juxtaposed to a name
(`dx`), the differential of a variable.  It then says that the coefficient of each `dv` is
∂z/∂v, and is checked as the column of those partials against the column of the coefficients
(`steps` leaves a step unchecked where the definition of z uses a letter whose differential the
claim leaves out: a constant, or a missing term)."""

from __future__ import annotations

from . import tree as t
from .names import key


def differential_of(node: t.Node) -> t.Symbol | None:
    """The name of `dz` or `\\mathrm{d}z`; None for anything else."""
    if isinstance(node, t.Mul) and len(node.factors) == 2 and node.ops == ("",) and _is_d(node.factors[0]):
        name = node.factors[1]
        if isinstance(name, t.Symbol) and not _is_d(name) and not name.primes and name.font in ("", "roman"):
            return name  # not `d\\vec{r}`: a vector's differential is not read
    return None


def is_total_differential(members: "list[t.Node]") -> bool:
    """`dz = … dx + … dy (= …)`: every step of the chain a total differential (`as_partials`)."""
    return len(members) >= 2 and all(as_partials(a, b) is not None for a, b in zip(members, members[1:]))


def coefficients(left: t.Node, right: t.Node) -> "tuple[t.Symbol, list[tuple[t.Symbol, t.Node]]] | None":
    """(z, [(v, coefficient of dv)]) for `dz = …`, in the order the variables are written; None
    when the step is not a total differential."""
    name = differential_of(left)
    found = _terms_by_variable(right) if name is not None else None
    if name is None or not found or set(found) == {key(name)}:
        return None
    return name, list(found.values())


def as_partials(left: t.Node, right: t.Node) -> "list[tuple[str, t.Node, t.Node]] | None":
    """The step as pairs (`dv`, ∂z/∂v, coefficient of dv), in the order the differentials are
    written; a step between two sums of differentials (`= x\\,dy + y\\,dx`) pairs their
    coefficients (0 for a differential one side leaves out).  None when the step is not a total
    differential; a lone differential on each side (`df_1 = df_2`) is an equality of
    differentials, not one."""
    point = left.point if isinstance(left, t.Evaluate) else None
    read = coefficients(left.operand if isinstance(left, t.Evaluate) else left, right)
    if read is not None:
        name, pairs = read
        if len(pairs) == 1 and _one(pairs[0][1]):
            return None
        unnamed = point is not None and len(point) == 1 and isinstance(point[0][0], t.Symbol) and not point[0][0].name
        if point is not None and unnamed and isinstance(point[0][1], t.Tuple) and len(point[0][1].items) == len(pairs):
            point = tuple(zip((v for v, _ in pairs), point[0][1].items))  # `|_{(1,1)}`: in the order the differentials are written

        def partial(v: t.Symbol) -> t.Node:
            derivative = t.Derivative("partial", (v,), name, "leibniz", left.span)
            return derivative if point is None else t.Evaluate(derivative, point, left.span)  # `\\left.dz\\right|_{(1,1)}`
        return [(f"d{key(v)}", partial(v), c) for v, c in pairs]
    if point is not None:
        return None
    first, second = _terms_by_variable(left), _terms_by_variable(right)
    if first is None or second is None or (len(first) == len(second) == 1 and _one(*(c for _, c in first.values())) and _one(*(c for _, c in second.values()))):
        return None
    order = list(first) + [v for v in second if v not in first]
    zero = t.Number("0", right.span)
    return [(f"d{v}", first[v][1] if v in first else zero, second[v][1] if v in second else zero) for v in order]


def _terms_by_variable(node: t.Node) -> "dict[str, tuple[t.Symbol, t.Node]] | None":
    """Variable key -> (variable, coefficient), in the order written, for a sum of terms with one
    differential each; None otherwise."""
    found: dict[str, tuple[t.Symbol, list[t.Node]]] = {}
    for term in node.terms if isinstance(node, t.Add) else (node,):
        split = _split(term)
        if split is None:
            return None
        found.setdefault(key(split[0]), (split[0], []))[1].append(split[1])
    return {v: (symbol, terms[0] if len(terms) == 1 else t.Add(tuple(terms), node.span)) for v, (symbol, terms) in found.items()}


def _split(term: t.Node) -> "tuple[t.Symbol, t.Node] | None":
    """(v, coefficient) of a term with exactly one differential `dv` among its factors."""
    if isinstance(term, t.Neg):
        inner = _split(term.operand)
        return None if inner is None else (inner[0], t.Neg(inner[1], term.span))
    alone = differential_of(term)
    if alone is not None:
        return alone, t.Number("1", term.span)
    if not isinstance(term, t.Mul):
        return None
    factors, ops = list(term.factors), list(term.ops)
    places = [k for k in range(len(factors) - 1) if ops[k] == "" and _is_d(factors[k]) and differential_of(t.Mul((factors[k], factors[k + 1]), ("",), term.span)) is not None]
    if len(places) != 1:
        return None
    k = places[0]
    variable = factors[k + 1]
    assert isinstance(variable, t.Symbol)
    kept = [i for i in range(len(factors)) if i not in (k, k + 1)]
    if not kept:
        return variable, t.Number("1", term.span)
    if len(kept) == 1:
        return variable, factors[kept[0]]
    kept_ops = tuple(ops[a] if b == a + 1 else "" for a, b in zip(kept, kept[1:]))
    return variable, t.Mul(tuple(factors[i] for i in kept), kept_ops, term.span)


def _one(node: t.Node) -> bool:
    return isinstance(node, t.Number) and node.value == "1"


def _is_d(node: t.Node) -> bool:
    return isinstance(node, t.Symbol) and node.name == "d" and node.font in ("", "roman") and not node.sub and not node.primes and not node.accent

