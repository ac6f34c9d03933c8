""""Did you mean ...?" for a mistyped code or configuration key (difflib, plus the names a word starts)."""

from __future__ import annotations

import difflib
from typing import Iterable


def nearest(word: str, choices: Iterable[str]) -> list[str]:
    """The choices a mistyped `word` may have meant: close spellings first, then those it begins
    (`wrong` is the start of `wrong-derivative`, too far for difflib alone)."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    prefixed = [c for c in options if word and (c.startswith(word) or word.startswith(c)) and c not in close]
    return (close + prefixed)[:4]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'a' or 'b'?)", or "" when nothing is close."""
    found = [repr(c) for c in nearest(word, choices)]
    if not found:
        return ""
    return f" (did you mean {', '.join(found[:-1]) + ' or ' if len(found) > 1 else ''}{found[-1]}?)"
