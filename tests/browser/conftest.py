"""Real-browser tests: Playwright driving Debian's Chromium against `jdih serve`
started as a subprocess on a free port (waited on until it answers).

Locally, without /usr/bin/chromium, these tests are skipped; under CI
(CI=true) a missing browser is an error, never a silent skip.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS

CHROMIUM = os.environ.get("JDIH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Corpus files every browser test store starts with (small, different formats).
BROWSER_CORPUS = ["uu-2-2008-partai-politik.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
                  "uu-17-2014-md3.md", "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jdih(*args: str, env: dict, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jdih.cli", *args], env=env, check=True,
                          capture_output=True, text=True, **kw)


class Server:
    def __init__(self, data: Path):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, JDIH_DATA=str(data), PORT=str(self.port), JDIH_HOST="127.0.0.1")
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Server":
        self.proc = subprocess.Popen([sys.executable, "-m", "jdih.cli", "serve"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()}")
            try:
                urllib.request.urlopen(self.url + "/", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not answer within 30 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="session")
def browser_data(tmp_path_factory) -> Path:
    """A store with a few real regulations, indexed through the CLI."""
    data = tmp_path_factory.mktemp("browser-data")
    env = dict(os.environ, JDIH_DATA=str(data))
    jdih("index", *[str(CORPUS / n) for n in BROWSER_CORPUS], env=env)
    return data


@pytest.fixture(scope="session")
def server(browser_data):
    srv = Server(browser_data).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run must install it")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    pg = context.new_page()
    yield pg
    context.close()


SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"


def screenshot(pg, name: str) -> Path:
    """Save a screenshot for the README (docs/screenshots/NAME.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    return path
