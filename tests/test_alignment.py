"""The alignment graph: references, links, and the problems the rules OKR401-OKR406 report."""
import collections

import pytest
import yaml

import okrkit
from okrkit.alignment.graph import Ref, parse_reference
from okrkit.errors import InputError
from okrkit.formats.yamlsets import from_yaml

KRS = ["Raise NPS from 20 to 40", "Cut churn from 6% to 4%", "Grow renewals from 70% to 85%"]


def objective(title: str, krs=KRS, **links) -> dict:
    return {"title": title, "key_results": list(krs), **links}


def okr_set(set_id: str, level: str, *objectives: dict) -> dict:
    return {"id": set_id, "level": level, "objectives": list(objectives)}


def organisation(*sets: dict):
    return from_yaml(yaml.safe_dump({"organisation": "Test Co", "cycle": "2025-Q1", "sets": list(sets)}), "org.yaml")


COMPANY = okr_set("company", "company", objective("Be the preferred CRM platform in Germany", [
    "Increase engagement rate on website from 20 to 35%", "Increase conversion rate from 25 to 40%",
    "Grow paid accounts from 1,200 to 1,800"]))


def found(org, code: str) -> collections.Counter:
    return collections.Counter(f.where for f in okrkit.check(org) if f.code == code)


class TestReferences:
    @pytest.mark.parametrize("text, ref", [
        ("sales", Ref("sales")), ("sales/O2", Ref("sales", 2)), ("sales/O2/KR3", Ref("sales", 2, 3)),
        (" sales / o2 / kr3 ", Ref("sales", 2, 3)), ("team-a_1/O10", Ref("team-a_1", 10)),
    ])
    def test_the_three_forms(self, text, ref):
        assert parse_reference(text) == ref

    @pytest.mark.parametrize("text", ["", "sales/", "sales/KR1", "sales/O", "sales/O0", "sales/O1/KR0",
                                      "sales/O1/KR", "sales/O1/KR1/x", "sales team", "sales,marketing", "/O1"])
    def test_malformed_references_are_not_references(self, text):
        assert parse_reference(text) is None

    def test_refs_print_as_written_and_sort_in_order(self):
        refs = [Ref("b"), Ref("a", 2, 1), Ref("a", 1), Ref("a")]
        assert [str(r) for r in sorted(refs)] == ["a", "a/O1", "a/O2/KR1", "b"]
        assert Ref("a", 2, 1).owner == Ref("a", 2)


class TestUnknownReference:
    def test_every_kind_of_link_to_nothing_is_an_error_with_the_reason(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "Win the north region this year", aligns_to="company/O2", depends_on=["marketing", "company/O1/KR9"],
            supports=["Company"])))
        hits = [f for f in okrkit.check(org) if f.code == "OKR404"]
        assert [f.where for f in hits] == ["sales/O1"] * 4 and all(f.severity == "error" for f in hits)
        messages = " ".join(f.message for f in hits)
        assert "no O2" in messages and "no set 'marketing'" in messages and "no KR9" in messages
        assert "did you mean 'company'" in messages
        assert all(f.line for f in hits)

    def test_malformed_references_are_reported_with_the_form_to_use(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective("Win the north region", aligns_to="company O1")))
        (hit,) = [f for f in okrkit.check(org) if f.code == "OKR404"]
        assert "SET/O<n>/KR<m>" in hit.message

    def test_blank_links_are_no_links(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective("Win the north region", aligns_to="",
                                                                       depends_on=[""])))
        assert not found(org, "OKR404") and found(org, "OKR402") == {"sales/O1": 1}


class TestSilos:
    def test_an_objective_linked_to_nothing_is_a_silo_unless_it_is_the_company(self):
        org = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT in the market")))
        assert found(org, "OKR402") == {"it/O1": 1}

    @pytest.mark.parametrize("links", [{"aligns_to": "company/O1/KR2"}, {"depends_on": ["company"]},
                                       {"supports": ["company/O1"]}])
    def test_any_link_of_its_own_is_enough(self, links):
        org = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT", **links)))
        assert not found(org, "OKR402")

    def test_being_supported_or_aligned_to_is_enough_but_being_depended_on_is_not(self):
        helped = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT")),
                              okr_set("hr", "team", objective("Hire well", supports=["it/O1"])))
        depended = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT")),
                                okr_set("hr", "team", objective("Hire well", depends_on=["it/O1"])))
        assert "it/O1" not in found(helped, "OKR402")
        assert "it/O1" in found(depended, "OKR402")

    def test_an_unknown_aligns_to_gets_unknown_reference_instead(self):
        org = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT", aligns_to="nope/O1")))
        assert not found(org, "OKR402") and found(org, "OKR404") == {"it/O1": 1}

    def test_a_link_to_itself_does_not_count(self):
        org = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT", supports=["it/O1"])))
        assert found(org, "OKR402") == {"it/O1": 1}


class TestCycles:
    def test_every_objective_of_a_cycle_is_reported_and_the_tail_is_not(self):
        org = organisation(
            COMPANY,
            okr_set("a", "department", objective("Objective of a", aligns_to="b/O1")),
            okr_set("b", "department", objective("Objective of b", aligns_to="c/O1/KR2")),
            okr_set("c", "department", objective("Objective of c", aligns_to="a")),  # a whole set: not a step
            okr_set("d", "team", objective("Objective of d", aligns_to="a/O1")))
        assert not found(org, "OKR405")
        looped = organisation(
            COMPANY,
            okr_set("a", "department", objective("Objective of a", aligns_to="b/O1")),
            okr_set("b", "department", objective("Objective of b", aligns_to="c/O1/KR2")),
            okr_set("c", "department", objective("Objective of c", aligns_to="a/O1")),
            okr_set("d", "team", objective("Objective of d", aligns_to="a/O1")))
        assert found(looped, "OKR405") == {"a/O1": 1, "b/O1": 1, "c/O1": 1}
        message = next(f.message for f in okrkit.check(looped) if f.where == "b/O1" and f.code == "OKR405")
        assert "b/O1 → c/O1 → a/O1 → b/O1" in message

    @pytest.mark.parametrize("target", ["it/O1", "it/O1/KR2", "it"])
    def test_an_objective_aligned_to_itself_or_its_own_set_is_a_cycle(self, target):
        org = organisation(COMPANY, okr_set("it", "department", objective("Run the calmest IT", aligns_to=target)))
        assert found(org, "OKR405") == {"it/O1": 1}
        assert not found(org, "OKR402")


class TestRepeatedAcrossLevels:
    COPY = [kr.replace("1,200", "1200").replace("1,800", "1800") for kr in COMPANY["objectives"][0]["key_results"]]

    def test_copying_the_parents_whole_okr_is_repetition_even_when_aligned(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "be the preferred CRM platform, in Germany!", self.COPY, aligns_to="company/O1")))
        assert found(org, "OKR401") == {"sales/O1": 1}
        message = next(f.message for f in okrkit.check(org) if f.code == "OKR401")
        assert "company/O1" in message

    def test_keeping_only_some_of_the_parents_key_results_is_still_a_copy(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "Be the preferred CRM platform in Germany", self.COPY[:2], aligns_to="company/O1")))
        assert found(org, "OKR401") == {"sales/O1": 1}

    def test_the_shared_objective_with_key_results_of_the_teams_own_is_lateral_alignment(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "Be the preferred CRM platform in Germany", [self.COPY[0], "Raise NPS of sales-led accounts from 20 to 40"],
            aligns_to="company/O1")))
        assert not found(org, "OKR401")

    def test_a_parents_key_result_as_a_childs_objective_is_explicit_alignment(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "Increase conversion rate from 25 to 40%", aligns_to="company/O1/KR2")))
        assert not found(org, "OKR401")

    def test_one_shared_key_result_under_an_objective_of_the_teams_own_is_fine(self):
        org = organisation(COMPANY, okr_set("sales", "team", objective(
            "Win the north region", ["Grow paid accounts from 1200 to 1800", *KRS[:2]], aligns_to="company/O1")))
        assert not found(org, "OKR401")

    def test_each_lower_copy_is_reported_once_and_the_same_level_is_fine(self):
        title, krs = "Make our brand loved", ["Increase engagement rate on website from 20 to 35%", "Raise NPS from 2 to 4"]
        org = organisation(
            COMPANY,
            okr_set("marketing", "department", objective(title, krs)),
            okr_set("web", "team", objective(title, krs)),
            okr_set("seo", "team", objective(title, krs[:1])))
        assert found(org, "OKR401") == {"web/O1": 1, "seo/O1": 1}
        peers = organisation(okr_set("web", "team", objective(title, krs)), okr_set("seo", "team", objective(title, krs)))
        assert not found(peers, "OKR401")


class TestConflictingTargets:
    SALES = okr_set("sales", "team", objective("Win the north region", [
        "Increase conversion rate from 25 to 30%", *KRS[:2]], aligns_to="company/O1"))

    def test_a_lower_key_result_that_aims_short_of_the_parent_gets_it(self):
        assert found(organisation(COMPANY, self.SALES), "OKR403") == {"sales/O1/KR1": 1}

    @pytest.mark.parametrize("kr", ["Increase conversion rate from 25 to 60%", "Increase conversion rate from 30 to 40 %"])
    def test_aiming_further_than_the_parent_or_at_the_same_target_is_fine(self, kr):
        sales = okr_set("sales", "team", objective("Win the north region", [kr, *KRS[:2]], aligns_to="company/O1"))
        assert not found(organisation(COMPANY, sales), "OKR403")

    def test_for_a_decrease_short_means_a_higher_target(self):
        company = okr_set("company", "company", objective("Keep every customer we win", [
            "Cut churn from 6% to 3%", "Raise NPS from 20 to 40", "Grow renewals from 70% to 85%"]))
        short = okr_set("care", "team", objective("Make support the reason to stay", [
            "Cut churn from 6% to 4%"], aligns_to="company/O1"))
        further = okr_set("care", "team", objective("Make support the reason to stay", [
            "Cut churn from 6% to 2%"], aligns_to="company/O1"))
        assert found(organisation(company, short), "OKR403") == {"care/O1/KR1": 1}
        assert not found(organisation(company, further), "OKR403")

    def test_unlinked_sets_are_fine(self):
        unlinked = okr_set("sales", "team", objective("Win the north region", [
            "Increase conversion rate from 25 to 30%", *KRS[:2]], depends_on=["marketing"]))
        assert not found(organisation(COMPANY, unlinked, okr_set("marketing", "team", objective(
            "Make our brand loved", supports=["sales/O1"]))), "OKR403")

    def test_when_both_link_the_lower_level_gets_it(self):
        company = okr_set("company", "company", objective("Be the preferred CRM platform in Germany", [
            "Increase conversion rate from 25 to 40%", *KRS[:2]], supports=["sales/O1"]))
        assert found(organisation(company, self.SALES), "OKR403") == {"sales/O1/KR1": 1}

    def test_at_the_same_level_the_side_with_the_aligns_to_gets_it(self):
        a = okr_set("a", "team", objective("Objective of a", ["Cut churn from 6% to 3%"], aligns_to="b/O1"))
        b = okr_set("b", "team", objective("Objective of b", ["Cut churn from 6% to 4%"], supports=["a/O1"]))
        assert found(organisation(a, b), "OKR403") == {"a/O1/KR1": 1}


class TestUnansweredDependencies:
    def build(self, *helper_links, target="it"):
        return organisation(COMPANY,
                            okr_set("sales", "team", objective("Win the north region", aligns_to="company/O1",
                                                               depends_on=[target])),
                            okr_set("it", "team", *[objective(f"IT objective {i}", **{"aligns_to": "company/O1", **links})
                                                    for i, links in enumerate(helper_links or [{}], 1)]))

    def test_a_dependency_nobody_answers(self):
        hits = [f for f in okrkit.check(self.build()) if f.code == "OKR406"]
        assert [f.where for f in hits] == ["sales/O1"] and "'it'" in hits[0].message

    @pytest.mark.parametrize("links", [{"supports": ["sales/O1"]}, {"supports": ["sales/O1/KR2"]},
                                       {"supports": ["sales"]}, {"aligns_to": "sales/O1"}])
    def test_supports_or_aligns_to_from_that_set_answers(self, links):
        assert not found(self.build({}, links), "OKR406")

    def test_a_depends_on_back_is_not_an_answer_nor_is_help_from_another_set(self):
        assert found(self.build({"depends_on": ["sales/O1"]}), "OKR406") == {"sales/O1": 1, "it/O1": 1}

    def test_naming_an_objective_asks_that_set(self):
        assert found(self.build(target="it/O1"), "OKR406") == {"sales/O1": 1}
        assert not found(self.build({"supports": ["sales/O1"]}, target="it/O1"), "OKR406")


class TestBadInput:
    def test_a_duplicate_set_id_in_one_file_is_a_clear_error(self):
        with pytest.raises(InputError, match="duplicate set id 'sales'"):
            organisation(okr_set("sales", "team", objective("A")), okr_set("sales", "team", objective("B")))

    def test_a_directory_with_unreadable_files_is_still_analysed(self, write):
        write("org/company.yaml", yaml.safe_dump(COMPANY))
        write("org/sales.yaml", yaml.safe_dump(okr_set("sales", "team", objective("Win", aligns_to="company/O9"))))
        write("org/broken.yaml", "objectives: [\n")
        write("org/zz-sales.yaml", yaml.safe_dump(okr_set("sales", "team", objective("Another"))))
        skipped = []
        org = okrkit.load(write("org/empty.okr", "").parent, skipped)
        assert sorted(s.id for s in org.sets) == ["company", "sales"]
        assert sorted(e.path.rsplit("/", 1)[-1] for e in skipped) == ["broken.yaml", "empty.okr", "zz-sales.yaml"]
        assert found(org, "OKR404") == {"sales/O1": 1}

    def test_a_link_into_a_set_with_no_objectives_names_nothing(self):
        org = organisation(okr_set("empty", "team"), okr_set("sales", "team", objective("Win", aligns_to="empty/O1")))
        assert found(org, "OKR404") == {"sales/O1": 1}


def test_the_graph_is_built_once_per_organisation():
    org = organisation(COMPANY)
    assert org.alignment is org.alignment


def test_the_cheap_key_index_finds_what_normalising_every_text_finds():
    """OKR401 and OKR403 group texts by numbers.words_key before normalising; on a synthetic
    organisation with planted copies and conflicts, that finds exactly what comparing every
    pair of normalised texts finds."""
    from benchmarks.synthetic import organisation_data
    from okrkit.text.language import normalise

    org = from_yaml(yaml.safe_dump(organisation_data(400, seed=11)), "synthetic.yaml")
    graph = org.alignment
    texts = {}
    for ref, (_, o) in graph.objectives.items():
        texts[ref] = ("objective", o.title)
        texts.update({Ref(ref.set_id, ref.objective, j): ("key result", kr.text)
                      for j, kr in enumerate(o.key_results, 1)})
    groups = collections.defaultdict(list)
    for ref, (kind, text) in texts.items():
        groups[kind, normalise(text)].append(ref)
    titles = collections.defaultdict(list)
    for ref, (kind, text) in texts.items():
        if kind == "objective":
            titles[normalise(text)].append(ref)

    def key_results(ref):
        return {normalise(kr.text) for kr in graph.objective(ref).key_results}

    repeated = {(ref, min((o for o in refs if graph.rank(o) < graph.rank(ref) and key_results(ref) <= key_results(o)),
                         key=lambda o: (graph.rank(o), o)))
                for refs in titles.values() for ref in refs
                if any(graph.rank(o) < graph.rank(ref) and key_results(ref) <= key_results(o) for o in refs)}
    assert repeated and set(graph.repeated) == repeated
    metrics = collections.defaultdict(list)
    for ref, (kind, text) in texts.items():
        if kind == "key result":
            metrics[normalise(text, numbers=False)].append(ref)
    linked = {frozenset(pair) for pair in graph.linked_sets}
    conflicting = {kr for refs in metrics.values() for a in refs for b in refs
                   if frozenset((a.set_id, b.set_id)) in linked and a.set_id != b.set_id
                   for kr, _ in graph._conflict_owners(a, b)}
    assert conflicting and {kr for kr, _ in graph.conflicts} == conflicting


def test_conflicts_read_only_the_metrics_linked_sets_share():
    """OKR403 skips metrics that only unlinked sets share; its findings, rivals included, are
    those of reading every shared metric."""
    from benchmarks.synthetic import organisation_data
    from okrkit.alignment.graph import Alignment

    org = from_yaml(yaml.safe_dump(organisation_data(1500, seed=5)), "synthetic.yaml")
    every_metric = Alignment(org)
    every_metric.__dict__["linked_metrics"] = every_metric.metrics  # the reading before the shortcut
    graph = Alignment(org)
    assert graph.conflicts and graph.conflicts == every_metric.conflicts
    assert sum(map(len, graph.linked_metrics)) < sum(map(len, graph.metrics))
