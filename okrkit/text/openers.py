"""How a key result opens: with a verb naming work (a task), a result verb, or no verb at all.

The course's rule (OKR204) is about the opening verb: "Send out 3 email campaigns" is a task,
"Increase customer satisfaction score from 25 to 40" an outcome. No list of task verbs is
ever complete ("Audit ...", "Undertake ...", "Finish ..."), so the rule is turned around: any
opening verb names work, except a closed class of result verbs. Whether the first word is a
verb at all comes from lemminflect's English lexicon and the words around it: "Hiring
managers report ..." and "Average response time under 2 hours" open with noun phrases.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from okrkit.text import language

# The result verbs of RULES.md (OKR204 clarifications): change, keep and attainment verbs.
RESULT_VERBS = language.VerbList(
    # change verbs (OKR205)
    "increase", "raise", "grow", "reduce", "cut", "lower", "decrease", "improve", "boost", "lift",
    "drop", "double", "halve", "triple", "quadruple", "expand", "shrink", "accelerate", "speed up",
    "minimise", "minimize", "maximise", "maximize", "optimise", "optimize", "shorten", "slash",
    # keep verbs (OKR207)
    "maintain", "keep", "sustain", "stay", "hold", "remain",
    # attainment verbs
    "achieve", "reach", "attain", "hit", "exceed", "win", "sign", "close", "acquire", "attract",
    "convert", "retain", "gain", "earn", "secure", "land", "save", "get", "bring", "generate",
    "resolve", "ensure", "eliminate", "restore", "shift", "add", "pull in", "be", "become", "have",
)
# The verbs RULES.md names as work: they are tasks in any form, even where a lexicon also
# knows them as nouns ("Plan", "Draft") or does not know them at all ("rollout").
WORK_VERBS = language.VerbList(
    "send", "write", "run", "launch", "build", "create", "develop", "implement", "hire", "attend",
    "publish", "organize", "organise", "conduct", "host", "set up", "prepare", "design", "plan",
    "complete", "deliver", "ship", "post", "make", "do", "introduce", "roll out", "rollout", "source",
    "train", "audit", "define", "describe", "document", "draft", "establish", "finish", "fine-tune",
    "fine tune", "identify", "include", "merge", "schedule", "track", "tune", "undertake", "close out",
)
_MONEY_AFTER = language.LazyPattern(r"^\s*(?:[$€£]\s?\d|\d[\d,.]*\s*[kKmM]?\s*(?:usd|eur|gbp|chf|dollars|euros|pounds)\b)",
                          re.IGNORECASE)
_LABEL = language.LazyPattern(r"^[^\W\d_]+\s*(?:[-–—:]\s)")
# Words that show the opener is a verb with an object: "Draft *a* growth path", "Hire *5* engineers".
_OBJECT_STARTERS = frozenset({
    "a", "an", "the", "our", "your", "their", "its", "my", "his", "her", "this", "that", "these",
    "those", "all", "each", "every", "new", "more", "some", "any", "out", "up", "at", "least",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "twenty", "fifty", "hundred", "dozen", "several", "another", "both", "it", "them",
})
# What follows a metric's name when it states the metric's value: "... *under 2 hours*".
_STATES_VALUE = language.LazyPattern(
    r"^\s*(?:of|at|under|below|above|over|from|to|is|are|stays?|reaches|<|>|≤|≥|=|:|~|"
    r"less\s+than|more\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|down\s+to|of\s+at\s+least)"
    r"(?:\s|(?=[\d$€£<>]))",
    re.IGNORECASE,
)
# A share of work done to a standard of time is a service level, an outcome (RULES.md):
# a percentage and a time standard, in either order.
_SHARE = language.LazyPattern(r"\d\s*(?:%|percent\b|per\s?cent\b)|\b\d+\s+(?:of|out\s+of)\s+\d+\b", re.IGNORECASE)
_TIME_STANDARD = language.LazyPattern(
    r"\b(?:within|in\s+under|in\s+less\s+than|in\s+fewer\s+than|under|in)\s+"
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|ten|twelve|twenty|thirty|a|an)\s*-?\s*"
    r"(?:(?:business|working|calendar)\s+)?(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|seconds?|s)\b"
    r"|\b(?:on\s+time|same\s+day|first\s+contact|first\s+call)\b",
    re.IGNORECASE,
)


def is_service_level(text: str) -> bool:
    """"Resolve 90% of tickets within 24 hours", "Patch vulnerabilities within 7 days, from 60% to 100%"."""
    return bool(_SHARE.search(text)) and bool(_TIME_STANDARD.search(text))


_TOKEN = language.LazyPattern(r"[^\W_]+(?:['’\-][^\W_]+)*|[$€£<>≤≥=:~]|\d")
# English's closed classes (prepositions, conjunctions, determiners, pronouns): never part of a
# metric's name. The lexicon knows open-class words only, so these are listed.
_FUNCTION_WORDS = _OBJECT_STARTERS | frozenset({
    "of", "with", "for", "in", "on", "by", "and", "or", "but", "from", "into", "onto", "to", "per",
    "within", "under", "below", "above", "over", "across", "through", "via", "about", "after",
    "before", "during", "without", "between", "among", "against", "toward", "towards", "so", "as",
    "than", "while", "where", "when", "which", "who", "whom", "whose", "what", "we", "you", "they",
    "he", "she", "i", "us", "is", "are", "was", "were", "be", "been", "will", "shall", "can", "must",
})


@cache
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The word's readings in lemminflect's lexicon, by part of speech: {"VERB": ("send",), ...}."""
    from lemminflect import getAllLemmas  # its data loads on first use, not at `import okrkit`

    return getAllLemmas(word)


def _is_verb(word: str) -> bool:
    return "VERB" in lemmas(word)


def _is_noun_like(word: str) -> bool:
    """A word that can go on a noun phrase: a noun, an adjective, or a word the lexicon lacks (NPS, CSAT)."""
    if word in _FUNCTION_WORDS or not word[:1].isalpha():
        return False
    readings = lemmas(word)
    return not readings or bool({"NOUN", "ADJ", "PROPN"} & readings.keys())


def _is_plural_noun(word: str) -> bool:
    return word not in lemmas(word).get("NOUN", (word,))


def _is_third_person(word: str) -> bool:
    """Audits, handles: the -s form of a verb."""
    return word.endswith("s") and word not in lemmas(word).get("VERB", (word,))


def _is_participle(word: str) -> bool:
    return word.endswith(("ing", "ed", "en")) and word not in lemmas(word).get("VERB", (word,))


_AFTER_A_VERB = frozenset({"from", "to", "by", "that", "above", "below", "at", "over", "under", "$", "€", "£"})


def _subject_then_verb(tokens: list[str]) -> bool:
    """Whether the text opens with a noun phrase and then its verb: "Hiring managers *report* that ..."."""
    for i in range(2, min(len(tokens), 7)):
        if not _is_noun_like(tokens[i - 1]):
            return False
        word, before = tokens[i], tokens[i - 1]
        if not _is_verb(word):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _is_third_person(word) and (after[:1].isdigit() or after in _AFTER_A_VERB):
            return True  # "Total revenue reaches $2M"
        if _is_plural_noun(before) and word in lemmas(word)["VERB"]:
            return True  # "Support tickets drop from 200 to 100": a plural subject, a verb's base form
    return False


def _opening_words(text: str) -> str:
    text = text.strip().lstrip("*_\"'“ ").strip()
    return re.sub(r"^(?:to\s+|we\s+(?:will\s+|shall\s+|must\s+)?)", "", text, flags=re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def task_opener(text: str) -> str | None:
    """The words a key result opens with when they name work the team does, else None."""
    stripped = _opening_words(text)
    if not stripped or _LABEL.match(stripped):
        return None  # "Update - IPFS can quickly update ...": a label, not an opening verb
    work = WORK_VERBS.opens(stripped)
    if work and work.split()[0].lower() in language.inflections("make") and _MONEY_AFTER.match(stripped[len(work):]):
        return None  # "make £15,000 a month" is attainment
    if RESULT_VERBS.opens(stripped) and not (work and " " in work):
        return None  # a result verb; "close out" is work although "close" is not
    if is_service_level(stripped):
        return None  # "Complete 80% of onboarding calls within 10 days" is a service level
    tokens = [t.lower() for t in _TOKEN.findall(stripped[:300])]
    first = tokens[0] if tokens else ""
    if not work and ("-" in first or not _is_verb(first) or _is_third_person(first)):
        # "Post-purchase NPS" is a compound noun, "Customer satisfaction rises" a noun phrase,
        # "Handles correctly a scenario ..." says what a product does
        return None
    if _subject_then_verb(tokens):
        return None
    opener = work or stripped.split()[0]
    readings = lemmas(first).keys()
    if " " in opener or len(tokens) == 1 or (readings and not ({"NOUN", "ADJ"} & readings or _is_participle(first))):
        return opener  # a phrasal verb, or a word that can only be a verb here
    # The first word can be a noun or an adjective as well as a verb: read what follows.
    following, rest = tokens[1], stripped[len(opener):]
    if following in _OBJECT_STARTERS or following[:1].isdigit() or following in "$€£":
        return opener  # "Draft a growth path", "Audit 5 suppliers"
    if following in {"of", "per"} or _STATES_VALUE.match(rest):
        return None  # "Number of active users ...", "Churn below 2%"
    for token in _TOKEN.finditer(rest):
        if not _is_noun_like(token.group(0).lower()):
            # the end of the noun run: a metric's name when its value follows ("Average response
            # time under 2 hours"), else the object of a verb ("Audit current blog process every 2 weeks")
            return None if _STATES_VALUE.match(rest[token.start():]) else opener
    return opener
