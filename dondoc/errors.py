"""The last guard of the command line: no traceback reaches a person.

Expected problems (bad files, bad options) are reported where they happen. Anything else
that escapes a command (the database connection lost mid-transaction, a bug) becomes one
Vietnamese line on stderr and an exit code, while the full trace goes to the error log:
`DONDOC_ERROR_LOG`, by default `dondoc-errors.log` in the working folder (beside the
SQLite database of the embedded mode). The transaction of the command was rolled back
by then, so nothing it started is left half-written.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

EXIT_DATABASE = 3  # the database could not be reached or dropped the connection
EXIT_INTERNAL = 70  # EX_SOFTWARE: a fault of ours, with its trace in the log


def error_log_path() -> Path:
    return Path(os.environ.get("DONDOC_ERROR_LOG") or "dondoc-errors.log")


def run_guarded(app: Callable[[], object]) -> None:
    """Run the Typer app; turn any escaping exception into a line, a log entry, an exit."""
    try:
        app()
    except (SystemExit, KeyboardInterrupt) as exc:
        if isinstance(exc, KeyboardInterrupt):
            sys.stderr.write("Đã dừng theo yêu cầu.\n")
            raise SystemExit(130) from None
        raise
    except BaseException as exc:  # noqa: BLE001 - the one place that must catch everything
        where = _log_trace(exc)
        message, code = describe(exc)
        sys.stderr.write(f"Lỗi: {message} Chi tiết kỹ thuật ghi ở {where}.\n")
        raise SystemExit(code) from None


def describe(exc: BaseException) -> tuple[str, int]:
    """What a person reads about `exc`, and the exit code."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    ):
        return (
            "mất kết nối tới cơ sở dữ liệu giữa chừng; thao tác đã bị huỷ, dữ liệu không "
            "thay đổi. Hãy kiểm tra máy chủ CSDL rồi chạy lại lệnh.",
            EXIT_DATABASE,
        )
    if isinstance(exc, MemoryError):
        return ("không đủ bộ nhớ để làm việc này; dữ liệu không thay đổi.", EXIT_INTERNAL)
    return (
        f"lỗi không mong đợi ({exc.__class__.__name__}); thao tác đã bị huỷ.",
        EXIT_INTERNAL,
    )


def _log_trace(exc: BaseException) -> Path:
    """Append the trace to the error log (or, if that cannot be written, a temp file)."""
    for path in (error_log_path(), Path(tempfile.gettempdir()) / "dondoc-errors.log"):
        try:
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            continue
        logger = logging.getLogger("dondoc.crash")
        logger.addHandler(handler)
        try:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            logger.error("%s dondoc %s", stamp, " ".join(sys.argv[1:]), exc_info=exc)
        finally:
            logger.removeHandler(handler)
            handler.close()
        return path
    return Path("stderr")
