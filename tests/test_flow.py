"""End to end: the Prefect flow and the CLI over a small inbox, into a temporary warehouse."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from prefect.testing.utilities import prefect_test_harness
from typer.testing import CliRunner

from newsfacts import warehouse
from newsfacts.cli import app

ARTICLE_A = """ date 2025-04-14 NAIROBI, Kenya — Kenyan Trade Minister Lee Kinyanjui held talks with \
Ugandan Trade Minister Francis Mwebesa in Nairobi on Friday, April 11.

The two ministers said trade between Kenya and Uganda reached $1.2 billion in 2024. \
Kinyanjui said Kenya aims to double exports to Uganda by 2027.

The East African Community (EAC) secretariat attended the talks."""

ARTICLE_B = """ date 2025-05-02 BRASILIA — Brazilian Foreign Minister Mauro Vieira met \
Chilean Foreign Minister Alberto van Klaveren in Brasilia on Wednesday.

Trade between Brazil and Chile grew 8% last year to $12.5 billion, the ministers said. \
They discussed the Bioceanic Road Corridor linking the Atlantic and Pacific coasts."""

STATS = ("metric,value,unit,period,subject,counterpart,qualifier,source,published,url\n"
         "trade_turnover,1250000000,USD,2024,Kenya,Uganda,,Kenya National Bureau of Statistics,"
         "2025-03-01,https://example.org/knbs\n")


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def inbox(write_inbox):
    return write_inbox({"ke_ug.txt": ARTICLE_A, "br_cl.txt": ARTICLE_B, "stats.csv": STATS,
                        "empty.txt": "", "bad_date.txt": ARTICLE_B.replace("2025-05-02", "2025-02-30")
                        .replace("Wednesday", "Thursday")})


def counts(path):
    with warehouse.connect(path, read_only=True) as con:
        return warehouse.table_counts(con)


def test_flow_loads_validates_and_is_idempotent(harness, inbox, tmp_path):
    from flows.etl import etl

    wh = tmp_path / "wh" / "news.duckdb"
    first = etl(inbox=str(inbox), warehouse_path=str(wh))
    assert first.status == "succeeded"
    assert (first.files_read, first.articles_new, first.rejected_inputs) == (5, 2, 1)
    assert first.articles_quarantined == 1
    assert first.expectations_passed > 0
    c1 = counts(wh)
    assert c1["dim_article"] == 2 and c1["fact_figure"] >= 3 and c1["fact_meeting"] >= 1
    assert warehouse.query(wh, "SELECT count(*) FROM fact_figure WHERE is_structured")[1] == [(1,)]
    held = warehouse.query(wh, "SELECT table_name, check_name, reason FROM quarantine")[1]
    assert any(r.endswith("empty.txt: file is empty") for _, _, r in held)
    assert [(c, r.split("/")[-1]) for t, c, r in held if t == "stg_article"] == [
        ("expect_column_values_to_not_be_null",
         "bad_date.txt: publication date is missing or unparseable (as written: '2025-02-30')")]
    # the facts of the held article are held with it, not loaded and not dropped
    assert all("bad_date.txt" in r for t, c, r in held if c == "held_with_article")
    raw = warehouse.query(wh, "SELECT record->>'published_raw' FROM quarantine "
                              "WHERE table_name = 'stg_article'")[1]
    assert raw == [("2025-02-30",)]
    # provenance: each extracted figure keeps its sentence and a span inside its article
    rows = warehouse.query(wh, """SELECT f.text, f.sentence, substr(a.text, f.span_start + 1,
                                         f.span_end - f.span_start)
                                  FROM fact_figure f JOIN dim_article a USING (article_key)""")[1]
    assert rows and all(text == span and text in sentence for text, sentence, span in rows)
    assert first.run_id in (wh.parent / "reports" / "index.html").read_text(encoding="utf-8")
    assert first.report_path and Path(first.report_path).exists()

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsfacts-run"])))
    assert any(first.run_id in (a.data or "") and "Failing expectations" in a.data
               for a in artifacts)

    second = etl(inbox=str(inbox), warehouse_path=str(wh))
    # nothing changed: no file is read again and nothing is published, not even an audit row
    assert (second.status, second.files_read, second.files_unchanged) == ("succeeded", 0, 5)
    assert counts(wh) == c1
    # a file that changes is read again; its article is already known by its text
    (inbox / "ke_ug.txt").write_text(ARTICLE_A + "\n", encoding="utf-8")
    third = etl(inbox=str(inbox), warehouse_path=str(wh))
    assert (third.files_read, third.files_unchanged, third.articles_new, third.articles_known) == (
        1, 4, 0, 1)
    c3 = counts(wh)
    assert {t: c3[t] for t in warehouse.STAR_TABLES} == {t: c1[t] for t in warehouse.STAR_TABLES}
    assert c3["quarantine"] == c1["quarantine"] and c3["etl_run"] == 2


def test_cli_run_sql_report_and_extract(harness, inbox, tmp_path):
    runner = CliRunner()
    wh = str(tmp_path / "cli.duckdb")
    res = runner.invoke(app, ["run", "--inbox", str(inbox), "--warehouse", wh])
    assert res.exit_code == 0, res.output
    assert "articles new" in res.output and "cli.duckdb" in res.output
    res = runner.invoke(app, ["sql", "select count(*) as n from dim_article", "--warehouse", wh])
    assert res.exit_code == 0 and "│ 2 │" in res.output and "1 row" in res.output
    res = runner.invoke(app, ["sql", "delete from dim_article", "--warehouse", wh])
    assert res.exit_code == 2 and "read-only" in res.output
    res = runner.invoke(app, ["report", "--warehouse", wh])
    assert res.exit_code == 0 and "FAIL" in res.output and "stg_article" in res.output
    res = runner.invoke(app, ["extract", str(inbox / "ke_ug.txt"), "--format", "json"])
    assert res.exit_code == 0, res.output
    facts = json.loads(res.stdout)
    assert facts[0]["article"] == "ke_ug.txt"
    assert {"persons", "organizations", "locations", "meetings", "figures", "projects"} <= set(facts[0])
    assert any(f["value"] == 1.2e9 and f["unit"] == "USD" for f in facts[0]["figures"])


def test_cli_refuses_a_second_writer(inbox, tmp_path):
    from newsfacts.config import load_settings

    wh = tmp_path / "busy.duckdb"
    with warehouse.writer_lock(load_settings(warehouse=wh)):
        res = CliRunner().invoke(app, ["run", "--inbox", str(inbox), "--warehouse", str(wh)])
    assert res.exit_code == 75 and "another run is in progress" in res.output
