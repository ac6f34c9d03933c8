"""The small things a user hit (issue 12): help text, suggestions, configuration messages, a run
left with nothing to check, the order of findings, plurals, and the reach of suppressions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mathdoc import config, suppress
from mathdoc.cli import sort_reports
from mathdoc.model import FileReport, Finding, Severity, Source, Verdict

WRONG = "Wrong: $\\frac{d}{dx}x^3 = 3x$.\n"
RIGHT = "Right: $\\frac{d}{dx}x^2 = 2x$.\n"


def _check(run_cli, *args):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-cache", "--jobs", "1", *args)


# -- help and suggestions --------------------------------------------------------------------------

def test_top_level_help_shows_the_whole_description_of_check(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--help")
    line = next(line for line in result.out.splitlines() if line.strip().startswith("check"))
    assert "..." not in line
    assert line.split(None, 1)[1] == "Check the derivative claims in files or directories."


def test_rules_suggests_the_nearest_codes(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules", "wrong")
    assert result.code == 2
    assert "did you mean 'wrong-step' or 'wrong-derivative'?" in result.err
    assert "did you mean 'timeout'?" in run_cli("rules", "timout").err
    assert "did you mean" not in run_cli("rules", "zzzzzz").err


def test_an_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "mathdoc.toml").write_text('exlude = ["drafts/"]\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"unknown key 'exlude' \(did you mean 'exclude'"):
        config.read_config(tmp_path / "mathdoc.toml")


def test_an_unknown_code_in_the_configuration_suggests_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "mathdoc.toml").write_text('disable = ["unparse"]\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"unknown code 'unparse' \(did you mean 'unparsed'\?\)"):
        config.read_config(tmp_path / "mathdoc.toml")


def test_a_tool_table_in_mathdoc_toml_is_explained(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mathdoc.toml").write_text('[tool.mathdoc]\nlayout = "numerator"\n', encoding="utf-8")
    (tmp_path / "n.md").write_text(RIGHT, encoding="utf-8")
    result = _check(run_cli, tmp_path / "n.md")
    assert result.code == 2
    assert "a [tool.mathdoc] table belongs in pyproject.toml; in mathdoc.toml the keys go at the top" in result.err
    assert "unknown key 'tool'" not in result.err


def test_an_exclude_that_removes_everything_says_so(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mathdoc.toml").write_text('exclude = ["notes/"]\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "notes" / "b.md").write_text(RIGHT, encoding="utf-8")
    result = _check(run_cli, tmp_path / "notes")
    assert result.code == 0
    assert "left out all 2 notes under the paths given; nothing was checked" in result.err
    assert "exclude = ['notes/']" in result.err
    assert result.out.splitlines()[-1] == "0 files, 0 claim steps: 0 verified, 0 wrong, 0 layout, 0 unchecked"


def test_an_exclude_that_leaves_some_notes_says_nothing(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mathdoc.toml").write_text('exclude = ["b.md"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(RIGHT, encoding="utf-8")
    (tmp_path / "b.md").write_text(WRONG, encoding="utf-8")
    result = _check(run_cli, tmp_path)
    assert result.code == 0 and "nothing was checked" not in result.err
    assert "0 files" not in result.out and "1 file, 1 claim step:" in result.out


def test_an_empty_directory_is_not_called_excluded(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "nothing was checked" not in _check(run_cli, tmp_path).err


# -- order and plurals -----------------------------------------------------------------------------

def test_findings_are_sorted_by_file_line_and_column(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "b.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "a.md").write_text(WRONG + "\n" + "Two: $\\frac{d}{dx}x^4 = x^3$ and $\\frac{d}{dx}x^5 = x^4$.\n", encoding="utf-8")
    result = _check(run_cli, tmp_path / "b.md", tmp_path / "a.md")
    places = [line.rsplit(": error[", 1)[0] for line in result.out.splitlines() if ": error[" in line]
    assert [p.split(":", 1)[0] for p in places] == [str(tmp_path / "a.md")] * 3 + [str(tmp_path / "b.md")]
    positions = [tuple(int(n) for n in p.rsplit(":", 2)[1:]) for p in places[:3]]
    assert positions == sorted(positions) and len(set(positions)) == 3


def _finding(line: int, column: int, step: int = 1) -> Finding:
    return Finding(
        path="n.md", line=line, column=column, end_line=line, end_column=column + 1, latex="a = b", kind="scalar",
        step=step, verdict=Verdict.WRONG, method=None, severity=Severity.ERROR, code="wrong-step", message="m",
    )


def test_sort_reports_orders_files_and_positions() -> None:
    b = FileReport(path="b.md", layout=None, findings=(_finding(1, 1),))
    a = FileReport(path="a.md", layout=None, findings=(_finding(3, 1), _finding(1, 9), _finding(1, 2, step=2), _finding(1, 2)))
    ordered = sort_reports([b, a])
    assert [r.path for r in ordered] == ["a.md", "b.md"]
    assert [(f.line, f.column, f.step) for f in ordered[0].findings] == [(1, 2, 1), (1, 2, 2), (1, 9, 1), (3, 1, 1)]


def test_one_claim_step_is_singular(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text(RIGHT, encoding="utf-8")
    assert _check(run_cli, tmp_path / "a.md").out.splitlines()[-1] == "1 file, 1 claim step: 1 verified, 0 wrong, 0 layout, 0 unchecked"
    (tmp_path / "b.md").write_text(RIGHT, encoding="utf-8")
    assert _check(run_cli, tmp_path).out.splitlines()[-1] == "2 files, 2 claim steps: 2 verified, 0 wrong, 0 layout, 0 unchecked"


def test_quiet_leaves_the_summary_as_it_is(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text(RIGHT + "\n" + WRONG + "\n" + "Unknown: $\\frac{dy}{dx} = 2x$.\n", encoding="utf-8")
    loud, quiet = _check(run_cli, tmp_path / "a.md"), _check(run_cli, "--quiet", tmp_path / "a.md")
    assert quiet.out.splitlines()[-1] == loud.out.splitlines()[-1] == "1 file, 3 claim steps: 1 verified, 1 wrong, 0 layout, 1 unchecked"
    assert len(quiet.out.splitlines()) == 2 and "error[wrong-derivative]" in quiet.out


# -- suppressions: ignore reaches the next block only; an unclosed disable= is said ----------------

def _suppressed(run_cli, tmp_path: Path, text: str, name: str = "n.md"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    return _check(run_cli, tmp_path / name)


def test_ignore_applies_to_a_claim_in_the_next_block(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _suppressed(run_cli, tmp_path, "<!-- mathdoc: ignore -->\n\n$$\n\\frac{d}{dx}x^3 = 3x\n$$\n")
    assert result.code == 0 and "wrong-derivative" not in result.out and "unused-suppression" not in result.out


def test_ignore_does_not_reach_past_the_next_block(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _suppressed(run_cli, tmp_path, "<!-- mathdoc: ignore -->\n\nA paragraph without math.\n\n" + WRONG)
    assert result.code == 1 and "error[wrong-derivative]" in result.out
    notice = next(line for line in result.out.splitlines() if "unused-suppression" in line)
    assert notice.startswith(f"{tmp_path / 'n.md'}:1:1:") and "no claim follows in the next block" in notice


def test_ignore_inside_a_paragraph_covers_the_rest_of_it_only(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "Text <!-- mathdoc: ignore --> and more text.\n\n" + WRONG
    assert _suppressed(run_cli, tmp_path, text).code == 1
    text = "Text <!-- mathdoc: ignore --> and " + WRONG
    assert _suppressed(run_cli, tmp_path, text).code == 0


def test_rst_ignore_reaches_an_indented_math_body(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ".. mathdoc: ignore\n\n.. math::\n\n   \\frac{d}{dx}x^3 = 3x\n\nAfter.\n"
    assert _suppressed(run_cli, tmp_path, text, "n.rst").code == 0


@pytest.mark.parametrize(
    ("text", "offset", "end"),
    [
        ("a\nb\n\nc", 0, 3),  # the paragraph a/b
        ("x\n\n\na\nb\n\nc", 1, 7),  # blank lines skipped, then the paragraph a/b
        (".. m\n\n   body\n\nnext", 0, 13),  # an indented body continues the block
        ("only", 0, 4),
        ("end\n\n", 3, 5),
    ],
)
def test_block_end(text: str, offset: int, end: int) -> None:
    assert suppress.block_end(text, offset) == end


def test_an_unclosed_disable_is_reported(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _suppressed(run_cli, tmp_path, RIGHT + "\n<!-- mathdoc: disable=wrong-derivative -->\n\n" + WRONG)
    assert result.code == 0
    notices = [line for line in result.out.splitlines() if "not closed" in line]
    assert len(notices) == 1 and notices[0].startswith(f"{tmp_path / 'n.md'}:3:1:")
    closed = RIGHT + "\n<!-- mathdoc: disable=wrong-derivative -->\n\n" + WRONG + "\n<!-- mathdoc: enable=wrong-derivative -->\n"
    assert "not closed" not in _suppressed(run_cli, tmp_path, closed).out


def test_a_directive_with_a_mistyped_code_suggests_the_nearest() -> None:
    source = Source(path="n.md", text="<!-- mathdoc: ignore=wrong-derivativ -->\n$a = b$\n", kind="markdown")
    finding = dataclasses.replace(_finding(2, 2), code="wrong-derivative")
    _, notices = suppress.apply(source, [finding])
    assert len(notices) == 1 and "did you mean 'wrong-derivative'?" in notices[0]


def test_the_terminal_paints_a_singular_summary_and_the_time_limit() -> None:
    pytest.importorskip("rich")
    from mathdoc.reporters import terminal

    painted = terminal.paint("1 file, 1 claim step: 1 verified, 0 wrong, 0 layout, 0 unchecked; 1 step not checked: time limit")
    styles = {str(span.style) for span in painted.spans}
    assert "green" in styles, "the singular summary is still read as the summary"
    assert "bold yellow" in styles, "the time limit stands out"
