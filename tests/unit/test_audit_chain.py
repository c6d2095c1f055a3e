"""The audit log's hash chain as pure code, and the fake audit log that chains like the real one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

import pytest

from app.cli.audit import describe
from storage.audit_chain import (
    GENESIS,
    AuditFinding,
    AuditProblem,
    canonical_at,
    canonical_content,
    normal_detail,
)
from storage.migrate import application_role
from storage.repositories.audit import AuditAction
from tests.fakes import FakeStorage


class Colour(StrEnum):
    RED = "red"


@pytest.mark.parametrize(
    ("detail", "normal"),
    [
        ({}, {}),
        ({"ids": (1, 2)}, {"ids": [1, 2]}),
        ({"status": Colour.RED}, {"status": "red"}),
        (
            {"count": 3.0, "big": 1e16, "small": 1.5e-7},
            {"count": 3, "big": 10**16, "small": 1.5e-7},
        ),
        ({"nested": {"z": [None, True, "é"]}}, {"nested": {"z": [None, True, "é"]}}),
    ],
)
def test_normal_detail_is_what_both_databases_give_back(
    detail: dict[str, Any], normal: dict[str, Any]
) -> None:
    assert normal_detail(detail) == normal
    assert normal_detail(normal) == normal
    assert type(normal_detail(detail).get("count", 0)) is int


@pytest.mark.parametrize(
    "detail", [{"x": float("nan")}, {"x": float("inf")}, {"x": {1: "int key"}}, {"x": object()}]
)
def test_normal_detail_when_not_json_then_refused(detail: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)):
        normal_detail(detail)


def test_canonical_at_is_utc_to_the_microsecond_whatever_the_zone() -> None:
    instant = datetime(2026, 3, 29, 1, 30, 0, 5, tzinfo=UTC)
    bst = instant.astimezone(timezone(timedelta(hours=1)))
    assert canonical_at(instant) == canonical_at(bst) == "2026-03-29T01:30:00.000005Z"
    assert canonical_at(instant.replace(tzinfo=None)) == "2026-03-29T01:30:00.000005Z"


def test_canonical_content_sorts_keys_and_has_no_spaces() -> None:
    content = canonical_content(
        at=datetime(2026, 1, 2, tzinfo=UTC),
        actor="system",
        action="officer.added",
        subject_type=None,
        subject_id=None,
        detail={"b": 1, "a": "é"},
    )
    assert content == (
        '{"action":"officer.added","actor":"system","at":"2026-01-02T00:00:00.000000Z",'
        '"detail":{"a":"é","b":1},"subject_id":null,"subject_type":null}'
    )


def test_fake_audit_log_chains_its_entries_and_verify_finds_a_rewrite() -> None:
    storage = FakeStorage()
    with storage.unit_of_work() as uow:
        for number in range(3):
            uow.audit.append(AuditAction.OFFICER_ADDED, subject_type="officer", subject_id=number)
        verification = uow.audit.verify(batch_size=2)
    assert verification.intact and verification.entries == 3
    entries = storage.tables.audit
    assert entries[0].prev_hash == GENESIS
    assert [entry.prev_hash for entry in entries[1:]] == [entry.hash for entry in entries[:-1]]

    entries[1].actor = "someone else"
    with storage.unit_of_work() as uow:
        assert uow.audit.verify().findings == [AuditFinding(2, AuditProblem.CHANGED)]
    del entries[1]
    with storage.unit_of_work() as uow:
        assert uow.audit.verify().findings == [AuditFinding(3, AuditProblem.CHAIN_BROKEN)]


def test_findings_are_rendered_as_one_line_naming_the_entry() -> None:
    assert describe(AuditFinding(17, AuditProblem.CHANGED)) == (
        "entry 17: changed after it was written"
    )
    assert describe(AuditFinding(17, AuditProblem.CHAIN_BROKEN)) == (
        "entry 17: chain broken (entry before it removed or changed)"
    )


@pytest.mark.parametrize(
    ("application", "migration", "role"),
    [
        ("postgresql+psycopg://app:pw@db/t", "postgresql+psycopg://owner:pw@db/t", "app"),
        ("postgresql+psycopg://app@db/t", "postgresql+psycopg://app@db/t", None),
        ("postgresql+psycopg://db/t", "postgresql+psycopg://owner@db/t", None),
        ("sqlite:///var/t.sqlite3", "sqlite:///var/t.sqlite3", None),
        ("postgresql+psycopg://app@db/t", "sqlite:///var/t.sqlite3", None),
        ("not a url", "postgresql+psycopg://owner@db/t", None),
    ],
)
def test_application_role_is_granted_only_when_postgresql_urls_name_different_users(
    application: str, migration: str, role: str | None
) -> None:
    assert application_role(application, migration) == role
