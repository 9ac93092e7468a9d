"""The marble jar view: the drawn jar, and beside it the count in plain words.

Every kept promise adds a marble, a miss knocks marbles out, a reflection puts them
back and a marble turns gold. The view follows every change (through the change signal)
and animates it unless the user prefers reduced motion. What it says is in jar_words.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.jar_picture import JarPicture, jar_picture
from selftrust.ui.jar import jar_shape
from selftrust.ui.jar.jar_canvas import JarCanvas
from selftrust.ui.jar.jar_words import WAITING, gold_words, note_words
from selftrust.ui.look.icons import icon
from selftrust.ui.look.theme import GOLD, accent
from selftrust.ui.reflections.plain_label import plain_label
from selftrust.ui.shell.context import UiContext

LEGEND_ROWS = 6


def _dot(color: str, size: int) -> QPixmap:
    ratio = 2.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap


def week_words(change: int) -> str:
    """"+3 this week", "−2 this week": the marbles the jar gained or lost since the
    week began."""
    if change > 0:
        # TRANSLATORS: beside the jar: marbles gained since the week began.
        return ngettext("+{n} this week", "+{n} this week", change).format(
            n=formats.number(change))
    if change < 0:
        # TRANSLATORS: beside the jar: marbles lost since the week began (a minus sign).
        return ngettext("−{n} this week", "−{n} this week", -change).format(
            n=formats.number(-change))
    return _("No change yet this week")


def count_words(marbles: int) -> str:
    """The words under the jar's big number."""
    # TRANSLATORS: under the big number beside the jar (the number is shown above).
    return ngettext("marble in your jar", "marbles in your jar", marbles)


class _Scrolling(QScrollArea):
    """Scrolls up and down only: at least as wide as what it holds needs (up to that
    one's widest), as a layout without it would give, and any height."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        held = self.widget()
        if held is not None:
            needed = min(held.minimumSizeHint().width(), held.maximumWidth())
            hint.setWidth(max(hint.width(), needed + self._bar()))
        return hint

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def hold(self, panel: QWidget) -> None:
        """Hold ``panel``: this is as wide as it may be, plus room for the scroll bar."""
        self.setMaximumWidth(panel.maximumWidth() + self._bar())
        self.setWidget(panel)


class JarView(QWidget):
    painted_with_data = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.picture: JarPicture | None = None
        self._stale = True
        em = QFontMetrics(self.font()).height()
        row = QHBoxLayout(self)
        row.setContentsMargins(em, em, em * 3 // 2, em)
        row.setSpacing(em * 2)
        self.canvas = JarCanvas(self)
        self.canvas.setAccessibleName(_("Your marble jar"))
        row.addWidget(self.canvas, 3)
        row.addWidget(self._scrolling(self._panel()), 2)
        ctx.bridge.changed.connect(self._changed)
        ctx.clockwork.day_changed.connect(self._changed)
        self.refresh(animate=False)

    def _scrolling(self, panel: QWidget) -> QScrollArea:
        """The words beside the jar, scrolling when a small window leaves them too little
        height (longer languages wrap to more lines), rather than overlapping."""
        area = _Scrolling(self)
        self.panel_area = area
        area.setObjectName("jar-panel")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.hold(panel)
        return area

    def _panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setMaximumWidth(QFontMetrics(self.font()).averageCharWidth() * 52)
        col = QVBoxLayout(panel)
        col.setContentsMargins(0, 0, 0, 0)
        em = QFontMetrics(self.font()).height()
        col.setSpacing(em // 3)
        col.addStretch(2)
        self.count = plain_label("0", panel, bold=True, scale=3.2)
        self.count.setObjectName("jar-count")
        self.count_words = plain_label(count_words(0), panel, scale=1.15)
        self.week = plain_label("", panel, bold=True, scale=1.1)
        self.week.setObjectName("jar-week")
        self.gold_row = QWidget(panel)
        gold = QHBoxLayout(self.gold_row)
        gold.setContentsMargins(0, 0, 0, 0)
        gold_dot = QLabel(self.gold_row)
        gold_dot.setPixmap(_dot(GOLD, em))
        self.gold = plain_label("", self.gold_row)
        self.gold.setObjectName("jar-gold")
        gold.addWidget(gold_dot)
        gold.addWidget(self.gold, 1)
        for w in (self.count, self.count_words):
            col.addWidget(w)
        col.addSpacing(em // 2)
        col.addWidget(self.week)
        col.addWidget(self.gold_row)
        col.addSpacing(em)
        # TRANSLATORS: the heading over the list of commitments and their marbles.
        self.legend_title = plain_label(_("Whose marbles they are"), panel, muted=True)
        col.addWidget(self.legend_title)
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(em // 2)
        self.legend.setVerticalSpacing(em // 4)
        col.addLayout(self.legend)
        self.sample_note = plain_label("", panel, muted=True)
        self.sample_note.setObjectName("jar-sample-note")
        col.addWidget(self.sample_note)
        self.empty_note = plain_label(_(WAITING), panel, muted=True)
        self.empty_note.setObjectName("jar-empty-note")
        col.addWidget(self.empty_note)
        col.addSpacing(em)
        self.how = QPushButton(icon("help"), _("How is this counted?"), panel)
        self.how.setObjectName("jar-how")
        self.how.setToolTip(_("The rules in plain words, with your own figures"))
        self.how.clicked.connect(self.show_how)
        how_row = QHBoxLayout()
        how_row.addWidget(self.how)
        how_row.addStretch(1)
        col.addLayout(how_row)
        col.addStretch(3)
        for label in panel.findChildren(QLabel):
            if label.wordWrap():
                # Wrapped words are laid out at the panel's width: a label's widest word
                # must not make the layout think it has more room (and fewer lines)
                # than it is given; a word too long for the panel is cut, not overlapped.
                label.setMinimumWidth(1)
        return panel

    # --- data -----------------------------------------------------------------------------
    def activated(self) -> None:
        if self._stale:
            self.refresh(animate=False)

    def _changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, lambda: self.refresh(animate=True))

    def refresh(self, animate: bool = False) -> None:
        self._stale = False
        picture = jar_picture(self.ctx.ws)
        motion = animate and not self.ctx.prefs.reduced_motion
        self.canvas.set_picture(picture, motion)
        self.picture = picture
        self._fill_panel(picture)

    def _fill_panel(self, p: JarPicture) -> None:
        self.count.setText(formats.number(p.marbles))
        self.count_words.setText(count_words(p.marbles))
        self.week.setText(week_words(p.week_change))
        self.week.setVisible(p.marbles > 0 or p.week_change != 0)
        self._colour_week()
        self.gold.setText(gold_words(p))
        self.gold_row.setVisible(p.gold > 0)
        self._fill_legend(p)
        drawn = min(p.marbles, jar_shape.capacity())
        if p.marbles > drawn:
            per = p.marbles / drawn
            # TRANSLATORS: {drawn} marbles are drawn, each standing for about {per}.
            self.sample_note.setText(ngettext(
                "Your jar is full to the brim: it shows {drawn} marble, each standing "
                "for about {per}, in the same colours as the whole.",
                "Your jar is full to the brim: it shows {drawn} marbles, each standing "
                "for about {per}, in the same colours as the whole.", drawn).format(
                    drawn=formats.number(drawn), per=formats.decimal(per, 1)))
        self.sample_note.setVisible(p.marbles > drawn)
        note = note_words(p, self.ctx.ws.settings.jar_rules)
        self.empty_note.setText(note)
        self.empty_note.setVisible(bool(note))
        self.panel_area.updateGeometry()  # as wide as the new words need
        # TRANSLATORS: what a screen reader hears of the jar: "1,250 marbles, 3 of them
        # gold; +12 this week".
        self.canvas.setAccessibleDescription(ngettext(
            "{n} marble, {gold} of them gold; {week}", "{n} marbles, {gold} of them gold; {week}",
            p.marbles).format(n=formats.number(p.marbles), gold=formats.number(p.gold_in_jar),
                              week=week_words(p.week_change)))

    def _colour_week(self) -> None:
        """A rising week reads in the accent of the palette in use, so it is set again on
        every palette change: a colour fixed once stays the old theme's (pale mint on a
        light window after a switch from dark)."""
        rising = self.picture is not None and self.picture.week_change > 0
        palette = self.week.palette()
        role = QPalette.ColorRole.WindowText
        app = QGuiApplication.palette()  # the theme in force, even before it reaches us
        colour = accent(app) if rising else app.color(role)
        if palette.color(role) != colour:
            palette.setColor(role, colour)
            self.week.setPalette(palette)

    def theme_changed(self) -> None:
        """Called by the window after a theme switch."""
        self._colour_week()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colour_week()

    def _fill_legend(self, p: JarPicture) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        em = QFontMetrics(self.font()).height()
        shares = list(p.shares)
        shown = shares[:LEGEND_ROWS]
        for n, share in enumerate(shown):
            dot = QLabel()
            dot.setPixmap(_dot(share.color, int(em * 0.8)))
            title = plain_label(share.title, self)
            title.setWordWrap(False)
            count = plain_label(formats.number(share.marbles), self, muted=True)
            count.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            self.legend.addWidget(dot, n, 0)
            self.legend.addWidget(title, n, 1)
            self.legend.addWidget(count, n, 2)
        if len(shares) > LEGEND_ROWS:
            rest = sum(s.marbles for s in shares[LEGEND_ROWS:])
            others = len(shares) - LEGEND_ROWS
            # TRANSLATORS: the last line of the jar's list: {n} more commitments, and the
            # marbles they hold together.
            more = plain_label(ngettext("and {n} more: {marbles}", "and {n} more: {marbles}",
                                        others).format(n=formats.number(others),
                                                       marbles=formats.number(rest)),
                               self, muted=True)
            self.legend.addWidget(more, LEGEND_ROWS, 1, 1, 2)
        self.legend.setColumnStretch(1, 1)
        self.legend_title.setVisible(bool(shares))

    def show_how(self) -> None:
        from selftrust.ui.dialogs.help_dialog import show_help

        show_help(self.ctx, self, "how-counted")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted_with_data.emit()
