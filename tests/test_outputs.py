"""What a key result counts: the team's own output or an outcome (OKR209)."""
import pytest

from okrkit.text.numbers import measure
from okrkit.text.outputs import output_counted


@pytest.mark.parametrize("text, output", [
    ("Increase newsletters sent from 4 to 12", "newsletters sent"),
    ("3 blog posts authored by the team", "posts authored"),
    ("12 streams per week", "streams"),
    ("Increase trade-fair meetings from 40 to 80", "meetings"),
    ("Increase sales calls made from 100 to 200", "calls made"),
    ("Grow features shipped from 3 to 9", "features shipped"),
    ("Increase workshops held from 2 to 6", "workshops held"),
    ("Increase published articles from 2 to 6", "published articles"),
    ("Increase campaigns launched from 2 to 5", "campaigns launched"),
])
def test_a_count_of_the_teams_own_output(text, output):
    assert output_counted(text, measure(text)) == output


@pytest.mark.parametrize("text", [
    "Grow trade press mentions from 4 to 12 per quarter",
    "Raise newsletter click-through from 2% to 5%",  # a rate
    "Increase qualified leads from 200 to 400 in market A",
    "Increase promotion sales from 5 to 10 Mil USD",  # money
    "Grow customers who recommend us on review sites from 150 to 400",
    "Increase demo requests from 20 to 50",
    "Increase outlet owners who reorder from 30 to 60",
    "Grow reviews written by customers from 10 to 50",  # made by others
    "Increase workshop attendees from 20 to 80",
    "Reduce support tickets from 200 to 100",
    "Grow webinar sign-ups from 100 to 400",
    "Publish more articles",  # no number: OKR203's business
])
def test_outcomes_are_not_outputs(text):
    assert output_counted(text, measure(text)) is None
