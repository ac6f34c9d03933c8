"""End-to-end CLI tests, in process through `mathdoc.cli.run` (plus one real `python -m mathdoc`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import mathdoc
from mathdoc.codes import RULES

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "en" / "calculus.md"

CLEAN = "The power rule: $\\frac{d}{dx}x^3 = 3x^2$.\n"
WRONG = "Right: $\\frac{d}{dx}x^2 = 2x$.\n\nWrong: $\\frac{d}{dx}x^3 = 3x$.\n"
FINDING_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info)\[(?P<code>[a-z-]+)\] (?P<message>.+)$")
SUMMARY_LINE = re.compile(r"^\d+ files?, \d+ claim steps?: \d+ verified, \d+ wrong, \d+ layout, \d+ unchecked$")

FINDING_KEYS = {
    "line", "column", "end_line", "end_column", "latex", "kind", "step", "verdict", "method",
    "severity", "code", "message", "expected", "counterexample",
}
SUMMARY_KEYS = {"files", "claims", "verified", "wrong", "layout", "unchecked"}
GUIDE_CODES = {
    "wrong-derivative", "wrong-step", "layout-mismatch", "shape-mismatch", "malformed-notation",
    "unparsed", "undefined-function", "timeout",
}


def check(run_cli, *args):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-cache", "--jobs", "1", *args)


# -- text format ---------------------------------------------------------------------------------

def test_text_lines_have_the_documented_shape(run_cli, write_note) -> None:
    note = write_note(WRONG)
    result = check(run_cli, note)
    lines = result.out.splitlines()
    assert result.code == 1
    assert SUMMARY_LINE.match(lines[-1]), lines[-1]
    findings = [FINDING_LINE.match(line) for line in lines[:-1]]
    assert findings and all(findings), lines
    (match,) = findings  # the verified claim is not listed without --verbose
    assert match["path"] == str(note)
    assert (match["line"], match["column"]) == ("3", "27")
    assert (match["severity"], match["code"]) == ("error", "wrong-derivative")
    assert "3 x^{2}" in match["message"]
    assert lines[-1] == "1 file, 2 claim steps: 1 verified, 1 wrong, 0 layout, 0 unchecked"


def test_verbose_lists_verified_claims(run_cli, write_note) -> None:
    note = write_note(WRONG)
    quiet = check(run_cli, note).out.splitlines()
    verbose = check(run_cli, "--verbose", note).out.splitlines()
    assert len(verbose) == len(quiet) + 1
    verified = [line for line in verbose if "[verified]" in line]
    assert len(verified) == 1
    match = FINDING_LINE.match(verified[0])
    assert match and match["severity"] == "info" and (match["line"], match["column"]) == ("1", "27")
    assert not any("[verified]" in line for line in quiet)


def test_later_steps_of_a_chain_say_which_step(run_cli, write_note) -> None:
    note = write_note("$$\\frac{d}{dx}9(x+x^2) = 9(1+2x) = 9+2x$$\n")
    result = check(run_cli, note)
    (line,) = [line for line in result.out.splitlines() if FINDING_LINE.match(line)]
    assert line.startswith(f"{note}:1:36: error[wrong-step] ")
    assert "(step 2)" in line


def test_the_path_is_reported_as_given(run_cli, write_note, monkeypatch: pytest.MonkeyPatch) -> None:
    note = write_note(WRONG, name="notes/calc.md")
    monkeypatch.chdir(note.parent.parent)
    result = check(run_cli, "notes/calc.md")
    assert result.out.startswith("notes/calc.md:3:27: error[wrong-derivative] ")


# -- JSON contract -------------------------------------------------------------------------------

def test_json_matches_the_contract(run_cli) -> None:
    result = check(run_cli, "--format", "json", SAMPLE)
    assert result.code == 1
    document = json.loads(result.out)
    assert document["version"] == 1
    assert set(document) == {"version", "files", "summary"}
    (file,) = document["files"]
    assert {"path", "layout", "findings"} <= set(file)
    assert file["path"] == str(SAMPLE)
    assert file["layout"] == "numerator"
    for finding in file["findings"]:
        assert set(finding) == FINDING_KEYS, finding
        assert finding["verdict"] in {"verified", "wrong", "layout", "unchecked"}
        assert finding["severity"] in {"error", "warning", "info"}
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert isinstance(finding["column"], int) and finding["column"] >= 1
        assert (finding["end_line"], finding["end_column"]) >= (finding["line"], finding["column"])
        assert finding["step"] >= 1
        if finding["verdict"] == "verified":
            assert finding["severity"] == "info" and finding["code"] == "verified"
            assert finding["method"] in {"symbolic", "numeric", "instantiated"}
            assert finding["expected"] is None and finding["counterexample"] is None
        if finding["verdict"] == "wrong":
            assert finding["severity"] == "error"
            assert finding["code"] in {"wrong-derivative", "wrong-step", "shape-mismatch"}
            assert finding["expected"]
            assert set(finding["counterexample"]) == {"point", "lhs", "rhs"}
            assert isinstance(finding["counterexample"]["point"], dict)
    summary = document["summary"]
    assert set(summary) == SUMMARY_KEYS
    assert summary["files"] == len(document["files"]) == 1
    assert summary["claims"] == len(file["findings"])
    assert summary["claims"] == summary["verified"] + summary["wrong"] + summary["layout"] + summary["unchecked"]
    for verdict in ("verified", "wrong", "layout", "unchecked"):
        assert summary[verdict] == sum(f["verdict"] == verdict for f in file["findings"])
    assert summary["wrong"] >= 1 and summary["verified"] >= 1


def test_json_lists_verified_claims_without_verbose(run_cli, write_note) -> None:
    document = json.loads(check(run_cli, "--format", "json", write_note(CLEAN)).out)
    (finding,) = document["files"][0]["findings"]
    assert finding["verdict"] == "verified"
    assert (finding["line"], finding["column"]) == (1, 36)
    assert finding["latex"] == "\\frac{d}{dx}x^3 = 3x^2"
    assert finding["kind"] == "scalar"


def test_json_summary_over_several_files(run_cli, write_note) -> None:
    first, second = write_note(CLEAN, "a.md"), write_note(WRONG, "b.md")
    document = json.loads(check(run_cli, "--format", "json", first, second).out)
    assert [f["path"] for f in document["files"]] == [str(first), str(second)]
    assert document["summary"] == {"files": 2, "claims": 3, "verified": 2, "wrong": 1, "layout": 0, "unchecked": 0}


def test_json_of_a_directory_lists_its_notes_in_order(run_cli, write_note) -> None:
    write_note(WRONG, "notes/b.md")
    write_note(CLEAN, "notes/a.md")
    write_note("print('not a note')\n", "notes/script.py")
    directory = write_note(CLEAN, "notes/sub/c.markdown").parent.parent
    document = json.loads(check(run_cli, "--format", "json", directory).out)
    names = [Path(f["path"]).relative_to(directory).as_posix() for f in document["files"]]
    assert names == ["a.md", "b.md", "sub/c.markdown"]


def test_json_output_is_deterministic(run_cli) -> None:
    outputs = {check(run_cli, "--format", "json", SAMPLE).out for _ in range(2)}
    outputs.add(run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", str(SAMPLE)).out)
    assert len(outputs) == 1


def test_text_output_is_deterministic(run_cli) -> None:
    outputs = {check(run_cli, "--verbose", SAMPLE).out for _ in range(2)}
    assert len(outputs) == 1


# -- exit codes ----------------------------------------------------------------------------------

def test_exit_0_for_a_clean_file(run_cli, write_note) -> None:
    result = check(run_cli, write_note(CLEAN))
    assert result.code == 0
    assert result.out.splitlines()[-1] == "1 file, 1 claim step: 1 verified, 0 wrong, 0 layout, 0 unchecked"


def test_exit_0_for_a_file_without_claims(run_cli, write_note) -> None:
    result = check(run_cli, write_note("# Notes\n\nNo derivatives here: $a^2 + b^2 = c^2$.\n"))
    assert result.code == 0


def test_exit_0_when_only_unchecked_claims(run_cli, write_note) -> None:
    result = check(run_cli, write_note("$\\nabla h(x,y) = [1, 2]$\n"))
    assert result.code == 0
    assert "info[undefined-function]" in result.out


def test_exit_1_for_a_wrong_claim(run_cli, write_note) -> None:
    assert check(run_cli, write_note(WRONG)).code == 1


def test_exit_2_for_a_missing_path(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    result = check(run_cli, missing)
    assert result.code == 2
    assert str(missing) in result.err
    assert "Traceback" not in result.err + result.out


def test_exit_2_for_a_missing_path_next_to_a_wrong_claim(run_cli, write_note, tmp_path: Path) -> None:
    result = check(run_cli, write_note(WRONG), tmp_path / "nope.md")
    assert result.code == 2
    assert "error[wrong-derivative]" in result.out


def test_exit_2_for_a_directory_without_notes(run_cli, write_note) -> None:
    directory = write_note("print(1)\n", "code/script.py").parent
    result = check(run_cli, directory)
    assert result.code == 2
    assert str(directory) in result.err
    assert "Traceback" not in result.err + result.out


def test_exit_2_for_an_unknown_option(run_cli) -> None:
    result = run_cli("check", "--no-cache", "--no-such-option", str(SAMPLE))
    assert result.code == 2


def test_exit_2_for_an_unknown_format(run_cli) -> None:
    result = run_cli("check", "--no-cache", "--format", "yaml", str(SAMPLE))
    assert result.code == 2


# -- version and rules ---------------------------------------------------------------------------

def test_python_m_mathdoc_version(run_subprocess) -> None:
    completed = run_subprocess("--version")
    assert completed.returncode == 0, completed.stderr
    assert "mathdoc" in completed.stdout
    assert mathdoc.__version__ in completed.stdout
    assert completed.stderr == ""


def test_rules_lists_every_code(run_cli) -> None:
    result = run_cli("rules")
    assert result.code == 0
    listed = {line.split()[0] for line in result.out.splitlines() if line.strip()}
    assert GUIDE_CODES <= listed
    assert listed == {rule.code for rule in RULES}
    for line in result.out.splitlines():
        code, severity = line.split()[:2]
        assert severity in {"error", "warning", "info"}, line


def test_rules_explains_one_code(run_cli) -> None:
    result = run_cli("rules", "wrong-derivative")
    assert result.code == 0
    assert result.out.startswith("wrong-derivative: ")
    assert "default severity: error" in result.out
    assert "Example:" in result.out


def test_rules_with_an_unknown_code(run_cli) -> None:
    result = run_cli("rules", "no-such-code")
    assert result.code == 2
    assert "no-such-code" in result.err
