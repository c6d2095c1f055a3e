"""The officers' queue: applications found by area, status and a search for a name, an email
address, a reference or a case number."""

from __future__ import annotations

import abc
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import String, cast, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from storage.repositories.applications import SqlApplicationRepository, StoredDraft
from storage.tables import (
    ApplicationRecord,
    ApplicationStatus,
    DecisionKind,
    DecisionRecord,
    IncidentRecord,
    PartyRecord,
)

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class CaseSummary:
    """What a list of many cases needs of each: no draft document (the deadlines dashboard's
    rows)."""

    id: int
    policy: str
    status: ApplicationStatus
    #: The draft carries a risk flag (shown first).
    at_risk: bool


class CaseQueue(abc.ABC):
    """The applications an officer's queue lists."""

    @abc.abstractmethod
    def find(
        self,
        *,
        areas: Collection[str] | None = None,
        statuses: Collection[ApplicationStatus] = (),
        threshold_statuses: Collection[str] = (),
        search: str = "",
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[StoredDraft], int]:
        """A page of the applications in ``areas`` (None: all) and the given statuses (empty:
        any) whose parties' names or emails, incident references or number match ``search``:
        those with risk flags first, then the oldest application first. Returns the page and
        how many match in all."""

    @abc.abstractmethod
    def figures_input(
        self, first_day: date, last_day: date, areas: Collection[str] | None = None
    ) -> tuple[list[date], list[tuple[date, str]]]:
        """The days applications were received and the officers' decisions (day, outcome)
        between two days (in England), for ``areas`` (None: all)."""


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlCaseQueue(CaseQueue):
    """The queue over the ``applications``, ``parties`` and ``incidents`` tables."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(
        self,
        *,
        areas: Collection[str] | None = None,
        statuses: Collection[ApplicationStatus] = (),
        threshold_statuses: Collection[str] = (),
        search: str = "",
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[StoredDraft], int]:
        """See :meth:`CaseQueue.find`."""
        conditions: list[ColumnElement[bool]] = []
        if areas is not None:
            conditions.append(col(ApplicationRecord.policy).in_(list(areas)))
        if statuses:
            conditions.append(col(ApplicationRecord.status).in_(list(statuses)))
        if threshold_statuses:
            conditions.append(col(ApplicationRecord.threshold_status).in_(list(threshold_statuses)))
        search = search.strip()
        if search:
            pattern = _like(search)
            party = exists().where(
                col(PartyRecord.application_id) == col(ApplicationRecord.id),
                or_(
                    func.lower(col(PartyRecord.name)).like(pattern, escape="\\"),
                    func.lower(col(PartyRecord.email)).like(pattern, escape="\\"),
                ),
            )
            reference = exists().where(
                col(IncidentRecord.application_id) == col(ApplicationRecord.id),
                func.lower(cast(col(IncidentRecord.references), String)).like(pattern, escape="\\"),
            )
            matches: list[ColumnElement[bool]] = [party, reference]
            number = search.upper().removeprefix("CT-").lstrip("0")
            if number.isdigit():
                matches.append(col(ApplicationRecord.id) == int(number))
            conditions.append(or_(*matches))
        # Count and order on the narrow columns only (sorting whole rows would drag every
        # draft document through the sort); then load the page's rows by id.
        total = int(
            self.session.execute(
                select(func.count(col(ApplicationRecord.id))).where(*conditions)
            ).scalar_one()
        )
        ids = list(
            self.session.execute(
                select(col(ApplicationRecord.id))
                .where(*conditions)
                .order_by(
                    col(ApplicationRecord.at_risk).desc(),
                    col(ApplicationRecord.received_at),
                    col(ApplicationRecord.id),
                )
                .limit(limit)
                .offset(offset)
            ).scalars()
        )
        records = {
            record.id: record
            for record in self.session.execute(
                select(ApplicationRecord).where(col(ApplicationRecord.id).in_(ids))
            ).scalars()
        }
        page = [SqlApplicationRepository._stored(records[one], ()) for one in ids]
        return page, total

    def figures_input(
        self, first_day: date, last_day: date, areas: Collection[str] | None = None
    ) -> tuple[list[date], list[tuple[date, str]]]:
        """See :meth:`CaseQueue.figures_input`."""
        return figures_input(self.session, first_day, last_day, areas)


def figures_input(
    session: Session, first_day: date, last_day: date, areas: Collection[str] | None
) -> tuple[list[date], list[tuple[date, str]]]:
    """What the yearly figures count, between two days (in England): the days applications
    were received and the officers' decisions (day, outcome) on applications of ``areas``."""
    start = datetime.combine(first_day - timedelta(days=1), time(0), tzinfo=UTC)
    end = datetime.combine(last_day + timedelta(days=2), time(0), tzinfo=UTC)
    received_query = select(col(ApplicationRecord.received_at)).where(
        col(ApplicationRecord.received_at) >= start, col(ApplicationRecord.received_at) < end
    )
    decided_query = (
        select(col(DecisionRecord.decided_at), col(DecisionRecord.status))
        .join(ApplicationRecord, col(ApplicationRecord.id) == col(DecisionRecord.application_id))
        .where(
            col(DecisionRecord.kind) == DecisionKind.OFFICER,
            col(DecisionRecord.decided_at) >= start,
            col(DecisionRecord.decided_at) < end,
        )
    )
    if areas is not None:
        received_query = received_query.where(col(ApplicationRecord.policy).in_(list(areas)))
        decided_query = decided_query.where(col(ApplicationRecord.policy).in_(list(areas)))
    received = [_london_day(at) for at in session.execute(received_query).scalars()]
    decided = [(_london_day(at), str(status)) for at, status in session.execute(decided_query)]
    return received, decided


def _london_day(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()
