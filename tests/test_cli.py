"""The command line contract of FORMATS.md section 4: output, JSON shape and exit codes."""
import json
import subprocess
import sys

import pytest

from okrkit.cli import main

GOOD = "Team: Ops\nCycle: 2025-Q1\nO: Make every delivery feel effortless\n" \
       "KR: Cut late deliveries from 8% to 3%\nKR: Raise CSAT from 4.1 to 4.6\nKR: Reduce damaged parcels from 2% to 1%\n"
BAD = GOOD.replace("KR: Raise CSAT from 4.1 to 4.6", "KR: Be more effective at delivery")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_draft_exits_0(capsys, write):
    code, out, _ = run(capsys, "check", str(write("ops.okr", GOOD)))
    assert code == 0
    assert "no findings" in out


def test_errors_exit_1_with_line_code_and_hint(capsys, write):
    path = write("ops.okr", BAD)
    code, out, _ = run(capsys, "check", "--color", "never", str(path))
    assert code == 1
    assert str(path) in out
    assert "line 5" in out and "OKR203" in out and "O1/KR2" in out
    assert "→ Say how much" in out
    assert out.rstrip().endswith("Checked 1 file: 1 error.")


def test_colour_only_when_asked_or_on_a_terminal(capsys, write):
    path = str(write("ops.okr", BAD))
    assert "\033[" in run(capsys, "check", "--color", "always", path)[1]
    assert "\033[" not in run(capsys, "check", path)[1]  # captured output is not a terminal


def test_json_contract(capsys, write):
    path = write("ops.okr", BAD)
    code, out, _ = run(capsys, "check", "--format", "json", str(path))
    doc = json.loads(out)
    assert code == 1
    assert doc["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
    (finding,) = doc["findings"]
    assert set(finding) == {"path", "code", "name", "severity", "where", "line", "message", "hint"}
    assert (finding["path"], finding["code"], finding["name"], finding["severity"], finding["where"], finding["line"]) \
        == (str(path), "OKR203", "key-result-not-measurable", "error", "O1/KR2", 5)


def test_organisation_findings_are_prefixed_with_the_set_id(capsys, write):
    write("org/sales.okr", BAD)
    write("org/company.yaml", "id: company\nlevel: company\ncycle: 2025\nobjectives: []\n")
    code, out, _ = run(capsys, "check", "--format", "json", str(write("org/sales.okr", BAD).parent))
    wheres = [f["where"] for f in json.loads(out)["findings"]]
    assert "sales/O1/KR2" in wheres


@pytest.mark.parametrize("name, content, message", [
    ("empty.okr", "", "is empty"),
    ("blank.okr", "  \n\n", "is empty"),
    ("latin1.okr", "O: Caf\xe9 for everyone\n".encode("latin-1"), "is not UTF-8"),
    ("binary.okr", b"\x00\x01\x02PNG", "binary"),
    ("bad.yaml", "objectives: [\n", "not valid YAML"),
    ("shape.yaml", "objectives: 3\n", "expected a list of objectives"),
    ("unknown.yaml", "team: A\ncolour: red\n", "unknown field 'colour'"),
    ("huge.okr", "O: x\n" + "KR: Grow sales from 1 to 2\n" * 400_000, "larger than"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, write, name, content, message):
    path = write(name, content)
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert message in err and str(path) in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nope.okr"))
    assert code == 2 and "no such file" in err


def test_one_unreadable_file_does_not_hide_the_others(capsys, write):
    code, out, err = run(capsys, "check", "--format", "json", str(write("a.okr", BAD)), str(write("b.okr", "")))
    assert code == 2
    assert json.loads(out)["summary"]["errors"] == 1


def test_rules_lists_the_catalog(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "OKR204  warning  key-result-is-a-task" in out


def test_rules_explains_one_rule(capsys):
    code, out, _ = run(capsys, "rules", "okr204")
    assert code == 0
    assert "Why:" in out and "Bad:" in out and "Good:" in out and "opens with 'Send'" in out


def test_unknown_rule_exits_2(capsys):
    code, _, err = run(capsys, "rules", "OKR999")
    assert code == 2 and "known rules" in err


def test_rules_docs_are_generated_from_the_records(capsys):
    from tests.conftest import ROOT

    _, out, _ = run(capsys, "rules", "--format", "markdown")
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == out, \
        "docs/rules.md is stale: run `okrkit rules --format markdown > docs/rules.md`"


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["rules", "--help"]])
def test_help_everywhere(args):
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", *args], capture_output=True, text=True)
    assert proc.returncode == 0 and "usage: okrkit" in proc.stdout


def test_a_folder_counts_the_files_it_read(capsys, write):
    for name in ("sales", "ops", "support"):
        folder = write(f"org/{name}.okr", GOOD).parent
    code, out, _ = run(capsys, "check", "--format", "json", str(folder))
    assert code == 0 and json.loads(out)["summary"]["files"] == 3
    write("org/broken.okr", "")
    code, out, err = run(capsys, "check", "--format", "json", str(folder), str(write("one.okr", GOOD)))
    assert code == 2 and "broken.okr" in err and json.loads(out)["summary"]["files"] == 5
    _, out, _ = run(capsys, "check", str(folder))
    assert "Checked 4 files" in out


def test_an_unreadable_folder_counts_its_files(capsys, write):
    for name in ("a", "b"):
        folder = write(f"org/{name}.okr", "").parent
    code, out, err = run(capsys, "check", "--format", "json", str(folder))
    assert code == 2 and json.loads(out)["summary"]["files"] == 2


def test_text_output_groups_what_json_keeps(capsys, write):
    path = write("tasks.okr", "Cycle: 2025-Q1\nO: Make our launch a success this quarter\nKR: Write the launch plan\n"
                              "KR: Hire a designer\nKR: Set up the landing page\nKR: Grow sign-ups from 100 to 400\n")
    _, out, _ = run(capsys, "check", str(path))
    assert "3 of 4 key results have no number: this reads as a task list, not an OKR set." in out
    _, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert sum(1 for f in json.loads(out)["findings"] if f["code"] == "OKR203") == 3
