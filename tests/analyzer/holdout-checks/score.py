#!/usr/bin/env python3
"""Score boundwise's executor checks on the held-out fixtures in this directory.

usage: score.py --boundwise BIN [--include DIR] [--jobs N] [-v] [dir]

Every .cpp file under `dir` (default: this script's directory) is one fixture:

  line 1       // CHECK: boundwise-<check>        the one check run on it
  line 2 (opt) // FLAGS: -fopenmp ...              extra compiler flags
  any line     ... // WARN                        this line must get a warning
                                                  from that check
  other lines                                     must get none

For each fixture it runs

  BIN check --checks=-*,<check> --quiet <file> -- -std=c++20 -pthread
      -I<runtime include> -I<holdout Inputs> [-I<extra>] [FLAGS]

and compares the lines of the fixture that got a `[<check>]` warning with the
lines marked `// WARN` (several warnings on one line count once). It prints,
per check, TP (marked lines warned), FN (marked lines not warned), FP (unmarked
lines warned), precision and recall, then a table of every miss. It is a
measurement, not a test: it always exits 0 (unless it cannot run at all).
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CHECK_RE = re.compile(r"^\s*//\s*CHECK:\s*(boundwise-[\w-]+)")
FLAGS_RE = re.compile(r"^\s*//\s*FLAGS:\s*(.*)$")
WARN_RE = re.compile(r"//\s*WARN\b")
DIAG_RE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error): (?P<msg>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")


def parse_fixture(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    check, flags, warn = None, [], set()
    for i, text in enumerate(lines, 1):
        if i <= 3:
            m = CHECK_RE.match(text)
            if m and check is None:
                check = m.group(1)
                continue
            m = FLAGS_RE.match(text)
            if m:
                flags = m.group(1).split()
                continue
        if WARN_RE.search(text):
            warn.add(i)
    return check, flags, warn, lines


def run_one(binary, path, check, flags, includes):
    cmd = [binary, "check", f"--checks=-*,{check}", "--quiet", path, "--", "-std=c++20", "-pthread"]
    cmd += [f"-I{d}" for d in includes] + flags
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        out = p.stdout + "\n" + p.stderr
        rc = p.returncode
    except subprocess.TimeoutExpired:
        return cmd, None, set(), ["timeout after 600 s"]
    real = os.path.realpath(path)
    got, errors = {}, []
    for text in out.splitlines():
        m = DIAG_RE.match(text.strip())
        if not m:
            continue
        same = os.path.realpath(m.group("file")) == real or os.path.basename(m.group("file")) == os.path.basename(path)
        if m.group("kind") == "error":
            errors.append(text.strip())
            continue
        if same and m.group("check") and check in m.group("check").split(","):
            got.setdefault(int(m.group("line")), []).append(m.group("msg"))
    return cmd, rc, got, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--boundwise", required=True, help="the boundwise binary")
    ap.add_argument("--include", action="append", default=[], help="extra -I directory (repeatable)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true", help="print each command and every warning")
    ap.add_argument("--min-precision", type=float, default=None,
                    help="exit 1 if any check's precision falls below this (a regression guard for ctest)")
    ap.add_argument("--min-recall", type=float, default=None,
                    help="exit 1 if any check's recall falls below this")
    ap.add_argument("dir", nargs="?", default=HERE)
    args = ap.parse_args()

    includes = [os.path.join(REPO, "runtime", "include"), os.path.join(HERE, "Inputs")] + [os.path.abspath(d) for d in args.include]
    fixtures = []
    for root, dirs, files in os.walk(args.dir):
        dirs[:] = sorted(d for d in dirs if d != "Inputs")
        for name in sorted(files):
            if name.endswith(".cpp"):
                fixtures.append(os.path.abspath(os.path.join(root, name)))
    if not fixtures:
        print(f"no .cpp fixtures under {args.dir}", file=sys.stderr)
        return 2

    jobs = []
    for path in fixtures:
        check, flags, warn, lines = parse_fixture(path)
        if check is None:
            print(f"skip {path}: no '// CHECK: boundwise-...' on its first line", file=sys.stderr)
            continue
        jobs.append((path, check, flags, warn, lines))

    stats = collections.OrderedDict()
    misses = []
    broken = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_one, args.boundwise, p, c, fl, includes) for p, c, fl, _, _ in jobs]
        for (path, check, flags, warn, lines), fut in zip(jobs, futs):
            cmd, rc, got, errors = fut.result()
            rel = os.path.relpath(path, args.dir)
            s = stats.setdefault(check, collections.Counter())
            s["files"] += 1
            if args.verbose:
                print("$ " + " ".join(cmd))
                for ln in sorted(got):
                    for msg in got[ln]:
                        print(f"  {rel}:{ln}: {msg}")
            if errors or rc is None:
                broken.append((rel, rc, errors[:3]))
            warned = set(got)
            for ln in sorted(warn | warned):
                src = lines[ln - 1].strip() if ln <= len(lines) else ""
                if ln in warn and ln in warned:
                    s["tp"] += 1
                elif ln in warn:
                    s["fn"] += 1
                    misses.append((check, rel, ln, "FN", src, ""))
                else:
                    s["fp"] += 1
                    misses.append((check, rel, ln, "FP", src, got[ln][0]))

    def ratio(a, b):
        return a / b if b else float("nan")

    print(f"{'check':45} {'files':>5} {'TP':>4} {'FN':>4} {'FP':>4} {'precision':>9} {'recall':>7}")
    total = collections.Counter()
    for check, s in stats.items():
        total.update(s)
        p = ratio(s["tp"], s["tp"] + s["fp"])
        r = ratio(s["tp"], s["tp"] + s["fn"])
        print(f"{check:45} {s['files']:5} {s['tp']:4} {s['fn']:4} {s['fp']:4} {p:9.3f} {r:7.3f}")
    p = ratio(total["tp"], total["tp"] + total["fp"])
    r = ratio(total["tp"], total["tp"] + total["fn"])
    print(f"{'all':45} {total['files']:5} {total['tp']:4} {total['fn']:4} {total['fp']:4} {p:9.3f} {r:7.3f}")

    if misses:
        print("\nmisses (FN: marked // WARN, no warning; FP: warning on an unmarked line)")
        for check, rel, ln, kind, src, msg in sorted(misses):
            print(f"  {kind} {rel}:{ln}  {src[:100]}")
            if msg:
                print(f"       -> {msg[:160]}")
    if broken:
        print("\nfixtures with errors (compile errors or a crash/timeout; their counts may be meaningless):")
        for rel, rc, errors in broken:
            print(f"  {rel} (exit {rc})")
            for e in errors:
                print(f"    {e[:160]}")
    failed = bool(broken) and (args.min_precision is not None or args.min_recall is not None)
    for check, s in stats.items():
        p = ratio(s["tp"], s["tp"] + s["fp"])
        r = ratio(s["tp"], s["tp"] + s["fn"])
        if args.min_precision is not None and not p >= args.min_precision:
            print(f"\n{check}: precision {p:.3f} is below {args.min_precision}")
            failed = True
        if args.min_recall is not None and not r >= args.min_recall:
            print(f"\n{check}: recall {r:.3f} is below {args.min_recall}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
