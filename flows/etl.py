"""The newsfacts ETL as a Prefect flow: ingest → extract → validate → load/publish → report."""
from __future__ import annotations

import os

# Prefect's temporary server logs a 'database is locked' traceback from its telemetry otherwise.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The library logs what it reads, skips and loads through `logging`; show it in Prefect too.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")

import logging  # noqa: E402
from datetime import datetime, timezone  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from newsfacts import pipeline, progress, report, warehouse  # noqa: E402
from newsfacts.config import Settings, load_settings  # noqa: E402

# The library's logger follows Prefect's level, so its lines reach the UI and the terminal.
logging.getLogger("newsfacts").setLevel(os.environ.get("PREFECT_LOGGING_LEVEL", "INFO").upper())


@task(name="scan-inbox", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def scan_task(settings: Settings):
    return pipeline.scan(settings)


@task(name="known-articles", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def known_task(settings: Settings):
    return warehouse.published_article_ids(settings.warehouse)


@task(name="begin", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def begin_task(run):
    return pipeline.begin(run)


@task(name="read", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_task(paths, settings: Settings, seen):
    return pipeline.read_chunk(paths, settings, seen)


@task(name="known-urls", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def known_urls_task(settings: Settings):
    return warehouse.published_urls(settings.warehouse)


def _transient(task, task_run, state) -> bool:
    """Retry a fetch only when the failure may pass (timeouts, 5xx, 429)."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - the state's own exception
        return bool(getattr(exc, "transient", False))
    return False


@task(name="read-feed", retries=3, retry_delay_seconds=[2, 10, 30], retry_condition_fn=_transient,
      cache_policy=NO_CACHE)
def feed_task(feed: str, settings: Settings, known_urls):
    return pipeline.read_feed(feed, settings, known_urls)


@task(name="read-pages", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def urls_task(settings: Settings, known_urls):
    return pipeline.read_urls(settings.urls, settings, known_urls)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(batch, n_process: int):
    return pipeline.extract(batch, n_process)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(facts, contents, run):
    return pipeline.validate(facts, contents.structured, contents.rejected, run)


@task(name="load-chunk", cache_policy=NO_CACHE)
def load_chunk_task(checked, contents, work, run, tally):
    return pipeline.load_chunk(checked, contents, work, run, tally)


@task(name="check-publish", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def finish_task(tally, run):
    return pipeline.finish(tally, run)


@flow(name="newsfacts-etl")
def etl(inbox: str | None = None, warehouse_path: str | None = None,
        parallel: bool = False) -> pipeline.RunSummary:
    """Run the ETL once over an inbox into a warehouse, chunk by chunk, publishing at the end.

    With `parallel`, extraction batches are submitted to the flow's task runner at once (a Dask
    cluster runs them on its workers); otherwise they run one after another in this process.
    """
    settings = load_settings(inbox=inbox, warehouse=warehouse_path)
    run = pipeline.start_run(settings)
    stale = pipeline.stale_reason(_scheduled_start(), datetime.now(timezone.utc), settings.max_lateness)
    if stale:
        return pipeline.skipped(run, stale)
    with warehouse.writer_lock(settings, wait_seconds=_lock_wait(settings)):
        progress.stage("ingest")
        paths, unchanged = scan_task(settings)
        if not paths and not (settings.feeds or settings.urls):
            summary = pipeline.nothing_new(run, unchanged)
            create_markdown_artifact(key="newsfacts-run", markdown=report.summary_markdown(summary),
                                     description=f"newsfacts run {summary.run_id}")
            return summary
        known = known_task(settings)
        begin_task(run)
        tally, seen = pipeline.Tally(files_unchanged=unchanged), set()

        def process(contents) -> None:
            nonlocal tally
            contents = pipeline.unseen(contents, seen)
            seen.update(a.article_id for a in contents.articles)
            work = pipeline.select_new(contents, settings, known)
            parts = list(pipeline.batches(work.articles, settings.batch_size))
            if parallel:
                futures = [extract_task.submit(part, 1) for part in parts]
                facts = [f for fut in futures for f in fut.result()]
            else:
                facts = [f for part in parts for f in extract_task(part, settings.n_process)]
            checked = validate_task(facts, contents, run)
            tally = load_chunk_task(checked, contents, work, run, tally)

        progress.stage("extract", total=len(paths))
        for chunk in pipeline.batches(paths, settings.chunk_files):
            process(read_task(chunk, settings, seen))
            progress.advance(len(chunk))
        if settings.feeds or settings.urls:
            progress.stage("live")
            process(_read_live(settings))
        progress.stage("publish")
        summary = finish_task(tally, run)
    create_markdown_artifact(key="newsfacts-run", markdown=report.summary_markdown(summary),
                             description=f"newsfacts run {summary.run_id}")
    progress.stage("done")
    return summary


def _read_live(settings: Settings):
    """Feeds and pages, each in its own retried task; one that keeps failing is a reject."""
    from newsfacts.models import Rejected
    from newsfacts.sources.inbox import InboxContents

    known_urls = known_urls_task(settings)
    parts = []
    for feed in settings.feeds:
        state = feed_task(feed, settings, known_urls, return_state=True)
        if state.is_completed():
            parts.append(state.result())
        else:
            reason = f"{feed}: could not be read after retries: {state.message}"
            parts.append(InboxContents(files=1, rejected=[Rejected(origin=feed, reason=reason)]))
    if settings.urls:
        parts.append(urls_task(settings, known_urls))
    return pipeline.combine(parts)


def _scheduled_start() -> datetime | None:
    """When the scheduler meant this run to start (None for a run started by hand)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    if ctx is None or ctx.flow_run is None or ctx.flow_run.deployment_id is None:
        return None
    return ctx.flow_run.expected_start_time


def _lock_wait(settings: Settings) -> float:
    # Under the "wait" overlap policy a run queues for the writer; under "skip" it fails fast.
    return float(settings.interval or 3600) if settings.overlap == "wait" else 0.0


def dask_etl(address: str | None = None, workers: int = 2):
    """The flow on a Dask cluster: the one at `address`, or a local one of `workers` processes."""
    from prefect_dask import DaskTaskRunner

    runner = (DaskTaskRunner(address=address) if address else DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                        "dashboard_address": None}))
    return etl.with_options(task_runner=runner)


def serve(settings: Settings, name: str = "newsfacts-etl") -> None:
    """Serve the flow as a deployment on the configured schedule; runs never overlap."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    strategy = (ConcurrencyLimitStrategy.CANCEL_NEW if settings.overlap == "skip"
                else ConcurrencyLimitStrategy.ENQUEUE)
    etl.serve(
        name=name,
        interval=settings.interval if not settings.cron else None,
        cron=settings.cron,
        parameters={"inbox": str(settings.inbox), "warehouse_path": str(settings.warehouse)},
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=strategy),
        limit=1,
        description="newsfacts ETL: inbox and live sources to the validated DuckDB warehouse",
    )


if __name__ == "__main__":
    etl()
