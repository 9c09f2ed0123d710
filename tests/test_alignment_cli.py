"""``okrkit align``: the report, the CSV tables, the map file, and the exit status."""
import csv
import subprocess
import sys
from importlib import resources

import matplotlib
import pytest
import yaml

matplotlib.use("Agg")

from okrkit.cli import main  # noqa: E402
from tests.conftest import DATA  # noqa: E402

SILOS = str(DATA / "silos.yaml")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_answers_the_coach_and_exits_1_on_alignment_errors(capsys):
    code, out, _ = run(capsys, "align", SILOS)
    assert code == 1
    assert out.startswith("Alignment of Harbour Ferries: 4 sets, 4 objectives, 12 key results")
    for heading in ("By level", "Alignment findings: 1 error, 2 warnings", "Silo objectives (1)",
                    "Objectives that do not reach the company (2)", "Horizontal alignment: who depends on whom (2)"):
        assert heading in out
    assert "OKR404 partners/O1" in out and "crew/O1 needs booking" in out


def test_a_clean_organisation_exits_0(capsys):
    shipped = resources.files("okrkit") / "data" / "organisations" / "outlet-expansion.yaml"
    with resources.as_file(shipped) as path:
        code, out, _ = run(capsys, "align", str(path))
    assert code == 0 and "Alignment findings: no findings" in out


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_the_map_is_written_in_the_format_its_name_asks_for(capsys, tmp_path, suffix, magic):
    out = tmp_path / f"map{suffix}"
    code, printed, _ = run(capsys, "align", SILOS, "--out", str(out))
    assert code == 1 and out.read_bytes().startswith(magic)
    assert f"Wrote the alignment map to {out}" in printed


def test_a_subtree_map_and_every_table_as_csv(capsys, tmp_path):
    code, _, _ = run(capsys, "align", SILOS, "--out", str(tmp_path / "map.svg"), "--subtree", "crew",
                     "--csv", str(tmp_path / "tables"))
    assert "crew" in (tmp_path / "map.svg").read_text()
    names = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert names == ["chains.csv", "dependencies.csv", "levels.csv", "links.csv", "shared_key_results.csv",
                     "silos.csv"]
    with open(tmp_path / "tables" / "silos.csv", newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle))[0]["objective"] == "booking/O1"


def test_csv_cells_cannot_become_formulas(capsys, write, tmp_path):
    org = {"sets": [{"id": "company", "level": "company", "objectives": [
        {"title": "=HYPERLINK(\"http://x\")", "key_results": ["Grow sales from 1 to 2"]}]},
        {"id": "ops", "objectives": [{"title": "+cmd|' /C calc'!A0", "key_results": ["Cut cost from 9 to 5"]}]}]}
    run(capsys, "align", str(write("org.yaml", yaml.safe_dump(org))), "--csv", str(tmp_path / "t"))
    silos = (tmp_path / "t" / "silos.csv").read_text(encoding="utf-8")
    assert "'+cmd" in silos and "\n+cmd" not in silos and ",+cmd" not in silos


@pytest.mark.parametrize("args, message", [
    (["--subtree", "nobody", "--out", "map.png"], "no set 'nobody'"),
    (["--out", "map.jpg"], "must end in .png, .svg, .pdf"),
])
def test_wrong_arguments_exit_2_with_a_message(capsys, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("map") else a for a in args]
    code, _, err = run(capsys, "align", SILOS, *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_single_set_is_not_an_organisation(capsys, write):
    code, _, err = run(capsys, "align", str(write("sales.okr", "O: Win\nKR: Grow sales from 1 to 2\n")))
    assert code == 2 and "align needs an organisation" in err


def test_unreadable_files_are_named_and_the_rest_is_still_analysed(capsys, write):
    write("org/company.yaml", "id: company\nlevel: company\nobjectives:\n  - title: Win big this year\n"
                              "    key_results: [Grow sales from 1 to 2]\n")
    write("org/broken.yaml", "objectives: [\n")
    code, out, err = run(capsys, "align", str(write("org/sales.okr", "O: Win the north\nKR: Grow sales from 1 to 3\n")
                                              .parent))
    assert code == 2
    assert "broken.yaml" in err and "not valid YAML" in err
    assert "2 sets" in out and "sales/O1" in out


def test_help():
    proc = subprocess.run([sys.executable, "-m", "okrkit.cli", "align", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--subtree" in proc.stdout and "--csv" in proc.stdout
