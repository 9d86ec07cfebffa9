"""The newsfacts ETL as a Prefect flow: ingest → extract → validate → load/publish → report."""
from __future__ import annotations

import os

# Prefect's temporary server logs a 'database is locked' traceback from its telemetry otherwise.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The library logs what it reads, skips and loads through `logging`; show it in Prefect too.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")

from datetime import datetime, timezone  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from newsfacts import pipeline, progress, report, warehouse  # noqa: E402
from newsfacts.config import Settings, load_settings  # noqa: E402


@task(name="ingest", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def ingest_task(settings: Settings):
    return pipeline.ingest(settings)


@task(name="select-new", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def select_new_task(contents, settings: Settings):
    return pipeline.select_new(contents, settings)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(batch, n_process: int):
    return pipeline.extract(batch, n_process)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(facts, contents, run):
    return pipeline.validate(facts, contents.structured, contents.rejected, run)


@task(name="load-publish", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def load_task(checked, contents, work, run):
    return pipeline.load(checked, contents, work, run)


@flow(name="newsfacts-etl")
def etl(inbox: str | None = None, warehouse_path: str | None = None) -> pipeline.RunSummary:
    """Run the ETL once over an inbox into a warehouse."""
    settings = load_settings(inbox=inbox, warehouse=warehouse_path)
    run = pipeline.start_run(settings)
    stale = pipeline.stale_reason(_scheduled_start(), datetime.now(timezone.utc), settings.max_lateness)
    if stale:
        return pipeline.skipped(run, stale)
    with warehouse.writer_lock(settings, wait_seconds=_lock_wait(settings)):
        progress.stage("ingest")
        contents = ingest_task(settings)
        work = select_new_task(contents, settings)
        facts = []
        parts = list(pipeline.batches(work.articles, settings.batch_size))
        progress.stage("extract", total=len(work.articles))
        for part in parts:
            facts.extend(extract_task(part, settings.n_process))
            progress.advance(len(part))
        progress.stage("validate")
        checked = validate_task(facts, contents, run)
        progress.stage("load")
        summary = load_task(checked, contents, work, run)
    create_markdown_artifact(key="newsfacts-run", markdown=report.summary_markdown(summary),
                             description=f"newsfacts run {summary.run_id}")
    progress.stage("done")
    return summary


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
