"""The texts a learner could paste: lessons' worked examples and model answers, kept up to date."""
import json

from okrkit.exercises import known
from tests.conftest import ROOT


def test_the_packaged_worked_examples_are_what_the_notebooks_hold():
    packaged = json.loads((ROOT / "okrkit" / "data" / "worked-examples.json").read_text(encoding="utf-8"))
    assert packaged == known.collect(ROOT / "notebooks", ROOT / "solutions"), \
        "run `python -m okrkit.cli build-exercises` to refresh okrkit/data/worked-examples.json"


def test_statements_are_read_from_drafts_and_yaml_but_not_keys():
    draft = "Team: Sales\nCycle: 2025-Q1\nO: Grow big with retail\nKR: Increase revenue from 20 to 30 Mil USD\n"
    yaml_set = ("id: sales\nobjectives:\n  - title: Grow big with retail\n    aligns_to: company/O1\n"
                "    key_results:\n      - Increase revenue from 20 to 30 Mil USD\n"
                "      - {text: Cut late deliveries from 8% to 2%, current: 3}\n")
    assert known.statements_of(draft) == {"grow big with retail", known.statement("Increase revenue from 20 to 30 Mil USD")}
    assert known.statements_of(yaml_set) == known.statements_of(draft) | {known.statement("Cut late deliveries from 8% to 2%")}


def test_every_exercise_and_lesson_is_a_source():
    names = set(known.sources())
    assert {"lesson 00", "lesson 03", "solution 02-1", "exercise 04-1", "example organisation battery-cascade"} <= names
