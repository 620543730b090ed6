"""schemathesis against both descriptions: no answer may be a server error."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture(scope="module")
def admin_token(server):
    """Signed in as the administrator once, before any fuzzing: the fuzzer's wrong
    passwords soon trip the per-address sign-in throttle (429), which would refuse a later
    sign-in from the same address."""
    return requests.post(server.base + "/api/v1/sessions", json={"username": "admin", "password": "xiuhua2026"}).json()["token"]


@pytest.mark.parametrize("schema", ["/api/v1/openapi.json", "/open311/v2/openapi.json"])
def test_no_server_errors(server, schema, admin_token):
    # Signed in as the administrator, so the native routes are exercised past the 401.
    token = admin_token
    result = subprocess.run(
        [str(SCHEMATHESIS), "run", server.base + schema, "--url", server.base,
         "--checks", "not_a_server_error", "--max-examples", os.environ.get("SCHEMATHESIS_EXAMPLES", "25"),
         "--phases", "examples,coverage,fuzzing", "--no-color", "--suppress-health-check", "all",
         "--header", f"Authorization: Bearer {token}"],
        capture_output=True, text=True, timeout=900, cwd=server.data,
    )
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
