#!/usr/bin/env python3
"""Python peer for bench/runtime/process_pool_bench.cpp: the same work on
concurrent.futures.ProcessPoolExecutor and multiprocessing.Pool.

Prints one JSON object on stdout. Usage:
  process_pool_peer.py [--workers N] [--tasks N] [--megabytes N]
"""
import argparse
import concurrent.futures as cf
import json
import multiprocessing as mp
import statistics
import time


def add(a, b):
    return a + b


def inc(x):
    return x + 1


def length(b):
    return len(b)


def echo(b):
    return b


def latency_us(call, n):
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t) * 1e6)
    return statistics.median(samples)


def best_seconds(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--tasks", type=int, default=100_000)
    p.add_argument("--megabytes", type=int, default=100)
    args = p.parse_args()
    n, w = args.tasks, args.workers
    payload = bytes(args.megabytes << 20)
    items = list(range(n))
    auto_chunk = max(1, -(-n // (4 * w)))  # what multiprocessing.Pool.map picks
    out = {"workers": w, "tasks": n, "megabytes": args.megabytes,
           "start_method": mp.get_start_method()}

    with cf.ProcessPoolExecutor(max_workers=w) as ex:
        ex.submit(add, 1, 2).result()  # warm: workers started
        out["ppe_latency_us"] = latency_us(lambda: ex.submit(add, 1, 2).result(), 2000)
        t = best_seconds(lambda: list(ex.map(inc, items)), 1)
        out["ppe_map_default_tasks_per_s"] = n / t
        t = best_seconds(lambda: list(ex.map(inc, items, chunksize=auto_chunk)), 3)
        out["ppe_map_chunked_tasks_per_s"] = n / t
        t = best_seconds(lambda: ex.submit(length, payload).result(), 3)
        out["ppe_arg_MBps"] = args.megabytes / t
        t = best_seconds(lambda: ex.submit(echo, payload).result(), 3)
        out["ppe_echo_MBps"] = 2 * args.megabytes / t

    with mp.Pool(w) as pool:
        pool.apply(add, (1, 2))
        out["mp_latency_us"] = latency_us(lambda: pool.apply(add, (1, 2)), 2000)
        t = best_seconds(lambda: pool.map(inc, items), 3)
        out["mp_map_tasks_per_s"] = n / t
        t = best_seconds(lambda: pool.apply(length, (payload,)), 3)
        out["mp_arg_MBps"] = args.megabytes / t
        t = best_seconds(lambda: pool.apply(echo, (payload,)), 3)
        out["mp_echo_MBps"] = 2 * args.megabytes / t

    print(json.dumps(out))


if __name__ == "__main__":
    main()
