"""Writing Today's check-ins: each goes through ``ws.checkins.record`` and onto the
shared undo stack with words that say what it did; a refusal is shown in the banner
and changes nothing. Future days can be looked at but not checked. A change that starts
or ends a reflection's repair (a kept day marked not kept, or back) says so in the
banner and in the undo text."""

from __future__ import annotations

from collections.abc import Callable

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinChange, CheckinState
from selftrust.services.dashboard import DayItem
from selftrust.services.errors import UserError
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import push_checkin
from selftrust.ui.today.banner import Banner
from selftrust.ui.today.row_text import FUTURE_LINE


class CheckinWriter:
    """The marks a row can get; ``ask_amount(item)`` for a measurable row, ``missed(item)``
    after a day was marked not kept."""

    def __init__(self, ctx: UiContext, banner: Banner, ask_amount: Callable[[DayItem], None],
                 missed: Callable[[DayItem], None]) -> None:
        self._ctx = ctx
        self._banner = banner
        self._ask_amount = ask_amount
        self._missed = missed

    def write(self, item: DayItem, state: CheckinState | None, text: str
              ) -> CheckinChange | None:
        """Record one check-in and make it undoable; a refusal is shown, nothing changes
        (None)."""
        if not item.checkable:
            self._banner.show_message(FUTURE_LINE, kind="info")
            return None
        try:
            change = self._ctx.ws.checkins.record(item.commitment_id, item.day, state)
        except UserError as exc:
            self._banner.show_message(str(exc), kind="problem")
            return None
        push_checkin(self._ctx.undo, self._ctx.ws, change, text + _repair_words(change))
        if change.repair_news:
            self._banner.show_message(change.repair_news, kind="info")
        elif self._banner.kind == "problem":
            self._banner.dismiss()
        return change

    def toggle_kept(self, item: DayItem) -> None:
        if item.status is Status.KEPT:
            self.write(item, None, f"Clear “{item.title}”")
        elif item.commitment.measurable:
            self._ask_amount(item)
        else:
            self.write(item, CheckinState(Status.KEPT, None, item.note),
                       f"Mark “{item.title}” kept")

    def mark_missed(self, item: DayItem) -> None:
        if item.status is Status.MISSED:
            return
        change = self.write(item, CheckinState(Status.MISSED, None, item.note),
                            f"Mark “{item.title}” not kept")
        if change is not None and not change.repaired_after:  # a repair needs no offer
            self._missed(item)

    def mark_skipped(self, item: DayItem) -> None:
        if item.status is Status.SKIPPED:
            return
        self.write(item, CheckinState(Status.SKIPPED, None, item.note),
                   f"Skip “{item.title}”")

    def clear(self, item: DayItem) -> None:
        if item.status is None:
            return
        self.write(item, None, f"Clear “{item.title}”")


def _repair_words(change: CheckinChange) -> str:
    """The undo text's tail when the change started or ended a repair."""
    if change.repaired_before == change.repaired_after:
        return ""
    if change.repaired_after:
        return " — your reflection now repairs the miss"
    return " — your reflection is a reflection, not a repair"
