"""The seed note (Chinese matrix-calculus notes): its early claims are all right, and say so.

Reads `../shared/seeds/000_933100b11f486e8f.txt` next to the repository; skips when it is absent.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import mathdoc

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_933100b11f486e8f.txt"
VERIFIED_LINES = (25, 26, 27, 28, 29, 30, 31, 35, 41, 45, 53, 55)
FIRST_JACOBIAN_LINE = 59


@pytest.fixture(scope="module")
def report() -> mathdoc.FileReport:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not present")
    return mathdoc.check_file(SEED, timeout=10)


@pytest.fixture(scope="module")
def by_line(report: mathdoc.FileReport) -> dict[int, list[mathdoc.Finding]]:
    lines: dict[int, list[mathdoc.Finding]] = defaultdict(list)
    for finding in report.findings:
        lines[finding.line].append(finding)
    return lines


@pytest.mark.parametrize("line", VERIFIED_LINES)
def test_every_claim_on_the_line_is_verified(by_line, line: int) -> None:
    findings = by_line.get(line, [])
    assert findings, f"no claim recognised on line {line}"
    wrong = [(f.column, f.verdict.value, f.code, f.latex, f.message) for f in findings if f.verdict is not mathdoc.Verdict.VERIFIED]
    assert not wrong, wrong


def test_both_chains_on_line_41_are_found(by_line) -> None:
    chains = [f for f in by_line[41] if f.step == 1]
    assert len(chains) == 2
    assert max(f.step for f in by_line[41]) >= 3


def test_the_worked_example_on_line_35_is_checked_link_by_link(by_line) -> None:
    assert [f.step for f in by_line[35]] == [1, 2, 3, 4]


def test_the_product_rule_chain_on_line_30(by_line) -> None:
    assert [(f.step, f.verdict.value) for f in by_line[30]] == [(1, "verified"), (2, "verified")]


def test_rule_statements_in_the_table_are_not_claims(by_line) -> None:
    """Line 26 states `c\\frac{df}{dx}`, line 31 `\\frac{df(u)}{du}\\frac{du}{dx}, \\text{ let } u = g(x)`."""
    statements = ("\\frac{df}{dx}", "\\frac{dg}{dx}", "\\frac{df(u)}{du}", "let")
    for line in range(25, 32):
        assert not [f.latex for f in by_line[line] if any(s in f.latex for s in statements)]


def test_no_error_before_the_first_jacobian(report: mathdoc.FileReport) -> None:
    errors = [
        (f.line, f.column, f.code, f.latex)
        for f in report.findings
        if f.line < FIRST_JACOBIAN_LINE and f.severity is mathdoc.Severity.ERROR
    ]
    assert not errors


def test_layout_is_numerator(report: mathdoc.FileReport) -> None:
    """The note declares 分子布局 on line 63."""
    assert report.layout == "numerator"


# -- the vector and matrix part (issue 3) -----------------------------------------------------------

MATRIX_VERIFIED_LINES = (59, 152, 156, 160, 213, 215, 217, 222, 224, 226, 230, 232, 234)


@pytest.mark.parametrize("line", MATRIX_VERIFIED_LINES)
def test_matrix_claims_on_the_line_are_verified(by_line, line: int) -> None:
    findings = by_line.get(line, [])
    assert findings, f"no claim recognised on line {line}"
    assert all(f.verdict is mathdoc.Verdict.VERIFIED for f in findings), [(f.step, f.verdict.value, f.message) for f in findings]


def test_the_product_differentiated_as_a_quotient_is_wrong(by_line) -> None:
    (step_one,) = [f for f in by_line[228] if f.step == 1]
    assert step_one.verdict is mathdoc.Verdict.WRONG and step_one.code == "wrong-derivative"
    assert step_one.expected is not None and "x_{1}" in step_one.expected and "x_{3}" in step_one.expected
    assert step_one.counterexample is not None


def test_the_column_after_numerator_layout_is_a_layout_finding(by_line) -> None:
    (first,) = [f for f in by_line[164] if f.step == 1]
    assert first.verdict is mathdoc.Verdict.LAYOUT and first.code == "layout-mismatch"
    assert "line 63" in first.message and "numerator" in first.message and "denominator" in first.message


def test_the_3x2_times_3_vector_is_a_shape_mismatch(by_line) -> None:
    (third,) = [f for f in by_line[165] if f.step == 3]
    assert third.verdict is mathdoc.Verdict.WRONG and third.code == "shape-mismatch"
    assert "3x2" in third.message and "3x1" in third.message


def test_no_other_error_in_the_whole_file(report: mathdoc.FileReport) -> None:
    errors = sorted((f.line, f.step) for f in report.findings if f.severity is mathdoc.Severity.ERROR)
    assert errors == [(164, 1), (165, 3), (228, 1)], errors


def test_the_document_layout_is_numerator(report: mathdoc.FileReport) -> None:
    assert report.layout == "numerator"
