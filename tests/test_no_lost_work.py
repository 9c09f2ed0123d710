"""No lost work: every file the kit writes is written atomically and keeps the previous version.

Writes are failed on purpose at every step, and the old file and its backup must survive. A
scan of the code makes sure no module writes a file any other way.
"""
import ast
import os
import shutil

import pytest

from okrkit import files
from okrkit.files import backup_path, write_atomic
from okrkit.formats import csvsafe
from tests.conftest import ROOT

PACKAGE = ROOT / "okrkit"


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def learner_file(tmp_path):
    """A learner's file that has been saved twice: the current text and its previous version."""
    path = tmp_path / "my draft.okr"
    write_atomic(path, "O: First thoughts\n")
    write_atomic(path, "O: Precious work\n")
    return path


def test_each_write_keeps_the_version_before_it(learner_file):
    write_atomic(learner_file, "O: Third\n")
    assert learner_file.read_text() == "O: Third\n"
    assert backup_path(learner_file).read_text() == "O: Precious work\n"


def test_bytes_are_written_the_same_way(learner_file):
    write_atomic(learner_file, b"\x89PNG")
    assert learner_file.read_bytes() == b"\x89PNG"
    assert backup_path(learner_file).read_text() == "O: Precious work\n"


def test_without_keep_previous_no_backup_is_made(tmp_path):
    path = write_atomic(tmp_path / "log.txt", "a")
    write_atomic(path, "b", keep_previous=False)
    assert path.read_text() == "b" and not backup_path(path).exists()


def _fail(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


def _interrupt(*_args, **_kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("step, failure", [
    ("os.fsync", _fail),  # half-way through writing the new text
    ("os.fsync", _interrupt),  # the learner presses stop while it is written
    ("os.chmod", _fail),
    ("shutil.copy2", _fail),  # while the previous version is kept
    ("os.replace", _fail),  # at the very last step
])
def test_a_write_failing_at_any_step_leaves_the_old_file_and_its_backup(learner_file, monkeypatch, step, failure):
    module, name = step.split(".")
    monkeypatch.setattr({"os": os, "shutil": shutil}[module], name, failure)
    with pytest.raises((OSError, KeyboardInterrupt)):
        write_atomic(learner_file, "O: Half-written\n" * 1000)
    monkeypatch.undo()
    assert learner_file.read_text() == "O: Precious work\n"
    assert backup_path(learner_file).read_text() == "O: First thoughts\n"
    assert leftovers(learner_file.parent) == []


def test_a_failed_write_does_not_leave_a_new_file(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", _fail)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "new.okr", "O: Win\n")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_permissions_are_kept_and_new_files_are_readable(tmp_path):
    path = write_atomic(tmp_path / "draft.okr", "a")
    assert path.stat().st_mode & 0o777 == 0o666 & ~files._umask()
    path.chmod(0o640)
    write_atomic(path, "b")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_symbolic_link_is_written_through(tmp_path):
    target = write_atomic(tmp_path / "real.okr", "old")
    link = tmp_path / "link.okr"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert backup_path(target).read_text() == "old"


def test_csv_exports_go_through_the_atomic_write(tmp_path, monkeypatch):
    path = tmp_path / "grades.csv"
    csvsafe.write_csv(path, ["learner"], [["first"]])
    monkeypatch.setattr(os, "replace", _fail)
    with pytest.raises(OSError):
        csvsafe.write_csv(path, ["learner"], [["second"]])
    monkeypatch.undo()
    assert "first" in path.read_text()


# --- every write in the code goes through okrkit.files ---------------------------------------

WRITING_METHODS = {"write_text", "write_bytes", "to_csv", "to_excel", "to_json", "to_parquet", "to_pickle",
                   "to_html", "savefig", "dump"}
WRITING_FUNCTIONS = {("os", "rename"), ("os", "replace"), ("os", "remove"), ("os", "unlink"), ("shutil", "copy"),
                     ("shutil", "copy2"), ("shutil", "copyfile"), ("shutil", "move"), ("shutil", "rmtree"),
                     ("nbformat", "write"), ("json", "dump"), ("yaml", "dump"), ("yaml", "safe_dump")}
IN_MEMORY = {"BytesIO", "StringIO"}


def _name(node: ast.AST) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls that write a file directly, with their line: open(..., "w"), Path.write_text, ..."""
    in_memory = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Call) and _name(node.value.func) in IN_MEMORY
                 for target in node.targets if isinstance(target, ast.Name)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, owner = _name(node.func), _name(getattr(node.func, "value", None) or node.func)
        keywords = {k.arg: k.value for k in node.keywords}
        if name in ("open", "ZipFile"):
            mode = node.args[1] if len(node.args) > 1 else keywords.get("mode")
            if mode is not None and (not isinstance(mode, ast.Constant) or set(str(mode.value)) & set("wax+")):
                found.append((node.lineno, f"{name}(..., mode={ast.unparse(mode)})"))
        elif isinstance(node.func, ast.Attribute) and (owner, name) in WRITING_FUNCTIONS:
            if name in ("dump", "safe_dump") and owner == "yaml" and len(node.args) < 2 and "stream" not in keywords:
                continue  # yaml.dump(data) returns the text
            found.append((node.lineno, f"{owner}.{name}(...)"))
        elif isinstance(node.func, ast.Attribute) and name in WRITING_METHODS and owner not in ("json", "yaml"):
            target = node.args[0] if node.args else next(
                (keywords[k] for k in ("path_or_buf", "buf", "path", "fname", "excel_writer") if k in keywords), None)
            if target is None and name in ("to_csv", "to_json", "to_html"):
                continue  # without a path they return the text
            if target is not None and _name(target) in in_memory:
                continue  # into memory, then written with write_atomic
            found.append((node.lineno, f".{name}(...)"))
    return found


def test_no_module_writes_a_file_except_through_okrkit_files():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "files.py":
            continue
        for line, call in _writes(ast.parse(path.read_text(encoding="utf-8"))):
            problems.append(f"{path.relative_to(ROOT)}:{line} {call}")
    assert not problems, ("these write files directly; use okrkit.files.write_atomic (atomic, keeps the "
                          "previous version) and okrkit.formats.csvsafe for CSV:\n" + "\n".join(problems))


@pytest.mark.parametrize("code", [
    "open(path, 'w').write(text)", "open(path, mode='a')", "Path(p).write_text(t)", "frame.to_csv(path)",
    "fig.savefig('plot.png')", "os.replace(a, b)", "json.dump(data, handle)", "shutil.copy2(a, b)",
    "yaml.safe_dump(data, handle)", "frame.to_csv(path_or_buf=path)",
])
def test_the_scan_finds_direct_writes(code):
    assert _writes(ast.parse(code))


@pytest.mark.parametrize("code", [
    "open(path)", "open(path, 'rb')", "frame.to_csv()", "frame.to_json(orient='records')", "json.dumps(data)",
    "yaml.safe_dump(data, sort_keys=False)",
    "buffer = io.BytesIO()\nfig.savefig(buffer, format='png')", "write_atomic(path, text)",
])
def test_the_scan_lets_reads_and_text_through(code):
    assert not _writes(ast.parse(code))


# --- backups keep generations; a command never writes over what it reads (issue 16, item 6) ----

def test_backups_keep_several_generations_and_an_unchanged_file_is_not_backed_up_twice(tmp_path):
    path = tmp_path / "next.okr"
    versions = [f"O: version {n}\n" for n in range(1, 8)]
    for text in versions:
        write_atomic(path, text)
        write_atomic(path, text)  # the same text again: the backups must not fill with copies
    kept = [backup_path(path, generation).read_text() for generation in range(1, files.BACKUP_GENERATIONS + 1)]
    assert path.read_text() == versions[-1]
    assert kept == versions[-2::-1][:files.BACKUP_GENERATIONS]
    assert not backup_path(path, files.BACKUP_GENERATIONS + 1).exists()
    assert leftovers(tmp_path) == []


CLOSED = """team: Sales
cycle: 2025-Q1
objectives:
- title: Grow big with national retail outlets
  key_results:
  - text: Increase revenue from 20 to 30 Mil USD
    score: 0.7
  retro: {execution: 4, decision: keep, value: the second market is still to win}
"""


def _close(capsys, *args):
    from okrkit.cli import main

    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().err


def test_closing_again_and_again_keeps_the_hand_edits(tmp_path, capsys):
    closed = tmp_path / "sales.yaml"
    closed.write_text(CLOSED, encoding="utf-8")
    mine = tmp_path / "mine.okr"
    _close(capsys, "close", closed, "--next", mine)
    mine.write_text(mine.read_text() + "KR: my own key result, typed by hand\n")
    for _ in range(3):  # the learner runs the command again, several times
        code, err = _close(capsys, "close", closed, "--next", mine)
        assert code == 0, err
    everything = [p.read_text() for p in tmp_path.iterdir() if p.name.startswith("mine.okr")]
    assert any("typed by hand" in text for text in everything)


@pytest.mark.parametrize("args", [
    ["close", "{set}", "--retro", "{set}"],
    ["close", "{set}", "--next", "{set}"],
    ["score", "{set}", "--output", "{set}"],
    ["checkins", "{log}", "--set", "{set}", "--save", "{log}"],
    ["checkins", "{log}", "--set", "{set}", "--save", "{set}"],
    ["onboard", "{export}", "--fixes", "{export}"],
    ["onboard", "{export}", "--out", "{export}"],
    ["plan", "{plan}", "--out", "{plan}"],
    ["align", "{org}", "--out", "{org}"],
], ids=lambda args: " ".join(a.strip("{}") for a in args))
def test_an_output_that_is_one_of_the_inputs_is_refused(tmp_path, capsys, args):
    import shutil

    data = ROOT / "okrkit" / "data"
    given = {"set": tmp_path / "sales.yaml", "log": tmp_path / "log.csv", "export": tmp_path / "export.csv",
             "plan": tmp_path / "plan.yaml", "org": tmp_path / "org.png"}
    given["set"].write_text(CLOSED, encoding="utf-8")
    given["log"].write_text("kr,date,value\nO1/KR1,2025-02-03,24\n", encoding="utf-8")
    shutil.copy(data / "pilot-okrs-template.csv", given["export"])
    _close(capsys, "plan", "--new", given["plan"])
    given["org"].write_text("not really an image", encoding="utf-8")
    before = {name: path.read_bytes() for name, path in given.items()}
    code, err = _close(capsys, *[arg.format(**given) for arg in args])
    assert code == 2 and len(err.strip().splitlines()) == 1 and "input" in err, err
    assert {name: path.read_bytes() for name, path in given.items()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith("~")]


# --- two kernels, one autosave (issue 16, item 5) --------------------------------------------------

def test_two_kernels_saving_to_one_autosave_keep_each_others_text(tmp_path):
    from okrkit.widgets.autosave import Autosave

    Autosave("module2", root=tmp_path).save("before either kernel")
    first, second = Autosave("module2", root=tmp_path), Autosave("module2", root=tmp_path)
    assert first.load() == second.load() == "before either kernel"
    first.save("first kernel's draft")
    assert not first.conflict
    second.save("second kernel's draft")  # its first save must not overwrite the only backup
    assert second.conflict
    first.save("first kernel, later")
    assert first.conflict
    kept = {p.read_text() for p in (tmp_path / ".okrkit-autosave").iterdir()}
    assert {"before either kernel", "first kernel's draft", "second kernel's draft", "first kernel, later"} <= kept
    first.save("first kernel, alone again")
    assert not first.conflict


def test_the_status_line_says_another_notebook_saved_too(tmp_path, monkeypatch):
    from okrkit.widgets.autosave import Autosave
    from okrkit.widgets.saving import Saving

    monkeypatch.chdir(tmp_path)
    mine, theirs = (Saving("module5-scores", ".scores.json", "your scores", "ScoreCard(...)") for _ in range(2))
    mine.restore(lambda text: text), theirs.restore(lambda text: text)
    mine.save('{"mine": 1}')
    theirs.save('{"theirs": 1}')
    assert "another notebook" in theirs.status.value and 'role="alert"' in theirs.status.value
    assert Autosave("module5-scores", suffix=".scores.json").previous() == '{"mine": 1}'


def test_the_draft_checker_says_another_notebook_saved_too(tmp_path, monkeypatch):
    from okrkit.widgets.draft_checker import DraftChecker

    monkeypatch.chdir(tmp_path)
    mine, theirs = DraftChecker(name="module2"), DraftChecker(name="module2")
    mine.value = "O: Mine"
    mine.check()
    theirs.value = "O: Theirs"
    theirs.check()
    assert "another notebook" in theirs._status.value
    assert (tmp_path / ".okrkit-autosave" / "module2.okr~").read_text() == "O: Mine"


def test_a_write_refused_by_the_system_names_the_file_asked_for(tmp_path, monkeypatch, capsys):
    """A read-only folder (PermissionError on the temporary file) is said of the output, not of a temporary."""
    from okrkit.cli import main

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".score.txt.x1y2.tmp"))

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    with pytest.raises(PermissionError) as caught:
        write_atomic(tmp_path / "score.txt", "x")
    assert caught.value.filename == str(tmp_path / "score.txt")
    (tmp_path / "set.yaml").write_text("team: A\nobjectives:\n- title: Win\n  key_results: [Grow x from 1 to 2]\n")
    code = main(["score", str(tmp_path / "set.yaml"), "--output", str(tmp_path / "score.txt")])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() == f"okrkit: {tmp_path / 'score.txt'}: cannot be written (permission denied)"
