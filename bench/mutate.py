"""Mutation test: does mathdoc still catch a mistake put into a claim it verified?

    python bench/mutate.py                       # every source of ../shared/corpus/
    python bench/mutate.py samples/              # given files or directories instead
    python bench/mutate.py --limit 200 --seed 1  # a random sample of 200 mutants
    python bench/mutate.py --from-json bench/results/corpus-before.json   # reuse a corpus.py run

mathdoc's JSON is read (from a fresh `check --format json --no-cache`, or a run saved by
`bench/corpus.py --save`); every `verified` step whose finding is on one line (line ==
end_line) gives its right-hand member: the finding's line, column and end_column locate it in
the source file. Mutants of that member, one per operator where the operator applies:

* `coefficient`: one number (not a subscript; an exponent only when there is no other) + 1;
  with no number, the member times 2;
* `sign`: the first top-level `+` and `-` swapped, else the member negated `-(...)`;
* `plus-one`: ` + 1` appended;
* `drop-factor`: one top-level factor of a product of two or more removed;
* `transpose`: a bmatrix/pmatrix member transposed (a symmetric square one is "equivalent").

Each mutant is the whole original file with the member's text replaced at its exact position
(so the file's definitions, macros and layout still apply), written into a batch directory
with many others (a .tex file's sibling TeX files are copied beside it, for `\\input`);
mathdoc checks each batch once (`--jobs N --no-cache`), and the verdict of the finding that
starts at the member's position (failing that, inside the mutant's text) is the mutant's. A
mutant textually equal to the original, or equal to it as read by latex2sympy (difference
expanding to 0, or zero at five seeded points), is counted as `equivalent` and not checked. A mutant that comes out `verified` is probed once more: the member M is replaced by
`M = M'`, and when mathdoc verifies that second step in the file (its definitions in scope) the
mutant is `equivalent in context`, listed in a table of its own and left out of the count. A
mutant is killed when it comes out `wrong` or `layout`; `verified` mutants are
misses that matter most; `unchecked` ones (and `lost`: no finding at that position any more,
`error`: the batch's mathdoc run failed) are not killed either.

The report lists the totals, a table per operator, and every mutant that was not killed with
file:line, original and mutant. The last line is
`mutation: mutants=N killed=K (P%) verified=V unchecked=U` where U counts every mutant neither
killed nor verified (unchecked, lost, error).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (the sibling script: running mathdoc, reading its JSON)

KILLED = ("wrong", "layout")
BATCH_SIZE = 120
MATRIX_ENVS = ("bmatrix", "pmatrix")
TRAILING = " \t.,;"
INPUT_SUFFIXES = (".tex", ".sty", ".cls")


@dataclass(frozen=True, slots=True)
class Site:
    """A verified single-line step: where its right-hand member is in which file."""

    root: Path
    path: str
    line: int
    column: int
    end_column: int
    latex: str
    member: str


@dataclass(frozen=True, slots=True)
class Mutant:
    site: Site
    operator: str
    text: str
    verdict: str = ""
    code: str = ""
    message: str = ""


# ---------------------------------------------------------------- LaTeX tokens and structure

TOKEN = re.compile(r"\\\\(?:\s*\[[^\]]*\])?|\\[a-zA-Z]+\*?|\\.|\d+(?:\.\d+)?|\s+|.", re.S)
OPENERS = {"{", "(", "[", "\\left", "\\begin"}
CLOSERS = {"}", ")", "]", "\\right", "\\end"}
FUNCTIONS = {"\\sin", "\\cos", "\\tan", "\\cot", "\\sec", "\\csc", "\\exp", "\\log", "\\ln",
             "\\sinh", "\\cosh", "\\tanh", "\\arcsin", "\\arccos", "\\arctan", "\\sqrt",
             "\\frac", "\\dfrac", "\\tfrac", "\\operatorname", "\\mathbf", "\\boldsymbol",
             "\\mathrm", "\\bm", "\\vec", "\\hat", "\\bar", "\\tilde", "\\dot"}


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    depth: int
    """Nesting depth before this token (an opener is at the outer depth)."""


def tokens(text: str) -> list[Tok]:
    out: list[Tok] = []
    depth = 0
    skip_delim = False
    for m in TOKEN.finditer(text):
        t = m.group()
        if skip_delim and not t.isspace():
            skip_delim = False
            out.append(Tok(t, m.start(), depth))
            continue
        if t in CLOSERS:
            depth = max(depth - 1, 0)
        out.append(Tok(t, m.start(), depth))
        if t in OPENERS:
            depth += 1
        skip_delim = t in ("\\left", "\\right") or (skip_delim and t.isspace())
    return out


def top_level(text: str) -> list[Tok]:
    return [t for t in tokens(text) if t.depth == 0]


def previous_solid(toks: list[Tok], i: int) -> str:
    for t in reversed(toks[:i]):
        if not t.text.isspace():
            return t.text
    return ""


# ---------------------------------------------------------------- operators


def wrap(text: str) -> str:
    """`text` ready for a prefix (`-`, `2`): parenthesized unless it is one atom or a matrix."""
    toks = [t for t in tokens(text) if not t.text.isspace()]
    if not toks or toks[0].text == "\\begin" or atom_end(toks, 0) == len(toks):
        return text
    return f"({text})"


def number_context(toks: list[Tok], i: int) -> str:
    """`_` or `^` when the number at toks[i] is a subscript or exponent (`x_1`, `x^{2}`)."""
    solid = [k for k in range(i) if not toks[k].text.isspace()]
    if solid and toks[solid[-1]].text == "{":
        solid.pop()
    return toks[solid[-1]].text if solid else ""


def op_coefficient(text: str, rng: random.Random) -> str | None:
    toks = tokens(text)
    coeffs: list[Tok] = []
    exps: list[Tok] = []
    for i, t in enumerate(toks):
        if t.text[0].isdigit():
            context = number_context(toks, i)
            if context != "_":
                (exps if context == "^" else coeffs).append(t)
    pool = coeffs or exps
    if not pool:
        return "2 " + wrap(text)
    t = rng.choice(pool)
    value = str(int(t.text) + 1) if t.text.isdigit() else f"{float(t.text) + 1:g}"
    return text[: t.start] + value + text[t.start + len(t.text):]


def op_sign(text: str, rng: random.Random) -> str | None:
    for t in top_level(text):
        if t.text in ("+", "-"):
            flipped = "-" if t.text == "+" else "+"
            return text[: t.start] + flipped + text[t.start + 1:]
    return "-" + wrap(text).lstrip()


def op_plus_one(text: str, rng: random.Random) -> str | None:
    return text + " + 1"


MUL_SIGNS = ("\\cdot", "\\times", "*")
SPACES = ("\\,", "\\;", "\\!", "\\ ", "\\quad", "~")
SEPARATORS = ("+", "-", "/", ",", "&", "=", "|", "\\pm", "\\mp")
"""Top-level tokens that make a member something other than a plain product."""


def factors(text: str) -> list[tuple[int, int]] | None:
    """Spans of the top-level factors of a product, or None when it is not a plain product."""
    toks = [t for t in tokens(text) if not t.text.isspace()]
    if toks and toks[0].text in ("+", "-"):
        toks = toks[1:]  # a leading sign stays; the factors are what follows it
    if any(t.depth == 0 and (t.text in SEPARATORS or t.text.startswith("\\\\")) for t in toks):
        return None
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i].text in MUL_SIGNS or toks[i].text in SPACES:
            i += 1
            continue
        if toks[i].text in ("^", "_", "'"):
            return None  # a script with nothing before it: not a product this can split
        j = atom_end(toks, i)
        spans.append((toks[i].start, toks[j - 1].start + len(toks[j - 1].text)))
        i = j
    return spans if len(spans) >= 2 else None


def lead_start(toks: list[Tok]) -> int:
    for t in toks:
        if not t.text.isspace():
            return t.start
    return -1


WORDS = ("arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "diag", "sin", "cos", "tan",
         "exp", "log", "det", "sec", "csc", "cot", "ln", "tr")
"""Function names written without a backslash (`cos(x)`), read as one factor with their argument."""


def word_end(toks: list[Tok], i: int) -> int:
    """Index after a backslash-less function name and its argument starting at toks[i], or i."""
    for word in WORDS:
        k = i + len(word)
        if "".join(t.text for t in toks[i:k]) == word and k < len(toks):
            return atom_end(toks, skip_space(toks, k))
    return i


APPLIED = set("fghpquvwyFGHLJ")
"""Letters read as functions when a parenthesis follows at once (`f(x)`); others multiply."""


def atom_end(toks: list[Tok], i: int) -> int:
    """Index after the atom starting at toks[i]: a group, a command with its braced arguments
    (a function name takes the next atom too), then any ^, _ and primes, then an argument in
    parentheses right after a command or a function letter (`\\sigma(x)`, `f'(x)`)."""
    if toks[i].text.isalpha() and (j := word_end(toks, i)) > i:
        return j
    j = group_end(toks, i)
    head = toks[i].text
    if head in FUNCTIONS:
        while j < len(toks) and toks[j].text == "{":
            j = group_end(toks, j)
        k = skip_space(toks, j)
        if is_operator(toks, i, j) and k < len(toks):
            return len(toks)  # \frac{d}{dx} acts on the rest of the product: one factor
        if head in ("\\sin", "\\cos", "\\tan", "\\exp", "\\log", "\\ln") and k < len(toks):
            return atom_end(toks, k)
    j, powered = scripts_end(toks, j)
    applies = head.startswith("\\") and head not in OPENERS or head in APPLIED
    if applies and not powered and j < len(toks) and toks[j].text == "(":
        j, _ = scripts_end(toks, group_end(toks, j))
    return j


def scripts_end(toks: list[Tok], j: int) -> tuple[int, bool]:
    """Index after any ^, _ and primes from j; and whether there was a superscript."""
    powered = False
    while j < len(toks) and toks[j].text in ("^", "_", "'"):
        powered = powered or toks[j].text == "^"
        j = j + 1 if toks[j].text == "'" else group_end(toks, skip_space(toks, j + 1))
    return j, powered


def is_operator(toks: list[Tok], i: int, j: int) -> bool:
    """Whether toks[i:j] is `\\frac{d}{dx}`-like: a fraction whose numerator is d or ∂ alone."""
    if toks[i].text not in ("\\frac", "\\dfrac", "\\tfrac") or i + 1 >= j:
        return False
    numerator = "".join(t.text for t in toks[i + 2:group_end(toks, i + 1) - 1])
    return re.fullmatch(r"\s*(d|\\partial|\\mathrm\{d\}|\\operatorname\{d\})(\^\{?\d\}?)?\s*",
                        numerator) is not None


def skip_space(toks: list[Tok], j: int) -> int:
    while j < len(toks) and toks[j].text.isspace():
        j += 1
    return j


def group_end(toks: list[Tok], i: int) -> int:
    """Index after the token at i, or after its whole group when it opens one."""
    if i >= len(toks):
        return i
    if toks[i].text not in OPENERS:
        return i + 1
    depth = toks[i].depth
    for k in range(i + 1, len(toks)):
        if toks[k].depth == depth and toks[k].text in CLOSERS:
            end = k + 1
            if toks[k].text in ("\\right", "\\end"):
                end = min(group_end(toks, skip_space(toks, end)), len(toks))
            return end
    return len(toks)


def op_drop_factor(text: str, rng: random.Random) -> str | None:
    spans = factors(text)
    if not spans:
        return None
    start, end = rng.choice(spans)
    rest = text[:start] + " " + text[end:]
    return tidy(rest) or None


def tidy(text: str) -> str:
    """A product with a factor cut out: no multiplication sign or spacing left at either end or
    doubled in the middle; the rest of the text as it was."""
    toks = [t.text for t in tokens(text)]
    solid = [k for k, t in enumerate(toks) if not t.isspace()]
    if solid and toks[solid[0]] in ("+", "-"):
        solid.pop(0)
    junk = MUL_SIGNS + SPACES
    drop = set()
    for order in (solid, solid[::-1]):
        for k in order:
            if toks[k] not in junk:
                break
            drop.add(k)
    previous = ""
    for k in solid:
        if k not in drop and toks[k] in MUL_SIGNS and previous in MUL_SIGNS:
            drop.add(k)
        previous = toks[k] if k not in drop else previous
    return " ".join("".join(t for k, t in enumerate(toks) if k not in drop).split())


MATRIX = re.compile(r"^\s*\\begin\{(?P<env>[bp]matrix)\}(?P<body>.*)\\end\{(?P=env)\}\s*$", re.S)
ROW_SEP = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")


def op_transpose(text: str, rng: random.Random) -> str | None:
    m = MATRIX.match(text)
    if not m or "\\begin" in m.group("body"):
        return None
    rows = [r for r in ROW_SEP.split(m.group("body")) if r.strip()]
    cells = [[c.strip() for c in r.split("&")] for r in rows]
    width = len(cells[0]) if cells else 0
    if not cells or any(len(r) != width for r in cells):
        return None
    cols = [[cells[r][c] for r in range(len(cells))] for c in range(width)]
    if cols == cells:
        return text  # symmetric: the caller counts it as equivalent
    body = " \\\\ ".join(" & ".join(r) for r in cols)
    env = m.group("env")
    return f"\\begin{{{env}}} {body} \\end{{{env}}}"


OPERATORS: dict[str, Callable[[str, random.Random], str | None]] = {
    "coefficient": op_coefficient, "sign": op_sign, "plus-one": op_plus_one,
    "drop-factor": op_drop_factor, "transpose": op_transpose,
}


# ---------------------------------------------------------------- equivalence


EQUIVALENCE_CPU_S = 3.0
"""CPU seconds for deciding one mutant equivalent (an infinite series can keep evalf busy for
minutes); past it the mutant is checked, as any mutant not shown equivalent."""


def equivalent(original: str, mutant: str) -> bool:
    """True when the texts agree, or latex2sympy reads both and their difference expands to 0."""
    if " ".join(original.split()) == " ".join(mutant.split()):
        return True
    from mathdoc.timelimit import SoftTimeLimit, soft_limit

    try:
        with soft_limit(EQUIVALENCE_CPU_S):
            return _equivalent_values(original, mutant)
    except SoftTimeLimit:
        return False


def _equivalent_values(original: str, mutant: str) -> bool:
    try:
        import sympy
        from latex2sympy2_extended import latex2sympy
        a, b = latex2sympy(original), latex2sympy(mutant)
        if isinstance(a, sympy.MatrixBase) or isinstance(b, sympy.MatrixBase):
            return bool(a == b)
        diff = a - b
        if sympy.expand(diff) == 0:
            return True
        # d/dx [1] and d/dx [2] agree; but latex2sympy reads ∂f/∂u with f a constant symbol, so
        # derivatives are evaluated only when none of them is of a bare name.
        names = (sympy.Symbol, sympy.core.function.AppliedUndef)
        if any(isinstance(d.expr, names) for d in diff.atoms(sympy.Derivative)):
            return False
        diff = diff.doit()
        return bool(sympy.expand(diff) == 0) or numerically_zero(diff)
    except Exception:  # latex2sympy raises many kinds; an unreadable mutant is not equivalent
        return False


def numerically_zero(expr: Any) -> bool:
    """Zero at five seeded points in (1/2, 5/2) for every symbol (`2r(\\cos^2 + \\sin^2)` against
    `2r`): no simplify, which can take minutes; undefined functions are not sampled."""
    import sympy
    if expr.atoms(sympy.core.function.AppliedUndef, sympy.Derivative):
        return False
    rng = random.Random(0)
    symbols = sorted(expr.free_symbols, key=str)
    for _ in range(5):
        point = {s: sympy.Rational(rng.randint(50, 250), 100) for s in symbols}
        value = complex(expr.subs(point).evalf(30))
        if not abs(value) < 1e-12:
            return False
    return True


# ---------------------------------------------------------------- sites


def codec(path: str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """How member text is stored in the file: JSON-escaped in a notebook, verbatim elsewhere."""
    if path.endswith(".ipynb"):
        return (lambda s: json.loads(f'"{s}"'), lambda s: json.dumps(s, ensure_ascii=False)[1:-1])
    return (lambda s: s, lambda s: s)


def squash(text: str) -> str:
    return re.sub(r"\s|\\[,;!]", "", text)


def sites_of(root: Path, data: Mapping[str, Any], skipped: Counter[str]) -> list[Site]:
    out = []
    cache: dict[str, list[str] | None] = {}
    if "error" in data:
        skipped[f"mathdoc run failed: {data['error']}"] += 1
    for path, f in corpus.findings_of(data):
        if f.get("verdict") != "verified":
            continue
        line, end_line = corpus.as_int(f.get("line")), corpus.as_int(f.get("end_line"))
        col, end_col = corpus.as_int(f.get("column")), corpus.as_int(f.get("end_column"))
        if line != end_line or line < 1 or col < 1 or end_col <= col:
            skipped["multi-line or no position"] += 1
            continue
        if path not in cache:
            cache[path] = read_lines(root / path)
        lines = cache[path]
        if lines is None or line > len(lines):
            skipped["file unreadable"] += 1
            continue
        try:
            member = codec(path)[0](lines[line - 1][col - 1:end_col - 1])
        except ValueError:
            skipped["member not decodable"] += 1
            continue
        latex = str(f.get("latex") or "")
        if not member.strip() or not squash(latex).rstrip(".,;").endswith(
                squash(member).rstrip(".,;")):
            skipped["member does not match the finding's latex"] += 1
            continue
        out.append(Site(root, path, line, col, end_col, latex, member))
    return out


def read_text(path: Path) -> tuple[str, str] | None:
    """The file's text and encoding: UTF-8, else cp1252 as mathdoc reads it, else None."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def read_lines(path: Path) -> list[str] | None:
    read = read_text(path)
    return read[0].split("\n") if read else None


def mutants_of(site: Site, rng: random.Random, counts: Counter[str]) -> list[Mutant]:
    core = site.member.rstrip(TRAILING)
    tail = site.member[len(core):]
    out = []
    for name, op in OPERATORS.items():
        try:
            text = op(core, rng)
        except (IndexError, ValueError, RecursionError):
            text = None
        if text is None:
            continue
        if equivalent(core, text):
            counts[f"equivalent:{name}"] += 1
            continue
        out.append(Mutant(site, name, text + tail))
    return out


# ---------------------------------------------------------------- checking


def write_mutant(batch: Path, index: int, m: Mutant) -> str:
    """The mutant file in a folder of its own (for a .tex file, next to copies of the TeX files
    beside the original, so that `\\input{macros}` still finds them); its path from `batch`."""
    s = m.site
    original = s.root / s.path
    read = read_text(original)
    text, encoding = read if read else ("", "utf-8")
    lines = text.split("\n")
    row = lines[s.line - 1]
    lines[s.line - 1] = row[: s.column - 1] + codec(s.path)[1](m.text) + row[s.end_column - 1:]
    folder = batch / f"m{index:05d}"
    folder.mkdir()
    if original.suffix == ".tex":
        copy_inputs(original, folder)
    (folder / original.name).write_text("\n".join(lines), encoding=encoding)
    return f"{folder.name}/{original.name}"


def copy_inputs(original: Path, folder: Path) -> None:
    """Copies, not links: mathdoc reads an input only when its real path is inside the root."""
    for sibling in original.parent.iterdir():
        if sibling.suffix in INPUT_SUFFIXES and sibling.name != original.name and sibling.is_file():
            try:
                shutil.copyfile(sibling, folder / sibling.name)
            except OSError:
                pass


def check_batch(batch: list[Mutant], jobs: int, workdir: Path,
                locate: Callable[[Mutant, list[Mapping[str, Any]]], list[Mapping[str, Any]]] | None = None) -> list[Mutant]:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    names = [write_mutant(workdir, i, m) for i, m in enumerate(batch)]
    data = corpus.run_mathdoc(workdir, names, jobs)
    if "error" in data:
        return [replace(m, verdict="error", message=str(data["error"])) for m in batch]
    by_line: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
    for path, f in corpus.findings_of(data):
        by_line.setdefault((os.path.normpath(path), corpus.as_int(f.get("line"))), []).append(f)
    return [judge(m, (locate or at_member)(m, by_line.get((os.path.normpath(n), m.site.line), [])))
            for m, n in zip(batch, names)]


def probe_text(m: Mutant) -> str:
    """`M = M'` in place of the member M: the claim `A = M` becomes `A = M = M'`, whose second
    step asks mathdoc, with the file's own definitions in scope, whether M' says what M says."""
    core = m.site.member.rstrip(TRAILING)
    return f"{core} = {m.text}"


def at_probe(m: Mutant, on_line: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The finding of the probe's second step: it starts where M' starts."""
    core = m.site.member.rstrip(TRAILING)
    start = m.site.column + len(codec(m.site.path)[1](f"{core} = "))
    return [f for f in on_line if corpus.as_int(f.get("column")) == start]


def equal_in_context(verified: list[Mutant], jobs: int) -> list[Mutant]:
    """The verified mutants that mathdoc, in the file's context, reads as equal to the member
    they replace (`2f_{yy}` where the document has f_{yy} = 0; `[x^2 + 3]'` for `[x^2 + 2]'`):
    equivalent mutants that latex2sympy, reading the member alone, could not see.  Reported as
    such, with each one listed, not hidden."""
    if not verified:
        return []
    probes = [replace(m, text=probe_text(m)) for m in verified]
    with tempfile.TemporaryDirectory(prefix="mathdoc-probes-") as tmp:
        judged = check_batch(probes, jobs, Path(tmp) / "probes", at_probe)
    return [m for m, probe in zip(verified, judged) if probe.verdict == "verified"]


def at_member(m: Mutant, on_line: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The findings that start where the member starts; failing that, those that start inside
    the mutant's text (`= -\\frac..` may be located after its sign), nearest first."""
    start = m.site.column
    exact = [f for f in on_line if corpus.as_int(f.get("column")) == start]
    if exact:
        return exact
    end = start + len(codec(m.site.path)[1](m.text))
    inside = [f for f in on_line if start < corpus.as_int(f.get("column")) < end]
    nearest = min((corpus.as_int(f.get("column")) for f in inside), default=0)
    return [f for f in inside if corpus.as_int(f.get("column")) == nearest]


def judge(m: Mutant, found: list[Mapping[str, Any]]) -> Mutant:
    """The mutant's verdict: a killing finding at its position wins, then verified, unchecked."""
    if not found:
        return replace(m, verdict="lost", message="no finding at the member's position")
    rank = {"wrong": 0, "layout": 1, "verified": 2, "unchecked": 3}
    best = min(found, key=lambda f: rank.get(str(f.get("verdict")), 4))
    return replace(m, verdict=str(best.get("verdict") or "?"), code=str(best.get("code") or ""),
                   message=str(best.get("message") or ""))


def check_all(mutants: list[Mutant], jobs: int) -> list[Mutant]:
    done: list[Mutant] = []
    with tempfile.TemporaryDirectory(prefix="mathdoc-mutants-") as tmp:
        for k in range(0, len(mutants), BATCH_SIZE):
            batch = mutants[k:k + BATCH_SIZE]
            print(f"checking mutants {k + 1}-{k + len(batch)} of {len(mutants)} ...",
                  file=sys.stderr, flush=True)
            done += check_batch(batch, jobs, Path(tmp) / f"batch{k // BATCH_SIZE:03d}")
    return done


# ---------------------------------------------------------------- input and report


def original_runs(args: argparse.Namespace) -> list[tuple[Path, Mapping[str, Any]]]:
    """(root the paths are relative to, mathdoc JSON) for what is to be mutated."""
    if args.from_json:
        saved = corpus.load(args.from_json)
        root = Path(str(saved.get("corpus") or corpus.DEFAULT_CORPUS))
        return [(root, data) for data in corpus.sources_of(saved).values()]
    if args.paths:
        return [(Path.cwd(), corpus.run_mathdoc(Path.cwd(), args.paths, args.jobs))]
    saved = corpus.run_corpus(args.corpus, None, args.jobs)
    return [(args.corpus, data) for data in corpus.sources_of(saved).values()]


def report(results: list[Mutant], counts: Counter[str], n_sites: int) -> str:
    in_context = [m for m in results if m.verdict == "equivalent"]
    results = [m for m in results if m.verdict != "equivalent"]
    verdicts = Counter(m.verdict for m in results)
    verdicts["equivalent"] = len(in_context)
    killed = sum(verdicts[v] for v in KILLED)
    n = len(results)
    other = n - killed - verdicts["verified"]
    lines = [f"sites (verified single-line steps located): {n_sites}"]
    lines += [f"skipped sites, {why}: {c}" for why, c in sorted(counts.items())
              if not why.startswith("equivalent:")]
    equiv = {k.split(":", 1)[1]: c for k, c in counts.items() if k.startswith("equivalent:")}
    lines.append(f"equivalent mutants (not checked): {sum(equiv.values())}")
    lines.append(f"equivalent in context (checked, verified, and mathdoc verifies original = mutant in the file): {verdicts['equivalent']}")
    lines.append(f"mutants: {n}  " + "  ".join(f"{v}={verdicts[v]}" for v in
                 ("wrong", "layout", "verified", "unchecked", "lost", "error")))
    lines += ["", per_operator(results, equiv), "", not_killed(results), "", equal_table(in_context), ""]
    pct = 100.0 * killed / n if n else 0.0
    lines.append(f"mutation: mutants={n} killed={killed} ({pct:.1f}%) "
                 f"verified={verdicts['verified']} unchecked={other}")
    return "\n".join(lines) + "\n"


def equal_table(in_context: list[Mutant]) -> str:
    rows = [[f"{m.site.path}:{m.site.line}", m.operator, corpus.code_cell(m.site.member), corpus.code_cell(m.text)]
            for m in sorted(in_context, key=lambda m: (m.site.path, m.site.line, m.operator))]
    head = f"Mutants equal to the original in the file's context, not counted ({len(rows)}):\n\n"
    return head + corpus.table(["file:line", "operator", "original", "mutant"], rows)


def per_operator(results: list[Mutant], equiv: Mapping[str, int]) -> str:
    cols = ("wrong", "layout", "verified", "unchecked", "lost", "error")
    rows = []
    for name in OPERATORS:
        mine = [m for m in results if m.operator == name]
        c = Counter(m.verdict for m in mine)
        rows.append([name, str(len(mine)), *[str(c[v]) for v in cols], str(equiv.get(name, 0))])
    return corpus.table(["operator", "mutants", *cols, "equivalent"], rows)


def not_killed(results: list[Mutant]) -> str:
    rows = [[f"{m.site.path}:{m.site.line}", m.operator, m.verdict,
             corpus.code_cell(m.site.member), corpus.code_cell(m.text),
             corpus.cell(f"{m.code}: {m.message}" if m.code else m.message)]
            for m in sorted(results, key=lambda m: (m.site.path, m.site.line, m.operator))
            if m.verdict not in KILLED]
    head = f"Mutants not killed ({len(rows)}):\n\n"
    return head + corpus.table(["file:line", "operator", "verdict", "original", "mutant",
                                "finding"], rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="files or directories (default: the corpus)")
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT_CORPUS)
    ap.add_argument("--from-json", metavar="FILE", help="a run saved by bench/corpus.py --save")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="check at most N mutants (a sample)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not (args.paths or args.from_json or args.corpus.is_dir()):
        print(f"mutate.py: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    sites = [s for root, data in original_runs(args) for s in sites_of(root, data, counts)]
    mutants = [m for s in sites for m in mutants_of(s, rng, counts)]
    if args.limit and len(mutants) > args.limit:
        print(f"sampled {args.limit} of {len(mutants)} mutants (--limit, --seed {args.seed});"
              " the site and equivalent counts are before sampling")
        mutants = sorted(rng.sample(mutants, args.limit), key=lambda m: (m.site.path, m.site.line))
    results = check_all(mutants, args.jobs)
    same = equal_in_context([m for m in results if m.verdict == "verified"], args.jobs)
    results = [replace(m, verdict="equivalent", message="equal to the original in the file's context") if m in same else m
               for m in results]
    print(report(results, counts, len(sites)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
