"""The container's run-time constraints, without a container engine: gunicorn with the shipped
settings, as the image's uid, with the root file system read-only and only /tmp writable.

A mount namespace (`unshare -m`) remounts / read-only for that one process tree, as
`readOnlyRootFilesystem: true` and `docker run --read-only --tmpfs /tmp` do. Needs root to
set up (then drops to the uid); skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import servers
from conftest import read_seed, seed_names
from servers import GUNICORN, ROOT, Server, gunicorn

pytestmark = pytest.mark.server

UID = int(re.search(r"--uid\s+(\d+)", (ROOT / "Dockerfile").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
SETTINGS = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "configmap.yaml").read_text(encoding="utf-8"))["data"]
AS_THE_IMAGE_USER = ["setpriv", f"--reuid={UID}", f"--regid={UID}", "--clear-groups"]


def why_not_here() -> str | None:
    if os.geteuid() != 0:
        return "needs root to set up a mount namespace"
    if not (shutil.which("unshare") and shutil.which("setpriv")):
        return "needs util-linux's unshare and setpriv"
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        return "mount namespaces are not allowed here"
    probe = [*AS_THE_IMAGE_USER, str(Path(GUNICORN).parent / "python"), "-c", "import service.app"]
    if subprocess.run(probe, cwd=ROOT, capture_output=True).returncode != 0:
        return f"the checkout or the virtualenv is not readable by uid {UID}"
    return None


@pytest.fixture(scope="module")
def read_only_server() -> Iterator[Server]:
    reason = why_not_here()
    if reason:
        pytest.skip(reason)
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": "/nonexistent",  # the image's user has no home
        "PYTHONDONTWRITEBYTECODE": "1",
        **SETTINGS,
    }

    def in_a_read_only_root(command: list[str]) -> list[str]:
        checkout = shlex.quote(str(ROOT))
        # A checkout under /tmp (CI clones anywhere) would vanish under the tmpfs: park it at
        # /mnt first and bind it back, read-only like the rest, once the tmpfs is there.
        is_under_tmp = Path("/tmp") in ROOT.parents
        script = " && ".join(
            [
                "mount --make-rprivate /",
                *([f"mount --bind {checkout} /mnt"] if is_under_tmp else []),
                "mount -o remount,bind,ro /",
                "mount -t tmpfs -o size=256m,mode=1777 tmpfs /tmp",
                *(
                    [f"mkdir -p {checkout}", f"mount --bind /mnt {checkout}", f"mount -o remount,bind,ro {checkout}"]
                    if is_under_tmp
                    else []
                ),
                f"exec {shlex.join([*AS_THE_IMAGE_USER, *command])}",
            ]
        )
        return ["unshare", "-m", "sh", "-c", script]

    workers = int(SETTINGS.get("WEB_CONCURRENCY", 2))
    with gunicorn(workers=workers, base_env=environment, launcher=in_a_read_only_root) as server:
        yield server


def post_file(url: str, name: str, body: bytes) -> int:
    return servers.post_file(url, name, body, timeout=60)[0]


def test_serves_with_a_read_only_root_as_the_images_user(read_only_server: Server) -> None:
    name = seed_names()[0]
    assert post_file(read_only_server.url, name, read_seed(name)) == 200


def test_large_uploads_spool_to_tmp(read_only_server: Server) -> None:
    # Werkzeug writes file parts over 500 KB to a temporary file: /tmp must be writable.
    body = read_seed(seed_names()[0]) * 100
    assert len(body) > 500 * 1024
    assert post_file(read_only_server.url, "long.txt", body) == 200


def test_metrics_from_every_worker_need_only_tmp(read_only_server: Server) -> None:
    # gunicorn.conf.py makes prometheus-client's multiprocess directory with tempfile, in /tmp.
    with urllib.request.urlopen(f"{read_only_server.url}/metrics", timeout=10) as response:
        assert response.status == 200
        assert b"# TYPE" in response.read()
