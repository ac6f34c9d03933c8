"""The printer of expected values: LaTeX as a person would write it, and never slower than its bound."""

from __future__ import annotations

import json
from typing import Any

import sympy

from mathdoc.expected import expected_latex

x, y, a = sympy.symbols("x y a")


def test_logarithms_are_ln_and_simple_arguments_lose_their_brackets() -> None:
    assert expected_latex(a**x * sympy.log(a)) == r"a^{x} \ln a"
    assert expected_latex(sympy.log(x + 1)) == r"\ln(x + 1)"
    assert expected_latex(sympy.sin(x) * sympy.cos(x)) == r"\sin x \cos x"
    assert expected_latex(sympy.sin(x) ** 2) == r"\sin^{2} x"
    assert expected_latex(sympy.atan(x)) == r"\arctan x"
    assert r"\log" not in expected_latex(sympy.log(x) / x)


def test_an_argument_with_commands_keeps_its_brackets() -> None:
    assert expected_latex(sympy.cos(x**2)) == r"\cos{\left(x^{2} \right)}"


def test_a_factored_form_is_printed_when_it_reads_shorter() -> None:
    assert expected_latex(x * sympy.exp(x) + sympy.exp(x)) == r"\left(x + 1\right) e^{x}"
    assert expected_latex((x**2 - 1) / (x - 1)) == "x + 1"
    assert expected_latex(2 * x + 2) == "2 x + 2"  # 2(x + 1) is not shorter
    assert expected_latex(6 * x * y) == "6 x y"


def test_a_matrix_is_printed_entry_by_entry_like_sympy() -> None:
    value = sympy.Matrix([[2 * x * y], [x**2]])
    assert expected_latex(value) == sympy.latex(value)
    assert expected_latex(sympy.Matrix([[sympy.log(x), 0]])) == r"\left[\begin{matrix}\ln x & 0\end{matrix}\right]"


def test_a_large_expression_is_printed_without_simplify() -> None:
    big = sum(sympy.sin(k * x) ** 2 * sympy.exp(k * y) for k in range(1, 30))
    text = expected_latex(big)
    assert text.count(r"\sin") == 29 and r"\log" not in text


def _generic(n: int) -> tuple[sympy.Matrix, sympy.Matrix]:
    """A generic n x n matrix and n-vector, named as the matrix evaluator names their entries."""
    matrix = sympy.Matrix(n, n, lambda r, c: sympy.Symbol(f"A_{{{r + 1}{c + 1}}}"))
    return matrix, sympy.Matrix([sympy.Symbol(f"x_{k}") for k in range(1, n + 1)])


def test_a_value_in_a_generic_matrix_is_written_in_the_matrix() -> None:
    A, v = _generic(3)
    assert expected_latex((A + A.T) * v) == r"\left(A + A^{\top}\right) \mathbf{x}"
    assert expected_latex(((A + A.T) * v).T) == r"\mathbf{x}^{\top} \left(A + A^{\top}\right)"
    assert expected_latex((A.T * v).T) == r"\mathbf{x}^{\top} A"
    assert expected_latex(A + A.T) == r"A + A^{\top}"
    assert expected_latex(2 * A * v) == r"2 A \mathbf{x}"


def test_other_values_in_a_generic_matrix_keep_their_entries() -> None:
    A, v = _generic(2)
    assert expected_latex(A * v + v).startswith(r"\left[\begin{matrix}")
    assert expected_latex(sympy.Matrix([[x, 2 * x]])) == r"\left[\begin{matrix}x & 2 x\end{matrix}\right]"


def test_the_cli_prints_the_abstract_form(run_cli: Any, write_note: Any) -> None:
    note = write_note("Let $A$ be a matrix.\n\n$$\\frac{\\partial}{\\partial \\mathbf{x}} \\mathbf{x}^\\top A \\mathbf{x} = 2A\\mathbf{x}$$\n")
    result = run_cli("check", "--no-cache", "--layout", "denominator", "--format", "json", note)
    expected = [f["expected"] for f in json.loads(result.out)["files"][0]["findings"] if f.get("expected")]
    assert expected == [r"\left(A + A^{\top}\right) \mathbf{x}"]
