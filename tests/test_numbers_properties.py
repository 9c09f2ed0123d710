"""The number reader on any text: it never fails, and reads back the numbers a learner wrote."""
import math
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from okrkit.text.numbers import canonical_numbers, measure, quantities

PIECES = ["from", "to", "by", "up", "down", "of", "at least", "%", "percent", "$", "€", "£", "1", "0", "20", "30",
          "1,000", "1.5", ".5", "k", "M", "Mil", "bn", "USD", "weeks", "days", "ms", "3x", "x", "increase",
          "reduce", "double", "halve", "in half", "two-fold", "maintain", "keep", "Q1", "2025", "EOY", "June 30",
          "three", "hundred", "and", "twenty-one", "->", "→", "version", "tier-1", "#", "-", "0.0000001",
          "9" * 400, "٢٠", "１２", "⟨0⟩", "\t", "\n"]
KEY_RESULT_LIKE = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=30).map(" ".join)
ANY_TEXT = st.one_of(st.text(), KEY_RESULT_LIKE)


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_any_text_is_read_without_failing(text):
    found = quantities(text)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.value >= 0 and not math.isnan(q.value)
    assert [q.start for q in found] == sorted(q.start for q in found)
    read = measure(text)
    assert read.direction in (None, "increase", "decrease", "maintain")
    assert read.has_number or (read.baseline is None and read.target is None)
    canonical_numbers(text), canonical_numbers(text, keep=False)


def test_extreme_numbers_are_read_without_failing():
    tiny, huge = "0." + "0" * 318 + "5", "9" + "0" * 305
    for text in (f"Grow revenue from {tiny} to {huge} Mil USD", f"Grow revenue from {huge} to {huge}M",
                 f"Cut wait from {tiny} to {huge} ms"):
        assert measure(text).has_number


AMOUNT = st.integers(0, 999) | st.integers(10_000, 10 ** 9)  # four digits could be a year, 2025
METRIC = st.sampled_from(["revenue", "NPS", "active accounts", "qualified leads", "page load time", "churn"])


@settings(max_examples=300, deadline=None)
@given(AMOUNT, AMOUNT, METRIC, st.sampled_from(["", "%", " USD"]), st.booleans())
def test_from_to_is_read_back_exactly(start, end, metric, unit, commas):
    assume(start != end)
    write = "{:,}".format if commas else str
    verb = "Increase" if end > start else "Reduce"
    read = measure(f"{verb} {metric} from {write(start)}{unit} to {write(end)}{unit}")
    assert (read.baseline, read.target) == (start, end)
    assert read.direction == ("increase" if end > start else "decrease")
    assert read.contradiction is None
    wrong = "Reduce" if verb == "Increase" else "Increase"
    assert measure(f"{wrong} {metric} from {write(start)}{unit} to {write(end)}{unit}").contradiction


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 10 ** 9))
def test_one_number_written_two_ways_compares_equal(number):
    assert canonical_numbers(f"Reach {number:,} users") == canonical_numbers(f"Reach {number} users")


GLUED = st.lists(st.sampled_from(PIECES + ["a$5 usd.b", "x£2 gbp.y", "5 usd.abc", "İ", "é", "1st", "s"]),
                 max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(st.one_of(ANY_TEXT, GLUED), st.booleans())
def test_words_key_is_read_off_the_normalised_text(text, with_numbers):
    """What lets the alignment rules group texts by the cheap key before normalising: the key
    is a function of the normalised text, so texts that normalise alike share it."""
    from okrkit.text import numbers
    from okrkit.text.language import normalise

    words = re.findall(r"[a-z]+", normalise(text, numbers=with_numbers).lower())
    assert numbers.words_key(text, with_numbers) == "".join(w for w in words if w not in numbers._NUMBER_LETTERS)


@settings(max_examples=800, deadline=None)
@given(st.one_of(ANY_TEXT, GLUED))
def test_the_fast_number_scan_finds_what_a_full_scan_finds(text):
    from okrkit.text import numbers

    def found(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert found(numbers._quantity_matches(text)) == found(numbers._QUANTITY.finditer(text))
