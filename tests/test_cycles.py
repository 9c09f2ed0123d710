"""Cycle labels as dates: the spellings of FORMATS.md, the elapsed share, and the next cycle."""
from datetime import date

import pytest

from okrkit.errors import InputError
from okrkit.formats.cycles import Cycle, parse_cycle


@pytest.mark.parametrize("text, label, start, end", [
    ("2025-Q1", "2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("Q1 2025", "2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("q4-2025", "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-H2", "2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("H1 2026", "2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
    ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("March 2025", "2025-03", date(2025, 3, 1), date(2025, 3, 31)),
])
def test_labels_map_to_start_and_end(text, label, start, end):
    cycle = parse_cycle(text)
    assert (cycle.label, cycle.start, cycle.end) == (label, start, end)


@pytest.mark.parametrize("text", ["Q5 2025", "2025-Q", "next quarter", "", "Smarch 2025"])
def test_unreadable_labels_raise_with_the_accepted_spellings(text):
    with pytest.raises(InputError, match="2025-Q1, Q1 2025"):
        parse_cycle(text, "sales.okr", 3)


def test_the_error_carries_file_and_line():
    with pytest.raises(InputError) as caught:
        parse_cycle("soon", "sales.okr", 3)
    assert (caught.value.path, caught.value.line) == ("sales.okr", 3)


def test_elapsed_share_is_clipped_to_the_cycle():
    cycle = parse_cycle("2025-Q1")  # 90 days
    assert cycle.elapsed(date(2024, 12, 1)) == 0.0
    assert cycle.elapsed(date(2025, 1, 14)) == pytest.approx(14 / 90)
    assert cycle.elapsed(date(2025, 3, 31)) == 1.0
    assert cycle.elapsed(date(2025, 6, 1)) == 1.0
    assert cycle.elapsed(cycle.day_at(0.5)) == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("label, following", [("2025-Q1", "2025-Q2"), ("2025-Q4", "2026-Q1"),
                                              ("2025-H2", "2026-H1"), ("2025", "2026"), ("2025-12", "2026-01")])
def test_next_cycle(label, following):
    assert parse_cycle(label).next().label == following


def test_contains_and_days():
    cycle = Cycle("quarter", 2025, 3)
    assert cycle.days == 92
    assert cycle.contains(date(2025, 9, 30)) and not cycle.contains(date(2025, 10, 1))
    assert str(cycle) == "2025-Q3"
