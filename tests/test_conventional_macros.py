"""Macros notes take from packages or from a preamble outside the checked tree (`\\abs`, `\\norm`,
`\\nicefrac`) are read in their usual meaning, unless the document defines them itself."""

from __future__ import annotations

import pytest

import mathdoc


def _verdicts(body: str) -> list[tuple[str, str]]:
    text = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    report = mathdoc.check_text(text, path="note.tex", kind="latex", timeout=20, jobs=1)
    return [(f.latex, f.verdict.value) for f in report.findings]


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("\\frac{d}{dx} \\abs{x}^2 = 2x", "verified"),
        ("\\frac{d}{dx} \\abs{x}^2 = 3x", "wrong"),
        ("\\frac{d}{dx} \\norm{x}^2 = 2x", "verified"),
        ("\\frac{d}{dx} x^2 = \\nicefrac{4x}{2}", "verified"),
        ("\\frac{d}{dx} x^2 = \\nicefrac{4x}{3}", "wrong"),
    ],
)
def test_conventional_macros_have_their_usual_meaning(claim: str, verdict: str) -> None:
    ((_, got),) = _verdicts(f"Here ${claim}$.")
    assert got == verdict


def test_a_definition_in_the_document_wins() -> None:
    """`\\abs` defined by the document as something else: its own definition is used."""
    body = "\\newcommand{\\abs}[1]{2#1}\nHere $\\frac{d}{dx} \\abs{x} = 2$."
    ((latex, verdict),) = _verdicts(body)
    assert verdict == "verified" and "2x" in latex
