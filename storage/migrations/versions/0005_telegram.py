"""The Telegram bot's tables: each chat's conversation state, and the replies to send.

Raw updates are inbound messages (channel ``telegram``), stored before any handling as every
channel's are. ``telegram_replies`` is an outbox: the replies of an update are written in the
transaction that stores the conversation's new state, then sent, then marked sent.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-06 23:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "telegram_conversations",
        sa.Column("chat_id", sa.String(length=64), nullable=False),
        sa.Column("state", JSON_DOCUMENT, nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("risk_level", sa.String(length=16), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("remind_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_telegram_conversations")),
    )
    op.create_index(
        op.f("ix_telegram_conversations_remind_on"),
        "telegram_conversations",
        ["remind_on"],
        unique=False,
    )
    op.create_table(
        "telegram_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.String(length=64), nullable=False),
        sa.Column("inbound_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("buttons", JSON_DOCUMENT, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("sent_at", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["inbound_id"],
            ["inbound_messages.id"],
            name=op.f("fk_telegram_replies_inbound_id_inbound_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_replies")),
        sa.UniqueConstraint(
            "inbound_id", "position", name=op.f("uq_telegram_replies_inbound_id_position")
        ),
    )
    op.create_index(
        op.f("ix_telegram_replies_chat_id"), "telegram_replies", ["chat_id"], unique=False
    )
    op.create_index(
        op.f("ix_telegram_replies_inbound_id"), "telegram_replies", ["inbound_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_telegram_replies_inbound_id"), table_name="telegram_replies")
    op.drop_index(op.f("ix_telegram_replies_chat_id"), table_name="telegram_replies")
    op.drop_table("telegram_replies")
    op.drop_index(op.f("ix_telegram_conversations_remind_on"), table_name="telegram_conversations")
    op.drop_table("telegram_conversations")
