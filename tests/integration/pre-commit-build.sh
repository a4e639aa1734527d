#!/usr/bin/env bash
# The self-building hooks of .pre-commit-hooks.yaml, with the real pre-commit,
# a fresh PRE_COMMIT_HOME, no cfn-enclint on PATH and the README's snippet as
# written (only the repository URL points at a local copy of this checkout,
# tagged as the README's `rev` says): the first run builds the tool inside
# pre-commit's clone, later runs (and the fix hook) use that build.
source "$(dirname "$0")/common.sh"
command -v pre-commit >/dev/null || skip "pre-commit is not installed"
git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1 || skip "the source is not a git checkout"
export PRE_COMMIT_HOME="$WORK/cache" HOME="$WORK" CMAKE_BUILD_PARALLEL_LEVEL=2
! command -v cfn-enclint >/dev/null || PATH=$(echo "$PATH" | tr ':' '\n' |
  grep -vxF "$(dirname "$(command -v cfn-enclint)")" | paste -sd:)
! command -v cfn-enclint >/dev/null || fail "cannot take cfn-enclint off PATH"
git_() { git -c user.name=test -c user.email=test@example.invalid -c init.defaultBranch=main "$@"; }

# The README's snippet, and the tag it names.
snippet=$(awk '/^### pre-commit/ {p = 1} p && /^```yaml/ {y = 1; next} y && /^```/ {exit} y' "$SRC/README.md")
rev=$(echo "$snippet" | sed -n 's/^ *rev: *\([^ #]*\).*/\1/p')
version=$("$BIN" --version | cut -d' ' -f2)
[ "$rev" = "v$version" ] || fail "the README's pre-commit rev is '$rev', but this release is tagged v$version"

# The hooks repository: this checkout's files (committed or not), committed and tagged.
mkdir "$WORK/hooks"
(cd "$SRC" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$WORK/hooks"
(cd "$WORK/hooks" && git_ init -q && git_ add -A && git_ commit -qm release && git_ tag "$rev")

mkdir "$WORK/repo" && cd "$WORK/repo" && git_ init -q
echo "$snippet" | sed "s|repo: .*|repo: $WORK/hooks|" > .pre-commit-config.yaml
grep -q "^      - id: cfn-enclint " .pre-commit-config.yaml || fail "the README's snippet has no cfn-enclint hook"
printf 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n' > template.yaml
git_ add .pre-commit-config.yaml template.yaml

run nice pre-commit run --all-files --verbose
[ "$rc" = 1 ] || { cat "$WORK/out"; fail "first run: exit $rc, expected 1 (a finding)"; }
grep -q "first use of this hook revision: building it" "$WORK/out" || { cat "$WORK/out"; fail "the first run did not build"; }
grep -q "^template.yaml:.*ENC201" "$WORK/out" || { cat "$WORK/out"; fail "first run: no ENC201 finding"; }
bins=("$PRE_COMMIT_HOME"/repo*/.pre-commit-bin/cfn-enclint)
[ "${#bins[@]}" = 1 ] && [ -x "${bins[0]}" ] || fail "no built binary in pre-commit's clone: ${bins[*]}"
built=$(stat -c '%i %Y' "${bins[0]}" "${bins[0]%/*/*}/.pre-commit-build.log")
[ "$("${bins[0]}" --version)" = "cfn-enclint $version" ] || fail "the built binary is not version $version"

# Second run: the same binary, no build.
run pre-commit run --all-files --verbose
[ "$rc" = 1 ] || { cat "$WORK/out"; fail "second run: exit $rc, expected 1"; }
! grep -q "building" "$WORK/out" || { cat "$WORK/out"; fail "the second run built again"; }
grep -q "^template.yaml:.*ENC201" "$WORK/out" || fail "second run: no ENC201 finding"
[ "$(stat -c '%i %Y' "${bins[0]}" "${bins[0]%/*/*}/.pre-commit-build.log")" = "$built" ] ||
  fail "the binary or the build log changed on the second run"

# The fix hook of the same snippet shares the clone and its build.
sed -i 's/# - id: cfn-enclint-fix/- id: cfn-enclint-fix/; /- id: cfn-enclint  /d' .pre-commit-config.yaml
grep -q "^      - id: cfn-enclint-fix" .pre-commit-config.yaml || fail "the README's snippet has no cfn-enclint-fix line"
git_ add .pre-commit-config.yaml
run pre-commit run --all-files --verbose
[ "$rc" = 1 ] || { cat "$WORK/out"; fail "fix hook: exit $rc, expected 1 (files were modified)"; }
grep -q "files were modified by this hook" "$WORK/out" || fail "pre-commit did not report the modification"
! grep -q "building" "$WORK/out" || fail "the fix hook built again"
grep -q "BucketKeyEnabled: true" template.yaml || fail "the fix hook did not write the block"
git_ add template.yaml
run pre-commit run --all-files
[ "$rc" = 0 ] || { cat "$WORK/out"; fail "fix hook on the fixed template: exit $rc"; }
[ "$(ls -d "$PRE_COMMIT_HOME"/repo*/.pre-commit-bin | wc -l)" = 1 ] || fail "a second clone was built"
echo "pre-commit self-building hooks ok"
