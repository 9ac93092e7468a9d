"""The top of a commitment's details: the run now and the best, big and warm; strength;
and the counts of kept, not kept, repaired and skipped days."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _, npgettext, pgettext
from selftrust.services.calendar import StreakDetails
from selftrust.services.dashboard import schedule_hint
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.streaks.strength_ring import StrengthRing, percent
from selftrust.ui.streaks.words import caption, in_a_row, short_day, span, warm_line


def _label(text: str = "", *, scale: float = 1.0, bold: bool = False, muted: bool = False,
           wrap: bool = False) -> QLabel:
    """The header's labels do not wrap unless asked (a title stays on its line)."""
    return plain_label(text, None, scale=scale, bold=bold, muted=muted, wrap=wrap)


class Words(QLabel):
    """A tile's words: on one line where there is room, wrapped rather than widening the
    window where there is not (a narrow window, a language of longer words)."""

    def __init__(self, text: str = "", *, muted: bool = False) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if muted:
            self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        margins = self.contentsMargins()
        line = max((self.fontMetrics().horizontalAdvance(part)
                    for part in self.text().splitlines()), default=0)
        return QSize(max(hint.width(), line + margins.left() + margins.right() + 1),
                     hint.height())


class Tile(QFrame):
    """A calm card: a soft rounded background drawn from the palette."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = QFontMetricsF(self.font()).height() * 0.6
        p.setBrush(self.palette().color(QPalette.ColorRole.Base))
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.Midlight), 1))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        p.end()


class Dot(QWidget):
    """The commitment's colour beside its title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = QColor("#3F8F6B")
        side = round(QFontMetricsF(self.font()).height() * 0.9)
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        p.drawEllipse(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()


class DetailsHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StreakDetailsHeader")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)

        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.dot = Dot(self)
        self.title = _label(scale=1.45, bold=True)
        self.title.setObjectName("StreakTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        title_row.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.title, 1)
        outer.addLayout(title_row)
        self.schedule = _label(muted=True, wrap=True)  # a long schedule in a long language
        outer.addWidget(self.schedule)
        outer.addSpacing(4)

        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        self.current_tile, self.current_number, self.current_caption, _none = self._tile(
            _("Current streak"))
        self.current_name = self.current_tile.findChild(QLabel, "TileName")
        self.best_tile, self.best_number, self.best_caption, self.best_dates = self._tile(
            _("Longest run"), dates=True)
        self.strength_tile = Tile(self)
        strength = QHBoxLayout(self.strength_tile)
        self.ring = StrengthRing(self.strength_tile, scale=2.6, number=False)
        strength_words = QVBoxLayout()
        strength_words.addStretch(1)
        self.strength_value = _label(scale=1.25, bold=True)
        strength_words.addWidget(self.strength_value)
        # TRANSLATORS: under a percentage in the Streaks view ("57% / strength")
        strength_words.addWidget(_label(pgettext("caption under a percentage", "strength"),
                                        muted=True))
        strength_words.addStretch(1)
        strength.addWidget(self.ring)
        strength.addLayout(strength_words)
        self.strength_tile.setAccessibleName(_("Strength"))
        for tile in (self.current_tile, self.best_tile, self.strength_tile):
            tiles.addWidget(tile)
        tiles.addStretch(1)
        outer.addLayout(tiles)
        self._tiles = tiles

        self.warm = _label(wrap=True)
        self.warm.setObjectName("StreakWarmLine")
        outer.addWidget(self.warm)

        self.counts = QLabel()
        self.counts.setObjectName("StreakCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)  # our own numbers, no user text
        self.counts.setWordWrap(True)
        outer.addWidget(self.counts)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Narrower than three tiles is allowed: the strength tile then steps aside (the
        commitment's row shows its strength ring too), so at 800 px the list beside keeps
        room for whole titles."""
        hint = super().minimumSizeHint()
        two = (self.current_tile.minimumSizeHint().width() + self._tiles.spacing()
               + self.best_tile.minimumSizeHint().width())
        return QSize(min(hint.width(), two), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_tiles()

    def _fit_tiles(self) -> None:
        """Three tiles when they fit whole, else two (their sizes change with the text)."""
        need = sum(t.sizeHint().width() for t in
                   (self.current_tile, self.best_tile, self.strength_tile))
        self.strength_tile.setVisible(self.width() >= need + 3 * self._tiles.spacing())

    def _tile(self, name: str, *, dates: bool = False
              ) -> tuple[Tile, QLabel, QLabel, QLabel | None]:
        tile = Tile(self)
        tile.setAccessibleName(name)
        layout = QVBoxLayout(tile)
        line = QFontMetricsF(self.font()).height()
        layout.setContentsMargins(round(line * 0.8), round(line * 0.45), round(line * 0.9),
                                  round(line * 0.5))
        layout.setSpacing(0)
        name_label = Words(name, muted=True)
        name_label.setObjectName("TileName")
        layout.addWidget(name_label)
        row = QHBoxLayout()
        row.setSpacing(round(line * 0.35))
        number = _label(scale=2.3, bold=True)
        caption = Words()
        row.addWidget(number, 0, Qt.AlignmentFlag.AlignBaseline)
        row.addWidget(caption, 0, Qt.AlignmentFlag.AlignBaseline)
        row.addStretch(1)
        layout.addLayout(row)
        extra = None
        if dates:
            extra = Words(muted=True)
            layout.addWidget(extra)
        return tile, number, caption, extra

    def show_details(self, d: StreakDetails) -> None:
        c = d.commitment
        color = QColor(c.color)
        self.dot.color = color
        self.dot.update()
        self.title.setText(c.title)
        start = short_day(d.start)
        # TRANSLATORS: the schedule line of a commitment ("Every day · since 3 Mar 2026")
        since = (_("since {day}").format(day=start) if d.begun
                 else _("from {day}").format(day=start))  # a first day still to come
        if c.archived_on:
            # TRANSLATORS: {schedule} is "Every day"; {since} "since 3 Mar 2026"; {day}
            # the day it was archived
            line = _("{schedule} · {since} · archived {day}").format(
                schedule=schedule_hint(c), since=since, day=short_day(c.archived_on))
        else:
            line = _("{schedule} · {since}").format(schedule=schedule_hint(c), since=since)
        self.schedule.setText(line)
        s = d.summary
        current = s.current_streak if s else 0
        best = d.best
        self.current_number.setText(formats.number(current))
        tint = self.current_number.palette()
        tint.setColor(QPalette.ColorRole.WindowText, _readable(color, self.palette()))
        self.current_number.setPalette(tint)
        archived = c.archived_on is not None
        assert self.current_name is not None
        self.current_name.setText(_("Run when archived") if archived else _("Current streak"))
        running = bool(current) and not archived
        self.current_caption.setText(caption(current, d.unit, running=running))
        best_len = best.length if best else 0
        self.best_number.setText(formats.number(best_len))
        self.best_caption.setText(caption(best_len, d.unit))
        assert self.best_dates is not None
        self.best_dates.setText(span(best.start, best.end) if best
                                else pgettext("longest run", "Still to come"))
        # TRANSLATORS: read aloud: a tile's name ("Current streak") and its run
        self.current_tile.setAccessibleDescription(_("{name}: {run}").format(
            name=self.current_name.text(), run=in_a_row(current, d.unit)))
        if best:
            self.best_tile.setAccessibleDescription(
                _("Longest run: {run}, {span}").format(run=in_a_row(best_len, d.unit),
                                                       span=span(best.start, best.end)))
        else:
            self.best_tile.setAccessibleDescription(
                _("Longest run: {run}").format(run=in_a_row(best_len, d.unit)))
        strength = s.strength if s else 0.0
        self.ring.set_value(strength, c.color)
        self.strength_value.setText(percent(strength))
        self.strength_tile.setAccessibleDescription(
            _("Strength {percent}").format(percent=percent(strength)))
        self._fit_tiles()
        self.warm.setText(warm_line(d))
        self.counts.setText(counts_html(d, self.palette()))
        self.counts.setAccessibleName(counts_words(d))


def _count_parts(d: StreakDetails) -> list[tuple[int, str]]:
    """Each count with its words, the number as ``{n}`` ("{n} kept")."""
    counts = d.summary.counts if d.summary is not None else None
    if counts is None:
        return []
    # TRANSLATORS: the counts of a commitment's days ("633 kept · 57 not kept"); the
    # number is drawn bold
    parts = [
        (counts.kept, npgettext("days counted", "{n} kept", "{n} kept", counts.kept)),
        (counts.missed, npgettext("days counted", "{n} not kept", "{n} not kept",
                                  counts.missed)),
        (counts.repaired, npgettext("days counted", "{n} repaired", "{n} repaired",
                                    counts.repaired)),
        (counts.skipped, npgettext("days counted", "{n} skipped", "{n} skipped",
                                   counts.skipped)),
    ]
    if d.commitment.measurable and counts.partly:
        parts.insert(1, (counts.partly, npgettext("days counted", "{n} partly kept",
                                                  "{n} partly kept", counts.partly)))
    return parts


def nothing_counted() -> str:
    return _("Nothing counted yet")


def counts_words(d: StreakDetails) -> str:
    """633 kept, 57 not kept, 18 repaired, 22 skipped."""
    words = [text.format(n=formats.number(n)) for n, text in _count_parts(d)]
    return formats.join(words) if words else nothing_counted()


def counts_html(d: StreakDetails, palette: QPalette) -> str:
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    parts = []
    for n, text in _count_parts(d):
        number = f"<b>{html.escape(formats.number(n))}</b>"
        words = html.escape(text).replace(" ", "&nbsp;")
        # the words muted, the number bold: "{n}" marks where the number goes
        before, _sep, after = words.partition("{n}")
        piece = (f"<span style='color:{muted}'>{before}</span>" if before else "") + number \
            + (f"<span style='color:{muted}'>{after}</span>" if after else "")
        parts.append(piece)
    # a count never breaks inside, but the line may wrap after a dot (longer words)
    dot = f"<span style='color:{muted}'>&nbsp;&nbsp;·&nbsp; </span>"
    nothing = html.escape(nothing_counted())
    return dot.join(parts) or f"<span style='color:{muted}'>{nothing}</span>"


def _readable(color: QColor, palette: QPalette) -> QColor:
    """The commitment's colour for big text, nudged until it reads on the background."""
    bg = palette.color(QPalette.ColorRole.Window)
    out = QColor(color)
    for _step in range(6):
        if abs(out.lightnessF() - bg.lightnessF()) >= 0.35:
            break
        out = out.lighter(115) if bg.lightnessF() < 0.5 else out.darker(115)
    return out

