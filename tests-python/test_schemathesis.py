"""schemathesis against both descriptions: no answer may be a server error.

The native API is fuzzed once for each staff role, signed in with that role's bearer token,
with the stateful phase chaining calls through the links schemathesis infers (from the
response schemas and the Location headers it sees), so each role's handlers are driven past
the 401 and past the 404 of an id made up at random."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import STAFF, sign_in

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Examples per operation: the administrator, who reaches every route, gets the most; the
# other roles share most of their 403s and get fewer, so the run stays within minutes.
ADMIN_EXAMPLES = os.environ.get("SCHEMATHESIS_EXAMPLES", "25")
ROLE_EXAMPLES = os.environ.get("SCHEMATHESIS_ROLE_EXAMPLES", "8")


@pytest.fixture(scope="module")
def tokens(server):
    """Every role signed in once, before any fuzzing: the fuzzer's wrong passwords soon trip
    the per-address sign-in throttle (429), which would refuse a later sign-in from the same
    address."""
    return {role: sign_in(server.base, role) for role in STAFF}


def schemathesis(server, schema, token, examples, phases, *options):
    result = subprocess.run(
        [str(SCHEMATHESIS), "run", server.base + schema, "--url", server.base,
         "--checks", "not_a_server_error", "--max-examples", examples,
         "--phases", phases, "--no-color", "--suppress-health-check", "all", "--request-timeout", "60", *options,
         "--header", f"Authorization: Bearer {token}"],
        capture_output=True, text=True, timeout=900, cwd=server.data,
    )
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_open311_has_no_server_errors(server, tokens):
    schemathesis(server, "/open311/v2/openapi.json", tokens["admin"], ADMIN_EXAMPLES, "examples,coverage,fuzzing")


@pytest.mark.parametrize("role", STAFF)
def test_native_api_has_no_server_errors_as(server, tokens, role):
    examples = ADMIN_EXAMPLES if role == "admin" else ROLE_EXAMPLES
    # Signing out would end the token the rest of the run relies on.
    schemathesis(server, "/api/v1/openapi.json", tokens[role], examples, "examples,coverage,fuzzing,stateful",
                 "--exclude-operation-id", "signOut")
