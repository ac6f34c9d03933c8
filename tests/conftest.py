"""Shared test helpers: where the repository and the shared data live, and an in-process CLI runner.

Nothing here is autouse: a test that wants the CLI asks for `run_cli`, and every CLI call in the
tests passes `--no-cache` so that no `.mathdoc_cache/` is written into the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import settings

# In CI the property tests are derandomized, so that a run's verdict depends on the code alone;
# locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
"""`../shared` next to the repository: seeds and corpus; tests that need it skip when it is absent."""


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `mathdoc.cli.run(args)` in this process and return its exit code and captured output."""
    from mathdoc import cli

    def run(*args: str | os.PathLike[str]) -> CliResult:
        capsys.readouterr()  # drop anything printed before
        code = cli.run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def run_subprocess() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m mathdoc ARGS` in a child process (for what only a real process shows)."""

    def run(*args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ, PYTHONIOENCODING="utf-8", CI="1")
        return subprocess.run(
            [sys.executable, "-m", "mathdoc", *(str(a) for a in args)],
            cwd=cwd or REPO_ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=environment,
        )

    return run


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shared_dir() -> Path:
    """`../shared`, or a skip when this checkout has no shared data next to it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present")
    return SHARED


@pytest.fixture
def write_note(tmp_path: Path) -> Callable[..., Path]:
    """Write a note (text or bytes) under a fresh temporary directory and return its path."""

    def write(content: str | bytes, name: str = "note.md") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
