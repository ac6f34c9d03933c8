"""bench/dask_corpus.py's corpus replication and projection (the runs themselves are the benchmark)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import dask_corpus  # noqa: E402


def test_copies_rename_lone_x_so_every_copy_has_distinct_claims(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "src").mkdir(parents=True)
    (corpus / "src" / "SOURCE.md").write_text("attribution", encoding="utf-8")
    (corpus / "src" / "a.md").write_text("$$\\frac{d}{dx}x^2 = 2x$$ \\exp(x) max\n", encoding="utf-8")
    assert dask_corpus.replicate(corpus, tmp_path / "out", 3) == 3
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").rglob("*.md"))]
    assert texts[0] == "$$\\frac{d}{dx}x^2 = 2x$$ \\exp(x) max\n"
    assert texts[1] == "$$\\frac{d}{dx_{1}}x_{1}^2 = 2x_{1}$$ \\exp(x_{1}) max\n"
    assert texts[2].count("x_{2}") == 4


def test_projection_scales_the_measured_cost_per_step():
    line = dask_corpus.projection({"wall_s": 100.0, "workers": 2, "steps": 1000, "files": 50}, files=100_000, workers=(10,))
    # 0.2 worker-seconds per step, 20 steps per file: 2e6 steps = 4e5 worker-seconds, 10 workers = 11.11 h
    assert "2,000,000 steps" in line and "10 workers: 11.11 h" in line
