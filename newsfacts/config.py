"""Paths and settings, resolved in one place: defaults, newsfacts.toml, environment, options."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout holding sql/, expectations/ and samples/ (the package is installed editable).
PROJECT_DIR = PACKAGE_DIR.parent
SQL_DIR = PROJECT_DIR / "sql"
EXPECTATIONS_DIR = PROJECT_DIR / "expectations"
LEXICON_DIR = PACKAGE_DIR / "lexicon"

ENV_PREFIX = "NEWSFACTS_"
CONFIG_ENV = "NEWSFACTS_CONFIG"
DEFAULT_CONFIG = PROJECT_DIR / "newsfacts.toml"

PATH_FIELDS = ("inbox", "warehouse", "reports_dir")
LIST_FIELDS = ("feeds", "urls")
OVERLAP_POLICIES = ("skip", "wait")
MIN_WRITER_MEMORY_MB = 32


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file or variable."""


@dataclass(frozen=True)
class Settings:
    """Resolved settings of one run."""

    inbox: Path = PROJECT_DIR / "samples" / "inbox"
    warehouse: Path = PROJECT_DIR / "warehouse" / "newsfacts.duckdb"
    reports_dir: Path | None = None  # default: <warehouse dir>/reports
    feeds: tuple[str, ...] = ()  # RSS/Atom feed URLs or files
    urls: tuple[str, ...] = ()  # article pages to fetch
    batch_size: int = 64  # articles per extraction batch (one Prefect task each)
    chunk_files: int = 1000  # inbox files read, validated and loaded at a time (bounds memory)
    max_file_bytes: int = 20_000_000  # inputs larger than this are quarantined unread
    n_process: int = 1  # spaCy worker processes
    writer_memory_mb: int = 128  # DuckDB's memory cap while a run writes (it spills beyond)
    interval: int | None = 3600  # seconds between scheduled runs (None when cron is set)
    cron: str | None = None
    overlap: str = "skip"  # a run due while one is going: skip it, or wait for a slot
    max_lateness: int = 600  # seconds; an older scheduled run is skipped, not replayed
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    allow_private: bool = False  # fetch from private networks (never by default)
    allow_loopback: bool = False  # fetch from this machine (tests, local mirrors)
    source: str = "defaults"  # where the settings came from, for `newsfacts config`

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
        """A copy with the given non-None values replaced, each converted to its field's type."""
        known = {f.name: f for f in fields(Settings)}
        given = {}
        for key, value in kwargs.items():
            if value is None:
                continue
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}")
            given[key] = _convert(key, value)
        if "cron" in given and "interval" not in given:
            given["interval"] = None
        return replace(self, **given)

    def as_dict(self) -> dict[str, Any]:
        """Every setting with its resolved value (paths as text), for display."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["reports_dir"] = self.reports
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in out.items()}


def _convert(key: str, value: object) -> object:
    """A raw setting (from TOML, the environment or an option) as its field's type."""
    try:
        if key in PATH_FIELDS:
            path = Path(str(value)).expanduser()
            if ".." in path.parts:
                raise ConfigError(f"{key}: {value!r} contains '..'; give the path without it")
            return path.resolve()
        if key in LIST_FIELDS:
            items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[arg-type]
            return tuple(str(i).strip() for i in items if str(i).strip())
        if key in ("allow_private", "allow_loopback"):
            if isinstance(value, str):
                if value.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ConfigError(f"{key}: {value!r} is not true or false")
                return value.lower() in ("1", "true", "yes")
            return bool(value)
        if key in ("batch_size", "chunk_files", "max_file_bytes", "n_process", "max_lateness", "fetch_max_bytes",
                   "writer_memory_mb"):
            number = int(value)  # type: ignore[arg-type]
            if key == "writer_memory_mb" and number < MIN_WRITER_MEMORY_MB:
                raise ConfigError(f"{key}: {value!r} MB is too little for DuckDB to write "
                                  f"(at least {MIN_WRITER_MEMORY_MB})")
            return number
        if key == "interval":
            return None if value in ("", "none", 0) else int(value)  # type: ignore[arg-type]
        if key == "fetch_timeout":
            return float(value)  # type: ignore[arg-type]
        if key == "overlap" and value not in OVERLAP_POLICIES:
            raise ConfigError(f"overlap: {value!r} is not one of {', '.join(OVERLAP_POLICIES)}")
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"{key}: {value!r} is not a valid value ({exc})") from exc
    return value


# The TOML file's tables map onto the flat settings.
TOML_KEYS = {
    ("sources", "inbox"): "inbox", ("sources", "feeds"): "feeds", ("sources", "urls"): "urls",
    ("warehouse", "path"): "warehouse", ("warehouse", "reports"): "reports_dir",
    ("schedule", "interval"): "interval", ("schedule", "cron"): "cron",
    ("schedule", "overlap"): "overlap", ("schedule", "max_lateness"): "max_lateness",
    ("extract", "batch_size"): "batch_size", ("inbox", "chunk_files"): "chunk_files", ("extract", "processes"): "n_process",
    ("fetch", "timeout"): "fetch_timeout", ("fetch", "max_bytes"): "fetch_max_bytes",
    ("fetch", "allow_private"): "allow_private", ("fetch", "allow_loopback"): "allow_loopback",
    ("inbox", "max_file_bytes"): "max_file_bytes", ("warehouse", "memory_mb"): "writer_memory_mb",
}


def read_config_file(path: Path) -> dict[str, object]:
    """Settings from a newsfacts.toml; unknown keys are an error, not silently ignored."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    out: dict[str, object] = {}
    for table, values in data.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: top-level key {table!r} must be a table like [{table}]")
        for key, value in values.items():
            name = TOML_KEYS.get((table, key))
            if name is None:
                raise ConfigError(f"{path}: unknown setting [{table}] {key}")
            if name in PATH_FIELDS and not Path(str(value)).expanduser().is_absolute():
                if ".." in Path(str(value)).parts:
                    raise ConfigError(f"{path}: {name}: {value!r} contains '..'")
                value = path.parent / str(value)  # relative to the file, not the shell
            out[name] = value
    return out


def load_settings(env: dict[str, str] | None = None, config: Path | None = None,
                  **overrides: object) -> Settings:
    """Defaults, then newsfacts.toml, then NEWSFACTS_* environment variables, then options."""
    env = os.environ if env is None else env
    settings = Settings()
    path = config or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None)
    if path is None and DEFAULT_CONFIG.exists():
        path = DEFAULT_CONFIG
    if path is not None:
        if not path.exists():
            raise ConfigError(f"{path}: configuration file not found")
        settings = settings.with_overrides(**read_config_file(path), source=str(path))
    from_env = {f.name: env[ENV_PREFIX + f.name.upper()] for f in fields(Settings)
                if f.name != "source" and env.get(ENV_PREFIX + f.name.upper()) not in (None, "")}
    settings = settings.with_overrides(**from_env)
    return settings.with_overrides(**overrides)
