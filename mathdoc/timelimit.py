"""The one module that owns time limits.

A step's limit is CPU time that the worker spends on that step, counted from the moment the
worker starts it: a loaded machine, or a new worker still importing SymPy, does not eat into it,
so the verdict of a step does not depend on what else runs beside it.

Three layers hold the limit:

* in the worker, `soft_limit(timeout)` around every task (a CPU-time timer, ITIMER_PROF) turns
  an overrun in Python code into a "timeout" reply;
* in the parent, the worker's CPU time (read from /proc) is watched, so that a long C call that
  no signal interrupts still ends a little after its limit: the worker is killed and replaced;
* in the parent, a wall-clock backstop of 3x the limit + 5 s from the start of the step ends a
  worker that waits on something (a sleep, a blocked read) without using CPU.

The parent only waits on pipes with a timeout, so the limit holds whatever thread the caller runs
in.  Nested `soft_limit`s keep the tightest deadline, and an inner block that catches its own
`SoftTimeLimit` does not cancel an outer one: when the outer deadline passed meanwhile it fires
as soon as the inner block ends.  Its exception derives from BaseException so that no
`except Exception` swallows it.

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

PID = "pid"
"""First message of a worker forked by the zygote: (PID, its process id)."""

STARTED = "started"
"""What a worker sends when it takes up a task: the step's clocks start there, not at dispatch."""

START_ALLOWANCE = 120.0
"""Wall seconds a worker may take to take up its task (a fresh one imports SymPy first, slowly on
a loaded machine) before it is given up for stuck."""


class SoftTimeLimit(BaseException):
    """Raised inside `soft_limit` when its time is up."""


_deadlines: list[float] = []
"""CPU-time deadlines (time.process_time) of the open `soft_limit` blocks, outermost first."""


def _cpu_timer_usable() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF")


def _expire(signum: int, frame: object) -> None:
    # The interval timer counts in scheduler ticks and may fire a tick before the CPU clock
    # that `process_time` reads has reached the deadline: then wait for the rest.
    if _deadlines and time.process_time() < min(_deadlines):
        _arm()
        return
    raise SoftTimeLimit()


def _arm() -> None:
    """Set the CPU timer to the nearest open deadline (at once if it has already passed)."""
    if not _deadlines:
        signal.setitimer(signal.ITIMER_PROF, 0)
        return
    remaining = min(_deadlines) - time.process_time()
    signal.setitimer(signal.ITIMER_PROF, max(remaining, 1e-4))


@contextlib.contextmanager
def soft_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after it used `seconds` of CPU time (main thread only; elsewhere it
    does nothing).  CPU time, not wall time, so that a loaded machine does not change outcomes."""
    if seconds <= 0 or not _cpu_timer_usable():
        yield
        return
    outermost = not _deadlines
    previous = signal.signal(signal.SIGPROF, _expire) if outermost else None
    _deadlines.append(time.process_time() + seconds)
    try:
        _arm()
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        _deadlines.pop()
        if outermost:
            signal.signal(signal.SIGPROF, previous if previous is not None else signal.SIG_DFL)
        else:
            _arm()


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
    warmup: Callable[[], None] | None = None, limit: float = 0.0, announce: bool = False,
) -> None:
    if announce:  # a worker forked by the zygote: the parent learns its pid from it
        try:
            connection.send((PID, os.getpid()))
        except (OSError, ValueError):
            return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.signal(signal.SIGPROF, signal.SIG_IGN)
    _deadlines.clear()  # a fork taken inside a soft_limit block must not inherit its deadlines
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
        try:
            connection.send(STARTED)
        except (OSError, ValueError):
            return
        reply = _run_one(function, message, limit)
        try:
            connection.send(reply)
        except (OSError, ValueError):
            return
        except Exception as exc:  # a value that cannot be pickled
            connection.send(TaskResult("error", f"could not return the result: {type(exc).__name__}: {exc}"[:500], transient=True))


def _run_one(function: Callable[..., Any], arguments: tuple[Any, ...], limit: float) -> TaskResult:
    """One task under its CPU-time limit; CPU seconds are what the result reports."""
    started = time.process_time()
    try:
        with soft_limit(limit):
            value = function(*arguments)
        return TaskResult("ok", value, time.process_time() - started)
    except SoftTimeLimit:
        return TaskResult("timeout", None, time.process_time() - started)
    except MemoryError:
        return TaskResult("error", OUT_OF_MEMORY, time.process_time() - started, transient=True)
    except BaseException as exc:  # report, never die silently
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return TaskResult("error", detail[:500], time.process_time() - started)


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) used so far by process `pid`, or None where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            fields = stream.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


try:
    _CLOCK_TICKS = float(os.sysconf("SC_CLK_TCK"))
except (AttributeError, ValueError, OSError):
    _CLOCK_TICKS = 100.0



def _zygote_main(
    control: Connection, function: Callable[..., Any], memory_limit: int, parent: int,
    warmup: Callable[[], None] | None, limit: float, parent_end: Connection | None = None,
) -> None:
    """The one process that imports and warms up; every worker is forked from it, so a second
    worker costs a fork, not a second SymPy import and parser warm-up."""
    from multiprocessing.connection import Connection as _Connection
    from multiprocessing.reduction import recv_handle

    if parent_end is not None:
        parent_end.close()  # else the zygote would hold its own pipe open and never see the parent leave
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    _deadlines.clear()
    _die_with_parent(parent)
    if warmup is not None:
        try:
            warmup()
        except Exception:
            pass
    gc.collect()
    gc.freeze()  # the warm heap is shared copy-on-write by every worker
    while True:
        try:
            if control.recv() != SPAWN:
                break
            handle = recv_handle(control)
        except (EOFError, OSError, RuntimeError):
            break
        if os.fork() == 0:
            code = 0
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _worker_main(_Connection(handle), function, memory_limit, os.getppid(), None, limit, announce=True)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(handle)
    os._exit(0)


SPAWN = "spawn"


def _zygote_usable() -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        from multiprocessing import reduction
    except ImportError:
        return False
    return bool(getattr(reduction, "HAVE_SEND_HANDLE", False))


class _Zygote:
    """Forks warm workers on request; the parent holds one end of each worker's pipe."""

    def __init__(self, function: Callable[..., Any], memory_limit: int, warmup: Callable[[], None] | None, limit: float) -> None:
        import multiprocessing

        context: Any = multiprocessing.get_context("fork")
        self.control, child = context.Pipe()
        self.process = context.Process(
            target=_zygote_main, args=(child, function, memory_limit, os.getpid(), warmup, limit, self.control), daemon=True
        )
        self.process.start()
        child.close()

    def spawn(self) -> Connection:
        """A connection to a new worker (raises OSError when the zygote is gone)."""
        import multiprocessing
        from multiprocessing.reduction import send_handle

        mine, theirs = multiprocessing.get_context("fork").Pipe()
        try:
            self.control.send(SPAWN)
            send_handle(self.control, theirs.fileno(), self.process.pid or 0)
        except (OSError, ValueError) as exc:
            mine.close()
            raise OSError(f"the zygote is gone: {exc}") from None
        finally:
            theirs.close()
        return mine

    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def stop(self) -> None:
        try:
            self.control.close()
        except OSError:
            pass
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


class _ForkedProcess:
    """The part of `multiprocessing.Process` the pool uses, for a worker forked by the zygote
    (a grandchild: it is killed by pid and reaped by the zygote)."""

    exitcode = None

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.pid: int | None = None

    def learn(self, message: object) -> bool:
        """Take the worker's (PID, pid) message; whether it was one."""
        if isinstance(message, tuple) and len(message) == 2 and message[0] == PID:
            self.pid = int(message[1])
            return True
        return False

    def _drain(self) -> None:
        """Read a pid message still waiting in the pipe (a worker never given a task)."""
        with contextlib.suppress(OSError, EOFError, ValueError):
            while self.pid is None and self.connection.poll(0):
                self.learn(self.connection.recv())

    def is_alive(self) -> bool:
        self._drain()
        if self.pid is None:
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True

    def kill(self) -> None:
        self._drain()
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or 0.0)
        while self.pid is not None and self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)


class _Worker:
    def __init__(
        self, function: Callable[..., Any], memory_limit: int, warmup: Callable[[], None] | None = None, limit: float = 0.0,
        zygote: _Zygote | None = None,
    ) -> None:
        self.process: Any
        if zygote is not None:
            self.connection = zygote.spawn()
            self.process = _ForkedProcess(self.connection)
        else:
            import multiprocessing

            context: Any = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
            self.connection, child = context.Pipe()
            self.process = context.Process(target=_worker_main, args=(child, function, memory_limit, os.getpid(), warmup, limit), daemon=True)
            self.process.start()
            child.close()
        self.task: int | None = None
        self.used = False
        """Whether it was ever given a task: one that never was may still be warming up."""
        self.running = False
        """Whether it has taken up its task (sent STARTED): the step's clocks run from there."""
        self.deadline = 0.0
        """Wall-clock backstop (perf_counter) of the current task."""
        self.started = 0.0
        """When the current task was dispatched, then when the worker took it up."""
        self.cpu_start: float | None = None
        """The worker's CPU time when it took up the task (None where it cannot be read)."""

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

    def cpu_used(self) -> float | None:
        """CPU seconds spent on the current task so far."""
        if self.cpu_start is None or self.process.pid is None:
            return None
        now = _cpu_seconds(self.process.pid)
        return None if now is None else now - self.cpu_start


class WorkerPool:
    """Runs `function(*args)` for many argument tuples in up to `jobs` processes, each task
    under a limit of `timeout` CPU seconds from the moment a worker takes the task up (with a
    wall-clock backstop, `backstop`).

    Results come back in task order, whatever the number of workers, so the output of a run
    does not depend on `jobs`.  Where the platform allows, one process (the zygote) imports and
    warms up, and every worker is forked from it: a second worker costs a fork, not a second
    warm-up.  Workers are added as the queue shows it needs them.

    Tasks may be given all at once (`run`) or as they come (`submit`, then `poll` until
    `outstanding` is 0), so a caller can keep planning while the workers check.
    """

    GROW_BACKLOG = 8
    """Start another worker when more than this many tasks wait for each running one..."""
    GROW_BACKLOG_FORKED = 4
    """...(with a warm zygote, a new worker costs only a fork)..."""
    GROW_AFTER = 1.0
    """...or when a task has kept its worker busy for this many seconds."""

    def __init__(
        self, function: Callable[..., Any], jobs: int, timeout: float, memory_limit: int = MEMORY_LIMIT_BYTES,
        warmup: Callable[[], None] | None = None, zygote: bool = True,
    ) -> None:
        self.function = function
        self.warmup = warmup
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.workers: list[_Worker] = []
        self.use_zygote = zygote and _zygote_usable()
        self._zygote: _Zygote | None = None
        self._tasks: dict[int, tuple[Any, ...]] = {}
        self._pending: deque[int] = deque()
        self._busy: dict[Connection, _Worker] = {}
        self._done: list[tuple[int, TaskResult]] = []
        self._next = 0

    def __enter__(self) -> "WorkerPool":
        return self

    def start(self) -> None:
        """Start warming up now, so that the warm-up overlaps the caller's own work."""
        if self.use_zygote:
            self._ensure_zygote()
        elif not self.workers:
            self.workers.append(self._new_worker())

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers.clear()
        self._busy.clear()
        self._pending.clear()
        self._tasks.clear()
        if self._zygote is not None:
            self._zygote.stop()
            self._zygote = None

    @property
    def backstop(self) -> float:
        """Wall seconds a step may take once started, whatever its CPU time says."""
        return 3 * self.timeout + 5

    @property
    def cpu_grace(self) -> float:
        """CPU seconds past the limit before the parent kills a worker that did not stop itself
        (a long C call): enough for the worker's own timer to answer first."""
        return 0.5 + 0.25 * self.timeout

    def run(self, tasks: Sequence[tuple[Any, ...]], on_done: Callable[[int, TaskResult], None] | None = None) -> list[TaskResult]:
        first = self._next
        for task in tasks:
            self.submit(task)
        results: list[TaskResult | None] = [None] * len(tasks)
        while self.outstanding:
            for number, result in self.poll():
                results[number - first] = result
                if on_done:
                    on_done(number - first, result)
        return [r if r is not None else TaskResult("error", "not run", transient=True) for r in results]

    def submit(self, arguments: tuple[Any, ...]) -> int:
        """Queue one task; its number comes back with its result from `poll`."""
        number = self._next
        self._next += 1
        self._tasks[number] = arguments
        self._pending.append(number)
        return number

    @property
    def outstanding(self) -> int:
        """Tasks submitted whose results `poll` has not returned yet."""
        return len(self._tasks) + len(self._done)

    def poll(self, timeout: float | None = None, wake: Sequence[Any] = ()) -> list[tuple[int, TaskResult]]:
        """Dispatch, wait (at most `timeout` seconds, or until one of `wake` is readable), and
        return the (number, result) of the tasks finished meanwhile."""
        from multiprocessing.connection import wait

        if self._pending and self._should_grow(len(self._pending)):
            self.workers.append(self._new_worker())
        self._dispatch()
        if self._busy and not self._done:
            seconds = self._wait_seconds()
            if timeout is not None:
                seconds = min(seconds, timeout)
            for connection in wait([*self._busy, *wake], timeout=seconds):
                worker = self._busy.get(connection)  # type: ignore[call-overload]
                if worker is not None and self._collect(worker):
                    self._busy.pop(connection)  # type: ignore[call-overload]
            self._enforce()
        elif wake and not self._done and not self._pending:
            wait(list(wake), timeout=timeout)
        done, self._done = self._done, []
        return done

    def _finish(self, number: int, result: TaskResult) -> None:
        if self._tasks.pop(number, None) is not None:
            self._done.append((number, result))

    def _enforce(self) -> None:
        """Kill the workers whose step overran its CPU limit or its wall-clock backstop."""
        now = time.perf_counter()
        for connection, worker in list(self._busy.items()):
            cpu = worker.cpu_used() if worker.running else None
            over_cpu = cpu is not None and cpu >= self.timeout + self.cpu_grace
            if now < worker.deadline and not over_cpu:
                continue
            self._busy.pop(connection)
            task = worker.task
            assert task is not None
            self._replace(worker)
            # A worker that never took up its task says more about the machine than the task.
            # `seconds` says which limit ended it: CPU seconds for the CPU limit, else wall seconds.
            seconds = cpu if over_cpu and cpu is not None else now - worker.started
            self._finish(task, TaskResult("timeout", None, seconds, transient=not worker.running))

    def _should_grow(self, waiting: int) -> bool:
        if len(self.workers) >= self.jobs:
            return False
        backlog = self.GROW_BACKLOG_FORKED if self.use_zygote else self.GROW_BACKLOG
        if not self.workers or waiting > backlog * len(self.workers):
            return True
        # A slow task, timed from when its worker took it up: a worker still waiting for the
        # warm-up (or for a core, on a busy machine) says nothing about the queue.
        now = time.perf_counter()
        return len(self._busy) == len(self.workers) and any(
            worker.running and now - worker.started >= self.GROW_AFTER for worker in self._busy.values()
        )

    POLL = 0.1
    """Seconds between looks at the CPU time of running workers."""

    def _wait_seconds(self) -> float:
        """Until the next deadline, the next look at CPU time, or until a slow task would justify
        another worker."""
        busy = self._busy
        wake = min(worker.deadline for worker in busy.values())
        if any(worker.running and worker.cpu_start is not None for worker in busy.values()):
            wake = min(wake, time.perf_counter() + self.POLL)
        running = [worker.started for worker in busy.values() if worker.running]
        if self._pending and len(self.workers) < self.jobs and running:
            wake = min(wake, min(running) + self.GROW_AFTER)
        return max(0.0, wake - time.perf_counter())

    def _dispatch(self) -> None:
        for index, worker in enumerate(self.workers):
            if worker.task is not None or not self._pending:
                continue
            if not worker.process.is_alive():
                worker.stop(force=True)
                worker = self.workers[index] = self._new_worker()
            task = self._pending.popleft()
            worker.task = task
            worker.used = True
            worker.running = False
            worker.cpu_start = None
            worker.started = time.perf_counter()
            worker.deadline = worker.started + START_ALLOWANCE + self.backstop
            try:
                worker.connection.send(self._tasks[task])
            except (OSError, ValueError) as exc:
                worker.task = None
                self._finish(task, TaskResult("error", f"could not reach the worker: {exc}", transient=True))
                self._replace(worker)
                continue
            self._busy[worker.connection] = worker

    def _collect(self, worker: _Worker) -> bool:
        """Read what the worker sent; True when its task is finished."""
        task = worker.task
        assert task is not None
        try:
            result = worker.connection.recv()
            if isinstance(worker.process, _ForkedProcess) and worker.process.learn(result):
                return False
            if isinstance(result, str) and result == STARTED:
                worker.running = True
                worker.started = time.perf_counter()
                worker.deadline = worker.started + self.backstop
                worker.cpu_start = _cpu_seconds(worker.process.pid) if worker.process.pid else None
                return False
            in_doubt = result.transient
        except (EOFError, OSError):
            worker.process.join(timeout=1)
            died = f"the worker process died (exit code {worker.process.exitcode})"
            result = TaskResult("error", died, time.perf_counter() - worker.started, transient=True)
            in_doubt = True
        worker.task = None
        worker.running = False
        if in_doubt:
            self._replace(worker)  # a worker in doubt is not given another task
        self._finish(task, result)
        return True

    def _ensure_zygote(self) -> _Zygote | None:
        if self._zygote is not None and not self._zygote.alive():
            self._zygote.stop()
            self._zygote = None
        if self._zygote is None and self.use_zygote:
            try:
                self._zygote = _Zygote(self.function, self.memory_limit, self.warmup, self.timeout)
            except (OSError, ValueError, AssertionError):
                self.use_zygote = False  # e.g. inside a daemonic process: workers are forked directly
        return self._zygote

    def _new_worker(self) -> _Worker:
        zygote = self._ensure_zygote()
        if zygote is not None:
            try:
                return _Worker(self.function, self.memory_limit, self.warmup, self.timeout, zygote=zygote)
            except OSError:
                self._zygote = None
                zygote.stop()
                zygote = self._ensure_zygote()
                if zygote is not None:
                    with contextlib.suppress(OSError):
                        return _Worker(self.function, self.memory_limit, self.warmup, self.timeout, zygote=zygote)
        return _Worker(self.function, self.memory_limit, self.warmup, self.timeout)

    def _replace(self, worker: _Worker) -> None:
        worker.stop(force=True)
        index = self.workers.index(worker)
        self.workers[index] = self._new_worker()
