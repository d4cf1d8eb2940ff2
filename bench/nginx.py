"""Start Debian's nginx in front of loopback upstreams, with the shipped proxy settings.

The server block includes deploy/nginx/wenji.conf as compose's nginx does; only what must
differ on one machine is written here: loopback addresses, and every path (pid, logs,
temporary files) in a temporary folder, so nothing outside it is touched.
"""

from __future__ import annotations

import grp
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.servers import free_port, stop

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "nginx"
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def find_nginx() -> str | None:
    """Debian installs nginx in /usr/sbin, which is not on a normal user's PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def upstream_parameters() -> str:
    """The per-server parameters compose's nginx.conf gives each replica (max_fails, fail_timeout)."""
    shipped = (SHIPPED / "nginx.conf").read_text(encoding="utf-8")
    match = re.search(r"^\s*server\s+wenji:\d+\s+(.*?);", shipped, re.MULTILINE)
    if match is None:
        raise ValueError("deploy/nginx/nginx.conf has no `server wenji:PORT ...;` line")
    return " ".join(part for part in match.group(1).split() if part != "resolve")


@dataclass
class Proxy:
    url: str
    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    def log_lines(self) -> list[str]:
        return self.access_log.read_text(encoding="utf-8").splitlines() if self.access_log.exists() else []


def render(upstreams: Sequence[str], *, port: int, folder: Path, proxy_conf: Path = SHIPPED / "wenji.conf") -> str:
    """One nginx.conf for `upstreams` ("127.0.0.1:8001", ...), everything it writes in `folder`."""
    servers = "\n".join(f"        server {address} {upstream_parameters()};" for address in upstreams)
    temp_paths = "\n".join(f"    {name}_temp_path {folder / name};" for name in TEMP_PATHS)
    # Started as root (CI containers), nginx hands its workers to an unprivileged user, which
    # must be named and able to reach the temporary folder; as anyone else it stays who it is.
    user = "user nobody nogroup;" if os.geteuid() == 0 and _group_exists("nogroup") else ""
    return f"""\
{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;

events {{
    worker_connections 1024;
}}

http {{
    # When each request ended, what it got, and which replicas it went to: a request retried
    # elsewhere lists two addresses and two statuses.
    log_format replicas '$msec $status $upstream_addr $upstream_status $request_time';
    access_log {folder / "access.log"} replicas;
{temp_paths}

    upstream wenji {{
{servers}
    }}

    server {{
        listen 127.0.0.1:{port};
        include {proxy_conf};
    }}
}}
"""


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True


def check_config(upstreams: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the rendered config: a syntax check of the shipped wenji.conf too."""
    binary = find_nginx()
    if binary is None:
        raise FileNotFoundError("nginx is not installed")
    with tempfile.TemporaryDirectory(prefix="wenji-nginx-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        config = folder / "nginx.conf"
        config.write_text(render(upstreams, port=free_port(), folder=folder), encoding="utf-8")
        return subprocess.run(
            [binary, "-t", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)],
            capture_output=True,
            text=True,
            timeout=10,
        )


@contextmanager
def nginx(upstreams: Sequence[str], *, proxy_conf: Path = SHIPPED / "wenji.conf") -> Iterator[Proxy]:
    binary = find_nginx()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx-light)")
    with tempfile.TemporaryDirectory(prefix="wenji-nginx-") as name:
        folder = Path(name)
        folder.chmod(0o755)  # the workers' user creates its temporary files inside
        port = free_port()
        config = folder / "nginx.conf"
        config.write_text(render(upstreams, port=port, folder=folder, proxy_conf=proxy_conf), encoding="utf-8")
        process = subprocess.Popen(
            [binary, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_listening(port, process, folder)
            yield Proxy(f"http://127.0.0.1:{port}", process, folder)
        finally:
            stop(process, signal_number=signal.SIGQUIT, timeout=10)  # SIGQUIT: finish what is in flight


def _wait_listening(port: int, process: subprocess.Popen[bytes], folder: Path, *, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (folder / "error.log").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{log}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nginx did not listen on 127.0.0.1:{port} within {timeout} s")
