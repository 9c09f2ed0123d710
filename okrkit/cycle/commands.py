"""Command line for running a cycle: ``score``, ``checkins`` and ``close``.

- ``okrkit score SET...``: each objective's score against what its type expects, and each
  key result's progress beside its score and note (text, CSV or JSON).
- ``okrkit checkins LOG --set SET``: status of each key result, cadence, open blockers and
  risks, net confidence; the rows that could not count are listed with their line.
- ``okrkit close SET --next NEXT``: the closing of each objective, and the next cycle's draft.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from okrkit.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _number(value) -> str:
    return "—" if value is None or value != value else f"{value:.2f}"


def _print_problems(problems) -> None:
    for problem in problems:
        print(f"okrkit: {problem}", file=sys.stderr)


def run_score(args: argparse.Namespace) -> int:
    from okrkit.cycle import assessment
    from okrkit.files import refuse_overwriting_input, write_atomic
    from okrkit.formats.csvsafe import frame_to_csv
    from okrkit.formats.loading import load

    refuse_overwriting_input(args.output, *args.paths)
    sets = assessment.sets_of([load(path) for path in args.paths])
    if not sets:
        raise InputError("holds no sets to score", args.paths[0])
    if args.format == "text":
        text = _score_text(sets)
    else:
        import pandas as pd

        objectives = assessment.score_report(sets)
        tables = [assessment.rating_table(s) for s in sets]
        for okr_set, table in zip(sets, tables):
            table.insert(0, "set", okr_set.id or okr_set.name)
        key_results = pd.concat(tables, ignore_index=True)
        if args.format == "csv":
            text = frame_to_csv(key_results if args.by == "key-result" else objectives)
        else:
            text = json.dumps({"objectives": json.loads(objectives.to_json(orient="records")),
                               "key_results": json.loads(key_results.to_json(orient="records"))},
                              indent=2, ensure_ascii=False)
    if args.output:
        write_atomic(args.output, text if text.endswith("\n") else text + "\n")
        print(f"Wrote the score report to {args.output}.")
    else:
        print(text.rstrip("\n"))
    return EXIT_OK


def _score_text(sets) -> str:
    from okrkit import scoring

    lines = []
    for okr_set in sets:
        overall = scoring.set_score(okr_set)
        lines.append(okr_set.name + (f" · {okr_set.cycle}" if okr_set.cycle else "")
                     + (f" · set score {overall:.2f} ({scoring.band(overall)})" if overall is not None else ""))
        for i, objective in enumerate(okr_set.objectives, 1):
            score, kind = scoring.objective_score(objective), okr_set.objective_type(objective)
            reading = scoring.expectation(score, kind) if score is not None else "not scored yet"
            lines.append(f"  O{i}  {_number(score):>4} {scoring.band(score) if score is not None else '':<6} "
                         f"{objective.title}")
            lines.append(f"       {kind}, aims for {scoring.EXPECTED_SCORE[kind]:.1f}: {reading}")
            for j, kr in enumerate(objective.key_results, 1):
                lines.append(f"       KR{j:<2} progress {_number(kr.progress):>4}  score {_number(kr.score):>4}  "
                             f"{kr.text}")
                if kr.note:
                    lines.append(f"            “{kr.note}”")
        lines.append("")
    return "\n".join(lines)


def _reading_dates(okr_set, args):
    from okrkit.formats.cycles import parse_cycle

    label = args.cycle or okr_set.cycle
    if not label:
        raise InputError("has no cycle: give one with --cycle 2025-Q1", okr_set.path)
    cycle = parse_cycle(label, None if args.cycle else okr_set.path)
    today = date.today()
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else min(today, cycle.end)
    except ValueError:
        raise InputError(f"--as-of {args.as_of!r} is not a date: write it as YYYY-MM-DD") from None
    return cycle, as_of, max(today, as_of)


def run_checkins(args: argparse.Namespace) -> int:
    from okrkit.cycle import checkins, tracking
    from okrkit.files import refuse_overwriting_input
    from okrkit.formats.loading import load
    from okrkit.model import Organisation

    refuse_overwriting_input(args.save, args.log, args.set)
    target = load(args.set)
    sets = target.sets if isinstance(target, Organisation) else (target,)
    if not sets:
        raise InputError("holds no sets to read the check-ins against", args.set)
    if isinstance(target, Organisation) and target.cycle and not args.cycle:
        args.cycle = target.cycle
    cycle, as_of, today = _reading_dates(sets[0], args)
    log = checkins.validate(checkins.load_log(args.log), target, cycle, today)
    readings = [tracking.read_team(s, log.for_set(s.id) if isinstance(target, Organisation) else log, cycle, as_of)
                for s in sets]
    if args.save:
        checkins.save_log(log, args.save)
    if args.format == "json":
        print(json.dumps([_reading_json(r) for r in readings], indent=2, ensure_ascii=False))
    else:
        print("\n".join(_reading_text(r) for r in readings).rstrip("\n"))
    if args.save:
        print(f"Saved the {len(log.entries)} check-ins that count to {args.save}.", file=sys.stderr)
    _print_problems(log.problems)
    return EXIT_FINDINGS if log.problems else EXIT_OK


def _reading_json(reading) -> dict:
    return {"team": reading.team, "cycle": reading.cycle.label, "as_of": reading.as_of.isoformat(),
            "cadence": reading.cadence.name, "net_confidence": reading.net_confidence,
            "key_results": [{"where": t.where, "text": t.text, "status": t.status, "reason": t.reason,
                             "progress": t.progress, "expected": t.elapsed, "projected": t.projected,
                             "confidence": t.confidence} for t in reading.tracks],
            "open": [{"where": i.where, "kind": i.kind, "text": i.text, "since": i.since.isoformat()}
                     for i in reading.issues]}


def _reading_text(reading) -> str:
    cadence = reading.cadence
    net = "—" if reading.net_confidence is None else f"{reading.net_confidence:+.0%}"
    lines = [f"{reading.team} · {reading.cycle} · as of {reading.as_of} ({reading.tracks[0].elapsed:.0%} of the cycle)"
             if reading.tracks else f"{reading.team} · {reading.cycle}",
             f"  cadence: {cadence.name} ({cadence.weeks_with_check_in} of {cadence.weeks} weeks with a check-in, "
             f"longest gap {cadence.longest_gap_days} days): {', '.join(cadence.cadence.consequences)}",
             f"  net confidence {net}: {reading.count('on track')} on track, {reading.count('at risk')} at risk, "
             f"{reading.count('off track')} off track, {reading.count('no check-in')} without a check-in"]
    for t in reading.tracks:
        lines.append(f"  {t.where:<7} {t.status:<12} {t.reason}")
    for issue in reading.issues:
        lines.append(f"  open {issue.kind} on {issue.where} since {issue.since}: {issue.text}")
    return "\n".join(lines) + "\n"


def run_close(args: argparse.Namespace) -> int:
    from okrkit.cycle import retro
    from okrkit.files import backup_path, refuse_overwriting_input, write_atomic
    from okrkit.formats.loading import load
    from okrkit.model import OKRSet
    from okrkit.rules import check

    refuse_overwriting_input(args.next, args.set)
    refuse_overwriting_input(args.retro, args.set, args.next)
    okr_set = load(args.set)
    if not isinstance(okr_set, OKRSet):
        raise InputError("is an organisation: close one set at a time", args.set)
    if not okr_set.closed:
        raise InputError("has no retro block yet: add one to each objective (decision, execution, learning, "
                         "decided) to close the cycle", args.set)
    found = [f for f in check(okr_set) if f.code.startswith("OKR6")]
    for i, objective in enumerate(okr_set.objectives, 1):
        r = objective.retro
        stars = "★" * r.execution if r and r.execution else "no rating"
        lines = [f"O{i} {objective.title}: {r.decision if r and r.decision else 'no decision'}, {stars}"]
        lines += [f"     {f.code} {f.message}" for f in found if f.where == f"O{i}"]
        print("\n".join(lines))
    if args.next:
        before = Path(args.next).read_bytes() if os.path.isfile(args.next) else None
        written = retro.write_next_draft(okr_set, args.next, args.cycle)
        changed = before is not None and before != written.read_bytes()  # the same text again keeps no backup
        kept = f" (the previous file is kept as {backup_path(written)})" if changed else ""
        print(f"Wrote the next cycle's draft to {written}{kept}.")
    if args.retro:
        write_atomic(args.retro, retro.team_retrospective(okr_set).as_markdown())
        print(f"Wrote the team retrospective to {args.retro}: send it to the team before the next drafting.")
    return EXIT_FINDINGS if any(f.severity == "error" for f in found) else EXIT_OK


def register(commands) -> None:
    score = commands.add_parser(
        "score", help="score report: objectives against their aim, key results' progress beside their score",
        description="Score each objective (the mean of its key results' scores, progress where no score is "
                    "given) and read it against its type: committed aims for 1.0, aspirational for about 0.7.")
    score.add_argument("paths", nargs="+", metavar="SET", help="a YAML set, an organisation or a directory")
    score.add_argument("--format", choices=("text", "csv", "json"), default="text", help="output format")
    score.add_argument("--by", choices=("objective", "key-result"), default="objective",
                       help="rows of the CSV output (default: objective)")
    score.add_argument("--output", metavar="FILE", help="write the report to FILE instead of the screen")
    score.set_defaults(run=run_score)

    log = commands.add_parser(
        "checkins", help="read a check-in log: status per key result, cadence, blockers, net confidence",
        description="Read a check-in log (CSV or YAML: kr, date, value, confidence 0-1 or 0-10, blockers, "
                    "risks, comment) against a set. Rows that cannot count are listed with their line; "
                    "exit status 1 when there are any, 2 when the log cannot be read at all.")
    log.add_argument("log", metavar="LOG", help="the check-in log (.csv, .yaml)")
    log.add_argument("--set", required=True, metavar="SET", help="the set (or organisation) the log is about")
    log.add_argument("--cycle", help="the cycle, when the set does not give it (2025-Q1, Q1 2025, 2025-H2, 2025)")
    log.add_argument("--as-of", metavar="YYYY-MM-DD", help="read the log as on this day (default: today)")
    log.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    log.add_argument("--save", metavar="FILE", help="save the rows that count to FILE (.csv or .yaml)")
    log.set_defaults(run=run_checkins)

    close = commands.add_parser(
        "close", help="close a cycle: each objective's decision, and the next cycle's draft",
        description="Show how each objective of a closed set was closed (decision, execution stars, the "
                    "OKR601-OKR605 findings) and write the next cycle's draft: a blank sheet except the "
                    "objectives kept or carried forward, each with the value that justifies it.")
    close.add_argument("set", metavar="SET", help="a YAML set whose objectives carry retro blocks")
    close.add_argument("--next", metavar="FILE", help="write the next cycle's draft to FILE (.okr or .yaml); "
                                                      "a file already there is kept as FILE~")
    close.add_argument("--cycle", help="the next cycle (default: the one after the set's)")
    close.add_argument("--retro", metavar="FILE.md", help="write the team retrospective to send before drafting")
    close.set_defaults(run=run_close)
