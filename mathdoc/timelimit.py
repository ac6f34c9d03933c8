"""The one module that owns time limits.

Hard limit: every step is computed in a worker process; a worker that overruns its step's
deadline is killed and replaced, whatever thread the caller runs in.  This is the guarantee.

Soft limit: inside a worker (always its main thread) `soft_limit` uses a timer signal so that a
slow symbolic proof can give up early and the step can still be reported as numerically
confirmed.  Its exception derives from BaseException so that no `except Exception` swallows it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Sequence


class SoftTimeLimit(BaseException):
    """Raised inside `soft_limit` when its time is up."""


@contextlib.contextmanager
def soft_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (main thread only; elsewhere it does nothing)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise SoftTimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if remaining and remaining < seconds:
        seconds = remaining  # an outer limit is tighter: keep it
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True, slots=True)
class TaskResult:
    status: str
    """"ok", "error" or "timeout"."""
    value: Any = None
    seconds: float = 0.0


def _worker_main(connection: Connection, function: Callable[..., Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        started = time.perf_counter()
        try:
            value = function(*message)
            reply = TaskResult("ok", value, time.perf_counter() - started)
        except SoftTimeLimit:
            reply = TaskResult("timeout", None, time.perf_counter() - started)
        except BaseException as exc:  # report, never die silently
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            reply = TaskResult("error", detail[:500], time.perf_counter() - started)
        try:
            connection.send(reply)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, function: Callable[..., Any]) -> None:
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, function), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.deadline = 0.0
        self.started = 0.0

    def stop(self, force: bool = False) -> None:
        try:
            if force:
                self.process.kill()
            else:
                self.connection.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=1 if not force else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


class WorkerPool:
    """Runs `function(*args)` for many argument tuples in `jobs` processes, each under `timeout`."""

    def __init__(self, function: Callable[..., Any], jobs: int, timeout: float) -> None:
        self.function = function
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.workers: list[_Worker] = []

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def run(self, tasks: Sequence[tuple[Any, ...]], on_done: Callable[[int, TaskResult], None] | None = None) -> list[TaskResult]:
        results: list[TaskResult | None] = [None] * len(tasks)
        pending = deque(range(len(tasks)))
        while len(self.workers) < min(self.jobs, len(tasks)):
            self.workers.append(_Worker(self.function))
        busy: dict[Connection, _Worker] = {}
        while pending or busy:
            for index, worker in enumerate(self.workers):
                if worker.task is None and pending:
                    if not worker.process.is_alive():
                        worker = self.workers[index] = _Worker(self.function)
                    task = pending.popleft()
                    worker.task = task
                    worker.started = time.perf_counter()
                    worker.deadline = worker.started + self.timeout
                    try:
                        worker.connection.send(tasks[task])
                    except (OSError, ValueError) as exc:
                        results[task] = TaskResult("error", f"could not reach the worker: {exc}")
                        worker.task = None
                        continue
                    busy[worker.connection] = worker
            if not busy:
                continue
            now = time.perf_counter()
            wait_for = max(0.0, min(w.deadline for w in busy.values()) - now)
            ready = wait(list(busy), timeout=wait_for)
            for connection in ready:
                worker = busy.pop(connection)  # type: ignore[index]
                task = worker.task
                assert task is not None
                try:
                    result = connection.recv()  # type: ignore[union-attr]
                except (EOFError, OSError):
                    result = TaskResult("error", "the worker process died", time.perf_counter() - worker.started)
                    self._replace(worker)
                worker.task = None
                results[task] = result
                if on_done:
                    on_done(task, result)
            now = time.perf_counter()
            for connection, worker in list(busy.items()):
                if now >= worker.deadline:
                    busy.pop(connection)
                    task = worker.task
                    assert task is not None
                    result = TaskResult("timeout", None, now - worker.started)
                    results[task] = result
                    self._replace(worker)
                    if on_done:
                        on_done(task, result)
        return [r if r is not None else TaskResult("error", "not run") for r in results]

    def _replace(self, worker: _Worker) -> None:
        worker.stop(force=True)
        index = self.workers.index(worker)
        self.workers[index] = _Worker(self.function)
