"""What an answer says, not only its form: the checks a drafting exercise adds to the rule checker.

The rule checker sees form: a verb of change, a start and a target. A coach also reads what is
written: real words that name something one can count, about the exercise's business, in the
learner's own words, saying what will happen rather than what will not. Each check here is one
:class:`~okrkit.exercises.record.Point`; where the words give too little to decide, the judge
passes the form and asks an instructor to review the content instead of passing silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from okrkit.exercises import known
from okrkit.exercises.judging import content_words, stem
from okrkit.exercises.record import Point
from okrkit.text import language, vocabulary
from okrkit.text.openers import lemmas

_PLACEHOLDERS = frozenset({
    "x", "xx", "xxx", "tbd", "tba", "todo", "to do", "n a", "na", "none", "nothing", "same", "idem", "etc",
    "placeholder", "fill in", "fill me in", "lorem ipsum", "asdf", "qwerty", "test", "foo", "bar", "abc", "blah",
    "something", "stuff", "whatever", "dunno", "no idea", "see above", "as above", "?",
})
_FILLER = frozenset({"blah", "bla", "foo", "baz", "lorem", "ipsum", "dolor", "asdf", "qwerty", "xyz", "yada",
                     "gibberish", "nonsense", "whatever", "dunno", "tbd", "todo", "tba", "xxx", "placeholder"})
_NEGATION = re.compile(r"\b(?:not|never|nor|no longer|cannot)\b|n['’]t\b", re.IGNORECASE)
_RELATIVE = frozenset({"who", "that", "which", "where", "whose", "whom", "whether", "if", "when"})
_CONTRAST = frozenset({"just", "only", "merely", "simply", "least"})
# What a team promises never to do again: negating a mishap is a promise ("Never miss a delivery").
_MISHAPS = frozenset({"miss", "lose", "fail", "let", "break", "wait", "leave", "drop", "disappoint", "forget",
                      "return", "complain", "churn", "lapse", "slip", "delay", "crash", "stall", "run"})



def is_placeholder(text: str) -> bool:
    """'x', 'tbd', '...', '???', 'lorem ipsum', 'blah revenue blah': a field filled in so that it
    is not empty, or padded with filler around a word the exercise asks for."""
    said = language.normalise(text, numbers=True)
    if not re.search(r"[^\W\d_]", said):
        return True
    letters = re.sub(r"[^\w]", "", said)
    words = language.words(said)
    return (said in _PLACEHOLDERS or len(set(letters)) <= 1 or bool(_FILLER & set(words))
            or len(words) >= 3 and len(set(words)) * 2 <= len(words))  # "revenue revenue revenue"


def is_negated(text: str) -> bool:
    """A statement that says what will not happen ("Do not increase ...", "Never become ...",
    "Delight buyers not in our shop"): it promises nothing. Some negations still promise
    something and are let be: a contrast ("customers, not noise"; "not just noise"), a relative
    clause naming whom a number counts ("customers who do not come back"), and a mishap the
    team means to end ("Never miss a delivery")."""
    for match in _NEGATION.finditer(text):
        before = language.words(text[:match.start()].lower())
        if text[:match.start()].rstrip().endswith((",", ";", "(", "-", "–")):  # "leads, not noise"
            continue
        if before and _RELATIVE & set(before[-3:]):
            continue  # "customers who do not come back"
        following = [w for w in language.words(text[match.end():].lower()) if w not in ("be", "ever", "have", "to")][:1]
        if following and following[0] in _CONTRAST:  # "not just noise", "not only in market A"
            continue
        if following and _lemma(following[0]) in _MISHAPS:  # "Never miss a delivery": a promise still
            continue
        return True
    return False


def _lemma(word: str) -> str:
    return next(iter(lemmas(word).get("VERB", (word,))))


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text) if len(w) > 2}


@dataclass(frozen=True)
class Domain:
    """What an exercise is about: its given material, its task and hints, its model answer, and
    the words of the business it is set in."""

    exercise_id: str
    words: str  # the business's own vocabulary, beyond what the exercise's text says
    own: tuple[str, ...] = ()  # further sources the answer may reuse ("example organisation lateral-alignment")

    @property
    def stems(self) -> set[str]:
        return _domain_stems(self)


@cache
def _domain_stems(domain: Domain) -> set[str]:
    from okrkit.exercises.registry import exercise

    ex = exercise(domain.exercise_id)
    texts = [ex.context, ex.task, *ex.hints, domain.words]
    texts += known.packaged().get(f"solution {ex.id}", ())
    texts += [line for name in domain.own for line in known.sources().get(name, ())]
    return set().union(*(_stems(t) for t in texts))


@cache
def _own_statements(domain: Domain) -> frozenset[str]:
    found = set(known.exercise_material().get(f"exercise {domain.exercise_id}", ()))
    found |= known.packaged().get(f"solution {domain.exercise_id}", frozenset())
    for name in domain.own:
        found |= known.sources().get(name, frozenset())
    return frozenset(found)


def _source_name(name: str) -> str:
    kind, _, which = name.partition(" ")
    if kind == "lesson":
        return f"the worked examples of lesson {which}"
    if kind == "solution":
        return f"the model answer of exercise {which}"
    if kind == "exercise":
        return f"exercise {which}"
    return f"the kit's {name}"


@dataclass
class Reading:
    """The content points of one answer, and what an instructor should look at."""

    points: list[Point] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


# Words every key result may share: two lines that agree only in these are not copies.
_COMMON = frozenset({"from", "to", "by", "per", "the", "of", "in", "a", "an", "and", "our", "for", "with", "on", "at",
                     "increase", "raise", "grow", "reduce", "cut", "lower", "decrease", "improve", "mil", "usd", "eur",
                     "k", "number", "share", "rate", "than", "more", "less", "we", "us", "its", "their"})
SIMILAR = 0.75  # the share of its telling words a line must share with another to be its copy


def _fingerprint(normalised: str) -> frozenset[str]:
    """A statement's telling words: no numbers, none of the words every key result uses."""
    return frozenset(t for t in normalised.split() if t not in _COMMON and not any(ch.isdigit() for ch in t))


def _same(mine: tuple[str, frozenset[str]], theirs: tuple[str, frozenset[str]]) -> bool:
    """The same line, or the same line with other numbers or a word changed here and there."""
    if mine[0] == theirs[0]:
        return True
    first, second = mine[1], theirs[1]
    return len(first) >= 3 and len(second) >= 3 and len(first & second) >= SIMILAR * len(first | second)


@cache
def _fingerprints(lines: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((line, _fingerprint(line)) for line in lines)


@cache
def _index() -> tuple[dict[str, set[str]], dict[str, list[tuple[str, str, frozenset[str]]]]]:
    """Every known line by its text, and by each of its telling words: a line is compared only
    with the lines that share a word with it, never with all of them."""
    exact: dict[str, set[str]] = {}
    by_word: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for name, lines in known.sources().items():
        for line, fingerprint in _fingerprints(lines):
            exact.setdefault(line, set()).add(name)
            for word in fingerprint:
                by_word.setdefault(word, []).append((name, line, fingerprint))
    return exact, by_word


def _sources_of(mine: tuple[str, frozenset[str]]) -> set[str]:
    exact, by_word = _index()
    found = set(exact.get(mine[0], ()))
    for word in mine[1]:
        found |= {name for name, line, fingerprint in by_word.get(word, ()) if _same(mine, (line, fingerprint))}
    return found


def copied_from(domain: Domain, statements: list[str], keep_given: bool = True) -> tuple[list[str], str]:
    """The statements copied from material other than the exercise's own, and where from.

    A line counts as copied when it is another's, give or take its numbers and a word; the
    answer is a copy when at least two lines and three in five of its own lines are.
    With ``keep_given`` the exercise's own material (its context, its starter) may come back;
    without, key results lifted from it are copies too."""
    own = _own_statements(domain) if keep_given else known.packaged().get(f"solution {domain.exercise_id}",
                                                                          frozenset())
    mine = [(line, _fingerprint(line)) for line in dict.fromkeys(known.statement(s) for s in statements)]
    new = [m for m in mine if not any(_same(m, o) for o in _fingerprints(frozenset(own)))]
    if not new:
        return [], ""
    allowed = {f"solution {domain.exercise_id}"}
    if keep_given:
        allowed |= {f"exercise {domain.exercise_id}", *domain.own}
    counts: dict[str, int] = {}
    copied = set()
    for m in new:
        names = _sources_of(m) - allowed
        if names:
            copied.add(m[0])
            for name in names:
                counts[name] = counts.get(name, 0) + 1
    if len(copied) >= 2 and len(copied) * 5 >= len(new) * 3:
        return sorted(copied), max(sorted(counts), key=counts.get)
    return [], ""


_BEFORE_A_NAME = frozenset({"on", "in", "at", "from", "via", "through", "with", "for", "across", "into", "to"})


@cache
def _given(exercise_id: str) -> frozenset[str]:
    """The lines an exercise gives (its context and starter), which an answer may keep."""
    from okrkit.exercises.registry import exercise

    ex = exercise(exercise_id)
    starter = ex.starter.get("draft", "") if isinstance(ex.starter, dict) else ex.starter
    return frozenset(known.statements_of(f"{ex.context}\n{starter}"))


def is_model_answer(domain: Domain, statements: list[str]) -> bool:
    """Whether the lines an answer adds to the exercise's given material are, mostly, those of the
    exercise's own model answer. It passes (the solutions pass their own checks), but an
    instructor sees it: a learner who pasted the model answer has shown nothing yet."""
    model = _fingerprints(known.packaged().get(f"solution {domain.exercise_id}", frozenset()))
    given = _fingerprints(_given(domain.exercise_id))
    mine = [(line, _fingerprint(line)) for line in dict.fromkeys(known.statement(s) for s in statements)]
    added = [m for m in mine if not any(_same(m, g) for g in given)]
    same = [m for m in added if any(_same(m, o) for o in model)]
    return len(same) >= 2 and len(same) * 5 >= len(added) * 3


def _is_name(word: str, text: str) -> bool:
    """A capitalised word after a preposition ("signups on Shopwise", "sales in Benelux"): a
    product or a place, not the thing the key result counts."""
    words = language.words(text)
    return word[:1].isupper() and not word.isupper() and any(
        w == word and i and words[i - 1].lower() in _BEFORE_A_NAME for i, w in enumerate(words))


def read(domain: Domain, statements: list[str], key_results: list[str], keep_given: bool = True) -> Reading:
    """The content points of a drafted set: its objectives' and key results' texts."""
    reading = Reading()
    empty = [s for s in statements if is_placeholder(s)]
    reading.points.append(Point(not empty, "Every line says something of its own" if not empty else
                                f"{', '.join(repr(s.strip()) for s in empty[:3])}: a placeholder, not an answer. "
                                "Write what you mean in words"))
    unknown = {(w, kr) for kr in key_results for w in vocabulary.unknown_words(kr)}
    names = sorted({w for w, kr in unknown if _is_name(w, kr)})  # "Shopwise", "Benelux": a name, maybe
    strange = sorted({w for w, _ in unknown} - set(names))
    if names:
        reading.review.append(f"{', '.join(names)}: a name the judge does not know")
    reading.points.append(Point(not strange, "Each key result measures something real, in words anyone can read"
                                if not strange else f"{', '.join(strange[:4])}: no English word list knows "
                                "this. A key result measures something real that the team can count"))
    negated = [s for s in statements if is_negated(s)]
    reading.points.append(Point(not negated, "Each line says what will happen" if not negated else
                                f"'{negated[0].strip()}' says what will not happen: an OKR says what will change"))
    copied, source = copied_from(domain, statements, keep_given)
    reading.points.append(Point(not copied, "It is written in your own words" if not copied else
                                f"{len(copied)} of your lines come from {_source_name(source)}: well read, but "
                                "this exercise asks for lines of your own, for your own team or case"))
    if is_model_answer(domain, statements):
        reading.review.append("it is the kit's model answer, or nearly: ask the learner to say it in their own words")
    stems = domain.stems
    off = [kr for kr in key_results if not (_stems(kr) & stems)]
    on_topic = len(off) * 2 <= len(key_results)
    reading.points.append(Point(on_topic, "Its key results are about this exercise's business" if on_topic else
                                "Most key results are not about this exercise's business ("
                                f"'{off[0].strip()}'): measure what the team here changes"))
    if on_topic and off:
        reading.review.append(f"{', '.join(repr(kr.strip()) for kr in off)}: the judge cannot tell what "
                              "this has to do with the exercise")
    return reading


def note_points(notes: dict[str, str], what: str) -> Reading:
    """Free-text fields (notes, learnings, decisions): filled with words, not placeholders."""
    reading = Reading()
    empty = [where for where, note in notes.items() if note.strip() and is_placeholder(note)]
    strange = [where for where, note in notes.items() if note.strip() and not is_placeholder(note)
               and len(vocabulary.unknown_words(note)) * 3 > len(language.words(note))]
    thin = [where for where, note in notes.items() if note.strip() and not is_placeholder(note)
            and len(language.words(note)) < 3]
    bad = empty + strange
    reading.points.append(Point(not bad, f"Every {what} is written in words" if not bad else
                                f"{', '.join(bad)}: the {what} is a placeholder, not an answer; say it in a sentence"))
    if thin and not bad:
        reading.review.append(f"{', '.join(thin)}: a very short {what}")
    return reading


def texts_of(okr_sets) -> tuple[list[str], list[str]]:
    """The objectives' titles with the key results' texts, and the key results' texts alone."""
    objectives = [o for s in okr_sets for o in s.objectives]
    key_results = [kr.text for o in objectives for kr in o.key_results]
    return [o.title for o in objectives] + key_results, key_results


def related(text: str, about: str) -> set[str]:
    """The meaningful words of a text that it shares (by their first letters) with what it should
    be about: one word per shared stem."""
    theirs = _stems(about)
    mine = {stem(w): w.rstrip("'’") for w in sorted(content_words(text)) if len(w) > 2}
    return {word for stem, word in mine.items() if stem in theirs}
