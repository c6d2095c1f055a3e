"""The officers' console: sign-in accounts (argon2id hashes, role, area) and server-side
sessions.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-06 23:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "console_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("password_changed_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name="fk_console_accounts_officer_id_officers",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_console_accounts"),
        sa.UniqueConstraint("officer_id", name="uq_console_accounts_officer_id"),
        sa.UniqueConstraint("username", name="uq_console_accounts_username"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("last_seen_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["console_accounts.id"],
            name="fk_console_sessions_account_id_console_accounts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_console_sessions"),
    )
    op.create_index("ix_console_sessions_account_id", "console_sessions", ["account_id"])
    # Cases with a risk flag come first in the queue: a column, so that ordering a page of
    # 10,000 cases needs no look inside each draft. Existing drafts are read once here.
    with op.batch_alter_table("applications") as batch:
        batch.add_column(
            sa.Column("at_risk", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_index(
        "ix_applications_queue",
        "applications",
        ["status", "at_risk", "received_at", "id", "policy"],
    )
    applications = sa.table(
        "applications", sa.column("id", sa.Integer()), sa.column("draft", sa.JSON())
    )
    connection = op.get_bind()
    risky = [
        row.id
        for row in connection.execute(sa.select(applications.c.id, applications.c.draft))
        if (row.draft or {}).get("risk_flags")
    ]
    if risky:
        connection.execute(
            sa.text("UPDATE applications SET at_risk = :yes WHERE id = :id"),
            [{"yes": True, "id": one} for one in risky],
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_applications_queue", table_name="applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("at_risk")
    op.drop_index("ix_console_sessions_account_id", table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("console_accounts")
