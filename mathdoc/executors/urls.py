"""Notes named by fsspec URLs (`memory://`, `file://`, and `s3://`/`gs://` where that file system is
installed): listed where mathdoc runs, read wherever the file is checked (a dask worker).

A `file://` URL is a local path and goes through the local reader, so it keeps every protection of
`mathdoc.sources` (regular files only, links not followed out of the root, bounded size).  Other
URLs are read through fsspec with the same size bound and the same decoding; LaTeX `\\input`s are
not followed in them (there is no local root to keep them inside).
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterable

from ..model import Source
from ..sources import KIND_BY_SUFFIX, LOADERS, MAX_FILE_BYTES, Note, SourceError, decode, printable, read_source, _plain_text, _register_optional_loaders

URL_ROOT = ""
"""The `root` of a `Note` whose path is a URL (it has no local root)."""

INSTALL_HINT = "pip install 'mathdoc[dask]'"


def is_url(path: str) -> bool:
    """Whether `path` is an fsspec URL such as `memory://notes/a.md` (not a Windows drive, `C:/`)."""
    scheme, sep, _ = path.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").isalnum()


def local_path(url: str) -> str | None:
    """The local path of a `file://` URL, None for any other URL."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("file", "local"):
        return None
    return rest or "/"


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise SourceError(f"{printable(url)}: URLs need fsspec ({INSTALL_HINT})") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package is missing
        raise SourceError(f"{printable(url)}: cannot open this URL ({one_line(exc)})") from None


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def list_url(url: str) -> tuple[list[str], list[str]]:
    """The note URLs under `url` (a file, or a directory walked recursively, sorted; hidden names
    and unknown suffixes skipped), and errors.  Only names travel: nothing is read here."""
    try:
        fs, base = _filesystem(url)
        if not fs.exists(base):
            return [], [f"{printable(url)}: no such file or directory"]
        if not fs.isdir(base):
            return [url], []
        found = fs.find(base)
    except SourceError as exc:
        return [], [str(exc)]
    except Exception as exc:  # a network or permission error of a remote file system
        return [], [f"{printable(url)}: cannot be listed ({one_line(exc)})"]
    prefix = url.rstrip("/")
    base = base.rstrip("/")
    notes = []
    for name in sorted(found):
        relative = posixpath.relpath(name, base) if base else name.lstrip("/")
        parts = relative.split("/")
        if any(part.startswith(".") for part in parts) or posixpath.splitext(relative)[1].lower() not in KIND_BY_SUFFIX:
            continue
        notes.append(f"{prefix}/{relative}")
    if not notes:
        return [], [f"{printable(url)}: no notes found in this directory"]
    return notes, []


def read_url(url: str, limit: int = MAX_FILE_BYTES) -> Source:
    """The `Source` of the file at `url`, decoded and loaded as `read_source` does a local file."""
    shown = printable(url)
    fs, path = _filesystem(url)
    try:
        if fs.isdir(path):
            raise SourceError(f"{shown}: is a directory")
        size = fs.size(path)
        if size is not None and size > limit:
            raise SourceError(f"{shown}: larger than {limit // (1024 * 1024)} MB, not read")
        with fs.open(path, "rb") as handle:
            data = handle.read((limit if size is None else min(limit, size)) + 1)
            if size is not None and len(data) > size:  # it grew since: read on, within the bound
                data += handle.read(limit + 1 - len(data))
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file") from None
    except Exception as exc:
        raise SourceError(f"{shown}: cannot be read ({one_line(exc)})") from None
    if len(data) > limit:
        raise SourceError(f"{shown}: larger than {limit // (1024 * 1024)} MB, not read")
    text, notices = decode(data, shown)
    kind = KIND_BY_SUFFIX.get(posixpath.splitext(path)[1].lower(), "markdown")
    loader = LOADERS.get(kind)
    if loader is None:
        _register_optional_loaders()
        loader = LOADERS.get(kind, _plain_text)
    return loader(url, text, kind, notices)


def read_note(note: Note, shown: str | None = None) -> Source:
    """The `Source` of a listed note: a local file (with its checked root), reported as `shown`
    (default: its path), or a URL."""
    if note.root == URL_ROOT and is_url(note.path):
        return read_url(note.path)
    return read_source(note.path, display_path=shown, root=note.root)


def url_notes(urls: Iterable[str]) -> list[Note]:
    return [Note(url, URL_ROOT) for url in urls]
