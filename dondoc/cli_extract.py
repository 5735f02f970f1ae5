"""`dondoc catalog extract` and `dondoc catalog diff`: a first draft from a resolution,
and what a reviewer changed in it."""

from __future__ import annotations

from pathlib import Path

import typer

from dondoc.context import echo_json, fail, local_today, reporting_problems
from tasks_catalog.catalogue.files import DocumentFile, parse_file
from tasks_catalog.catalogue.problems import CatalogueInvalid, Problem


def extract(
    file: Path = typer.Argument(..., help="Văn bản nguồn: .txt, .docx hoặc .pdf có lớp chữ"),
    output: Path = typer.Option(
        None, "-o", "--output", help="Tệp YAML ghi bản nháp (mặc định: in ra)"
    ),
    agencies: Path = typer.Option(
        None,
        "--agencies",
        help="Danh mục cơ quan của tỉnh (YAML) để ghi mã cơ quan và kiểm tra bản nháp",
    ),
    tcvn3: bool = typer.Option(
        False, "--tcvn3", help="Tệp gõ bằng bảng mã TCVN3 (ABC): chuyển sang Unicode"
    ),
    text_output: Path = typer.Option(
        None,
        "--text-output",
        help="Ghi văn bản thuần mà các vị trí (offsets) trong bản nháp trỏ vào",
    ),
    registry_draft: Path = typer.Option(
        None,
        "--registry-draft",
        help="Tỉnh chưa có danh mục cơ quan: ghi bản nháp danh mục (mọi cơ quan, nhóm văn bản nêu) vào tệp này",
    ),
) -> None:
    """Trích bản nháp danh mục nhiệm vụ từ phần tổ chức thực hiện của một văn bản.

    Mỗi nhiệm vụ có điều khoản, câu trích nguyên văn và vị trí của nó; trường nào do máy
    đoán thì có `assumed`/`assumption` và `confidence` để người rà soát sửa, không phải gõ lại.
    """
    from extraction.agencies import AgencyIndex
    from extraction.errors import ExtractionError

    if agencies and registry_draft:
        raise fail("chỉ dùng một trong hai: --agencies (tỉnh đã có danh mục) hoặc --registry-draft")
    with reporting_problems():
        index = AgencyIndex.load(agencies) if agencies else None
    try:
        if registry_draft:
            result, text = _new_province(file, registry_draft, tcvn3, output, text_output)
        else:
            result, text = _draft(file, index, agencies, tcvn3, output, text_output)
    except ExtractionError as exc:
        raise fail(f"{file}: {exc.message}") from None
    except OSError as exc:
        raise fail(f"không ghi được tệp: {exc.strerror or exc}") from None
    for warning in result.warnings:
        typer.echo(f"Lưu ý: {warning}", err=True)
    if output is None:
        typer.echo(text, nl=False)
        return
    obligations = result.data["obligations"]
    guessed = sum(1 for o in obligations if o.get("assumed"))
    typer.echo(
        f"Đã ghi {output}: {len(obligations)} nhiệm vụ, {guessed} có trường do máy đoán cần rà soát."
    )
    if registry_draft:
        typer.echo(
            f"Đã ghi {registry_draft}: danh mục cơ quan nháp; hãy điền người nhận (people) của "
            f"từng cơ quan, rồi chạy: dondoc catalog validate {output} {registry_draft}"
        )


def _draft(file, index, agencies, tcvn3, output, text_output):  # noqa: ANN001, ANN202
    """Extract, check against the registry, then write: nothing is written on failure."""
    from extraction.draft import extract_draft
    from extraction.output import to_yaml, write_atomically

    result = extract_draft(file, today=local_today(), agencies=index, convert_tcvn3=tcvn3)
    if index is not None:
        _check(result, agencies, file)
    text = to_yaml(result.data, file.name)
    if output is not None:
        write_atomically(output, text)
    if text_output is not None:
        write_atomically(text_output, result.source.text)
    return result, text


def _new_province(file, registry_path, tcvn3, output, text_output):  # noqa: ANN001, ANN202
    """A province without a registry: draft the registry too, check the pair, write both."""
    import tempfile

    from extraction.output import registry_yaml, to_yaml, write_atomically
    from extraction.registry_draft import extract_with_registry_draft

    result, registry = extract_with_registry_draft(file, today=local_today(), convert_tcvn3=tcvn3)
    registry_text = registry_yaml(registry.data(), file.name)
    with tempfile.TemporaryDirectory() as folder:
        written = Path(folder) / "agencies.yaml"
        written.write_text(registry_text, encoding="utf-8")
        _check(result, written, file)
    text = to_yaml(result.data, file.name)
    if output is not None:
        write_atomically(output, text)
    write_atomically(registry_path, registry_text)
    if text_output is not None:
        write_atomically(text_output, result.source.text)
    return result, text


def _check(result: object, agencies: Path, file: Path) -> None:
    """The draft must pass `dondoc catalog validate DRAFT AGENCIES` before it is written."""
    import tempfile

    from extraction.errors import ExtractionError
    from extraction.output import to_yaml
    from tasks_catalog.calendar import default_calendar
    from tasks_catalog.catalogue.checks import KnownCodes
    from tasks_catalog.catalogue.service import validate_paths

    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.yaml"
        draft.write_text(to_yaml(result.data, file.name), encoding="utf-8")  # type: ignore[attr-defined]
        try:
            validate_paths([draft, agencies], KnownCodes(), default_calendar())
        except CatalogueInvalid as exc:
            problems = "; ".join(p.message for p in exc.problems[:5])
            raise ExtractionError(
                f"bản nháp chưa qua kiểm tra (lỗi của dondoc, xin báo lại): {problems}"
            ) from None


def diff(
    old: Path = typer.Argument(..., help="Bản nháp (YAML) do `catalog extract` tạo"),
    new: Path = typer.Argument(..., help="Danh mục sau khi rà soát (YAML hoặc Excel)"),
    as_json: bool = typer.Option(False, "--json", help="In ra JSON"),
    notes: bool = typer.Option(False, "--notes", help="So sánh cả vị trí (offsets) và độ tin cậy"),
) -> None:
    """So sánh hai danh mục của cùng một văn bản: nhiệm vụ thêm, bỏ và trường đã sửa.

    Nhiệm vụ được ghép theo mã, nếu không cùng mã thì theo câu trích.
    """
    from extraction.diff import as_json as diff_json
    from extraction.diff import diff_catalogues, render

    with reporting_problems():
        before, after = _document(old), _document(new)
    result = diff_catalogues(before, after, notes=notes)
    if as_json:
        echo_json(diff_json(result))
    else:
        typer.echo(render(result, old.name, new.name))


def _document(path: Path):  # noqa: ANN202 - a DocumentCatalogue
    parsed = parse_file(path)
    if not isinstance(parsed, DocumentFile):
        raise CatalogueInvalid(
            [Problem(str(path), "không phải danh mục văn bản (cần khóa 'document')")]
        )
    return parsed.model
