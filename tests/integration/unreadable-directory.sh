#!/usr/bin/env bash
# An unreadable directory, named or found in a search, is an error (exit 2),
# never "0 findings in 0 files". Root reads everything: the tool runs as
# `nobody` through setpriv, so this needs root and setpriv (else skipped).
source "$(dirname "$0")/common.sh"
[ "$(id -u)" = 0 ] || skip "needs root to run the tool as an unprivileged user"
command -v setpriv >/dev/null || skip "needs setpriv (util-linux)"
chmod 755 "$WORK"
mkdir -p "$WORK/tree/locked" "$WORK/shut"
bucket=$'AWSTemplateFormatVersion: \'2010-09-09\'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n'
printf '%s' "$bucket" > "$WORK/tree/ok.yaml"
printf '%s' "$bucket" > "$WORK/tree/locked/t.yaml"
chmod 700 "$WORK/tree/locked" "$WORK/shut"

cd "$WORK"
run setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --no-source shut
[ "$rc" = 2 ] || fail "an unreadable directory given: exit $rc"
grep -q "^shut: error: cannot read the directory: Permission denied" "$WORK/out" ||
  fail "no error for the directory given: $(cat "$WORK/out")"

run setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" --no-source tree
[ "$rc" = 2 ] || fail "an unreadable directory found: exit $rc"
grep -q "^tree/locked: error: cannot read the directory: Permission denied" "$WORK/out" ||
  fail "no error for the directory found: $(cat "$WORK/out")"
grep -q "^tree/ok.yaml:3:3: error:" "$WORK/out" || fail "the readable file was not checked"
echo "unreadable directories are errors"
