"""The DuckDB warehouse: migrations, bulk loads, audit, and write-audit-publish."""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from .config import SQL_DIR, Settings

MIGRATIONS_DIR = SQL_DIR / "migrations"
LOAD_DIR = SQL_DIR / "load"
VIEWS_DIR = SQL_DIR / "views"

# The warehouse's own tables; table names in dynamic SQL only ever come from this list.
STAR_TABLES = (
    "dim_date", "dim_source", "dim_article", "dim_person", "dim_organization",
    "dim_location", "dim_project", "dim_metric", "fact_figure", "fact_meeting",
    "bridge_meeting_participant", "fact_mention", "fact_project_mention",
)
AUDIT_TABLES = ("etl_run", "validation_result", "quarantine", "ingested_file")
SEARCH_TABLES = ("search_doc", "search_term")  # the full-text index, grown chunk by chunk
TABLES = STAR_TABLES + AUDIT_TABLES + SEARCH_TABLES
# Checked chunk by chunk on the rows each chunk loaded (so memory stays flat however big a run is);
# the other tables are checked once per run, before the publish.
CHUNK_CHECKED = ("dim_article", "fact_figure", "fact_meeting", "bridge_meeting_participant",
                 "fact_mention", "fact_project_mention") + SEARCH_TABLES

PARAM = re.compile(r"\$([a-z_]+)")


class WarehouseError(RuntimeError):
    """A warehouse operation that cannot go ahead; the message says why."""


class WarehouseBusy(WarehouseError):
    """Another run holds the writer lock."""


# Rows per row group a writer fills. A chunk's commit rewrites each table's last, partly filled row
# group when it checkpoints; with DuckDB's default (122,880) that group holds up to 120,000
# articles' text, so the checkpoint's memory grew with the warehouse (a load peaked 0.2 GB above
# its base at 40,000 articles in a replay). Smaller groups bound it and load a little faster.
ROW_GROUP_SIZE = 16_384


def connect(path: Path | str, read_only: bool = False,
            memory_mb: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (':memory:' for tests), DuckDB's memory capped at `memory_mb`."""
    if read_only and not Path(path).exists():
        raise WarehouseError(f"{path}: no warehouse yet; run `newsfacts run` first")
    if read_only or str(path) == ":memory:":
        return duckdb.connect(str(path), read_only=read_only)
    con = duckdb.connect()
    try:
        # (ATTACH takes no bound parameters: the path is our own setting, quoted as a literal)
        con.execute(f"ATTACH {_path_literal(path)} AS warehouse (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
        if memory_mb is not None:
            _cap_memory(con, Path(path), memory_mb)
    except BaseException:
        con.close()
        raise
    return con


def _cap_memory(con: duckdb.DuckDBPyConnection, path: Path, memory_mb: int) -> None:
    """Cap DuckDB's buffers; what does not fit spills to a folder beside the file.

    Uncapped, a checkpoint that rewrites a table's full row groups now and then took several
    hundred MB more than the chunk's own load, so a long run's peak grew with its length.
    """
    con.execute(f"SET memory_limit = '{int(memory_mb)}MB'")
    con.execute(f"SET temp_directory = {_path_literal(path.with_name(path.name + '.tmp'))}")


def _path_literal(path: Path | str) -> str:
    """A path of our own settings as a quoted SQL literal, for statements that bind no parameters."""
    return "'" + str(path).replace("'", "''") + "'"


def open_writer(settings: Settings) -> duckdb.DuckDBPyConnection:
    """The run's work copy, opened to write with the configured memory cap."""
    return connect(settings.work_path, memory_mb=settings.writer_memory_mb)


def _sql_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.sql"))


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the numbered migrations not yet recorded in schema_migration; return their names."""
    con.execute("""CREATE TABLE IF NOT EXISTS schema_migration (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)""")
    done = {v for (v,) in con.execute("SELECT version FROM schema_migration").fetchall()}
    applied = []
    for path in _sql_files(MIGRATIONS_DIR):
        version = int(path.name.split("_", 1)[0])
        if version in done:
            continue
        if not applied:
            load_fts(con)  # the search macros are bound to the extension's stemmer
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migration VALUES (?, ?, ?)",
                        [version, path.stem, datetime.now()])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(f"migration {path.name} failed: {exc}") from exc
        applied.append(path.stem)
    apply_views(con)
    return applied


def apply_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the analysis views; a view that needs another is retried after it."""
    pending = _sql_files(VIEWS_DIR)
    while pending:
        failed = []
        for path in pending:
            try:
                con.execute(path.read_text(encoding="utf-8"))
            except duckdb.CatalogException:
                failed.append(path)
        if len(failed) == len(pending):
            con.execute(failed[0].read_text(encoding="utf-8"))  # raises the real error
        pending = failed


def _bound(sql: str, params: dict) -> dict:
    """The parameters a statement uses, by the $names it names."""
    return {name: params[name] for name in set(PARAM.findall(sql))}


def run_sql_file(con: duckdb.DuckDBPyConnection, path: Path, params: dict) -> None:
    """Run one SQL statement from a file, binding the $names it uses."""
    sql = path.read_text(encoding="utf-8")
    con.execute(sql, _bound(sql, params))


def table_counts(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    """Row count of each of the project's tables."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def load_batch(con: duckdb.DuckDBPyConnection, staged: dict[str, pd.DataFrame],
               run_id: str, loaded_at: datetime) -> dict[str, int]:
    """Load validated staged tables into the star schema; returns rows added per table."""
    before = table_counts(con, STAR_TABLES)
    load_fts(con)  # the search index's stemmer
    for name, frame in staged.items():
        con.register(name, frame)
    try:
        for path in _sql_files(LOAD_DIR):
            run_sql_file(con, path, {"run_id": run_id, "loaded_at": loaded_at})
    finally:
        for name in staged:
            con.unregister(name)
    after = table_counts(con, STAR_TABLES)
    return {t: after[t] - before[t] for t in STAR_TABLES}


def record_quarantine(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> int:
    """Keep rejected inputs and failing rows; a row already held is not added again."""
    if rows.empty:
        return 0
    before = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    con.register("q_new", rows)
    try:
        con.execute("""INSERT INTO quarantine (quarantine_id, run_id, stage, table_name, origin,
                           check_name, reason, record, quarantined_at)
                       SELECT DISTINCT ON (quarantine_id) quarantine_id, run_id, stage, table_name,
                              origin, check_name, reason, CAST(record AS JSON), quarantined_at
                       FROM q_new AS r
                       WHERE NOT EXISTS (SELECT 1 FROM quarantine AS q
                                         WHERE q.quarantine_id = r.quarantine_id)""")
    finally:
        con.unregister("q_new")
    return con.execute("SELECT count(*) FROM quarantine").fetchone()[0] - before


CHECKS_DIR = SQL_DIR / "checks"


def key_marks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The highest surrogate keys so far: a chunk's rows are those above the marks taken before it."""
    row = con.execute("""SELECT (SELECT coalesce(max(article_key), 0) FROM dim_article),
                                (SELECT coalesce(max(figure_key), 0) FROM fact_figure),
                                (SELECT coalesce(max(meeting_key), 0) FROM fact_meeting)""").fetchone()
    return {"after_article_key": row[0], "after_figure_key": row[1], "after_meeting_key": row[2]}


def check_frames(con: duckdb.DuckDBPyConnection, run_id: str, tables: Iterable[str],
                 marks: dict[str, int] | None = None) -> dict[str, pd.DataFrame]:
    """Rows of the run (above the marks, for a chunk) in the given tables, shaped for their
    suites by sql/checks/<table>.sql."""
    params = {"run_id": run_id, **(marks or {"after_article_key": 0, "after_figure_key": 0,
                                             "after_meeting_key": 0})}
    frames = {}
    for table in tables:
        if table not in TABLES:
            raise WarehouseError(f"{table}: not a warehouse table")
        path = CHECKS_DIR / f"{table}.sql"
        sql = path.read_text(encoding="utf-8")
        frame = con.execute(sql, _bound(sql, params)).df()
        for col in frame.columns:
            # Suites compare days with ISO-date parameters, as for the staged tables.
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                frame[col] = pd.Series([v.date() if pd.notna(v) else None for v in frame[col]],
                                       index=frame.index, dtype=object)
        frames[table] = frame
    return frames


def checked_tables() -> tuple[list[str], list[str]]:
    """Tables with a check query (sql/checks): those checked per chunk, and those per run."""
    names = [p.stem for p in _sql_files(CHECKS_DIR)]
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise WarehouseError(f"sql/checks: {unknown} are not warehouse tables")
    return [n for n in names if n in CHUNK_CHECKED], [n for n in names if n not in CHUNK_CHECKED]


def release_readable(con: duckdb.DuckDBPyConnection, origins: list[str], run_id: str) -> int:
    """Mark earlier ingest rejects of files that read cleanly now as released."""
    if not origins:
        return 0
    con.register("read_ok", pd.DataFrame({"origin": origins}))
    try:
        return con.execute("""UPDATE quarantine SET is_released = true
                              WHERE stage = 'ingest' AND NOT is_released
                                AND origin IN (SELECT origin FROM read_ok)""").fetchone()[0]
    finally:
        con.unregister("read_ok")


def mark_released(con: duckdb.DuckDBPyConnection, quarantine_ids: list[str]) -> None:
    """Flag held rows that a release loaded."""
    if quarantine_ids:
        con.execute("UPDATE quarantine SET is_released = true WHERE quarantine_id IN "
                    "(SELECT unnest(?::VARCHAR[]))", [quarantine_ids])


def record_validation(con: duckdb.DuckDBPyConnection, results: pd.DataFrame) -> None:
    """Record one run's expectation results in the audit history (a retry replaces them)."""
    if results.empty:
        return
    con.register("v_new", results)
    try:
        con.execute("DELETE FROM validation_result WHERE run_id IN (SELECT run_id FROM v_new)")
        con.execute("""INSERT INTO validation_result
                       SELECT run_id, suite, expectation, column_name, severity, is_success,
                              observed_value, unexpected_count, checked_at, is_row_level
                       FROM v_new""")
    finally:
        con.unregister("v_new")


def record_run(con: duckdb.DuckDBPyConnection, run: dict) -> None:
    """Insert or update the audit row of a run."""
    cols = [c for c, *_ in con.execute("DESCRIBE etl_run").fetchall()]
    values = [run.get(c) for c in cols]
    placeholders = ", ".join("?" for _ in cols)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "run_id")
    con.execute(f"INSERT INTO etl_run ({', '.join(cols)}) VALUES ({placeholders}) "
                f"ON CONFLICT (run_id) DO UPDATE SET {updates}", values)


def _read_published(path: Path, sql: str, params: list | None = None) -> list[tuple] | None:
    """Rows from the published warehouse, or None when there is none yet (no file or no table)."""
    if not path.exists():
        return None
    with connect(path, read_only=True) as con:
        try:
            return con.execute(sql, params or []).fetchall()
        except duckdb.CatalogException:
            return None


def published_article_ids(path: Path) -> set[str]:
    """Ids of the articles already in the published warehouse."""
    return {r[0] for r in _read_published(path, "SELECT article_id FROM dim_article") or []}


def published_urls(path: Path) -> set[str]:
    """URLs of the articles already in the published warehouse (live sources skip them)."""
    return {r[0] for r in _read_published(
        path, "SELECT url FROM dim_article WHERE url IS NOT NULL") or []}


def ingested_files(path: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file the published warehouse has read, by path."""
    rows = _read_published(path, "SELECT path, size, mtime_ns FROM ingested_file") or []
    return {p: (size, mtime) for p, size, mtime in rows}


def published_run_status(path: Path, run_id: str) -> str | None:
    """The status of a run in the published warehouse, or None if it was not published."""
    rows = _read_published(path, "SELECT status FROM etl_run WHERE run_id = ?", [run_id])
    return rows[0][0] if rows else None


def record_ingested(con: duckdb.DuckDBPyConnection, files: pd.DataFrame) -> None:
    """Remember the files a run read (path, size, mtime_ns, run_id, ingested_at)."""
    if files.empty:
        return
    con.register("f_new", files)
    try:
        # A file read again (changed since) replaces its row: delete then insert, as the table
        # has no key index to upsert on (migration 026).
        con.execute("DELETE FROM ingested_file WHERE path IN (SELECT path FROM f_new)")
        con.execute("""INSERT INTO ingested_file
                       SELECT DISTINCT ON (path) path, size, mtime_ns, run_id, ingested_at FROM f_new""")
    finally:
        con.unregister("f_new")


@contextmanager
def writer_lock(settings: Settings, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the single-writer lock of the warehouse, or fail with 'another run is in progress'."""
    settings.lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(settings.lock_path, "a+") as fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(f"another run is in progress (writer lock held on "
                                        f"{settings.lock_path})") from None
                time.sleep(0.2)
        try:
            fh.seek(0), fh.truncate(), fh.write(f"{os.getpid()}\n"), fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def open_work_copy(settings: Settings) -> duckdb.DuckDBPyConnection:
    """A private writable copy of the published warehouse, migrated; analysts never see it."""
    work, published = settings.work_path, settings.warehouse
    work.parent.mkdir(parents=True, exist_ok=True)
    # A leftover copy is from a run that died before publishing: it was never visible.
    for stale in (work, work.with_name(work.name + ".wal")):
        stale.unlink(missing_ok=True)
    if published.with_name(published.name + ".wal").exists():
        # Committed changes still in the published file's WAL must be folded in before the
        # copy, or the rename would leave that WAL to be replayed onto a different file.
        try:
            with duckdb.connect(str(published)) as con:
                con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            raise WarehouseError(f"{published}: its write-ahead log could not be checkpointed "
                                 f"({exc}); close other sessions and run again") from exc
    if published.exists():
        shutil.copyfile(published, work)
    con = open_writer(settings)
    migrate(con)
    return con


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Make the work copy the published warehouse in one atomic rename."""
    con.execute("CHECKPOINT")
    con.close()
    work = settings.work_path
    if work.with_name(work.name + ".wal").exists():
        raise WarehouseError(f"{work}: write-ahead log still present after checkpoint; not publishing")
    _fsync(work)
    os.replace(work, settings.warehouse)
    _fsync(settings.warehouse.parent)


def discard(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Drop the work copy of a run that must not be published."""
    try:
        con.close()
    finally:
        discard_work(settings)


def discard_work(settings: Settings) -> None:
    """Remove the private work copy (never the published file or its WAL)."""
    settings.work_path.unlink(missing_ok=True)
    settings.work_path.with_name(settings.work_path.name + ".wal").unlink(missing_ok=True)


def fts_extension_path() -> Path:
    """The full-text-search extension shipped by the duckdb-extension-fts package."""
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).parent / "extensions"
    found = sorted(root.glob(f"v{duckdb.__version__}/fts.duckdb_extension")) or sorted(
        root.glob("*/fts.duckdb_extension"))
    if not found:
        raise WarehouseError(f"no fts extension for DuckDB {duckdb.__version__} under {root}")
    return found[0]


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load full-text search from the installed package (DuckDB cannot download it here)."""
    con.execute(f"LOAD '{fts_extension_path()}'")


def search(path: Path, text: str, limit: int = 10) -> list[dict]:
    """Articles best matching the words, with their score."""
    with connect(path, read_only=True) as con:
        load_fts(con)
        cur = con.execute("""
            SELECT a.article_key, a.article_id, a.name, a.title, a.published_date,
                   s.name AS source, m.score
            FROM search_articles($q, n := $n) AS m
            JOIN dim_article AS a USING (article_key)
            JOIN dim_source AS s USING (source_key)
            ORDER BY m.score DESC, a.article_key""", {"q": text, "n": limit})
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def query(path: Path, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL read-only against the published warehouse; returns column names and rows."""
    with connect(path, read_only=True) as con:
        cur = con.execute(sql, params) if params else con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()


def as_json(value: object) -> str:
    """A record as JSON text for the quarantine table (dates and numbers kept readable)."""
    return json.dumps(value, ensure_ascii=False, default=str)
