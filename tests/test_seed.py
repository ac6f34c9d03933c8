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
