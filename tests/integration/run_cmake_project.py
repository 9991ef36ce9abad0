#!/usr/bin/env python3
"""Configures and builds cmake_project/ with boundwise as CMake's
CMAKE_CXX_CLANG_TIDY and checks the build output.

usage: run_cmake_project.py --cmake CMAKE --boundwise BIN --work DIR --generator G

1. `boundwise;check;--checks=-*,boundwise-*`: the build succeeds and its
   output carries the mt-unsafe finding of main.cpp (CMake passes
   --extra-arg-before=--driver-mode=g++ <abs source> -- <compiler argv>).
2. the same plus `--warnings-as-errors=boundwise-*`: the build fails, and
   the output shows the promoted error.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, cwd=None):
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=600)
    return proc.returncode, proc.stdout


def build(args, name, tidy):
    build_dir = os.path.join(args.work, name)
    shutil.rmtree(build_dir, ignore_errors=True)
    code, out = run([args.cmake, "-S", os.path.join(HERE, "cmake_project"), "-B", build_dir,
                     "-G", args.generator, f"-DCMAKE_CXX_CLANG_TIDY={tidy}"])
    if code != 0:
        sys.exit(f"configure failed:\n{out}")
    return run([args.cmake, "--build", build_dir, "-j", "1"])


def expect(condition, message, output):
    if not condition:
        sys.stderr.write(f"FAIL: {message}\n--- build output ---\n{output}\n")
        sys.exit(1)
    print(f"ok: {message}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cmake", required=True)
    p.add_argument("--boundwise", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--generator", default="Ninja")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)

    code, out = build(args, "warnings", f"{args.boundwise};check;--checks=-*,boundwise-*")
    expect(code == 0, "the build with findings as warnings succeeds", out)
    expect("main.cpp:7:27: warning: 'rand' is not thread-safe" in out,
           "the main.cpp finding is in the build output", out)
    expect("[boundwise-mt-unsafe-call-in-thread]" in out, "it names its check", out)
    expect("error:" not in out, "no errors", out)

    code, out = build(args, "errors", f"{args.boundwise};check;--checks=-*,boundwise-*;"
                                      "--warnings-as-errors=boundwise-*")
    expect(code != 0, "--warnings-as-errors=boundwise-* fails the build", out)
    expect("main.cpp:7:27: error: 'rand' is not thread-safe" in out,
           "the promoted finding is in the build output", out)
    expect("warnings-as-errors" in out, "it says why it is an error", out)


if __name__ == "__main__":
    main()
