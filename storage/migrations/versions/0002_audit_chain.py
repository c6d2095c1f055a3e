"""Audit log hash chain: every entry carries the hash of the one before it and its own.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 21:30:00+00:00

Adds ``audit_log.prev_hash`` and ``audit_log.hash`` (see ``storage/audit_chain.py``) and chains
the entries already there, in id order. The append-only triggers are lifted for that backfill
only, inside the migration's transaction, and are back before it commits: on PostgreSQL they
are disabled and enabled again (the migration runs as the table's owner); on SQLite they are
dropped and created again (SQLite cannot disable a trigger, and rebuilding the table to make
the columns NOT NULL drops them anyway). Downgrade drops the two columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from storage.audit_chain import GENESIS, canonical_content, chain_hash

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HASH = sa.String(length=64)
BATCH = 1000

# The columns the backfill reads and writes, typed as 0001 created them.
audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.BigInteger()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String()),
    sa.column("action", sa.String()),
    sa.column("subject_type", sa.String()),
    sa.column("subject_id", sa.Integer()),
    sa.column("detail", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
    sa.column("prev_hash", HASH),
    sa.column("hash", HASH),
)

# SQLite's append-only triggers, exactly as 0001 creates them.
SQLITE_TRIGGERS = {
    "audit_log_no_update": (
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE rejected'); END"
    ),
    "audit_log_no_delete": (
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE rejected'); END"
    ),
}


def _is_postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def _lift_append_only() -> None:
    if _is_postgresql():
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _restore_append_only() -> None:
    if _is_postgresql():
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    else:
        for create in SQLITE_TRIGGERS.values():
            op.execute(create)


def _backfill_chain() -> None:
    """Chain the existing entries in id order, ``BATCH`` at a time."""
    bind = op.get_bind()
    update = (
        audit_log.update()
        .where(audit_log.c.id == sa.bindparam("entry_id"))
        .values(prev_hash=sa.bindparam("new_prev_hash"), hash=sa.bindparam("new_hash"))
    )
    prev_hash, last_id = GENESIS, 0
    while True:
        rows = bind.execute(
            sa.select(audit_log)
            .where(audit_log.c.id > last_id)
            .order_by(audit_log.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        changes = []
        for row in rows:
            content = canonical_content(
                at=row.at,
                actor=row.actor,
                action=row.action,
                subject_type=row.subject_type,
                subject_id=row.subject_id,
                detail=row.detail,
            )
            entry_hash = chain_hash(prev_hash, content)
            changes.append({"entry_id": row.id, "new_prev_hash": prev_hash, "new_hash": entry_hash})
            prev_hash, last_id = entry_hash, row.id
        bind.execute(update, changes)


def upgrade() -> None:
    """Upgrade schema."""
    _lift_append_only()
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("prev_hash", HASH, nullable=True))
        batch.add_column(sa.Column("hash", HASH, nullable=True))
    _backfill_chain()
    # SQLite: rebuilt (copy and move) to make the columns NOT NULL; PostgreSQL: ALTER COLUMN.
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("prev_hash", existing_type=HASH, nullable=False)
        batch.alter_column("hash", existing_type=HASH, nullable=False)
    _restore_append_only()


def downgrade() -> None:
    """Downgrade schema: the entries stay, their hashes go."""
    _lift_append_only()
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
    _restore_append_only()
