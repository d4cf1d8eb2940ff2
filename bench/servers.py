"""Start a real gunicorn, with the shipped gunicorn.conf.py, on a free loopback port, and read its memory.

Shared by the tests (through tests/servers.py) and the benchmark, so both measure what is
shipped. The server's log goes to a temporary file, not a pipe nobody reads (a full pipe would
block the master), and is kept in `Server.log` for a test or the benchmark to show on failure.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
APP = "service.app:create_app()"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    ready_s: float = 0.0  # from starting the process to /readyz answering 200
    log_path: Path | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path else ""

    def worker_pids(self) -> list[int]:
        """The master's children, as /proc lists them."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def memory_of(server: Server) -> dict[str, object]:
    """Memory of the master and each worker, from smaps_rollup, in kB, with the totals.

    {"processes": {"master": {...}, "worker 1": {...}}, "total_rss_kb": ..., "total_pss_kb": ...,
    "total_uss_kb": ...}; a worker that exits between listing and reading is left out.
    """
    processes = {"master": smaps_rollup(server.pid)}
    for number, pid in enumerate(server.worker_pids(), start=1):
        try:
            processes[f"worker {number}"] = smaps_rollup(pid)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return {
        "processes": processes,
        "total_rss_kb": sum(p["Rss"] for p in processes.values()),
        "total_pss_kb": sum(p["Pss"] for p in processes.values()),
        "total_uss_kb": sum(uss_kb(p) for p in processes.values()),
    }


def smaps_rollup(pid: int) -> dict[str, int]:
    """kB figures from /proc/PID/smaps_rollup: Rss, Pss (shared pages split among sharers), Private_*."""
    figures: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, value = line.partition(":")
        parts = value.split()
        if parts and parts[0].isdigit():
            figures[name.strip()] = int(parts[0])
    return figures


def uss_kb(figures: dict[str, int]) -> int:
    """Unique set size: the pages only this process holds (what killing it would free)."""
    return figures["Private_Clean"] + figures["Private_Dirty"]


def stop(
    process: subprocess.Popen[bytes],
    *,
    signal_number: int = signal.SIGTERM,
    timeout: float = 30.0,
    kill: Callable[[], None] | None = None,
) -> None:
    """Ask `process` to stop with `signal_number` (gunicorn drains on SIGTERM); past `timeout` s,
    SIGKILL it (or call `kill`, e.g. for its whole process group). Nothing is sent once it has exited."""
    if process.poll() is None:
        process.send_signal(signal_number)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        (kill or process.kill)()
        process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_ready(url: str, *, timeout: float = 20.0, interval: float = 0.05) -> float:
    """Poll /readyz until it answers 200; return how long that took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=1) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(interval)
    raise TimeoutError(f"{url} was not ready within {timeout} s")


@contextmanager
def gunicorn(
    *,
    workers: int = 2,
    env: dict[str, str] | None = None,
    app: str = APP,
    poll_interval: float = 0.05,
    base_env: Mapping[str, str] | None = None,
    launcher: Callable[[list[str]], list[str]] | None = None,
) -> Iterator[Server]:
    """A gunicorn serving `app` with the shipped config; stopped with SIGTERM on exit.

    `base_env` replaces the inherited environment (which `env` then extends); `launcher` wraps
    the command, e.g. to run it in a namespace as another user.
    """
    port = free_port()
    environment = {**(os.environ if base_env is None else base_env)}
    environment.update({"HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)})
    environment.update(env or {})
    command = [str(GUNICORN), "-c", "gunicorn.conf.py", app]
    log = tempfile.NamedTemporaryFile(prefix="wenji-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115  # kept open by the server, removed below
    started = time.monotonic()
    process = subprocess.Popen(
        launcher(command) if launcher else command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    server = Server(url, process, log_path=Path(log.name))
    try:
        try:
            wait_ready(url, interval=poll_interval)
        except TimeoutError as error:
            raise TimeoutError(f"{error}; its log:\n{server.log()[-4000:]}") from error
        server.ready_s = time.monotonic() - started
        yield server
    finally:
        stop(process)
        log.close()
        Path(log.name).unlink(missing_ok=True)
