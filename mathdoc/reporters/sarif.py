"""SARIF 2.1.0 for code scanning: one rule per finding code, one result per problem.

Verified steps are not problems, so they appear only with --verbose, as results of kind "pass".
`partialFingerprints` hash what the claim is (path, code, normalised LaTeX, step, and which
occurrence of that same claim in the file), never its line, so a result keeps its identity when
text is inserted above it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath
from typing import Any, Sequence
from urllib.parse import quote

from .. import __version__
from ..codes import RULES, Rule
from ..model import FileReport, Finding, Severity, Verdict
from .escape import json_text
from .json_format import counterexample_dict
from .text import plural, timed_out

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "mathdocClaim/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.explanation}\n\nExample: {rule.example}"
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in re.split(r"[^A-Za-z0-9]+", rule.code)),
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text, "markdown": f"{rule.explanation}\n\nExample: `{rule.example}`"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["mathdoc", "derivative"]},
    }


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A relative path becomes a URI relative to %SRCROOT% (the repository root in CI)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri(), None
    parts = [part for part in pure.parts if part not in ("", ".")]
    return quote("/".join(parts)), "%SRCROOT%"


def normalised_latex(latex: str) -> str:
    return re.sub(r"\s+", "", latex)


def fingerprint(finding: Finding, occurrence: int) -> str:
    key = "\0".join([finding.path, finding.code, normalised_latex(finding.latex), str(finding.step), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(finding: Finding, rule_index: dict[str, int], occurrence: int) -> dict[str, Any]:
    uri, base = artifact_uri(finding.path)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    text = finding.message if finding.step <= 1 else f"{finding.message} (step {finding.step})"
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{text}: `{finding.latex}`"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, occurrence)},
        "properties": {
            "verdict": finding.verdict.value,
            "kind": finding.kind,
            "step": finding.step,
            "latex": finding.latex,
            "method": finding.method,
            "expected": finding.expected,
            "counterexample": counterexample_dict(finding),
        },
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.verdict is Verdict.VERIFIED:
        result["kind"] = "pass"
        result["level"] = "none"
    return result


def format_sarif(reports: list[FileReport], verbose: bool = False, summary_of: Sequence[FileReport] | None = None, **_: object) -> str:
    """`summary_of`: every report of the run, when `reports` shows only part (`--quiet`)."""
    rule_index = {rule.code: index for index, rule in enumerate(RULES)}
    results = []
    for report in reports:
        seen: dict[tuple[str, str, int], int] = {}
        for finding in report.findings:
            key = (finding.code, normalised_latex(finding.latex), finding.step)
            seen[key] = seen.get(key, -1) + 1
            if finding.verdict is Verdict.VERIFIED and not verbose:
                continue
            results.append(_result(finding, rule_index, seen[key]))
    notifications = [
        {"message": {"text": notice}, "level": "note"} for report in reports for notice in report.notices
    ]
    stopped = timed_out(reports if summary_of is None else summary_of)
    if stopped:  # said once for the run, so that code scanning does not look clean with little checked
        notifications.append({"message": {"text": f"{plural(stopped, 'step')} not checked: time limit"}, "level": "warning"})
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mathdoc",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(rule) for rule in RULES],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
