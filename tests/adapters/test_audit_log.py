"""The audit log refuses a rewrite and detects one, on SQLite and on PostgreSQL (issue 6).

Refused: UPDATE, DELETE, REPLACE and upserts, by the database's triggers (and on PostgreSQL, for
an application role that owns no table, by the privileges it lacks). Detected: whatever is done
behind the application's back (a trigger dropped on SQLite, the superuser on PostgreSQL), by
the hash chain that `trigger audit verify` walks.
"""

from __future__ import annotations

import os
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from storage.audit_chain import (
    GENESIS,
    AuditFinding,
    AuditProblem,
    canonical_content,
    chain_hash,
    normal_detail,
)
from storage.database import connect
from storage.migrate import downgrade, upgrade
from storage.repositories.audit import AuditAction, verify_audit_log
from storage.tables import AuditEntry
from storage.unit_of_work import SqlUnitOfWork
from tests.adapters.test_storage import a_draft, email
from tests.checkout import ROOT, cli
from trigger.vocabulary import Status

COLUMNS = "id, at, actor, action, subject_type, subject_id, detail, prev_hash, hash"
FORGED = "(1, '2020-01-01 00:00:00', 'forger', 'officer.added', NULL, NULL, '{}', 'a', 'b')"


def append(engine: Engine, count: int = 3) -> list[int]:
    """Append ``count`` entries, each in its own unit of work; return their ids."""
    ids = []
    for number in range(count):
        with SqlUnitOfWork(engine) as uow:
            ids.append(
                uow.audit.append(
                    AuditAction.OFFICER_ADDED,
                    actor=f"officer:{number}",
                    subject_type="officer",
                    subject_id=number,
                    detail={"number": number},
                )
            )
    return ids


def behind_the_back(engine: Engine, statement: str) -> None:
    """Run ``statement`` as someone who can lift the append-only triggers: on SQLite anyone
    with the file (drop the triggers), on PostgreSQL the owner or a superuser (disable them)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text(statement))


def trigger(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `trigger ARGS` as a process with this tree's code."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("TRIGGER_")
    }
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return subprocess.run(
        cli(*args),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )


# -- refused ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        f"REPLACE INTO audit_log ({COLUMNS}) VALUES {FORGED}",
        f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) VALUES {FORGED}",
        f"INSERT INTO audit_log ({COLUMNS}) VALUES {FORGED} "
        "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
    ],
)
def test_replace_or_upsert_over_an_entry_then_sqlite_refuses(
    sqlite_url: str, statement: str
) -> None:
    engine = connect(sqlite_url)
    try:
        upgrade(engine)
        append(engine, 1)
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
        with SqlUnitOfWork(engine) as uow:
            assert [entry.actor for entry in uow.audit.trail()] == ["officer:0"]
        assert verify_audit_log(engine).intact
    finally:
        engine.dispose()


def test_upsert_over_an_entry_then_the_database_refuses(engine: Engine) -> None:
    append(engine, 1)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(
            text(
                f"INSERT INTO audit_log ({COLUMNS}) VALUES {FORGED} "
                "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor"
            )
        )
    with SqlUnitOfWork(engine) as uow:
        assert [entry.actor for entry in uow.audit.trail()] == ["officer:0"]


# -- the chain ------------------------------------------------------------------------------


def test_appended_entries_are_chained_and_verify_intact(engine: Engine) -> None:
    append(engine, 3)
    with SqlUnitOfWork(engine) as uow:
        entries = uow.audit.trail()
        in_one_transaction = uow.audit.verify(batch_size=2)
    assert entries[0].prev_hash == GENESIS
    assert [entry.prev_hash for entry in entries[1:]] == [entry.hash for entry in entries[:-1]]
    assert len({entry.hash for entry in entries}) == 3
    verification = verify_audit_log(engine, batch_size=2)
    assert verification.intact and verification.entries == 3
    assert verification.last_hash == entries[-1].hash
    assert in_one_transaction == verification


def test_entries_appended_in_one_unit_of_work_and_after_a_failed_savepoint_chain(
    engine: Engine,
) -> None:
    with SqlUnitOfWork(engine) as uow:
        uow.audit.append(AuditAction.OFFICER_ADDED)
        with pytest.raises(RuntimeError), uow.savepoint():
            uow.audit.append(AuditAction.OFFICER_ADDED, actor="undone")
            raise RuntimeError("undo")
        uow.audit.append(AuditAction.OFFICER_ADDED)
    assert verify_audit_log(engine).entries == 2
    assert verify_audit_log(engine).intact


JSON_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(JSON_TEXT, children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(detail=st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=4), actor=JSON_TEXT)
def test_any_json_detail_round_trips_so_the_chain_verifies(
    engine: Engine, detail: dict[str, Any], actor: str
) -> None:
    with SqlUnitOfWork(engine) as uow:
        entry_id = uow.audit.append(AuditAction.OFFICER_ADDED, actor=actor[:128], detail=detail)
    with SqlUnitOfWork(engine) as uow:
        stored = uow.session.get(AuditEntry, entry_id)
        assert stored is not None
        assert stored.detail == normal_detail(detail)
    verification = verify_audit_log(engine)
    assert verification.findings == []


@pytest.mark.parametrize("writers", [4])
def test_concurrent_appends_never_fork_the_chain(engine: Engine, writers: int) -> None:
    errors: list[BaseException] = []

    def write() -> None:
        try:
            append(engine, 10)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    verification = verify_audit_log(engine)
    assert verification.findings == []
    assert verification.entries == 10 * writers


# -- detected ---------------------------------------------------------------------------------


def test_a_row_rewritten_behind_the_applications_back_is_named_by_verify(
    engine: Engine,
) -> None:
    append(engine, 3)
    behind_the_back(engine, "UPDATE audit_log SET actor = 'someone else' WHERE id = 2")
    assert verify_audit_log(engine).findings == [AuditFinding(2, AuditProblem.CHANGED)]


def test_a_row_rewritten_and_rehashed_is_caught_by_the_entry_after_it(engine: Engine) -> None:
    append(engine, 3)
    with SqlUnitOfWork(engine) as uow:
        first, second, _ = uow.audit.trail()
    # A forger who knows the scheme recomputes entry 2's hash; entry 3 still names the old one.
    content = canonical_content(
        at=second.at,
        actor="someone else",
        action=second.action,
        subject_type=second.subject_type,
        subject_id=second.subject_id,
        detail=second.detail,
    )
    forged = chain_hash(first.hash, content)
    behind_the_back(
        engine, f"UPDATE audit_log SET actor = 'someone else', hash = '{forged}' WHERE id = 2"
    )
    assert verify_audit_log(engine).findings == [AuditFinding(3, AuditProblem.CHAIN_BROKEN)]


def test_an_entry_removed_from_the_middle_breaks_the_chain_at_the_next(engine: Engine) -> None:
    append(engine, 4)
    behind_the_back(engine, "DELETE FROM audit_log WHERE id = 2")
    verification = verify_audit_log(engine, batch_size=1)
    assert verification.findings == [AuditFinding(3, AuditProblem.CHAIN_BROKEN)]
    assert verification.entries == 3


def test_audit_verify_as_a_process_exits_0_when_intact_and_1_naming_the_entry(
    engine: Engine, database_url: str
) -> None:
    append(engine, 3)
    intact = trigger("audit", "verify", "--database-url", database_url)
    assert (intact.returncode, intact.stdout) == (0, "audit log intact: 3 entries\n"), intact.stderr

    behind_the_back(engine, "UPDATE audit_log SET detail = '{\"number\": 7}' WHERE id = 2")
    broken = trigger("audit", "verify", "--database-url", database_url)
    assert broken.returncode == 1, broken.stderr
    assert broken.stdout == "entry 2: changed after it was written\n"
    assert "Traceback" not in broken.stderr


def test_audit_verify_reads_trigger_database_url_and_hides_its_password(
    postgres_url: str,
) -> None:
    engine = connect(postgres_url)
    try:
        upgrade(engine)
        append(engine, 2)
    finally:
        engine.dispose()
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@")  # trust auth ignores it
    verified = trigger("audit", "verify", env={"TRIGGER_DATABASE_URL": with_password})
    assert (verified.returncode, verified.stdout) == (0, "audit log intact: 2 entries\n")
    unreachable = trigger(
        "audit",
        "verify",
        "--database-url",
        "postgresql+psycopg://nobody:pw@127.0.0.1:1/none?connect_timeout=2",
    )
    assert unreachable.returncode == 2
    assert ":pw@" not in unreachable.stderr and "Traceback" not in unreachable.stderr


# -- the migration ------------------------------------------------------------------------------


def test_migration_0002_chains_the_entries_already_there_and_keeps_them_append_only(
    database_url: str,
) -> None:
    engine = connect(database_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as connection:
            for number in range(5):
                connection.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, subject_type, subject_id, "
                        f"detail) VALUES ('2026-01-01 09:0{number}:00.000000', 'system', "
                        f"'inbound.stored', 'inbound', {number}, "
                        f'\'{{"sha256": "{number:064x}", "ratio": 2.0}}\')'
                    )
                )
        upgrade(engine)
        verification = verify_audit_log(engine, batch_size=2)
        assert verification.intact and verification.entries == 5
        append(engine, 1)
        assert verify_audit_log(engine).entries == 6
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
                connection.execute(text(statement))

        assert downgrade(engine, "0001") == "0001"
        columns = {column["name"] for column in inspect(engine).get_columns("audit_log")}
        assert {"prev_hash", "hash"}.isdisjoint(columns)
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_log"))
        upgrade(engine)
        assert verify_audit_log(engine).entries == 6
        assert verify_audit_log(engine).intact
    finally:
        engine.dispose()


# -- PostgreSQL: an application role that owns no table ---------------------------------------


@pytest.fixture
def owner_and_application(postgres_cluster: Any) -> Iterator[tuple[str, str]]:
    """A fresh database and a new LOGIN role: (the owner's URL, the application role's URL)."""
    role = f"app_{uuid.uuid4().hex[:10]}"
    postgres_cluster._admin(f'CREATE ROLE "{role}" LOGIN')
    name = postgres_cluster.create_database()
    try:
        owner_url = postgres_cluster.url(name)
        yield owner_url, owner_url.replace("postgres@", f"{role}@")
    finally:
        postgres_cluster.drop_database(name)
        postgres_cluster._admin(f'DROP ROLE IF EXISTS "{role}"')


REFUSED_TO_THE_APPLICATION = [
    "UPDATE audit_log SET actor = 'x'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
    "DROP TRIGGER audit_log_append_only ON audit_log",
    "DROP TABLE audit_log",
    "CREATE TRIGGER sneak BEFORE INSERT ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()",
]


def test_application_role_writes_as_usual_but_cannot_change_or_unprotect_the_audit_log(
    owner_and_application: tuple[str, str],
) -> None:
    owner_url, application_url = owner_and_application
    role = application_url.split("://", 1)[1].split("@", 1)[0]
    owner = connect(owner_url)
    application = connect(application_url)
    try:
        upgrade(owner, application_role=role)
        with SqlUnitOfWork(application) as uow:
            inbound_id, created = uow.inbound.save(email())
            application_id = uow.applications.save_draft(
                a_draft(threshold=Status.MET), policy="hart", inbound_ids=[inbound_id]
            )
            uow.audit.append(AuditAction.OFFICER_ADDED, actor="officer:1")
        assert created
        with SqlUnitOfWork(application) as uow:  # updates too
            stored = uow.applications.get(application_id)
            assert stored is not None
            uow.applications.save_draft(stored.draft, policy="hart", application_id=application_id)
            claimed = uow.inbound.claim()
            assert [record.id for record in claimed] == [inbound_id]
        for statement in REFUSED_TO_THE_APPLICATION:
            with pytest.raises(DBAPIError), application.begin() as connection:
                connection.execute(text(statement))
        verification = verify_audit_log(application)
        assert verification.intact and verification.entries >= 5
        # The owner still can (that is what migrations need); the chain then tells.
        behind_the_back(owner, "UPDATE audit_log SET actor = 'owner' WHERE id = 1")
        assert verify_audit_log(application).findings == [AuditFinding(1, AuditProblem.CHANGED)]
    finally:
        application.dispose()
        owner.dispose()


def test_db_upgrade_with_a_migration_url_grants_the_application_role(
    owner_and_application: tuple[str, str],
) -> None:
    owner_url, application_url = owner_and_application
    role = application_url.split("://", 1)[1].split("@", 1)[0]
    env = {"TRIGGER_DATABASE_URL": application_url, "TRIGGER_MIGRATION_DATABASE_URL": owner_url}
    upgraded = trigger("db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"application role {role}: granted" in upgraded.stdout
    assert trigger("db", "upgrade", env=env).returncode == 0  # idempotent, grants again
    application = connect(application_url)
    try:
        append(application, 2)
        with pytest.raises(DBAPIError), application.begin() as connection:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER ALL"))
    finally:
        application.dispose()
    verified = trigger("audit", "verify", env=env)
    assert (verified.returncode, verified.stdout) == (0, "audit log intact: 2 entries\n")


def test_serve_migrates_as_the_owner_and_runs_as_the_application_role(
    owner_and_application: tuple[str, str], tmp_path: Path
) -> None:
    owner_url, application_url = owner_and_application
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("TRIGGER_")
    }
    environment.update(
        PYTHONPATH=str(ROOT),
        TRIGGER_DATABASE_URL=application_url,
        TRIGGER_MIGRATION_DATABASE_URL=owner_url,
    )
    process = subprocess.Popen(
        cli("serve"),
        cwd=tmp_path,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)
            if "trigger serve ready" in line:
                break
        process.terminate()
        assert process.wait(timeout=60) == 0, "".join(log)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            log.extend(process.stdout)
            process.stdout.close()
    text_of_log = "".join(log)
    assert "granted its rights" in text_of_log, text_of_log
    assert "Traceback" not in text_of_log
    application = connect(application_url)
    try:
        with pytest.raises(DBAPIError), application.begin() as connection:
            connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
    finally:
        application.dispose()
