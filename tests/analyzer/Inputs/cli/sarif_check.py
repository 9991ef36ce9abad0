#!/usr/bin/env python3
"""Checks a boundwise SARIF log and the validator's log of it.
usage: sarif_check.py <boundwise.sarif> <validator-log.sarif>
Fails on any validator result at level error, and on warnings except those
listed in ACCEPTED (with the reason). Also asserts what the issue asks: a
rules entry per check with short/full description, help and helpUri, a
result per finding with partialFingerprints, UTF-16 columns."""
import json
import sys

# Validator warnings judged harmless, with why.
ACCEPTED = {}

sarif_path, log_path = sys.argv[1], sys.argv[2]
with open(log_path, encoding="utf-8-sig") as f:
    log = json.load(f)
problems = []
for run in log.get("runs", []):
    for r in run.get("results", []):
        level = r.get("level", "warning")
        if level in ("error", "warning") and r.get("ruleId") not in ACCEPTED:
            msg = r.get("message", {})
            problems.append(f"{level} {r.get('ruleId')}: {msg.get('id', '')} {msg.get('arguments', '')}")
    for n in run.get("invocations", [{}])[0].get("toolExecutionNotifications", []):
        if n.get("level") == "error":
            problems.append(f"validator execution error: {n.get('message', {}).get('text')}")
for p in problems:
    print("validator:", p)

with open(sarif_path, encoding="utf-8") as f:
    doc = json.load(f)
run = doc["runs"][0]
assert doc["version"] == "2.1.0"
assert run.get("columnKind", "utf16CodeUnits") == "utf16CodeUnits", run.get("columnKind")
rules = run["tool"]["driver"]["rules"]
for rule in rules:
    for key in ("id", "shortDescription", "fullDescription", "help"):
        assert key in rule, f"rule {rule.get('id')} lacks {key}"
    if rule["id"].startswith("boundwise-"):
        assert rule["helpUri"].endswith(f"/checks/{rule['id']}.md"), rule.get("helpUri")
for res in run["results"]:
    assert res["partialFingerprints"], res
    assert res["locations"], res
    region = res["locations"][0]["physicalLocation"]["region"]
    print(f"result {res['ruleId']} {res['level']} {region['startLine']}:{region['startColumn']}"
          f" fingerprints={len(res['partialFingerprints'])} related={len(res.get('relatedLocations', []))}")
for rule in rules:
    print(f"rule {rule['id']} helpUri={'helpUri' in rule}")
print("validator: clean" if not problems else "validator: FAILED")
sys.exit(1 if problems else 0)
