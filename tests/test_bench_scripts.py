"""Smoke tests of the measurement scripts bench/corpus.py and bench/mutate.py, on samples/ only.

They check what the scripts report, not mathdoc's verdicts in general: the counting of a saved
run, the Markdown escaping of error findings, the mutation operators' text edits, and one small
end-to-end mutation run on a sample file (a few seconds).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))
import corpus  # noqa: E402
import mutate  # noqa: E402


def finding(line: int, verdict: str, code: str, latex: str = "a = b", message: str = "m") -> dict[str, Any]:
    return {"line": line, "column": 1, "end_line": line, "end_column": 2, "latex": latex,
            "verdict": verdict, "code": code, "message": message}


SAVED = {
    "commit": "abc",
    "sources": {
        "one": {"files": [{"path": "one/a.md", "findings": [
            finding(3, "verified", "verified"),
            finding(9, "wrong", "wrong-derivative", latex="x | y = 2", message="bad " * 60),
            finding(1, "unchecked", "unparsed"),
            finding(2, "unchecked", "timeout"),
            "not a finding",
            {"verdict": None, "code": "unused-suppression"},
        ]}, {"path": "one/b.md", "findings": []}]},
        "two": {"error": "exit 2, no JSON"},
    },
}


def test_tally_counts_steps_verdicts_and_unchecked_codes() -> None:
    t = corpus.tally(SAVED["sources"]["one"])  # type: ignore[index]
    assert (t.files, t.steps) == (2, 4)
    assert t.verdicts == {"verified": 1, "wrong": 1, "unchecked": 2}
    assert t.unchecked_codes == {"unparsed": 1, "timeout": 1}
    assert corpus.tally({"error": "x"}).error == "x"


def test_report_has_total_row_failed_source_and_escaped_error_table() -> None:
    text = corpus.report(SAVED)
    assert "| **total** | 2 | 4 | 1 | 1 | 0 | 2 | 1 | 1 |" in text
    assert "| two | error: exit 2, no JSON |" in text
    row = next(line for line in text.splitlines() if line.startswith("| one/a.md:9 "))
    assert "`x \\| y = 2`" in row
    assert len(row) < 400 and "…" in row


def test_compare_shows_before_and_after_in_one_cell() -> None:
    after = json.loads(json.dumps(SAVED))
    after["sources"]["one"]["files"][0]["findings"][1]["verdict"] = "verified"
    text = corpus.compare(SAVED, after)
    assert "| **total** | 2 | 4 | 1 → 2 | 1 → 0 |" in text
    assert "error findings: 1 → 0" in text


@pytest.mark.parametrize(("op", "member", "expected"), [
    ("coefficient", "3x^2", "4x^2"),
    ("coefficient", "x_1 y", "2 (x_1 y)"),
    ("sign", "2x - 1", "2x + 1"),
    ("sign", "\\cos x", "-\\cos x"),
    ("plus-one", "x", "x + 1"),
    ("drop-factor", "x \\cdot y", None),
    ("transpose", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}",
     "\\begin{bmatrix} 1 & 3 \\\\ 2 & 4 \\end{bmatrix}"),
    ("transpose", "x", None),
])
def test_operators(op: str, member: str, expected: str | None) -> None:
    result = mutate.OPERATORS[op](member, random.Random(0))
    if op == "drop-factor":
        assert result in ("x", "y")
    else:
        assert result == expected


def test_factors_keep_applications_and_operators_whole() -> None:
    spans = mutate.factors("C \\frac{d}{dx} f(x)") or []
    assert [("C \\frac{d}{dx} f(x)")[a:b] for a, b in spans] == ["C", "\\frac{d}{dx} f(x)"]
    assert mutate.factors("x^2 + 1") is None
    assert mutate.factors("\\sigma(x)") is None


def test_symmetric_transpose_and_sign_of_zero_are_equivalent() -> None:
    sym = "\\begin{bmatrix} 1 & 2 \\\\ 2 & 1 \\end{bmatrix}"
    assert mutate.equivalent(sym, mutate.op_transpose(sym, random.Random(0)) or "")
    assert mutate.equivalent("0", "-0")
    assert not mutate.equivalent("3x^2", "4x^2")


def test_mutation_run_on_a_sample_kills_mutants(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    claim = "$$\\frac{d}{dx}(x^3 \\sin x) = 3x^2 \\sin x + x^3 \\cos x$$\n"
    note.write_text("A product:\n\n" + claim, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "mutate.py"), str(note)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    # coefficient 3 -> 4, the + flipped, + 1 appended; a sum has no factor to drop
    assert last == "mutation: mutants=3 killed=3 (100.0%) verified=0 unchecked=0", proc.stdout
    assert note.read_text(encoding="utf-8").endswith(claim)  # the input is never written


def test_corpus_script_on_samples_dir(tmp_path: Path) -> None:
    """The real entry point over a tiny 'corpus' of one source made from a sample file."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "calculus.md").write_bytes((REPO_ROOT / "samples" / "en" / "calculus.md").read_bytes())
    (source / "SOURCE.md").write_text("$$\\frac{d}{dx}x^2 = 5x$$\n", encoding="utf-8")
    saved = tmp_path / "run.json"
    proc = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "corpus.py"), "--corpus",
                           str(tmp_path), "--save", str(saved)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(saved.read_text(encoding="utf-8"))
    paths = [f["path"] for f in data["sources"]["src"]["files"]]
    assert paths == ["src/calculus.md"]  # SOURCE.md is attribution, not a note
    assert "| src/calculus.md:13 | wrong-derivative |" in proc.stdout


def test_run_bench_copies_make_every_claim_distinct_and_keep_the_math(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", Path(__file__).resolve().parents[1] / "bench" / "run.py")
    assert spec and spec.loader
    bench_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_run)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("$\\frac{d}{dx}x^3 = 3x^2$ and $\\frac{d}{dx}x^2 = 3x$\n", encoding="utf-8")
    (notes / "b.ipynb").write_text(
        '{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["$\\\\frac{d}{dx}x^4 = 4x^3$"]}],'
        ' "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8",
    )
    roots = bench_run.distinct_copies([notes], tmp_path / "copies", 3)
    steps = [bench_run.claim_steps([root]) for root in roots]
    assert [len(s) for s in steps] == [3, 3, 3]
    assert len({step for s in steps for step in s}) == 9  # no step's text repeats across copies
    from mathdoc import check_file

    for root in roots:
        verdicts = [f.verdict.value for name in ("a.md", "b.ipynb") for f in check_file(root / "notes" / name).findings]
        assert verdicts == ["verified", "wrong", "verified"]
    assert bench_run.decided("2 files, 9 claim steps: 4 verified, 2 wrong, 1 layout, 2 unchecked") == 7


def test_a_mutant_equal_in_context_is_listed_apart_not_counted(tmp_path: Path) -> None:
    """`[x^2 - 3x + 3]'` for `[x^2 - 3x + 2]'`: latex2sympy cannot read the prime, mathdoc
    verifies the mutant, and the probe `M = M'` in the file shows it says the same."""
    note = tmp_path / "note.md"
    note.write_text("$\\frac{d}{dx}(x^2 - 3x + 2) = [x^2 - 3x + 2]'$\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "mutate.py"), str(note)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "equivalent in context (checked, verified, and mathdoc verifies original = mutant in the file): 1" in proc.stdout
    assert "note.md:1 | coefficient | `[x^2 - 3x + 2]'` | `[x^2 - 3x + 3]'` |" in proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert "verified=0" in last, proc.stdout
