"""The checker where a learner waits for it: one keystroke, and ``import okrkit``.

One keystroke's work is what a live checker does with the draft after every key: parse it,
run every set rule, render the findings as HTML. It is timed while typing the end of a
typical draft (3 objectives, 12 key results) character by character, so each check sees a
new text, as in a notebook, and once more with every cache of the kit emptied before each
check (the first check of a session). Target: under 10 ms at the 99th percentile.

``import okrkit`` is timed in fresh processes next to ``import pandas`` in the same run, so
the ratio holds on any machine; each is the best of several runs, as ``timeit`` advises,
since slower runs measure whatever else the machine was doing. Target: okrkit under a
quarter of pandas.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

KEYSTROKE_TARGET_MS = 10.0
IMPORT_TARGET_RATIO = 0.25
TYPED_CHARACTERS = 400
COLD_CHECKS = 200
IMPORT_RUNS = 7

# A typical first draft: three objectives with four key results each, and the usual mistakes.
DRAFT = """Team: Customer Success
Level: team
Cycle: 2025-Q3
O: Make every new customer successful in their first month
KR: Raise day-30 activation from 42% to 60%
KR: Cut time to first value from 9 days to 3 days
KR: Increase onboarding satisfaction from 4.1 to 4.6
KR: Launch the new onboarding checklist
O: Keep the customers we have
KR: Reduce monthly churn from 2.4% to 1.5%
KR: Grow net revenue retention from 101% to 108%
KR: Hold 90 quarterly business reviews
KR: Be more proactive with at-risk accounts
O: Grow revenue to 12 Mil USD
KR: Increase expansion revenue from 1.2 to 2 Mil USD
KR: Raise NPS from 31 to 45
KR: Double referrals from existing customers
KR: Get 20 new case studies
"""


def keystroke(text: str) -> str:
    """One keystroke's work: parse, every set rule, the findings as HTML."""
    import okrkit
    from okrkit.pages import html

    return html.findings(okrkit.check(okrkit.parse(text)))


def _clear_caches() -> None:
    """Empty every functools cache in the kit's modules, as in a fresh kernel."""
    for name, module in list(sys.modules.items()):
        if name == "okrkit" or name.startswith("okrkit."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _timed(texts: list[str], before=None) -> list[float]:
    timings = []
    for text in texts:
        if before:
            before()
        started = time.perf_counter()
        keystroke(text)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _latency_rows(label: str, timings: list[float], targeted: bool = True) -> list[dict]:
    p99 = _percentile(timings, 99)
    return [
        {"name": f"{label}: median", "value": round(statistics.median(timings), 3), "unit": "ms",
         "target": "-", "passed": True},
        {"name": f"{label}: p99", "value": round(p99, 3), "unit": "ms",
         "target": f"< {KEYSTROKE_TARGET_MS:g} ms" if targeted else "-",
         "passed": p99 < KEYSTROKE_TARGET_MS or not targeted},
    ]


def _import_seconds(module: str) -> float:
    """Seconds to import a module in a fresh process, with bytecode caches as a user has them.

    pandas' bytecode was written when pip installed it; okrkit's (installed in place) only when
    Python may write it. A shell with PYTHONDONTWRITEBYTECODE would time okrkit's compilation
    against pandas' cached bytecode, so that variable is left out here.
    """
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    return float(out)


def import_times(runs: int = IMPORT_RUNS) -> tuple[float, float]:
    """The best seconds to import okrkit and pandas, each in fresh processes, taken in turns."""
    _import_seconds("okrkit"), _import_seconds("pandas")  # write bytecode caches first
    okrkit, pandas = [], []
    for _ in range(runs):
        okrkit.append(_import_seconds("okrkit"))
        pandas.append(_import_seconds("pandas"))
    return min(okrkit), min(pandas)


def measure() -> list[dict]:
    typing_from = len(DRAFT) - TYPED_CHARACTERS
    typed = [DRAFT[:end] for end in range(typing_from, len(DRAFT) + 1)]
    _timed(typed[:20])  # warm up: imports, compiled patterns
    warm = _timed(typed)
    cold = _timed([DRAFT] * COLD_CHECKS, before=_clear_caches)
    okrkit_s, pandas_s = import_times()
    ratio = okrkit_s / pandas_s
    return [
        *_latency_rows(f"one keystroke, typing ({len(warm)} keystrokes)", warm),
        *_latency_rows(f"first check, caches emptied ({COLD_CHECKS} checks)", cold, targeted=False),
        {"name": f"import okrkit (fresh process, best of {IMPORT_RUNS})", "value": round(okrkit_s * 1000, 1),
         "unit": "ms", "target": "-", "passed": True},
        {"name": f"import pandas (fresh process, best of {IMPORT_RUNS})", "value": round(pandas_s * 1000, 1),
         "unit": "ms",
         "target": "-", "passed": True},
        {"name": "import okrkit / import pandas", "value": round(ratio, 3), "unit": "x",
         "target": f"< {IMPORT_TARGET_RATIO:g}x", "passed": ratio < IMPORT_TARGET_RATIO},
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
