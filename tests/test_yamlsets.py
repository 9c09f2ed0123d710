"""YAML sets and organisations: the documented shape, and a clear error for every other one."""
import pytest

from okrkit.errors import InputError
from okrkit.formats.yamlsets import from_yaml
from okrkit.model import Organisation

SET = """id: sales
team: Sales
level: team
cycle: 2025-Q1
type: aspirational
objectives:
  - title: Grow big with national retail outlets
    type: committed
    aligns_to: company/O1
    depends_on: [marketing]
    supports: engineering/O2
    key_results:
      - Increase revenue from 20 to 30 Mil USD from market A
      - text: Increase revenue from 10 to 20 Mil USD from market B
        baseline: 10
        target: 20
        current: 17
        unit: Mil USD
        confidence: 0.6
        score: 0.7
        note: "Two big outlets signed late"
    retro:
      execution: 4
      decision: Remove
      learning: "Outlet deals take a full quarter"
      decided: "Start outlet talks a quarter earlier"
"""


def test_a_full_set():
    s = from_yaml(SET, "sales.yaml")
    objective = s.objectives[0]
    assert (s.id, s.team, s.cycle, s.type) == ("sales", "Sales", "2025-Q1", "aspirational")
    assert (objective.type, objective.aligns_to, objective.depends_on, objective.supports) == \
        ("committed", "company/O1", ("marketing",), ("engineering/O2",))
    first, second = objective.key_results
    assert first.measure.baseline == 20e6
    assert (second.baseline, second.target, second.current, second.score) == (10, 20, 17, 0.7)
    assert second.progress == pytest.approx(0.7)
    assert objective.retro.decision == "abandon"  # remove is accepted as abandon
    assert objective.line == 7 and first.line == 13 and second.line == 14


def test_organisation_sets_inherit_its_cycle():
    org = from_yaml("organisation: Acme\ncycle: 2025-Q2\nsets:\n- id: company\n  level: company\n"
                    "- id: sales\n  cycle: 2025-Q3\n")
    assert isinstance(org, Organisation)
    assert [s.cycle for s in org.sets] == ["2025-Q2", "2025-Q3"]


@pytest.mark.parametrize("text, message, line", [
    ("objectives: 3\n", "objectives: expected a list of objectives, got the number 3", 1),
    ("objectives:\n- title: Win\n  key_result: [a]\n", "did you mean 'key_results'", 3),
    ("objectives:\n- title: Win\n  key_results:\n  - text: Grow\n    score: high\n", "expected a number", 5),
    ("level: galaxy\n", "expected one of company, department, team, individual", 1),
    ("objectives:\n- key_results: []\n", "'title' is missing", 2),
    ("objectives:\n- title: Win\n  retro:\n    execution: 9\n", "expected 1 to 5 stars", 4),
    ("objectives: [\n", "not valid YAML", None),
    ("- just\n- a list\n", "expected a mapping", 1),
    ("sets:\n- team: Sales\n", "needs an 'id'", 2),
    ("sets:\n- id: a\n- id: a\n", "duplicate set id 'a'", None),
    ("id: 'no spaces please'\n", "not a valid id", 1),
])
def test_wrong_shapes_name_the_field_and_line(text, message, line):
    with pytest.raises(InputError) as caught:
        from_yaml(text, "bad.yaml")
    assert message in str(caught.value)
    assert caught.value.path == "bad.yaml"
    if line is not None:
        assert caught.value.line == line


def test_python_object_tags_are_refused_not_constructed():
    with pytest.raises(InputError, match="not valid YAML"):
        from_yaml("id: !!python/object/apply:os.system ['echo hacked']\n")


def test_aliases_do_not_blow_up():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nobjectives: *c\n"
    with pytest.raises(InputError):
        from_yaml(bomb)


def test_an_empty_key_result_line_says_what_to_write():
    with pytest.raises(InputError) as caught:
        from_yaml("objectives:\n- title: Win the north\n  key_results:\n  - Grow sales from 1 to 2\n  -\n", "a.yaml")
    assert "key result is empty" in str(caught.value) and caught.value.line == 5
