"""Configuration: where it is found, how it merges with the flags, and its errors (exit code 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mathdoc import config
from mathdoc.checker import DEFAULT_TIMEOUT
from mathdoc.model import Severity

WRONG = "A step: $\\frac{d}{dx}x^3 = 3x$.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- finding the file ---------------------------------------------------------------------------

def test_found_by_walking_up_from_the_first_path(tmp_path: Path) -> None:
    pyproject = _write(tmp_path / "pyproject.toml", "[tool.mathdoc]\ntimeout = 3\n")
    note = _write(tmp_path / "notes" / "week1" / "a.md", WRONG)
    assert config.find_config(note) == pyproject.resolve()
    assert config.find_config(note.parent) == pyproject.resolve()
    assert config.resolve([str(note)], {}).timeout == 3.0


def test_mathdoc_toml_wins_in_the_same_directory_and_the_nearest_directory_wins(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.mathdoc]\ntimeout = 3\n")
    own = _write(tmp_path / "mathdoc.toml", "timeout = 4\n")
    assert config.find_config(tmp_path) == own.resolve()
    nearer = _write(tmp_path / "sub" / "mathdoc.toml", "timeout = 5\n")
    assert config.find_config(tmp_path / "sub" / "x.md") == nearer.resolve()


def test_a_pyproject_without_the_table_does_not_count(tmp_path: Path) -> None:
    outer = _write(tmp_path / "mathdoc.toml", "jobs = 1\n")
    _write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config.find_config(tmp_path / "pkg") == outer.resolve()


# -- precedence ---------------------------------------------------------------------------------

def test_defaults_then_file_then_flags(tmp_path: Path) -> None:
    assert config.resolve([str(tmp_path)], {}).timeout == DEFAULT_TIMEOUT
    _write(tmp_path / "mathdoc.toml", 'timeout = 3\nlayout = "denominator"\njobs = 2\n')
    from_file = config.resolve([str(tmp_path)], {"timeout": None, "layout": None, "jobs": None})
    assert (from_file.timeout, from_file.layout, from_file.jobs) == (3.0, "denominator", 2)
    from_flags = config.resolve([str(tmp_path)], {"timeout": 7.5, "layout": "numerator", "jobs": 1})
    assert (from_flags.timeout, from_flags.layout, from_flags.jobs) == (7.5, "numerator", 1)


def test_explicit_config_file(tmp_path: Path) -> None:
    other = _write(tmp_path / "elsewhere" / "mathdoc.toml", "timeout = 2\n")
    _write(tmp_path / "mathdoc.toml", "timeout = 9\n")
    assert config.resolve([str(tmp_path)], {}, str(other)).timeout == 2.0
    with pytest.raises(config.ConfigError, match="no such configuration file"):
        config.resolve([str(tmp_path)], {}, str(tmp_path / "missing.toml"))


def test_every_key_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pyproject.toml",
        "[tool.mathdoc]\n"
        'include = ["*.md"]\nexclude = ["drafts"]\nlayout = "numerator"\ntimeout = 2\njobs = 3\n'
        'disable = ["unparsed", "unused-suppression"]\n'
        '[tool.mathdoc.severity]\nwrong-step = "warning"\n',
    )
    assert config.read_config(path) == {
        "include": ["*.md"], "exclude": ["drafts"], "layout": "numerator", "timeout": 2.0, "jobs": 3,
        "disable": ["unparsed", "unused-suppression"], "severity": {"wrong-step": Severity.WARNING},
    }
    assert set(config.DEFAULTS) == set(config.VALIDATORS)


# -- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("timout = 3\n", ["unknown key 'timout'", "known keys"]),
        ("timeout = -1\n", ["'timeout'", "positive"]),
        ("timeout = true\n", ["'timeout'"]),
        ('timeout = "10"\n', ["'timeout'"]),
        ('layout = "diagonal"\n', ["'layout'", "numerator"]),
        ("jobs = 0\n", ["'jobs'"]),
        ("jobs = 1.5\n", ["'jobs'"]),
        ('include = "*.md"\n', ["'include'", "list of strings"]),
        ("exclude = [1]\n", ["'exclude'"]),
        ('disable = ["no-such-code"]\n', ["'disable'", "no-such-code"]),
        ('disable = ["verified"]\n', ["'disable'", "verified"]),
        ('severity = {wrong-step = "fatal"}\n', ["'severity'", "fatal"]),
        ('severity = {nope = "error"}\n', ["'severity'", "nope"]),
        ('severity = "error"\n', ["'severity'"]),
        ("timeout = \n", ["not valid TOML"]),
    ],
)
def test_bad_settings_name_the_file_and_the_key(tmp_path: Path, text: str, words: list[str]) -> None:
    path = _write(tmp_path / "mathdoc.toml", text)
    with pytest.raises(config.ConfigError) as error:
        config.read_config(path)
    message = str(error.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message


def test_bad_pyproject_table_names_the_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", "[tool.mathdoc]\ncolour = true\n")
    with pytest.raises(config.ConfigError, match=r"pyproject.toml: \[tool.mathdoc\]: unknown key 'colour'"):
        config.read_config(path)


def test_cli_exits_2_and_names_the_file_and_key(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = _write(tmp_path / "a.md", WRONG)
    toml = _write(tmp_path / "mathdoc.toml", "timeout = 0\n")
    result = run_cli("check", "--no-cache", note)
    assert result.code == 2
    assert str(toml.resolve()) in result.err and "'timeout'" in result.err
    assert result.out == ""
    _write(tmp_path / "mathdoc.toml", "colour = 'always'\n")
    result = run_cli("check", "--no-cache", note)
    assert result.code == 2 and "unknown key 'colour'" in result.err


# -- include / exclude --------------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ["a.md", "b.tex", "drafts/c.md", "notes/d.md", "notes/old/e.md", "notes/f.ipynb"]:
        _write(tmp_path / name, "x\n")
    return tmp_path


def _expanded(tree: Path, include: list[str], exclude: list[str], *paths: str) -> list[str]:
    _write(tree / "mathdoc.toml", f"include = {json.dumps(include)}\nexclude = {json.dumps(exclude)}\n")
    settings = config.resolve([str(tree)], {})
    files, errors = config.expand_paths([str(tree / p) for p in paths] or [str(tree)], settings)
    assert errors == []
    return sorted(Path(f).relative_to(tree).as_posix() for f in files)


def test_exclude_and_include_globs(tree: Path) -> None:
    everything = ["a.md", "b.tex", "drafts/c.md", "notes/d.md", "notes/f.ipynb", "notes/old/e.md"]
    assert _expanded(tree, [], []) == everything
    assert _expanded(tree, [], ["drafts"]) == ["a.md", "b.tex", "notes/d.md", "notes/f.ipynb", "notes/old/e.md"]
    assert _expanded(tree, [], ["drafts/**", "notes/old/"]) == ["a.md", "b.tex", "notes/d.md", "notes/f.ipynb"]
    assert _expanded(tree, ["*.md"], ["notes/*/*.md"]) == ["a.md", "drafts/c.md", "notes/d.md"]
    assert _expanded(tree, ["notes/**"], ["*.ipynb"]) == ["notes/d.md", "notes/old/e.md"]
    assert _expanded(tree, ["[ab].*"], []) == ["a.md", "b.tex"]


def test_globs_apply_to_directories_not_to_named_files(tree: Path) -> None:
    assert _expanded(tree, [], ["drafts"], "drafts/c.md", "notes") == ["drafts/c.md", "notes/d.md", "notes/f.ipynb", "notes/old/e.md"]


# -- settings reach the check -------------------------------------------------------------------

def test_disable_severity_and_layout_from_the_file(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = _write(tmp_path / "a.md", WRONG + "\nNot computable: $\\frac{\\partial}{\\partial w}(f(w) \\bigcirc g(x)) = 0$.\n")
    _write(
        tmp_path / "pyproject.toml",
        '[tool.mathdoc]\ndisable = ["unparsed"]\nlayout = "denominator"\n'
        '[tool.mathdoc.severity]\nwrong-derivative = "warning"\n',
    )
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", note)
    assert result.code == 0, "the only error was made a warning"
    (file,) = json.loads(result.out)["files"]
    assert [(f["code"], f["severity"]) for f in file["findings"]] == [("wrong-derivative", "warning")]
    assert file["layout"] == "denominator"
    result = run_cli("check", "--no-cache", "--jobs", "1", "--layout", "numerator", "--format", "json", note)
    assert json.loads(result.out)["files"][0]["layout"] == "numerator"
