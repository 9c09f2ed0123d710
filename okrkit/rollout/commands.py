"""Command line for onboarding a pilot group: ``onboard``, ``plan``, ``pilot`` and ``calendar``."""
from __future__ import annotations

import argparse
from pathlib import Path

from okrkit.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
PLOT_FORMATS = (".png", ".svg", ".pdf")


def _organisation(path: str):
    """A spreadsheet export, or anything ``okrkit check`` reads, as an organisation."""
    from okrkit.formats.loading import load
    from okrkit.formats.yamlsets import organisation
    from okrkit.model import OKRSet
    from okrkit.rollout.spreadsheet import read_csv

    if path.lower().endswith(".csv"):
        return read_csv(path)
    loaded = load(path)
    if isinstance(loaded, OKRSet):
        from dataclasses import replace

        return organisation([replace(loaded, id=loaded.id or "team")], name=loaded.name, path=path)
    return loaded


def run_onboard(args: argparse.Namespace) -> int:
    from okrkit.files import refuse_overwriting_input
    from okrkit.rollout import readiness, readiness_report

    refuse_overwriting_input(args.out, args.export, args.plan)
    refuse_overwriting_input(args.fixes, args.export, args.plan, args.out)
    plan = None
    if args.plan:
        from okrkit.rollout.plan import load

        plan = load(args.plan)
    org = _organisation(args.export)
    result = readiness.assess(org)
    readiness_report.write(result, args.out, plan)
    if args.fixes:
        from okrkit.files import write_atomic
        from okrkit.formats.csvsafe import frame_to_csv

        write_atomic(args.fixes, frame_to_csv(readiness.fixes_frame(result)))
    if readiness_report.is_paged(result):  # thousands of teams: counted here, listed in the report's pages
        pages = len(readiness_report.team_pages(result))
        for verdict in reversed(readiness.VERDICTS):
            print(f"  {verdict:<13} {sum(team.verdict == verdict for team in result.teams):,} teams")
        print(f"{result.summary()}. Report: {args.out} (with {pages} pages of teams beside it)")
        return EXIT_FINDINGS if result.findings.errors else EXIT_OK
    for team in result.teams:
        print(f"  {team.verdict:<13} {team.team} ({len(team.fixes)} fixes)")
    print(f"{result.summary()}. Report: {args.out}")
    return EXIT_FINDINGS if result.findings.errors else EXIT_OK


def run_plan(args: argparse.Namespace) -> int:
    from okrkit.rollout import plan as plans
    from okrkit.rollout import plan_export

    if args.new:
        if Path(args.plan).exists():
            raise InputError("already exists; the blank form is written only to a new file", args.plan)
        plans.save(plans.Plan(), args.plan)
        print(f"Wrote a blank implementation plan to {args.plan}: fill it in, then run `okrkit plan {args.plan}`.")
        return EXIT_OK
    plan = plans.load(args.plan)
    if args.out:
        from okrkit.files import refuse_overwriting_input

        refuse_overwriting_input(args.out, args.plan)
    for question in plans.undecided(plan):
        print(f"  undecided  {question.topic}: {question.ask}")
    for flag in plans.flags(plan):
        print(f"  {flag.severity:<9}  {flag.topic}: {flag.message} ({flag.source})")
    print(plan_export.summary(plan) + ".")
    if args.out:
        from okrkit.files import write_atomic
        from okrkit.pages.standalone import page

        suffix = Path(args.out).suffix.lower()
        exporters = {".md": plan_export.as_markdown, ".csv": plan_export.as_csv,
                     ".html": lambda p: page("OKR implementation plan", plan_export.as_html(p))}
        if suffix not in exporters:
            raise InputError("export to .md, .html or .csv", args.out)
        write_atomic(args.out, exporters[suffix](plan))
        print(f"Exported to {args.out}")
    return EXIT_FINDINGS if any(f.severity == "warning" for f in plans.flags(plan)) else EXIT_OK


def run_pilot(args: argparse.Namespace) -> int:
    from okrkit.rollout import pilot

    advice = pilot.recommend(pilot.OrganisationFacts(
        people=args.people, levels=args.levels, cross_functional_initiative=args.initiative,
        executive_sponsorship=not args.no_sponsor, silo_risk=args.silos, initiative_people=args.initiative_people))
    print(advice)
    print("Choose the highest-impact people:", *(f"  - {q}" for q in pilot.HIGHEST_IMPACT_QUESTIONS), sep="\n")
    return EXIT_OK


def run_calendar(args: argparse.Namespace) -> int:
    from okrkit.cycle import milestones

    if args.plot and Path(args.plot).suffix.lower() not in PLOT_FORMATS:
        raise InputError(f"--plot must end in {', '.join(PLOT_FORMATS)}", args.plot)
    steps = milestones.milestones(args.cycle, args.brainstorm_weeks)
    for m in steps:
        span = m.start.isoformat() if m.start == m.end else f"{m.start.isoformat()} to {m.end.isoformat()}"
        print(f"  {m.step}. {span:<24} {m.title} ({m.when})")
    if args.out:
        from okrkit.files import write_atomic

        write_atomic(args.out, milestones.to_ics(steps, f"OKR cycle {milestones.cycle_of(args.cycle).label}"))
        print(f"Calendar written to {args.out}: import it into your calendar program.")
    if args.plot:
        import matplotlib

        from okrkit.files import write_atomic
        from okrkit.pages.plots import figure_bytes

        matplotlib.use("Agg")
        kind = Path(args.plot).suffix.lstrip(".").lower()
        write_atomic(args.plot, figure_bytes(milestones.plot_timeline(steps).figure, kind, dpi=120))
        print(f"Timeline written to {args.plot}")
    return EXIT_OK


def register(commands) -> None:
    from okrkit.cli import positive_int

    onboard = commands.add_parser(
        "onboard", help="readiness report for a pilot group's draft OKRs",
        description="Import a pilot group's draft OKRs (a CSV export, one row per key result; or any "
                    "organisation `okrkit check` reads), run every rule and write a readiness report. "
                    "Exit status: 0 no errors, 1 errors found, 2 input could not be read.")
    onboard.add_argument("export", metavar="EXPORT", help="the spreadsheet export (.csv) or an organisation")
    onboard.add_argument("--out", default="readiness.html", help="the HTML report (default: readiness.html)")
    onboard.add_argument("--plan", metavar="PLAN.yaml", help="include the review of an implementation plan")
    onboard.add_argument("--fixes", metavar="FIXES.csv", help="also write the fixes as a spreadsheet-safe CSV")
    onboard.set_defaults(run=run_onboard)

    plan = commands.add_parser(
        "plan", help="review an OKR implementation plan",
        description="Say which of the deck's implementation questions are undecided and which answers "
                    "contradict the course. Exit status: 0 fine, 1 contradictions, 2 unreadable.")
    plan.add_argument("plan", metavar="PLAN.yaml")
    plan.add_argument("--new", action="store_true", help="write a blank, commented plan to fill in")
    plan.add_argument("--out", metavar="FILE", help="export the plan as .md, .html or .csv")
    plan.set_defaults(run=run_plan)

    pilot = commands.add_parser(
        "pilot", help="recommend a pilot group for an organisation",
        description="Weigh the deck's pilot options (executive, department, strategic initiative, big bang) "
                    "against a few facts about the organisation, and say why.")
    pilot.add_argument("--people", type=positive_int, required=True, help="people in the organisation")
    pilot.add_argument("--levels", type=positive_int, default=3, help="levels from the company down to teams (default 3)")
    pilot.add_argument("--initiative", action="store_true", help="a cross-functional initiative is available")
    pilot.add_argument("--initiative-people", type=positive_int, help="people in that initiative's stakeholder group")
    pilot.add_argument("--no-sponsor", action="store_true", help="no executive sponsors the roll-out")
    pilot.add_argument("--silos", action="store_true", help="departments already work in silos")
    pilot.set_defaults(run=run_pilot)

    calendar = commands.add_parser(
        "calendar", help="the typical OKR cycle as dated milestones and an .ics calendar",
        description="Date the deck's typical OKR cycle for a quarter (2025-Q1), half-year or year.")
    calendar.add_argument("cycle", metavar="CYCLE", help="e.g. 2025-Q1 or Q1 2025")
    calendar.add_argument("--out", metavar="FILE.ics", help="write an iCalendar file to import")
    calendar.add_argument("--plot", metavar="FILE.png", help="save the timeline as an image")
    calendar.add_argument("--brainstorm-weeks", type=int, default=6, choices=(4, 5, 6),
                          help="weeks before the quarter that brainstorming starts (default 6)")
    calendar.set_defaults(run=run_calendar)
