#!/usr/bin/env python3
"""Validates boundwise's JSON output against the schema documented in
docs/output-formats.md. usage: validate_json.py check|classify <file>
Prints "ok: N findings|functions" or the first violation (and exits 1)."""
import json
import sys


def fail(msg):
    print(f"schema violation: {msg}")
    sys.exit(1)


def expect(obj, key, types, where):
    if key not in obj:
        fail(f"{where}: missing '{key}'")
    if not isinstance(obj[key], types) or (isinstance(obj[key], bool) and bool not in (types if isinstance(types, tuple) else (types,))):
        fail(f"{where}: '{key}' has type {type(obj[key]).__name__}")
    return obj[key]


def location(obj, where):
    expect(obj, "file", str, where)
    line = expect(obj, "line", int, where)
    col = expect(obj, "column", int, where)
    if line < 0 or col < 0:
        fail(f"{where}: negative line or column")


def check(doc):
    if expect(doc, "version", int, "document") != 1:
        fail("version is not 1")
    findings = expect(doc, "findings", list, "document")
    for i, f in enumerate(findings):
        w = f"findings[{i}]"
        location(f, w)
        expect(f, "check", str, w)
        if expect(f, "level", str, w) not in ("note", "warning", "error"):
            fail(f"{w}: bad level")
        expect(f, "message", str, w)
        for j, n in enumerate(expect(f, "notes", list, w)):
            location(n, f"{w}.notes[{j}]")
            expect(n, "message", str, f"{w}.notes[{j}]")
        for j, x in enumerate(expect(f, "fixes", list, w)):
            ww = f"{w}.fixes[{j}]"
            location(x, ww)
            for k in ("offset", "length"):
                expect(x, k, int, ww)
            expect(x, "replacement", str, ww)
    print(f"ok: {len(findings)} findings")


def classify(doc):
    if expect(doc, "version", int, "document") != 1:
        fail("version is not 1")
    functions = expect(doc, "functions", list, "document")
    for i, f in enumerate(functions):
        w = f"functions[{i}]"
        for k in ("name", "usr", "file", "recommendation"):
            expect(f, k, str, w)
        expect(f, "line", int, w)
        if expect(f, "class", str, w) not in ("io", "cpu", "mixed", "unknown"):
            fail(f"{w}: bad class")
        c = expect(f, "confidence", (int, float), w)
        if not 0 <= c <= 1:
            fail(f"{w}: confidence out of [0, 1]")
        ev = expect(f, "evidence", list, w)
        if not all(isinstance(e, str) for e in ev):
            fail(f"{w}: evidence items must be strings")
        cost = expect(f, "cost_us", dict, w)
        for k in ("cpu", "io", "unknown"):
            expect(cost, k, (int, float), f"{w}.cost_us")
        if "unknown_reason" in f:
            expect(f, "unknown_reason", str, w)
        if "concurrent" in f:
            expect(f["concurrent"], "many_instances", bool, f"{w}.concurrent")
            expect(f["concurrent"], "path", list, f"{w}.concurrent")
    print(f"ok: {len(functions)} functions")


kind, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as fh:
    document = json.load(fh)
{"check": check, "classify": classify}[kind](document)
