"""Chart colours and fonts, derived from the app's palette (light or dark).

No Qt here: the view builds a ChartStyle from the live QPalette and the widget's
font (see canvas.py), and `selftrust chart` builds the same one from the theme's
colours without a display. tests/ui/test_charts_style.py checks both agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from selftrust.base.palette import gold

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# The palette roles a chart needs, as ui/theme.py sets them (Base, Text,
# PlaceholderText, Mid, Highlight), for drawing without Qt.
THEME_COLORS: dict[bool, dict[str, str]] = {
    False: {"base": "#ffffff", "text": "#23262b", "placeholder": "#8a8f98",
            "mid": "#c9c4b9", "accent": "#3f8f6b"},
    True: {"base": "#26292e", "text": "#e6e4df", "placeholder": "#8c9099",
           "mid": "#4a4e56", "accent": "#6cc49a"},
}

FONT_FAMILY = ["DejaVu Sans", "sans-serif"]
"""Ships with matplotlib, so charts look the same with or without the desktop's fonts."""


def blend(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from a to b (both #rrggbb)."""
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in mixed)


@dataclass(frozen=True, slots=True)
class ChartStyle:
    dark: bool
    background: str
    text: str
    muted: str  # tick labels, secondary text
    grid: str
    spine: str
    accent: str
    second: str  # the second series of a chart (overall strength)
    gold: str
    gold_edge: str
    missed: str  # a calm colour for "not kept": never alarm red
    empty: str  # a day with nothing owed
    font_size: float = 10.0  # points
    dpi: float = 100.0

    @classmethod
    def make(
        cls,
        dark: bool,
        base: str,
        text: str,
        placeholder: str,
        mid: str,
        accent: str,
        font_size: float = 10.0,
        dpi: float = 100.0,
    ) -> ChartStyle:
        g = gold()
        return cls(
            dark=dark,
            background=base,
            text=text,
            muted=blend(text, placeholder, 0.55),
            grid=blend(base, mid, 0.45),
            spine=mid,
            accent=accent,
            second="#8fa8c8" if dark else "#5a7598",
            gold=g.hex,
            gold_edge=blend(g.hex, base, 0.35) if dark else g.edge,
            missed="#b9867d" if dark else "#cf9a8f",
            empty=blend(base, mid, 0.28),
            font_size=font_size,
            dpi=dpi,
        )

    @classmethod
    def for_theme(cls, dark: bool, font_size: float = 10.0, dpi: float = 100.0) -> ChartStyle:
        return cls.make(dark, **THEME_COLORS[dark], font_size=font_size, dpi=dpi)

    def sized(self, font_size: float, dpi: float) -> ChartStyle:
        return replace(self, font_size=font_size, dpi=dpi)

    def layout_pads(self) -> tuple[float, float]:
        """Inches of air between a chart's decorations and the figure's edges (w, h)."""
        return self.font_size / 72 * 1.6, self.font_size / 72 * 1.2

    def rc(self) -> dict[RcKeyType, Any]:
        """matplotlib rcParams for a calm chart: no box, light grid, readable type."""
        size = self.font_size
        return {
            "figure.facecolor": self.background,
            "figure.edgecolor": self.background,
            "savefig.facecolor": self.background,
            "savefig.edgecolor": self.background,
            "axes.facecolor": self.background,
            "axes.edgecolor": self.spine,
            "axes.labelcolor": self.muted,
            "axes.titlecolor": self.text,
            "axes.titlesize": size * 1.2,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.titlepad": size * 1.1,
            "axes.labelsize": size,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.axisbelow": True,
            "axes.grid": False,
            "grid.color": self.grid,
            "grid.linewidth": 0.8,
            "text.color": self.text,
            # Titles are the user's words: "Save $5 and $10" is text, not mathtext (and
            # "$\\frac{1}{$" must not stop the chart from drawing).
            "text.parse_math": False,
            "font.family": FONT_FAMILY,
            "font.size": size,
            "xtick.color": self.spine,
            "ytick.color": self.spine,
            "xtick.labelcolor": self.muted,
            "ytick.labelcolor": self.muted,
            "xtick.labelsize": size * 0.92,
            "ytick.labelsize": size * 0.92,
            "xtick.major.size": 3.5,
            "ytick.major.size": 0,
            "ytick.major.pad": 6,
            "legend.frameon": False,
            "legend.fontsize": size * 0.92,
            "legend.labelcolor": self.text,
            "lines.linewidth": 1.8,
            "lines.solid_capstyle": "round",
            "lines.solid_joinstyle": "round",
            "patch.linewidth": 0,
            "figure.constrained_layout.h_pad": self.layout_pads()[1],
            "figure.constrained_layout.w_pad": self.layout_pads()[0],
            "pdf.fonttype": 42,
            "svg.fonttype": "path",
            "path.simplify": True,
        }
