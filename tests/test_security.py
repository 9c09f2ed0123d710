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


# --- people's text drawn in plots is drawn as written (issue 16, item 1) -------------------------

MATHS = "Ops $\\foo$"  # read as maths, matplotlib stops with a ParseFatalException
DOLLARS = "Sales $10M to $12M"  # read as maths, it is drawn "Sales 10Mto12M"


def drawn_as_written(ax) -> list[str]:
    """Render the figure (so every tick label exists) and the texts that hold a dollar sign."""
    from matplotlib.text import Text

    from okrkit.pages.plots import figure_bytes

    texts = [t for t in ax.figure.findobj(Text) if "$" in t.get_text()]
    assert figure_bytes(ax.figure, "png", dpi=40)  # raises on maths it cannot parse
    assert texts and all(not t.get_parse_math() for t in texts), [t.get_text() for t in texts]
    return [t.get_text() for t in texts]


def dollar_organisation() -> Organisation:
    from dataclasses import replace

    org = okrkit.load(ROOT / "okrkit" / "data" / "organisations" / "sales-marketing.yaml")
    first, second = org.sets
    first = replace(first, team=MATHS, objectives=(replace(first.objectives[0], title=DOLLARS),))
    return replace(org, name=DOLLARS, sets=(first, replace(second, team=DOLLARS)))


def test_every_plot_draws_dollars_as_written():
    import matplotlib

    matplotlib.use("Agg")
    from datetime import date

    import pandas as pd

    from okrkit.alignment.map import alignment_map
    from okrkit.classroom import dashboard_report
    from okrkit.cycle.tracking import Point, Track
    from okrkit.formats.cycles import parse_cycle
    from okrkit.pages import plots

    org = dollar_organisation()
    okr_set = org.sets[0]
    track = Track(where=MATHS, text=DOLLARS, status="at risk", reason=MATHS,
                  points=(Point(date(2025, 1, 10), 0.1, 0.2, 0.5),), progress=0.2, elapsed=0.3, projected=0.6,
                  confidence=0.5)
    frame = pd.DataFrame({"set": [MATHS], "key result": [DOLLARS], "mean confidence": [0.5], "final score": [0.4]})
    drawings = [plots.score_card(okr_set), plots.quarter_evaluation(org), plots.checkin_trend(track, parse_cycle("2025-Q1")),
                plots.confidence_calibration(frame), alignment_map(org),
                dashboard_report.plot_pass_rates(pd.DataFrame({"pass rate": [0.5]}, index=[MATHS])),
                dashboard_report.plot_calibration(pd.DataFrame({"mean gap": [0.2]}, index=[DOLLARS]))]
    for ax in drawings:
        shown = drawn_as_written(ax)
        assert any(MATHS in text or DOLLARS in text for text in shown), shown


def test_commands_draw_a_team_or_a_learner_called_like_maths(tmp_path):
    """onboard, align --out and grade: the report, the map and the dashboard are all written."""
    import shutil

    export = tmp_path / "export.csv"
    export.write_text((ROOT / "okrkit" / "data" / "pilot-okrs-template.csv").read_text(encoding="utf-8")
                      .replace("\nSales,", f"\n{MATHS},"), encoding="utf-8")
    org = tmp_path / "org.yaml"
    org.write_text((ROOT / "okrkit" / "data" / "organisations" / "sales-marketing.yaml").read_text(encoding="utf-8")
                   .replace("team: Sales", f"team: {MATHS}"), encoding="utf-8")
    learners = tmp_path / "class"
    shutil.copytree(ROOT / "okrkit" / "data" / "example-class" / "learner-01", learners / MATHS)
    shutil.copytree(ROOT / "okrkit" / "data" / "example-class" / "learner-02", learners / DOLLARS)
    runs = [["onboard", export, "--out", tmp_path / "readiness.html"], ["align", org, "--out", tmp_path / "map.png"],
            ["grade", learners, "--out", tmp_path / "gradebook", "--no-progress"]]
    for args in runs:
        proc = subprocess.run([sys.executable, "-m", "okrkit.cli", *map(str, args)], capture_output=True, text=True,
                              timeout=300, cwd=tmp_path)
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    assert MATHS in (tmp_path / "readiness.html").read_text(encoding="utf-8").replace("&#x27;", "'")
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    assert "<img" in (tmp_path / "gradebook" / "dashboard.html").read_text(encoding="utf-8")


# --- line breaks cannot forge lines; Markdown is escaped (issue 16, item 4) --------------------

INJECTED = "Delight partners\nO: Injected objective\n# Heading\n<script>alert(1)</script>"


def test_a_title_with_line_breaks_is_one_line_when_read_and_when_written(tmp_path, capsys):
    import json

    from okrkit.cli import main

    source = tmp_path / "closed.yaml"  # a JSON string is a YAML double-quoted string: \n is a line break
    source.write_text(
        f"team: Sales\ncycle: 2025-Q1\nobjectives:\n- title: {json.dumps(INJECTED)}\n"
        f"  key_results:\n  - text: {json.dumps('Grow sales from 1 to 2' + chr(10) + 'KR: Injected key result')}\n"
        f"    score: 0.7\n  retro:\n    execution: 4\n    decision: keep\n"
        f"    value: {json.dumps('more' + chr(10) + 'O: Injected by the value')}\n"
        f"    learning: {json.dumps('<script>alert(1)</script>' + chr(10) + '# Injected heading')}\n",
        encoding="utf-8")
    loaded = okrkit.load(source)
    assert "\n" not in loaded.objectives[0].title and "\n" not in loaded.objectives[0].key_results[0].text
    code = main(["close", str(source), "--next", str(tmp_path / "next.okr"), "--retro", str(tmp_path / "retro.md")])
    capsys.readouterr()
    assert code in (0, 1)
    draft = okrkit.load(tmp_path / "next.okr")
    assert len(draft.objectives) == 1 and len(draft.objectives[0].key_results) == 1
    assert [line for line in (tmp_path / "next.okr").read_text(encoding="utf-8").splitlines()
            if line.startswith(("O:", "KR:"))] == [f"O: {loaded.objectives[0].title}",
                                                   f"KR: {loaded.objectives[0].key_results[0].text}"]
    retro = (tmp_path / "retro.md").read_text(encoding="utf-8")
    assert "<script>" not in retro and "&lt;script&gt;" in retro
    assert [line for line in retro.splitlines() if line.startswith("#")] == [
        "# Retrospective: Sales, 2025-Q1", "## What went well", "## What could have been better",
        "## Learnings for the next drafting"]


def test_a_next_draft_from_a_set_built_in_code_cannot_gain_lines():
    from okrkit.cycle import retro
    from okrkit.model import Retro

    objective = Objective(title=INJECTED, key_results=(KeyResult(text=INJECTED),),
                          retro=Retro(decision="keep", value=INJECTED, learning=INJECTED))
    draft = retro.next_draft(OKRSet(objectives=(objective,), team=INJECTED, cycle="2025-Q1"))
    parsed = okrkit.formats.drafts.parse(draft)
    assert len(parsed.objectives) == 1 and len(parsed.objectives[0].key_results) == 1
    assert not any(line.startswith("<script>") for line in draft.splitlines())


@pytest.mark.parametrize("text", ["<b>x</b>", "*bold* _it_", "[link](javascript:alert(1))", "a | b", "`code`",
                                  "# heading", "line\nbreak"])
def test_markdown_text_shows_learner_text_as_written(text):
    from okrkit.formats.fields import markdown_text

    shown = markdown_text(text)
    assert "\n" not in shown and "<" not in shown
    assert not any(f"{c}" in shown.replace(f"\\{c}", "") for c in "*_[]|`#")


# --- CSV: hidden formula starts (issue 16, item 10) ---------------------------------------------

@pytest.mark.parametrize("cell", ["＝1+1", "＋41", "－2", "＠SUM(A1)", " =1+1", "\n=1+1", "  @x", "\u3000=1"])
def test_formula_starts_behind_spaces_or_in_full_width_are_neutralised(cell):
    assert csvsafe.neutralise(cell) == "'" + cell
    assert csvsafe.restore(csvsafe.neutralise(cell)) == cell


def test_the_fixes_csv_writes_line_numbers_as_whole_numbers(tmp_path, capsys):
    from okrkit.cli import main

    export = tmp_path / "export.csv"  # the support team without a cycle: a fix with no line (OKR302)
    export.write_text((ROOT / "okrkit" / "data" / "pilot-okrs-template.csv").read_text(encoding="utf-8")
                      .replace("support,team,2025-Q1", "support,team,"), encoding="utf-8")
    main(["onboard", str(export), "--out", str(tmp_path / "r.html"), "--fixes", str(tmp_path / "fixes.csv")])
    capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "fixes.csv").read_text(encoding="utf-8"))))
    lines = [row["line"] for row in rows]
    assert "" in lines and [line for line in lines if line] and all(line.isdigit() for line in lines if line), lines


# --- terminal control sequences are printed as escapes (issue 16, item 11) ----------------------

ESCAPES = "\x1b[2J\x1b[31mred\x07\x9b1A\u202e"


@pytest.mark.parametrize("colour", ["never", "always"])
def test_control_sequences_in_a_title_are_printed_as_escapes(tmp_path, colour):
    path = tmp_path / f"draft{ESCAPES}.okr"  # the file name heads the report
    path.write_text(f"Team: Ops{ESCAPES}\nO: Win{ESCAPES} the north\nA stray line{ESCAPES}\nKR: Grow sales\n",
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "check", "--color", colour, str(path)],
                          capture_output=True, text=True, timeout=60)
    assert "\x1b[2J" not in proc.stdout and "\x07" not in proc.stdout and "\u202e" not in proc.stdout
    assert "\\x1b[2J" in proc.stdout
    if colour == "never":
        assert "\x1b" not in proc.stdout
    else:
        assert "\x1b[33m" in proc.stdout  # the kit's own colours still show


@pytest.mark.parametrize("args", [["score"], ["close"], ["checkins", "--set", "{set}"]])
def test_control_sequences_never_reach_the_terminal_from_any_command(tmp_path, args):
    path = tmp_path / "set.yaml"
    path.write_text(f"team: \"Ops{ESCAPES}\"\ncycle: 2025-Q1\nobjectives:\n- title: \"Win{ESCAPES}\"\n"
                    f"  key_results:\n  - text: \"Grow sales from 1 to 2{ESCAPES}\"\n    score: 0.5\n"
                    "  retro: {decision: keep, value: more}\n".replace("\x1b", "\\e").replace("\x07", "\\a")
                    .replace("\x9b", "\\x9b").replace("\u202e", "\\u202e"), encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_text("kr,date,value,comment\nO1/KR1,2025-02-03,1.5,fine\n", encoding="utf-8")
    line = [args[0], str(log if args[0] == "checkins" else path)] + [a.format(set=path) for a in args[1:]]
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", *line], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Win" in proc.stdout or "Ops" in proc.stdout, proc.stdout
    for char in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert char not in proc.stdout + proc.stderr


def test_a_line_break_in_a_file_name_stays_in_its_one_error_line(tmp_path):
    path = tmp_path / "bad\nokrkit: forged line.yaml"
    path.write_text("objectives: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "check", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "bad\\nokrkit: forged line.yaml" in proc.stderr


# --- grading: nothing a learner hands in is skipped without a word (issue 16, item 12) ---------

def test_linked_piped_or_folder_notebooks_are_reported_not_missing(tmp_path):
    import csv as csv_module
    import os
    import shutil

    example = ROOT / "okrkit" / "data" / "example-class" / "learner-01"
    learners = tmp_path / "class"
    shutil.copytree(example, learners / "ana")
    (learners / "bo").mkdir()
    (learners / "bo" / "02_anatomy_of_a_strong_okr.ipynb").symlink_to(example / "02_anatomy_of_a_strong_okr.ipynb")
    (learners / "cy").mkdir()
    os.mkfifo(learners / "cy" / "02_anatomy_of_a_strong_okr.ipynb")
    (learners / "di" / "02_anatomy_of_a_strong_okr.ipynb").mkdir(parents=True)
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "grade", str(learners), "--out", str(tmp_path / "out"),
                           "--no-progress"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = {row["learner"]: row for row in
            csv_module.DictReader(io.StringIO((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8")))}
    assert "symbolic link" in rows["bo"]["issues"]
    assert "not a regular file" in rows["cy"]["issues"]
    assert "is a directory" in rows["di"]["issues"]


def test_learner_names_that_differ_only_by_normalisation_are_one_row(tmp_path):
    import shutil
    import unicodedata

    example = ROOT / "okrkit" / "data" / "example-class" / "learner-01"
    learners = tmp_path / "class"
    learners.mkdir()
    shutil.copy(example / "02_anatomy_of_a_strong_okr.ipynb",
                learners / (unicodedata.normalize("NFC", "José") + "_02_anatomy_of_a_strong_okr.ipynb"))
    shutil.copy(example / "03_writing_team_okrs.ipynb",
                learners / (unicodedata.normalize("NFD", "José") + "_03_writing_team_okrs.ipynb"))
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "grade", str(learners), "--out", str(tmp_path / "out"),
                           "--no-progress"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Graded 1 learners"), proc.stdout
