"""The one error the kit raises for input it cannot read.

Every reader raises :class:`InputError` with the file and, where known, the line, so the
command line and the widgets can show one friendly line instead of a traceback.
"""
from __future__ import annotations

import re

# Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
# overrides: in a file name or a title they could colour the terminal, move its cursor, or
# start a line of their own that looks like the kit's output.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_KEPT = re.compile("[^\n\t]")
MAX_SHOWN = 200  # characters of a value quoted in a message: enough to recognise it


def printable(text: str, keep_lines: bool = False) -> str:
    """Text safe to print: every control character written as an escape such as ``\\x1b``.

    With ``keep_lines``, line breaks and tabs stay (a report of several lines); without it,
    the text is sure to be one line.
    """
    def escaped(match: re.Match) -> str:
        char = match[0]
        if keep_lines and not _KEPT.match(char):
            return char
        return repr(char)[1:-1] if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNPRINTABLE.sub(escaped, str(text))


def quoted(value: object, limit: int = MAX_SHOWN) -> str:
    """A value quoted in a message, cut to ``limit`` characters so one bad cell cannot flood a screen."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    return repr(value)


class InputError(ValueError):
    """Input the kit cannot read: says which file, which line and what is wrong."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        place = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        return printable(f"{place}: {self.message}" if place else self.message)

    @classmethod
    def from_os_error(cls, error: OSError) -> InputError:
        """A file that could not be opened, read or written, said in one line naming it."""
        reason = error.strerror or str(error)
        if reason.startswith("cannot be "):
            return cls(reason, error.filename)
        return cls(f"cannot be used ({reason.lower()})", error.filename)

    def at(self, path: str | None = None, line: int | None = None) -> InputError:
        """The same error, located in a file (keeps a line already known)."""
        return InputError(self.message, path or self.path, self.line or line)
