"""The typed tree of one formula: frozen, slotted nodes, each with its span in the text.

Every stage after the parser reads these nodes (claim recognition, definitions, evaluation); no
stage goes back to the LaTeX text.  `span` is (start, end) in the text the parser was given, so
that a finding can point at the exact characters.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Union

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Number:
    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class Symbol:
    """`x`, `x_1`, `\\alpha`, `\\mathbf{x}`, `\\hat y`, `f''`: a name with its font and decorations."""

    name: str
    """The letter or the Greek command without backslash (`x`, `alpha`, `ell`)."""
    span: Span
    font: str = ""
    """"bold" (`\\mathbf`, `\\boldsymbol`, `\\bm`, `\\vec`), "roman", "cal", "bb", "sf" or ""."""
    sub: "Node | None" = None
    accent: str = ""
    """"hat", "bar", "tilde", "dot", "ddot" or ""."""
    primes: int = 0


@dataclass(frozen=True, slots=True)
class Text:
    """`\\text{...}`: words inside math."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Neg:
    operand: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Add:
    terms: "tuple[Node, ...]"
    """A minus is a `Neg` term; `\\pm` is kept as the term `PlusMinus`."""
    span: Span


@dataclass(frozen=True, slots=True)
class Mul:
    factors: "tuple[Node, ...]"
    ops: tuple[str, ...]
    """Between factors[k] and factors[k+1]: "" (juxtaposition), "cdot", "times", "*", "odot",
    "otimes", "oslash", "circ"."""
    span: Span


@dataclass(frozen=True, slots=True)
class Div:
    """`a / b` written with a slash."""

    numerator: "Node"
    denominator: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Frac:
    """`\\frac{a}{b}` that is not a derivative."""

    numerator: "Node"
    denominator: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Pow:
    base: "Node"
    exponent: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Sqrt:
    radicand: "Node"
    index: "Node | None"
    span: Span


@dataclass(frozen=True, slots=True)
class Transpose:
    operand: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Apply:
    """A function applied to arguments: `\\sin x`, `f(x, y)`, `\\log_2 x`, `\\max(0, x)`."""

    head: "Node"
    """A `Symbol` (a named function such as `f`), a `Function` (`\\sin`) or a `Prime` (`f'`)."""
    args: "tuple[Node, ...]"
    parens: bool
    """The arguments were written in parentheses (`\\sin(x)`), not by juxtaposition (`\\sin x`)."""
    span: Span


@dataclass(frozen=True, slots=True)
class Function:
    """A known function name: `\\sin`, `\\ln`, `\\exp`, `\\operatorname{tr}`, `\\log_b`, `\\sin^2`."""

    name: str
    span: Span
    base: "Node | None" = None
    """The base of `\\log_b`."""
    power: "Node | None" = None
    """The `2` of `\\sin^2 x` (or `-1`, which is ambiguous: the inverse function or 1/sin)."""


@dataclass(frozen=True, slots=True)
class Prime:
    """`f'`, `y''`, `(\\cot x)'`, `g^\\prime`: a derivative written with primes."""

    operand: "Node"
    order: int
    span: Span


@dataclass(frozen=True, slots=True)
class Derivative:
    """`\\frac{d}{dx} e`, `\\frac{dy}{dx}`, `\\frac{\\partial^2 f}{\\partial x\\partial y}`, `\\partial_x f`."""

    kind: str
    """"d" or "partial"."""
    variables: "tuple[Node, ...]"
    """One entry per differentiation, in order (`dx^2` gives x twice)."""
    operand: "Node"
    form: str
    """"operator" (`\\frac{d}{dx} e`), "leibniz" (`\\frac{dy}{dx}`) or "subscript" (`\\partial_x f`)."""
    span: Span


@dataclass(frozen=True, slots=True)
class Gradient:
    """`\\nabla f`, `\\nabla_{\\mathbf x} f`, `\\nabla^2 f` (order 2: the Hessian)."""

    operand: "Node"
    variable: "Node | None"
    order: int
    span: Span
    kind: str = "grad"
    """"grad" (`\\nabla f`), "div" (`\\nabla\\cdot F`), "curl" (`\\nabla\\times F`), or "laplacian" (a
    reading of `\\nabla^2 f`, see `semantics.readings`)."""


@dataclass(frozen=True, slots=True)
class Evaluate:
    """`\\left. e \\right|_{x=a}` or `\\frac{df}{dx}(2)`: a value at a point."""

    operand: "Node"
    point: "tuple[tuple[Node, Node], ...]"
    """(variable, value) pairs; the variable is None-like `Symbol('')` when not written."""
    span: Span


@dataclass(frozen=True, slots=True)
class Matrix:
    rows: "tuple[tuple[Node, ...], ...]"
    environment: str
    span: Span


@dataclass(frozen=True, slots=True)
class Tuple:
    """`(a, b)` or `[a, b]`: a vector written inline."""

    items: "tuple[Node, ...]"
    bracket: str
    span: Span


@dataclass(frozen=True, slots=True)
class Group:
    """Parentheses or brackets around one expression (kept: `f(x)` and `x(y)` differ)."""

    inner: "Node"
    bracket: str
    span: Span


@dataclass(frozen=True, slots=True)
class Abs:
    inner: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Norm:
    """`\\|x\\|`, `\\|x\\|_2`, `\\|A\\|_F`."""

    inner: "Node"
    sub: "Node | None"
    span: Span


@dataclass(frozen=True, slots=True)
class Sum:
    """`\\sum_{i=1}^n body` or `\\prod`; `index` is None for a bare `\\sum`."""

    kind: str
    index: "Symbol | None"
    lower: "Node | None"
    upper: "Node | None"
    body: "Node"
    span: Span


@dataclass(frozen=True, slots=True)
class Dots:
    """`\\dots`, `\\cdots`, `\\vdots`: a pattern that stands for many entries."""

    span: Span


@dataclass(frozen=True, slots=True)
class Unsupported:
    """Notation the grammar recognises but does not read, or cannot read; `reason` says why."""

    reason: str
    span: Span
    code: str = "unparsed"
    """"unparsed" or "malformed-notation"."""


@dataclass(frozen=True, slots=True)
class Integral:
    """`\\int_a^b e\\,dx` (definite) or `\\int e\\,dx` (indefinite, `lower` and `upper` None)."""

    integrand: "Node"
    variable: "Symbol"
    """The variable of the differential `dx`, `\\,dx`, `\\mathrm{d}x`, `d\\tau`."""
    lower: "Node | None"
    upper: "Node | None"
    span: Span


@dataclass(frozen=True, slots=True)
class Limit:
    """`\\lim_{x \\to a} e`; `direction` is "+" (`a^+`), "-" (`a^-`) or "" (two-sided)."""

    operand: "Node"
    variable: "Symbol"
    point: "Node"
    direction: str
    span: Span


@dataclass(frozen=True, slots=True)
class Condition:
    """`x < 0`, `0 \\le x < 1`: members and the relations between them (`<`, `<=`, `>`, `>=`, `!=`, `=`)."""

    members: "tuple[Node, ...]"
    relations: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Cases:
    """`\\begin{cases} 0 & x < 0 \\\\ x & x \\ge 0 \\end{cases}`: a value for each condition; a
    condition of None is "otherwise"."""

    values: "tuple[Node, ...]"
    conditions: "tuple[Condition | None, ...]"
    span: Span


Node = Union[
    Number, Symbol, Text, Neg, Add, Mul, Div, Frac, Pow, Sqrt, Transpose, Apply, Function, Prime,
    Derivative, Gradient, Evaluate, Matrix, Tuple, Group, Abs, Norm, Sum, Dots, Unsupported, Integral, Limit,
    Cases, Condition,
]


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-nodes of `node`, in reading order."""
    found: list[Node] = []
    for name in node.__slots__:
        if name == "span":
            continue
        _collect(getattr(node, name), found)
    return tuple(found)


def _collect(value: object, found: list[Node]) -> None:
    if isinstance(value, tuple):
        for item in value:
            _collect(item, found)
    elif value is not None and hasattr(value, "span") and not isinstance(value, str):
        found.append(value)  # type: ignore[arg-type]


def rewrite(node: Node, change: "Callable[[Node], Node | None]") -> Node:
    """`node` with every sub-node for which `change` gives a replacement replaced by it (outermost
    first; a replacement is not searched again).  Unchanged sub-trees are the same objects."""
    new = change(node)
    if new is not None:
        return new
    changes: dict[str, object] = {}
    for name in node.__slots__:
        value = getattr(node, name)
        replaced = _rewrite_value(value, change)
        if replaced is not value:
            changes[name] = replaced
    return dataclasses.replace(node, **changes) if changes else node  # type: ignore[arg-type]


def _rewrite_value(value: object, change: "Callable[[Node], Node | None]") -> object:
    if isinstance(value, tuple):
        items = tuple(_rewrite_value(v, change) for v in value)
        return items if any(a is not b for a, b in zip(items, value)) else value
    if value is not None and hasattr(value, "span") and not isinstance(value, str):
        return rewrite(value, change)  # type: ignore[arg-type]
    return value


def walk(node: Node) -> "list[Node]":
    """`node` and all its descendants, depth first (alternative readings included)."""
    out: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(children(current)))
    return out
