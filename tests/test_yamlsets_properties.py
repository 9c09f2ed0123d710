"""The YAML readers on any document: only InputError, and a set written as YAML reads back the same."""
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.errors import InputError
from okrkit.formats.fields import one_line
from okrkit.formats.yamlsets import (
    KEY_RESULT_FIELDS,
    OBJECTIVE_FIELDS,
    ORGANISATION_FIELDS,
    RETRO_FIELDS,
    SET_FIELDS,
    from_yaml,
)
from okrkit.model import LEVELS, TYPES, OKRSet
from okrkit.pages import html

FIELD = st.sampled_from(sorted({*SET_FIELDS, *OBJECTIVE_FIELDS, *KEY_RESULT_FIELDS, *RETRO_FIELDS,
                                *ORGANISATION_FIELDS, "colour"}))
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates(),
                   st.sampled_from(["company", "team", "committed", "keep", "remove", "increase", "3", "1e999", "nan",
                                    "-inf", "Grow sales from 1 to 2", "sales/O1", "0", "", "5", "high"]))
DATA = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FIELD, inner, max_size=6),
                    max_leaves=30)
MAPPINGS = st.dictionaries(FIELD, DATA, max_size=6)
SHAPED = st.one_of(
    DATA,
    st.fixed_dictionaries({"objectives": st.lists(MAPPINGS, max_size=3)}),
    st.fixed_dictionaries({"sets": st.lists(MAPPINGS, max_size=3)}),
    st.fixed_dictionaries({"objectives": st.lists(st.fixed_dictionaries({
        "title": st.text(max_size=10),
        "key_results": st.lists(st.text(max_size=20) | st.dictionaries(FIELD, SCALAR, max_size=8), max_size=3),
        "retro": st.none() | st.dictionaries(FIELD, SCALAR, max_size=5)}), max_size=3)}),
)


def use(loaded) -> None:
    """Everything a notebook does with what it loaded: check it, show it, read progress."""
    html.findings(okrkit.check(loaded))
    for okr_set in loaded.sets if isinstance(loaded, okrkit.Organisation) else [loaded]:
        html.okr_set(okr_set)
        for objective in okr_set.objectives:
            for kr in objective.key_results:
                assert kr.progress is None or 0 <= kr.progress <= 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHAPED)
def test_any_yaml_shaped_data_loads_or_raises_input_error(data):
    try:
        loaded = from_yaml(yaml.safe_dump(data, allow_unicode=True), "any.yaml")
    except InputError as error:
        assert error.path == "any.yaml" and "\n" not in str(error)
        return
    use(loaded)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_loads_or_raises_input_error(text):
    try:
        use(from_yaml(text, "any.yaml"))
    except InputError as error:
        assert error.path == "any.yaml"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["a.okr", "a.yaml", "a.md"]))
def test_any_bytes_in_a_file_load_or_raise_input_error(content, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            use(okrkit.load(path))
        except InputError as error:
            assert error.path == str(path)


NUMBER = st.none() | st.floats(-1e9, 1e9, allow_nan=False) | st.integers(-10 ** 6, 10 ** 6)
# PyYAML writes NEL, LS and PS unescaped with allow_unicode and reads them back as line breaks,
# so no YAML writer keeps them; every other character must survive.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029"),
               min_size=1, max_size=40)
KEY_RESULT = st.fixed_dictionaries({"text": TEXT}, optional={
    "baseline": NUMBER, "target": NUMBER, "current": NUMBER, "unit": TEXT,
    "direction": st.sampled_from(["increase", "decrease", "maintain"]), "weight": NUMBER,
    "confidence": NUMBER, "score": NUMBER, "note": TEXT})
OBJECTIVE = st.fixed_dictionaries({"title": TEXT, "key_results": st.lists(KEY_RESULT, max_size=4)}, optional={
    "type": st.sampled_from(TYPES), "aligns_to": TEXT, "depends_on": st.lists(TEXT, max_size=3),
    "supports": st.lists(TEXT, max_size=3),
    "retro": st.fixed_dictionaries({}, optional={
        "execution": st.integers(1, 5), "decision": st.sampled_from(["keep", "modify", "abandon", "carry-forward"]),
        "value": TEXT, "learning": TEXT, "decided": TEXT})})
SET = st.fixed_dictionaries({"objectives": st.lists(OBJECTIVE, max_size=4)}, optional={
    "id": st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True), "team": TEXT, "level": st.sampled_from(LEVELS),
    "cycle": TEXT, "type": st.sampled_from(TYPES), "owner": TEXT})


def as_data(okr_set: OKRSet) -> dict:
    """A loaded set back in the documented YAML shape (FORMATS.md, section 2)."""
    def present(**fields):
        return {key: value for key, value in fields.items() if value not in (None, "", ())}

    def key_result(kr):
        return present(text=kr.text, baseline=kr.baseline, target=kr.target, current=kr.current, unit=kr.unit,
                       direction=kr.direction, weight=kr.weight, confidence=kr.confidence, score=kr.score,
                       note=kr.note)

    def objective(o):
        retro = o.retro and present(execution=o.retro.execution, decision=o.retro.decision, value=o.retro.value,
                                    learning=o.retro.learning, decided=o.retro.decided)
        return {**present(title=o.title, type=o.type, aligns_to=o.aligns_to, depends_on=list(o.depends_on),
                          supports=list(o.supports)),
                "key_results": [key_result(kr) for kr in o.key_results],
                **({"retro": retro} if o.retro is not None else {})}

    return {**present(id=okr_set.id, team=okr_set.team, level=okr_set.level, cycle=okr_set.cycle,
                      type=okr_set.type, owner=okr_set.owner),
            "objectives": [objective(o) for o in okr_set.objectives]}


def same(first: OKRSet, second: OKRSet) -> bool:
    """Equal in everything but line numbers."""
    return as_data(first) == as_data(second)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SET)
def test_a_set_written_as_yaml_reads_back_the_same(data):
    loaded = from_yaml(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert isinstance(loaded, OKRSet)
    again = from_yaml(yaml.safe_dump(as_data(loaded), allow_unicode=True, sort_keys=False))
    assert same(again, loaded)
    # titles and key results are one-line fields: line breaks fold into a space, nothing else changes
    assert [o.title for o in loaded.objectives] == [one_line(o["title"]) for o in data["objectives"]]
    assert [kr.text for o in loaded.objectives for kr in o.key_results] == \
        [one_line(kr["text"]) for o in data["objectives"] for kr in o["key_results"]]


# Plain scalars as people type them: dates, times, numbers with signs, bases and separators.
TYPED = st.one_of(st.text(alphabet="0123456789-+:._xobeETZ ", max_size=30), st.integers().map(str),
                  st.sampled_from(["2025-13-45", "2025-02-30", "2025-01-01T25:00:00", "1" * 5000, "0x" + "f" * 900,
                                   "1:" + "59:" * 900 + "1", "!!bool maybe", "!!timestamp soon", "!!int x", ".NaN",
                                   "-.inf", "0b102", "1e400", "~", "null", "yes", "off"]))
PLACES = ["{field}: {value}\n", "objectives:\n- title: Win\n  {field}: {value}\n",
          "objectives:\n- title: Win\n  key_results:\n  - text: Grow\n    {field}: {value}\n",
          "objectives:\n- title: Win\n  retro:\n    {field}: {value}\n", "sets:\n- id: a\n  {field}: {value}\n"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PLACES), FIELD, TYPED)
def test_any_plain_value_in_any_field_loads_or_raises_input_error(place, field, value):
    try:
        use(from_yaml(place.format(field=field, value=value), "typed.yaml"))
    except InputError as error:
        assert error.path == "typed.yaml" and "\n" not in str(error)
