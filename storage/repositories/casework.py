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
        limit: int = 500,
    ) -> list[StoredDraft]:
        """Applications in ``areas`` (None: all) and the given statuses (empty: any) whose
        parties' names or emails, incident references or number match ``search``; oldest
        application first."""


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
        limit: int = 500,
    ) -> list[StoredDraft]:
        """See :meth:`CaseQueue.find`."""
        statement = select(ApplicationRecord)
        if areas is not None:
            statement = statement.where(col(ApplicationRecord.policy).in_(list(areas)))
        if statuses:
            statement = statement.where(col(ApplicationRecord.status).in_(list(statuses)))
        if threshold_statuses:
            statement = statement.where(
                col(ApplicationRecord.threshold_status).in_(list(threshold_statuses))
            )
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
            statement = statement.where(or_(*matches))
        statement = statement.order_by(
            col(ApplicationRecord.received_at), col(ApplicationRecord.id)
        ).limit(limit)
        return [
            SqlApplicationRepository._stored(record, ())
            for record in self.session.execute(statement).scalars()
        ]
