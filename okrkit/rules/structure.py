"""Rules about the shape of a set: stray lines, how many objectives and key results, a cycle."""
from __future__ import annotations

from okrkit.errors import InputError, quoted
from okrkit.model import OKRSet
from okrkit.rules.record import Hit, Rule
from okrkit.text import language


def _unrecognized_lines(okr_set: OKRSet):
    for stray in okr_set.stray_lines:
        if stray.kind == "unrecognized":
            reason = f" ({stray.reason})" if stray.reason else ""
            yield Hit("", f"This line is not a header, an objective or a key result{reason}: {stray.text[:60]!r}",
                      stray.line)


def _orphan_key_results(okr_set: OKRSet):
    for stray in okr_set.stray_lines:
        if stray.kind == "orphan-key-result":
            yield Hit("", f"This key result comes before any objective: {stray.text[:60]!r}", stray.line)


def _objectives_without_key_results(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if not objective.key_results:
            yield Hit(f"O{i}", "This objective has no key results, so nobody can tell when it is achieved.",
                      objective.line)


def _too_few_key_results(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if 0 < (n := len(objective.key_results)) < 3:
            yield Hit(f"O{i}", f"This objective has {n} key result{'s' if n > 1 else ''}; aim for 3 to 5.",
                      objective.line)


def _too_many_key_results(okr_set: OKRSet):
    for i, objective in enumerate(okr_set.objectives, 1):
        if (n := len(objective.key_results)) > 5:
            yield Hit(f"O{i}", f"This objective has {n} key results; more than 5 and progress can't be traced.",
                      objective.line)


def _too_many_objectives(okr_set: OKRSet):
    if (n := len(okr_set.objectives)) > 3:
        yield Hit("", f"This set has {n} objectives; a team or a company should have at most 3.")


def _no_time_frame(okr_set: OKRSet):
    if okr_set.objectives and okr_set.cycle and not _readable_cycle(okr_set.cycle):
        # A cycle nobody can date (1899-Q5, 2025-01-01) is no time frame: check-ins and closing
        # would refuse it later, so the learner hears it while writing.
        yield Hit("", f"The cycle {quoted(okr_set.cycle, 60)} is not a cycle the kit can date, so the set "
                      "has no usable time frame.",
                  hint="Write the cycle as 2025-Q1, Q1 2025, 2025-H2, 2025 or 2025-03.")
    elif okr_set.objectives and not okr_set.cycle and not any(
            language.names_time_frame(o.title) for o in okr_set.objectives):
        yield Hit("", "Neither the set nor any objective says when: there is no cycle and no time frame.")


def _readable_cycle(label: str) -> bool:
    from okrkit.formats.cycles import parse_cycle  # calendar and datetime: imported when a set has a cycle

    try:
        parse_cycle(label)
    except InputError:
        return False
    return True


RULES = (
    Rule(
        code="OKR001", name="unrecognized-line", severity="warning",
        fires_when="a non-blank, non-comment line of a text draft is neither a header, an objective nor a key result",
        why="The checker only understands headers, objectives (O:) and key results (KR: or a bullet); "
            "anything else is probably a typo and would be silently lost.",
        source="FORMATS.md, section 1",
        bad="Team: Finance\nCycle: 2025-Q1\nO: Build a finance team people want to join\n"
            "Our CFO will own this.\nKR: Raise finance team eNPS from 10 to 40\n"
            "KR: Cut time-to-hire for finance roles from 60 to 30 days\n"
            "KR: Grow internal applications from 2 to 8 per quarter\n",
        good="Team: Finance\nCycle: 2025-Q1\nOwner: Head of Finance\nO: Build a finance team people want to join\n"
             "KR: Raise finance team eNPS from 10 to 40\n"
             "KR: Cut time-to-hire for finance roles from 60 to 30 days\n"
             "KR: Grow internal applications from 2 to 8 per quarter\n",
        hint="Start the line with O:, KR:, a bullet, or a header such as Owner:, or make it a comment with #.",
        check=_unrecognized_lines,
    ),
    Rule(
        code="OKR101", name="orphan-key-result", severity="error",
        fires_when="a key result comes before any objective",
        why="Every key result measures the progress of one objective; without one it measures nothing.",
        source="deck: every KR belongs to an objective",
        bad="Team: Finance\nCycle: 2025-Q1\nKR: Close the books within 5 working days\n"
            "O: Make month-end calm and predictable\nKR: Cut closing time from 10 to 5 working days\n"
            "KR: Reduce late invoices from 40 to 10 per month\nKR: Raise forecast accuracy from 80% to 95%\n",
        good="Team: Finance\nCycle: 2025-Q1\n"
             "O: Make month-end calm and predictable\nKR: Cut closing time from 10 to 5 working days\n"
             "KR: Reduce late invoices from 40 to 10 per month\nKR: Raise forecast accuracy from 80% to 95%\n",
        hint="Move the key result under the objective it measures, or write that objective first.",
        check=_orphan_key_results,
    ),
    Rule(
        code="OKR104", name="objective-without-key-results", severity="error",
        fires_when="an objective has no key result",
        why="An objective says what matters; its key results say how you will know you got there. "
            "Without them the objective can't be tracked or graded.",
        source="deck; guide: good key results",
        bad="Team: Finance\nCycle: 2025-Q1\nO: Get financially healthy this year\n",
        good="Team: Finance\nCycle: 2025-Q1\nO: Get financially healthy this year\n"
             "KR: Reduce churn from 8% to 5%\nKR: Raise gross revenue retention from 85% to 92%\n"
             "KR: Cut customer acquisition cost from 900 to 600 USD\n",
        hint="Add 3 to 5 measurable key results that would prove the objective is achieved.",
        check=_objectives_without_key_results,
    ),
    Rule(
        code="OKR201", name="too-few-key-results", severity="warning",
        fires_when="an objective has 1 or 2 key results",
        why="3 to 5 key results together give a well-rounded picture of success; with fewer you are "
            "likely to miss an indicator that matters.",
        source="guide: 3-5 measurable results; tips: ideally 3-5",
        bad="Team: Company\nLevel: company\nCycle: 2025\nO: Be the preferred CRM online platform in Germany\n"
            "KR: Increase engagement rate on website from 20 to 35%\n"
            "KR: Increase conversion rate from 25 to 40% in area A,B,C\n",
        good="Team: Company\nLevel: company\nCycle: 2025\nO: Be the preferred CRM online platform in Germany\n"
             "KR: Increase engagement rate on website from 20 to 35%\n"
             "KR: Increase conversion rate from 25 to 40% in area A,B,C\n"
             "KR: Raise customer satisfaction from 3.8 to 4.5\n",
        hint="Add a key result that covers another side of success (quality, speed, customers).",
        check=_too_few_key_results,
    ),
    Rule(
        code="OKR202", name="too-many-key-results", severity="warning",
        fires_when="an objective has more than 5 key results",
        why="With more than 5 key results you can't trace progress back to a specific factor, "
            "and focus is lost.",
        source="guide: more than 5 and you can't trace progress",
        bad="Team: Growth\nCycle: 2025-H1\nO: Make our product the obvious choice for small teams\n"
            "KR: Grow paid accounts from 1,200 to 1,800\nKR: Raise average deal size from 8k to 10k USD\n"
            "KR: Cut churn from 6% to 4.5%\nKR: Increase trial-to-paid conversion from 12% to 18%\n"
            "KR: Reduce time-to-value from 14 days to 7 days\nKR: Raise NPS from 30 to 45\n",
        good="Team: Growth\nCycle: 2025-H1\nO: Make our product the obvious choice for small teams\n"
             "KR: Grow paid accounts from 1,200 to 1,800\nKR: Cut churn from 6% to 4.5%\n"
             "KR: Increase trial-to-paid conversion from 12% to 18%\n",
        hint="Keep the 3 to 5 key results that matter most; move the others to another objective or drop them.",
        check=_too_many_key_results,
    ),
    Rule(
        code="OKR301", name="too-many-objectives", severity="warning",
        fires_when="one set has more than 3 objectives",
        why="OKRs are a guardrail for focus: a company should have 1 to 3 objectives and a team never "
            "more than 3. More objectives means less focus on each.",
        source="guide: company 1-3, a team never more than 3",
        bad="Team: Product\nCycle: 2025-Q3\n"
            "O: Make onboarding delightful\nKR: Raise day-7 activation from 35% to 50%\n"
            "KR: Cut time to first value from 3 days to 1 day\nKR: Increase onboarding survey score from 3.8 to 4.5\n"
            "O: Win the enterprise segment\nKR: Grow enterprise pipeline from 2 to 5 Mil USD\n"
            "KR: Increase enterprise win rate from 18% to 25%\nKR: Reduce security review time from 30 to 10 days\n"
            "O: Become the most reliable product in our category\nKR: Raise uptime from 99.5% to 99.95%\n"
            "KR: Cut P1 incidents from 6 to 1 per quarter\nKR: Reduce mean time to recovery from 90 to 20 minutes\n"
            "O: Turn customers into advocates\nKR: Increase NPS from 22 to 40\n"
            "KR: Grow referral signups from 150 to 400 per month\nKR: Raise review-site rating from 4.1 to 4.6\n",
        good="Team: Product\nCycle: 2025-Q3\n"
             "O: Make onboarding delightful\nKR: Raise day-7 activation from 35% to 50%\n"
             "KR: Cut time to first value from 3 days to 1 day\nKR: Increase onboarding survey score from 3.8 to 4.5\n"
             "O: Win the enterprise segment\nKR: Grow enterprise pipeline from 2 to 5 Mil USD\n"
             "KR: Increase enterprise win rate from 18% to 25%\nKR: Reduce security review time from 30 to 10 days\n",
        hint="Choose the 3 objectives that matter most this cycle; the rest can wait for the next one.",
        check=_too_many_objectives,
    ),
    Rule(
        code="OKR302", name="no-time-frame", severity="warning",
        fires_when="the set has no cycle and no objective names a time frame (Q1-Q4, H1/H2, a year, "
                   "\"by EOY\", \"this quarter\", a month, a date), or its cycle cannot be dated "
                   "(1899-Q5, 2025-01-01: the kit reads 2025-Q1, Q1 2025, 2025-H2, 2025 and 2025-03)",
        why="OKRs are time-bound: a specific time frame (from 3 months to a year) tells everyone when "
            "the result is due and when it will be graded.",
        source="guide: specific time frame",
        bad="Team: Platform\nO: Make our platform the fastest way to ship a data product\n"
            "KR: Cut median build time from 12 minutes to 4 minutes\n"
            "KR: Increase weekly active internal users from 150 to 400\n"
            "KR: Raise deployment success rate from 92% to 99%\n",
        good="Team: Platform\nCycle: 2025-Q3\nO: Make our platform the fastest way to ship a data product\n"
             "KR: Cut median build time from 12 minutes to 4 minutes\n"
             "KR: Increase weekly active internal users from 150 to 400\n"
             "KR: Raise deployment success rate from 92% to 99%\n",
        hint="Add a Cycle: header (for example Cycle: 2025-Q3), or name the time frame in the objective.",
        check=_no_time_frame,
    ),
)
