"""Numerically fragile claims: differences a float comparison cannot see are found (50 digits,
a relative tolerance, points of moderate size of both signs), and true identities stay verified
by a symbolic proof, not by the numbers alone.
"""

from __future__ import annotations

import pytest
import sympy

import mathdoc
from mathdoc.verify import compare

WRONG = [
    r"\frac{d}{dx}\tanh(13x) = -13(1 - \tanh^2(13x))",  # sampled far out, tanh saturates
    r"\frac{d}{dx}x^2 = 2x + 10^{-10}x",  # below a 1e-9 tolerance
    r"\frac{d}{dx}(x^2 + e^{-100x}) = 2x",  # e^{-100x} underflows in floats
]

TRUE = [
    r"\frac{d}{dx}\tanh x = 1 - \tanh^2 x",
    r"\frac{d}{dx}\sin^2 x = 2\sin x\cos x",
    r"\frac{d}{dx}\sqrt{x} = \frac{1}{2\sqrt{x}}",
]


def only_finding(claim: str) -> mathdoc.Finding:
    report = mathdoc.check_text(f"${claim}$\n")
    assert len(report.findings) == 1, report.findings
    return report.findings[0]


@pytest.mark.parametrize("claim", WRONG)
def test_fragile_wrong_claims_are_wrong(claim: str) -> None:
    finding = only_finding(claim)
    assert (finding.verdict.value, finding.code) == ("wrong", "wrong-derivative"), finding.message
    assert finding.counterexample is not None
    assert finding.counterexample.lhs != finding.counterexample.rhs  # shown with the digits that differ


@pytest.mark.parametrize("claim", TRUE)
def test_true_identities_stay_verified_by_a_proof(claim: str) -> None:
    finding = only_finding(claim)
    assert (finding.verdict.value, finding.method) == ("verified", "symbolic"), finding.message


def test_no_time_limit_is_claimed_when_none_was_reached() -> None:
    x = sympy.Symbol("x")
    # Equal, but expand/cancel/simplify do not reach 0 (a nested radical): no limit was reached.
    left = sympy.sqrt(2 * sympy.sqrt(2) + 3) * x
    right = (1 + sympy.sqrt(2)) * x
    result = compare(left, right, "radical", proof_seconds=30)
    assert result.status == "equal"
    assert "time limit" not in result.message


def test_a_difference_simplification_leaves_behind_is_wrong() -> None:
    x = sympy.Symbol("x")
    result = compare(sympy.exp(x) + sympy.Rational(1, 10**40) * x, sympy.exp(x), "tiny", proof_seconds=30)
    assert result.status == "differs"
