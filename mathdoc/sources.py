"""Read input files into `Source` records: choose the reader by extension, decode, refuse binaries.

Input files are only ever opened for reading.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from .model import Source

KIND_BY_SUFFIX: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".tex": "latex",
    ".ipynb": "notebook",
    ".rst": "rst",
}


class SourceError(Exception):
    """An input that cannot be read; the message names the file."""


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
    return KIND_BY_SUFFIX.get(Path(path).suffix.lower())


def read_source(path: str | os.PathLike[str], display_path: str | None = None) -> Source:
    shown = display_path or str(path)
    kind = kind_of(path) or "markdown"
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{shown}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    text, notices = decode(data, shown)
    loader = LOADERS.get(kind)
    if loader is None:
        _register_optional_loaders()
        loader = LOADERS.get(kind, _plain_text)
    return loader(shown, text, kind, notices)


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
    return loader(path, text, kind, ())


def collect_paths(
    paths: Iterable[str], include_suffixes: Iterable[str] = tuple(KIND_BY_SUFFIX)
) -> tuple[list[str], list[str]]:
    """Expand directories (recursively, sorted) into the files mathdoc reads.

    Returns (files, errors).  A named file is always checked, whatever its suffix; a directory
    contributes only files with a known suffix.
    """
    suffixes = {s.lower() for s in include_suffixes}
    files: list[str] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in suffixes
                and not any(part.startswith(".") and part not in (".", "..") for part in p.relative_to(path).parts)
            )
            if not found:
                errors.append(f"{raw}: no notes found in this directory")
            files.extend(found)
        elif path.exists():
            files.append(str(path))
        else:
            errors.append(f"{raw}: no such file or directory")
    return files, errors
