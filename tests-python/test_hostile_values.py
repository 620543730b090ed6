"""Hostile values through every route that takes a parameter, on the real binary.

The routes come from what the server itself publishes: the native API's and Open311's
OpenAPI documents, and the web pages with the query parameters they read and the forms they
render. A table of hostile values (far past and future dates, NaN and Infinity, huge and
negative numbers, SQL and HTML fragments, 1 MB strings, invalid UTF-8, deep JSON, wrong JSON
types, empty bodies) goes into each path parameter, query parameter, JSON body field and
form field, once anonymously and once as each of several staff roles. Every answer must be
below 500, an API refusal must have the documented {"error", "message"} shape, a redirect
must stay on the site, and the server must still answer /healthz after each route.

A server that dies is started again on the same data, so one run lists every request that
kills it, not only the first. Two workers send at once (the server answers on two cores); a
request in flight when the server died is named only when, sent again alone at the end, it
kills the server again.
"""
import functools
import http.client
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest
import requests

from conftest import BINARY, LAT, LON, ServerProcess, sign_in

ROLES = [None, "dispatcher", "admin", "gridworker"]  # None: an anonymous caller
MEGABYTE = "A" * (1 << 20)

# Hostile text for a path segment or a query value: (label, value as it goes on the wire).
# Most are percent-encoded here; the raw ones carry bytes the way a broken client sends them.
@functools.lru_cache(maxsize=256)
def _q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


TEXT_VALUES = [
    "0001-01-01", "9999-12-31", "2000-01", "-1", "99999-01", "2000-Q1", "2000", "0001-01-01..0001-01-01", "2026-02-30",
    "NaN", "Infinity", "-0", "1e308", str(2**63), str(-(2**63) - 1), str(10**30), "0", "1000000",
    "' OR 1=1 --", "1; DROP TABLE cases", "<script>alert(1)</script>", "", "\u0000", "😀",
]
WIRE_VALUES = [(text, _q(text)) for text in TEXT_VALUES] + [("%FF%FE", "%FF%FE"), ("raw bytes FF FE", "\xff\xfe")]
BIG_WIRE_VALUE = ("1 MB string", MEGABYTE)
# The administrator reaches every handler and gets the whole table; the other callers, most
# of whose answers are 401 and 403, get a sample of it, so the run stays within minutes.
FULL_TABLE_ROLE = "admin"
SAMPLE = {"0001-01-01", "2000-01", "-1", "NaN", str(2**63), "' OR 1=1 --", "", "%FF%FE"}

# Hostile JSON values for one field of a body, by the field's declared type; raw ones are
# written into the JSON text as they are (not JSON, or not what a decoder expects).
WRONG_TYPES = [None, True, [], {}, [[[["deep"]]]]]
STRING_VALUES = ["0001-01-01", "9999-12-31", "2000-01", "99999-01", "2026-02-30", "-1", "NaN", str(10**30),
                 "' OR 1=1 --", "1; DROP TABLE cases", "<script>alert(1)</script>", "", "\u0000", "😀",
                 MEGABYTE, 2**63, *WRONG_TYPES]
NUMBER_VALUES = [-1, 0, -0.0, 1.5, 1e308, -1e308, 2**63, -(2**63) - 1, 10**30, 1000000,
                 "NaN", "1e308", "-1", "' OR 1=1 --", "", *WRONG_TYPES]
OTHER_VALUES = ["' OR 1=1 --", MEGABYTE, -1, 2**63, [None] * 1000, *WRONG_TYPES]
RAW_JSON_FIELD_VALUES = ["NaN", "Infinity", "-Infinity", "1e999", "-0", '"\\ud800"', '"\\u0000"']
SAMPLE_JSON_VALUES = [None, "' OR 1=1 --"]
WHOLE_BODIES = [
    ("empty body", b""), ("null", b"null"), ("array", b"[]"), ("string", b'"x"'), ("number", b"1"),
    ("truncated", b"{"), ("garbage", b"\x00\x01\x02"), ("invalid UTF-8", b'{"x": "\xff\xfe"}'),
    ("10,000 nested arrays", b"[" * 10_000 + b"]" * 10_000),
    ("10,000 nested objects", b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
    ("duplicate keys", b'{"a": 1, "a": 2}'), ("BOM", b"\xef\xbb\xbf{}"),
]

# The web pages' query parameters, as their handlers read them (Sources/XiuhuaServer/Web and
# the page routes beside the API): every page gets its own names plus the language switch.
WEB_PAGES = {
    "/": [], "/report": [], "/ticket": ["code"], "/ticket/{code}": ["filed"], "/photos/{key}": [],
    "/lang/{code}": ["back"], "/assets/{name}": [], "/board": ["period"], "/board/shops": ["month"],
    "/campaigns": [], "/dashboard": ["period"], "/dashboard/panels": ["period"], "/reports/monthly": ["period"],
    "/vaccination/report": ["day", "level"], "/map/outlines.geojson": ["level"],
    "/map/cells.geojson": ["around", "bbox", "open"], "/contracts/{number}/print": [], "/notices/{number}/print": [],
    "/console/login": ["next"], "/console": ["page", "queue", "done"], "/console/cases/{number}": ["done"],
    "/console/campaigns": ["done"], "/console/campaigns/{id}": ["done"],
    "/console/vaccination": ["day", "name", "region", "done"], "/console/vaccination/sites/{id}": ["day", "done"],
    "/console/vaccination/residents/{id}": ["done"], "/console/vaccination/supervision": ["done"],
    "/console/contracts": ["status", "page"], "/console/contracts/{number}": ["done"],
    "/console/notices": ["state", "page"], "/console/notices/{number}": ["done"],
    "/console/shop-boards": ["month", "street", "done"], "/console/shops": ["q", "street", "page", "done"],
    "/console/shops/new": [], "/console/shops/{id}": ["done"], "/console/shops/{id}/inspect": ["template"],
    "/console/shops/{id}/contracts/new": [], "/console/shops/{id}/notices/new": [],
    "/console/inspections/{id}": ["opened", "done"], "/console/idle-spaces": ["status", "street", "page", "done"],
    "/console/idle-spaces/{id}": ["done"],
}
# Every page reads the language switch through one function: two pages drive it.
WEB_COMMON = {"/": ["lang"], "/report": ["lang"]}
# Endpoints that stream or end the caller's own session: driven elsewhere, not here.
SKIPPED = {("GET", "/dashboard/events"), ("DELETE", "/api/v1/sessions"), ("POST", "/console/logout")}
CSRF = secrets.token_hex(32)
WORKERS = int(os.environ.get("HOSTILE_WORKERS", "2"))
MANY_FIELDS = b"&".join(b"a=%d" % i for i in range(20_000))


class LatinConnection(http.client.HTTPConnection):
    """Sends the request line byte for byte, so a test can put raw non-UTF-8 bytes in a URL."""

    def _encode_request(self, request):
        return request.encode("latin-1")


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body


def short(text, limit=160) -> str:
    head = text[:limit] if isinstance(text, str) else text[:limit].decode("latin-1")
    return head if len(text) <= limit else f"{head}…({len(text)} chars)"


class Prober:
    """Sends requests as one of the roles, checks each answer, and keeps every failure."""

    def __init__(self, process: ServerProcess):
        self.process = process
        self.tokens = {}
        self.connections = {}
        self.failures = []
        self.requests = 0
        self.restarts = 0
        self.spent = {}
        self.unexplained = []
        self.suspects = []
        self.lock = threading.Lock()

    def sign_in_all(self):
        self.tokens = {role: sign_in(self.process.base, role) for role in ROLES if role}

    def connection(self, role):
        key = (threading.get_ident(), role)
        if key not in self.connections:
            host, port = self.process.base.removeprefix("http://").split(":")
            self.connections[key] = LatinConnection(host, int(port), timeout=60)
        return self.connections[key]

    def drop(self, role):
        connection = self.connections.pop((threading.get_ident(), role), None)
        if connection is not None:
            connection.close()

    def raw(self, role, method, target, body=None, content_type=None, extra_headers=None) -> Answer:
        headers = {"Connection": "keep-alive", "Accept": "application/json, text/html"}
        if role:
            headers["Authorization"] = "Bearer " + self.tokens[role]
            headers["Cookie"] = f"xiuhua_session={self.tokens[role]}; xiuhua_csrf={CSRF}"
        else:
            headers["Cookie"] = f"xiuhua_csrf={CSRF}"
        if content_type:
            headers["Content-Type"] = content_type
        headers.update(extra_headers or {})
        connection = self.connection(role)
        try:
            connection.putrequest(method, target, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            if body is not None or method in ("POST", "PUT", "PATCH"):
                connection.putheader("Content-Length", str(len(body or b"")))
            connection.endheaders(body or None)
            response = connection.getresponse()
            data = response.read()
            answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
            if response.will_close:
                self.drop(role)
            return answer
        except (OSError, http.client.HTTPException):
            self.drop(role)
            raise

    def probe(self, role, method, target, body=None, content_type=None, what=""):
        """One hostile request; a failure is recorded with the request that caused it."""
        self.requests += 1
        who = role or "anonymous"
        request = f"{method} {short(target)} as {who}" + (f" [{what}]" if what else "")
        started = time.monotonic()
        try:
            try:
                answer = self.raw(role, method, target, body, content_type)
            except (OSError, http.client.HTTPException):
                # A kept-alive connection the server closed between two requests: once more
                # on a new one before calling it a failure.
                if not self.process.alive():
                    raise
                answer = self.raw(role, method, target, body, content_type)
        except (OSError, http.client.HTTPException) as error:
            if not self.process.alive():
                # The other worker's request may have been the one: settle() sends each
                # suspect again alone, and names those that kill the server again.
                self.suspects.append((role, method, target, body, content_type, request))
                self.restart()
            else:
                self.failures.append(f"no answer ({type(error).__name__}): {request}")
            return None
        key = f"{method} {target.split('?')[0][:60]}"
        self.spent[key] = self.spent.get(key, 0) + time.monotonic() - started
        problem = check(target, answer)
        if problem:
            self.failures.append(f"{problem}: {request}")
        return answer

    def last_words(self) -> str:
        """The runtime's one-line reason for a crash, from the server's log."""
        fatal = [line for line in self.process.log_text().splitlines() if "Fatal error" in line or "fatal error" in line.lower()]
        return fatal[-1].strip() if fatal else "no reason logged"

    def settle(self):
        """Sends each request that was in flight when the server died again, alone, and names
        those that kill it; a death no single request explains is reported as such."""
        suspects, self.suspects = self.suspects, []
        for role, method, target, body, content_type, request in suspects:
            try:
                self.raw(role, method, target, body, content_type)
            except (OSError, http.client.HTTPException):
                pass
            if not self.process.alive():
                self.failures.append(f"server died ({self.last_words()}): {request}")
                self.restart()
        if (suspects or self.unexplained) and not any(f.startswith("server died") for f in self.failures):
            self.failures.append("the server died with no single request killing it when sent alone, during: "
                                 + "; ".join(self.unexplained + [s[-1] for s in suspects]))
        self.unexplained = []

    def restart(self):
        """Starts the server again, once, however many workers saw it die."""
        with self.lock:
            if self.process.alive():
                return
            self.restarts += 1
            self.connections.clear()
            self.process.stop()
            self.process.start()
            self.sign_in_all()

    def still_alive(self, route):
        if not self.process.alive():
            if WORKERS == 1:
                self.failures.append(f"/healthz does not answer after {route} ({self.last_words()})")
            else:
                # The other worker's request may be the cause; a request that kills the server
                # on its own is named by settle(), and so is a death no request explains.
                self.unexplained.append(f"{route} ({self.last_words()})")
            self.restart()

    def each(self, jobs):
        """Runs `jobs` (callables) on two workers: the server has two cores to answer on."""
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for future in [pool.submit(job) for job in jobs]:
                future.result()


def check(target: str, answer: Answer):
    """What is wrong with an answer, or None."""
    if answer.status >= 500:
        return f"{answer.status} {short(answer.body, 200)}"
    location = answer.headers.get("location")
    if location is not None and not same_site(location):
        return f"redirect off the site to {location!r}"
    path = target.split("?", 1)[0]
    # The HTTP parser refuses a request line with raw bytes outside ASCII before any route
    # sees it, with a bare 400: all such a request can get.
    # It does the same with a request line longer than it reads (a 1 MB query).
    raw_bytes = len(target) > 65_536 or not target.isascii()
    if path.startswith("/api/v1/") and answer.status >= 400 and not raw_bytes:
        try:
            body = json.loads(answer.body)
        except ValueError:
            return f"{answer.status} refusal is not JSON: {short(answer.body)}"
        if not (isinstance(body, dict) and isinstance(body.get("error"), str) and isinstance(body.get("message"), str)):
            return f"{answer.status} refusal lacks {{error, message}}: {short(answer.body)}"
    return None


def same_site(location: str) -> bool:
    """A browser drops tabs and newlines from a URL and reads a backslash as a slash: what is
    left must be a path on this site (one leading slash), never //host or a scheme."""
    cleaned = re.sub(r"[\t\n\r]", "", location).replace("\\", "/").lstrip(" \x00-\x1f")
    return cleaned.startswith("/") and not cleaned.startswith("//")


# Bodies the server accepts, for the operations whose schema alone does not make one: a
# hostile value in one field of these reaches the handler's checks of that field.
SHOP = {"name": "永泰便利店", "credit_code": "91140213MA0K3XH01G", "licence": "JY11402130001", "owner_name": "张小明",
        "phone": "13812341234", "address": "永泰南路 12 号", "lat": LAT, "lon": LON,
        "frontage": {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.0002, LAT]]}}
VALID_BODIES = {
    ("POST", "/api/v1/cases"): {"source": "hotline", "category": "06010", "description": "院内垃圾堆积", "lat": LAT, "lon": LON},
    ("POST", "/api/v1/shops"): SHOP,
    ("PUT", "/api/v1/shops/{id}"): SHOP,
    ("POST", "/api/v1/shops/{id}/contracts"): {"area": "门前至路缘石", "length_metres": 12, "depth_metres": 5,
                                               "valid_from": "2026-12-01", "valid_until": "2027-11-30"},
    ("POST", "/api/v1/contracts/{number}/sign"): {"signed_on": "2026-11-30", "issuer_signatory": "陈静", "shop_signatory": "张小明"},
    ("POST", "/api/v1/shops/{id}/notices"): {"facts": "门前堆放货物占用人行道", "requirements": "清除门前堆放物",
                                             "rule": {"law": "《城市市容和环境卫生管理条例》", "article": "第十四条"},
                                             "deadline_working_days": 5,
                                             "officers": [{"name": "赵磊", "certificate": "14020001"}, {"name": "钱明", "certificate": "14020002"}]},
    ("POST", "/api/v1/idle-spaces"): {"name": "铁路桥下空地", "kind": "underBridge", "owner": "永泰街道办事处", "hazard": "medium",
                                      "outline": {"type": "Polygon", "coordinates": [[[LON - 0.0003, LAT - 0.0003], [LON + 0.0003, LAT - 0.0003],
                                                                                      [LON + 0.0003, LAT + 0.0003], [LON - 0.0003, LAT - 0.0003]]]}},
    ("POST", "/api/v1/idle-spaces/{id}/status"): {"status": "plan", "note": "改造为口袋公园"},
    ("POST", "/api/v1/cases/{number}/actions"): {"action": "verify", "real": True},
}


# MARK: - Fixtures


@pytest.fixture(scope="module")
def prober():
    assert BINARY.exists(), f"build first: swift build ({BINARY} missing)"
    data = tempfile.mkdtemp(prefix="xiuhua-hostile-")
    process = ServerProcess(data, backtraces=False)
    try:
        process.start()
        prober = Prober(process)
        prober.sign_in_all()
        yield prober
    finally:
        process.stop()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="module")
def known(prober):
    """Ids of real objects of the demo district, so that a hostile query or body reaches the
    handler behind a path that exists."""
    base = prober.process.base
    headers = {"Authorization": "Bearer " + prober.tokens["admin"]}

    def first(path, *keys):
        try:
            items = requests.get(base + path, headers=headers, timeout=60).json()
        except ValueError:
            return None
        items = items.get("items", items) if isinstance(items, dict) else items
        for item in items if isinstance(items, list) else []:
            for key in keys:
                if isinstance(item, dict) and isinstance(item.get(key), (str, int)):
                    return str(item[key])
                if isinstance(item, dict) and isinstance(item.get(key), dict) and item[key].get(keys[0]):
                    return str(item[key][keys[0]])
        return None

    def post(path, body, role="admin"):
        response = requests.post(base + path, json=body, headers={"Authorization": "Bearer " + prober.tokens[role]}, timeout=60)
        try:
            return response.json()
        except ValueError:
            return {}

    filed = post("/api/v1/cases", VALID_BODIES[("POST", "/api/v1/cases")], role="dispatcher")
    citizen = requests.post(base + "/api/v1/cases", json={**VALID_BODIES[("POST", "/api/v1/cases")], "source": "web"}, timeout=60).json()
    shop = post("/api/v1/shops", VALID_BODIES[("POST", "/api/v1/shops")])
    ids = {"cases": filed.get("number") or first("/api/v1/cases", "number"),
           "tickets": citizen.get("ticket") or citizen.get("ticket_code") or citizen.get("code")}
    if shop.get("id"):
        ids["shops"] = shop["id"]
        contract = post(f"/api/v1/shops/{shop['id']}/contracts", VALID_BODIES[("POST", "/api/v1/shops/{id}/contracts")])
        ids["contracts"] = (contract.get("contract") or {}).get("number")
        notice = post(f"/api/v1/shops/{shop['id']}/notices", VALID_BODIES[("POST", "/api/v1/shops/{id}/notices")])
        ids["notices"] = notice.get("number")
        checklists = requests.get(base + "/api/v1/checklists", headers=headers, timeout=60).json()
        template = (checklists.get("items") or [{}])[0] if isinstance(checklists, dict) else {}
        items = [item.get("code") for section in template.get("sections", []) for item in section.get("items", [])]
        inspection = post(f"/api/v1/shops/{shop['id']}/inspections", {"template": template.get("code", "mqwb"), "lat": LAT, "lon": LON,
                                                                      "answers": [{"item": code, "passed": True} for code in items]})
        ids["inspections"] = inspection.get("id") or (inspection.get("inspection") or {}).get("id")
    space = post("/api/v1/idle-spaces", VALID_BODIES[("POST", "/api/v1/idle-spaces")])
    ids["idle-spaces"] = space.get("id") or (space.get("space") or {}).get("id")
    ids.update({
        "campaigns": first("/api/v1/campaigns", "id"),
        "residents": first("/api/v1/vaccination/residents", "id"),
        "sites": first("/api/v1/vaccination/sites", "id", "site"),
        "supervision-groups": first("/api/v1/vaccination/supervision-groups", "id"),
        "vaccines": first("/api/v1/vaccination/vaccines", "code"),
        "apikeys": first("/api/v1/apikeys", "id"),
    })
    if ids["residents"]:
        resident = requests.get(f"{base}/api/v1/vaccination/residents/{ids['residents']}", headers=headers, timeout=60).json()
        for key in ("appointments", "doses"):
            for row in (resident.get(key) or []) if isinstance(resident, dict) else []:
                row = row.get(key[:-1], row) if isinstance(row, dict) else {}
                if row.get("id"):
                    ids[key] = str(row["id"])
                    break
    ids.update({"ticket": ids["tickets"], "lang": "en", "service_code": "06010"})
    found = {name: value for name, value in ids.items() if value}
    print("real objects:", found)
    return found


def fill(template: str, known: dict, hostile_name=None, hostile_value=None) -> str:
    """A path from its template: the hostile value in one parameter, real ids elsewhere."""
    segments = template.split("/")

    def value(match, collection):
        if match.group(1) == hostile_name:
            return hostile_value
        return _q(known.get(collection) or known.get(match.group(1)) or "1")

    return "/".join(re.sub(r"\{(\w+)\}", lambda m, c=segments[i - 1] if i else "": value(m, c), segment)
                    for i, segment in enumerate(segments))


# MARK: - Example bodies from a schema


def resolve(document, schema):
    while isinstance(schema, dict) and "$ref" in schema:
        node = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    if isinstance(schema, dict):
        for key in ("allOf", "oneOf", "anyOf"):
            if key in schema and schema[key]:
                merged = {}
                for part in schema[key] if key == "allOf" else schema[key][:1]:
                    part = resolve(document, part)
                    merged.setdefault("properties", {}).update(part.get("properties", {}))
                    merged.setdefault("required", []).extend(part.get("required", []))
                    merged.setdefault("type", part.get("type"))
                return merged
    return schema or {}


NAMED = {"lat": LAT, "lon": LON, "long": LON, "category": "06010", "service_code": "06010", "street": "140213003",
         "street_code": "140213003", "source": "hotline", "username": "nobody", "password": "wrong-password"}


def example(document, schema, name="", depth=0):
    schema = resolve(document, schema)
    if depth > 4:
        return None
    if "example" in schema:
        return schema["example"]
    if "default" in schema:
        return schema["default"]
    if schema.get("enum"):
        return schema["enum"][0]
    if name in NAMED:
        return NAMED[name]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {key: example(document, props[key], key, depth + 1) for key in schema.get("required", []) if key in props}
    if kind == "array":
        item = example(document, schema.get("items", {}), name, depth + 1)
        return [] if item is None else [item]
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    if kind == "string":
        return {"date": "2026-12-01", "date-time": "2026-12-01T10:00:00+08:00"}.get(schema.get("format"), "测试")
    return None


def body_cases(document, schema, full=True, base=None):
    """(label, bytes) bodies: the base body with one field made hostile, then whole bodies."""
    schema = resolve(document, schema)
    base = base if base is not None else example(document, schema)
    yield "base body", json.dumps(base).encode()
    if isinstance(base, dict):
        properties = {**{name: {} for name in base}, **schema.get("properties", {})}
        for field, declared in properties.items():
            kind = resolve(document, declared).get("type")
            values = SAMPLE_JSON_VALUES if not full else \
                STRING_VALUES if kind == "string" else NUMBER_VALUES if kind in ("integer", "number") else OTHER_VALUES
            for value in values:
                label = f"{field}=" + ("1 MB string" if value is MEGABYTE else short(json.dumps(value), 40))
                yield label, json.dumps({**base, field: value}).encode()
        # What is not JSON is refused by the decoder wherever it stands: once a body.
        field = next(iter(properties), "x")
        for raw in RAW_JSON_FIELD_VALUES if full else []:
            text = json.dumps({**base, field: "__RAW__"}).replace('"__RAW__"', raw)
            yield f"{field}={raw}", text.encode()
        yield f"{field}=invalid UTF-8", json.dumps({**base, field: "__RAW__"}).encode().replace(b"__RAW__", b"\xff\xfe")
    for label, body in WHOLE_BODIES:
        yield label, body


# MARK: - The surfaces


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            parameters = [resolve(document, p) for p in item.get("parameters", []) + operation.get("parameters", [])]
            yield method.upper(), path, parameters, operation.get("requestBody")


def drive_operation(prober, document, known, method, path, parameters, request_body, roles):
    if (method, path) in SKIPPED:
        return
    path_names = [p["name"] for p in parameters if p.get("in") == "path"]
    query_names = [p["name"] for p in parameters if p.get("in") == "query"]
    content = (resolve(document, request_body or {}).get("content") or {})
    body_schema = None
    body_type = None
    for kind in ("application/json", "application/x-www-form-urlencoded", "multipart/form-data"):
        if kind in content:
            body_schema, body_type = content[kind].get("schema", {}), kind
            break
    if not path_names and not query_names and body_schema is None and not content:
        return
    for role in roles:
        wire = wire_values(role)
        for name in path_names:
            for label, value in wire:
                prober.probe(role, method, fill(path, known, name, value), what=f"{{{name}}}={label}")
        for name in query_names:
            for label, value in wire + ([BIG_WIRE_VALUE] if role == FULL_TABLE_ROLE else []):
                prober.probe(role, method, f"{fill(path, known)}?{name}={value}", what=f"{name}={label}")
        if query_names:
            everything = "&".join(f"{name}=-1" for name in query_names)
            prober.probe(role, method, f"{fill(path, known)}?{everything}&{query_names[0]}=2", what="all -1, one repeated")
        if body_schema is not None and body_type == "application/json":
            for label, body in body_cases(document, body_schema, full=role == FULL_TABLE_ROLE, base=VALID_BODIES.get((method, path))):
                prober.probe(role, method, fill(path, known), body, "application/json", what=label)
        elif body_schema is not None:
            drive_form(prober, role, method, fill(path, known), form_fields(document, body_schema),
                       multipart=body_type == "multipart/form-data", full=True)
        elif content:
            for kind in content:
                for label, body in [("empty", b""), ("garbage", b"\xff\xfe\x00" * 100), ("1 MB", MEGABYTE.encode())]:
                    prober.probe(role, method, fill(path, known), body, kind, what=f"{kind} {label}")
        prober.still_alive(f"{method} {path} as {role or 'anonymous'}")


def form_fields(document, schema):
    schema = resolve(document, schema)
    return {name: example(document, prop, name) for name, prop in schema.get("properties", {}).items()}


def encode_form(fields, multipart):
    if not multipart:
        pairs = []
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                raw = item if isinstance(item, str) else json.dumps(item)
                pairs.append(f"{_q(name)}={_q(raw) if not raw.startswith(chr(0xFF)) else raw}")
        return "&".join(pairs).encode("latin-1", "replace"), "application/x-www-form-urlencoded"
    boundary = "hostile" + secrets.token_hex(8)
    chunks = []
    for name, value in fields.items():
        raw = value if isinstance(value, str) else json.dumps(value)
        data = raw.encode("latin-1") if raw.startswith("\xff") else raw.encode()
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + data + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def wire_values(role, full=False):
    if full or role == FULL_TABLE_ROLE:
        return WIRE_VALUES
    return [(label, value) for label, value in WIRE_VALUES if label in SAMPLE]


def drive_form(prober, role, method, target, fields, multipart=False, full=False):
    """Each field of a form made hostile in turn, the others as the page filled them. A long
    form (a checklist) repeats a few kinds of field many times: its first fields get the
    whole table, the rest a sample."""
    whole = [*TEXT_VALUES, MEGABYTE, "\xff\xfe"] if full or role == FULL_TABLE_ROLE else [*(t for t in TEXT_VALUES if t in SAMPLE), "\xff\xfe"]
    sample = [t for t in whole if t in SAMPLE]
    # The broken bodies first: a public form's intake limit soon answers 429 to one address.
    for label, body in [("empty", b""), ("garbage", b"\xff\xfe&&==&%%" * 100), ("many fields", MANY_FIELDS)]:
        prober.probe(role, method, target, body, "application/x-www-form-urlencoded", what=f"form {label}")
    if multipart:
        for label, body in [("one empty part", b"--x\r\n\r\n\r\n--x--\r\n"),
                            ("no closing boundary", b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"),
                            ("10,000 empty parts", b"--x\r\n\r\n\r\n" * 10_000 + b"--x--\r\n")]:
            prober.probe(role, method, target, body, "multipart/form-data; boundary=x", what=f"multipart {label}")
    for index, name in enumerate(n for n in fields if n != "_csrf"):
        for value in whole if index < 12 else sample:
            body, content_type = encode_form({**fields, name: value}, multipart)
            prober.probe(role, method, target, body, content_type, what=f"{name}=" + ("1 MB string" if value is MEGABYTE else repr(value)))


def slowest(prober):
    return ", ".join(f"{k} {v:.1f}s" for k, v in sorted(prober.spent.items(), key=lambda kv: -kv[1])[:15])


def report(prober):
    lines = "\n".join(sorted(set(prober.failures)))
    return f"{len(set(prober.failures))} failures in {prober.requests} requests ({prober.restarts} restarts):\n{lines}"


# MARK: - Tests


@pytest.mark.parametrize("period", ["2000-01", "2000-Q1", "2000", "0001-01-01..0001-01-01"])
def test_hotspots_survive_a_period_at_the_edge_of_the_supported_years(prober, period):
    """The trend compares with the period before, which for these lies before the first
    supported year: an answer or a refusal, never a crash."""
    before = len(prober.failures)
    answer = prober.probe("dispatcher", "GET", f"/api/v1/hotspots?period={_q(period)}")
    prober.still_alive("GET /api/v1/hotspots")
    prober.settle()
    assert answer is not None and answer.status < 500, report(prober)
    assert len(prober.failures) == before, report(prober)


@pytest.mark.parametrize("back", ["/%09/evil.example", "/%0A/evil.example", "/%0D/evil.example", "//evil.example",
                                  "/\\evil.example", "https://evil.example/", "%2F%2Fevil.example", "/%5Cevil.example"])
def test_language_switch_does_not_redirect_off_the_site(prober, back):
    before = len(prober.failures)
    answer = prober.probe(None, "GET", f"/lang/en?back={back}")
    prober.settle()
    assert answer is not None and answer.status in (302, 303), report(prober)
    assert same_site(answer.headers["location"]), f"/lang/en?back={back} redirects to {answer.headers['location']!r}"
    assert len(prober.failures) == before, report(prober)


def test_native_api_survives_hostile_values(prober, known):
    document = requests.get(prober.process.base + "/api/v1/openapi.json", timeout=30).json()
    prober.failures.clear()
    started = time.monotonic()
    prober.each([lambda op=op: drive_operation(prober, document, known, *op, ROLES) for op in operations(document)])
    print(f"native API: {prober.requests} requests in {time.monotonic() - started:.0f} s; slowest: {slowest(prober)}")
    prober.settle()
    assert not prober.failures, report(prober)


def test_open311_survives_hostile_values(prober, known):
    document = requests.get(prober.process.base + "/open311/v2/openapi.json", timeout=30).json()
    prober.failures.clear()
    # Open311 is public: the key is the caller's credential, and staff tokens mean nothing to it.
    prober.each([lambda op=op: drive_operation(prober, document, known, *op, [None]) for op in operations(document)])
    prober.settle()
    assert not prober.failures, report(prober)


class Forms(HTMLParser):
    """The forms of a page: action, method, enctype, and each field's name and first value."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.current = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").upper(),
                            "multipart": "multipart" in (attrs.get("enctype") or ""), "fields": {}}
            self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and attrs["name"] in self.current["fields"]:
                return
            self.current["fields"][attrs["name"]] = attrs.get("value") or ""
            self.select = attrs["name"] if tag == "select" else None
        elif tag == "option" and self.current is not None and self.select:
            if not self.current["fields"].get(self.select):
                self.current["fields"][self.select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def test_web_pages_survive_hostile_values(prober, known):
    prober.failures.clear()
    forms = {}

    def page(template, names, role):
        answer = prober.probe(role, "GET", fill(template, known))
        if answer is not None and answer.status == 200 and b"<form" in answer.body:
            parser = Forms()
            parser.feed(answer.body.decode("utf-8", "replace"))
            for form in parser.forms:
                action = form["action"].split("?")[0] or fill(template, known)
                if form["method"] == "POST" and action.startswith("/") and ("POST", action) not in SKIPPED:
                    shape = re.sub(r"/[0-9A-Za-z_-]*\d[0-9A-Za-z_-]*", "/{id}", action)
                    forms.setdefault((shape, tuple(sorted(form["fields"]))), (action, form, role))
        wire = wire_values(role)
        for name in set(re.findall(r"\{(\w+)\}", template)):
            for label, value in wire:
                prober.probe(role, "GET", fill(template, known, name, value), what=f"{{{name}}}={label}")
        for name in names + WEB_COMMON.get(template, []):
            for label, value in wire + ([BIG_WIRE_VALUE] if role == FULL_TABLE_ROLE else []):
                prober.probe(role, "GET", f"{fill(template, known)}?{name}={value}", what=f"{name}={label}")
        prober.still_alive(f"GET {template} as {role or 'anonymous'}")

    def post(shape, action, form, role):
        drive_form(prober, role, "POST", action, {**form["fields"], "_csrf": CSRF}, form["multipart"])
        prober.still_alive(f"POST {shape} as {role or 'anonymous'}")

    prober.each([lambda t=t, n=n, r=r: page(t, n, r) for t, n in WEB_PAGES.items() for r in ROLES])
    prober.each([lambda s=s, a=a, f=f, r=r: post(s, a, f, r) for (s, _), (a, f, r) in sorted(forms.items())])
    print(f"web pages: {len(forms)} forms, {prober.requests} requests so far; slowest: {slowest(prober)}")
    assert forms, "no forms found on the pages"
    prober.settle()
    assert not prober.failures, report(prober)
