"""The same input gives byte-identical JSON whatever the run: one worker or two, cold or warm
cache, any PYTHONHASHSEED, idle or beside two CPU-bound processes.

Messages must not depend on the order of a set or on how fast the machine is; time limits are CPU
time, so load does not flip a step between `verified` and `timeout`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


def check_samples(run_subprocess: Run, monkeypatch: pytest.MonkeyPatch, seed: str, *options: str) -> str:
    monkeypatch.setenv("PYTHONHASHSEED", seed)
    process = run_subprocess("check", "--format", "json", *options, "samples/")
    assert process.returncode == 1, process.stderr  # the samples hold deliberate mistakes
    assert "Traceback" not in process.stderr
    return process.stdout


def test_json_is_identical_across_jobs_seeds_cache_and_load(run_subprocess: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MATHDOC_KEY_DIR", str(tmp_path / "key"))
    cache = str(tmp_path / "cache")
    reference = check_samples(run_subprocess, monkeypatch, "0", "--no-cache", "--jobs", "1")
    assert '"verdict": "wrong"' in reference
    runs = {
        "two jobs, another seed": check_samples(run_subprocess, monkeypatch, "123", "--no-cache", "--jobs", "2"),
        "cold cache": check_samples(run_subprocess, monkeypatch, "123", "--cache-dir", cache, "--jobs", "2"),
        "warm cache": check_samples(run_subprocess, monkeypatch, "0", "--cache-dir", cache, "--jobs", "1"),
    }
    load = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        runs["loaded, two jobs"] = check_samples(run_subprocess, monkeypatch, "123", "--no-cache", "--jobs", "2")
        runs["loaded, one job"] = check_samples(run_subprocess, monkeypatch, "0", "--no-cache", "--jobs", "1")
    finally:
        for burner in load:
            burner.kill()
            burner.wait()
    for name, output in runs.items():
        assert output == reference, name
