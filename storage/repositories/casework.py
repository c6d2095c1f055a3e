"""The officers' queue: applications found by area, status and a search for a name, an email
address, a reference or a case number."""

from __future__ import annotations

import abc
from collections.abc import Collection

from sqlalchemy import String, cast, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from storage.repositories.applications import SqlApplicationRepository, StoredDraft
from storage.tables import ApplicationRecord, ApplicationStatus, IncidentRecord, PartyRecord


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
