#!/usr/bin/env bash
# A 50 MB template is linted (not refused, not truncated), and a 5 MB one is
# fixed and verified. Time and memory are measured by bench/, not here.
source "$(dirname "$0")/common.sh"
gen() {  # gen FILE MEGABYTES: buckets without encryption until the size is reached
  "$PY" - "$1" "$2" <<'PY'
import sys
out, limit = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
parts, size, i = ["AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"], 0, 0
while size < limit:
    chunk = ("  Bucket%d:\n    Type: AWS::S3::Bucket\n    Properties:\n"
             "      BucketName: !Sub 'bucket-%d-${AWS::AccountId}'\n"
             "      Tags:\n        - Key: team\n          Value: platform-%d\n") % (i, i, i)
    parts.append(chunk); size += len(chunk); i += 1
open(out, "w").write("".join(parts))
print(i)
PY
}
n=$(gen "$WORK/big.yaml" 50)
run "$BIN" --no-source "$WORK/big.yaml"
[ "$rc" = 1 ] || fail "50 MB template: exit $rc"
grep -q "^$n findings in 1 file" "$WORK/out" || fail "50 MB template: expected $n findings: $(tail -1 "$WORK/out")"
grep -q "more findings not shown" "$WORK/out" || fail "text output is not capped per file"

n=$(gen "$WORK/five.yaml" 5)
run "$BIN" --no-source --fix "$WORK/five.yaml"
[ "$rc" = 0 ] || { tail -3 "$WORK/out"; fail "5 MB template --fix: exit $rc"; }
[ "$(grep -c 'BucketKeyEnabled: true' "$WORK/five.yaml")" = "$n" ] || fail "not every bucket was fixed"
echo "large files ok: 50 MB linted, 5 MB fixed ($n buckets)"
