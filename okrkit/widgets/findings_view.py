"""HTML for the draft checker's findings: what is wrong, where, and, on demand, why.

Severity shows as an icon *and* a word (never colour alone); each finding is a
``<details>`` element, so a keyboard or a screen reader opens it like any disclosure, and
opening it shows the rule's why and its good example. Every piece of text is escaped.
"""
from __future__ import annotations

from okrkit.findings import SEVERITIES, Finding, Findings
from okrkit.model import OKRSet
from okrkit.pages.html import SEVERITY_ICONS, escape
from okrkit.rules import rule

# Scoped to the widget; JupyterLab's theme variables keep it readable in light and dark themes.
STYLE = """<style>
.okrkit-draft textarea{font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,13px);
 line-height:1.5;width:100%;box-sizing:border-box}
.okrkit-dc{font-family:var(--jp-ui-font-family,system-ui,sans-serif);line-height:1.4;
 color:var(--jp-ui-font-color1,#222)}
.okrkit-dc-summary{font-weight:600;padding:2px 0 6px 0}
.okrkit-dc details{border-left:4px solid var(--okrkit-colour);background:#f5f5f5;color:#1a1a1a;
 margin:0 0 6px 0;padding:4px 8px;border-radius:2px}
.okrkit-dc summary{cursor:pointer}
.okrkit-dc summary:focus-visible{outline:2px solid var(--jp-brand-color1,#1976d2);outline-offset:2px}
.okrkit-dc .error{--okrkit-colour:#b00020}
.okrkit-dc .warning{--okrkit-colour:#7a4a00}
.okrkit-dc .info{--okrkit-colour:#0b5394}
.okrkit-dc .ok{--okrkit-colour:#1b5e20}
.okrkit-dc-severity{color:var(--okrkit-colour);font-weight:600}
.okrkit-dc-place{color:#555}
.okrkit-dc-hint{margin:2px 0 0 1.2em;color:#444}
.okrkit-dc-why{margin:6px 0 2px 1.2em}
.okrkit-dc-why pre{background:#fff;color:#1a1a1a;padding:4px 6px;white-space:pre-wrap;margin:2px 0}
</style>"""
_OK = "✔"


def summary(found: Findings, okr_set: OKRSet, clean: str = "No findings: this draft follows every rule.",
            empty: str = "Nothing to check yet: write an objective (O:) and its key results (KR:).") -> str:
    """The one line that says how the draft stands, announced politely to screen readers.

    The forms built on the checker's look say what ``clean`` and ``empty`` mean for them.
    """
    if not found and not okr_set.objectives and not okr_set.stray_lines:
        worst, icon, text = "info", SEVERITY_ICONS["info"], empty
    elif not found:
        worst, icon, text = "ok", _OK, clean
    else:
        worst = next(s for s in SEVERITIES if found.tally(s))
        icon, text = SEVERITY_ICONS[worst], found.summary().capitalize()
    return (f'{STYLE}<div class="okrkit-dc"><div class="okrkit-dc-summary {worst}" role="status" '
            f'aria-live="polite"><span class="okrkit-dc-severity" aria-hidden="true">{icon}</span> '
            f'{escape(text)}</div></div>')


def finding(f: Finding) -> str:
    """One finding: severity, line, place, message and hint; opened, the rule's why and good example."""
    about = rule(f.code)
    place = " · ".join(part for part in (f"line {f.line}" if f.line else "", f.where) if part) or "whole set"
    return (
        f'<div class="okrkit-dc"><details class="{escape(f.severity)}"><summary>'
        f'<span class="okrkit-dc-severity"><span aria-hidden="true">{SEVERITY_ICONS.get(f.severity, "")}</span> '
        f'{escape(f.severity.capitalize())}</span> <span class="okrkit-dc-place">{escape(place)}:</span> '
        f'{escape(f.message)}<div class="okrkit-dc-hint">→ {escape(f.hint)}</div></summary>'
        f'<div class="okrkit-dc-why"><b>Why it matters</b> (<code>{escape(f.code)}</code> '
        f'{escape(about.name)}): {escape(about.why)} <span class="okrkit-dc-place">Source: '
        f'{escape(about.source)}.</span><br><b>A good example</b><pre>{escape(about.good.rstrip())}</pre>'
        f'</div></details></div>'
    )
