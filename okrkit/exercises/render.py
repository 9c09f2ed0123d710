"""HTML for practice in a notebook: a check's verdict, a module's progress, an exam and its marks.

Everything a learner typed passes through :func:`okrkit.pages.html.escape`.
"""
from __future__ import annotations

from okrkit.findings import Findings
from okrkit.pages.html import escape
from okrkit.pages.html import findings as findings_table

STYLE = ("<style>.okrkit-practice{font-family:system-ui,sans-serif;line-height:1.45;border-left:4px solid #999;"
         "padding:4px 12px;margin:4px 0}.okrkit-practice.pass{border-color:#1b7f3b}.okrkit-practice.todo"
         "{border-color:#c77c00}.okrkit-practice ul{margin:4px 0;padding-left:1.2em;list-style:none}"
         ".okrkit-practice table{border-collapse:collapse}.okrkit-practice table td,.okrkit-practice table th"
         "{padding:2px 8px;text-align:left !important;vertical-align:top}.okrkit-practice .ok{color:#1b7f3b}"
         ".okrkit-practice .no{color:#b00020}.okrkit-practice .muted{color:#666}</style>")


def _mark(ok: bool) -> str:
    return '<span class="ok">✔</span>' if ok else '<span class="no">✖</span>'


def _box(passed: bool, body: str) -> str:
    return f'{STYLE}<div class="okrkit-practice {"pass" if passed else "todo"}">{body}</div>'


def assessment(result) -> str:
    head = (f"<b>Exercise {escape(result.exercise_id)}: {'passed ✔' if result.passed else 'not yet'}</b> "
            f'<span class="muted">score {result.score:.0%}</span>')
    points = "".join(f"<li>{_mark(p.ok)} {escape(p.text)}</li>" for p in result.points)
    if result.needs_review:
        points += (f"<li>? The form is right; your instructor reviews the content "
                   f"({escape('; '.join(result.review))})</li>")
    table = findings_table(Findings(result.findings)) if result.findings else ""
    hints = "".join(f"<p><b>Hint {i}:</b> {escape(h)}</p>" for i, h in enumerate(result.hints, 1))
    return _box(result.passed, f"{head}<ul>{points}</ul>{table}{hints}")


def progress(result) -> str:
    rows = "".join(
        f"<tr><td>{_mark(s.state == 'passed') if s.assessment else '·'}</td><td>{escape(s.exercise.id)}</td>"
        f"<td>{escape(s.exercise.title)}</td><td>{escape(s.state)}</td>"
        f"<td>{'' if s.assessment is None else f'{s.assessment.score:.0%}'}</td><td>{s.attempts}</td></tr>"
        for s in result.statuses)
    done = result.passed == len(result.statuses)
    head = f"<b>Module {result.module}: {result.passed} of {len(result.statuses)} exercises passed</b>"
    return _box(done, f"{head}<table><tr><th>done</th><th>exercise</th><th>title</th><th>state</th><th>score</th>"
                      f"<th>tries</th></tr>{rows}</table>")


def exam(paper) -> str:
    items = []
    for q in paper.questions:
        options = "".join(f"<li><b>{escape(k)})</b> {escape(t)}</li>" for k, t in q.options)
        kind = f"<ul>{options}</ul>" if q.options else '<p class="muted">Short answer: a few words.</p>'
        items.append(f'<li><p>{escape(q.text)} <span class="muted">({escape(q.id)}, module {q.module})</span>'
                     f"</p>{kind}</li>")
    seed = f", seed {paper.seed}" if paper.seed is not None else ""
    if paper.learner is not None:
        seed = f", {paper.learner}, attempt {paper.attempt}"
    head = (f"<b>Practice exam: {len(paper.questions)} questions</b> "
            f'<span class="muted">pass mark {paper.pass_mark:.0%}{escape(seed)}</span>')
    return f'{STYLE}<div class="okrkit-practice">{head}<ol>{"".join(items)}</ol></div>'


def exam_result(result) -> str:
    def explained(r) -> str:
        if not r.answered:
            return '<span class="muted">Answer it to see the explanation.</span>'
        return (f'{escape(r.question.correct_text)}<br><span class="muted">{escape(r.question.explanation)}</span>'
                + ("" if r.correct else f'<br><span class="muted">Reread: {escape(r.question.lesson)}</span>'))

    rows = "".join(
        f"<tr><td>{_mark(r.correct)}</td><td>{escape(r.question.id)}</td>"
        f"<td>{escape(r.given) if r.answered else '<i>not answered</i>'}</td><td>{explained(r)}</td>"
        f"<td>{r.question.module}</td></tr>" for r in result.results)
    revisit = ", ".join(f"module {m} ({result.bank.title(m)})" for m in result.revisit())
    tally = " · ".join(f"module {m}: {right}/{asked}" for m, (right, asked) in result.by_module().items())
    head = (f"<b>Score {result.score:.0%}: {'passed ✔' if result.passed else 'not yet'}</b> "
            f'<span class="muted">pass mark {result.pass_mark:.0%}</span>')
    advice = f"<p>Revisit: {escape(revisit)}</p>" if revisit else "<p>Every question right.</p>"
    return _box(result.passed, f"{head}{advice}<p class=\"muted\">{escape(tally)}</p><table><tr><th>right</th>"
                               f"<th>question</th><th>your answer</th><th>answer</th><th>module</th></tr>"
                               f"{rows}</table>")
