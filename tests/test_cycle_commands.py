"""okrkit score, checkins and close from the shell: output, files written, exit codes, help."""
import json

import pytest

from okrkit.cli import main
from tests.conftest import DATA

SET = ("id: sales\nteam: Sales\ncycle: 2025-Q1\nobjectives:\n  - title: Win the north region\n"
       "    key_results:\n      - Grow paid accounts from 100 to 200\n      - Cut churn from 6% to 4%\n")
LOG = ("kr,date,value,confidence,blockers,risks,comment\n"
       "O1/KR1,2025-01-07,110,7,,,\nO1/KR2,2025-01-07,5.8,6,,,\nO1/KR1,2025-01-14,120,7,,,\n"
       "O1/KR2,2025-01-14,5.7,5,Vendor contract,,\nO1/KR1,2025-01-21,135,8,,,\nO1/KR2,2025-01-21,5.6,4,Vendor contract,,\n"
       "O1/KR1,2025-01-28,140,8,,,\nO1/KR2,2025-02-04,5.5,4,Vendor contract,,\n")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["score", "checkins", "close"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert f"usage: okrkit {command}" in capsys.readouterr().out


class TestScore:
    def test_text_report(self, capsys):
        code, out, _ = run(capsys, "score", DATA / "committed-and-sandbagging.yaml")
        assert code == 0
        assert "Facilities · 2026-Q2 · set score 0.86 (green)" in out
        assert "committed, aims for 1.0: a commitment missed" in out
        assert "KR3  progress 1.00  score 0.90" in out

    def test_json_report(self, capsys):
        _, out, _ = run(capsys, "score", "--format", "json", DATA / "self-assessment.yaml")
        doc = json.loads(out)
        assert doc["objectives"][0]["band"] == "yellow"
        assert [kr["key result"] for kr in doc["key_results"]] == ["O1/KR1", "O1/KR2", "O1/KR3"]

    def test_csv_to_a_file(self, capsys, tmp_path):
        out_file = tmp_path / "scores.csv"
        code, out, _ = run(capsys, "score", "--format", "csv", "--by", "key-result", "--output", out_file,
                           DATA / "retro.yaml")
        assert code == 0 and "Wrote the score report" in out
        assert out_file.read_text().startswith("set,key result,text,progress,score")

    def test_unreadable_input_exits_2(self, capsys, write):
        code, _, err = run(capsys, "score", write("bad.yaml", "objectives:\n  - title: x\n    key_results:\n"
                                                             "      - text: y\n        score: high\n"))
        assert code == 2 and "bad.yaml:5" in err and "expected a number" in err


class TestCheckins:
    def test_a_team_reading(self, capsys, write):
        code, out, err = run(capsys, "checkins", write("log.csv", LOG), "--set", write("sales.yaml", SET),
                             "--as-of", "2025-02-05")
        assert code == 0 and err == ""
        assert "cadence: regular weekly" in out
        assert "O1/KR1  on track" in out and "O1/KR2  at risk" in out
        assert "open blocker on O1/KR2 since 2025-01-14: Vendor contract" in out
        assert "net confidence +50%" in out

    def test_bad_rows_are_listed_and_the_rest_still_counts(self, capsys, write):
        code, out, err = run(capsys, "checkins", write("log.csv", LOG + "O9/KR1,2025-01-21,1,,,,\n"
                                                                        "O1/KR1,2025-01-28,lots,,,,\n"),
                             "--set", write("sales.yaml", SET), "--as-of", "2025-01-31", "--format", "json")
        assert code == 1
        assert "log.csv:10: no key result 'O9/KR1'" in err and "log.csv:11: value" in err
        assert json.loads(out)[0]["key_results"][0]["status"] == "on track"

    def test_save_converts_the_log(self, capsys, write, tmp_path):
        run(capsys, "checkins", write("log.csv", LOG), "--set", write("sales.yaml", SET), "--as-of", "2025-01-24",
            "--save", tmp_path / "log.yaml")
        assert "confidence: 0.7" in (tmp_path / "log.yaml").read_text()

    def test_a_set_without_cycle_needs_one(self, capsys, write):
        sales = write("sales.yaml", SET.replace("cycle: 2025-Q1\n", ""))
        code, _, err = run(capsys, "checkins", write("log.csv", LOG), "--set", sales)
        assert code == 2 and "--cycle" in err
        code, _, _ = run(capsys, "checkins", write("log.csv", LOG), "--set", sales, "--cycle", "Q1 2025",
                         "--as-of", "2025-01-24")
        assert code == 0


class TestClose:
    def test_close_writes_the_next_draft_and_keeps_what_was_there(self, capsys, tmp_path):
        draft = tmp_path / "next.okr"
        draft.write_text("O: my own idea\n")
        code, out, _ = run(capsys, "close", DATA / "retro.yaml", "--next", draft, "--retro", tmp_path / "r.md")
        assert code == 1  # O2 has no closing decision (OKR601, an error)
        assert "O1 Fill our spring courses with learners who finish them: carry-forward, ★★★★" in out
        assert "OKR601" in out
        assert "O: Fill our spring courses" in draft.read_text()
        assert "Cycle: 2026-Q2" in draft.read_text()
        assert (tmp_path / "next.okr~").read_text() == "O: my own idea\n"
        assert "previous file is kept" in out
        assert (tmp_path / "r.md").read_text().startswith("# Retrospective: Outreach, 2026-Q1")

    def test_a_set_that_is_not_closed(self, capsys, write):
        code, _, err = run(capsys, "close", write("sales.yaml", SET), "--next", "x.okr")
        assert code == 2 and "no retro block" in err

    def test_an_organisation_is_closed_set_by_set(self, capsys):
        code, _, err = run(capsys, "close", DATA / "silos.yaml")
        assert code == 2 and "one set at a time" in err
