"""Replicas of wenji on loopback ports, as pods or compose services would be, for the replica test.

Each replica is a gunicorn with the shipped gunicorn.conf.py and the shipped settings
(deploy/kubernetes/configmap.yaml), in a process group of its own, so that `kill()` takes down
the master and its workers at once, as a container or a node dies: no graceful anything.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.servers import APP, GUNICORN, ROOT, free_port, stop, wait_ready

CONFIGMAP = ROOT / "deploy" / "kubernetes" / "configmap.yaml"


def shipped_settings() -> dict[str, str]:
    return yaml.safe_load(CONFIGMAP.read_text(encoding="utf-8"))["data"]


@dataclass
class Replica:
    address: str  # "127.0.0.1:PORT", as nginx's upstream names it
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def kill(self) -> None:
        """SIGKILL the master and every worker at once."""
        os.killpg(self.process.pid, signal.SIGKILL)

    def stop(self) -> None:
        stop(self.process, kill=self.kill)  # SIGTERM: the master drains and stops its workers


@contextmanager
def replica(*, workers: int) -> Iterator[Replica]:
    port = free_port()
    environment = {
        **os.environ,
        **shipped_settings(),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
    }
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", APP],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, for kill()
    )
    running = Replica(f"127.0.0.1:{port}", process)
    try:
        wait_ready(running.url)
        yield running
    finally:
        running.stop()


@contextmanager
def replicas(count: int, *, workers: int = 1) -> Iterator[list[Replica]]:
    with ExitStack() as stack:
        yield [stack.enter_context(replica(workers=workers)) for _ in range(count)]


@dataclass(frozen=True)
class Completion:
    """One line of the test's nginx access log."""

    at: float  # when nginx finished the request, seconds since the epoch
    status: int
    upstreams: tuple[str, ...]  # every replica it was sent to, in order

    @property
    def is_retried(self) -> bool:
        return len(self.upstreams) > 1


def read_log(lines: list[str]) -> list[Completion]:
    completions = []
    for line in lines:
        at, status, rest = line.split(" ", 2)
        # "$upstream_addr $upstream_status $request_time", where a retried request lists each
        # address and status, comma-separated: "a:1, b:2 502, 200 0.004".
        addresses = rest.split(" ")
        upstreams = tuple(part.rstrip(",") for part in addresses if part.count(":") == 1 and "." in part)
        completions.append(Completion(float(at), int(status), upstreams))
    return completions


def without_retries_of_posts(proxy_conf: Path, folder: Path) -> Path:
    """A copy of the proxy config without `non_idempotent`: nginx's default for POSTs."""
    text = proxy_conf.read_text(encoding="utf-8")
    assert " non_idempotent;" in text
    copy = folder / "wenji-without-non-idempotent.conf"
    copy.write_text(text.replace(" non_idempotent;", ";"), encoding="utf-8")
    return copy
