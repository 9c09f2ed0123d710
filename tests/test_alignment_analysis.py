"""The coach's tables, on the course's alignment examples and the kit's own test organisations."""
import okrkit
from okrkit.alignment import analysis
from okrkit.examples import load_example
from tests.conftest import DATA


def rows(frame, key: str) -> dict:
    return {row[key]: row for row in frame.to_dict("records")}


def test_parent_chains_reach_the_company_in_the_reverse_cascade():
    chains = rows(analysis.parent_chains(load_example("outlet-expansion")), "objective")
    assert chains["sales/O1"]["chain"] == "sales/O1 → company/O1"
    assert chains["marketing/O1"]["reaches_company"] and chains["company/O1"]["depth"] == 0
    assert all(row["ends"] == "company" for row in chains.values())


def test_parent_chains_say_how_a_chain_ends_when_it_does_not_reach_the_company():
    chains = rows(analysis.parent_chains(okrkit.load(DATA / "broken-links.yaml")), "objective")
    assert chains["drivers/O1"]["chain"] == "drivers/O1 → company/O1/KR1" and chains["drivers/O1"]["top"] == "company/O1"
    assert chains["app/O1"]["ends"] == "broken link"
    assert chains["buying/O1"]["ends"] == chains["quality/O1"]["ends"] == "cycle"
    assert chains["buying/O1"]["chain"] == "buying/O1 → quality/O1 → buying/O1"
    assert not chains["quality/O1"]["reaches_company"]


def test_set_dependencies_answer_the_horizontal_alignment_questions():
    sets = rows(analysis.set_dependencies(load_example("sales-marketing")), "set")
    assert sets["marketing"]["depended_on_by"] == "sales"
    assert sets["marketing"]["how"] == "sales/O1 needs marketing"
    assert sets["sales"]["depends_on"] == "marketing" and sets["marketing"]["supports"] == "sales"
    assert sets["sales"]["works_most_with"] == "marketing (2)"
    assert sets["marketing"]["unanswered"] == 0


def test_set_dependencies_count_what_is_left_unanswered():
    sets = rows(analysis.set_dependencies(okrkit.load(DATA / "silos.yaml")), "set")
    assert sets["booking"]["unanswered"] == 1 and sets["booking"]["depended_on_by"] == "crew"


def test_silo_objectives():
    silos = analysis.silo_objectives(okrkit.load(DATA / "silos.yaml"))
    assert silos["objective"].tolist() == ["booking/O1"]
    assert silos["title"].tolist() == ["Offer the quickest ticket purchase on the coast"]


def test_shared_key_results_tell_a_stretch_from_a_conflict():
    by_kr = rows(analysis.shared_key_results(load_example("lateral-alignment")), "key_result")
    assert by_kr["company/O1/KR2"]["target"] == 50 and by_kr["sales/O1/KR2"]["target"] == 60
    assert by_kr["sales/O1/KR2"]["status"] == "own target" and by_kr["sales/O1/KR2"]["finding"] == ""
    assert by_kr["engineering/O1/KR1"]["status"] == "same target" and by_kr["engineering/O1/KR1"]["finding"] == ""
    assert "company/O1/KR3" not in by_kr  # its metric is nobody else's
    short = rows(analysis.shared_key_results(load_example("copies-and-shortfalls")), "key_result")
    assert short["marketing/O1/KR1"]["status"] == "conflict" and short["marketing/O1/KR1"]["finding"] == "OKR403"
    assert short["company/O1/KR2"]["status"] == "conflict" and short["company/O1/KR2"]["finding"] == ""
    assert short["product/O1/KR2"]["finding"] == "OKR403" and short["marketing/O1/KR3"]["finding"] == ""


def test_level_counts():
    levels = rows(analysis.level_counts(load_example("lateral-alignment")), "level")
    assert list(levels) == ["company", "department", "team", "individual"]
    assert (levels["team"]["sets"], levels["team"]["objectives"], levels["team"]["key_results"]) == (2, 2, 7)
    assert levels["team"]["aligned"] == 2 and levels["company"]["silos"] == 0


def test_link_table_names_each_problem():
    table = analysis.link_table(okrkit.load(DATA / "silos.yaml"))
    links = {(row["source"], row["kind"]): row for row in table.to_dict("records")}
    assert links["partners/O1", "aligns_to"]["problem"].startswith("set 'company' has 1 objective")
    assert links["crew/O1", "aligns_to"]["target"] == "company/O1/KR2"
    assert links["crew/O1", "aligns_to"]["problem"] == ""
    assert links["crew/O1", "depends_on"]["problem"] == "unanswered"


def test_tables_of_an_organisation_without_links_are_empty_not_broken():
    org = load_example("avoid-silos")
    assert analysis.silo_objectives(org).empty and analysis.shared_key_results(org).empty
    assert list(analysis.set_dependencies(org)["unanswered"]) == [0] * 6
