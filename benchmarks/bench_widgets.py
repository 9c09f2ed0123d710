"""One keystroke in the draft checker: parse, every set rule, render the findings (issue 5).

Target: under 10 ms for a typical draft of 3 objectives and 12 key results. Each keystroke
is a new ``value`` set on the widget, as the browser sends it, checked at once (outside a
kernel the checker does not debounce). Two ways of typing are timed: at the end of a key
result (the findings above it keep their views), and Enter and Backspace at the top of the
draft (every line moves, so every finding is rendered again as a new view). Sending the widget messages to the browser is
the kernel's cost and not part of this figure.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

TARGET_MS, AUTOSAVE_TARGET_MS, KEYSTROKES = 10.0, 50.0, 300

# Three objectives, four key results each, with the mistakes learners make.
DRAFT = """Team: Product
Level: team
Cycle: 2025-Q3
O: Make onboarding delightful
KR: Raise day-7 activation from 35% to 50%
KR: Cut time to first value from 3 days to 1 day
KR: Increase onboarding survey score from 3.8 to 4.5
KR: Launch the new welcome tour
O: Win the enterprise segment
KR: Grow enterprise pipeline from 2 to 5 Mil USD
KR: Increase enterprise win rate from 18% to 25%
KR: Reduce security review time from 30 to 10 days
KR: Get more referrals from enterprise customers
O: Become the most reliable product in our category
KR: Raise uptime from 99.5% to 99.95%
KR: Cut P1 incidents from 6 to 1 per quarter
KR: Reduce mean time to recovery from 90 to 20 minutes
KR: Maintain support satisfaction at 95%
"""


def _keystrokes(checker, texts: list[str]) -> list[float]:
    timings = []
    for text in texts:
        started = time.perf_counter()
        checker.value = text
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _row(name: str, timings: list[float], target: float) -> dict:
    value = statistics.median(timings)
    return {"name": name, "value": round(value, 3), "unit": "ms", "target": f"< {target:g} ms",
            "passed": value < target}


def measure() -> list[dict]:
    from okrkit.formats.drafts import parse
    from okrkit.widgets import DraftChecker
    from okrkit.widgets.autosave import Autosave

    assert sum(len(o.key_results) for o in parse(DRAFT).objectives) == 12
    typed = "KR: Grow weekly active teams from 120 to 200"
    checker = DraftChecker(DRAFT)
    _keystrokes(checker, [DRAFT + typed[:5]] * 20)  # warm up
    at_end = _keystrokes(checker, [DRAFT + typed[:i % len(typed) + 1] for i in range(KEYSTROKES)])
    at_top = _keystrokes(checker, ["\n" * (i % 2) + DRAFT for i in range(KEYSTROKES)])  # Enter, Backspace, ...

    with tempfile.TemporaryDirectory() as folder:
        store = Autosave("bench", root=Path(folder))
        saves = []
        for i in range(50):
            started = time.perf_counter()
            store.save(DRAFT + typed[:i % len(typed) + 1])
            saves.append((time.perf_counter() - started) * 1000)

    return [
        _row("draft checker keystroke, typing at the end (3 O, 12 KRs; median)", at_end, TARGET_MS),
        _row("draft checker keystroke, Enter at the top (all findings redrawn)", at_top, TARGET_MS),
        {"name": "  slowest of those keystrokes", "value": round(max(at_end + at_top), 3), "unit": "ms",
         "target": "-", "passed": True},
        _row("autosave after a pause in typing (atomic write + fsync; median)", saves, AUTOSAVE_TARGET_MS),
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<70} {row['value']:>9g} {row['unit']:<3} {row['target']:<9} "
              f"{'ok' if row['passed'] else 'FAILED'}")
