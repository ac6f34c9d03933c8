"""What a worker returns for one step; plain data without SymPy, so the cache can read it cheaply."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class LayoutResult:
    """How a step fares under one layout."""

    status: str
    """"equal", "differs", "shape" or "unchecked"."""
    code: str = ""
    message: str = ""
    method: str | None = None
    expected: str | None = None
    point: tuple[tuple[str, str], ...] | None = None
    lhs_value: str | None = None
    rhs_value: str | None = None
    condition: str | None = None
    """For an `unchecked` step that holds only under a condition the prose may state: "symmetric
    A" or "probabilities y"; the checker reads the prose (see `prose_conditions.stated_conditions`)."""
    otherwise: str | None = None
    """With `condition`: the message of the difference (the other fields hold its details)."""


@dataclass(frozen=True, slots=True)
class StepResult:
    by_layout: tuple[tuple[str, LayoutResult], ...]
    layout_sensitive: bool

    def get(self, layout: str) -> LayoutResult:
        return dict(self.by_layout)[layout]

    def to_json(self) -> dict:
        return {"by_layout": [[layout, asdict(result)] for layout, result in self.by_layout], "layout_sensitive": self.layout_sensitive}

    @classmethod
    def from_json(cls, data: dict) -> "StepResult":
        by_layout = []
        for layout, fields in data["by_layout"]:
            if fields.get("point") is not None:
                fields["point"] = tuple(tuple(pair) for pair in fields["point"])
            by_layout.append((layout, LayoutResult(**fields)))
        return cls(tuple(by_layout), bool(data["layout_sensitive"]))
