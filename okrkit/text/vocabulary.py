"""Whether a word is English at all: "Increase florps from 1 to 2" measures nothing anyone can count.

A word is known when the wordfreq corpus (many sources, data in its wheel) has seen it often
enough, or when lemminflect's lexicon knows its forms. Short capitals (NPS, CSAT), units and
hyphenated compounds whose parts are words (trial-to-paid) count as known; a made-up word
does not, so a judge can refuse a metric nobody could measure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from okrkit.text import language
from okrkit.text.openers import lemmas

# wordfreq's Zipf scale: 3 is once per million words, 1 once per hundred million. Typos and
# made-up words ("florps", "blargs") score 0; rare real words ("reorders", "upsell") score above 1.
RARE_BUT_REAL = 1.0
_UNIT_OR_CODE = re.compile(r"^(?:[a-z]{1,3}|[a-z]+\d+[a-z\d]*|\d+[a-z]{1,3})$")


@lru_cache(maxsize=1 << 14)
def _frequency(word: str) -> float:
    from wordfreq import zipf_frequency  # its word lists load on first use, not at `import okrkit`

    return zipf_frequency(word, "en")


def is_known(word: str) -> bool:
    """Whether an English reader would recognise the word (any case, any inflection)."""
    if not any(ch.isalpha() for ch in word):
        return True
    if len(word) <= 6 and (word.isupper() or word[:-1].isupper() and word[-1] == "s"):  # NPS, CSAT, MQLs
        return True
    lower = word.lower().strip("'’-")
    if _UNIT_OR_CODE.match(lower) or _frequency(lower) >= RARE_BUT_REAL or bool(lemmas(lower)):
        return True
    parts = [p for p in re.split(r"['’\-]", lower) if p]
    return len(parts) > 1 and all(is_known(p) for p in parts)


def unknown_words(text: str) -> list[str]:
    """The words of a text no English word list knows, in order, each once."""
    seen: dict[str, None] = {}
    for word in language.words(text):
        if not is_known(word):
            seen.setdefault(word)
    return list(seen)
