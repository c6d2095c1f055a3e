"""Migration 0006 on real databases: drafts stored before it keep their place in the queue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from storage.database import connect
from storage.migrate import downgrade, upgrade
from storage.unit_of_work import SqlUnitOfWork


@pytest.fixture
def engine_at_0003(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    upgrade(engine)
    downgrade(engine, "0003")
    try:
        yield engine
    finally:
        engine.dispose()


def test_0006_marks_the_drafts_that_carry_a_risk_flag_and_downgrade_removes_its_tables(
    engine_at_0003: Engine,
) -> None:
    now = datetime(2026, 11, 20, tzinfo=UTC)
    insert = text(
        "INSERT INTO applications (id, status, policy, channel, received_at, draft, created_at, "
        "updated_at, version) VALUES (:id, 'ready', 'hartlepool', 'email', :at, :draft, :at, "
        ":at, 1)"
    )
    with engine_at_0003.begin() as connection:
        for number, flags in ((1, '["self_harm"]'), (2, "[]")):
            draft = '{"risk_flags": ' + flags + "}"
            connection.execute(insert, {"id": number, "at": now, "draft": draft})
    upgrade(engine_at_0003)
    with engine_at_0003.connect() as connection:
        marked = dict(connection.execute(text("SELECT id, at_risk FROM applications")).all())
    assert {key: bool(value) for key, value in marked.items()} == {1: True, 2: False}
    with SqlUnitOfWork(engine_at_0003) as uow:
        assert uow.accounts.count() == 0
    downgrade(engine_at_0003, "0003")
    with engine_at_0003.connect() as connection:
        columns = connection.execute(text("SELECT * FROM applications")).keys()
    assert "at_risk" not in columns


def test_0009_keeps_failed_sign_ins_and_downgrade_removes_them(database_url: str) -> None:
    from storage.migrate import current_revision

    engine = connect(database_url)
    try:
        upgrade(engine)
        with SqlUnitOfWork(engine) as uow:
            uow.accounts.record_sign_in_failure(["a" * 64], datetime(2026, 12, 7, tzinfo=UTC))
        downgrade(engine, "0006")
        assert current_revision(engine) == "0006"
        with engine.connect() as connection:
            tables = connection.dialect.get_table_names(connection)
        assert "console_sign_in_failures" not in tables
        upgrade(engine)
        with SqlUnitOfWork(engine) as uow:
            since = datetime(2026, 1, 1, tzinfo=UTC)
            assert uow.accounts.sign_in_failures("a" * 64, since) == []
    finally:
        engine.dispose()
