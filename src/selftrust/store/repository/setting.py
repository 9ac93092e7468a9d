"""Settings: one JSON value per key."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.store.repository.handles import SETTING


def get_settings(conn: Connection) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, raw in conn.execute(sa.select(SETTING.c.key, SETTING.c.value)):
        try:
            out[key] = json.loads(raw)
        except ValueError:
            continue  # a hand-edited value we cannot read falls back to the default
    return out


def put_setting(conn: Connection, key: str, value: Any) -> None:
    raw = json.dumps(value)
    updated = conn.execute(sa.update(SETTING).where(SETTING.c.key == key).values(value=raw))
    if updated.rowcount == 0:
        conn.execute(sa.insert(SETTING).values(key=key, value=raw))
