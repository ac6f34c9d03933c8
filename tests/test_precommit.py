"""The pre-commit hook, run for real: `pre-commit try-repo <this repository> mathdoc --files ...`.

try-repo installs this repository (its HEAD plus uncommitted changes to tracked files) into a fresh
virtual environment from PyPI, so the test is slow (a minute or two) but needs no other network.
It runs in a throw-away git repository holding a good note, a bad note and a Python file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
GOOD = "The power rule: $\\frac{d}{dx}x^3 = 3x^2$.\n"
BAD = "A step: $\\frac{d}{dx}x^3 = 3x$.\n"


def _pre_commit() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    return [sys.executable, "-m", "pre_commit"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def notes_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REPO_ROOT / ".git").exists():
        pytest.skip(f"{REPO_ROOT} is not a git checkout, which try-repo needs")
    root = tmp_path_factory.mktemp("notes")
    (root / "good.md").write_text(GOOD, encoding="utf-8")
    (root / "bad.tex").write_text(BAD, encoding="utf-8")
    (root / "script.py").write_text(f'"""{BAD}"""\n', encoding="utf-8")
    (root / "readme.txt").write_text(GOOD, encoding="utf-8")
    _git("init", "-q", cwd=root)
    _git("add", ".", cwd=root)
    _git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "notes", cwd=root)
    return root


def _try_repo(notes: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", CI="1")
    return subprocess.run(
        [*_pre_commit(), "try-repo", str(REPO_ROOT), "mathdoc", "--verbose", "--files", *files],
        cwd=notes,
        capture_output=True,
        text=True,
        timeout=1200,
        env=environment,
    )


def test_hook_passes_good_notes_and_fails_bad_ones(notes_repo: Path, tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"
    passed = _try_repo(notes_repo, home, "good.md", "readme.txt", "script.py")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output
    # script.py holds a wrong claim too: the run passes only because the hook's types keep it out,
    # while readme.txt (plain-text) is checked.
    assert "2 files, 2 claim steps: 2 verified" in output

    failed = _try_repo(notes_repo, home, "good.md", "bad.tex")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "Failed" in output
    assert "bad.tex:1:" in output and "error[wrong-derivative]" in output
    assert "good.md:" not in output
