"""The figures of a reliability run as one Markdown table (for docs/reliability.md).

    python tests/reliability/rel_summary.py FIGURES.jsonl [--write docs/reliability.md]

FIGURES.jsonl is what the tests recorded (rel_figures.py) during a run with
SELFTRUST_RELIABILITY_FIGURES set, as `make reliability` does. With --write the table
replaces the part of the document between ``<!-- reliability:begin -->`` and
``<!-- reliability:end -->``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"


def load(path: Path) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[record.pop("test")].append(record)
    return found


def summary(records: dict[str, list[dict[str, Any]]], level: str) -> str:
    lines = [BEGIN, "", f"Run: {level}, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
             f"Python {platform.python_version()} on {platform.platform()}.", ""]
    kills = {k[len("kill "):]: v[-1] for k, v in records.items()
             if k.startswith("kill ") and not k.startswith("kill points")}
    if kills:
        lines += ["| Killed with SIGKILL during | Kills | …after the change reached the file "
                  "| Runs that finished | Checks of the file | Lost | Time |",
                  "|---|---|---|---|---|---|---|"]
        total = after = checks = 0
        for kind, r in kills.items():
            total += r["kills"]
            after += r["after_commit"]
            checks += r["checks"]
            lines.append(f"| {kind} | {r['kills']:,} | {r['after_commit']:,} "
                         f"| {r['completed']:,} | {r['checks']:,} | 0 | {r['seconds']:.0f} s |")
        lines.append(f"| **all** | **{total:,}** | {after:,} | | {checks:,} | **0** | |")
        lines.append("")
    points = {k: v[-1] for k, v in records.items() if k.startswith("kill points")}
    for name, r in points.items():
        lines.append(f"- {name}: killed at each of its {r['steps']} file-system steps; "
                     "the data came back whole every time.")
    machine = records.get("user-action sequences")
    if machine:
        r = machine[-1]
        lines.append(f"- Hypothesis state machine: {r.get('sequences', 0):,} sequences, "
                     f"{r.get('steps saved', 0):,} saved steps ({r.get('check-ins', 0):,} "
                     f"check-ins, {r.get('reflections written', 0):,} reflections, "
                     f"{r.get('undos', 0):,} undos, {r.get('redos', 0):,} redos, "
                     f"{r.get('imports', 0):,} imports); the file matched the model after "
                     "every step.")
    for name in ("nasty text: services", "nasty text: command line", "nasty text: views",
                 "nasty text: export and import"):
        for r in records.get(name, [])[-1:]:
            detail = ", ".join(f"{k} {v:,}" for k, v in r.items())
            lines.append(f"- {name}: {detail}.")
    lines += ["", END]
    return "\n".join(lines)


def write_into(doc: Path, text: str) -> None:
    old = doc.read_text(encoding="utf-8") if doc.exists() else "# Reliability\n"
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + text + rest.split(END, 1)[1]
    else:
        new = old.rstrip() + "\n\n" + text + "\n"
    doc.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", type=Path)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--level", default="full")
    args = parser.parse_args()
    if not args.figures.exists():
        print(f"no figures at {args.figures}", file=sys.stderr)
        return 1
    text = summary(load(args.figures), args.level)
    print(text)
    if args.write:
        write_into(args.write, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
