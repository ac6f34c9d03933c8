"""docs/conventions.md is the rule modules' tables, regenerated (`python -m mathdoc.grammar.conventions`)."""

from pathlib import Path

from mathdoc.grammar.conventions import MODULES, document, table


def test_the_document_matches_the_tables() -> None:
    path = Path(__file__).resolve().parents[1] / "docs" / "conventions.md"
    assert path.read_text(encoding="utf-8") == document(), "run: python -m mathdoc.grammar.conventions > docs/conventions.md"


def test_every_module_has_a_table() -> None:
    for _, module in MODULES:
        rows = table(module).splitlines()
        assert len(rows) >= 3, module  # header, rule, at least one convention
