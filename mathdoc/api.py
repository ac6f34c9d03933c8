"""The small public API: check a string or a file, get a `FileReport` back.

Every call of a process shares one warm worker pool per (jobs, timeout): starting a worker means
forking and importing SymPy (about a second), which a program or a test suite that checks many
small texts would otherwise pay on every call.  The pool is created on first use, belongs to the
process that created it (a forked child makes its own), replaces a worker that died, and is
closed when the interpreter exits.
"""

from __future__ import annotations

import atexit
import os
import threading
from typing import TYPE_CHECKING

from .checker import DEFAULT_TIMEOUT, Options, check_sources, worker_pool
from .model import FileReport
from .sources import read_source, source_from_text

if TYPE_CHECKING:
    from .timelimit import WorkerPool

_pools: dict[tuple[int, float], "WorkerPool"] = {}
_owner = os.getpid()
_lock = threading.Lock()
"""One caller at a time per pool: a pool's workers serve one `run` at a time."""


def check_text(text: str, path: str = "<text>", kind: str = "markdown", *, timeout: float = DEFAULT_TIMEOUT, layout: str | None = None, jobs: int = 1) -> FileReport:
    """Check the claims in `text` (Markdown by default)."""
    source = source_from_text(text, path=path, kind=kind)
    return _check(source, Options(timeout=timeout, jobs=jobs, layout=layout))


def check_file(path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT, layout: str | None = None, jobs: int = 1) -> FileReport:
    """Check one file; raises `mathdoc.sources.SourceError` when it cannot be read."""
    return _check(read_source(path), Options(timeout=timeout, jobs=jobs, layout=layout))


def _check(source: object, options: Options) -> FileReport:
    with _lock:
        pool = _shared_pool(options)
        try:
            return check_sources([source], options, pool=pool)[0]  # type: ignore[list-item]
        except BaseException:
            _discard(options)  # interrupted mid-run: its workers may still be busy
            raise


def _shared_pool(options: Options) -> "WorkerPool":
    global _owner
    if os.getpid() != _owner:
        # A forked child inherited the parent's pool objects, whose workers are not its own.
        _pools.clear()
        _owner = os.getpid()
    key = (options.jobs, options.timeout)
    pool = _pools.get(key)
    if pool is None:
        pool = _pools[key] = worker_pool(options)
    return pool


def _discard(options: Options) -> None:
    pool = _pools.pop((options.jobs, options.timeout), None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    """Stop the shared workers (run at exit; call it to free them sooner)."""
    if os.getpid() != _owner:
        _pools.clear()
        return
    while _pools:
        _, pool = _pools.popitem()
        pool.close()


atexit.register(close_pools)
