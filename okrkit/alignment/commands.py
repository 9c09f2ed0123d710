"""``okrkit align ORG``: an organisation's alignment as a report, CSV tables and a map.

    okrkit align org.yaml                          # the report: levels, findings, chains, silos, ...
    okrkit align org/ --out map.png                # and the alignment map (.png, .svg or .pdf)
    okrkit align org.yaml --out dept.svg --subtree dept-3 --csv tables/

Exit status as for ``okrkit check``: 0 no alignment error, 1 errors (broken links, cycles),
2 input that could not be read (in a directory, the readable files are still analysed).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from okrkit.errors import InputError

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
MAP_FORMATS = (".png", ".svg", ".pdf")
TABLES = {  # file name: (analysis, what the report calls it)
    "levels": ("level_counts", "By level"),
    "chains": ("parent_chains", "Chains up to the company"),
    "dependencies": ("set_dependencies", "Horizontal alignment: who depends on whom"),
    "silos": ("silo_objectives", "Silo objectives"),
    "shared_key_results": ("shared_key_results", "Key results shared between sets"),
    "links": ("link_table", "Links"),
}


def register(commands) -> None:
    from okrkit.cli import positive_int

    parser = commands.add_parser(
        "align", help="report on an organisation's alignment and draw its alignment map",
        description="Analyse how an organisation's sets hang together: chains up to the company, "
                    "horizontal dependencies, silos, shared and conflicting key results; draw the "
                    "alignment map. Exit status: 0 no alignment error, 1 errors, 2 unreadable input.")
    parser.add_argument("path", metavar="ORG", help="an organisation file or a directory of set files")
    parser.add_argument("--out", metavar="MAP", help="write the alignment map to MAP (.png, .svg or .pdf)")
    parser.add_argument("--subtree", metavar="SET",
                        help="draw only SET, its chain up to the company and everything aligned beneath it")
    parser.add_argument("--max-sets", type=positive_int, default=60, metavar="N",
                        help="sets drawn at most (default 60); beyond that, draw one --subtree")
    parser.add_argument("--csv", metavar="DIR", help="write every table of the report as a CSV file into DIR")
    parser.add_argument("--rows", type=positive_int, default=12, metavar="N",
                        help="rows shown per table in the report (default 12; the CSV files have them all)")
    parser.set_defaults(run=run_align)


def run_align(args: argparse.Namespace) -> int:
    from okrkit.alignment import analysis as alignment_analysis
    from okrkit.files import refuse_overwriting_input
    from okrkit.formats.loading import load
    from okrkit.model import Organisation
    from okrkit.rules import CATALOG, check

    if args.out and Path(args.out).suffix.lower() not in MAP_FORMATS:
        raise InputError(f"--out must end in {', '.join(MAP_FORMATS)}", args.out)
    refuse_overwriting_input(args.out, args.path)
    skipped: list[InputError] = []
    organisation = load(args.path, skipped)
    if not isinstance(organisation, Organisation):
        raise InputError("is a single set; align needs an organisation (an organisation file or a directory "
                         "of set files)", args.path)
    for error in skipped:
        print(f"okrkit: {error}", file=sys.stderr)
    found = check(organisation, [r for r in CATALOG if r.scope == "organisation"])
    tables = {name: getattr(alignment_analysis, function)(organisation) for name, (function, _) in TABLES.items()}
    print(report(organisation, tables, found, args.rows))
    if args.csv:
        write_tables(tables, Path(args.csv))
        print(f"\nWrote {len(tables)} tables to {args.csv}")
    if args.out:
        write_map(organisation, args.out, args.subtree, args.max_sets)
        print(f"Wrote the alignment map to {args.out}")
    elif args.subtree:
        print("(--subtree chooses what the map draws: add --out MAP)")
    if skipped:
        return EXIT_UNREADABLE
    return EXIT_ERRORS if found.errors else EXIT_OK


def report(organisation, tables: dict, found, rows: int) -> str:
    """The tables a coach reads first, each cut to ``rows`` rows."""
    import pandas as pd

    sets, chains = tables["levels"], tables["chains"]
    name = organisation.name or organisation.path or "the organisation"
    lines = [f"Alignment of {name}: {sets['sets'].sum()} sets, {sets['objectives'].sum()} objectives, "
             f"{sets['key_results'].sum()} key results", ""]

    def section(title: str, frame, columns: list[str], count: bool = True) -> None:
        lines.extend([f"{title} ({len(frame)})" if count else title, ""])
        if frame.empty:
            lines.extend(["  none", ""])
            return
        with pd.option_context("display.max_colwidth", 48, "display.width", 160):
            lines.append(frame[columns].head(rows).to_string(index=False))
        if len(frame) > rows:
            lines.append(f"  … and {len(frame) - rows} more (--csv DIR writes them all)")
        lines.append("")

    section("By level", sets, list(sets.columns), count=False)
    lines.append(f"Alignment findings: {found.summary()}" + (" (okrkit check ORG adds the hints)" if found else ""))
    lines += [f"  {f.severity:<7} {f.code} {f.where}: {f.message}" for f in found[:rows]]
    if len(found) > rows:
        lines.append(f"  … and {len(found) - rows} more")
    lines.append("")
    section("Objectives that do not reach the company", chains[~chains["reaches_company"]],
            ["objective", "chain", "ends"])
    section("Silo objectives", tables["silos"], ["objective", "title"])
    deps = tables["dependencies"]
    section("Horizontal alignment: who depends on whom", deps[(deps["depended_on_by"] != "") | (deps["depends_on"] != "")],
            ["set", "depended_on_by", "how", "depends_on", "works_most_with", "unanswered"])
    shared = tables["shared_key_results"]
    section("Key results shared between sets", shared, ["key_result", "text", "target", "status", "finding"])
    return "\n".join(lines).rstrip()


def write_tables(tables: dict, folder: Path) -> None:
    """Each table as ``DIR/<name>.csv``, spreadsheet-safe, written atomically."""
    from okrkit.files import write_atomic
    from okrkit.formats.csvsafe import frame_to_csv

    for name, frame in tables.items():
        write_atomic(folder / f"{name}.csv", frame_to_csv(frame))


def write_map(organisation, path: str, subtree: str | None, max_sets: int = 60) -> None:
    """Draw the map (of one subtree, if asked) and write it atomically."""
    import matplotlib

    matplotlib.use("Agg")

    from okrkit.alignment.map import alignment_map
    from okrkit.files import write_atomic
    from okrkit.pages.plots import figure_bytes

    ax = alignment_map(organisation, subtree=subtree, max_sets=max_sets)
    write_atomic(path, figure_bytes(ax.figure, Path(path).suffix.lower().lstrip("."), dpi=130))
