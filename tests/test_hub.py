"""The class hub's part per learner: the course handed out without touching their work, and the
server started within the class's limits (the hub itself runs in tests/test_hub_class.py)."""
import subprocess
import sys

from okrkit.classroom.hub import hand_out, launcher
from tests.classroom import save


def _course(tmp_path):
    save(tmp_path / "course" / "notebooks" / "00_start_here.ipynb", "start")
    save(tmp_path / "course" / "exercises" / "02_anatomy.ipynb", "exercise")
    save(tmp_path / "course" / "exercises" / ".ipynb_checkpoints" / "02_anatomy-checkpoint.ipynb", "old")
    save(tmp_path / "course" / "solutions" / "02_anatomy.ipynb", "the answers")
    return tmp_path / "course"


def test_the_first_login_hands_out_notebooks_and_exercises_but_not_the_solutions(tmp_path):
    home = tmp_path / "home" / "ana"
    copied = hand_out(_course(tmp_path), home)
    assert sorted(p.relative_to(home).as_posix() for p in copied) == ["exercises/02_anatomy.ipynb",
                                                                     "notebooks/00_start_here.ipynb"]
    assert (home / "exercises" / "02_anatomy.ipynb").read_text() == "exercise"
    assert not (home / "solutions").exists() and not (home / "exercises" / ".ipynb_checkpoints").exists()


def test_a_later_login_never_overwrites_the_learners_work_but_adds_new_material(tmp_path):
    course, home = _course(tmp_path), tmp_path / "home" / "ana"
    hand_out(course, home)
    save(home / "exercises" / "02_anatomy.ipynb", "my answers")
    (home / "notebooks" / "00_start_here.ipynb").unlink()  # deleted on purpose? it comes back, fresh
    save(course / "exercises" / "03_team.ipynb", "new this week")
    copied = hand_out(course, home)
    assert (home / "exercises" / "02_anatomy.ipynb").read_text() == "my answers"
    assert sorted(p.name for p in copied) == ["00_start_here.ipynb", "03_team.ipynb"]


def test_a_link_in_the_home_is_not_written_through(tmp_path):
    course, home = _course(tmp_path), tmp_path / "home" / "eve"
    home.mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (home / "exercises").symlink_to(tmp_path / "elsewhere")
    hand_out(course, home)
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_the_launcher_caps_memory_and_priority_then_runs_the_server():
    probe = [sys.executable, "-c", "import os, resource; print(resource.getrlimit(resource.RLIMIT_AS)[0], os.nice(0))"]
    before = subprocess.run([sys.executable, "-c", "import os; print(os.nice(0))"], capture_output=True,
                            text=True, check=True).stdout.strip()
    out = subprocess.run(launcher(probe, 1_500_000_000, 5), capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1500000000", str(min(19, int(before) + 5))]


def test_a_kernel_over_its_memory_cap_fails_alone():
    grab = [sys.executable, "-c", "x = bytearray(600_000_000)"]
    result = subprocess.run(launcher(grab, 400_000_000), capture_output=True, text=True)
    assert result.returncode != 0 and "MemoryError" in result.stderr
