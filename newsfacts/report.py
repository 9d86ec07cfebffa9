"""Run summaries and validation reports, for the terminal and for Prefect artifacts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import warehouse
from .pipeline import RunSummary


def summary_rows(s: RunSummary) -> list[tuple[str, str]]:
    """The run summary as (label, value) rows."""
    rows = [
        ("run", s.run_id),
        ("status", s.status),
        ("files read", str(s.files_read)),
        ("files skipped (unchanged since read)", str(s.files_unchanged)),
        ("articles new", str(s.articles_new)),
        ("articles skipped (already loaded)", str(s.articles_known)),
        ("articles skipped (duplicate text)", str(s.articles_duplicate)),
        ("articles quarantined", str(s.articles_quarantined)),
        ("inputs rejected (unreadable)", str(s.rejected_inputs)),
        ("rows quarantined", str(s.rows_quarantined)),
    ]
    rows += [(f"loaded {t}", str(n)) for t, n in s.loaded.items() if n]
    rows += [
        ("expectations passed", str(s.expectations_passed)),
        ("expectations failed", str(s.expectations_failed)),
        ("warehouse", s.warehouse),
        ("validation report", s.report_path or "(none)"),
    ]
    if s.message:
        rows.append(("message", s.message))
    return rows


def _cell(value: object) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def summary_markdown(s: RunSummary) -> str:
    """The run summary and its failing expectations as markdown (the Prefect artifact)."""
    lines = [f"# newsfacts run {s.run_id}", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {_cell(v)} |" for k, v in summary_rows(s)]
    if s.status not in ("running", "skipped") and s.files_read and Path(s.warehouse).exists():
        failing = [r for r in validation_report(Path(s.warehouse), s.run_id).results
                   if not r["is_success"]]
        lines += ["", f"## Failing expectations ({len(failing)})", ""]
        if failing:
            lines += ["| suite | expectation | column | severity | unexpected |", "|---|---|---|---|---|"]
            lines += [f"| {r['suite']} | {r['expectation']} | {_cell(r['column_name'])} | "
                      f"{r['severity']} | {_cell(r['unexpected_count'])} |" for r in failing]
        else:
            lines.append("none")
    lines += ["", f"Report: `{s.report_path}`"]
    return "\n".join(lines) + "\n"


@dataclass
class ValidationReport:
    """One run's validation as stored in the warehouse audit tables."""

    run: dict
    results: list[dict]  # failing expectations first
    quarantined: list[dict]


def validation_report(path: Path, run_id: str | None = None) -> ValidationReport:
    """The stored validation of a run (the last one by default)."""
    with warehouse.connect(path, read_only=True) as con:
        if run_id is None:
            row = con.execute("SELECT run_id FROM etl_run ORDER BY started_at DESC LIMIT 1").fetchone()
            if row is None:
                raise warehouse.WarehouseError(f"{path}: no run recorded yet")
            run_id = row[0]
        cur = con.execute("SELECT * FROM etl_run WHERE run_id = ?", [run_id])
        cols = [d[0] for d in cur.description]
        found = cur.fetchone()
        if found is None:
            raise warehouse.WarehouseError(f"{path}: no run {run_id!r}")
        run = dict(zip(cols, found))
        cur = con.execute("""SELECT suite, expectation, column_name, severity, is_success,
                                    unexpected_count, observed_value
                             FROM validation_result WHERE run_id = ?
                             ORDER BY is_success, suite, expectation, column_name""", [run_id])
        cols = [d[0] for d in cur.description]
        results = [dict(zip(cols, r)) for r in cur.fetchall()]
        cur = con.execute("""SELECT table_name, check_name, count(*) AS n, min(reason) AS example
                             FROM quarantine WHERE run_id = ? AND NOT is_released
                             GROUP BY ALL ORDER BY n DESC""", [run_id])
        cols = [d[0] for d in cur.description]
        quarantined = [dict(zip(cols, r)) for r in cur.fetchall()]
    return ValidationReport(run, results, quarantined)
