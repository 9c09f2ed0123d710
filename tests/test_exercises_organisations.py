"""A learner's YAML sets join a course organisation and are judged there, by the alignment rules."""
import pytest

from okrkit.alignment.graph import Ref
from okrkit.errors import InputError
from okrkit.exercises.organisations import Setting, read_sets, shared_words

LAB = """
id: battery-lab
team: Battery lab
objectives:
  - title: Build a battery prototype that stores far more energy
    aligns_to: company/O1/KR2
    key_results:
      - Increase prototype cell storage from 250 to 350 Wh/kg
      - Raise charge cycles before 80% capacity from 800 to 1,200
      - Cut the prototype's charging time from 40 to 25 minutes
"""


class TestReadingSets:
    def test_one_set_or_a_list_of_sets(self):
        assert [s.id for s in read_sets(LAB)] == ["battery-lab"]
        two = "sets:\n  - id: a\n    objectives: []\n  - id: b\n    objectives: []\n"
        assert [s.id for s in read_sets(two)] == ["a", "b"]

    def test_a_set_needs_an_id(self):
        with pytest.raises(InputError, match="give the set an id"):
            read_sets(LAB.replace("id: battery-lab\n", ""))

    def test_broken_yaml_names_its_line(self):
        with pytest.raises(InputError) as raised:
            read_sets(LAB.replace("    aligns_to", "     aligns_to"))
        assert raised.value.line == 6


class TestPlacing:
    def test_the_answer_joins_the_example_and_takes_its_cycle(self):
        placed = Setting("battery-cascade").place(LAB)
        assert placed.ids == ("battery-lab",) and not placed.problems
        assert len(placed.organisation.sets) == len(Setting("battery-cascade").base().sets) + 1
        assert placed.sets[0].cycle == "2025"

    def test_a_set_the_example_has_is_refused_unless_writable(self):
        taken = LAB.replace("id: battery-lab", "id: procurement")
        refused = Setting("battery-cascade").place(taken)
        assert refused.ids == () and "already has a set 'procurement'" in refused.problems[0]
        allowed = Setting("battery-cascade", writable=frozenset({"procurement"})).place(taken)
        assert allowed.ids == ("procurement",)
        assert allowed.organisation.by_id["procurement"].objectives[0].title.startswith("Build a battery")

    def test_an_empty_set_is_filled_in_and_keeps_its_place(self):
        answer = LAB.replace("id: battery-lab\nteam: Battery lab", "id: software").replace("company/O1/KR2",
                                                                                            "company/O1")
        placed = Setting("avoid-silos").place(answer)
        software = placed.organisation.by_id["software"]
        assert placed.ids == ("software",) and software.level == "department"
        assert (software.team, software.owner) == ("Software Development", "Head of Software Development")

    def test_only_the_learners_findings_count(self):
        placed = Setting("battery-cascade").place(LAB)
        assert not placed.findings()  # the company's own OKR204 and OKR203 are not the learner's
        alone = Setting("battery-cascade").place(LAB.replace("    aligns_to: company/O1/KR2\n", ""))
        assert [(f.code, f.where) for f in alone.findings()] == [("OKR402", "battery-lab/O1")]

    def test_reaching_the_company_follows_the_chain(self):
        placed = Setting("battery-cascade").place(LAB)
        assert placed.reaches_company(Ref("battery-lab", 1))
        assert placed.reaches_company(Ref("materials-lab", 1))  # through procurement
        alone = Setting("battery-cascade").place(LAB.replace("    aligns_to: company/O1/KR2\n", ""))
        assert not alone.reaches_company(Ref("battery-lab", 1))
        ring = "sets:\n" + "".join(
            f"  - id: {me}\n    objectives:\n      - title: Win back our first customers\n"
            f"        aligns_to: {other}/O1\n        key_results: [Raise NPS from 20 to 40]\n"
            for me, other in (("a", "b"), ("b", "a")))
        cycle = Setting("battery-cascade").place(ring)
        assert not cycle.reaches_company(Ref("a", 1))

    def test_a_preview_never_fails(self):
        setting = Setting("battery-cascade")
        size = len(setting.base().sets)
        assert len(setting.preview(LAB).sets) == size + 1
        assert len(setting.preview("id: [unclosed").sets) == size
        assert len(setting.preview(None).sets) == size


def test_shared_words_compare_meaningful_stems():
    assert shared_words("Build a battery prototype that stores far more energy",
                        "Developing a prototype with a 40% higher storage") == {"prototype", "store"}
    assert shared_words("Make the most of it", "Make it better, more and most") == set()
    assert shared_words("Solve every shopper's problem", "Increase Shopping Customer Experience") == {"shopper"}
