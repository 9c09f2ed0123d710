"""The check-in log: CSV and YAML, bad rows with their line, validation against a set, safe saving."""
from datetime import date

import pytest

from okrkit.cycle import checkins
from okrkit.errors import InputError
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.yamlsets import from_yaml

SET = from_yaml("id: sales\ncycle: 2025-Q1\nobjectives:\n  - title: Grow big with national retail outlets\n"
                "    key_results:\n      - Increase revenue from 20 to 30 Mil USD from market A\n"
                "      - Cut churn from 6% to 4%\n", "sales.yaml")
CYCLE = parse_cycle("2025-Q1")
TODAY = date(2025, 6, 1)
HEADER = "kr,date,value,confidence,blockers,risks,comment\n"


def read(text: str) -> checkins.CheckInLog:
    return checkins.from_csv(HEADER + text, "log.csv")


class TestReading:
    def test_a_row_becomes_a_check_in(self):
        log = read("O1/KR1,2025-01-08,21,0.7,Short of staff,Pricing change,first week\n")
        assert log.entries == (checkins.CheckIn("O1/KR1", date(2025, 1, 8), 21.0, 0.7, "Short of staff",
                                                "Pricing change", "first week", 2),)
        assert log.problems == ()

    def test_a_bad_row_is_a_problem_with_its_line_and_the_good_rows_still_count(self):
        log = read("O1/KR1,2025-01-08,21,,,,\nO1/KR1,2025-01-15,lots,,,,\nO1/KR1,15/01/2025,22,,,,\n"
                   ",2025-01-22,23,,,,\nO1/KR1,2025-01-29,24,,,,\n")
        assert [e.line for e in log.entries] == [2, 6]
        assert [(p.line, p.path) for p in log.problems] == [(3, "log.csv"), (4, "log.csv"), (5, "log.csv")]
        assert "expected a number, got 'lots'" in log.problems[0].message
        assert "YYYY-MM-DD" in log.problems[1].message
        assert "which key result" in log.problems[2].message

    def test_confidence_on_zero_to_ten_applies_to_the_whole_log(self):
        log = read("O1/KR1,2025-01-08,,7,,,\nO1/KR1,2025-01-15,,1,,,\nO1/KR2,2025-01-15,,70%,,,\n")
        assert [e.confidence for e in log.entries] == [0.7, 0.1, 0.7]

    def test_confidence_on_zero_to_one_stays(self):
        assert [e.confidence for e in read("O1/KR1,2025-01-08,,0.6,,,\nO1/KR1,2025-01-15,,1,,,\n").entries] == [0.6, 1.0]

    def test_a_decimal_in_a_zero_to_ten_log_is_flagged(self):
        log = read("O1/KR1,2025-01-08,,7,,,\nO1/KR1,2025-01-15,,0.6,,,\n")
        assert log.entries[1].confidence == pytest.approx(0.06)
        assert "0-10 scale" in log.problems[0].message and log.problems[0].line == 3

    @pytest.mark.parametrize("confidence", ["11", "-1", "120%"])
    def test_confidence_out_of_any_scale(self, confidence):
        log = read(f"O1/KR1,2025-01-08,,{confidence},,,\n")
        assert not log.entries and "confidence" in log.problems[0].message

    def test_too_many_cells(self):
        log = read("O1/KR1,2025-01-08,21,0.7,,,comment,extra\n")
        assert "a comma too many" in log.problems[0].message

    def test_unknown_and_missing_columns_fail_the_whole_file(self):
        with pytest.raises(InputError, match="unknown column 'mood'"):
            checkins.from_csv("kr,date,mood\n", "log.csv")
        with pytest.raises(InputError, match="needs the column date"):
            checkins.from_csv("Key Result,value\n", "log.csv")

    def test_column_names_are_forgiving(self):
        log = checkins.from_csv("Key Result,Date,Current,Confidence,Blocker\nO1/KR1,2025-01-08,21,0.5,None yet\n")
        assert (log.entries[0].value, log.entries[0].blockers) == (21.0, "None yet")

    def test_yaml_logs_carry_lines_too(self):
        log = checkins.from_yaml("checkins:\n  - kr: O1/KR1\n    date: 2025-01-08\n    value: 21\n"
                                 "  - kr: O1/KR1\n    date: someday\n  - just text\n  - kr: O1/KR2\n"
                                 "    date: 2025-01-09\n    mood: good\n", "log.yaml")
        assert [e.line for e in log.entries] == [2]
        assert [p.line for p in log.problems] == [5, 7, 8]

    def test_a_yaml_list_without_the_checkins_key(self):
        assert len(checkins.from_yaml("- kr: O1/KR1\n  date: 2025-01-08\n").entries) == 1

    def test_a_yaml_document_that_is_no_list(self):
        with pytest.raises(InputError, match="a list of check-ins"):
            checkins.from_yaml("kr: O1/KR1\n", "log.yaml")


class TestValidation:
    def test_references_resolve_by_place_or_text(self):
        log = checkins.validate(read("o1 kr2,2025-01-08,5.5,,,,\n"
                                     "Increase revenue from 20 to 30 Mil USD from market A,2025-01-09,21,,,,\n"),
                                SET, CYCLE, TODAY)
        assert [e.kr for e in log.entries] == ["O1/KR2", "O1/KR1"]

    def test_rows_that_cannot_count_are_skipped_with_their_reason(self):
        log = checkins.validate(read("O3/KR1,2025-01-08,1,,,,\nO1/KR1,2025-07-01,1,,,,\n"
                                     "O1/KR1,2024-12-20,1,,,,\nO1/KR1,2025-01-08,21,,,,\n"), SET, CYCLE, TODAY)
        assert [e.line for e in log.entries] == [5]
        messages = [p.message for p in log.problems]
        assert "no key result 'O3/KR1'" in messages[0]
        assert "in the future" in messages[1]
        assert "outside the cycle 2025-Q1" in messages[2]

    def test_out_of_order_and_twice_a_day_are_kept_and_flagged(self):
        log = checkins.validate(read("O1/KR1,2025-01-15,22,,,,\nO1/KR1,2025-01-08,21,,,,\n"
                                     "O1/KR1,2025-01-15,23,,,,\n"), SET, CYCLE, TODAY)
        assert [e.value for e in log.entries] == [21.0, 22.0, 23.0]  # date order, the later line last
        assert ["date order" in p.message for p in log.problems] == [True, False]
        assert "second check-in" in log.problems[1].message

    def test_organisation_logs_name_the_set(self):
        from okrkit.formats.yamlsets import organisation

        org = organisation([SET])
        log = checkins.validate(read("sales/O1/KR2,2025-01-08,5,,,,\n"), org, CYCLE, TODAY)
        assert log.entries[0].kr == "sales/O1/KR2"
        assert log.for_set("sales").entries[0].kr == "O1/KR2"


class TestSaving:
    def test_csv_round_trip_neutralises_formulas(self, tmp_path):
        log = read('O1/KR1,2025-01-08,-2.5,0.5,=HYPERLINK("x"),@risk,+1 plan\n')
        path = checkins.save_log(log, tmp_path / "log.csv")
        text = path.read_text()
        assert "'=HYPERLINK" in text and "'@risk" in text and "'+1 plan" in text
        again = checkins.load_log(path)
        assert again.entries[0].blockers == '=HYPERLINK("x")'
        assert (again.entries[0].value, again.entries[0].comment) == (-2.5, "+1 plan")

    def test_yaml_round_trip(self, tmp_path):
        log = read("O1/KR1,2025-01-08,21,0.7,Short of staff,,\nO1/KR2,2025-01-09,,0.4,,,\n")
        again = checkins.load_log(checkins.save_log(log, tmp_path / "log.yaml"))
        assert [(e.kr, e.date, e.value, e.confidence, e.blockers) for e in again.entries] == \
            [(e.kr, e.date, e.value, e.confidence, e.blockers) for e in log.entries]

    def test_saving_keeps_the_previous_file(self, tmp_path):
        path = tmp_path / "log.csv"
        path.write_text("my own notes\n")
        checkins.save_log(read("O1/KR1,2025-01-08,21,,,,\n"), path)
        assert (tmp_path / "log.csv~").read_text() == "my own notes\n"
