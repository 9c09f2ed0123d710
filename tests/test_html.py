"""Learner text shown as HTML is escaped everywhere."""
import okrkit

NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_set_objective_key_result_and_findings_escape_learner_text():
    draft = okrkit.parse(f"Team: {NASTY}\nO: {NASTY}\nKR: {NASTY}\n{NASTY}\n")
    pieces = [draft._repr_html_(), draft.objectives[0]._repr_html_(),
              draft.objectives[0].key_results[0]._repr_html_(), okrkit.check(draft)._repr_html_()]
    for html in pieces:
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html


def test_findings_show_severity_in_words_and_icon():
    html = okrkit.check("O: Win\nKR: Acquire more leads")._repr_html_()
    assert "✖ error" in html and "⚠ warning" in html


def test_no_findings_says_so():
    html = okrkit.check(okrkit.parse(""))._repr_html_()
    assert "No findings" in html


def test_key_result_numbers_read_like_people_write_them():
    html = okrkit.KeyResult("Increase revenue from 20 to 30 Mil USD", current=27e6)._repr_html_()
    assert "20M → 30M USD" in html and "now 27M" in html
