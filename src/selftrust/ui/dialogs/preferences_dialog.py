"""Preferences (Ctrl+, or Edit → Preferences): when a day and a week begin, the theme,
and reduced motion; and, on their own pages, the folder Loop's backups arrive in and
the folder sync goes through.

Every change applies the moment it is made, as in the system settings of the desktops
people know, so there is nothing to confirm and Close simply closes. Day and week start
belong to the data (they travel with backups); theme and motion are this computer's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import N_, _, pgettext
from selftrust.domain.days import day_of
from selftrust.services.errors import UserError
from selftrust.services.settings import LANGUAGE_WEEK
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.dialogs.opening import open_modal, shown
from selftrust.ui.dialogs.wrapped import keep_wrapped_heights
from selftrust.ui.look import icons
from selftrust.ui.look.screens import nullable
from selftrust.ui.look.theme import Theme, apply_theme
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.chip import ToggleChip
from selftrust.ui.widgets.labels import Hint

THEME_LABELS: tuple[tuple[Theme, str], ...] = (
    (Theme.SYSTEM, N_("Like the &system")),
    (Theme.LIGHT, N_("&Light")),
    (Theme.DARK, N_("Dar&k")),
)


def day_start_hint(hour: int, now: datetime | None = None) -> str:
    """One line that makes the day start concrete.

    With ``now``, a start later than the present hour says first that "today" runs on
    until then: otherwise what was checked off this morning seems to vanish.
    """
    if now is not None:
        before, after = day_of(now, hour), day_of(now, 0)
        if before < after:
            # TRANSLATORS: {start} is an hour ("04:00"); {day} and {next_day} are days
            # ("Tuesday 24 November")
            return _("With the day starting at {start}, it is still {day} until {start}. "
                     "Check-ins for {next_day} are kept and show again then.").format(
                start=hour_text(hour), day=formats.day_title(before),
                next_day=formats.day_title(after))
    if hour == 0:
        return _("Days begin at midnight, as on the calendar.")
    example = (formats.time_of_day(time(0, 30)) if hour == 1
               else hour_text(1) if hour <= 6 else hour_text(hour - 1))
    # TRANSLATORS: {time} is a time of night ("01:00")
    return _("A check-in at {time} still counts for the day before.").format(time=example)


def hour_text(hour: int) -> str:
    """"04:00" (or "4:00 AM"): an hour as the person's language tells the time."""
    return formats.time_of_day(time(hour, 0))


class _HourBox(QComboBox):
    """Says when its list closes, so a hint shown while browsing goes back to the hour
    actually chosen if the user leaves the list without choosing."""

    closed = Signal()
    _open = False

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self._open = True
        super().showPopup()

    def hidePopup(self) -> None:  # noqa: N802 - Qt's name
        super().hidePopup()
        if self._open:  # not the hide that comes with closing the dialog
            self._open = False
            self.closed.emit()


class _ScrollPage(QScrollArea):
    """A page that scrolls only where the screen is shorter than it is tall (the general
    page on an 800 × 600 screen in a longer language, or with a row more): where there
    is room it asks for its whole height, and no scroll bar shows."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName(f"{page.objectName()}-scroll")
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)

    def _page_size(self) -> QSize:
        page = self.widget()
        return QSize() if page is None else page.sizeHint().expandedTo(page.minimumSizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._page_size()

    # The dialog is sized by its pages' height for its width (a stack asks each page):
    # this one answers for the page it holds.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        page = self.widget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self.widget()
        if page is None or not page.hasHeightForWidth():
            return -1
        return max(page.heightForWidth(width), page.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.widget()
        width = 0 if page is None else page.minimumSizeHint().width()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + bar, self.fontMetrics().lineSpacing() * 8)


class PreferencesDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(_("Preferences"))
        em = self.fontMetrics().horizontalAdvance("m")
        settings = ctx.ws.settings

        self.day_start = _HourBox()
        self.day_start.setObjectName("day-start")
        self.day_start.setAccessibleName(_("A new day starts at"))
        for hour in range(24):
            self.day_start.addItem(hour_text(hour), hour)
        self.day_start.setCurrentIndex(settings.day_start_hour)
        self.day_start_hint = Hint(day_start_hint(settings.day_start_hour, self._now()))
        self.day_start_hint.setObjectName("day-start-hint")
        # Wide enough for the usual one-line hint in English; longer ones wrap.
        self.day_start_hint.setMinimumWidth(em * 30)

        self.week_start = QComboBox()
        self.week_start.setObjectName("week-start")
        self.week_start.setAccessibleName(_("Weeks start on"))
        # TRANSLATORS: the first choice of "Weeks start on": the weekday the person's
        # language's locale starts weeks on ({day}), until they choose another.
        self.week_start.addItem(_("As your language has it ({day})").format(
            day=formats.weekday_name(formats.first_weekday())), LANGUAGE_WEEK)
        for day in range(7):
            self.week_start.addItem(formats.weekday_name(day), day)
        # As wide as a weekday in any language; the longer "as your language has it" is
        # shortened in the closed box (the list shows it whole), not widening the page.
        self.week_start.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.week_start.setMinimumContentsLength(16)
        self.week_start.setCurrentIndex(self.week_start.findData(
            LANGUAGE_WEEK if settings.chosen_week_start is None else settings.chosen_week_start))
        self.week_hint = Hint(_("For “times a week” promises and weekly targets."))
        self.week_hint.setMinimumWidth(em * 30)
        self._fit_hints()

        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[Theme, ToggleChip] = {}
        themes = QHBoxLayout()
        themes.setSpacing(4)
        for theme, english in THEME_LABELS:
            label = _(english)
            button = ToggleChip(label, exclusive=True)
            button.setObjectName(f"theme-{theme.value}")
            # TRANSLATORS: a screen reader's name of a theme button ("Theme: Dark")
            button.setAccessibleName(_("Theme: {name}").format(name=label.replace("&", "")))
            self.theme_group.addButton(button)
            self.theme_buttons[theme] = button
            themes.addWidget(button)
        self.theme_buttons[ctx.prefs.theme].setChecked(True)

        self.reduced_motion = QCheckBox(_("&Reduce motion"))
        self.reduced_motion.setObjectName("reduced-motion")
        self.reduced_motion.setAccessibleName(_("Reduce motion"))
        self.reduced_motion.setChecked(ctx.prefs.reduced_motion)
        self.motion_hint = Hint(_("Marbles and check-offs appear without animation."))

        # --- layout ---------------------------------------------------------------------
        day_form = QFormLayout()
        # the fields keep their size; the hints (Expanding) take the width there is, so a
        # longer language wraps them only where it must
        day_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for hint in (self.day_start_hint, self.week_hint):
            hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        day_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        day_form.setVerticalSpacing(4)
        day_label = section_label(_("A new &day starts at"), self.day_start)
        week_label = section_label(_("&Weeks start on"), self.week_start)
        for heading in (day_label, week_label):
            heading.setFont(self.font())
        day_form.addRow(day_label, self.day_start)
        day_form.addRow("", self.day_start_hint)
        day_form.addItem(_spacer(em // 2))
        day_form.addRow(week_label, self.week_start)
        day_form.addRow("", self.week_hint)

        appearance = QHBoxLayout()
        appearance.addLayout(themes)
        appearance.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(pgettext("verb, button", "Close"))
        self.buttons.rejected.connect(self.reject)

        general = QWidget()
        general.setObjectName("general-prefs")
        layout = QVBoxLayout(general)
        # One section under another, each a heading and its rows: a new section (the
        # language) goes in with general_layout.insertWidget / insertLayout.
        self.general_layout = layout
        layout.setContentsMargins(em * 2, em * 2, em * 2, 0)
        layout.setSpacing(6)
        from selftrust.ui.dialogs.language_prefs import LanguageSection

        self.language = LanguageSection(general)
        layout.addWidget(self.language)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Days and weeks")))
        layout.addLayout(day_form)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Theme")))
        layout.addLayout(appearance)
        layout.addSpacing(em)
        layout.addWidget(section_label(_("Motion")))
        layout.addWidget(self.reduced_motion)
        layout.addWidget(self.motion_hint)
        layout.addSpacing(em)
        from selftrust.ui.dialogs.desktop_prefs import DesktopPrefsSection

        self.desktop = DesktopPrefsSection(ctx, self)  # reminders, tray, start at login
        layout.addWidget(self.desktop)
        layout.addStretch(1)
        self._pages(ctx, _ScrollPage(general), em)
        # Wide enough that the notes wrap to two lines at most: the dialog then fits an
        # 800 × 600 screen, and at 200 % it keeps its shape (everything scales with em).
        self.setMinimumWidth(em * 50 + self.sections.width())
        # …and never narrower than the pages' own rows (a longer language's checkbox or
        # field label), or their ends would be cut off at the side.
        self.setMinimumWidth(max(self.minimumWidth(), self.minimumSizeHint().width()))
        keep_wrapped_heights(self)  # every note of every page whole, in any language

        self.day_start.currentIndexChanged.connect(self._day_start_changed)
        # Browsing the hours already tells what each would do, before it is applied.
        self.day_start.highlighted.connect(
            lambda i: self._tell_day_start(int(self.day_start.itemData(i))))
        self.day_start.closed.connect(
            lambda: self._tell_day_start(self.ctx.ws.settings.day_start_hour))
        self.week_start.currentIndexChanged.connect(self._week_start_changed)
        self.theme_group.buttonToggled.connect(self._theme_toggled)
        self.reduced_motion.toggled.connect(self._motion_changed)
        self.day_start.setFocus()

    def _pages(self, ctx: UiContext, general: QWidget, em: int) -> None:
        """General, Loop and Sync, chosen from a list at the side (a list costs no
        height; the general page has none to spare on an 800 × 600 screen)."""
        from selftrust.ui.dialogs.loop_prefs import LoopPrefsPage
        from selftrust.ui.dialogs.sync_prefs import SyncPrefsPage

        self.loop_page = LoopPrefsPage(ctx)
        self.sync_page = SyncPrefsPage(ctx)
        self.pages = QStackedWidget()
        self.sections = QListWidget()
        self.sections.setObjectName("preferences-sections")
        self.sections.setAccessibleName(_("Preferences sections"))
        line = self.fontMetrics().lineSpacing()
        titles = (
            # TRANSLATORS: the pages of Preferences, listed at its side
            (pgettext("preferences page", "General"), general),
            (pgettext("preferences page", "Loop"), self.loop_page),
            (pgettext("preferences page", "Sync"), self.sync_page),
        )
        widest = max(self.fontMetrics().horizontalAdvance(title) for title, _page in titles)
        for title, page in titles:
            self.pages.addWidget(page)
            item = QListWidgetItem(title, self.sections)
            item.setSizeHint(QSize(max(em * 8, widest + em), line * 2))
        # a quiet column on the window's own background, its first entry level with
        # the page's first heading
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.viewport().setAutoFillBackground(False)
        self.sections.setAutoFillBackground(False)
        self.sections.setViewportMargins(em, em * 2 - line // 2, em // 2, 0)
        # as wide as the longest page name needs (em * 11 in English)
        self.sections.setFixedWidth(max(em * 11, widest + em * 3 + em // 2))
        self.sections.setCurrentRow(0)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, em * 3 // 2)
        outer.setSpacing(0)
        outer.addLayout(body, 1)
        outer.addSpacing(em // 2)
        row = QHBoxLayout()
        row.setContentsMargins(em * 2, 0, em * 2, 0)
        row.addWidget(self.buttons)
        outer.addLayout(row)

    def show_page(self, key: str) -> None:
        """"general", "loop" or "sync"."""
        self.sections.setCurrentRow({"loop": 1, "sync": 2}.get(key, 0))

    # --- data settings ----------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """At least the minimum width: Qt sizes a new window's height for its hinted
        width, and wrapped notes need fewer lines at the width the window really gets."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumWidth()), hint.height())

    def _tell_day_start(self, hour: int) -> None:
        self.day_start_hint.setText(day_start_hint(hour, self._now()))
        self._fit_day_start_hint()

    def _fit_day_start_hint(self) -> None:
        """Hold the hints' whole height at their width: in a dialog not sized by
        height-for-width, a longer hint squeezed the notes below."""
        self._fit_hints()
        if self.isVisible():
            QTimer.singleShot(0, self._grow_to_fit)

    def _fit_hints(self) -> None:
        for hint in (self.day_start_hint, self.week_hint):
            need = hint.heightForWidth(max(hint.width(), hint.minimumWidth()))
            if need > 0 and hint.minimumHeight() != need:
                hint.setMinimumHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_hints()  # a wider window wraps the notes in fewer lines

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._grow_to_fit)

    def _grow_to_fit(self) -> None:
        """Grow to the height the wrapped notes need at the width the dialog really got:
        Qt sizes a new window before its notes know their width, and squeezed them."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = max(self.sizeHint().height(), layout.totalMinimumSize().height())
        if layout.hasHeightForWidth():
            need = max(need, layout.totalHeightForWidth(self.width()))
        screen = nullable(self.screen())
        if screen is not None:  # a short screen: the general page scrolls instead
            need = min(need, int(screen.availableGeometry().height() * 0.92))
        if self.height() < need:
            self.resize(self.width(), need)

    def _now(self) -> datetime:
        return self.ctx.ws.clock.now()

    def _save_settings(self, **changes: Any) -> bool:
        try:
            self.ctx.ws.update_settings(replace(self.ctx.ws.settings, **changes))
        except UserError as exc:
            messages.prompter.problem(self, _("That setting could not be saved"), str(exc))
            return False
        return True

    def _day_start_changed(self, index: int) -> None:
        hour = int(self.day_start.itemData(index))
        if self._save_settings(day_start_hour=hour):
            self._tell_day_start(hour)
        else:
            self._reset_combo(self.day_start, self.ctx.ws.settings.day_start_hour)

    def _week_start_changed(self, index: int) -> None:
        day = int(self.week_start.itemData(index))
        if not self._save_settings(chosen_week_start=None if day == LANGUAGE_WEEK else day):
            chosen = self.ctx.ws.settings.chosen_week_start
            self._reset_combo(self.week_start, LANGUAGE_WEEK if chosen is None else chosen)

    @staticmethod
    def _reset_combo(box: QComboBox, value: int) -> None:
        box.blockSignals(True)
        box.setCurrentIndex(box.findData(value))
        box.blockSignals(False)

    # --- this computer's preferences --------------------------------------------------
    def theme(self) -> Theme:
        for theme, button in self.theme_buttons.items():
            if button.isChecked():
                return theme
        return Theme.SYSTEM

    def _theme_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        theme = self.theme()
        self.ctx.prefs.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        icons.clear_cache()
        self.ctx.clockwork.prefs_changed.emit()

    def _motion_changed(self, on: bool) -> None:
        self.ctx.prefs.reduced_motion = on
        self.ctx.clockwork.prefs_changed.emit()


def _spacer(height: int) -> QSpacerItem:
    return QSpacerItem(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)


def open_preferences(ctx: UiContext, parent: QWidget | None) -> PreferencesDialog:
    return open_modal(PreferencesDialog(ctx, parent))


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    return shown(PreferencesDialog(ctx, window))


def loop_screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    dialog = PreferencesDialog(ctx, window)
    dialog.show_page("loop")
    return shown(dialog)


def loop_followed_screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """Preferences → Loop in use, for the docs: a folder followed and a merge told (the
    screenshot's preferences are a scratch copy; nothing of the person's changes)."""
    from selftrust.ui.dialogs.loop_prefs import picture_example

    picture_example(ctx)
    return loop_screenshot_target(ctx, window)


def sync_screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """Preferences → Sync before a folder is chosen."""
    if ctx.sync is not None:
        ctx.sync.frozen = True  # the picture runs no command
    dialog = PreferencesDialog(ctx, window)
    dialog.show_page("sync")
    dialog.sync_page.device_name.setText("Desk")  # not the machine that took the picture
    return shown(dialog)


def sync_set_up_screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """Preferences → Sync in use: two other computers seen, a title offered for
    merging (the follower is told what to show; nothing is written)."""
    from selftrust.ui.dialogs.sync_prefs import picture_example

    if ctx.sync is not None:
        ctx.sync.frozen = True
    picture_example(ctx)
    return sync_screenshot_target(ctx, window)
