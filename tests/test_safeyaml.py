"""YAML is read safely: no objects, no crash on deep nesting, no alias bombs, no silent duplicates."""
import pytest

from okrkit.errors import InputError
from okrkit.formats.safeyaml import ALIAS_ALLOWANCE, TRUSTED_DEPTH, _may_nest_deeply, read_yaml


def test_a_document_and_its_lines():
    data, node = read_yaml("team: Ops\nobjectives:\n- title: Win\n")
    assert data == {"team": "Ops", "objectives": [{"title": "Win"}]}
    assert node.value[1][1].start_mark.line == 2


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,  # libyaml's composer recursed until the process died
    "{a: " * 50_000 + "1" + "}" * 50_000,
    "".join(" " * i + "-\n" for i in range(0, 3_000, 2)),  # block nesting by indentation
])
def test_deep_nesting_is_an_error_not_a_crash(text):
    with pytest.raises(InputError, match="nested too deeply"):
        read_yaml(text, "deep.yaml")


def test_the_nesting_estimate_only_overestimates():
    assert not _may_nest_deeply("objectives:\n- title: Win\n  depends_on: [a, b]\n" * 1_000)
    assert _may_nest_deeply("[" * TRUSTED_DEPTH)
    assert _may_nest_deeply(" " * TRUSTED_DEPTH + "x: 1")
    text = "a: '" + "[" * TRUSTED_DEPTH + "'\n"  # brackets inside quotes: read the slow, safe way
    assert _may_nest_deeply(text) and read_yaml(text)[0] == {"a": "[" * TRUSTED_DEPTH}


def test_billion_laughs_is_refused_before_it_is_expanded():
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    with pytest.raises(InputError, match="billion laughs"):
        read_yaml("\n".join(lines) + "\n", "bomb.yaml")


def test_a_few_aliases_are_fine():
    data, _ = read_yaml("base: &b {type: committed}\nobjectives:\n- <<: *b\n  title: Win\n- <<: *b\n  title: Grow\n")
    assert [o["type"] for o in data["objectives"]] == ["committed", "committed"]


def test_aliases_may_not_more_than_double_a_document():
    items = ", ".join(f"x{i}" for i in range(ALIAS_ALLOWANCE))
    within = f"a: &a [{items}]\nb: *a\n"
    assert read_yaml(within)[0]["b"][-1] == f"x{ALIAS_ALLOWANCE - 1}"
    with pytest.raises(InputError, match="aliases"):
        read_yaml(within + "c: *a\nd: *a\n")


@pytest.mark.parametrize("text", ["objectives: &a [*a]\n", "a: &o\n  b: *o\n"])
def test_an_alias_inside_itself_is_refused(text):
    with pytest.raises(InputError, match="refers to the entry that holds it") as caught:
        read_yaml(text, "loop.yaml")
    assert caught.value.line == 1


def test_a_field_written_twice_is_refused_with_its_line():
    with pytest.raises(InputError, match="'key_results' is written twice") as caught:
        read_yaml("objectives:\n- title: Win\n  key_results: [a]\n  key_results: [b]\n", "twice.yaml")
    assert caught.value.line == 4


def test_merge_keys_may_be_overridden():
    data, _ = read_yaml("base: &b {title: Old, type: committed}\nobjective:\n  <<: *b\n  title: New\n")
    assert data["objective"] == {"title": "New", "type": "committed"}


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hacked']", "!!python/name:os.system",
                                 "!!python/object/new:subprocess.Popen [['echo']]", "!!python/tuple [1, 2]"])
def test_python_tags_are_refused(tag):
    with pytest.raises(InputError, match="not valid YAML"):
        read_yaml(f"team: {tag}\n")


def test_messages_are_one_line():
    with pytest.raises(InputError) as caught:
        read_yaml("a: [\n\n\n", "broken.yaml")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text, line", [
    ("cycle: 2025-13-45\n", 1), ("a: 1\nb: 2025-02-30\n", 2), ("a: 2025-01-01T25:00:00\n", 1),
    ("a: " + "1" * 5000 + "\n", 1), ("a: 0x" + "f" * 5000 + "\n", 1), ("a: 1:" + "59:" * 3000 + "1\n", 1),
    ("a: !!bool maybe\n", 1), ("a: !!timestamp soon\n", 1), ("a: !!float many\n", 1),
    ("a:\n- b: [1, !!int x]\n", 2),
])
def test_a_value_yaml_cannot_build_is_an_error_with_its_line(text, line):
    with pytest.raises(InputError, match="put it in quotes to keep it as text") as caught:
        read_yaml(text, "typed.yaml")
    assert caught.value.line == line and "\n" not in str(caught.value)


def test_quoted_values_stay_text():
    assert read_yaml("cycle: '2025-13-45'\nteam: '0xff'\n")[0] == {"cycle": "2025-13-45", "team": "0xff"}
