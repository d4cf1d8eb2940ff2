"""gunicorn settings for wenji, each with the reason for its value.

`make run`, the Dockerfile and the tests that start a real server all use this file, so what
is measured is what is shipped. Environment variables override where an operator needs to.
"""

import gc
import glob
import os
import shutil
import sys
import tempfile

# Where to listen: loopback by default so a newcomer's `make run` is not open to the network;
# the container sets HOST=0.0.0.0.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# The work is CPU-bound (parsing, segmentation) and takes milliseconds, so sync workers, one
# per core, keep every core busy without the GIL contention threads would bring.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = "sync"

# Load the app, and with it the dictionaries, once in the master before forking: the workers
# share those pages copy-on-write, start in milliseconds and are ready as soon as they fork.
preload_app = True

# A request that takes this long is stuck, not slow (an article takes milliseconds; the
# pipeline's own time budget answers long before this). Then the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM, let in-flight requests finish before workers are stopped.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# Keep-alive for clients and balancers that reuse connections; short, as sync workers hold
# the connection while they wait.
keepalive = 2

# Recycle workers now and then so any slow growth in memory cannot build up; the jitter keeps
# them from restarting all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500

# The listen backlog: gunicorn's default. Measured (bench/loadtest.py), a full backlog gives
# clients no signal, only latency; the app sheds a request that queued longer than
# WENJI_MAX_QUEUE_WAIT_S with 503 + Retry-After (service/overload.py), well before this fills.
backlog = 2048

# Workers' heartbeat files: in memory, not on a disk that may be slow or, in the container, a
# read-only root file system (Docker mounts /dev/shm as tmpfs).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Bounds on the request line and headers: an upload's size is in its body, so these stay at
# gunicorn's defaults, which already refuse over-long lines and header floods.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Logs go to stderr, where a container runtime collects them.
errorlog = "-"
loglevel = os.environ.get("WENJI_LOG_LEVEL", "info").lower()

# gunicorn 25+ opens a control socket at $HOME/.gunicorn/gunicorn.ctl by default: one path for
# every instance on the host (replicas and test servers would take it from each other), and a
# write into a root file system that is read-only in the container. Nothing here uses it.
control_socket_disable = True

# Prometheus metrics from every worker, not just the one that answers the scrape: each worker
# keeps its values in files under PROMETHEUS_MULTIPROC_DIR and /metrics adds them all up. The
# variable must be set before the app (and prometheus-client) is loaded, which is why it is set
# here. We make a fresh directory per start, so no stale counts from an earlier run are added
# in, and remove it on exit; an operator's own directory is emptied at start instead. A reload
# (SIGHUP) reads this file again and keeps the directory: the counts of live workers stay.
_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"
_OWNS_METRICS_DIR = "WENJI_OWNS_METRICS_DIR"  # set by us, so a reload knows whose directory it is
if not os.environ.get(_OWNS_METRICS_DIR):
    if os.environ.get(_METRICS_DIR):
        for _stale in glob.glob(os.path.join(os.environ[_METRICS_DIR], "*.db")):
            os.remove(_stale)
    else:
        try:
            os.environ[_METRICS_DIR] = tempfile.mkdtemp(prefix="wenji-metrics-")
            os.environ[_OWNS_METRICS_DIR] = "1"
        except OSError as error:  # no writable temp dir: each worker then reports only its own counts
            print(f"wenji: no directory for multiprocess metrics ({error}); set {_METRICS_DIR}", file=sys.stderr)


def child_exit(server, worker):
    # A dead worker's counters stay (they happened); its live gauges are dropped.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    owned = os.environ.get(_METRICS_DIR, "") if os.environ.get(_OWNS_METRICS_DIR) else ""
    if os.path.basename(owned).startswith("wenji-metrics-"):  # only ever the directory we made
        shutil.rmtree(owned, ignore_errors=True)


# Garbage collection in the workers, measured with `make bench` (see bench/run.py):
# - gc.freeze() in the master right before each fork moves everything preloaded (the app, the
#   dictionaries' Python side) into the permanent generation. Workers' collections then neither
#   scan those objects nor write to their headers, so the pages stay shared, and the full
#   collections that scanned them (~20 ms every ~50 requests) are gone.
# - A larger first threshold in the workers: a request allocates tens of thousands of short-lived
#   objects (a token each), so the default 700 ran several collections per request, each promoting
#   the live tokens; on a 1 MB upload those collections grew with the text.
def pre_fork(server, worker):  # type: ignore[no-untyped-def]
    gc.collect()
    gc.freeze()


def post_fork(server, worker):  # type: ignore[no-untyped-def]
    gc.set_threshold(10_000, 50, 100)
