"""The status CASE lives with the tasks (`tasks_catalog.status_sql`), where the listing of
`tasks_catalog.queries` can use it too; these names stay importable from here."""

from tasks_catalog.status_sql import AsOf, done_by, on_time, status_expression

__all__ = ["AsOf", "done_by", "on_time", "status_expression"]
