"""Check-ins read during the cycle: projections, statuses, cadence classes, net confidence, calibration."""
from datetime import date, timedelta

import pytest

from okrkit.cycle import tracking
from okrkit.cycle.checkins import CheckIn, CheckInLog
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.yamlsets import from_yaml

CYCLE = parse_cycle("2025-Q1")  # 90 days: day 45 (Feb 14) is half of it
HALF = date(2025, 2, 14)
SET = from_yaml("""
id: growth
cycle: 2025-Q1
objectives:
  - title: Win the mid-size retailers
    key_results:
      - Grow paid accounts from 100 to 200
      - Keep churn below 2%
  - title: Keep every promise we made
    type: committed
    key_results:
      - text: Cut late deliveries from 6% to 4%
        score: 0.3
""")


def check_in(kr, day, value=None, confidence=None, blockers=""):
    return CheckIn(kr, day, value, confidence, blockers)


def log(*rows) -> CheckInLog:
    return CheckInLog(tuple(check_in(*row) for row in rows))


def status(*rows, where="O1/KR1", as_of=HALF):
    return tracking.track(SET, where, log(*rows), CYCLE, as_of)


class TestProjection:
    @pytest.mark.parametrize("value, projected, expected", [
        (140, 0.8, "on track"), (120, 0.4, "at risk"), (110, 0.2, "off track"), (200, 1.0, "on track")])
    def test_aspirational_at_half_time(self, value, projected, expected):
        found = status(("O1/KR1", HALF, value))
        assert found.projected == pytest.approx(projected)
        assert found.status == expected
        assert found.elapsed == pytest.approx(0.5)

    @pytest.mark.parametrize("value, expected", [(5, "on track"), (5.2, "at risk"), (5.5, "off track")])
    def test_committed_aims_for_one(self, value, expected):
        assert status(("O2/KR1", HALF, value), where="O2/KR1").status == expected

    def test_the_reason_says_where_it_is_and_where_it_ends(self):
        reason = status(("O1/KR1", HALF, 120)).reason
        assert "20% of the way at 50% of the cycle" in reason and "near 0.40" in reason

    def test_a_maintain_key_result_projects_its_hold(self):
        assert status(("O1/KR2", HALF, 1.5), where="O1/KR2").projected == 1.0
        assert status(("O1/KR2", HALF, 2.5), where="O1/KR2").status == "off track"

    def test_progress_over_time_against_the_expected_line(self):
        found = status(("O1/KR1", date(2025, 1, 18), 110), ("O1/KR1", HALF, 140))
        assert [(p.progress, round(p.elapsed, 2)) for p in found.points] == [(pytest.approx(0.1), 0.2),
                                                                           (pytest.approx(0.4), 0.5)]

    def test_check_ins_after_the_reading_date_do_not_count(self):
        found = status(("O1/KR1", HALF, 140), ("O1/KR1", date(2025, 3, 1), 190), as_of=HALF)
        assert len(found.points) == 1


class TestStatus:
    def test_early_in_the_cycle_confidence_speaks(self):
        found = status(("O1/KR1", date(2025, 1, 18), 100, 0.8), as_of=date(2025, 1, 18))
        assert found.status == "on track" and "early" in found.reason

    def test_early_without_confidence_the_numbers_speak(self):
        assert status(("O1/KR1", date(2025, 1, 18), 100), as_of=date(2025, 1, 18)).status == "off track"

    def test_an_open_blocker_puts_an_on_track_key_result_at_risk(self):
        found = status(("O1/KR1", HALF, 140, 0.8, "No budget for the campaign"))
        assert found.status == "at risk" and "No budget for the campaign" in found.reason

    def test_low_confidence_puts_it_at_risk(self):
        assert status(("O1/KR1", HALF, 140, 0.3)).status == "at risk"

    def test_a_stale_key_result_is_at_risk(self):
        found = status(("O1/KR1", date(2025, 1, 20), 150), as_of=HALF)
        assert found.status == "at risk" and "no check-in for 25 days" in found.reason

    def test_without_a_measurable_value_confidence_speaks(self):
        found = status(("O1/KR1", HALF, None, 0.3))
        assert found.status == "off track" and "no value to measure" in found.reason

    def test_never_checked_in(self):
        assert status(("O1/KR2", HALF, 1.0), where="O1/KR1").status == tracking.NO_CHECK_IN


def weekly(start: date, until: date, every: int = 7, kr: str = "O1/KR1"):
    day, rows = start, []
    while day <= until:
        rows.append((kr, day))
        day += timedelta(days=every)
    return log(*rows)


class TestCadence:
    @pytest.mark.parametrize("entries, as_of, expected", [
        (weekly(date(2025, 1, 3), date(2025, 3, 14)), date(2025, 3, 14), "regular weekly"),
        (weekly(date(2025, 1, 10), date(2025, 3, 14)), date(2025, 3, 14), "regular weekly"),  # missed week 1
        (weekly(date(2025, 1, 3), date(2025, 3, 14), every=14), date(2025, 3, 14), "no plan, once in a while"),
        (weekly(date(2025, 1, 3), date(2025, 3, 14), every=24), date(2025, 3, 14), "no plan, once in a while"),
        (weekly(date(2025, 1, 3), date(2025, 1, 31)), date(2025, 3, 14), "set and forget"),
        (log(), date(2025, 2, 1), "set and forget"),
    ])
    def test_the_three_cadences_of_the_deck(self, entries, as_of, expected):
        reading = tracking.cadence(entries.entries, CYCLE, as_of)
        assert reading.name == expected
        assert reading.cadence.consequences

    def test_the_reading_counts_weeks_and_gaps(self):
        reading = tracking.cadence(weekly(date(2025, 1, 3), date(2025, 3, 14), every=14).entries, CYCLE,
                                   date(2025, 3, 14))
        assert (reading.weeks, reading.weeks_with_check_in, reading.longest_gap_days) == (11, 6, 14)


def test_net_confidence_is_on_track_minus_off_track():
    tracks = [tracking.Track("x", "", (), 0.5, None, None, None, s, "")
              for s in ("on track", "on track", "off track", "at risk", tracking.NO_CHECK_IN)]
    assert tracking.net_confidence(tracks) == pytest.approx(0.25)
    assert tracking.net_confidence([]) is None


class TestOpenIssues:
    def test_a_blocker_no_longer_reported_is_solved(self):
        entries = log(("O1/KR1", date(2025, 1, 10), 1, None, "No budget"), ("O1/KR1", date(2025, 1, 17), 1, None, ""))
        assert tracking.open_issues(entries) == []

    def test_an_open_blocker_dates_from_its_first_report(self):
        entries = log(("O1/KR1", date(2025, 1, 3), 1, None, "Old"), ("O1/KR1", date(2025, 1, 10), 1, None, "No budget"),
                      ("O1/KR1", date(2025, 1, 17), 1, None, "No budget"))
        [issue] = tracking.open_issues(entries)
        assert (issue.where, issue.kind, issue.text, issue.since) == ("O1/KR1", "blocker", "No budget", date(2025, 1, 10))


def test_a_team_reading_puts_it_together():
    entries = log(("O1/KR1", date(2025, 2, 7), 140, 0.8), ("O1/KR2", date(2025, 2, 7), 1.5, 0.9),
                  ("O2/KR1", date(2025, 2, 14), 5.8, 0.2, "Carrier strike"))
    reading = tracking.read_team(SET, entries, CYCLE, HALF)
    assert [t.status for t in reading.tracks] == ["on track", "on track", "off track"]
    assert reading.net_confidence == pytest.approx(1 / 3)
    assert reading.count("on track") == 2 and len(reading.issues) == 1


class TestConfidenceCalibration:
    def test_reported_confidence_beside_the_final_score(self):
        entries = log(("O2/KR1", date(2025, 1, 10), 5.8, 0.9), ("O2/KR1", date(2025, 2, 10), 5.6, 0.7),
                      ("O1/KR1", date(2025, 3, 20), 150, 0.4))
        frame = tracking.confidence_calibration(SET, entries)
        rows = frame.set_index("key result")
        assert rows.loc["O2/KR1", "mean confidence"] == pytest.approx(0.8)
        assert rows.loc["O2/KR1", "final score"] == pytest.approx(0.3)  # the self-assessed score
        assert rows.loc["O1/KR1", "final score"] == pytest.approx(0.5)  # the last check-in's progress
        assert "over-confident" in tracking.calibration_verdict(frame)

    def test_verdicts(self):
        import pandas as pd

        assert "under-confident" in tracking.calibration_verdict(pd.DataFrame({"gap": [-0.3, -0.2]}))
        assert "well calibrated" in tracking.calibration_verdict(pd.DataFrame({"gap": [0.1, -0.1]}))
        assert "no key result" in tracking.calibration_verdict(pd.DataFrame({"gap": []}))

    def test_tracks_as_a_table(self):
        frame = tracking.tracks_frame(tracking.tracks(SET, log(("O1/KR1", HALF, 140)), CYCLE, HALF))
        assert list(frame["status"]) == ["on track", tracking.NO_CHECK_IN, tracking.NO_CHECK_IN]
