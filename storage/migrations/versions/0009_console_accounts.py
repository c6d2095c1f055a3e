"""The console's failed sign-ins, kept in the database so that the lockout holds across
processes and restarts.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-07 02:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "console_sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_console_sign_in_failures"),
    )
    op.create_index(
        "ix_console_sign_in_failures_key_hash", "console_sign_in_failures", ["key_hash"]
    )
    op.create_index(
        "ix_console_sign_in_failures_failed_at", "console_sign_in_failures", ["failed_at"]
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_console_sign_in_failures_failed_at", table_name="console_sign_in_failures")
    op.drop_index("ix_console_sign_in_failures_key_hash", table_name="console_sign_in_failures")
    op.drop_table("console_sign_in_failures")
