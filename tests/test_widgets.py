"""The draft checker, headless: set ``.value`` as the browser would and look at what it shows."""
import asyncio
from html import escape

import pytest

import okrkit
from okrkit import examples
from okrkit.widgets import DraftChecker
from okrkit.widgets.autosave import Autosave
from okrkit.widgets.debounce import Debouncer

WEAK = "Team: Marketing\nCycle: 2025-Q2\nO: Win the trust of retail buyers\nKR: Acquire more leads\n"
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def shown(checker: DraftChecker) -> str:
    """Everything the findings panel shows, as HTML."""
    return checker._summary.value + "".join(view.value for view in checker._list.children)


@pytest.fixture(autouse=True)
def notebook_folder(tmp_path, monkeypatch):
    """Each test runs in its own folder, as a notebook would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestStarting:
    def test_empty_says_there_is_nothing_to_check_yet(self):
        checker = DraftChecker()
        assert checker.value == "" and checker.findings == [] and not checker.okr_set.objectives
        assert "Nothing to check yet" in shown(checker)

    def test_from_an_example_shows_what_the_checker_says_about_it(self):
        checker = DraftChecker(example="go-to-market-weak")
        assert checker.value == examples.example("go-to-market-weak")
        assert checker.findings == okrkit.check(checker.value)
        assert len(checker._list.children) == len(checker.findings)

    def test_from_the_template_or_from_text(self):
        assert DraftChecker(template=True).value == examples.template()
        assert DraftChecker(WEAK).okr_set.objectives[0].title == "Win the trust of retail buyers"

    def test_one_start_only(self):
        with pytest.raises(ValueError, match="one of"):
            DraftChecker(WEAK, template=True)

    def test_an_unknown_example_names_the_known_ones(self):
        with pytest.raises(KeyError, match="support-strong"):
            DraftChecker(example="nope")


class TestTyping:
    def test_setting_value_updates_set_findings_and_panel(self):
        checker = DraftChecker()
        checker.value = WEAK
        assert checker.okr_set == okrkit.parse(WEAK)
        assert checker.findings == okrkit.check(WEAK)
        unmeasurable = next(f for f in checker.findings if f.code == "OKR203")
        assert escape(checker.findings.summary().capitalize()) in checker._summary.value
        assert any(f"line {unmeasurable.line} · {unmeasurable.where}" in view.value and "✖" in view.value
                   for view in checker._list.children)

    def test_a_mended_draft_says_so(self):
        checker = DraftChecker(WEAK)
        checker.value = examples.example("support-strong")
        assert checker._list.children == () and "No findings" in checker._summary.value

    def test_severity_shows_as_icon_and_word_with_message_and_hint(self):
        checker = DraftChecker(example="go-to-market-weak")
        for f, view in zip(checker.findings, checker._list.children):
            icon = {"error": "✖", "warning": "⚠", "info": "ℹ"}[f.severity]
            assert f"{icon}</span> {f.severity.capitalize()}" in view.value
            assert escape(f.message) in view.value and escape(f.hint) in view.value

    def test_opening_a_finding_shows_the_rules_why_and_good_example(self):
        checker = DraftChecker(WEAK)
        for f, view in zip(checker.findings, checker._list.children):
            rule = okrkit.rule(f.code)
            assert view.value.count("<details") == 1 and "<summary>" in view.value
            assert escape(rule.why) in view.value and escape(rule.good.rstrip()) in view.value

    def test_learner_text_is_escaped_everywhere(self):
        checker = DraftChecker(f"Team: {NASTY}\nO: {NASTY}\nKR: {NASTY}\n{NASTY}\n")
        html = shown(checker)
        assert "<img" not in html and "<script" not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html

    def test_unchanged_findings_keep_their_view_so_an_open_one_stays_open(self):
        checker = DraftChecker(WEAK)
        first = checker._list.children[0]
        checker.value = WEAK + "O: Make every buyer visit count\n"  # findings above stay the same
        assert checker._list.children[0] is first
        checker.value = "# a new first line\n" + checker.value  # every line moves: every finding is new
        assert checker._list.children[0] is not first and first.comm is None  # the old view was closed

    def test_check_button_checks_at_once(self):
        async def type_then_click():
            checker = DraftChecker(debounce=30)
            checker.value = WEAK
            waiting = checker._summary.value
            checker._button.click()
            return waiting, checker._summary.value

        waiting, after = asyncio.run(type_then_click())
        assert "Nothing to check yet" in waiting and "1 error" in after


class TestDebounce:
    def test_in_a_kernel_typing_is_checked_after_a_pause(self):
        async def type_and_pause():
            checker = DraftChecker(debounce=0.05)
            checker.value = "O: Win"
            checker.value = WEAK
            during = checker._summary.value
            await asyncio.sleep(0.5)
            return during, checker._summary.value

        during, after = asyncio.run(type_and_pause())
        assert "Nothing to check yet" in during and "1 error" in after

    def test_reading_from_python_never_sees_a_stale_result(self):
        async def type_and_read():
            checker = DraftChecker(debounce=30)
            checker.value = WEAK
            return checker.findings, checker.okr_set

        found, draft = asyncio.run(type_and_read())
        assert found == okrkit.check(WEAK) and draft.objectives

    def test_many_calls_in_quick_succession_run_the_action_once(self):
        calls = []

        async def burst():
            debounce = Debouncer(0.05, lambda: calls.append(1))
            for _ in range(20):
                debounce()
            assert debounce.pending
            await asyncio.sleep(0.5)
            return debounce.pending

        assert asyncio.run(burst()) is False and calls == [1]

    def test_outside_an_event_loop_the_action_runs_at_once(self):
        calls = []
        Debouncer(10, lambda: calls.append(1))()
        assert calls == [1]


class TestAutosave:
    def test_a_named_checker_saves_what_is_typed_and_restores_it(self, notebook_folder):
        checker = DraftChecker(name="module2-exercise1", example="go-to-market-weak")
        checker.value = WEAK
        assert Autosave("module2-exercise1").load() == WEAK
        assert "Saved at" in checker._status.value

        again = DraftChecker(name="module2-exercise1", example="go-to-market-weak")
        assert again.value == WEAK and again.findings == okrkit.check(WEAK)
        assert "Restored your draft from .okrkit-autosave/module2-exercise1.okr" in again._status.value

    def test_creating_a_checker_writes_nothing_until_the_learner_types(self, notebook_folder):
        DraftChecker(name="untouched", template=True)
        assert not (notebook_folder / ".okrkit-autosave").exists()

    def test_without_a_name_nothing_is_saved_and_it_says_how(self, notebook_folder):
        checker = DraftChecker()
        checker.value = WEAK
        assert not (notebook_folder / ".okrkit-autosave").exists()
        assert "Not saved" in checker._status.value and "name=" in checker._status.value

    def test_a_failed_save_is_shown_not_raised(self, monkeypatch):
        def disk_full(self, text):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Autosave, "save", disk_full)
        checker = DraftChecker(name="full")
        checker.value = WEAK
        assert "Could not save your draft (No space left on device)" in checker._status.value
        assert checker.findings == okrkit.check(WEAK)

    def test_an_unreadable_autosave_starts_afresh_and_says_why(self):
        store = Autosave("broken")
        store.path.parent.mkdir()
        store.path.write_bytes(b"O: caf\xe9")
        checker = DraftChecker(name="broken", template=True)
        assert checker.value == examples.template()
        assert "Could not restore your draft" in checker._status.value and "UTF-8" in checker._status.value


def test_a_restored_draft_says_which_start_it_replaced(notebook_folder):
    DraftChecker(name="mine", example="go-to-market-weak").value = WEAK + "KR: Grow leads from 1 to 2\n"
    again = DraftChecker(name="mine", example="battery")
    assert again.value.startswith(WEAK)
    assert "replaces the example &#x27;battery&#x27;" in again._status.value
