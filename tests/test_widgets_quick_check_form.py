"""The quick check form: a click (or a few words) marked on the spot, with the explanation."""
from okrkit.exercises.quick_checks import question
from okrkit.widgets import QuickCheckForm


def test_a_choice_is_marked_as_soon_as_it_is_clicked():
    form = QuickCheckForm("m02-team-max")
    assert form.verdict.value == "" and form.answer.description == "Your answer"
    assert list(form.answer.options) == ["a", "b", "c", "d"] and form.answer.tooltips[3] == "3, though a team should begin with 1"
    form.answer.value = "b"
    assert "Not quite" in form.verdict.value and "d) 3, though a team should begin with 1" in form.verdict.value
    form.answer.value = "d"
    assert "✔" in form.verdict.value and question("m02-team-max").explanation[:30] in form.verdict.value


def test_a_short_answer_is_marked_by_its_key_words_and_learner_text_is_escaped():
    form = QuickCheckForm("m01-play-safe")
    form.answer.value = "<b>they play it safe</b>"
    assert form.check().right and "<b>they" not in form.verdict.value
