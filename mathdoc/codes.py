"""Finding codes: the one registry that findings, `mathdoc rules` and SARIF read.

Codes are stable once shipped; each carries its default severity, a one-paragraph explanation and
an example, so the documentation is generated from the same data the checker uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    explanation: str
    example: str


RULES: tuple[Rule, ...] = (
    Rule("verified", "Verified claim", Severity.INFO,
         "Both sides of the step are equal: proved symbolically, or equal at many random points when a proof "
         "did not finish in time (the finding's method says which). Listed with --verbose and in JSON.",
         r"$\frac{d}{dx}x^3 = 3x^2$"),
    Rule("wrong-derivative", "Wrong derivative", Severity.ERROR,
         "A step in which a derivative is taken does not hold. The finding gives the correct value as LaTeX "
         "and a point where the two sides differ.",
         r"$\frac{d}{dx}x^3 = 3x$  (expected 3x^{2}; at x = 2 the sides are 12 and 6)"),
    Rule("wrong-step", "Wrong algebraic step", Severity.ERROR,
         "A step of a derivation chain without a derivative in it (pure algebra) does not hold.",
         r"$\frac{d}{dx}x^2x = x^2 + x2x = 2x^2$  (the second step is wrong)"),
    Rule("layout-mismatch", "Layout mismatch", Severity.ERROR,
         "The claim equals the result in the other layout: a transposed Jacobian or gradient, or a vector of the "
         "other orientation. The document's layout comes from a directive, the configuration, a sentence that "
         "declares it, or else from its first Jacobian-shaped claim; gradients (`\\nabla`) follow a gradient convention "
         "declared apart (`mathdoc: gradient=column`, \"gradients are column vectors\"), else the declared layout, else "
         "the document's first gradient claim.",
         r"numerator layout declared, then $\frac{\partial z}{\partial \mathbf{x}}$ written as a column"),
    Rule("shape-mismatch", "Shape mismatch", Severity.ERROR,
         "A product or sum of matrices and vectors whose shapes do not fit, or two sides of different shapes.",
         r"a 3x2 matrix times a 3x1 vector"),
    Rule("malformed-notation", "Malformed notation", Severity.WARNING,
         "Notation that does not denote a derivative although it looks like one (`\\frac{d}{x}`, a `d` over a "
         "`\\partial`, an order that does not match the variables). The claim is not checked.",
         r"$\frac{d}{x}x^2 = 2x$"),
    Rule("unparsed", "Not parsed", Severity.INFO,
         "A member could not be read with confidence: malformed LaTeX, an unbalanced `$`, a pattern with "
         "`\\dots`, a generic operator such as `\\bigcirc`, or a parse that would have misread a name. "
         "The claim is listed as unchecked with the reason.",
         r"$\frac{d}{dx}\frac{ = 1$"),
    Rule("undefined-function", "Undefined function", Severity.INFO,
         "The claim uses a function or symbol whose definition does not appear earlier in the document, so its "
         "derivative is unknown.",
         r"$\frac{dy}{dx} = 2x$ with no earlier definition of y"),
    Rule("equation", "Equation, not identity", Severity.INFO,
         "A relation that sets a non-constant expression to zero, such as `f'(x) = 0` or `\\nabla f = 0`, is an "
         "equation to solve (it holds at particular points), not an identity, so it is not checked.",
         r"$f'(x) = 0$ for the critical points of $f(x) = x^2 - 2x$"),
    Rule("evaluation", "Value at an unstated point", Severity.INFO,
         "A derivative that is not constant, set equal to a number, or a value named by a letter, where the math "
         "does not state the point: the value belongs to a point given in the prose, so it is not checked.",
         r"$\frac{dr}{d\theta} = -1-2\sqrt2$ (at θ = π/4, said in the text)"),
    Rule("remote-definition", "Definition far away", Severity.INFO,
         "The step differs only when a name is read with a definition made far earlier (or in another section or "
         "example), which may not apply here; without it the step cannot be decided. Define the name near the claim "
         "to have it checked.",
         r"$y = \sqrt{1-x^2}$ forty lines earlier, then $\frac{dy}{dx} = \frac{a^2-2xy}{ab+x^2}$ for another curve"),
    Rule("ambiguous", "Ambiguous notation", Severity.INFO,
         "The step differs in the preferred reading of its notation, but another plausible reading cannot be decided "
         "(for example an undefined y that may be a constant or a function of x), so it is not called wrong.",
         r"$\frac{d}{dx}\left[e^{x^2} y\right] = e^{x^2}(y' + 2xy)$ with y the unknown of an ODE"),
    Rule("quoted-mistake", "A mistake the text names", Severity.INFO,
         "The sides differ, and the sentence around the step says so: it quotes the formula as a common slip, "
         "a student's claim or a statement to refute with a counterexample. It is reported for information, not "
         "as an error; the message gives the correct value.",
         r"A common exam slip is to write $(gh)' = g'h'$."),
    Rule("domain", "Holds on part of the domain", Severity.WARNING,
         "The two sides agree on part of the real domain only (for example for x > 0): the claim needs a condition "
         "that the math does not state. The message says where it fails.",
         r"$\frac{d}{dx}\sqrt{x^2} = 1$ (holds for x > 0 only; fails at x = -1)"),
    Rule("timeout", "Time limit", Severity.WARNING,
         "Checking the step took longer than the time limit per step (--timeout or `timeout` in the "
         "configuration); it was stopped and the rest of the file was still checked.",
         r"a claim built to keep simplify busy for minutes"),
    Rule("unused-suppression", "Unused suppression", Severity.INFO,
         "A suppression comment (`<!-- mathdoc: ignore -->`, `disable=`, `% mathdoc: ignore`) that removed no "
         "problem: the claim after it is right, no finding of its codes follows it, or it names an unknown code. "
         "Reported as a notice so that stale comments do not hide a later mistake; `disable = [\"unused-suppression\"]` "
         "in the configuration silences it.",
         r"<!-- mathdoc: ignore --> before $\frac{d}{dx}x^2 = 2x$ (nothing to ignore)"),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
