"""The class dashboard drawn and written: three plots and one HTML page for the instructor."""
from __future__ import annotations

from typing import Any

from okrkit.classroom.dashboard import CALIBRATION_GAP, calibration, pass_rates, rules_broken
from okrkit.classroom.grading import Gradebook
from okrkit.pages import standalone as pages
from okrkit.pages.html import escape
from okrkit.pages.plots import literal_text


def _axes(ax, size):
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)[1] if ax is None else ax


def plot_pass_rates(frame, ax=None):
    """One bar per exercise: the share of the class that passed it."""
    ax = _axes(ax, (8, 3.2))
    ax.bar(frame.index.astype(str), frame["pass rate"], color="#0b5394")
    ax.set_ylim(0, 1)
    ax.set_ylabel("passed")
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_title("Pass rate per exercise")
    ax.tick_params(axis="x", rotation=45)
    return literal_text(ax)


def plot_rules(frame, ax=None, top: int = 10):
    """The rules broken by the most learners, longest bar first."""
    ax = _axes(ax, (8, 3.2))
    shown = frame.head(top).iloc[::-1]
    ax.barh([f"{code} {name}" for code, name in zip(shown.index, shown["rule"])], shown["learners"], color="#8a5a00")
    ax.set_xlabel("learners")
    ax.set_title("Rules the class breaks most")
    return literal_text(ax)


def plot_calibration(frame, ax=None):
    """Each learner's mean gap to the reference score: right of zero scores high, left scores low."""
    ax = _axes(ax, (8, max(2.5, 0.25 * len(frame) + 1)))
    colours = ["#b00020" if gap > CALIBRATION_GAP else "#0b5394" if gap < -CALIBRATION_GAP else "#1e6b2e"
               for gap in frame["mean gap"]]
    ax.barh(frame.index.astype(str)[::-1], frame["mean gap"][::-1], color=colours[::-1])
    ax.axvline(0, color="#333", linewidth=1)
    for edge in (-CALIBRATION_GAP, CALIBRATION_GAP):
        ax.axvline(edge, color="#999", linestyle=":", linewidth=1)
    ax.set_xlabel(f"mean gap to {frame.attrs.get('against', 'the reference')}")
    ax.set_title("Score calibration across learners")
    return literal_text(ax)


def render(gradebook: Gradebook, references: dict[str, Any] | None = None) -> str:
    rates, broken, calibrated = pass_rates(gradebook), rules_broken(gradebook), calibration(gradebook, references)
    parts = ["<h1>Class dashboard</h1>",
             f"<p>{len(gradebook.learners)} learners, {len(gradebook.exercises)} exercises. "
             '<a href="gradebook.html">Gradebook</a>.</p>', "<h2>Pass rate per exercise</h2>"]
    if len(rates):
        parts.append(pages.figure_img(plot_pass_rates(rates).figure, "pass rate per exercise"))
    parts.append(pages.frame_table(rates, percent=("pass rate", "mean score")))
    parts.append("<h2>Rules the class breaks most</h2>")
    if len(broken):
        parts.append(pages.figure_img(plot_rules(broken).figure, "rules broken by most learners"))
        parts.append(pages.frame_table(broken, percent=("share of class",)))
    else:
        parts.append("<p>No rule fired on the class's answers.</p>")
    parts.append("<h2>Score calibration</h2>")
    if len(calibrated):
        parts.append(f'<p class="muted">Scores on the 0.0-1.0 scale compared with {escape(calibrated.attrs["against"])}; '
                     f"a mean gap beyond ±{CALIBRATION_GAP} reads as scoring high or low.</p>")
        parts.append(pages.figure_img(plot_calibration(calibrated).figure, "score calibration per learner"))
        parts.append(pages.frame_table(calibrated, signed=("mean gap",)))
    else:
        parts.append("<p>No answer in this grading holds scores to compare.</p>")
    return pages.page("Class dashboard", "".join(parts))
