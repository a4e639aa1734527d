# Shared by the integration tests: arguments, a scratch directory, helpers.
# Usage: <test>.sh BINARY SOURCE_DIR BUILD_DIR ; exit 77 = skipped.
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
BUILD=$(realpath "$3")
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
PY=/usr/bin/python3   # Debian's python, where python3-jsonschema is installed

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# run CMD...: runs it, keeps its exit code in $rc and output in $WORK/out
run() { set +e; "$@" >"$WORK/out" 2>"$WORK/err"; rc=$?; set -e; }
