"""Result cache: what a step came to, keyed by its text, the definitions it relies on, the time
limit and the code that judged it.

One JSON file, `.mathdoc_cache/steps.json`.  Reading it needs neither SymPy nor
`multiprocessing`, so a fully warm run never loads them.  Several mathdoc processes may share the
directory (`pre-commit` runs hooks in parallel): a flush takes a lock, re-reads the file, merges,
and replaces it atomically, so a reader never sees half a file and no writer loses another's
entries.  The file holds at most `MAX_ENTRIES` steps; the least recently used go first.

The cache directory sits in the checked tree, so it is untrusted input: a pull request can commit
one.  Hence:

* every entry is signed (HMAC-SHA256) with a random key kept outside the repository, in the user
  cache directory (`MATHDOC_KEY_DIR` overrides it); an entry whose signature does not verify is
  ignored, and the run says once how many were;
* the file is JSON, never pickle, read with a bound (`MAX_BYTES`), and anything malformed is a miss;
* nothing in the path is followed if it is a symbolic link (the directory, `lock`, `.gitignore`,
  `steps.json`, temporary files), and only regular files are read, so a committed cache can neither
  make mathdoc write or delete outside the tree nor read `/dev/zero`.

Steps whose check raised are cached (the same code raises again), timed-out steps are not: a time
limit says as much about the machine's load as about the step.  A worker that died or ran out of
memory is not remembered either.  Temporary files of an interrupted write are removed by the next
run that can take the lock.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from . import __version__
from .outcome import StepResult
from .timelimit import TaskResult

FORMAT = 3
"""3: signed entries (2 had none, and its files are simply stale)."""
FILE_NAME = "steps.json"
MAX_ENTRIES = 50_000
MAX_BYTES = 64 * 1024 * 1024
"""The most of `steps.json` ever read; a larger file is a miss (50,000 entries take ~15 MB)."""
REFRESH_SECONDS = 86_400
"""A hit older than this gets a new timestamp (so that eviction sees it as used); younger hits
leave the file alone, and a warm run writes nothing."""
LOCK_SECONDS = 5.0
TEMP_PREFIX = ".mathdoc-tmp-"
"""Every temporary file in the cache directory starts with this, so a later run can remove the
ones an interrupted write left behind."""
LEGACY_TEMP = (".steps-", ".tmp")
KEY_FILE = "cache-key"
KEY_DIR_VARIABLE = "MATHDOC_KEY_DIR"

Entry = list[Any]
"""[last used (Unix seconds), payload (JSON text of [status, data]), signature (hex)]"""
Task = tuple[Any, ...]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_USE_DIR_FD = os.open in os.supports_dir_fd and _DIRECTORY != 0


class _Refused(OSError):
    """Something in the cache path is not what a cache holds (a symbolic link, a device)."""


def code_fingerprint() -> str:
    """The version, plus the size and time of every module: an edited checkout is a new version."""
    package = Path(__file__).resolve().parent
    parts = [__version__]
    for directory, subdirectories, files in sorted(os.walk(package)):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(directory, name))
                parts.append(f"{os.path.relpath(os.path.join(directory, name), package)}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def notify(message: str) -> None:
    """A run-wide notice on stderr (the cache belongs to no one file, so no report carries it)."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"mathdoc: {message}\n")
        sys.stderr.flush()


# -- the key ----------------------------------------------------------------------------------------

def key_directory() -> Path:
    """Where the signing key lives: outside every repository, so no pull request can supply it."""
    chosen = os.environ.get(KEY_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mathdoc"))


def load_key(directory: Path | None = None) -> bytes:
    """This machine's cache key, created (mode 0600) on first use; raises OSError when none can be had."""
    directory = directory or key_directory()
    path = directory / KEY_FILE
    with contextlib.suppress(FileNotFoundError):
        return _read_key(path)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = directory / f"{TEMP_PREFIX}{_token_hex(8)}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(_token_hex(32) + "\n")
        try:
            os.link(temporary, path)  # atomic, and never replaces a key another process made
        except FileExistsError:
            pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _Refused(errno.EINVAL, "the cache key is not a regular file", str(path))
        text = os.read(handle, 256).decode("ascii", "replace").strip()
    finally:
        os.close(handle)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise _Refused(errno.EINVAL, "the cache key is damaged", str(path))
    return key


def _sign(key: bytes, entry_key: str, payload: str) -> str:
    message = f"{entry_key}\n{payload}".encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# -- the directory, opened without following links --------------------------------------------------

@contextlib.contextmanager
def _directory(path: Path, create: bool) -> Iterator[int | None]:
    """A descriptor of the cache directory (None where the OS has no `dir_fd`), opened without
    following a symbolic link in any component the checked tree controls: every component of a
    relative path, the last one of an absolute path.  Raises FileNotFoundError (absent, `create`
    false), `_Refused` (a link or not a directory) or another OSError."""
    if not _USE_DIR_FD:
        _check_plain_directory(path, create)
        yield None
        return
    if path.is_absolute():
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        current = os.open(path.parent, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
        parts: tuple[str, ...] = (path.name,) if path.name else ()
    else:
        current = os.open(".", os.O_RDONLY | _DIRECTORY | _CLOEXEC)
        parts = tuple(part for part in path.parts if part != ".")
    for part in parts:
        current = _step_into(current, part, create)  # closes the parent, even when it raises
    try:
        yield current
    finally:
        os.close(current)


def _step_into(parent: int, name: str, create: bool) -> int:
    """Open `name` in `parent` as a directory, refusing a link; closes `parent`."""
    try:
        try:
            status = os.stat(name, dir_fd=parent, follow_symlinks=False)
        except FileNotFoundError:
            if not create:
                raise
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, dir_fd=parent)
            status = os.stat(name, dir_fd=parent, follow_symlinks=False)
        if not stat.S_ISDIR(status.st_mode):
            kind = "a symbolic link" if stat.S_ISLNK(status.st_mode) else "not a directory"
            raise _Refused(errno.ENOTDIR, kind, name)
        return os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=parent)
    finally:
        os.close(parent)


def _check_plain_directory(path: Path, create: bool) -> None:
    """Without `dir_fd` (Windows): the same refusals, checked by path."""
    if create:
        path.mkdir(parents=True, exist_ok=True)
    status = os.lstat(path)
    if not stat.S_ISDIR(status.st_mode):
        raise _Refused(errno.ENOTDIR, "a symbolic link" if stat.S_ISLNK(status.st_mode) else "not a directory", str(path))


def _name(directory: Path, fd: int | None, name: str) -> str:
    return name if fd is not None else str(directory / name)


def _open_regular(directory: Path, fd: int | None, name: str, flags: int, mode: int = 0o644) -> int:
    """os.open of a file in the cache directory that is neither a link nor anything but a regular file."""
    if fd is None:
        with contextlib.suppress(FileNotFoundError):
            if not stat.S_ISREG(os.lstat(directory / name).st_mode):
                raise _Refused(errno.EINVAL, "not a regular file", name)
    handle = os.open(_name(directory, fd, name), flags | _NOFOLLOW | _NONBLOCK | _CLOEXEC, mode, dir_fd=fd)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise _Refused(errno.EINVAL, "not a regular file", name)
    except BaseException:
        os.close(handle)
        raise
    return handle


def _read_bounded(handle: int, limit: int) -> bytes | None:
    """At most `limit` bytes of the file, or None when it holds more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(handle, min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


# -- the store --------------------------------------------------------------------------------------

class Store:
    """The cached results of one run: loaded once, written back (merged) by `flush`."""

    def __init__(self, directory: Path, variant: str = "") -> None:
        self.directory = directory
        self.file_name = FILE_NAME
        self.path = directory / FILE_NAME
        self.code = code_fingerprint()
        self.salt = json.dumps([FORMAT, self.code, variant], separators=(",", ":"))
        self.now = _clock()
        self.key: bytes | None = self._key()
        self.usable = self.key is not None
        self.ignored = 0
        """Entries read whose signature did not verify (forged, or another machine's)."""
        self.entries: dict[str, Entry] = self._open()
        self.changed: dict[str, Entry] = {}
        if self.ignored:
            notify(f"{directory}: ignored {self.ignored} cache entries that were not written by this machine's mathdoc")

    def key_of(self, task: Task) -> str:
        payload = json.dumps([self.salt, task], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def get(self, task: Task) -> TaskResult | None:
        data = self.get_payload(task)
        if data is None:
            return None
        try:
            status, value = data
            if status == "ok":
                return TaskResult("ok", StepResult.from_json(value))
            if status == "error" and (value is None or isinstance(value, str)):
                return TaskResult(status, value)
        except Exception:  # a malformed entry is a miss, whatever is wrong with it
            pass
        return None

    def put(self, task: Task, result: TaskResult) -> None:
        """Remember what a step came to, unless it says more about the machine than the step."""
        if result.transient or result.status == "timeout":
            return
        if result.status == "ok":
            data: Any = result.value.to_json()
        else:
            data = result.value if isinstance(result.value, str) else None
        self.put_payload(task, [result.status, data])

    def get_payload(self, material: Any) -> Any:
        """The JSON data stored under `material` (any JSON-able key), or None."""
        key = self.key_of(material)
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            stamp, payload, signature = entry
            data = json.loads(payload)
            stamp = int(stamp)
        except Exception:  # a malformed entry is a miss, whatever is wrong with it
            return None
        if self.now - stamp > REFRESH_SECONDS:
            self.changed[key] = [self.now, payload, signature]
        return data

    def put_payload(self, material: Any, data: Any) -> None:
        if self.key is None:
            return
        key = self.key_of(material)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        entry = [self.now, payload, _sign(self.key, key, payload)]
        self.entries[key] = entry
        self.changed[key] = entry

    def flush(self) -> None:
        if not self.changed or not self.usable:
            return
        try:
            with _directory(self.directory, create=True) as fd:
                self._ensure_gitignore(fd)
                with self._locked(fd) as held:
                    if held:
                        self._remove_stale_temporaries(fd)
                    entries = self._read(fd)  # what other processes wrote meanwhile
                    entries.update(self.changed)
                    self._write(fd, _evict(entries, MAX_ENTRIES))
                    for old in _listdir(self.directory, fd):
                        if old.startswith("steps-") and old.endswith(".json"):  # the per-version files of format 1
                            with contextlib.suppress(OSError):
                                os.unlink(_name(self.directory, fd, old), dir_fd=fd)
            self.changed.clear()
        except OSError:
            pass  # a read-only tree (or a refused cache path) still gets checked, just not cached

    def _key(self) -> bytes | None:
        try:
            return load_key()
        except (OSError, ImportError) as exc:
            notify(f"no cache key in {key_directory()} ({getattr(exc, 'strerror', None) or exc}); results are not cached")
            return None

    def _open(self) -> dict[str, Entry]:
        """The verified entries on disk, after removing what an interrupted write left behind."""
        if not self.usable:
            return {}
        try:
            with _directory(self.directory, create=False) as fd:
                names = _listdir(self.directory, fd)
                if any(_is_temporary(name) for name in names):
                    self._clean_up(fd)
                return self._read(fd, count_ignored=True)
        except FileNotFoundError:
            return {}
        except _Refused as exc:
            self.usable = False
            notify(f"{self.directory}: the cache is not used ({exc.filename}: {exc.strerror})")
            return {}
        except OSError:
            return {}

    def _clean_up(self, fd: int | None) -> None:
        """Remove stale temporary files if the lock is free now (never wait for it: a reader)."""
        try:
            with self._locked(fd, wait=False) as held:
                if held:
                    self._remove_stale_temporaries(fd)
        except _Refused:
            raise
        except OSError:
            pass  # a read-only cache: its leftovers stay, its entries are still read

    def _read(self, fd: int | None, count_ignored: bool = False) -> dict[str, Entry]:
        try:
            handle = _open_regular(self.directory, fd, self.file_name, os.O_RDONLY)
        except FileNotFoundError:
            return {}
        except _Refused as exc:
            if count_ignored:
                notify(f"{self.path}: ignored ({exc.strerror})")
            return {}
        except OSError as exc:
            if count_ignored and exc.errno == errno.ELOOP:
                notify(f"{self.path}: ignored (a symbolic link)")
            return {}
        try:
            raw = _read_bounded(handle, MAX_BYTES)
        finally:
            os.close(handle)
        if raw is None:
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != self.code:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        verified = {key: entry for key, entry in entries.items() if self._verifies(key, entry)}
        if count_ignored:
            self.ignored = len(entries) - len(verified)
        return verified

    def _verifies(self, key: str, entry: object) -> bool:
        if self.key is None or not isinstance(entry, list) or len(entry) != 3:
            return False
        _stamp, payload, signature = entry
        if not isinstance(payload, str) or not isinstance(signature, str):
            return False
        return hmac.compare_digest(_sign(self.key, key, payload), signature)

    def _write(self, fd: int | None, entries: dict[str, Entry]) -> None:
        temporary = f"{TEMP_PREFIX}{_token_hex(8)}"
        handle = _open_regular(self.directory, fd, temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with os.fdopen(handle, "w", encoding="ascii") as stream:  # escaped: even a lone surrogate round-trips
                json.dump({"format": FORMAT, "code": self.code, "entries": entries}, stream, separators=(",", ":"))
            os.replace(_name(self.directory, fd, temporary), _name(self.directory, fd, self.file_name), src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(_name(self.directory, fd, temporary), dir_fd=fd)
            raise

    def _ensure_gitignore(self, fd: int | None) -> None:
        """`*` in `.gitignore`, written only if no entry of that name exists (a link is left alone)."""
        try:
            handle = _open_regular(self.directory, fd, ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError:
            return
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write("*\n")

    def _remove_stale_temporaries(self, fd: int | None) -> None:
        """Temporary files exist only while a writer holds the lock: with it held, they are stale."""
        for name in _listdir(self.directory, fd):
            if _is_temporary(name):
                with contextlib.suppress(OSError):
                    os.unlink(_name(self.directory, fd, name), dir_fd=fd)  # a link itself, never its target

    @contextlib.contextmanager
    def _locked(self, fd: int | None, wait: bool = True) -> Iterator[bool]:
        """Hold `.mathdoc_cache/lock` while merging (yields whether it is held); without one (no
        fcntl, a lock held too long) the replace is still atomic, and at worst one run's new
        entries are lost.  A `lock` that is a link or not a regular file raises `_Refused`."""
        try:
            import fcntl
        except ImportError:
            yield False
            return
        handle = _open_regular(self.directory, fd, "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + (LOCK_SECONDS if wait else 0.0)
            held = False
            while not held:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    held = True
                except OSError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            try:
                yield held
            finally:
                if held:
                    fcntl.flock(handle, fcntl.LOCK_UN)
        finally:
            os.close(handle)


def _is_temporary(name: str) -> bool:
    return name.startswith(TEMP_PREFIX) or (name.startswith(LEGACY_TEMP[0]) and name.endswith(LEGACY_TEMP[1]))


def _listdir(directory: Path, fd: int | None) -> list[str]:
    try:
        return sorted(os.listdir(fd if fd is not None else directory))
    except OSError:
        return []


def _clock() -> int:
    return int(time.time())


def _evict(entries: dict[str, Entry], limit: int) -> dict[str, Entry]:
    """The `limit` most recently used entries (ties broken by key, so every process agrees)."""
    if len(entries) <= limit:
        return entries

    def stamp(item: tuple[str, Entry]) -> tuple[int, str]:
        try:
            return int(item[1][0]), item[0]
        except (TypeError, ValueError, IndexError):
            return 0, item[0]

    return dict(sorted(entries.items(), key=stamp, reverse=True)[:limit])


def open_cache(directory: str | None, variant: str = "") -> Store | None:
    """The cache in `directory` (None: no cache).  `variant` names whatever else changes a
    result (the time limit); steps cached under another variant are not reused.  (Whole-file
    results live beside it, in `filecache`.)"""
    if not directory:
        return None
    return Store(Path(directory), variant)


def _token_hex(count: int) -> str:
    import secrets  # here: a warm run, which writes nothing, need not load it

    return secrets.token_hex(count)
