#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml that use an installed cfn-enclint, run
# by the real pre-commit in a throwaway repository: the check hook fails on an
# unencrypted template and passes on a fixed one; the fix hook rewrites the
# file (pre-commit reports the modification) and passes on the second run; a
# file named like an option is a file. (pre-commit-build.sh tests the hooks
# that build the tool themselves.)
source "$(dirname "$0")/common.sh"
command -v pre-commit >/dev/null || skip "pre-commit is not installed"
export PATH="$(dirname "$BIN"):$PATH" PRE_COMMIT_HOME="$WORK/cache" HOME="$WORK"
git_() { git -c user.name=test -c user.email=test@example.invalid -c init.defaultBranch=main "$@"; }

# The hooks repository: a copy of ours, committed.
mkdir "$WORK/hooks" && cp "$SRC/.pre-commit-hooks.yaml" "$WORK/hooks/"
(cd "$WORK/hooks" && git_ init -q && git_ add . && git_ commit -qm hooks)
rev=$(git -C "$WORK/hooks" rev-parse HEAD)

mkdir "$WORK/repo" && cd "$WORK/repo" && git_ init -q
config() {
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: %s\n' "$WORK/hooks" "$rev" "$1" > .pre-commit-config.yaml
  git_ add .pre-commit-config.yaml
}
printf 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n' > template.yaml
printf 'name: ci\non: push\n' > workflow.yml   # not a template: must not fail the hook
cp template.yaml ./-x.yaml                     # a file, not the option -x
git_ add template.yaml workflow.yml ./-x.yaml

config cfn-enclint-system
run pre-commit run --all-files
[ "$rc" = 1 ] || { cat "$WORK/out"; fail "check hook on an unencrypted template: exit $rc, expected 1"; }
grep -q "^template.yaml:.*ENC201" "$WORK/out" || fail "check hook output does not name ENC201"
grep -q "^-x.yaml:.*ENC201" "$WORK/out" || { cat "$WORK/out"; fail "-x.yaml was not checked as a file"; }

config cfn-enclint-fix-system
run pre-commit run --all-files
[ "$rc" = 1 ] || { cat "$WORK/out"; fail "fix hook: exit $rc, expected 1 (files were modified)"; }
grep -q "files were modified by this hook" "$WORK/out" || fail "pre-commit did not report the modification"
grep -q "BucketKeyEnabled: true" template.yaml || fail "the fix hook did not write the block"
grep -q "BucketKeyEnabled: true" ./-x.yaml || fail "the fix hook did not fix -x.yaml"
git_ add template.yaml ./-x.yaml
run pre-commit run --all-files
[ "$rc" = 0 ] || { cat "$WORK/out"; fail "fix hook second run: exit $rc"; }

config cfn-enclint-system
run pre-commit run --all-files
[ "$rc" = 0 ] || { cat "$WORK/out"; fail "check hook on the fixed template: exit $rc"; }
echo "pre-commit ok"
