"""The drawn glass jar and its marbles, with short, calm animations.

A kept promise drops a marble in (with a little bounce), an unrepaired miss sends the
top marbles tumbling out over the rim, a repair drops a gold one back. With reduced
motion (a preference) the jar simply shows the new state. The still jar is painted
once into a cached pixmap per size and state; only moving marbles are drawn per frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from selftrust.services.jar_picture import GOLD, JarPicture
from selftrust.ui.jar import jar_shape as shape
from selftrust.ui.look.theme import is_dark

MAX_MOVING = 12
FALLBACK = "#8A8F98"


def drawn_marbles(picture: JarPicture | None) -> list[int]:
    """The marbles to draw, bottom first: all of them, or an even sample of a big jar."""
    if picture is None or not picture.pile:
        return []
    pile = picture.pile
    room = shape.capacity()
    if len(pile) <= room:
        return list(pile)
    step = len(pile) / room
    return [pile[min(len(pile) - 1, int(i * step + step / 2))] for i in range(room)]


@dataclass
class Moving:
    cid: int
    start: QPointF
    end: QPointF
    radius: float
    delay: float
    out: bool


class JarCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JarCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 200))
        self.picture: JarPicture | None = None
        self.drawn: list[int] = []
        self.hidden_top = 0  # arriving marbles not yet in the still picture
        self.moving: list[Moving] = []
        self._cache: QPixmap | None = None
        self._progress = 1.0
        self.anim = QVariantAnimation(self)
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.valueChanged.connect(self._step)
        self.anim.finished.connect(self._settled)

    # --- state ----------------------------------------------------------------------------
    def set_picture(self, picture: JarPicture, animate: bool) -> None:
        old, old_drawn = self.picture, self.drawn
        self.anim.stop()
        self.picture = picture
        self.drawn = drawn_marbles(picture)
        self.moving = []
        self.hidden_top = 0
        if animate and old is not None:
            self._plan(old, old_drawn, picture)
        self._cache = None
        if self.moving:
            self.anim.setDuration(1100 if any(m.out for m in self.moving) else 900)
            self._progress = 0.0
            self.anim.start()
        self.update()

    def _plan(self, old: JarPicture, old_drawn: list[int], new: JarPicture) -> None:
        gained = new.marbles - old.marbles
        gilded = new.gold_in_jar - old.gold_in_jar
        if gained > 0 or (gained == 0 and gilded > 0):
            count = min(max(gained, gilded, 1), MAX_MOVING, len(self.drawn))
            radius = shape.radius_for(len(self.drawn))
            places = shape.slots(radius)
            for n in range(count):
                i = len(self.drawn) - count + n
                slot = places[i]
                start = QPointF(0.5 + (slot.x - 0.5) * 0.35, -0.18)
                self.moving.append(Moving(self.drawn[i], start, QPointF(slot.x, slot.y),
                                          slot.r, n / (count + 2), False))
            self.hidden_top = count
        elif gained < 0 and old_drawn:
            count = min(-gained, MAX_MOVING, len(old_drawn))
            radius = shape.radius_for(len(old_drawn))
            places = shape.slots(radius)
            for n in range(count):
                i = len(old_drawn) - 1 - n
                slot = places[i]
                side = 1 if n % 2 == 0 else -1
                end = QPointF(0.5 + side * (0.75 + 0.08 * n), shape.HEIGHT + 0.05)
                self.moving.append(Moving(old_drawn[i], QPointF(slot.x, slot.y), end, slot.r,
                                          n / (count + 3), True))

    def _step(self, value: float) -> None:
        self._progress = float(value)
        self.update()

    def _settled(self) -> None:
        self.moving = []
        if self.hidden_top:
            self.hidden_top = 0
            self._cache = None
        self.update()

    @property
    def animating(self) -> bool:
        return self.anim.state() == QVariantAnimation.State.Running

    # --- geometry -------------------------------------------------------------------------
    def jar_transform(self) -> QTransform:
        """Jar units → widget pixels: centred, as large as fits with a calm margin."""
        w, h = self.width(), self.height()
        scale = min(w * 0.86, h * 0.9 / (shape.HEIGHT + 0.06))
        x = (w - scale) / 2
        y = (h - scale * (shape.HEIGHT + 0.06)) / 2
        return QTransform(scale, 0, 0, scale, x, y)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._cache = None
        super().resizeEvent(event)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.devicePixelRatio() != ratio:
            self._cache = self._render_still(ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if self.moving:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(self.jar_transform())
            self._paint_moving(painter)
            painter.resetTransform()
            self._paint_front(painter)
        painter.end()

    def _render_still(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(QSize(max(1, round(self.width() * ratio)),
                               max(1, round(self.height() * ratio))))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_back(painter)
        painter.setTransform(self.jar_transform())
        painter.setClipPath(shape.outline(shape.GLASS * 0.6))
        count = len(self.drawn) - self.hidden_top
        if self.drawn:
            places = shape.slots(shape.radius_for(len(self.drawn)))
            for i in range(count):
                s = places[i]
                self._marble(painter, self.drawn[i], s.x, s.y, s.r)
        painter.setClipping(False)
        painter.resetTransform()
        self._paint_front(painter)
        painter.end()
        return pixmap

    def _glass_colors(self) -> tuple[QColor, QColor, QColor]:
        dark = is_dark(self.palette())
        edge = QColor("#7E97A6" if dark else "#9DB3BF")
        fill = QColor(255, 255, 255, 14 if dark else 120)
        shine = QColor(255, 255, 255, 34 if dark else 95)
        return edge, fill, shine

    def _paint_back(self, painter: QPainter) -> None:
        t = self.jar_transform()
        edge, fill, _shine = self._glass_colors()
        painter.save()
        painter.setTransform(t)
        shadow = QRadialGradient(QPointF(0.5, shape.HEIGHT + 0.02), 0.55)
        shadow.setColorAt(0.0, QColor(0, 0, 0, 60 if is_dark(self.palette()) else 38))
        shadow.setColorAt(1.0, QColor(0, 0, 0, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shadow)
        painter.drawEllipse(QRectF(-0.02, shape.HEIGHT - 0.015, 1.04, 0.075))
        body = shape.outline()
        gradient = QLinearGradient(0, 0, 1, 0)
        gradient.setColorAt(0.0, fill)
        gradient.setColorAt(0.5, QColor(fill.red(), fill.green(), fill.blue(), fill.alpha() // 2))
        gradient.setColorAt(1.0, fill)
        painter.setBrush(gradient)
        painter.drawPath(body)
        painter.restore()

    def _paint_front(self, painter: QPainter) -> None:
        """Highlights, the glass edge and the lid, drawn over the marbles."""
        edge, _fill, shine = self._glass_colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self.jar_transform())
        scale = self.jar_transform().m11()
        body = shape.outline()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(edge, max(1.6, scale * 0.012) / scale))
        painter.drawPath(body)
        inner = QColor(edge)
        inner.setAlpha(90)
        painter.setPen(QPen(inner, max(1.0, scale * 0.005) / scale))
        painter.drawPath(shape.outline(shape.GLASS))
        # Shine: a long soft stripe on the left, a short one on the right.
        for x, top, bottom, width in ((0.065, 0.36, shape.HEIGHT - 0.18, 0.022),
                                      (0.905, 0.42, 0.6, 0.014)):
            stripe = QPainterPath()
            stripe.addRoundedRect(QRectF(x, top, width, bottom - top), width / 2, width / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shine)
            painter.drawPath(stripe)
        lid = shape.lid()
        metal = QLinearGradient(0, lid.top(), 0, lid.bottom())
        base = QColor("#B9B2A3" if not is_dark(self.palette()) else "#6E6A62")
        metal.setColorAt(0.0, base.lighter(118))
        metal.setColorAt(0.55, base)
        metal.setColorAt(1.0, base.darker(122))
        painter.setBrush(metal)
        painter.setPen(QPen(base.darker(140), max(1.0, scale * 0.006) / scale))
        painter.drawRoundedRect(lid, 0.02, 0.02)
        groove = QColor(base.darker(135))
        groove.setAlpha(120)
        painter.setPen(QPen(groove, max(1.0, scale * 0.004) / scale))
        for k in (0.3, 0.6):
            y = lid.top() + lid.height() * k
            painter.drawLine(QPointF(lid.left() + 0.01, y), QPointF(lid.right() - 0.01, y))
        painter.restore()

    def _paint_moving(self, painter: QPainter) -> None:
        bounce = QEasingCurve(QEasingCurve.Type.OutBounce)
        glide = QEasingCurve(QEasingCurve.Type.InOutQuad)
        span = 0.7
        for m in self.moving:
            t = min(1.0, max(0.0, (self._progress - m.delay) / span))
            if m.out:
                k = glide.valueForProgress(t)
                mid = QPointF(0.5 + (m.start.x() - 0.5) * 0.3, -0.22)
                x = (1 - k) ** 2 * m.start.x() + 2 * (1 - k) * k * mid.x() + k * k * m.end.x()
                y = (1 - k) ** 2 * m.start.y() + 2 * (1 - k) * k * mid.y() + k * k * m.end.y()
                painter.setOpacity(1.0 if t < 0.6 else max(0.0, 1 - (t - 0.6) / 0.4))
            else:
                if t <= 0:
                    continue
                k = bounce.valueForProgress(t)
                x = m.start.x() + (m.end.x() - m.start.x()) * min(1.0, t * 1.6)
                y = m.start.y() + (m.end.y() - m.start.y()) * k
                painter.setOpacity(min(1.0, t * 4))
            self._marble(painter, m.cid, x, y, m.radius)
        painter.setOpacity(1.0)

    def _marble(self, painter: QPainter, cid: int, x: float, y: float, r: float) -> None:
        if cid == GOLD:
            base = QColor("#E8BE3A")
            light, deep = QColor("#FFF7D1"), QColor("#96680C")
        else:
            color = (self.picture.colors.get(cid) if self.picture else None) or FALLBACK
            base = QColor(color)
            light, deep = base.lighter(165), base.darker(150)
        g = QRadialGradient(QPointF(x - r * 0.35, y - r * 0.4), r * 1.5)
        g.setColorAt(0.0, light)
        g.setColorAt(0.35, base)
        g.setColorAt(1.0, deep)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(g)
        painter.drawEllipse(QPointF(x, y), r, r)
        painter.setBrush(QColor(255, 255, 255, 110))
        painter.drawEllipse(QPointF(x - r * 0.38, y - r * 0.42), r * 0.22, r * 0.16)
        if cid == GOLD:  # a glint: healed places shine
            cx, cy, k = x + r * 0.28, y - r * 0.3, r * 0.42
            star = QPainterPath(QPointF(cx, cy - k))
            for px, py in ((0.16, -0.16), (1, 0), (0.16, 0.16), (0, 1), (-0.16, 0.16),
                           (-1, 0), (-0.16, -0.16)):
                star.lineTo(cx + px * k, cy + py * k)
            star.closeSubpath()
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.drawPath(star)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 520)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (event.Type.PaletteChange, event.Type.StyleChange):
            self._cache = None
        super().changeEvent(event)

