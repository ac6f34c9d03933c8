"""Match mathdoc's findings on a probe set with its hand labels (`labels.json`).

    python bench/probes/match_labels.py SET [SET ...]

For the sets that have a `labels.json` (session 9: vector_calc, dl_layers, stats_rl), each file is
checked with `python -m mathdoc check --format json --no-cache -j 1`, and each labelled step is
joined to its finding by (file, line, column, step) as recorded when the labels were made. Prints
per set the count of (label, verdict) pairs, then every false alarm (`wrong`/`layout` on a step
labelled correct or not-a-claim) and every mistake that came out `verified`, and any alarm on a
step no label names.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"correct": "correct", "MISTAKE": "mistake", "not-a-claim": "not-a-claim"}


def findings(directory: Path, name: str) -> dict[tuple[int, int, int], dict]:
    run = subprocess.run([sys.executable, "-m", "mathdoc", "check", "--format", "json", "--no-cache", "-j", "1", name],
                         cwd=directory, capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    return {(x["line"], x["column"], x["step"]): x for x in report["files"][0]["findings"]}


def match(name: str) -> int:
    directory = HERE / name
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    found = {file: findings(directory, file) for file in sorted({row["file"] for row in labels})}
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    used: dict[str, set[tuple[int, int, int]]] = collections.defaultdict(set)
    problems = []
    for row in labels:
        label = LABELS[row["label"]]
        where = row.get("finding")
        finding = None
        if where:
            position = (where["line"], where["column"], where["step"])
            finding = found[row["file"]].get(position)
            if finding is not None:
                used[row["file"]].add(position)
        verdict = finding["verdict"] if finding else "no finding"
        counts[(label, verdict)] += 1
        if (label != "mistake" and verdict in ("wrong", "layout")) or (label == "mistake" and verdict == "verified"):
            problems.append(f"  {row['id']} {row['file']}:{row['line']} {label} -> {verdict}: {finding['message'][:120] if finding else ''}")
    print(f"## {name}")
    for (label, verdict), count in sorted(counts.items()):
        print(f"  {label:12} {verdict:12} {count}")
    stray = [f"  {file}:{line}:{column} step {step}: {x['verdict']} {x['latex'][:70]}" for file, items in found.items()
             for (line, column, step), x in items.items() if (line, column, step) not in used[file] and x["verdict"] in ("wrong", "layout")]
    print("false alarms and verified mistakes:", len(problems))
    print("\n".join(problems + ["alarms on unlabelled steps:"] + stray))
    return len(problems)


if __name__ == "__main__":
    sys.exit(1 if sum(match(name) for name in sys.argv[1:] or ["vector_calc", "dl_layers", "stats_rl"]) else 0)
