"""`dondoc flows …`: the distributed mode's Prefect deployments.

For a Prefect server; the embedded mode (`dondoc run`) uses APScheduler instead, and the
two must never both schedule the same database's jobs. Prefect is imported only when a
command runs: it costs seconds, and the rest of the CLI does not need it.
"""

from __future__ import annotations

import typer

from dondoc.context import fail

app = typer.Typer(
    help="Luồng Prefect cho chế độ phân tán (cần máy chủ Prefect; chế độ nhúng dùng APScheduler).",
    no_args_is_help=True,
)


@app.command()
def serve(
    sweep_minutes: int = typer.Option(
        5, "--sweep-minutes", min=1, max=59, help="Quét mỗi bao nhiêu phút"
    ),
) -> None:
    """Phục vụ các luồng theo lịch cron trên máy chủ Prefect (PREFECT_API_URL).

    Dành cho máy chủ Prefect; chế độ nhúng (`dondoc run`) dùng APScheduler thay thế.
    """
    try:
        from prefect import serve as prefect_serve
        from prefect.settings import PREFECT_API_URL

        from workflows.flows import deployments
    except ImportError:
        raise fail("chưa cài Prefect; hãy cài gói `prefect` để dùng chế độ phân tán", 2) from None
    if not PREFECT_API_URL.value():
        # Without a server Prefect would start a temporary one that dies with this process:
        # nothing would be distributed, and the runs would be lost with it.
        raise fail(
            "chưa đặt PREFECT_API_URL: lệnh này dành cho máy chủ Prefect (prefect server start); "
            "chế độ nhúng dùng `dondoc run`",
            2,
        )
    typer.echo(
        f"Phục vụ luồng dondoc-tick (mỗi {sweep_minutes} phút và 07:30), "
        "dondoc-deliver (mỗi phút), dondoc-plan (00:05 ngày 01/01), giờ Hà Nội. Ctrl+C để dừng."
    )
    prefect_serve(*deployments(sweep_minutes))
