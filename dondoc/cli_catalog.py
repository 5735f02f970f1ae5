"""`dondoc catalog …`: validate, load, list and export catalogues."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from sqlalchemy import func, select

from dondoc import cli_extract
from dondoc.context import (
    echo_json,
    engine_from_env,
    fail,
    is_initialised,
    reporting_problems,
    unit_of_work,
    utc_now,
)
from tasks_catalog.calendar import default_calendar
from tasks_catalog.calendar_store import load_calendar
from tasks_catalog.catalogue.checks import KnownCodes
from tasks_catalog.catalogue.files import DocumentFile
from tasks_catalog.catalogue.loader import LoadReport, known_codes
from tasks_catalog.catalogue.service import load_paths, validate_paths
from tasks_catalog.models import Document, Obligation

app = typer.Typer(help="Danh mục văn bản và nhiệm vụ (catalogue).", no_args_is_help=True)

ENTITY_NAMES = {
    "agency": "cơ quan",
    "group": "nhóm cơ quan",
    "person": "người",
    "document": "văn bản",
    "province": "tỉnh",
    "obligation": "nhiệm vụ",
}
ACTION_NAMES = {"created": "thêm", "updated": "sửa", "retired": "ngừng", "unchanged": "giữ nguyên"}


@app.command()
def validate(paths: list[Path] = typer.Argument(..., help="Tệp hoặc thư mục danh mục")) -> None:
    """Kiểm tra tệp danh mục (YAML, Excel) mà không ghi gì vào CSDL.

    Nếu CSDL đã khởi tạo, mã cơ quan và nhiệm vụ đã nạp cũng được dùng để kiểm tra.
    """
    engine = engine_from_env()
    initialised = is_initialised(engine)
    engine.dispose()
    if initialised:
        with unit_of_work() as session:
            known, calendar = known_codes(session), load_calendar(session)
    else:
        known, calendar = KnownCodes(), default_calendar()
    with reporting_problems():
        files = validate_paths(paths, known, calendar)
    obligations = sum(len(f.model.obligations) for f in files if isinstance(f, DocumentFile))
    typer.echo(f"Hợp lệ: {len(files)} tệp, {obligations} nhiệm vụ.")


@app.command()
def load(paths: list[Path] = typer.Argument(..., help="Tệp hoặc thư mục danh mục")) -> None:
    """Nạp danh mục vào CSDL: tất cả hoặc không gì cả; nạp lại không thay đổi gì."""
    with unit_of_work() as session:
        report = load_paths(session, paths, load_calendar(session), utc_now())
    print_load_report(report)


def print_load_report(report: LoadReport) -> None:
    for entity, actions in report.as_dict().items():
        parts = ", ".join(f"{ACTION_NAMES[a]} {n}" for a, n in actions.items())
        typer.echo(f"  {ENTITY_NAMES.get(entity, entity)}: {parts}")
    typer.echo(f"Đã nạp danh mục: {report.changed()} thay đổi.")


@app.command("list")
def list_documents(as_json: bool = typer.Option(False, "--json", help="In ra JSON")) -> None:
    """Liệt kê các văn bản đã nạp và số nhiệm vụ của mỗi văn bản."""
    with unit_of_work() as session:
        counts = dict(
            session.execute(
                select(Obligation.document_id, func.count())
                .where(Obligation.retired_at.is_(None))
                .group_by(Obligation.document_id)
            ).all()
        )
        documents = list(session.scalars(select(Document).order_by(Document.number)))
    rows = [_document_json(d, counts.get(d.id, 0)) for d in documents]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        typer.echo(
            f"{row['number']:<40} {row['issued']}  {row['obligations']:>3} nhiệm vụ  {row['title'][:60]}"
        )


def _document_json(document: Document, obligations: int) -> dict[str, Any]:
    return {
        "number": document.number,
        "kind": document.kind,
        "issuer": document.issuer,
        "province": document.province,
        "issued": document.issued_on.isoformat(),
        "valid_from": document.valid_from.isoformat(),
        "valid_until": document.valid_until.isoformat() if document.valid_until else None,
        "title": document.title,
        "obligations": obligations,
        "file": document.catalogue_file,
    }


@app.command()
def export(
    document: str = typer.Option(None, "--document", help="Số văn bản, ví dụ 124/NQ-HĐND"),
    province: str = typer.Option(None, "--agencies", help="Xuất danh mục cơ quan của tỉnh"),
    output: Path = typer.Option(..., "-o", "--output", help="Tệp ra: .yaml hoặc .xlsx"),
) -> None:
    """Xuất một văn bản (hoặc danh mục cơ quan) ra YAML hoặc Excel."""
    from tasks_catalog.catalogue.export import export_agencies, export_document

    if (document is None) == (province is None):
        raise fail("chọn đúng một trong --document hoặc --agencies", 2)
    if output.suffix.lower() not in {".yaml", ".yml", ".xlsx"}:
        raise fail("tệp ra phải có đuôi .yaml hoặc .xlsx", 2)
    with unit_of_work() as session:
        if document is not None:
            written = export_document(session, document, output)
        else:
            written = export_agencies(session, province, output)
    if written is None:
        raise fail(f"không tìm thấy {document or province} trong CSDL")
    typer.echo(f"Đã xuất {output}.")


@app.command()
def schema(output: Path = typer.Option(None, "-o", "--output")) -> None:
    """In (hoặc ghi) JSON Schema của tệp danh mục."""
    from tasks_catalog.catalogue.json_schema import catalogue_json_schema

    text = json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


# Drafting a catalogue from a resolution's text (issue 6) lives beside the other commands.
app.command()(cli_extract.extract)
app.command()(cli_extract.diff)
