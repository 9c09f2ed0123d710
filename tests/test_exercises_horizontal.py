"""Module 5 exercises: shared team OKRs, answered dependencies and lateral alignment, judged by the kit."""
import pytest

from okrkit.exercises import assess, exercise
from okrkit.exercises.horizontal import SALES_STARTER, leads

TEAM = """
id: first-contact
team: First-contact resolution
level: team
owner: Team Lead Support, Head of Software Development, COO
objectives:
  - title: Solve every shopper's problem at the first contact
    aligns_to: company/O1/KR2
    key_results:
      - Raise first-contact resolution from 55% to 80%
      - Cut repeat complaints about the same order from 300 to 60 a month
      - Reduce the average time to close a complaint from 3 days to 1 day
"""

BRIDGE = """
sets:
  - id: support
    objectives:
      - title: Solve every shopper's problem at the first contact
        aligns_to: company/O1/KR2
        depends_on: [software]
        key_results:
          - Raise first-contact resolution from 55% to 80%
          - Cut repeat complaints about the same order from 300 to 60 a month
          - Reduce the average time to close a complaint from 3 days to 1 day
  - id: software
    objectives:
      - title: Give support agents the whole story of every order
        aligns_to: company/O1/KR2
        supports: [support/O1]
        key_results:
          - Raise the share of orders whose full history agents can see from 40% to 100%
          - Cut the time agents need to find an order's history from 4 minutes to 30 seconds
          - Reduce complaints caused by wrong order data from 150 to 20 a month
"""

SALES = """
id: sales
team: Sales
level: team
objectives:
  - title: Turn happy customers into our best sales channel
    aligns_to: company/O1
    key_results:
      - Raise the referral rate of sales-led accounts from 25% to 50%
      - Raise repeat orders from checked-in customers from 20% to 35%
      - Grow customers in the check-in program from 0 to 400
"""


def lines(result):
    return "\n".join(result.feedback)


def codes(result):
    return {f.code for f in result.findings}


def test_the_six_leads_come_from_the_course_example():
    assert list(leads().values()) == ["CEO", "Head of Software Development", "COO", "Head of Product B",
                                      "Head of Business Development", "Team Lead Support"]


class TestTeamOKR:
    def test_a_shared_team_okr_passes(self):
        result = assess("05-1", TEAM)
        assert result.passed, lines(result)
        assert "led across functions by 3 of the six leads" in lines(result)

    def test_one_lead_alone_is_a_silo_in_the_making(self):
        result = assess("05-1", TEAM.replace(", Head of Software Development, COO", ""))
        assert not result.passed and "names 1 of the six leads" in lines(result)

    @pytest.mark.parametrize("owner", ["Support, Software Development and operations",
                                       "support; software & bizdev", "CEO, COO, Head of Product B"])
    def test_leads_are_read_by_title_team_or_set(self, owner):
        assert assess("05-1", TEAM.replace("Team Lead Support, Head of Software Development, COO", owner)).passed

    def test_someone_who_is_not_a_lead_is_named(self):
        result = assess("05-1", TEAM.replace("COO", "COO, Head of Marketing"))
        assert not result.passed and "'Head of Marketing': not one of the six leads" in lines(result)

    def test_an_unlinked_team_okr_is_a_silo(self):
        result = assess("05-1", TEAM.replace("    aligns_to: company/O1/KR2\n", ""))
        assert not result.passed and "OKR402" in codes(result)
        assert "Not linked up to the organisation's OKR yet: first-contact/O1" in lines(result)

    def test_restating_the_key_result_the_objective_aligns_to_is_caught(self):
        result = assess("05-1", TEAM.replace("Raise first-contact resolution from 55% to 80%",
                                             "Decrease monthly customer complaints from 1,000 to 200"))
        assert not result.passed and "restates the key result the objective aligns to" in lines(result)

    def test_a_target_short_of_the_organisations_is_caught(self):
        result = assess("05-1", TEAM.replace("Raise first-contact resolution from 55% to 80%",
                                             "Decrease monthly customer complaints from 1,000 to 500"))
        assert not result.passed and "OKR403" in codes(result)

    def test_the_organisation_okr_is_not_the_learners_to_rewrite(self):
        result = assess("05-1", TEAM.replace("id: first-contact", "id: company"))
        assert not result.passed and "already has a set 'company'" in lines(result)


class TestBridge:
    def test_an_answered_dependency_passes(self):
        result = assess("05-2", BRIDGE)
        assert result.passed, lines(result)
        assert "support/O1 depends on software" in lines(result)

    def test_a_dependency_nobody_answers_needs_its_bridge(self):
        result = assess("05-2", BRIDGE.replace("        supports: [support/O1]\n", ""))
        assert not result.passed and "software should support support/O1" in lines(result)
        assert "OKR406" in codes(result)

    def test_without_a_dependency_there_is_no_bridge(self):
        result = assess("05-2", BRIDGE.replace("        depends_on: [software]\n", ""))
        assert not result.passed and "Make a dependency visible" in lines(result)

    def test_every_objective_must_lead_up(self):
        result = assess("05-2", BRIDGE.replace("        aligns_to: company/O1/KR2\n        supports",
                                               "        supports"))
        assert not result.passed and "Not linked up to the organisation's OKR yet: software/O1" in lines(result)

    def test_sets_outside_the_six_leads_are_named(self):
        result = assess("05-2", BRIDGE.replace("id: software", "id: it").replace("[software]", "[it]"))
        assert not result.passed and "it: not a set of the six leads" in lines(result)


class TestLateral:
    def test_a_mended_sales_set_passes(self):
        result = assess("05-3", SALES)
        assert result.passed, lines(result)

    def test_the_decks_own_answer_passes(self):
        decks = SALES_STARTER.replace("Customers referral rate from 25% to 50%", "Customers referral rate from 25% to 60%")
        decks = decks.replace("      - Increase customer satisfaction from 3 to 4.5\n",
                              "      - Increase first month customer satisfaction from 3 to 4.5\n")
        assert assess("05-3", decks).passed, lines(assess("05-3", decks))

    def test_the_starter_copies_the_whole_okr(self):
        result = assess("05-3", SALES_STARTER.replace("team: Sales", "team: Sales team"))
        assert not result.passed and codes(result) == {"OKR401"}

    def test_a_referral_target_short_of_the_companys_is_caught(self):
        result = assess("05-3", SALES.replace("Raise the referral rate of sales-led accounts from 25% to 50%",
                                              "Customers referral rate from 25% to 40%"))
        assert not result.passed and codes(result) == {"OKR403"}

    def test_only_company_key_results_under_a_new_objective_add_nothing(self):
        copies = SALES_STARTER.replace("Have our customers fall back in love with our offering",
                                       "Turn happy customers into our best sales channel")
        result = assess("05-3", copies)
        assert not result.passed and "every key result is still the company's" in lines(result)

    def test_sales_must_keep_its_id_and_its_link(self):
        assert "Keep id: sales" in lines(assess("05-3", SALES.replace("id: sales", "id: sales-team")))
        unlinked = assess("05-3", SALES.replace("    aligns_to: company/O1\n", ""))
        assert not unlinked.passed and "Not linked up to the organisation's OKR yet: sales/O1" in lines(unlinked)


@pytest.mark.parametrize("exercise_id", ["05-1", "05-2", "05-3"])
def test_the_starter_is_no_answer_and_asks_for_one(exercise_id):
    result = assess(exercise_id, exercise(exercise_id).starter)
    assert not result.passed and result.hints
