"""Rules about closing a cycle: sets whose objectives carry a retro block (OKR601-OKR605).

The deck closes each OKR with three questions (how would you rate your execution, what did
you learn, what have you decided) and one decision: keep, modify, abandon or carry forward.
A set is closed as soon as any objective has a retro block; from then on every objective
needs its closing.
"""
from __future__ import annotations

from okrkit import scoring
from okrkit.model import OKRSet
from okrkit.rules.record import Hit, Rule


def _closed_objectives(okr_set: OKRSet):
    if not okr_set.closed:
        return
    for i, objective in enumerate(okr_set.objectives, 1):
        yield f"O{i}", objective, objective.retro, (objective.retro.line if objective.retro else None) or objective.line


def _missing_closing_decision(okr_set: OKRSet):
    for where, _, retro, line in _closed_objectives(okr_set):
        if retro is None or not retro.decision:
            yield Hit(where, "This objective of a closed cycle has no decision: keep, modify, abandon or "
                             "carry forward?", line)


def _unjustified_carry_forward(okr_set: OKRSet):
    for where, _, retro, line in _closed_objectives(okr_set):
        if retro is not None and retro.decision == "carry-forward" and not retro.value.strip():
            yield Hit(where, "This objective is carried forward without saying what more value it will bring.", line)


def _missing_learning(okr_set: OKRSet):
    for where, _, retro, line in _closed_objectives(okr_set):
        if retro is None or not retro.learning.strip():
            yield Hit(where, "This closed objective records no learning.", line)


def _missing_decision_from_learning(okr_set: OKRSet):
    for where, _, retro, line in _closed_objectives(okr_set):
        if retro is not None and retro.learning.strip() and not retro.decided.strip():
            yield Hit(where, "A learning is recorded, but not what was decided because of it.", line)


def _execution_diagnosis(okr_set: OKRSet):
    for where, objective, retro, line in _closed_objectives(okr_set):
        if retro is None or retro.execution is None:
            continue
        score = scoring.objective_score(objective)
        if score is None or score >= 0.7:
            continue
        stars = f"{retro.execution} star{'s' if retro.execution != 1 else ''}"
        if retro.execution <= 2:
            diagnosis = "poor execution is the likely cause; start over only if the OKR is still essential"
        elif retro.execution >= 4:
            diagnosis = "execution was not the problem, so look again at the target or the hypothesis behind it"
        else:
            diagnosis = "neither execution nor the target is clearly to blame: look at both"
        yield Hit(where, f"Scored {score:.2f} with execution rated {stars}: {diagnosis}.", line)


_HEADER = ("id: marketing\nteam: Marketing\ncycle: 2025-Q1\nobjectives:\n"
           "  - title: Make our brand the first one retail buyers think of\n    key_results:\n"
           "      - text: Raise aided brand recall among retail buyers from 30% to 45%\n"
           "        current: {current}\n        score: {score}\n        note: Survey fielded late.\n"
           "    retro:\n")


def _example(retro: str, current: int = 33, score: float = 0.2) -> str:
    return _HEADER.format(current=current, score=score) + "".join(f"      {line}\n" for line in retro.split("\n"))


RULES = (
    Rule(
        code="OKR601", name="missing-closing-decision", severity="error",
        fires_when="an objective of a closed cycle has no decision among keep, modify, abandon and "
                   "carry-forward (remove is accepted as abandon)",
        why="Closing an OKR means deciding its future: keep it, modify it, abandon it or carry it forward "
            "(or simply keep or remove). Without a decision the next cycle starts from a muddle instead "
            "of a blank sheet.",
        source="deck: how to best close OKRs",
        bad=_example("execution: 3\nlearning: Surveys need booking a month ahead.\n"
                     "decided: Book the survey panel in week 1."),
        good=_example("execution: 3\ndecision: abandon\nlearning: Surveys need booking a month ahead.\n"
                      "decided: Book the survey panel in week 1."),
        hint="Add decision: keep, modify, abandon or carry-forward to the objective's retro block.",
        check=_missing_closing_decision, example_format="yaml",
    ),
    Rule(
        code="OKR602", name="unjustified-carry-forward", severity="warning",
        fires_when="an objective is carried forward and its value (what more value is to be gained) is empty",
        why="Some OKRs flow over into the next cycle, but only because there is more value to be gained, "
            "not because they were not finished. Naming the value keeps the next cycle a deliberate choice.",
        source="deck: reviewing OKRs (continue only for more value, not because it wasn't finished)",
        bad=_example("execution: 4\ndecision: carry-forward\nlearning: Recall moves a quarter after the campaign.\n"
                     "decided: Measure recall again in May."),
        good=_example("execution: 4\ndecision: carry-forward\n"
                      "value: Recall drives shelf space in the summer listings.\n"
                      "learning: Recall moves a quarter after the campaign.\ndecided: Measure recall again in May."),
        hint="Say in value: what more the objective will bring next cycle, or close it instead.",
        check=_unjustified_carry_forward, example_format="yaml",
    ),
    Rule(
        code="OKR603", name="missing-learning", severity="warning",
        fires_when="an objective of a closed cycle records no learning",
        why="Whether an OKR was achieved or not, there are learnings worth keeping where others can build "
            "on them; the OKR lead collects and stores them.",
        source="deck: how to best close OKRs (what did you learn?)",
        bad=_example("execution: 3\ndecision: abandon"),
        good=_example("execution: 3\ndecision: abandon\nlearning: Recall surveys need booking a month ahead.\n"
                      "decided: Book the survey panel in week 1."),
        hint="Write in learning: what this OKR taught you, achieved or not.",
        check=_missing_learning, example_format="yaml",
    ),
    Rule(
        code="OKR604", name="missing-decision-from-learning", severity="warning",
        fires_when="a learning is recorded but no decision based on it (retro.decided is empty)",
        why="Learnings empower decisions, and decisions are the step forward. The deck asks the OKR lead "
            "what the consequence of each learning will be.",
        source="deck: how to best close OKRs (what have you decided based on those learnings?)",
        bad=_example("execution: 3\ndecision: abandon\nlearning: Recall surveys need booking a month ahead."),
        good=_example("execution: 3\ndecision: abandon\nlearning: Recall surveys need booking a month ahead.\n"
                      "decided: Book the survey panel in week 1."),
        hint="Write in decided: what you will do differently because of the learning.",
        check=_missing_decision_from_learning, example_format="yaml",
    ),
    Rule(
        code="OKR605", name="execution-diagnosis", severity="info",
        fires_when="an objective scored below 0.7 carries an execution rating (2 stars or fewer: it likely "
                   "failed through execution; 4 or more: the target or hypothesis needs another look)",
        why="Rating your own execution separates two different problems. Missed with poor execution: start "
            "over if the OKR is still essential. Missed with good execution: the target or the idea behind "
            "it was wrong, and doing more of the same will not help.",
        source="deck: how to best close OKRs (how would you rate your execution?)",
        bad=_example("execution: 2\ndecision: abandon\nlearning: We started the survey too late.\n"
                     "decided: Book the survey panel in week 1."),
        good=_example("execution: 2\ndecision: abandon\nlearning: We started the survey too late.\n"
                      "decided: Book the survey panel in week 1.", current=43, score=0.8),
        hint="Read the diagnosis into the decision: fix the execution, or rethink the target.",
        check=_execution_diagnosis, example_format="yaml",
    ),
)
