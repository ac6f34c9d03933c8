"""The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml).

The action's YAML must parse as a composite action, every `mathdoc check` it runs must use only
options that `mathdoc check --help` lists, and its run steps, executed here with bash the way the
runner would (inputs substituted, the install step skipped: mathdoc is installed already), must
write valid SARIF and fail through the annotations step.  The README's workflow example must use
the action's real inputs.  The hook must run on staged notes only.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mathdoc.sources import KIND_BY_SUFFIX

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extras)")

REPO_ROOT = Path(__file__).resolve().parents[1]
ACTION = REPO_ROOT / "action.yml"
HOOKS = REPO_ROOT / ".pre-commit-hooks.yaml"
README = REPO_ROOT / "README.md"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _action() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps() -> list[dict[str, Any]]:
    return list(_action()["runs"]["steps"])


def _check_help() -> str:
    result = subprocess.run([sys.executable, "-m", "mathdoc", "check", "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _mathdoc_commands(script: str) -> list[list[str]]:
    """The argument lists of the `mathdoc check` commands in a run script (up to a redirection or `||`)."""
    commands = []
    for line in script.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line.startswith("mathdoc "):
            continue
        words = shlex.split(line)
        for stop in (">", "||", "&&", "|"):
            if stop in words:
                words = words[: words.index(stop)]
        commands.append(words)
    return commands


# -- the action's YAML -----------------------------------------------------------------------------

def test_action_is_a_composite_action_with_documented_inputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "sarif"} <= set(action["inputs"])
    for name, spec in action["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"
    uses = [step.get("uses", "") for step in _steps()]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(step for step in _steps() if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"
    for step in _steps():
        if "run" in step:
            assert step.get("shell") == "bash", "a composite run step must name its shell"


def test_action_installs_mathdoc_from_its_own_path() -> None:
    installs = [step["run"] for step in _steps() if "pip install" in step.get("run", "")]
    assert len(installs) == 1 and '"$GITHUB_ACTION_PATH"' in installs[0]


def test_action_runs_github_format_and_sarif_with_options_that_exist() -> None:
    commands = [c for step in _steps() if "run" in step for c in _mathdoc_commands(step["run"])]
    formats = {c[c.index("--format") + 1] for c in commands}
    assert formats == {"github", "sarif"}
    help_text = _check_help()
    for command in commands:
        assert command[:2] == ["mathdoc", "check"]
        for word in command[2:]:
            if word.startswith("--") and word != "--":
                assert re.search(rf"(?m)^\s+(?:-\w, )?{re.escape(word)}\b", help_text), f"{word} is not an option of mathdoc check"
    assert all("--" in c for c in commands), "paths come after --, so a path cannot be read as an option"


# -- the run steps, executed -----------------------------------------------------------------------

def _evaluate(expression: str, inputs: dict[str, str]) -> Any:
    """The few expressions action.yml uses: inputs.X, always(), '' literals, != and &&."""
    python = re.sub(r"inputs\.([A-Za-z0-9_-]+)", lambda m: repr(inputs[m.group(1)]), expression)
    python = python.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    return eval(python, {"__builtins__": {}}, {})  # noqa: S307 - our own file, a handful of operators


def _substitute(value: str, inputs: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: str(_evaluate(m.group(1), inputs)), value)


def _run_action(workspace: Path, **given: str) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    """Run the action's bash steps in `workspace` as the runner would, until one fails."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    inputs = {name: spec.get("default", "") for name, spec in _action()["inputs"].items()}
    inputs.update(given)
    runner_temp = workspace.parent / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    done = []
    for step in _steps():
        condition = step.get("if")
        if condition is not None and not _evaluate(EXPRESSION.sub(lambda m: m.group(1), str(condition)), inputs):
            continue
        if "run" not in step or "pip install" in step["run"]:
            continue  # `uses:` steps belong to GitHub; mathdoc is installed in this environment already
        environment = dict(
            os.environ,
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            GITHUB_ACTION_PATH=str(REPO_ROOT),
            RUNNER_TEMP=str(runner_temp),
            MATHDOC_KEY_DIR=str(runner_temp / "key"),
            CI="true",
        )
        environment.update({key: _substitute(str(value), inputs) for key, value in step.get("env", {}).items()})
        script = _substitute(step["run"], inputs)
        result = subprocess.run(["bash", "-e", "-c", script], cwd=workspace, env=environment, capture_output=True, text=True, timeout=600)
        done.append((step["name"], result))
        if result.returncode != 0:
            break
    return done


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "calc.md").write_text("Right: $\\frac{d}{dx}x^2 = 2x$.\n\nWrong: $\\frac{d}{dx}x^3 = 3x$.\n", encoding="utf-8")
    (root / "notes" / "fine.md").write_text("Right: $\\frac{d}{dx}x^4 = 4x^3$.\n", encoding="utf-8")
    return root


def test_action_writes_sarif_and_fails_through_the_annotations(workspace: Path) -> None:
    steps = _run_action(workspace, paths="notes")
    names = [name for name, _ in steps]
    assert names == ["Write SARIF", "Check (annotations)"]
    sarif_step, annotations = steps[0][1], steps[1][1]
    assert sarif_step.returncode == 0, sarif_step.stderr
    document = json.loads((workspace / "mathdoc.sarif").read_text(encoding="utf-8"))
    assert document["version"] == "2.1.0"
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "wrong-derivative"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/calc.md"
    assert annotations.returncode == 1
    assert annotations.stdout.startswith("::error file=notes/calc.md,line=3,")


def test_action_passes_args_and_can_skip_sarif(workspace: Path) -> None:
    (workspace / "notes" / "calc.md").write_text("Right: $\\frac{d}{dx}x^2 = 2x$.\n\nUnknown: $\\frac{dy}{dx} = 2x$.\n", encoding="utf-8")
    steps = _run_action(workspace, paths="notes/calc.md notes/fine.md", sarif="")
    assert [name for name, _ in steps] == ["Check (annotations)"] and steps[0][1].returncode == 0
    assert not (workspace / "mathdoc.sarif").exists()
    strict = _run_action(workspace, paths="notes", sarif="", args="--fail-on info")
    assert strict[-1][1].returncode == 1


def test_action_stops_on_a_usage_error(workspace: Path) -> None:
    steps = _run_action(workspace, paths="missing/")
    assert [name for name, _ in steps] == ["Write SARIF"]
    assert steps[0][1].returncode == 2 and "missing" in steps[0][1].stderr


# -- the README's workflow example -----------------------------------------------------------------

def _readme_yaml_blocks() -> list[Any]:
    text = README.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def test_readme_workflow_example_uses_the_action_as_it_is() -> None:
    workflows = [b for b in _readme_yaml_blocks() if isinstance(b, dict) and "jobs" in b]
    assert workflows, "the README has a workflow example"
    inputs = set(_action()["inputs"])
    used = []
    for workflow in workflows:
        for job in workflow["jobs"].values():
            assert job.get("permissions", {}).get("security-events") == "write", "upload-sarif needs security-events: write"
            for step in job["steps"]:
                if "mathdoc" in step.get("uses", "") and "checkout" not in step["uses"]:
                    used.append(step)
                    assert set(step.get("with", {})) <= inputs
    assert used
    for step in used:
        args = step.get("with", {}).get("args", "")
        help_text = _check_help()
        for word in shlex.split(args):
            if word.startswith("--"):
                assert word in help_text


# -- the pre-commit hook ---------------------------------------------------------------------------

def test_hook_runs_on_staged_notes_only() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "mathdoc" and hook["entry"] == "mathdoc check" and hook["language"] == "python"
    assert hook.get("pass_filenames", True) is True, "pre-commit passes the staged files' names"
    assert not hook.get("always_run", False)
    assert hook.get("types", ["file"]) == ["file"]
    files = re.compile(hook["files"])
    for suffix in KIND_BY_SUFFIX:
        for name in (f"notes/a{suffix}", f"notes/a{suffix.upper()}"):
            assert files.search(name), f"{name} is a note mathdoc reads"
    for name in ("script.py", "config.yaml", "page.html", "notes/a.md.bak", "data.json", "README"):
        assert not files.search(name), f"{name} is not a note"


def test_readme_hook_snippet_explains_repo_and_rev() -> None:
    snippets = [b for b in _readme_yaml_blocks() if isinstance(b, dict) and "repos" in b]
    assert snippets, "the README has a .pre-commit-config.yaml snippet"
    (repo,) = snippets[0]["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["mathdoc"]
    text = README.read_text(encoding="utf-8")
    assert repo["repo"] in text and "rev" in text
    section = text[text.index("### pre-commit") :]
    assert "pre-commit autoupdate" in section and "staged" in section


def test_pre_commit_passes_only_the_staged_notes(tmp_path: Path) -> None:
    """pre-commit itself selects the files, with the hook's own `files`/`types` (a local copy of
    the hook whose entry prints its arguments, so nothing is installed)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extras")
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    printer = f"{sys.executable} -c 'import sys; print(\"ARGS\", sorted(sys.argv[1:]))'"
    local = {"id": "mathdoc", "name": "mathdoc", "entry": printer, "language": "system"}
    local.update({key: hook[key] for key in ("files", "types", "types_or", "exclude", "require_serial") if key in hook})
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True, timeout=60)
    for name in ("committed.md", "notes.md", "talk.qmd", "slides.Rmd", "paper.tex", "script.py", "ci.yaml", "unstaged.rst"):
        (repo / name).write_text("$\\frac{d}{dx}x^2 = 2x$\n", encoding="utf-8")
    subprocess.run([*git, "add", "committed.md", ".pre-commit-config.yaml"], cwd=repo, check=True, timeout=60)
    subprocess.run([*git, "commit", "-q", "-m", "start"], cwd=repo, check=True, timeout=60)
    subprocess.run([*git, "add", "notes.md", "talk.qmd", "slides.Rmd", "paper.tex", "script.py", "ci.yaml"], cwd=repo, check=True, timeout=60)
    environment = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "home"), PRE_COMMIT_COLOR="never")
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--verbose"], cwd=repo, capture_output=True, text=True, timeout=300, env=environment
    )
    assert result.returncode == 0, result.stdout + result.stderr
    printed = next(line for line in result.stdout.splitlines() if line.startswith("ARGS"))
    assert printed == "ARGS " + str(sorted(["notes.md", "talk.qmd", "slides.Rmd", "paper.tex"]))
