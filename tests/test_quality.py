"""Validation with Great Expectations: suites, quarantine, held facts, Data Docs (real GX)."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from newsfacts import quality
from newsfacts.staging import ROW_ID, STAGED_COLUMNS, STAGED_TABLES

A1 = "0123456789abcdef"
A2 = "fedcba9876543210"
TODAY = date.today()


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """A staged frame as staging builds it: every staged column, object dtype, None for missing."""
    df = pd.DataFrame(rows, columns=STAGED_COLUMNS[table]).astype(object)
    return df.where(df.notna(), None)


def good_rows() -> dict[str, list[dict]]:
    """Two valid articles and valid facts of every kind."""
    span = {"sentence": "A sentence.", "span_start": 0, "span_end": 5}
    return {
        "stg_article": [
            {"article_id": A1, "name": "a.txt", "origin": "/in/a.txt",
             "published": date(2025, 6, 2),
             "text": "Kazakhstan and Uzbekistan traded goods.", "n_chars": 40},
            {"article_id": A2, "name": "b.txt", "origin": "/in/b.txt",
             "published": date(2024, 5, 24),
             "text": "Kyrgyzstan built a road.", "n_chars": 24},
        ],
        "stg_person": [
            {"article_id": A1, "person_id": "olzhas bektenov", "name": "Olzhas Bektenov",
             "title": "Prime Minister", "country": "KAZ", "mentions": 1, **span},
            {"article_id": A2, "person_id": "vjosa osmani", "name": "Vjosa Osmani",
             "country": "XKX", "mentions": 1, **span},
        ],
        "stg_organization": [
            {"article_id": A1, "organization_id": "un", "name": "UN", "acronym": "UN",
             "country": None, "mentions": 1, **span},
        ],
        "stg_location": [
            {"article_id": A1, "location_id": "kazakhstan", "name": "Kazakhstan", "type": "country",
             "country": "KAZ", "mentions": 2, **span},
            {"article_id": A1, "location_id": "central asia", "name": "Central Asia",
             "type": "region", "country": None, "mentions": 1, **span},
            {"article_id": A2, "location_id": "bishkek", "name": "Bishkek", "type": "city",
             "country": "KGZ", "mentions": 1, **span},
        ],
        "stg_meeting": [
            {"article_id": A1, "meeting_id": "m1", "participants": ["A B", "C D"],
             "date": "2025-05-29", "event": "Astana International Forum", **span},
        ],
        "stg_figure": [
            {"article_id": A1, "figure_id": "f1", "metric": "trade_turnover", "value": 11.4e9,
             "unit": "USD", "period": "2024", "qualifier": None, "text": "$11.4 billion", **span},
            {"article_id": A1, "figure_id": "f2", "metric": "growth", "value": -5.0,
             "unit": "percent", "qualifier": "about", "text": "5%", **span},
            {"article_id": A1, "figure_id": "f3", "metric": "share", "value": 28.0,
             "unit": "percent", "qualifier": None, "text": "28%", **span},
            {"article_id": A2, "figure_id": "f4", "metric": "other", "value": 120.0,
             "unit": "km", "qualifier": "target", "text": "120 km", **span},
        ],
        "stg_project": [
            {"article_id": A2, "project_id": "bishkek ring road", "name": "Bishkek ring road",
             "type": "road", **span},
        ],
        "stg_structured_fact": [
            {"fact_id": "s1", "metric": "exports", "value": 2.5e9, "unit": "USD", "period": "2024",
             "subject": "Kazakhstan", "published": date(2025, 1, 15), "origin": "/in/facts.csv",
             "line": 2},
        ],
    }


def tables_from(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {t: frame(t, r) for t, r in rows.items()}


@pytest.fixture(scope="module")
def good_outcome():
    return quality.validate(tables_from(good_rows()), run_id="good")


# ---------------------------------------------------------------- suites


def test_every_table_has_a_suite_and_every_suite_a_table():
    from newsfacts.warehouse import CHECKS_DIR, TABLES, connect, migrate

    con = connect(":memory:")
    migrate(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_type = 'BASE TABLE'").fetchall()}
    assert tables - {"schema_migration"} == set(TABLES)
    assert set(quality.suite_files()) == set(STAGED_TABLES) | set(TABLES)
    # each published table's suite reads rows shaped by its check query (audit rows excepted)
    checks = {p.stem for p in CHECKS_DIR.glob("*.sql")}
    assert checks == set(TABLES) - {"quarantine", "validation_result"}


@pytest.mark.parametrize("table", sorted(set(quality.suite_files()) - set(STAGED_TABLES)))
def test_published_suite_parses_with_gx(table):
    suite = quality.load_suite(quality.suite_files()[table])
    assert suite.expectations and suite.meta["severity"] in ("blocking", "warning")


@pytest.mark.parametrize("table", STAGED_TABLES)
def test_suite_parses_with_gx_and_names_only_staged_columns(table):
    path = quality.suite_files()[table]
    raw = json.loads(path.read_text(encoding="utf-8"))
    suite = quality.load_suite(path)
    assert suite.name == table
    assert len(suite.expectations) == len(raw["expectations"]) > 0
    assert suite.meta["severity"] in ("blocking", "warning")
    for exp in raw["expectations"]:
        kwargs = exp["kwargs"]
        for col in [kwargs.get("column"), *kwargs.get("column_list", [])]:
            assert col is None or col in STAGED_COLUMNS[table], (table, col)


def test_every_unit_the_extractor_knows_is_accepted():
    lexicon = Path(quality.__file__).parent / "lexicon" / "units.tsv"
    if not lexicon.exists():
        pytest.skip("no unit lexicon")
    units = {line.split("\t")[1] for line in lexicon.read_text(encoding="utf-8").splitlines()
             if line.startswith("unit\t")}
    assert units and units <= set(quality.known_units())
    assert {"USD", "EUR", "KZT", "RUB"} <= set(quality.known_units())
    assert "percentage points" in quality.known_units()  # a change the figures name as written
    # every currency the number grammar can produce passes validation too
    currencies = {line.split("\t")[0] for line in (lexicon.parent / "currencies.tsv").read_text(encoding="utf-8")
                  .splitlines() if line.strip() and not line.startswith("#")}
    assert currencies <= set(quality.known_units()), currencies - set(quality.known_units())


def test_suite_with_invalid_expectation_is_refused(tmp_path):
    bad = {"name": "stg_x", "meta": {"severity": "blocking"},
           "expectations": [{"type": "expect_column_values_to_be_between", "kwargs": {}}]}
    path = tmp_path / "stg_x.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError):
        quality.load_suite(path)


# ---------------------------------------------------------------- clean data


def test_good_rows_stay_clean(good_outcome):
    assert good_outcome.quarantined == []
    assert good_outcome.blocking_failures == [] and good_outcome.ok
    for table, rows in good_rows().items():
        assert len(good_outcome.clean[table]) == len(rows), table
    assert all(r.success for r in good_outcome.results)


def test_results_cover_every_expectation_with_its_suite_severity(good_outcome):
    for table in STAGED_TABLES:
        suite = quality.load_suite(quality.suite_files()[table])
        mine = [r for r in good_outcome.results if r.suite == table]
        assert [r.expectation_type for r in mine] == [
            e.expectation_type for e in suite.expectations]
        assert {r.severity for r in mine} == {suite.meta["severity"]}
    unit = next(r for r in good_outcome.results
                if r.suite == "stg_figure" and r.column == "unit"
                and "in_set" in r.expectation_type)
    assert unit.row_level and unit.unexpected_count == 0 and "values" in unit.kwargs


# ---------------------------------------------------------------- bad rows

BAD_CASES = {
    "unknown currency": (
        "stg_figure", 0, {"unit": "XYZ"},
        "expect_column_values_to_be_in_set", "unit",
        "unit 'XYZ' is not an ISO 4217 code or a known unit"),
    "bad location type": (
        "stg_location", 0, {"type": "planet"},
        "expect_column_values_to_be_in_set", "type", "location type 'planet' is not one of"),
    "article dated in the future": (
        "stg_article", 1, {"published": TODAY + timedelta(days=30)},
        "expect_column_values_to_be_between", "published", "in the future"),
    "article dated before 1900": (
        "stg_article", 1, {"published": date(1850, 1, 1)},
        "expect_column_values_to_be_between", "published", "before 1900-01-01"),
    "unparseable date": (
        "stg_article", 1, {"published": None, "published_raw": "32 Smarch 2025"},
        "expect_column_values_to_not_be_null", "published", "'32 Smarch 2025'"),
    "empty text": (
        "stg_article", 1, {"text": "  \n "},
        "expect_column_values_to_match_regex", "text", "text is empty"),
    "malformed article id": (
        "stg_article", 1, {"article_id": "NOT-AN-ID"},
        "expect_column_values_to_match_regex", "article_id", "not 16 lowercase hex digits"),
    "negative trade turnover": (
        "stg_figure", 0, {"value": -1.2e9},
        "expect_column_values_to_be_between", "value",
        "trade_turnover value -1200000000.0 is negative"),
    "fact pointing to a missing article": (
        "stg_person", 0, {"article_id": "aaaaaaaaaaaaaaaa"},
        "expect_column_values_to_not_be_in_set", "article_id",
        "article 'aaaaaaaaaaaaaaaa' is not among the staged articles"),
    "person with unknown country": (
        "stg_person", 0, {"country": "ZZZ"},
        "expect_column_values_to_be_in_set", "country", "country 'ZZZ' is not an ISO 3166-1"),
    "location with alpha-2 country": (
        "stg_location", 2, {"country": "KG"},
        "expect_column_values_to_be_in_set", "country", "country 'KG'"),
    "unknown metric": (
        "stg_figure", 3, {"metric": "gdp"},
        "expect_column_values_to_be_in_set", "metric", "metric 'gdp' is not a known metric"),
    "unknown qualifier": (
        "stg_figure", 3, {"qualifier": "roughly"},
        "expect_column_values_to_be_in_set", "qualifier", "qualifier 'roughly'"),
    "missing value": (
        "stg_figure", 3, {"value": None},
        "expect_column_values_to_not_be_null", "value", "value is missing"),
    "share over 100 percent": (
        "stg_figure", 2, {"value": 150.0},
        "expect_column_values_to_be_between", "value", "share of 150.0 percent"),
    "growth below -100 percent": (
        "stg_figure", 1, {"value": -250.0},
        "expect_column_values_to_be_between", "value", "growth of -250.0 percent"),
    "unknown project type": (
        "stg_project", 0, {"type": "spaceport"},
        "expect_column_values_to_be_in_set", "type", "project type 'spaceport'"),
    "meeting date not ISO": (
        "stg_meeting", 0, {"date": "May 29"},
        "expect_column_values_to_match_regex", "date", "meeting date 'May 29'"),
    "structured fact published in the future": (
        "stg_structured_fact", 0, {"published": TODAY + timedelta(days=1)},
        "expect_column_values_to_be_between", "published", "in the future"),
    "structured fact with unknown unit": (
        "stg_structured_fact", 0, {"unit": "bucks"},
        "expect_column_values_to_be_in_set", "unit", "unit 'bucks' is not an ISO 4217 code"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_row_is_quarantined_with_its_reason(case):
    table, index, change, expectation, column, reason = BAD_CASES[case]
    rows = good_rows()
    rows[table][index].update(change)
    bad_id = rows[table][index][ROW_ID[table]]
    # Only the articles and the table at hand: each suite costs GX ~80 ms even on tiny frames.
    rows = {t: r for t, r in rows.items() if t in ("stg_article", table)}
    out = quality.validate(tables_from(rows), run_id=case.replace(" ", "-"))

    mine = [q for q in out.quarantined if q.table == table and q.row_id == bad_id]
    assert any(q.expectation_type == expectation and q.column == column and reason in q.reason
               for q in mine), [(q.expectation_type, q.column, q.reason) for q in mine]
    assert bad_id not in set(out.clean[table][ROW_ID[table]])
    assert len(out.clean[table]) == len(rows[table]) - 1
    q = next(q for q in mine if q.expectation_type == expectation)
    assert q.suite == table and q.row[ROW_ID[table]] == bad_id
    json.dumps(q.row)  # the whole row, JSON-serializable (dates as ISO strings)
    assert set(q.row) == set(STAGED_COLUMNS[table])
    # Row-level failures are quarantined, never blocking.
    assert out.blocking_failures == []
    # The articles keep every row when the bad row is a fact.
    if table != "stg_article":
        assert len(out.clean["stg_article"]) == len(rows["stg_article"])


def test_facts_of_a_quarantined_article_are_held_with_it():
    rows = good_rows()
    rows["stg_article"][1].update(published=None, published_raw="sometime in May")
    out = quality.validate(tables_from(rows), run_id="held")
    held = [q for q in out.quarantined if q.expectation_type == quality.HELD]
    assert {(q.table, q.row_id) for q in held} == {
        ("stg_person", "vjosa osmani"), ("stg_location", "bishkek"), ("stg_figure", "f4"),
        ("stg_project", "bishkek ring road")}
    assert all(A2 in q.reason and "sometime in May" in q.reason for q in held)
    for table in ("stg_person", "stg_location", "stg_figure", "stg_project"):
        assert A2 not in set(out.clean[table]["article_id"])
        assert A1 in set(out.clean[table]["article_id"]) or table == "stg_project"
    assert list(out.clean["stg_article"]["article_id"]) == [A1]
    assert len(out.clean["stg_structured_fact"]) == 1  # not tied to an article


def test_row_failing_two_expectations_is_listed_once_per_reason_and_removed_once():
    rows = good_rows()
    rows["stg_figure"][0].update(unit="XYZ", value=-3.0)
    out = quality.validate(tables_from(rows), run_id="twice")
    entries = [q for q in out.quarantined if q.row_id == "f1"]
    assert {q.expectation_type for q in entries} == {
        "expect_column_values_to_be_in_set", "expect_column_values_to_be_between"}
    assert len(out.clean["stg_figure"]) == len(rows["stg_figure"]) - 1


def test_duplicate_ids_quarantine_every_copy():
    rows = good_rows()
    rows["stg_figure"][1]["figure_id"] = "f1"
    rows["stg_location"][1]["location_id"] = "kazakhstan"  # same place twice in article A1
    out = quality.validate(tables_from(rows), run_id="dupes")
    figs = [q for q in out.quarantined if q.expectation_type == "expect_column_values_to_be_unique"]
    locs = [q for q in out.quarantined
            if q.expectation_type == "expect_compound_columns_to_be_unique"]
    assert [q.row_id for q in figs] == ["f1", "f1"]
    assert [q.row_id for q in locs] == ["kazakhstan", "kazakhstan"]
    assert "staged more than once" in locs[0].reason and locs[0].column == "article_id,location_id"


def test_more_failing_rows_than_gx_samples_are_all_quarantined():
    n_bad, n_good = 2_000, 50
    base = good_rows()["stg_figure"][0]
    rows = [{**base, "figure_id": f"bad{i}", "unit": f"X{i % 7}"} for i in range(n_bad)]
    rows += [{**base, "figure_id": f"good{i}"} for i in range(n_good)]
    tables = {"stg_article": frame("stg_article", good_rows()["stg_article"]),
              "stg_figure": frame("stg_figure", rows)}
    out = quality.validate(tables, run_id="many")
    bad = [q for q in out.quarantined if q.table == "stg_figure"]
    assert len(bad) == n_bad
    assert {q.row_id for q in bad} == {f"bad{i}" for i in range(n_bad)}
    assert sorted(out.clean["stg_figure"]["figure_id"]) == sorted(f"good{i}" for i in range(n_good))
    unit = next(r for r in out.results if r.column == "unit" and "in_set" in r.expectation_type)
    assert unit.unexpected_count == n_bad and not unit.success


def test_clean_frames_keep_the_callers_index_and_columns():
    rows = good_rows()
    rows["stg_figure"][1]["unit"] = "XYZ"
    tables = tables_from(rows)
    tables["stg_figure"].index = [10, 11, 12, 13]
    out = quality.validate(tables, run_id="index")
    assert list(out.clean["stg_figure"].index) == [10, 12, 13]
    assert list(out.clean["stg_figure"].columns) == STAGED_COLUMNS["stg_figure"]


# ---------------------------------------------------------------- table-level failures


def test_missing_column_blocks_a_blocking_suite_only():
    tables = tables_from(good_rows())
    tables["stg_figure"] = tables["stg_figure"].drop(columns=["unit"])
    tables["stg_location"] = tables["stg_location"].drop(columns=["type"])
    out = quality.validate(tables, run_id="schema")
    assert not out.ok
    assert {r.suite for r in out.blocking_failures} == {"stg_figure"}
    assert any(r.expectation_type == "expect_table_columns_to_match_set"
               for r in out.blocking_failures)
    assert any(r.error and "unit" in r.error for r in out.blocking_failures)
    warned = [r for r in out.results if r.suite == "stg_location" and not r.success]
    assert warned and all(r.severity == "warning" for r in warned)


def test_unknown_table_is_refused():
    with pytest.raises(ValueError, match="no expectation suite"):
        quality.validate({"stg_nonsense": pd.DataFrame()}, run_id="x")


def test_empty_tables_validate():
    tables = {t: pd.DataFrame(columns=STAGED_COLUMNS[t]) for t in STAGED_TABLES}
    out = quality.validate(tables, run_id="empty")
    assert out.ok and out.quarantined == []


def test_parameters_override_defaults():
    # Validating against a date before A1's publication makes A1 "future".
    out = quality.validate(tables_from(good_rows()), run_id="params",
                           parameters={"today": "2025-01-01"})
    assert {q.row_id for q in out.quarantined if q.table == "stg_article"} == {A1}


def test_quarantine_rows_convert_to_rejects():
    rows = good_rows()
    rows["stg_structured_fact"][0]["unit"] = "bucks"
    out = quality.validate(tables_from(rows), run_id="rejects")
    (rej,) = out.rejected()
    assert rej.stage == "validate" and rej.table == "stg_structured_fact"
    assert rej.origin == "/in/facts.csv:2" and "bucks" in rej.reason
    assert rej.check == "expect_column_values_to_be_in_set(unit)"


# ---------------------------------------------------------------- Data Docs


def test_data_docs_list_runs_and_show_failures(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing may be written outside docs_dir
    docs = tmp_path / "docs"
    rows = good_rows()
    rows["stg_figure"][0]["unit"] = "XYZ"
    first = quality.validate(tables_from(rows), run_id="run-one", docs_dir=docs)
    second = quality.validate(tables_from(good_rows()), run_id="run-two", docs_dir=docs)
    assert first.report_path == second.report_path == (docs / "index.html").resolve()
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert "run-one" in index and "run-two" in index  # the index accumulates runs
    pages = list((docs / "validations" / "stg_figure" / "run-one").rglob("*.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert "XYZ" in page and "Failed" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no gx/ project folder


def test_deferred_docs_are_rendered_once_for_all_results_of_a_run(tmp_path):
    docs = tmp_path / "docs"
    rows = good_rows()
    rows["stg_figure"][0]["unit"] = "XYZ"
    for table_rows in (rows, good_rows()):  # two chunks of one run
        out = quality.validate(tables_from(table_rows), run_id="chunked", docs_dir=docs,
                               build_docs=False)
        assert out.report_path is None
    assert not (docs / "index.html").exists() and not (docs / "validations").exists()
    assert quality.build_run_docs(docs, "no-such-run") is None
    assert quality.build_run_docs(docs, "chunked") == (docs / "index.html").resolve()
    assert "chunked" in (docs / "index.html").read_text(encoding="utf-8")
    pages = sorted((docs / "validations" / "stg_figure" / "chunked").rglob("*.html"))
    assert len(pages) == 2  # one page per chunk's result
    assert sum("XYZ" in p.read_text(encoding="utf-8") for p in pages) == 1
