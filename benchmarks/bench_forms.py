"""The forms after the draft checker: what one change costs in the kernel (issue 5, phase 2).

A slider moved on the score card and a key typed in the retro form re-score or re-close the
whole set, check it and redraw every badge: they must feel as immediate as a keystroke in
the draft checker (under 10 ms for 3 objectives and 12 key results). Adding a check-in
validates the log, reads every key result's status and redraws the trend plot: a button
press that answers within a second. On the alignment board a pause in typing re-reads the
team's YAML and the organisation's links (under 100 ms); the map follows after a longer
pause and is timed on its own. Each change is made as the browser makes it (a new
``value``), outside an event loop, so nothing waits for a pause in typing.
"""
from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from benchmarks.bench_widgets import DRAFT

KEYSTROKE_MS, BUTTON_MS, BOARD_MS, MAP_MS = 10.0, 1000.0, 100.0, 3000.0


def _timed(action, times: int) -> list[float]:
    timings = []
    for i in range(times):
        started = time.perf_counter()
        action(i)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _row(name: str, timings: list[float], target: float) -> dict:
    value = statistics.median(timings)
    return {"name": name, "value": round(value, 3), "unit": "ms", "target": f"< {target:g} ms",
            "passed": value < target}


def measure() -> list[dict]:
    import matplotlib

    matplotlib.use("Agg")
    from okrkit.widgets import AlignmentBoard, CheckInLogger, RetroForm, ScoreCard
    from okrkit.widgets.alignment_board import _map_png

    card = ScoreCard(DRAFT)
    sliders = [row.slider for row in card.rows.values()]
    _timed(lambda i: setattr(sliders[i % 12], "value", (i % 10) / 10), 20)  # warm up
    slider = _timed(lambda i: setattr(sliders[i % 12], "value", ((i * 3) % 11) / 10), 300)

    form = RetroForm(card.okr_set)
    learning = form.objectives["O2"].learning
    typed = "Enterprise buyers want a security review before the pilot, not after it."
    keystroke = _timed(lambda i: setattr(learning, "value", typed[:i % len(typed) + 1]), 300)

    log = CheckInLogger(DRAFT, today=date(2025, 9, 30))
    log.value.value = "40"
    log.add_check_in()  # warm up: the first plot imports matplotlib

    def check_in(i: int) -> None:  # weekly, on one key result: its history and plot change each time
        log.day.value, log.value.value = date(2025, 7, 8) + timedelta(days=7 * i), str(41 + i)
        log.add_check_in()

    adding = _timed(check_in, 10)

    board = AlignmentBoard("lateral-alignment", debounce=0)
    board._redraw = lambda: None  # the map is timed on its own below
    original = board.text.value
    edits = [original.replace("from 10% to 40%", f"from 10% to {40 + i % 20}%") for i in range(40)]
    editing = _timed(lambda i: setattr(board.text, "value", edits[i]), 40)
    drawing = _timed(lambda i: _map_png(board.organisation), 3)

    return [
        _row("score card: one slider move (3 O, 12 KRs; median)", slider, KEYSTROKE_MS),
        _row("retro form: one keystroke in a learning (3 objectives; median)", keystroke, KEYSTROKE_MS),
        _row("check-in log: Add check-in (validate, statuses, trend plot; median)", adding, BUTTON_MS),
        _row("alignment board: a pause in typing, without the map (median)", editing, BOARD_MS),
        _row("alignment board: the map redrawn (lateral-alignment; median)", drawing, MAP_MS),
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<70} {row['value']:>9g} {row['unit']:<3} {row['target']:<10} "
              f"{'ok' if row['passed'] else 'FAILED'}")
