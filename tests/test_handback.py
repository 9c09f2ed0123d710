"""``okrkit return``: each learner's own feedback page, into their own home, never through a link."""
from okrkit.classroom.handback import FEEDBACK, give_back
from okrkit.cli import main
from tests.classroom import save


def _gradebook(tmp_path, **pages):
    for name, text in pages.items():
        save(tmp_path / "book" / "learners" / f"{name}.html", text)
    return tmp_path / "book"


def test_each_learner_gets_their_own_page(tmp_path):
    book = _gradebook(tmp_path, ana="<p>ana's feedback</p>", **{"bo-b": "<p>bo's feedback</p>"})
    for learner in ("ana", "bo.b", "cy"):
        (tmp_path / "homes" / learner).mkdir(parents=True)
    report = {r.learner: r for r in give_back(book, tmp_path / "homes")}
    assert (tmp_path / "homes" / "ana" / FEEDBACK).read_text() == "<p>ana's feedback</p>"
    assert (tmp_path / "homes" / "bo.b" / FEEDBACK).read_text() == "<p>bo's feedback</p>"
    assert report["cy"].page is None and report["cy"].why_not == "no feedback page in the gradebook"


def test_returning_again_keeps_the_previous_page(tmp_path):
    (tmp_path / "homes" / "ana").mkdir(parents=True)
    give_back(_gradebook(tmp_path, ana="first"), tmp_path / "homes")
    give_back(_gradebook(tmp_path, ana="second"), tmp_path / "homes")
    page = tmp_path / "homes" / "ana" / FEEDBACK
    assert page.read_text() == "second" and page.with_name("feedback.html~").read_text() == "first"


def test_a_link_where_the_page_goes_is_never_written_through(tmp_path):
    precious = save(tmp_path / "precious.txt", "keep me")
    (tmp_path / "homes" / "eve").mkdir(parents=True)
    (tmp_path / "homes" / "eve" / "feedback").symlink_to(tmp_path)
    (tmp_path / "homes" / "mal" / "feedback").mkdir(parents=True)
    (tmp_path / "homes" / "mal" / FEEDBACK).symlink_to(precious)
    report = {r.learner: r for r in give_back(_gradebook(tmp_path, eve="x", mal="y"), tmp_path / "homes")}
    assert report["eve"].why_not == "feedback is a symbolic link"
    assert report["mal"].why_not == "feedback/feedback.html is a symbolic link"
    assert precious.read_text() == "keep me" and not (tmp_path / "feedback.html").exists()


def test_two_learners_whose_page_names_clash_get_nothing_rather_than_a_guess(tmp_path):
    for learner in ("jo.x", "jo-x"):
        (tmp_path / "homes" / learner).mkdir(parents=True)
    report = give_back(_gradebook(tmp_path, **{"jo-x": "whose?"}), tmp_path / "homes")
    assert [r.page for r in report] == [None, None]


def test_the_command_without_a_gradebook_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "homes").mkdir()
    assert main(["return", str(tmp_path), str(tmp_path / "homes")]) == 2
    assert "holds no learners/ folder" in capsys.readouterr().err


def test_the_command_returns_the_pages_and_says_what_it_could_not(tmp_path, capsys):
    for learner in ("ana", "eve"):
        (tmp_path / "homes" / learner).mkdir(parents=True)
    (tmp_path / "homes" / "eve" / "feedback").symlink_to(tmp_path)
    book = _gradebook(tmp_path, ana="<p>yours</p>", eve="<p>hers</p>")
    assert main(["return", str(book), str(tmp_path / "homes")]) == 0
    out = capsys.readouterr().out
    assert "eve: feedback is a symbolic link; nothing returned" in out and "Returned 1 feedback pages" in out
    assert (tmp_path / "homes" / "ana" / FEEDBACK).read_text() == "<p>yours</p>"
