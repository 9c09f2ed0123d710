"""Answer fields: every exercise can be answered through its form, and the form writes what the judge reads."""
import pytest
import yaml

from okrkit.exercises import assess, exercise, read_answers
from okrkit.exercises.answer_fields import CHOICES, answer, fields, read_number, values_of
from okrkit.exercises.registry import EXERCISES
from tests.conftest import ROOT

SOLVED = {cell.exercise_id: cell.value for path in sorted((ROOT / "solutions").glob("*.ipynb"))
          for cell in read_answers(path).values()}


FILLED_IN = ("07-2", "08-1")  # YAML sets with blanks: the form writes the blanks, quoting text its own way


@pytest.mark.parametrize("exercise_id", sorted(SOLVED))
def test_a_passing_answer_goes_through_the_form_unchanged(exercise_id):
    ex = exercise(exercise_id)
    through_form = answer(ex, values_of(ex, SOLVED[exercise_id]))
    if exercise_id in FILLED_IN:
        assert yaml.safe_load(through_form) == yaml.safe_load(SOLVED[exercise_id])
    else:
        assert through_form == SOLVED[exercise_id]
    assert assess(exercise_id, through_form).passed


def test_every_exercise_has_a_form_and_an_untouched_form_does_not_pass():
    assert set(SOLVED) == {e.id for e in EXERCISES}
    for ex in EXERCISES:
        assert fields(ex), ex.id
        assert not assess(ex.id, answer(ex, values_of(ex, ex.starter))).passed, ex.id


def test_classifications_get_dropdowns_with_the_labels_of_their_task():
    for exercise_id, labels in CHOICES.items():
        ex = exercise(exercise_id)
        assert {f.kind for f in fields(ex)} == {"choice"}
        assert set(SOLVED[exercise_id].values()) <= set(labels)
        assert all(f'"{label}"' in ex.task or f"'{label}'" in ex.task for label in labels), exercise_id


def test_kinds_follow_the_starter():
    assert [f.kind for f in fields(exercise("02-1"))] == ["draft"]
    assert [f.kind for f in fields(exercise("02-2"))] == ["choices"]
    assert [f.kind for f in fields(exercise("01-3"))] == ["number"]
    assert {f.kind for f in fields(exercise("07-1"))} == {"score"}
    assert [f.kind for f in fields(exercise("03-1"))] == ["text", "draft"]


@pytest.mark.parametrize("typed, read", [("343", 343), (" 1,200 ", 1200), ("0.5", 0.5), ("", None), ("lots", None),
                                         (340.0, 340)])
def test_number_boxes_read_what_a_learner_types(typed, read):
    assert read_number(typed) == read and type(read_number(typed)) is type(read)


def test_a_list_typed_one_per_line_and_an_unanswered_none_stay_as_the_cell_would_hold_them():
    ex = exercise("09-2")
    values = values_of(ex, ex.starter)
    values["levels"] = "company\n\n team \n"
    built = answer(ex, values)
    assert built["levels"] == ["company", "team"]
    assert built["success"] is None and built["objectives"] == 5


def test_a_set_with_blanks_gets_a_field_per_blank_named_by_where_it_sits():
    retro = fields(exercise("08-1"))
    assert [f.label for f in retro[:5]] == ["O1 · execution", "O1 · decision", "O1 · value", "O1 · learning",
                                            "O1 · decided"]
    assert retro[0].choices == ("1", "2", "3", "4", "5") and "carry-forward" in retro[1].choices
    assert retro[0].about.startswith("Launch an effective campaign")
    scores = fields(exercise("07-2"))
    assert [(f.label, f.kind) for f in scores[:2]] == [("O1/KR1 · score", "number"), ("O1/KR1 · note", "text")]
    assert not {f.label.split(" · ")[1] for f in scores} & {"objectives", "key_results"}  # headings are no blanks


def test_filling_blanks_changes_only_those_lines_and_quotes_text_safely():
    ex = exercise("07-2")
    values = values_of(ex, ex.starter)
    values["line 10"], values["line 11"] = "0.7", 'Reached early: "too low"'
    filled = answer(ex, values)
    changed = [(a, b) for a, b in zip(ex.starter.splitlines(), filled.splitlines()) if a != b]
    assert changed == [("        score:", "        score: 0.7"),
                       ('        note: ""', '        note: "Reached early: \\"too low\\""')]
    assert yaml.safe_load(filled)["objectives"][0]["key_results"][0]["note"] == 'Reached early: "too low"'


def test_design_tasks_with_sets_to_write_keep_a_text_area():
    assert [f.kind for f in fields(exercise("04-1"))] == ["draft"]  # blank list items: the learner writes the set
