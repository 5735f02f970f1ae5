"""evidence: one row per file listed (even of equal bytes); mail outages

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inspection_evidence", schema=None) as batch_op:
        batch_op.drop_constraint("uq_inspection_evidence_record_id_sha256", type_="unique")
    op.create_table(
        "mail_outages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("warned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outages")),
    )


def downgrade() -> None:
    op.drop_table("mail_outages")
    # Rows of equal bytes in one record would break the constraint: keep the first of each.
    op.execute(
        "DELETE FROM inspection_evidence WHERE id NOT IN "
        "(SELECT MIN(id) FROM inspection_evidence GROUP BY record_id, sha256)"
    )
    with op.batch_alter_table("inspection_evidence", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_inspection_evidence_record_id_sha256", ["record_id", "sha256"]
        )
