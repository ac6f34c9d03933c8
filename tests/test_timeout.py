"""Time limits that hold: a pathological step costs its limit and nothing more, from any thread.

The hard limit lives in the parent (it waits on the worker's pipe with a deadline and kills the
worker), so it must hold for Python loops, sleeps and long C calls alike, whichever thread asks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mathdoc.timelimit import SoftTimeLimit, TaskResult, WorkerPool, soft_limit

REPO_ROOT = Path(__file__).resolve().parents[1]

PATHOLOGICAL = r"\frac{d}{dx} x^{10^{10^{10}}} = 10^{10^{10}} x^{10^{10^{10}} - 1}"
"""Keeps SymPy busy for minutes: evaluating the power at a sample point is a long computation
with a ten-billion-digit exponent, in code that no signal interrupts promptly (measured: still
running after 25 s with a 1 s soft limit)."""

NOTE = f"""# Mixed notes

A right one: $\\frac{{d}}{{dx}}x^3 = 3x^2$, and a wrong one: $\\frac{{d}}{{dx}}x^2 = 3x$.

$$
{PATHOLOGICAL}
$$

After it, still checked: $\\frac{{d}}{{dx}}\\sin x = \\cos x$.
"""


# -- the worker functions (module level: the pool forks, but keep them importable anyway) -------

def behave(kind: str, value: int = 0) -> int:
    if kind == "spin":
        while True:
            pass
    if kind == "sleep":
        time.sleep(3600)
    if kind == "raise":
        raise ValueError(f"bad input {value}")
    if kind == "exit":
        os._exit(3)
    if kind == "c-loop":
        return sum(range(10**15))  # one long C loop (hours) that never looks at signals
    if kind == "soft":
        with soft_limit(0.2):
            while True:
                pass
    if kind == "nap":
        time.sleep(value / 100)
    return value * 2


def run_pool(tasks: list[tuple], jobs: int, limit: float) -> tuple[list[TaskResult], float]:
    started = time.perf_counter()
    with WorkerPool(behave, jobs, limit) as pool:
        results = pool.run(tasks)
    return results, time.perf_counter() - started


def statuses(results: list[TaskResult]) -> list[tuple[str, object]]:
    return [(r.status, r.value if r.status != "timeout" else None) for r in results]


# -- the pool, directly ---------------------------------------------------------------------------

MIXED = [("ok", 1), ("spin", 0), ("raise", 3), ("sleep", 0), ("ok", 4), ("c-loop", 0), ("ok", 5)]
EXPECTED = [
    ("ok", 2), ("timeout", None), ("error", "ValueError: bad input 3"), ("timeout", None), ("ok", 8),
    ("timeout", None), ("ok", 10),
]


@pytest.mark.parametrize("jobs", [1, 2])
def test_pool_stops_runaway_tasks_and_goes_on(jobs: int) -> None:
    limit = 0.5
    results, seconds = run_pool(MIXED, jobs, limit)
    assert statuses(results) == EXPECTED
    # The limit is CPU time: the spinning Python loop and the C loop are stopped by it (their
    # `seconds` are CPU seconds), the sleep, which uses none, by the wall-clock backstop. Only lower
    # bounds are asserted: how much longer a loaded machine takes is not the code's to decide.
    assert all(results[i].seconds >= limit for i in (1, 5))
    assert results[3].seconds >= 3 * limit + 5


def test_pool_limit_holds_from_a_thread_that_is_not_main() -> None:
    outcome: dict[str, object] = {}

    def body() -> None:
        outcome["results"], outcome["seconds"] = run_pool(MIXED, 1, 0.5)

    thread = threading.Thread(target=body)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert statuses(outcome["results"]) == EXPECTED  # type: ignore[arg-type]


def test_pools_in_two_threads_at_once_keep_their_own_limits() -> None:
    found: list[list[tuple[str, object]]] = [[], []]

    def body(slot: int) -> None:
        results, _ = run_pool([("spin", 0), ("ok", slot)], 1, 0.5)
        found[slot] = statuses(results)

    threads = [threading.Thread(target=body, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert found == [[("timeout", None), ("ok", 0)], [("timeout", None), ("ok", 2)]]


def test_a_worker_that_dies_is_reported_and_replaced() -> None:
    results, _ = run_pool([("exit", 0), ("ok", 6)], 1, 5)
    assert results[0].status == "error" and "died" in results[0].value and results[0].transient
    assert statuses(results[1:]) == [("ok", 12)]


def test_soft_limit_inside_a_worker_is_a_timeout() -> None:
    results, _ = run_pool([("soft", 0), ("ok", 1)], 1, 10)
    assert statuses(results) == [("timeout", None), ("ok", 2)]
    assert results[0].seconds < 10  # stopped by the soft limit, before the hard one


def test_results_come_back_in_task_order_whatever_finishes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WorkerPool, "GROW_AFTER", 0.0)  # every worker at once
    tasks = [("nap", n) for n in (40, 1, 30, 2, 20, 3)]
    finished: list[int] = []
    with WorkerPool(behave, 3, 10) as pool:
        results = pool.run(tasks, on_done=lambda index, result: finished.append(index))
        assert len(pool.workers) == 3
    assert [r.value for r in results] == [80, 2, 60, 4, 40, 6]
    assert finished != sorted(finished)  # they did finish out of order


def test_a_short_queue_keeps_one_worker() -> None:
    with WorkerPool(behave, 4, 10) as pool:
        results = pool.run([("ok", n) for n in range(5)])
        assert len(pool.workers) == 1  # a second worker would only pay its own warm-up
    assert [r.value for r in results] == [0, 2, 4, 6, 8]


def test_a_slow_task_brings_in_another_worker_for_the_rest() -> None:
    started = time.perf_counter()
    finished: dict[int, float] = {}
    with WorkerPool(behave, 2, 30) as pool:
        results = pool.run([("nap", 400), ("ok", 1), ("ok", 2)], on_done=lambda index, result: finished.setdefault(index, time.perf_counter() - started))
        assert len(pool.workers) == 2
    assert statuses(results) == [("ok", 800), ("ok", 2), ("ok", 4)]
    assert finished[1] < finished[0] and finished[2] < finished[0]


def test_a_long_queue_uses_every_job() -> None:
    with WorkerPool(behave, 2, 10) as pool:
        results = pool.run([("ok", n) for n in range(40)])
        assert len(pool.workers) == 2
    assert [r.value for r in results] == [2 * n for n in range(40)]


def test_an_empty_task_list_starts_no_worker() -> None:
    with WorkerPool(behave, 4, 1) as pool:
        assert pool.run([]) == []
        assert pool.workers == []


# -- soft_limit in this process ------------------------------------------------------------------

def test_soft_limit_interrupts_python_code_in_the_main_thread() -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("needs the main thread")
    started = time.process_time()
    with pytest.raises(SoftTimeLimit):
        with soft_limit(0.2):
            while True:
                pass
    assert time.process_time() - started < 10  # CPU time: the limit, whatever the load


def test_soft_limit_is_not_an_exception_a_broad_except_swallows() -> None:
    assert not issubclass(SoftTimeLimit, Exception)


def test_soft_limit_keeps_a_tighter_outer_limit() -> None:
    started = time.process_time()
    with pytest.raises(SoftTimeLimit):
        with soft_limit(0.2):
            with soft_limit(30):
                while True:
                    pass
    assert time.process_time() - started < 10  # CPU time: the 0.2 s limit, not the 30 s one


def test_soft_limit_does_nothing_outside_the_main_thread() -> None:
    done: list[bool] = []

    def body() -> None:
        with soft_limit(0.05):
            time.sleep(0.2)
        done.append(True)

    thread = threading.Thread(target=body)
    thread.start()
    thread.join(timeout=10)
    assert done == [True]


# -- the whole command ---------------------------------------------------------------------------

def test_a_pathological_claim_costs_its_limit_and_the_rest_is_checked(tmp_path: Path) -> None:
    note = tmp_path / "mixed.md"
    note.write_text(NOTE, encoding="utf-8")
    limit = 2.0
    process = subprocess.run(
        [sys.executable, "-m", "mathdoc", "check", "--no-cache", "--jobs", "1", "--timeout", str(limit), "--format", "json", str(note)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=tmp_path,
        env=dict(os.environ, CI="1"),
    )
    assert process.returncode == 1, process.stderr  # the wrong claim
    findings = json.loads(process.stdout)["files"][0]["findings"]
    by_latex = {f["latex"].replace(" ", ""): f for f in findings}
    slow = by_latex[PATHOLOGICAL.replace(" ", "")]
    assert (slow["verdict"], slow["code"], slow["severity"]) == ("unchecked", "timeout", "warning")
    assert by_latex[r"\frac{d}{dx}x^3=3x^2"]["verdict"] == "verified"
    assert by_latex[r"\frac{d}{dx}x^2=3x"]["verdict"] == "wrong"
    assert by_latex[r"\frac{d}{dx}\sinx=\cosx"]["verdict"] == "verified"


ORPHAN = """
import os, sys, threading
sys.path.insert(0, {tests!r})
from mathdoc.timelimit import WorkerPool
from test_timeout import behave
pool = WorkerPool(behave, 1, 3600)
def report_and_die():
    print(pool.workers[0].process.pid, flush=True)
    os._exit(9)
threading.Timer(1.0, report_and_die).start()
pool.run([("spin", 0)])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_runaway_worker_does_not_outlive_a_killed_run() -> None:
    process = subprocess.run(
        [sys.executable, "-c", ORPHAN.format(tests=str(Path(__file__).resolve().parent))],
        capture_output=True, text=True, timeout=60, cwd=REPO_ROOT,
    )
    assert process.returncode == 9, process.stderr
    worker = int(process.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{worker}/stat", encoding="ascii") as stream:
                state = stream.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state in ("Z", "X"):
            return  # killed, waiting to be reaped by init
        time.sleep(0.1)
    os.kill(worker, 9)
    pytest.fail(f"worker {worker} kept running after its parent died")
