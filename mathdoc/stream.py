"""A run streamed from reading to reports: files are read and planned in a thread while the
workers check the steps already planned, and each file's report is handed on as soon as its
last step is back, in input order.

The reading thread stays at most `READ_AHEAD` files ahead of the oldest file not yet reported,
so the sources held at once do not grow with the corpus.  The worker pool's zygote is forked
before the thread starts reading (or, on a warm run, under a guard that holds the thread between
files), so no fork happens while the thread is inside a file.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .model import FileReport, Source
from .sources import SourceError

if TYPE_CHECKING:
    from .cache import Store
    from .checker import Input, Options, Task, _Plan
    from .timelimit import TaskResult, WorkerPool

READ_AHEAD = 16
"""Files read and planned ahead of the oldest file still being checked."""
MEMO_SIZE = 4096
"""Results of recent steps kept for duplicates within a run when there is no cache."""


@dataclass
class _File:
    """One input on its way: a finished report (or read error), or a plan waiting for results."""

    report: FileReport | SourceError | None = None
    plan: "_Plan | None" = None
    key: list[str] | None = None
    results: list["TaskResult | None"] = field(default_factory=list)
    waiting: int = 0


_DONE = object()


class Run:
    def __init__(
        self, options: "Options", make_pool: Callable[["Options"], "WorkerPool"],
        progress: Callable[[int], None] | None = None, on_plan: Callable[[int], None] | None = None,
    ) -> None:
        from .checker import _file_variant, _step_variant
        from .filecache import open_store

        self.options = options
        self.make_pool = make_pool
        self.progress = progress
        self.on_plan = on_plan
        self.files = open_store(options.cache_dir, _file_variant(options))
        self.step_variant = _step_variant(options)
        self._steps: "Store | None | bool" = False  # opened on the first miss
        self.planned = 0
        self.started = False
        self.guard = threading.Lock()
        """Held by the reading thread while it is inside a file; taken to fork the zygote."""
        self.memo: OrderedDict[Task, TaskResult] = OrderedDict()
        self.waiting: dict[Task, list[tuple[_File, int]]] = {}
        self.numbers: dict[int, Task] = {}

    # -- the reading side (a thread) -------------------------------------------------------------

    def prepare(self, item: "Source | Input | SourceError") -> _File:
        """Look the file up in the whole-file cache, else read and plan it."""
        from . import filecache
        from .checker import plan

        if isinstance(item, SourceError):
            return _File(report=item)
        if isinstance(item, Source):
            source, key = item, None
        else:
            try:
                data = item.read()
            except SourceError as exc:
                return _File(report=exc)
            key = filecache.file_key(item.path, _kind(item.path), item.root, data) if self.files else None
            hit = filecache.lookup(self.files, key, item.root) if self.files and key else None
            if hit is not None and not self.options.keep_sources:
                return _File(report=hit)
            try:
                source = item.source(data)
            except SourceError as exc:
                return _File(report=exc)
            if hit is not None:
                return _File(report=FileReport(hit.path, hit.layout, hit.findings, hit.notices, source))
        return _File(plan=plan(source, self.options), key=key)

    def _read_all(self, items: Iterator["Source | Input | SourceError"], out: "queue.Queue[Any]", wake: int, stop: threading.Event) -> None:
        try:
            for item in items:
                if stop.is_set():
                    break
                with self.guard:
                    prepared = self.prepare(item)
                out.put(prepared)  # blocks while READ_AHEAD files wait
                _poke(wake)
        except BaseException as exc:  # handed to the main thread, which raises it there
            out.put(exc)
        out.put(_DONE)
        _poke(wake)

    # -- the checking side (the caller's thread) -------------------------------------------------

    def reports(self, items: Iterator["Source | Input | SourceError"], pool: "WorkerPool | None") -> Iterator[FileReport | SourceError]:
        own = pool is None
        pool = pool if pool is not None else self.make_pool(self.options)
        if self.options.cache_dir is None or not _exists_any(self.options.cache_dir):
            self._start(pool)  # a cold run: the zygote imports SymPy while the files are being read
        threaded = getattr(pool, "use_zygote", False)  # else every new worker forks this process: no thread then
        try:
            if threaded:
                yield from self._threaded(items, pool)
            else:
                yield from self._inline(items, pool)
        finally:
            if own:
                pool.close()
            store = self._steps
            if store:
                store.flush()  # type: ignore[union-attr]
            if self.files:
                self.files.flush()

    def _start(self, pool: "WorkerPool") -> None:
        if not self.started:
            with self.guard:  # the reader is between files: no fork while it is inside one
                pool.start()
            self.started = True

    def _threaded(self, items: Iterator["Source | Input | SourceError"], pool: "WorkerPool") -> Iterator[FileReport | SourceError]:
        out: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD)
        wake_read, wake_write = os.pipe()
        os.set_blocking(wake_read, False)
        stop = threading.Event()
        reader = threading.Thread(target=self._read_all, args=(items, out, wake_write, stop), daemon=True, name="mathdoc-reader")
        reader.start()
        window: deque[_File] = deque()
        finished = False
        try:
            while not (finished and not window):
                while len(window) < READ_AHEAD:
                    try:
                        prepared = out.get_nowait()
                    except queue.Empty:
                        break
                    if prepared is _DONE:
                        finished = True
                    elif isinstance(prepared, BaseException):
                        raise prepared
                    else:
                        self._admit(prepared, pool)
                        window.append(prepared)
                while window and window[0].waiting == 0:
                    yield self._finish(window.popleft())
                if finished and not window:
                    break
                if len(window) < READ_AHEAD and not out.empty():
                    continue  # read while the window was full: its pokes are already drained
                self._collect(pool.poll(wake=[wake_read]))
                _drain(wake_read)
        finally:
            stop.set()
            while reader.is_alive():  # let a reader blocked on a full queue finish
                try:
                    out.get(timeout=0.05)
                except queue.Empty:
                    pass
            os.close(wake_read)
            os.close(wake_write)

    def _inline(self, items: Iterator["Source | Input | SourceError"], pool: "WorkerPool") -> Iterator[FileReport | SourceError]:
        for item in items:
            prepared = self.prepare(item)
            self._admit(prepared, pool)
            while prepared.waiting:
                self._collect(pool.poll())
            yield self._finish(prepared)

    def _admit(self, prepared: _File, pool: "WorkerPool") -> None:
        """Give the file's steps to the cache, the memo, or the workers."""
        plan = prepared.plan
        if plan is None:
            return
        prepared.results = [None] * len(plan.steps)
        self.planned += len(plan.steps)
        if self.on_plan:
            self.on_plan(self.planned)
        hits = 0
        for index, step in enumerate(plan.steps):
            task = step.task
            known = self.memo.get(task)
            if known is None:
                known = self._step_store_get(task)
            if known is not None:
                prepared.results[index] = known
                hits += 1
                continue
            prepared.waiting += 1
            waiting = self.waiting.get(task)
            if waiting is not None:
                waiting.append((prepared, index))
                continue
            self.waiting[task] = [(prepared, index)]
            self._start(pool)
            self.numbers[pool.submit(task)] = task
        if hits and self.progress:
            self.progress(hits)

    def _collect(self, done: list[tuple[int, "TaskResult"]]) -> None:
        for number, result in done:
            task = self.numbers.pop(number)
            store = self._step_store()
            if store:
                store.put(task, result)
            self.memo[task] = result
            if len(self.memo) > MEMO_SIZE:
                self.memo.popitem(last=False)
            for prepared, index in self.waiting.pop(task, []):
                prepared.results[index] = result
                prepared.waiting -= 1
            if self.progress:
                self.progress(1)

    def _finish(self, prepared: _File) -> FileReport | SourceError:
        from . import filecache
        from .checker import _report

        if prepared.report is not None:
            return prepared.report
        plan = prepared.plan
        assert plan is not None
        results = [r for r in prepared.results if r is not None]
        report = _report(plan, results)
        if self.files and prepared.key is not None and all(_lasting(r) for r in results):
            filecache.store_report(self.files, prepared.key, report, plan.source)
        if not self.options.keep_sources:
            report = FileReport(report.path, report.layout, report.findings, report.notices)
        return report

    def _step_store(self) -> "Store | None":
        if self._steps is False:
            from .cache import open_cache

            self._steps = open_cache(self.options.cache_dir, variant=self.step_variant)
        return self._steps  # type: ignore[return-value]

    def _step_store_get(self, task: "Task") -> "TaskResult | None":
        store = self._step_store()
        return store.get(task) if store else None


def _lasting(result: "TaskResult") -> bool:
    """Whether a step's result says something about the step, not about the machine."""
    return result.status != "timeout" and not result.transient


def _kind(path: str) -> str:
    from .sources import kind_of

    return kind_of(path) or "markdown"


def _exists_any(directory: str) -> bool:
    from .cache import FILE_NAME

    return os.path.exists(os.path.join(directory, FILE_NAME)) or any(name.startswith("files-") for name in _names(directory))


def _names(directory: str) -> list[str]:
    try:
        return os.listdir(directory)
    except OSError:
        return []


def _poke(fd: int) -> None:
    try:
        os.write(fd, b"x")
    except (BlockingIOError, OSError):
        pass


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except (BlockingIOError, OSError):
        pass
