"""`dondoc features coverage`: does every obligation have a scenario that runs it?"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from dondoc.context import echo_json, reporting_problems

if TYPE_CHECKING:
    from tasks_catalog.coverage import Coverage, ObligationRef

PROJECT = Path(__file__).resolve().parent.parent
SEED_CATALOGUES = PROJECT / "tasks_catalog" / "data"
FEATURES = PROJECT / "features"

app = typer.Typer(
    help="Đặc tả chạy được (features/*.feature): kịch bản cho từng nhiệm vụ.",
    no_args_is_help=True,
)


@app.callback()
def features() -> None:
    """Đặc tả chạy được: các tệp .feature tiếng Việt mà bộ kiểm thử chạy."""


@app.command()
def coverage(
    catalogue: list[Path] = typer.Option(
        [SEED_CATALOGUES], "--catalog", help="Thư mục/tệp danh mục (mặc định: danh mục mẫu)"
    ),
    features: Path = typer.Option(FEATURES, "--features", help="Thư mục các tệp .feature"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Liệt kê từng nhiệm vụ của danh mục với các kịch bản chạy nó; lỗi nếu có nhiệm vụ
    chưa có kịch bản nào, hoặc kịch bản ghi sai điều khoản."""
    # Imported here: the Gherkin parser is needed by this command only.
    from tasks_catalog.coverage import catalogue_obligations, compute

    if not features.exists():
        raise typer.BadParameter(f"không có thư mục {features}", param_hint="--features")
    with reporting_problems():
        obligations = catalogue_obligations(catalogue)
    result = compute(obligations, features)
    if as_json:
        echo_json(_as_json(result, catalogue, features))
    else:
        _print(result)
    if not result.ok:
        raise typer.Exit(1)


def _as_json(result: Coverage, catalogue: list[Path], features: Path) -> dict[str, object]:
    return {
        "catalogues": [str(p) for p in catalogue],
        "features": str(features),
        "total": len(result.obligations),
        "covered": len(result.obligations) - len(result.uncovered),
        "uncovered": [o.code for o in result.uncovered],
        "problems": result.problems,
        "unknown_codes": {
            code: [str(s) for s in refs] for code, refs in sorted(result.unknown.items())
        },
        "obligations": [
            {
                "code": o.code,
                "document": o.document,
                "clause": o.clause,
                "kind": o.kind,
                "title": o.title,
                "scenarios": [
                    {"file": s.file, "line": s.line, "name": s.name}
                    for s in result.scenarios[o.code]
                ],
            }
            for o in result.obligations
        ],
    }


def _print(result: Coverage) -> None:
    document = None
    for obligation in result.obligations:
        if obligation.document != document:
            document = obligation.document
            typer.echo(f"\n{document}")
        typer.echo(_line(obligation, result))
    for code, refs in sorted(result.unknown.items()):
        where = ", ".join(str(r) for r in refs[:3])
        typer.echo(f"Lưu ý: mã {code} ({where}) không có trong danh mục đã chọn.")
    for problem in result.problems:
        typer.echo(f"Lỗi: {problem}", err=True)
    total, missing = len(result.obligations), len(result.uncovered)
    percent = 100 * (total - missing) / total if total else 100.0
    typer.echo(f"\n{total - missing}/{total} nhiệm vụ có kịch bản ({percent:.0f}%).")
    if missing:
        typer.echo(
            f"{missing} nhiệm vụ chưa có kịch bản: " + ", ".join(o.code for o in result.uncovered),
            err=True,
        )


def _line(obligation: ObligationRef, result: Coverage) -> str:
    scenarios = result.scenarios[obligation.code]
    if not scenarios:
        return f"  ✗ {obligation.code:<32} {obligation.clause} — CHƯA CÓ KỊCH BẢN"
    where = ", ".join(str(s) for s in scenarios[:3])
    more = f" và {len(scenarios) - 3} nơi khác" if len(scenarios) > 3 else ""
    return f"  ✓ {obligation.code:<32} {obligation.clause} — {where}{more}"
