"""One typed settings object, read from the environment in one place.

Every knob an operator may turn is here, with its default and the variable that sets it. Tests
build `Settings(...)` directly; `Settings.from_env()` is the only reader of `os.environ`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    max_body_bytes: int = 20 * MIB  # WENJI_MAX_BODY_BYTES: larger uploads get 413, unread
    log_level: str = "INFO"  # WENJI_LOG_LEVEL
    batch_max_files: int = 100  # WENJI_BATCH_MAX_FILES: more `file` parts in one batch get 413
    batch_max_bytes: int = 50 * MIB  # WENJI_BATCH_MAX_BYTES: a larger batch body gets 413, unread
    # A document's whole pipeline must finish within this many seconds or it gets a 422
    # `time-budget-exceeded` (see errors.py for why not 503); well under gunicorn's `timeout`,
    # so a costly document is answered instead of its worker being killed mid-request.
    time_budget_s: float = 10.0  # WENJI_TIME_BUDGET_S; 0 turns the budget off
    # A request that waited longer than this in the listen backlog before a worker took it is
    # answered 503 with Retry-After at once: under overload clients get a clear, fast signal.
    max_queue_wait_s: float = 2.0  # WENJI_MAX_QUEUE_WAIT_S; 0 turns shedding off
    retry_after_s: int = 2  # WENJI_RETRY_AFTER_S: the Retry-After of every 503
    # Bearer API keys, off when both are empty: comma-separated keys, or a file of one key a line.
    api_keys: str = field(default="", repr=False)  # WENJI_API_KEYS; repr=False: never in a log line
    api_keys_file: str = ""  # WENJI_API_KEYS_FILE
    # Paths that need no key: probes and metrics (exact, or everything under a path ending in /).
    open_paths: str = "/healthz,/readyz,/metrics"  # WENJI_OPEN_PATHS
    # Browser origins allowed to call the API; empty means CORS stays off (no CORS headers).
    cors_origins: str = ""  # WENJI_CORS_ORIGINS, comma-separated, or *
    testing: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for setting in fields(cls):
            raw = environ.get(f"WENJI_{setting.name.upper()}")
            if raw is None:
                continue
            values[setting.name] = _parse(raw, setting.type, setting.name)
        return cls(**values)  # type: ignore[arg-type]


def _parse(raw: str, kind: object, name: str) -> object:
    kind = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return raw.strip().lower() in {"1", "true", "yes", "on"}
    except ValueError as error:
        raise ValueError(f"WENJI_{name.upper()}={raw!r} is not a valid {kind}") from error
    return raw
