"""The one error the kit raises for input it cannot read.

Every reader raises :class:`InputError` with the file and, where known, the line, so the
command line and the widgets can show one friendly line instead of a traceback.
"""
from __future__ import annotations


class InputError(ValueError):
    """Input the kit cannot read: says which file, which line and what is wrong."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        place = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        return f"{place}: {self.message}" if place else self.message

    def at(self, path: str | None = None, line: int | None = None) -> InputError:
        """The same error, located in a file (keeps a line already known)."""
        return InputError(self.message, path or self.path, self.line or line)
