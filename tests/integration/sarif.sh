#!/usr/bin/env bash
# --format sarif validates against the OASIS SARIF 2.1.0 schema (with the
# jsonschema library) and carries rules, results, locations, fixes and the
# invocation with file errors.
source "$(dirname "$0")/common.sh"
SCHEMA="$SRC/../shared/schemas/sarif-schema-2.1.0.json"
[ -f "$SCHEMA" ] || skip "no SARIF schema at $SCHEMA"
"$PY" -c 'import jsonschema' 2>/dev/null || skip "python3-jsonschema is not installed"

cd "$WORK"
mkdir -p 'dir with space'
cp "$SRC/fixtures/examples/travel-guide/template.yaml" 'dir with space/travel guide.yaml'
cp "$SRC/fixtures/rules/ENC203/two-rules.yaml" rules.yaml
printf 'AWSTemplateFormatVersion: x\nResources: [unclosed\n' > broken.yaml
run "$BIN" -f sarif 'dir with space/travel guide.yaml' rules.yaml broken.yaml
[ "$rc" = 2 ] || fail "exit status $rc, expected 2 (one file cannot be parsed)"

"$PY" - "$SCHEMA" "$WORK/out" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema)   # raises on any violation
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "cfn-enclint" and driver["informationUri"].startswith("https://")
ids = [r["id"] for r in driver["rules"]]
assert ids == sorted(ids) and "ENC101" in ids and "ENC205" in ids, ids
for r in driver["rules"]:
    assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
    assert "## Fix safety" in r["help"]["markdown"]
    assert r["helpUri"].endswith("/docs/rules/%s.md" % r["id"])
results = run["results"]
assert len(results) == 10, len(results)   # 8 in the travel guide, 2 in rules.yaml
first = results[0]
loc = first["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "dir%20with%20space/travel%20guide.yaml", loc
assert loc["region"]["startLine"] == 42 and loc["region"]["startColumn"] == 5
assert first["locations"][0]["logicalLocations"][0]["name"] == "ArticleImagesBucket"
assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "ENC201"
change = first["fixes"][0]["artifactChanges"][0]
rep = change["replacements"][0]
assert rep["deletedRegion"]["byteLength"] == 0
assert "BucketKeyEnabled: true" in rep["insertedContent"]["text"]
# The insertion really belongs at that byte offset of the file.
text = open("dir with space/travel guide.yaml", "rb").read()
off = rep["deletedRegion"]["byteOffset"]
assert text[:off].endswith(b"RestrictPublicBuckets: true"), text[off-40:off]
inv = run["invocations"][0]
assert inv["exitCode"] == 2 and inv["executionSuccessful"] is False
notes = inv["toolExecutionNotifications"]
assert len(notes) == 1 and notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.yaml"
assert run["columnKind"] == "unicodeCodePoints"
print("sarif ok: %d rules, %d results" % (len(ids), len(results)))
PY

# A CDK cloud assembly: each result names its construct (properties.cdkPath)
# and carries no fix (the template is generated).
cp -r "$SRC/fixtures/cdk/app" "$WORK/cdk-app" && cd "$WORK/cdk-app"
run "$BIN" -f sarif cdk.out
[ "$rc" = 1 ] || fail "cdk.out: exit status $rc, expected 1"
"$PY" - "$SCHEMA" "$WORK/out" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema)
results = log["runs"][0]["results"]
assert len(results) == 6, len(results)
assert results[0]["properties"]["cdkPath"] == "DataStack/Uploads/Resource", results[0]
assert all("fixes" not in r and r["properties"]["cdkPath"] for r in results)
print("sarif ok: CDK constructs named")
PY
