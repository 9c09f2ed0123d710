"""What the forms share: band and status badges, the findings block, and reading a typed number.

A badge says its meaning three ways: an icon, words, and a colour (the bands of
:mod:`okrkit.pages.plots`), so it reads the same in greyscale, to a screen reader, and to a
learner who does not tell red from green. Every piece of learner text is escaped.
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import replace

from okrkit import examples, scoring
from okrkit.findings import Findings
from okrkit.formats.drafts import parse
from okrkit.model import OKRSet
from okrkit.pages.html import escape
from okrkit.pages.plots import BAND_COLOURS
from okrkit.widgets import findings_view

BAND_ICONS = {"green": "✔", "yellow": "◐", "red": "✖"}
STATUS_BANDS = {"on track": "green", "at risk": "yellow", "off track": "red"}
STATUS_ICONS = {"on track": "✔", "at risk": "⚠", "off track": "✖"}

# Scoped to the forms; JupyterLab's theme variables keep them readable in light and dark themes.
STYLE = "<style>" + "".join(
    f".okrkit-badge.{name}{{border-left-color:{colour};background:{colour}22}}"
    for name, colour in BAND_COLOURS.items()) + """
.okrkit-form{font-family:var(--jp-ui-font-family,system-ui,sans-serif);line-height:1.4;
 color:var(--jp-ui-font-color1,#222)}
.okrkit-badge{display:inline-block;border-left:6px solid var(--jp-border-color1,#999);padding:1px 8px;
 border-radius:2px;font-family:var(--jp-ui-font-family,system-ui,sans-serif);line-height:1.5;
 color:var(--jp-ui-font-color1,#222);background:var(--jp-layout-color2,#eee)}
.okrkit-badge b{font-weight:600}
.okrkit-editor textarea{font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,13px);
 line-height:1.5}
.okrkit-muted{color:var(--jp-ui-font-color2,#555)}
.okrkit-heading{font-weight:600;font-size:105%;margin:10px 0 2px 0;padding-top:6px;
 border-top:1px solid var(--jp-border-color2,#ddd)}
.okrkit-form table{border-collapse:collapse;margin:4px 0}
.okrkit-form td,.okrkit-form th{padding:2px 8px;text-align:left;vertical-align:top}
.okrkit-form th{font-weight:600;border-bottom:1px solid var(--jp-border-color2,#ddd)}
</style>"""


def starting_set(source: OKRSet | str | None, example: str | None) -> OKRSet:
    """The set a form works on: a set, the text of a draft, or a course example draft by name."""
    if (source is None) == (example is None):
        raise ValueError("start from one of: a set (or a draft's text), or example=...")
    if example is None:
        return parse(source) if isinstance(source, str) else source
    found = examples.load_example(example)
    if not isinstance(found, OKRSet):
        raise ValueError(f"{example!r} is an organisation, not a set: pick one of its sets, "
                         f"e.g. okrkit.examples.load_example({example!r}).by_id[{found.sets[0].id!r}]")
    return found


def arguments_of(example: str | None, okr_set: OKRSet) -> dict:
    """What a form was asked to work on, so saved work comes back only to the same set."""
    return {"example": example} if example is not None else {"set": okr_set.name}


def band_badge(score: float | None, none: str = "not scored yet") -> str:
    """A score's band as icon, name and meaning on the band's colour; ``none`` when there is no score."""
    if score is None:
        return f'<span class="okrkit-badge"><span aria-hidden="true">○</span> {escape(none)}</span>'
    name = scoring.band(score)
    return (f'<span class="okrkit-badge {name}"><span aria-hidden="true">{BAND_ICONS[name]}</span> '
            f'<b>{score:.2f} {name.capitalize()}</b>: {escape(scoring.band_meaning(score))}</span>')


def status_badge(status: str, reason: str = "") -> str:
    """A key result's status during the cycle ("on track", "at risk", "off track", "no check-in")."""
    band = STATUS_BANDS.get(status, "")
    icon = STATUS_ICONS.get(status, "○")
    why = f' <span class="okrkit-muted">{escape(reason)}</span>' if reason else ""
    return (f'<span class="okrkit-badge {band}"><span aria-hidden="true">{icon}</span> '
            f'<b>{escape(status.capitalize())}</b></span>{why}')


def findings_block(found: Findings, okr_set: OKRSet, clean: str, empty: str, lines: bool = True) -> str:
    """The summary line and every finding (each opens to its rule's why), as the draft checker shows them.

    Without ``lines`` a finding names its place (O1/KR2) only: in a form, the line of the file
    the set came from is not something the learner can see.
    """
    shown = found if lines else (replace(f, line=None) for f in found)
    return findings_view.summary(found, okr_set, clean, empty) + "".join(findings_view.finding(f) for f in shown)


def read_number(text: str) -> float | None:
    """A number typed into a field ("1,200", "45%", "-3.5"); None when blank, ValueError when not a number."""
    cleaned = text.strip().replace(",", "").removesuffix("%").strip()
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(f"{text.strip()!r} is not a number")
    return number


def short(text: str, width: int = 60) -> str:
    """Text cut to fit a label (not escaped: escape it where it becomes HTML)."""
    return textwrap.shorten(text, width, placeholder="…") if text.strip() else ""


class Picture:
    """A plot shown as an <img> with a text alternative that says what it shows.

    ipywidgets' Image has no alt text, so a screen reader would announce an unnamed image;
    an HTML widget holding the PNG as a data URL carries the words too. ``png`` keeps the
    bytes for whoever needs them (tests, exports).
    """

    def __init__(self, max_width: str = "100%"):
        import ipywidgets as widgets

        self.max_width = max_width
        self.png = b""
        self.alt = ""
        self.view = widgets.HTML()
        self.view.add_class("okrkit-picture")

    def show(self, png: bytes, alt: str, width: int | None = None) -> None:
        import base64

        self.png, self.alt = png, alt
        size = f"width:{width}px;" if width else "width:100%;"
        self.view.value = (f'<img alt="{escape(alt)}" style="{size}max-width:{self.max_width};height:auto" '
                           f'src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
