#!/usr/bin/env python3
"""Labelled race / no-race corpus for boundwise-unsynchronized-shared-state.

Each fixture is a whole program. Its first lines say `// VERDICT: race` or
`// VERDICT: no-race`, and every source line that takes part in a race
(either access of a racing pair) ends with a `// RACE` comment. Helper
sources of multi-file programs live in Inputs/ and carry their own markers.

usage:
  race_corpus.py --boundwise BIN <fixture> [more sources...] [-- compiler args]
  race_corpus.py --boundwise BIN --score <dir> [-j N]

Single-fixture mode fails (exit 1, printing boundwise's output) when:
  - a warning lands on a line without a `// RACE` marker (false positive);
  - a `race` program gets no warning at all (miss);
  - a `no-race` program gets any warning;
  - boundwise crashes, reports a compile error, or exits with a code > 1.
Not every marked line must be warned: one warning per racing pair suffices.

Score mode runs every fixture under <dir> (its RUN line gives the extra
sources and compiler args) and prints, per subfolder, one row per program
and the true/false positives/negatives, precision and recall; then totals.
A program counts as predicted `race` when boundwise warns on it at all (as
the held-out suites score it); warnings on unmarked lines of a race program
are listed in the `misplaced` column.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys

CHECK = "boundwise-unsynchronized-shared-state"
WARNING_RE = None  # set by set_check()


def set_check(name):
    global CHECK, WARNING_RE
    CHECK = name
    WARNING_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): warning: (?P<msg>.*) \[" + re.escape(name) + r"\]\s*$")


set_check(CHECK)
ERROR_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error: ")
VERDICT_RE = re.compile(r"//\s*VERDICT:\s*(race|no-race)\b")
MARKER_RE = re.compile(r"//.*\bRACE\s*$")
RUN_RE = re.compile(r"//\s*RUN:\s*%race_corpus\s+(.*)$")


def default_args(fixture):
    if fixture.endswith(".c"):
        return ["-std=c11", "-pthread"]
    return ["-std=c++20", "-pthread"]


def read_verdict(fixture):
    with open(fixture) as f:
        for i, line in enumerate(f):
            m = VERDICT_RE.search(line)
            if m:
                return m.group(1)
            if i > 20:
                break
    return None


def marked_lines(path):
    with open(path) as f:
        return {i + 1 for i, line in enumerate(f) if MARKER_RE.search(line.rstrip("\n"))}


def key(path):
    return os.path.realpath(path)


def run_boundwise(boundwise, sources, compiler_args):
    cmd = [boundwise, "check", f"--checks=-*,{CHECK}", "--quiet"] + sources + ["--"] + compiler_args
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return cmd, proc.returncode, proc.stdout


def evaluate(boundwise, fixture, extra_sources, compiler_args):
    """Returns a dict: verdict, predicted (bool), warnings, misplaced, problems, output."""
    sources = [fixture] + list(extra_sources)
    if compiler_args is None:
        compiler_args = default_args(fixture)
    verdict = read_verdict(fixture)
    result = {"verdict": verdict, "predicted": False, "warnings": [], "misplaced": [],
              "problems": [], "output": "", "error": False}
    if verdict is None:
        result["problems"].append(f"{fixture}: no `// VERDICT: race` or `// VERDICT: no-race` line")
        result["error"] = True
        return result
    markers = {}
    for s in sources:
        markers[key(s)] = marked_lines(s)
    if verdict == "race" and not any(markers.values()):
        result["problems"].append(f"{fixture}: a race program without any `// RACE` marker")
    # A helper in Inputs/ may be shared with a race program, so only the
    # fixture itself must be free of markers in a no-race program.
    if verdict == "no-race" and markers[key(fixture)]:
        result["problems"].append(f"{fixture}: a no-race program with `// RACE` markers")
    try:
        cmd, code, output = run_boundwise(boundwise, sources, compiler_args)
    except OSError as e:
        result["problems"].append(f"cannot run {boundwise}: {e}")
        result["error"] = True
        return result
    result["output"] = f"$ {shlex.join(cmd)}\n(exit {code})\n{output}"
    errors = [l for l in output.splitlines() if ERROR_RE.match(l)]
    if code > 1 or code < 0:
        result["problems"].append(f"boundwise exited with {code}")
        result["error"] = True
    if errors:
        result["problems"].append("compile errors: " + "; ".join(errors[:3]))
        result["error"] = True
    for line in output.splitlines():
        m = WARNING_RE.match(line)
        if not m:
            continue
        path, lineno = m.group("path"), int(m.group("line"))
        w = (path, lineno, m.group("msg"))
        result["warnings"].append(w)
        if lineno not in markers.get(key(path), set()):
            result["misplaced"].append(w)
    result["predicted"] = bool(result["warnings"])
    for path, lineno, msg in result["misplaced"]:
        result["problems"].append(f"warning on a line without `// RACE`: {path}:{lineno}: {msg}")
    if verdict == "no-race" and result["warnings"] and not result["misplaced"]:
        result["problems"].append(f"no-race program: {len(result['warnings'])} warning(s) reported")
    if verdict == "race" and not result["warnings"]:
        result["problems"].append("race program: no warning reported (miss)")
    return result


def split_dashdash(argv):
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, None


def parse_run_line(fixture):
    """Extra sources and compiler args from `// RUN: %race_corpus %s ...`."""
    with open(fixture) as f:
        for line in f:
            m = RUN_RE.search(line)
            if m:
                break
        else:
            return None
    d = os.path.dirname(os.path.abspath(fixture))
    words = []
    for w in shlex.split(m.group(1)):
        w = w.replace("%S", d).replace("%s", os.path.abspath(fixture))
        words.append(w)
    files, compiler_args = split_dashdash(words)
    files = [f for f in files if os.path.abspath(f) != os.path.abspath(fixture)]
    return files, compiler_args


def fixtures_under(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "Inputs")
        for name in sorted(filenames):
            if name.endswith((".c", ".cpp")):
                found.append(os.path.join(dirpath, name))
    return found


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def score(boundwise, root, jobs):
    root = os.path.abspath(root)
    items = []
    for fx in fixtures_under(root):
        parsed = parse_run_line(fx)
        if parsed is None:
            continue
        items.append((fx, parsed))

    def one(item):
        fx, (files, args) = item
        return fx, evaluate(boundwise, fx, files, args)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, items))

    groups = {}
    for fx, r in results:
        group = os.path.relpath(os.path.dirname(fx), root)
        groups.setdefault(group, []).append((fx, r))

    total = {"TP": 0, "FP": 0, "TN": 0, "FN": 0, "error": 0}

    def outcome(r):
        if r["verdict"] == "race":
            return "TP" if r["predicted"] else "FN"
        return "FP" if r["predicted"] else "TN"

    lines = []
    for group in sorted(groups):
        counts = {"TP": 0, "FP": 0, "TN": 0, "FN": 0, "error": 0}
        lines.append(f"### {group}\n")
        lines.append("| program | verdict | result | warnings | misplaced | error |")
        lines.append("|---|---|---|---|---|---|")
        for fx, r in groups[group]:
            o = outcome(r)
            counts[o] += 1
            if r["error"]:
                counts["error"] += 1
            lines.append(f"| {os.path.basename(fx)} | {r['verdict']} | {o} | {len(r['warnings'])} | "
                         f"{len(r['misplaced'])} | {'yes' if r['error'] else ''} |")
        for k in counts:
            total[k] += counts[k]
        lines.append("")
        lines.append(summary(group, counts))
        lines.append("")
    lines.append("### total\n")
    lines.append(summary("total", total))
    print("\n".join(lines))
    for fx, r in results:
        if r["error"]:
            sys.stderr.write(f"--- {fx}:\n" + "\n".join(r["problems"]) + "\n" + r["output"] + "\n")
    return 0


def summary(name, c):
    tp, fp, tn, fn = c["TP"], c["FP"], c["TN"], c["FN"]
    return (f"{name}: programs {tp + fp + tn + fn} (race {tp + fn}, no-race {tn + fp}); "
            f"TP {tp} FP {fp} TN {tn} FN {fn}; errors {c['error']}; "
            f"precision {ratio(tp, tp + fp)}, recall {ratio(tp, tp + fn)}")


def main():
    own, compiler_args = split_dashdash(sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--boundwise", required=True)
    parser.add_argument("--score", metavar="DIR")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--check", default=CHECK, help="check to run (only for testing this harness)")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args(own)
    set_check(args.check)
    if args.score:
        return score(args.boundwise, args.score, args.jobs)
    if not args.sources:
        parser.error("a fixture is required")
    r = evaluate(args.boundwise, args.sources[0], args.sources[1:], compiler_args)
    if r["problems"]:
        sys.stderr.write("\n".join(r["problems"]) + "\n--- boundwise output ---\n" + r["output"] + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
