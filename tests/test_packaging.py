"""Set-up stays true: pyproject and environment.yml agree, and `import okrkit` stays light."""
import re
import subprocess
import sys

import tomllib
import yaml

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_has_every_dependency_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for group in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in group if not r.startswith("okrkit")}
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in environment["dependencies"] if isinstance(d, str)}
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    from_pip = {_name(d) for d in pip}  # the few packages conda-forge does not have
    assert wanted <= conda | from_pip, f"missing from environment.yml: {sorted(wanted - conda - from_pip)}"
    assert {"python", "jupyterlab", "ipywidgets", "pandas", "matplotlib", "nbval"} <= conda
    assert "-e ." in pip


def test_import_is_light():
    code = "import sys, okrkit; print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'yaml', 'lemminflect', 'wordfreq', 'icalendar') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_top_level_api():
    import okrkit

    for name in ("parse", "load", "check", "progress", "band"):
        assert callable(getattr(okrkit, name))


def test_readme_has_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "notebooks/00_start_here.ipynb" in makefile


def test_notebooks_are_committed_without_outputs():
    import json

    for notebook in ROOT.glob("*/*.ipynb"):
        doc = json.loads(notebook.read_text(encoding="utf-8"))
        assert "widgets" not in doc.get("metadata", {}), notebook
        for cell in doc["cells"]:
            assert not cell.get("outputs"), f"{notebook} has outputs"
