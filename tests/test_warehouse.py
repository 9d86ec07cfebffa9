"""Warehouse: migrations, bulk loads, idempotence, integrity, locking and publishing."""
from __future__ import annotations

from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from newsfacts import warehouse
from newsfacts.config import load_settings
from newsfacts.models import (Article, ArticleFacts, Figure, Location, Meeting, Organization,
                              Person, Project, Span, StructuredFact, article_id_for)
from newsfacts.staging import stage

TEXT = ("NAIROBI — Kenyan Trade Minister Lee Kinyanjui met Ugandan Minister Francis Mwebesa. "
        "Trade between Kenya and Uganda reached $1.2 billion in 2024.")


def sample_facts(text: str = TEXT, published: date = date(2025, 2, 3), name: str = "ke.txt",
                 title: str = "Trade Minister") -> ArticleFacts:
    article = Article(article_id_for(text), text, name, f"/in/{name}", published=published)
    span = Span(0, 10, text.split(". ")[0], 0)
    return ArticleFacts(
        article=article,
        persons=[Person("Lee Kinyanjui", title, "KEN", span=span, mentions=2),
                 Person("Francis Mwebesa", "Minister", "UGA", span=span)],
        organizations=[Organization("East African Community", "EAC", span=span)],
        locations=[Location("Nairobi", "city", "KEN", span=span),
                   Location("Kenya", "country", "KEN", span=span, mentions=3),
                   Location("Uganda", "country", "UGA", span=span)],
        meetings=[Meeting(["Lee Kinyanjui", "Francis Mwebesa"], "2025-02-01", None, "Nairobi", span)],
        figures=[Figure("trade_turnover", 1.2e9, "USD", "$1.2 billion", "2024", "Kenya", "Uganda",
                        None, span)],
        projects=[Project("Standard Gauge Railway", "railway", span=span)],
    )


STRUCTURED = StructuredFact("f1", "trade_turnover", 1.25e9, "USD", "2024", "Kenya", "Uganda",
                            None, "KNBS", date(2025, 1, 15), None, "/in/stats.csv", 2)


@pytest.fixture
def con():
    c = warehouse.connect(":memory:")
    warehouse.migrate(c)
    yield c
    c.close()


def test_migrations_are_recorded_and_run_once(con):
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migration ORDER BY 1").fetchall()]
    assert versions == list(range(1, len(versions) + 1)) and len(versions) >= 16
    assert warehouse.migrate(con) == []
    assert set(warehouse.TABLES) <= {r[0] for r in con.execute("SHOW TABLES").fetchall()}


def test_load_fills_the_star_schema(con):
    added = warehouse.load_batch(con, stage([sample_facts()], [STRUCTURED]), "r1", datetime.now())
    assert added == {
        "dim_date": 3, "dim_source": 2, "dim_article": 1, "dim_person": 2,
        "dim_organization": 1, "dim_location": 3, "dim_project": 1, "dim_metric": 0,
        "fact_figure": 2, "fact_meeting": 1, "bridge_meeting_participant": 2,
        "fact_mention": 6, "fact_project_mention": 1}
    rows = con.execute("""SELECT is_structured, value, subject, counterpart, sl.name, cl.name
                          FROM fact_figure f
                          JOIN dim_location sl ON sl.location_key = f.subject_location_key
                          JOIN dim_location cl ON cl.location_key = f.counterpart_location_key
                          ORDER BY is_structured""").fetchall()
    assert rows == [(False, 1.2e9, "Kenya", "Uganda", "Kenya", "Uganda"),
                    (True, 1.25e9, "Kenya", "Uganda", "Kenya", "Uganda")]
    assert con.execute("SELECT mention_count FROM fact_mention JOIN dim_person USING (person_key) "
                       "WHERE name = 'Lee Kinyanjui'").fetchone() == (2,)
    meeting = con.execute("SELECT meeting_date, location, participants FROM v_meetings").fetchall()
    assert meeting == [(date(2025, 2, 1), "Nairobi", ["Francis Mwebesa", "Lee Kinyanjui"])]


def test_second_load_of_the_same_batch_adds_nothing(con):
    staged = stage([sample_facts()], [STRUCTURED])
    warehouse.load_batch(con, staged, "r1", datetime.now())
    before = warehouse.table_counts(con)
    again = warehouse.load_batch(con, stage([sample_facts()], [STRUCTURED]), "r2", datetime.now())
    assert set(again.values()) == {0}
    assert warehouse.table_counts(con) == before


def test_entities_shared_by_articles_get_one_row(con):
    other = sample_facts(TEXT.replace("$1.2 billion", "$1.3 billion"), date(2025, 3, 1), "b.txt")
    warehouse.load_batch(con, stage([sample_facts(), other]), "r1", datetime.now())
    assert con.execute("SELECT count(*) FROM dim_person").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM dim_article").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM fact_mention WHERE entity_type = 'person'").fetchone() == (4,)


@pytest.mark.parametrize("fact_table, key, dim", [
    ("fact_figure", "article_key", "dim_article"),
    ("fact_figure", "metric_key", "dim_metric"),
    ("fact_figure", "source_key", "dim_source"),
    ("fact_meeting", "article_key", "dim_article"),
    ("fact_meeting", "location_key", "dim_location"),
    ("bridge_meeting_participant", "person_key", "dim_person"),
    ("fact_mention", "person_key", "dim_person"),
    ("fact_mention", "location_key", "dim_location"),
    ("fact_mention", "organization_key", "dim_organization"),
    ("fact_project_mention", "project_key", "dim_project"),
    ("dim_article", "source_key", "dim_source"),
    ("dim_article", "date_key", "dim_date"),
])
def test_every_fact_key_exists_in_its_dimension(con, fact_table, key, dim):
    warehouse.load_batch(con, stage([sample_facts()], [STRUCTURED]), "r1", datetime.now())
    dangling = con.execute(f"SELECT count(*) FROM {fact_table} WHERE {key} IS NOT NULL AND "
                           f"{key} NOT IN (SELECT {key} FROM {dim})").fetchone()[0]
    present = con.execute(f"SELECT count({key}) FROM {fact_table}").fetchone()[0]
    assert dangling == 0 and present > 0


def test_quotes_and_sql_in_names_are_stored_verbatim(con):
    facts = sample_facts()
    facts.persons[0].name = "Seán O'Brien"
    facts.organizations[0].name = 'x"; DROP TABLE dim_source;--'
    warehouse.load_batch(con, stage([facts]), "r1", datetime.now())
    assert con.execute("SELECT name FROM dim_organization").fetchone() == ('x"; DROP TABLE dim_source;--',)
    assert ("Seán O'Brien",) in con.execute("SELECT name FROM dim_person").fetchall()
    assert con.execute("SELECT count(*) FROM dim_source").fetchone()[0] == 1


def test_publish_is_atomic_and_readers_keep_their_snapshot(tmp_path):
    settings = load_settings(warehouse=tmp_path / "wh.duckdb")
    con = warehouse.open_work_copy(settings)
    warehouse.load_batch(con, stage([sample_facts()]), "r1", datetime.now())
    assert not settings.warehouse.exists()  # nothing visible before publishing
    warehouse.publish(con, settings)
    reader = duckdb.connect(str(settings.warehouse), read_only=True)
    con = warehouse.open_work_copy(settings)
    other = sample_facts(TEXT + " More.", date(2025, 3, 1), "b.txt")
    warehouse.load_batch(con, stage([other]), "r2", datetime.now())
    warehouse.publish(con, settings)
    assert reader.execute("SELECT count(*) FROM dim_article").fetchone() == (1,)
    reader.close()
    reader = duckdb.connect(str(settings.warehouse), read_only=True)
    assert reader.execute("SELECT count(*) FROM dim_article").fetchone() == (2,)
    reader.close()
    assert not settings.work_path.exists()


def test_discarded_run_leaves_the_published_warehouse_unchanged(tmp_path):
    settings = load_settings(warehouse=tmp_path / "wh.duckdb")
    con = warehouse.open_work_copy(settings)
    warehouse.load_batch(con, stage([sample_facts()]), "r1", datetime.now())
    warehouse.publish(con, settings)
    con = warehouse.open_work_copy(settings)
    con.execute("DELETE FROM fact_mention")
    warehouse.discard(con, settings)
    assert warehouse.query(settings.warehouse, "SELECT count(*) FROM fact_mention")[1] == [(6,)]


def test_second_writer_is_refused(tmp_path):
    settings = load_settings(warehouse=tmp_path / "wh.duckdb")
    with warehouse.writer_lock(settings):
        with pytest.raises(warehouse.WarehouseBusy, match="another run is in progress"):
            with warehouse.writer_lock(settings):
                pass
    with warehouse.writer_lock(settings):  # released after the first holder leaves
        pass


def test_quarantine_keeps_one_copy_per_reason(con):
    import pandas as pd
    rows = pd.DataFrame([{"quarantine_id": "q1", "run_id": "r1", "stage": "ingest",
                          "table_name": None, "origin": "/in/x.txt", "check_name": "readable_input",
                          "reason": "/in/x.txt: file is empty", "record": "null",
                          "quarantined_at": datetime.now()}])
    assert warehouse.record_quarantine(con, rows) == 1
    assert warehouse.record_quarantine(con, rows) == 0


def test_read_only_query_refuses_writes(tmp_path):
    settings = load_settings(warehouse=tmp_path / "wh.duckdb")
    con = warehouse.open_work_copy(settings)
    warehouse.publish(con, settings)
    with pytest.raises(duckdb.Error):
        warehouse.query(settings.warehouse, "DROP TABLE dim_source")


def _search(con, words):
    return [r[0] for r in con.execute("SELECT article_key FROM search_articles(?)", [words]).fetchall()]


def test_search_index_grows_with_each_load_and_ranks_by_bm25(con):
    warehouse.load_batch(con, stage([sample_facts()]), "r1", datetime.now())
    other = ("LUSAKA — Zambian copper exports to China rose to $4 billion as copper prices climbed. "
             "Copper mines in the Copperbelt expanded output.")
    warehouse.load_batch(con, stage([sample_facts(other, name="zm.txt")]), "r2", datetime.now())
    keys = dict(con.execute("SELECT name, article_key FROM dim_article").fetchall())
    # every article indexed once, tokens stemmed ("exports" finds "export"), common words dropped
    assert con.execute("SELECT count(*), count(DISTINCT article_key) FROM search_doc").fetchone() == (2, 2)
    assert _search(con, "copper export") == [keys["zm.txt"]]
    assert _search(con, "Uganda trade") == [keys["ke.txt"]]
    assert _search(con, "the and of") == []
    # both mention a billion; the article saying "copper" three times ranks first for "copper billion"
    assert _search(con, "copper billion") == [keys["zm.txt"], keys["ke.txt"]]


def test_articles_missing_from_the_index_are_indexed_by_the_next_load(con):
    # A warehouse made before the index: its articles are indexed by the next load.
    warehouse.load_batch(con, stage([sample_facts()]), "r1", datetime.now())
    con.execute("DELETE FROM search_term")
    con.execute("DELETE FROM search_doc")
    warehouse.load_batch(con, stage([sample_facts("Ghana's cocoa exports rose.", name="gh.txt")]),
                         "r2", datetime.now())
    assert con.execute("SELECT count(*) FROM search_doc").fetchone()[0] == 2
    assert len(_search(con, "Uganda")) == 1


def test_chunk_checks_see_only_the_rows_above_the_marks(con):
    warehouse.load_batch(con, stage([sample_facts()]), "r1", datetime.now())
    marks = warehouse.key_marks(con)
    warehouse.load_batch(con, stage([sample_facts("Ghana and Togo held talks on power trade.",
                                                  name="gh.txt")]), "r1", datetime.now())
    per_chunk, per_run = warehouse.checked_tables()
    assert {"fact_figure", "fact_mention", "search_term"} <= set(per_chunk)
    assert {"dim_person", "etl_run"} <= set(per_run)
    chunk = warehouse.check_frames(con, "r1", per_chunk, marks)
    whole = warehouse.check_frames(con, "r1", per_chunk)
    gh = con.execute("SELECT article_key FROM dim_article WHERE name = 'gh.txt'").fetchone()[0]
    assert list(chunk["dim_article"]["article_key"]) == [gh]
    assert set(chunk["fact_mention"]["has_article"]) == {True}
    assert len(whole["fact_mention"]) > len(chunk["fact_mention"]) > 0
    assert set(chunk["search_term"]["article_key"]) == {gh}


GROWING = ("dim_article", "fact_figure", "fact_meeting", "bridge_meeting_participant",
           "fact_mention", "fact_project_mention", "search_doc", "quarantine", "ingested_file")


def _keyed_tables(con) -> set[str]:
    return {t for (t,) in con.execute(
        "SELECT DISTINCT table_name FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchall()}


def test_tables_that_grow_with_articles_carry_no_key_index(con):
    # A key index is read whole into memory by a load, so it would make a chunk's memory grow
    # with the warehouse; the dimensions stay small and keep theirs.
    keyed = _keyed_tables(con)
    assert keyed.isdisjoint(GROWING)
    assert {"dim_person", "dim_organization", "dim_location", "etl_run"} <= keyed


def test_a_warehouse_with_key_indexes_migrates_without_losing_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    old = warehouse.connect(path)
    old.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMP NOT NULL)")
    warehouse.load_fts(old)
    for f in warehouse._sql_files(warehouse.MIGRATIONS_DIR):
        version = int(f.name.split("_", 1)[0])
        if version < 26:
            old.execute(f.read_text(encoding="utf-8"))
            old.execute("INSERT INTO schema_migration VALUES (?, ?, now())", [version, f.stem])
    warehouse.load_batch(old, stage([sample_facts()], [STRUCTURED]), "r1", datetime.now())
    assert set(GROWING) - {"quarantine", "ingested_file"} <= _keyed_tables(old)
    before = warehouse.table_counts(old)
    old.close()
    con = warehouse.connect(path)
    assert warehouse.migrate(con) == ["026_drop_growing_key_indexes"]
    assert warehouse.table_counts(con) == before
    assert _keyed_tables(con).isdisjoint(GROWING)
    again = warehouse.load_batch(con, stage([sample_facts()], [STRUCTURED]), "r2", datetime.now())
    assert sum(again.values()) == 0
    new = warehouse.load_batch(con, stage([sample_facts("Ghana's cocoa exports rose.", name="gh.txt")]),
                               "r3", datetime.now())
    assert new["dim_article"] == 1
    keys = [k for (k,) in con.execute("SELECT article_key FROM dim_article ORDER BY 1").fetchall()]
    assert len(keys) == len(set(keys)) == 2  # the sequence carries on past the copied rows
    con.close()


def test_a_file_read_again_replaces_its_row(con):
    def files(size: int, run_id: str) -> pd.DataFrame:
        return pd.DataFrame([{"path": "/in/a.txt", "size": size, "mtime_ns": size, "run_id": run_id,
                              "ingested_at": datetime.now()}])

    warehouse.record_ingested(con, files(10, "r1"))
    warehouse.record_ingested(con, files(12, "r2"))
    assert con.execute("SELECT size, run_id FROM ingested_file").fetchall() == [(12, "r2")]


# Meeting events: the load step that groups reports of one real meeting -----------------------

def _add_meeting(con, key: int, published: str, day: str | None, parties) -> None:
    """Article `key` reporting meeting `key`: published on `published`, held on `day`."""
    pub = date.fromisoformat(published)
    con.execute("INSERT INTO dim_article (article_key, article_id, name, origin, source_key, "
                "published_date, date_key, text, n_chars, run_id, loaded_at) "
                "VALUES (?, ?, 'a.txt', 'test', 1, ?, ?, 'x', 1, 'r', now())",
                [key, f"a{key}", pub, int(pub.strftime("%Y%m%d"))])
    date_key = None
    if day:
        d = date.fromisoformat(day)
        date_key = int(d.strftime("%Y%m%d"))
        con.execute("INSERT OR IGNORE INTO dim_date VALUES (?, ?, ?, 1, ?, ?, 1)",
                    [date_key, d, d.year, d.month, d.day])
    con.execute("INSERT INTO fact_meeting (meeting_key, meeting_id, article_key, date_key, run_id) "
                "VALUES (?, ?, ?, ?, 'r')", [key, f"m{key}", key, date_key])
    for name, person_key, org_key in parties:
        con.execute("INSERT INTO bridge_meeting_participant VALUES (?, ?, ?, ?)",
                    [key, name, person_key, org_key])


ALIYEV, PASHINYAN, ERDOGAN = ("Ilham Aliyev", 1, None), ("Nikol Pashinyan", 2, None), ("Recep Erdogan", 3, None)


@pytest.mark.parametrize("chunks, events", [
    # Two shared people, two days apart (the later report has no day: its publication counts).
    ([[("2025-05-20", "2025-05-20", [ALIYEV, PASHINYAN])],
      [("2025-05-22", None, [ALIYEV, PASHINYAN])]], [1, 1]),
    # One shared person is not enough.
    ([[("2025-05-20", "2025-05-20", [ALIYEV, PASHINYAN])],
      [("2025-05-21", "2025-05-21", [ALIYEV, ERDOGAN])]], [1, 2]),
    # Four days apart is another meeting.
    ([[("2025-05-20", "2025-05-20", [ALIYEV, PASHINYAN])],
      [("2025-05-24", "2025-05-24", [ALIYEV, PASHINYAN])]], [1, 2]),
    # One person under two names is one party; a report matching none is its own event.
    ([[("2025-05-20", None, [ALIYEV, ("President Aliyev", 1, None)])],
      [("2025-05-20", None, [ALIYEV, ("Mr Aliyev", 1, None)])]], [1, 2]),
    # Organizations and unresolved names are parties too.
    ([[("2025-05-20", None, [("World Bank", None, 7), ("Jane Roe", None, None)])],
      [("2025-05-21", None, [("World Bank", None, 7), ("Jane Roe", None, None)])]], [1, 1]),
    # Within one chunk, and a later chunk joining the event through its second report.
    ([[("2025-05-20", None, [ALIYEV, PASHINYAN]), ("2025-05-21", None, [ALIYEV, PASHINYAN, ERDOGAN])],
      [("2025-05-23", None, [PASHINYAN, ERDOGAN])]], [1, 1, 1]),
])
def test_reports_of_one_meeting_share_an_event(con, chunks, events):
    con.execute("INSERT INTO dim_source (source_key, source_id, name) VALUES (1, 's', 'S')")
    key = 0
    for chunk in chunks:
        for published, day, parties in chunk:
            key += 1
            _add_meeting(con, key, published, day, parties)
        warehouse.run_sql_file(con, warehouse.LOAD_DIR / "15_meeting_event.sql", {})
    got = con.execute("SELECT event_key FROM fact_meeting ORDER BY meeting_key").fetchall()
    assert [e for (e,) in got] == events


def test_a_writer_fills_small_row_groups_so_a_chunk_s_checkpoint_stays_small(tmp_path):
    # (a quote in the path is quoted, not a syntax error)
    path = tmp_path / "o'neill" / "news.duckdb"
    path.parent.mkdir()
    con = warehouse.connect(path)
    con.execute("CREATE TABLE t AS SELECT range AS k FROM range(40000)")
    con.close()
    with duckdb.connect(str(path), read_only=True) as ro:
        groups = ro.execute("SELECT count(DISTINCT row_group_id), max(count) FROM pragma_storage_info('t')"
                            ).fetchone()
    assert groups == (3, warehouse.ROW_GROUP_SIZE)


def test_a_run_s_writer_caps_duckdb_memory_and_spills_beside_the_work_copy(tmp_path):
    settings = load_settings(env={}, warehouse=tmp_path / "news.duckdb", writer_memory_mb=48)
    warehouse.open_work_copy(settings).close()
    con = warehouse.open_writer(settings)
    limit, spill = con.execute("SELECT current_setting('memory_limit'), "
                               "current_setting('temp_directory')").fetchone()
    assert abs(float(limit.split()[0]) * 2**20 - 48e6) < 1e6 and limit.endswith("MiB")
    assert spill == str(settings.work_path) + ".tmp"
    # A sort several times the cap spills instead of failing.
    con.execute("CREATE TEMP TABLE h AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(1500000)")
    got = con.execute("SELECT i FROM h ORDER BY h LIMIT 1 OFFSET 1499999").fetchone()
    assert got == con.execute("SELECT arg_max(i, h) FROM h").fetchone()
    con.close()
    assert not (tmp_path / "news.duckdb.work.tmp").exists()
