"""Module 1 exercises: OKRs, KPIs and individual goals; red and green states; an aspirational target."""
from __future__ import annotations

from okrkit.exercises.judging import choice, classify
from okrkit.exercises.record import Exercise, Marked, Point
from okrkit.scoring import progress

# The guide's table (OKRs, KPIs, individual performance goals), with two more of each kind.
FRAMEWORKS = {
    "Improve product responsiveness from 1 second to 0.5 seconds": "okr",
    "Weekly active users": "kpi",
    "How each engineer contributes to the 15 stories roadmapped to improve responsiveness": "individual",
    "Increase qualified leads in market A from 200 to 400 this quarter": "okr",
    "Maintain website uptime at 99.9%": "kpi",
    "Monthly churn rate": "kpi",
}
_FRAMEWORK_WORDS = {
    "okr": "okr", "okrs": "okr", "objective and key result": "okr", "objectives and key results": "okr",
    "kpi": "kpi", "kpis": "kpi", "key performance indicator": "kpi",
    "individual": "individual", "individual goal": "individual", "individual performance goal": "individual",
    "individual goals": "individual", "individual performance goals": "individual",
}
_WHY_FRAMEWORK = {
    "okr": "it names a change to make in the underlying dynamics, often a leading indicator",
    "kpi": "it is a snapshot of health to monitor (often a lagging indicator), not a change to make",
    "individual": "it measures one person's contribution to the team's effort",
}

# The deck's neuro traffic lights: what triggers the red state and the green state.
TRIGGERS = {
    "Blame culture": "red",
    "Engaging vision": "green",
    "Unrealistic goals": "red",
    "Shared leadership": "green",
    "Bureaucratic planning processes": "red",
    "Continuous reflection and learning": "green",
    "Unclear contribution to overall success": "red",
    "Explorative growth mindset": "green",
}

# A team that plays it safe: what it expects to reach, and the baseline.
SAFE_BASELINE, SAFE_EXPECTED, EXPECTED_SCORE, TOLERANCE = 200, 300, 0.7, 0.05
# The guide's 70% rule read literally: what you expect is 70% of the stated target itself. That
# share moves slowly with the target (0.7 +/- 0.05 would span 400 to 462), so its band is narrower
# to ask for the same care as the kit's reading, 70% of the way from the baseline.
LITERAL_TOLERANCE = 0.03


def _judge_frameworks(answer: dict) -> Marked:
    return classify(answer, FRAMEWORKS, lambda said: _FRAMEWORK_WORDS.get(choice(said)),
                    lambda _, right: f"{right}, {_WHY_FRAMEWORK[right]}")


def _judge_triggers(answer: dict) -> Marked:
    def read(said):
        word = choice(said)
        return word if word in ("red", "green") else None
    meaning = {"red": "it leads to hesitation and low mental performance",
               "green": "it fosters ownership and high mental performance"}
    return classify(answer, TRIGGERS, read, lambda _, right: f"{right}, {meaning[right]}")


def _judge_stretch(answer: float) -> Marked:
    """Either reading of the guide's rule passes: the kit's (reaching what the team expects scores
    about 0.7 of the way from the baseline) or the guide's literal one (what the team expects is
    about 70% of the target stated)."""
    target = float(answer)
    if not target > SAFE_EXPECTED:
        return Marked((Point(False, f"A target of {target:g} is no stretch: the team already expects to reach "
                                    f"{SAFE_EXPECTED} without stretching."),))
    scored = progress(SAFE_BASELINE, target, SAFE_EXPECTED)
    share = SAFE_EXPECTED / target
    if abs(share - EXPECTED_SCORE) <= LITERAL_TOLERANCE:
        reading = (True, f"{SAFE_EXPECTED} is {share:.0%} of {target:g}: the guide's rule read literally, "
                         f"what you expect is about {EXPECTED_SCORE:.0%} of the target on the OKR. (The kit scores "
                         f"progress from the baseline, so reaching {SAFE_EXPECTED} would score {scored:.2f} there.)")
    else:
        reading = (abs(scored - EXPECTED_SCORE) <= TOLERANCE,
                   f"Reaching {SAFE_EXPECTED} would score {scored:.2f} of the way from the baseline; an aspirational "
                   f"OKR expects about {EXPECTED_SCORE} (within {TOLERANCE}). Read literally, the guide asks that "
                   f"{SAFE_EXPECTED} be about {EXPECTED_SCORE:.0%} of the target; it is {share:.0%} of {target:g}.")
    return Marked((
        Point(True, f"A target of {target:g} is above what the team expects ({SAFE_EXPECTED}): a stretch."),
        Point(*reading),
    ))


EXERCISES = (
    Exercise(
        id="01-1", title="OKR, KPI or individual goal?", module=1,
        task="Label each statement \"okr\", \"kpi\" or \"individual\".",
        answer_type=dict, starter={item: "" for item in FRAMEWORKS},
        hints=("An OKR asks for a change; a KPI watches the health of something that already runs.",
               "Look for a starting point and a target: a change from somewhere to somewhere is an OKR. "
               "A bare metric, or keeping one where it is, is a KPI.",
               "One statement is about how a single person contributes: that is an individual goal."),
        judge=_judge_frameworks,
    ),
    Exercise(
        id="01-2", title="Red state or green state?", module=1,
        task="Label each trigger \"red\" or \"green\", as the deck's neuro traffic lights do.",
        answer_type=dict, starter={trigger: "" for trigger in TRIGGERS},
        hints=("Ask how each trigger would make you feel at work: valued and on the right path, or "
               "blamed and working in vain?",
               "Red-state triggers take away clarity, empowerment or leadership; green-state triggers "
               "give them.",
               "Goals that can't be reached and plans nobody can follow are red; a vision people want "
               "to share and a habit of learning are green."),
        judge=_judge_triggers,
    ),
    Exercise(
        id="01-3", title="Don't play it safe", module=1,
        task=f"A team expects to grow qualified leads from {SAFE_BASELINE} to {SAFE_EXPECTED} without "
             f"stretching. Give the target an aspirational key result should state, so that reaching "
             f"{SAFE_EXPECTED} scores about {EXPECTED_SCORE}: the kit's reading of the guide's 70% rule, "
             f"70% of the way from the baseline. The guide's literal reading ({SAFE_EXPECTED} is 70% of the "
             f"target) is accepted too.",
        answer_type=(int, float), starter=None,
        hints=(f"The guide: what you want to achieve should be {EXPECTED_SCORE:.0%} of the target stated on "
               "the OKR. The kit reads it as 70% of the way from the baseline; the literal reading passes too.",
               "Progress = (current - baseline) / (target - baseline). Here the baseline is "
               f"{SAFE_BASELINE} and the current value you expect is {SAFE_EXPECTED}.",
               f"Solve {EXPECTED_SCORE} = ({SAFE_EXPECTED} - {SAFE_BASELINE}) / (target - {SAFE_BASELINE}) "
               f"for the target (or, read literally, {SAFE_EXPECTED} = {EXPECTED_SCORE} x target)."),
        judge=_judge_stretch,
    ),
)
