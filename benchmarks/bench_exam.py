"""The practice exam played by strategies that know no OKRs, as issue 11 asks.

Targets: picking the longest option scores at most 40% of the choices (guessing scores 25%);
always the same letter about 25%; one string of every keyword, given as every short answer, at
most 5%; the model answers negated at most 10%. Options are shuffled per paper, so each strategy
plays many papers: one per learner and attempt.
"""
from __future__ import annotations

import random

PAPERS = 40  # shuffled papers per choice question
LONGEST_TARGET, DUMP_TARGET, NEGATED_TARGET = 0.40, 0.05, 0.10
SAME_LETTER_RANGE = (0.15, 0.35)


def _shown(bank):
    """Every choice question as learners see it on PAPERS papers, options shuffled."""
    from okrkit.classroom.exam import paper_seed

    return [q.shuffled(random.Random(paper_seed(f"learner-{n}", 1) ^ i))
            for i, q in enumerate(bank.questions) if q.kind == "choice" for n in range(PAPERS)]


def longest_option(bank) -> float:
    """The share of choices right when always picking the longest option (the first of equals)."""
    shown = _shown(bank)
    return sum(q.accepts(max(q.options, key=lambda option: len(option[1]))[0]) for q in shown) / len(shown)


def same_letter(bank, letter: str) -> float:
    """The share of choices right when always answering the same letter."""
    shown = _shown(bank)
    return sum(q.accepts(letter) for q in shown) / len(shown)


def keyword_dump(bank) -> float:
    """The share of short answers accepted when each is one string of every keyword of the bank."""
    shorts = [q for q in bank.questions if q.kind == "short"]
    dump = " ".join(word for q in shorts for group in q.keywords for word in group)
    return sum(q.accepts(dump) for q in shorts) / len(shorts)


NEGATIONS = ("not {}", "It is not {}", "Never {}", "It isn't {}", "{}? No.", "Not really {}, no")


def negated_model_answers(bank) -> float:
    """The share of short answers accepted when the model answer is negated, in several ways."""
    tries = [(q, form.format(q.answer)) for q in bank.questions if q.kind == "short" for form in NEGATIONS]
    return sum(q.accepts(given) for q, given in tries) / len(tries)


def gamed_papers_passed(bank, papers: int = 200) -> float:
    """The share of 10-question papers passed by the longest option plus the keyword dump."""
    from okrkit.classroom.exam import practice_exam

    shorts = [q for q in bank.questions if q.kind == "short"]
    dump = " ".join(word for q in shorts for group in q.keywords for word in group)
    passed = 0
    for n in range(papers):
        paper = practice_exam(10, bank=bank, learner=f"learner-{n}")
        answers = {q.id: max(q.options, key=lambda option: len(option[1]))[0] if q.options else dump
                   for q in paper.questions}
        passed += paper.grade(answers).passed
    return passed / papers


def measure() -> list[dict]:
    from okrkit.classroom.exam import load_bank

    bank = load_bank()
    longest, dump, negated = longest_option(bank), keyword_dump(bank), negated_model_answers(bank)
    letters = {letter: same_letter(bank, letter) for letter in "abcd"}
    low, high = SAME_LETTER_RANGE
    choices = sum(q.kind == "choice" for q in bank.questions)
    return [
        {"name": f"exam: longest option, {choices} choices x {PAPERS} papers", "value": round(100 * longest, 1),
         "unit": "%", "target": f"<= {LONGEST_TARGET:.0%}", "passed": longest <= LONGEST_TARGET},
        *({"name": f"exam: always '{letter}'", "value": round(100 * share, 1), "unit": "%",
           "target": f"{low:.0%}-{high:.0%}", "passed": low <= share <= high} for letter, share in letters.items()),
        {"name": "exam: one keyword dump as every short answer", "value": round(100 * dump, 1), "unit": "%",
         "target": f"<= {DUMP_TARGET:.0%}", "passed": dump <= DUMP_TARGET},
        {"name": "exam: negated model answers", "value": round(100 * negated, 1), "unit": "%",
         "target": f"<= {NEGATED_TARGET:.0%}", "passed": negated <= NEGATED_TARGET},
        {"name": "exam: 10-question papers passed by longest option + dump", "unit": "%", "target": "-",
         "value": round(100 * gamed_papers_passed(bank), 1), "passed": True},
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<60} {row['value']:>7g} {row['unit']:<3} {row['target']:<10} "
              f"{'ok' if row['passed'] else 'FAILED'}")
