#!/usr/bin/env python3
"""Runs one boundwise check over a fixture and verifies it, the way
clang-tidy's check_clang_tidy.py does: expected diagnostics are the
fixture's `// CHECK-MESSAGES:` lines, expected fixed code its
`// CHECK-FIXES:` lines, and any other warning fails the test.

usage: check_boundwise.py --boundwise BIN <fixture> <check-name> <temp> [-- <compiler args>]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys


def run(cmd, **kw):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    return proc.returncode, proc.stdout


def filecheck(prefix, input_text, fixture, extra=()):
    cmd = ["FileCheck", f"-input-file=-", fixture, f"-check-prefix={prefix}", "-strict-whitespace"]
    cmd += list(extra)
    proc = subprocess.run(cmd, input=input_text, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.stderr.write(f"FileCheck {prefix} failed:\n{proc.stdout}\n--- input ---\n{input_text}\n")
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--boundwise", required=True)
    parser.add_argument("--config", default=None)
    parser.add_argument("fixture")
    parser.add_argument("check")
    parser.add_argument("temp")
    parser.add_argument("compiler_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()

    compiler_args = args.compiler_args
    if compiler_args and compiler_args[0] == "--":
        compiler_args = compiler_args[1:]
    if not any(a.startswith("-std=") for a in compiler_args):
        compiler_args = ["-std=c++20"] + compiler_args

    with open(args.fixture) as f:
        source = f.read()
    has_messages = "CHECK-MESSAGES" in source
    has_fixes = "CHECK-FIXES" in source

    ext = os.path.splitext(args.fixture)[1]
    temp_source = args.temp + ext
    # The fixture without its check lines, so fixes are compared on code only.
    cleaned = re.sub(r"^\s*//\s*CHECK-[A-Z-]+:.*$", "//", source, flags=re.M)
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    with open(temp_source, "w") as f:
        f.write(cleaned)

    cmd = [args.boundwise, "check", f"--checks=-*,{args.check}", "--fix", "--quiet", temp_source]
    if args.config:
        cmd.append(f"--config={args.config}")
    cmd += ["--"] + compiler_args
    code, output = run(cmd)
    if code not in (0, 1):
        sys.stderr.write(f"boundwise exited with {code}:\n{output}\n")
        sys.exit(1)
    # Messages name the temporary file; compare on the line:col part.
    messages = output.replace(temp_source, os.path.basename(args.fixture))
    messages = messages.replace(os.path.basename(temp_source), os.path.basename(args.fixture))
    if has_messages:
        filecheck("CHECK-MESSAGES", messages, args.fixture,
                  ["-implicit-check-not={{warning|error}}:"])
    elif re.search(r"(warning|error):", messages):
        sys.stderr.write(f"unexpected diagnostics:\n{messages}\n")
        sys.exit(1)
    with open(temp_source) as f:
        fixed = f.read()
    if has_fixes:
        filecheck("CHECK-FIXES", fixed, args.fixture)
    elif fixed != cleaned:
        sys.stderr.write("unexpected fixes were applied\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
