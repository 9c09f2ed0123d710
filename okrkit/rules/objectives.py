"""Rules about objectives: qualitative, specific, inspiring."""
from __future__ import annotations

from okrkit.model import OKRSet
from okrkit.rules.record import Hit, Rule
from okrkit.text import language, numbers


def metric_in(title: str) -> str | None:
    """The measured target an objective states, if any (time frames and counted nouns aside)."""
    text = language.without_time_frames(title)
    found = [q for q in numbers.quantities(text) if q.is_measure]
    if found:
        return found[0].raw
    read = numbers.measure(text)
    if read.baseline is not None:
        return "from ... to ..."
    return None


def _objective_is_a_metric(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if objective.aligns_to and "/kr" in objective.aligns_to.lower():
            continue  # a parent's key result turned into an objective: explicit alignment
        if metric := metric_in(objective.title):
            yield Hit(f"O{i}", f"This objective states a measured target ({metric}); that is a key result's job.",
                      objective.line)


def _vague_objective(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if opener := language.VAGUE_OPENERS.opens(objective.title):
            yield Hit(f"O{i}", f"This objective opens with '{opener}', which says nothing about what will change.",
                      objective.line)
        elif len(language.words(objective.title)) < 3:
            yield Hit(f"O{i}", "This objective is too short to say what will change and why it matters.",
                      objective.line)


RULES = (
    Rule(
        code="OKR102", name="objective-is-a-metric", severity="warning",
        fires_when="the objective states a measured target (a number with a unit or %, money, or "
                   "\"from X to Y\"); time frames and counted nouns do not count; an objective that "
                   "aligns_to a key result does not fire",
        why="Objectives are the ambitious, qualitative \"what matters\"; key results are the measurable "
            "proof. A number in the objective leaves the key results nothing to add and the team "
            "nothing to aspire to.",
        source="must-dos: objectives are the what, KRs the measurable proof; tips: objectives are qualitative",
        bad="Team: Growth\nCycle: 2025-H1\nO: Increase revenue from 40 to 50 Mil USD\n"
            "KR: Grow paid accounts from 1,200 to 1,800\nKR: Raise average deal size from 8k to 10k USD\n"
            "KR: Cut churn from 6% to 4.5%\n",
        good="Team: Growth\nCycle: 2025-H1\nO: Become the first choice of growing retailers\n"
             "KR: Grow paid accounts from 1,200 to 1,800\nKR: Raise average deal size from 8k to 10k USD\n"
             "KR: Cut churn from 6% to 4.5%\n",
        hint="Say in words what will be different and why it matters; move the number into a key result.",
        check=_objective_is_a_metric,
    ),
    Rule(
        code="OKR103", name="vague-objective", severity="warning",
        fires_when="the objective opens with a do-nothing verb (focus on, work on, continue, keep, support, "
                   "help, handle, deal with, look into) or has fewer than 3 words",
        why="A good objective has a clear focus: it names the change it wants in a specific, easy to "
            "understand way. \"Focus on Go To Market\" is the guide's example of a weak one.",
        source="guide: weak example \"Focus on Go To Market\"; tips: vague objectives",
        bad="Team: Marketing\nCycle: 2025-Q2\nO: Focus on Go To Market\n"
            "KR: Increase qualified leads from 200 to 400\nKR: Raise trial sign-ups from 50 to 120 per week\n"
            "KR: Grow partner-sourced pipeline from 1 to 3 Mil USD\n",
        good="Team: Marketing\nCycle: 2025-Q2\nO: Make our launch the talk of the trade in our home market\n"
             "KR: Increase qualified leads from 200 to 400\nKR: Raise trial sign-ups from 50 to 120 per week\n"
             "KR: Grow partner-sourced pipeline from 1 to 3 Mil USD\n",
        hint="Name the change you want and for whom, with a verb that commits (win, become, make, delight).",
        check=_vague_objective,
    ),
)
