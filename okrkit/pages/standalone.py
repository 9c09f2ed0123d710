"""Standalone HTML pages the kit writes to disk: readiness reports, gradebooks, feedback.

A page opens in any browser without the network: styles inline, images embedded as data
URIs. Callers pass body HTML they escaped with :func:`okrkit.pages.html.escape`; the title is
escaped here.
"""
from __future__ import annotations

import base64

from okrkit.pages.html import escape

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.45;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1f1f1f}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{padding:3px 10px;text-align:left;vertical-align:top;
border-bottom:1px solid #eee}th{background:#f6f6f6}
.muted{color:#666}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#0b5394}.ok{color:#1e6b2e}
.badge{display:inline-block;padding:0 .5em;border-radius:.6em;border:1px solid currentColor;font-size:.85em}
img{max-width:100%;height:auto}code{background:#f4f4f4;padding:0 .2em}
pre{background:#f4f4f4;padding:.5em .8em;overflow-x:auto}pre code{padding:0}
"""


def page(title: str, body: str) -> str:
    """A complete HTML document around ``body`` (already escaped HTML)."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f'<body><main class="okrkit">{body}</main></body></html>\n')


def figure_img(figure, alt: str) -> str:
    """A matplotlib figure as an embedded PNG ``<img>``; the figure is closed afterwards."""
    from okrkit.pages.plots import figure_bytes

    data = base64.b64encode(figure_bytes(figure)).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """An HTML table; cells are HTML the caller escaped (so they may hold links or badges)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def frame_table(frame, percent: tuple[str, ...] = (), signed: tuple[str, ...] = (), index: bool = True) -> str:
    """A DataFrame as an escaped HTML table; ``percent`` and ``signed`` columns are formatted."""
    def shown(column: str, value) -> str:
        if column in percent:
            return f"{value:.0%}"
        if column in signed:
            return f"{value:+.2f}"
        return escape(value)

    header = ((frame.index.name or "",) if index else ()) + tuple(str(c) for c in frame.columns)
    rows = [((escape(key),) if index else ()) + tuple(shown(c, row[c]) for c in frame.columns)
            for key, row in frame.iterrows()]
    return table(header, rows)
