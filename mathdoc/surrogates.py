"""Lone surrogates: code points U+D800..U+DFFF that a Python `str` can hold but UTF-8 cannot encode.

A notebook's JSON may spell one as `\\ud800` (33 of 5,000 generated notebooks did), and a caller of
the API may pass one; left in, it crashes whatever encodes the text later (the cache key, a report
writer, stdout).  They are replaced, one for one, by U+FFFD where the text enters mathdoc, so
offsets and columns stay where they were and no surrogate ever reaches a reporter.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def repair(text: str, path: str) -> tuple[str, tuple[str, ...]]:
    """`text` with each lone surrogate replaced by U+FFFD, and a notice naming `path` if any was."""
    if not _SURROGATE.search(text):
        return text, ()
    count = len(_SURROGATE.findall(text))
    notice = f"{path}: {count} lone surrogate code point{'s' if count != 1 else ''} (invalid Unicode) replaced by U+FFFD"
    return _SURROGATE.sub(REPLACEMENT, text), (notice,)


def clean(text: str) -> str:
    """`text` without lone surrogates, for names and identifiers that need no notice of their own."""
    return _SURROGATE.sub(REPLACEMENT, text)
