"""The question bank holds together and is taught by the lessons; practice exams draw, shuffle,
mark by meaning and explain as promised; strategies that know no OKRs fail."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import bench_exam
from okrkit.classroom import exam
from okrkit.errors import InputError

BANK = exam.load_bank()
IDS = [q.id for q in BANK.questions]
SHORT = [q.id for q in BANK.questions if q.kind == "short"]
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def headings(number: str) -> set[str]:
    """The headings of lesson notebook NN, without their leading "#" and module number."""
    (path,) = NOTEBOOKS.glob(f"{number}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = [line for cell in cells if cell["cell_type"] == "markdown" for line in "".join(cell["source"]).splitlines()]
    return {re.sub(r"^\d+ · ", "", line.lstrip("#").strip()) for line in lines if line.startswith("#")}


class TestBank:
    def test_holds_at_least_90_questions_with_unique_ids(self):
        assert len(IDS) >= 90
        assert len(set(IDS)) == len(IDS)

    @pytest.mark.parametrize("question_id", IDS)
    def test_each_question_names_a_lesson_section_that_exists(self, question_id):
        q = BANK.by_id(question_id)
        number, heading = re.match(r"^(\d\d) · (.+)$", q.section).groups()
        assert heading in headings(number), f"{q.id}: no heading {heading!r} in notebook {number}"
        assert q.lesson == f"notebook {number}, section \u201c{heading}\u201d"

    def test_only_module_0_tests_the_tool(self):
        tool = {q.id for q in BANK.questions if q.section.startswith("00 ")}
        assert tool == {q.id for q in BANK.questions if q.module == 0}

    def test_no_throwaway_distractors(self):
        throwaways = {"red, yellow, green, blue", "plan, do, check, act", "q1, q2 and q3", "playing games at work",
                      "nothing measurable", "interns, managers and board", "budget, headcount and bonus"}
        options = {text.lower() for q in BANK.questions for _, text in q.options}
        assert not options & throwaways

    def test_choices_have_four_options_mostly(self):
        counts = Counter(len(q.options) for q in BANK.questions if q.kind == "choice")
        assert counts[4] >= 0.9 * sum(counts.values())

    def test_covers_every_module_of_the_course(self):
        covered = {q.module for q in BANK.questions}
        assert covered == set(range(11)) == {m for m, _ in BANK.titles}
        assert min(Counter(q.module for q in BANK.questions).values()) >= 5

    def test_mixes_choices_and_short_answers(self):
        kinds = Counter(q.kind for q in BANK.questions)
        assert kinds["choice"] >= 30 and kinds["short"] >= 15

    def test_right_answers_are_spread_over_the_letters(self):
        letters = Counter(q.answer for q in BANK.questions if q.kind == "choice")
        assert max(letters.values()) <= 0.4 * sum(letters.values())

    @pytest.mark.parametrize("question_id", IDS)
    def test_each_answer_is_valid_and_accepted(self, question_id):
        q = BANK.by_id(question_id)
        assert q.text and q.explanation and q.module in range(11)
        assert q.accepts(q.answer), "the model answer must pass its own marking"
        assert not q.accepts("") and not q.accepts("   ")
        if q.kind == "choice":
            assert q.answer in dict(q.options)
            assert [k for k, _ in q.options if q.accepts(k)] == [q.answer]
        else:
            assert q.keywords and not q.accepts("I don't know")
            assert not q.accepts(f"not {q.answer}") and not q.accepts(f"It isn't {q.answer}")
            for rival in q.rivals:
                assert not q.accepts(f"{q.answer} or {rival}"), f"{q.id} accepts its rival {rival!r}"

    def test_pass_mark_is_70_percent(self):
        assert BANK.pass_mark == 0.7

    def test_by_id_names_unknown_questions(self):
        with pytest.raises(KeyError, match="m99"):
            BANK.by_id("m99-nothing")


class TestBankFile:
    GOOD = ("pass_mark: 0.8\nmodules: {1: Why}\nquestions:\n"
            "  - {id: q1, module: 1, kind: short, question: How many?, answer: '3', keywords: [['3']],"
            " explanation: Because.}\n")

    def test_an_instructor_bank_loads_from_a_file(self, write):
        bank = exam.load_bank(str(write("bank.yaml", self.GOOD)))
        assert bank.pass_mark == 0.8 and [q.id for q in bank.questions] == ["q1"]

    @pytest.mark.parametrize("change, message", [
        ("answer: '3'", "keywords"),
        ("module: 1", "module"),
        ("kind: short", "kind"),
    ])
    def test_a_broken_question_names_itself_and_its_line(self, change, message):
        broken = {"answer: '3'": self.GOOD.replace("keywords: [['3']],", ""),
                  "module: 1": self.GOOD.replace("module: 1,", "module: 4,"),
                  "kind: short": self.GOOD.replace("kind: short", "kind: essay")}[change]
        with pytest.raises(InputError, match=message) as raised:
            exam.parse_bank(broken, "bank.yaml")
        assert raised.value.line == 4 and "q1" in str(raised.value)

    def test_a_choice_whose_answer_is_not_an_option_is_refused(self):
        text = ("modules: {1: Why}\nquestions:\n  - {id: q1, module: 1, kind: choice, question: Which?,"
                " options: {a: One, b: Two}, answer: c, explanation: So.}\n")
        with pytest.raises(InputError, match="not one of the options"):
            exam.parse_bank(text)

    def test_duplicate_ids_are_refused(self):
        question = ("  - {id: q1, module: 1, kind: short, question: Q?, answer: x, keywords: [[x]],"
                    " explanation: E.}\n")
        with pytest.raises(InputError, match="used twice"):
            exam.parse_bank("modules: {1: Why}\nquestions:\n" + question * 2)

    def test_yaml_is_loaded_safely(self):
        with pytest.raises(InputError):
            exam.parse_bank("!!python/object/apply:os.system ['true']")


class TestMarking:
    def question(self, question_id):
        return BANK.by_id(question_id)

    @pytest.mark.parametrize("given", ["3 to 5", "three to five", "3-5 key results", "Between 3 and 5."])
    def test_short_answers_are_marked_leniently(self, given):
        assert self.question("m02-kr-count").accepts(given)

    @pytest.mark.parametrize("given", ["5", "three", "4 to 6", 3])
    def test_short_answers_still_need_every_keyword(self, given):
        assert not self.question("m02-kr-count").accepts(given)

    @pytest.mark.parametrize("given", ["c", "C", "(c)", "c)", " c. ", "Cortisol", "c) Cortisol"])
    def test_a_choice_is_accepted_by_letter_or_text(self, given):
        assert self.question("m01-cortisol").accepts(given)

    @pytest.mark.parametrize("given", ["a", "Dopamine", None, True, ["c"], 0])
    def test_a_wrong_or_strange_choice_is_not(self, given):
        assert not self.question("m01-cortisol").accepts(given)

    @pytest.mark.parametrize("question_id, given", [
        ("m09-communicate-when", "2 weeks AFTER the quarter starts"),
        ("m09-communicate-when", "not 2 weeks"),
        ("m07-green-from", "0.7 is red"),
        ("m07-green-from", "0.6 or 0.7"),
        ("m02-kr-count", "3 to 5, or 1 to 3"),
        ("m01-dopamine", "dopamine or cortisol"),
        ("m04-reverse", "reverse cascading, or top-down"),
        ("m03-ikea", "the IKEA effect " + "and many more words " * 3),
        ("m03-ikea", "the IKEA effect, I can't say"),
        ("m07-progress", "0.6 or 0.66"),
        ("m01-play-safe", "taking big risks"),
    ])
    def test_a_short_answer_is_marked_by_meaning(self, question_id, given):
        assert not self.question(question_id).accepts(given)

    @pytest.mark.parametrize("question_id, given", [
        ("m09-communicate-when", "two weeks before the quarter"),
        ("m07-green-from", "0.7 and above"),
        ("m04-reverse", "It is called reverse cascading"),
        ("m08-blank-sheet", "from a clean sheet of paper"),
        ("m01-individual-goals", "how much one person contributes to the outcome"),
        ("m03-min-krs", "at least one"),
        ("m10-buy-in", "getting everyone involved"),
    ])
    def test_a_right_short_answer_in_other_words_passes(self, question_id, given):
        assert self.question(question_id).accepts(given)

    def test_only_digits_are_numbers(self):
        assert exam._number("0.7") == 0.7 and exam._number("3") == 3
        assert exam._number("nan") is None and exam._number("inf") is None

    def test_numbers_are_read_as_written(self):
        assert self.question("m07-progress").accepts(0.6)
        assert self.question("m07-progress").accepts("60%")
        assert not self.question("m07-progress").accepts("0.66")


class TestShuffle:
    def texts(self, paper):
        return [[text for _, text in q.options] for q in paper.questions]

    def test_a_learners_attempt_draws_the_same_paper_again(self):
        first = exam.practice_exam(12, learner="learner-7", attempt=2)
        again = exam.practice_exam(12, learner="learner-7", attempt=2)
        assert [q.id for q in first.questions] == [q.id for q in again.questions]
        assert self.texts(first) == self.texts(again) and first.seed == exam.paper_seed("learner-7", 2)
        assert (first.learner, first.attempt) == ("learner-7", 2)

    def test_another_attempt_shuffles_the_options_anew(self):
        question = BANK.by_id("m01-cortisol")
        orders = {tuple(t for _, t in exam.fixed_exam([question.id], seed=exam.paper_seed("learner-7", n))
                        .questions[0].options) for n in range(1, 9)}
        assert len(orders) > 1

    def test_a_shuffled_question_keeps_its_right_answer(self):
        for question in BANK.questions:
            shown = exam.fixed_exam([question.id], seed=5).questions[0]
            if question.kind == "choice":
                assert dict(shown.options)[shown.answer] == dict(question.options)[question.answer]
                assert sorted(t for _, t in shown.options) == sorted(t for _, t in question.options)
                assert [k for k, _ in shown.options] == list("abcdef"[:len(question.options)])
            else:
                assert shown == question

    def test_the_right_letter_moves_between_papers(self):
        letters = Counter(exam.fixed_exam(["m01-cortisol"], seed=n).questions[0].answer for n in range(40))
        assert len(letters) == 4 and max(letters.values()) < 20

    def test_a_fixed_paper_is_the_same_for_every_learner(self):
        ids = ["m01-cortisol", "m04-explicit"]
        assert exam.fixed_exam(ids).questions == exam.fixed_exam(ids).questions


class TestStrategies:
    """The strategies of benchmarks/bench_exam.py, which `make bench` reports as figures."""

    def test_the_longest_option_is_not_the_right_one(self):
        assert bench_exam.longest_option(BANK) <= bench_exam.LONGEST_TARGET

    @pytest.mark.parametrize("letter", "abcd")
    def test_always_the_same_letter_is_guessing(self, letter):
        low, high = bench_exam.SAME_LETTER_RANGE
        assert low <= bench_exam.same_letter(BANK, letter) <= high

    def test_a_keyword_dump_fails_the_short_answers(self):
        assert bench_exam.keyword_dump(BANK) <= bench_exam.DUMP_TARGET

    def test_negated_model_answers_fail(self):
        assert bench_exam.negated_model_answers(BANK) <= bench_exam.NEGATED_TARGET

    def test_gaming_a_whole_paper_fails(self):
        assert bench_exam.gamed_papers_passed(BANK, papers=50) <= 0.05

    def test_the_strategies_would_catch_a_gameable_bank(self):
        """The same measures on a bank built to be gamed: they do fail it."""
        text = ("modules: {1: Why}\nquestions:\n"
                "  - {id: q1, module: 1, kind: choice, question: Which?, answer: a, explanation: E.,"
                " options: {a: The long and detailed right answer, b: No, c: Red, d: Blue}}\n"
                "  - {id: q2, module: 1, kind: short, question: How?, answer: x, keywords: [[weekly]],"
                " explanation: E.}\n")
        gameable = exam.parse_bank(text)
        assert bench_exam.longest_option(gameable) == 1.0
        assert bench_exam.keyword_dump(gameable) == 1.0


class TestPracticeExam:
    def test_the_same_seed_draws_the_same_paper(self):
        first = exam.practice_exam(15, seed=11)
        assert [q.id for q in first.questions] == [q.id for q in exam.practice_exam(15, seed=11).questions]
        assert [q.id for q in first.questions] != [q.id for q in exam.practice_exam(15, seed=12).questions]

    def test_a_paper_draws_from_every_module_in_turn(self):
        paper = exam.practice_exam(22, seed=3)
        per_module = Counter(q.module for q in paper.questions)
        assert set(per_module) == set(range(11)) and set(per_module.values()) == {2}
        assert len({q.id for q in paper.questions}) == 22

    def test_a_paper_can_focus_on_chosen_modules(self):
        paper = exam.practice_exam(6, seed=1, modules=[6, 7])
        assert {q.module for q in paper.questions} == {6, 7}

    def test_an_unseeded_paper_records_its_seed(self):
        paper = exam.practice_exam(5)
        assert paper.seed is not None
        again = exam.practice_exam(5, seed=paper.seed)
        assert [q.id for q in again.questions] == [q.id for q in paper.questions]

    @pytest.mark.parametrize("size", [0, len(IDS) + 1])
    def test_an_impossible_size_is_refused(self, size):
        with pytest.raises(ValueError, match="ask for 1 to"):
            exam.practice_exam(size, seed=1)

    def test_right_answers_pass_and_blanks_fail(self):
        paper = exam.practice_exam(10, seed=5)
        right = paper.grade({q.id: q.answer for q in paper.questions})
        assert right.score == 1.0 and right.passed and right.revisit() == []
        blank = paper.grade(paper.blank())
        assert blank.score == 0.0 and not blank.passed

    def test_the_pass_mark_is_inclusive(self):
        paper = exam.practice_exam(10, seed=5)
        seven = {q.id: q.answer for q in paper.questions[:7]}
        assert paper.grade(seven).score == 0.7 and paper.grade(seven).passed
        assert not paper.grade({q.id: q.answer for q in paper.questions[:6]}).passed

    def test_feedback_points_to_the_modules_to_revisit(self):
        paper = exam.fixed_exam(["m02-kr-count", "m02-team-max", "m06-length"])
        team_max = paper.questions[1]
        wrong = next(key for key, _ in team_max.options if key != team_max.answer)
        result = paper.grade({"m02-kr-count": "7", "m02-team-max": wrong, "m06-length": "10 to 30 minutes"})
        assert result.revisit() == [2]
        assert result.by_module() == {2: (0, 2), 6: (1, 1)}
        text = str(result)
        assert "revisit module 2 (Anatomy of a strong OKR): notebook 02, section \u201cHow many?\u201d" in text
        assert "answer 3 to 5" in text

    def test_a_blank_answer_keeps_its_answer_hidden(self):
        result = exam.fixed_exam(["m02-kr-count"]).grade({})
        assert "not answered" in str(result) and "3 to 5" not in str(result)
        assert "3 to 5" not in result._repr_html_()

    def test_a_missed_question_names_the_section_to_reread_in_html_too(self):
        result = exam.fixed_exam(["m02-kr-count"]).grade({"m02-kr-count": "7"})
        assert "Reread: notebook 02, section \u201cHow many?\u201d" in result._repr_html_()
        right = exam.fixed_exam(["m02-kr-count"]).grade({"m02-kr-count": "3 to 5"})
        assert "Reread" not in right._repr_html_()

    def test_a_learners_paper_says_whose_attempt_it_is(self):
        paper = exam.practice_exam(3, learner="learner-<b>", attempt=4)
        html = paper._repr_html_()
        assert "learner-&lt;b&gt;, attempt 4" in html and "learner-<b>" not in html

    def test_html_escapes_what_the_learner_typed(self):
        result = exam.fixed_exam(["m02-kr-count"]).grade({"m02-kr-count": "<script>x</script>"})
        html = result._repr_html_()
        assert "<script>x" not in html and "&lt;script&gt;" in html

    def test_a_paper_shows_its_questions(self):
        paper = exam.fixed_exam(["m01-cortisol"])
        assert "Cortisol" in str(paper) and "m01-cortisol" in paper._repr_html_()
        assert paper.blank() == {"m01-cortisol": ""}

    def test_answers_must_be_a_dictionary(self):
        with pytest.raises(TypeError):
            exam.fixed_exam(["m01-cortisol"]).grade(["c"])
