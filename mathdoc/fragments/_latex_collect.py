"""Collecting a LaTeX document's macro table: its own definitions and those of the files it inputs.

Definitions from an `\\input` (or `\\include`, or a local package) take effect at the command
that reads the file, which is where LaTeX would read them.  Inputs are looked for next to the
document, as LaTeX does when run in the document's directory; a missing one is a notice, since
claims written with its macros cannot be read as the author meant them.
"""

from __future__ import annotations

import re
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


def collect_macros(path: str, text: str) -> tuple[MacroTable, tuple[str, ...]]:
    """The document's macro table, and notices about inputs that could not be read."""
    collector = _Collector(Path(path).parent)
    collector.read(text, path, None, 0)
    entries = {name: tuple(found) for name, found in collector.found.items()}
    return MacroTable(entries), tuple(collector.notices)


class _Collector:
    """Walks a file and the files it inputs, gathering definitions in document order."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.found: dict[str, list[tuple[int, Macro]]] = {}
        self.notices: list[str] = []
        self.visited: set[Path] = set()

    def read(self, text: str, shown: str, position: int | None, depth: int) -> None:
        """`position` is None for the document itself, else the offset of its `\\input`."""
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
                i = self._input(text, after, name, shown, at, depth)

    def _define(self, definition: Definition, at: int) -> None:
        macro = definition.macro
        if macro is None:
            return
        if definition.only_if_new and macro.name in self.found:
            return
        self.found.setdefault(macro.name, []).append((at, macro))

    def _input(self, text: str, i: int, command: str, shown: str, at: int, depth: int) -> int:
        names, end = _input_names(text, i, command)
        for name in names:
            if command in PACKAGE_LOADING:
                candidates = [name + ".sty"]
            else:
                candidates = [name] if name.endswith(".tex") else [name + ".tex", name]
            path = next((self.root / c for c in candidates if _is_file(self.root / c)), None)
            if path is None:
                if command not in PACKAGE_LOADING:  # standard packages are not files here
                    line = text.count("\n", 0, i) + 1
                    self.notices.append(
                        f"{shown}:{line}: \\{command}{{{name}}} not found (looked for {self.root / candidates[0]}); "
                        "the macros it defines are not expanded"
                    )
                continue
            self._read_file(path, at, depth)
        return end

    def _read_file(self, path: Path, at: int, depth: int) -> None:
        from ..sources import SourceError, decode  # here: sources imports this package lazily

        resolved = path.resolve()
        if resolved in self.visited or depth >= MAX_INPUT_DEPTH:
            return
        self.visited.add(resolved)
        try:
            text, notices = decode(path.read_bytes(), str(path))
        except (OSError, SourceError) as exc:
            self.notices.append(f"{path}: cannot be read for its macros ({exc})")
            return
        self.notices.extend(notices)
        self.read(text.replace("\r\n", "\n"), str(path), at, depth + 1)


def _is_file(path: Path) -> bool:
    """`Path.is_file`, but a name the system refuses (too long, NUL) is simply not a file."""
    try:
        return path.is_file()
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
