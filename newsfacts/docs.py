"""The validation report a person opens: one page per run, linked from an index, over GX Data Docs."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pandas as pd

GX_DIR = "gx"  # the Great Expectations Data Docs site, inside the reports folder
MANIFEST = "runs.json"

STYLE = """body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .6rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}.fail{color:#b00020;font-weight:600}
.pass{color:#1b7f3b}.blocked{color:#b00020;font-weight:700}.warning{color:#9a6700}code{font-size:.9em}"""


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
            f"</title><style>{STYLE}</style></head><body>{body}</body></html>\n")


def gx_pages(reports: Path, run_id: str) -> dict[str, str]:
    """The GX validation page of each suite for a run, as paths relative to the reports folder."""
    found = {}
    for path in sorted((reports / GX_DIR / "validations").glob(f"*/{run_id}/*/*.html")):
        found[path.parts[-4]] = str(path.relative_to(reports))
    return found


def write_run_page(reports: Path, run: dict, results: pd.DataFrame, held: pd.DataFrame) -> Path:
    """One run's page: its counts, failing expectations first, what it held back, GX links."""
    reports.mkdir(parents=True, exist_ok=True)
    pages = gx_pages(reports, run["run_id"])
    rows = results.sort_values(["is_success", "severity", "suite"]) if len(results) else results
    lines = []
    for r in rows.itertuples(index=False):
        if r.is_success:
            mark = "<span class='pass'>pass</span>"
        elif r.is_row_level and not r.suite.startswith(("dim_", "fact_", "bridge_")):
            mark = "<span class='warning'>rows quarantined</span>"
        elif r.severity == "blocking":
            mark = "<span class='fail'>FAIL</span>"
        else:
            mark = "<span class='warning'>warning</span>"
        link = (f"<a href='../{escape(pages[r.suite])}'>{escape(r.suite)}</a>"
                if r.suite in pages else escape(r.suite))
        lines.append(f"<tr><td>{mark}</td><td>{link}</td><td><code>{escape(str(r.expectation))}</code>"
                     f"</td><td>{escape(str(r.column_name or ''))}</td><td>{escape(r.severity)}</td>"
                     f"<td>{'' if pd.isna(r.unexpected_count) else int(r.unexpected_count)}</td>"
                     f"<td>{escape(str(r.observed_value or ''))[:300]}</td></tr>")
    held_rows = "".join(
        f"<tr><td>{escape(str(h.table_name or 'input'))}</td><td>{escape(str(h.check_name))}</td>"
        f"<td>{escape(str(h.reason))}</td></tr>"
        for h in held.itertuples(index=False) if h.check_name != "held_with_article")
    counts = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>"
                     for k, v in run.items() if k not in ("run_id",))
    body = (f"<p><a href='../index.html'>all runs</a></p><h1>Run {escape(run['run_id'])}</h1>"
            f"<p class='{escape(run['status'])}'>status: {escape(run['status'])}</p>"
            f"<table>{counts}</table><h2>Expectations (failures first)</h2><table><tr><th></th>"
            "<th>suite</th><th>expectation</th><th>column</th><th>severity</th><th>unexpected</th>"
            f"<th>observed</th></tr>{''.join(lines)}</table>"
            f"<h2>Held in quarantine by this run</h2><table><tr><th>table</th><th>check</th>"
            f"<th>reason</th></tr>{held_rows or '<tr><td colspan=3>nothing</td></tr>'}</table>"
            f"<p>Great Expectations Data Docs: <a href='../{GX_DIR}/index.html'>all validations</a></p>")
    path = reports / "runs" / f"{run['run_id']}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_page(f"newsfacts run {run['run_id']}", body), encoding="utf-8")
    _update_index(reports, run, results)
    return path


def _update_index(reports: Path, run: dict, results: pd.DataFrame) -> None:
    """Add the run to the manifest and rewrite the index page, newest run first."""
    manifest = reports / MANIFEST
    runs = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else []
    failed = int((~results["is_success"]).sum()) if len(results) else 0
    entry = {"run_id": run["run_id"], "started_at": str(run.get("started_at", "")),
             "status": run["status"], "articles_new": run.get("articles_new"),
             "rows_loaded": run.get("rows_loaded"), "failed": failed,
             "checked": len(results)}
    runs = [r for r in runs if r["run_id"] != run["run_id"]] + [entry]
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    tmp.replace(manifest)
    rows = "".join(
        f"<tr><td><a href='runs/{escape(r['run_id'])}.html'>{escape(r['run_id'])}</a></td>"
        f"<td>{escape(r['started_at'])}</td><td class='{escape(r['status'])}'>{escape(r['status'])}"
        f"</td><td>{r['articles_new']}</td><td>{r['rows_loaded']}</td>"
        f"<td class='{'fail' if r['failed'] else 'pass'}'>{r['failed']} of {r['checked']}</td></tr>"
        for r in reversed(runs))
    body = ("<h1>newsfacts validation reports</h1><table><tr><th>run</th><th>started</th>"
            "<th>status</th><th>new articles</th><th>rows loaded</th><th>expectations failed</th>"
            f"</tr>{rows}</table><p><a href='{GX_DIR}/index.html'>Great Expectations Data Docs"
            "</a></p>")
    (reports / "index.html").write_text(_page("newsfacts validation reports", body), encoding="utf-8")
