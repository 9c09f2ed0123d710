"""The draft checker in a real JupyterLab, driven through Debian's Chromium with Playwright.

Starts JupyterLab from this environment on a free local port with a token, opens a
notebook generated for the test, types into the widget as a learner would, and checks
what the page shows: the finding, escaped learner text, and the draft restored after a
kernel restart. Screenshots go to test-output/browser/. Playwright never downloads a
browser here: it launches /usr/bin/chromium (``make test`` installs it when missing).
"""
import json
import os
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

FIRST_CELL = f'from okrkit.widgets import DraftChecker\n\nchecker = DraftChecker(name="{NAME}")\nchecker'
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
        pytest.fail(f"The browser test needs Debian's Chromium at {CHROMIUM}: run `make test` as root, "
                    "or `sudo apt-get install -y chromium`.")
    home = tmp_path_factory.mktemp("lab")
    notebooks, config = home / "notebooks", home / "config"
    notebooks.mkdir()
    (config / "labconfig").mkdir(parents=True)
    # No "get Jupyter news?" toast over the screenshots.
    (config / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FIRST_CELL)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, notebooks / "checker.ipynb")

    port, token = _free_port(), uuid.uuid4().hex
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython")}
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = open(OUTPUT / "jupyterlab.log", "w")
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
    area = page.locator(".okrkit-draft textarea")
    if not area.count():
        _run_all(page)
    area.wait_for()
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
    page.locator(".okrkit-dc details.warning", has_text="has 2 key results").wait_for()  # the whole draft
    error = page.locator(".okrkit-dc details.error", has_text="has no number")
    assert "Error" in error.inner_text() and "line 4 · O1/KR1" in error.inner_text()
    summary = page.locator(".okrkit-dc-summary")
    assert "1 error" in summary.inner_text()

    error.locator("summary").focus()  # keyboard: open the finding to see why and a good example
    page.keyboard.press("Enter")
    page.locator(".okrkit-dc details.error[open] .okrkit-dc-why").wait_for()
    assert "A good example" in error.inner_text()
    page.screenshot(path=OUTPUT / "draft-checker.png", full_page=True)


def test_learner_markup_shows_literally_and_never_runs(page, dialogs):
    """An <img onerror> and a <script> typed into the draft show as text; nothing executes."""
    _type_draft(page, f"{DRAFT}{IMAGE}\n{SCRIPT}\n")
    page.locator(".okrkit-dc details", has_text="<script>").wait_for()
    shown = page.locator(".okrkit-dc", has_text="onerror").first.inner_text()
    assert IMAGE[:30] in shown
    assert page.locator(".okrkit-dc img, .okrkit-dc script").count() == 0
    assert page.evaluate("window.okrkitInjected") is None
    assert dialogs == []
    page.screenshot(path=OUTPUT / "draft-checker-markup.png", full_page=True)


def test_the_draft_survives_a_kernel_restart(page, lab):
    """After the autosave, a kernel restart and a re-run bring back exactly what was typed."""
    typed = f"{DRAFT}# survives a restart\n"
    _type_draft(page, typed)
    saved = lab["folder"] / ".okrkit-autosave" / f"{NAME}.okr"
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while saved.read_text(encoding="utf-8") != typed and time.monotonic() < deadline:
        time.sleep(0.1)  # the autosave follows a pause in typing
    assert saved.read_text(encoding="utf-8") == typed

    _run_all(page, "notebook:restart-run-all")
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.locator(".widget-html", has_text="Restored your draft").wait_for()
    assert _draft_area(page).input_value() == typed
    page.locator(".okrkit-dc details.error", has_text="has no number").wait_for()
    page.screenshot(path=OUTPUT / "draft-checker-restored.png", full_page=True)
