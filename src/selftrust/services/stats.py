"""Statistics as of a day: streaks, strength, counts and the jar (the `stats` command)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from selftrust.domain.jar import Jar
from selftrust.domain.summary import Summary
from selftrust.services.commitments import CommitmentService
from selftrust.services.ledger import Ledger
from selftrust.services.session import Session
from selftrust.store.records import CommitmentRow


@dataclass(frozen=True, slots=True)
class CommitmentStats:
    commitment: CommitmentRow
    summary: Summary


@dataclass(frozen=True, slots=True)
class StatsReport:
    day: date
    jar: Jar
    items: tuple[CommitmentStats, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "jar": {"marbles": self.jar.marbles, "gold": self.jar.gold},
            "commitments": [
                {
                    "title": s.commitment.title,
                    "schedule": s.commitment.rules.schedule.to_text(),
                    "current_streak": s.summary.current_streak,
                    "best_streak": s.summary.best_streak,
                    "streak_unit": s.summary.streak_unit,
                    "strength": round(s.summary.strength, 6),
                    "kept": s.summary.counts.kept,
                    "missed": s.summary.counts.missed,
                    "skipped": s.summary.counts.skipped,
                    "partly": s.summary.counts.partly,
                    "repaired": s.summary.counts.repaired,
                }
                for s in self.items
            ],
        }


class StatsService:
    def __init__(self, session: Session, ledger: Ledger, commitments: CommitmentService) -> None:
        self.session = session
        self.ledger = ledger
        self.commitments = commitments

    def report(self, day: date | None = None) -> StatsReport:
        day = day or self.session.today()
        ledger = self.ledger
        ledger.ensure_loaded()
        items = []
        for c in self.commitments.all():
            if c.created_on > day and not ledger.recorded_count(c.id):
                continue
            items.append(CommitmentStats(c, ledger.summary(c.id, day)))
        return StatsReport(day, ledger.jar(day, self.session.settings.jar_rules), tuple(items))

    def summary(self, commitment_id: int, day: date | None = None) -> Summary:
        self.ledger.ensure_loaded()
        return self.ledger.summary(commitment_id, day or self.session.today())

    def jar_figures(self, day: date | None = None) -> dict[str, int]:
        """The user's own figures for "How is this counted?" (all commitments, archived too).

        They are the jar's own replay told as an account (Ledger.jar_account), so the
        page's sum reproduces the jar to the marble: occasions that won a marble (not
        every check-off: beyond a weekly target one wins nothing), misses, repaired
        misses, and what the empty jar spared.
        """
        day = day or self.session.today()
        ledger = self.ledger
        ledger.ensure_loaded()
        rules = self.session.settings.jar_rules
        account = ledger.jar_account(day, rules)
        half_kept = sum(
            ledger.summary(c.id, day).counts.repaired
            for c in self.commitments.all(include_archived=True)
            if ledger.start_of(c.id) <= day
        )
        return {
            "marbles": account.marbles,
            "gold": account.gold,
            "won": account.won,
            "missed": account.missed,
            "repaired": account.repaired,
            "spared": account.spared,
            "won_marbles": account.won * rules.kept_gain,
            "missed_marbles": account.missed * rules.miss_cost,
            "repaired_cost": account.repaired * rules.miss_cost,
            "repaired_back": account.repaired * rules.repair_return,
            "half_kept": half_kept,
            "kept_gain": rules.kept_gain,
            "miss_cost": rules.miss_cost,
            "repair_return": rules.repair_return,
        }
