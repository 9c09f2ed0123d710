"""CSV the kit writes is safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run as a
formula by Excel, LibreOffice or Google Sheets (CSV injection), and so can one that starts with
spaces or line breaks before such a character, or with its full-width form (``＝``, which some
spreadsheets read as ``=``). Learner and organisation text goes into gradebooks and exports, so
every such text cell is prefixed with an apostrophe, which spreadsheets show as plain text.
Numbers are written as numbers: a whole number as ``2``, not ``2.0`` (a column with a gap is
float in pandas).
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence

from okrkit.files import write_atomic

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe62", "\ufe63", "\ufe66")
_EXACT_WHOLE = 2 ** 53  # beyond this a float is not a count anyone typed


def neutralise(value: object) -> object:
    """The value as a spreadsheet will show it: text that could start a formula gets a leading '."""
    if value is None or value != value:  # None, or NaN from a DataFrame
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_WHOLE:
        return int(value)
    if isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    opens = text.startswith(FORMULA_STARTS) or text.lstrip(" \n\r\t\v\f\u00a0\u3000").startswith(FORMULA_STARTS)
    return "'" + text if opens else text


def restore(text: str) -> str:
    """A cell read back from a CSV the kit wrote: the apostrophe :func:`neutralise` added is dropped."""
    if text.startswith("'") and neutralise(text[1:]) == text:
        return text[1:]
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text with every cell neutralised, the header included."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def frame_to_csv(frame) -> str:
    """A pandas DataFrame as safe CSV (its index is written only when it is named)."""
    named = any(name is not None for name in frame.index.names)
    data = frame.reset_index() if named else frame
    return to_csv([str(c) for c in data.columns], data.itertuples(index=False, name=None))


def write_csv(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence[object]]):
    """Write safe CSV atomically (see :func:`okrkit.files.write_atomic`); returns the path."""
    return write_atomic(path, to_csv(header, rows))
