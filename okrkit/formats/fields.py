"""One-line fields: a title, a key result, a team's name, a cycle.

A draft and a Markdown list give each such field one line. A line break inside one (a YAML
``"Delight partners\\nO: Injected objective"``, a title pasted with its newline) would start a
line of its own, read back as a second objective or a heading. Readers fold the breaks when
they read a field, and writers fold and escape again whatever reaches them from elsewhere.
"""
from __future__ import annotations

import re

# Every character Python's str.splitlines() breaks a line at, with the spaces around it.
_LINE_BREAKS = re.compile("[ \\t]*[\\n\\r\\v\\f\\x1c\\x1d\\x1e\\x85\\u2028\\u2029]+[ \\t]*")
_MARKDOWN = re.compile(r"([\\`*_\[\]|~#])")


def one_line(text: str) -> str:
    """The text with each run of line breaks (and the spaces around it) folded into one space."""
    return _LINE_BREAKS.sub(" ", str(text))


def markdown_text(text: str) -> str:
    """The text as one line of Markdown that shows it as written: no markup, link, heading or HTML."""
    html = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", html)
