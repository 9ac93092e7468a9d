"""A device's log read while a file-sync tool is still copying it, or after bit rot: whole
records arrive, the rest waits for the next pass, and nothing raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from selftrust.sync.framing import OVERHEAD, append_frames, frame, read_frames, read_log

FAST = settings(max_examples=200, deadline=None)
payload_lists = st.lists(st.binary(max_size=80), max_size=8)


@FAST
@given(payloads=payload_lists, data=st.data())
def test_a_log_cut_at_any_byte_reads_as_a_prefix_of_its_records(
    payloads: list[bytes], data: st.DataObject
) -> None:
    log = b"".join(frame(p) for p in payloads)
    cut = data.draw(st.integers(0, len(log)))
    result = read_frames(log[:cut])
    assert result.payloads == payloads[: len(result.payloads)]
    whole = sum(len(p) + OVERHEAD for p in result.payloads)
    assert result.end == whole
    assert cut - whole < (len(payloads[len(result.payloads)]) + OVERHEAD
                          if len(result.payloads) < len(payloads) else 1)
    assert result.corrupt == []
    # The rest arrives: reading on from the returned offset gives the remaining records.
    rest = read_frames(log, result.end)
    assert result.payloads + rest.payloads == payloads


@FAST
@given(payloads=payload_lists, data=st.data())
def test_flipped_bytes_never_raise_and_never_invent_records(
    payloads: list[bytes], data: st.DataObject
) -> None:
    log = bytearray(b"".join(frame(p) for p in payloads))
    for _ in range(data.draw(st.integers(1, 4))):
        if log:
            at = data.draw(st.integers(0, len(log) - 1))
            log[at] ^= data.draw(st.integers(1, 255))
    result = read_frames(bytes(log))
    assert all(p in payloads for p in result.payloads)
    assert 0 <= result.end <= len(log)


def test_a_damaged_record_followed_by_a_valid_one_is_skipped_and_reported() -> None:
    first, second, third = frame(b"one"), frame(b"two"), frame(b"three")
    damaged = bytearray(second)
    damaged[-1] ^= 0xFF
    log = first + bytes(damaged) + third
    result = read_frames(log)
    assert result.payloads == [b"one", b"three"]
    assert result.corrupt == [(len(first), len(first) + len(second))]
    assert result.end == len(log)


def test_a_damaged_last_record_waits_for_the_next_pass() -> None:
    """It may be a copy in progress (zeros where the rest is still coming)."""
    first = frame(b"one")
    in_progress = frame(b"two")[:9] + bytes(len(frame(b"two")) - 9)
    result = read_frames(first + in_progress)
    assert result.payloads == [b"one"]
    assert result.end == len(first)
    assert result.corrupt == []


def test_a_newer_format_record_stops_the_read() -> None:
    log = frame(b"one") + frame(b"future", version=9) + frame(b"two")
    result = read_frames(log)
    assert result.payloads == [b"one"]
    assert result.newer == 9
    assert result.end == len(frame(b"one"))


def test_append_cuts_off_its_own_torn_write_before_adding(tmp_path: Path) -> None:
    log = tmp_path / "log-1.bin"
    size = append_frames(log, [b"one"])
    with open(log, "ab") as torn:
        torn.write(frame(b"half written")[:7])
    append_frames(log, [b"two"], keep=size)
    result = read_log(log)
    assert result.payloads == [b"one", b"two"]
    assert result.corrupt == []


def test_a_missing_log_reads_as_empty(tmp_path: Path) -> None:
    result = read_log(tmp_path / "nowhere.bin", 40)
    assert result.payloads == [] and result.end == 40
