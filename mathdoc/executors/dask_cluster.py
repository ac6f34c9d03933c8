"""`--executor dask`: batches of files checked on the workers of a `dask.distributed` cluster.

A task is `check_notes` on a batch of notes: the worker reads the files (the client only lists
their names) and checks them with `checker.check_sources`, exactly as a local run does, through a
`WorkerPool` that it keeps warm between tasks.  So the verdicts, the step time limits, the cache
keys and the reports are those of a local run, byte for byte.

The step time limits need the pool's forked processes, and a dask worker started by a nanny is a
daemonic process, which may not have children.  The `LocalCluster` started here sets
`distributed.worker.daemon: False` for as long as it lives (a worker that the nanny restarts gets
it too); a remote cluster's workers must be started the same way, which is checked before any
work is sent (`DAEMON_HINT`).

A failed task is retried (`RETRIES`); a batch that still fails (its worker kept dying) is split
and each file is tried alone, so that a file that cannot be checked is reported by its path and
never takes others with it.  Results are taken in input order from a window of tasks in flight,
so the client holds a bounded number of reports; leaving early (Ctrl-C) cancels every future.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from ..sources import Note
from . import Outcome, Progress, check_notes, steps_of
from .urls import INSTALL_HINT, URL_ROOT, one_line

if TYPE_CHECKING:
    from ..checker import Options
    from ..timelimit import WorkerPool

RETRIES = 2
"""Times a failed task is resubmitted before its files are tried one by one."""

MAX_BATCH = 50
"""Most files in one task: a failure redoes at most this many, and the client waits for at most
this many before it can write the next line."""

TASKS_PER_THREAD = 4
"""Batches are made small enough that each worker thread gets about this many (load balance),
and large enough that the per-task cost (~5 ms of scheduling and transfer) stays under 5% of the
work (a file costs tens of milliseconds to seconds)."""

WINDOW_PER_THREAD = 3
"""Tasks in flight per worker thread: enough to keep every worker busy while the client waits
for the next result in order, few enough that finished results do not pile up."""

DAEMON_SETTING = "distributed.worker.daemon"
DAEMON_HINT = (
    "mathdoc's step time limits run each step in a child process, and these dask workers are "
    "daemonic processes, which cannot have children: start the workers with "
    "`DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker ADDRESS` (or `dask worker --no-nanny ADDRESS`)"
)


class DaskError(Exception):
    """Dask cannot be used for this run (not installed, no scheduler, workers set up wrongly):
    a usage error whose message says what to do."""


def require_distributed() -> None:
    """Raise `DaskError` naming the extra to install when `dask.distributed` is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        if exc.name in ("distributed", "dask"):
            raise DaskError(f"--executor dask needs Dask, which is not installed: {INSTALL_HINT}") from None
        raise DaskError(f"--executor dask: Dask cannot be imported ({one_line(exc)}); reinstall it: {INSTALL_HINT}") from None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A task's answer: one outcome per note of the batch, and the seconds the worker spent on it."""

    outcomes: tuple[Outcome, ...]
    seconds: float


# --- on the worker ---------------------------------------------------------------------------

_pools: dict[tuple[int, float], "WorkerPool"] = {}
_pools_lock = threading.Lock()


def _worker_pool(options: "Options") -> "WorkerPool":
    """This worker thread's warm pool (one step process), made on its first task.  SymPy and the
    verifier are imported first, so the forked step process starts with them."""
    from ..checker import worker_pool
    from .. import steps  # noqa: F401  (imported before the fork)

    key = (threading.get_ident(), options.timeout)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _pools[key] = worker_pool(options)
            pool.start()
    return pool


def dask_setup(worker: object) -> None:
    """Run by each worker process of the `LocalCluster` started here, as it starts (a dask
    preload): Ctrl-C on the terminal reaches the whole process group, and it is the client's to
    answer (it cancels the run and closes the cluster), not a traceback from every worker."""
    import signal

    with contextlib.suppress(ValueError):  # not the main thread: nothing to change
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def close_pools() -> None:
    """Stop this process's step pools (a worker that is shutting down, or a test's in-process cluster)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        with contextlib.suppress(Exception):
            pool.close()


def _daemonic() -> bool:
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


Item = tuple[Note, str]
"""A note as a worker reads it (an absolute path, or a URL) and the path the user gave for it."""


def check_batch(items: tuple[Item, ...], options: "Options", keep_source: bool) -> BatchResult:
    """What a dask task runs: read and check the notes on this worker, as a local run would."""
    started = time.perf_counter()
    if _daemonic():
        outcomes = tuple(Outcome(shown, error=f"{shown}: not checked: {DAEMON_HINT}") for _, shown in items)
        return BatchResult(outcomes, 0.0)
    worker_options = replace(options, jobs=1)
    notes = [note for note, _ in items]
    outcomes = tuple(check_notes(notes, worker_options, keep_source, _worker_pool(worker_options), shown=[shown for _, shown in items]))
    return BatchResult(outcomes, time.perf_counter() - started)


def _item(note: Note, same_directory: bool) -> Item:
    """What a worker is sent for `note`: its absolute path, and the path to report: as given when
    every worker runs in this process's working directory (a LocalCluster), else absolute too, since
    a relative name (and a LaTeX `\\input` found from it) would mean another file there."""
    if note.root == URL_ROOT:
        return note, note.path
    absolute = os.path.abspath(note.path)
    return Note(absolute, note.root), note.path if same_directory else absolute


# --- on the client ---------------------------------------------------------------------------


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[Any]:
    """A `LocalCluster` of `workers` single-threaded worker processes that may start children
    (`distributed.worker.daemon: False` for as long as the cluster lives, restarts included) and
    leave Ctrl-C to the client (`dask_setup`)."""
    require_distributed()
    import dask
    from distributed import LocalCluster

    with dask.config.set({DAEMON_SETTING: False, "distributed.worker.preload": [__name__]}):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        )
        try:
            yield cluster
        finally:
            with contextlib.suppress(Exception):
                cluster.close()


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A `Client` of the scheduler at `scheduler`, or of a `LocalCluster` of `workers` started here."""
    require_distributed()
    from distributed import Client

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskError(f"cannot reach the dask scheduler at {scheduler} ({one_line(exc)})") from None
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close()
        return
    with local_cluster(workers) as cluster:
        client = Client(cluster)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close()


def check_workers(client: Any) -> tuple[int, bool]:
    """The number of worker threads, and whether they all run in this process's working directory;
    `DaskError` when there are none or they cannot fork."""
    threads = client.nthreads()
    if not threads:
        try:
            client.wait_for_workers(1, timeout=60)
        except Exception:
            raise DaskError("the dask cluster has no workers (start some with `dask worker ADDRESS`)") from None
        threads = client.nthreads()
    if any(client.run(_daemonic).values()):
        raise DaskError(DAEMON_HINT)
    here = os.getcwd()
    same = all(directory == here for directory in client.run(os.getcwd).values())
    return max(1, sum(threads.values())), same


def batch_size(files: int, threads: int) -> int:
    """Files per task: about `TASKS_PER_THREAD` tasks per worker thread, at most `MAX_BATCH`."""
    return max(1, min(MAX_BATCH, math.ceil(files / (threads * TASKS_PER_THREAD))))


def stream_dask(
    notes: Sequence[Note], options: "Options", scheduler: str | None = None, progress: Progress | None = None,
    keep_source: bool = True, client: Any = None, on_batch: Callable[[BatchResult], None] | None = None,
) -> Iterator[Outcome]:
    """One `Outcome` per note, in input order, checked on a dask cluster: `client`, or the
    scheduler at `scheduler`, or a `LocalCluster` of `options.jobs` workers started for the run."""
    require_distributed()
    if not notes:
        return
    if options.cache_dir is not None:
        options = replace(options, cache_dir=os.path.abspath(options.cache_dir))  # the workers' cwd may differ
    with contextlib.nullcontext(client) if client is not None else connect(scheduler, options.jobs) as client:
        threads, same_directory = check_workers(client)
        size = batch_size(len(notes), threads)
        batches = (tuple(_item(note, same_directory) for note in notes[i : i + size]) for i in range(0, len(notes), size))
        for result in _in_order(client, batches, options, keep_source, threads * WINDOW_PER_THREAD):
            if on_batch:
                on_batch(result)
            for outcome in result.outcomes:
                if progress:
                    progress(1, steps_of(outcome))
                yield outcome


def _in_order(client: Any, batches: Iterator[tuple[Item, ...]], options: "Options", keep_source: bool, window: int) -> Iterator[BatchResult]:
    """The batches' results in order, with at most `window` tasks in flight; every future still
    pending is cancelled however this ends (the consumer stopped, Ctrl-C)."""
    flight: deque[tuple[tuple[Item, ...], Any]] = deque()

    def submit() -> None:
        batch = next(batches, None)
        if batch is not None:
            flight.append((batch, client.submit(check_batch, batch, options, keep_source, retries=RETRIES, pure=False)))

    try:
        for _ in range(window):
            submit()
        while flight:
            batch, future = flight.popleft()
            submit()
            yield _result(client, batch, future, options, keep_source)
    finally:
        pending = [future for _, future in flight]
        flight.clear()
        if pending:
            with contextlib.suppress(Exception):
                client.cancel(pending, force=True)


def _result(client: Any, batch: tuple[Item, ...], future: Any, options: "Options", keep_source: bool) -> BatchResult:
    """The future's result; a batch that failed for good is tried again file by file."""
    try:
        result: BatchResult = future.result()
        return result
    except Exception as exc:
        failure = one_line(exc)
    finally:
        future.release()
    if len(batch) == 1:
        shown = batch[0][1]
        return BatchResult((Outcome(shown, error=f"{shown}: could not be checked on the dask cluster ({failure})"),), 0.0)
    singles = [(item,) for item in batch]
    futures = [client.submit(check_batch, single, options, keep_source, retries=RETRIES, pure=False) for single in singles]
    try:
        parts = [_result(client, single, f, options, keep_source) for single, f in zip(singles, futures)]
    finally:
        with contextlib.suppress(Exception):
            client.cancel(futures, force=True)
    return BatchResult(tuple(o for part in parts for o in part.outcomes), sum(part.seconds for part in parts))
