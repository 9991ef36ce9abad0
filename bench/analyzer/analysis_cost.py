#!/usr/bin/env python3
"""Measures what boundwise costs over Clang's own parse of the same files.

For each translation unit of a compile database, runs
  clang++-19 -fsyntax-only <the file's flags>       (the baseline)
  boundwise classify <file>                          (summaries + whole-program step)
  boundwise check <file>                             (clang-tidy machinery + checks)
and prints CPU time (user + system, from wait4: steadier than wall time on a
busy machine) and peak memory (max RSS) of each, with the ratios
boundwise / clang. Each measurement is the best of --repeat runs.

With --check NAME it also times `boundwise check` with one cheap check
(boundwise-pool-in-loop: the clang-tidy machinery and the whole-program step,
which run as soon as any check is on) and with that check plus NAME, and
prints what NAME adds.

usage: analysis_cost.py -p <build dir> [--boundwise BIN] [--clang BIN] [--repeat N] [--check NAME] [files...]
"""
import argparse
import json
import os
import shlex
import subprocess
import sys


def measure(cmd, cwd):
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return cpu, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def best(cmd, cwd, repeat):
    runs = [measure(cmd, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]


def syntax_only_command(entry, clang):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out = [clang]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a == entry["file"] or a.endswith(os.path.basename(entry["file"])):
            continue
        out.append(a)
    return out + ["-fsyntax-only", entry["file"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-p", required=True, help="build directory with compile_commands.json")
    parser.add_argument("--boundwise", default=None)
    parser.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", default=None, help="also measure what this one check adds")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    build = os.path.abspath(args.p)
    boundwise = args.boundwise or os.path.join(build, "bin", "boundwise")
    with open(os.path.join(build, "compile_commands.json")) as f:
        database = json.load(f)
    wanted = [os.path.abspath(x) for x in args.files]
    entries = [e for e in database if not wanted or os.path.abspath(e["file"]) in wanted]
    if not entries:
        sys.exit("no matching files in the compile database")

    print(f"{'file':40} {'clang cpu':>8} {'MiB':>6} | {'classify':>8} {'x':>5} {'MiB':>6} {'x':>5} | {'check':>8} {'x':>5} {'MiB':>6} {'x':>5}")
    totals = {"clang": [0, 0], "classify": [0, 0], "check": [0, 0]}
    for e in entries:
        cwd = e.get("directory", build)
        c_time, c_mem, _ = best(syntax_only_command(e, args.clang), cwd, args.repeat)
        k_time, k_mem, _ = best([boundwise, "classify", "--quiet", "-p", build, e["file"]], cwd, args.repeat)
        h_time, h_mem, _ = best([boundwise, "check", "--quiet", "-p", build, e["file"]], cwd, args.repeat)
        for key, (t, m) in (("clang", (c_time, c_mem)), ("classify", (k_time, k_mem)), ("check", (h_time, h_mem))):
            totals[key][0] += t
            totals[key][1] = max(totals[key][1], m)
        name = os.path.relpath(e["file"], os.path.dirname(build.rstrip("/")))[-40:]
        print(f"{name:40} {c_time:8.3f} {c_mem:6.0f} | {k_time:8.3f} {k_time / c_time:5.2f} {k_mem:6.0f} {k_mem / c_mem:5.2f}"
              f" | {h_time:8.3f} {h_time / c_time:5.2f} {h_mem:6.0f} {h_mem / c_mem:5.2f}")
        if args.check:
            base = [boundwise, "check", "--quiet", "-p", build]
            n_time, _, _ = best(base + ["--checks=-*,boundwise-pool-in-loop", e["file"]], cwd, args.repeat)
            o_time, _, _ = best(base + [f"--checks=-*,boundwise-pool-in-loop,{args.check}", e["file"]],
                                cwd, args.repeat)
            totals.setdefault("none", [0, 0])[0] += n_time
            totals.setdefault("one", [0, 0])[0] += o_time
            print(f"{'':40} {args.check}: {o_time:.3f}s vs no check {n_time:.3f}s = {(o_time / n_time - 1) * 100:+.1f}%")
    ct, cm = totals["clang"]
    print()
    if args.check:
        n, o = totals["none"][0], totals["one"][0]
        print(f"{args.check}: {o:.2f}s vs no check {n:.2f}s = {(o / n - 1) * 100:+.1f}% (the summaries it reads are in both)")
    for key in ("classify", "check"):
        t, m = totals[key]
        print(f"{key:8}: time {t:.2f}s vs clang {ct:.2f}s = {t / ct:.2f}x; peak memory {m:.0f} MiB vs {cm:.0f} MiB = {m / cm:.2f}x")


if __name__ == "__main__":
    main()
