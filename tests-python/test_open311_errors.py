"""Refusals in the spec's error shape, and Chinese text byte for byte."""
import xml.etree.ElementTree as ET

import requests

from conftest import DISTRICT, LAT, LON


def errors_json(response, status):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, list) and body
    assert all(set(e) == {"code", "description"} and isinstance(e["code"], int) and e["description"] for e in body)
    return body


def errors_xml(response, status):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?><errors><error><code>')
    root = ET.fromstring(response.content)
    return [(e.findtext("code"), e.findtext("description")) for e in root.findall("error")]


def test_bad_dates_are_400(server):
    for query in ["start_date=yesterday", "end_date=2026-13-45T00:00:00Z", "start_date=2026-01-01T00:00:00+08:00&end_date=2026-06-01T00:00:00+08:00",
                  "updated_after=soon"]:
        errors_json(requests.get(server.open311 + "/requests.json?" + query), 400)
        errors_xml(requests.get(server.open311 + "/requests.xml?" + query), 400)


def test_unknown_codes(server):
    errors_json(requests.get(server.open311 + "/requests.json?service_code=99999"), 400)
    errors_json(requests.get(server.open311 + "/requests.json?status=pending"), 400)
    errors_xml(requests.get(server.open311 + "/services/99999.xml"), 404)
    errors_json(requests.get(server.open311 + "/requests/XX000.json"), 404)
    errors_json(requests.get(server.open311 + "/tokens/NOSUCHTOKEN.json"), 404)
    errors_json(requests.get(server.open311 + "/services.json?jurisdiction_id=110101"), 404)
    errors_json(requests.get(server.open311 + "/nothing.json"), 404)


def test_post_refusals(server):
    base = {"service_code": "06010", "lat": LAT, "long": LON, "description": "垃圾", "attribute[amount]": "bag"}
    body = errors_json(requests.post(server.open311 + "/requests.json", data=base), 403)
    assert body[0]["code"] == 403
    assert "api_key" in errors_xml(requests.post(server.open311 + "/requests.xml", data={**base, "api_key": "wrong"}), 403)[0][1]
    missing = errors_json(requests.post(server.open311 + "/requests.json", data={**base, "api_key": server.key, "attribute[amount]": ""}), 400)
    assert "attribute[amount]" in missing[0]["description"]
    bad_choice = errors_xml(requests.post(server.open311 + "/requests.xml", data={**base, "api_key": server.key, "attribute[amount]": "lots"}), 400)
    assert "attribute[amount]" in bad_choice[0][1]
    errors_json(requests.post(server.open311 + "/requests.json", data={**base, "api_key": server.key, "service_code": "99999"}), 404)
    errors_json(requests.post(server.open311 + "/requests.json", data={**base, "api_key": server.key, "jurisdiction_id": "999999"}), 404)
    no_place = {k: v for k, v in base.items() if k not in ("lat", "long")}
    errors_json(requests.post(server.open311 + "/requests.json", data={**no_place, "api_key": server.key}), 400)
    unknown_address = errors_json(requests.post(server.open311 + "/requests.json",
                                                data={**no_place, "api_key": server.key, "address_string": "火星基地"}), 400)
    assert "position is required" in unknown_address[0]["description"]
    errors_json(requests.post(server.open311 + "/requests.json", data={**base, "api_key": server.key, "lat": "0", "long": "0"}), 400)


def test_address_of_a_known_place_is_located(server):
    form = {"api_key": server.key, "service_code": "08002", "address_string": "平城区永泰街道红旗里社区东门", "description": "施工占道"}
    response = requests.post(server.open311 + "/requests.json", data=form)
    assert response.status_code == 200, response.text
    request = requests.get(server.open311 + f"/requests/{response.json()[0]['service_request_id']}.json?extensions=true").json()[0]
    assert request["address"] == "平城区永泰街道红旗里社区东门"
    assert request["extended_attributes"]["community"] == "红旗里社区"


def test_chinese_round_trips_byte_for_byte(server):
    description = "《城市管理》：人行道上的井盖缺失！约0.5米×0.5米，“非常危险”——请尽快处理。😀 繁體字、ㄅㄆㄇ、①②③"
    form = {"api_key": server.key, "jurisdiction_id": DISTRICT, "service_code": "01001", "lat": LAT, "long": LON, "description": description}
    posted = requests.post(server.open311 + "/requests.xml", data=form)
    assert posted.status_code == 200, posted.text
    request_id = ET.fromstring(posted.content).findtext("request/service_request_id")
    encoded = description.encode("utf-8")
    as_json = requests.get(server.open311 + f"/requests/{request_id}.json")
    as_xml = requests.get(server.open311 + f"/requests/{request_id}.xml")
    assert encoded in as_json.content and encoded in as_xml.content
    assert as_json.json()[0]["description"] == description
    assert ET.fromstring(as_xml.content).findtext("request/description") == description
    multiline = "第一行\n第二行 & <第三行>"
    posted = requests.post(server.open311 + "/requests.json", data={**form, "description": multiline})
    request_id = posted.json()[0]["service_request_id"]
    assert requests.get(server.open311 + f"/requests/{request_id}.json").json()[0]["description"] == multiline
    assert ET.fromstring(requests.get(server.open311 + f"/requests/{request_id}.xml").content).findtext("request/description") == multiline


def test_paging_and_extensions(server, filed):
    first = requests.get(server.open311 + "/requests.json?page_size=1&page=1").json()
    second = requests.get(server.open311 + "/requests.json?page_size=1&page=2").json()
    assert len(first) == 1 and len(second) == 1 and first[0]["service_request_id"] != second[0]["service_request_id"]
    errors_json(requests.get(server.open311 + "/requests.json?page_size=1001"), 400)
    extended = requests.get(server.open311 + f"/requests.json?service_request_id={filed[1]}&extensions=true").json()[0]
    assert extended["extended_attributes"]["detailed_status"] == "reported"
    assert [a["code"] for a in extended["attributes"]] == ["amount", "kinds"]
    assert extended["notes"][0]["type"] == "reported" and extended["notes"][0]["datetime"].endswith("+08:00")
    updated = requests.get(server.open311 + "/requests.json?updated_after=2020-01-01T00:00:00Z").json()
    assert filed[0] in {r["service_request_id"] for r in updated}
    xml = requests.get(server.open311 + f"/requests.xml?service_request_id={filed[1]}&extensions=true")
    root = ET.fromstring(xml.content)
    assert root.tag == "service_requests"
    assert [a.findtext("code") for a in root.findall("request/attributes/attribute")] == ["amount", "kinds"]


def test_discovery(server):
    discovery = requests.get(server.open311 + "/discovery.json").json()
    assert set(discovery) == {"changeset", "contact", "key_service", "endpoints"}
    assert discovery["endpoints"][0]["url"].endswith("/open311/v2")
    assert discovery["endpoints"][0]["formats"] == ["text/xml", "application/json"]
    root = ET.fromstring(requests.get(server.open311 + "/discovery.xml").content)
    assert root.tag == "discovery"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == ["text/xml", "application/json"]
