"""task audit trail (one row per decision) and attachments of progress reports

Revision ID: 0009
Revises: 0010
Create Date: 2026-12-06 02:06:46.439243
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "task_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=254), nullable=False),
        sa.Column("actor_role", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("status_before", sa.String(length=20), nullable=True),
        sa.Column("status_after", sa.String(length=20), nullable=False),
        sa.Column("due_before", sa.Date(), nullable=True),
        sa.Column("due_after", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_audit_task_id_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_audit")),
    )
    with op.batch_alter_table("task_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_audit_task_id"), ["task_id"], unique=False)

    op.create_table(
        "task_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("added_by", sa.String(length=254), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["task_events.id"], name=op.f("fk_task_attachments_event_id_task_events")
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_attachments_task_id_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_attachments")),
    )
    with op.batch_alter_table("task_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_task_attachments_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_task_attachments_task_id"), ["task_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("task_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_attachments_task_id"))
        batch_op.drop_index(batch_op.f("ix_task_attachments_event_id"))

    op.drop_table("task_attachments")
    with op.batch_alter_table("task_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_audit_task_id"))

    op.drop_table("task_audit")
