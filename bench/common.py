"""What the benchmarks share: where their databases live, timing, and the machine's state."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dondoc.db import normalise_url

CACHE = Path(__file__).parent / ".cache"
POSTGRES_ADMIN = os.environ.get(
    "DONDOC_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def sqlite_url(name: str) -> str:
    CACHE.mkdir(exist_ok=True)
    return f"sqlite:///{CACHE / name}"


def postgres_url(database: str) -> str:
    admin = make_url(normalise_url(POSTGRES_ADMIN))
    return admin.set(database=database).render_as_string(hide_password=False)


def postgres_database_exists(database: str) -> bool:
    admin = create_engine(normalise_url(POSTGRES_ADMIN), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
        ).first()
    admin.dispose()
    return found is not None


def recreate_postgres_database(database: str, *, drop_only: bool = False) -> None:
    admin = create_engine(normalise_url(POSTGRES_ADMIN), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        if not drop_only:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """`with stopwatch() as elapsed: …; elapsed()` in seconds (perf_counter)."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def summary(label: str, values: list[float], unit: str = "s") -> str:
    runs = ", ".join(f"{v:.3f}" for v in values)
    return f"{label}: median {statistics.median(values):.3f} {unit} (runs: {runs})"


def machine() -> str:
    """One line about where the numbers come from: CPUs, model, load before the run."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    model = platform.processor() or platform.machine()
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next(
            (line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line),
            model,
        )
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, load average {load}"
    )


def load_now() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())
