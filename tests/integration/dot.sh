#!/usr/bin/env bash
# --format dot is read by the real Graphviz: `dot -Tsvg` renders it without a
# warning, with a cluster per template, and the edges ENC011 reports in red.
source "$(dirname "$0")/common.sh"
command -v dot >/dev/null || skip "Graphviz (dot) is not installed"
cd "$WORK"
cp "$SRC/fixtures/rules/ENC011/travel-guide.yaml" travel.yaml
cp "$SRC/fixtures/rules/ENC011/iam.yaml" 'with "quotes" and \backslash.yaml'
cp "$SRC/fixtures/rules/ENC203/two-rules.yaml" rules.yaml
printf 'Resources: {}\n' > empty.yaml
run "$BIN" -f dot travel.yaml 'with "quotes" and \backslash.yaml' rules.yaml empty.yaml
[ "$rc" = 1 ] || fail "exit status $rc"
cp out graph.dot
set +e; dot -Tsvg graph.dot > graph.svg 2> dot.err; drc=$?; set -e
[ "$drc" = 0 ] || { cat dot.err >&2; fail "dot -Tsvg failed ($drc)"; }
[ ! -s dot.err ] || { cat dot.err >&2; fail "dot warned"; }
"$PY" - graph.svg <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
clusters = [g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g")
            if g.get("class") == "cluster"]
assert len(clusters) == 3, clusters  # the empty template draws nothing
nodes = {g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g")
         if g.get("class") == "node"}
for n in ["f0:ArticlesTable", "f0:DataKey", "f0:GalleryIndexer", "f1:OrdersQueue", "f2:MixedBucket"]:
    assert n in nodes, (n, sorted(nodes))
# A store with a finding is filled red, one with a key of the template green.
fill = {g.find("s:title", ns).text: [p.get("fill") for p in g.iter() if p.get("fill")]
        for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"}
assert "#ffcdd2" in fill["f2:MixedBucket"], fill["f2:MixedBucket"]
assert "#c8e6c9" in fill["f0:ArticlesTable"], fill["f0:ArticlesTable"]
red = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"
       and any(p.get("stroke") == "#c62828" for p in g.iter("{http://www.w3.org/2000/svg}path"))]
# travel-guide: ArticlesFunction (2), FavoritesFunction, GalleryFunction (2), GalleryIndexer;
# iam.yaml: WorkerRole, WriteOrders, Poller.
assert len(red) == 9, len(red)
print("dot ok: %d clusters, %d nodes, %d denied edges" % (len(clusters), len(nodes), len(red)))
PY
