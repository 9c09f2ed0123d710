"""The number reader: each form of FORMATS.md/issue list, and the direction it implies."""
import pytest

from okrkit.text.numbers import measure, quantities


@pytest.mark.parametrize("text, value, unit", [
    ("Grow paid accounts to 1,200", 1200, None),
    ("Grow ARR to 1.2M", 1.2e6, None),
    ("Grow ARR to $1.8M", 1.8e6, "USD"),
    ("Raise deal size to 8k", 8000, None),
    ("Lift CSAT to 4.5", 4.5, None),
    ("Keep uptime at 99.95%", 99.95, "%"),
    ("Grow revenue to 30 Mil USD", 30e6, "USD"),
    ("Secure three press mentions", 3, None),
    ("Win twelve hundred new users", 1200, None),
    ("Reach one hundred and fifty partners", 150, None),
    ("Earn €250k in upsells", 250e3, "EUR"),
    ("Cut wait to 2 minutes", 2, "minutes"),
])
def test_number_forms(text, value, unit):
    found = quantities(text)
    assert len(found) == 1
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


@pytest.mark.parametrize("text", ["Cut P1 incidents", "Raise day-7 activation", "Serve area A,B,C",
                                  "Win B2B deals in Q4 2025", "Ship 3D previews", "Ship by 2025-06-30"])
def test_codes_dates_and_labels_are_not_quantities(text):
    assert quantities(text) == ()


@pytest.mark.parametrize("text, baseline, target, direction", [
    ("Increase revenue from 20 to 30 Mil USD", 20e6, 30e6, "increase"),
    ("Achieve an NPS of 40 (up from 25)", 25, 40, "increase"),
    ("Bring churn to 4% (down from 6%)", 6, 4, "decrease"),
    ("Cut onboarding from 2 weeks to 3 days", 14, 3, "decrease"),
    ("Reduce time to recovery from 90 to 20 minutes", 90, 20, "decrease"),
    ("Raise deal size from 8k to 10k USD", 8000, 10000, "increase"),
    ("Grow paid accounts from 1,200 to 1,800", 1200, 1800, "increase"),
    ("Improve latency from 1 s to 0.5 s", 1, 0.5, "decrease"),
    ("Grow ARR 1.2M to 2M", 1.2e6, 2e6, "increase"),
    ("Increase engagement from 20 to 35%", 20, 35, "increase"),
    ("Lift availability ≥ 99.5%", None, 99.5, "increase"),
])
def test_baseline_target_direction(text, baseline, target, direction):
    read = measure(text)
    assert read.baseline == (pytest.approx(baseline) if baseline is not None else None)
    assert read.target == pytest.approx(target)
    assert read.direction == direction


def test_shared_unit_takes_the_multiplier_only_when_it_fits():
    assert measure("Grow ARR from 900,000 to 1.2M").baseline == 900_000
    assert measure("Grow ARR from 0.9 to 1.2M").baseline == pytest.approx(0.9e6)


@pytest.mark.parametrize("text, change", [
    ("Increase visits by 30%", 0.30), ("Reduce costs by 20%", -0.20), ("Double weekly active users", 1.0),
    ("Halve the backlog", -0.5), ("Grow signups 25% more than last year", 0.25),
])
def test_relative_change(text, change):
    assert measure(text).relative_change == pytest.approx(change)


def test_maintain_direction():
    assert measure("Maintain uptime at 99.9%").direction == "maintain"


def test_contradictions_explain_themselves():
    assert "same value" in measure("Increase resolution from 60% to 60%").contradiction
    assert "other way" in measure("Reduce complaints from 200 to 1,000").contradiction
    assert measure("Lift CSAT from 4.1 to 4.6").contradiction is None


def test_text_without_numbers():
    read = measure("Acquire more leads")
    assert not read.has_number and read.target is None


@pytest.mark.parametrize("text, change", [
    ("Cut response time in half", -0.5), ("Increase revenue tenfold", 9), ("Grow signups threefold", 2),
    ("Quadruple partner revenue", 3),
])
def test_relative_change_in_words(text, change):
    read = measure(text)
    assert read.has_number and read.relative_change == pytest.approx(change)


@pytest.mark.parametrize("text", ["Ship version 2.0", "Reach tier 1", "Move to phase 2", "Earn ISO 27001"])
def test_labels_are_not_quantities(text):
    assert quantities(text) == ()


@pytest.mark.parametrize("text, value, unit", [
    ("Two daemons run the new pipeline in production", 2, None),
    ("TEN partners resell the kit", 10, None),
    ("Reach $1m ARR", 1e6, "USD"),
    ("Make £15k RR p/m", 15e3, "GBP"),
    ("Reach 1st place in the G2 ranking", 1, None),
    ("Lift page speed to the 90th percentile", 90, None),
])
def test_number_forms_published_sets_use(text, value, unit):
    found = quantities(text)
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("text", [
    "multistream 2.0 is implemented", "Python 3.12 support lands in the SDK", "Upgrade every service to 1.2.3",
    "Close every issue of https://github.com/example/project/milestone/20",
    "Close every issue of .../milestone/20", "Triage issues/20 first", "Run the 1st CAB event",
    "Cut build time to 5m",  # minutes or metres, never a million without a currency sign
    "One-click checkout for returning buyers", "Enable two-factor login", "One of our partners resells the kit",
])
def test_versions_addresses_and_ordinals_are_not_quantities(text):
    assert quantities(text) == ()


def test_a_baseline_written_after_the_target():
    read = measure("Increase conversion to 75 % from current 45 %")
    assert (read.baseline, read.target, read.unit, read.direction) == (45, 75, "%", "increase")


def test_a_count_after_the_target_is_not_its_baseline():
    read = measure("Grow revenue to 30 Mil USD from 20 stores")
    assert (read.baseline, read.target) == (None, 30e6)


@pytest.mark.parametrize("text, change, relative", [
    ("Improve NPS by +1", 1, None), ("NPS +1 over last quarter", 1, None), ("Conversion +15%", None, 0.15)])
def test_a_plus_sign_states_a_change(text, change, relative):
    read = measure(text)
    assert (read.target, read.change, read.relative_change) == (None, change, relative)


@pytest.mark.parametrize("text, target", [
    ("increase opportunity size of 2 large or strategic deals", None),
    ("Increase revenue of 20 stores to 30 Mil", 30e6),
    ("Increase customers to a total of 40 customers", 40),
    ("Increase NPS to a score of 40", 40),
])
def test_a_count_of_items_is_not_the_metrics_target(text, target):
    read = measure(text)
    assert read.has_number and read.target == target


@pytest.mark.parametrize("text, shown", [
    ("N1 IARR", "N1"), ("Grow revenue to TBD", "TBD"), ("X% of users activate in week one", "X%"),
    ("Earn $X in upsells", "$X"), ("Reach ?? signups", "??"), ("Raise conversion from 20% to X%", "X%"),
    ("Increase NPS from X to Y", "X"), ("Increase ... from ... to ...", "..."), ("Raise NPS to …", "…"),
])
def test_placeholders_leave_the_number_missing(text, shown):
    read = measure(text)
    assert (read.placeholder, read.has_number, read.target) == (shown, False, None)


@pytest.mark.parametrize("text", ["Post to X 3 times a week", "Grow followers on X from 2k to 5k",
                                  "Grow sales in N. America from 2 to 3 Mil USD", "Mark N/A answers in 5 days",
                                  "Close 20 issues of .../milestone/4", "Grow visits... from 2 to 3 a day"])
def test_letters_that_are_no_placeholders(text):
    read = measure(text)
    assert read.placeholder is None and read.has_number
