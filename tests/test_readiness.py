"""Readiness of a pilot group's draft: every finding becomes a team's fix, most urgent first."""
from okrkit.findings import Finding, Findings
from okrkit.formats.yamlsets import from_yaml
from okrkit.rollout import readiness, spreadsheet

ORG = """
organisation: Acme
cycle: 2025-Q1
sets:
  - id: company
    level: company
    objectives:
      - title: Have our customers fall back in love with our offering
        key_results: [Increase referral rate from 25% to 50%, Raise satisfaction from 3 to 4.5,
                      Increase weekly returning customers from 10% to 40%]
  - id: support
    objectives:
      - title: Work on tickets
        aligns_to: company/O1
        key_results: [Answer more tickets, Send 3 surveys, Cut wait time from 5 to 2 minutes]
"""


def test_template_teams_get_verdicts_and_fixes_in_priority_order():
    result = readiness.assess(spreadsheet.read_csv(spreadsheet.template_path()))
    teams = {t.set_id: t for t in result.teams}
    assert teams["company"].verdict == "ready" and teams["company"].key_results == 3
    support = teams["support"]
    assert support.verdict == "not ready" and result.verdict == "not ready"
    assert support.fixes[0].priority == 1 and support.fixes[0].finding.code == "OKR203"
    assert [f.priority for f in support.fixes] == sorted(f.priority for f in support.fixes)
    assert support.fixes[0].text == "Be more responsive to outlet customers" and support.fixes[0].where == "O1/KR2"
    assert teams["marketing"].verdict == "almost ready"


def test_fix_text_comes_from_the_set_and_set_level_findings_keep_an_empty_place():
    org = from_yaml(ORG)
    result = readiness.assess(org)
    fixes = {f.finding.code: f for f in result.teams[1].fixes}
    assert fixes["OKR103"].text == "Work on tickets" and fixes["OKR103"].where == "O1"
    assert fixes["OKR204"].text == "Send 3 surveys"
    assert fixes["OKR203"].urgency == "must fix" and fixes["OKR204"].urgency == "should fix"


def test_priorities_put_errors_then_alignment_then_practice_then_suggestions():
    def finding(code, severity):
        return Finding(code, "x", severity, "support/O1", None, "m", "h")

    assert [readiness.priority(finding(c, s)) for c, s in
            (("OKR404", "error"), ("OKR402", "warning"), ("OKR204", "warning"), ("OKR205", "info"))] == [1, 2, 3, 4]


def test_given_findings_for_unknown_sets_go_to_the_organisation():
    org = from_yaml(ORG)
    stray = Finding("OKR404", "unknown-reference", "error", "ghost/O1", None, "no such set", "fix it")
    result = readiness.assess(org, Findings([stray]))
    assert result.teams[-1].set_id == readiness.ORGANISATION
    assert result.teams[-1].fixes[0].where == "ghost/O1" and result.verdict == "not ready"


def test_item_text_tolerates_places_that_name_nothing():
    okr_set = from_yaml(ORG).sets[1]
    assert readiness.item_text(okr_set, "O9/KR1") == "" and readiness.item_text(okr_set, "") == ""
    assert readiness.item_text(okr_set, "O1/KR3").startswith("Cut wait")


def test_frames_list_fixes_and_teams():
    result = readiness.assess(from_yaml(ORG))
    fixes = readiness.fixes_frame(result)
    assert set(fixes["team"]) == {"support"} and fixes.iloc[0]["priority"] == 1
    teams = readiness.teams_frame(result)
    assert teams.loc["support", "verdict"] == "not ready" and teams.loc["company", "must fix"] == 0
    assert "summary" not in teams.columns and "1 of 2 teams ready" in result.summary()
