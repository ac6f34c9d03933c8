"""Malformed input: a clear message with the path, never a traceback, never a change to the input.

Each test records the input file's bytes and mtime before the run and checks them afterwards.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CLAIMS_AROUND_A_BROKEN_DOLLAR = (
    "Broken: $\\frac{d}{dx}x^2 = 2x and the rest of the line.\n"
    "\n"
    "Fine: $\\frac{d}{dx}x^3 = 3x^2$.\n"
    "\n"
    "Wrong: $\\frac{d}{dx}x^3 = 3x$.\n"
)
CUT_OFF_FRACTION = "Cut off: $\\frac{d}{dx}\\frac{ = 1$\n"
CUT_OFF_RIGHT_SIDE = "$$\\frac{d}{dx}x^2 = 2\\frac{x$$\n"
CP1252_NOTE = "Caf\u00e9 notes \u2014 the power rule: $\\frac{d}{dx}x^2 = 2x$.\n".encode("cp1252")
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


class Unchanged:
    """Bytes and modification time of some files, to compare after a run."""

    def __init__(self, *paths: Path) -> None:
        self.before = {path: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in paths}

    def check(self) -> None:
        for path, (data, mtime) in self.before.items():
            assert path.read_bytes() == data, f"{path} was modified"
            assert os.stat(path).st_mtime_ns == mtime, f"{path} was touched"


def no_traceback(*texts: str) -> bool:
    return not any("Traceback" in text or 'File "' in text for text in texts)


def check_json(run_cli, *paths: Path, timeout: str = "10"):  # type: ignore[no-untyped-def]
    result = run_cli("check", "--no-cache", "--jobs", "1", "--timeout", timeout, "--format", "json", *paths)
    assert no_traceback(result.out, result.err)
    return result, (json.loads(result.out) if result.out.strip() else None)


def test_unbalanced_dollar_leaves_the_other_claims_checked(run_cli, write_note) -> None:
    note = write_note(CLAIMS_AROUND_A_BROKEN_DOLLAR)
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note)
    findings = document["files"][0]["findings"]
    described = [(f["line"], f["verdict"], f["code"]) for f in findings]
    assert described == [(1, "unchecked", "unparsed"), (3, "verified", "verified"), (5, "wrong", "wrong-derivative")]
    assert "unbalanced `$`" in findings[0]["message"]
    assert findings[0]["severity"] == "info"
    assert result.code == 1  # the wrong claim on line 5, not the broken dollar
    unchanged.check()


def test_unbalanced_dollar_alone_is_not_an_error(run_cli, write_note) -> None:
    note = write_note("Broken: $\\frac{d}{dx}x^2 = 2x and nothing closes it.\n")
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note)
    assert result.code == 0
    assert [f["verdict"] for f in document["files"][0]["findings"]] == ["unchecked"]
    unchanged.check()


@pytest.mark.parametrize("text", [CUT_OFF_FRACTION, CUT_OFF_RIGHT_SIDE], ids=["left", "right"])
def test_cut_off_fraction_is_unchecked(run_cli, write_note, text: str) -> None:
    note = write_note(text)
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note)
    assert result.code == 0
    (finding,) = document["files"][0]["findings"]
    assert (finding["verdict"], finding["code"]) == ("unchecked", "unparsed")
    assert finding["message"]
    unchanged.check()


def test_binary_file_is_refused_with_its_name(run_cli, write_note) -> None:
    binary = write_note(BINARY, "figure.md")
    unchanged = Unchanged(binary)
    result = run_cli("check", "--no-cache", str(binary))
    assert result.code == 2
    assert str(binary) in result.err
    assert "binary" in result.err
    assert no_traceback(result.out, result.err)
    unchanged.check()


def test_binary_file_in_a_directory_does_not_stop_the_others(run_cli, write_note) -> None:
    binary = write_note(BINARY, "notes/figure.md")
    good = write_note("$\\frac{d}{dx}x^3 = 3x$\n", "notes/good.md")
    unchanged = Unchanged(binary, good)
    result = run_cli("check", "--no-cache", "--jobs", "1", str(binary.parent))
    assert result.code == 2
    assert str(binary) in result.err
    assert f"{good}:1:20: error[wrong-derivative]" in result.out
    assert no_traceback(result.out, result.err)
    unchanged.check()


def test_neither_utf8_nor_cp1252_is_refused_with_its_name(run_cli, write_note) -> None:
    note = write_note(b"bad bytes \x81\x8d\x8f\x90\x9d here\n", "odd.md")
    unchanged = Unchanged(note)
    result = run_cli("check", "--no-cache", str(note))
    assert result.code == 2
    assert str(note) in result.err
    assert no_traceback(result.out, result.err)
    unchanged.check()


def test_cp1252_file_is_read_with_a_notice_naming_it(run_cli, write_note) -> None:
    note = write_note(CP1252_NOTE, "latin.md")
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note)
    assert result.code == 0
    (file,) = document["files"]
    assert any(str(note) in notice and "cp1252" in notice for notice in file["notices"]), file["notices"]
    (finding,) = file["findings"]
    assert (finding["line"], finding["column"], finding["verdict"]) == (1, 49, "verified")
    text = run_cli("check", "--no-cache", "--jobs", "1", str(note))
    assert any(str(note) in line and "cp1252" in line for line in text.out.splitlines())
    assert no_traceback(text.out, text.err)
    unchanged.check()


def test_empty_file_has_no_claims(run_cli, write_note) -> None:
    note = write_note(b"", "empty.md")
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note)
    assert result.code == 0
    assert document["files"][0]["findings"] == []
    assert document["summary"] == {"files": 1, "claims": 0, "verified": 0, "wrong": 0, "layout": 0, "unchecked": 0}
    unchanged.check()


def test_whitespace_only_file_has_no_claims(run_cli, write_note) -> None:
    note = write_note("\n\n   \n\t\n")
    result, document = check_json(run_cli, note)
    assert result.code == 0 and document["summary"]["claims"] == 0


def test_a_megabyte_of_math_finishes(run_cli, write_note) -> None:
    block = (
        "Power $\\frac{d}{dx}x^3 = 3x^2$, sine $\\frac{d}{dx}\\sin x = \\cos x$, "
        "chain $$\\frac{d}{dx}(x^2+1)^2 = 4x(x^2+1)$$\n\nstep $\\frac{d}{dx}x^2 = x$\n\n"
    )
    copies = (1 << 20) // len(block) + 1
    note = write_note(block * copies, "huge.md")
    assert note.stat().st_size >= 1 << 20
    unchanged = Unchanged(note)
    result = run_cli("check", "--no-cache", "--timeout", "5", str(note))
    assert no_traceback(result.out, result.err)
    assert result.code == 1
    summary = result.out.splitlines()[-1]
    assert summary == f"1 file, {4 * copies} claim steps: {3 * copies} verified, {copies} wrong, 0 layout, 0 unchecked"
    unchanged.check()


def test_one_enormous_claim_is_bounded_by_the_time_limit(run_cli, write_note) -> None:
    terms = 20000
    note = write_note("$$\\frac{d}{dx}(" + "+".join(["x^2"] * terms) + ") = " + "+".join(["2x"] * terms) + "$$\n")
    unchanged = Unchanged(note)
    result, document = check_json(run_cli, note, timeout="2")
    assert result.code == 0
    (finding,) = document["files"][0]["findings"]
    assert finding["verdict"] in {"verified", "unchecked"}
    unchanged.check()


def test_no_traceback_reaches_stderr_of_a_real_process(run_subprocess, write_note) -> None:
    files = [
        write_note(CLAIMS_AROUND_A_BROKEN_DOLLAR, "broken-dollar.md"),
        write_note(CUT_OFF_FRACTION, "cut-off.md"),
        write_note(CP1252_NOTE, "latin.md"),
        write_note(b"", "empty.md"),
        write_note(BINARY, "figure.md"),
    ]
    unchanged = Unchanged(*files)
    completed = run_subprocess("check", "--no-cache", "--timeout", "5", *files, cwd=files[0].parent)
    assert completed.returncode == 2  # the binary file
    assert no_traceback(completed.stdout, completed.stderr), completed.stderr
    assert str(files[-1]) in completed.stderr
    assert f"{files[0]}:5:27: error[wrong-derivative]" in completed.stdout
    assert completed.stdout.splitlines()[-1].startswith("4 files, ")
    unchanged.check()
    assert not (files[0].parent / ".mathdoc_cache").exists()


@pytest.mark.parametrize(("text", "said"), [
    ("$\\frac{d}{dx}(x + t)/a) = 1/a$", "a `)` after `…}{dx}(x + t)/a` closes nothing"),
    ("$\\frac{d}{dx}(x^2 + 1 = 2x$", "the `(` after `\\frac{d}{dx}` is never closed"),
    ("$\\frac{d}{dx}\\left( x^2 \\right] = 2x + \\{ y\\}}$", "a `}` after `…= 2x + \\{ y\\}` closes nothing"),
    ("$\\frac{d}{dx}\\begin{bmatrix} x \\\\ x^2 \\end{pmatrix = 1$", "the `{` after `…x \\\\ x^2 \\end` is never closed"),
], ids=["closes-nothing", "never-closed", "brace", "environment"])
def test_unbalanced_brackets_are_named_with_the_text_before_them(text: str, said: str) -> None:
    from mathdoc.api import check_text

    findings = check_text(text + "\n\nFine: $\\frac{d}{dx}x^3 = 3x^2$.\n").findings
    assert [(f.line, f.verdict.value) for f in findings] == [(1, "unchecked"), (3, "verified")]
    assert findings[0].message.startswith("unbalanced brackets: ")
    assert said in findings[0].message
