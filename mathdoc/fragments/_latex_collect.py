"""Collecting a LaTeX document's macro table: its own definitions and those of the files it inputs.

Definitions from an `\\input` (or `\\include`, or a local package) take effect at the command
that reads the file, which is where LaTeX would read them.  Inputs are looked for next to the
document, as LaTeX does when run in the document's directory; a missing one is a notice, since
claims written with its macros cannot be read as the author meant them.

An input is read only when its real path (every link followed) lies inside the checked root, and
only when it is a regular file of bounded size: a note from a pull request must not make mathdoc
read `/etc/passwd` or a link to it and print its text as macro bodies.  A refused input is a
notice, on one line, naming it.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from pathlib import Path

from ._latex_macros import DEFINING, Definition, Macro, MacroTable, read_definition
from ._tex_text import control_sequence, group_end, line_end, optional_argument, skip_spaces

INPUTTING = frozenset({"input", "include", "subfile"})
PACKAGE_LOADING = frozenset({"usepackage", "RequirePackage"})
VERBATIM_ENVIRONMENTS = frozenset(
    {"verbatim", "verbatim*", "Verbatim", "BVerbatim", "lstlisting", "minted", "comment",
     "filecontents", "filecontents*"}
)
MAX_INPUT_DEPTH = 10

_INTERESTING = re.compile(r"[\\%]")


def collect_macros(path: str, text: str, root: str | None = None) -> tuple[MacroTable, tuple[str, ...]]:
    """The document's macro table, and notices about inputs that could not be read.

    Inputs are looked for next to `path`, and read only inside `root` (default: `path`'s directory)."""
    table, notices, _ = collect(path, text, root)
    return table, notices


def collect(path: str, text: str, root: str | None = None) -> tuple[MacroTable, tuple[str, ...], tuple[tuple[str, str], ...]]:
    """`collect_macros`, and every file it looked for with its `sources.file_state` (sorted)."""
    base = Path(path).parent
    collector = _Collector(base, os.path.realpath(root if root is not None else base))
    collector.read(text, path, None, 0)
    entries = {name: tuple(found) for name, found in collector.found.items()}
    return MacroTable(entries), tuple(collector.notices), tuple(sorted(collector.looked_at.items()))


class _Collector:
    """Walks a file and the files it inputs, gathering definitions in document order."""

    def __init__(self, base: Path, root: str) -> None:
        self.base = base
        """Where input names are looked up."""
        self.root = root
        """The real path that every file read must lie inside."""
        self.found: dict[str, list[tuple[int, Macro]]] = {}
        self.notices: list[str] = []
        self.visited: set[Path] = set()
        self.looked_at: dict[str, str] = {}
        """Each candidate path looked for -> its `file_state` (for the whole-file cache)."""

    def read(self, text: str, shown: str, position: int | None, depth: int) -> None:
        """`position` is None for the document itself, else the offset of its `\\input`."""
        lines = _Lines(text)
        i = 0
        while (match := _INTERESTING.search(text, i)) is not None:
            i = match.start()
            if text[i] == "%":
                i = line_end(text, i)
                continue
            name, after = control_sequence(text, i)
            at = i if position is None else position
            i = after
            if name in DEFINING:
                definition = read_definition(text, after, name)
                if definition is not None:
                    self._define(definition, at)
                    i = definition.end
            elif name == "begin":
                i = _skip_verbatim(text, after)
            elif name in INPUTTING or name in PACKAGE_LOADING:
                i = self._input(text, after, name, f"{shown}:{lines.number(i)}", at, depth)

    def _define(self, definition: Definition, at: int) -> None:
        macro = definition.macro
        if macro is None:
            return
        if definition.only_if_new and macro.name in self.found:
            return
        self.found.setdefault(macro.name, []).append((at, macro))

    def _input(self, text: str, i: int, command: str, where: str, at: int, depth: int) -> int:
        from ..sources import printable

        names, end = _input_names(text, i, command)
        for name in names:
            if command in PACKAGE_LOADING:
                candidates = [name + ".sty"]
            else:
                candidates = [name] if name.endswith(".tex") else [name + ".tex", name]
            path, refusal = self._locate(candidates)
            shown = f"{printable(where)}: \\{command}{{{printable(name)}}}"
            if refusal is not None:
                self.notices.append(f"{shown} not read: {refusal}; the macros it defines are not expanded")
            elif path is None:
                if command not in PACKAGE_LOADING:  # standard packages are not files here
                    self.notices.append(
                        f"{shown} not found (looked for {printable(str(self.base / candidates[0]))}); "
                        "the macros it defines are not expanded"
                    )
            else:
                self._read_file(path, at, depth)
        return end

    def _locate(self, candidates: list[str]) -> tuple[Path | None, str | None]:
        """The first candidate that exists and may be read, else why an existing one may not."""
        from ..sources import printable

        refusal = None
        for candidate in candidates:
            path = self.base / candidate
            self._note(path)
            if not _exists(path):
                continue
            real = os.path.realpath(path)
            if not (real == self.root or real.startswith(self.root.rstrip(os.sep) + os.sep)):
                refusal = refusal or f"{printable(real)} is outside the checked directory {printable(self.root)}"
            elif not _is_file(Path(real)):
                refusal = refusal or f"{printable(real)} is not a regular file"
            else:
                return Path(real), None
        return None, refusal

    def _note(self, path: Path) -> None:
        from ..sources import file_state

        key = str(path)
        if key not in self.looked_at:
            self.looked_at[key] = file_state(path, self.root)

    def _read_file(self, path: Path, at: int, depth: int) -> None:
        """Read an input already located (a real path inside the root); each file once."""
        from ..sources import SourceError, decode, read_file_bytes  # here: sources imports this package lazily

        if path in self.visited or depth >= MAX_INPUT_DEPTH:
            return
        self.visited.add(path)
        try:
            text, notices = decode(read_file_bytes(path, str(path)), str(path))
        except SourceError as exc:
            self.notices.append(f"{exc} (an input, read for its macros)")
            return
        self.notices.extend(notices)
        self.read(text.replace("\r\n", "\n"), str(path), at, depth + 1)


class _Lines:
    """Line numbers of offsets, found by bisection (a file may hold thousands of `\\input`s)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None

    def number(self, offset: int) -> int:
        if self.starts is None:
            self.starts = [i for i, ch in enumerate(self.text) if ch == "\n"]
        return bisect.bisect_left(self.starts, offset) + 1


def _exists(path: Path) -> bool:
    """Whether something is at `path` (links followed); a name the system refuses is nothing."""
    try:
        return os.path.exists(path)
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    """A regular file (not a FIFO or device); a name the system refuses (too long, NUL) is not one."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _input_names(text: str, i: int, command: str) -> tuple[list[str], int]:
    """File names of `\\input{a}`, `\\input a`, `\\usepackage[opts]{a,b}`, and the end."""
    if command in PACKAGE_LOADING:
        options = optional_argument(text, i)
        i = options[2] if options is not None else i
    j = skip_spaces(text, i)
    if j < len(text) and text[j] == "{":
        end = group_end(text, j)
        if end is None:
            return [], j + 1
        inner = text[j + 1 : end - 1]
        names = inner.split(",") if command in PACKAGE_LOADING else [inner]
        return [n.strip() for n in names if n.strip()], end
    if command != "input":
        return [], j
    end = j
    while end < len(text) and text[end] not in " \t\n%{}\\":
        end += 1
    return ([text[j:end]] if end > j else []), end


def _skip_verbatim(text: str, i: int) -> int:
    """After `\\begin`: past the whole environment when it is verbatim material, else past its name."""
    j = skip_spaces(text, i)
    if j >= len(text) or text[j] != "{":
        return i
    end = group_end(text, j)
    if end is None:
        return i
    name = text[j + 1 : end - 1].strip()
    if name not in VERBATIM_ENVIRONMENTS:
        return end
    closing = text.find(f"\\end{{{name}}}", end)
    return len(text) if closing < 0 else closing
