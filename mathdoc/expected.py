"""The one printer of a finding's expected value: LaTeX that reads like a person wrote it.

A reader compares the expected value with their own line, so it should look like theirs: `\\ln x`
rather than `\\log{\\left(x \\right)}`, `\\sin x` rather than `\\sin{\\left(x \\right)}`, a
factored form when that is shorter.  It runs in the worker, inside the step's time limit, so the
tidying is light (cheap rewrites always, `factor` and `simplify` only on small expressions) and
bounded by a CPU-time soft limit; the untidied value is printed when that runs out.
"""

from __future__ import annotations

import re
from typing import Callable

import sympy
from sympy.printing.latex import LatexPrinter

from .timelimit import SoftTimeLimit, soft_limit

TIDY_SECONDS = 0.5
"""CPU seconds the tidying may take for one value (a matrix shares it among its entries)."""
SIMPLIFY_OPS = 25
"""`simplify` is tried only on expressions with at most this many operations (it is the slow one)."""
FACTOR_OPS = 40

_PRINTER_SETTINGS = {"ln_notation": True, "mul_symbol": None, "inv_trig_style": "full"}

_FUNCTIONS = r"ln|log|exp|sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|coth|arcsin|arccos|arctan|operatorname\{[a-z]+\}"
_SIMPLE_CALL = re.compile(
    r"(\\(?:" + _FUNCTIONS + r")(?:\^\{[^{}]*\})?)"  # the function, perhaps with a power
    r"\{\\left\(([A-Za-z]|\\[A-Za-z]+|\d+) \\right\)\}"  # one letter, Greek letter or number
    r"(?!\s*[A-Za-z0-9(])"  # not followed by a factor that would read as part of the argument
)
"""`\\sin{\\left(x \\right)}` written as `\\sin x` where nothing after it could join the argument."""
_PLAIN_CALL = re.compile(r"(\\(?:" + _FUNCTIONS + r")(?:\^\{[^{}]*\})?)\{\\left\(([^{}\\]*) \\right\)\}")
"""`\\ln{\\left(x + 1 \\right)}` written as `\\ln(x + 1)` when the argument has no command in it."""


def _printed(value: object) -> str:
    text = LatexPrinter(_PRINTER_SETTINGS).doprint(value)
    return _PLAIN_CALL.sub(r"\1(\2)", _SIMPLE_CALL.sub(r"\1 \2", text))


def _length(text: str) -> int:
    """How long the printed value looks: `\\left`/`\\right` and spaces are not seen."""
    return len(re.sub(r"\\left|\\right|\s", "", text))


def _candidates(entry: sympy.Expr, small: bool) -> list[Callable[[], sympy.Expr]]:
    """Rewrites of `entry` worth printing, cheapest first."""
    found: list[Callable[[], sympy.Expr]] = [lambda: sympy.factor_terms(entry)]
    ops = sympy.count_ops(entry)
    if entry.is_rational_function():
        found.append(lambda: sympy.cancel(entry))
        if small and ops <= FACTOR_OPS:
            found.append(lambda: sympy.factor(entry))
    elif small and ops <= FACTOR_OPS:
        found.append(lambda: sympy.factor(entry, deep=True))
    if small and ops <= SIMPLIFY_OPS:
        found.append(lambda: sympy.simplify(entry))
    return found


def _tidy(entry: object, small: bool) -> str:
    """The shortest printing among the entry and its rewrites (ties keep the earlier one)."""
    expression = sympy.sympify(entry)
    best = _printed(expression)
    for rewrite in _candidates(expression, small):
        try:
            text = _printed(rewrite())
        except SoftTimeLimit:
            raise
        except Exception:  # a rewrite that fails on an unusual expression is just not used
            continue
        if _length(text) < _length(best):
            best = text
    return best


def _tidy_matrix(value: sympy.MatrixBase) -> str:
    entries = [[_tidy(value[i, j], small=False) for j in range(value.cols)] for i in range(value.rows)]
    rows = "\\\\".join(" & ".join(row) for row in entries)
    return r"\left[\begin{matrix}" + rows + r"\end{matrix}\right]"


def expected_latex(value: object) -> str:
    """The expected value as LaTeX for the report (never raises on a printable value)."""
    try:
        with soft_limit(TIDY_SECONDS):
            if isinstance(value, sympy.MatrixBase):
                return _tidy_matrix(value)
            return _tidy(value, small=True)
    except SoftTimeLimit:
        return _printed(value)
