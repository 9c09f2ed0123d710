"""Tidy HTML for notebooks. Every piece of learner text passes through :func:`escape`."""
from __future__ import annotations

from html import escape as _escape

from okrkit.findings import Findings
from okrkit.model import KeyResult, Objective, OKRSet, Organisation
from okrkit.text.numbers import format_amount

SEVERITY_ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
_STYLE = ("<style>.okrkit{font-family:system-ui,sans-serif;line-height:1.4}"
          ".okrkit table{border-collapse:collapse}.okrkit td,.okrkit th{padding:2px 8px;text-align:left !important;"
          "vertical-align:top}.okrkit .muted{color:#666}.okrkit .error{color:#b00020}"
          ".okrkit .warning{color:#8a5a00}.okrkit .info{color:#0b5394}</style>")


def escape(value: object) -> str:
    return _escape("" if value is None else str(value), quote=True)


def _numbers(kr: KeyResult) -> str:
    """A key result's numbers at a glance: "20 → 35% · now 29 · score 0.7"."""
    read = kr.measure
    parts = []
    if read.target is not None:
        target = format_amount(read.target, read.unit)
        parts.append(f"{format_amount(read.baseline)} → {target}" if read.baseline is not None else f"target {target}")
    if read.relative_change is not None:
        parts.append(f"{read.relative_change:+.0%}")
    if kr.current is not None:
        parts.append(f"now {format_amount(kr.current)}")
    if kr.score is not None:
        parts.append(f"score {kr.score:g}")
    return escape(" · ".join(parts))


def key_result(kr: KeyResult, label: str = "KR") -> str:
    numbers = _numbers(kr)
    extra = f' <span class="muted">({numbers})</span>' if numbers else ""
    note = f'<br><span class="muted">{escape(kr.note)}</span>' if kr.note else ""
    return f'<div class="okrkit"><b>{escape(label)}</b> {escape(kr.text)}{extra}{note}</div>'


def objective(obj: Objective, label: str = "O") -> str:
    links = [f"aligns to {escape(obj.aligns_to)}"] if obj.aligns_to else []
    links += [f"depends on {escape(', '.join(obj.depends_on))}"] if obj.depends_on else []
    links += [f"supports {escape(', '.join(obj.supports))}"] if obj.supports else []
    link_text = f' <span class="muted">({"; ".join(links)})</span>' if links else ""
    items = "".join(f"<li>{key_result(kr, f'KR{j}')}</li>" for j, kr in enumerate(obj.key_results, 1))
    return (f'<div class="okrkit"><b>{escape(label)}</b> {escape(obj.title)}{link_text}'
            f'<ul style="margin:2px 0 6px 0">{items}</ul></div>')


def okr_set(s: OKRSet) -> str:
    facts = [s.level, s.cycle or "no cycle", s.type, f"owner: {s.owner}" if s.owner else None]
    head = f'<b>{escape(s.name)}</b> <span class="muted">{escape(" · ".join(f for f in facts if f))}</span>'
    body = "".join(objective(o, f"O{i}") for i, o in enumerate(s.objectives, 1)) or \
        '<span class="muted">No objectives yet.</span>'
    return f'{_STYLE}<div class="okrkit">{head}{body}</div>'


def organisation(org: Organisation) -> str:
    head = f'<b>{escape(org.name or "Organisation")}</b> <span class="muted">{len(org.sets)} sets</span>'
    rows = "".join(f"<tr><td>{escape(s.id)}</td><td>{escape(s.level)}</td><td>{escape(s.name)}</td>"
                   f"<td>{len(s.objectives)}</td></tr>" for s in org.sets[:200])
    more = f'<p class="muted">… and {len(org.sets) - 200} more sets</p>' if len(org.sets) > 200 else ""
    return (f'{_STYLE}<div class="okrkit">{head}<table><tr><th>id</th><th>level</th><th>team</th>'
            f'<th>objectives</th></tr>{rows}</table>{more}</div>')


def findings(found: Findings) -> str:
    if not found:
        return f'{_STYLE}<div class="okrkit">✔ No findings: this draft follows every rule.</div>'
    rows = "".join(
        f'<tr><td class="{escape(f.severity)}">{SEVERITY_ICONS.get(f.severity, "")} {escape(f.severity)}</td>'
        f'<td>{escape(f.line or "")}</td><td>{escape(f.where or "set")}</td>'
        f'<td><code>{escape(f.code)}</code> {escape(f.message)}<br><span class="muted">{escape(f.hint)}</span></td></tr>'
        for f in found)
    return (f'{_STYLE}<div class="okrkit"><b>{escape(found.summary())}</b><table><tr><th>severity</th>'
            f'<th>line</th><th>where</th><th>finding</th></tr>{rows}</table></div>')
