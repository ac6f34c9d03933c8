"""Definitions the math does not write out: code chunks and expressions applied as functions.

Each kind has a correct case (verified, the message says which definition was read) and a wrong
case (unchecked, never `wrong`: a definition of lower standing does not make an alarm), and the
translation of code is tested as data: code in, LaTeX out, or no definition.
"""

from __future__ import annotations

import pytest

import mathdoc
from mathdoc.code_definitions import code_definitions, translate, NotArithmetic


def _verdicts(text: str, path: str = "note.qmd") -> list[tuple[str, str, str]]:
    report = mathdoc.check_text(text, path=path, timeout=20, jobs=1)
    return [(f.latex, f.verdict.value, f.message) for f in report.findings]


JULIA = """# Example

```{julia}
f(x) = exp(x)*sin(x)
g = (t) -> t^3 - 2t
```

"""


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("$f'(x) = e^x\\sin x + e^x\\cos x$", "verified"),
        ("$g'(t) = 3t^2 - 2$", "verified"),
        ("$f'(x) = e^x\\cos x$", "unchecked"),
        ("$g'(t) = 3t^2$", "unchecked"),
    ],
)
def test_julia_chunk_definitions(claim: str, verdict: str) -> None:
    ((latex, got, message),) = _verdicts(JULIA + "Then " + claim + ".\n")
    assert got == verdict
    assert "Julia code" in message


def test_python_def_and_lambda() -> None:
    text = "```python\ndef h(x):\n    return x**2 * np.exp(-x)\nq = lambda x: math.sin(x)**2\n```\n\n"
    text += "Then $h'(x) = 2xe^{-x} - x^2e^{-x}$ and $q'(x) = 2\\sin x\\cos x$ but $q'(x) = \\cos^2 x$.\n"
    found = _verdicts(text, "note.md")
    assert [v for _, v, _ in found] == ["verified", "verified", "unchecked"]
    assert "Python code `def h(x): return x**2 * np.exp(-x)`" in found[0][2]
    assert "not called wrong" in found[2][2]


def test_a_math_definition_wins_over_code() -> None:
    text = "```julia\nf(x) = x^3\n```\n\nLet $f(x) = x^2$. Then $f'(x) = 3x^2$.\n"
    ((_, verdict, message),) = _verdicts(text)
    assert verdict == "wrong" and "code" not in message


def test_hidden_and_indented_code_defines_nothing() -> None:
    text = "```{julia}\n#| echo: false\nk(x) = x^2\n```\n\n```julia\nfunction plot(n)\n    m(x) = x^2\nend\n```\n\n"
    text += "So $k'(x) = 2x$ and $m'(x) = 2x$.\n"
    assert [v for _, v, _ in _verdicts(text)] == ["unchecked", "unchecked"]


def test_code_in_another_section_does_not_apply() -> None:
    text = "# One\n\n```julia\nf(x) = x^2\n```\n\n# Two\n\nNow $f'(x) = 2x$.\n"
    ((_, verdict, message),) = _verdicts(text)
    assert verdict == "unchecked" and "code" not in message


def test_code_inside_a_math_fence_is_math_not_code() -> None:
    text = "```math\nf(x) = x^2\n```\n\nThen $f'(x) = 2x$.\n"
    ((_, verdict, message),) = _verdicts(text, "note.md")
    assert verdict == "verified" and "code" not in message


# ------------------------------------------------------ an expression applied as a function


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("$w'(t) = 4$", "verified"),
        ("$w'(t) = 5$", "unchecked"),
    ],
)
def test_expression_applied_as_a_function(claim: str, verdict: str) -> None:
    ((_, got, message),) = _verdicts(f"If $w = 2 + 4t$, then {claim}.\n", "note.md")
    assert got == verdict
    assert "read as the function w(t)" in message


def test_expression_in_two_variables_is_not_a_function() -> None:
    ((_, verdict, message),) = _verdicts("If $w = 2 + 4t + s$, then $w'(t) = 4$.\n", "note.md")
    assert verdict == "unchecked" and "read as the function" not in message


def test_sum_of_expressions_used_through_a_function() -> None:
    text = "We identify $f(x) = u(x) + v(x)$ with $u=(1 + \\sin(x))$, $v=(1 + x^2)$, so $f'(x) = (\\cos(x)) + (2x)$.\n"
    ((_, verdict, _),) = _verdicts(text, "note.md")
    assert verdict == "verified"
    wrong = text.replace("(2x)$", "(3x)$")
    ((_, verdict, _),) = _verdicts(wrong, "note.md")
    assert verdict == "unchecked"


# ------------------------------------------------------ translation as data


@pytest.mark.parametrize(
    "code, language, latex",
    [
        ("exp(x)*sin(x)", "Julia", "\\exp\\left(x\\right) \\cdot \\sin\\left(x\\right)"),
        ("x^2*y - 3x*y^2", "Julia", "x^{2} \\cdot y - 3 \\cdot x \\cdot y^{2}"),
        ("π*t^2/2", "Julia", "\\frac{\\pi \\cdot t^{2}}{2}"),
        ("sqrt(1 - x^2)", "Julia", "\\sqrt{1 - x^{2}}"),
        ("x**2 * np.exp(-x)", "Python", "x^{2} \\cdot \\exp\\left(-x\\right)"),
        ("1/(1+math.exp(-x))", "Python", "\\frac{1}{1 + \\exp\\left(-x\\right)}"),
        ("a - (b - c)", "Python", "a - (b - c)"),
        ("(-x)**2", "Python", "(-x)^{2}"),
    ],
)
def test_translation(code: str, language: str, latex: str) -> None:
    assert translate(code, language) == latex


@pytest.mark.parametrize(
    "code, language",
    [
        ("x .^ 2", "Julia"), ("[x, y]", "Julia"), ("f(v...)", "Julia"), ("1e-3*x", "Julia"),
        ("1/2x", "Julia"), ("x^2y", "Julia"), ("√x", "Julia"),
        ("x ^ 2", "Python"), ("x.T @ A", "Python"), ("np.sum(x)", "Python"), ("foo(x)", "Python"),
        ("'x'", "Python"), ("x if x > 0 else 0", "Python"), ("value * 2", "Python"),
    ],
)
def test_not_arithmetic(code: str, language: str) -> None:
    with pytest.raises(NotArithmetic):
        translate(code, language)


def test_only_top_level_one_letter_functions() -> None:
    text = "f(x) = x^2\n  g(x) = x\ntl(x) = 1 + x\nF(v) = F(v...)\nh(x, y) = x*y\nf(x) == 2"
    assert [(d.head, d.body) for d in code_definitions(text, "Julia")] == [("f(x)", "x^{2}"), ("h(x, y)", "x \\cdot y")]


def test_def_with_a_longer_body_is_no_definition() -> None:
    text = "def f(x):\n    return x**2\n    print(x)\n"
    assert code_definitions(text, "Python") == []


# ------------------------------------------------------ a computation graph written as definitions

GRAPH = (
    "$$\\begin{aligned}f(u, v) & = (u+v)^{2} \\\\u(a, b) & = (a+b)^{2}, \\qquad v(a, b) = (a-b)^{2}, \\\\"
    "a(w, x) & = (w+x)^{2}, \\qquad b(w, x) = (w-x)^2.\\end{aligned}$$\n\n"
)


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}{\\partial a}+\\frac{\\partial f}{\\partial v}\\frac{\\partial v}{\\partial a}", "verified"),
        ("\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}{\\partial a}+3\\frac{\\partial f}{\\partial v}\\frac{\\partial v}{\\partial a}", "wrong"),
    ],
)
def test_partial_through_defined_intermediates(claim: str, verdict: str) -> None:
    """f depends on a through u and v, which the document defines: the derivative goes through them."""
    ((_, got, _),) = _verdicts(GRAPH + f"$${claim}$$\n", "note.md")
    assert got == verdict


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}{\\partial a}+\\frac{\\partial f}{\\partial v}\\frac{\\partial v}{\\partial a}", "verified"),
        ("\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}{\\partial a}+3\\frac{\\partial f}{\\partial v}\\frac{\\partial v}{\\partial a}", "unchecked"),
    ],
)
def test_earlier_definition_of_a_redefined_function(claim: str, verdict: str) -> None:
    """`f(w, x) = …` composed after `f(u, v)`: the earlier definition is a reading of lower standing."""
    composed = "Composing, $$f(w, x) = \\left((w+x)^4 + (w-x)^4\\right)^2 \\cdot 0 + 1.$$\n\n"
    ((_, got, message),) = _verdicts(GRAPH + composed + f"$${claim}$$\n", "note.md")
    assert got == verdict
    assert "its earlier definition `f(u, v) = (u+v)^{2}`" in message


def test_redefinition_in_the_same_variables_ends_the_earlier_one() -> None:
    text = "Let $f(x) = x^3$.\n\nNow let $f(x) = x^2$. Then $f'(x) = 3x^2$.\n"
    ((_, verdict, message),) = _verdicts(text, "note.md")
    assert verdict == "wrong" and "earlier" not in message


# ------------------------------------------------------ a name the definitions apply to variables

LAGRANGE = "$$L(x,y,\\lambda) = f(x,y) - \\lambda (g(x,y) - k).$$\n\n"


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("\\frac{\\partial L}{\\partial{x}} = \\frac{\\partial{f}}{\\partial{x}} - \\lambda \\frac{\\partial{g}}{\\partial{x}}", "verified"),
        ("\\frac{\\partial L}{\\partial{x}} = \\frac{\\partial{f}}{\\partial{x}} + \\lambda \\frac{\\partial{g}}{\\partial{x}}", "wrong"),
    ],
)
def test_bare_name_is_the_function_a_definition_applies(claim: str, verdict: str) -> None:
    """`\\frac{\\partial f}{\\partial x}` after `L(x, y, λ) = f(x, y) - …`: the derivative of f(x, y)."""
    ((_, got, _),) = _verdicts(LAGRANGE + f"$${claim}$$\n", "note.md")
    assert got == verdict


def test_a_name_applied_to_other_arguments_stays_unknown() -> None:
    text = "$$L(x,y) = f(x,y) + f(y,x).$$\n\n$$\\frac{\\partial L}{\\partial x} = 2\\frac{\\partial f}{\\partial x}$$\n"
    ((_, verdict, _),) = _verdicts(text, "note.md")
    assert verdict == "unchecked"


def test_prime_on_a_combination_names_no_placeholder() -> None:
    ((_, verdict, message),) = _verdicts("$(f^{-1})'(y) = \\frac{1}{f'(f^{-1}(y))}$\n", "note.md")
    assert verdict == "unchecked"
    assert "the function'" not in message and "combination of functions" in message


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("\\frac{dA}{dt} = \\frac{dw}{dt} h + w \\frac{dh}{dt}", "verified"),
        ("\\frac{dA}{dt} = \\frac{dw}{dt} h + 2w \\frac{dh}{dt}", "wrong"),
        ("\\frac{dA}{dt} = 2w \\frac{dh}{dt}", "unchecked"),
    ],
)
def test_symbol_of_names_differentiated_by_time(claim: str, verdict: str) -> None:
    """`A = wh` with dw/dt and dh/dt in the claim: A(t) = w(t)h(t) in the chain-rule reading; wrong
    when it fails there and the claim writes the rate of each of w and h, unchecked when it leaves
    one out (that letter may be held constant)."""
    ((_, got, _),) = _verdicts(f"We know $A = wh$, so $${claim}$$\n", "note.md")
    assert got == verdict
