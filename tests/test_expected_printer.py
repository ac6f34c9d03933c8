"""The printer of expected values: LaTeX as a person would write it, and never slower than its bound."""

from __future__ import annotations

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
