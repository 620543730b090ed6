"""API keys: made and revoked by an administrator (API and CLI), rate limited per key."""
import requests

from conftest import LAT, LON

FORM = {"service_code": "06010", "lat": LAT, "long": LON, "description": "垃圾", "attribute[amount]": "bag"}


def admin_token(server):
    response = requests.post(server.base + "/api/v1/sessions", json={"username": "admin", "password": "xiuhua2026"})
    assert response.status_code == 201, response.text
    return {"Authorization": "Bearer " + response.json()["token"]}


def test_admin_creates_lists_and_revokes(server):
    headers = admin_token(server)
    created = requests.post(server.base + "/api/v1/apikeys", json={"name": "城管通 App", "per_minute": 60}, headers=headers)
    assert created.status_code == 201, created.text
    key = created.json()
    assert key["key"].startswith("xh_") and key["active"] is True
    listed = requests.get(server.base + "/api/v1/apikeys", headers=headers).json()["items"]
    assert key["id"] in {k["id"] for k in listed} and all(k.get("key") is None for k in listed)
    assert requests.post(server.open311 + "/requests.json", data={**FORM, "api_key": key["key"]}).status_code == 200
    assert requests.delete(server.base + f"/api/v1/apikeys/{key['id']}", headers=headers).json()["active"] is False
    assert requests.post(server.open311 + "/requests.json", data={**FORM, "api_key": key["key"]}).status_code == 403
    operator = requests.post(server.base + "/api/v1/sessions", json={"username": "operator", "password": "xiuhua2026"}).json()["token"]
    assert requests.get(server.base + "/api/v1/apikeys", headers={"Authorization": "Bearer " + operator}).status_code == 403
    assert requests.get(server.base + "/api/v1/apikeys").status_code == 401


def test_cli_lists_keys_without_secrets(server):
    listing = server.cli("apikey", "list")
    assert "pytest 接入系统" in listing and "xh_" not in listing


def test_rate_limit_per_key(server):
    headers = admin_token(server)
    slow = requests.post(server.base + "/api/v1/apikeys", json={"name": "限速测试", "per_minute": 1}, headers=headers).json()
    assert requests.post(server.open311 + "/requests.json", data={**FORM, "api_key": slow["key"]}).status_code == 200
    limited = requests.post(server.open311 + "/requests.json", data={**FORM, "api_key": slow["key"]})
    assert limited.status_code == 429
    assert limited.json()[0]["code"] == 429
    # Another key is not affected.
    assert requests.post(server.open311 + "/requests.json", data={**FORM, "api_key": server.key}).status_code == 200
