"""Wiring for the command line: settings, engine, clock and error reporting."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime

import typer
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session

from dondoc.db import make_engine, transaction
from dondoc.settings import Settings, SettingsError
from dondoc.signing_key import check_signing_key
from tasks_catalog.catalogue.problems import CatalogueInvalid
from tasks_catalog.dates import LOCAL_TZ


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"Lỗi: {message}", err=True)
    return typer.Exit(code)


def settings_or_exit() -> Settings:
    """The settings, or one Vietnamese line naming the wrong variable and exit code 2."""
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise fail(str(exc), 2) from None


def engine_from_env() -> Engine:
    return make_engine(settings_or_exit().database_url)


def known_signing_key(engine: Engine, settings: Settings, now: datetime) -> bytes:
    """The signing key the database knows as its own; another key exits 2 saying why.

    A database without the table (not initialised, or not upgraded yet) is left to the
    command, which says what to run.
    """
    if not inspect(engine).has_table("signing_keys"):
        return settings.signing_key()
    try:
        return check_signing_key(engine, settings, now)
    except SettingsError as exc:
        engine.dispose()
        raise fail(str(exc), 2) from None


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")


@contextmanager
def reporting_problems(*, database_untouched: bool = False) -> Iterator[None]:
    """Print every catalogue problem on stderr, one per line, and exit with code 1."""
    try:
        yield
    except CatalogueInvalid as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        tail = "; cơ sở dữ liệu không thay đổi." if database_untouched else "."
        typer.echo(f"{len(exc.problems)} lỗi{tail}", err=True)
        raise typer.Exit(1) from None


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A transaction on the configured database; catalogue problems become exit code 1."""
    engine = engine_from_env()
    if not is_initialised(engine):
        engine.dispose()
        raise fail("cơ sở dữ liệu chưa được khởi tạo; hãy chạy `dondoc init` trước", 2)
    try:
        with reporting_problems(database_untouched=True), transaction(engine) as session:
            yield session
    finally:
        engine.dispose()


def parse_date(value: str, field: str) -> date:
    """Accept 2025-12-31 or 31/12/2025 (how offices write dates)."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise typer.BadParameter(
        f'"{value}" không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)', param_hint=field
    )


def moment_or_now(value: str | None) -> datetime:
    """`--now`: an ISO date-time, Hà Nội time when it has no offset (how people write it);
    none given: this moment."""
    if not value:
        return datetime.now(LOCAL_TZ)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f'"{value}" không phải thời điểm ISO (ví dụ 2025-03-20T07:30)', param_hint="--now"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


def echo_json(payload: object) -> None:
    import json

    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def echo_json_rows(rows: Iterable[Mapping[str, object]], batch: int = 1000) -> int:
    """`echo_json(list(rows))`, written as the rows come, `batch` at a time (memory stays
    flat however many there are); the number of rows written. The same bytes for rows of
    strings, integers (64 bits), booleans, None, dates, str/int enums and lists and dicts of them."""
    import orjson

    options = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME
    options |= orjson.OPT_PASSTHROUGH_SUBCLASS

    def plain(value: object) -> object:  # what json.dumps(…, default=str) writes
        for kind in (bool, int, str, dict, list):
            if isinstance(value, kind):
                return kind(value) if kind is not str else str.__str__(value)  # type: ignore[arg-type]
        return str(value)

    # orjson writes UTF-8 bytes: where stdout is UTF-8 they go to the byte stream under it
    # as they are, rather than decoded here and encoded again (56 MB for 100,000 tasks).
    sys.stdout.flush()
    utf8 = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
    out = getattr(sys.stdout, "buffer", None) if utf8 else None
    write = out.write if out is not None else lambda data: sys.stdout.write(data.decode())
    count = 0
    pending: list[Mapping[str, object]] = []

    def flush() -> None:
        # orjson indents a list's items by two spaces, as json.dumps(indent=2) does.
        data = orjson.dumps(pending, default=plain, option=options)
        write((b"[\n" if count == len(pending) else b",\n") + data[2:-2])
        pending.clear()

    for row in rows:
        pending.append(row)
        count += 1
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    write(b"\n]\n" if count else b"[]\n")
    if out is not None:
        out.flush()
    return count
