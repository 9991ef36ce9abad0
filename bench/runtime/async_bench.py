#!/usr/bin/env python3
"""Async executor benchmarks in one run: echo over loopback (boundwise vs Boost.Asio
C++20 coroutines vs libuv vs Python asyncio streams, one shared load generator),
"fetch 100 URLs", and memory per idle connection / suspended task.

    python3 bench/runtime/async_bench.py BUILD_DIR [--seconds 3] [--conns 100,1000,10000]

Every server listens on 127.0.0.1 only and exits by itself after a deadline."""
import argparse
import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def start_server(cmd, seconds):
    p = subprocess.Popen(cmd + ["0", str(seconds)], stdout=subprocess.PIPE, text=True)
    port = int(p.stdout.readline())
    return p, port


def cpu_seconds(pid):
    """utime + stime of a process, from /proc (robust to other load on the box)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_load(load, port, conns, seconds):
    out = subprocess.run([load, str(port), str(conns), str(seconds)], capture_output=True, text=True,
                         timeout=seconds + 60)
    if out.returncode != 0:
        return None
    fields = dict(kv.split("=") for kv in out.stdout.split())
    return {k: float(v) for k, v in fields.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--conns", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=3, help="rounds per size; the best round per server is kept")
    ap.add_argument("--skip-echo", action="store_true")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    b = os.path.join(args.build, "bench", "runtime")
    load = os.path.join(b, "async_echo_load")
    servers = [
        ("boundwise", [os.path.join(b, "async_echo_boundwise")]),
        ("asio", [os.path.join(b, "async_echo_asio")]),
        ("libuv", [os.path.join(b, "async_echo_libuv")]),
        ("asyncio", [sys.executable, os.path.join(HERE, "async_echo_asyncio.py")]),
    ]
    servers = [(n, c) for n, c in servers if os.path.exists(c[-1])]
    if not args.skip_echo:
        print(f"echo over loopback, 32-byte messages, one in flight per connection, "
              f"{args.seconds:g} s per run, best of {args.repeat} interleaved rounds")
        print(f"{'conns':>6} {'server':<10} {'req/s':>10} {'p50 us':>8} {'p99 us':>8} {'cpu us/req':>10}"
              f"  {'boundwise req/s ratio':>22}")
        for conns in [int(c) for c in args.conns.split(",")]:
            rows = {}
            for _ in range(args.repeat):
                for name, cmd in servers:
                    proc, port = start_server(cmd, int(args.seconds) + 90)
                    try:
                        c0 = cpu_seconds(proc.pid)
                        r = run_load(load, port, conns, args.seconds)
                        if r is not None:
                            # CPU the server burnt per request, over the whole run incl. warm-up
                            r["cpu_us"] = (cpu_seconds(proc.pid) - c0) * 1e6 / max(1.0, r["rps"] * (args.seconds + 0.5))
                    finally:
                        proc.terminate()
                        proc.wait(timeout=30)
                    if r is not None and (name not in rows or rows[name] is None or r["rps"] > rows[name]["rps"]):
                        rows[name] = r
                    rows.setdefault(name, None)
            base = rows.get("boundwise")
            for name, r in rows.items():
                if r is None:
                    print(f"{conns:>6} {name:<10} {'failed':>10}")
                    continue
                ratio = f"{base['rps'] / r['rps']:.2f}x" if base and r["rps"] else ""
                print(f"{conns:>6} {name:<10} {r['rps']:>10.0f} {r['p50_us']:>8.0f} {r['p99_us']:>8.0f} "
                      f"{r['cpu_us']:>10.1f}  {ratio:>22}")
            sys.stdout.flush()
    for tool in ("async_fetch_bench", "async_memory_bench"):
        path = os.path.join(b, tool)
        if os.path.exists(path):
            print()
            sys.stdout.flush()
            subprocess.run([path], check=False, timeout=300)


if __name__ == "__main__":
    main()
