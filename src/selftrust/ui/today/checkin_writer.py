"""Writing Today's check-ins: each goes through ``ws.checkins.record`` and onto the
shared undo stack with words that say what it did; a refusal is shown in the banner
and changes nothing. Future days can be looked at but not checked. A change that starts
or ends a reflection's repair (a kept day marked not kept, or back) says so in the
banner and in the undo text."""

from __future__ import annotations

from collections.abc import Callable

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
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
            self._banner.show_message(_(FUTURE_LINE), kind="info")
            return None
        try:
            change = self._ctx.ws.checkins.record(item.commitment_id, item.day, state)
        except UserError as exc:
            self._banner.show_message(str(exc), kind="problem")
            return None
        push_checkin(self._ctx.undo, self._ctx.ws, change, _with_repair(text, change))
        if change.repair_news:
            self._banner.show_message(change.repair_news, kind="info")
        elif self._banner.kind == "problem":
            self._banner.dismiss()
        return change

    def toggle_kept(self, item: DayItem) -> None:
        if item.status is Status.KEPT:
            # TRANSLATORS: this and the next ones name a change in the Edit menu ("Undo
            # Mark “Walk” kept"); {title} is the commitment's title, in your quotation marks.
            self.write(item, None, _("Clear “{title}”").format(title=isolate(item.title)))
        elif item.commitment.measurable:
            self._ask_amount(item)
        else:
            self.write(item, CheckinState(Status.KEPT, None, item.note),
                       _("Mark “{title}” kept").format(title=isolate(item.title)))

    def mark_missed(self, item: DayItem) -> None:
        if item.status is Status.MISSED:
            return
        change = self.write(item, CheckinState(Status.MISSED, None, item.note),
                            _("Mark “{title}” not kept").format(title=isolate(item.title)))
        if change is not None and not change.repaired_after:  # a repair needs no offer
            self._missed(item)

    def mark_skipped(self, item: DayItem) -> None:
        if item.status is Status.SKIPPED:
            return
        self.write(item, CheckinState(Status.SKIPPED, None, item.note),
                   _("Skip “{title}”").format(title=isolate(item.title)))

    def clear(self, item: DayItem) -> None:
        if item.status is None:
            return
        self.write(item, None, _("Clear “{title}”").format(title=isolate(item.title)))


def _with_repair(text: str, change: CheckinChange) -> str:
    """The undo text, and what the change did to a repair when it started or ended one."""
    if change.repaired_before == change.repaired_after:
        return text
    if change.repaired_after:
        # TRANSLATORS: an undo entry: {action} is what was done ("Mark “Walk” kept").
        return _("{action} — your reflection now repairs the miss").format(action=text)
    # TRANSLATORS: an undo entry: {action} is what was done ("Mark “Walk” kept").
    return _("{action} — your reflection is a reflection, not a repair").format(action=text)
