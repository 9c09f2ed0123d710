"""The bad-input catalogue: what people actually type or upload, through okrkit.load and okrkit check.

Each input gives a clear message (exit 2, one line, naming the file) or a correct result.
Inputs that once crashed or stalled the reader run in a separate process with a memory limit
and a generous time limit, so a regression fails the test instead of the test run.
"""
import json
import resource
import subprocess
import sys

import pytest
import yaml

import okrkit
from okrkit.cli import main
from okrkit.errors import InputError
from okrkit.formats import yamlsets
from okrkit.formats.drafts import MAX_TEXT
from okrkit.pages import html
from tests.conftest import ROOT

MEMORY_LIMIT = 2 * 1024 ** 3
TIME_LIMIT = 120  # seconds: far above what these take; only a hang or a blow-up reaches it


def check_in_process(capsys, path):
    code = main(["check", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def check_in_a_sandbox(path):
    """`okrkit check` in its own process, with a memory cap, so a crash or a blow-up is a result."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "check", "--format", "json", str(path)],
                          capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=limit)
    return proc.returncode, proc.stdout, proc.stderr


def assert_clear_message(code, err, path, message):
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err and message in err


def billion_laughs() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    return "\n".join(lines) + "\n"


def alias_bomb_in_a_set() -> str:
    """Aliases where the reader looks: 3,000 objectives sharing one list of 300 key results."""
    kr_list = ", ".join(["Grow sales from 1 to 2"] * 300)
    return "objectives:\n- &o\n  title: Win\n  key_results: [" + kr_list + "]\n" + "- *o\n" * 3000


UNREADABLE = [
    ("empty.okr", b"", "is empty"),
    ("whole-notes.okr", b"O: Win\n" + b"KR: Grow sales from 1 to 2\n" * 10_000, "larger than 200 KB"),
    ("empty.yaml", b"", "is empty"),
    ("blank.okr", b" \t\r\n\n   \n", "is empty"),
    ("blank.yaml", b"\n   \n\t\n", "is empty"),
    ("comment-only.yaml", b"# nothing here yet\n", "is empty"),
    ("photo.okr", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("photo.yaml", b"\x00\x01\x02\x03", "binary"),
    ("latin1.okr", "O: Café for everyone\n".encode("latin-1"), "not UTF-8"),
    ("latin1.yaml", "team: Café\n".encode("latin-1"), "not UTF-8"),
    ("windows.okr", "O: Win\nKR: Grow sales from 1 to 2\n".encode("utf-16"), "UTF-16"),
    ("python-tag.yaml", b"team: !!python/object/apply:os.system ['echo hacked']\n", "not valid YAML"),
    ("duplicate-ids.yaml", b"sets:\n- id: sales\n- id: sales\n", "duplicate set id 'sales'"),
    ("written-twice.yaml", b"objectives:\n- title: Win\n  key_results: [a]\n  key_results: [b]\n", "written twice"),
    ("long-title.yaml", f"objectives:\n- title: {'x' * 200_000}\n".encode(), "characters long"),
    ("not-a-set.yaml", b"- just\n- a list\n", "expected a mapping"),
    ("typo-in-a-date.yaml", b"cycle: 2025-13-45\n", "'2025-13-45' cannot be read as timestamp"),
    ("huge-number.yaml", b"objectives:\n- title: Win\n  key_results:\n  - text: Grow\n    target: 1" + b"0" * 400,
     "more than 300 digits"),
    ("broken.yaml", b"objectives: [\n", "not valid YAML"),
]


@pytest.mark.parametrize("name, content, message", UNREADABLE, ids=[case[0] for case in UNREADABLE])
def test_unreadable_input_gets_one_clear_line(capsys, write, name, content, message):
    path = write(name, content)
    with pytest.raises(InputError) as caught:
        okrkit.load(path)
    assert message in str(caught.value) and caught.value.path == str(path)
    code, out, err = check_in_process(capsys, path)
    assert_clear_message(code, err, path, message)
    assert json.loads(out)["summary"]["files"] == 1


HEAVY = [
    ("ten-megabytes.okr", lambda: "O: Win\n" + "KR: Grow sales from 1 to 2\n" * 400_000, "larger than"),
    ("ten-megabytes.yaml", lambda: "objectives:\n" + "- title: Grow sales from 1 to 2\n" * 350_000, "larger than"),
    ("deep-flow.yaml", lambda: "objectives: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
    ("deep-block.yaml", lambda: "objectives:\n" + "".join(" " * i + "-\n" for i in range(0, 4_000, 2)),
     "nested too deeply"),
    ("billion-laughs.yaml", billion_laughs, "billion laughs"),
    ("alias-bomb.yaml", alias_bomb_in_a_set, "billion laughs"),
    ("alias-loop.yaml", lambda: "objectives: &a [*a]\n", "refers to the entry that holds it"),
]


@pytest.mark.parametrize("name, make, message", HEAVY, ids=[case[0] for case in HEAVY])
def test_hostile_input_is_refused_in_bounded_time_and_memory(write, name, make, message):
    path = write(name, make())
    code, out, err = check_in_a_sandbox(path)
    assert_clear_message(code, err, path, message)


def test_one_very_long_line_in_a_draft_is_reported_and_the_rest_is_read(write):
    path = write("pasted.okr", "O: Win the north\nKR: " + "Grow sales from 1 to 2 and " * 7_000 +
                 "\nKR: Cut churn from 5% to 3%\n")
    assert path.stat().st_size < 200_000  # under the draft limit: read, not refused
    code, out, err = check_in_a_sandbox(path)
    assert code in (0, 1) and err == ""
    findings = json.loads(out)["findings"]
    assert any(f["code"] == "OKR001" and f["line"] == 2 and f"longer than {MAX_TEXT:,}" in f["message"]
               for f in findings)
    assert [kr.text for kr in okrkit.load(path).objectives[0].key_results] == ["Cut churn from 5% to 3%"]


@pytest.mark.parametrize("text, title, key_results", [
    ("O: " + "* " * 90_000 + "Win\n", "Win", []),
    ("O: Win\nKR: " + "KR: " * 45_000 + "Grow sales from 1 to 2\n", "Win", ["Grow sales from 1 to 2"]),
    ("O: Win\n- " + "**KR 1:** __ " * 12_000 + "Grow sales from 1 to 2\n", "Win", ["Grow sales from 1 to 2"]),
], ids=["emphasis", "labels", "bold labels"])
def test_long_runs_of_markup_are_read(write, text, title, key_results):
    path = write("markup.okr", text)
    code, out, err = check_in_a_sandbox(path)
    assert code in (0, 1) and err == ""
    objective = okrkit.load(path).objectives[0]
    assert (objective.title, [kr.text for kr in objective.key_results]) == (title, key_results)


def test_a_long_key_result_full_of_numbers_is_read(write):
    path = write("numbers.okr", "O: Win\nKR: Grow " + "1 2 3 from 4 to 5 Q1 2025 $6M " * 150 + "\n")
    code, out, err = check_in_a_sandbox(path)
    assert code in (0, 1) and err == "" and json.loads(out)["summary"]["files"] == 1


# --- wrong types in every field of the YAML formats ---------------------------------------------

KINDS = {
    "set": {"id": "id", "team": "text", "level": "choice", "cycle": "text", "type": "choice", "owner": "text",
            "objectives": "list"},
    "objective": {"title": "text", "type": "choice", "aligns_to": "text", "depends_on": "references",
                  "supports": "references", "key_results": "list", "retro": "mapping"},
    "key_result": {"text": "text", "baseline": "number", "target": "number", "current": "number", "unit": "text",
                   "direction": "choice", "weight": "number", "confidence": "number", "score": "number",
                   "note": "text"},
    "retro": {"execution": "stars", "decision": "choice", "value": "text", "learning": "text", "decided": "text"},
    "organisation": {"organisation": "text", "organization": "text", "cycle": "text", "sets": "list"},
}
WRONG = {
    "text": [{"a": 1}, [1, 2]],
    "id": [{"a": 1}, [1], "two words", "sales/O1"],
    "choice": ["galaxy", {"a": 1}, [1]],
    "number": ["high", True, {"a": 1}, [1], float("nan"), float("inf"), "1e999"],
    "stars": [0, 9, 2.5, "many", {"a": 1}],
    "references": [{"a": 1}, [[1]], [{"a": 1}]],
    "list": ["3", 3, {"a": 1}, [True], [[1]]],  # [3] is fine: a key result may be plain text
    "mapping": ["text", [1], 3],
}


def test_the_catalogue_knows_every_field_the_loader_reads():
    assert tuple(KINDS["set"]) == yamlsets.SET_FIELDS
    assert tuple(KINDS["objective"]) == yamlsets.OBJECTIVE_FIELDS
    assert tuple(KINDS["key_result"]) == yamlsets.KEY_RESULT_FIELDS
    assert tuple(KINDS["retro"]) == yamlsets.RETRO_FIELDS
    assert tuple(KINDS["organisation"]) == yamlsets.ORGANISATION_FIELDS


def document(level: str, field: str, value) -> dict:
    """A small valid document with one field set to a value."""
    if level == "set":
        return {"objectives": [{"title": "Win"}], field: value}
    if level == "objective":
        return {"objectives": [{"title": "Win", field: value}]}
    if level == "key_result":
        return {"objectives": [{"title": "Win", "key_results": [{"text": "Grow sales from 1 to 2", field: value}]}]}
    if level == "retro":
        return {"objectives": [{"title": "Win", "retro": {field: value}}]}
    return {"sets": [{"id": "sales"}], field: value}


WRONG_TYPES = [(level, field, value) for level, fields in KINDS.items() for field, kind in fields.items()
               for value in WRONG[kind]]


@pytest.mark.parametrize("level, field, value", WRONG_TYPES,
                         ids=[f"{level}.{field}={str(value)[:12]}" for level, field, value in WRONG_TYPES])
def test_a_wrong_type_in_any_field_names_the_field_and_its_line(capsys, write, level, field, value):
    path = write("wrong.yaml", yaml.safe_dump(document(level, field, value)))
    with pytest.raises(InputError) as caught:
        okrkit.load(path)
    assert field in caught.value.message and caught.value.line is not None
    code, _, err = check_in_process(capsys, path)
    assert_clear_message(code, err, path, field)


@pytest.mark.parametrize("level, field", [(level, field) for level, fields in KINDS.items()
                                          for field, kind in fields.items() if kind == "text"])
@pytest.mark.parametrize("value, read", [(42, "42"), (2.5, "2.5"), (True, "True")])
def test_a_number_where_text_belongs_is_read_as_text(level, field, value, read):
    loaded = yamlsets.from_yaml(yaml.safe_dump(document(level, field, value)))
    okr_set = loaded.sets[0] if isinstance(loaded, okrkit.Organisation) else loaded
    objective = okr_set.objectives[0] if okr_set.objectives else None
    holder = {"set": okr_set, "organisation": loaded, "objective": objective,
              "key_result": objective and objective.key_results and objective.key_results[0],
              "retro": objective and objective.retro}[level]
    attribute = "name" if field in ("organisation", "organization") else field
    assert getattr(holder, attribute) == read


# --- duplicate ids ----------------------------------------------------------------------------------

def test_duplicate_set_ids_in_a_directory(capsys, write):
    write("org/sales.okr", "O: Win\nKR: Grow sales from 1 to 2\n")
    path = write("org/sales.yaml", "objectives: []\n").parent
    with pytest.raises(InputError, match="duplicate set id 'sales'"):
        okrkit.load(path)
    code, _, err = check_in_process(capsys, path)
    assert code == 2 and "duplicate set id 'sales'" in err and len(err.strip().splitlines()) == 1


def test_duplicate_key_results_are_a_finding_not_an_error(capsys, write):
    path = write("twice.okr", "O: Win\nKR: Grow sales from 1 to 2\nKR: Grow sales from 1 to 2\n")
    code, out, _ = check_in_process(capsys, path)
    assert "OKR208" in [f["code"] for f in json.loads(out)["findings"]]


# --- unicode in every field ---------------------------------------------------------------------

UNICODE = {
    "right-to-left": "زيادة المبيعات من 20 إلى 30 · הגדלת מכירות \u202eevil\u202c \u200f",
    "emoji": "🚀 Grow 👩‍👩‍👧‍👦 sign-ups 🇫🇷 from 1 to 2 ✅",
    "combining marks": "Cafe\u0301 de\u0301ja\u0300 vu Z\u0324\u0354\u0367\u0311a\u0308\u0356l\u036e\u0312o\u030c",
    "invisible": "Grow\u200bsales\u200d from\u00a01 to 2\ufeff",
    "full-width and other digits": "Grow sales from ２０ to ３０ and from ٢٠ to ٣٠",
}


@pytest.mark.parametrize("sample", UNICODE.values(), ids=UNICODE.keys())
def test_unicode_in_every_field_of_a_yaml_set_is_kept_exactly(capsys, write, sample):
    kr = {field: sample for field, kind in KINDS["key_result"].items() if kind == "text"}
    retro = {field: sample for field, kind in KINDS["retro"].items() if kind == "text"}
    objective = {"title": sample, "aligns_to": sample, "depends_on": [sample], "supports": [sample],
                 "key_results": [kr, sample], "retro": retro}
    data = {field: sample for field in ("team", "cycle", "owner")} | {"objectives": [objective]}
    path = write("unicode.yaml", yaml.safe_dump(data, allow_unicode=True))
    loaded = okrkit.load(path)
    o = loaded.objectives[0]
    assert {loaded.team, loaded.cycle, loaded.owner, o.title, o.aligns_to, *o.depends_on, *o.supports,
            o.key_results[0].text, o.key_results[0].unit, o.key_results[0].note, o.key_results[1].text,
            o.retro.value, o.retro.learning, o.retro.decided} == {sample}
    assert sample in html.okr_set(loaded) or "&" in sample
    html.findings(okrkit.check(loaded))
    code, out, err = check_in_process(capsys, path)
    assert code in (0, 1) and err == "" and json.loads(out)["summary"]["files"] == 1


@pytest.mark.parametrize("sample", UNICODE.values(), ids=UNICODE.keys())
def test_unicode_in_every_line_of_a_draft_is_kept_exactly(capsys, write, sample):
    path = write("équipe 🚀.okr", f"Team: {sample}\nCycle: {sample}\nOwner: {sample}\nO: {sample}\n"
                                  f"KR: {sample}\n- {sample}\n")
    loaded = okrkit.load(path)
    assert {loaded.team, loaded.cycle, loaded.owner, loaded.objectives[0].title,
            *(kr.text for kr in loaded.objectives[0].key_results)} == {sample.strip()}
    code, out, err = check_in_process(capsys, path)
    assert code in (0, 1) and err == ""
    assert {f["path"] for f in json.loads(out)["findings"]} <= {str(path)}


# --- commands: arguments, output paths and odd files (issue 16) ---------------------------------

ORGANISATION = ROOT / "okrkit" / "data" / "organisations" / "sales-marketing.yaml"
EXPORT = ROOT / "okrkit" / "data" / "pilot-okrs-template.csv"
CLOSED_SET = """team: Sales
cycle: 2025-Q1
objectives:
- title: Grow big with national retail outlets
  key_results:
  - text: Increase revenue from 20 to 30 Mil USD
    score: 0.7
  retro: {execution: 4, decision: keep, value: the second market is still to win, learning: start earlier}
"""
LOG = "kr,date,value,confidence\nO1/KR1,2025-02-03,24,0.7\n"


def command(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code, err, *names):
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for name in names:
        assert str(name) in err, err


@pytest.fixture
def inputs(write):
    """A closed set, a check-in log about it, a plan and a blocking file for each command to write under."""
    return {"set": write("sales.yaml", CLOSED_SET), "log": write("log.csv", LOG),
            "file": write("a-file.txt", "not a folder\n")}


OUTPUTS = [  # (command line, the option's value): every output a command writes
    (["score", "{set}", "--output"], "score.txt"),
    (["close", "{set}", "--next"], "next.okr"),
    (["close", "{set}", "--retro"], "retro.md"),
    (["checkins", "{log}", "--set", "{set}", "--save"], "saved.csv"),
    (["align", str(ORGANISATION), "--out"], "map.png"),
    (["align", str(ORGANISATION), "--csv"], "tables"),
    (["onboard", str(EXPORT), "--out"], "readiness.html"),
    (["onboard", str(EXPORT), "--fixes"], "fixes.csv"),
    (["plan", "--new"], "plan.yaml"),
    (["calendar", "2025-Q1", "--out"], "cycle.ics"),
    (["calendar", "2025-Q1", "--plot"], "cycle.png"),
    (["grade", str(ROOT / "okrkit" / "data" / "example-class"), "--no-progress", "--out"], "gradebook"),
]


@pytest.mark.parametrize("where", ["a directory", "under a file"])
@pytest.mark.parametrize("args, name", OUTPUTS, ids=[" ".join(a[:1] + a[-1:]) for a, _ in OUTPUTS])
def test_an_output_that_cannot_be_written_is_one_line_naming_it(capsys, tmp_path, monkeypatch, inputs, args, name,
                                                               where):
    monkeypatch.chdir(tmp_path)  # outputs left at their defaults (onboard's readiness.html) land here
    if where == "a directory":
        if name in ("tables", "gradebook"):  # folders by design: a file stands in their way instead
            target = inputs["file"]
        else:
            target = tmp_path / name
            target.mkdir()
    else:
        target = inputs["file"] / name
    line = [arg.format(**inputs) for arg in args]
    line = line[:1] + [str(target)] + line[1:] if line[:2] == ["plan", "--new"] else line + [str(target)]
    code, out, err = command(capsys, *line)
    assert_one_line(code, err, target if where == "a directory" or name not in ("tables", "gradebook")
                    else inputs["file"])


def test_build_exercises_into_a_file_is_one_line(capsys, tmp_path, inputs):
    code, out, err = command(capsys, "build-exercises", "--solutions", ROOT / "solutions",
                             "--exercises", inputs["file"])
    assert_one_line(code, err, inputs["file"])


def test_an_unreadable_folder_is_one_line_naming_it(capsys, tmp_path, monkeypatch):
    """As a non-root user a folder without read permission raises PermissionError when listed."""
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "sales.yaml").write_text(CLOSED_SET, encoding="utf-8")

    def refused(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(folder), "iterdir", refused)
    code, out, err = command(capsys, "check", folder)
    assert_one_line(code, err, folder, "permission denied")


ARGUMENTS = [
    (["checkins", "{log}", "--set", "{set}", "--as-of", "2025-13-45"], "2025-13-45"),
    (["pilot", "--people", "0"], "--people"),
    (["pilot", "--people", "-5"], "--people"),
    (["pilot", "--people", "40", "--levels", "0"], "--levels"),
    (["pilot", "--people", "40", "--initiative", "--initiative-people", "-1"], "--initiative-people"),
    (["align", str(ORGANISATION), "--max-sets", "0"], "--max-sets"),
    (["calendar", "2025-Q1", "--plot", "cycle.ics"], "cycle.ics"),
    (["score", "{empty}", "--format", "csv"], "no sets"),
    (["checkins", "{log}", "--set", "{empty}", "--cycle", "2025-Q1"], "no sets"),
]


@pytest.mark.parametrize("args, named", ARGUMENTS, ids=[" ".join(a[:1] + a[-2:]) for a, _ in ARGUMENTS])
def test_a_wrong_argument_is_a_message_not_a_traceback(capsys, write, inputs, args, named):
    inputs = inputs | {"empty": write("empty-org.yaml", "organisation: Nobody yet\nsets: []\n")}
    try:
        code, out, err = command(capsys, *[arg.format(**inputs) for arg in args])
    except SystemExit as exit_:  # argparse: the usage line, then one line naming the option
        code, err = exit_.code, capsys.readouterr().err
        assert err.strip().splitlines()[-1].startswith("okrkit") and named in err.strip().splitlines()[-1]
        assert code == 2 and "Traceback" not in err
        return
    assert_one_line(code, err, named)


@pytest.mark.parametrize("option", ["grade", "build-exercises"])
def test_a_solution_notebook_nested_too_deeply_is_one_line(capsys, tmp_path, option):
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "02_anatomy.ipynb").write_text("[" * 200_000, encoding="utf-8")
    if option == "grade":
        args = ["grade", ROOT / "okrkit" / "data" / "example-class", "--no-progress", "--out", tmp_path / "out",
                "--solutions", solutions]
    else:
        args = ["build-exercises", "--solutions", solutions, "--exercises", tmp_path / "exercises"]
    code, out, err = command(capsys, *args)
    assert_one_line(code, err, "nested too deeply")
    assert "02_anatomy.ipynb" in err  # the file is named, whichever command read it


def test_grade_with_a_missing_solutions_folder_says_so(capsys, tmp_path):
    code, out, err = command(capsys, "grade", ROOT / "okrkit" / "data" / "example-class", "--no-progress",
                             "--out", tmp_path / "out", "--solutions", tmp_path / "nowhere")
    assert_one_line(code, err, tmp_path / "nowhere", "not a folder")
    assert not (tmp_path / "out").exists()


FIFO_COMMANDS = [
    ["check", "{fifo}.yaml"],
    ["score", "{fifo}.yaml"],
    ["checkins", "{fifo}.csv", "--set", "{set}"],
    ["checkins", "{log}", "--set", "{fifo}.yaml"],
    ["plan", "{fifo}.yaml"],
    ["onboard", "{fifo}.csv", "--out", "{tmp}/r.html"],
]


@pytest.mark.parametrize("args", FIFO_COMMANDS, ids=[" ".join(a) for a in FIFO_COMMANDS])
def test_a_pipe_given_as_input_is_refused_not_waited_on(tmp_path, inputs, args):
    import os

    for suffix in (".yaml", ".csv"):
        os.mkfifo(tmp_path / f"pipe{suffix}")
    line = [arg.format(fifo=tmp_path / "pipe", tmp=tmp_path, **inputs) for arg in args]
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", *line], capture_output=True, text=True, timeout=60)
    assert_one_line(proc.returncode, proc.stderr, "pipe", "not a regular file")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_nan_and_inf_in_a_check_in_log_are_row_problems(value):
    from okrkit.cycle import checkins

    log = checkins.from_csv(f"kr,date,value,confidence\nO1/KR1,2025-02-03,{value},0.7\n"
                            f"O1/KR1,2025-02-10,24,{value}\n", "log.csv")
    assert log.entries == () and len(log.problems) == 2
    assert all("finite number" in str(problem) for problem in log.problems)


@pytest.mark.parametrize("column", ["baseline", "target", "current", "confidence", "score"])
def test_nan_and_inf_in_an_onboarding_csv_are_refused_with_the_line(column):
    from okrkit.rollout import spreadsheet

    header = "team,objective,key result,baseline,target,current,confidence,score"
    values = dict.fromkeys(["baseline", "target", "current", "confidence", "score"], "") | {column: "nan"}
    row = "Sales,Grow big,Increase revenue from 20 to 30," + ",".join(values.values())
    with pytest.raises(InputError) as caught:
        spreadsheet.parse_csv(f"{header}\n{row}\n", "export.csv")
    assert caught.value.line == 2 and "finite number" in caught.value.message


def test_an_open_quote_in_a_check_in_log_is_a_problem_not_swallowed_rows():
    from okrkit.cycle import checkins

    text = 'kr,date,value,confidence\nO1/KR1,2025-02-03,"24,0.7\nO1/KR1,2025-02-10,26",0.8\nO1/KR1,2025-02-17,28,0.8\n'
    log = checkins.from_csv(text, "log.csv")
    assert len(log.entries) == 1 and len(log.problems) == 1 and "closing quote" in str(log.problems[0])
    with pytest.raises(InputError, match="unexpected end of data"):
        checkins.from_csv('kr,date,value,confidence\nO1/KR1,2025-02-03,"24,0.7\n', "log.csv")


def test_an_open_quote_in_an_onboarding_csv_is_refused():
    from okrkit.rollout import spreadsheet

    text = ('team,objective,key result\nSales,"Grow big,Increase revenue from 20 to 30\n'
            'Sales,Grow big,Increase outlets from 30 to 42"\nSales,Grow big,Raise NPS from 20 to 40\n')
    with pytest.raises(InputError, match="closing quote"):
        spreadsheet.parse_csv(text, "export.csv")


@pytest.mark.parametrize("reader", ["checkins", "spreadsheet"])
def test_a_huge_value_is_cut_short_in_its_message(reader):
    from okrkit.cycle import checkins
    from okrkit.rollout import spreadsheet

    huge = "9x" * 50_000
    if reader == "checkins":
        message = str(checkins.from_csv(f"kr,date,value\nO1/KR1,2025-02-03,{huge}\n", "log.csv").problems[0])
    else:
        with pytest.raises(InputError) as caught:
            spreadsheet.parse_csv(f"team,objective,key result,baseline\nSales,Grow,Raise NPS,{huge}\n", "e.csv")
        message = str(caught.value)
    assert "100,000 characters" in message and len(message) < 500


@pytest.mark.parametrize("cycle", ["1899-Q5", "2025-01-01", "2025-Q5", "someday"])
def test_a_cycle_that_cannot_be_dated_is_a_finding_at_check_time(capsys, write, cycle):
    path = write("set.yaml", f"team: Sales\ncycle: {cycle}\nobjectives:\n- title: Grow big this quarter\n"
                             "  key_results: [Grow sales from 1 to 2]\n")
    code, out, err = check_in_process(capsys, path)
    found = [f for f in json.loads(out)["findings"] if f["code"] == "OKR302"]
    assert len(found) == 1 and cycle in found[0]["message"], out


def test_a_cycle_that_can_be_dated_is_no_finding(capsys, write):
    path = write("set.yaml", "team: Sales\ncycle: Q1 2025\nobjectives:\n- title: Grow big\n"
                             "  key_results: [Grow sales from 1 to 2]\n")
    code, out, err = check_in_process(capsys, path)
    assert "OKR302" not in {f["code"] for f in json.loads(out)["findings"]}


@pytest.mark.parametrize("widget, suffix", [("ScoreCard", ".scores.json"), ("RetroForm", ".retro.json"),
                                            ("AlignmentBoard", ".alignment.json")])
def test_a_form_autosave_nested_too_deeply_is_a_status_line(tmp_path, monkeypatch, widget, suffix):
    import okrkit.widgets as kit_widgets

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".okrkit-autosave").mkdir()
    (tmp_path / ".okrkit-autosave" / f"mine{suffix}").write_text("[" * 100_000, encoding="utf-8")
    given = {"ScoreCard": {"example": "sales-retail"}, "RetroForm": {"example": "sales-retail"},
             "AlignmentBoard": {}}[widget]
    form = getattr(kit_widgets, widget)(name="mine", **given)
    assert "nested too deeply" in form._saving.status.value


def test_a_pasted_document_is_not_checked_live(tmp_path, monkeypatch):
    from okrkit.widgets.draft_checker import MAX_CHECKED, DraftChecker

    monkeypatch.chdir(tmp_path)
    checker = DraftChecker(name="pasted")
    checker.value = "O: Win the north\n" + "KR: Grow sales from 1 to 2\n" * 50_000
    found = checker.check()
    assert len(found) == 0 and f"{MAX_CHECKED:,}" in checker._summary.value
    assert (tmp_path / ".okrkit-autosave" / "pasted.okr").read_text(encoding="utf-8") == checker.value
