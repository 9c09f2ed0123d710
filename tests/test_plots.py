"""Plots draw what they promise, on the Axes they are given, and return it."""
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import okrkit  # noqa: E402
from okrkit.cycle import tracking
from okrkit.cycle.checkins import CheckIn, CheckInLog  # noqa: E402
from okrkit.formats.cycles import parse_cycle  # noqa: E402
from okrkit.pages import plots  # noqa: E402
from tests.conftest import DATA  # noqa: E402

RETRO = okrkit.load(DATA / "retro.yaml")
CYCLE = parse_cycle("2025-Q1")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_score_card_draws_a_bar_per_objective_and_key_result_on_the_bands():
    ax = plots.score_card(RETRO)
    assert len(ax.patches) == 2 + 6 + 3  # 2 objectives, 6 key results, 3 bands
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("O1") and labels[1].strip().startswith("KR1")
    colours = {matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches[:8]}
    assert colours == {plots.BAND_COLOURS[b] for b in ("red", "yellow", "green")}


def test_plots_use_the_axes_they_are_given():
    _, ax = plt.subplots()
    assert plots.score_card(RETRO, ax=ax) is ax
    _, ax = plt.subplots()
    assert plots.quarter_evaluation([RETRO], ax=ax) is ax


def test_checkin_trend_shows_progress_expected_line_and_projection():
    okr_set = okrkit.formats.yamlsets.from_yaml("id: s\ncycle: 2025-Q1\nobjectives:\n  - title: Win the north\n"
                                        "    key_results: [Grow paid accounts from 100 to 200]\n")
    log = CheckInLog((CheckIn("O1/KR1", date(2025, 1, 20), 110, 0.6), CheckIn("O1/KR1", date(2025, 2, 14), 130, 0.5)))
    track = tracking.track(okr_set, "O1/KR1", log, CYCLE, date(2025, 2, 14))
    ax = plots.checkin_trend(track, CYCLE)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines["expected (time elapsed)"].get_ydata()) == [0, 1]
    assert list(lines["progress at check-ins"].get_ydata()) == pytest.approx([0.1, 0.3])
    assert lines["projected: 0.60"].get_ydata()[-1] == pytest.approx(0.6)
    assert "reported confidence" in lines
    assert track.status in ax.texts[0].get_text()


def test_quarter_evaluation_counts_key_results_per_band_and_team():
    sets = [okrkit.load(DATA / name) for name in ("self-assessment.yaml", "retro.yaml")]
    ax = plots.quarter_evaluation(sets)
    widths = [p.get_width() for p in ax.patches]  # red for each team, then yellow, then green
    assert widths == [0, 3, 2, 2, 1, 1]  # the score 1.4 is out of range: its progress 0.6 counts
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Field Sales", "Outreach"]


def test_confidence_calibration_puts_a_dot_per_key_result_beside_the_diagonal():
    import pandas as pd

    frame = pd.DataFrame({"set": ["a", "a"], "key result": ["O1/KR1", "O1/KR2"], "mean confidence": [0.8, 0.3],
                          "final score": [0.3, 0.35]})
    ax = plots.confidence_calibration(frame)
    assert len(ax.collections[0].get_offsets()) == 2
    assert list(ax.get_lines()[0].get_xdata()) == [0, 1]
    assert {t.get_text() for t in ax.texts} >= {"a/O1/KR1", "over-confident"}


def test_figure_bytes_renders_and_closes_the_figure():
    import matplotlib.pyplot as plt

    from okrkit.pages.plots import figure_bytes

    figure, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    data = figure_bytes(figure)
    assert data.startswith(b"\x89PNG")
    assert not plt.fignum_exists(figure.number)
    assert figure_bytes(plt.figure(), "svg").lstrip().startswith(b"<?xml")
