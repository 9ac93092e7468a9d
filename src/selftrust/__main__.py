"""Allows ``python -m selftrust`` (used by tests and benchmarks for a clean process)."""

from selftrust.cli import main

raise SystemExit(main())
