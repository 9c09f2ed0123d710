"""One learner logs into the real class hub in Chromium and lands in notebook 00.

The hub (deploy/jupyterhub_config.py) runs on loopback; the instructor adds the learner
through the REST API, the learner chooses a password on the login page (first use), and the
hub starts their server on the course's first notebook, handed out into their home.
Skipped like tests/test_browser.py when Chromium or the hub is missing, unless
OKRKIT_REQUIRE_BROWSER or OKRKIT_REQUIRE_HUB says it must run.
"""
import importlib.util
import json
import os

import pytest

from benchmarks import class_hub
from tests.conftest import ROOT
from tests.test_browser import CHROMIUM, CHROMIUM_FLAGS, TIMEOUT_MS

pytestmark = pytest.mark.browser
OUTPUT = ROOT / "test-output" / "browser"
NOTEBOOK_00 = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
HEADING = "".join(NOTEBOOK_00["cells"][0]["source"]).splitlines()[0].lstrip("# ").strip()  # its title, as written


def _needed():
    if not CHROMIUM.exists():
        message = f"The hub browser test needs Debian's Chromium at {CHROMIUM}: `sudo apt-get install -y chromium`."
        if os.environ.get("OKRKIT_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip("SKIPPED THE HUB BROWSER TEST. " + message)
    if importlib.util.find_spec("jupyterhub") is None or not class_hub.PROXY.exists():
        message = "The hub browser test needs the hub: run `make hub-install` (or `make test`, which does)."
        if os.environ.get("OKRKIT_REQUIRE_HUB"):
            pytest.fail(message)
        pytest.skip("SKIPPED THE HUB BROWSER TEST. " + message)


def test_a_learner_logs_in_and_opens_notebook_00(tmp_path):
    _needed()
    from playwright.sync_api import sync_playwright

    with class_hub.running_hub(tmp_path) as hub:
        class_hub.add_learners(hub, ["ana"])  # before Playwright, which holds an event loop of its own
        _log_in_and_open(hub, sync_playwright)
        assert (hub.homes / "ana" / "notebooks" / "00_start_here.ipynb").is_file()


def _log_in_and_open(hub, sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(3 * TIMEOUT_MS)  # the server starts after the login
            page.goto(f"{hub.url}/hub/login")
            page.fill("#username_input", "ana")
            page.fill("#password_input", "first-login-pass")
            page.click("#login_submit")
            page.wait_for_url("**/user/ana/lab/tree/notebooks/00_start_here.ipynb**")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
            page.wait_for_selector(f".jp-NotebookPanel .jp-Cell h1:has-text('{HEADING}')")
            assert "00_start_here.ipynb" in page.locator(".lm-DockPanel-tabBar .lm-TabBar-tabLabel").all_inner_texts()
            OUTPUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUTPUT / "hub-notebook-00.png"))
        finally:
            browser.close()
