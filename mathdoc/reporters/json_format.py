"""The JSON contract, version 1 (see GUIDE.md): every recognised claim step, verified ones included."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..model import FileReport, Finding, Summary
from .escape import json_text


def counterexample_dict(finding: Finding) -> dict | None:
    """The counterexample as JSON data; SARIF's properties carry the same dict."""
    example = finding.counterexample
    if example is None:
        return None
    return {"point": dict(example.point), "lhs": example.lhs, "rhs": example.rhs}


def finding_dict(finding: Finding) -> dict:
    data = {
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "latex": finding.latex,
        "kind": finding.kind,
        "step": finding.step,
        "verdict": finding.verdict.value,
        "method": finding.method,
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        "expected": finding.expected,
        "counterexample": counterexample_dict(finding),
    }
    if finding.location is not None and finding.location.cell is not None:
        data["cell"] = {k: v for k, v in asdict(finding.location).items() if k.startswith("cell")}
    return data


def format_json(reports: list[FileReport], **_: object) -> str:
    summary = Summary.of(reports)
    document = {
        "version": 1,
        "files": [
            {"path": r.path, "layout": r.layout, "notices": list(r.notices), "findings": [finding_dict(f) for f in r.findings]}
            for r in reports
        ],
        "summary": asdict(summary),
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
