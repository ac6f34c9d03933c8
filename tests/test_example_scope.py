"""Where a definition made in a LaTeX example environment holds (`context.headings`).

A new example, theorem, proposition, lemma or definition environment ends the definitions made
before it; the end of an example does not (its solution often follows it), but after it they are
far definitions: they may verify a claim and never make one wrong."""

from __future__ import annotations

import mathdoc


def _verdicts(text: str) -> list[tuple[int, str, str]]:
    report = mathdoc.check_text(text, path="notes.tex", kind="latex", timeout=20)
    return [(f.line, f.verdict.value, f.code) for f in report.findings]


def test_a_definition_made_in_an_example_verifies_the_solution_after_it() -> None:
    text = "\\begin{example}\nLet $y = x^3$.\n\\end{example}\nDifferentiating, $\\frac{dy}{dx} = 3x^2$.\n"
    assert _verdicts(text) == [(4, "verified", "verified")]


def test_after_an_example_its_definition_never_makes_a_claim_wrong() -> None:
    text = "\\begin{example}\nLet $P(t) = 5e^{2t}$.\n\\end{example}\nIn general, $\\frac{dP}{dt} = 3P$ is an equation.\n"
    assert _verdicts(text) == [(4, "unchecked", "remote-definition")]


def test_inside_the_example_the_definition_is_near() -> None:
    text = "\\begin{example}\nLet $P(t) = 5e^{2t}$. Then $\\frac{dP}{dt} = 3P$.\n\\end{example}\n"
    assert _verdicts(text) == [(2, "wrong", "wrong-derivative")]


def test_a_proposition_starts_a_scope_of_its_own() -> None:
    text = ("\\begin{example}\nLet $y = x^2$.\n\\end{example}\n\\begin{prop}\nIf $y$ is differentiable, "
            "$\\frac{dy}{dx} = 3x^2$ somewhere.\n\\end{prop}\n")
    assert _verdicts(text) == [(5, "unchecked", "undefined-function")]


def test_a_proof_goes_on_with_the_definitions_of_its_proposition() -> None:
    text = "\\begin{prop}\nLet $f(x) = x^3$.\n\\end{prop}\n\\begin{proof}\nThen $f'(x) = 2x$.\n\\end{proof}\n"
    assert _verdicts(text) == [(5, "wrong", "wrong-derivative")]


def test_the_solution_block_of_an_exercise_goes_on_with_its_definitions() -> None:
    """`\\end{exercise}`, then `\\exsol{…}` (or `\\begin{solution}`, "Solution."): the exercise's
    definitions are near in its solution, so a wrong computation there is wrong."""
    for opener, closer in (("\\exsol{%\n", "}\n"), ("\\begin{solution}\n", "\\end{solution}\n"), ("% the answer\n\\textbf{Solution.}\n", "")):
        text = f"\\begin{{exercise}}\nShow that $x = e^{{-2t}}$ solves the equation.\n\\end{{exercise}}\n{opener}Compute $x' = -3e^{{-2t}}$.\n{closer}"
        line = text[: text.index("Compute")].count("\n") + 1
        assert _verdicts(text) == [(line, "wrong", "wrong-derivative")], opener
        right = text.replace("-3e", "-2e")
        assert _verdicts(right) == [(line, "verified", "verified")], opener


def test_the_next_exercise_still_ends_them() -> None:
    text = ("\\begin{exercise}\nShow that $x = e^{-2t}$ solves it.\n\\end{exercise}\n\\exsol{%\nDone.\n}\n"
            "\\begin{exercise}\nFind $x$ with $x' = -3e^{-2t}$.\n\\end{exercise}\n")
    assert _verdicts(text) == [(8, "unchecked", "undefined-function")]


EXERCISE = "\\begin{exercise}\nSolve $y' = 2xy$.\n\\end{exercise}\n"


def test_the_answer_in_an_exercises_solution_block_checks_its_equation() -> None:
    """The first sentence of the solution block states the answer: it verifies the exercise's
    equation, and an answer that does not satisfy it makes the equation wrong."""
    for opener, closer in (("\\exsol{%\n", "\n}\n"), ("\\begin{solution}\nSeparating, ", ".\n\\end{solution}\n"), ("\\textbf{Solution.} ", "\n")):
        assert _verdicts(EXERCISE + opener + "$y = Ce^{x^2}$" + closer) == [(2, "verified", "verified")], opener
        assert _verdicts(EXERCISE + opener + "$y = Ce^{x^3}$" + closer) == [(2, "wrong", "wrong-derivative")], opener


def test_a_trial_in_the_solution_block_is_not_its_answer() -> None:
    text = EXERCISE + "\\begin{solution}\nTry $y = e^{rx}$. It fails.\n\\end{solution}\n"
    assert _verdicts(text) == [(2, "unchecked", "equation")]


def test_answers_of_an_exercise_of_several_parts_are_not_paired_with_them() -> None:
    text = ("\\begin{exercise}\nSolve a) $y' = 2y$, b) $y' = 3y$.\n\\end{exercise}\n"
            "\\exsol{%\na) $y = Ce^{2x}$, b) $y = Ce^{3x}$\n}\n")
    assert [v for _, v, _ in _verdicts(text)] == ["verified", "unchecked"]


def test_an_exercise_that_does_not_ask_to_solve_has_no_answer_to_its_equation() -> None:
    """"Find the critical points": `\\theta = k\\pi` in the solution block answers that, and holds for integer k only."""
    text = ("\\begin{exercise}\nTake the pendulum $\\theta'' + \\sin\\theta = 0$. Find the critical points.\n\\end{exercise}\n"
            "\\exsol{%\nThe critical points are $\\theta = k\\pi$ for integers $k$.\n}\n")
    assert [v for _, v, _ in _verdicts(text)] == ["unchecked"]


def test_an_answer_with_plus_or_minus_is_not_read() -> None:
    text = "\\begin{exercise}\nSolve $2yy' = e^{y^2-x^2} + 2x$.\n\\end{exercise}\n\\exsol{%\n$y = \\pm\\sqrt{x^2-\\ln(C-x)}$\n}\n"
    assert [v for _, v, _ in _verdicts(text)] == ["unchecked"]
