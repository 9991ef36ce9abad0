#!/usr/bin/env python3
"""Runs a command and prints, on stdout, its merged output between markers
and its exit code, so one FileCheck can assert both:

    <<<
    ...output...
    >>> rc=N

usage: rc.py [--stdout-only|--stderr-only] [--timeout S] <command>...
Exits 0 unless the command could not be started or timed out (a hang is a
failure, never a wait forever).
"""
import subprocess
import sys

args = sys.argv[1:]
stream = "both"
timeout = 120
while args and args[0].startswith("--") and args[0] in ("--stdout-only", "--stderr-only", "--timeout"):
    if args[0] == "--timeout":
        timeout = float(args[1])
        args = args[2:]
        continue
    stream = args[0][2:].split("-")[0]
    args = args[1:]
try:
    proc = subprocess.run(args, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT if stream == "both" else subprocess.PIPE,
                          timeout=timeout)
except subprocess.TimeoutExpired:
    print(f"rc.py: timed out after {timeout}s: {args}")
    sys.exit(1)
out = proc.stderr if stream == "stderr" else proc.stdout
text = out.decode("utf-8", "replace")
print("<<<")
sys.stdout.write(text)
if text and not text.endswith("\n"):
    sys.stdout.write("\n")
print(f">>> rc={proc.returncode}")
