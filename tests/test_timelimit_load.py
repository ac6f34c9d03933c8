"""Time limits that do not depend on load: a step's limit is the CPU time its worker spends on it,
counted from when the worker takes it up (not from when it was sent, while a new worker may still
be importing SymPy).  Nothing here asserts a wall time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from mathdoc.timelimit import WorkerPool

REPO_ROOT = Path(__file__).resolve().parents[1]

NOTE = r"""# A small note

A wrong one: $\frac{d}{dx}x^5 = 4x^4$.

Right ones: $\frac{d}{dx}x^3 = 3x^2$ and $\frac{d}{dx}\sin x = \cos x$.
"""


def slow_warm_up() -> None:
    """Three CPU seconds of warm-up, far more than the tasks' limit."""
    started = time.process_time()
    while time.process_time() - started < 3:
        pass


def double(value: int) -> int:
    return 2 * value


def test_the_limit_counts_from_when_the_worker_takes_the_task_up() -> None:
    with WorkerPool(double, 1, 0.5, warmup=slow_warm_up) as pool:
        results = pool.run([(1,), (2,)])
    assert [(r.status, r.value) for r in results] == [("ok", 2), ("ok", 4)]


def burners(count: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


def test_a_simple_claim_is_decided_on_a_loaded_machine(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    load = burners(2)
    try:
        process = subprocess.run(
            [sys.executable, "-m", "mathdoc", "check", "--no-cache", "--timeout", "1", "--jobs", "2", "--format", "json", str(note)],
            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=600,
            env=dict(os.environ, CI="1", PYTHONPATH=str(REPO_ROOT)),
        )
    finally:
        for burner in load:
            burner.kill()
            burner.wait()
    assert process.returncode == 1, process.stdout + process.stderr
    findings = json.loads(process.stdout)["files"][0]["findings"]
    verdicts = {f["latex"].replace(" ", ""): f["verdict"] for f in findings}
    assert verdicts == {r"\frac{d}{dx}x^5=4x^4": "wrong", r"\frac{d}{dx}x^3=3x^2": "verified", r"\frac{d}{dx}\sinx=\cosx": "verified"}
