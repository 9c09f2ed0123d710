"""The widgets in a real JupyterLab, driven through Debian's Chromium with Playwright.

Starts JupyterLab from this environment on a free local port with a token, opens a
notebook generated for the test, and uses each widget as a learner would: types a draft
into the draft checker (the finding shows, learner markup shows literally and never runs),
moves a score card slider, adds a check-in, closes an objective in the retro form,
unlinks a team on the alignment board and answers an exercise through its form; then
restarts the kernel and finds everything restored. Screenshots of each widget go to
test-output/browser/. Playwright never downloads a browser here: it launches
/usr/bin/chromium (``make test`` installs it when missing).
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# This machine's network is closed: without these flags Chromium keeps calling home.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OUTPUT = ROOT / "test-output" / "browser"
TIMEOUT_MS = 60_000
NAME = "browser-test"
CHECKER = ".okrkit-draft-checker"  # the draft checker's box: the other widgets show findings the same way

FIRST_CELL = f'from okrkit.widgets import DraftChecker\n\nchecker = DraftChecker(name="{NAME}")\nchecker'
# The other widgets, one cell each, started as a course notebook would start them.
WIDGET_CELLS = (
    'from okrkit.widgets import ScoreCard\n\ncard = ScoreCard(example="sales-retail", name="browser-scores")\ncard',
    "from datetime import date\nfrom okrkit.cycle.checkins import CheckIn, CheckInLog\n"
    "from okrkit.widgets import CheckInLogger\n\n"
    "start = CheckInLog(tuple(CheckIn('O1/KR1', date(2025, 1, day), value, confidence)\n"
    "                         for day, value, confidence in ((7, 21, 0.7), (14, 21.5, 0.6), (21, 22, 0.6))))\n"
    'checkins = CheckInLogger(example="sales-retail", log=start, today=date(2025, 2, 14), name="browser-checkins")\n'
    "checkins",
    'from okrkit.widgets import RetroForm\n\nretro = RetroForm(card.okr_set, name="browser-retro")\nretro',
    'from okrkit.widgets import AlignmentBoard\n\n'
    'board = AlignmentBoard("copies-and-shortfalls", name="browser-alignment")\nboard',
    'from okrkit.widgets import AnswerForm\n\nAnswerForm("06-3", name="browser-answer")',
)
# Exercise 06-3 answered in its form: the label of each key result, as the kit reads the log.
FORM_ANSWER = {"O1/KR1": "on track", "O1/KR2": "off track", "O1/KR3": "at risk"}
DRAFT = ("Team: Marketing\nCycle: 2025-Q2\nO: Win the trust of retail buyers\n"
         "KR: Acquire more leads\nKR: Raise aided brand recall from 30% to 45%\n")
IMAGE = '<img src=x onerror="window.okrkitInjected=1;alert(1)">'
SCRIPT = "<script>window.okrkitInjected=2;alert(2)</script>"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError:
        return 0


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server over a folder holding one test notebook; shut down afterwards."""
    if not CHROMIUM.exists():
        message = (f"The browser test needs Debian's Chromium at {CHROMIUM}: run `make test` as root, "
                   "or `sudo apt-get install -y chromium`.")
        if os.environ.get("OKRKIT_REQUIRE_BROWSER"):  # set by .ci/run: there the browser test is mandatory
            pytest.fail(message)
        pytest.skip("SKIPPED THE BROWSER TEST. " + message)
    home = tmp_path_factory.mktemp("lab")
    notebooks, config = home / "notebooks", home / "config"
    notebooks.mkdir()
    (config / "labconfig").mkdir(parents=True)
    # No "get Jupyter news?" toast over the screenshots.
    (config / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    # Every cell stays rendered, scrolled into view or not, so each widget can be found and photographed.
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell) for cell in (FIRST_CELL, *WIDGET_CELLS)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, notebooks / "checker.ipynb")

    port, token = _free_port(), uuid.uuid4().hex
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython")}
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = open(OUTPUT / "jupyterlab.log", "w")  # noqa: SIM115 (held open for the server's whole life)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         "--ServerApp.allow_root=True", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={notebooks}", "--LabApp.expose_app_in_browser=True",
         f"--LabApp.user_settings_dir={home / 'settings'}", f"--LabApp.workspaces_dir={home / 'workspaces'}"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while _get(f"{base}/api/status?token={token}") != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start; see {OUTPUT / 'jupyterlab.log'}")
            time.sleep(0.25)
        yield {"url": f"{base}/lab/tree/checker.ipynb?token={token}", "folder": notebooks}
    finally:
        _shut_down(server, f"{base}/api/shutdown?token={token}")
        log.close()


def _shut_down(server: subprocess.Popen, url: str) -> None:
    """Ask the server to stop its kernels and itself; kill it if it does not within 30 s."""
    if server.poll() is None:
        try:
            urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=10).close()
            server.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def dialogs():
    """The message of every alert, confirm or prompt the page opened."""
    return []


@pytest.fixture(scope="module")
def page(lab, dialogs):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(TIMEOUT_MS)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(lab["url"])
            page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-NotebookPanel')")
            _wait_for_idle_kernel(page)
            yield page
        finally:
            browser.close()


def _wait_for_idle_kernel(page) -> None:
    page.wait_for_function("""() => {
        const panel = window.jupyterapp.shell.currentWidget;
        const kernel = panel && panel.sessionContext && panel.sessionContext.session
            && panel.sessionContext.session.kernel;
        return kernel && kernel.status === 'idle';
    }""")


def _run_all(page, command: str = "notebook:run-all-cells") -> None:
    """Start a JupyterLab command without awaiting it (a restart waits for its dialog)."""
    page.evaluate(f"() => {{ window.jupyterapp.commands.execute('{command}'); }}")


def _draft_area(page):
    """The checker's text area, running the notebook first if it is not on the page yet."""
    area = page.locator(f"{CHECKER} .okrkit-draft textarea")
    if not area.count():
        _run_all(page)
    area.wait_for()
    # The last cell's widget on the page: the kernel has run every cell and is free for the learner's typing.
    page.locator(".okrkit-alignment-board").wait_for()
    return area


def _type_draft(page, text: str) -> None:
    area = _draft_area(page)
    area.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text, delay=5)


def test_a_typed_draft_shows_its_finding(page):
    """Typing a key result without a number brings up OKR203 with its line, as an error in words."""
    _type_draft(page, DRAFT)
    # The whole draft checked: a pause mid-typing (a busy browser) may show a check of part of it first.
    page.locator(f"{CHECKER} .okrkit-dc-summary", has_text="1 error, 1 warning").wait_for()
    page.locator(f"{CHECKER} .okrkit-dc details.warning", has_text="has 2 key results").wait_for()
    error = page.locator(f"{CHECKER} .okrkit-dc details.error", has_text="has no number")
    assert "Error" in error.inner_text() and "line 4 · O1/KR1" in error.inner_text()

    error.locator("summary").focus()  # keyboard: open the finding to see why and a good example
    page.keyboard.press("Enter")
    page.locator(f"{CHECKER} .okrkit-dc details.error[open] .okrkit-dc-why").wait_for()
    assert "A good example" in error.inner_text()
    page.screenshot(path=OUTPUT / "draft-checker.png", full_page=True)


def test_learner_markup_shows_literally_and_never_runs(page, dialogs):
    """An <img onerror> and a <script> typed into the draft show as text; nothing executes."""
    _type_draft(page, f"{DRAFT}{IMAGE}\n{SCRIPT}\n")
    page.locator(f"{CHECKER} .okrkit-dc details", has_text="<script>").wait_for()
    shown = page.locator(f"{CHECKER} .okrkit-dc", has_text="onerror").first.inner_text()
    assert IMAGE[:30] in shown
    assert page.locator(".okrkit-dc img, .okrkit-dc script, .okrkit-form img, .okrkit-form script").count() == 0
    assert page.evaluate("window.okrkitInjected") is None
    assert dialogs == []
    page.screenshot(path=OUTPUT / "draft-checker-markup.png", full_page=True)


def _shoot(page, css: str, name: str) -> None:
    """A screenshot of the notebook cell holding a widget, with the window tall enough to show all of it."""
    cell = page.locator(".jp-Cell", has=page.locator(css))
    height = cell.bounding_box()["height"]
    page.set_viewport_size({"width": 1400, "height": int(min(max(900, height + 200), 3000))})
    try:
        cell.scroll_into_view_if_needed()
        cell.screenshot(path=OUTPUT / name)
    finally:
        page.set_viewport_size({"width": 1400, "height": 900})


def _wait_for_new_image(page, css: str, before: str) -> None:
    """Wait until the widget's plot shows another picture than ``before`` (a new <img>, a new src)."""
    page.wait_for_function("([css, before]) => { const img = document.querySelector(css + ' img');"
                           " return img && img.getAttribute('src') !== before; }", arg=[css, before])


def test_stepping_a_score_changes_the_band_words(page):
    """Arrow keys in a key result's score box score it; the band shows in words and icon, and follows the score."""
    card = page.locator(".okrkit-score-card")
    card.wait_for()
    first = card.locator(".widget-vbox", has=page.locator(".okrkit-score")).first
    assert "not scored yet" in first.inner_text()
    box = first.locator(".okrkit-score input")
    box.focus()
    for _ in range(8):
        page.keyboard.press("ArrowUp")
    first.locator(".okrkit-badge.green", has_text="0.80 Green: we delivered").wait_for()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    badge = first.locator(".okrkit-badge.yellow", has_text="0.50 Yellow")
    badge.wait_for()
    assert "we made progress, but fell short of completion" in badge.inner_text()
    first.locator("input[placeholder^='e.g.']").fill("25")  # the value now: measured progress beside the score
    first.get_by_text("Measured progress 0.50").wait_for()
    _shoot(page, ".okrkit-score-card", "score-card.png")


def test_a_check_in_is_added_and_plotted(page):
    """A value typed and Add pressed: the check-in joins the history, and the trend plot is drawn again."""
    log = page.locator(".okrkit-checkin-log")
    log.wait_for()
    plot = log.locator("img").first
    before = plot.get_attribute("src")
    log.locator("input[placeholder^='the metric now']").fill("24")
    log.locator("button", has_text="Add check-in").click()
    log.get_by_text("Added the check-in of O1/KR1 on 2025-01-28").wait_for()
    assert "2025-01-28\t24" in log.locator("table").first.inner_text()
    _wait_for_new_image(page, ".okrkit-checkin-log", before)
    _shoot(page, ".okrkit-checkin-log", "checkin-log.png")


def test_closing_an_objective_shows_the_closing_findings(page):
    """Carry forward with no value to gain brings up OKR602; stars and a learning bring up the rest."""
    form = page.locator(".okrkit-retro-form")
    form.wait_for()
    form.locator("button", has_text="Carry forward").click()
    form.locator("button", has_text="2 ★").click()
    form.locator("textarea").first.fill("Outlet deals take a full quarter")
    form.locator(".okrkit-dc details.warning", has_text="carried forward without saying").wait_for()
    form.locator(".okrkit-dc details.warning", has_text="not what was decided").wait_for()
    _shoot(page, ".okrkit-retro-form", "retro-form.png")


def test_the_alignment_board_shows_links_conflicts_silos_and_the_map(page):
    """The copies-and-shortfalls example: two conflicting targets, a copy of the company's OKR, and its
    map; taking the team's link out makes it a silo."""
    board = page.locator(".okrkit-alignment-board")
    board.wait_for()
    board.get_by_text("Conflicting targets (2)").wait_for()
    drawn = board.locator("img").first
    before = drawn.get_attribute("src")
    assert before
    editor = board.locator("textarea")
    yaml = editor.input_value()
    editor.fill(yaml.replace("  aligns_to: company/O1\n", ""))
    board.get_by_text("Silos (1)").wait_for()
    board.locator(".okrkit-dc details.warning", has_text="is a silo").wait_for()
    _wait_for_new_image(page, ".okrkit-alignment-board", before)  # the map follows after a longer pause
    _shoot(page, ".okrkit-alignment-board", "alignment-board.png")


def test_an_exercise_is_answered_through_its_form(page):
    """Exercise 06-3 answered without Python: a label picked in each dropdown, then Check my answer."""
    _draft_area(page)  # the notebook has run
    form = page.locator(".okrkit-answer-form")
    form.wait_for()
    for where, label in FORM_ANSWER.items():
        form.get_by_label(where).select_option(label=label)
    form.locator("button", has_text="Check my answer").click()
    form.get_by_text("Exercise 06-3: passed").wait_for()
    form.locator("button", has_text="Show as code").click()
    assert '"O1/KR2": "off track"' in form.locator("pre").inner_text()
    _shoot(page, ".okrkit-answer-form", "answer-form.png")


WIDGET_ROOTS = (CHECKER, ".okrkit-score-card", ".okrkit-checkin-log", ".okrkit-retro-form", ".okrkit-alignment-board",
                ".okrkit-answer-form")


def test_the_widgets_output_passes_an_accessibility_scan(page):
    """axe-core over the widgets' output, an answer form's too (JupyterLab's own chrome aside): no violation at all."""
    from axe_playwright_python.sync_playwright import Axe

    for css in WIDGET_ROOTS:
        page.locator(css).wait_for()
    results = Axe().run(page, context={"include": [[css] for css in WIDGET_ROOTS]})
    violations = results.response["violations"]
    assert not violations, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['html'][:160]})"
                                      for v in violations)


def test_the_draft_survives_a_kernel_restart(page, lab):
    """After the autosave, a kernel restart and a re-run bring back exactly what was typed."""
    typed = f"{DRAFT}# survives a restart\n"
    _type_draft(page, typed)
    saved = lab["folder"] / ".okrkit-autosave" / f"{NAME}.okr"
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while (not saved.exists() or saved.read_text(encoding="utf-8") != typed) and time.monotonic() < deadline:
        time.sleep(0.1)  # the autosave follows a pause in typing
    assert saved.read_text(encoding="utf-8") == typed
    kept = _other_widgets(page)

    _run_all(page, "notebook:restart-run-all")
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.locator(".widget-html", has_text="Restored your draft").wait_for()
    assert _draft_area(page).input_value() == typed
    page.locator(f"{CHECKER} .okrkit-dc details.error", has_text="has no number").wait_for()
    page.screenshot(path=OUTPUT / "draft-checker-restored.png", full_page=True)
    # The other widgets come back as they were: scores, check-ins, the retro and the team's OKRs.
    for css in (".okrkit-score-card", ".okrkit-checkin-log", ".okrkit-retro-form", ".okrkit-alignment-board"):
        page.locator(css, has_text=re.compile("Restored your|Saved as you go")).wait_for()
    assert _other_widgets(page) == kept


def _other_widgets(page) -> dict:
    """What a learner entered in the widgets after the draft checker, as the page shows it."""
    return {"scores": page.locator(".okrkit-score-card .okrkit-badge").all_inner_texts(),
            "check-ins": page.locator(".okrkit-checkin-log table").first.inner_text(),
            "learning": page.locator(".okrkit-retro-form textarea").first.input_value(),
            "team": page.locator(".okrkit-alignment-board textarea").input_value()}
