"""The ETL's steps as plain library calls; flows/etl.py composes them into a Prefect flow."""
from __future__ import annotations

import ctypes
import gc
import logging
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pandas as pd

from . import docs, quality, resolve, timing, warehouse
from .config import Settings
from .models import Article, ArticleFacts, Rejected, StructuredFact
from .sources.inbox import InboxContents, read_files, scan_inbox, signature
from .staging import row_hash, stage

T = TypeVar("T")
log = logging.getLogger("newsfacts")


QUARANTINE_COLUMNS = ["quarantine_id", "run_id", "stage", "table_name", "origin", "check_name",
                      "reason", "record", "quarantined_at"]
RESULT_COLUMNS = ["run_id", "suite", "expectation", "column_name", "severity", "is_success",
                  "observed_value", "unexpected_count", "checked_at", "is_row_level"]


class RunBlocked(RuntimeError):
    """A blocking expectation failed: nothing of the run was published."""


@dataclass(frozen=True)
class RunContext:
    """Identity of one run."""

    run_id: str
    started_at: datetime
    settings: Settings


@dataclass
class NewWork:
    """Articles the warehouse does not hold yet, and how many it already had."""

    articles: list[Article]
    known: int


@dataclass
class Checked:
    """A validated batch: the clean staged tables, what was held back, and the results."""

    clean: dict[str, pd.DataFrame]
    quarantine: pd.DataFrame
    results: pd.DataFrame
    blocking_failures: list[str]
    report_path: Path | None


@dataclass(kw_only=True)
class Counts:
    """What a run read and loaded, added up over its chunks."""

    files_read: int = 0
    files_unchanged: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_duplicate: int = 0
    articles_quarantined: int = 0
    rejected_inputs: int = 0
    loaded: dict[str, int] = field(default_factory=dict)


@dataclass(kw_only=True)
class RunSummary(Counts):
    """What a run did, for the terminal, the audit table and the Prefect artifact."""

    run_id: str
    status: str
    rows_quarantined: int = 0
    expectations_passed: int = 0
    expectations_failed: int = 0
    warehouse: str = ""
    report_path: str | None = None
    message: str | None = None


def start_run(settings: Settings) -> RunContext:
    """A new run id: UTC timestamp plus a random suffix, sortable and unique."""
    now = datetime.now()
    return RunContext(f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}", now, settings)


def stale_reason(scheduled_at: datetime | None, now: datetime, max_lateness: int) -> str | None:
    """Why a scheduled run should not run: it was due long ago (missed while nothing served)."""
    if scheduled_at is None:
        return None
    late = (now - scheduled_at).total_seconds()
    if late > max_lateness:
        return (f"skipped: scheduled for {scheduled_at:%Y-%m-%d %H:%M:%S %Z}, {late:.0f} s ago "
                f"(over max_lateness {max_lateness} s); missed runs are not replayed")
    return None


def skipped(run: RunContext, reason: str) -> RunSummary:
    """The summary of a run that did nothing, and why."""
    log.info("%s", reason)
    return RunSummary(run_id=run.run_id, status="skipped", warehouse=str(run.settings.warehouse),
                      message=reason)


@timing.stage("ingest")
def scan(settings: Settings) -> tuple[list[Path], int]:
    """The inbox's files that changed since a published run read them, and how many did not."""
    found = scan_inbox(settings.inbox)
    seen = warehouse.ingested_files(settings.warehouse)
    fresh = [Path(p) for p, sig in found if seen.get(p) != sig]
    log.info("found %d files in %s; skipped %d unchanged since a run read them", len(found),
             settings.inbox, len(found) - len(fresh))
    return fresh, len(found) - len(fresh)


def nothing_new(run: RunContext, unchanged: int) -> RunSummary:
    """The summary of a run that found nothing to read: it publishes nothing, not even audit."""
    message = f"nothing new: {unchanged} inbox files unchanged since a run read them"
    log.info("%s", message)
    return RunSummary(run_id=run.run_id, status="succeeded", files_unchanged=unchanged,
                      warehouse=str(run.settings.warehouse), message=message)


def _files_frame(paths: Sequence[str], run: RunContext) -> pd.DataFrame:
    rows = []
    for p in paths:
        sig = signature(Path(p))
        if sig is not None:
            rows.append({"path": p, "size": sig[0], "mtime_ns": sig[1], "run_id": run.run_id,
                         "ingested_at": run.started_at})
    return pd.DataFrame(rows, columns=["path", "size", "mtime_ns", "run_id", "ingested_at"])


def ingest(settings: Settings) -> InboxContents:
    """Read the inbox's changed files at once (small inboxes, tests); runs read by chunks."""
    return read_chunk(scan(settings)[0], settings, set())


@timing.stage("ingest")
def read_chunk(paths: Sequence[Path], settings: Settings, seen: set[str]) -> InboxContents:
    """Read some inbox files; an article whose text was already read this run is a duplicate."""
    contents = read_files(list(paths), settings.max_file_bytes, seen, settings.inbox)
    log.info("read %d files: %d articles, %d structured facts", contents.files,
             len(contents.articles), len(contents.structured))
    for origin, article_id in contents.duplicates:
        log.info("skipped %s: same text as article %s already read", origin, article_id)
    for r in contents.rejected:
        log.warning("quarantined %s", r.reason)
    return contents


def select_new(contents: InboxContents, settings: Settings,
               known: set[str] | None = None) -> NewWork:
    """Drop the articles the published warehouse already holds, before any extraction."""
    if known is None:
        known = warehouse.published_article_ids(settings.warehouse)
    new = [a for a in contents.articles if a.article_id not in known]
    log.info("%d new articles; skipped %d already in the warehouse", len(new),
             len(contents.articles) - len(new))
    return NewWork(new, len(contents.articles) - len(new))


def fetch_policy(settings: Settings):
    """How live sources may be fetched, from the settings."""
    from .sources.web import FetchPolicy

    return FetchPolicy(allow_private=settings.allow_private, allow_loopback=settings.allow_loopback,
                       timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes)


@timing.stage("ingest")
def read_feed(feed: str, settings: Settings, known_urls: set[str]) -> InboxContents:
    """The new articles a feed links to; entries that fail are kept as rejects.

    A transient failure to read the feed itself raises, so the orchestrator's retry can try
    again; a feed that cannot be read for good is one reject naming it.
    """
    from .sources import feeds

    policy = fetch_policy(settings)
    try:
        entries = feeds.read_feed(feed, policy)
    except feeds.FetchError as exc:
        if exc.transient:
            raise
        return InboxContents(files=1, rejected=[Rejected(origin=feed, reason=str(exc))])
    except feeds.FeedError as exc:
        return InboxContents(files=1, rejected=[Rejected(origin=feed, reason=str(exc))])
    articles, rejected, skipped = feeds.feed_articles(entries, policy, frozenset(known_urls))
    log.info("feed %s: %d entries, %d new articles, %d already loaded, %d refused", feed,
             len(entries), len(articles), len(skipped), len(rejected))
    for r in rejected:
        log.warning("quarantined %s", r.reason)
    return InboxContents(articles=articles, rejected=rejected, files=1,
                         read_ok=[feed] if not rejected else [])


@timing.stage("ingest")
def read_urls(urls: Sequence[str], settings: Settings, known_urls: set[str]) -> InboxContents:
    """Article pages fetched once each; a URL already loaded is not fetched again."""
    from .sources import feeds

    articles, rejected, skipped = feeds.url_articles(list(urls), fetch_policy(settings),
                                                     frozenset(known_urls))
    log.info("pages: %d new articles, %d already loaded, %d refused", len(articles),
             len(skipped), len(rejected))
    return InboxContents(articles=articles, rejected=rejected, files=len(urls),
                         read_ok=[a.url for a in articles if a.url])


def combine(parts: Sequence[InboxContents]) -> InboxContents:
    """Several sources' contents as one."""
    out = InboxContents()
    for p in parts:
        out.articles += p.articles
        out.structured += p.structured
        out.rejected += p.rejected
        out.duplicates += p.duplicates
        out.read_ok += p.read_ok
        out.paths += p.paths
        out.files += p.files
    return out


def read_live(settings: Settings, known_urls: set[str]) -> InboxContents:
    """Everything the configured feeds and pages hold that is not loaded yet."""
    parts = [read_feed(feed, settings, known_urls) for feed in settings.feeds]
    if settings.urls:
        parts.append(read_urls(settings.urls, settings, known_urls))
    return combine(parts)


def unseen(contents: InboxContents, seen: set[str]) -> InboxContents:
    """The contents without articles whose text this run has already read (listed as duplicates)."""
    fresh = [a for a in contents.articles if a.article_id not in seen]
    dups = [(a.origin, a.article_id) for a in contents.articles if a.article_id in seen]
    return replace(contents, articles=fresh, duplicates=contents.duplicates + dups)


def batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items."""
    for i in range(0, len(items), max(1, size)):
        yield list(items[i:i + size])


@timing.stage("extract")
def extract(articles: Sequence[Article], n_process: int = 1) -> list[ArticleFacts]:
    """Extract the facts of a batch of articles, on `n_process` cores."""
    if n_process > 1 and len(articles) >= 2 * n_process:
        # Several small parts per worker even out articles of different lengths.
        step = max(8, -(-len(articles) // (4 * n_process)))
        parts = [list(articles[i:i + step]) for i in range(0, len(articles), step)]
        return [f for part in _pool(n_process).map(_extract_part, parts) for f in part]
    return _extract_part(articles)


def _extract_part(articles: Sequence[Article]) -> list[ArticleFacts]:
    from .extract import extract_articles  # spaCy loads only where extraction runs

    return extract_articles(articles)


def _warm() -> None:
    from .extract.nlp import get_nlp

    get_nlp()


_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes that keep the model loaded across batches (spawned: the parent has threads)."""
    if workers not in _pools:
        _pools[workers] = ProcessPoolExecutor(workers, mp_context=get_context("spawn"),
                                              initializer=_warm)
    return _pools[workers]


def _reject_rows(rejected: Sequence[Rejected], run: RunContext) -> list[dict]:
    return [{
        "quarantine_id": row_hash("ingest", r.origin, r.reason),
        "run_id": run.run_id, "stage": r.stage, "table_name": r.table, "origin": r.origin,
        "check_name": r.check or "readable_input", "reason": r.reason,
        "record": warehouse.as_json(r.record), "quarantined_at": run.started_at,
    } for r in rejected]


def validate(facts: Sequence[ArticleFacts], structured: Sequence[StructuredFact],
             rejected: Sequence[Rejected], run: RunContext) -> Checked:
    """Stage the batch and run every suite on it; failing rows and rejects go to quarantine."""
    return validate_staged(stage(facts, structured), rejected, run)


@timing.stage("validate")
def validate_staged(staged: dict[str, pd.DataFrame], rejected: Sequence[Rejected],
                    run: RunContext) -> Checked:
    """Run every suite on staged tables; failing rows and rejects go to quarantine."""
    if not rejected and not any(len(f) for f in staged.values()):
        # Nothing to check: skip GX and its start-up cost (a run with nothing new stays fast).
        return Checked(staged, pd.DataFrame(columns=QUARANTINE_COLUMNS),
                       pd.DataFrame(columns=RESULT_COLUMNS), [], None)
    outcome = quality.validate(staged, run.run_id, docs_dir=run.settings.reports / docs.GX_DIR,
                               build_docs=False)
    rows = _reject_rows(rejected, run)
    for q in outcome.quarantined:
        record = warehouse.as_json(q.row)
        origin = _origin_of(q.row, staged, q.table)
        rows.append({
            "quarantine_id": row_hash("validate", q.table, q.expectation_type, q.column, record),
            "run_id": run.run_id, "stage": "validate", "table_name": q.table, "origin": origin,
            "check_name": q.expectation_type, "record": record, "quarantined_at": run.started_at,
            "reason": f"{origin}: {q.reason}" if origin else q.reason,
        })
    results = _results_frame(outcome.results, run)
    quarantine = pd.DataFrame(rows, columns=QUARANTINE_COLUMNS)
    return Checked(outcome.clean, quarantine, results,
                   blocking_message(outcome, outcome.blocking_failures), outcome.report_path)


def _origin_of(row: dict, staged: dict[str, pd.DataFrame], table: str) -> str | None:
    """The input file a staged row came from (its article's origin)."""
    if table == "stg_structured_fact":
        return f"{row.get('origin')}:{row.get('line')}"
    articles = staged["stg_article"]
    hit = articles.loc[articles["article_id"] == row.get("article_id"), "origin"]
    return str(hit.iloc[0]) if len(hit) else None


def _results_frame(results: Sequence, run: RunContext) -> pd.DataFrame:
    return pd.DataFrame([{
        "run_id": run.run_id, "suite": r.suite, "expectation": r.expectation_type,
        "column_name": r.column, "severity": r.severity, "is_success": bool(r.success),
        "observed_value": None if r.observed_value is None else str(r.observed_value),
        "unexpected_count": r.unexpected_count, "checked_at": run.started_at,
        "is_row_level": bool(r.row_level),
    } for r in results], columns=RESULT_COLUMNS)


def blocking_message(outcome: quality.ValidationOutcome, failed: Sequence) -> list[str]:
    """One line per failed blocking expectation: suite, expectation, column, sample values."""
    lines = []
    for r in failed:
        sample = [q.row.get(r.column) if r.column in q.row else q.row
                  for q in outcome.quarantined
                  if q.table == r.suite and q.expectation_type == r.expectation_type
                  and q.column == r.column][:3]
        what = f"{r.unexpected_count} rows, e.g. {sample!r}" if sample else f"observed {r.observed_value!r}"
        lines.append(f"{r.suite}: {r.expectation_type}({r.column or ''}) failed: "
                     + (r.error or what))
    return lines


@timing.stage("validate")
def check_published(con, run: RunContext, marks: dict[str, int] | None = None,
                    audit: dict[str, pd.DataFrame] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Validate what the run wrote to the work copy with the published tables' suites.

    With `marks`, a chunk: the fact tables and the search index, on the rows the chunk loaded
    (above the marks), so a run's memory does not grow with its size. Without, the run:
    dimensions, the run's audit row, its files and `audit` frames (quarantine, results). Any failure in a
    blocking suite blocks the publish: after load, a bad row is a bug in the load, not bad
    input, so it is never quarantined away.
    """
    per_chunk, per_run = warehouse.checked_tables()
    frames = warehouse.check_frames(con, run.run_id, per_chunk if marks is not None else per_run, marks)
    frames.update(audit or {})
    outcome = quality.validate(frames, run.run_id, docs_dir=run.settings.reports / docs.GX_DIR,
                               build_docs=False)
    failed = [r for r in outcome.results if not r.success and r.severity == "blocking"]
    return _results_frame(outcome.results, run), blocking_message(outcome, failed)


def _record_blocked(summary: RunSummary, results: pd.DataFrame, run: RunContext) -> None:
    """Publish only the audit of a blocked run: its row and its expectation results."""
    con = warehouse.open_work_copy(run.settings)
    try:
        con.execute("BEGIN TRANSACTION")
        warehouse.record_validation(con, results)
        warehouse.record_run(con, _run_row(summary, run))
        con.execute("COMMIT")
    except BaseException:
        warehouse.discard(con, run.settings)
        raise
    warehouse.publish(con, run.settings)


@dataclass(kw_only=True)
class Tally(Counts):
    """What the chunks of one run added up to, for its audit row, checks and report."""

    results: list[pd.DataFrame] = field(default_factory=list)
    quarantine: list[pd.DataFrame] = field(default_factory=list)

    @property
    def all_results(self) -> pd.DataFrame:
        frames = [f for f in self.results if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=RESULT_COLUMNS)

    @property
    def all_quarantine(self) -> pd.DataFrame:
        frames = [f for f in self.quarantine if len(f)]
        return (pd.concat(frames, ignore_index=True) if frames
                else pd.DataFrame(columns=QUARANTINE_COLUMNS))

    def summary(self, run: RunContext, status: str) -> RunSummary:
        results = self.all_results
        passed = int(results["is_success"].sum()) if len(results) else 0
        counts = {f.name: getattr(self, f.name) for f in fields(Counts)}
        return RunSummary(
            **counts | {"loaded": dict(self.loaded)}, run_id=run.run_id, status=status,
            rows_quarantined=sum(len(q) for q in self.quarantine),
            expectations_passed=passed, expectations_failed=len(results) - passed,
            warehouse=str(run.settings.warehouse),
            report_path=str(run.settings.reports / "runs" / f"{run.run_id}.html"))


@timing.stage("load")
def begin(run: RunContext) -> None:
    """A fresh private work copy of the published warehouse for this run."""
    warehouse.open_work_copy(run.settings).close()


@timing.stage("load")
def load_chunk(checked: Checked, contents: InboxContents, work: NewWork, run: RunContext,
               tally: Tally, released: Sequence[str] = ()) -> Tally:
    """Load one validated chunk into the work copy; nothing is visible until finish() publishes."""
    held = checked.quarantine.loc[checked.quarantine["table_name"] == "stg_article"]
    tally.files_read += contents.files
    tally.articles_new += len(checked.clean.get("stg_article", ()))
    tally.articles_known += work.known
    tally.articles_duplicate += len(contents.duplicates)
    tally.articles_quarantined += held["record"].nunique()
    tally.rejected_inputs += len(contents.rejected)
    tally.results.append(checked.results)
    tally.quarantine.append(checked.quarantine)
    if checked.blocking_failures:
        warehouse.discard_work(run.settings)
        _block(tally.summary(run, "blocked"), tally.all_results, checked.blocking_failures, run)
    con = warehouse.open_writer(run.settings)
    try:
        con.execute("BEGIN TRANSACTION")
        marks = warehouse.key_marks(con)
        resolved = resolve.apply(con, checked.clean)
        added = warehouse.load_batch(con, resolved, run.run_id, run.started_at)
        del resolved  # (loaded: its frames need not outlive the transaction into the checkpoint)
        for table, n in added.items():
            tally.loaded[table] = tally.loaded.get(table, 0) + n
        warehouse.record_quarantine(con, checked.quarantine)
        warehouse.release_readable(con, contents.read_ok, run.run_id)
        warehouse.mark_released(con, list(released))
        warehouse.record_ingested(con, _files_frame(contents.paths, run))
        if any(added.values()):
            results, blocking = check_published(con, run, marks)
            if blocking:
                raise _Blocked(results, blocking)
            tally.results.append(results)
        con.execute("COMMIT")
    except _Blocked as blocked:
        warehouse.discard(con, run.settings)
        _block(tally.summary(run, "blocked"), pd.concat([tally.all_results, blocked.results],
                                                        ignore_index=True), blocked.lines, run)
    except BaseException:
        warehouse.discard(con, run.settings)
        raise
    # The close checkpoints the chunk into the file, DuckDB's most memory-hungry step: hand back
    # the heap the load freed first, so the two do not add up.
    _return_freed_memory()
    con.close()
    _return_freed_memory()
    return tally


def _return_freed_memory() -> None:
    """Hand the heap a chunk freed back to the system, so a long run's footprint stays flat.

    glibc keeps freed memory in its arenas; after many chunks of large, short-lived frames the
    resident size would creep up with the run's length though nothing is held.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc (macOS, musl): nothing to trim


@timing.stage("publish")
def finish(tally: Tally, run: RunContext) -> RunSummary:
    """Check what the run wrote with the published suites, then publish it atomically or block."""
    s = run.settings
    if warehouse.published_run_status(s.warehouse, run.run_id) == "succeeded":
        # A retry after the publish: the run is in the warehouse already, report it as it is.
        summary = tally.summary(run, "succeeded")
        summary.loaded = dict(tally.loaded)
        render_docs(run)
        return summary
    if not s.work_path.exists():
        raise warehouse.WarehouseError(f"{s.work_path}: the run's work copy is gone (an earlier "
                                       "attempt failed); nothing was published, run again")
    summary = tally.summary(run, "running")
    con = warehouse.open_writer(s)
    try:
        con.execute("BEGIN TRANSACTION")
        warehouse.record_run(con, _run_row(summary, run))
        quarantine = tally.all_quarantine
        if _changed(tally):
            results, blocking = check_published(
                con, run, audit={"quarantine": quarantine, "validation_result": tally.all_results})
            if blocking:
                raise _Blocked(results, blocking)
            tally.results.append(results)
        summary = tally.summary(run, "succeeded")
        warehouse.record_validation(con, tally.all_results)
        warehouse.record_run(con, _run_row(summary, run))
        con.execute("COMMIT")
    except _Blocked as blocked:
        warehouse.discard(con, s)
        _block(summary, pd.concat([tally.all_results, blocked.results], ignore_index=True),
               blocked.lines, run)
    except BaseException:
        warehouse.discard(con, s)
        raise
    warehouse.publish(con, s)
    render_docs(run)
    docs.write_run_page(s.reports, _run_row(summary, run), tally.all_results, quarantine)
    log.info("published %s: %s", s.warehouse, ", ".join(
        f"{t} +{n}" for t, n in summary.loaded.items() if n) or "nothing new")
    return summary


@timing.stage("validate")
def render_docs(run: RunContext) -> None:
    """The Data Docs pages of the run's validation results, rendered once for all its chunks."""
    quality.build_run_docs(run.settings.reports / docs.GX_DIR, run.run_id)


def _changed(tally: Tally) -> bool:
    """Whether the run wrote anything the published suites should check."""
    return bool(sum(tally.loaded.values()) or any(len(q) for q in tally.quarantine))


def load(checked: Checked, contents: InboxContents, work: NewWork, run: RunContext,
         released: Sequence[str] = ()) -> RunSummary:
    """Load one validated batch into a fresh work copy, check it, then publish atomically."""
    begin(run)
    tally = load_chunk(checked, contents, work, run, Tally(), released)
    return finish(tally, run)


class _Blocked(Exception):
    def __init__(self, results: pd.DataFrame, lines: list[str]):
        super().__init__("; ".join(lines))
        self.results, self.lines = results, lines


def _block(summary: RunSummary, results: pd.DataFrame, lines: list[str], run: RunContext):
    """Record a blocked run's audit, publish nothing else, and raise RunBlocked."""
    summary.status = "blocked"
    summary.loaded = {}
    summary.message = "; ".join(lines)
    summary.expectations_passed = int(results["is_success"].sum()) if len(results) else 0
    summary.expectations_failed = len(results) - summary.expectations_passed
    summary.report_path = str(run.settings.reports / "runs" / f"{run.run_id}.html")
    _record_blocked(summary, results, run)
    render_docs(run)
    docs.write_run_page(run.settings.reports, _run_row(summary, run), results,
                        pd.DataFrame(columns=QUARANTINE_COLUMNS))
    raise RunBlocked("blocking expectations failed, nothing published:\n  " + "\n  ".join(lines))


def _run_row(summary: RunSummary, run: RunContext) -> dict:
    return {
        "run_id": run.run_id, "started_at": run.started_at, "finished_at": datetime.now(),
        "status": summary.status, "inbox": str(run.settings.inbox),
        "files_read": summary.files_read, "articles_new": summary.articles_new,
        "articles_known": summary.articles_known,
        "articles_duplicate": summary.articles_duplicate,
        "rows_quarantined": summary.rows_quarantined,
        "rows_loaded": sum(summary.loaded.values()),
        "expectations_passed": summary.expectations_passed,
        "expectations_failed": summary.expectations_failed,
        "report_path": summary.report_path, "message": summary.message,
    }



def run_once(settings: Settings) -> RunSummary:
    """The whole ETL without an orchestrator (tests, benchmarks); flows/etl.py is the same chain."""
    run = start_run(settings)
    with warehouse.writer_lock(settings):
        paths, unchanged = scan(settings)
        if not paths and not (settings.feeds or settings.urls):
            return nothing_new(run, unchanged)
        known = warehouse.published_article_ids(settings.warehouse)
        begin(run)
        tally, seen = Tally(files_unchanged=unchanged), set()

        def process(contents: InboxContents) -> None:
            nonlocal tally
            contents = unseen(contents, seen)
            seen.update(a.article_id for a in contents.articles)
            work = select_new(contents, settings, known)
            facts = [f for part in batches(work.articles, settings.batch_size)
                     for f in extract(part, settings.n_process)]
            checked = validate(facts, contents.structured, contents.rejected, run)
            tally = load_chunk(checked, contents, work, run, tally)

        for chunk in batches(paths, settings.chunk_files):
            process(read_chunk(chunk, settings, seen))
        if settings.feeds or settings.urls:
            process(read_live(settings, warehouse.published_urls(settings.warehouse)))
        return finish(tally, run)


class ReleaseError(RuntimeError):
    """A quarantined row that cannot be released; the message says why."""


def _held_row(settings: Settings, quarantine_id: str) -> dict:
    cols, rows = warehouse.query(settings.warehouse, (
        "SELECT quarantine_id, stage, table_name, origin, check_name, reason, record, is_released "
        "FROM quarantine WHERE quarantine_id LIKE ? || '%'"), [quarantine_id])
    if not rows:
        raise ReleaseError(f"no quarantined row with id {quarantine_id!r}")
    if len(rows) > 1:
        raise ReleaseError(f"id {quarantine_id!r} is ambiguous ({len(rows)} rows); give more of it")
    return dict(zip(cols, rows[0]))


def _article_from_record(rec: dict) -> Article:
    from datetime import date as _date
    published = rec.get("published")
    published = _date.fromisoformat(published) if isinstance(published, str) and published else None
    return Article(article_id=rec["article_id"], text=rec["text"], name=rec["name"],
                   origin=rec["origin"], published=published, title=rec.get("title"),
                   url=rec.get("url"), source=rec.get("source"), dateline=rec.get("dateline"),
                   published_raw=None if published else rec.get("published_raw"))


def release(settings: Settings, quarantine_id: str, fixes: dict[str, str]) -> RunSummary:
    """Re-validate a held row with the given fixes and, when it passes, load and publish it."""
    import json

    held = _held_row(settings, quarantine_id)
    if held["is_released"]:
        raise ReleaseError(f"{held['quarantine_id']} was released already")
    if held["stage"] == "ingest":
        raise ReleaseError(f"{held['origin']} could not be read ({held['reason']}); fix the file: "
                           "a later run that reads it releases this row by itself")
    record = {**json.loads(held["record"]), **fixes}
    run = start_run(settings)
    table = held["table_name"]
    with warehouse.writer_lock(settings):
        if table == "stg_article":
            article = _article_from_record(record)
            facts = extract([article], settings.n_process)
            staged = stage(facts)
        else:
            staged = stage([])
            staged[table] = pd.DataFrame([record], columns=staged[table].columns).astype(object)
            staged["stg_article"] = _published_article_row(settings, record.get("article_id"))
        outcome = quality.validate(staged, run.run_id, docs_dir=settings.reports / docs.GX_DIR)
        still = [q for q in outcome.quarantined if q.expectation_type != quality.HELD]
        if still or outcome.blocking_failures:
            reasons = [q.reason for q in still] + [b.expectation_type for b in outcome.blocking_failures]
            raise ReleaseError("still fails validation: " + "; ".join(reasons))
        checked = Checked(outcome.clean, pd.DataFrame(columns=QUARANTINE_COLUMNS),
                          _results_frame(outcome.results, run), [], outcome.report_path)
        empty = InboxContents()
        released = [held["quarantine_id"]]
        if table == "stg_article":
            released += [r[0] for r in warehouse.query(settings.warehouse, (
                "SELECT quarantine_id FROM quarantine WHERE check_name = ? AND NOT is_released "
                "AND (record->>'article_id') = ?"), [quality.HELD, article.article_id])[1]]
        summary = load(checked, empty, NewWork([], 0), run, released=released)
    return summary


def _published_article_row(settings: Settings, article_id: str | None) -> pd.DataFrame:
    """The staged form of an article already in the warehouse (facts need their article)."""
    cols, rows = warehouse.query(settings.warehouse, (
        "SELECT a.article_id, a.name, a.origin, a.title, a.url, s.name AS source, s.source_id, "
        "a.published_date AS published, a.published_at, NULL AS published_raw, a.dateline, "
        "a.text, a.n_chars FROM dim_article a JOIN dim_source s USING (source_key) "
        "WHERE a.article_id = ?"), [article_id])
    if not rows:
        raise ReleaseError(f"article {article_id!r} of this row is not in the warehouse")
    return pd.DataFrame(rows, columns=cols).astype(object)
