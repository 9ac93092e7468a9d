"""`selftrust chart`: every chart into a file, without a window and without Qt."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from selftrust.ui.charts.catalog import NAMES
from tests.e2e.helpers import SRC, Run, cli_env, copy_of, empty_data, make_runner

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of demo data, made once for the module; each test gets a copy."""
    data = tmp_path_factory.mktemp("chart-demo") / "data"
    make_runner(data)("demo", "--years", "1", "--commitments", "5")
    return data


@pytest.fixture
def demo(demo_data: Path, tmp_path: Path) -> Run:
    return copy_of(demo_data, tmp_path / "data")


def test_every_chart_in_every_format(demo: Run, tmp_path: Path) -> None:
    for n, name in enumerate(NAMES):
        ext = ("png", "svg", "pdf")[n % 3]
        out = tmp_path / f"{name}.{ext}"
        result = demo("chart", name, "--out", str(out), "--range", ("4w", "1y", "all")[n % 3])
        assert result.stdout.strip() == f"Wrote {out}"
        data = out.read_bytes()
        if ext == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
        elif ext == "svg":
            assert ET.fromstring(data).tag.endswith("svg")
        else:
            assert data.startswith(b"%PDF")


def test_png_size_and_dark_theme(demo: Run, tmp_path: Path) -> None:
    out = tmp_path / "g.png"
    demo("chart", "growth", "--out", str(out), "--theme", "dark", "--size", "800x500",
         "--range", "2026-06-01:2026-09-30")
    width, height = struct.unpack(">II", out.read_bytes()[16:24])
    assert (width, height) == (800, 500)


def test_one_commitment(demo: Run, tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    demo("chart", "calendar", "--out", str(out), "--commitment", "Walk 20 minutes")
    assert "Calendar: Walk 20 minutes" in out.read_text()  # the title, kept as a comment
    bad = demo("chart", "calendar", "--out", str(out), "--commitment", "Nope", ok=False)
    assert bad.returncode == 2 and "Nope" in bad.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("chart", "pie", "--out", "x.png"), "invalid choice"),
        (("chart", "growth", "--out", "x.gif"), ".png, .svg or .pdf"),
        (("chart", "growth", "--out", "x.png", "--range", "2w"), "not a range"),
        (("chart", "growth", "--out", "x.png", "--range", "2026-05-01:2026-01-01"),
         "comes after"),
        (("chart", "growth", "--out", "x.png", "--size", "big"), "WxH"),
    ],
)
def test_bad_input_is_one_clear_line(run: Run, tmp_path: Path, args: tuple[str, ...],
                                     words: str) -> None:
    empty_data(tmp_path / "data")
    result = run(*args, ok=False)
    assert result.returncode == 2
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_an_empty_folder_draws_a_kind_message(run: Run, tmp_path: Path) -> None:
    empty_data(tmp_path / "data")
    out = tmp_path / "empty.png"
    run("chart", "streaks", "--out", str(out))
    assert out.stat().st_size > 1000


def test_rendering_needs_no_qt(demo: Run, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from selftrust.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'data')!r}, 'chart', 'strength',"
        f" '--out', {str(tmp_path / 's.png')!r}])\n"
        "assert code == 0\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not qt, qt\n"
        "print('no Qt')\n"
    )
    env = cli_env()
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=120, cwd=os.fspath(SRC))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "no Qt"


def test_a_screenshot_prints_what_it_wrote_and_no_platform_noise(
        demo: Run, process: Run, tmp_path: Path) -> None:
    """The offscreen platform warns about size hints for every window; a person running
    `selftrust screenshot` should see only what was written (or a real problem). Qt writes
    its warnings to the process's stderr itself, so only a real process shows them."""
    out = tmp_path / "today.png"
    result = process("screenshot", "--view", "today", "--out", str(out), "--size", "800x600")
    assert result.stdout.strip() == f"Wrote {out}"
    assert "propagateSizeHints" not in result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
