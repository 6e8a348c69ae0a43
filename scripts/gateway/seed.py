"""Seed a ContextForge gateway for the JMeter plans, idempotently (run by scripts/gateway.sh up).

Creates what is missing: the REST tool gw-health, the resource file:///loadtest/hello.txt, the prompt greeting,
the embedded MCP test servers as peer gateways fast-time and fast-test, and the virtual server SERVER_ID with
every tool, one resource of that URI and every prompt; then checks it with an MCP tools/call. Admin calls go
to /v1, which 1.1.0 serves with and without LEGACY_API_ENABLED. Environment: GATEWAY_URL, TOKEN_FILE,
SERVER_ID, FAST_TIME_URL, FAST_TEST_URL. The token never leaves this process.
"""

import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ["GATEWAY_URL"]
SERVER_ID = os.environ["SERVER_ID"]
RESOURCE_URI = "file:///loadtest/hello.txt"
with open(os.environ["TOKEN_FILE"], encoding="utf-8") as f:
    TOKEN = f.read().strip()


def log(message):
    print(f"gateway: {message}", file=sys.stderr)


def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {TOKEN}")
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def api(method, path, body=None):
    status, _, text = call(method, "/v1" + path, body)
    if status // 100 != 2:
        sys.exit(f"gateway: error: {method} /v1{path} answered {status}: {text[:300]}")
    return json.loads(text) if text else None


def items(path):
    doc = api("GET", path)
    return doc if isinstance(doc, list) else doc.get("items") or doc.get("data") or []


def ensure(path, wanted, body, what):
    if not any(wanted(x) for x in items(path)):
        log(f"seeding {what}")
        api("POST", path, body)


ensure(
    "/tools",
    lambda t: t.get("name") == "gw-health",
    {"tool": {"name": "gw-health", "url": f"{BASE}/health", "description": "Gateway health over REST",
              "integration_type": "REST", "request_type": "GET", "input_schema": {"type": "object", "properties": {}},
              "visibility": "public", "tags": ["loadtest"]}},
    "REST tool gw-health",
)
ensure(
    "/resources",
    lambda r: r.get("uri") == RESOURCE_URI,
    {"resource": {"uri": RESOURCE_URI, "name": "hello", "description": "static text", "mime_type": "text/plain",
                  "content": "Hello from the ContextForge load test", "tags": ["loadtest"]}, "visibility": "public"},
    f"resource {RESOURCE_URI}",
)
ensure(
    "/prompts",
    lambda p: "greeting" in (p.get("originalName"), p.get("name")),
    {"prompt": {"name": "greeting", "description": "Greets a user", "template": "Hello {{ user }}, welcome to the load test.",
                "arguments": [{"name": "user", "description": "who to greet", "required": True}], "tags": ["loadtest"]},
     "visibility": "public"},
    "prompt greeting",
)
for name, env in (("fast-time", "FAST_TIME_URL"), ("fast-test", "FAST_TEST_URL")):
    url = os.environ[env] + "/mcp"  # where ContextForge's docker-compose registers its test servers
    ensure(
        "/gateways",
        lambda g, name=name: g.get("name") == name,
        {"name": name, "url": url, "description": f"embedded MCP test server {name}", "transport": "STREAMABLEHTTP",
         "visibility": "public", "tags": ["loadtest"]},
        f"peer gateway {name} -> {url}",
    )

# Both peers also serve the resource URI (and take over the local one): associate ONE resource with it, or
# resources/read answers "Multiple resources matched URI".
association = {
    "associated_tools": [t["id"] for t in items("/tools")],
    "associated_resources": [r["id"] for r in items("/resources") if r.get("uri") == RESOURCE_URI][:1],
    "associated_prompts": [p["id"] for p in items("/prompts")],
}
if call("GET", f"/v1/servers/{SERVER_ID}")[0] == 200:
    api("PUT", f"/servers/{SERVER_ID}", association)
else:
    log(f"creating virtual server {SERVER_ID}")
    api("POST", "/servers", {"server": {"id": SERVER_ID, "name": "loadtest", "description": "JMeter target",
                                        "tags": ["loadtest"], **association}, "visibility": "public"})

# Smoke: initialize (a session in stateful mode), one tools/call, end the session.
mcp = {"Accept": "application/json, text/event-stream"}
path = f"/servers/{SERVER_ID}/mcp"
status, headers, text = call("POST", path, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "seed.py", "version": "1"}}}, mcp)
session = {k.lower(): v for k, v in headers.items()}.get("mcp-session-id")
if session:
    mcp["Mcp-Session-Id"] = session
status, _, text = call("POST", path, {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                                      "params": {"name": "gw-health", "arguments": {}}}, mcp)
if session:
    call("DELETE", path, None, mcp)
payload = next((line[5:].strip() for line in text.splitlines() if line.startswith("data:")), text)
try:
    ok = status == 200 and json.loads(payload)["result"]["isError"] is False
except (ValueError, KeyError, TypeError):
    ok = False
if not ok:
    sys.exit(f"gateway: error: MCP smoke tools/call gw-health answered {status}: {text[:300]}")
log(f"seeded: virtual server {SERVER_ID} with {len(association['associated_tools'])} tools, "
    f"{len(association['associated_resources'])} resource, {len(association['associated_prompts'])} prompts")
