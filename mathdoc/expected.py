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


_ACCENTED = re.compile(r"(hat|bar|tilde|dot|ddot|check|breve)\{(\w+)\}(.*)")


class _Printer(LatexPrinter):
    """SymPy's printer, with the accented names mathdoc reads (`dot{r}` for `\\dot r`) as LaTeX."""

    def _print_Symbol(self, expr: sympy.Symbol, style: str = "plain") -> str:
        accented = _ACCENTED.fullmatch(expr.name)
        if accented is None:
            return super()._print_Symbol(expr, style)
        accent, inner, rest = accented.groups()
        return f"\\{accent}{{{super()._print_Symbol(sympy.Symbol(inner), style)}}}" + (super()._print_Symbol(sympy.Symbol("x" + rest), style)[1:] if rest else "")


    def _print_Heaviside(self, expr: sympy.Heaviside, exp: str | None = None) -> str:
        text = f"\\mathbb{{1}}[{self._print(expr.args[0])} > 0]"  # the step function as ML notes write it
        return f"{text}^{{{exp}}}" if exp else text


def _printed(value: object) -> str:
    text = _Printer(_PRINTER_SETTINGS).doprint(value)
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


_MATRIX_ENTRY = re.compile(r"([A-Z])_\{(\d)(\d)\}")
_VECTOR_ENTRY = re.compile(r"([a-z])_(\d)")
"""The names the matrix evaluator gives the entries of a generic matrix `A` and vector `\\mathbf{x}`."""


def _generic(value: sympy.MatrixBase) -> tuple[str, sympy.Matrix, str, sympy.Matrix | None] | None:
    """The one generic matrix (and at most one generic vector) that `value` is written in."""
    matrices: dict[str, set[tuple[int, int]]] = {}
    vectors: dict[str, set[int]] = {}
    for symbol in value.free_symbols:
        if m := _MATRIX_ENTRY.fullmatch(symbol.name):
            matrices.setdefault(m.group(1), set()).add((int(m.group(2)), int(m.group(3))))
        elif v := _VECTOR_ENTRY.fullmatch(symbol.name):
            vectors.setdefault(v.group(1), set()).add(int(v.group(2)))
        else:
            return None
    if len(matrices) != 1 or len(vectors) > 1:
        return None
    (letter, _), n = next(iter(matrices.items())), max(value.shape)
    if not 2 <= n <= 4:
        return None
    matrix = sympy.Matrix(n, n, lambda r, c: sympy.Symbol(f"{letter}_{{{r + 1}{c + 1}}}"))
    if not vectors:
        return letter, matrix, "", None
    name = next(iter(vectors))
    return letter, matrix, name, sympy.Matrix([sympy.Symbol(f"{name}_{k}") for k in range(1, n + 1)])


def _abstract(value: sympy.MatrixBase) -> str | None:
    """`(A + A^\\top)\\mathbf{x}` for the n x 1 vector of `A_{ij} x_j` sums it stands for: the value
    of a claim about generic matrices arrives entry by entry (instantiated at one n), but its reader
    wrote it in A and x.  Only the few forms that identities about A and x produce are tried."""
    found = _generic(value)
    if found is None:
        return None
    letter, a, name, x = found
    t = f"{letter}^{{\\top}}"
    both = f"\\left({letter} + {t}\\right)"
    forms: list[tuple[sympy.Matrix, str]] = [(a, letter), (a.T, t), (a + a.T, f"{letter} + {t}"), (2 * a, f"2 {letter}")]
    if x is not None:
        bold, row = f"\\mathbf{{{name}}}", f"\\mathbf{{{name}}}^{{\\top}}"
        # (M x, how M x is written, how its transpose x^T M^T is written)
        for m, column_text, row_text in (
            (a, f"{letter} {bold}", f"{row} {t}"),
            (a.T, f"{t} {bold}", f"{row} {letter}"),
            (a + a.T, f"{both} {bold}", f"{row} {both}"),
            (2 * a, f"2 {letter} {bold}", f"2 {row} {t}"),
            (2 * a.T, f"2 {t} {bold}", f"2 {row} {letter}"),
        ):
            forms += [(m * x, column_text), ((m * x).T, row_text)]
    for candidate, text in forms:
        if candidate.shape == value.shape and (sympy.Matrix(value) - candidate).expand().is_zero_matrix:
            return text
    return None


def expected_latex(value: object) -> str:
    """The expected value as LaTeX for the report (never raises on a printable value)."""
    try:
        with soft_limit(TIDY_SECONDS):
            if isinstance(value, sympy.MatrixBase):
                return _abstract(value) or _tidy_matrix(value)
            return _tidy(value, small=True)
    except SoftTimeLimit:
        return _printed(value)
