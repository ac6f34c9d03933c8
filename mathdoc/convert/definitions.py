"""What the document defines, as the converter reads it: functions, symbols, stated equalities."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..notation.normalize import normalize
from ..notation.scan import split_top
from .notation import _NAME, _NUMBER, _clean_name


@dataclass
class Definitions:
    functions: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    symbols: dict[str, str] = field(default_factory=dict)
    equalities: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_pairs(cls, pairs: tuple[tuple[str, str], ...]) -> "Definitions":
        defs = cls()
        for head, body in pairs:
            head = normalize(head)
            body = body.strip()
            application = re.match(r"^(.*?)\s*\((.*)\)$", head)
            terms = split_top(head, ("+", "-"))
            if len(terms) > 1:
                defs.equalities.append((head, body))
            elif application and _NAME.fullmatch(application.group(1).strip()):
                params = [p.strip() for p, _ in split_top(application.group(2), (",",)) if p.strip()]
                defs.functions[_clean_name(application.group(1))] = (params, body)
            elif not _NUMBER.fullmatch(body.strip().rstrip(".,")):
                # `x = 1` ("plugging in x = 1") is an example value, not a definition.
                defs.symbols[_clean_name(head)] = body
        return defs
