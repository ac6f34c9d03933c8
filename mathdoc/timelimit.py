"""The one module that owns time limits.

Hard limit: every task is computed in a worker process; a worker that overruns its task's
deadline is killed and replaced.  The parent only waits on pipes with a timeout, so the limit
holds whatever thread the caller runs in, and whatever the task is doing (a C loop included).

Soft limit: inside a worker (always its main thread) `soft_limit` uses a timer signal so that a
slow symbolic proof can give up early and the step can still be reported as numerically
confirmed.  Its exception derives from BaseException so that no `except Exception` swallows it.

Workers are forked from the caller, so they start with whatever it has imported; the caller
decides what that is (the checker imports the verifier just before it asks for workers).
`multiprocessing` itself is imported only when a pool runs: a fully cached run needs only
`TaskResult` from here.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

MEMORY_LIMIT_BYTES = 3 * 1024**3
"""Address space allowed to one worker: a runaway expression fails with MemoryError instead of
taking the machine down (a SymPy worker normally needs well under 300 MB)."""


OUT_OF_MEMORY = "ran out of memory"


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
    """The function's return value ("ok") or a one-line description of what went wrong."""
    seconds: float = 0.0
    transient: bool = False
    """True when the outcome says more about the machine than about the task (a worker that
    died or ran out of memory): a cache should not remember it."""


def _limit_memory(limit: int) -> None:
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as stream:
            in_use = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = max(limit, in_use + limit // 2)  # never below what the fork already maps
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the time limit still holds


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the process that started it goes away, so that a
    runaway task never outlives a killed `mathdoc` (elsewhere the pipe closing ends an idle one)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it went away before the request
        os._exit(1)


def _worker_main(
    connection: Connection, function: Callable[..., Any], memory_limit: int, parent: int,
    warmup: Callable[[], None] | None = None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    _die_with_parent(parent)
    if memory_limit:
        _limit_memory(memory_limit)
    if warmup is not None:
        try:
            warmup()  # imports and parser tables, while the parent is still reading the notes
        except Exception:  # a failed warm-up only costs speed; the tasks report real errors
            pass
    # What the fork inherited (SymPy's modules) stays: keep the collector off it, and let it run
    # less often among the many short-lived expressions (about 7% less CPU on the bench corpus).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
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
        except MemoryError:
            reply = TaskResult("error", OUT_OF_MEMORY, time.perf_counter() - started, transient=True)
        except BaseException as exc:  # report, never die silently
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            reply = TaskResult("error", detail[:500], time.perf_counter() - started)
        try:
            connection.send(reply)
        except (OSError, ValueError):
            return
        except Exception as exc:  # a value that cannot be pickled
            connection.send(TaskResult("error", f"could not return the result: {type(exc).__name__}: {exc}"[:500], transient=True))


class _Worker:
    def __init__(self, function: Callable[..., Any], memory_limit: int, warmup: Callable[[], None] | None = None) -> None:
        import multiprocessing

        context: Any = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, function, memory_limit, os.getpid(), warmup), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.used = False
        """Whether it was ever given a task: one that never was may still be warming up."""
        self.deadline = 0.0
        self.started = 0.0

    def stop(self, force: bool = False) -> None:
        """End the worker: politely when it is idle, by SIGKILL when forced or busy."""
        force = force or self.task is not None or not self.used
        try:
            if force:
                self.process.kill()
            else:
                self.connection.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=5 if force else 1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


class WorkerPool:
    """Runs `function(*args)` for many argument tuples in up to `jobs` processes, each task
    under a hard limit of `timeout` seconds.

    Results come back in task order, whatever the number of workers, so the output of a run
    does not depend on `jobs`.  Workers are added as the work shows it needs them: a new worker
    pays its own warm-up (the parser's first calls are slow), which only a long queue or a slow
    task repays.
    """

    GROW_BACKLOG = 8
    """Start another worker when more than this many tasks wait for each running one..."""
    GROW_AFTER = 1.0
    """...or when a task has kept its worker busy for this many seconds."""

    def __init__(
        self, function: Callable[..., Any], jobs: int, timeout: float, memory_limit: int = MEMORY_LIMIT_BYTES,
        warmup: Callable[[], None] | None = None,
    ) -> None:
        self.function = function
        self.warmup = warmup
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.workers: list[_Worker] = []

    def __enter__(self) -> "WorkerPool":
        return self

    def start(self) -> None:
        """Start the first worker now, so that its warm-up overlaps the caller's own work."""
        if not self.workers:
            self.workers.append(self._new_worker())

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def run(self, tasks: Sequence[tuple[Any, ...]], on_done: Callable[[int, TaskResult], None] | None = None) -> list[TaskResult]:
        from multiprocessing.connection import wait

        results: list[TaskResult | None] = [None] * len(tasks)
        pending = deque(range(len(tasks)))
        busy: dict[Connection, _Worker] = {}

        def finish(task: int, result: TaskResult) -> None:
            results[task] = result
            if on_done:
                on_done(task, result)

        while pending or busy:
            if pending and self._should_grow(len(pending), busy):
                self.workers.append(self._new_worker())
            self._dispatch(tasks, pending, busy, finish)
            if not busy:
                continue
            for connection in wait(list(busy), timeout=self._wait_seconds(pending, busy)):
                worker = busy.pop(connection)  # type: ignore[call-overload]
                self._collect(worker, finish)
            now = time.perf_counter()
            for connection, worker in list(busy.items()):
                if now >= worker.deadline:
                    busy.pop(connection)
                    task = worker.task
                    assert task is not None
                    self._replace(worker)
                    finish(task, TaskResult("timeout", None, now - worker.started))
        return [r if r is not None else TaskResult("error", "not run", transient=True) for r in results]

    def _should_grow(self, waiting: int, busy: dict[Connection, _Worker]) -> bool:
        if len(self.workers) >= self.jobs:
            return False
        if waiting > self.GROW_BACKLOG * len(self.workers):
            return True  # the first worker, too
        now = time.perf_counter()
        return len(busy) == len(self.workers) and any(now - worker.started >= self.GROW_AFTER for worker in busy.values())

    def _wait_seconds(self, pending: deque[int], busy: dict[Connection, _Worker]) -> float:
        """Until the next deadline, or until a slow task would justify another worker."""
        wake = min(worker.deadline for worker in busy.values())
        if pending and len(self.workers) < self.jobs:
            wake = min(wake, min(worker.started for worker in busy.values()) + self.GROW_AFTER)
        return max(0.0, wake - time.perf_counter())

    def _dispatch(self, tasks: Sequence[tuple[Any, ...]], pending: deque[int], busy: dict[Connection, _Worker], finish: Callable[[int, TaskResult], None]) -> None:
        for index, worker in enumerate(self.workers):
            if worker.task is not None or not pending:
                continue
            if not worker.process.is_alive():
                worker.stop(force=True)
                worker = self.workers[index] = self._new_worker()
            task = pending.popleft()
            worker.task = task
            worker.used = True
            worker.started = time.perf_counter()
            worker.deadline = worker.started + self.timeout
            try:
                worker.connection.send(tasks[task])
            except (OSError, ValueError) as exc:
                worker.task = None
                finish(task, TaskResult("error", f"could not reach the worker: {exc}", transient=True))
                self._replace(worker)
                continue
            busy[worker.connection] = worker

    def _collect(self, worker: _Worker, finish: Callable[[int, TaskResult], None]) -> None:
        task = worker.task
        assert task is not None
        try:
            result = worker.connection.recv()
            in_doubt = result.transient
        except (EOFError, OSError):
            worker.process.join(timeout=1)
            died = f"the worker process died (exit code {worker.process.exitcode})"
            result = TaskResult("error", died, time.perf_counter() - worker.started, transient=True)
            in_doubt = True
        worker.task = None
        if in_doubt:
            self._replace(worker)  # a worker in doubt is not given another task
        finish(task, result)

    def _new_worker(self) -> _Worker:
        return _Worker(self.function, self.memory_limit, self.warmup)

    def _replace(self, worker: _Worker) -> None:
        worker.stop(force=True)
        index = self.workers.index(worker)
        self.workers[index] = self._new_worker()
