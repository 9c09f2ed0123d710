"""The check-in log, headless: fill in the form, press Add, and look at the log, statuses and plot."""
from dataclasses import replace
from datetime import date

import matplotlib
import pytest

from okrkit.cycle import checkins, tracking
from okrkit.cycle.checkins import CheckIn, CheckInLog
from okrkit.formats.cycles import parse_cycle
from okrkit.widgets import CheckInLogger
from okrkit.widgets.autosave import Autosave

matplotlib.use("Agg")

TODAY = date(2025, 2, 14)  # half-way through 2025-Q1, the cycle of the sales-retail example
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def logger(**kwargs) -> CheckInLogger:
    return CheckInLogger(example="sales-retail", today=TODAY, **kwargs)


def add(widget: CheckInLogger, kr: str, day: date, value: str, confidence: float = 0.7, blocker: str = "") -> bool:
    widget.kr.value, widget.day.value, widget.value.value = kr, day, value
    widget.confidence.value, widget.blocker.value = confidence, blocker
    return widget.add_check_in()


class TestAdding:
    def test_a_check_in_joins_the_log_and_the_status_reads_from_tracking(self):
        widget = logger()
        assert add(widget, "O1/KR1", date(2025, 2, 10), "26", 0.8)
        assert widget.log.entries == (CheckIn("O1/KR1", date(2025, 2, 10), 26.0, 0.8),)
        expected = tracking.track(widget._set, "O1/KR1", widget.log, parse_cycle("2025-Q1"), TODAY)
        assert widget.reading.tracks[0] == expected
        assert f"<b>{expected.status.capitalize()}</b>" in widget._history.value
        assert "Added the check-in of O1/KR1 on 2025-02-10" in widget._message.value

    def test_history_shows_value_progress_confidence_and_blocker(self):
        widget = logger()
        add(widget, "O1/KR1", date(2025, 1, 10), "22", 0.6, blocker="Outlet <b>talks</b> stalled")
        add(widget, "O1/KR1", date(2025, 1, 17), "24", 0.5)
        history = widget._history.value
        assert "<td>2025-01-10</td><td>22</td><td>0.20</td><td>0.6</td><td>Outlet &lt;b&gt;talks&lt;/b&gt; stalled" \
            in history
        assert "<td>2025-01-17</td><td>24</td><td>0.40</td><td>0.5</td><td>–</td>" in history

    def test_every_key_result_has_a_status_in_words_and_icon(self):
        widget = logger()
        add(widget, "O1/KR1", date(2025, 2, 10), "21", 0.2)
        overview = widget._overview.value
        assert "✖</span> <b>Off track</b>" in overview and "○</span> <b>No check-in</b>" in overview
        assert f"Cadence: <b>{widget.reading.cadence.name}</b>" in overview

    def test_the_trend_plot_is_drawn_and_redrawn_for_a_new_check_in(self):
        widget = logger()
        empty = widget._plot.png
        assert empty.startswith(PNG) and "no check-in yet" in widget._plot.alt
        add(widget, "O1/KR1", date(2025, 2, 10), "26")
        drawn = widget._plot.png
        assert drawn.startswith(PNG) and drawn != empty
        assert "2025-02-10: 0.60" in widget._plot.alt and "Status:" in widget._plot.alt  # the numbers, in words

    def test_choosing_another_key_result_shows_its_history(self):
        widget = logger()
        add(widget, "O1/KR1", date(2025, 2, 10), "26")
        widget.kr.value = "O1/KR2"
        assert "O1/KR2" in widget._history.value and "No check-in yet" in widget._history.value

    def test_the_next_date_is_a_week_later_never_after_today(self):
        widget = logger()
        assert widget.day.value == date(2025, 1, 7)
        add(widget, "O1/KR1", date(2025, 2, 3), "26")
        assert widget.day.value == date(2025, 2, 10)
        add(widget, "O1/KR1", date(2025, 2, 10), "27")
        assert widget.day.value == TODAY

    def test_a_second_check_in_on_a_day_replaces_the_first(self):
        widget = logger()
        add(widget, "O1/KR1", date(2025, 2, 10), "26")
        add(widget, "O1/KR1", date(2025, 2, 10), "27")
        assert [e.value for e in widget.log.entries] == [27.0] and "Replaced" in widget._message.value

    def test_remove_latest_mends_a_mistake(self):
        widget = logger()
        add(widget, "O1/KR1", date(2025, 2, 3), "26")
        add(widget, "O1/KR1", date(2025, 2, 10), "260")
        assert widget.remove_latest()
        assert [e.value for e in widget.log.entries] == [26.0]


class TestRefusing:
    @pytest.mark.parametrize("day, value, says", [
        (date(2025, 2, 10), "lots", "Value: &#x27;lots&#x27; is not a number"),
        (date(2024, 12, 20), "26", "outside the cycle 2025-Q1"),
        (date(2025, 3, 1), "26", "is in the future"),
    ])
    def test_a_check_in_that_cannot_count_is_refused_with_the_reason(self, day, value, says):
        widget = logger()
        assert not add(widget, "O1/KR1", day, value)
        assert widget.log.entries == () and says in widget._message.value and 'role="alert"' in widget._message.value

    def test_a_set_without_a_cycle_needs_one(self):
        with pytest.raises(ValueError, match="cycle="):
            CheckInLogger("O: Win\nKR: Raise NPS from 20 to 40")
        assert CheckInLogger("O: Win\nKR: Raise NPS from 20 to 40", cycle="2025-Q1").cycle == parse_cycle("2025-Q1")


class TestPastCycle:
    def test_a_past_cycle_is_read_as_of_its_latest_check_in(self):
        widget = CheckInLogger(example="sales-retail", today=date(2026, 5, 1))
        assert "as of 2025-03-31, its last day (the cycle 2025-Q1 is over)" in widget._overview.value
        add(widget, "O1/KR1", date(2025, 1, 14), "23")
        assert widget.reading.as_of == date(2025, 1, 14)
        assert "the latest check-in (the cycle 2025-Q1 is over)" in widget._overview.value


class TestSavingAndExport:
    def test_check_ins_come_back_after_a_restart(self):
        widget = logger(name="module6-checkins")
        add(widget, "O1/KR1", date(2025, 2, 10), "26", 0.8, blocker=NASTY)
        saved = checkins.from_csv(Autosave("module6-checkins", suffix=".checkins.csv").load())
        assert saved.entries[0].blockers == NASTY

        again = logger(name="module6-checkins")
        assert [replace(e, line=None) for e in again.log.entries] == list(widget.log.entries)
        assert "Restored your check-ins" in again._saving.status.value
        assert "&lt;script&gt;" in again._history.value and "<script" not in again._history.value + \
            again._overview.value

    def test_creating_a_log_writes_nothing(self, notebook_folder):
        logger(name="untouched")
        assert not (notebook_folder / ".okrkit-autosave").exists()

    def test_starting_from_a_log_file_and_exporting_it(self, notebook_folder):
        start = CheckInLog((CheckIn("O1/KR2", date(2025, 1, 20), 12, 0.6), CheckIn("O9/KR1", date(2025, 1, 20), 1)))
        checkins.save_log(start, notebook_folder / "start.csv")
        widget = logger(log="start.csv")
        assert [e.kr for e in widget.log.entries] == ["O1/KR2"]
        assert "no key result &#x27;O9/KR1&#x27;" in widget._overview.value  # the row that cannot count is named
        path = widget.save(notebook_folder / "out.yaml")
        assert checkins.load_log(path).entries == widget.log.entries


def test_check_ins_saved_for_one_set_are_not_restored_to_another(notebook_folder):
    first = CheckInLogger(example="sales-retail", name="mine", today=date(2025, 2, 14))
    first.value.value = "24"
    assert first.add_check_in()
    assert (notebook_folder / ".okrkit-autosave" / "mine.checkins.csv.arguments.json").exists()
    again = CheckInLogger(example="sales-retail", name="mine", today=date(2025, 2, 14))
    assert len(again.log.entries) == 1 and "Restored your check-ins" in again._saving.status.value
    other = CheckInLogger(example="marketing-campaign", name="mine", today=date(2025, 2, 14))
    assert not other.log.entries
    said = other._saving.status.value
    assert "Not restored" in said and "sales-retail" in said and "marketing-campaign" in said
