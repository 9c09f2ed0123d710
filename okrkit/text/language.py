"""The words the rules listen for: verbs in any inflection, time frames, normalised text.

The course's rules speak of verbs ("a key result that opens with *send*") and of time frames
("Q4", "by EOY"). Matching them by hand in every rule would drift apart, so they live here.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

_IRREGULAR = {
    "build": ("built",), "deal": ("dealt",), "do": ("does", "did", "done"),
    "grow": ("grew", "grown"), "hold": ("held",), "keep": ("kept",),
    "make": ("made",), "run": ("ran",), "send": ("sent",), "set": (),
    "write": ("wrote", "written"), "cut": (), "lead": ("led",), "win": ("won",),
    "drive": ("drove", "driven"), "bring": ("brought",), "get": ("got", "gotten"),
}
_DOUBLING = {"plan", "ship", "run", "drop", "cut", "set", "get", "win", "stop", "chat"}


def inflections(verb: str) -> frozenset[str]:
    """Every form of a verb a learner might write: launch, launches, launching, launched."""
    forms = {verb, *_IRREGULAR.get(verb, ())}
    stem = verb + verb[-1] if verb in _DOUBLING else verb
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e") and not verb.endswith("ee"):
        forms |= {verb[:-1] + "ing", verb + "d"}
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb + "ing", verb[:-1] + "ied"}
    else:
        forms |= {stem + "ing", stem + "ed"}
    if verb.endswith("us"):
        forms |= {verb + "sed", verb + "sing"}
    if verb.endswith("ize"):
        forms |= inflections(verb[:-3] + "ise")
    return frozenset(forms)


class LazyPattern:
    """A regular expression compiled on first use: compiling every pattern of the kit up front
    would make `import okrkit` several times slower."""

    def __init__(self, source: str, flags: int = 0):
        self.source, self.flags = source, flags

    @cached_property
    def compiled(self) -> re.Pattern:
        return re.compile(self.source, self.flags)

    def __getattr__(self, name: str):
        # Kept on the instance: the next .match or .search is a plain attribute, not this call.
        value = self.__dict__[name] = getattr(self.compiled, name)
        return value


class VerbList:
    """A list of verbs and phrasal verbs ("set up"), matched in any inflection."""

    def __init__(self, *phrases: str):
        self.phrases = phrases
        alternatives = []
        for phrase in phrases:
            head, *particles = phrase.split()
            forms = "|".join(sorted(inflections(head), key=len, reverse=True))
            tail = "".join(rf"\s+{re.escape(p)}" for p in particles)
            alternatives.append(rf"(?:{forms}){tail}")
        self._body = "|".join(alternatives)
        # The words an opening can start with: checked first, so most texts skip the regex.
        self._first_words = frozenset({"to", "we"}.union(*(inflections(p.split()[0]) for p in phrases)))

    # The patterns are compiled on first use: compiling them all would slow `import okrkit`.
    # "Post-purchase NPS" or "Run-rate revenue" do not open with the verb "post" or "run".
    @cached_property
    def _opening_pattern(self) -> re.Pattern:
        return re.compile(rf"^(?:to\s+|we\s+(?:will\s+)?)?(?:{self._body})\b(?![-'’])", re.IGNORECASE)

    @cached_property
    def _anywhere_pattern(self) -> re.Pattern:
        return re.compile(rf"\b(?:{self._body})\b(?![-'’])", re.IGNORECASE)

    def opens(self, text: str) -> str | None:
        """The verb the text opens with, if it is one of ours."""
        stripped, first = _opening(text)
        if first is not None and first not in self._first_words:
            return None
        match = self._opening_pattern.match(stripped)
        return match.group(0) if match else None

    def mentions(self, text: str) -> bool:
        return bool(self._anywhere_pattern.search(text))


_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ K: re.I matches them to i, i, s, k


@lru_cache(maxsize=1 << 17)  # every verb list asks about the same texts, some ten times each
def _opening(text: str) -> tuple[str, str | None]:
    """The text as the verb lists read it, and its first word lower-cased (None when unsure).

    Every verb form, "to" and "we" are ASCII letters followed by a non-letter, so a match
    must open with exactly the first ASCII word; only the four letters re.I folds onto ASCII
    ones could make a longer word match, and then the regex decides.
    """
    stripped = text.strip().lstrip("*_\"'“ ").strip()
    end = _ASCII_LETTERS.match(stripped).end()
    if end < len(stripped) and stripped[end] in _FOLDS_TO_ASCII:
        return stripped, None
    return stripped, stripped[:end].lower()


VAGUE_OPENERS = VerbList(
    "focus on", "work on", "continue", "keep", "support", "help", "handle", "deal with", "look into"
)
METRIC_VERBS = VerbList(
    "increase", "reduce", "improve", "grow", "raise", "lower", "decrease", "cut", "boost",
    "lift", "drop",
)
INCREASE_VERBS = VerbList("increase", "grow", "raise", "boost", "lift", "expand", "double", "triple", "maximize")
DECREASE_VERBS = VerbList("reduce", "lower", "decrease", "cut", "drop", "shrink", "minimize", "halve", "slash")
MAINTAIN_VERBS = VerbList("maintain", "keep", "sustain", "stay", "hold", "remain")

_MONTHS = (
    "january|february|march|april|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_UNITS_OF_TIME = r"(?:days?|weeks?|months?|quarters?|years?)"
CALENDAR = LazyPattern(
    r"\b(?:"
    r"(?<!from )(?:19|20)\d\d(?:\s*[-/]?\s*(?:q[1-4]|h[12]))?(?!\s*(?:to|-|→)\s*\d)"  # 2025, 2025-Q1
    r"|fy\s*'?\d{2,4}"  # FY25
    r"|q[1-4]|h[12]"  # Q4, H1
    r"|eo[yqm]|end\s+of\s+(?:the\s+)?(?:year|quarter|month|half)"
    r"|(?:this|next|the\s+coming|coming)\s+(?:year|quarter|month|half)"
    rf"|(?:{_MONTHS})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    r"|(?:in|by|until|before)\s+May\b"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")"
    r")\b",
    re.IGNORECASE,
)
PERIOD = LazyPattern(
    rf"\b(?:in|within|over)\s+(?:the\s+)?(?:next\s+)?(?:\d+|one|two|three|four|five|six|nine|twelve|a)\s+{_UNITS_OF_TIME}\b",
    re.IGNORECASE,
)


# Every calendar span holds a digit or one of these; every period one of the _PERIOD_HINTS.
# In ASCII text re.I is plain lower-casing, so a text without any of them is skipped: the
# big patterns are tried at every character, the hints are one pass each.
_CALENDAR_HINTS = ("eo", "end", "this", "next", "coming", "may", *{month[:3] for month in _MONTHS.split("|")})
_PERIOD_HINTS = ("day", "week", "month", "quarter", "year")
_DIGIT = re.compile(r"\d")


def _lacks(text: str, hints: tuple[str, ...]) -> bool:
    """Whether the text is ASCII and holds none of the hints."""
    if not text.isascii():
        return False
    lower = text.lower()
    return not any(hint in lower for hint in hints)


def calendar_spans(text: str) -> list[tuple[int, int]]:
    """Spans naming a point or stretch of the calendar: 2025, Q4, EOY, June 30, 2025-06-30."""
    if not _DIGIT.search(text) and _lacks(text, _CALENDAR_HINTS):
        return []
    return [m.span() for m in CALENDAR.finditer(text) if m.group(0).lower() != "may"]


def time_frames(text: str) -> list[tuple[int, int]]:
    """Spans that name a time frame: calendar ones and periods such as "in 6 months"."""
    periods = [] if _lacks(text, _PERIOD_HINTS) else [m.span() for m in PERIOD.finditer(text)]
    return sorted(calendar_spans(text) + periods)


def names_time_frame(text: str) -> bool:
    return bool(time_frames(text))


def without_time_frames(text: str) -> str:
    """The text with its time frames blanked out, keeping every other position in place."""
    for start, end in reversed(time_frames(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


_PUNCTUATION = re.compile(r"[^\w\s.%]|(?<!\d)\.|\.(?!\d)|_")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 18)  # two forms of every text of a 5,000-set organisation
def normalise(text: str, numbers: bool = True) -> str:
    """Text compared for sameness: case, spaces, punctuation and number formatting ignored.

    With ``numbers=False`` every quantity is dropped, so two key results that track the same
    metric with different targets normalise to the same text.
    """
    from okrkit.text.numbers import canonical_numbers

    text = canonical_numbers(text.lower(), keep=numbers)
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
