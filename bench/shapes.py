#!/usr/bin/python3
# Templates whose lines are long: the shapes where per-line work turns
# quadratic. Usage: bench/shapes.py DIR
#   minified.json     10,000 buckets, minified JSON on one line (1.47 MB)
#   minified-20k.json the same with 20,000 buckets (3.0 MB)
#   longline.json     a 5 MB Description and 200 buckets, all on one line
#   minified-68k.json 68,000 buckets (10.1 MB: the size limit of the targets)
import json, os, sys

def minified(buckets, description=""):
    resources = {"Bucket%d" % i: {"Type": "AWS::S3::Bucket",
                                  "Properties": {"BucketName": "bucket-%d-example-assets" % i,
                                                 "Tags": [{"Key": "team", "Value": "platform-team-a"}]}}
                 for i in range(buckets)}
    tpl = {"AWSTemplateFormatVersion": "2010-09-09"}
    if description:
        tpl["Description"] = description
    tpl["Resources"] = resources
    return json.dumps(tpl, separators=(",", ":"))

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for name, text in (("minified.json", minified(10000)),
                   ("minified-20k.json", minified(20000)),
                   ("longline.json", minified(200, "x" * (5 * 1024 * 1024))),
                   ("minified-68k.json", minified(68000))):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
