"""The alignment board, headless: write a team's set beside its parent and read links, conflicts and silos."""
import json

import matplotlib
import pytest

from okrkit import examples
from okrkit.formats.yamlsets import organisation
from okrkit.formats.yamlwriter import set_yaml
from okrkit.rules import alignment as alignment_rules
from okrkit.rules import check
from okrkit.widgets import AlignmentBoard, alignment_board
from okrkit.widgets.autosave import Autosave

matplotlib.use("Agg")

DRAW = alignment_board._map_png
PNG = b"\x89PNG\r\n\x1a\n"
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
SUPPORT = """id: support
team: Support
level: team
objectives:
  - title: Make every complaint the last of its kind
    aligns_to: company/O1/KR2
    depends_on: [software]
    key_results:
      - Cut repeat complaints from 300 to 60 per month
      - Raise first-contact resolution from 55% to 80%
"""


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def drawn(monkeypatch):
    """The organisations the board drew a map of (drawing takes a second; test_the_map_is_drawn draws one)."""
    maps = []
    monkeypatch.setattr(alignment_board, "_map_png", lambda found: maps.append(found) or PNG)
    return maps


class TestStarting:
    def test_the_avoid_silos_exercise_starts_with_a_company_set_beside_an_empty_team(self):
        board = AlignmentBoard("avoid-silos", team="support")
        assert board.team.value == "support" and board.beside.value == "company"
        assert "<code>company/O1/KR2</code>" in board._parent.value
        assert "#   aligns_to: company/O1" in board.text.value  # a commented first objective to start from
        assert board.findings == [] and "Nothing to check yet" in board._findings_view.value

    def test_the_lateral_alignment_example_is_clean_and_the_copies_example_shows_its_problems(self):
        board = AlignmentBoard("lateral-alignment")
        assert board.team.value == "engineering"
        assert not {"OKR401", "OKR403"} & set(board.findings.codes)
        assert "Conflicting targets (0)" in board._overview.value
        board = AlignmentBoard("copies-and-shortfalls", team="support")
        expected = check(examples.load_example("copies-and-shortfalls"), rules=alignment_rules.RULES)
        assert [(f.code, f.where, f.message) for f in board.findings] == \
            [(f.code, f.where, f.message) for f in expected]
        assert [f.line for f in board.findings if not f.where.startswith("support")] == [None, None]
        assert "line 6 · support/O1:" in board._findings_view.value  # the line in the editor
        assert {"OKR401", "OKR403"} <= set(board.findings.codes)
        assert "Conflicting targets (2)" in board._overview.value
        assert "<code>marketing/O1/KR1</code>" in board._overview.value

    def test_an_unknown_example_names_the_known_ones(self):
        with pytest.raises(KeyError, match="avoid-silos, "):
            AlignmentBoard("sales-retail")  # a draft, not an organisation

    def test_the_map_is_drawn(self, monkeypatch):
        monkeypatch.setattr(alignment_board, "_map_png", DRAW)
        board = AlignmentBoard("lateral-alignment")
        assert board._map.png.startswith(PNG) and len(board._map.png) > 10_000
        width = alignment_board._png_width(board._map.png)
        assert width and f"width:{width}px" in board._map.view.value  # as drawn: neither stretched nor blurred
        assert board._map.alt.startswith("Alignment map of Lateral alignment: 3 sets, 3 objectives.")
        assert f'alt="{board._map.alt}"' in board._map.view.value

    def test_the_maps_text_alternative_names_each_problem_and_where_it_is(self, monkeypatch):
        monkeypatch.setattr(alignment_board, "_map_png", DRAW)
        alt = AlignmentBoard("copies-and-shortfalls")._map.alt
        assert "2 conflicting targets (marketing/O1/KR1 against company/O1/KR2; product/O1/KR2 against " \
               "marketing/O1/KR3)" in alt and "1 copied OKR (support/O1 copies company/O1)" in alt

    def test_the_map_is_redrawn_only_when_the_organisation_changes(self, drawn):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT
        board.text.value = SUPPORT + "\n# a comment changes nothing\n"
        board.beside.value = "software"
        assert len(drawn) == 2 and drawn[-1] == board.organisation  # at the start, then once for SUPPORT

    def test_a_given_organisation_hides_the_example_picker(self):
        org = examples.load_example("outlet-expansion")
        board = AlignmentBoard(org)
        assert board.example.layout.display == "none"
        assert [set_yaml(s) for s in board.organisation.sets] == [set_yaml(s) for s in org.sets]


class TestWriting:
    def test_a_linked_team_set_is_read_into_the_organisation(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT
        team = board.organisation.by_id["support"]
        assert team.objectives[0].aligns_to == "company/O1/KR2"
        assert "↑ aligns to" in board._overview.value and "⇢ depends on" in board._overview.value
        assert [f.code for f in board.findings] == ["OKR406"]  # software has not answered the dependency yet

    def test_an_unlinked_objective_is_a_silo(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT.replace("    aligns_to: company/O1/KR2\n    depends_on: [software]\n", "")
        assert [str(ref) for ref in board.graph.silos] == ["support/O1"]
        assert "Silos (1)" in board._overview.value and "OKR402" in board.findings.codes

    def test_a_broken_reference_names_nothing_and_says_why(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT.replace("company/O1/KR2", "company/O1/KR9")
        assert "names nothing" in board._overview.value and "OKR404" in board.findings.codes

    def test_a_pasted_text_draft_works_without_links(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = "O: Make every complaint the last of its kind\nKR: Cut repeat complaints from 300 to 60"
        assert board.organisation.by_id["support"].objectives[0].key_results[0].text.startswith("Cut repeat")
        assert "OKR402" in board.findings.codes

    def test_yaml_that_cannot_be_read_keeps_the_last_good_version_and_says_why(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT
        good = board.organisation
        board.text.value = SUPPORT.replace("key_results:", "key_results: [")
        assert board.organisation == good
        assert "Cannot read your team" in board._problem.value and 'role="alert"' in board._problem.value

    def test_the_team_keeps_its_id_whatever_the_yaml_says(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT.replace("id: support", "id: elsewhere")
        assert "support" in board.organisation.by_id and "elsewhere" not in board.organisation.by_id

    def test_start_again_puts_the_example_back(self):
        board = AlignmentBoard("lateral-alignment")
        board.text.value = SUPPORT
        board.reset.click()
        assert board.text.value == set_yaml(examples.load_example("lateral-alignment").by_id["engineering"])

    def test_switching_team_and_example_keeps_what_was_written(self):
        board = AlignmentBoard("avoid-silos", team="support", debounce=30)
        board.text.value = SUPPORT  # still waiting for a pause in typing
        board.team.value = "software"
        assert "Head of Software Development" in board.text.value
        board.example.value = "lateral-alignment"
        board.example.value = "avoid-silos"
        board.team.value = "support"
        assert board.text.value == SUPPORT

    def test_learner_text_is_escaped(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT.replace("Make every complaint the last of its kind", NASTY) \
            .replace("company/O1/KR2", f"'{NASTY}'")
        html = board._overview.value + board._findings_view.value
        assert "<img" not in html and "<script" not in html and "&lt;script&gt;" in html


class TestAutosave:
    def test_the_team_set_comes_back_after_a_restart(self):
        board = AlignmentBoard("avoid-silos", team="support", name="module4-silos")
        board.text.value = SUPPORT
        saved = json.loads(Autosave("module4-silos", suffix=".alignment.json").load())
        assert saved["texts"] == {"avoid-silos/support": SUPPORT} and saved["team"] == "support"

        again = AlignmentBoard(name="module4-silos")
        assert (again.example.value, again.team.value, again.text.value) == ("avoid-silos", "support", SUPPORT)
        assert again.organisation == board.organisation and "Restored your team" in again._saving.status.value

    def test_creating_a_board_writes_nothing(self, notebook_folder):
        AlignmentBoard("lateral-alignment", name="untouched")
        assert not (notebook_folder / ".okrkit-autosave").exists()

    def test_an_unchanged_team_is_not_kept_as_written(self):
        board = AlignmentBoard("avoid-silos", team="support", name="unchanged")
        board.text.value = SUPPORT
        board.reset.click()
        assert json.loads(Autosave("unchanged", suffix=".alignment.json").load())["texts"] == {}

    def test_the_organisation_is_rebuilt_with_the_team_in_its_place(self):
        board = AlignmentBoard("avoid-silos", team="support")
        board.text.value = SUPPORT
        base = examples.load_example("avoid-silos")
        assert [s.id for s in board.organisation.sets] == [s.id for s in base.sets]
        assert board.organisation == organisation(
            [board.organisation.by_id["support"] if s.id == "support" else s for s in base.sets],
            base.name, base.cycle, base.path)


class TestChangedArguments:
    def test_work_saved_for_one_organisation_is_not_restored_to_another(self):
        board = AlignmentBoard("avoid-silos", team="support", name="board")
        board.text.value = SUPPORT
        board.refresh()
        again = AlignmentBoard("avoid-silos", team="support", name="board")
        assert again.text.value == SUPPORT
        other = AlignmentBoard("lateral-alignment", name="board")
        assert other.example.value == "lateral-alignment"  # the cell's argument, not the saved example
        assert other.text.value != SUPPORT
        assert "Not restored" in other._saving.status.value and "avoid-silos" in other._saving.status.value
