"""Case reviews (one per accepted application), and what a case's statutory clock is built
from: the application's day, the officers' decision, the review's dates and the letters
produced (read from the audit log)."""

from __future__ import annotations

import abc
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, String, cast, func, select, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col

from storage.errors import ApplicationNotFound, StaleApplication
from storage.repositories.audit import AuditAction
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
        "information_received_on",
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


@dataclass(frozen=True)
class CasesAlike:
    """Open cases whose clocks are the same: one area, status and risk flag, the same events
    (most open cases have nothing recorded but their day of arrival, so a few groups hold
    thousands of cases)."""

    policy: str
    status: ApplicationStatus
    at_risk: bool
    events: CaseEvents
    #: The cases' ids, ascending.
    ids: list[int]


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
        or producing its PDF to print is), and the acknowledgement also on the day its email
        was sent (an ``application.acknowledged`` entry, :mod:`app.acknowledging`)."""

    @abc.abstractmethod
    def open_cases_alike(
        self,
        *,
        areas: Collection[str] | None,
        statuses: Collection[ApplicationStatus],
        letter_action: str,
    ) -> list[CasesAlike]:
        """Every application in ``areas`` (None: all) and ``statuses`` (chosen by the query
        itself: no list of ids to send), in groups of cases alike, each case's events those
        :meth:`case_events` reads; for the deadlines dashboard, which weighs every case and
        computes one clock a group."""

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
            batch = ids[first : first + BATCH]
            found = self._sparse_events(batch, letter_action)
            for application_id, received_at in self.session.execute(
                select(col(ApplicationRecord.id), col(ApplicationRecord.received_at)).where(
                    col(ApplicationRecord.id).in_(batch)
                )
            ):
                assert application_id is not None
                events[application_id] = found.events(application_id, _london_day(received_at))
        return events

    def open_cases_alike(
        self,
        *,
        areas: Collection[str] | None,
        statuses: Collection[ApplicationStatus],
        letter_action: str,
    ) -> list[CasesAlike]:
        """See :meth:`ReviewRepository.open_cases_alike`."""
        chosen = select(col(ApplicationRecord.id)).where(
            col(ApplicationRecord.status).in_(list(statuses))
        )
        # The cases in groups by area, status, risk and the hour they came in (UTC; England's
        # day follows from the hour), each group's ids in one string: the database walks the
        # thousands of rows, Python only the groups.
        hour = _UtcHour(col(ApplicationRecord.received_at))
        status = type_coerce(col(ApplicationRecord.status), String)  # the enum made a group
        query = (
            select(
                col(ApplicationRecord.policy),
                status,
                col(ApplicationRecord.at_risk),
                hour,
                func.aggregate_strings(cast(col(ApplicationRecord.id), String), ","),
            )
            .where(col(ApplicationRecord.status).in_(list(statuses)))
            .group_by(col(ApplicationRecord.policy), status, col(ApplicationRecord.at_risk), hour)
        )
        if areas is not None:
            chosen = chosen.where(col(ApplicationRecord.policy).in_(list(areas)))
            query = query.where(col(ApplicationRecord.policy).in_(list(areas)))
        found = self._sparse_events(chosen, letter_action)
        eventful = found.ids()
        groups: dict[tuple[object, ...], list[int]] = {}
        events_of: dict[tuple[object, ...], CaseEvents] = {}

        def add(key: tuple[object, ...], events: CaseEvents, ids: list[int]) -> None:
            if key not in groups:
                groups[key], events_of[key] = [], events
            groups[key].extend(ids)

        for policy, text, at_risk, received_hour, numbers in self.session.execute(query):
            received = _london_day_of_hour(str(received_hour))
            alike = (policy, text, bool(at_risk))
            ids = [int(number) for number in str(numbers).split(",")]
            if not eventful.isdisjoint(ids):
                for one in [one for one in ids if one in eventful]:
                    events = found.events(one, received)
                    add((*alike, events.key()), events, [one])
                ids = [one for one in ids if one not in eventful]
            if ids:  # nothing has happened to them yet but their arrival: most open cases
                add((*alike, received), CaseEvents(received=received), ids)
        cases = []
        for key, ids in groups.items():
            ids.sort()
            area, text, at_risk = str(key[0]), str(key[1]), bool(key[2])
            cases.append(CasesAlike(area, ApplicationStatus(text), at_risk, events_of[key], ids))
        return cases

    def _sparse_events(self, ids: list[int] | Select[Any], letter_action: str) -> _Sparse:
        """What happened to the applications ``ids`` names (a few hundred ids, or a query that
        chooses them) besides their arrival: decisions, review dates, letters."""
        found = _Sparse()
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
            found.decisions[application_id] = (_london_day(decided_at), DecisionOutcome(status))
        for application_id, *days in self.session.execute(
            select(col(ReviewRecord.application_id), *(col(c) for c in _REVIEW_DAYS)).where(
                col(ReviewRecord.application_id).in_(ids)
            )
        ):
            found.reviews[application_id] = tuple(days)
        for action, subject_id, at, detail in self.session.execute(
            select(
                col(AuditEntry.action),
                col(AuditEntry.subject_id),
                col(AuditEntry.at),
                col(AuditEntry.detail),
            )
            .where(
                col(AuditEntry.action).in_([letter_action, AuditAction.APPLICATION_ACKNOWLEDGED]),
                col(AuditEntry.subject_type) == "application",
                col(AuditEntry.subject_id).in_(ids),
            )
            .order_by(col(AuditEntry.id))
        ):
            assert subject_id is not None
            if action == AuditAction.APPLICATION_ACKNOWLEDGED:
                kind = LetterKind.ACKNOWLEDGEMENT  # the acknowledgement email was sent
            elif (detail or {}).get("pdf") is False:
                continue  # the letter read as a page, not made to be sent or printed
            else:
                try:
                    kind = LetterKind(str((detail or {}).get("letter")))
                except ValueError:
                    continue
            found.letters.setdefault(subject_id, {}).setdefault(kind, _london_day(at))
        return found

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


#: The review's dates a clock reads, in :class:`_Sparse`'s order.
_REVIEW_DAYS = (
    ReviewRecord.victim_contacted_on,
    ReviewRecord.information_requested_on,
    ReviewRecord.information_received_on,
    ReviewRecord.meeting_planned_on,
    ReviewRecord.meeting_held_on,
    ReviewRecord.minutes_circulated_on,
    ReviewRecord.action_plan_completed_on,
)


@dataclass
class _Sparse:
    """What happened to some applications besides their arrival (most have none of it)."""

    decisions: dict[int, tuple[date, DecisionOutcome]] = field(default_factory=dict)
    #: The :data:`_REVIEW_DAYS` of each reviewed application.
    reviews: dict[int, tuple[date | None, ...]] = field(default_factory=dict)
    letters: dict[int, dict[LetterKind, date]] = field(default_factory=dict)

    def ids(self) -> set[int]:
        """The applications with anything recorded."""
        return {*self.decisions, *self.reviews, *self.letters}

    def events(self, application_id: int, received: date) -> CaseEvents:
        """The clock's events of one application received on ``received``."""
        decided = self.decisions.get(application_id)
        review = self.reviews.get(application_id) or (None,) * len(_REVIEW_DAYS)
        contacted, requested, in_, planned, held, circulated, completed = review
        return CaseEvents(
            received=received,
            decided=decided[0] if decided else None,
            outcome=decided[1] if decided else None,
            letters=self.letters.get(application_id, {}),
            victim_contacted=contacted,
            information_requested=requested,
            information_received=in_,
            meeting_planned=planned,
            meeting_held=held,
            minutes_circulated=circulated,
            action_plan_completed=completed,
        )


class _UtcHour(FunctionElement[str]):
    """The UTC hour of a timestamp as text, ``YYYY-MM-DD HH`` (England's day is the same for
    every moment of an hour: its offsets from UTC are whole hours)."""

    type = String()
    inherit_cache = True
    name = "utc_hour"


@compiles(_UtcHour)
def _utc_hour_postgresql(element: _UtcHour, compiler: Any, **kw: Any) -> str:
    moment = compiler.process(element.clauses, **kw)
    return f"to_char(({moment}) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"


@compiles(_UtcHour, "sqlite")
def _utc_hour_sqlite(element: _UtcHour, compiler: Any, **kw: Any) -> str:
    # SQLite keeps the moment as naive UTC text
    return f"strftime('%Y-%m-%d %H', {compiler.process(element.clauses, **kw)})"


@lru_cache(maxsize=4096)
def _london_day_of_hour(hour: str) -> date:
    """England's day in the UTC hour ``YYYY-MM-DD HH``."""
    return _london_day(datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC))


def _london_day(moment: datetime) -> date:
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()
