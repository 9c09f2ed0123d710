"""Plots for grading and check-ins. Each takes ``ax=None`` and returns the matplotlib Axes.

The red, yellow and green bands (below 0.4, below 0.7, from 0.7) are drawn behind every
score, so a learner reads a plot the way the deck reads a score.
"""
from __future__ import annotations

import textwrap

from okrkit import scoring
from okrkit.cycle.tracking import Track
from okrkit.formats.cycles import Cycle
from okrkit.model import OKRSet

BAND_COLOURS = {"red": "#d64541", "yellow": "#f2b134", "green": "#3c9d5d"}
_EDGES = {"red": (0.0, 0.4), "yellow": (0.4, 0.7), "green": (0.7, 1.0)}
_STATUS_COLOURS = {"on track": BAND_COLOURS["green"], "at risk": BAND_COLOURS["yellow"],
                   "off track": BAND_COLOURS["red"], "no check-in": "#888888"}


def _axes(ax, size):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def literal_text(ax):
    """Draw every text of the Axes' figure as written: ``$`` is a dollar sign, never the start of maths.

    Titles, team names and learner folders are people's text. Read as maths, ``Ops $\\foo$``
    stops the drawing with an error and ``Sales $10M to $12M`` comes out as "Sales 10Mto12M".
    The tick labels are made first, so they are covered too. Returns the Axes.
    """
    from matplotlib.text import Text

    for axes in ax.figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            axis.get_ticklabels(which="both")
    for text in ax.figure.findobj(Text):
        text.set_parse_math(False)
    return ax


def figure_bytes(figure, kind: str = "png", dpi: int = 110, tight: bool = True) -> bytes:
    """A figure rendered to bytes (PNG, SVG, PDF) and closed, so a notebook never shows it twice
    and a long-running kernel does not keep it."""
    import io

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format=kind, dpi=dpi, bbox_inches="tight" if tight else None)
    finally:
        plt.close(figure)
    return buffer.getvalue()


def _short(text: str, width: int = 48) -> str:
    return textwrap.shorten(text, width, placeholder="…")


def _bands(ax, vertical: bool) -> None:
    """Shade the three bands behind the data, lightly."""
    for name, (low, high) in _EDGES.items():
        span = ax.axvspan if vertical else ax.axhspan
        span(low, high, color=BAND_COLOURS[name], alpha=0.12, zorder=0, linewidth=0)


def score_card(okr_set: OKRSet, ax=None):
    """Each objective's score and its key results' scores as bars on the bands; diamonds mark progress."""
    ax = _axes(ax, (9, 0.5 * sum(len(o.key_results) + 1 for o in okr_set.objectives) + 1.2))
    labels, row = [], 0
    for i, objective in enumerate(okr_set.objectives, 1):
        kind = okr_set.objective_type(objective)
        aim = scoring.EXPECTED_SCORE[kind]
        rows = [(f"O{i}  {_short(objective.title, 30)} ({kind})", scoring.objective_score(objective), None, True)]
        rows += [(f"   KR{j}  {_short(kr.text, 42)}", scoring.key_result_score(kr), kr.progress, False)
                 for j, kr in enumerate(objective.key_results, 1)]
        for label, score, measured, is_objective in rows:
            y = -row
            if score is not None:
                ax.barh(y, score, height=0.7 if is_objective else 0.5, color=BAND_COLOURS[scoring.band(score)],
                        edgecolor="#333333" if is_objective else "none", zorder=2)
                beside = max(min(score, 1.0), measured or 0.0, aim if is_objective else 0.0)
                ax.text(beside + 0.02, y, f"{score:.2f}", va="center", fontsize=8,
                        fontweight="bold" if is_objective else "normal", zorder=3)
            if is_objective:
                ax.plot([aim, aim], [y - 0.45, y + 0.45], color="#222222", linewidth=2, zorder=4)
            if measured is not None:
                ax.plot(measured, y, marker="D", color="#222222", markersize=5, linestyle="none", zorder=4)
            labels.append((y, label, is_objective))
            row += 1
    ax.set_yticks([y for y, _, _ in labels], [label for _, label, _ in labels], fontsize=8)
    for tick, (_, _, is_objective) in zip(ax.get_yticklabels(), labels):
        tick.set_fontweight("bold" if is_objective else "normal")
        tick.set_horizontalalignment("left")
    ax.tick_params(axis="y", pad=max((len(label) for _, label, _ in labels), default=10) * 4.6, length=0)
    _bands(ax, vertical=True)
    ax.set_xlim(0, 1.12)
    ax.set_ylim(-row + 0.4, 0.6)
    ax.set_xticks([0, 0.4, 0.7, 1.0])
    ax.set_xlabel("score (bars) · measured progress (◆) · the aim of the objective's type (|)")
    ax.set_title(f"Score card: {okr_set.name}" + (f", {okr_set.cycle}" if okr_set.cycle else ""), loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return literal_text(ax)


def checkin_trend(track: Track, cycle: Cycle, ax=None):
    """A key result's progress at each check-in, the expected line, and the projection to the cycle's end."""
    import matplotlib.dates as mdates

    ax = _axes(ax, (8, 4.2))
    _bands(ax, vertical=False)
    ax.plot([cycle.start, cycle.end], [0, 1], linestyle="--", color="#666666", linewidth=1,
            label="expected (time elapsed)")
    measured = [p for p in track.points if p.progress is not None]
    colour = _STATUS_COLOURS.get(track.status, "#1f5fa8")
    if measured:
        ax.plot([p.date for p in measured], [p.progress for p in measured], marker="o", color="#1f5fa8",
                linewidth=2, label="progress at check-ins", zorder=3)
    if measured and track.projected is not None:
        ax.plot([measured[-1].date, cycle.end], [measured[-1].progress, track.projected], linestyle=":",
                color=colour, linewidth=2, label=f"projected: {track.projected:.2f}", zorder=3)
        ax.plot(cycle.end, track.projected, marker="o", markerfacecolor="white", color=colour, zorder=4)
    confident = [p for p in track.points if p.confidence is not None]
    if confident:
        ax.plot([p.date for p in confident], [p.confidence for p in confident], marker="s", markersize=4,
                linestyle="none", color="#8e44ad", alpha=0.7, label="reported confidence")
    ax.set_xlim(cycle.start, cycle.end)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("progress (0-1)")
    ax.set_title(f"{track.where}: {_short(track.text, 70)}", loc="left", fontsize=10, pad=30)
    ax.text(0, 1.02, textwrap.fill(f"{track.status}: {track.reason}", 120, max_lines=2, placeholder="…"),
            transform=ax.transAxes, fontsize=8, color=colour, va="bottom")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return literal_text(ax)


def quarter_evaluation(sets, ax=None):
    """How many key results ended in each band, per team (the valid score, else the progress)."""
    from okrkit.cycle.assessment import sets_of

    found = sets_of(sets)
    ax = _axes(ax, (8, 0.6 * len(found) + 1.5))
    names = [s.name for s in found]
    counts = {band: [sum(1 for o in s.objectives for kr in o.key_results
                         if (score := scoring.key_result_score(kr)) is not None and scoring.band(score) == band)
                     for s in found] for band in BAND_COLOURS}
    left = [0] * len(found)
    for band, values in counts.items():
        bars = ax.barh(names, values, left=left, color=BAND_COLOURS[band], label=band, edgecolor="white")
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", color="white",
                     fontweight="bold", fontsize=9)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel("key results")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Quarter evaluation: key results per band", loc="left")
    ax.legend(ncols=3, loc="lower right", bbox_to_anchor=(1, 1), frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return literal_text(ax)


def confidence_calibration(frame, ax=None):
    """Reported confidence against the final score, one dot per key result; the diagonal is perfect calibration.

    ``frame`` comes from :func:`okrkit.cycle.tracking.confidence_calibration` or
    :func:`okrkit.cycle.assessment.confidence_table`.
    """
    ax = _axes(ax, (5.5, 5.5))
    _bands(ax, vertical=False)
    ax.plot([0, 1], [0, 1], linestyle="--", color="#666666", linewidth=1, label="confidence = final score")
    ax.scatter(frame["mean confidence"], frame["final score"], s=40, color="#1f5fa8", zorder=3,
               edgecolor="white", label="a key result")
    labels: dict[tuple[float, float], list[str]] = {}
    for _, row in frame.iterrows():
        spot = (round(row["mean confidence"], 2), round(row["final score"], 2))
        labels.setdefault(spot, []).append(f"{row['set']}/{row['key result']}" if row.get("set") else row["key result"])
    for (x, y), names in labels.items():
        right = x > 0.75
        ax.annotate(", ".join(names), (x, y), xytext=(-5 if right else 5, 3), textcoords="offset points",
                    fontsize=7, color="#333333", ha="right" if right else "left")
    ax.text(0.97, 0.03, "over-confident", ha="right", va="bottom", fontsize=8, color="#555555",
            transform=ax.transAxes)
    ax.text(0.03, 0.97, "under-confident", ha="left", va="top", fontsize=8, color="#555555",
            transform=ax.transAxes)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("confidence reported during the cycle")
    ax.set_ylabel("final score")
    ax.set_title("Did confidence predict the score?", loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 0.92), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return literal_text(ax)
