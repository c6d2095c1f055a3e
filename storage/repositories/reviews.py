"""Case reviews (one per accepted application), and what a case's statutory clock is built
from: the application's day, the officers' decision, the review's dates and the letters
produced (read from the audit log)."""

from __future__ import annotations

import abc
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlmodel import Session, col

from storage.errors import ApplicationNotFound, StaleApplication
from storage.repositories.casework import LONDON
from storage.tables import (
    ApplicationRecord,
    ApplicationStatus,
    AuditEntry,
    DecisionKind,
    DecisionRecord,
    ReviewRecord,
    utc_now,
)
from trigger.clock import CaseEvents, DecisionOutcome, LetterKind

#: Ids a query's IN list holds at most (SQLite allows 32,766 variables; PostgreSQL more).
BATCH = 500

#: What an officer may set on a review (every other column is the repository's).
REVIEW_FIELDS = frozenset(
    {
        "spoc_name",
        "spoc_contact",
        "chair",
        "victim_contacted_on",
        "information_requested_on",
        "meeting_planned_on",
        "meeting_held_on",
        "victim_voice",
        "victim_voice_note",
        "findings",
        "action_plan",
        "recommendations_made",
        "recommendations",
        "minutes_circulated_on",
        "action_plan_completed_on",
    }
)


class ReviewRepository(abc.ABC):
    """The case reviews of one unit of work."""

    @abc.abstractmethod
    def get(self, application_id: int) -> ReviewRecord | None:
        """The review of an application, or None when none is recorded."""

    @abc.abstractmethod
    def save(
        self,
        application_id: int,
        changes: Mapping[str, Any],
        *,
        actor: str,
        expected_version: int | None,
    ) -> ReviewRecord:
        """Record ``changes`` (names from :data:`REVIEW_FIELDS`) on the application's review,
        creating it when ``expected_version`` is None. Raises :class:`StaleApplication` when
        the review is not at ``expected_version`` (someone else saved it first, or created it),
        :class:`ApplicationNotFound` for an unknown application, ``ValueError`` for a field
        that is not an officer's to set."""

    @abc.abstractmethod
    def case_events(
        self, application_ids: Collection[int], letter_action: str
    ) -> dict[int, CaseEvents]:
        """What each application's clock is built from; a letter counts as sent on the first
        day the audit log holds a ``letter_action`` entry naming it that is not marked
        ``"pdf": false`` (a letter read as a page is not sent; sending one from the case page
        or producing its PDF to print is)."""

    @abc.abstractmethod
    def open_case_events(
        self,
        *,
        areas: Collection[str] | None,
        statuses: Collection[ApplicationStatus],
        letter_action: str,
    ) -> dict[int, CaseEvents]:
        """:meth:`case_events` of every application in ``areas`` (None: all) and ``statuses``,
        chosen by the query itself (no list of ids to send)."""

    @abc.abstractmethod
    def figures_input(
        self, first_day: date, last_day: date, areas: Collection[str] | None = None
    ) -> list[tuple[date, bool]]:
        """The reviews held between two days (for ``areas``; None: all): the day each was
        held and whether it made recommendations."""


class SqlReviewRepository(ReviewRepository):
    """Reviews in the ``case_reviews`` table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, application_id: int) -> ReviewRecord | None:
        """See :meth:`ReviewRepository.get`."""
        return self.session.execute(
            select(ReviewRecord).where(col(ReviewRecord.application_id) == application_id)
        ).scalar_one_or_none()

    def save(
        self,
        application_id: int,
        changes: Mapping[str, Any],
        *,
        actor: str,
        expected_version: int | None,
    ) -> ReviewRecord:
        """See :meth:`ReviewRepository.save`."""
        unknown = set(changes) - REVIEW_FIELDS
        if unknown:
            raise ValueError(f"not a review field: {', '.join(sorted(unknown))}")
        if self.session.get(ApplicationRecord, application_id) is None:
            raise ApplicationNotFound(f"no application {application_id}")
        review = self.get(application_id)
        if review is None:
            if expected_version is not None:
                raise StaleApplication(f"application {application_id} has no review")
            review = ReviewRecord(application_id=application_id, updated_by=actor)
        elif review.version != expected_version:
            raise StaleApplication(
                f"review of application {application_id} is at version {review.version}"
            )
        else:
            review.version += 1
        for name, value in changes.items():
            setattr(review, name, value)
        review.updated_at = utc_now()
        review.updated_by = actor
        self.session.add(review)
        self.session.flush()
        return review

    def case_events(
        self, application_ids: Collection[int], letter_action: str
    ) -> dict[int, CaseEvents]:
        """See :meth:`ReviewRepository.case_events`."""
        ids = list(application_ids)
        events: dict[int, CaseEvents] = {}
        for first in range(0, len(ids), BATCH):
            events.update(self._case_events(ids[first : first + BATCH], letter_action))
        return events

    def open_case_events(
        self,
        *,
        areas: Collection[str] | None,
        statuses: Collection[ApplicationStatus],
        letter_action: str,
    ) -> dict[int, CaseEvents]:
        """See :meth:`ReviewRepository.open_case_events`."""
        chosen = select(col(ApplicationRecord.id)).where(
            col(ApplicationRecord.status).in_(list(statuses))
        )
        if areas is not None:
            chosen = chosen.where(col(ApplicationRecord.policy).in_(list(areas)))
        return self._case_events(chosen, letter_action)

    def _case_events(
        self, ids: list[int] | Select[Any], letter_action: str
    ) -> dict[int, CaseEvents]:
        """:meth:`case_events` of a few hundred ids (one IN list a query), or of the
        applications a query chooses."""
        received = {
            application_id: received_at
            for application_id, received_at in self.session.execute(
                select(col(ApplicationRecord.id), col(ApplicationRecord.received_at)).where(
                    col(ApplicationRecord.id).in_(ids)
                )
            )
        }
        decisions: dict[int, tuple[date, DecisionOutcome]] = {}
        for application_id, decided_at, status in self.session.execute(
            select(
                col(DecisionRecord.application_id),
                col(DecisionRecord.decided_at),
                col(DecisionRecord.status),
            )
            .where(
                col(DecisionRecord.application_id).in_(ids),
                col(DecisionRecord.kind) == DecisionKind.OFFICER,
            )
            .order_by(col(DecisionRecord.id))
        ):
            decisions[application_id] = (_london_day(decided_at), DecisionOutcome(status))
        reviews = {
            review.application_id: review
            for review in self.session.execute(
                select(ReviewRecord).where(col(ReviewRecord.application_id).in_(ids))
            ).scalars()
        }
        letters: dict[int, dict[LetterKind, date]] = {}
        for subject_id, at, detail in self.session.execute(
            select(col(AuditEntry.subject_id), col(AuditEntry.at), col(AuditEntry.detail))
            .where(
                col(AuditEntry.action) == letter_action,
                col(AuditEntry.subject_type) == "application",
                col(AuditEntry.subject_id).in_(ids),
            )
            .order_by(col(AuditEntry.id))
        ):
            if (detail or {}).get("pdf") is False:
                continue  # the letter read as a page, not made to be sent or printed
            try:
                kind = LetterKind(str((detail or {}).get("letter")))
            except ValueError:
                continue
            assert subject_id is not None
            letters.setdefault(subject_id, {}).setdefault(kind, _london_day(at))
        events: dict[int, CaseEvents] = {}
        for application_id, received_at in received.items():
            assert application_id is not None
            decided = decisions.get(application_id)
            review = reviews.get(application_id)
            events[application_id] = CaseEvents(
                received=_london_day(received_at),
                decided=decided[0] if decided else None,
                outcome=decided[1] if decided else None,
                letters=letters.get(application_id, {}),
                victim_contacted=review.victim_contacted_on if review else None,
                information_requested=review.information_requested_on if review else None,
                meeting_planned=review.meeting_planned_on if review else None,
                meeting_held=review.meeting_held_on if review else None,
                minutes_circulated=review.minutes_circulated_on if review else None,
                action_plan_completed=review.action_plan_completed_on if review else None,
            )
        return events

    def figures_input(
        self, first_day: date, last_day: date, areas: Collection[str] | None = None
    ) -> list[tuple[date, bool]]:
        """See :meth:`ReviewRepository.figures_input`."""
        query = (
            select(col(ReviewRecord.meeting_held_on), col(ReviewRecord.recommendations_made))
            .join(ApplicationRecord, col(ApplicationRecord.id) == col(ReviewRecord.application_id))
            .where(
                col(ReviewRecord.meeting_held_on) >= first_day,
                col(ReviewRecord.meeting_held_on) <= last_day,
            )
        )
        if areas is not None:
            query = query.where(col(ApplicationRecord.policy).in_(list(areas)))
        return [
            (held, bool(recommended))
            for held, recommended in self.session.execute(query)
            if held is not None
        ]


def _london_day(moment: datetime) -> date:
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()
