"""Rules about key results: measurable outcomes with a start, a target and a direction."""
from __future__ import annotations

from okrkit.model import OKRSet
from okrkit.rules.record import Hit, Rule
from okrkit.text import language, numbers, openers, outputs


def _key_results(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        for j, key_result in enumerate(objective.key_results, 1):
            yield f"O{i}/KR{j}", key_result


def _not_measurable(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if missing := kr.measure.placeholder:
            yield Hit(where, f"This key result holds the placeholder '{missing}' where its number belongs: "
                             "the target is still missing.", kr.line,
                      hint=f"Write the target itself (\"from 20 to 40\", \"45%\", \"$1.2M\"); '{missing}' "
                           "is a placeholder, not a number.")
        elif not kr.measure.has_number:
            yield Hit(where, "This key result has no number, so nobody can tell whether it was achieved.", kr.line)


def _is_a_task(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if verb := openers.task_opener(kr.text):
            yield Hit(where, f"This key result opens with '{verb}': it describes an activity, not an outcome.",
                      kr.line)


def _output_not_outcome(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if openers.task_opener(kr.text) is None and (output := outputs.output_counted(kr.text, kr.measure)):
            yield Hit(where, f"This key result counts '{output}', the team's own output: more of it can "
                             "happen and nothing change for anyone.", kr.line)


def _no_baseline(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        numbers = kr.measure
        if (language.METRIC_VERBS.opens(kr.text) and numbers.target is not None and numbers.baseline is None
                and numbers.relative_change is None and numbers.change is None):
            yield Hit(where, "This key result moves a metric to a target but does not say where it starts.", kr.line)


def _contradictory_target(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if problem := kr.measure.contradiction:
            yield Hit(where, f"These numbers cannot be a target: {problem}.", kr.line)


def _kpi_not_okr(okr_set: OKRSet):
    for where, kr in _key_results(okr_set):
        if verb := language.MAINTAIN_VERBS.opens(kr.text):
            yield Hit(where, f"This key result only asks to '{verb}' a metric where it is: that is a KPI.", kr.line)


def _duplicate_key_result(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        # Only key results sharing their words outside numbers can be the same: normalise just those.
        keys = [numbers.words_key(kr.text) for kr in objective.key_results]
        shared = {key for key in keys if keys.count(key) > 1}
        seen: dict[str, int] = {}
        for j, kr in enumerate(objective.key_results, 1):
            if keys[j - 1] not in shared:
                continue
            key = language.normalise(kr.text)
            if key in seen:
                yield Hit(f"O{i}/KR{j}", f"This key result says the same as KR{seen[key]}.", kr.line)
            else:
                seen[key] = j


_HEADER = "Team: Marketing\nCycle: 2025-Q2\nO: Make our brand the first one retail buyers think of\n"

RULES = (
    Rule(
        code="OKR203", name="key-result-not-measurable", severity="error",
        fires_when="the key result has no number or countable quantity (number words, percentages, money "
                   "and durations count; \"all\", \"more\", \"better\" do not)",
        why="Key results are specific and quantifiable: at the end of the cycle a number says whether "
            "you got there. \"Acquire more leads\" is the guide's example of a weak one.",
        source="guide: weak example; tips: specific, quantifiable",
        bad=_HEADER + "KR: Acquire more leads\nKR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Grow qualified leads from 200 to 400 per month\nKR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Say how much: a number, a percentage, an amount of money or a duration, ideally from where to where.",
        check=_not_measurable,
    ),
    Rule(
        code="OKR204", name="key-result-is-a-task", severity="warning",
        fires_when="the key result opens with a verb, in any form, that names work the team does (send, write, "
                   "run, launch, hire, audit, draft, finish, undertake, roll out, and any other verb outside "
                   "the result verbs: change verbs such as increase or reduce, keep verbs, and attainment verbs "
                   "such as reach, win, sign, retain, resolve). A noun phrase (\"Hiring managers report ...\"), "
                   "a label (\"Update - ...\") or a share of work done to a time standard (\"Resolve 90% of "
                   "tickets within 24 hours\") is not a task",
        why="Key results measure the outcomes that matter, not the activities leading to them: "
            "\"Increase customer satisfaction score from 25 to 40\" is an outcome, \"Send out 3 email "
            "campaigns\" a task.",
        source="guide: focus on outcomes rather than tasks",
        bad=_HEADER + "KR: Send out 3 email campaigns to retail buyers\nKR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Increase retail buyers' satisfaction score from 25 to 40\n"
                       "KR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Ask what the activity is for and measure that outcome instead; keep the activity as an initiative.",
        check=_is_a_task,
    ),
    Rule(
        code="OKR205", name="no-baseline", severity="info",
        fires_when="the key result moves a metric (increase, reduce, improve, grow, raise, lower, decrease, "
                   "cut, boost, lift, drop) to an absolute target but states no starting point and no "
                   "relative change",
        why="\"From 20 to 35%\" shows how big the step is; a target alone hides whether it is a stretch "
            "or already reached.",
        source="deck: the \"from 20 to 35%\" form",
        bad=_HEADER + "KR: Increase on-time delivery to 97%\nKR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Increase on-time delivery from 91% to 97%\nKR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Add the starting point (\"from 91% to 97%\", \"up from 25\") or state a relative change (\"by 30%\").",
        check=_no_baseline,
    ),
    Rule(
        code="OKR206", name="contradictory-target", severity="error",
        fires_when="the numbers cannot be a target: from X to X; an increase verb with a lower target than "
                   "the start; a decrease verb with a higher one",
        why="A key result says where a metric must move; numbers that stand still or run against the "
            "verb can't be graded and usually hide a typo.",
        source="RULES.md",
        bad=_HEADER + "KR: Reduce monthly customer complaints from 200 to 1,000\n"
                      "KR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Reduce monthly customer complaints from 1,000 to 200\n"
                       "KR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Check the start and the target: does the verb's direction match the numbers?",
        check=_contradictory_target,
    ),
    Rule(
        code="OKR207", name="kpi-not-okr", severity="info",
        fires_when="the key result only keeps a metric where it is (maintain, keep, sustain, stay, hold, remain)",
        why="KPIs monitor the health of what already works; OKRs drive a change. Both are useful, "
            "for different purposes: keep the KPI on your dashboard, not in your OKRs.",
        source="guide and tips: OKR vs KPI",
        bad=_HEADER + "KR: Maintain website uptime at 99.9%\nKR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Increase returning visitors from 20% to 30%\nKR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Monitor the metric as a KPI; in your OKRs, name a change you want to make.",
        check=_kpi_not_okr,
    ),
    Rule(
        code="OKR208", name="duplicate-key-result", severity="warning",
        fires_when="two key results of one objective say the same thing (after normalising case, spaces, "
                   "punctuation and number formatting: 1,200 = 1200)",
        why="Each key result should add a different view of success; a repeated one adds nothing and "
            "weighs its metric twice.",
        source="RULES.md",
        bad=_HEADER + "KR: Grow trade press mentions from 4 to 12 per quarter\n"
                      "KR: Raise aided brand recall from 30% to 45%\n"
                      "KR: grow trade press mentions from 4 to 12 per quarter.\n",
        good=_HEADER + "KR: Grow trade press mentions from 4 to 12 per quarter\n"
                       "KR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade-fair buyers who ask for a quote from 40 to 80\n",
        hint="Remove the repeat, or replace it with a key result that measures another side of success.",
        check=_duplicate_key_result,
    ),
    Rule(
        code="OKR209", name="output-not-outcome", severity="warning",
        fires_when="the key result counts the team's own activity or deliverables (newsletters sent, blog posts "
                   "published, workshops held, campaigns launched, sales calls made, features shipped), however "
                   "the sentence opens. A count of what others do because of the work (demo requests, outlet "
                   "owners who reorder, replies) is an outcome. A key result that already gets OKR204 does not "
                   "also get OKR209",
        why="Outcomes over tasks, again: twelve newsletters can go out and nobody read them. Dressing an "
            "activity count in a result verb (\"Increase newsletters sent from 4 to 12\") still measures "
            "effort; measure what the newsletters are meant to change.",
        source="guide: focus on outcomes rather than tasks",
        bad=_HEADER + "KR: Increase newsletters sent to retail buyers from 4 to 12\n"
                      "KR: Raise aided brand recall from 30% to 45%\n"
                      "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        good=_HEADER + "KR: Grow retail buyers who ask for a quote after a newsletter from 40 to 120\n"
                       "KR: Raise aided brand recall from 30% to 45%\n"
                       "KR: Grow trade press mentions from 4 to 12 per quarter\n",
        hint="Ask what the output is for and count that: who replies, buys, signs up or comes back.",
        check=_output_not_outcome,
    ),
)
