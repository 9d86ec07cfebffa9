"""Validation as the gate: quarantine with reasons, blocking suites, audit, release."""
from __future__ import annotations

from datetime import date

import pytest

from newsfacts import pipeline, warehouse
from newsfacts.config import load_settings
from newsfacts.models import Article, ArticleFacts, Figure, Location, Span, article_id_for
from newsfacts.report import validation_report
from newsfacts.sources.inbox import InboxContents
from newsfacts.staging import stage


def article(text: str, published: date | None = date(2025, 1, 10), name: str = "a.txt") -> Article:
    return Article(article_id_for(text), text, name, f"/inbox/{name}", published=published)


def facts_for(text: str, figures: list[Figure], published: date | None = date(2025, 1, 10),
              name: str = "a.txt") -> ArticleFacts:
    span = Span(0, 5, text, 0)
    return ArticleFacts(article(text, published, name), figures=figures,
                        locations=[Location("Ghana", "country", "GHA", span=span),
                                   Location("Togo", "country", "TGO", span=span)])


def fig(value: float, unit: str = "USD", metric: str = "exports") -> Figure:
    return Figure(metric, value, unit, f"{value}", "2024", "Ghana", "Togo", None, Span(0, 5, "x", 0))


def run_batch(settings, facts, inject=None):
    """Stage, validate and load one batch as a flow would, without an orchestrator."""
    run = pipeline.start_run(settings)
    staged = stage(facts)
    if inject:
        inject(staged)
    checked = pipeline.validate_staged(staged, [], run)
    work = pipeline.NewWork([f.article for f in facts], 0)
    return run, pipeline.load(checked, InboxContents(files=len(facts)), work, run)


@pytest.fixture
def settings(tmp_path):
    return load_settings(warehouse=tmp_path / "wh.duckdb", inbox=tmp_path)


def test_one_bad_row_of_each_kind_is_quarantined_and_the_rest_loads(settings):
    good = facts_for("Ghana exported cocoa to Togo.", [fig(1.5e8), fig(2e7, "GHS")])
    bad_currency = facts_for("Ghana sold gold to Togo.", [fig(3e6, "XYZ"), fig(4e6)], name="b.txt")
    future = facts_for("Togo will sign in the future.", [fig(5e6)], date(2099, 1, 1), "c.txt")
    negative = facts_for("Trade fell.", [fig(-5e8, metric="trade_turnover"), fig(-3, "percent", "growth")],
                         name="d.txt")

    def orphan(staged):  # a fact whose article is in no dimension
        row = staged["stg_figure"].iloc[0].copy()
        row["article_id"], row["figure_id"] = "0123456789abcdef", "orphan-figure"
        staged["stg_figure"].loc[len(staged["stg_figure"])] = row

    run, summary = run_batch(settings, [good, bad_currency, future, negative], inject=orphan)
    assert summary.status == "succeeded"
    held = warehouse.query(settings.warehouse, "SELECT table_name, check_name, reason FROM quarantine "
                                               "WHERE check_name <> 'held_with_article' ORDER BY reason")[1]
    reasons = [r[2] for r in held]
    assert any("unit 'XYZ' is not an ISO 4217 code" in r for r in reasons)
    assert any("0123456789abcdef" in r and "not among the staged articles" in r for r in reasons)
    assert any("c.txt" in r and "2099-01-01" in r for r in reasons)
    assert any("d.txt" in r and "-500000000" in r.replace(".0", "") for r in reasons)
    # the rest loads: good figures, the other figure of b.txt, and the negative growth
    loaded = warehouse.query(settings.warehouse, "SELECT unit, value FROM fact_figure ORDER BY value")[1]
    assert loaded == [("percent", -3.0), ("USD", 4e6), ("GHS", 2e7), ("USD", 1.5e8)]
    # the facts of the future-dated article are held with it, not loaded and not dropped
    assert warehouse.query(settings.warehouse, "SELECT count(*) FROM quarantine WHERE "
                                               "check_name = 'held_with_article'")[1] == [(3,)]  # 1 figure, 2 places
    report = validation_report(settings.warehouse, run.run_id)
    failed = {(r["suite"], r["column_name"]) for r in report.results if not r["is_success"]}
    assert {("stg_figure", "unit"), ("stg_figure", "article_id"), ("stg_figure", "value"),
            ("stg_article", "published")} <= failed
    assert report.results[0]["is_success"] is False  # failures first


def test_blocking_failure_publishes_nothing_and_says_why(settings):
    rich = facts_for("Ghana and Togo agreed.", [fig(float(v)) for v in range(1, 21)])
    run_batch(settings, [rich])
    before = warehouse.query(settings.warehouse, "SELECT count(*) FROM dim_article")[1]
    empty = [facts_for(f"Nothing of note happened on day {i}.", [], name=f"e{i}.txt") for i in range(25)]
    for f in empty:
        f.locations = []
    with pytest.raises(pipeline.RunBlocked) as err:
        run_batch(settings, empty)
    message = str(err.value)
    assert "etl_run" in message and "facts_per_article_vs_history" in message
    assert "nothing published" in message
    assert warehouse.query(settings.warehouse, "SELECT count(*) FROM dim_article")[1] == before
    runs = warehouse.query(settings.warehouse, "SELECT status, message FROM etl_run ORDER BY started_at")[1]
    assert [r[0] for r in runs] == ["succeeded", "blocked"] and "etl_run" in runs[1][1]
    assert not settings.work_path.exists()


def test_a_bad_row_a_chunk_loads_blocks_the_publish(settings):
    run_batch(settings, [facts_for("Ghana and Togo agreed.", [fig(5.0)])])
    # A load bug stands in here as an index entry pointing at an article that has none: the next
    # chunk's articles get that key, and the chunk's check of search_term finds it.
    with warehouse.connect(settings.warehouse) as con:
        top = con.execute("SELECT max(article_key) FROM dim_article").fetchone()[0]
        con.execute("INSERT INTO search_term VALUES ('bogus', ?, 1)", [top + 50])
    before = warehouse.query(settings.warehouse, "SELECT count(*) FROM dim_article")[1]
    with pytest.raises(pipeline.RunBlocked, match="search_term.*has_doc"):
        run_batch(settings, [facts_for("Togo sold power to Ghana.", [fig(7.0)], name="b.txt")])
    assert warehouse.query(settings.warehouse, "SELECT count(*) FROM dim_article")[1] == before
    assert not settings.work_path.exists()


def test_release_revalidates_a_fixed_row_and_loads_it(settings):
    good = facts_for("Ghana exported cocoa to Togo.", [fig(1.5e8)])
    bad = facts_for("Ghana sold gold to Togo.", [fig(3e6, "XYZ")], name="b.txt")
    run_batch(settings, [good, bad])
    (qid,) = warehouse.query(settings.warehouse, "SELECT quarantine_id FROM quarantine "
                                                 "WHERE table_name = 'stg_figure'")[1][0]
    with pytest.raises(pipeline.ReleaseError, match="still fails validation: unit 'ABC'"):
        pipeline.release(settings, qid[:10], {"unit": "ABC"})
    pipeline.release(settings, qid[:10], {"unit": "GHS"})
    assert ("GHS", 3e6) in warehouse.query(settings.warehouse, "SELECT unit, value FROM fact_figure")[1]
    assert warehouse.query(settings.warehouse, "SELECT is_released FROM quarantine "
                                               "WHERE quarantine_id = ?", [qid])[1] == [(True,)]
    with pytest.raises(pipeline.ReleaseError, match="released already"):
        pipeline.release(settings, qid, {})


def test_every_expectation_result_is_kept_in_the_audit_history(settings):
    run, _ = run_batch(settings, [facts_for("Ghana exported cocoa to Togo.", [fig(1.5e8)])])
    suites = {r[0] for r in warehouse.query(settings.warehouse, "SELECT DISTINCT suite FROM "
                                            "validation_result WHERE run_id = ?", [run.run_id])[1]}
    assert {"stg_article", "stg_figure", "fact_figure", "dim_article", "etl_run"} <= suites
