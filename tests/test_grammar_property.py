"""Property test of the grammar against latex2sympy, its oracle on the shared scalar subset (issue 14).

Scalar LaTeX is generated from a small grammar (integers, x, y, `+`, `-`, juxtaposition, `\\cdot`,
`\\frac`, small integer powers, `\\sin`, `\\cos`, `\\exp`, `\\ln`, `\\sqrt`, parentheses and
`\\left( \\right)`).  Where both `mathdoc.grammar.parse` + `Evaluator` and latex2sympy (with the
configuration of `mathdoc.parse`, whose trust checks also apply) accept an input, the two values
must agree at a few random points.

The generator leaves out notation on which latex2sympy is known to read differently from TeX's
convention, so that a difference is a finding about the grammar:
- a function's unbraced argument is one letter and ends the product (`\\sin x`), because
  latex2sympy reads `\\sin x y` and `\\sin x \\cdot y` as sin(xy) and sin(x·y), where the
  grammar's table (`grammar.rules.functions`) says sin(xy) and sin(x)·y;
- latex2sympy, configured as in `mathdoc.parse`, refuses `\\left(` … `\\right)`; it is given
  plain parentheses in their place;
- factors that latex2sympy would not read as a product are joined by `\\cdot` instead of
  juxtaposition: a digit after a factor (`2 3` is 23 to it), a fraction after an integer (`7
  \\frac{1}{2}` is a mixed number to it, although the configuration turns mixed numbers off),
  and a parenthesis after anything but an integer (`x (y)^{2}` is the function x applied to y
  to it, where the grammar's table in `grammar.rules.scripts` says x·y², and `(2) (3)` is 5).
"""

from __future__ import annotations

import random

import pytest
import sympy
from hypothesis import event, given, settings
from hypothesis import strategies as st
from latex2sympy2_extended import latex2sympy

from mathdoc.grammar import parse
from mathdoc.grammar import tree as t
from mathdoc.parse import _CONVERSION, _NORMALIZATION, ParseError, check_trustworthy
from mathdoc.semantics import Definitions, Evaluator
from mathdoc.semantics.errors import ShapeMismatch, Unchecked

X, Y = sympy.Symbol("x"), sympy.Symbol("y")
FUNCTIONS = ("\\sin", "\\cos", "\\exp", "\\ln")


# -- the generator ---------------------------------------------------------------------------------
@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    """`[-] term ((+|-) term)*` with at most three terms."""
    count = draw(st.integers(min_value=1, max_value=2 if depth > 0 else 1))
    text = draw(st.sampled_from(("", "-"))) + draw(terms(depth))
    for _ in range(count - 1):
        text += f" {draw(st.sampled_from(('+', '-')))} {draw(terms(depth))}"
    return text


@st.composite
def terms(draw: st.DrawFn, depth: int) -> str:
    """`factor ((\\cdot | juxtaposition) factor)*` with at most three factors."""
    text = draw(factors(depth))
    for _ in range(draw(st.integers(min_value=0, max_value=1 if depth > 0 else 0))):
        if _ends_with_bare_argument(text):
            break  # latex2sympy reads `\sin x y` and `\sin x \cdot y` its own way
        right = draw(factors(depth))
        if draw(st.booleans()) or not _may_juxtapose(text, right):
            text += f" \\cdot {right}"
        else:
            text += f" {right}"
    return text


def _may_juxtapose(left: str, right: str) -> bool:
    """Whether `left right` reads as a product to latex2sympy too (see the module's docstring)."""
    if right[0].isdigit():
        return False  # `2 3` is 23
    if right.startswith("\\frac") and left.lstrip("-").isdigit():
        return False  # `7 \\frac{1}{2}` is a mixed number, whatever the configuration says
    if right.startswith(("(", "\\left(")):
        # `x (y)` and `x^{2} (3)` are the function x applied to y and 3, `(2) (3)` is 5; only an
        # integer before a parenthesis with a letter in it (`2 (x+1)`) is read as a product
        return left.lstrip("-").isdigit() and any(char in "xy" for char in right.replace("\\left", ""))
    return True


def _ends_with_bare_argument(text: str) -> bool:
    return any(text.endswith(f"{name} x") or text.endswith(f"{name} y") for name in FUNCTIONS)


@st.composite
def factors(draw: st.DrawFn, depth: int) -> str:
    if depth <= 0:
        return draw(st.one_of(st.sampled_from("xy"), st.integers(min_value=1, max_value=12).map(str)))
    inner = expressions(depth - 1)
    kind = draw(st.sampled_from(("letter", "integer", "group", "power", "function", "bare", "frac", "sqrt")))
    if kind == "letter":
        return draw(st.sampled_from("xy"))
    if kind == "integer":
        return str(draw(st.integers(min_value=1, max_value=12)))
    if kind == "group":
        return _wrap(draw(inner), draw(st.booleans()))
    if kind == "power":
        base = draw(st.sampled_from("xy")) if draw(st.booleans()) else _wrap(draw(inner), draw(st.booleans()))
        return f"{base}^{{{draw(st.integers(min_value=-2, max_value=3))}}}"
    if kind == "function":
        return draw(st.sampled_from(FUNCTIONS)) + _wrap(draw(inner), draw(st.booleans()))
    if kind == "bare":
        return f"{draw(st.sampled_from(FUNCTIONS))} {draw(st.sampled_from('xy'))}"
    if kind == "frac":
        return f"\\frac{{{draw(inner)}}}{{{draw(inner)}}}"
    return f"\\sqrt{{{draw(inner)}}}"


def _wrap(text: str, sized: bool) -> str:
    return f"\\left( {text} \\right)" if sized else f"({text})"


EXPRESSIONS = expressions(2)


# -- the two readings -----------------------------------------------------------------------------
def grammar_value(text: str) -> sympy.Expr | None:
    node = parse(text)
    if isinstance(node, t.Unsupported):
        return None
    try:
        value = Evaluator(Definitions()).value(node)
    except (Unchecked, ShapeMismatch):
        return None
    return value if isinstance(value, sympy.Expr) else None


def oracle_value(text: str) -> sympy.Expr | None:
    text = text.replace("\\left(", "(").replace("\\right)", ")")  # this configuration refuses `\\left(`
    try:
        value = latex2sympy(text, normalization_config=_NORMALIZATION, conversion_config=_CONVERSION)
    except Exception:  # latex2sympy raises bare Exception for syntax errors
        return None
    if not isinstance(value, sympy.Expr):
        return None
    try:
        check_trustworthy(value, text)
    except ParseError:
        return None
    return value


def _number(expr: sympy.Expr, point: dict[sympy.Symbol, sympy.Rational]) -> complex | None:
    try:
        value = complex(sympy.N(expr.subs(point), 30))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if value != value or abs(value) > 1e12:  # nan, or too large to compare
        return None
    return value


def agree(a: sympy.Expr, b: sympy.Expr, seed: int) -> bool:
    """Equal at random rational points where both are finite (`(1-1)^{-1}` has none: nothing to compare)."""
    rng = random.Random(seed)
    for _ in range(6):
        point = {X: sympy.Rational(rng.randint(-30, 30), rng.randint(1, 9)), Y: sympy.Rational(rng.randint(-30, 30), rng.randint(1, 9))}
        left, right = _number(a, point), _number(b, point)
        if left is None or right is None:
            continue
        if abs(left - right) > 1e-9 * max(1.0, abs(left), abs(right)):
            return False
    return True


# -- the properties -------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(EXPRESSIONS, st.integers(min_value=0, max_value=2**16))
def test_grammar_agrees_with_latex2sympy(text: str, seed: int) -> None:
    ours = grammar_value(text)
    if ours is None:
        event("the grammar refuses")
        return
    theirs = oracle_value(text)
    if theirs is None:
        event("latex2sympy refuses")
        return
    event("both accept")
    assert agree(ours, theirs, seed), f"{text!r}: grammar {ours}, latex2sympy {theirs}"


SHARED = (
    "2x + 3",
    "x^{2} y - \\frac{x}{y}",
    "\\sin(x) \\cdot \\cos(y)",
    "\\sin x",
    "\\exp(x^{2}) + \\ln(y)",
    "\\sqrt{x + 1} \\cdot (x - 2)",
    "\\left( x + y \\right)^{2}",
    "-x^{2} + \\frac{1}{x} - y",
    "\\frac{\\sin(x)}{\\cos(x)}",
    "x (y + 1)",
)


@pytest.mark.parametrize("text", SHARED)
def test_both_accept_and_agree_on_samples(text: str) -> None:
    """The property is not vacuous: both readers accept these, and agree."""
    ours, theirs = grammar_value(text), oracle_value(text)
    assert ours is not None and theirs is not None
    assert agree(ours, theirs, 0)
