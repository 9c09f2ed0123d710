"""Rules about grading and self-assessment: sets whose key results carry scores (OKR501-OKR504).

The deck's "rating / reflecting" table puts measured progress, the owner's score and a note
side by side; these rules ask for the note where the two disagree, and for honesty about
commitments missed and stretches that were no stretch.
"""
from __future__ import annotations

from okrkit import scoring
from okrkit.model import OKRSet
from okrkit.rules.record import Hit, Rule


def _key_results(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        for j, kr in enumerate(objective.key_results, 1):
            yield f"O{i}/KR{j}", kr


def _score_out_of_range(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if kr.score is None or scoring.valid_score(kr.score):
            continue
        meant = f" Did you mean {kr.score / 100:g}?" if 1 < kr.score <= 100 else ""
        yield Hit(where, f"The score {kr.score:g} is outside 0.0-1.0.{meant}", kr.line)


def _unexplained_score(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        measured = kr.progress
        if kr.note.strip() or measured is None or not scoring.valid_score(kr.score):
            continue
        if scoring.differs(kr.score, measured):
            yield Hit(where, f"Scored {kr.score:g} but the numbers say {measured:.2f}, and no note says why.",
                      kr.line)


def _committed_miss_unexplained(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if okr_set.objective_type(objective) != "committed" or not objective.scored:
            continue
        score = scoring.objective_score(objective)
        if score is not None and score < 1.0 and not any(kr.note.strip() for kr in objective.key_results):
            yield Hit(f"O{i}", f"A committed objective scored {score:.2f}, below the 1.0 a commitment promises, "
                               "and no key result explains the miss.", objective.line)


def _targets_too_low(okr_set: OKRSet):
    scores = [kr.score for o in okr_set.objectives if okr_set.objective_type(o) == "aspirational"
              for kr in o.key_results if kr.score is not None]
    if scores and min(scores) >= scoring.TOO_EASY:
        yield Hit("", f"Every scored key result of the aspirational objectives scored {scoring.TOO_EASY:g} or more "
                      f"(lowest {min(scores):g}): a stretch aims for about 0.7.")


_HEADER = "id: sales-emea\nteam: Sales EMEA\ncycle: 2025-Q3\ntype: aspirational\nobjectives:\n"
_CUSTOMERS = ("  - title: Become the partner mid-size retailers trust first\n    key_results:\n"
              "      - text: Bring in 10 new customers\n        baseline: 0\n        target: 10\n"
              "        current: 7\n")
_OPS = ("id: it-ops\nteam: IT Operations\ncycle: 2025-Q2\nobjectives:\n"
        "  - title: Make every release boringly reliable\n    type: committed\n    key_results:\n"
        "      - text: Cut failed deployments from 12 to 2 per month\n        current: 4\n        score: 0.8\n")
_STRETCH = ("  - title: Make self-service the first choice for every employee\n    key_results:\n"
            "      - text: Increase self-service ticket resolution from 20% to 50%\n        current: {0}\n"
            "        score: {1}\n"
            "      - text: Reduce password-reset tickets from 400 to 100 per month\n        current: {2}\n"
            "        score: {3}\n")

RULES = (
    Rule(
        code="OKR501", name="score-out-of-range", severity="error",
        fires_when="a key result's score is outside 0.0-1.0",
        why="OKRs are graded on 0.0-1.0, and every band and grade of the course reads that scale. "
            "A score of 70 or 1.3 is usually a percentage or a typo, and it would distort every average.",
        source="deck: rating of OKRs (0-0.3 red, 0.4-0.6 yellow, >0.7 green; the kit reads green as 0.7 and above)",
        bad=_HEADER + _CUSTOMERS + "        score: 70\n        note: Seven of ten, a fair result.\n",
        good=_HEADER + _CUSTOMERS + "        score: 0.7\n        note: Seven of ten, a fair result.\n",
        hint="Write the score on 0.0-1.0: 0.7, not 70 or 70%.",
        check=_score_out_of_range, example_format="yaml",
    ),
    Rule(
        code="OKR502", name="unexplained-score", severity="warning",
        fires_when="a key result's score differs from its measured progress by 0.2 or more and its "
                   "self-assessment note is empty",
        why="A score is a judgement, so it may differ from the numbers: a tougher market can make 70% "
            "worth 0.9, luck can make 80% worth 0.6. The deck's rating table always says why; without "
            "the why, nobody can learn from the gap.",
        source="deck: rating / reflecting on OKRs (progress 70%, score 0.9, and the self-assessment)",
        bad=_HEADER + _CUSTOMERS + "        score: 0.9\n",
        good=_HEADER + _CUSTOMERS + "        score: 0.9\n        note: Far tougher than we thought; seven "
                                    "new customers was an outstanding effort.\n",
        hint="Add a note saying why the score differs from the measured progress, or align the score with it.",
        check=_unexplained_score, example_format="yaml",
    ),
    Rule(
        code="OKR503", name="committed-miss-unexplained", severity="warning",
        fires_when="an objective of type committed scores below 1.0 and none of its key results carries a "
                   "note explaining it",
        why="A committed OKR is a promise to deliver in full (1.0); aspirational ones aim for about 0.7. "
            "A missed commitment is not a failure to hide but something the team must explain, so others "
            "can plan around it.",
        source="committed vs aspirational OKRs (RULES.md scoring conventions)",
        bad=_OPS,
        good=_OPS + "        note: Two releases hit a vendor outage we could not route around.\n",
        hint="Say on at least one key result what kept the commitment from being met, and what happens next.",
        check=_committed_miss_unexplained, example_format="yaml",
    ),
    Rule(
        code="OKR504", name="targets-too-low", severity="warning",
        fires_when="every scored key result of the set's aspirational objectives scores at least 0.9 "
                   "(reported once, on the set)",
        why="A stretch target that is always met was not a stretch: aspirational OKRs are expected to land "
            "around 0.7. The deck's example: \"I realized I'd set the OKR too low.\"",
        source="deck: rating / reflecting (\"I'd set the OKR too low\"); guide: aim for 70% of the target",
        bad="id: it-ops\ncycle: 2025-Q2\nobjectives:\n" + _STRETCH.format(52, 1.0, 90, 1.0),
        good="id: it-ops\ncycle: 2025-Q2\nobjectives:\n" + _STRETCH.format(41, 0.7, 180, 0.75),
        hint="Set the next cycle's aspirational targets higher, so that about 0.7 is a good result.",
        check=_targets_too_low, example_format="yaml",
    ),
)
