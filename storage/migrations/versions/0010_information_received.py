"""The day the partners' information was received, on the case review (it ends the clock's
partner-responses step).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 05:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("case_reviews") as batch:
        batch.add_column(sa.Column("information_received_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("case_reviews") as batch:
        batch.drop_column("information_received_on")
