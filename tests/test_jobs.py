"""`--jobs N` changes how fast a run is, never what it says: same bytes, same order as `--jobs 1`."""

from __future__ import annotations

from pathlib import Path

import pytest

from mathdoc import cli

NOTES = {
    "a/power.md": "# Power rule\n\n$\\frac{d}{dx}x^3 = 3x^2$ and $\\frac{d}{dx}x^5 = 5x^3$.\n",
    "a/chain.md": "$$\\frac{d}{dx}9(x+x^2) = 9(1+2x) = 9+18x$$\n\nand $\\frac{d}{dx}\\sin(2x) = 2\\cos(2x)$.\n",
    "b/partial.md": (
        "Let $f(x,y) = 3x^2y$.\n\n"
        "Then $\\frac{\\partial f(x,y)}{\\partial x} = 6xy$ and $\\frac{\\partial f(x,y)}{\\partial y} = 3x^2$,\n"
        "so $\\nabla f(x,y) = [6yx, 3x^2]$.\n"
    ),
    "b/wrong.md": "Steps: $\\frac{d}{dx}x^2 = 3x$, $\\frac{d}{dx}e^{2x} = e^{2x}$, $\\frac{d}{dx}\\ln x = x$.\n",
    "c/导数.md": "# 导数\n\n幂法则：$\\frac{d}{dx}x^4 = 4x^3$，链式法则：$\\frac{d}{dx}(x^2+1)^2 = 4x(x^2+1)$。\n",
    "c/unreadable.md": "Broken: $\\frac{d}{dx} \\foo{x} = 1$, undefined: $\\frac{d}{dx}g(x) = 2x$, unbalanced $x = \\frac{d}{dx}.\n",
    "c/duplicate.md": "Again $\\frac{d}{dx}x^3 = 3x^2$ (the same step as in power.md) and $\\frac{d}{dx}x^2 = 3x$.\n",
    "d/chapter.tex": (
        "\\documentclass{article}\\begin{document}\n"
        "\\begin{align}\\frac{d}{dx}x^4 &= 4x^3 \\\\ \\frac{d}{dx}\\cos x &= \\sin x\\end{align}\n"
        "\\end{document}\n"
    ),
}


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    for name, text in NOTES.items():
        path = tmp_path / "notes" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "notes"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.run(["check", "--no-cache", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_two_jobs_give_the_same_bytes_as_one(notes: Path, capsys: pytest.CaptureFixture[str], output_format: str) -> None:
    one = run(capsys, "--jobs", "1", "--verbose", "--format", output_format, str(notes))
    two = run(capsys, "--jobs", "2", "--verbose", "--format", output_format, str(notes))
    three = run(capsys, "--jobs", "3", "--verbose", "--format", output_format, str(notes))
    assert one[0] == 1  # the slips
    assert two == one
    assert three == one


def test_files_and_claims_are_reported_in_source_order(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "--jobs", "2", "--verbose", str(notes))
    places = []
    for line in out.splitlines()[:-1]:
        path, line_number, column, _ = line.split(":", 3)
        places.append((path, int(line_number), int(column)))
    assert places == sorted(places)
    assert len({path for path, _, _ in places}) == len(NOTES)


def test_more_jobs_than_steps_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "one.md"
    note.write_text(NOTES["a/power.md"], encoding="utf-8")
    assert run(capsys, "--jobs", "16", "--verbose", str(note)) == run(capsys, "--jobs", "1", "--verbose", str(note))
