"""Choosing a pilot group: the deck's options as data, and a recommendation that says why."""
import pytest

from okrkit.rollout import pilot
from okrkit.rollout.pilot import OrganisationFacts, recommend


def test_the_three_options_and_big_bang_carry_the_decks_pros_and_cons():
    assert [o.key for o in pilot.OPTIONS] == ["executive", "department", "strategic-initiative"]
    for option in (*pilot.OPTIONS, pilot.BIG_BANG):
        assert option.pros and option.cons
    assert any("silos" in con for con in pilot.option("department").cons)
    assert any("report on progress" in con for con in pilot.option("executive").cons)
    assert any("faster" in pro or "fastest" in pro for pro in pilot.BIG_BANG.pros)


def test_highest_impact_questions_and_initiative_roles_come_from_the_deck():
    assert len(pilot.HIGHEST_IMPACT_QUESTIONS) == 4
    assert any("self-driven" in q for q in pilot.HIGHEST_IMPACT_QUESTIONS)
    assert pilot.INITIATIVE_ROLES == ("VP", "Department Head", "Product Manager", "Product Owner", "Team Lead", "Team")


def test_unknown_option_names_the_known_ones():
    with pytest.raises(KeyError, match="strategic-initiative"):
        pilot.option("skunkworks")


def test_a_cross_functional_initiative_in_a_siloed_company_gets_the_initiative_pilot():
    advice = recommend(OrganisationFacts(people=400, levels=4, cross_functional_initiative=True, silo_risk=True))
    assert advice.option.key == "strategic-initiative"
    assert any("cross-functional" in r for r in advice.reasons)
    assert any("silos" in r for r in advice.reasons)
    assert advice.ranking[0] == ("strategic-initiative", max(points for _, points in advice.ranking))


def test_a_small_flat_company_can_go_big_bang_with_a_caution():
    advice = recommend(OrganisationFacts(people=30, levels=2))
    assert advice.option.key == "big-bang"
    assert any("few layers" in r for r in advice.reasons)
    assert any("first cycle" in c for c in advice.cautions)


def test_a_large_company_never_gets_big_bang():
    for initiative in (True, False):
        for silos in (True, False):
            advice = recommend(OrganisationFacts(people=5000, levels=5, cross_functional_initiative=initiative,
                                                 silo_risk=silos))
            assert advice.option.key != "big-bang"


def test_without_an_initiative_and_without_silos_a_department_pilot_is_advised():
    advice = recommend(OrganisationFacts(people=800, levels=4, executive_sponsorship=False))
    assert advice.option.key == "department"
    assert any("simulates" in r for r in advice.reasons)


def test_without_sponsorship_the_executive_pilot_is_ruled_out_and_said_so():
    advice = recommend(OrganisationFacts(people=800, levels=4, cross_functional_initiative=True,
                                         executive_sponsorship=False))
    assert advice.option.key == "strategic-initiative"
    assert dict(advice.ranking)["executive"] < 0
    assert any("sponsor" in c for c in advice.cautions)


def test_a_huge_initiative_warns_about_enabling_everyone_at_once():
    advice = recommend(OrganisationFacts(people=3000, levels=4, cross_functional_initiative=True,
                                         initiative_people=400))
    assert any("400 people" in c for c in advice.cautions)


def test_when_nothing_fits_the_reason_says_so_and_names_the_choice():
    advice = recommend(OrganisationFacts(people=3000, levels=5, executive_sponsorship=False, silo_risk=True))
    assert advice.option.key != "strategic-initiative"  # there is no initiative to pilot on
    assert advice.reasons and "no option fits" in advice.reasons[0]
    assert advice.option.name.lower() in advice.reasons[0]


def test_impossible_facts_are_refused():
    with pytest.raises(ValueError):
        recommend(OrganisationFacts(people=0))


def test_options_frame_and_printed_recommendation():
    frame = pilot.options_frame()
    assert list(frame.index) == ["Executive level", "Department level", "Strategic initiative", "Big bang roll-out"]
    text = str(recommend(OrganisationFacts(people=400, cross_functional_initiative=True)))
    assert text.startswith("Recommended pilot: Strategic initiative") and "Roles the pilot needs: VP" in text
    assert "Ranking: strategic-initiative" in text
