#!/usr/bin/env bash
# `cfn-enclint server` driven by a scripted LSP client (lsp_client.py): the
# fix-all code action gives --fix's output; garbage, unknown methods and a
# cancellation get the protocol's errors; shutdown and exit end it cleanly.
source "$(dirname "$0")/common.sh"
cd "$WORK"
"$PY" "$SRC/tests/integration/lsp_client.py" "$BIN" \
  "$SRC/fixtures/examples/travel-guide/template.yaml" "$WORK/transcript" "$WORK" ||
  { tail -n 5 "$WORK/transcript" >&2; fail "the scripted client failed"; }
