import os
import pathlib
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"  # the project's own fixtures: drafts, sets and organisations with known findings
# The course's shared material: beside the clone in CI (or where OKRKIT_SHARED says); no test needs it.
SHARED = pathlib.Path(os.environ.get("OKRKIT_SHARED") or ROOT.parent / "shared")

# Exercise checks in tests and in notebooks run by nbval go to a throwaway learner record, not
# to okrkit-progress.json in the repository (the kernels inherit this environment).
os.environ.setdefault("OKRKIT_PROGRESS", str(pathlib.Path(tempfile.mkdtemp(prefix="okrkit-record-")) / "progress.json"))


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path."""
    def _write(name: str, content: str | bytes) -> pathlib.Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return _write
