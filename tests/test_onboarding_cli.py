"""The onboarding commands: onboard, plan, pilot and calendar, with their exit codes."""
import csv

from okrkit.cli import main
from okrkit.rollout import spreadsheet


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_onboard_writes_the_report_and_a_safe_fixes_csv(capsys, tmp_path):
    report, fixes = tmp_path / "report.html", tmp_path / "fixes.csv"
    code, out, _ = run(capsys, "onboard", spreadsheet.template_path(), "--out", report, "--fixes", fixes)
    assert code == 1  # the template's first draft has an error to fix
    assert "not ready" in out and "Outlet Support" in out and str(report) in out
    assert "Fixes per team" in report.read_text(encoding="utf-8")
    rows = list(csv.DictReader(fixes.open(encoding="utf-8")))
    assert rows[0]["team"] and all(r["priority"] in "1234" for r in rows)


def test_onboard_reads_yaml_organisations_and_single_sets_too(capsys, tmp_path, write):
    draft = write("ops.okr", "Team: Ops\nLevel: company\nCycle: 2025-Q1\nO: Make every delivery feel effortless\n"
                             "KR: Cut late deliveries from 8% to 3%\nKR: Raise CSAT from 4.1 to 4.6\n"
                             "KR: Reduce damaged parcels from 2% to 1%\n")
    code, out, _ = run(capsys, "onboard", draft, "--out", tmp_path / "r.html")
    assert code == 0 and "1 of 1 teams ready" in out


def test_onboard_bad_export_exits_2_with_file_and_line(capsys, tmp_path, write):
    export = write("bad.csv", "team,objective,key result,baseline\nSales,Grow,Raise NPS,lots\n")
    code, _, err = run(capsys, "onboard", export, "--out", tmp_path / "r.html")
    assert code == 2 and f"{export}:2:" in err and not (tmp_path / "r.html").exists()


def test_plan_new_then_review_then_export(capsys, tmp_path):
    path = tmp_path / "plan.yaml"
    assert run(capsys, "plan", path, "--new")[0] == 0
    assert run(capsys, "plan", path, "--new")[0] == 2  # never overwrites a plan
    text = path.read_text().replace("objectives:", "objectives: 4").replace("cycle_months:", "cycle_months: 3")
    path.write_text(text)
    code, out, _ = run(capsys, "plan", path, "--out", tmp_path / "plan.html")
    assert code == 1 and "4 objectives per team" in out and "undecided  Scoring" in out
    assert "<!DOCTYPE html>" in (tmp_path / "plan.html").read_text()
    assert run(capsys, "plan", path, "--out", tmp_path / "plan.docx")[0] == 2


def test_pilot_recommends_and_explains(capsys):
    code, out, _ = run(capsys, "pilot", "--people", 400, "--initiative", "--silos")
    assert code == 0 and "Recommended pilot: Strategic initiative" in out
    assert "Product Owner" in out and "self-driven" in out and "Why:" in out


def test_calendar_prints_dates_and_writes_ics_and_plot(capsys, tmp_path):
    code, out, _ = run(capsys, "calendar", "2025-Q1", "--out", tmp_path / "q1.ics", "--plot", tmp_path / "q1.png")
    assert code == 0 and "2024-12-18" in out
    assert (tmp_path / "q1.ics").read_text().startswith("BEGIN:VCALENDAR")
    assert (tmp_path / "q1.png").read_bytes()[:4] == b"\x89PNG"
    assert run(capsys, "calendar", "someday")[0] == 2


def test_onboard_counts_the_teams_of_a_large_organisation_instead_of_listing_them(capsys, tmp_path, monkeypatch):
    import yaml

    from benchmarks.synthetic import organisation_data
    from okrkit.rollout import readiness_report

    monkeypatch.setattr(readiness_report, "TEAMS_PER_PAGE", 10)
    export = tmp_path / "org.yaml"
    export.write_text(yaml.safe_dump(organisation_data(40, seed=3)), encoding="utf-8")
    code, out, _ = run(capsys, "onboard", export, "--out", tmp_path / "r.html")
    assert "Team 3 " not in out and "teams" in out.splitlines()[0]
    assert len(out.splitlines()) == 4 and "4 pages of teams" in out
    assert (tmp_path / "r-teams-4.html").exists()
