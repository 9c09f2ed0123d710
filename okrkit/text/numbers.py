"""Reading the numbers in a key result as people write them.

"Increase revenue from 20 to 30 Mil USD", "NPS of 40 (up from 25)", "by 30%", "$1.8M",
"three new press mentions", "from 2 weeks to 3 days": the rules and the scoring need the
baseline, the target, the unit and the direction behind such text. :func:`measure` reads
them; :func:`quantities` finds every number with its unit.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from okrkit.text import language

_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mil": 1e6, "mio": 1e6, "mn": 1e6, "million": 1e6,
    "millions": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_CURRENCY_WORDS = {
    "usd": "USD", "dollars": "USD", "dollar": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "gbp": "GBP", "pounds": "GBP", "chf": "CHF",
}
_SECONDS = {
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "week": 604800, "weeks": 604800, "wk": 604800, "wks": 604800,
    "month": 2629800, "months": 2629800, "quarter": 7889400, "quarters": 7889400,
    "year": 31557600, "years": 31557600,
}
_MEASURE_UNITS = {
    "x", "gb", "mb", "tb", "kb", "kg", "g", "km", "t", "tons", "points", "pts", "pt", "pp",
    "stars", "star", "bps", "ms", "fps", "kwh", "mwh", "co2",
}
# A number after one of these words names a thing, not an amount: "version 2.0", "tier 1".
_LABEL_WORDS = {"version", "release", "v", "web", "industry", "phase", "level", "tier", "step", "stage",
                "gen", "generation", "iso", "covid", "model", "series", "season", "chapter", "sprint"}
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ATTACHED_UNITS = {"ms", "s", "sec", "min", "mins", "h", "hr", "hrs", "d", "wk", "x", "gb", "mb", "tb", "kb",
                   "kg", "km", "pp", "pts", "kwh", "mwh", "bps", "fps"}
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "twice": 2,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}

# Case-insensitive, so that a key result may open with one ("Two daemons ...", "TEN new partners").
_LOWER_WORD_NUMBER = "|".join([*_NUMBER_WORDS, *_SCALES])
_WORD_NUMBER = f"(?i:{_LOWER_WORD_NUMBER})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_QUANTITY = language.LazyPattern(
    r"(?P<cur>[$€£])?\s?"
    rf"(?:(?<![A-Za-z_\d.,])(?<![A-Za-z]-)(?P<num>{_DIGITS})"
    rf"|\b(?P<words>(?:{_WORD_NUMBER})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD_NUMBER}))*)\b)"
    # A lower-case "m" is a million only after a currency sign ("$1m"); "5m" alone may be minutes or metres.
    r"(?:(?P<mult>[kKMB]|(?(cur)m|(?!)))(?!\w)|\s?(?P<multword>bn|mn|mil|Mil|MIL|mio|Mio|millions?|billion|thousand)(?![A-Za-z]))?"
    r"(?P<pct>\s?%|\s?percent\b|\s?per\s?cent\b|\s?percentage points?\b)?"
    r"(?P<attached>[A-Za-z]+)?",
)
_UNIT_AFTER = language.LazyPattern(r"\s*([A-Za-z€$£][A-Za-z₂]*\.?)")


@dataclass(frozen=True)
class Quantity:
    """One number in a text with what it counts: 30 Mil USD, 90%, 2 weeks, three (mentions)."""

    value: float
    raw: str
    start: int
    end: int
    unit: str | None = None  # "%", a currency code, a unit of time or measure, or None
    seconds: float | None = None  # for durations: the value in seconds, to compare units
    counted: str | None = None  # the noun a bare count counts ("three *mentions*")
    written_as_word: bool = False
    multiplier: float = 1.0  # 1e6 for "30 Mil", so "from 20 to 30 Mil" can share it

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_money(self) -> bool:
        return self.unit in {"USD", "EUR", "GBP", "CHF"}

    @property
    def is_measure(self) -> bool:
        """A measured amount (percent, money, duration, unit, decimal) rather than a count."""
        return self.unit is not None or ("." in self.raw and not self.written_as_word)

    @property
    def comparable(self) -> float:
        return self.seconds if self.seconds is not None else self.value


def _words_value(text: str) -> float:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[word]
            current = 0.0
    return total + current


def _unit(word: str) -> tuple[str | None, float | None]:
    """The unit a word names, and its length in seconds when it is a unit of time."""
    key = word.lower().rstrip(".")
    if key in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[key], None
    if key in _SECONDS:
        return key, _SECONDS[key]
    if key in _MEASURE_UNITS:
        return key, None
    return None, None


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether a position falls in one of the sorted, non-overlapping spans (a bisection, so
    a long text with many dates stays linear)."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _word_before(text: str, position: int) -> str:
    """The ASCII word just before a position, across spaces, '#' and '-' ("version 2", "tier-1").

    Walks back from the position instead of searching from the start of the text, so that a
    long line of numbers stays linear.
    """
    end = position
    while end and (text[end - 1].isspace() or text[end - 1] in "#-"):
        end -= 1
    start = end
    while start and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return text[start:end]


# Texts are read once and remembered: an organisation of 5,000 sets holds some 75,000 of them.
CACHED_TEXTS = 1 << 17

# Where _QUANTITY can match: a run of digits (or a point) or a number word; a match starts at
# most two characters earlier ("$ 5"). Trying the full pattern only there is much faster than
# letting finditer try it at every character, and finds exactly the same matches.
# (Lower-case words are tried case-sensitively: the case-insensitive alternation is slower, and
# only needed where a word opens with a capital.)
_NUMBER_START = language.LazyPattern(
    rf"[\d.]+|\b(?=[zotfsenhdbmw])(?:{_LOWER_WORD_NUMBER})|\b(?=[ZOTFSENHDBMW])(?:{_WORD_NUMBER})")
# A calendar span that can hide a number holds a year, a date, "FY" or a month name.
_DATE_DIGITS = language.LazyPattern(r"\d(?:(?<=[12])[09]\d\d|[./-]\d)")
_MONTH_WORDS = frozenset(language._MONTHS.split("|"))
_MONTH_STEMS = frozenset(word[:3] for word in _MONTH_WORDS)
_LOWER_WORDS = language.LazyPattern(r"[a-z]+")


def _quantity_matches(text: str):
    """The matches of ``_QUANTITY.finditer(text)``, found faster (see _NUMBER_START)."""
    position = 0
    for candidate in _NUMBER_START.finditer(text):
        start = candidate.start()
        if start < position:
            continue
        if start - 1 >= position and (text[start - 1] in "$€£" or text[start - 1].isspace()):
            start -= 1
            if text[start].isspace() and start - 1 >= position and text[start - 1] in "$€£":
                start -= 1
        if match := _QUANTITY.match(text, start):
            position = match.end()
            yield match


def _may_hide_numbers(text: str) -> bool:
    """Whether a calendar span could cover a number (cheaper than finding the spans)."""
    lower = text.lower()
    if _DATE_DIGITS.search(text) or "fy" in lower:
        return True
    # Every month word holds one of these stems: only then are the words worth splitting out.
    return any(stem in lower for stem in _MONTH_STEMS) and not _MONTH_WORDS.isdisjoint(_LOWER_WORDS.findall(lower))


_GROUPS = ("cur", "num", "words", "mult", "multword", "pct", "attached")
# Addresses name a page, not an amount: ".../milestone/20", "https://example.org/q/3", "issues/20".
_ADDRESS = language.LazyPattern(r"(?:https?://|www\.)\S+|[^\s/]*[A-Za-z][^\s/]*/\S*/\S*|\b[A-Za-z]+/\d\S*")
# An ordinal ranks ("the 1st CAB event"); it is a target only as a place ("reach 1st place").
_PLACE = language.LazyPattern(r"\s+(?:place|position|rank|spot|percentile)\b", re.I)
# A bare decimal followed by one of these names a version ("multistream 2.0 is implemented").
_VERSION_FOLLOWERS = frozenset({
    "is", "are", "was", "were", "will", "has", "have", "gets", "ships", "shipped", "released", "release",
    "ready", "support", "supported", "compatible", "beta", "alpha", "rc", "launch", "launched", "api", "spec"})


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are no amounts: calendar dates and addresses, sorted."""
    blocked = language.calendar_spans(text) if _may_hide_numbers(text) else []
    if "/" in text:
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        if addresses:
            blocked = _merged(blocked + addresses)
    return blocked


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_WORD_AFTER = language.LazyPattern(r"[-\s]([A-Za-z]+)")


def _names_no_amount(text: str, end: int, words: str) -> bool:
    """Whether a number word is part of a phrase rather than an amount: a compound ("one-click",
    "two-factor"; "two-week" keeps its unit) or "one of" ("One of the top 3 vendors")."""
    after = _WORD_AFTER.match(text, end)
    if not after:
        return False
    word = after.group(1).lower()
    if text[end] == "-":
        return word not in _SECONDS and word not in _MEASURE_UNITS and word not in _NUMBER_WORDS
    return word == "of" and words.lower() == "one"


def _names_version(text: str, end: int, raw: str) -> bool:
    """Whether a bare decimal ending at ``end`` is a version: "2.0 is implemented", "1.2.3"."""
    if text.startswith(".", end) and end + 1 < len(text) and text[end + 1].isdigit():
        return True
    after = _UNIT_AFTER.match(text, end)
    return "." in raw and after is not None and after.group(1).lower().rstrip(".") in _VERSION_FOLLOWERS


@lru_cache(maxsize=CACHED_TEXTS)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in the text (digits or words) with its unit; calendar dates excluded."""
    blocked = _blocked_spans(text)
    blocked_starts = [b_start for b_start, _ in blocked]
    found = []
    for match in _quantity_matches(text):
        # All groups in one call: read one by one, they cost more than the rest of the loop.
        cur, num, words, mult, multword, pct, attached = match.group(*_GROUPS)
        number_start = match.start("num" if num else "words")
        if blocked and _inside(blocked, blocked_starts, number_start):
            continue
        if not cur and _word_before(text, match.start()).lower() in _LABEL_WORDS:
            continue
        unit, seconds = None, None
        if attached and attached.lower() in ("st", "nd", "rd", "th") and num:
            if not _PLACE.match(text, match.end()):
                continue  # an ordinal ranks: "the 1st CAB event"
        elif attached:
            if attached.lower() in _ATTACHED_UNITS and (attached.islower() or attached.lower() in _MEASURE_UNITS):
                unit, seconds = _unit(attached)
            else:
                continue  # part of a word or code such as "3D" or "4G"
        if words and _names_no_amount(text, match.end(), words):
            continue
        value = float(num.replace(",", "")) if num else _words_value(words)
        multiplier = _MULTIPLIERS[(mult or multword).lower()] if (mult or multword) else 1.0
        value *= multiplier
        start, end = match.span()
        if not cur:
            start = number_start
        counted = None
        if pct:
            unit = "%"
        elif not unit:
            if num and not cur and multiplier == 1 and _names_version(text, end, num):
                continue
            after = _UNIT_AFTER.match(text, end)
            if after:
                unit, seconds = _unit(after.group(1))
                if unit:
                    end = after.end()
                else:
                    counted = after.group(1).lower()
        if cur:
            unit = _CURRENCY_SYMBOLS[cur]  # a currency sign wins over any unit read after the number
        if seconds is not None:
            seconds *= value
        found.append(Quantity(value, text[start:end].strip(), start, end, unit, seconds, counted,
                              not num, multiplier))
    return tuple(found)


def _shared_unit(first: Quantity, second: Quantity) -> Quantity:
    """The first number of "from 20 to 30 Mil USD" takes the unit and multiplier written once."""
    value, unit = first.value, first.unit or second.unit
    if first.multiplier == 1 and second.multiplier != 1 and first.value and second.value:
        scaled = first.value * second.multiplier
        target = math.log(second.value)  # compared as logs: a ratio of extreme numbers underflows to 0
        if abs(math.log(scaled) - target) < abs(math.log(first.value) - target):
            value = scaled
    seconds = first.seconds
    if seconds is None and second.seconds is not None and not first.unit and second.value:
        seconds = value * second.seconds / second.value
    return Quantity(value, first.raw, first.start, first.end, unit, seconds, first.counted, first.written_as_word,
                    first.multiplier)  # built directly: replace() is slow, and this runs for every key result


@dataclass(frozen=True)
class Measure:
    """The parsed view of a key result: where it starts, where it must get to, which way."""

    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    direction: str | None = None  # "increase" | "decrease" | "maintain" | None
    relative_change: float | None = None  # +0.30 for "by 30%", -0.5 for "halve"
    change: float | None = None  # an absolute change: "by 10 points"
    has_number: bool = False
    contradiction: str | None = None  # why the numbers cannot be a target, if they cannot
    placeholder: str | None = None  # "TBD", "X%", "$X", "??": where the number is still to be written


_RELATIVE_VERBS = tuple((language.VerbList(verb), change)
                        for verb, change in (("double", 1.0), ("triple", 2.0), ("quadruple", 3.0), ("halve", -0.5)))
_FOLD = language.LazyPattern(rf"\b(?P<times>{'|'.join(_NUMBER_WORDS)}|\d+)[\s-]?fold\b|\b(?:in|by)\s+half\b", re.I)


def _fold(text: str):
    """The first "3-fold" or "in half" in the text, if any.

    Searching _FOLD tries its word list at every character; a text without "fold" or "half"
    (most of them) cannot match, so it is skipped. Only ASCII letters match f, o, l, d, h and
    a under re.I, so the lower-cased text tells exactly.
    """
    lower = text.lower()
    if "fold" not in lower and "half" not in lower:
        return None
    return _FOLD.search(text)


def _marked(text: str, found: tuple[Quantity, ...]) -> str:
    """The text with each quantity replaced by a marker ⟨i⟩, for pattern matching."""
    pieces, last = [], 0
    for index, quantity in enumerate(found):
        pieces += [text[last:quantity.start], f"⟨{index}⟩"]
        last = quantity.end
    pieces.append(text[last:])
    return "".join(pieces)


_FROM_TO = language.LazyPattern(r"\bfrom\s+(?:an?\s+|the\s+)?(?:[^\W\d]+\s+){0,1}⟨(\d+)⟩[^⟨]{0,40}?\s*(?:\bto\b|→|->)\s*(?:[^\W\d]+\s+){0,2}⟨(\d+)⟩", re.I)
_ARROW = language.LazyPattern(r"⟨(\d+)⟩\s*(?:→|->)\s*⟨(\d+)⟩")
_UP_DOWN_FROM = language.LazyPattern(r"\b(up|down)\s+from\s+⟨(\d+)⟩", re.I)
_BY_RELATIVE = language.LazyPattern(r"\bby\s+\+?⟨(\d+)⟩", re.I)
_PLUS = language.LazyPattern(r"(?<![\w⟩])\+\s?⟨(\d+)⟩")  # "NPS +1", "+15% conversion": a change, not a target
# The target first, its baseline after: "to 75 % from current 45 %".
_TO_FROM = language.LazyPattern(r"\bto\s+(?:[^\W\d]+\s+){0,2}⟨(\d+)⟩[^⟨]{0,40}?\bfrom\s+(?:[^\W\d]+\s+){0,2}⟨(\d+)⟩", re.I)
# Words before "of N" that make N the metric's value ("a total of 40 customers"), not a count of
# the items the metric is about ("opportunity size of 2 large deals").
_VALUE_OF = frozenset({"total", "minimum", "maximum", "average", "least", "most", "sum", "score", "rate",
                       "level", "value", "target", "goal", "number", "count"})
# Where a template's number was never filled in: "TBD", "??", "X%", "$X", "N1 IARR", "from X to Y",
# "from ... to ..." (the kit's own blank draft writes that).
# The lookahead lets the search skip every position no placeholder can start at.
_PLACEHOLDER = language.LazyPattern(
    r"(?=[?$€£TtXxNY.…])(?:(?<!\S)(?:\.{3}|…)(?!\S)|\b(?i:TB[DCA])\b|\?{2,}|[$€£]\s?[XNY]{1,3}\b|\b[xXN]{1,3}\s?%|\bX{2,}\b"
    r"|\bN\d*\b(?![-/'’.])|(?P<letter>\b[XY](?:\s?%|(?=\s*(?:$|[,;.)]|(?:to|from|by|in|per)\b)))))")
_LETTER_AFTER = language.LazyPattern(r"\b(?:to|from|by)\s*$", re.I)  # a lone X or Y is a placeholder after these
_RELATIVE_WORDS = language.LazyPattern(
    r"⟨(\d+)⟩\s*(?:more|higher|increase|growth|uplift|rise|fewer|less|lower|reduction|decrease|drop)\b", re.I)
_BARE_RANGE = language.LazyPattern(r"⟨(\d+)⟩\s+to\s+⟨(\d+)⟩", re.I)
_TARGET = language.LazyPattern(
    r"(?:\b(?:to|at|of|reach(?:es|ing)?|hit|achieve|least|most|minimum|maximum|under|below|"
    r"above|over|than)\b|\b(?:min|max)\b\.?|≥|≤|>=|<=|<|>)\s*⟨(\d+)⟩", re.I)


def placeholder(text: str) -> str | None:
    """The placeholder standing where a number belongs ("TBD", "X%"), if there is one."""
    if "?" not in text and "X" not in text and "N" not in text and "Y" not in text and "x" not in text \
            and "tb" not in text.lower() and "..." not in text and "…" not in text:
        return None  # most key results: cheaper than the search, which tries many positions
    for match in _PLACEHOLDER.finditer(text):
        if not match["letter"]:
            return match.group().strip()
        if _LETTER_AFTER.search(text, max(0, match.start() - 8), match.start()):
            return match["letter"]
    return None


def _target(marked: str, found: tuple[Quantity, ...], moves_metric: bool) -> Quantity | None:
    """The number a key result aims at: after "to", "at", "of", "reach" ...; else its first number.

    With a change verb, "of N things" after a metric counts what the metric is about
    ("increase opportunity size of 2 large deals"), not where it must get to.
    """
    scopes = set()
    for match in _TARGET.finditer(marked):
        index = int(match.group(1))
        quantity = found[index]
        if moves_metric and match.group().lower().startswith("of") and quantity.unit is None \
                and quantity.counted and "." not in quantity.raw:
            before = marked[:match.start()].split()
            if not before or before[-1].lower() not in _VALUE_OF:
                scopes.add(index)
                continue
        return quantity
    return next((q for i, q in enumerate(found) if i not in scopes), None)


@lru_cache(maxsize=CACHED_TEXTS)
def measure(text: str) -> Measure:
    """Read baseline, target, unit, direction and relative change from a key result's text."""
    if missing := placeholder(text):
        return Measure(direction=verb_direction(text), placeholder=missing)
    found = quantities(text)
    relative_verb = next((change for verbs, change in _RELATIVE_VERBS if verbs.opens(text)), None)
    if relative_verb is None and (fold := _fold(text)):
        times = fold.group("times")
        relative_verb = -0.5 if times is None else \
            (float(times) if times.isdigit() else _NUMBER_WORDS[times.lower()]) - 1
    if not found and relative_verb is None:
        return Measure(direction=verb_direction(text))
    marked = _marked(text, found)
    baseline = target = absolute_change = None
    relative = relative_verb
    stated = None  # a direction stated in words: "up from", "down from"

    if match := _FROM_TO.search(marked) or _ARROW.search(marked) or _BARE_RANGE.search(marked):
        target = found[int(match.group(2))]
        baseline = _shared_unit(found[int(match.group(1))], target)
    elif match := _UP_DOWN_FROM.search(marked):
        stated = "increase" if match.group(1).lower() == "up" else "decrease"
        baseline = found[int(match.group(2))]
        others = [q for i, q in enumerate(found) if i != int(match.group(2))]
        target = others[0] if others else None
        if target is not None:
            baseline = _shared_unit(baseline, target)
    elif (match := _TO_FROM.search(marked)) and _same_kind(found[int(match.group(2))], found[int(match.group(1))]):
        target = found[int(match.group(1))]
        baseline = _shared_unit(found[int(match.group(2))], target)
    elif match := _BY_RELATIVE.search(marked) or _RELATIVE_WORDS.search(marked) or _PLUS.search(marked):
        amount = found[int(match.group(1))]
        change = amount.value / 100 if amount.is_percent else (amount.value - 1 if amount.unit == "x" else None)
        if change is not None:
            relative = change
        else:
            absolute_change = amount.value
    verb = verb_direction(text)
    if target is None and relative is None and absolute_change is None:
        target = _target(marked, found, verb in ("increase", "decrease"))

    if relative is not None and verb == "decrease" and relative > 0:
        relative = -relative
    numeric = None
    if baseline is not None and target is not None:
        numeric = direction_between(baseline.comparable, target.comparable)
    problem = contradiction(baseline.comparable if baseline else None, target.comparable if target else None,
                            verb, stated, shown=(baseline.raw, target.raw) if baseline and target else None)

    direction = "maintain" if verb == "maintain" else (numeric or stated or verb)
    if direction is None and relative is not None:
        direction = "increase" if relative > 0 else "decrease"
    unit = (target or baseline).unit if (target or baseline) else None
    baseline_value = baseline.value if baseline else None
    if baseline and target and baseline.seconds is not None and target.seconds and target.value:
        baseline_value = baseline.seconds / (target.seconds / target.value)  # in the target's unit
    return Measure(
        baseline=baseline_value,
        target=target.value if target else None,
        unit=unit,
        direction=direction,
        relative_change=relative,
        change=absolute_change,
        has_number=True,
        contradiction=problem,
    )


def _same_kind(baseline: Quantity, target: Quantity) -> bool:
    """Whether a number after the target can be its baseline: "from current 45 %" can,
    "from 20 stores" counts something else."""
    return baseline.unit == target.unit or (baseline.unit is None and baseline.counted is None) or \
        (target.unit is None and baseline.unit is not None)


def direction_between(baseline: float, target: float) -> str | None:
    if target > baseline:
        return "increase"
    if target < baseline:
        return "decrease"
    return None


def contradiction(baseline: float | None, target: float | None, verb: str | None, stated: str | None = None,
                  shown: tuple[str, str] | None = None) -> str | None:
    """Why a baseline and a target cannot be a target, or None when they can."""
    if baseline is None or target is None:
        return None
    start, end = shown or (f"{baseline:g}", f"{target:g}")
    numeric = direction_between(baseline, target)
    if numeric is None:
        return f"it starts and ends at the same value ({start} to {end})"
    if verb in ("increase", "decrease") and numeric != verb:
        return f"the verb says {verb}, but the numbers go the other way ({start} to {end})"
    if stated and numeric != stated:
        return f"it says '{'up' if stated == 'increase' else 'down'} from {start}' but the target is {end}"
    return None


def verb_direction(text: str) -> str | None:
    """The direction the opening verb asks for: increase, decrease, maintain, or None."""
    if language.MAINTAIN_VERBS.opens(text):
        return "maintain"
    if language.INCREASE_VERBS.opens(text):
        return "increase"
    if language.DECREASE_VERBS.opens(text):
        return "decrease"
    return None


def canonical_numbers(text: str, keep: bool = True) -> str:
    """Numbers written one way ("1,200" and "1.2k" both become "1200"), or removed."""
    pieces, last = [], 0
    for quantity in quantities(text):
        if quantity.written_as_word:
            continue
        pieces.append(text[last:quantity.start])
        if keep:
            unit = f" {quantity.unit}" if quantity.unit else ""
            pieces.append(f"{quantity.value:g}{unit}")
        last = quantity.end
    pieces.append(text[last:])
    return "".join(pieces)


# Every letter run a number can swallow or write (units, multipliers, "percent", the "e" of
# 1e+09): what :func:`words_key` leaves out.
_NUMBER_LETTERS = frozenset(
    {word.lower() for table in (_MULTIPLIERS, _CURRENCY_WORDS, _SECONDS, _MEASURE_UNITS, _ATTACHED_UNITS)
     for word in table} | {code.lower() for code in _CURRENCY_WORDS.values()}
    | {"bn", "mn", "mil", "mio", "millions", "percent", "per", "cent", "percentage", "point", "points", "co", "e",
       "inf", "nan", "st", "nd", "rd", "th"})
_ASCII_WORD = language.LazyPattern(r"[a-z]+")
_GLUED = language.LazyPattern(r"[a-z](?:[$€£]|\.[a-z])")  # a number glued to letters on both sides can join them
_HUGE = language.LazyPattern(r"\d[\d,.]{280}")  # a number too big for a float reads "inf"


def words_key(text: str, numbers: bool = True) -> str:
    """The text's ASCII words outside its numbers and units, run together: a cheap key that
    two texts :func:`okrkit.text.language.normalise` makes equal (with these ``numbers``) share.

    Grouping by it first and normalising only inside a group finds every pair of equal
    texts without normalising them all. Where a number glued to letters could join two words
    ("a$5 usd.b"), or is too big to read, the key is read from the normalised text itself.
    """
    lower = text.lower()
    if (("." in lower or "$" in lower or "€" in lower or "£" in lower) and _GLUED.search(lower)) or (
            len(lower) > 280 and _HUGE.search(lower)):
        from okrkit.text.language import normalise

        return _words(normalise(text, numbers=numbers).lower())
    return _words(lower)


@lru_cache(maxsize=CACHED_TEXTS)
def _words(lower: str) -> str:
    return "".join(itertools.filterfalse(_NUMBER_LETTERS.__contains__, _ASCII_WORD.findall(lower)))


def format_amount(value: float, unit: str | None = None) -> str:
    """A number as a person writes it: 30M USD, 12k, 35%, 4.5."""
    size = abs(value)
    text = f"{value / 1e9:g}B" if size >= 1e9 else f"{value / 1e6:g}M" if size >= 1e6 else \
        f"{value / 1e3:g}k" if size >= 1e4 else f"{value:g}"
    if not unit:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"
