"""End to end in a real browser: `streamlit run dashboard.py`, every page, a filter in the URL across a page
switch, a hostile URL value shown as text, and a full-page screenshot of each page in docs/screenshots/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "docs" / "screenshots"
PAGES = [("overview", "Overview", ""), ("timeline", "Timeline", "timeline"), ("value_chains", "Value chains", "value_chains"),
         ("quotes", "Quotes", "quotes"), ("articles", "Articles", "articles")]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


@contextmanager
def browser_page(height: int):
    """A fresh page in headless Chromium, 1400 pixels wide; the browser closes afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser.new_page(viewport={"width": 1400, "height": height})
        finally:
            browser.close()


def settle(page, title: str) -> None:
    """Waits for the page's title and for the script run to finish, then fails on any exception box."""
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=30_000)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('button')].some(b => b.innerText.trim() === 'Stop')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=30_000,
    )
    page.wait_for_timeout(1200)  # plotly and vega draw after the run
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found: apt-get install -y chromium")
    pytest.importorskip("playwright.sync_api")
    port = free_port()
    env = dict(os.environ, DASHBOARD_DATA=str(ROOT / "data" / "articles"),
               DASHBOARD_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_every_page_filter_in_url_and_screenshots(server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browser_page(height=1800) as page:
        # the server's very first run, deep-linked to a page, must still go through dashboard.py
        page.goto(server + "/timeline?theme=hydrogen")
        settle(page, "Timeline")
        nav = page.get_by_test_id("stSidebarNav").inner_text()
        assert "Value chains" in nav and "value chains" not in nav  # v2 titles, not the pages/ file names
        assert page.url == server + "/timeline?theme=hydrogen"
        page.goto(server + "/")
        settle(page, "Overview")
        assert page.url == server + "/"
        for stem, title, path in PAGES:
            page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
            page.wait_for_url(f"{server}/{path}" if path else f"{server}/")
            settle(page, title)
            page.screenshot(path=str(SHOTS / f"{stem}.png"), full_page=True)

        themes = page.get_by_test_id("stMultiSelect").filter(has_text="Themes")
        themes.click()
        page.get_by_role("option", name="hydrogen", exact=True).click()
        page.keyboard.press("Escape")
        page.wait_for_url("**theme=hydrogen**")
        settle(page, "Articles")
        page.get_by_test_id("stSidebarNav").get_by_text("Timeline", exact=True).click()
        page.wait_for_url(f"{server}/timeline?theme=hydrogen")
        settle(page, "Timeline")
        assert "hydrogen" in themes.inner_text()


def test_hostile_url_value_is_shown_as_text(server):
    with browser_page(height=1000) as page:
        page.goto(server + "/quotes?q=%3Cscript%3Ewindow.hit%3D1%3C%2Fscript%3E&from=2025-01-01")
        settle(page, "Quotes")
        warning = page.get_by_test_id("stAlertContentWarning")
        lines = [line.strip() for line in warning.get_by_test_id("stMarkdownContainer").inner_text().strip().split("\n")]
        assert lines == ["This link asked for values that were ignored:",
                         'q: "<script>window.hit=1</script>" contains < or >; ignored.']
        assert page.evaluate("() => window.hit === undefined")
        assert page.url == f"{server}/quotes?from=2025-01-01"
