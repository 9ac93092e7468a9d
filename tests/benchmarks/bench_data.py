"""Demo data for the benchmarks, made once and cached in ``.bench-data/``.

The size comes from ``SELFTRUST_BENCH_SIZE`` ("20x10": 20 commitments × 10 years, the
size DESIGN.md's budgets are set for; `make bench` also runs "20x1", "20x20" and the
"100x20" stress size). Each size is generated once into ``.bench-data/demo-…/data``
(keyed by commitments, years, seed and a fingerprint of the generator and the schema,
so a changed generator never serves stale data) and every benchmark gets its own copy,
since opening a data folder writes to it (the daily backup, the -wal).

(A module of its own, not conftest.py: tests import it by name, which a conftest
cannot promise under pytest's prepend import mode.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

import selftrust

BENCH_NOW = "2026-11-24T12:00:00"
MAIN_SIZE = (20, 10)
SEED = 2026
SIZE_VAR = "SELFTRUST_BENCH_SIZE"
CACHE_VAR = "SELFTRUST_BENCH_DATA"
REPO = Path(__file__).resolve().parents[2]


def bench_size() -> tuple[int, int]:
    """(commitments, years) for this run: SELFTRUST_BENCH_SIZE as CxY, else 20x10."""
    raw = os.environ.get(SIZE_VAR, "").strip().lower()
    if not raw:
        return MAIN_SIZE
    try:
        commitments, years = (int(x) for x in raw.split("x"))
    except ValueError:
        raise pytest.UsageError(f"{SIZE_VAR}={raw!r}: use COMMITMENTSxYEARS, e.g. 20x10") from None
    return commitments, years


def size_label(size: tuple[int, int] | None = None) -> str:
    commitments, years = size or bench_size()
    return f"{commitments}x{years}"


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_VAR) or REPO / ".bench-data")


def _fingerprint() -> str:
    """Changes whenever the demo generator or the schema does."""
    from selftrust.services import demo
    from selftrust.store.migrate import head_revision

    digest = hashlib.sha256(Path(demo.__file__).read_bytes())
    digest.update(head_revision().encode())
    digest.update(selftrust.__version__.encode())
    return digest.hexdigest()[:10]


def demo_folder(commitments: int, years: float, seed: int = SEED) -> Path:
    """The cached, pristine data folder of this size (made now if missing). Read only:
    take a ``demo_copy`` to open it."""
    from selftrust.services.clock import FixedClock
    from selftrust.services.demo import generate
    from selftrust.services.workspace import open_workspace

    name = f"demo-c{commitments}-y{years:g}-s{seed}-{_fingerprint()}"
    final = cache_root() / name
    if (final / "data" / "selftrust.db").exists():
        return final / "data"
    cache_root().mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=cache_root()))
    try:
        ws = open_workspace(building / "data",
                            FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone()))
        try:
            generate(ws, years=years, commitments=commitments, seed=seed)
        finally:
            ws.close()
        try:
            building.rename(final)  # another run may have finished first: keep theirs
        except OSError:
            if not (final / "data" / "selftrust.db").exists():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return final / "data"


def demo_copy(tmp_path_factory: pytest.TempPathFactory, size: tuple[int, int] | None = None,
              seed: int = SEED) -> Path:
    """A private copy of the cached demo folder of this run's size (or ``size``)."""
    commitments, years = size or bench_size()
    source = demo_folder(commitments, years, seed)
    target = tmp_path_factory.mktemp(f"bench-{commitments}x{years}") / "data"
    shutil.copytree(source, target)
    return target
