"""The implementation plan as a table to share: DataFrame, markdown, HTML and safe CSV.

One row per deck question: the answer, whether it is decided, and what the course says about
it. Every answer is organisation text, so markdown and HTML escape it and CSV neutralises it.
"""
from __future__ import annotations

from dataclasses import dataclass

from okrkit.rollout.plan import QUESTIONS, Flag, Plan, Question, flags, undecided


@dataclass(frozen=True)
class Row:
    topic: str
    question: str
    answer: str
    status: str  # decided | undecided | flagged
    flags: tuple[Flag, ...]
    guidance: str


def _shown(name: str, value) -> str:
    if value is None:
        return ""
    if name == "levels":
        return ", ".join(value)
    if name == "key_results":
        return f"{value[0]}" if value[0] == value[1] else f"{value[0]}-{value[1]}"
    if name == "bottom_up_share":
        return f"{value:.0%}"
    if name == "cycle_months":
        return f"{value:g} months"
    return str(value)


def _answer(plan: Plan, question: Question) -> str:
    parts = [(name, _shown(name, getattr(plan, name))) for name in question.fields]
    if len(parts) == 1:
        return parts[0][1]
    return "; ".join(f"{name.replace('_', ' ')}: {shown}" for name, shown in parts if shown)


def rows(plan: Plan) -> list[Row]:
    open_questions, found = undecided(plan), flags(plan)
    out = []
    for question in QUESTIONS:
        mine = tuple(f for f in found if f.topic == question.topic)
        status = "undecided" if question in open_questions else "flagged" if \
            any(f.severity == "warning" for f in mine) else "decided"
        out.append(Row(question.topic, question.ask, _answer(plan, question), status, mine, question.guidance))
    return out


def frame(plan: Plan):
    """The plan as a DataFrame indexed by topic."""
    import pandas as pd

    return pd.DataFrame([{"topic": r.topic, "question": r.question, "answer": r.answer, "status": r.status,
                          "flags": "; ".join(f"{f.severity}: {f.message}" for f in r.flags),
                          "course": r.guidance} for r in rows(plan)]).set_index("topic")


def summary(plan: Plan) -> str:
    """ "11 of 15 questions decided, 2 answers contradict the course" """
    table = rows(plan)
    decided = sum(r.status != "undecided" for r in table)
    contradictions = sum(f.severity == "warning" for r in table for f in r.flags)
    tail = f", {contradictions} answer{'s' if contradictions != 1 else ''} contradict the course" \
        if contradictions else ", nothing contradicts the course"
    return f"{decided} of {len(table)} questions decided{tail}"


def _markdown_cell(text: str) -> str:
    from okrkit.pages.html import escape

    return escape(text).replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def as_markdown(plan: Plan, title: str = "OKR implementation plan") -> str:
    lines = [f"# {_markdown_cell(title)}", "", summary(plan) + ".", "",
             "| topic | question | answer | status | course |", "|---|---|---|---|---|"]
    for r in rows(plan):
        status = r.status + "".join(f"<br>{f.severity}: {f.message}" for f in r.flags)
        lines.append(f"| {r.topic} | {r.question} | {_markdown_cell(r.answer) or '—'} | "
                     f"{_markdown_cell(status)} | {_markdown_cell(r.guidance)} |")
    return "\n".join(lines) + "\n"


def as_html(plan: Plan, title: str = "OKR implementation plan") -> str:
    """A standalone HTML section (use inside a page or display it in a notebook)."""
    from okrkit.pages.html import escape

    body = "".join(
        f'<tr><td><b>{escape(r.topic)}</b><br><span class="muted">{escape(r.question)}</span></td>'
        f'<td>{escape(r.answer) or "<i>undecided</i>"}</td><td>{escape(r.status)}'
        + "".join(f'<br><span class="{escape(f.severity)}">{escape(f.severity)}: {escape(f.message)}</span>'
                  f' <span class="muted">({escape(f.source)})</span>' for f in r.flags)
        + f'</td><td class="muted">{escape(r.guidance)}</td></tr>' for r in rows(plan))
    return (f'<div class="okrkit"><h2>{escape(title)}</h2><p>{escape(summary(plan))}.</p>'
            f'<table><tr><th>question</th><th>answer</th><th>status</th><th>the course says</th></tr>'
            f'{body}</table></div>')


def as_csv(plan: Plan) -> str:
    from okrkit.formats.csvsafe import to_csv

    return to_csv(("topic", "question", "answer", "status", "flags", "course"),
                  ((r.topic, r.question, r.answer, r.status,
                    "; ".join(f"{f.severity}: {f.message}" for f in r.flags), r.guidance) for r in rows(plan)))
