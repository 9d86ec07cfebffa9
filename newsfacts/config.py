"""Paths and settings, resolved in one place; each can be overridden by an environment variable."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout holding sql/, expectations/ and samples/ (the package is installed editable).
PROJECT_DIR = PACKAGE_DIR.parent
SQL_DIR = PROJECT_DIR / "sql"
EXPECTATIONS_DIR = PROJECT_DIR / "expectations"
LEXICON_DIR = PACKAGE_DIR / "lexicon"

ENV_PREFIX = "NEWSFACTS_"


@dataclass(frozen=True)
class Settings:
    """Resolved settings of one run."""

    inbox: Path = PROJECT_DIR / "samples" / "inbox"
    warehouse: Path = PROJECT_DIR / "warehouse" / "newsfacts.duckdb"
    reports_dir: Path | None = None  # default: <warehouse dir>/reports
    batch_size: int = 64  # articles per extraction batch (one Prefect task each)
    max_file_bytes: int = 20_000_000  # inputs larger than this are quarantined unread
    n_process: int = 1  # spaCy worker processes

    @property
    def reports(self) -> Path:
        return self.reports_dir or self.warehouse.parent / "reports"

    @property
    def lock_path(self) -> Path:
        return self.warehouse.with_name(self.warehouse.name + ".lock")

    @property
    def work_path(self) -> Path:
        """Private copy a run writes to before it is published over `warehouse`."""
        return self.warehouse.with_name(self.warehouse.name + ".work")

    def with_overrides(self, **kwargs: object) -> Settings:
        """A copy with the given non-None values replaced."""
        given = {k: v for k, v in kwargs.items() if v is not None}
        for key in ("inbox", "warehouse", "reports_dir"):
            if key in given:
                given[key] = Path(str(given[key])).expanduser().resolve()
        return replace(self, **given)


def load_settings(env: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Defaults, then NEWSFACTS_* environment variables, then explicit overrides."""
    env = os.environ if env is None else env
    from_env: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw is None or raw == "":
            continue
        from_env[f.name] = int(raw) if f.type in ("int", int) else raw
    return Settings().with_overrides(**from_env).with_overrides(**overrides)
