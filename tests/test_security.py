"""Security: learner text is escaped in HTML, nothing from a file is run, CSV cannot run formulas.

Other HTML outputs (pages, reports, widgets) test their own escaping beside their modules;
this file covers okrkit.pages.html, which they build on, and scans the whole package.
"""
import ast
import csv
import io
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.errors import InputError
from okrkit.formats import csvsafe
from okrkit.model import KeyResult, Objective, OKRSet, Organisation
from okrkit.pages import html
from tests.conftest import ROOT

PACKAGE = ROOT / "okrkit"
MARK = "okr-evil"


class _Page(HTMLParser):
    """The tags, attributes and text of an HTML fragment."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data):
        self.text.append(data)


def assert_escaped(output: str, learner_text: str) -> None:
    page = _Page(output)
    assert MARK not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on") or name == MARK]
    assert not [value for _, value in page.attributes if value and MARK in value]
    assert learner_text in "".join(page.text), "learner text must be shown, escaped, not dropped"


def everything(text: str) -> tuple[OKRSet, Organisation]:
    """A set and an organisation with the text in every field a learner or an import can fill."""
    kr = KeyResult(text=text, unit=text, note=text, current=3.0, score=0.5)
    objective = Objective(title=text, key_results=(kr,), aligns_to=text, depends_on=(text,), supports=(text,))
    okr_set = OKRSet(objectives=(objective,), id="team", team=text, cycle=text, owner=text)
    return okr_set, Organisation(sets=(okr_set,), name=text)


NASTY = st.builds(lambda text: f'<{MARK} onclick="alert(1)">{text}</{MARK}>"\'&', st.text(max_size=30))


@settings(max_examples=200, deadline=None)
@given(NASTY)
def test_every_field_is_escaped_in_every_html_view(text):
    okr_set, org = everything(text)
    objective, kr = okr_set.objectives[0], okr_set.objectives[0].key_results[0]
    for output in (html.key_result(kr), html.key_result(kr, label=text), html.objective(objective),
                   html.objective(objective, label=text), html.okr_set(okr_set), html.organisation(org),
                   kr._repr_html_(), objective._repr_html_(), okr_set._repr_html_(), org._repr_html_()):
        assert_escaped(output, text)


@settings(max_examples=200, deadline=None)
@given(NASTY)
def test_findings_quoting_learner_text_are_escaped(text):
    one_line = " ".join(text.split())
    draft = f"Team: {one_line}\nKR: {one_line}\nO: {one_line}\nKR: Send {one_line}\n{one_line}\n"
    found = okrkit.check(okrkit.parse(draft))
    assert found
    output = found._repr_html_()
    page = _Page(output)
    assert MARK not in page.tags and not [n for n, _ in page.attributes if n.startswith("on")]
    assert MARK in "".join(page.text)


# --- nothing from a file is run -----------------------------------------------------------------

PAYLOADS = [
    "team: !!python/object/apply:os.system ['touch {flag}']\n",
    "team: !!python/object/apply:subprocess.call [['touch', '{flag}']]\n",
    "objectives:\n- title: !!python/object/new:os.system ['touch {flag}']\n",
    "team: !!python/name:os.system\n",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_yaml_python_tags_are_refused_and_not_run(tmp_path, payload):
    flag = tmp_path / "ran"
    path = tmp_path / "set.yaml"
    path.write_text(payload.format(flag=flag), encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        okrkit.load(path)
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and not flag.exists()


def test_code_in_a_draft_stays_text(tmp_path):
    flag = tmp_path / "ran"
    lines = [f"Run __import__('os').system('touch {flag}')", f"$(touch {flag})", f"`touch {flag}`",
             "{{7*7}} ${7*7} #{7*7} %(x)s {0.__class__}"]
    path = tmp_path / "draft.okr"
    path.write_text("O: Win\n" + "".join(f"KR: {line}\n" for line in lines), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "check", "--format", "json", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1) and not flag.exists()
    assert [kr.text for kr in okrkit.load(path).objectives[0].key_results] == lines


RUNS_CODE = {"eval", "exec", "compile", "__import__", "execfile"}
LOADS_CODE = {("pickle", "load"), ("pickle", "loads"), ("marshal", "load"), ("marshal", "loads"),
              ("shelve", "open"), ("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"),
              ("yaml", "load_all"), ("yaml", "unsafe_load_all"), ("os", "system"), ("os", "popen")}
UNSAFE_NAMES = {"UnsafeLoader", "FullLoader", "Loader", "CLoader", "CFullLoader", "CUnsafeLoader"}


def _runs_code(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in RUNS_CODE:
                found.append((node.lineno, f"{func.id}(...)"))
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                    and (func.value.id, func.attr) in LOADS_CODE:
                found.append((node.lineno, f"{func.value.id}.{func.attr}(...)"))
            if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                   for k in node.keywords):
                found.append((node.lineno, "shell=True"))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml" \
                and node.attr in UNSAFE_NAMES:
            found.append((node.lineno, f"yaml.{node.attr}"))
    return found


def test_nothing_in_the_package_runs_or_unpickles_what_it_reads():
    problems = [f"{path.relative_to(ROOT)}:{line} {call}"
                for path in sorted(PACKAGE.rglob("*.py"))
                for line, call in _runs_code(ast.parse(path.read_text(encoding="utf-8")))]
    assert not problems, "code that could run what a file says:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", ["eval(text)", "exec(source)", "yaml.load(text, Loader=yaml.Loader)",
                                  "pickle.loads(data)", "subprocess.run(cmd, shell=True)", "os.system(cmd)"])
def test_the_scan_finds_code_that_runs_input(code):
    assert _runs_code(ast.parse(code))


@pytest.mark.parametrize("code", ["re.compile(pattern)", "yaml.safe_load(text)", "subprocess.run(['ls'])",
                                  "subprocess.run(cmd, shell=False)", "literal_eval(text)"])
def test_the_scan_lets_safe_code_through(code):
    assert not _runs_code(ast.parse(code))


# --- CSV exports cannot run formulas ----------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(max_size=20) | st.integers() | st.floats(allow_nan=False), min_size=1, max_size=4),
                max_size=5))
def test_no_csv_cell_can_start_a_formula(rows):
    header = ["=learner", "+score", "@note", "-x"]
    text = csvsafe.to_csv(header, rows)
    for cells, original in zip(csv.reader(io.StringIO(text, newline="")), [header, *rows]):
        for cell, value in zip(cells, original):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
                assert cell in (value, "'" + value)  # shown as written, only marked as text


def test_csv_is_written_only_through_csvsafe():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "csvsafe.py":
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter", "to_csv") \
                    and not (node.attr == "to_csv" and isinstance(node.value, ast.Name) and node.value.id == "csvsafe"):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert not problems, "CSV written without okrkit.formats.csvsafe (formulas would run):\n" + "\n".join(problems)
