"""Playwright in Debian's Chromium, for the browser tests of every app.

Never a downloaded browser: the executable is the system's chromium.
"""

import shutil
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page, live_server, username, password, *, second_factor=True):
    """Log in through the form, in whichever language the page is in, then give the code of the user's
    authenticator app (one is set up for them if they have none)."""
    from outreach.tests.factories import authenticator_for

    device = authenticator_for(username) if second_factor else None
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form [type=submit]").click()
    if device is not None:
        give_code(page, device)


def give_code(page, device):
    """On the code page, type what the user's phone shows now."""
    from outreach.tests.factories import totp_code

    page.wait_for_url("**/accounts/two-factor/**")
    page.locator("#id_code").fill(totp_code(device))
    page.locator("main form [type=submit]").first.click()


def assert_no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


VNU_JAR = (
    Path(__file__).resolve().parents[2] / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def html_errors(pages):
    """The Nu HTML checker's errors for served pages ({name: html}), one Java run for them all."""
    import json
    import subprocess
    import tempfile

    assert VNU_JAR.exists(), f"The HTML checker is missing: `make test` installs it ({VNU_JAR})"
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name, html in pages.items():
            path = Path(folder) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            files.append(str(path))
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            check=False,
        )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return sorted(
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    )


def serious_axe_violations(page):
    """axe's serious and critical violations on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]
