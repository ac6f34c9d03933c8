"""A claim that holds only for some values of a constant, and the prose that states which.

`\\frac{d}{dx}\\max(\\alpha x, x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases}` (the leaky
ReLU) holds for α ≤ 1 and fails for α > 1. That is a condition on the constant, not a mistake:
the step is `unchecked` with code `domain` and the values where it holds and fails; it is
`verified` when a formula in the paragraph before it states a range of the constant inside those
values (`$0 < \\alpha < 1$`), and `wrong` when the range it states is where the step fails.

`range_of_a_constant` runs in the worker, on the values of the two sides; `stated_range` runs in
the main process, on the source text (see `prose_conditions.stated_conditions`), without SymPy (a warm run from
the cache never imports it).
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Callable

from .grammar import tree as t
from .grammar.names import key
from .outcome import LayoutResult

if TYPE_CHECKING:
    import sympy

    from .semantics.values import Value
    from .step_context import _Context

TRIALS = tuple(Fraction(n, 4) for n in (-9, -7, -5, -3, -2, -1, 1, 2, 3, 5, 7, 9))
"""Values tried for the constant, and for the other letters (never 0 or 1: a value where many
wrong claims happen to hold)."""
MAX_LETTERS = 4
"""More letters than this, and the search costs more than it tells (a matrix's entries)."""
KIND = "range"
"""The kind of `LayoutResult.condition` this module writes: `range <name> <agree> <disagree>`."""
DOMAIN = "domain"
"""The same for the step's own variable (`\\frac{d}{dx}\\sqrt{x^2} = 1`, see `explanations`):
`domain <variable> <agree> <disagree>`."""


def range_of_a_constant(context: "_Context", values: "tuple[Value, Value]") -> LayoutResult | None:
    """The sides agree at every point tried for some values of a letter the step does not
    differentiate by (of any letter, in a step without a derivative), and differ for others: a
    condition on that letter."""
    import sympy
    from sympy.core.function import AppliedUndef

    left, right = values
    if not all(isinstance(v, sympy.Expr) for v in values):
        return None
    if any(v.has(AppliedUndef, sympy.Subs, sympy.Limit, sympy.Integral, sympy.Derivative) for v in values):  # type: ignore[union-attr]
        return None
    nodes = t.walk(context.left) + t.walk(context.right)
    if any(isinstance(n, (t.Gradient, t.Prime)) for n in nodes):
        return None  # the variables of a gradient or a prime are not written as letters here
    by = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    free = sorted(left.free_symbols | right.free_symbols, key=lambda s: s.name)  # type: ignore[union-attr]
    constants = [s for s in free if s.name not in by]
    if not constants or not 2 <= len(free) <= MAX_LETTERS or (by and len(constants) == len(free)):
        return None  # (a step without a derivative, `\lvert\det J\rvert = r`: each letter in turn)
    for constant in constants:
        others = [s for s in free if s != constant]
        agree, disagree = [], []
        for value in TRIALS:
            exact = sympy.Rational(value.numerator, value.denominator)
            verdict = _agrees(left.subs(constant, exact), right.subs(constant, exact), others)  # type: ignore[union-attr]
            if verdict is not None:
                (agree if verdict else disagree).append(value)
        if len(agree) >= 2 and disagree:
            fails = min(disagree, key=abs)
            holds = ", ".join(str(v) for v in sorted(agree, key=abs)[:2])
            return LayoutResult(
                "unchecked", "domain",
                f"holds only for some values of {constant.name} (for {constant.name} = {holds}, not for {constant.name} = {fails}), a condition the math does not state here",
                condition=f"{KIND} {constant.name} {','.join(map(str, agree))} {','.join(map(str, disagree))}",
            )
    return None


def _agrees(left: "sympy.Expr", right: "sympy.Expr", others: "list[sympy.Symbol]") -> bool | None:
    """Whether the sides agree at every point tried of the other letters (None: too few points)."""
    import sympy

    agreed = 0
    for k in range(10):
        point = {s: sympy.Rational(str(TRIALS[(3 * k + 5 * j) % len(TRIALS)])) for j, s in enumerate(others)}
        try:
            a, b = sympy.N(left.subs(point), 60), sympy.N(right.subs(point), 60)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
            continue
        if abs(a - b) > sympy.Float("1e-40", 60) * max(1, abs(a), abs(b)):
            return False
        agreed += 1
    return True if agreed >= 3 else None


_MATH = re.compile(r"\$\$?([^$]+?)\$\$?|\\\((.+?)\\\)", re.DOTALL)
_SEPARATORS = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{[^{}]*\}|\\q?quad\b|\\[,;:]|[,;]|\\(?:forall|text\s*\{\s*for\s*\})")
"""What parts a formula into its claim and its conditions (`= 1 \\text{ for } x > 0`, `= 1/x, \\quad x > 0`)."""
_RELATION = re.compile(r"\\leqslant|\\geqslant|\\leq?|\\geq?|\\lt|\\gt|<|>")


def stated_range(paragraph: str, condition: str) -> tuple[str, str | None] | None:
    """The formula of `paragraph` that states a range of the constant of `condition`, when the
    step holds at every value tried inside it (then `(formula, None)`), or at none (then
    `(formula, a value inside it where the step fails)`); None otherwise."""
    _, name, agree_text, disagree_text = condition.split(" ")
    agree = [Fraction(v) for v in agree_text.split(",")]
    disagree = [Fraction(v) for v in disagree_text.split(",")]
    formulas = (piece.strip() for match in _MATH.finditer(paragraph) for piece in _SEPARATORS.split(match.group(1) or match.group(2) or ""))
    for formula in formulas:
        relation = _range(formula, name)
        if relation is None:
            continue
        inside = [v for v in agree + disagree if relation(v)]
        if inside and all(v in agree for v in inside):
            return formula, None
        if inside and all(v in disagree for v in inside):
            return formula, f"{name} = {min(inside, key=abs)}"
    return None


_TESTS: dict[str, Callable[[Fraction, Fraction], bool]] = {
    "<": lambda a, b: a < b, "\\lt": lambda a, b: a < b, ">": lambda a, b: a > b, "\\gt": lambda a, b: a > b,
    "\\le": lambda a, b: a <= b, "\\leq": lambda a, b: a <= b, "\\leqslant": lambda a, b: a <= b,
    "\\ge": lambda a, b: a >= b, "\\geq": lambda a, b: a >= b, "\\geqslant": lambda a, b: a >= b,
}


def _range(formula: str, name: str) -> Callable[[Fraction], bool] | None:
    """`0 < \\alpha < 1`, `\\alpha \\ge 0` as a test of a value of the constant `name`, or None: each
    member a number or the constant itself, read by the grammar."""
    from .grammar import parse

    pieces = _RELATION.split(formula)
    operators = _RELATION.findall(formula)
    if not operators or len(pieces) != len(operators) + 1:
        return None
    members = [_member(parse(piece.strip()), name) for piece in pieces]
    if any(m is None for m in members) or not any(m == "" for m in members):
        return None

    def holds(value: Fraction) -> bool:
        values = [value if m == "" else m for m in members]
        return all(_TESTS[op](a, b) for op, a, b in zip(operators, values, values[1:]))  # type: ignore[arg-type]

    return holds


def _member(node: t.Node, name: str) -> Fraction | str | None:
    """A member of a range: its number, "" for the constant itself, None for anything else."""
    if isinstance(node, t.Symbol) and key(node) == name:
        return ""
    if isinstance(node, t.Number):
        return Fraction(node.value)
    if isinstance(node, t.Neg):
        inner = _member(node.operand, name)
        return -inner if isinstance(inner, Fraction) else None
    if isinstance(node, (t.Frac, t.Div)):
        top, bottom = _member(node.numerator, name), _member(node.denominator, name)
        return top / bottom if isinstance(top, Fraction) and isinstance(bottom, Fraction) and bottom else None
    return None


def outside_a_stated_range(sentence: str, point: "tuple[tuple[str, str], ...]") -> str | None:
    """A range the claim's own sentence states for a letter of the counterexample (`whenever $z <
    0$`) that the counterexample's value lies outside: the formula, else None.  The counterexample
    then does not stand under the text's own condition, so the step is not called wrong there."""
    values = {}
    for name, text in point:
        try:
            values[name] = Fraction(text)
        except (ValueError, ZeroDivisionError):
            continue
    formulas = (piece.strip() for match in _MATH.finditer(sentence) for piece in _SEPARATORS.split(match.group(1) or match.group(2) or ""))
    for formula in formulas:
        for name, value in values.items():
            relation = _range(formula, name)
            if relation is not None and not relation(value):
                return formula
    return None
