"""What the document defines, read from the tree: functions, symbols and stated equalities."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..grammar import parse, tree as t
from ..grammar.names import key

DOTS_FREE = "no-dots"


@dataclass
class Definitions:
    functions: dict[str, tuple[tuple[t.Node, ...], t.Node]] = field(default_factory=dict)
    """name -> (parameters, body): `f(x, y) = 3x^2y`."""
    symbols: dict[str, t.Node] = field(default_factory=dict)
    """name -> body: `y_1 = 3x_1^2x_2`, `bold:x -> [x_1, x_2, x_3]^T`."""
    equalities: list[tuple[t.Node, t.Node]] = field(default_factory=list)
    """`f_i(w_i) + g_i(x_i) = w_i + x_i`: stated equalities between expressions."""

    equations: list[tuple[t.Node, t.Node]] = field(default_factory=list)
    """`x^2 + y^2 = 25`: curves and constraints stated earlier (for implicit derivatives)."""
    values: dict[str, t.Node] = field(default_factory=dict)
    """name -> number: `n = 5` stated in the prose; substituted only in the reading "with the stated values"."""
    reading_far: bool = False
    """Set while a far definition is added (a value stated far away is not a reading)."""
    far: bool = False
    """Some definition was made far from the claim (see `context.NEAR`)."""

    @classmethod
    def from_pairs(cls, pairs: "tuple[tuple[str, ...], ...]", near_only: bool = False) -> "Definitions":
        """From (head, body) or (head, body, "near"/"far") texts; `near_only` drops the far ones."""
        defs = cls()
        for entry in pairs:
            head_text, body_text = entry[0], entry[1]
            far = len(entry) > 2 and entry[2] == "far"
            if far and near_only:
                continue
            defs.far = defs.far or far
            head, body = parse(head_text), parse(body_text)
            defs.reading_far = far
            defs.add(head, body)
        defs.reading_far = False
        return defs

    def add(self, head: t.Node, body: t.Node) -> None:
        if isinstance(body, t.Unsupported):
            return
        if isinstance(head, t.Apply) and isinstance(head.head, t.Symbol) and all(isinstance(a, t.Symbol) for a in head.args):
            if _is_number(body) or (isinstance(body, t.Symbol) and all(key(body) != key(a) for a in head.args if isinstance(a, t.Symbol))):
                return  # `f(x, y) = 0 if and only if …`, `g(x, y) = k`: a condition, not a function to differentiate
            self.functions[key(head.head)] = (head.args, body)
        elif isinstance(head, t.Symbol):
            if _is_number(body):
                if not self.reading_far:
                    self.values[key(head)] = body  # `x = 1`, `n = 5`: an example value, used as a reading only
                return
            self.symbols[key(head)] = body
        elif isinstance(head, t.Transpose) and isinstance(head.operand, t.Symbol):
            self.symbols[key(head.operand)] = t.Transpose(body, body.span)
        elif isinstance(head, t.Add) and all(isinstance(term, t.Apply) or (isinstance(term, t.Neg) and isinstance(term.operand, t.Apply)) for term in head.terms):
            self.equalities.append((head, body))
        else:
            self.equations.append((head, body))


def _is_number(node: t.Node) -> bool:
    if isinstance(node, t.Number):
        return True
    if isinstance(node, t.Neg):
        return _is_number(node.operand)
    if isinstance(node, (t.Frac, t.Div)):
        return _is_number(node.numerator) and _is_number(node.denominator)
    return False
