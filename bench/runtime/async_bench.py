#!/usr/bin/env python3
"""Async executor benchmarks in one run: echo over loopback (boundwise on io_uring and on
epoll vs Boost.Asio C++20 coroutines vs libuv vs Python asyncio streams, one shared load
generator), "fetch 100 URLs", and memory per idle connection / suspended task.

    python3 bench/runtime/async_bench.py BUILD_DIR [--seconds 3] [--repeat 5] [--conns 100,1000,10000]

Fairness: every server is driven by the same client (async_echo_load), one server at a
time. With 2+ CPUs the server is pinned to one CPU and the client to another, so neither
takes the other's core; the table shows how busy each side kept its CPU (100% = the whole
core), which says who was the bottleneck. Each round runs every server once, back to back;
a ratio is taken within a round (same machine load for both sides) and the table shows
the median over rounds, of req/s, latency, CPU and ratio alike. "per CPU" is the ratio of
requests per server CPU-second (the inverse of cpu us/req): the throughput each server would
reach with a core to itself, which concurrent builds on the machine distort far less than req/s.

Every server listens on 127.0.0.1 only and exits by itself after a deadline."""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


NICE = 0  # --nice: applied to server and client alike


def pin(cpu):
    def setup():
        if NICE:
            os.nice(NICE)
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
    return setup


def start_server(cmd, seconds, env, cpu):
    p = subprocess.Popen(cmd + ["0", str(seconds)], stdout=subprocess.PIPE, text=True,
                         env=env, preexec_fn=pin(cpu))
    port = int(p.stdout.readline())
    return p, port


def cpu_seconds(pid):
    """utime + stime of a process, from /proc (robust to other load on the box)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_load(load, port, conns, seconds, cpu):
    """Runs the client; returns its figures plus its own CPU seconds and wall time."""
    t0 = time.monotonic()
    p = subprocess.Popen([load, str(port), str(conns), str(seconds)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, preexec_fn=pin(cpu))
    try:
        out, _ = p.communicate(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None
    if p.returncode != 0:
        return None
    fields = {k: float(v) for k, v in (kv.split("=") for kv in out.split())}
    fields["wall"] = time.monotonic() - t0
    return fields


def child_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--conns", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=5, help="rounds per size; medians are reported")
    ap.add_argument("--servers", default="", help="comma-separated subset of the server names")
    ap.add_argument("--no-pin", action="store_true", help="let the scheduler place server and client")
    ap.add_argument("--nice", type=int, default=0,
                    help="niceness for server and client (negative needs root): keeps concurrent builds "
                         "from deciding who gets the CPU")
    ap.add_argument("--skip-echo", action="store_true")
    args = ap.parse_args()
    global NICE
    NICE = args.nice
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    b = os.path.join(args.build, "bench", "runtime")
    load = os.path.join(b, "async_echo_load")
    bw = os.path.join(b, "async_echo_boundwise")
    env_uring = dict(os.environ, BOUNDWISE_ASYNC_BACKEND="io_uring")
    env_epoll = dict(os.environ, BOUNDWISE_ASYNC_BACKEND="epoll")
    servers = [
        ("bw-io_uring", [bw], env_uring),
        ("bw-epoll", [bw], env_epoll),
        ("asio", [os.path.join(b, "async_echo_asio")], None),
        ("libuv", [os.path.join(b, "async_echo_libuv")], None),
        ("asyncio", [sys.executable, os.path.join(HERE, "async_echo_asyncio.py")], None),
    ]
    servers = [s for s in servers if os.path.exists(s[1][-1])]
    if args.servers:
        keep = args.servers.split(",")
        servers = [s for s in servers if s[0] in keep]
    cpus = sorted(os.sched_getaffinity(0))
    server_cpu, client_cpu = (cpus[0], cpus[1]) if len(cpus) >= 2 and not args.no_pin else (None, None)
    if not args.skip_echo:
        print(f"echo over loopback, 32-byte messages, one in flight per connection, "
              f"{args.seconds:g} s per run, median of {args.repeat} interleaved rounds")
        print(f"CPUs: {len(cpus)} ({os.getloadavg()[0]:.1f} load average at start); "
              + (f"server pinned to CPU {server_cpu}, load generator to CPU {client_cpu}"
                 if server_cpu is not None else "server and load generator unpinned")
              + (f", both at nice {NICE}" if NICE else ""))
        base_names = [n for n, _, _ in servers if n.startswith("bw-")]
        hdr = f"{'conns':>6} {'server':<12} {'req/s':>9} {'p50 us':>8} {'p99 us':>8} {'cpu us/req':>10} " \
              f"{'srv cpu':>7} {'cli cpu':>7}"
        for bn in base_names:
            hdr += f" {bn + ' ÷ this, req/s':>24} {'per CPU':>6}"
        print(hdr)
        for conns in [int(c) for c in args.conns.split(",")]:
            runs = {n: [] for n, _, _ in servers}
            ratios = {(bn, n): [] for bn in base_names for n, _, _ in servers}
            cpu_ratios = {(bn, n): [] for bn in base_names for n, _, _ in servers}
            for _ in range(args.repeat):
                this_round = {}
                for name, cmd, env in servers:
                    proc, port = start_server(cmd, int(args.seconds) + 90, env, server_cpu)
                    try:
                        c0 = cpu_seconds(proc.pid)
                        k0 = child_cpu()
                        r = run_load(load, port, conns, args.seconds, client_cpu)
                        if r is not None:
                            busy = cpu_seconds(proc.pid) - c0
                            # Server CPU per request over the whole run incl. the 0.5 s warm-up.
                            r["cpu_us"] = busy * 1e6 / max(1.0, r["rps"] * (args.seconds + 0.5))
                            r["srv_cpu"] = 100.0 * busy / r["wall"]
                            r["cli_cpu"] = 100.0 * (child_cpu() - k0) / r["wall"]
                    finally:
                        proc.terminate()
                        proc.wait(timeout=30)
                    if r is not None:
                        runs[name].append(r)
                        this_round[name] = r
                for bn in base_names:
                    for n in this_round:
                        if bn in this_round and this_round[n]["rps"]:
                            ratios[(bn, n)].append(this_round[bn]["rps"] / this_round[n]["rps"])
                            # Requests per server CPU-second: throughput with a whole core each.
                            cpu_ratios[(bn, n)].append(this_round[n]["cpu_us"] / this_round[bn]["cpu_us"])
            for name, _, _ in servers:
                rs = runs[name]
                if not rs:
                    print(f"{conns:>6} {name:<12} {'failed':>9}")
                    continue
                med = {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_us", "p99_us", "cpu_us",
                                                                      "srv_cpu", "cli_cpu")}
                line = (f"{conns:>6} {name:<12} {med['rps']:>9.0f} {med['p50_us']:>8.0f} {med['p99_us']:>8.0f} "
                        f"{med['cpu_us']:>10.2f} {med['srv_cpu']:>6.0f}% {med['cli_cpu']:>6.0f}%")
                for bn in base_names:
                    rr = ratios[(bn, name)]
                    cell = f"{statistics.median(rr):.2f}x [{min(rr):.2f}-{max(rr):.2f}]" if rr else ""
                    cr = cpu_ratios[(bn, name)]
                    cpu_cell = f"{statistics.median(cr):.2f}x" if cr else ""
                    line += f" {cell:>24} {cpu_cell:>6}"
                print(line)
            sys.stdout.flush()
    for tool in ("async_fetch_bench", "async_memory_bench"):
        path = os.path.join(b, tool)
        if os.path.exists(path):
            print()
            sys.stdout.flush()
            subprocess.run([path], check=False, timeout=300)


if __name__ == "__main__":
    main()
