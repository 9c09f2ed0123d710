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
