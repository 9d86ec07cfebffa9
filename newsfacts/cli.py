"""The `newsfacts` command line."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import progress, warehouse
from .config import load_settings

app = typer.Typer(help="Turn news articles into a validated DuckDB warehouse of facts.",
                  no_args_is_help=True, add_completion=False)
# Piped output is read in files and editors: use a wide page there instead of 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)

InboxOpt = Annotated[Optional[Path], typer.Option("--inbox", help="Inbox folder to read.")]
WarehouseOpt = Annotated[Optional[Path], typer.Option("--warehouse", help="DuckDB warehouse file.")]


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def _quiet_prefect(verbose: bool = False) -> None:
    """Keep Prefect's own logging out of the user's terminal unless asked for."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")


def _print_pairs(title: str, rows: list[tuple[str, str]]) -> None:
    table = Table(title=title, show_header=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for k, v in rows:
        table.add_row(escape(k), escape(v))
    out.print(table)


@app.command()
def run(inbox: InboxOpt = None, warehouse_path: WarehouseOpt = None,
        runner: Annotated[str, typer.Option("--runner", help="Task runner: default or dask.")] = "default",
        dask_address: Annotated[Optional[str], typer.Option(
            "--dask-address", help="Scheduler of a running Dask cluster, e.g. tcp://10.0.0.5:8786 "
                                   "(default: a local cluster of two worker processes).")] = None,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show the run's log: what it "
                                              "read, skipped and loaded.")] = False) -> None:
    """Run the ETL flow once: ingest the inbox, extract, validate, load and publish."""
    if runner not in ("default", "dask"):
        _fail(f"unknown runner {runner!r}; use default or dask", 2)
    _quiet_prefect(verbose)
    from flows.etl import dask_etl, etl  # Prefect loads only for the commands that run flows

    flow_fn = dask_etl(dask_address) if runner == "dask" else etl

    from .pipeline import RunBlocked
    from .report import summary_rows
    from .sources.inbox import InputError

    settings = load_settings(inbox=inbox, warehouse=warehouse_path)
    try:
        with warehouse.writer_lock(settings):  # fail fast, before Prefect starts a server
            pass
    except warehouse.WarehouseBusy as exc:
        _fail(str(exc), 75)
    bar = Progress(TextColumn("{task.description:<10}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                   TimeElapsedColumn(), console=err, transient=True)
    current: dict[str, int] = {}

    def on_event(event: str, stage: str, amount: int) -> None:
        if event == "stage":
            for tid in current.values():
                bar.update(tid, completed=bar.tasks[tid].total)
            if stage != "done":
                current[stage] = bar.add_task(stage, total=amount or 1)
        elif current:
            bar.advance(list(current.values())[-1], amount)

    unsubscribe = progress.subscribe(on_event)
    try:
        with bar:
            summary = flow_fn(inbox=str(settings.inbox), warehouse_path=str(settings.warehouse),
                              parallel=runner == "dask")
    except warehouse.WarehouseBusy as exc:
        _fail(str(exc), 75)
    except RunBlocked as exc:
        _fail(str(exc), 1)
    except (InputError, warehouse.WarehouseError) as exc:
        _fail(str(exc), 2)
    finally:
        unsubscribe()
    _print_pairs("newsfacts run", summary_rows(summary))


@app.command()
def config(config_file: Annotated[Optional[Path], typer.Option("--config", help="A newsfacts.toml to read.")] = None) -> None:
    """Print the resolved configuration: defaults, newsfacts.toml, environment, in that order."""
    from .config import ConfigError

    try:
        settings = load_settings(config=config_file)
    except ConfigError as exc:
        _fail(str(exc), 2)
    _print_pairs(f"newsfacts configuration (file: {settings.source})",
                 [(k, json.dumps(v) if isinstance(v, (list, tuple)) else str(v))
                  for k, v in settings.as_dict().items() if k != "source"])


@app.command()
def serve(cron: Annotated[Optional[str], typer.Option("--cron", help="Cron schedule, e.g. '0 * * * *'.")] = None,
          interval: Annotated[Optional[int], typer.Option("--interval", help="Seconds between runs.")] = None,
          inbox: InboxOpt = None, warehouse_path: WarehouseOpt = None,
          name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "newsfacts-etl") -> None:
    """Serve the ETL flow as a Prefect deployment on a schedule (default: the configured one)."""
    from .config import ConfigError

    if cron and interval:
        _fail("give --cron or --interval, not both", 2)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Flow runs start in their own processes: tell them to show the library's log lines.
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsfacts")
    try:
        settings = load_settings(inbox=inbox, warehouse=warehouse_path, cron=cron, interval=interval)
    except ConfigError as exc:
        _fail(str(exc), 2)
    from flows.etl import serve as serve_flow

    when = f"cron {settings.cron!r}" if settings.cron else f"every {settings.interval} s"
    err.print(f"serving {name} {when}: {settings.inbox} -> {settings.warehouse} "
              f"(overlap: {settings.overlap}); Ctrl-C stops")
    serve_flow(settings, name=name)


@app.command()
def extract(files: Annotated[list[Path], typer.Argument(help="Article files (corpus format).")],
            format: Annotated[str, typer.Option("--format", help="Output format: json.")] = "json") -> None:
    """Print the facts of article files as a JSON array in the gold format; no warehouse."""
    from .extract import extract_articles
    from .sources.articles import ArticleFormatError, parse_article_text
    from .sources.inbox import InputError, decode, read_bytes

    if format != "json":
        _fail(f"unknown format {format!r}; only 'json' is supported", 2)
    articles = []
    for path in files:
        try:
            text = decode(read_bytes(path, load_settings().max_file_bytes), str(path))
            articles.append(parse_article_text(text, path.name, str(path)))
        except (OSError, InputError, ArticleFormatError) as exc:
            _fail(str(exc), 2)
    facts = extract_articles(articles)
    sys.stdout.write(json.dumps([f.to_gold() for f in facts], ensure_ascii=False, indent=1) + "\n")


@app.command()
def sql(query: Annotated[str, typer.Argument(help="SQL to run read-only, or a .sql file.")],
        warehouse_path: WarehouseOpt = None,
        fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table") -> None:
    """Run SQL read-only against the published warehouse and print the result."""
    import csv

    import duckdb

    if fmt not in ("table", "csv", "json"):
        _fail(f"unknown format {fmt!r}; use table, csv or json", 2)
    settings = load_settings(warehouse=warehouse_path)
    if query.strip().endswith(".sql") and Path(query.strip()).is_file():
        query = Path(query.strip()).read_text(encoding="utf-8")
    try:
        cols, rows = warehouse.query(settings.warehouse, query)
    except (duckdb.Error, warehouse.WarehouseError) as exc:
        _fail(str(exc).splitlines()[0], 2)
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
        return
    if fmt == "json":
        sys.stdout.write(json.dumps([dict(zip(cols, r)) for r in rows], default=str,
                                    ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(*cols)
    for r in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in r))
    out.print(table)
    out.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


@app.command()
def report(run_id: Annotated[Optional[str], typer.Option("--run", help="Run id (default: last).")] = None,
           warehouse_path: WarehouseOpt = None) -> None:
    """Summarise a run's validation, failing expectations first."""
    from .report import validation_report

    settings = load_settings(warehouse=warehouse_path)
    try:
        rep = validation_report(settings.warehouse, run_id)
    except warehouse.WarehouseError as exc:
        _fail(str(exc), 2)
    r = rep.run
    _print_pairs(f"run {r['run_id']}", [
        ("status", str(r["status"])), ("started", str(r["started_at"])),
        ("articles new", str(r["articles_new"])), ("rows quarantined", str(r["rows_quarantined"])),
        ("expectations passed", str(r["expectations_passed"])),
        ("expectations failed", str(r["expectations_failed"])),
        ("report", str(r["report_path"] or "(none)"))])
    table = Table("", "suite", "expectation", "column", "severity", "unexpected", title="expectations")
    for x in rep.results:
        mark = "[green]pass[/]" if x["is_success"] else "[red]FAIL[/]"
        table.add_row(mark, x["suite"], x["expectation"], escape(x["column_name"] or ""),
                      x["severity"], str(x["unexpected_count"] or 0))
    out.print(table)
    if rep.quarantined:
        q = Table("table", "check", "rows", "example reason", title="quarantined this run")
        for x in rep.quarantined:
            q.add_row(str(x["table_name"] or "(input)"), x["check_name"], str(x["n"]),
                      escape(x["example"]))
        out.print(q)


quarantine_app = typer.Typer(help="What validation and ingest held back, and releasing it.",
                             invoke_without_command=True)
app.add_typer(quarantine_app, name="quarantine")


@quarantine_app.callback()
def quarantine_list(ctx: typer.Context,
                    show_all: Annotated[bool, typer.Option("--all", help="Include released rows.")] = False,
                    warehouse_path: WarehouseOpt = None) -> None:
    """List the rows held in quarantine, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    import duckdb

    settings = load_settings(warehouse=warehouse_path)
    released = "" if show_all else "AND NOT q.is_released"
    try:
        cols, rows = warehouse.query(settings.warehouse, f"""
            SELECT left(q.quarantine_id, 12) AS id, coalesce(q.table_name, 'input') AS held,
                   replace(q.reason, coalesce(q.origin, ''),
                           coalesce(regexp_extract(q.origin, '[^/]+$'), '')) AS reason,
                   (SELECT count(*) FROM quarantine AS h
                    WHERE h.check_name = 'held_with_article' AND h.is_released = q.is_released
                      AND (h.record->>'article_id') = (q.record->>'article_id')) AS facts_held,
                   q.is_released, q.run_id
            FROM quarantine AS q
            WHERE q.check_name <> 'held_with_article' {released}
            ORDER BY q.quarantined_at DESC, q.reason""")
    except (duckdb.Error, warehouse.WarehouseError) as exc:
        _fail(str(exc).splitlines()[0], 2)
    table = Table(title="quarantine (facts of a held article are held with it)")
    table.add_column("id", no_wrap=True)
    table.add_column("held", no_wrap=True)
    table.add_column("reason", overflow="fold")
    table.add_column("facts", justify="right")
    if show_all:
        table.add_column("released")
    for r in rows:
        table.add_row(r[0], r[1], escape(r[2]), str(r[3] or ""), *([str(r[4])] if show_all else []))
    out.print(table)
    out.print(f"{len(rows)} {'rows' if show_all else 'held'}; release one with "
              "`newsfacts quarantine release ID [--set COLUMN=VALUE]`")


@quarantine_app.command("release")
def quarantine_release(
        quarantine_id: Annotated[str, typer.Argument(help="Id (or its first characters) from `newsfacts quarantine`.")],
        fix: Annotated[Optional[list[str]], typer.Option("--set", help="Fix a field: COLUMN=VALUE.")] = None,
        warehouse_path: WarehouseOpt = None) -> None:
    """Re-validate a held row, with fixes, and load it when it passes."""
    from .pipeline import ReleaseError, RunBlocked, release

    fixes = {}
    for spec in fix or []:
        key, sep, value = spec.partition("=")
        if not sep:
            _fail(f"--set {spec!r}: expected COLUMN=VALUE", 2)
        fixes[key] = value
    settings = load_settings(warehouse=warehouse_path)
    try:
        summary = release(settings, quarantine_id, fixes)
    except (ReleaseError, RunBlocked, warehouse.WarehouseError) as exc:
        _fail(str(exc), 1)
    loaded = ", ".join(f"{t} {n}" for t, n in summary.loaded.items() if n) or "nothing new"
    out.print(f"released {quarantine_id}: loaded {loaded}")


@app.command()
def generate(articles: Annotated[int, typer.Option("--articles", help="How many articles.")],
             out_dir: Annotated[Path, typer.Option("--out", help="Folder to write them to.")],
             seed: Annotated[int, typer.Option("--seed", help="Same seed, same corpus.")] = 0) -> None:
    """Write a synthetic corpus in the article format, with a gold file of its facts per article."""
    from .generate import generate as make

    if articles < 1:
        _fail("--articles must be at least 1", 2)
    result = make(articles, out_dir, seed=seed)
    out.print(f"wrote {result.articles} articles ({result.avg_words:.0f} words on average) and their "
              f"gold files to {out_dir} in {result.seconds:.1f} s")


@app.command("eval")
def eval_(gold: Annotated[list[Path], typer.Option("--gold", help="Folder of *.gold.json and their articles.")],
          min_: Annotated[Optional[list[str]], typer.Option("--min", help="Threshold KEY=F1.")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False) -> None:
    """Extract the gold folders' articles, score them, and fail when a threshold is missed."""
    from . import evaluate
    from .extract import extract_articles
    from .sources.articles import read_article_file

    mins = {}
    for spec in min_ or []:
        key, _, value = spec.partition("=")
        try:
            mins[key] = float(value)
        except ValueError:
            _fail(f"--min {spec!r}: expected KEY=F1 with a number", 2)
    golds = evaluate.load_gold_dirs(gold)
    articles = [read_article_file(_article_path(gold, g["article"])) for g in golds]
    facts = extract_articles(articles)
    rep = evaluate.score(golds, [f.to_gold() for f in facts])
    out.print(json.dumps(rep, indent=2) if as_json else evaluate.format_report(rep))
    missed = evaluate.missed_thresholds(rep, mins)
    if missed:
        _fail("below threshold: " + "; ".join(missed), 1)


@app.command()
def search(words: Annotated[str, typer.Argument(help="Words to look for, e.g. 'railway Afghanistan'.")],
           limit: Annotated[int, typer.Option("--limit", help="How many articles.")] = 10,
           warehouse_path: WarehouseOpt = None) -> None:
    """Full-text search over article text: best matches first, with their facts."""
    import duckdb

    settings = load_settings(warehouse=warehouse_path)
    try:
        hits = warehouse.search(settings.warehouse, words, limit)
    except (duckdb.Error, warehouse.WarehouseError) as exc:
        _fail(f"search failed: {str(exc).splitlines()[0]}", 2)
    if not hits:
        out.print(f"no article matches {words!r}")
        return
    with warehouse.connect(settings.warehouse, read_only=True) as con:
        for h in hits:
            out.print(f"[bold]{escape(h['name'])}[/]  {h['published_date']}  "
                      f"{escape(h['source'])}  score {h['score']:.2f}"
                      + (f"\n  {escape(h['title'])}" if h["title"] else ""))
            for line in _article_facts(con, h["article_key"]):
                out.print("  " + escape(line))


def _article_facts(con, article_key: int) -> list[str]:
    """One line per kind of fact an article holds."""
    people = con.execute("""SELECT p.name || coalesce(' (' || m.title || ')', '') FROM fact_mention m
                            JOIN dim_person p USING (person_key) WHERE m.article_key = ?
                            ORDER BY m.span_start""", [article_key]).fetchall()
    meetings = con.execute("""SELECT array_to_string(participants, ' + ') FROM v_meetings
                              WHERE article_id = (SELECT article_id FROM dim_article
                                                  WHERE article_key = ?)""", [article_key]).fetchall()
    figures = con.execute("""SELECT m.metric_id || ' ' || f.text || coalesce(' ' || f.period, '')
                             FROM fact_figure f JOIN dim_metric m USING (metric_key)
                             WHERE f.article_key = ? ORDER BY f.span_start""", [article_key]).fetchall()
    projects = con.execute("""SELECT p.name FROM fact_project_mention pm JOIN dim_project p
                              USING (project_key) WHERE pm.article_key = ?""", [article_key]).fetchall()
    out_lines = []
    for label, rows in (("people", people), ("meetings", meetings), ("figures", figures),
                        ("projects", projects)):
        if rows:
            out_lines.append(f"{label}: " + "; ".join(r[0] for r in rows))
    return out_lines


def shell_command(warehouse_file: Path) -> list[str]:
    """The DuckDB CLI, read-only on the warehouse, with full-text search loaded."""
    import shutil as _shutil

    exe = Path(sys.executable).with_name("duckdb")
    binary = str(exe) if exe.exists() else _shutil.which("duckdb")
    if not binary:
        raise warehouse.WarehouseError("the DuckDB CLI is not installed (pip package duckdb-cli)")
    return [binary, "-readonly", "-cmd", f"LOAD '{warehouse.fts_extension_path()}'",
            str(warehouse_file)]


@app.command()
def shell(warehouse_path: WarehouseOpt = None) -> None:
    """Open the DuckDB CLI on the published warehouse, read-only, with the views ready."""
    settings = load_settings(warehouse=warehouse_path)
    if not settings.warehouse.exists():
        _fail(f"{settings.warehouse}: no warehouse yet; run `newsfacts run` first", 2)
    try:
        cmd = shell_command(settings.warehouse)
    except warehouse.WarehouseError as exc:
        _fail(str(exc), 2)
    os.execv(cmd[0], cmd)


def _article_path(dirs: list[Path], name: str) -> Path:
    for d in dirs:
        if (d / name).exists():
            return d / name
    raise typer.BadParameter(f"article {name} not found in {', '.join(map(str, dirs))}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
