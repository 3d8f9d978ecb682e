"""The website in a real browser: every page of a site built from the bundled data is opened
in headless Chromium (Debian's ``chromium``, driven by Playwright), served from localhost;
every link must resolve, no page may log a console error, and axe-core must find no
violation of WCAG 2.1 A or AA.

What it needs (``.ci/run`` installs it): ``pip install -e '.[browser]'``, Debian's
``chromium`` and axe-core from npm (``npm install --prefix .ci/node axe-core@4``). Where one is
missing the tests are skipped, unless ``HFCTL_BROWSER_TESTS=required`` (as in CI), where that
is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo, run

PROJECT = Path(__file__).resolve().parents[2]
AXE = Path(
    os.environ.get(
        "HFCTL_AXE", PROJECT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
    )
)
CHROMIUM = os.environ.get("HFCTL_CHROMIUM") or shutil.which("chromium") or ""
REQUIRED = os.environ.get("HFCTL_BROWSER_TESTS") == "required"
SCREENSHOTS = os.environ.get("HFCTL_SCREENSHOTS")


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[browser]')"
    if not CHROMIUM:
        return "chromium is not installed (apt-get install chromium)"
    if not AXE.is_file():
        return f"axe-core is not at {AXE} (npm install --prefix .ci/node axe-core@4)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def served(repo: Repo, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The site built from the bundled data, served on localhost."""
    out = tmp_path / "site"
    result = run("site", "build", "-o", str(out), repo=repo)
    assert result.exit_code == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", out
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def test_every_page_passes_axe_with_no_broken_link(browser: Any, served: tuple[str, Path]) -> None:
    base, out = served
    axe = AXE.read_text(encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    checked_links: set[str] = set()
    problems: list[str] = []
    pages = sorted(p.name for p in out.glob("*.html"))
    assert len(pages) > 50
    for name in pages:
        response = page.goto(f"{base}/{name}")
        assert response is not None and response.status == 200, name
        page.add_script_tag(content=axe)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations']})"""
        )
        assert result["testEngine"]["name"] == "axe-core"
        for violation in result["violations"]:
            targets = [", ".join(n["target"]) for n in violation["nodes"][:3]]
            problems.append(f"{name}: {violation['id']} ({violation['impact']}): {targets}")
        hrefs = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
        checked_links.update(hrefs)
    # outside addresses only where test_site allows them (the papers' sources, the
    # accessibility statement's contact and authority, the front page's public work contacts):
    # never fetched, the tests are offline
    outside = {h for h in checked_links if h.startswith(("https://", "mailto:"))}
    for href in sorted(h for h in checked_links - outside if not h.startswith("data:")):
        target = href.split("#")[0]
        assert target.startswith(base), f"external link {href}"
        status = page.request.get(target).status
        if status != 200:
            problems.append(f"broken link {href}: {status}")
    assert not problems, "\n".join(problems)
    assert not errors, errors
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("index.html", "body-ssu.html"):
            page.goto(f"{base}/{name}")
            page.screenshot(path=str(folder / name.replace(".html", ".png")), full_page=True)
    page.close()


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(
    browser: Any, served: tuple[str, Path]
) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(f"{base}/body-ssu.html")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const e = document.activeElement;
                   const s = getComputedStyle(e);
                   return {href: e.getAttribute('href'), outline: s.outlineStyle,
                           width: parseFloat(s.outlineWidth),
                           left: e.getBoundingClientRect().left}; }"""
    )
    assert focused["href"] == "#main"
    assert focused["outline"] != "none" and focused["width"] >= 2
    assert focused["left"] >= 0  # the skip link comes into view when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.close()


def test_pages_fit_a_phone_screen(browser: Any, served: tuple[str, Path]) -> None:
    base, _ = served
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for name in ("index.html", "body-ssu.html", "meeting-2026-12-10-ssu.html"):
        page.goto(f"{base}/{name}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
    page.close()


def test_axe_finds_a_violation_where_there_is_one(browser: Any, served: tuple[str, Path]) -> None:
    """The check above can fail: a page with an image without text and no language fails."""
    base, out = served
    (out / "bad.html").write_text(
        "<!DOCTYPE html><html><head><title>x</title></head>"
        "<body><main><img src='site.css'></main></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(f"{base}/bad.html")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a']}}))"
        ".violations.map(v => v.id)"
    )
    assert {"image-alt", "html-has-lang"} <= set(found)
    page.close()
