#!/usr/bin/env python3
"""Installs the build into a fresh prefix with `cmake --install` and runs the
installed boundwise (and the installed plugin through clang-tidy) on a file
that needs Clang's builtin headers (<cstddef>, <atomic>, <immintrin.h>).

usage: run_installed.py --cmake CMAKE --build-dir DIR --prefix DIR --source FILE [--clang-tidy BIN]
"""
import argparse
import os
import shutil
import subprocess
import sys


def run(cmd, **kw):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=600, **kw)
    return proc.returncode, proc.stdout


def expect(condition, message, output):
    if not condition:
        sys.stderr.write(f"FAIL: {message}\n--- output ---\n{output}\n")
        sys.exit(1)
    print(f"ok: {message}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cmake", required=True)
    p.add_argument("--build-dir", required=True)
    p.add_argument("--prefix", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--clang-tidy")
    args = p.parse_args()
    shutil.rmtree(args.prefix, ignore_errors=True)
    code, out = run([args.cmake, "--install", args.build_dir, "--prefix", args.prefix])
    expect(code == 0, "cmake --install succeeds", out)
    exe = os.path.join(args.prefix, "bin", "boundwise")
    expect(os.access(exe, os.X_OK), "bin/boundwise is installed", out)

    # Run from an unrelated directory so nothing is found relative to the cwd.
    cwd = args.prefix
    code, out = run([exe, "--version"], cwd=cwd)
    expect(code == 0 and out.startswith("boundwise "), "the installed binary runs", out)
    code, out = run([exe, "check", "--quiet", "--checks=-*,boundwise-mt-unsafe-call-in-thread",
                     args.source, "--", "-std=c++20"], cwd=cwd)
    expect("error:" not in out, "builtin headers are found (no compile error)", out)
    expect(code == 0, "check exits 0", out)
    expect("warning: 'rand' is not thread-safe" in out, "the finding is reported", out)
    code, out = run([exe, "classify", "--quiet", args.source, "--", "-std=c++20"], cwd=cwd)
    expect(code == 0 and "error:" not in out and "lanes" in out, "classify works installed", out)

    plugin = os.path.join(args.prefix, "lib", "libboundwise-tidy.so")
    if args.clang_tidy and os.path.exists(plugin):
        code, out = run([args.clang_tidy, f"--load={plugin}", "--checks=-*,boundwise-*",
                         args.source, "--", "-std=c++20"], cwd=cwd)
        expect("warning: 'rand' is not thread-safe" in out, "the installed plugin loads", out)


if __name__ == "__main__":
    main()
