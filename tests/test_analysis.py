"""The warehouse answers analysts: resolved entities, one event per meeting, history, views."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from newsfacts import pipeline, warehouse
from newsfacts.config import PROJECT_DIR, SQL_DIR, load_settings

FIXTURES = Path(__file__).parent / "fixtures"

REPORT_BAKU = """ date 2025-05-23 BAKU, May 23 (Trend) — Azerbaijani Economy Minister Mikayil \
Jabbarov met Uzbek Minister of Investment, Industry and Trade Laziz Kudratov in Baku on Friday.

The two ministers co-chaired a session of the Azerbaijan-Uzbekistan intergovernmental commission \
and reviewed joint industrial projects. Jabbarov said bilateral trade rose to $418.6 million in 2024."""

REPORT_TASHKENT = """ date 2025-05-24 TASHKENT, May 24 (UzA) — Uzbekistan's Minister of Investments, \
Industry and Trade Laziz Qudratov held talks with Azerbaijani Economy Minister Mikayil Jabbarov in \
Baku on May 23.

Qudratov and Jabbarov discussed a joint textile park and new flights between Tashkent and Baku, \
the ministry said. Jabbarov welcomed the plan."""


def build(tmp_path: Path, files: dict[str, str | Path], name: str = "wh.duckdb"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for fname, content in files.items():
        if isinstance(content, Path):
            shutil.copy(content, inbox / fname)
        else:
            (inbox / fname).write_text(content, encoding="utf-8")
    settings = load_settings(inbox=inbox, warehouse=tmp_path / name)
    return settings, pipeline.run_once(settings)


def test_one_meeting_from_two_outlets_is_one_event(tmp_path):
    settings, _ = build(tmp_path, {"baku.txt": REPORT_BAKU, "tashkent.txt": REPORT_TASHKENT})
    rows = warehouse.query(settings.warehouse, """
        SELECT event_key, count(*) AS reports, count(DISTINCT a.source_key) AS sources
        FROM fact_meeting JOIN dim_article a USING (article_key) GROUP BY event_key""")[1]
    assert [(r[1], r[2]) for r in rows] == [(2, 2)]
    people = warehouse.query(settings.warehouse, "SELECT name FROM dim_person ORDER BY name")[1]
    assert people == [("Laziz Kudratov",), ("Mikayil Jabbarov",)]
    events = warehouse.query(settings.warehouse, "SELECT participants, reports, sources, "
                             "meeting_date::VARCHAR FROM v_meeting_events")[1]
    assert events == [(["Laziz Kudratov", "Mikayil Jabbarov"], 2, 2, "2025-05-23")]


def test_a_later_report_joins_the_event_of_an_earlier_run(tmp_path):
    settings, _ = build(tmp_path, {"baku.txt": REPORT_BAKU})
    (tmp_path / "inbox" / "tashkent.txt").write_text(REPORT_TASHKENT, encoding="utf-8")
    second = pipeline.run_once(settings)
    assert second.articles_new == 1
    assert warehouse.query(settings.warehouse, "SELECT count(DISTINCT event_key), count(*) "
                                               "FROM fact_meeting")[1] == [(1, 2)]


def test_title_change_is_kept_as_history(tmp_path):
    settings, _ = build(tmp_path, {
        "t1.txt": FIXTURES / "articles" / "title_change_1.txt",
        "t2.txt": FIXTURES / "articles" / "title_change_2.txt"})
    roles = warehouse.query(settings.warehouse, """
        SELECT title, valid_from::VARCHAR, valid_to::VARCHAR FROM v_person_roles
        WHERE name = 'Alikhan Smailov' ORDER BY valid_from""")[1]
    assert len(roles) == 2
    assert roles[0][1:] == ("2021-10-14", "2022-03-22") and "Deputy Prime Minister" in roles[0][0]
    assert roles[1] == ("Prime Minister", "2022-03-22", None)
    assert warehouse.query(settings.warehouse, "SELECT count(*) FROM dim_person "
                                               "WHERE name = 'Alikhan Smailov'")[1] == [(1,)]


def test_reader_keeps_its_snapshot_while_a_run_publishes(tmp_path):
    settings, _ = build(tmp_path, {"baku.txt": REPORT_BAKU})
    reader = duckdb.connect(str(settings.warehouse), read_only=True)
    before = reader.execute("SELECT count(*) FROM dim_article").fetchone()
    (tmp_path / "inbox" / "tashkent.txt").write_text(REPORT_TASHKENT, encoding="utf-8")
    summary = pipeline.run_once(settings)  # the analyst's open session does not block it
    assert summary.status == "succeeded" and summary.articles_new == 1
    assert reader.execute("SELECT count(*) FROM dim_article").fetchone() == before == (1,)
    reader.close()
    reader = duckdb.connect(str(settings.warehouse), read_only=True)
    assert reader.execute("SELECT count(*) FROM dim_article").fetchone() == (2,)
    reader.close()


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory) -> Path:
    """The bundled sample inbox, loaded once."""
    tmp = tmp_path_factory.mktemp("sample")
    settings = load_settings(inbox=PROJECT_DIR / "samples" / "inbox", warehouse=tmp / "wh.duckdb")
    pipeline.run_once(settings)
    return settings.warehouse


VIEWS = sorted(p.stem for p in (SQL_DIR / "views").glob("*.sql"))
QUERIES = sorted((SQL_DIR / "queries").glob("*.sql"))


def test_there_are_enough_example_queries_each_saying_what_it_answers():
    assert len(QUERIES) >= 8
    for q in QUERIES:
        assert q.read_text(encoding="utf-8").startswith("-- "), q.name


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_returns_rows_on_the_sample_warehouse(sample_warehouse, view):
    assert warehouse.query(sample_warehouse, f"SELECT count(*) FROM {view}")[1][0][0] > 0


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_example_query_returns_rows_on_the_sample_warehouse(sample_warehouse, path):
    cols, rows = warehouse.query(sample_warehouse, path.read_text(encoding="utf-8"))
    assert cols and rows


def test_news_claims_are_reconciled_with_official_statistics(sample_warehouse):
    rows = warehouse.query(sample_warehouse, "SELECT metric, difference_pct "
                                             "FROM v_figure_reconciliation")[1]
    assert rows and all(abs(d) < 50 for _, d in rows)


def test_full_text_search_finds_articles_with_their_facts(sample_warehouse):
    hits = warehouse.search(sample_warehouse, "lithium copper exports")
    assert hits and hits[0]["name"].startswith("cl_")
    assert warehouse.search(sample_warehouse, "zzzunknownword") == []


HEADER = "metric,value,unit,period,subject,counterpart,qualifier,source,published,url\n"


def test_the_same_figure_from_two_sources_is_one_fact(tmp_path):
    settings, _ = build(tmp_path, {
        "a.csv": HEADER + "trade_turnover,418600000,USD,2024,Azerbaijan,Uzbekistan,,AzStat,2025-02-01,\n"
                          "exports,120000000,USD,2024,Azerbaijan,Uzbekistan,,AzStat,2025-02-01,\n",
        "b.csv": HEADER + "trade_turnover,418.6e6,USD,2024,Uzbekistan,Azerbaijan,,UzStat,2025-02-03,\n"
                          "exports,120000000,USD,2024,Uzbekistan,Azerbaijan,,UzStat,2025-02-03,\n"})
    rows = warehouse.query(settings.warehouse, "SELECT metric, value, reports, sources "
                                               "FROM v_figure_facts ORDER BY metric, subject")[1]
    # turnover is symmetric, exports are not: Uzbek exports to Azerbaijan are another fact
    assert rows == [("exports", 120000000.0, 1, 1), ("exports", 120000000.0, 1, 1),
                    ("trade_turnover", 419000000.0, 2, 2)]


def test_shell_is_the_duckdb_cli_read_only_with_views_and_search(sample_warehouse):
    import subprocess

    from newsfacts.cli import shell_command

    cmd = shell_command(sample_warehouse)
    done = subprocess.run(cmd + ["-csv", "-c", "SELECT count(*) > 0 FROM v_meeting_events; "
                                 "SELECT count(*) > 0 FROM search_articles('trade');"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("true") == 2
    refused = subprocess.run(cmd + ["-c", "DELETE FROM dim_source"], capture_output=True, text=True,
                             timeout=60)
    assert "read-only" in (refused.stdout + refused.stderr)


def test_chunked_run_equals_a_single_chunk_run(tmp_path):
    from dataclasses import replace

    files = {"a.txt": REPORT_BAKU, "b.txt": REPORT_TASHKENT, "c.txt": REPORT_BAKU,  # c repeats a
             "d.csv": HEADER + "exports,1,USD,2024,Azerbaijan,Uzbekistan,,AzStat,2025-02-01,\n"}
    one, _ = build(tmp_path / "one", files)
    settings, _ = build(tmp_path / "many", files)
    chunked = replace(settings, warehouse=tmp_path / "chunked.duckdb", chunk_files=1)
    summary = pipeline.run_once(chunked)
    assert (summary.articles_new, summary.articles_duplicate) == (2, 1)
    with warehouse.connect(one.warehouse, read_only=True) as a, \
            warehouse.connect(chunked.warehouse, read_only=True) as b:
        assert warehouse.table_counts(a, warehouse.STAR_TABLES) == \
            warehouse.table_counts(b, warehouse.STAR_TABLES)
