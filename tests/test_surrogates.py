"""Lone surrogates (issue 9, item 6): a notebook whose Markdown cell spells `\\ud800` in its JSON, or
an API caller's str holding one, is read with U+FFFD in its place and a notice naming the file;
no format and no report crashes, and no surrogate reaches a reporter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

import mathdoc
from mathdoc.fragments.notebook import load_notebook
from mathdoc.sources import read_source

# Written by hand: json.dumps would escape the backslashes of `\ud800` too.
NOTEBOOK = (
    '{"cells": [\n'
    ' {"cell_type": "markdown", "id": "cell\\udc00id", "metadata": {}, "source": ['
    '"A lone \\ud800 surrogate, then a step: $\\\\frac{d}{dx}x^2 = 3x$\\n", '
    '"and a true one \\udfff: $\\\\frac{d}{dx}x^3 = 3x^2$\\n"]},\n'
    ' {"cell_type": "markdown", "metadata": {}, "source": "Inside the math: $\\\\frac{d}{dx}x^4 = 4x^3 \\ud83d$"}\n'
    '], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
)
NOTICE = "lone surrogate"


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    path = tmp_path / "surrogate.ipynb"
    path.write_text(NOTEBOOK, encoding="ascii")
    return path


def _no_surrogate(text: str) -> None:
    text.encode("utf-8")  # raises on a lone surrogate


def test_the_notebook_really_holds_lone_surrogates() -> None:
    cells = json.loads(NOTEBOOK)["cells"]
    assert "\ud800" in "".join(cells[0]["source"]) and "\ud83d" in cells[1]["source"]


def test_loading_replaces_them_one_for_one_with_a_notice(notebook: Path) -> None:
    source = read_source(notebook)
    _no_surrogate(source.text)
    assert "A lone \ufffd surrogate" in source.text and "4x^3 \ufffd" in source.text
    assert [n for n in source.notices if NOTICE in n] == [n for n in source.notices if str(notebook) in n and NOTICE in n]
    assert len([n for n in source.notices if NOTICE in n]) == 1
    assert all(cell.cell_id is None or "\ufffd" in cell.cell_id for cell in source.locator.cells)  # type: ignore[attr-defined]


def test_positions_after_a_surrogate_still_point_into_the_file(notebook: Path) -> None:
    source = read_source(notebook)
    offset = source.text.index("3x$")
    location = source.locate(offset)
    line = NOTEBOOK.splitlines()[location.line - 1]
    assert line[location.column - 1 :].startswith("3x$")


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_the_cli_reports_the_claims_and_the_notice(run_cli: Callable[..., Any], notebook: Path, output_format: str) -> None:
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", output_format, notebook)
    assert result.code == 1  # the slip is found, the file was read
    assert "Traceback" not in result.out + result.err
    _no_surrogate(result.out)
    _no_surrogate(result.err)
    if output_format == "json":
        data = json.loads(result.out)
        (report,) = data["files"]
        assert any(NOTICE in notice for notice in report["notices"])
        assert "wrong-derivative" in [f["code"] for f in report["findings"]]
    elif output_format == "text":
        assert NOTICE in result.out and "wrong-derivative" in result.out


@pytest.mark.parametrize("name", ["r.html", "r.md"])
def test_the_report_is_written(run_cli: Callable[..., Any], notebook: Path, tmp_path: Path, name: str) -> None:
    report = tmp_path / name
    result = run_cli("check", "--no-cache", "--jobs", "1", "--report", report, notebook)
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    written = report.read_text(encoding="utf-8")  # strict UTF-8: no surrogate got through
    assert written.strip() and NOTICE in written
    assert "the two sides differ" in written


def test_the_api_repairs_a_callers_text_with_a_notice() -> None:
    report = mathdoc.check_text("A \ud800 note: $\\frac{d}{dx}x^2 = 3x$", path="mine.md", jobs=1, timeout=5)
    assert [f.code for f in report.findings] == ["wrong-derivative"]
    assert any(NOTICE in n and "mine.md" in n for n in report.notices)
    from mathdoc.reporters import render

    for kind in ("text", "json", "sarif", "github", "html", "markdown"):
        _no_surrogate(render(kind, [report]))


def test_a_clean_notebook_has_no_such_notice() -> None:
    raw = json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": "é 😀 $x$"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    source = load_notebook("ok.ipynb", raw, "notebook", ())
    assert source.text == "é 😀 $x$" and not source.notices
