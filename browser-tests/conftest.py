"""A real server and a real browser for the page tests.

The server is the built binary, `xiuhua serve --demo`, on a free port of 127.0.0.1 with a
fresh data directory; the browser is headless Chromium driven through chromedriver.
Screenshots go to test-artifacts/screenshots/ so a person can look at every page.
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="xiuhua-browser-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.data, "serve.log"), "w")
        self.process = subprocess.Popen(
            [str(ROOT / ".build" / "debug" / "xiuhua"), "serve", "--demo", "--data", os.path.join(self.data, "db"), "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the server did not start; see its log")

    def api(self, method, path, body=None, token=None):
        request = urllib.request.Request(self.base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def token(self, username):
        return self.api("POST", "/api/v1/sessions", {"username": username, "password": "xiuhua2026"})["token"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    running = Server()
    yield running
    running.stop()


def make_browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                 f"--window-size={width},{height}", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    # The console log, to catch what the content security policy refused.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_window_size(width, height)
    browser.implicitly_wait(0)
    return browser


def assert_no_csp_violations(browser):
    """Fails when the browser refused a script, style, image or connection since the last
    look: a content security policy mistake that would quietly break a page."""
    refused = [entry["message"] for entry in browser.get_log("browser")
               if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]
    assert not refused, refused


@pytest.fixture(scope="session")
def phone():
    """A 375 px wide phone for the citizen."""
    browser = make_browser(375, 812)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def desk():
    """A desktop browser for the staff console."""
    browser = make_browser(1366, 900)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def wall():
    """The command centre's 1920 px wall screen."""
    browser = make_browser(1920, 1080)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def shoot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()

    def save(browser, name, full_page=True):
        assert_no_csp_violations(browser)
        path = SCREENSHOTS / f"{name}.png"
        if full_page:
            height = browser.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
            size = browser.get_window_size()
            browser.set_window_size(size["width"], min(max(height + 120, size["height"]), 6000))
            time.sleep(0.3)
            browser.save_screenshot(str(path))
            browser.set_window_size(size["width"], size["height"])
        else:
            browser.save_screenshot(str(path))
        return path

    return save
