"""End to end in a real browser: Debian's headless Chromium driven by Playwright, against the
Streamlit app started on a free localhost port with the real model's index of the shipped corpus."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ARCHIVE_CHROMIUM", "/usr/bin/chromium")
QUESTION = "what was the UASC figure in January 2024"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("ARCHIVE_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser.sh")
        pytest.skip(f"{CHROMIUM} is missing (scripts/install-browser.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@contextlib.contextmanager
def _serve(index_dir: Path, log: Path, archive_command: list[str] | None = None, cwd: Path = ROOT,
           env: dict | None = None):
    """The Streamlit app on a free localhost port, reading index_dir; yields its URL."""
    port = _free_port()
    env = {**os.environ, "ARCHIVE_INDEX_DIR": str(index_dir), **(env or {})}
    command = archive_command or [sys.executable, "-m", "archive.cli"]  # as `make run` starts it
    with open(log, "w") as handle:
        process = subprocess.Popen([*command, "serve", "--port", str(port)], cwd=cwd, env=env, stdout=handle,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"streamlit exited early:\n{log.read_text()}")
                time.sleep(0.5)
        else:
            pytest.fail(f"streamlit did not start:\n{log.read_text()}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def app_url(real_index, tmp_path_factory):
    with _serve(real_index, tmp_path_factory.mktemp("streamlit") / "streamlit.log") as url:
        yield url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def test_typing_the_uasc_question_shows_38_with_its_citation(page, app_url, tmp_path):
    page.goto(app_url)
    box = page.get_by_label("Question")
    box.wait_for(timeout=60_000)
    box.fill(QUESTION)
    box.press("Enter")
    answer = page.locator('[data-testid="answer"]')
    answer.wait_for(timeout=60_000)
    assert answer.inner_text().strip() == "38"
    quote = page.locator('[data-testid="quote"]').inner_text()
    assert "In January 2024 this was 38." in quote
    source = page.locator('[data-testid="source"]').inner_text()
    assert "Corporate Parenting Service" in source
    assert "12 March 2024" in source and "Children and Young People Scrutiny Committee" in source
    assert "page 1" in source
    assert "q=" in page.url  # the view is in the URL, ready to share
    page.screenshot(path=str(tmp_path / "uasc-answer.png"), full_page=True)
    shot = os.environ.get("ARCHIVE_SCREENSHOT_DIR")
    if shot:
        page.screenshot(path=str(Path(shot) / "uasc-answer.png"), full_page=True)


def test_a_shared_link_with_a_date_filter_reproduces_the_view(page, app_url, tmp_path):
    page.goto(f"{app_url}/?q={quote(QUESTION)}&from=2021-01-01&to=2022-12-31")
    page.get_by_text("No answer in the archive").wait_for(timeout=60_000)
    assert page.locator('[data-testid="answer"]').count() == 0
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)
    shot = os.environ.get("ARCHIVE_SCREENSHOT_DIR")
    if shot:
        page.screenshot(path=str(Path(shot) / "filtered.png"), full_page=True)


def test_hostile_paper_text_shows_literally_and_runs_nothing(browser, hostile_index, tmp_path):
    dialogs = []
    with _serve(hostile_index, tmp_path / "streamlit.log") as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{url}/?q={quote('playground inspection')}")
        page.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for(timeout=60_000)
        text = page.inner_text("body")
        assert "<script>alert(1)</script>" in text
        assert "<img src=x onerror=alert(2)>" in text
        assert "**bold claims**" in text and "[a link](javascript:alert(1))" in text
        page.wait_for_timeout(1000)
        assert dialogs == []
        page.close()


@pytest.fixture()
def installed_wheel(tmp_path) -> Path:
    """council-archive built as a wheel and installed into a fresh venv outside the repository; its
    dependencies come from the project's venv through a .pth file (nothing is downloaded)."""
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, cwd=tmp_path)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    (wheel,) = wheels.glob("council_archive-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--no-deps", str(wheel)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    dependencies = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "dependencies.pth").write_text("\n".join(dependencies) + "\n")
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import archive; print(archive.__file__)"],
                           check=True, cwd=tmp_path, capture_output=True, text=True).stdout
    assert where.startswith(str(site)), where  # the installed package, not the source tree
    return venv


def test_an_installed_wheel_serves_the_app_from_outside_the_repository(browser, installed_wheel, hash_index,
                                                                       tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [str(installed_wheel / "bin" / "archive")]
    with _serve(hash_index, tmp_path / "streamlit.log", archive_command=command, cwd=elsewhere) as url:
        page = browser.new_page()
        page.goto(url)
        page.get_by_label("Question").wait_for(timeout=60_000)
        assert "Council archive" in page.inner_text("body")
        assert "Error" not in page.inner_text("body")
        page.close()


DEPLOY = '[data-testid="stAppDeployButton"]'
MENU = '[data-testid="stMainMenu"]'


def _sidebar_labels(page) -> str:
    return page.locator('[data-testid="stSidebar"]').inner_text()


def _settled(page, locator, timeout: float = 60) -> str:
    """The locator's text once a rerun is over: no stale elements left and the text unchanged for 0.5 s."""
    last, deadline = None, time.time() + timeout
    while time.time() < deadline:
        page.wait_for_timeout(500)
        text = locator.inner_text()
        if text == last and page.locator('[data-stale="true"]').count() == 0:
            return text
        last = text
    pytest.fail(f"the page did not settle: {last!r}")


def test_the_local_app_shows_streamlits_developer_tools(page, app_url):
    """The selectors the public-mode test relies on find the tools when they are there."""
    page.goto(app_url)
    page.get_by_label("Question").wait_for(timeout=60_000)
    page.locator(MENU).first.wait_for(timeout=30_000)
    assert page.locator(DEPLOY).count() == 1
    assert "Feedback" in _sidebar_labels(page)


def test_the_public_app_has_no_deploy_button_menu_or_feedback_view(browser, hash_index, tmp_path):
    with _serve(hash_index, tmp_path / "streamlit.log", env={"ARCHIVE_PUBLIC": "1"}) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/?q={quote('How many children live with kinship carers?')}")
        page.locator('[data-testid="answer"]').wait_for(timeout=60_000)
        page.get_by_text("Public read-only instance.").wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the toolbar is drawn after the page: give it its chance to appear
        assert page.locator(DEPLOY).count() == 0
        assert page.locator(MENU).count() == 0
        assert "Deploy" not in page.inner_text("body")
        sidebar = _sidebar_labels(page)
        assert "Feedback" not in sidebar and "Browse" in sidebar
        # feedback buttons are words, not emoji (shown as empty boxes where no emoji font is installed)
        labels = [b.inner_text().strip() for b in page.locator('[data-testid="stBaseButton-secondary"]').all()]
        assert "Helpful" in labels and "Wrong" in labels
        assert not any(ord(c) > 0x2FFF for c in page.inner_text("body") if not c.isalnum())
        page.screenshot(path=str(tmp_path / "public.png"), full_page=True)
        shot = os.environ.get("ARCHIVE_SCREENSHOT_DIR")
        if shot:
            page.screenshot(path=str(Path(shot) / "public.png"), full_page=True)
        page.close()


def test_filters_show_only_in_the_views_they_apply_to(browser, hash_index, tmp_path):
    with _serve(hash_index, tmp_path / "streamlit.log", env={"ARCHIVE_PUBLIC": "1"}) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url)
        page.get_by_label("Question").wait_for(timeout=60_000)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expected = {"Ask": {"Committee", "Document type", "Meetings to"}, "Browse": set(),
                    "Commitments": {"Committee", "Meetings to"}, "Figures": set()}
        shown = {}
        for view in ("Ask", "Browse", "Commitments", "Figures"):
            sidebar.get_by_text(view, exact=True).click()
            if view != "Ask":
                page.get_by_role("heading", name={"Browse": "Meetings", "Commitments": "Commitments",
                                                  "Figures": "Figures over time"}[view]).wait_for(timeout=60_000)
            # the previous view's widgets can outlast a settled rerun on a loaded machine: look again
            # (for up to 20 s) before taking what the sidebar shows as its answer
            deadline = time.time() + 20
            while True:
                text = _settled(page, sidebar)
                shown[view] = {label for label in ("Committee", "Document type", "Meetings to") if label in text}
                if shown[view] == expected[view] or time.time() > deadline:
                    break
        assert shown == expected
        page.close()
