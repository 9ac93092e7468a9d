"""What the Today benchmarks share (a module name of its own: tests import it directly,
which a conftest.py cannot promise under prepend import mode)."""

from __future__ import annotations

import pytest

BENCH_NOW = "2026-11-24T12:00:00"


def benchmarks_enabled(config: pytest.Config) -> bool:
    """As pytest-benchmark decides: --benchmark-enable wins over the default disable."""
    if config.getoption("benchmark_enable", default=False):
        return True
    return not config.getoption("benchmark_disable", default=True)
