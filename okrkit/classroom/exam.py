"""Certification practice: a bank of questions from every module, practice exams with a pass
mark, short answers marked by meaning, and feedback that points to the lesson section to reread.

A paper cannot be passed by its form: the options of every choice are shuffled per paper, seeded
by learner and attempt so an instructor can draw the same paper again, and a short answer fails
when it is negated, names a number the answer does not have, names a rival answer, or is a dump
of keywords. The bank is data (``okrkit/data/exam.yaml``, loaded safely and checked field by
field), so an instructor can add questions without touching code.
"""
from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from okrkit.errors import InputError
from okrkit.text import language

KINDS = ("choice", "short")
# Number words read as digits. "One" stays a word: it is as often a pronoun ("one person") as a
# number, and read as 1 it would count as a wrong number; a bank that means 1 accepts "one" too.
_NUMBER_WORDS = {"zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
                 "twenty": "20", "thirty": "30", "fifty": "50", "seventy": "70", "hundred": "100", "twice": "2"}


def words(text: str) -> tuple[str, ...]:
    """Comparable words: lower case, no punctuation, numbers as digits, crudely singular."""
    found = []
    for word in language.normalise(text).split():
        word = _NUMBER_WORDS.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.append(word)
    return tuple(found)


# Words that turn an answer around; "n't" reaches here as a lone "t" ("don't" -> "don", "t").
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "neither", "without", "cannot", "t"})
# A short answer is a few words: longer than this (beyond the model answer's own length), it is
# a dump of keywords hoping one of them counts.
SPARE_WORDS = 8
_SECTION = re.compile(r"^(\d\d) · (\S.*)$")


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _number(word: str) -> float | None:
    """A word's value when it is a number (words() has turned "three" into "3")."""
    return float(word) if _NUMBER.match(word) else None


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


@dataclass(frozen=True)
class Question:
    id: str
    module: int
    kind: str  # "choice" | "short"
    text: str
    answer: str  # a choice's option key; a short question's model answer
    explanation: str
    options: tuple[tuple[str, str], ...] = ()  # (key, text) for a choice
    keywords: tuple[tuple[str, ...], ...] = ()  # a short answer needs one word of every group
    section: str = ""  # the lesson that teaches it: "NN · heading" of notebooks/NN_*.ipynb
    rivals: tuple[str, ...] = ()  # wrong answers a short answer must not name

    def accepts(self, given: object) -> bool:
        """Marked by meaning, leniently in form: any case or punctuation; a choice by its key or
        its text; a short answer when it holds one accepted word of every keyword group and is
        not negated, names no other number, no rival answer, and is not a dump of words."""
        if isinstance(given, bool) or not isinstance(given, (str, int, float)):
            return False
        raw = str(given).strip()
        said = words(raw)
        if not raw:
            return False
        if self.kind == "choice":
            text = dict(self.options)[self.answer]
            right = words(text)
            return raw == text or bool(said) and said in ((self.answer,), right, (self.answer, *right))
        return (all(any(_contains(said, words(word)) for word in group) for group in self.keywords)
                and not self._contradicts(said))

    def _contradicts(self, said: tuple[str, ...]) -> bool:
        model = words(self.answer)
        if len(said) > len(model) + SPARE_WORDS:
            return True
        if NEGATIONS.intersection(said) - NEGATIONS.intersection(model):
            return True
        allowed = {_number(w) for w in model} | {_number(w) for group in self.keywords for k in group
                                                   for w in words(k)}
        if any(n is not None and n not in allowed for n in map(_number, said)):
            return True
        return any(_contains(said, words(rival)) for rival in self.rivals)

    def shuffled(self, rng: random.Random) -> Question:
        """The same question with its options in another order, lettered a, b, c, ... again."""
        if self.kind != "choice":
            return self
        order = list(self.options)
        rng.shuffle(order)
        keys = [chr(ord("a") + i) for i in range(len(order))]
        answer = keys[[key for key, _ in order].index(self.answer)]
        return replace(self, options=tuple(zip(keys, (text for _, text in order))), answer=answer)

    @property
    def lesson(self) -> str:
        """Where to reread: the notebook and its section."""
        match = _SECTION.match(self.section)
        return f"notebook {match[1]}, section \u201c{match[2]}\u201d" if match else self.section

    @property
    def correct_text(self) -> str:
        return f"{self.answer}) {dict(self.options)[self.answer]}" if self.kind == "choice" else self.answer


@dataclass(frozen=True)
class Bank:
    questions: tuple[Question, ...]
    titles: tuple[tuple[int, str], ...]  # (module, title)
    pass_mark: float

    def title(self, module: int) -> str:
        return dict(self.titles).get(module, f"module {module}")

    def by_id(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"no question {question_id!r} in the bank")


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    given: object
    correct: bool

    @property
    def answered(self) -> bool:
        """Blank answers are marked wrong, but their right answer stays hidden until tried."""
        return self.given is not None and str(self.given).strip() != ""


@dataclass(frozen=True)
class ExamResult:
    results: tuple[QuestionResult, ...]
    pass_mark: float
    bank: Bank

    @property
    def score(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_mark

    def by_module(self) -> dict[int, tuple[int, int]]:
        """(right, asked) per module, in module order."""
        tally: dict[int, tuple[int, int]] = {}
        for r in sorted(self.results, key=lambda r: r.question.module):
            right, asked = tally.get(r.question.module, (0, 0))
            tally[r.question.module] = (right + r.correct, asked + 1)
        return tally

    def revisit(self) -> list[int]:
        """The modules with missed questions, the most missed first."""
        missed = {m: asked - right for m, (right, asked) in self.by_module().items() if right < asked}
        return sorted(missed, key=lambda m: (-missed[m], m))

    def __str__(self) -> str:
        lines = [f"Score {self.score:.0%} (pass mark {self.pass_mark:.0%}): "
                 f"{'passed' if self.passed else 'not yet'}"]
        for r in self.results:
            revisit = f"revisit module {r.question.module} ({self.bank.title(r.question.module)}): {r.question.lesson}"
            lines.append(f"{'✔' if r.correct else '✖'} {r.question.id}: " + (
                "right" if r.correct else f"answer {r.question.correct_text}; {revisit}" if r.answered
                else f"not answered; {revisit}"))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from okrkit.exercises import render

        return render.exam_result(self)


@dataclass(frozen=True)
class Exam:
    questions: tuple[Question, ...]
    pass_mark: float
    bank: Bank
    seed: int | None = None
    learner: str | None = None
    attempt: int | None = None

    def blank(self) -> dict[str, str]:
        """The answer sheet to fill in: every question id with an empty answer."""
        return {q.id: "" for q in self.questions}

    def grade(self, answers: Mapping) -> ExamResult:
        """Every question marked; a question without an answer counts as missed."""
        if not isinstance(answers, Mapping):
            raise TypeError("answers are a dictionary of question id -> answer")
        return ExamResult(tuple(QuestionResult(q, answers.get(q.id, ""), q.accepts(answers.get(q.id, "")))
                                for q in self.questions), self.pass_mark, self.bank)

    def __str__(self) -> str:
        lines = []
        for i, q in enumerate(self.questions, 1):
            lines.append(f"{i}. [{q.id}, module {q.module}] {q.text}")
            lines += [f"   {key}) {text}" for key, text in q.options]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from okrkit.exercises import render

        return render.exam(self)


def paper_seed(learner: str, attempt: int) -> int:
    """The seed of a learner's attempt: stable across machines and Python runs (no hash salt)."""
    digest = hashlib.sha256(f"{learner}\n{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def practice_exam(questions: int = 20, seed: int | None = None, modules=None, bank: Bank | None = None,
                  pass_mark: float | None = None, learner: str | None = None, attempt: int = 1) -> Exam:
    """A random exam: questions drawn in turn from every module (or the chosen ones), so each is
    covered, and the options of each choice shuffled. The same seed, or the same learner and
    attempt, draws the same paper, so an instructor can reproduce it."""
    bank = bank or load_bank()
    if seed is None:
        seed = random.randrange(1_000_000) if learner is None else paper_seed(learner, attempt)
    rng = random.Random(seed)
    chosen = set(modules) if modules is not None else {q.module for q in bank.questions}
    pools = {m: [q for q in bank.questions if q.module == m] for m in sorted(chosen)}
    pools = {m: pool for m, pool in pools.items() if pool}
    available = sum(map(len, pools.values()))
    if not 1 <= questions <= available:
        raise ValueError(f"ask for 1 to {available} questions from these modules, not {questions}")
    for pool in pools.values():
        rng.shuffle(pool)
    order = list(pools)
    rng.shuffle(order)
    picked: list[Question] = []
    while len(picked) < questions:
        for module in order:
            if pools[module] and len(picked) < questions:
                picked.append(pools[module].pop())
    rng.shuffle(picked)
    return Exam(tuple(q.shuffled(rng) for q in picked), bank.pass_mark if pass_mark is None else pass_mark,
                bank, seed, learner, attempt if learner is not None else None)


def fixed_exam(question_ids, bank: Bank | None = None, seed: int | None = None) -> Exam:
    """An exam of chosen questions, in the order given, with shuffled options: by ``seed``, or
    by the ids themselves, so a fixed paper is the same for every learner and can be graded."""
    bank = bank or load_bank()
    ids = tuple(question_ids)
    seed = paper_seed(",".join(ids), 0) if seed is None else seed
    rng = random.Random(seed)
    return Exam(tuple(bank.by_id(i).shuffled(rng) for i in ids), bank.pass_mark, bank, seed)


def load_bank(path: str | None = None) -> Bank:
    """The question bank: the kit's own, or an instructor's file in the same format."""
    if path is None:
        return _default_bank()
    from okrkit.files import read_text

    return parse_bank(read_text(path), path)


@lru_cache(maxsize=1)
def _default_bank() -> Bank:
    text = resources.files("okrkit").joinpath("data", "exam.yaml").read_text(encoding="utf-8")
    return parse_bank(text, "okrkit/data/exam.yaml")


def parse_bank(text: str, path: str | None = None) -> Bank:
    from okrkit.formats.yamlsets import read_yaml

    data, root = read_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise InputError("a question bank is a mapping with a list of 'questions'", path)
    titles = data.get("modules") or {}
    if not isinstance(titles, dict) or not all(isinstance(m, int) and isinstance(t, str) for m, t in titles.items()):
        raise InputError("'modules' maps module numbers to titles", path)
    pass_mark = data.get("pass_mark", 0.7)
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, (int, float)) or not 0 < pass_mark <= 1:
        raise InputError("'pass_mark' is a number above 0 and at most 1", path)
    nodes = dict((k.value, v) for k, v in root.value).get("questions").value
    questions = tuple(_question(item, node.start_mark.line + 1, set(titles), path)
                      for item, node in zip(data["questions"], nodes))
    seen: set[str] = set()
    for question, node in zip(questions, nodes):
        if question.id in seen:
            raise InputError(f"question id {question.id!r} is used twice", path, node.start_mark.line + 1)
        seen.add(question.id)
    return Bank(questions, tuple(sorted(titles.items())), float(pass_mark))


_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def _question(item: object, line: int, modules: set[int], path: str | None) -> Question:
    def fail(message: str) -> InputError:
        return InputError(f"question {item.get('id', '?') if isinstance(item, dict) else '?'}: {message}", path, line)

    if not isinstance(item, dict):
        raise InputError("each question is a mapping", path, line)
    unknown = set(item) - {"id", "module", "kind", "question", "options", "answer", "keywords", "explanation",
                           "section", "rivals"}
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    for key in ("id", "question", "answer", "explanation"):
        if not isinstance(item.get(key), (str, int, float)) or not str(item[key]).strip():
            raise fail(f"'{key}' is missing or empty")
    if not _ID.match(str(item["id"])):
        raise fail("an id uses lower-case letters, digits, dots and dashes")
    section = item.get("section", "")
    if not isinstance(section, str) or section and not _SECTION.match(section):
        raise fail("'section' names the lesson that teaches it: \"NN · heading\", such as \"02 · How many?\"")
    rivals = item.get("rivals", [])
    if not isinstance(rivals, list) or not all(isinstance(r, (str, int, float)) and words(str(r)) for r in rivals):
        raise fail("'rivals' is a list of wrong answers, each a word or phrase")
    if isinstance(item.get("module"), bool) or item.get("module") not in modules:
        raise fail(f"'module' is one of {sorted(modules)}")
    kind = item.get("kind")
    if kind not in KINDS:
        raise fail(f"'kind' is one of {', '.join(KINDS)}")
    options: tuple[tuple[str, str], ...] = ()
    keywords: tuple[tuple[str, ...], ...] = ()
    answer = str(item["answer"])
    if kind == "choice":
        raw = item.get("options")
        if not isinstance(raw, dict) or len(raw) < 2:
            raise fail("a choice has at least two 'options'")
        options = tuple((str(k), str(v)) for k, v in raw.items())
        if answer not in dict(options):
            raise fail(f"the answer {answer!r} is not one of the options {', '.join(dict(options))}")
    else:
        raw = item.get("keywords")
        if not isinstance(raw, list) or not raw:
            raise fail("a short question has 'keywords': a list of groups of accepted words")
        groups = [group if isinstance(group, list) else [group] for group in raw]
        keywords = tuple(tuple(str(w) for w in group) for group in groups)
        if not all(group and all(words(w) for w in group) for group in keywords):
            raise fail("every keyword group holds at least one word")
    if rivals and kind == "choice":
        raise fail("'rivals' belong to a short question; a choice's rivals are its options")
    return Question(str(item["id"]), item["module"], kind, str(item["question"]).strip(), answer,
                    str(item["explanation"]).strip(), options, keywords, section.strip(),
                    tuple(str(r) for r in rivals))
