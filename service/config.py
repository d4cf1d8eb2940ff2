"""One typed settings object, read from the environment in one place.

Every knob an operator may turn is here, with its default and the variable that sets it. Tests
build `Settings(...)` directly; `Settings.from_env()` is the only reader of `os.environ`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    max_body_bytes: int = 20 * MIB  # WENJI_MAX_BODY_BYTES: larger uploads get 413, unread
    log_level: str = "INFO"  # WENJI_LOG_LEVEL
    batch_max_files: int = 100  # WENJI_BATCH_MAX_FILES: more `file` parts in one batch get 413
    batch_max_bytes: int = 50 * MIB  # WENJI_BATCH_MAX_BYTES: a larger batch body gets 413, unread
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
