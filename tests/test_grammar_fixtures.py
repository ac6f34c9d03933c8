"""Grammar fixtures: LaTeX in, the tree as an S-expression, the SymPy value out (issue 14, item 3).

Each `tests/grammar/*.txt` file holds the cases of one construct.  A case is a block of
`key: value` lines; blocks are separated by blank lines, `#` starts a comment line, and a line
that starts with spaces continues the previous key (one entry per line).

    row: \\sin 2x             the convention this case covers (a backticked example of a row of
                             a conventions table in the module named by the file's `module:`)
    latex: \\sin 2x           one member, read by `mathdoc.grammar.parse`
    tree: (apply* sin (* 2 x))   the exact `sexpr` of the tree
    value: sin(2*x)          a SymPy expression (or `Matrix([...])`), equal up to `simplify`
    unchecked: unparsed      instead of value: evaluation raises `Unchecked` with this code
    shape-mismatch: yes      instead of value: evaluation raises `ShapeMismatch`
    defs:                    definitions, one `head = body` per continuation line
      f(x,y) = 3x^2y
    matrix_context: yes      Evaluator(matrix_context=True); `layout:` and `n:` likewise
    readings:                the alternative readings (`semantics.readings`), in order,
      (* (apply* sin x) y) => y*sin(x)     each `tree` or `tree => value`; `none` for no readings
    statements:              instead of tree: `grammar.statements.statements(latex)`, one chain
      (= a b)                per line, `(= m1 m2 …)`, or `(:= …)` for a definition
    xfail: <reason>          the case states what the conventions say, and the grammar disagrees
                             (strict: a fix makes the case pass and the marker must go)
    why: <words>             a note for the reader; not checked

A file's first block may be `module: mathdoc.grammar.rules.functions` (several allowed, one per
line); `test_every_convention_has_a_fixture` then checks that every row of those modules'
conventions tables is named by some case's `row:`, and that no `row:` names a row that is not there.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sympy
from sympy.parsing.sympy_parser import parse_expr

from mathdoc.grammar import parse, sexpr
from mathdoc.grammar.statements import statements
from mathdoc.semantics import Definitions, Evaluator
from mathdoc.semantics.errors import ShapeMismatch, Unchecked
from mathdoc.semantics.readings import readings

FIXTURES = Path(__file__).parent / "grammar"
_KEY = re.compile(r"^(?P<key>[a-z_-]+):(?: (?P<value>.*))?$")
_KEYS = frozenset(
    "module row latex tree value unchecked shape-mismatch defs matrix_context layout n readings statements xfail why".split()
)
_LISTS = frozenset(("module", "row", "defs", "readings", "statements"))


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)

    def get(self, key: str) -> str | None:
        values = self.fields.get(key)
        return values[0] if values else None

    def all(self, key: str) -> list[str]:
        return self.fields.get(key, [])

    @property
    def label(self) -> str:
        return f"{self.file}:{self.line}:{self.get('latex') or self.get('module')}"


def _add_value(fields: dict[str, list[str]], key: str, value: str, where: str) -> None:
    if key not in _KEYS:
        raise ValueError(f"{where}: unknown key {key!r}")
    if key in fields and key not in _LISTS:
        raise ValueError(f"{where}: key {key!r} twice in one case")
    fields.setdefault(key, [])
    if value:
        fields[key].append(value)


def read_cases(path: Path) -> list[Case]:
    """The blocks of one fixture file, in order."""
    cases: list[Case] = []
    fields: dict[str, list[str]] = {}
    start, last_key = 0, ""
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines + [""], start=1):
        where = f"{path.name}:{number}"
        if line.startswith("#"):
            continue
        if not line.strip():
            if fields:
                cases.append(Case(path.name, start, fields))
            fields, last_key = {}, ""
            continue
        if line.startswith(" "):
            if last_key not in _LISTS:
                raise ValueError(f"{where}: a continuation line after {last_key!r}, which takes one value")
            fields[last_key].append(line.strip())
            continue
        match = _KEY.match(line)
        if match is None:
            raise ValueError(f"{where}: not a `key: value` line: {line!r}")
        if not fields:
            start = number
        last_key = match.group("key")
        _add_value(fields, last_key, (match.group("value") or "").strip(), where)
    return cases


def _all_cases() -> list[Case]:
    found: list[Case] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        found.extend(read_cases(path))
    return found


CASES = _all_cases()
MEMBER_CASES = [c for c in CASES if c.get("latex") is not None]


def _param(case: Case) -> object:
    reason = case.get("xfail")
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(case, id=case.label, marks=marks)


# -- values --------------------------------------------------------------------------------------
def _expected(text: str, actual: object) -> object:
    """`text` as SymPy, with the names of `actual`'s symbols and functions as plain symbols."""
    names: dict[str, object] = {}
    if isinstance(actual, (sympy.Basic, sympy.MatrixBase)):
        for symbol in actual.free_symbols:
            names[str(symbol)] = symbol
        for function in actual.atoms(sympy.Function):
            if isinstance(function, sympy.core.function.AppliedUndef):
                names[str(function.func)] = function.func
    names.update({"Matrix": sympy.Matrix, "Symbol": sympy.Symbol, "Function": sympy.Function, "E": sympy.E, "pi": sympy.pi, "oo": sympy.oo})
    return parse_expr(text, local_dict=names)


def _equal(actual: object, expected: object) -> bool:
    if isinstance(actual, sympy.MatrixBase) or isinstance(expected, sympy.MatrixBase):
        if not (isinstance(actual, sympy.MatrixBase) and isinstance(expected, sympy.MatrixBase)):
            return False
        if actual.shape != expected.shape:
            return False
        return all(sympy.simplify(a - b) == 0 for a, b in zip(actual, expected))
    if actual == expected:
        return True  # `oo`: a difference of infinities is nan
    if isinstance(actual, sympy.Basic) and isinstance(expected, sympy.Basic):
        named = actual.xreplace({d: sympy.Symbol(d.name) for d in actual.atoms(sympy.Dummy)})
        if named == expected or actual.as_dummy() == expected.as_dummy():
            return True  # an unevaluated integral or limit: the same up to its variable's assumptions
    return bool(sympy.simplify(sympy.sympify(actual) - sympy.sympify(expected)) == 0)


def _definitions(case: Case) -> Definitions:
    pairs = []
    for line in case.all("defs"):
        head, _, body = line.partition("=")
        pairs.append((head.strip(), body.strip()))
    return Definitions.from_pairs(tuple(pairs))


def _evaluator(case: Case) -> Evaluator:
    return Evaluator(
        _definitions(case),
        layout=case.get("layout") or "numerator",
        n=int(case.get("n") or 3),
        matrix_context=case.get("matrix_context") == "yes",
    )


def _check_value(case: Case, node: object) -> None:
    expected_code, value_text = case.get("unchecked"), case.get("value")
    evaluator = _evaluator(case)
    if expected_code is not None:
        with pytest.raises(Unchecked) as raised:
            evaluator.value(node)  # type: ignore[arg-type]
        assert raised.value.code == expected_code, raised.value.message
    elif case.get("shape-mismatch") == "yes":
        with pytest.raises(ShapeMismatch):
            evaluator.value(node)  # type: ignore[arg-type]
    elif value_text is not None:
        actual = evaluator.value(node)  # type: ignore[arg-type]
        expected = _expected(value_text, actual)
        assert _equal(actual, expected), f"value {actual} != {expected}"


def _check_readings(case: Case, node: object) -> None:
    if "readings" not in case.fields:
        return
    wanted = [line for line in case.all("readings") if line != "none"]
    found = readings(node)  # type: ignore[arg-type]
    assert [sexpr(tree) for _, tree in found] == [w.split(" => ")[0].strip() for w in wanted]
    for (_, tree), line in zip(found, wanted):
        if " => " in line:
            actual = _evaluator(case).value(tree)
            expected = _expected(line.split(" => ", 1)[1], actual)
            assert _equal(actual, expected), f"reading {sexpr(tree)}: {actual} != {expected}"


def _chain_text(members: list[str], defining: bool) -> str:
    return f"({':=' if defining else '='} {' '.join(members)})"


@pytest.mark.parametrize("case", [_param(c) for c in MEMBER_CASES])
def test_fixture(case: Case) -> None:
    latex = case.get("latex")
    assert latex is not None
    if "statements" in case.fields:
        chains = statements(latex)
        found = [_chain_text([sexpr(m.node) for m in chain.members], chain.defining) for chain in chains]
        assert found == [line for line in case.all("statements") if line != "none"]
        return
    node = parse(latex)
    tree = case.get("tree")
    assert tree is not None, f"{case.label}: a case needs `tree:` or `statements:`"
    assert sexpr(node) == tree
    _check_value(case, node)
    _check_readings(case, node)


# -- coverage of the conventions tables -----------------------------------------------------------
def _cells(line: str) -> list[str]:
    """The cells of a markdown table row; a `|` inside backticks is part of its cell."""
    cells, current, quoted = [], "", False
    for char in line.strip()[1:-1]:
        if char == "`":
            quoted = not quoted
        if char == "|" and not quoted:
            cells.append(current.strip())
            current = ""
        else:
            current += char
    cells.append(current.strip())
    return cells


def table_rows(module_name: str) -> list[tuple[str, frozenset[str]]]:
    """(first cell, the names a fixture may use for it) of each row of the module's table."""
    doc = importlib.import_module(module_name).__doc__ or ""
    rows = []
    lines = [line for line in doc.splitlines() if line.strip().startswith("|")]
    for line in lines[2:]:  # the header and the `|---|` line
        first = _cells(line)[0]
        examples = re.findall(r"`([^`]+)`", first)
        rows.append((first, frozenset(examples) | {first}))
    return rows


def _files() -> dict[str, tuple[list[str], list[str]]]:
    """file -> (the modules it declares, the `row:` names of its cases)."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for case in CASES:
        modules, rows = found.setdefault(case.file, ([], []))
        modules.extend(case.all("module"))
        rows.extend(case.all("row"))
    return found


COVERED_MODULES = (
    "mathdoc.grammar.parser",
    "mathdoc.grammar.rules.delimiters",
    "mathdoc.grammar.rules.environments",
    "mathdoc.grammar.rules.fractions",
    "mathdoc.grammar.rules.functions",
    "mathdoc.grammar.rules.integrals",
    "mathdoc.grammar.rules.operators",
    "mathdoc.grammar.rules.scripts",
    "mathdoc.grammar.statements",
    "mathdoc.semantics.readings",
)


def test_fixture_files_exist() -> None:
    assert len(list(FIXTURES.glob("*.txt"))) >= 9
    assert len(MEMBER_CASES) > 100


@pytest.mark.parametrize("module", COVERED_MODULES)
def test_every_convention_has_a_fixture(module: str) -> None:
    named = {row for modules, rows in _files().values() if module in modules for row in rows}
    assert named, f"no fixture file declares `module: {module}`"
    rows = table_rows(module)
    assert rows, f"{module} has no conventions table"
    missing = [first for first, names in rows if not names & named]
    assert not missing, f"rows of {module} without a fixture: {missing}"


@pytest.mark.parametrize("file", sorted(_files()))
def test_rows_named_by_a_file_exist(file: str) -> None:
    modules, rows = _files()[file]
    known: set[str] = set()
    for module in modules:
        for _, names in table_rows(module):
            known |= names
    stale = sorted(set(rows) - known)
    assert not stale, f"`row:` names in {file} that are no row of {modules}: {stale}"
