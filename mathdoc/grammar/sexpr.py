"""The tree printed as an S-expression: how the grammar's fixtures state what a formula means."""

from __future__ import annotations

from . import tree as t


def sexpr(node: t.Node) -> str:
    if isinstance(node, t.Number):
        return node.value
    if isinstance(node, t.Symbol):
        return _symbol(node)
    if isinstance(node, t.Text):
        return f"(text {node.text!r})"
    return _calculus(node) or _compound(node)


def _calculus(node: t.Node) -> str | None:
    if isinstance(node, t.Function):
        extra = "".join(f" :{name} {sexpr(value)}" for name, value in (("base", node.base), ("power", node.power)) if value is not None)
        return f"{node.name}{extra}" if not extra else f"({node.name}{extra})"
    if isinstance(node, t.Apply):
        head = sexpr(node.head)
        args = " ".join(sexpr(a) for a in node.args)
        return f"({'apply' if node.parens else 'apply*'} {head} {args})"
    if isinstance(node, t.Mul):
        parts = [sexpr(node.factors[0])]
        for op, factor in zip(node.ops, node.factors[1:]):
            parts.append(f"{op} {sexpr(factor)}" if op else sexpr(factor))
        return f"(* {' '.join(parts)})"
    if isinstance(node, t.Derivative):
        variables = " ".join(sexpr(v) for v in node.variables)
        return f"({node.kind} {node.form} ({variables}) {sexpr(node.operand)})"
    if isinstance(node, t.Gradient):
        variable = f" :by {sexpr(node.variable)}" if node.variable is not None else ""
        name = node.kind if node.kind != "grad" else ("hessian" if node.order == 2 else "grad")
        return f"({name}{variable} {sexpr(node.operand)})"
    if isinstance(node, t.Evaluate):
        point = " ".join(f"({sexpr(a)} {sexpr(b)})" if not (isinstance(a, t.Symbol) and not a.name) else sexpr(b) for a, b in node.point)
        return f"(at {sexpr(node.operand)} {point})"
    if isinstance(node, t.Prime):
        return f"(prime {node.order} {sexpr(node.operand)})"
    return _integral(node)


def _integral(node: t.Node) -> str | None:
    if isinstance(node, t.Integral):
        bounds = "".join(f" {sexpr(b)}" for b in (node.lower, node.upper) if b is not None)
        return f"(int {sexpr(node.variable)}{bounds} {sexpr(node.integrand)})"
    if isinstance(node, t.Limit):
        return f"(lim {sexpr(node.variable)} {sexpr(node.point)}{node.direction} {sexpr(node.operand)})"
    return None


def _compound(node: t.Node) -> str:
    if isinstance(node, t.Matrix):
        rows = " ".join("[" + " ".join(sexpr(c) for c in row) + "]" for row in node.rows)
        return f"(matrix {rows})"
    if isinstance(node, t.Tuple):
        return f"(tuple{node.bracket} {' '.join(sexpr(i) for i in node.items)})"
    if isinstance(node, t.Sum):
        bound = ""
        if node.index is not None:
            bound = f" {sexpr(node.index)}" + (f" {sexpr(node.lower)}" if node.lower is not None else "") + (f" {sexpr(node.upper)}" if node.upper is not None else "")
        return f"({node.kind}{bound} {sexpr(node.body)})"
    if isinstance(node, t.Norm):
        sub = f" :sub {sexpr(node.sub)}" if node.sub is not None else ""
        return f"(norm{sub} {sexpr(node.inner)})"
    if isinstance(node, t.Sqrt):
        index = f" :index {sexpr(node.index)}" if node.index is not None else ""
        return f"(sqrt{index} {sexpr(node.radicand)})"
    if isinstance(node, t.Cases):
        rows = " ".join(f"[{sexpr(v)} {sexpr(c) if c is not None else 'otherwise'}]" for v, c in zip(node.values, node.conditions))
        return f"(cases {rows})"
    if isinstance(node, t.Condition):
        parts = [sexpr(node.members[0])] + [f"{op} {sexpr(m)}" for op, m in zip(node.relations, node.members[1:])]
        return f"(if {' '.join(parts)})"
    if isinstance(node, t.Dots):
        return "..."
    if isinstance(node, t.Unsupported):
        return f"(unsupported {node.code} {node.reason!r})"
    name = _NAMES[type(node)]
    return f"({name} {' '.join(sexpr(c) for c in t.children(node))})"


_NAMES = {t.Neg: "-", t.Add: "+", t.Div: "/", t.Frac: "frac", t.Pow: "^", t.Transpose: "T", t.Group: "group", t.Abs: "abs"}


def _symbol(node: t.Symbol) -> str:
    text = node.name
    if node.font:
        text = f"{node.font}:{text}"
    if node.accent:
        text = f"{node.accent}:{text}"
    if node.sub is not None:
        text += f"_{sexpr(node.sub)}"
    return text + "'" * node.primes
