"""SARIF 2.1.0: valid against the official schema, one rule per code, stable fingerprints."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from mathdoc.codes import RULES
from mathdoc.model import Counterexample, FileReport, Finding, Severity, Verdict
from mathdoc.reporters.sarif import FINGERPRINT_KEY, format_sarif

SCHEMA = Path(__file__).parents[1].parent / "shared/schemas/sarif-schema-2.1.0.json"
GOLDEN = Path(__file__).resolve().parent / "golden_formats" / "sarif.golden"


def _finding(**changes: object) -> Finding:
    values: dict = dict(
        path="notes/calc.md", line=3, column=5, end_line=3, end_column=9, latex=r"\frac{d}{dx}x^3 = 3x",
        kind="scalar", step=1, verdict=Verdict.WRONG, method=None, severity=Severity.ERROR,
        code="wrong-derivative", message="the two sides differ", expected="3 x^{2}",
        counterexample=Counterexample({"x": "2"}, "12", "6"),
    )
    values.update(changes)
    return Finding(**values)


def _sarif(*findings: Finding, verbose: bool = False, notices: tuple[str, ...] = ()) -> dict:
    report = FileReport(path=findings[0].path if findings else "a.md", layout=None, findings=findings, notices=notices)
    return json.loads(format_sarif([report], verbose=verbose))


@pytest.fixture(scope="module")
def validator():  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not present")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_golden_sarif_is_valid(validator) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(GOLDEN.read_text(encoding="utf-8").replace('"<version>"', '"0.1.0"'))
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, errors[0]
    assert document["runs"][0]["results"], "the golden note has problems to report"
    document["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(document)), "the schema check is not toothless"


def test_every_kind_of_result_is_valid(validator) -> None:  # type: ignore[no-untyped-def]
    document = _sarif(
        _finding(),
        _finding(verdict=Verdict.VERIFIED, severity=Severity.INFO, code="verified", expected=None, counterexample=None, method="symbolic"),
        _finding(verdict=Verdict.UNCHECKED, severity=Severity.WARNING, code="timeout", expected=None, counterexample=None),
        _finding(path="/abs/path with space/笔记.md", line=1, column=1, end_line=2, end_column=1),
        verbose=True,
        notices=("a.md:1:1: info[unused-suppression] `<!-- mathdoc: ignore -->` suppressed nothing",),
    )
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, errors[0]


def test_one_rule_per_code_with_help() -> None:
    run = _sarif(_finding())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in RULES]
    for descriptor, rule in zip(rules, RULES):
        assert descriptor["help"]["text"].startswith(rule.explanation)
        assert rule.example in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "wrong-derivative"
    assert run["columnKind"] == "unicodeCodePoints"


def test_level_follows_severity_and_verified_only_with_verbose() -> None:
    findings = (
        _finding(),
        _finding(severity=Severity.WARNING, verdict=Verdict.UNCHECKED, code="timeout"),
        _finding(severity=Severity.INFO, verdict=Verdict.UNCHECKED, code="unparsed"),
        _finding(severity=Severity.INFO, verdict=Verdict.VERIFIED, code="verified"),
    )
    quiet = _sarif(*findings)["runs"][0]["results"]
    assert [r["level"] for r in quiet] == ["error", "warning", "note"]
    loud = _sarif(*findings, verbose=True)["runs"][0]["results"]
    assert loud[-1]["kind"] == "pass" and loud[-1]["level"] == "none"


def test_location_region_and_uri() -> None:
    result = _sarif(_finding(line=7, column=34, end_line=8, end_column=2))["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "notes/calc.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 7, "startColumn": 34, "endLine": 8, "endColumn": 2}
    absolute = _sarif(_finding(path="/tmp/笔记 1.md"))["runs"][0]["results"][0]
    assert absolute["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///tmp/%E7%AC%94%E8%AE%B0%201.md"}
    assert result["properties"]["counterexample"] == {"point": {"x": "2"}, "lhs": "12", "rhs": "6"}


def _fingerprints(*findings: Finding) -> list[str]:
    return [r["partialFingerprints"][FINGERPRINT_KEY] for r in _sarif(*findings)["runs"][0]["results"]]


def test_fingerprints_ignore_line_numbers_and_spacing() -> None:
    original = _finding()
    moved = dataclasses.replace(original, line=40, column=1, end_line=40, end_column=5, latex=r"\frac{d}{dx} x^3 =  3x")
    assert _fingerprints(original) == _fingerprints(moved)


def test_fingerprints_tell_claims_apart() -> None:
    base = _finding()
    others = [
        dataclasses.replace(base, path="notes/other.md"),
        dataclasses.replace(base, code="wrong-step"),
        dataclasses.replace(base, latex=r"\frac{d}{dx}x^3 = 2x"),
        dataclasses.replace(base, step=2),
    ]
    prints = {_fingerprints(f)[0] for f in [base, *others]}
    assert len(prints) == 5
    twice = _fingerprints(base, dataclasses.replace(base, line=9))
    assert len(set(twice)) == 2, "the same wrong claim written twice in a file is two results"
