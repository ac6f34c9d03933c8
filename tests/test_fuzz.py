"""Property tests: random text and mutated real notes never break the fragment finder, the claim
recogniser or the command.

Positions stay inside the file, no exception escapes, the same input gives the same bytes, and
the input file is never touched.  Example counts are small on purpose (the whole file runs in
well under a minute on two cores); raise them locally with MATHDOC_FUZZ_SCALE.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mathdoc import cli
from mathdoc.claims import recognise
from mathdoc.fragments import find_fragments
from mathdoc.sources import SourceError, decode, source_from_text

REPO_ROOT = Path(__file__).resolve().parents[1]
D2L = REPO_ROOT.parent / "shared" / "corpus" / "d2l-en"

SCALE = int(os.environ.get("MATHDOC_FUZZ_SCALE", "1"))
"""Multiplies every example count (MATHDOC_FUZZ_SCALE=50 for a long local hunt)."""


def bounded(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    )


KIND_BY_SUFFIX = {".md": "markdown", ".tex": "latex", ".rst": "rst", ".ipynb": "notebook"}
SUFFIX_BY_KIND = {kind: suffix for suffix, kind in KIND_BY_SUFFIX.items()}


def _real_notes() -> list[tuple[str, str]]:
    """(kind, text) of the repository's samples and, when present, the d2l-en chapters."""
    paths = sorted(p for p in (REPO_ROOT / "samples").rglob("*") if p.suffix in KIND_BY_SUFFIX)
    if D2L.is_dir():
        paths += sorted(p for p in D2L.glob("*.md") if p.name != "SOURCE.md")
    notes = []
    for path in paths:
        try:
            notes.append((KIND_BY_SUFFIX[path.suffix], path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return notes or [("markdown", "$\\frac{d}{dx}x^3 = 3x^2$\n")]


REAL_NOTES = _real_notes()

# -- what random and mutated text is made of ------------------------------------------------------

SPECIALS = "$${}{}\\\\^_&=%\n\n  ()[]|'`~#*-<>"
CJK_AND_RTL = "导数链式法则梯度，。：（）「」שלוםمرحبا\u200f\u200e\u202e\u202c\u200b\ufeff\u3000ｘ＝"
LATEX_BITS = [
    "\\frac{d}{dx}", "\\frac{\\partial}{\\partial x}", "\\nabla", "x^2", "=", "&=", "\\\\", "\\begin{align}",
    "\\end{align}", "\\begin{bmatrix}", "\\end{bmatrix}", "\\left(", "\\right)", "\\mathbf{x}", "$$", "$",
    "10^{10^{10}}", "x^{10^{10^{10}}}", "f(x) = ", "\\partial_x", "\\sin", "\\ln", "\\text{let }",
    "<!-- mathdoc: ignore -->", "% mathdoc: ignore", "```", "\\begin{document}", "\\def\\a{\\a}",
]

random_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.sampled_from(CJK_AND_RTL),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=400,
)
latex_soup = st.lists(st.one_of(st.sampled_from(LATEX_BITS), st.sampled_from(SPECIALS), st.text(max_size=5)), max_size=60).map("".join)


@st.composite
def mutated_note(draw: st.DrawFn, max_size: int = 20_000, notebooks: bool = False) -> tuple[str, str]:
    """A real note (or notebook), cut and damaged in a few random ways."""
    choices = [note for note in REAL_NOTES if (note[0] == "notebook") == notebooks]
    kind, text = draw(st.sampled_from(choices or REAL_NOTES))
    if len(text) > max_size:
        start = draw(st.integers(0, len(text) - max_size))
        text = text[start : start + max_size]
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["cut", "duplicate", "delete", "nest", "huge", "unicode", "soup"]))
        if operation == "cut":
            text = text[:where] if draw(st.booleans()) else text[where:]
        elif operation in ("duplicate", "delete"):
            token = draw(st.sampled_from(["$", "$$", "{", "}", "\\", "\\\\", "&", "\n"]))
            found = [m.start() for m in re.finditer(re.escape(token), text)]
            if found:
                at = found[draw(st.integers(0, len(found) - 1))]
                text = text[:at] + (token * 2 if operation == "duplicate" else "") + text[at + len(token) :]
        elif operation == "nest":
            depth = draw(st.integers(1, 600))
            text = text[:where] + "{" * depth + "x" + "}" * draw(st.sampled_from([depth, depth - 1, 0])) + text[where:]
        elif operation == "huge":
            text = text[:where] + draw(st.sampled_from(["10^{10^{10}}", "x^{10^{10^{10}}}", "9" * 400, "(x+1)^{100000}"])) + text[where:]
        elif operation == "unicode":
            text = text[:where] + draw(st.text(alphabet=st.sampled_from(CJK_AND_RTL), min_size=1, max_size=20)) + text[where:]
        else:
            text = text[:where] + draw(latex_soup) + text[where:]
    return kind, text


# -- the fragment finder and the claim recogniser -------------------------------------------------

def file_lines(text: str) -> list[str]:
    """The lines an editor shows (any of \\n, \\r\\n, \\r ends one)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_positions(text: str, kind: str) -> None:
    """Find fragments and claims in `text`; every position they give is inside it."""
    try:
        source = source_from_text(text, path="fuzz.md", kind=kind)
    except SourceError:
        return
    lines = file_lines(text)  # positions are in the file (for a notebook: the JSON), not in source.text

    def assert_inside(offset: int) -> None:
        location = source.locate(offset)
        assert 1 <= location.line <= len(lines), (offset, location)
        assert 1 <= location.column <= len(lines[location.line - 1]) + 1, (offset, location)

    fragments = find_fragments(source)
    for fragment in fragments:
        assert_inside(fragment.source_offset(0))
        assert_inside(fragment.source_offset(max(len(fragment.text) - 1, 0)))
        if fragment.offsets is None:
            assert 0 <= fragment.start and fragment.start + len(fragment.text) <= len(source.text)
            assert source.text[fragment.start : fragment.start + len(fragment.text)] == fragment.text
        else:
            assert len(fragment.offsets) == len(fragment.text)
            assert all(0 <= offset <= len(source.text) for offset in fragment.offsets)
    offsets = [f.source_offset(0) for f in fragments]
    assert offsets == sorted(offsets)
    recognised = recognise(fragments)
    for claim in recognised.claims:
        assert len(claim.members) >= 1
        for member in claim.members:
            assert 0 <= member.start <= len(claim.fragment.text)
            assert_inside(claim.fragment.source_offset(member.start))
    for definition in recognised.definitions:
        assert 0 <= definition.offset <= len(source.text)


@pytest.mark.parametrize("kind", ["markdown", "latex", "rst"])
@bounded(60)
@given(text=random_text)
def test_random_text_positions_stay_inside(kind: str, text: str) -> None:
    check_positions(text, kind)


@pytest.mark.parametrize("kind", ["markdown", "latex", "rst"])
@bounded(40)
@given(text=latex_soup)
def test_latex_soup_positions_stay_inside(kind: str, text: str) -> None:
    check_positions(text, kind)


@bounded(60)
@given(note=mutated_note())
def test_mutated_notes_positions_stay_inside(note: tuple[str, str]) -> None:
    kind, text = note
    check_positions(text, kind)


@bounded(25)
@given(text=random_text)
def test_random_text_as_a_notebook_is_refused_cleanly(text: str) -> None:
    try:
        source = source_from_text(text, path="fuzz.ipynb", kind="notebook")
    except SourceError:
        return
    find_fragments(source)


# -- the whole command ----------------------------------------------------------------------------

TIMING_DEPENDENT = re.compile(r"\[timeout\]|no symbolic proof within the time limit|\"timeout\"|\"numeric\"")


def run_twice(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    runs = []
    for _ in range(2):
        capsys.readouterr()
        code = cli.run(["check", "--timeout", "2", "--jobs", "1", "--no-cache", "--verbose", str(path)])
        captured = capsys.readouterr()
        runs.append((code, captured.out, captured.err))
    return runs[0], runs[1]


def assert_same_report(first: tuple[int, str, str], second: tuple[int, str, str]) -> None:
    """Byte-identical; where a time limit decided something, identical apart from those lines."""
    if TIMING_DEPENDENT.search(first[1] + second[1]):
        # A step near its (CPU-time) limit may end on either side of it: leave out its location
        # in both runs, whichever run it timed out in.
        unstable = {line.split(" ", 1)[0] for line in (first[1] + second[1]).splitlines() if TIMING_DEPENDENT.search(line)}

        def steady(out: str) -> list[str]:
            return [line for line in out.splitlines()[:-1] if line.split(" ", 1)[0] not in unstable]

        assert steady(first[1]) == steady(second[1])
    else:
        assert first == second


def check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, suffix: str) -> None:
    path = tmp_path / f"note{suffix}"
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = sorted(p.name for p in tmp_path.iterdir())
    first, second = run_twice(capsys, path)
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    for code, out, err in (first, second):
        assert code in (0, 1, 2), (code, err)
        assert "Traceback" not in out + err
        if code == 2:
            assert str(path) in err  # a clear message that names the file
    assert_same_report(first, second)
    if first[0] != 2:
        assert_findings_inside(path, first[1])


def assert_findings_inside(path: Path, out: str) -> None:
    """Every `path:line:col:` the report prints points into the file."""
    lines = file_lines(decode(path.read_bytes(), str(path))[0])
    finding = re.compile(re.escape(str(path)) + r":(\d+):(\d+): (?:error|warning|info)\[")
    for line in out.splitlines():
        match = finding.match(line)
        if match:
            line_number, column = int(match[1]), int(match[2])
            assert 1 <= line_number <= len(lines), line
            assert 1 <= column <= len(lines[line_number - 1]) + 1, line


@bounded(10)
@given(note=mutated_note(max_size=2500))
def test_command_on_mutated_notes(tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], note: tuple[str, str]) -> None:
    kind, text = note
    check_command(tmp_path_factory.mktemp("cli"), capsys, text.encode("utf-8"), SUFFIX_BY_KIND[kind])


@bounded(15)
@given(note=mutated_note(notebooks=True))
def test_mutated_notebooks_positions_stay_inside(note: tuple[str, str]) -> None:
    kind, text = note
    check_positions(text, kind)


@bounded(4)
@given(note=mutated_note(max_size=5000, notebooks=True))
def test_command_on_mutated_notebooks(tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], note: tuple[str, str]) -> None:
    kind, text = note
    check_command(tmp_path_factory.mktemp("cli"), capsys, text.encode("utf-8"), SUFFIX_BY_KIND[kind])


@bounded(8)
@given(data=st.one_of(
    random_text.map(lambda t: t.encode("utf-8")),
    latex_soup.map(lambda t: t.encode("utf-8")),
    st.binary(max_size=300),
    random_text.map(lambda t: t.encode("utf-16")),
))
def test_command_on_random_bytes(tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    assume(len(data) < 4000)
    check_command(tmp_path_factory.mktemp("cli"), capsys, data, ".md")


# -- hand-picked nasty inputs ---------------------------------------------------------------------

NASTY = {
    "deep braces": "$\\frac{d}{dx}" + "{" * 3000 + "x" + "}" * 3000 + " = 1$",
    "deep unbalanced braces": "$\\frac{d}{dx}" + "{" * 3000 + "x = 1$",
    "deep closing braces": "$\\frac{d}{dx}x" + "}" * 3000 + " = 1$",
    "deep fractions": "$\\frac{d}{dx}" + "\\frac{1}{" * 500 + "x" + "}" * 500 + " = 1$",
    "deep left-right": "$\\frac{d}{dx}" + "\\left(" * 2000 + "x" + "\\right)" * 2000 + " = 1$",
    "deep matrices": "$$\\begin{align}" + "\\begin{bmatrix}" * 300 + "x" + "\\end{bmatrix}" * 300 + "\\end{align}$$",
    "many dollars": "$" * 5001,
    "long chain": "$\\frac{d}{dx}x = " + " = ".join(["1"] * 3000) + "$",
    "unbalanced environment": "$$\\begin{align}\\frac{d}{dx}x &= 1 \\\\ &= 1$$",
    "recursive macro": "\\def\\a{\\a\\a}\n\\newcommand{\\b}{\\b x}\n$\\frac{d}{dx}\\a\\b = 1$",
    "right-to-left marks": "$\\frac{d}{dx}\u202ex^2\u202c = 2x$ שלום مرحبا",
    "carriage returns only": "$\\frac{d}{dx}x^2\r= 2x$\r$x$\r",
    "huge numbers": "$\\frac{d}{dx}x^{10^{10^{10}}} = 10^{10^{10}}x^{10^{10^{10}}-1}$ and $\\frac{d}{dx}" + "9" * 5000 + "x = 1$",
    "full-width punctuation": "链式法则：$\\frac{d}{dx}(x^2+1)^2 = 4x(x^2+1)$，证毕。",
}


@pytest.mark.parametrize("kind", ["markdown", "latex", "rst"])
@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_inputs_positions_stay_inside(kind: str, name: str) -> None:
    check_positions(NASTY[name], kind)


def test_command_on_nasty_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quick = {name: text for name, text in NASTY.items() if not name.startswith(("deep braces", "deep left", "huge"))}
    note = "\n\n".join(f"## {name}\n\n{text}" for name, text in sorted(quick.items()))
    check_command(tmp_path, capsys, note.encode("utf-8"), ".md")
