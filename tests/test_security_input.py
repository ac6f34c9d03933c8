"""What mathdoc reads, when the notes are hostile (issue 9, items 2, 7 and 8).

A pull request may add a `.tex` note that `\\input`s a file outside the repository, or a link to
one; a link loop; a FIFO or a device; or a macro that expands without end.  Each reproducer below
checks that nothing outside the checked tree is read into the output, that special files are
refused without being opened, and that expansion does work in proportion to its input.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from mathdoc import config
from mathdoc.fragments import _latex_expand
from mathdoc.fragments.latex import find_fragments, load_latex
from mathdoc.sources import SourceError, checked_root, find_notes, read_file_bytes, read_source

SECRET = "SECRETVALUE"
LEAKY = f"\\newcommand{{\\leak}}{{{SECRET}}}\n"


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """`tree/` (the checked directory, the current one) and `outside/secret.tex` next to it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tex").write_text(LEAKY, encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "notes").mkdir(parents=True)
    monkeypatch.chdir(tree)
    return tree, outside


def _escapes(tree: Path, outside: Path) -> dict[str, str]:
    """One note per way out of the tree, each using the macro the outside file defines."""
    os.symlink(outside / "secret.tex", tree / "notes" / "link.tex")
    return {
        "relative": "\\input{../../outside/secret}\n",
        "absolute": f"\\input{{{outside / 'secret'}}}\n",
        "symlink": "\\include{link}\n",
    }


@pytest.mark.parametrize("way", ["relative", "absolute", "symlink"])
def test_an_input_outside_the_checked_root_is_refused_with_a_notice(layout: tuple[Path, Path], way: str) -> None:
    tree, outside = layout
    command = _escapes(tree, outside)[way]
    note = tree / "notes" / "main.tex"
    note.write_text(command + "Then $\\leak = x$.\n", encoding="utf-8")
    source = read_source(note, root=checked_root(tree))
    fragments = find_fragments(source)
    assert [f.text for f in fragments] == ["\\leak = x"]
    assert SECRET not in source.text
    (notice,) = source.notices
    assert "not read" in notice and "outside the checked directory" in notice
    assert "\n" not in notice


def test_the_api_confines_inputs_to_the_file_s_own_directory(layout: tuple[Path, Path]) -> None:
    tree, outside = layout
    (tree / "preamble.tex").write_text("\\newcommand{\\one}{1}\n", encoding="utf-8")
    note = tree / "notes" / "main.tex"
    note.write_text("\\input{../preamble}\n$\\one$\n", encoding="utf-8")
    source = read_source(note)  # what `mathdoc.api.check_file` does
    assert [f.text for f in find_fragments(source)] == ["\\one"]
    assert "outside the checked directory" in source.notices[0]
    widened = read_source(note, root=checked_root(tree))
    assert [f.text for f in find_fragments(widened)] == ["1"] and widened.notices == ()


def test_etc_passwd_is_never_read(layout: tuple[Path, Path]) -> None:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    tree, _ = layout
    note = tree / "main.tex"
    note.write_text("\\input{/etc/passwd}\n\\input{/etc/passwd.tex}\n$a$\n", encoding="utf-8")
    source = read_source(note, root=checked_root(tree))
    assert [f.text for f in find_fragments(source)] == ["a"]
    assert any("/etc/passwd" in n and "not read" in n for n in source.notices)


def test_the_cli_prints_no_text_from_outside_the_tree(layout: tuple[Path, Path], run_cli) -> None:
    tree, outside = layout
    for way, command in _escapes(tree, outside).items():
        (tree / "notes" / f"{way}.tex").write_text(command + "$\\frac{d}{dx}x^2 = \\leak$\n", encoding="utf-8")
    text = run_cli("check", "--no-cache", "--jobs", "1", "notes")
    assert SECRET not in text.out + text.err
    assert text.err.count("outside the checked directory") + text.out.count("outside the checked directory") >= 3
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", "notes")
    assert SECRET not in result.out
    document = json.loads(result.out)
    notices = [n for f in document["files"] for n in f["notices"]]
    assert len([n for n in notices if "outside the checked directory" in n]) == 3


def test_a_newline_in_an_input_name_stays_on_the_notice_s_line(tmp_path: Path) -> None:
    note = tmp_path / "main.tex"
    note.write_text("\\input{a\n::error file=README.md,line=1::forged}\n$a$\n", encoding="utf-8")
    (notice,) = read_source(note).notices
    assert "\n" not in notice and "\r" not in notice
    assert "\\x0a::error" in notice


def test_the_root_is_the_git_work_tree_between_the_path_and_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = tmp_path / "repository"
    chapters = repository / "chapters"
    chapters.mkdir(parents=True)
    (chapters / "one.tex").write_text("$x$\n", encoding="utf-8")
    monkeypatch.chdir(repository)
    assert checked_root("chapters/one.tex") == str(chapters.resolve())
    assert checked_root("chapters") == str(chapters.resolve())
    (repository / ".git").mkdir()
    assert checked_root("chapters/one.tex") == str(repository.resolve())
    assert checked_root("chapters") == str(repository.resolve())
    monkeypatch.chdir(chapters)  # never above the current directory
    assert checked_root("one.tex") == str(chapters.resolve())


# -- the paths given on the command line ----------------------------------------------------------

GOOD = "Then $\\frac{d}{dx}x^2 = 2x$.\n"


def test_a_symlinked_directory_argument_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli) -> None:
    notes = tmp_path / "elsewhere" / "notes"
    notes.mkdir(parents=True)
    (notes / "a.md").write_text(GOOD, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "mathdoc.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    os.symlink(notes, project / "link")
    os.symlink(notes / "a.md", project / "alias.md")  # a link out of the tree, found by the walk
    monkeypatch.chdir(project)
    settings = config.resolve(["link/"], {})
    assert config.expand_paths(["link/"], settings)[0] == ["link/a.md"]
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", "link/")
    assert result.code == 0, result.err
    assert [f["path"] for f in json.loads(result.out)["files"]] == ["link/a.md"]
    whole = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", ".")
    assert whole.code == 0, whole.err
    assert "alias.md: a link to outside" in whole.err
    named = run_cli("check", "--no-cache", "--jobs", "1", "alias.md")
    assert named.code == 2 and "alias.md: a link to outside" in named.err
    assert "Traceback" not in whole.err + result.err


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.md").write_text(GOOD, encoding="utf-8")
    (tree / "sub" / "b.md").write_text(GOOD, encoding="utf-8")
    os.symlink(".", tree / "self")
    os.symlink("..", tree / "sub" / "up")
    os.symlink("a.md", tree / "twin.md")  # the same file under a second name
    notes, errors, skipped = find_notes([str(tree), str(tree / "a.md")])
    assert sorted(Path(n.path).relative_to(tree).as_posix() for n in notes) == ["a.md", "sub/b.md"]
    assert errors == [] and skipped == []


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_not_read(device: str, run_cli) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    result = run_cli("check", "--no-cache", "--jobs", "1", device)
    assert result.code == 2
    assert f"{device}: not a regular file (a character device)" in result.err


@pytest.fixture
def fifo(tmp_path: Path):
    """A FIFO, and a way to tell whether anything opened it for reading (it must not)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    opened = threading.Event()

    def writer() -> None:  # blocks until a reader opens the FIFO
        with open(path, "wb"):
            opened.set()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    yield path, opened
    if not opened.is_set():  # release the writer
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    thread.join(5)


def test_a_fifo_is_refused_without_being_opened(fifo, run_cli) -> None:
    path, opened = fifo
    result = run_cli("check", "--no-cache", "--jobs", "1", path)
    assert result.code == 2
    assert f"{path}: not a regular file (a FIFO)" in result.err
    assert not opened.is_set()


def test_a_fifo_in_a_directory_is_skipped_and_as_an_input_refused(fifo) -> None:
    path, opened = fifo
    (path.parent / "a.md").write_text(GOOD, encoding="utf-8")
    os.symlink(path, path.parent / "pipe.tex")
    note = path.parent / "main.tex"
    note.write_text("\\input{pipe}\n$a$\n", encoding="utf-8")
    notes, errors, _ = find_notes([str(path.parent)])
    assert sorted(Path(n.path).name for n in notes) == ["a.md", "main.tex"]
    source = read_source(note)
    assert "not a regular file" in source.notices[0]
    assert not opened.is_set()


def test_a_file_larger_than_the_bound_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(SourceError, match="larger than 50 MB"):
        read_source(big)
    small = tmp_path / "small.md"
    small.write_bytes(b"x" * 11)
    with pytest.raises(SourceError, match="larger than 10 bytes"):
        read_file_bytes(small, "small.md", limit=10)
    assert stat.S_ISREG(os.stat(small).st_mode) and read_file_bytes(small, "small.md", limit=11) == b"x" * 11


# -- macro expansion ------------------------------------------------------------------------------


def test_two_megabytes_of_one_macro_expand_completely() -> None:
    calls = 700_000
    text = "\\newcommand{\\a}{b}\n$" + "\\a " * calls + "$\n"
    assert len(text) > 2_000_000
    source = load_latex("/nonexistent/big.tex", text)
    (fragment,) = find_fragments(source)
    assert fragment.error is None and source.notices == ()
    assert fragment.text == "b " * calls
    assert fragment.offsets is not None and fragment.offsets[-2] == text.rindex("\\a")


def _work(calls: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters that expansion moved for `calls` calls of a small macro (instrumented)."""
    moved = [0]
    push, span = _latex_expand._Pending.push, _latex_expand._Pending.span

    def counted_push(self, chars, offsets, depths):
        moved[0] += len(chars) + 1
        return push(self, chars, offsets, depths)

    def counted_span(self, start, stop):
        moved[0] += stop - start + 1
        return span(self, start, stop)

    monkeypatch.setattr(_latex_expand._Pending, "push", counted_push)
    monkeypatch.setattr(_latex_expand._Pending, "span", counted_span)
    text = "\\newcommand{\\f}[1]{(#1)}\\newcommand{\\a}{\\f{b}}\n$" + "\\a x " * calls + "$\n"
    (fragment,) = find_fragments(load_latex(f"/nonexistent/{calls}.tex", text))
    assert fragment.error is None and fragment.text == "(b) x " * calls
    monkeypatch.undo()
    return moved[0]


def test_expansion_work_grows_in_proportion_to_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _work(10_000, monkeypatch), _work(100_000, monkeypatch)
    assert large / small < 15


def test_runaway_growth_stops_at_the_budget_with_a_notice() -> None:
    nested = "\\d{" * 30 + "x" + "}" * 30
    text = "\\newcommand{\\d}[1]{#1#1}\nIntro.\n$" + nested + " = y$\n"
    source = load_latex("/nonexistent/grow.tex", text)
    (fragment,) = find_fragments(source)
    assert fragment.error is not None and "\\d" in fragment.error and "in all" in fragment.error
    assert fragment.text.strip() == nested + " = y"
    (notice,) = source.notices
    assert notice.startswith("/nonexistent/grow.tex:3: macro expansion stopped")


def test_the_budget_is_shared_by_all_the_fragments_of_a_document() -> None:
    body = "y" * 100_000
    text = f"\\newcommand{{\\big}}{{{body}}}\n" + "$\\big$\n" * 20
    source = load_latex("/nonexistent/many.tex", text)
    fragments = find_fragments(source)
    expanded = [f for f in fragments if f.error is None]
    assert 0 < len(expanded) < 20 and all(f.text == body for f in expanded)
    assert all(f.text == "\\big" for f in fragments[len(expanded) :])
    assert len(source.notices) == 1 and "macro expansion stopped" in source.notices[0]
