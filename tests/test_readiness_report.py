"""The readiness report page: escaped organisation text, fixes per team, the plan when given."""
from okrkit.formats.yamlsets import from_yaml
from okrkit.rollout import readiness, readiness_report
from okrkit.rollout.plan import Plan

HOSTILE = """
organisation: <b>Acme</b>
sets:
  - id: web
    cycle: 2025-Q1
    team: <script>alert('team')</script>
    objectives:
      - title: <img src=x onerror=alert(1)> our web shop
        key_results: ["Be <i>great</i>"]
"""


def test_report_escapes_everything_the_organisation_wrote(tmp_path):
    result = readiness.assess(from_yaml(HOSTILE))
    page = readiness_report.render(result)
    assert page.startswith("<!DOCTYPE html>")
    for raw in ("<script>", "<img src=x", "<i>great", "<b>Acme"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt; our web shop" in page and "&lt;b&gt;Acme&lt;/b&gt;" in page


def test_report_lists_every_fix_in_order_with_its_hint():
    result = readiness.assess(from_yaml(HOSTILE))
    page = readiness_report.render(result)
    team = result.teams[0]
    positions = [page.index(f"<code>{f.finding.code}</code>") for f in team.fixes]
    assert positions == sorted(positions) and len(positions) == len(team.fixes) > 1
    assert "not ready" in page and 'href="#team-web"' in page


def test_report_includes_the_plan_review_when_given(tmp_path):
    result = readiness.assess(from_yaml(HOSTILE))
    page = readiness_report.render(result, plan=Plan(objectives=5))
    assert "Implementation plan" in page and "5 objectives per team" in page
    path = readiness_report.write(result, tmp_path / "r.html")
    assert path.read_text(encoding="utf-8") == readiness_report.render(result)


def test_report_embeds_the_alignment_map_and_names_the_silos():
    from okrkit.rollout import spreadsheet

    page = readiness_report.render(readiness.assess(spreadsheet.read_csv(spreadsheet.template_path())))
    assert page.count('<img alt="alignment map of the organisation" src="data:image/png;base64,') == 1
    assert "Objectives that do not reach the company" in page and "support/O1" in page
    assert "Who depends on whom" in page
    assert page.index("<h2>Alignment</h2>") < page.index("Fixes per team")


def _synthetic_readiness(sets: int):
    import yaml

    from benchmarks.synthetic import organisation_data

    return readiness.assess(from_yaml(yaml.safe_dump(organisation_data(sets, seed=3)), "org.yaml"))


def test_a_large_organisation_is_summarised_and_its_teams_paged(tmp_path, monkeypatch):
    import re

    monkeypatch.setattr(readiness_report, "TEAMS_PER_PAGE", 7)
    result = _synthetic_readiness(30)
    assert readiness_report.is_paged(result)
    path = readiness_report.write(result, tmp_path / "report.html")
    first = path.read_text(encoding="utf-8")
    assert "<code>OKR" not in first and "Fixes per team" not in first  # no fix on the summary page
    assert "too many for one page" in first and "not ready" in first
    pages = [tmp_path / f"report-teams-{n}.html" for n in range(1, 6)]
    assert re.findall(r'href="(report-teams-\d+\.html)"', first) == [p.name for p in pages]
    assert not (tmp_path / "report-teams-6.html").exists()
    listed = [re.findall(r'<h3 id="team-([^"]+)"', p.read_text(encoding="utf-8")) for p in pages]
    assert all(len(ids) <= 7 for ids in listed)
    assert sorted(i for ids in listed for i in ids) == sorted(t.set_id for t in result.teams)
    codes = sum(p.read_text(encoding="utf-8").count("<code>OKR") for p in pages)
    assert codes == sum(len(t.fixes) for t in result.teams)  # every fix is on one page
    verdicts = [t.verdict for ids in listed for i in ids for t in result.teams if t.set_id == i]
    ranks = [readiness.VERDICTS.index(v) for v in verdicts]
    assert ranks == sorted(ranks, reverse=True)  # the least ready first


def test_a_summary_page_does_not_grow_with_the_organisation(monkeypatch):
    monkeypatch.setattr(readiness_report, "TEAMS_PER_PAGE", 5)
    small, large = (len(readiness_report.render(_synthetic_readiness(n))) for n in (40, 160))
    assert large < 1.5 * small
    assert "… and" in readiness_report.render(_synthetic_readiness(160))  # long tables are cut, and say so
