"""An organisation-wide import: 5,000 sets, 15,000 objectives, 60,000 key results.

What is timed is what ``okrkit align`` and ``okrkit check`` do with such an organisation:
load it (one YAML file, or a directory of 5,000 set files), check it against the alignment
rules, build the alignment analysis (the graph and the coach's tables), then run the set
rules too (``okrkit check`` runs every rule). The organisation comes from
:mod:`benchmarks.synthetic` (fixed seed) and is written to a temporary folder first. Each
form runs in a fresh process, so its peak memory is its own; each is timed ``RUNS`` times and
the best kept, as ``timeit`` advises (slower runs measure whatever else the machine did);
CPU time is shown beside wall time for the same reason.
Target (issues 3 and 8): load + every rule + analysis under 3 s, and peak memory under 1 GB,
on one core. The total without the set rules (what ``okrkit align`` waits for) is context.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synthetic import organisation_data, write_directory, write_yaml

N_SETS = 5000
RUNS = 1  # one run per form keeps the benchmark under a minute; raise it on a quiet machine
TARGET_S, TARGET_MB = 3.0, 1024

WORKLOAD = r"""
import json, resource, sys, time
import okrkit, pandas
from okrkit.alignment import analysis
from okrkit.rules import CATALOG
clock, cpu = time.perf_counter, time.process_time
marks = [(clock(), cpu())]
org = okrkit.load(sys.argv[1]); marks.append((clock(), cpu()))
found = okrkit.check(org, [r for r in CATALOG if r.scope == "organisation"]); marks.append((clock(), cpu()))
tables = [analysis.parent_chains(org), analysis.set_dependencies(org), analysis.silo_objectives(org),
          analysis.shared_key_results(org), analysis.level_counts(org), analysis.link_table(org)]
marks.append((clock(), cpu()))
found += okrkit.check(org, [r for r in CATALOG if r.scope == "set"]); marks.append((clock(), cpu()))
steps = {name: [round(b[i] - a[i], 3) for i in (0, 1)] for name, a, b in
         zip(("load", "alignment rules (OKR401-OKR406)", "alignment analysis (6 tables)", "set rules"),
             marks, marks[1:])}
print(json.dumps({"steps": steps, "findings": len(found), "sets": len(org.sets),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(path: Path) -> dict:
    """One load, check and analysis in a fresh process: its step times (wall, cpu) and peak memory."""
    proc = subprocess.run([sys.executable, "-c", WORKLOAD, str(path)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best(path: Path, runs: int) -> dict:
    results = [run(path) for _ in range(runs)]
    return min(results, key=lambda r: sum(wall for wall, _ in r["steps"].values()))


def figures(form: str, result: dict) -> list[dict]:
    steps = result["steps"]
    rows = [{"name": f"{form}: {name}", "value": wall, "unit": "s", "target": "-", "passed": True}
            for name, (wall, _) in steps.items()]
    # Only the whole of what ``okrkit check`` does carries the target; the total without the
    # set rules (what ``okrkit align`` waits for) is context.
    for label, chosen, targeted in (("load + alignment rules + analysis", [s for s in steps if s != "set rules"], False),
                                    ("load + every rule + analysis", list(steps), True)):
        wall, used = (sum(steps[s][i] for s in chosen) for i in (0, 1))
        rows += [{"name": f"{form}: {label}{' = TOTAL' if targeted else ''}", "value": round(wall, 2), "unit": "s",
                  "target": f"< {TARGET_S:g} s" if targeted else "-", "passed": wall < TARGET_S or not targeted},
                 {"name": f"{form}: {label}, CPU time", "value": round(used, 2), "unit": "s", "target": "-",
                  "passed": True}]
    return rows + [{"name": f"{form}: peak memory", "value": round(result["peak_mb"]), "unit": "MB",
                    "target": f"< {TARGET_MB} MB", "passed": result["peak_mb"] < TARGET_MB}]


def measure() -> list[dict]:
    data = organisation_data(N_SETS)
    objectives = sum(len(s["objectives"]) for s in data["sets"])
    key_results = sum(len(o["key_results"]) for s in data["sets"] for o in s["objectives"])
    with tempfile.TemporaryDirectory() as scratch:
        one_file = write_yaml(Path(scratch) / "organisation.yaml", data)
        folder = write_directory(Path(scratch) / "organisation", data)
        size_mb = one_file.stat().st_size / 1e6
        rows = [{"name": f"organisation: {N_SETS} sets, {objectives} objectives, {key_results} key results",
                 "value": round(size_mb, 1), "unit": "MB", "target": "-", "passed": True}]
        rows += figures("one YAML file", best(one_file, RUNS))
        rows += figures(f"a directory of {N_SETS} files", best(folder, RUNS))
    return rows


if __name__ == "__main__":
    for row in measure():
        print(row)
