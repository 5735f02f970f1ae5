"""Opening an Excel workbook safely: the container checked before openpyxl sees it
(size, regular file, zip, password, unpacked size), then each sheet read row by row with
its width and length bounded, so that no crafted workbook can take the memory."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from tasks_catalog.catalogue.excel_read import Sheet, sheet_key
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem
from tasks_catalog.catalogue.yaml_source import MAX_FILE_BYTES, read_bounded

MAX_UNPACKED_BYTES = 20 * MAX_FILE_BYTES  # a zip bomb unpacks far past this
# No catalogue sheet is wider or longer than this; a cell beyond is refused as it is met,
# before the sheet is held in memory (a cell in column XFD would widen every row).
MAX_COLUMNS = 60
MAX_ROWS = 20_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def read_sheets(path: Path, names: set[str]) -> dict[str, Sheet]:
    """The sheets of `path` whose names (folded) are in `names`, keyed by folded name."""
    _check_container(path)
    file = str(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl fails in many ways on a bad file
        raise _unreadable(file, exc) from None
    sheets: dict[str, Sheet] = {}
    try:
        for worksheet in workbook.worksheets:
            name = sheet_key(worksheet.title)
            if name in names and name not in sheets:
                sheets[name] = Sheet(file, worksheet.title, _bounded_rows(file, worksheet))
    except CatalogueInvalid:
        raise
    except Exception as exc:  # noqa: BLE001 - sheets are parsed lazily, as they are read
        raise _unreadable(file, exc) from None
    finally:
        workbook.close()
    return sheets


def _bounded_rows(file: str, worksheet: Any) -> list[tuple[Any, ...]]:
    """The sheet's values row by row, as written in the file (its declared size may be
    wrong), each row only as wide as its last value; a value past MAX_COLUMNS or MAX_ROWS
    is refused at its cell as soon as it is parsed."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = worksheet.parent
    rows: list[tuple[Any, ...]] = []
    with worksheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            filled = [c for c in cells if c["value"] is not None]
            if not filled:
                continue
            width = max(c["column"] for c in filled)
            where = f"{file}!{worksheet.title}!{get_column_letter(min(width, 16384))}{number}"
            if number > MAX_ROWS:
                raise CatalogueInvalid(
                    [Problem(where, f"trang tính dài quá {MAX_ROWS} hàng của một danh mục")]
                )
            if width > MAX_COLUMNS:
                raise CatalogueInvalid(
                    [Problem(where, f"trang tính rộng quá {MAX_COLUMNS} cột của một danh mục")]
                )
            rows.extend(() for _ in range(len(rows), number - 1))
            row: list[Any] = [None] * width
            for cell in filled:
                row[cell["column"] - 1] = cell["value"]
            rows.append(tuple(row))
    return rows


def _unreadable(file: str, exc: Exception) -> CatalogueInvalid:
    reason = f"không đọc được bảng tính ({exc.__class__.__name__}); hãy mở bằng Excel và lưu lại"
    return CatalogueInvalid([Problem(file, reason)])


def _check_container(path: Path) -> None:
    file = str(path)
    try:
        raw = read_bounded(path)
    except CatalogueInvalid as exc:  # the same reasons, at the file (a workbook has no lines)
        raise CatalogueInvalid([Problem(file, p.message) for p in exc.problems]) from None
    if not raw:
        raise CatalogueInvalid([Problem(file, "tệp rỗng")])
    if raw.startswith(_OLE_MAGIC):
        reason = (
            "tệp có mật khẩu; hãy gỡ mật khẩu trong Excel rồi lưu lại"
            if _ENCRYPTED in raw
            else "tệp Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx"
        )
        raise CatalogueInvalid([Problem(file, reason)])
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise CatalogueInvalid(
            [Problem(file, "không phải tệp Excel .xlsx (tệp hỏng hoặc chỉ đổi đuôi)")]
        ) from None
    if not any(part.filename.startswith("xl/") for part in parts):
        raise CatalogueInvalid([Problem(file, "tệp nén này không phải bảng tính Excel .xlsx")])
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise CatalogueInvalid([Problem(file, "tệp giải nén ra quá lớn")])
