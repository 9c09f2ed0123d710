"""How a key result opens: work verbs, result verbs, noun phrases and labels (OKR204)."""
import pytest

from okrkit.text.openers import is_service_level, task_opener


@pytest.mark.parametrize("text, verb", [
    ("Audit current blog process every 2 weeks", "Audit"),
    ("Undertake monthly review call with 5 partners", "Undertake"),
    ("Draft a growth path for 4 engineers", "Draft"),
    ("Finish illustrations for 3 chapters", "Finish"),
    ("Fine tune OKR process in 2 teams", "Fine tune"),
    ("Rollout 20 new languages", "Rollout"),
    ("Sourcing 3 raw materials with a 30% better conduction rate", "Sourcing"),
    ("Developing a prototype with a 40% higher storage", "Developing"),
    ("Run UX test with 5 selected customers with satisfaction score of min. 80%", "Run"),
    ("Migrate 3 services to the cloud", "Migrate"),  # a verb no list names
    ("Close out 5 audit findings", "Close out"),  # "close" is a result, "close out" work
    ("Send 100% of scheduled newsletters", "Send"),  # a share without a time standard stays a task
    ("We will organise 4 roadshows", "organise"),
])
def test_an_opening_verb_that_names_work_is_a_task(text, verb):
    assert task_opener(text) == verb


@pytest.mark.parametrize("text", [
    "Hiring managers report that 50% of new teammates are productive in 30 days",  # a noun phrase
    "Customer satisfaction rises from 3 to 4",
    "Support tickets drop from 200 to 100",
    "Total revenue reaches $2M",
    "Average response time under 2 hours",
    "Net revenue retention above 110%",
    "Churn below 2%",
    "Number of active users grows to 5000",
    "Post-purchase NPS of 40",
    "Rollout adoption from 10% to 50%",
    "Update - IPFS can quickly update 3 nodes",  # a label
    "Handles correctly a scenario with 3 nodes",  # what a product does
    "make £15,000 RR p/m",  # make with money is attainment
    "Resolve 90% of tickets within 24 hours",  # result verb, and a service level
    "Complete 80% of onboarding calls within 10 days",  # a service level
    "Patch all critical vulnerabilities within 7 days, from 60% to 100% of cases",
    "Increase newsletters sent from 4 to 12",  # a result verb: OKR209's business, not OKR204's
    "Close 10 deals", "Sign 5 partners", "Win 3 enterprise accounts", "Speed up checkout from 9 s to 4 s",
])
def test_result_verbs_noun_phrases_labels_and_service_levels_are_not_tasks(text):
    assert task_opener(text) is None


def test_a_service_level_needs_both_a_share_and_a_time_standard():
    assert is_service_level("Answer 95% of calls within 2 minutes")
    assert not is_service_level("Answer 95% of calls")
    assert not is_service_level("Answer calls within 2 minutes")
