"""The dashboard page and its plots."""
import matplotlib
import matplotlib.pyplot as plt

from okrkit.classroom import dashboard, dashboard_report, grading
from tests.classroom import STRONG_DRAFT, module_2, save
from tests.test_dashboard import calibrated_book

matplotlib.use("Agg")


def test_plots_draw_on_given_axes(tmp_path):
    save(tmp_path / "ana" / "02_anatomy.ipynb", module_2(STRONG_DRAFT))
    save(tmp_path / "bo" / "02_anatomy.ipynb", module_2("Team: A\nO: Grow\nKR: Be great\n"))
    book = grading.grade_class(tmp_path)
    fig, axes = plt.subplots(3)
    assert dashboard_report.plot_pass_rates(dashboard.pass_rates(book), ax=axes[0]) is axes[0]
    assert len(axes[0].patches) == 3
    assert dashboard_report.plot_rules(dashboard.rules_broken(book), ax=axes[1]) is axes[1]
    assert any("OKR203" in t.get_text() for t in axes[1].get_yticklabels())
    calibration = dashboard.calibration(calibrated_book({"a": 0.9, "b": 0.2}))
    assert dashboard_report.plot_calibration(calibration, ax=axes[2]) is axes[2]
    assert len(axes[2].patches) == 2
    plt.close("all")


def test_page_embeds_the_plots_and_escapes_learner_names():
    book = calibrated_book({"<i>ana</i>": {"a": 0.9}, "bo": {"a": 0.5}})
    page = dashboard_report.render(book)
    assert page.count("data:image/png;base64,") == 2  # pass rates and calibration; no rule fired
    assert "<i>ana</i>" not in page and "&lt;i&gt;ana&lt;/i&gt;" in page
    assert "No rule fired" in page and "the class median" in page
