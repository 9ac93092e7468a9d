"""Framed, append-only records: how a device's log survives cuts, copies and bit rot.

A frame is ``MAGIC | version (1 byte) | length (4 bytes, big-endian) | payload | check``
where ``check`` is a 16-byte BLAKE2b of version, length and payload. A writer appends whole
frames and fsyncs; a file-sync tool may still hand a reader a file cut anywhere, or (rarely)
a damaged one.

The reading rule, and why:

- A frame that is short (the file ends inside it) ends the read quietly: the rest of the
  file is on its way. The offset returned is the frame's start, so the next pass reads it
  again whole.
- A frame that does not verify (bad magic, absurd length, wrong check) is *ambiguous*:
  a tool that writes a file in place may have left zeros or old bytes where the rest is
  still coming. Such a frame is skipped (and reported) only when a later frame in the same
  file verifies: bytes after it were written, so its own bytes are final and damaged.
  Without a later valid frame the read stops before it, exactly like a short one, and it
  is read again next pass. (A damaged length that makes a frame look short is treated the
  same way: a valid frame after it proves the damage.) A skipped frame's changes are not
  lost for good: the writer's next compaction rewrites all of its state into a new
  generation, which readers read from the start.
- A frame of a newer format version ends the read (``newer`` says which): this device
  cannot understand it, and must not skip past it as if it had.

Reading never raises for any content of the file.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = b"\xa5STf"
FORMAT = 1
_HEADER = struct.Struct(">4sBI")  # magic, version, payload length
CHECK_SIZE = 16
OVERHEAD = _HEADER.size + CHECK_SIZE
MAX_PAYLOAD = 256 * 1024 * 1024  # larger than any snapshot; a length beyond it is damage


def _check(version: int, length: int, payload: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=CHECK_SIZE)
    digest.update(struct.pack(">BI", version, length))
    digest.update(payload)
    return digest.digest()


def frame(payload: bytes, version: int = FORMAT) -> bytes:
    """One whole frame holding ``payload``."""
    return (
        _HEADER.pack(MAGIC, version, len(payload))
        + payload
        + _check(version, len(payload), payload)
    )


@dataclass
class ReadResult:
    """Whole valid payloads from ``start``; ``end`` is where the next read begins."""

    payloads: list[bytes] = field(default_factory=list)
    end: int = 0
    corrupt: list[tuple[int, int]] = field(default_factory=list)  # skipped byte ranges
    newer: int | None = None  # the format version that stopped the read, if any


def _frame_at(data: bytes, pos: int) -> tuple[str, int, int, bytes]:
    """("ok"|"short"|"bad", version, end, payload) for the frame starting at ``pos``."""
    if len(data) - pos < _HEADER.size:
        return ("short" if MAGIC.startswith(data[pos : pos + 4]) else "bad", 0, pos, b"")
    magic, version, length = _HEADER.unpack_from(data, pos)
    if magic != MAGIC or length > MAX_PAYLOAD:
        return ("bad", 0, pos, b"")
    end = pos + _HEADER.size + length + CHECK_SIZE
    if end > len(data):
        return ("short", version, pos, b"")
    payload = data[pos + _HEADER.size : pos + _HEADER.size + length]
    if data[end - CHECK_SIZE : end] != _check(version, length, payload):
        return ("bad", version, pos, b"")
    return ("ok", version, end, payload)


def _next_valid(data: bytes, after: int) -> int | None:
    """The start of the first verifying frame after ``after``, if any."""
    pos = data.find(MAGIC, after + 1)
    while pos != -1:
        if _frame_at(data, pos)[0] == "ok":
            return pos
        pos = data.find(MAGIC, pos + 1)
    return None


def read_frames(data: bytes, start: int = 0, base: int = 0) -> ReadResult:
    """Read ``data`` (a file's bytes from file offset ``base``) from file offset ``start``.

    Offsets in the result are file offsets, so a caller may pass just the file's tail.
    """
    result = ReadResult(end=start)
    pos = start - base
    while pos < len(data):
        status, version, end, payload = _frame_at(data, pos)
        if status == "ok" and version > FORMAT:
            result.newer = version
            break
        if status == "ok":
            result.payloads.append(payload)
            pos = end
            result.end = base + pos
            continue
        later = _next_valid(data, pos)
        if later is None:
            break
        result.corrupt.append((base + pos, base + later))
        pos = later
        result.end = base + pos
    return result


def read_log(path: Path, start: int = 0) -> ReadResult:
    """Read the log at ``path`` from ``start``; a missing or unreadable file reads as empty."""
    try:
        with open(path, "rb") as log:
            log.seek(start)
            data = log.read()
    except OSError:
        return ReadResult(end=start)
    return read_frames(data, start, base=start)


def append_frames(path: Path, payloads: Sequence[bytes], keep: int | None = None) -> int:
    """Append whole frames to ``path`` and push them to the disk; returns the new size.

    ``keep``: the length of the file's valid prefix, known to the writer (it is the only
    writer). Bytes past it are its own write cut short by a crash, and are cut off first so
    readers never see damage followed by valid frames.
    """
    blob = b"".join(frame(p) for p in payloads)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        size = os.fstat(fd).st_size
        if keep is not None and keep < size:
            os.ftruncate(fd, keep)
            size = keep
        os.lseek(fd, size, os.SEEK_SET)
        written = 0
        while written < len(blob):
            written += os.write(fd, blob[written:])
        os.fsync(fd)
    finally:
        os.close(fd)
    return size + len(blob)
