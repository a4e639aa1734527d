"""A scripted LSP client: drives `cfn-enclint server` over its pipes as an
editor does, and checks what it answers. Python 3 standard library only.
Usage: lsp_client.py BINARY TEMPLATE TRANSCRIPT WORKDIR"""
import json
import os
import subprocess
import sys
import urllib.parse

BIN, TEMPLATE, TRANSCRIPT, WORK = sys.argv[1:5]
URI = "file://" + urllib.parse.quote(os.path.join(WORK, "space", "template.yaml"))
server = subprocess.Popen([BIN, "server", "--stdio"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE)
log = open(TRANSCRIPT, "w")


def fail(why):
    print("FAIL:", why, file=sys.stderr)
    server.kill()
    sys.exit(1)


def frame(msg):
    body = msg if isinstance(msg, bytes) else json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def send(*msgs):
    """Writes the messages in one write, so the server reads them together."""
    for m in msgs:
        log.write("--> " + (m.decode() if isinstance(m, bytes) else json.dumps(m)) + "\n")
    server.stdin.write(b"".join(frame(m) for m in msgs))
    server.stdin.flush()


def receive():
    length = None
    while True:
        line = server.stdout.readline()
        if not line:
            fail("the server closed its output")
        if line == b"\r\n":
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    msg = json.loads(server.stdout.read(length))
    log.write("<-- " + json.dumps(msg) + "\n")
    return msg


def expect(pred, what):
    msg = receive()
    if not pred(msg):
        fail("expected %s, got %s" % (what, json.dumps(msg)[:400]))
    return msg


def response(id_):
    return expect(lambda m: m.get("id") == id_ and "method" not in m, "the reply to %r" % id_)


def diagnostics(version):
    m = expect(lambda m: m.get("method") == "textDocument/publishDiagnostics",
               "diagnostics of version %d" % version)
    if m["params"]["uri"] != URI or m["params"].get("version") != version:
        fail("diagnostics for the wrong document or version: %s" % json.dumps(m["params"])[:200])
    return m["params"]["diagnostics"]


def apply(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) the way an editor does."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)

    def offset(pos):
        line = lines[pos["line"]]
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return starts[pos["line"]] + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return starts[pos["line"]] + len(line)
    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), i, e["newText"])
                    for i, e in enumerate(edits)), reverse=True)
    for begin, end, _, new in spans:
        text = text[:begin] + new + text[end:]
    return text


text = open(TEMPLATE, encoding="utf-8").read()
# Something outside the BMP before the findings: positions must count UTF-16 units.
text = text.replace("Description:", "# 😀 emoji\nDescription:", 1)
fixed_by_cli = subprocess.run([BIN, "--fix", "-"], input=text.encode(), capture_output=True).stdout.decode()
if fixed_by_cli == text:
    fail("--fix - changed nothing: the example should have safe fixes")

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {
          "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}}})
init = response(1)["result"]["capabilities"]
if init.get("positionEncoding") != "utf-16":
    fail("positionEncoding %r, expected utf-16 by default" % init.get("positionEncoding"))
if init["textDocumentSync"]["change"] != 2:
    fail("text sync is not incremental")
if "source.fixAll.cfn-enclint" not in init["codeActionProvider"]["codeActionKinds"]:
    fail("no source.fixAll.cfn-enclint action kind")
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
# The server asks to be told when a configuration file changes.
reg = expect(lambda m: m.get("method") == "client/registerCapability", "a registration")
watchers = reg["params"]["registrations"][0]["registerOptions"]["watchers"]
if watchers != [{"globPattern": "**/.cfn-enclint.yaml"}]:
    fail("unexpected watchers %s" % watchers)
send({"jsonrpc": "2.0", "id": reg["id"], "result": None})

# A document that is not a template: no diagnostics.
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": "file:///values.yaml", "languageId": "yaml", "version": 1,
    "text": "replicas: 3\nimage: nginx\n"}}})
m = expect(lambda m: m.get("method") == "textDocument/publishDiagnostics", "diagnostics")
if m["params"]["uri"] != "file:///values.yaml" or m["params"]["diagnostics"] != []:
    fail("a non-template got diagnostics: %s" % json.dumps(m["params"]))
send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {
    "textDocument": {"uri": "file:///values.yaml"}}})
m = expect(lambda m: m.get("method") == "textDocument/publishDiagnostics", "diagnostics")
if m["params"] != {"uri": "file:///values.yaml", "diagnostics": []}:
    fail("didClose should clear the document's diagnostics: %s" % m["params"])

send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": URI, "languageId": "yaml", "version": 1, "text": text}}})
diags = diagnostics(1)
if not diags:
    fail("no diagnostics for the example")
for d in diags:
    if d["source"] != "cfn-enclint" or not d["code"].startswith("ENC"):
        fail("bad diagnostic %s" % d)
    if not d["codeDescription"]["href"].endswith("/docs/rules/%s.md" % d["code"]):
        fail("bad rule link %s" % d["codeDescription"])
# The CLI's positions (1-based line, code-point column) agree with the
# server's (0-based line, UTF-16 units) once converted.
cli = json.loads(subprocess.run([BIN, "-f", "json", "-"], input=text.encode(),
                                capture_output=True).stdout)["diagnostics"]
lines = text.split("\n")
expected = []
for c in cli:
    prefix = lines[c["line"] - 1][:c["column"] - 1]
    expected.append((c["rule"], c["line"] - 1, len(prefix.encode("utf-16-le")) // 2))
got = [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diags]
if sorted(got) != sorted(expected):
    fail("positions differ from the CLI's:\n%s\n%s" % (sorted(got), sorted(expected)))

# The fix-all action applied to the text gives what --fix gives.
end = {"line": len(lines), "character": 0}
send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": end},
    "context": {"diagnostics": [], "only": ["source.fixAll"]}}})
actions = response(2)["result"]
if [a["kind"] for a in actions] != ["source.fixAll.cfn-enclint"]:
    fail("expected the one fix-all action, got %s" % [a.get("kind") for a in actions])
edits = actions[0]["edit"]["changes"][URI]
for e in edits:
    if e["range"]["start"] != e["range"]["end"]:
        fail("a safe fix edit is not an insertion: %s" % e)
if apply(text, edits) != fixed_by_cli:
    fail("the fix-all edits do not give --fix's output")

# Quick fixes: one per fixable finding, safe ones preferred.
send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": end},
    "context": {"diagnostics": diags, "only": ["quickfix"]}}})
actions = response(3)["result"]
if not actions or any(a["kind"] != "quickfix" for a in actions):
    fail("no quick fixes")
# A suppression comment for every finding, the others fix.
suppress = [a for a in actions if a["title"].startswith("Suppress ")]
quick = [a for a in actions if not a["title"].startswith("Suppress ")]
if len(suppress) != len(diags) or any(a["isPreferred"] for a in suppress):
    fail("expected one suppression per finding, never preferred: %s" % [a["title"] for a in suppress])
for a in suppress:
    (edit,) = a["edit"]["changes"][URI]
    rule = a["diagnostics"][0]["code"]
    if edit["range"]["start"] != edit["range"]["end"] or edit["range"]["start"]["character"] != 0 \
            or not edit["newText"].lstrip(" ").startswith("# cfn-enclint: ignore[%s] TODO: " % rule):
        fail("a suppression should insert a comment line: %s" % edit)
# A suppression comment, as inserted, silences its finding (and only it).
silenced = apply(text, suppress[0]["edit"]["changes"][URI])
after = json.loads(subprocess.run([BIN, "-f", "json", "-"], input=silenced.encode(),
                                  capture_output=True).stdout)["diagnostics"]
target = suppress[0]["diagnostics"][0]
left = sorted((c["rule"], c["line"]) for c in after)
if len(after) != len(cli) - 1 or any(c["rule"] == target["code"] and c["resource"] ==
                                     suppress[0]["title"].split("'")[1] for c in after):
    fail("the suppression comment did not silence exactly its finding: %s" % left)
for a in quick:
    if a["isPreferred"] == a["title"].endswith("(unsafe)"):
        fail("isPreferred and the (unsafe) title disagree: %s" % a["title"])
# A quick fix fixes its own finding, and only it.
one = apply(text, quick[0]["edit"]["changes"][URI])
after = json.loads(subprocess.run([BIN, "-f", "json", "-"], input=one.encode(),
                                  capture_output=True).stdout)["diagnostics"]
left = sorted((c["rule"], c["resource"]) for c in after)
before = sorted((c["rule"], c["resource"]) for c in cli)
target = quick[0]["diagnostics"][0]
gone = [k for k in before if k not in left]
if len(gone) != 1 or len(left) != len(before) - 1 or gone[0][0] != target["code"]:
    fail("the quick fix %r changed the findings %s -> %s" % (quick[0]["title"], before, left))

# An incremental edit (range in UTF-16 units, after the emoji) then a save.
emoji_line = text.split("\n").index("# 😀 emoji")
send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": URI, "version": 2},
    "contentChanges": [{"range": {"start": {"line": emoji_line, "character": 5},
                                  "end": {"line": emoji_line, "character": 10}},
                        "text": "edited"}]}})
diags2 = diagnostics(2)
if len(diags2) != len(diags):
    fail("a comment edit changed the findings")
# The server's text is the client's: its fix-all edits on the edited text
# give --fix's output for that text.
edited = text.replace("# 😀 emoji", "# 😀 edited", 1)
send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": end},
    "context": {"diagnostics": [], "only": ["source.fixAll.cfn-enclint"]}}})
fix_all = response(7)["result"][0]["edit"]["changes"][URI]
if apply(edited, fix_all) != fixed_by_cli.replace("# 😀 emoji", "# 😀 edited", 1):
    fail("after the incremental edit the server's text differs from the client's")
send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": URI, "version": 3},
    "contentChanges": [{"text": fixed_by_cli.replace("# 😀 emoji", "# 😀 edited", 1)}]}})
if any(d.get("severity") == 1 for d in diagnostics(3)):
    fail("errors remain after the full-text change to the fixed template")
send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": URI, "version": 4},
    "contentChanges": [{"text": "AWSTemplateFormatVersion: x\nResources: [unclosed\n"}]}})
broken = diagnostics(4)
if len(broken) != 1 or broken[0]["severity"] != 1:
    fail("a parse error should be one error diagnostic: %s" % broken)
send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {
    "textDocument": {"uri": URI}, "text": text}})
if len(diagnostics(4)) != len(diags):
    fail("didSave with text did not re-check it")

# Each document takes the .cfn-enclint.yaml nearest to it, read again when
# the client says one changed.
proj = os.path.join(WORK, "proj", "sub")
os.makedirs(proj)
config = os.path.join(WORK, "proj", ".cfn-enclint.yaml")
PURI = "file://" + urllib.parse.quote(os.path.join(proj, "t.yaml"))
rules = sorted({d["code"] for d in diags})
with open(config, "w") as f:
    f.write("ignore: [%s]\n" % rules[0])
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": PURI, "languageId": "yaml", "version": 1, "text": text}}})
m = expect(lambda m: m.get("method") == "textDocument/publishDiagnostics", "diagnostics")
codes = {d["code"] for d in m["params"]["diagnostics"]}
if m["params"]["uri"] != PURI or rules[0] in codes or not codes:
    fail("the nearest configuration was not applied: %s" % sorted(codes))


def changed_config(content):
    with open(config, "w") as f:
        f.write(content)
    send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [
        {"uri": "file://" + urllib.parse.quote(config), "type": 2}]}})
    got = {}
    for _ in range(2):  # both open documents are checked again
        m = expect(lambda m: m.get("method") == "textDocument/publishDiagnostics", "diagnostics")
        got[m["params"]["uri"]] = m["params"]["diagnostics"]
    if set(got) != {URI, PURI} or len(got[URI]) != len(diags):
        fail("after a configuration change: %s" % sorted(got))
    return got[PURI]


bad = changed_config("colour: red\n")
if len(bad) != 1 or "colour" not in bad[0]["message"] or ".cfn-enclint.yaml:1:1" not in bad[0]["message"]:
    fail("a bad configuration should be one diagnostic naming it: %s" % bad)
if sorted(d["code"] for d in changed_config("level: baseline\n")) != sorted(d["code"] for d in diags):
    fail("a fixed configuration did not bring the findings back")

# Garbage, an unknown request and notification, and a cancelled request.
send(b"{this is not json")
if expect(lambda m: "error" in m, "an error")["error"]["code"] != -32700:
    fail("garbage did not get ParseError")
send({"jsonrpc": "2.0", "id": 4, "method": "workspace/noSuchThing", "params": {}},
     {"jsonrpc": "2.0", "method": "$/noSuchNotification", "params": {}})
if response(4)["error"]["code"] != -32601:
    fail("an unknown method did not get MethodNotFound")
send({"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": end},
    "context": {"diagnostics": []}}},
     {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 5}})
if response(5).get("error", {}).get("code") != -32800:
    fail("the cancelled request did not get RequestCancelled")

send({"jsonrpc": "2.0", "id": 6, "method": "shutdown"})
if response(6).get("result", "missing") is not None:
    fail("shutdown's result is not null")
send({"jsonrpc": "2.0", "method": "exit"})
try:
    rc = server.wait(timeout=10)
except subprocess.TimeoutExpired:
    fail("the server did not exit")
if rc != 0:
    fail("exit status %d after shutdown and exit" % rc)
print("ok")
