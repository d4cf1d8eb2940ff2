"""Load shedding: a request that queued too long is answered 503 at once, not worked on.

With sync workers, a request that finds every worker busy waits in the kernel's listen backlog
(gunicorn's `backlog`, 2048). Measured with `make loadtest` (see bench/loadtest.py): offered
more than the workers can do, clients got no signal at all; latency grew with the queue until
their own timeouts fired, and every request that was finally served had waited for nothing.

So each request asks the kernel how long its bytes sat unread: `tcpi_last_data_recv` of
TCP_INFO on the accepted socket is the milliseconds since data last arrived, which for a request
that came in whole is its time in the backlog (behind nginx, whose buffered request arrives in
one go, it is the same). Over `WENJI_MAX_QUEUE_WAIT_S` the request gets 503 `overloaded` with
`Retry-After`, in well under a millisecond, so the backlog drains and clients back off.
A body still trickling in has recent data, so a slow upload is never mistaken for a queued one.

Linux only; elsewhere, or under a server that gives no socket (the test client), nothing is shed.
"""

from __future__ import annotations

import socket
import struct
from functools import partial

from flask import Flask, request

from service.errors import Overloaded

# struct tcp_info (linux/tcp.h): 8 one-byte fields, then u32s: rto, ato, snd_mss, rcv_mss,
# unacked, sacked, lost, retrans, fackets, last_data_sent, last_ack_sent, last_data_recv, ...
_LAST_DATA_RECV = struct.Struct("=I")
_LAST_DATA_RECV_OFFSET = 8 + 11 * 4
_TCP_INFO = getattr(socket, "TCP_INFO", None)


def queued_seconds(sock: object) -> float | None:
    """How long ago the request's last bytes arrived; None where the kernel cannot say."""
    if _TCP_INFO is None or not isinstance(sock, socket.socket) or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return None
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, _TCP_INFO, 104)
    except OSError:
        return None
    if len(info) < _LAST_DATA_RECV_OFFSET + 4:
        return None
    (milliseconds,) = _LAST_DATA_RECV.unpack_from(info, _LAST_DATA_RECV_OFFSET)
    return milliseconds / 1000


def _shed_if_queued_too_long(limit: float) -> None:
    waited = queued_seconds(request.environ.get("gunicorn.socket"))
    if waited is not None and waited > limit:
        raise Overloaded(
            f"The request waited {waited:.1f} s for a worker; the service is over capacity. Retry later.",
        )


def init_app(app: Flask) -> None:
    limit = app.config["SETTINGS"].max_queue_wait_s
    if limit > 0:  # 0 turns shedding off: then no request pays for the check
        app.before_request(partial(_shed_if_queued_too_long, limit))
