"""What judges share: marking a draft with the rule checker, and reading a learner's words leniently.

A draft is marked by *aspects* the course teaches (objectives say what will change, key results
are measurable outcomes, the set is focused, it says when), each backed by the rules that test
it, so the feedback names the idea first and the rule second.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from okrkit.exercises.record import Marked, Point
from okrkit.findings import Finding, Findings
from okrkit.formats.drafts import parse
from okrkit.model import OKRSet
from okrkit.rules import check
from okrkit.text import language

ASPECTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Every line is understood and every key result sits under an objective",
     frozenset({"OKR001", "OKR101"})),
    ("Each objective says in words what will change: no metric, nothing vague",
     frozenset({"OKR102", "OKR103"})),
    ("Every objective has key results that are measurable outcomes with sound numbers",
     frozenset({"OKR104", "OKR203", "OKR204", "OKR206", "OKR209"})),
    ("The set is focused: 3 to 5 key results per objective, at most 3 objectives, no repeats",
     frozenset({"OKR201", "OKR202", "OKR208", "OKR301"})),
    ("The set says when: it has a cycle or names a time frame",
     frozenset({"OKR302"})),
)
ALIGNMENT = ("It is aligned with the other sets without copying them", frozenset(
    {"OKR401", "OKR402", "OKR403", "OKR404", "OKR405", "OKR406"}))


def blocking(findings: list[Finding], tolerated: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings an answer must mend to pass: errors and warnings (infos are suggestions)."""
    return [f for f in findings if f.severity in ("error", "warning") and f.code not in tolerated]


def _places(found: list[Finding]) -> str:
    return "; ".join(f"{f.where or 'set'} {f.code} {f.name}" for f in found)


def rule_points(findings: list[Finding], tolerated: frozenset[str] = frozenset(),
                aligned: bool = False) -> list[Point]:
    """One point per aspect of a strong OKR, done when none of its rules reports an error or
    warning; ``aligned`` adds the alignment aspect, for a set checked inside an organisation."""
    must_mend = blocking(findings, tolerated)
    aspects = (*ASPECTS, ALIGNMENT) if aligned else ASPECTS
    known = frozenset().union(*(codes for _, codes in aspects))
    points = []
    allowed = [f for f in blocking(findings) if f.code in tolerated]
    for text, codes in aspects:
        broken = [f for f in must_mend if f.code in codes]
        excused = sorted({f"{f.code} {f.name}" for f in allowed if f.code in codes})
        note = f" (not yet: {_places(broken)})" if broken else (
            f" (this exercise allows {', '.join(excused)})" if excused else "")
        points.append(Point(not broken, text + note))
    others = [f for f in must_mend if f.code not in known]
    if others:
        points.append(Point(False, f"The other rules of the checker are kept (not yet: {_places(others)})"))
    return points


def restated_parent_point(graph, set_ids) -> Point:
    """The deck's explicit alignment turns a parent's key result into the team's objective; the
    team's key results then say what the team changes. One that restates the key result its
    objective aligns to adds nothing (OKR401 reports only a whole copied OKR, so judges ask this)."""
    copies = []
    for set_id in set_ids:
        for ref in graph.objectives_of(set_id):
            target = graph.parents.get(ref)
            if target is None or target.key_result is None:
                continue
            parent = language.normalise(graph.key_result(target).text)
            copies += [f"{ref}/KR{j}" for j, kr in enumerate(graph.objective(ref).key_results, 1)
                       if language.normalise(kr.text) == parent]
    if not copies:
        return Point(True, "Its key results say what the team changes, none restates the key result it aligns to")
    return Point(False, f"{', '.join(copies)} restates the key result the objective aligns to: that is the "
                        "objective again. Say what your team changes to move it")


def read_draft(answer: str) -> OKRSet:
    return parse(answer, "your draft")


def mark_draft(answer: str, tolerated: frozenset[str] = frozenset()) -> tuple[OKRSet, Findings, list[Point]]:
    """The draft, the checker's findings on it, and the aspect points."""
    okr_set = read_draft(answer)
    found = check(okr_set)
    return okr_set, found, rule_points(found, tolerated)


def same_text(first: str, second: str, numbers: bool = True) -> bool:
    """Equal once case, spaces, punctuation and number formatting are set aside."""
    return language.normalise(first, numbers) == language.normalise(second, numbers)


_STOP = frozenset(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "let", "let's", "lets", "of", "on", "or", "our", "per", "the", "their", "this", "to", "up", "us", "via", "we", "with", "within", "without", "more", "less", "than", "new", "number", "rate", "mil", "million", "k", "usd", "eur", "percent"])


def content_words(text: str) -> set[str]:
    """The words that carry meaning (no stop words, verbs of change, numbers), crudely singular."""
    found = set()
    for word in language.words(text.lower()):
        if word in _STOP or re.fullmatch(r"[\d.,%]+", word):
            continue
        if language.METRIC_VERBS.opens(word) or language.INCREASE_VERBS.opens(word) \
                or language.DECREASE_VERBS.opens(word):
            continue
        found.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return found


def stem(word: str) -> str:
    """A word by its first letters, so that "storage" and "stores" both speak of storing."""
    return word.rstrip("'’")[:4]


def choice(text: object) -> str:
    """A learner's choice ("Red ", "KPI.", "individual goal") reduced to comparable words."""
    return language.normalise(str(text), numbers=True) if isinstance(text, str) else ""


def by_label(answer: dict) -> dict[str, object]:
    """A learner's labelled answers keyed by their comparable label, so "Red " finds "red"."""
    return {choice(k): v for k, v in answer.items() if isinstance(k, str)}


def classify(answer: dict, reference: dict, read: Callable[[object], str | None],
             passed: Callable[[str, str], str], missing: str = "no answer yet") -> Marked:
    """Marks a labelling exercise: each item's label, as ``read`` understands it, against the
    reference; ``passed(item, label)`` explains a right one."""
    given = by_label(answer)
    points = []
    for item, right in reference.items():
        said = read(given.get(choice(item)))
        if said is None:
            points.append(Point(False, f"{item!r}: {missing}"))
        elif said == right:
            points.append(Point(True, f"{item!r}: {passed(item, right)}"))
        else:
            points.append(Point(False, f"{item!r}: not {said}"))
    return Marked(tuple(points))
