"""Start a real gunicorn, with the shipped gunicorn.conf.py, on a free loopback port.

The helper lives in bench/servers.py, where the benchmark uses it too; tests import it from here.
"""

from bench.servers import APP, GUNICORN, ROOT, Server, free_port, gunicorn, wait_ready

__all__ = ["APP", "GUNICORN", "ROOT", "Server", "free_port", "gunicorn", "wait_ready"]
