"""What a key result counts: the team's own output, or a change it causes (OKR209).

"Increase newsletters sent from 4 to 12" opens with a result verb yet counts the team's own
work: twelve newsletters can go out and nothing change. A count of what others do because of
the work ("demo requests", "outlet owners who reorder") is an outcome. Two signs tell an
output: a thing counted with the team's making-verb beside it ("newsletters *sent*",
"*published* articles", "posts *authored by the team*"), or a count of the kinds of thing a
team produces (meetings, campaigns, webinars, releases) with nobody else in the phrase.
"""
from __future__ import annotations

import re
from functools import lru_cache

from okrkit.text import openers
from okrkit.text.numbers import Measure

# Verbs of making and holding, the RULES.md examples (send, publish, hold, run, make, ship,
# write, deliver) and their near kin; matched through the lexicon in any form.
_MAKING = frozenset({
    "send", "publish", "hold", "run", "make", "ship", "write", "deliver", "author", "produce", "release",
    "launch", "host", "organize", "organise", "conduct", "create", "build", "post", "give", "record",
    "complete", "do", "execute", "perform", "submit", "draft", "design", "develop", "implement",
    "deploy", "attend", "schedule", "book", "present", "film", "edit", "print", "distribute", "air",
    "stream", "broadcast", "blog", "tweet", "email", "mail", "stage", "code", "merge",
})
# Kinds of thing a team turns out; counted bare, they measure activity, not its effect.
_DELIVERABLES = frozenset({
    "newsletter", "post", "article", "blog", "workshop", "webinar", "campaign", "call", "meeting",
    "event", "feature", "release", "video", "email", "mailing", "stream", "session", "training",
    "demo", "presentation", "report", "podcast", "episode", "tweet", "ad", "advert", "advertisement",
    "brochure", "flyer", "whitepaper", "ebook", "tutorial", "guide", "course", "meetup", "conference",
    "talk", "interview", "pitch", "proposal", "prototype", "mockup", "deployment", "handbook",
    "case-study", "infographic",
})
_TEAM = re.compile(r"^\s*by\s+(?:the\s+|our\s+|my\s+)?(?:team|us|me|we|ourselves|staff|marketing|sales)\b",
                   re.IGNORECASE)
_BY_OTHERS = re.compile(r"^\s*(?:by|from|with|for)\s+(?!the\s+team|our\s+team|us\b)", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d[\d,.]*|\S")
_STOP = frozenset({"from", "to", "by", "per", "in", "at", "each", "every", "a", "an", "this", "that", "who",
                   "which", "with", "for", "of", "on", "over", "across", "within", "under", "above", "below"})


def _verb_lemmas(word: str) -> tuple[str, ...]:
    return openers.lemmas(word).get("VERB", ())


# Word readings are asked about every word of every key result: remembered per word, a
# 60,000-key-result organisation asks the lexicon a few thousand times instead of a million.
_WORDS_REMEMBERED = 1 << 16


@lru_cache(maxsize=_WORDS_REMEMBERED)
def _is_participle_of_making(word: str) -> bool:
    """Sent, published, held, written: a past form of a making verb (not its base form)."""
    return word not in _verb_lemmas(word) and any(lemma in _MAKING for lemma in _verb_lemmas(word)) \
        and not word.endswith(("ing", "s"))


@lru_cache(maxsize=_WORDS_REMEMBERED)
def _noun_lemma(word: str) -> str:
    nouns = openers.lemmas(word).get("NOUN", ())
    return nouns[0] if nouns else word


@lru_cache(maxsize=_WORDS_REMEMBERED)
def _is_plural(word: str) -> bool:
    nouns = openers.lemmas(word).get("NOUN", ())
    return bool(nouns) and word not in nouns or (not nouns and word.endswith("s") and len(word) > 3)


@lru_cache(maxsize=1 << 16)
def _output_phrase(text: str) -> str | None:
    head = text[:300]
    tokens = _TOKEN.findall(head)
    words = [token.lower() for token in tokens]
    ends = None  # where each token ends: found only for a text with a making-verb in it (few are)
    for i, word in enumerate(words):
        if not _is_participle_of_making(word):
            continue
        if ends is None:
            ends = [match.end() for match in _TOKEN.finditer(head)]
        after = text[ends[i]:]
        before = words[i - 1] if i else ""
        # "newsletters sent", "posts authored by the team" (but "reviews written by customers")
        if before and before not in _STOP and _is_plural(before) and (
                _TEAM.match(after) or not re.match(r"^\s*by\b", after, re.IGNORECASE)):
            return f"{tokens[i - 1]} {tokens[i]}"
        # "published articles", "shipped features"
        if i + 1 < len(words) and _is_plural(words[i + 1]) and words[i + 1] not in _STOP \
                and not (i == 0 or words[i - 1] in {"to", "we"}):
            return f"{tokens[i]} {tokens[i + 1]}"
    return None


def _counted_head(text: str) -> str | None:
    """The noun a key result counts, when it counts a bare number of things: "trade-fair *meetings*"."""
    tokens = _TOKEN.findall(text[:300])
    start = 1 if tokens and (openers.RESULT_VERBS.opens(text) or openers.task_opener(text)) else 0
    run: list[str] = []
    for token in tokens[start:]:
        word = token.lower()
        if word in _STOP or not word[:1].isalpha() or word in {"the", "our", "number", "amount", "count"}:
            if run:
                break
            continue
        run.append(token)
    if not run:
        return None
    head = run[-1].lower()
    return run[-1] if _noun_lemma(head) in _DELIVERABLES and _is_plural(head) else None


def output_counted(text: str, measure: Measure) -> str | None:
    """The phrase naming the team's own output that a key result counts, or None for an outcome."""
    if not measure.has_number or measure.unit not in (None, "x"):
        return None  # a rate, an amount of money or a time is not a count of outputs
    return _output_phrase(text) or _counted_head(text)
