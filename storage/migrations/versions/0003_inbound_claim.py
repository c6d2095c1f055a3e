"""Inbound messages taken for drafting: a lease (``claimed_until``) beside the attempts count.

The drafting worker counts an attempt and leases the message in a transaction of its own before
it drafts (so a message that kills its worker again and again is given up after a few tries),
and drafts outside any transaction (so the database is not locked while the language work
runs). The ``attempts`` column itself is in 0001.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 21:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("inbound_messages") as batch:
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("inbound_messages") as batch:
        batch.drop_column("claimed_until")
