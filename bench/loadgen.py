"""A small HTTP load generator for a server on 127.0.0.1, cheap enough to share two cores with it.

Closed loop, as wrk runs: each of `connections` sends a request, waits for the whole response,
then sends the next, until `duration_s` has passed or `max_requests` have been sent. With `rate`,
an open loop instead: `rate` requests/s in all, spread evenly over the connections, each sending
on its schedule (at once when a slow response made it late, so the rate holds while the server
keeps up, and the connections bound what is in flight when it does not). One thread
drives every connection through a `selectors` loop over non-blocking sockets, and every request
is built once, before the clock starts, so a request costs the client a few tens of microseconds
(`LoadResult.client_us_per_request` says how many; `make bench` reports the ceiling against
/healthz). Latency runs from the start of the request (the connect, when the server closed the
previous connection, as gunicorn's sync workers do) to the last byte of the response.

    result = run_load("http://127.0.0.1:8000/v1/documents", bodies=seed_bodies(), connections=2, duration_s=10)
    print(result.summary())

`records=True` keeps one `Record` per request (status, latency, when it ended, Retry-After or the
kind of failure), for callers that count what happened in a window of time, and `start_load`
runs `run_load` in a process of its own, so the load comes from outside the caller.

From the shell, in a process of its own:

    python -m bench.loadgen --url http://127.0.0.1:8000/v1/documents --connections 2 --duration 10
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import heapq
import ipaddress
import itertools
import json
import pickle
import selectors
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Hard bounds, whatever the caller asks: the generator is for short runs against loopback.
MAX_DURATION_S = 600.0
MAX_CONNECTIONS = 1024
MAX_REQUESTS = 5_000_000


class Record(NamedTuple):
    """One request: what came back and when. `status` is 0 when no response came (see `note`)."""

    status: int
    latency_ms: float  # from the start of the request (its connect, if any) to its end
    at: float  # when it ended, seconds since the epoch (time.time()), comparable across processes
    note: str = ""  # Retry-After of a response that had one, else the failure's kind (ECONNREFUSED, timeout…)


@dataclass
class LoadResult:
    """What one run measured. Latencies are of completed responses, any status."""

    url: str
    connections: int
    duration_s: float  # wall time from the first request to the last response
    requests: int  # responses received in full (any status)
    errors: int  # transport failures, timeouts, and statuses not in ok_statuses
    status_counts: dict[int, int]
    error_kinds: dict[str, int]
    rps: float  # completed responses per second
    ok_rps: float  # responses with an ok status per second
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    bytes_received: int
    client_cpu_s: float  # CPU the generator itself used, user + system
    client_us_per_request: float  # client CPU per completed request
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    rate: float | None = None  # the open loop's requests/s in all; None: closed loop
    records: list[Record] = field(default_factory=list, repr=False)  # with records=True, in the order they ended

    def summary(self) -> str:
        statuses = " ".join(f"{code}:{count}" for code, count in sorted(self.status_counts.items()))
        kinds = " ".join(f"{kind}:{count}" for kind, count in sorted(self.error_kinds.items()))
        return (
            f"{self.url} c={self.connections}{f' at {self.rate:g}/s' if self.rate else ''} {self.duration_s:.1f}s: "
            f"{self.requests} requests, "
            f"{self.rps:.1f} req/s, p50 {self.p50_ms:.2f} ms, p90 {self.p90_ms:.2f} ms, p99 {self.p99_ms:.2f} ms, "
            f"max {self.max_ms:.2f} ms, errors {self.errors}"
            + (f" ({kinds})" if kinds else "")
            + f" [{statuses}]; client {self.client_us_per_request:.0f} µs CPU/request"
        )

    def to_dict(self, *, latencies: bool = False) -> dict[str, object]:
        data = asdict(self)
        if not latencies:
            del data["latencies_ms"]
        if not self.records:
            del data["records"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LoadResult:
        data = dict(data)
        data["status_counts"] = {int(code): count for code, count in data["status_counts"].items()}  # type: ignore[union-attr]
        data["records"] = [Record(*record) for record in data.get("records", ())]  # type: ignore[union-attr]
        return cls(**data)  # type: ignore[arg-type]


def seed_bodies(folder: Path = SEEDS) -> list[tuple[str, bytes]]:
    """The sample uploads as (file name, bytes), the default load."""
    return [(path.name, path.read_bytes()) for path in sorted(folder.iterdir()) if path.is_file()]


def multipart_body(
    files: Sequence[tuple[str, bytes]], *, field_name: str = "file", boundary: str | None = None
) -> tuple[bytes, str]:
    """Files as a multipart/form-data body, the way a browser or curl -F sends them, and its
    Content-Type: (body, content type)."""
    boundary = boundary or uuid.uuid4().hex
    parts = []
    for filename, content in files:
        quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field_name}"; filename="{quoted}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def multipart_request(
    host: str, path: str, filename: str, content: bytes, *, field_name: str = "file", boundary: str | None = None
) -> bytes:
    """A whole HTTP/1.1 POST of one file as multipart/form-data."""
    body, content_type = multipart_body([(filename, content)], field_name=field_name, boundary=boundary)
    return post_request(host, path, body, content_type=content_type)


def post_request(host: str, path: str, body: bytes, *, content_type: str = "text/plain") -> bytes:
    """A whole HTTP/1.1 POST of `body` as it is (a raw upload: text/plain unless told)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: wenji-loadgen\r\nAccept: */*\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def get_request(host: str, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: wenji-loadgen\r\nAccept: */*\r\n\r\n".encode("latin-1")


def run_load(
    url: str,
    *,
    bodies: Sequence[tuple[str, bytes]] | None = None,
    raw_requests: Sequence[bytes] | None = None,
    connections: int = 2,
    duration_s: float = 10.0,
    max_requests: int | None = None,
    warmup_s: float = 0.0,
    timeout_s: float = 10.0,
    ok_statuses: Iterable[int] = (200,),
    rate: float | None = None,
    records: bool = False,
) -> LoadResult:
    """Load `url` from `connections` concurrent connections for `duration_s` seconds.

    `bodies` are (file name, bytes) pairs posted in turn as multipart/form-data; with neither
    `bodies` nor `raw_requests` each request is a GET of the URL. `raw_requests` are whole HTTP
    requests sent as they are (for callers that need another method, header or body).
    Requests are sent round-robin. The run stops issuing at `duration_s` or after `max_requests`,
    then waits up to `timeout_s` for the requests in flight. Responses that finish within the first
    `warmup_s` seconds are not counted. A response whose status is not in `ok_statuses`, a refused
    or reset connection, and a request with no progress for `timeout_s` each count as an error.
    With `rate` (requests/s in all), each connection sends every `connections / rate` seconds,
    staggered, or at once when it is late: an open loop; without, a closed loop. `records` keeps
    a `Record` of every counted request in `LoadResult.records`.
    """
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"only plain http:// URLs are supported, not {url!r}")
    address = (socket.gethostbyname(parts.hostname), parts.port or 80)
    if not ipaddress.ip_address(address[0]).is_loopback:
        raise ValueError(f"{url!r} is not on loopback; this generator only loads 127.0.0.1")
    if not 1 <= connections <= MAX_CONNECTIONS:
        raise ValueError(f"connections must be 1..{MAX_CONNECTIONS}")
    if not 0 < duration_s <= MAX_DURATION_S:
        raise ValueError(f"duration_s must be in (0, {MAX_DURATION_S}]")
    if rate is not None and not rate > 0:
        raise ValueError("rate must be above 0 requests/s (or None for a closed loop)")
    limit = min(max_requests or MAX_REQUESTS, MAX_REQUESTS)
    host = parts.netloc
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if raw_requests:
        prepared = [[request] for request in raw_requests]
    elif bodies:
        # Cut around the boundary, so each request gets a new one of the same length, as real
        # clients send: a server that compiles a pattern per boundary (werkzeug does) pays for it.
        prepared = [
            multipart_request(host, path, name, content, boundary=_PLACEHOLDER).split(_PLACEHOLDER.encode())
            for name, content in bodies
        ]
    else:
        prepared = [[get_request(host, path)]]
    runner = _Runner(address, prepared, connections, duration_s, limit, warmup_s, timeout_s, frozenset(ok_statuses))
    if rate:
        runner.interval = connections / rate
    if records:
        runner.records = []
    return runner.run(url, rate)


class Background:
    """A `run_load` going on in a process of its own (`start_load`); `result()` waits for it."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def result(self, timeout: float | None = None) -> LoadResult:
        try:
            output, errors = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()  # a generator past its own bounds: stop it, not leave it loading
            self.process.communicate()
            raise
        if self.process.returncode != 0:
            raise RuntimeError(f"the load generator exited with {self.process.returncode}:\n{errors.decode()[-4000:]}")
        return pickle.loads(output)  # our own child's answer


def start_load(url: str, **options: object) -> Background:
    """Start `run_load(url, **options)` in a new Python process and return at once.

    A fresh interpreter, not a fork: the generator holds
    none of the caller's heap or threads and its CPU is its own, so the caller (a benchmark with
    jieba loaded, a load test timing a fault) is not the one sending the load. The arguments go
    in, and the LoadResult comes back, pickled over its stdin and stdout.
    """
    with tempfile.TemporaryFile() as arguments:  # a file, not a pipe: no writer to wait on
        pickle.dump((url, options), arguments)
        arguments.seek(0)
        process = subprocess.Popen(
            [sys.executable, "-c", "from bench.loadgen import _serve_pickled; _serve_pickled()"],
            cwd=ROOT,
            stdin=arguments,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    return Background(process)


_PLACEHOLDER = "B" * 32  # the length of a boundary: 16 hex digits of run tag, 16 of counter


class _Conn:
    __slots__ = (
        "buffer",
        "last_progress",
        "next_at",
        "parked",
        "received",
        "request",
        "reused",
        "sent",
        "sock",
        "started",
    )

    def __init__(self) -> None:
        self.sock: socket.socket | None = None
        self.request = b""
        self.sent = 0
        self.buffer = bytearray()
        self.started = 0.0
        self.last_progress = 0.0
        self.reused = False
        self.received = 0
        self.next_at = 0.0  # open loop: when this connection sends its next request
        self.parked = False  # open loop: waiting for next_at, its socket out of the selector


class _Runner:
    def __init__(
        self,
        address: tuple[str, int],
        requests: list[list[bytes]],
        connections: int,
        duration_s: float,
        limit: int,
        warmup_s: float,
        timeout_s: float,
        ok_statuses: frozenset[int],
    ) -> None:
        self.address = address
        self.requests = requests
        self.connections = connections
        self.duration_s = duration_s
        self.limit = limit
        self.warmup_s = warmup_s
        self.timeout_s = timeout_s
        self.ok_statuses = ok_statuses
        self.selector = selectors.DefaultSelector()
        self.tag = uuid.uuid4().hex[:16]  # with a counter, a new multipart boundary per request
        self.issued = 0
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.error_kinds: Counter[str] = Counter()
        self.bytes_received = 0
        self.active: set[_Conn] = set()
        self.interval = 0.0  # open loop: seconds between one connection's requests; 0: closed loop
        self.parked: list[tuple[float, int, _Conn]] = []  # a heap, by next_at
        self.order = itertools.count()  # ties in the heap
        self.records: list[Record] | None = None

    # -- the loop --------------------------------------------------------------------------

    def run(self, url: str, rate: float | None) -> LoadResult:
        cpu_started = time.process_time()
        self.t0 = time.perf_counter()
        self.epoch = time.time() - self.t0  # perf_counter() + epoch: seconds since the epoch
        self.counted_from = self.t0 + self.warmup_s
        self.deadline = self.t0 + self.warmup_s + self.duration_s
        self.last_done = self.counted_from
        for index in range(self.connections):
            conn = _Conn()
            conn.next_at = self.t0 + self.interval * index / self.connections  # staggered
            self._begin(conn, reuse=False)
        while self.active:
            now = time.perf_counter()
            if now > self.deadline + self.timeout_s:
                for conn in list(self.active):
                    self._fail(conn, "timeout", retry=False)
                break
            wait = 0.05
            if self.parked:
                wait = min(wait, max(self.parked[0][0] - now, 0.0))
            for key, _events in self.selector.select(timeout=wait):
                conn = key.data
                if conn.sock is None:
                    continue
                if conn.sent < len(conn.request):
                    self._on_writable(conn)
                else:
                    self._on_readable(conn)
            now = time.perf_counter()
            while self.parked and self.parked[0][0] <= now:
                conn = heapq.heappop(self.parked)[2]
                conn.parked = False
                if conn.sock is not None:  # kept alive while it waited: back in the selector
                    self.selector.register(conn.sock, selectors.EVENT_READ, conn)
                self._begin(conn, reuse=conn.sock is not None)
            for conn in list(self.active):
                if not conn.parked and now - conn.last_progress > self.timeout_s:
                    self._fail(conn, "timeout", retry=False)
        self.selector.close()
        cpu = time.process_time() - cpu_started
        return self._result(url, cpu, rate)

    def _begin(self, conn: _Conn, *, reuse: bool) -> None:
        """Start the next request on `conn`, over its open socket when `reuse`, else a new one.

        In an open loop, a connection early for its next request is parked until then instead.
        """
        now = time.perf_counter()
        if self.issued >= self.limit or max(now, conn.next_at) >= self.deadline:
            self._close(conn)
            self.active.discard(conn)
            return
        self.active.add(conn)
        if conn.next_at > now:
            if conn.sock is not None:  # kept alive: out of the selector while it waits
                self.selector.unregister(conn.sock)
            conn.parked = True
            heapq.heappush(self.parked, (conn.next_at, next(self.order), conn))
            return
        conn.next_at += self.interval
        parts = self.requests[self.issued % len(self.requests)]
        conn.request = f"{self.tag}{self.issued:016x}".encode().join(parts) if len(parts) > 1 else parts[0]
        self.issued += 1
        conn.sent = 0
        conn.buffer.clear()
        conn.received = 0
        conn.started = conn.last_progress = now
        if reuse and conn.sock is not None:
            conn.reused = True
            self.selector.modify(conn.sock, selectors.EVENT_WRITE, conn)
            return
        self._connect(conn)

    def _connect(self, conn: _Conn) -> None:
        self._close(conn)
        conn.reused = False
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        code = sock.connect_ex(self.address)
        conn.sock = sock
        if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            self._fail(conn, errno.errorcode.get(code, str(code)), retry=False)
            return
        self.selector.register(sock, selectors.EVENT_WRITE, conn)

    def _on_writable(self, conn: _Conn) -> None:
        sock = conn.sock
        assert sock is not None
        if conn.sent == 0 and not conn.reused:
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                self._fail(conn, errno.errorcode.get(code, str(code)), retry=False)
                return
        try:
            conn.sent += sock.send(memoryview(conn.request)[conn.sent :])
        except BlockingIOError:
            return
        except OSError as error:
            self._fail(conn, _kind(error), retry=conn.reused)
            return
        conn.last_progress = time.perf_counter()
        if conn.sent >= len(conn.request):
            self.selector.modify(sock, selectors.EVENT_READ, conn)

    def _on_readable(self, conn: _Conn) -> None:
        sock = conn.sock
        assert sock is not None
        try:
            chunk = sock.recv(262144)
        except BlockingIOError:
            return
        except OSError as error:
            self._fail(conn, _kind(error), retry=conn.reused and conn.received == 0)
            return
        if not chunk:
            done = _parse(conn.buffer, eof=True)
            if done is None:
                # A keep-alive connection the server closed while idle: resend on a new one.
                self._fail(conn, "closed-early", retry=conn.reused and conn.received == 0)
                return
            self._finish(conn, *done, keep_alive=False)
            return
        conn.received += len(chunk)
        conn.buffer += chunk
        conn.last_progress = time.perf_counter()
        done = _parse(conn.buffer, eof=False)
        if done is not None:
            self._finish(conn, *done)

    def _finish(self, conn: _Conn, status: int, keep_alive: bool) -> None:
        now = time.perf_counter()
        if now >= self.counted_from:
            latency = (now - conn.started) * 1000.0
            self.latencies.append(latency)
            self.statuses[status] += 1
            self.bytes_received += conn.received
            self.last_done = now
            if status not in self.ok_statuses:
                self.error_kinds[f"status-{status}"] += 1
            if self.records is not None:
                note = _retry_after(conn.buffer) if status not in self.ok_statuses else ""
                self.records.append(Record(status, latency, now + self.epoch, note))
        if not keep_alive:
            self._close(conn)
        self._begin(conn, reuse=keep_alive)

    def _fail(self, conn: _Conn, kind: str, *, retry: bool) -> None:
        self._close(conn)
        if retry:
            # The request never reached a live server: send it again, on a new connection.
            conn.started = conn.last_progress = time.perf_counter()
            conn.sent = 0
            conn.buffer.clear()
            conn.received = 0
            self._connect(conn)
            return
        now = time.perf_counter()
        if now >= self.counted_from:
            self.error_kinds[kind] += 1
            if self.records is not None:
                self.records.append(Record(0, (now - conn.started) * 1000.0, now + self.epoch, kind))
        # Begun again from the loop, not from here: a connect refused at once would otherwise
        # recurse (_begin, _connect, _fail, _begin...) for as long as the server is down.
        conn.parked = True
        heapq.heappush(self.parked, (max(now, conn.next_at), next(self.order), conn))

    def _close(self, conn: _Conn) -> None:
        if conn.sock is not None:
            with contextlib.suppress(KeyError, ValueError):  # never registered: the connect failed
                self.selector.unregister(conn.sock)
            conn.sock.close()
            conn.sock = None

    def _result(self, url: str, cpu: float, rate: float | None) -> LoadResult:
        latencies = sorted(self.latencies)
        elapsed = max(self.last_done - self.counted_from, 1e-9)
        requests = len(latencies)
        ok = sum(count for status, count in self.statuses.items() if status in self.ok_statuses)
        return LoadResult(
            url=url,
            connections=self.connections,
            duration_s=round(elapsed, 3),
            requests=requests,
            errors=sum(self.error_kinds.values()),
            status_counts=dict(sorted(self.statuses.items())),
            error_kinds=dict(self.error_kinds),
            rps=requests / elapsed,
            ok_rps=ok / elapsed,
            **latency_figures(latencies),
            bytes_received=self.bytes_received,
            client_cpu_s=cpu,
            client_us_per_request=cpu / max(self.issued, 1) * 1e6,
            latencies_ms=latencies,
            rate=rate,
            records=self.records or [],
        )


def merge(parts: Sequence[LoadResult]) -> LoadResult:
    """Several runs against one URL as one: counts summed, percentiles over every latency."""
    latencies = sorted(value for part in parts for value in part.latencies_ms)
    seconds = sum(part.duration_s for part in parts)
    statuses: Counter[int] = Counter()
    kinds: Counter[str] = Counter()
    for part in parts:
        statuses.update(part.status_counts)
        kinds.update(part.error_kinds)
    requests = sum(part.requests for part in parts)
    return LoadResult(
        url=parts[0].url,
        connections=parts[0].connections,
        duration_s=seconds,
        requests=requests,
        errors=sum(part.errors for part in parts),
        status_counts=dict(statuses),
        error_kinds=dict(kinds),
        rps=requests / seconds,
        ok_rps=sum(part.ok_rps * part.duration_s for part in parts) / seconds,
        **latency_figures(latencies),
        bytes_received=sum(part.bytes_received for part in parts),
        client_cpu_s=sum(part.client_cpu_s for part in parts),
        client_us_per_request=sum(part.client_cpu_s for part in parts) / max(requests, 1) * 1e6,
        latencies_ms=latencies,
    )


def latency_figures(ordered: Sequence[float]) -> dict[str, float]:
    """p50, p90, p99, max and mean of sorted latencies, as LoadResult names them; 0 for none."""
    return {
        "p50_ms": percentile(ordered, 50),
        "p90_ms": percentile(ordered, 90),
        "p99_ms": percentile(ordered, 99),
        "max_ms": ordered[-1] if ordered else 0.0,
        "mean_ms": sum(ordered) / len(ordered) if ordered else 0.0,
    }


def percentile(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of already sorted values; 0 for none."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))
    return float(ordered[int(rank) - 1])


def _kind(error: OSError) -> str:
    return errno.errorcode.get(error.errno or 0, type(error).__name__)


def _parse(buffer: bytearray, *, eof: bool) -> tuple[int, bool] | None:
    """(status, keep_alive) once `buffer` holds a whole response, else None."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = bytes(buffer[:end]).decode("latin-1")
    lines = head.split("\r\n")
    try:
        version, code = lines[0].split(" ", 2)[:2]
        status = int(code)
    except ValueError:
        return (0, False) if eof else None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip().lower()
    keep_alive = version == "HTTP/1.1" and headers.get("connection") != "close"
    body = len(buffer) - end - 4
    if "content-length" in headers:
        return (status, keep_alive) if body >= int(headers["content-length"]) else None
    if headers.get("transfer-encoding", "").endswith("chunked"):
        return (status, keep_alive) if _chunked_done(memoryview(buffer)[end + 4 :]) else None
    if status in (204, 304) or 100 <= status < 200:
        return status, keep_alive
    return (status, False) if eof else None  # delimited by the close


def _retry_after(buffer: bytearray) -> str:
    """The Retry-After header of the response in `buffer`, or ""."""
    head = bytes(buffer[: buffer.find(b"\r\n\r\n")]).decode("latin-1")
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "retry-after":
            return value.strip()
    return ""


def _chunked_done(body: memoryview) -> bool:
    position = 0
    data = body.tobytes()
    while True:
        line_end = data.find(b"\r\n", position)
        if line_end < 0:
            return False
        try:
            size = int(data[position:line_end].split(b";", 1)[0], 16)
        except ValueError:
            return True  # not chunked after all: let the caller count what it has
        if size == 0:
            return data.find(b"\r\n\r\n", line_end) >= 0  # the last chunk, then trailers, if any
        position = line_end + 2 + size + 2
        if position > len(data):
            return False


def _serve_pickled() -> None:
    """start_load's other end: (url, options) in on stdin, the LoadResult out on stdout."""
    url, options = pickle.load(sys.stdin.buffer)
    pickle.dump(run_load(url, **options), sys.stdout.buffer)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadgen", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="e.g. http://127.0.0.1:8000/v1/documents")
    parser.add_argument("--connections", "-c", type=int, default=2)
    parser.add_argument("--duration", "-d", type=float, default=10.0, help="seconds of load (default 10)")
    parser.add_argument("--max-requests", "-n", type=int, default=None)
    parser.add_argument("--warmup", type=float, default=0.0, help="seconds of load not counted first")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds without progress before a request fails")
    parser.add_argument("--get", action="store_true", help="GET the URL instead of posting the seeds")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of files to post in turn")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--latencies", action="store_true", help="with --json: include every latency, in ms")
    args = parser.parse_args(argv)
    result = run_load(
        args.url,
        bodies=None if args.get else seed_bodies(args.seeds),
        connections=args.connections,
        duration_s=args.duration,
        max_requests=args.max_requests,
        warmup_s=args.warmup,
        timeout_s=args.timeout,
    )
    print(json.dumps(result.to_dict(latencies=args.latencies)) if args.json else result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
