"""The IMAP intake's memory of each folder: UIDVALIDITY, the last UID stored, and a pause.

A folder whose UIDVALIDITY changes (the server rebuilt its index: every UID may now name
another message) is paused, with an alert, until a person resumes it with
``trigger mailbox resume``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 23:45:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "mail_folders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=512), nullable=False),
        sa.Column("folder", sa.String(length=512), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("paused_at", TIMESTAMP, nullable=True),
        sa.Column("paused_uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mail_folders"),
        sa.UniqueConstraint("mailbox", "folder", name="uq_mail_folders_mailbox_folder"),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("mail_folders")
