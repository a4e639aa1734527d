#!/usr/bin/env bash
# --format junit is well-formed XML (read back with Python's XML parser) with
# a testsuite per file, a testcase per resource and a failure per finding.
source "$(dirname "$0")/common.sh"
cd "$WORK"
cp "$SRC/fixtures/examples/travel-guide/template.fixed.yaml" clean.yaml
cp "$SRC/fixtures/rules/ENC203/two-rules.yaml" rules.yaml
printf '{"AWSTemplateFormatVersion": "x", "Resources": [}\n' > broken.json
run "$BIN" -f junit clean.yaml rules.yaml broken.json
[ "$rc" = 2 ] || fail "exit status $rc"
"$PY" - "$WORK/out" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = {s.get("name"): s for s in root.findall("testsuite")}
assert set(suites) == {"clean.yaml", "rules.yaml", "broken.json"}, suites.keys()
clean = suites["clean.yaml"]
cases = clean.findall("testcase")
assert len(cases) == int(clean.get("tests")) and clean.get("failures") == "0"
assert any(c.get("name") == "ArticlesTable (AWS::DynamoDB::Table)" for c in cases)
assert all(c.find("failure") is None for c in cases)
rules = suites["rules.yaml"]
failures = [f for c in rules.findall("testcase") for f in c.findall("failure")]
assert len(failures) == 2 and all(f.get("type") == "ENC203" for f in failures), failures
assert "rules.yaml:9:13" in failures[0].text
broken = suites["broken.json"]
assert broken.get("errors") == "1" and broken.find("testcase/error") is not None
total = sum(int(s.get("tests")) for s in suites.values())
assert int(root.get("tests")) == total and root.get("failures") == "1" and root.get("errors") == "1"
print("junit ok: %d testcases" % total)
PY
