"""Case reviews: the SPOC, chair, dates, findings, action plan and recommendations of an
accepted application (the clock's later steps and the yearly figures read them).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 02:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "case_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("spoc_name", sa.String(length=200), nullable=True),
        sa.Column("spoc_contact", sa.String(length=320), nullable=True),
        sa.Column("chair", sa.String(length=200), nullable=True),
        sa.Column("victim_contacted_on", sa.Date(), nullable=True),
        sa.Column("information_requested_on", sa.Date(), nullable=True),
        sa.Column("meeting_planned_on", sa.Date(), nullable=True),
        sa.Column("meeting_held_on", sa.Date(), nullable=True),
        sa.Column("victim_voice", sa.String(length=32), nullable=True),
        sa.Column("victim_voice_note", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("action_plan", sa.Text(), nullable=False),
        sa.Column("recommendations_made", sa.Boolean(), nullable=True),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("minutes_circulated_on", sa.Date(), nullable=True),
        sa.Column("action_plan_completed_on", sa.Date(), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("updated_by", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_case_reviews_application_id_applications",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_reviews"),
        sa.UniqueConstraint("application_id", name="uq_case_reviews_application_id"),
    )
    op.create_index("ix_case_reviews_meeting_held_on", "case_reviews", ["meeting_held_on"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_case_reviews_meeting_held_on", table_name="case_reviews")
    op.drop_table("case_reviews")
