"""Preferences → General: the language this computer speaks, and weeks that start as the
language has it until the person chooses a day."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dialog_helpers import choose
from pytestqt.qtbot import QtBot

from selftrust.base import i18n
from selftrust.services.settings import Settings
from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog
from selftrust.ui.shell.context import UiContext


@pytest.fixture
def no_choice() -> Iterator[None]:
    i18n.choose_language(None)
    yield
    i18n.choose_language(None)


def _dialog(qtbot: QtBot, ctx: UiContext) -> PreferencesDialog:
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_language_box_offers_the_system_and_every_shipped_language(
    qtbot: QtBot, ctx: UiContext, no_choice: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    box = dialog.language.combo
    items = [box.itemText(i) for i in range(box.count())]
    assert items[0] == "As the system is set (English)"
    assert box.currentIndex() == 0
    assert [box.itemData(i) for i in range(1, box.count())] == [
        lang.code for lang in i18n.shipped_languages()]
    assert {"English", "Deutsch", "Español", "Français", "עברית"} <= set(items)


def test_choosing_a_language_is_kept_for_the_next_start_and_said_plainly(
    qtbot: QtBot, ctx: UiContext, no_choice: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)  # the suite's own override would win over the choice
    dialog = _dialog(qtbot, ctx)
    choose(qtbot, dialog.language.combo, "Deutsch")
    assert i18n.chosen_language() == "de"
    assert i18n.wanted_language() == "de"
    assert dialog.language.note.text() == "Self-Trust will speak Deutsch the next time it starts."
    choose(qtbot, dialog.language.combo, "As the system is set (English)")
    assert i18n.chosen_language() is None
    assert not i18n.choice_file().exists()
    assert dialog.language.note.text() == "Self-Trust speaks this language now."
    dialog.close()
    # The next start (another dialog) shows the choice that was kept.
    i18n.choose_language("fr")
    again = _dialog(qtbot, ctx)
    assert again.language.combo.currentText() == "Français"
    again.close()


def test_weeks_start_as_the_language_has_it_until_a_day_is_chosen(
    qtbot: QtBot, ctx: UiContext
) -> None:
    dialog = _dialog(qtbot, ctx)
    box = dialog.week_start
    assert box.currentText() == "As your language has it (Monday)"
    choose(qtbot, box, "Sunday")
    assert ctx.ws.settings.chosen_week_start == 6 and ctx.ws.settings.week_start == 6
    choose(qtbot, box, "As your language has it (Monday)")
    assert ctx.ws.settings.chosen_week_start is None
    assert ctx.ws.settings.week_start == 0  # en_GB: Monday
    dialog.close()


@pytest.mark.parametrize(("code", "first"), [("en_GB", 0), ("en_US", 6), ("en_XA", 0)])
def test_the_language_decides_the_first_weekday_when_none_was_chosen(
    language: object, code: str, first: int
) -> None:
    language(code)  # type: ignore[operator]
    assert Settings().week_start == first
    assert Settings(chosen_week_start=2).week_start == 2


def test_the_week_start_is_stored_as_the_language_or_a_day() -> None:
    assert Settings().to_stored()["week_start"] == -1
    assert Settings.from_stored({"week_start": -1}).chosen_week_start is None
    assert Settings.from_stored({}).chosen_week_start is None
    # A folder that stored a weekday (every folder before languages) keeps it.
    assert Settings.from_stored({"week_start": 0}).chosen_week_start == 0
    assert Settings.from_stored({"week_start": 6}).to_stored()["week_start"] == 6
