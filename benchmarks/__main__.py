"""``python -m benchmarks [NAME...]``: run the benchmarks, print one table, save the results.

Every ``benchmarks/bench_*.py`` is found by itself and run in a fresh Python process, so a
module that fails, hangs or crashes becomes an ERROR row instead of stopping the others.
The table shows every figure with its target and the machine it ran on; the same results go
to ``benchmarks/results/<time>.json`` (not committed) to compare runs over time.
Exit status: 0 when every target is met, 1 when one is missed or a module failed.
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import json
import math
import os
import pkgutil
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
FIELDS = {"name": str, "value": (int, float), "unit": str, "target": str, "passed": bool}
CONTEXT = "-"  # the target of a figure that only gives context


def discover(wanted: list[str] | None = None) -> list[str]:
    """The benchmark modules, by name; ``wanted`` may say "checker" or "bench_checker"."""
    names = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    if not wanted:
        return names
    chosen = [n for n in names if n in wanted or n.removeprefix("bench_") in wanted]
    unknown = set(wanted) - {n for n in chosen} - {n.removeprefix("bench_") for n in chosen}
    if unknown:
        raise SystemExit(f"no benchmark {', '.join(sorted(unknown))}; known: "
                         f"{', '.join(n.removeprefix('bench_') for n in names)}")
    return chosen


def checked(rows: object) -> list[dict]:
    """The figures a ``measure()`` returned, or a ValueError saying what is wrong with them."""
    if not isinstance(rows, list) or not rows:
        raise ValueError(f"measure() must return a non-empty list of dicts, not {type(rows).__name__}")
    for row in rows:
        if not isinstance(row, dict):
            raise ValueError(f"measure() returned a {type(row).__name__} among its figures")
        for field, kind in FIELDS.items():
            if not isinstance(row.get(field), kind):
                raise ValueError(f"figure {row.get('name')!r}: '{field}' must be {getattr(kind, '__name__', 'a number')}")
    return [{field: row[field] for field in FIELDS} for row in rows]


def run_child(name: str, out: str) -> None:
    """Inside the fresh process: import one module, measure, write its figures as JSON."""
    from okrkit.files import write_atomic

    rows = checked(importlib.import_module(f"benchmarks.{name}").measure())
    write_atomic(out, json.dumps(rows), keep_previous=False)


def run_module(name: str, timeout: float) -> dict:
    """One module's figures, how long it took, and its error if it failed."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "figures.json"
        try:
            proc = subprocess.run([sys.executable, "-m", "benchmarks", "--child", name, str(out)],
                                  cwd=ROOT, capture_output=True, text=True, timeout=timeout)
            error = None if proc.returncode == 0 and out.exists() else _last_words(proc)
        except subprocess.TimeoutExpired:
            error = f"took longer than {timeout:g} s and was stopped"
        rows = json.loads(out.read_text(encoding="utf-8")) if error is None else []
    return {"module": name, "seconds": round(time.perf_counter() - started, 2), "error": error, "figures": rows}


def _last_words(proc: subprocess.CompletedProcess) -> str:
    lines = [line for line in (proc.stderr or "").splitlines() if line.strip()]
    if proc.returncode < 0:
        return f"crashed (signal {-proc.returncode})" + (f": {lines[-1]}" if lines else "")
    return lines[-1].strip() if lines else f"exited with status {proc.returncode}"


def machine() -> dict:
    """What the figures were measured on."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": _memory_gb(),
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "python": f"{platform.python_version()} ({platform.python_implementation()})",
        "os": platform.platform(),
        "commit": _commit(),
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "Hardware", "cpu model") and value.strip():
                    return value.strip()
    except OSError:
        pass
    if sys.platform == "darwin":
        try:
            return subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True,
                                  text=True, timeout=5).stdout.strip() or platform.machine()
        except (OSError, subprocess.SubprocessError):
            pass
    return platform.processor() or platform.machine() or "unknown"


def _memory_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            kilobytes = next(int(line.split()[1]) for line in info if line.startswith("MemTotal:"))
        return round(kilobytes / 1024 ** 2, 1)
    except (OSError, StopIteration, ValueError):
        return None


def _commit() -> str | None:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + (" with local changes" if dirty.stdout.strip() else "")


def result(row: dict) -> str:
    if row["target"] == CONTEXT:
        return "info"
    return "ok" if row["passed"] else "FAIL"


def _value(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    size = abs(value)
    return f"{value:,.0f}" if size >= 100 else f"{value:.1f}" if size >= 10 else \
        f"{value:.2f}" if size >= 1 else f"{value:.3g}"


def table(runs: list[dict], about: dict) -> str:
    """Every figure with its target and result, under the machine it was measured on."""
    lines = []
    for run in runs:
        module = run["module"].removeprefix("bench_")
        if run["error"]:
            lines.append([module, f"failed: {run['error']}", "", "", "ERROR"])
        lines += [[module, row["name"], f"{_value(row['value'])} {row['unit']}".strip(), row["target"], result(row)]
                  for row in run["figures"]]
    head = ["benchmark", "figure", "value", "target", "result"]
    widths = [max(len(str(cells[i])) for cells in [head, *lines]) for i in range(len(head))]
    aligns = ["<", "<", ">", "<", "<"]

    def render(cells: list[str]) -> str:
        return "  ".join(f"{cell:{align}{width}}" for cell, align, width in zip(cells, aligns, widths)).rstrip()

    memory = f" · {about['memory_gb']:g} GB RAM" if about.get("memory_gb") else ""
    load = f" · load average {about['load_average']:g} at start" if about.get("load_average") is not None else ""
    header = [f"okrkit benchmarks, {about['time']}",
              f"Machine: {about['cpu']} · {about['cores']} cores ({about['usable_cores']} usable){memory}{load}",
              f"Python {about['python']} · {about['os']}" + (f" · commit {about['commit']}" if about.get("commit") else ""),
              ""]
    took = ", ".join(f"{run['module'].removeprefix('bench_')} {run['seconds']:g} s" for run in runs)
    return "\n".join([*header, render(head), render(["-" * w for w in widths]), *map(render, lines), "",
                      f"Time taken: {took}."])


def save(runs: list[dict], about: dict, folder: Path = RESULTS) -> Path:
    """The results as JSON, named by the time they were measured."""
    from okrkit.files import write_atomic

    stamp = about["time"].replace(":", "-").replace(" ", "T")
    document = {"machine": about, "benchmarks": runs}
    return write_atomic(folder / f"{stamp}.json", json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="only these benchmarks (e.g. checker)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one module may take (default 900)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the JSON results")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(*args.child)
        return 0
    about = {"time": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ"), **machine()}
    runs = []
    for name in discover(args.names):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        runs.append(run_module(name, args.timeout))
    print(table(runs, about))
    print(f"Saved to {save(runs, about, args.results)}")
    missed = [run for run in runs if run["error"] or any(result(row) == "FAIL" for row in run["figures"])]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
