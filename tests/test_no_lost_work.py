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
