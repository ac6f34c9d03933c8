"""Why a member cannot be evaluated: the two exceptions every evaluation rule may raise."""

from __future__ import annotations


class Unchecked(Exception):
    """The member cannot be evaluated; `code` is a finding code, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ShapeMismatch(Exception):
    """A sum or product whose shapes do not fit."""
