"""Names of tree symbols: the key a definition is stored under and the SymPy symbol's name.

`x_1` and `x_{1}` are one name; `\\mathbf{x}` is the vector `bold:x`, whose entries are `x_1`,
`x_2`, …, so that a claim may mix the vector and its components.  Indices bound by a sum are
replaced by their current value (`x_i` inside `\\sum_{i=1}^3` is `x_1`, `x_2`, `x_3`).
"""

from __future__ import annotations

from . import tree as t

INDEX_LETTERS = "ijkl"
"""Letters that index entries (`x_i`, `W_{ij}`): bound by a sum, or free and instantiated."""


def subscript_text(node: t.Node, indices: dict[str, int]) -> str | None:
    if isinstance(node, t.Number):
        return node.value
    if isinstance(node, t.Symbol) and node.sub is None and not node.accent:
        if node.name in indices:
            return str(indices[node.name])
        if len(node.name) > 1 and not node.font and any(letter in indices for letter in node.name) and set(node.name) <= set(INDEX_LETTERS):
            letters = [str(indices[letter]) if letter in indices else letter for letter in node.name]
            return ",".join(letters) if any(len(p) > 1 for p in letters) else "".join(letters)  # `x_{ij}` at i = 1, j = 2: x_12
        return node.name if not node.font or node.font in ("roman", "bold") else None
    if isinstance(node, t.Tuple):
        parts = [subscript_text(item, indices) for item in node.items]
        return ",".join(p for p in parts if p is not None) if all(p is not None for p in parts) else None
    if isinstance(node, t.Text):
        return node.text.replace(" ", "")
    if isinstance(node, t.Mul) and all(op == "" for op in node.ops):
        parts = [subscript_text(f, indices) for f in node.factors]
        if all(p is not None for p in parts):
            return ",".join(p for p in parts if p is not None) if any(len(p or "") > 1 for p in parts) else "".join(p for p in parts if p is not None)
    if isinstance(node, t.Add):
        parts = []
        for term in node.terms:
            if isinstance(term, t.Neg):
                inner = subscript_text(term.operand, indices)
                parts.append(None if inner is None else "-" + inner)
            else:
                parts.append(subscript_text(term, indices))
        if all(p is not None for p in parts):
            numbers = [p.lstrip("-") for p in parts if p is not None]
            if all(n.isdigit() for n in numbers):
                return str(sum(int(p) for p in parts if p is not None))  # `x_{i+1}` at i = 2
            return "+".join(p for p in parts if p is not None).replace("+-", "-")
    return None


def scalar_name(node: t.Symbol, indices: dict[str, int]) -> str | None:
    """The SymPy name of a scalar symbol (`x_1`, `theta`, `hat{y}`), or None when not a plain name."""
    base = node.name
    if node.accent:
        base = f"{node.accent}{{{base}}}"
    if node.font in ("cal", "bb", "frak", "sf", "tt"):
        base = f"{node.font}{{{base}}}"
    if node.sub is None:
        return base
    sub = subscript_text(node.sub, indices)
    if sub is None:
        return None
    return f"{base}_{sub}" if len(sub) == 1 else f"{base}_{{{sub}}}"


def key(node: t.Symbol) -> str:
    """The key under which a definition of `node` is stored (bold and plain names differ)."""
    name = scalar_name(node, {}) or node.name
    return f"bold:{name}" if node.font == "bold" else name


DOTS = ("dot", "ddot")
"""The accents of Newton's notation: `\\dot x`, `\\ddot x` are derivatives of x by time."""


def undotted(node: t.Symbol) -> t.Symbol:
    """x of `\\dot x` (the name whose derivative by time the dot writes)."""
    return t.Symbol(node.name, node.span, font=node.font, sub=node.sub, primes=node.primes)
