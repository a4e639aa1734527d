#!/usr/bin/python3
# The language server as an editor sees it: the time from sending a change
# to receiving its diagnostics (one character typed into a Description, an
# incremental didChange), for the bundled example and a 1 MB template, and
# the server's resident memory over 10,000 edits of one document.
# Usage: bench/lsp.py CFN_ENCLINT [EDITS]
import json, os, statistics, subprocess, sys, time

BIN = sys.argv[1]
EDITS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "fixtures", "examples", "travel-guide", "template.yaml")

server = subprocess.Popen([BIN, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    server.stdin.flush()


first_byte = [0.0]  # when the last message read began to arrive
last_byte = [0.0]  # when it had arrived whole (before this client parsed it)


def read():
    headers = {}
    first = server.stdout.readline()
    first_byte[0] = time.perf_counter()
    for line in iter(server.stdout.readline, b"\r\n"):
        key, _, value = line.decode().partition(":")
        headers[key.strip().lower()] = value.strip()
    key, _, value = first.decode().partition(":")
    headers[key.strip().lower()] = value.strip()
    body = server.stdout.read(int(headers["content-length"]))
    last_byte[0] = time.perf_counter()
    return json.loads(body)


def published(version):
    while True:
        m = read()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
            return m["params"]["diagnostics"]


def rss_kib():
    with open("/proc/%d/status" % server.pid) as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))


def big_template(target=1024 * 1024):
    parts = ["AWSTemplateFormatVersion: '2010-09-09'\nDescription: big\nResources:\n"]
    i = 0
    while sum(map(len, parts)) < target:
        parts.append("  Bucket%d:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                     "      BucketName: !Sub 'assets-${AWS::AccountId}-%d'\n"
                     "      Tags:\n        - Key: team\n          Value: platform\n"
                     "  Table%d:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                     "      BillingMode: PAY_PER_REQUEST\n" % (i, i, i))
        i += 1
    return "".join(parts)


def typing(uri, text, edits):
    """Opens `text`, types `edits` characters after 'Description: ', timing each."""
    line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith("Description:")))
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    findings = len(published(1))
    times, server_times, whole_times = [], [], []
    for v in range(2, edits + 2):
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": {"start": {"line": line, "character": 13},
                                          "end": {"line": line, "character": 13}}, "text": "x"}]}})
        published(v)
        times.append((time.perf_counter() - start) * 1000)
        server_times.append((first_byte[0] - start) * 1000)
        whole_times.append((last_byte[0] - start) * 1000)
    return findings, times, server_times, whole_times


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
example = open(EXAMPLE, encoding="utf-8").read()
findings, warm, _, _ = typing("file:///bench/example.yaml", example, 200)
print("example (%d bytes, %d findings): change to diagnostics median %.2f ms, p95 %.2f ms (200 edits)"
      % (len(example.encode()), findings, statistics.median(warm),
         sorted(warm)[int(len(warm) * 0.95)]))
big = big_template()
findings, times, first, whole = typing("file:///bench/big.yaml", big, 40)
p95 = lambda xs: sorted(xs)[int(len(xs) * 0.95)]
print("1 MB template (%d bytes, %d findings, 40 edits): diagnostics received whole after a median "
      "%.1f ms, p95 %.1f ms (first byte %.1f ms); parsed by this Python client after %.1f ms, p95 %.1f ms"
      % (len(big.encode()), findings, statistics.median(whole), p95(whole),
         statistics.median(first), statistics.median(times), p95(times)))
send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///bench/big.yaml"}}})
read()
before = rss_kib()
typing("file:///bench/memory.yaml", example, EDITS // 10)
middle = rss_kib()
typing("file:///bench/memory.yaml", example, EDITS - EDITS // 10)  # opened again
after = rss_kib()
print("memory over %d edits of the example: %d KiB before, %d KiB after %d, %d KiB after all"
      % (EDITS, before, middle, EDITS // 10, after))
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
sys.exit(server.wait())
