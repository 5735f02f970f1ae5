"""dashboard indexes (one covering index for the counts) and reported target values

Revision ID: 0011
Revises: 0012
Create Date: 2026-12-06 02:06:21.527246
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import tasks_catalog.types

revision = "0011"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "target_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("obligation_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("reported_by", sa.String(length=254), nullable=False),
        sa.Column("recorded_at", tasks_catalog.types.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["obligation_id"],
            ["obligations.id"],
            name=op.f("fk_target_values_obligation_id_obligations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_values")),
        sa.UniqueConstraint(
            "obligation_id", "reported_on", name=op.f("uq_target_values_obligation_id_reported_on")
        ),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tasks_dashboard",
            [
                "original_due_on",
                "agency_id",
                "obligation_id",
                "status",
                "due_on",
                "completed_on",
                "due_at_completion",
                "subject_agency_id",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_tasks_status_completed",
            [
                "status",
                "completed_on",
                "due_on",
                "due_at_completion",
                "agency_id",
                "obligation_id",
                "subject_agency_id",
            ],
            unique=False,
        )
        batch_op.create_index("ix_tasks_status_due", ["status", "due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_status_due")
        batch_op.drop_index("ix_tasks_status_completed")
        batch_op.drop_index("ix_tasks_dashboard")

    op.drop_table("target_values")
