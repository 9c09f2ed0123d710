"""The benchmark runner: finds every module, survives a failing one, prints and saves every figure.

No timing is asserted here; the figures themselves live in `make bench`.
"""
import importlib
import json

import pytest

from benchmarks.__main__ import checked, discover, main, result, run_module, save, table

ABOUT = {"time": "2025-01-01 12:00:00Z", "cpu": "Test CPU", "cores": 2, "usable_cores": 2, "memory_gb": 4.0,
         "load_average": 0.5, "python": "3.11.7 (CPython)", "os": "Linux", "commit": "abc1234"}
FIGURE = {"name": "one keystroke: p99", "value": 4.2, "unit": "ms", "target": "< 10 ms", "passed": True}


def test_every_bench_module_is_found_and_has_measure():
    names = discover()
    assert {"bench_checker", "bench_notebooks"} <= set(names)
    for name in names:
        assert callable(importlib.import_module(f"benchmarks.{name}").measure), name


def test_one_benchmark_can_be_chosen_by_its_short_name():
    assert discover(["checker"]) == ["bench_checker"]
    with pytest.raises(SystemExit, match="no benchmark nonsense"):
        discover(["nonsense"])


@pytest.mark.parametrize("rows, problem", [
    ([], "non-empty list"), ("fast", "non-empty list"), ([3], "int"),
    ([{**FIGURE, "value": "fast"}], "'value'"), ([{**FIGURE, "passed": "yes"}], "'passed'"),
    ([{key: value for key, value in FIGURE.items() if key != "unit"}], "'unit'"),
])
def test_figures_must_follow_the_contract(rows, problem):
    with pytest.raises(ValueError, match=problem):
        checked(rows)


def test_a_module_that_fails_is_an_error_row_not_a_crash():
    run = run_module("bench_that_does_not_exist", timeout=120)
    assert run["figures"] == [] and "No module named" in run["error"]
    printed = table([run], ABOUT)
    assert "ERROR" in printed and "that_does_not_exist" in printed


def test_the_table_shows_every_figure_its_target_and_the_machine():
    runs = [{"module": "bench_checker", "seconds": 3.2, "error": None, "figures": [
        FIGURE, {**FIGURE, "name": "import ratio", "value": 0.4, "unit": "x", "target": "< 0.25x", "passed": False},
        {**FIGURE, "name": "import okrkit", "value": 84.0, "target": "-"}]}]
    printed = table(runs, ABOUT)
    assert "Test CPU" in printed and "2 cores" in printed and "3.11.7" in printed and "Linux" in printed
    lines = printed.splitlines()
    assert any("one keystroke: p99" in line and "4.20 ms" in line and "< 10 ms" in line and line.endswith("ok")
               for line in lines)
    assert any("import ratio" in line and line.endswith("FAIL") for line in lines)
    assert [result(row) for row in runs[0]["figures"]] == ["ok", "FAIL", "info"]


def test_results_are_saved_as_json_to_compare_over_time(tmp_path):
    runs = [{"module": "bench_checker", "seconds": 3.2, "error": None, "figures": [FIGURE]}]
    path = save(runs, ABOUT, tmp_path / "results")
    assert path.name == "2025-01-01T12-00-00Z.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["machine"]["cpu"] == "Test CPU" and document["benchmarks"][0]["figures"] == [FIGURE]


def test_a_failed_module_makes_the_run_fail(tmp_path, capsys, monkeypatch):
    import benchmarks.__main__ as runner

    monkeypatch.setattr(runner, "discover", lambda wanted: ["bench_that_does_not_exist"])
    assert main(["--results", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "ERROR" in out and str(tmp_path) in out
