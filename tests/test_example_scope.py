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
