"""A metric is made of real words: what an English word list knows, and what nobody would."""
import pytest

from okrkit.text.vocabulary import is_known, unknown_words


@pytest.mark.parametrize("word", ["leads", "qualified", "reorders", "onboarding", "trial-to-paid", "marketing-sourced",
                                  "NPS", "MQLs", "CSAT", "Wh", "kg", "B2B", "24h", "outlet's", "Customers"])
def test_real_words_abbreviations_and_units_are_known(word):
    assert is_known(word)


@pytest.mark.parametrize("word", ["florps", "blarfs", "zindle", "glarbosity", "snorfs", "wumps"])
def test_made_up_words_are_not(word):
    assert not is_known(word)


def test_unknown_words_are_named_once_in_order():
    assert unknown_words("Increase florps and blarfs, then florps again, from 1 to 2") == ["florps", "blarfs"]
    assert unknown_words("Raise trial-to-paid conversion from 8% to 12%") == []
