"""Starts the real Xiuhua server (``xiuhua serve --demo``) on 127.0.0.1 for the session,
with an Open311 API key made by the CLI, and stops it afterwards."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("XIUHUA_BIN", ROOT / ".build" / "debug" / "xiuhua"))
DISTRICT = "140213"
# A point in 永泰街道红旗里社区 of the demo district 平城区.
LAT, LON = 40.12234718190999, 113.2818037388908
# The demo's staff accounts (one a role) and their shared password.
DEMO_PASSWORD = "xiuhua2026"
STAFF = ["operator", "gridworker", "dutychief", "dispatcher", "yongtai", "huanwei", "supervisor", "admin", "health", "api12345"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """One `xiuhua serve --demo` over a data directory of its own; it can be started again
    on the same data after it died, so a test can go on after a crash it provoked."""

    def __init__(self, data: str, backtraces: bool = True):
        self.data = data
        # A crash report takes the runtime half a minute to symbolicate; a test that
        # expects crashes and restarts after each turns it off and keeps the one-line reason.
        self.env = {**os.environ, "LOG_LEVEL": "warning"} if backtraces else \
            {**os.environ, "LOG_LEVEL": "warning", "SWIFT_BACKTRACE": "enable=no"}
        self.process = None
        self.log = None
        self.base = ""

    def start(self):
        port = free_port()
        self.log = open(os.path.join(self.data, "serve.log"), "a")
        self.process = subprocess.Popen([str(BINARY), "serve", "--demo", "--data", self.data, "--port", str(port)],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if requests.get(self.base + "/healthz", timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("server exited: " + self.log_text()[-4000:])
            time.sleep(0.2)
        raise RuntimeError("server did not come up")

    def alive(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            return requests.get(self.base + "/healthz", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def log_text(self) -> str:
        with open(os.path.join(self.data, "serve.log"), errors="replace") as f:
            return f.read()

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None


def sign_in(base: str, username: str) -> str:
    """A bearer token for a demo account."""
    response = requests.post(base + "/api/v1/sessions", json={"username": username, "password": DEMO_PASSWORD}, timeout=30)
    assert response.status_code == 201, f"{username}: {response.status_code} {response.text}"
    return response.json()["token"]


class Server:
    def __init__(self, base: str, data: str, key: str):
        self.base = base
        self.data = data
        self.key = key
        self.open311 = base + "/open311/v2"

    def cli(self, *args: str) -> str:
        return subprocess.run([str(BINARY), *args, "--data", self.data], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def server():
    assert BINARY.exists(), f"build first: swift build ({BINARY} missing)"
    data = tempfile.mkdtemp(prefix="xiuhua-pytest-")
    created = subprocess.run([str(BINARY), "apikey", "create", "--data", data, "pytest 接入系统", "--per-minute", "100000"],
                             check=True, capture_output=True, text=True)
    key = created.stdout.split("\t")[1].strip()
    process = ServerProcess(data)
    try:
        process.start()
        yield Server(process.base, data, key)
    finally:
        process.stop()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def filed(server):
    """Three requests filed over Open311 as a client system would: two 暴露垃圾, one 施工占道."""
    ids = []
    for code, description, extra in [
        ("06010", "红旗里社区3号楼北侧暴露垃圾，约一三轮车", {"attribute[amount]": "cart"}),
        ("06010", "永泰街道菜市场门口垃圾堆积", {"attribute[amount]": "bag", "attribute[kinds][]": ["household", "bulky"]}),
        ("08002", "施工围挡占用人行道，行人只能走机动车道", {}),
    ]:
        form = {"api_key": server.key, "jurisdiction_id": DISTRICT, "service_code": code, "lat": LAT, "long": LON,
                "description": description, **extra}
        response = requests.post(server.open311 + "/requests.json", data=form, timeout=10)
        assert response.status_code == 200, response.text
        ids.append(response.json()[0]["service_request_id"])
    return ids
