"""Overload and faults against a real gunicorn on 127.0.0.1, load from a second process.

    python -m bench.loadtest            # the full run (~3 minutes): `make loadtest`
    python -m bench.loadtest --quick   # every phase, shortened (~40 s)

Phases, each bounded in time and count:
1. capacity: closed loop, 2 clients per worker, for a few seconds: the requests/s the box does;
2. sustained: open loop at 80% of that for `--duration` s (60): errors (must be 0), p50/p99;
   resident memory of master + workers before and after, over at least 20,000 requests;
3. kill: a worker SIGKILLed mid-load; gunicorn replaces it; only its in-flight request may fail;
4. drain: requests in flight when the master gets SIGTERM still complete (graceful_timeout);
5. saturation: 64 clients against 2 workers: how many get 503 `overloaded` + Retry-After,
   and what latency the rest see (the measurement behind service/overload.py).

Measured here (2 cores shared with other work, seed 000 as text/plain, every request the same
document): capacity 378 req/s; sustained 60 s at 303 req/s (80%): 18,157 requests, 0 errors,
p50 19.8 ms, p99 69.7 ms; resident memory of master + workers 413.7 -> 413.7 MiB over 20,718
requests (max_requests off); a worker SIGKILLed mid-load: 0 failed, replaced; 64 clients:
287 req/s, p50 262 ms, p99 304 ms, 0 errors and 0 shed (queue waits under the 2 s threshold):
the backlog alone gives clients no signal, only latency; SIGTERM mid-load: 346 completed,
940 refused once the listener closed, 4 dropped from the accept queue, master exit 0.

The load generator here is deliberately small (threads with http.client, one connection a
request, as sync workers close them); bench/loadgen.py, when present, is the reusable one.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import signal
import statistics
import threading
import time
from pathlib import Path

from bench.servers import Server, gunicorn

ROOT = Path(__file__).resolve().parent.parent

SEED = sorted((ROOT / "seeds").iterdir())[0].read_bytes()


# ---- the load generator (runs in its own process) ---------------------------------------------


def _request(host: str, port: int, timeout: float = 30.0) -> tuple[int, float, str]:
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        connection.request("POST", "/v1/documents", body=SEED, headers={"Content-Type": "text/plain"})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status, time.perf_counter() - started, response.getheader("Retry-After") or ""
    except (OSError, http.client.HTTPException) as error:
        return 0, time.perf_counter() - started, type(error).__name__


def _drive(host: str, port: int, *, seconds: float, clients: int, rate: float | None, results) -> None:  # type: ignore[no-untyped-def]
    """`clients` threads for `seconds`; open loop at `rate` requests/s in all if given, else closed."""
    deadline = time.perf_counter() + seconds
    collected: list[tuple[int, float, str, float]] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        interval = clients / rate if rate else 0.0
        next_at = time.perf_counter() + (interval * index / clients if rate else 0.0)
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return
            if rate and next_at > now:
                time.sleep(next_at - now)
            status, latency, note = _request(host, port)
            with lock:
                collected.append((status, latency, note, time.perf_counter()))
            next_at += interval

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(collected)


def load(
    server: Server, *, seconds: float, clients: int, rate: float | None = None
) -> tuple[list, multiprocessing.Process, multiprocessing.Queue]:  # type: ignore[type-arg]
    host, port = server.url.removeprefix("http://").split(":")
    results: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    process = multiprocessing.Process(
        target=_drive,
        args=(host, int(port)),
        kwargs={"seconds": seconds, "clients": clients, "rate": rate, "results": results},
    )
    process.start()
    return [], process, results


def run(server: Server, **kwargs) -> list[tuple[int, float, str, float]]:  # type: ignore[no-untyped-def]
    _, process, results = load(server, **kwargs)
    collected = results.get()
    process.join()
    return collected


# ---- measuring ----------------------------------------------------------------------------------


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def rss_mib(master: int) -> float:
    total = 0
    for pid in [master, *workers_of(master)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def summary(name: str, results: list[tuple[int, float, str, float]], seconds: float) -> dict[str, float]:
    ok = [latency for status, latency, _, _ in results if status == 200]
    errors = len(results) - len(ok)
    quantiles = statistics.quantiles(ok, n=100) if len(ok) >= 2 else [0.0] * 99
    figures = {
        "requests": len(results),
        "rps": len(ok) / seconds,
        "errors": errors,
        "p50_ms": quantiles[49] * 1000,
        "p99_ms": quantiles[98] * 1000,
    }
    kinds: dict[str, int] = {}
    for status, _, note, _ in results:
        if status != 200:
            key = f"{status}{' ' + note if note else ''}"
            kinds[key] = kinds.get(key, 0) + 1
    print(
        f"{name:<11} {figures['requests']:>7} requests  {figures['rps']:7.1f} ok/s  errors {errors:<5}"
        f" p50 {figures['p50_ms']:6.1f} ms  p99 {figures['p99_ms']:7.1f} ms  {kinds or ''}",
        flush=True,
    )
    return figures


# ---- the phases ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="every phase, shortened")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the sustained run")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    duration = 10.0 if args.quick else args.duration
    memory_requests = 2_000 if args.quick else 20_000
    workers = args.workers
    print(f"wenji loadtest: {workers} sync workers on {os.cpu_count()} cores, seed of {len(SEED)} bytes", flush=True)

    with gunicorn(workers=workers, env={"GUNICORN_MAX_REQUESTS": "0"}) as server:
        # max_requests off here: recycling would hide growth in resident memory.
        master = server.process.pid
        run(server, seconds=2, clients=workers)  # warm up
        capacity = summary("capacity", run(server, seconds=5, clients=4 * workers), 5)["rps"]

        rate = 0.8 * capacity
        memory_start = rss_mib(master)
        sustained = run(server, seconds=duration, clients=4 * workers, rate=rate)
        sustained_figures = summary(f"sustained@{rate:.0f}", sustained, duration)
        done = len(sustained)
        while done < memory_requests:  # top up to the request count the memory check needs
            more = run(server, seconds=min(30.0, (memory_requests - done) / capacity + 1), clients=2 * workers)
            done += len(more)
        memory_end = rss_mib(master)
        print(
            f"memory      {memory_start:.1f} MiB at start, {memory_end:.1f} MiB after {done} requests "
            f"({(memory_end / memory_start - 1) * 100:+.1f}%)",
            flush=True,
        )

        # kill: one worker SIGKILLed in the middle of a 10 s run at half capacity
        _, process, results = load(server, seconds=10, clients=2 * workers, rate=0.5 * capacity)
        time.sleep(4)
        victim = workers_of(master)[0]
        killed_at = time.perf_counter()
        os.kill(victim, signal.SIGKILL)
        collected = results.get()
        process.join()
        summary("kill", collected, 10)
        failed_kill = sum(1 for status, *_ in collected if status != 200)
        time.sleep(0.5)
        replaced = victim not in workers_of(master) and len(workers_of(master)) == workers
        print(
            f"kill        worker {victim} SIGKILLed {time.perf_counter() - killed_at:.1f} s before the end: "
            f"{failed_kill} request(s) failed, replaced: {replaced}",
            flush=True,
        )

        # saturation: many more clients than workers
        saturated = run(server, seconds=10, clients=64)
        summary("saturated", saturated, 10)
        shed = [note for status, _, note, _ in saturated if status == 503]
        print(f"saturated   {len(shed)} answered 503 with Retry-After {sorted(set(shed))}", flush=True)

        # drain: requests in flight when the master gets SIGTERM still complete
        _, process, results = load(server, seconds=3, clients=2 * workers)
        time.sleep(1.5)
        server.process.send_signal(signal.SIGTERM)
        collected = results.get()
        process.join()
        ok = sum(1 for status, *_ in collected if status == 200)
        refused = sum(1 for status, _, note, _ in collected if note == "ConnectionRefusedError")
        dropped = len(collected) - ok - refused
        print(
            f"drain       SIGTERM mid-load: {ok} completed, {refused} refused once the listener closed, "
            f"{dropped} dropped in flight; master exit "
            f"{server.process.wait(timeout=30)}",
            flush=True,
        )

    print(
        f"\nRESULT sustained {sustained_figures['rps']:.1f} req/s for {duration:.0f} s, "
        f"errors {sustained_figures['errors']}, p50 {sustained_figures['p50_ms']:.1f} ms, "
        f"p99 {sustained_figures['p99_ms']:.1f} ms; errors during the kill {failed_kill}; "
        f"memory {memory_start:.1f} -> {memory_end:.1f} MiB over {done} requests",
        flush=True,
    )


if __name__ == "__main__":
    main()
