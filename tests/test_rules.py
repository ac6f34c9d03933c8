"""`mathdoc rules`: the finding codes, printed from the same registry the checker and SARIF use."""

from __future__ import annotations

import re

import pytest

from mathdoc.codes import RULES, RULES_BY_CODE
from mathdoc.model import Severity

GUIDE_CODES = {
    "wrong-derivative", "wrong-step", "layout-mismatch", "shape-mismatch", "malformed-notation",
    "unparsed", "undefined-function", "timeout",
}


def test_registry_is_complete_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes)) == len(RULES_BY_CODE)
    assert GUIDE_CODES | {"verified", "unused-suppression"} <= set(codes)
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.code), rule.code
        assert rule.name and rule.explanation and rule.example
        assert isinstance(rule.severity, Severity)
    assert RULES_BY_CODE["unused-suppression"].severity is Severity.INFO


def test_rules_lists_every_code_with_its_severity(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES):
        code, severity, name = re.split(r"\s{2,}", line.strip(), maxsplit=2)
        assert (code, severity, name) == (rule.code, rule.severity.value, rule.name)


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_rules_code_explains_with_the_example(run_cli, code: str) -> None:  # type: ignore[no-untyped-def]
    rule = RULES_BY_CODE[code]
    result = run_cli("rules", code)
    assert result.code == 0
    assert result.out.startswith(f"{code}: {rule.name} (default severity: {rule.severity.value})")
    assert rule.explanation in result.out
    assert f"Example: {rule.example}" in result.out


def test_unknown_code_is_a_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules", "no-such-code")
    assert result.code == 2
    assert "unknown code 'no-such-code'" in result.err
