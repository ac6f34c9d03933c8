"""Read input files into `Source` records: choose the reader by extension, decode, refuse binaries.

Input files are only ever opened for reading, and only regular files of a bounded size are read:
mathdoc runs on pull requests from strangers, whose notes (and symbolic links) are hostile input.
A directory is walked without following links to directories, and a linked file is read only when
its target lies inside the checked root (see `checked_root`).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import surrogates
from .model import Source

KIND_BY_SUFFIX: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".qmd": "markdown",
    ".rmd": "markdown",
    ".txt": "markdown",
    ".tex": "latex",
    ".ipynb": "notebook",
    ".rst": "rst",
}


MAX_FILE_BYTES = 50 * 1024 * 1024
"""Larger inputs are refused, so that a huge file cannot exhaust memory."""


class SourceError(Exception):
    """An input that cannot be read; the message names the file."""


def printable(text: str) -> str:
    """`text` on one line: control, format and separator characters written as escapes (`\\x0a`).

    File names come from the notes (`\\input{...}`) or from the file system, and a newline in one
    would start a new line of output (a forged GitHub workflow command, say)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_file_bytes(path: str | os.PathLike[str], shown: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file `path`, refused (`SourceError`) when it is anything else.

    The kind is checked with `os.stat` before the file is opened, so a FIFO is never opened (it
    would block) and a device never read (`/dev/zero` never ends); the file is then opened without
    blocking and checked again, and at most `limit` + 1 bytes are read whatever its size claims."""
    name = printable(shown)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"{name}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{name}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: not a regular file ({_special_kind(info.st_mode)}), not read")
    too_large = f"{name}: larger than {limit // (1024 * 1024) or limit} {'MB' if limit >= 1024 * 1024 else 'bytes'}, not read"
    if info.st_size > limit:
        raise SourceError(too_large)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise SourceError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(descriptor, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise SourceError(f"{name}: not a regular file ({_special_kind(opened.st_mode)}), not read")
        try:
            data = handle.read(min(limit, opened.st_size) + 1)  # FileIO.read(n) allocates n bytes: not 50 MB per note
            if len(data) > opened.st_size:  # it grew since fstat: read on, within the bound
                data += handle.read(limit + 1 - len(data))
        except OSError as exc:
            raise SourceError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise SourceError(too_large)
    return data


def decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 first; text in cp1252 (a superset of printable Latin-1) is accepted with a notice."""
    if b"\x00" in data:
        raise SourceError(f"{path}: binary file (it contains NUL bytes), not read")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError(
            f"{path}: not UTF-8 text ({utf8_error.reason} at byte {utf8_error.start}) "
            "and not cp1252 either, not read"
        ) from None
    if any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text):
        raise SourceError(f"{path}: not a text file (control bytes), not read")
    notice = f"{path}: not UTF-8 (byte {utf8_error.start}); read as cp1252/Latin-1"
    return text, (notice,)


def _plain_text(path: str, text: str, kind: str, notices: tuple[str, ...]) -> Source:
    return Source(path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"), kind=kind, notices=notices)


Loader = Callable[[str, str, str, tuple[str, ...]], Source]
LOADERS: dict[str, Loader] = {
    "markdown": _plain_text,
    "rst": _plain_text,
}
"""kind -> function(path, decoded text, kind, notices) -> Source.  Readers whose text is not the
file verbatim (notebooks) register themselves here."""


def kind_of(path: str | os.PathLike[str]) -> str | None:
    # os.path, not pathlib: pathlib interns every component, so a corpus's names would stay in memory
    return KIND_BY_SUFFIX.get(os.path.splitext(os.fspath(path))[1].lower())


RootedLoader = Callable[[str, str, str, tuple[str, ...], str], Source]
ROOTED_LOADERS: dict[str, RootedLoader] = {}
"""kind -> function(path, text, kind, notices, root) for readers that open other files (LaTeX's
`\\input`): they are told the checked root, which those files must lie inside."""


def read_source(path: str | os.PathLike[str], display_path: str | None = None, root: str | None = None) -> Source:
    """The `Source` of one file.  `root` is the directory its `\\input`s must lie inside (default:
    the file's own directory; the command line passes `checked_root` of the path it was given)."""
    shown = display_path or str(path)
    return source_from_bytes(read_file_bytes(path, shown), path, shown, root)


def source_from_bytes(data: bytes, path: str | os.PathLike[str], display_path: str | None = None, root: str | None = None) -> Source:
    """The `Source` of the file `path` whose bytes (already read) are `data`."""
    shown = display_path or str(path)
    kind = kind_of(path) or "markdown"
    text, notices = decode(data, shown)
    loader = LOADERS.get(kind)
    if loader is None:
        _register_optional_loaders()
        loader = LOADERS.get(kind, _plain_text)
    rooted = ROOTED_LOADERS.get(kind)
    if rooted is not None:
        return rooted(shown, text, kind, notices, root if root is not None else _own_directory(path))
    return loader(shown, text, kind, notices)


def file_state(path: str | os.PathLike[str], root: str) -> str:
    """What a reader confined to `root` saw of `path`: "missing", "outside" (its real path is not
    inside `root`: never read), "special" (not a regular file: never opened), or the SHA-256 of
    its bytes, so that a cache can tell whether reading it again would give the same."""
    import hashlib

    if not os.path.exists(path):
        return "missing"
    if not inside_root(path, root):
        return "outside"
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return "special"
        return hashlib.sha256(read_file_bytes(path, str(path))).hexdigest()
    except (OSError, ValueError, SourceError):
        return "unreadable"


def _own_directory(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.path.dirname(os.path.abspath(path)))


def checked_root(argument: str | os.PathLike[str]) -> str:
    """The directory that a note given on the command line as `argument` (or found under it) may
    `\\input` files from.  Every file read for it must have its real path inside this one.

    It is the directory given (for a file, the directory that holds it, as written, not the target
    of a link), widened to the git work tree around it when a `.git` is found between that
    directory and the current one, so that a chapter may read the repository's shared preamble.
    The walk never goes above the current directory, and only starts inside it: a repository in
    which mathdoc was not started (a home directory kept in git, say) never widens the root.  (A
    pull request cannot plant a `.git` of its own: git refuses to store one.)"""
    real = os.path.realpath(argument)
    base = real if os.path.isdir(real) else _own_directory(argument)
    here = os.path.realpath(os.getcwd())
    if not _inside(base, here):
        return base
    folder = base
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        if folder == here:
            return base
        folder = os.path.dirname(folder)


def _inside(path: str, root: str) -> bool:
    """Whether the real path `path` is `root` or lies under it (both real, absolute paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def inside_root(path: str | os.PathLike[str], root: str) -> bool:
    """Whether `path`, all links followed, lies inside `root`."""
    return _inside(os.path.realpath(path), os.path.realpath(root))


def _register_optional_loaders() -> None:
    try:
        from .fragments import notebook  # noqa: F401  (registers its loader)
    except ImportError:
        pass
    try:
        from .fragments import latex  # noqa: F401  (registers its loader: macros, \input notices)
    except ImportError:
        pass


def source_from_text(text: str, path: str = "<text>", kind: str = "markdown") -> Source:
    loader = LOADERS.get(kind)
    if loader is None:
        _register_optional_loaders()
        loader = LOADERS.get(kind, _plain_text)
    text, notices = surrogates.repair(text, path)  # a caller's str may hold lone surrogates; files cannot
    return loader(path, text, kind, notices)


def collect_paths(
    paths: Iterable[str], include_suffixes: Iterable[str] = tuple(KIND_BY_SUFFIX)
) -> tuple[list[str], list[str]]:
    """Expand directories (recursively, sorted) into the files mathdoc reads.

    Returns (files, errors).  A named file is always checked, whatever its suffix; a directory
    contributes only files with a known suffix.
    """
    found, errors, skipped = find_notes(paths, include_suffixes)
    return [note.path for note in found], errors + skipped


@dataclass(frozen=True, slots=True)
class Note:
    """A file to check, and the root its `\\input`s must lie inside."""

    path: str
    root: str


def find_notes(
    paths: Iterable[str], include_suffixes: Iterable[str] = tuple(KIND_BY_SUFFIX)
) -> tuple[list[Note], list[str], list[str]]:
    """Expand directories (recursively, sorted) into the files mathdoc reads, each file once.

    Returns (notes, errors, skipped): errors are missing paths and empty directories; skipped
    names the links found in a directory that point outside its root (a notice, not an error).
    A named file is always checked, whatever its suffix (and is refused when read if it is not a
    regular file), unless it is a link to outside its root (an error); a directory contributes only regular files with a known suffix, not hidden
    ones, and links to directories are not followed, so a link loop is harmless.  A file reached
    twice (a link to a note, or a path given twice) is checked once, under its first name.
    """
    suffixes = {s.lower() for s in include_suffixes}
    notes: list[Note] = []
    errors: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        root = checked_root(raw)
        if os.path.isdir(raw):
            found, outside = _walk(raw, suffixes, root)
            skipped.extend(outside)
            if not found and not outside:
                errors.append(f"{printable(raw)}: no notes found in this directory")
        elif os.path.islink(raw) and not inside_root(raw, root):
            errors.append(f"{printable(raw)}: a link to outside {printable(root)}, not read")
            continue
        elif os.path.lexists(raw):
            found = [str(Path(raw))]
        else:
            errors.append(f"{printable(raw)}: no such file or directory")
            continue
        for name in found:
            real = os.path.realpath(name)
            if real not in seen:
                seen.add(real)
                notes.append(Note(name, root))
    return notes, errors, skipped


def _walk(directory: str, suffixes: set[str], root: str) -> tuple[list[str], list[str]]:
    """The notes under `directory`, sorted, and notices for the links to outside `root`."""
    found: list[str] = []
    outside: list[str] = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            full = os.path.join(folder, name)
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in suffixes or not _is_regular(full):
                continue
            if os.path.islink(full) and not inside_root(full, root):
                outside.append(f"{printable(str(Path(full)))}: a link to outside {printable(root)}, not read")
                continue
            found.append(str(Path(full)))
    return sorted(found), sorted(outside)


def _is_regular(path: str) -> bool:
    """A regular file, links followed (a FIFO or device in a tree is never read)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
