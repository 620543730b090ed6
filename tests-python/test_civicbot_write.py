"""The write side through `civicbot.open311.Open311Client` from PyPI: POST with
attributes, token lookup, then read back."""
from civicbot.http import HttpTransport, RateLimiter
from civicbot.open311 import Open311Client
from civicbot.registry import Endpoint

from conftest import DISTRICT, LAT, LON


def client(server):
    endpoint = Endpoint(id="xiuhua-demo", name="平城区 (demo)", base_url=server.open311, write=True)
    return Open311Client(endpoint, transport=HttpTransport(rate_limiter=RateLimiter(min_interval=0)), jurisdiction_id=DISTRICT)


def test_post_with_attributes_token_and_read_back(server):
    c = client(server)
    description = "红旗里社区北门外暴露垃圾，有建筑垃圾和大件家具，已三天无人清运。"
    prepared = c.create_request(
        "06010", dry_run=False, confirm="SEND", api_key=server.key, validate_remote=True,
        lat=LAT, lng=LON, description=description, attributes={"amount": "truck", "kinds": ["construction", "bulky"]},
        first_name="三", last_name="张", phone="13812345678", email="zhangsan@example.com",
        media_url="https://img.example.com/a.jpg",
    )
    filed = prepared.response[0]
    request_id, token = filed["service_request_id"], filed["token"]
    assert request_id and token

    resolved = c.get_token(token)
    assert resolved == [{"service_request_id": request_id, "token": token}]

    request = c.get_request(request_id)
    assert request["description"] == description
    assert request["service_code"] == "06010"
    assert request["media_url"] == "https://img.example.com/a.jpg"
    assert abs(request["lat"] - LAT) < 1e-9 and abs(request["long"] - LON) < 1e-9
    raw = c.http.get_bytes(server.open311 + f"/requests/{request_id}.json", {"extensions": "true"}).decode()
    assert "张三" not in raw and "13812345678" not in raw and "zhangsan" not in raw
    extended = c.list_requests(service_request_ids=[request_id])
    assert extended[0]["service_request_id"] == request_id
