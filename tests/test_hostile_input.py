"""Hostile input in the inbox: encodings, junk, HTML, links, SQL in names, dates, duplicates.

Each case asserts a clear reason naming the file (or the text stored correctly), the published
counts it should produce, and that running again changes nothing and equals a clean run of the
same inbox into another warehouse (issue 7; README "Guarantees").
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsfacts import pipeline
from newsfacts.config import load_settings
from newsfacts.models import article_id_for
from newsfacts.sources.inbox import (InputError, decode, find_mojibake, list_inbox, read_inbox,
                                     strip_html)

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CHILD = Path(__file__).parent / "faults" / "child.py"
SQLISH = 'x"; DROP TABLE dim_source;--'
HEADER = "metric,value,unit,period,subject,counterpart,qualifier,source,published,url\n"

# Original articles written for these tests (facts invented).
GOOD = (" date 2025-02-11 DUBLIN — Irish Trade Minister Peter O'Brien met Welsh Economy Secretary "
        "Rhian Tables in Dublin on Monday. Ireland's exports to the United Kingdom rose 4% in 2024 "
        "to $61 billion, O'Brien said.")
HTML_ARTICLE = (" date 2025-03-03 <html><head><title>t</title><script>var leak = 'SCRIPT-TEXT';"
                "</script><style>p {color: red}</style></head><body><p onclick=\"evil('HANDLER')\">"
                "QUITO — Ecuador's Production Minister Luis Jaramillo met Colombian Trade Minister "
                "Diana Morales in Quito on Friday.</p><iframe src=\"https://ads.example/\">IFRAME-"
                "TEXT</iframe><p>Trade between Ecuador and Colombia reached $2.9 billion in 2024 "
                "&amp; grew.<img src=x onerror=\"alert('ONERROR')\"></p>"
                "<p>&lt;script&gt;alert('ESCAPED-SCRIPT')&lt;/script&gt;</p></body></html>")
FRENCH = " date 2025-01-08 DAKAR - Le ministre sénégalais a rencontré son homologue ivoirien à Dakar."
CORRECTED_URL = "https://example.org/ng-gh"
JSONL = [
    {"url": CORRECTED_URL, "title": SQLISH, "published": "2025-02-20",
     "source": "O'Brien \"Wire\"; DROP TABLE dim_source;--",
     "text": "ABUJA — Nigeria's Trade Minister Jumoke Oduwole met Ghanaian Trade Minister "
             "Elizabeth Ofosu-Adjare in Abuja on Wednesday. Nigeria's exports to Ghana reached "
             "$1.1 billion in 2024."},
    # the same URL with the same text: one article
    {"url": CORRECTED_URL, "title": "again", "published": "2025-02-20", "source": "Other Wire",
     "text": "ABUJA — Nigeria's Trade Minister Jumoke Oduwole met Ghanaian Trade Minister "
             "Elizabeth Ofosu-Adjare in Abuja on Wednesday. Nigeria's exports to Ghana reached "
             "$1.1 billion in 2024."},
    # a corrected version under the same URL: a new article (the old one stays)
    {"url": CORRECTED_URL, "title": "corrected", "published": "2025-02-21", "source": "Example Wire",
     "text": "ABUJA — Nigeria's Trade Minister Jumoke Oduwole met Ghanaian Trade Minister "
             "Elizabeth Ofosu-Adjare in Abuja on Wednesday. Nigeria's exports to Ghana reached "
             "$1.2 billion in 2024 (corrected)."},
    {"url": "https://example.org/html", "title": "<b>Bold</b> title", "published": "2025-02-22",
     "source": "Example Wire",
     "text": "<div>LIMA — Peru and Bolivia signed a rail deal on Tuesday.<script>steal("
             "'JSONL-SCRIPT')</script><a href=\"javascript:alert('JS-LINK')\">more</a></div>"},
    {"url": "https://example.org/moji", "published": "2025-02-23",
     "text": "SÃ£o Paulo exports rose 3% in 2024."},
    {"url": "https://example.org/nodate", "title": "no date", "source": "Example Wire",
     "text": "NAIROBI — Kenya's exports to Rwanda rose 2% in 2024, the ministry said."},
]
CSV_GOOD = HEADER + (
    f'exports,1000000,USD,2024,"{SQLISH.replace(chr(34), chr(34) * 2)}",O\'Brien Island,,'
    '"O\'Brien; DROP TABLE fact_figure;--",2025-01-01,https://example.org/s\n'
    "imports,twelve,USD,2024,Kenya,Rwanda,,KNBS,2025-01-01,\n")
DATES = {
    "date_feb30.txt": " date 2024-02-30 ASTANA — Kazakhstan's exports grew 5% in 2023.",
    "date_future.txt": " date 2999-01-01 ASTANA — Kazakhstan's imports grew 2% in 2023.",
    "date_slashes.txt": " date 03/04/2024 BAKU — Azerbaijan's exports grew 4% in 2023.",
    "date_short.txt": " date 2024-3-4 TBILISI — Georgia's exports grew 6% in 2023.",
    "date_missing.txt": "YEREVAN — Armenia's exports grew 7% in 2023.",
}


def hostile_files(tmp: Path) -> dict[str, str | bytes]:
    mojibake = GOOD.replace("Dublin", "Dún Laoghaire").encode().decode("latin-1").encode()
    return {
        "good.txt": GOOD,
        "good_copy.txt": GOOD,  # the same file twice
        "sub/good.txt": GOOD.replace("  ", " ") + "\n",  # the same text, another name/folder
        "O'Brien; DROP TABLE dim_article;--.txt": GOOD.replace("$61 billion", "$62 billion"),
        "cp1251.txt": (FIXTURES / "cp1251.txt").read_bytes(),
        "utf16_bom.txt": (FIXTURES / "utf16_bom.txt").read_bytes(),
        "utf8_bom.txt": (FIXTURES / "utf8_bom.txt").read_bytes(),
        "mojibake.txt": mojibake,
        "latin1.txt": FRENCH.encode("latin-1"),
        "replacement.txt": GOOD.replace("O'Brien met", "O\ufffdBrien met"),
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n  ",
        "scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "nul.txt": GOOD.encode()[:40] + b"\x00" + GOOD.encode()[40:],
        "page.txt": HTML_ARTICLE,
        "feed.jsonl": "\n".join(json.dumps(r) for r in JSONL) + "\n",
        "stats.csv": CSV_GOOD,
        "stats_extra.csv": HEADER.replace("url\n", "url,note\n") + "exports,1,USD,2024,A,B,,S,2025-01-01,u,n\n",
        "stats_missing.csv": HEADER.replace(",url\n", "\n") + "exports,1,USD,2024,A,B,,S,2025-01-01\n",
        "stats_renamed.csv": HEADER.replace("value", "amount") + "exports,1,USD,2024,A,B,,S,2025-01-01,u\n",
        **DATES,
    }


def build_inbox(root: Path) -> Path:
    inbox = root / "inbox"
    for name, content in hostile_files(root).items():
        path = inbox / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with open(inbox / "huge.txt", "wb") as fh:  # 2 GiB, sparse: never written
        fh.truncate(2 * 1024 ** 3)
    outside = root / "outside_secret.txt"
    outside.write_text(" date 2025-01-01 SECRET — must never be read.", encoding="utf-8")
    (inbox / "link_out.txt").symlink_to(outside)
    (inbox / "link_in.txt").symlink_to(inbox / "good.txt")
    (inbox / "link_dir").symlink_to(root, target_is_directory=True)
    return inbox


def state(path: Path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        out = {}
        for (table,) in con.execute("SELECT table_name FROM information_schema.tables WHERE "
                                    "table_schema = 'main' AND table_name SIMILAR TO "
                                    "'(dim|fact|bridge)_.*'").fetchall():
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
                "(column_name LIKE '%\\_id' ESCAPE '\\' OR column_name IN ('date_key', "
                "'participant_name')) AND column_name <> 'run_id'", [table]).fetchall()]
            if cols:
                out[table] = sorted(map(str, con.execute(
                    f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
        out["quarantine"] = sorted(con.execute(
            "SELECT regexp_replace(origin, '^.*/inbox/', ''), check_name, table_name "
            "FROM quarantine").fetchall(), key=str)
        return out


def rows(path: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One real run over the hostile inbox, a second run over it, and a clean run elsewhere."""
    root = tmp_path_factory.mktemp("hostile")
    inbox = build_inbox(root)
    (root / "longline.txt").write_bytes(b" date 2025-01-01 " + b"a" * (100 * 1024 ** 2))
    os.replace(root / "longline.txt", inbox / "longline.txt")  # a single 100 MB line
    wh, clean = root / "wh" / "news.duckdb", root / "clean" / "news.duckdb"
    first = pipeline.run_once(load_settings(inbox=inbox, warehouse=wh))
    after_first = state(wh)
    second = pipeline.run_once(load_settings(inbox=inbox, warehouse=wh))
    pipeline.run_once(load_settings(inbox=inbox, warehouse=clean))
    (inbox / "longline.txt").unlink()
    return {"inbox": inbox, "wh": wh, "first": first, "second": second,
            "after_first": after_first, "clean": clean}


def held(h, name: str) -> list[tuple[str, str, str]]:
    """(table, check, reason) of what the quarantine holds for one inbox file."""
    return rows(h["wh"], "SELECT coalesce(table_name, ''), check_name, reason FROM quarantine "
                "WHERE origin = ? OR origin LIKE ? ORDER BY 1, 2",
                [str(h["inbox"] / name), str(h["inbox"] / name) + ":%"])


def articles_named(h, name: str) -> list[tuple]:
    return rows(h["wh"], "SELECT name, text, title FROM dim_article WHERE name = ?", [name])


# The run as a whole ------------------------------------------------------------------------

def test_the_run_succeeds_and_converges(hostile):
    first, second = hostile["first"], hostile["second"]
    assert first.status == "succeeded" and second.status == "succeeded"
    assert second.articles_new == 0 and sum(second.loaded.values()) == 0
    now, clean = state(hostile["wh"]), state(hostile["clean"])
    assert now == hostile["after_first"] == clean
    names = sorted(n for (n,) in rows(hostile["wh"], "SELECT name FROM dim_article"))
    assert names == sorted([
        "good.txt", "O'Brien; DROP TABLE dim_article;--.txt", "cp1251.txt", "utf16_bom.txt",
        "utf8_bom.txt", "page.txt", "feed.jsonl#1", "feed.jsonl#3", "feed.jsonl#4"])
    # every quarantined input names its file in the reason
    for origin, reason in rows(hostile["wh"], "SELECT origin, reason FROM quarantine "
                                              "WHERE stage = 'ingest'"):
        assert origin in reason


def test_rerunning_an_inbox_adds_no_second_copy_of_held_facts(hostile):
    assert state(hostile["wh"])["quarantine"] == hostile["after_first"]["quarantine"]


# 8. The same article twice -----------------------------------------------------------------

def test_the_same_text_twice_is_one_article(hostile):
    first = hostile["first"]
    assert first.articles_duplicate == 4  # good_copy, sub/good, link_in, feed#2
    assert len(articles_named(hostile, "good.txt")) == 1
    assert not articles_named(hostile, "good_copy.txt") and not articles_named(hostile, "feed.jsonl#2")
    assert rows(hostile["wh"], "SELECT count(*) FROM dim_article WHERE article_id = ?",
                [article_id_for(GOOD.split(" ", 3)[3])]) == [(1,)]


def test_a_corrected_version_under_the_same_url_is_a_new_article_and_the_old_one_stays(hostile):
    got = rows(hostile["wh"], "SELECT a.name, a.title, list(f.value ORDER BY f.value) "
                              "FROM dim_article a JOIN fact_figure f USING (article_key) "
                              "WHERE a.url = ? GROUP BY ALL ORDER BY a.name", [CORRECTED_URL])
    assert [(n, t) for n, t, _ in got] == [("feed.jsonl#1", SQLISH), ("feed.jsonl#3", "corrected")]
    assert 1.1e9 in got[0][2] and 1.2e9 in got[1][2] and 1.2e9 not in got[0][2]


# 9. Structured facts whose columns changed ---------------------------------------------------

@pytest.mark.parametrize("name, words", [
    ("stats_extra.csv", "unexpected: ['note']"),
    ("stats_missing.csv", "missing: ['url']"),
    ("stats_renamed.csv", "missing: ['value']; unexpected: ['amount']"),
])
def test_a_csv_whose_header_changed_is_rejected_whole(hostile, name, words):
    [(table, check, reason)] = held(hostile, name)
    assert check == "readable_input" and name in reason and words in reason
    assert not rows(hostile["wh"], "SELECT 1 FROM fact_figure WHERE origin LIKE ?", [f"%{name}%"]) \
        if "origin" in [c for (c,) in rows(hostile["wh"], "SELECT column_name FROM "
                                                      "information_schema.columns WHERE "
                                                      "table_name = 'fact_figure'")] else True


def test_a_bad_csv_value_rejects_its_row_only(hostile):
    [(table, check, reason)] = held(hostile, "stats.csv")
    assert "stats.csv:3" in reason and "'twelve' is not a number" in reason
    assert rows(hostile["wh"], "SELECT count(*) FROM fact_figure WHERE is_structured") == [(1,)]


# 10. Encodings -------------------------------------------------------------------------------

def test_legacy_and_bom_encodings_are_stored_as_written(hostile):
    [(_, cp, _)] = articles_named(hostile, "cp1251.txt")
    assert "Олжас Бектенов" in cp and "ASTANA —" in cp
    [(_, u16, _)] = articles_named(hostile, "utf16_bom.txt")
    assert u16.startswith("TASHKENT —")
    [(_, u8, _)] = articles_named(hostile, "utf8_bom.txt")
    assert u8.startswith("TBILISI —") and "\ufeff" not in u8
    assert rows(hostile["wh"], "SELECT count(*) FROM dim_article WHERE text LIKE '%\ufffd%' "
                               "OR text LIKE '%Ã%' OR title LIKE '%\ufffd%'") == [(0,)]


@pytest.mark.parametrize("name, words", [
    ("mojibake.txt", "is UTF-8 read as Latin-1/Windows-1252 (would be '—')"),
    ("latin1.txt", "not valid UTF-8 (byte 0xe9 at offset 38) nor Cyrillic Windows-1251 text"),
    ("replacement.txt", "U+FFFD replacement characters"),
    ("feed.jsonl:5", "mojibake"),
])
def test_damaged_or_unknown_encodings_are_quarantined_with_the_reason(hostile, name, words):
    [(table, check, reason)] = held(hostile, name)
    assert name in reason and words in reason


@pytest.mark.parametrize("text", ["Café in Brasília", "Pokémon — ‘Zoë’", "Ağrı and Kraków"])
def test_mojibake_is_detected(text):
    broken = text.encode("utf-8").decode("cp1252", errors="replace")
    assert find_mojibake(broken)
    assert find_mojibake(text) is None
    with pytest.raises(InputError, match="mojibake"):
        decode(broken.encode("utf-8"), "f.txt")


@pytest.mark.parametrize("text", [
    "Zoë Ångström visited São Tomé, Ærø and Kraków; «Ça va», naïve — 25 °C, 3 × 4 ± 1, ½ Côte.",
    "Олжас Бектенов and Алексей Оверчук", "İstanbul, Şanlıurfa, Ağrı", "北京 and 東京"])
def test_clean_utf8_with_accents_is_never_taken_for_mojibake(text):
    assert decode(text.encode("utf-8"), "f.txt") == text


@pytest.mark.parametrize("data, reason", [
    ("Tashkent — Ташкент".encode("utf-16"), None),
    (codecs.BOM_UTF8 + "Tbilisi — Тбилиси".encode(), None),
    ("Министр Бектенов встретился с коллегой — «Астана».".encode("cp1251"), None),
    ("Minister Bektenov (Бектенов) said — “yes”.".encode("cp1251"), None),
    ("Le ministre sénégalais à Dakar".encode("latin-1"), "nor Cyrillic Windows-1251"),
    ("Straße in München".encode("cp1252"), "nor Cyrillic Windows-1251"),
    (b"caf\xe9 \xe0 la cr\xe8me", "nor Cyrillic Windows-1251"),
    ("a\ufffdb".encode(), r"U\+FFFD"),
    (b"text\x01\x02\x03 more", "control bytes"),
    ("\ufeff   ".encode("utf-16"), "white space"),
])
def test_decode_rule(data, reason):
    if reason is None:
        assert decode(data, "f.txt").lstrip("\ufeff")
    else:
        with pytest.raises(InputError, match=reason):
            decode(data, "f.txt")


# 11. Junk files, a 2 GB file, a 100 MB line --------------------------------------------------

@pytest.mark.parametrize("name, words", [
    ("empty.txt", "file is empty"),
    ("blank.txt", "file is empty"),
    ("scan.txt", "binary content"),
    ("nul.txt", "binary content (NUL bytes)"),
    ("huge.txt", "file is 2147483648 bytes, over the 20000000-byte limit"),
    ("longline.txt", "over the 20000000-byte limit"),
])
def test_junk_files_are_quarantined_and_the_run_goes_on(hostile, name, words):
    [(table, check, reason)] = held(hostile, name)
    assert check == "readable_input" and name in reason and words in reason


@pytest.mark.slow
def test_huge_inputs_are_refused_before_reading_with_memory_bounded(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(inbox / "huge.txt", "wb") as fh:
        fh.truncate(2 * 1024 ** 3)
    (inbox / "line.txt").write_bytes(b" date 2025-01-01 " + b"b" * (100 * 1024 ** 2))
    proc = subprocess.run([sys.executable, str(CHILD), "rss", str(inbox)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["articles"] == ["good.txt"]
    assert set(got["rejected"]) == {"huge.txt", "line.txt"}
    assert got["after_kib"] - got["before_kib"] < 30 * 1024, got  # far below the 100 MB line


def test_a_file_growing_past_the_cap_after_stat_is_still_refused(tmp_path, monkeypatch):
    from newsfacts.sources import inbox as inbox_mod

    path = tmp_path / "grow.txt"
    path.write_bytes(b"x" * 100)
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((0,) * 10)
                        if self == path else real_stat(self, **kw))
    with pytest.raises(InputError, match="over the 50-byte limit"):
        inbox_mod.read_bytes(path, 50)


# 12. HTML, scripts, iframes, event handlers ---------------------------------------------------

def test_html_article_keeps_its_visible_text_and_no_script(hostile):
    [(_, text, _)] = articles_named(hostile, "page.txt")
    assert text.startswith("QUITO — Ecuador's Production Minister Luis Jaramillo")
    assert "$2.9 billion in 2024 & grew." in text
    everything = json.dumps(rows(hostile["wh"], "SELECT * FROM dim_article"), default=str)
    everything += json.dumps(rows(hostile["wh"], "SELECT * FROM fact_figure"), default=str)
    everything += json.dumps(rows(hostile["wh"], "SELECT * FROM fact_meeting"), default=str)
    for word in ("SCRIPT-TEXT", "HANDLER", "IFRAME-TEXT", "ONERROR", "ESCAPED-SCRIPT",
                 "JSONL-SCRIPT", "JS-LINK", "<script", "onclick", "<p", "javascript:", "color: red"):
        assert word not in everything, word
    assert rows(hostile["wh"], "SELECT text, title FROM dim_article WHERE name = 'feed.jsonl#4'") \
        == [("LIMA — Peru and Bolivia signed a rail deal on Tuesday.more", "Bold title")]


@pytest.mark.parametrize("html, text", [
    ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
    ("<div>A<script type='text/javascript'>var s = '</p>';</script>B</div>", "AB"),
    ("<p>x</p><SCRIPT>alert(1)</SCRIPT><IFRAME src=y>z</IFRAME>", "x"),
    ("<p onmouseover=\"steal()\">hover</p><img src=x onerror=steal()>", "hover"),
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt;safe</p>", "safe"),
    ("Trade fell as costs < revenue and x > y.", "Trade fell as costs < revenue and x > y."),
])
def test_strip_html(html, text):
    assert strip_html(html) == text


# 14. Links and paths -------------------------------------------------------------------------

def test_a_symlink_out_of_the_inbox_is_refused_and_never_read(hostile):
    [(table, check, reason)] = held(hostile, "link_out.txt")
    assert "symbolic link pointing outside the inbox" in reason and "link_out.txt" in reason
    [(_, _, dir_reason)] = held(hostile, "link_dir")
    assert "outside the inbox" in dir_reason
    assert rows(hostile["wh"], "SELECT count(*) FROM dim_article WHERE text LIKE '%SECRET%'") == [(0,)]
    assert json.dumps(rows(hostile["wh"], "SELECT record FROM quarantine"), default=str).count(
        "must never be read") == 0


def test_a_symlink_out_of_the_inbox_is_never_opened(tmp_path, monkeypatch):
    inbox = build_inbox(tmp_path)
    opened = []
    real_open = open

    def spy(file, *a, **kw):
        opened.append(os.path.realpath(file))
        return real_open(file, *a, **kw)

    monkeypatch.setattr("builtins.open", spy)
    got = read_inbox(inbox)
    assert str(tmp_path / "outside_secret.txt") not in opened
    assert not any("SECRET" in a.text for a in got.articles)


def test_dotdot_in_configured_paths_is_refused(tmp_path):
    from newsfacts.config import ConfigError

    (tmp_path / "in").mkdir()
    with pytest.raises(InputError, match=r"must not contain '\.\.'"):
        list_inbox(tmp_path / "in" / ".." / "in")
    for key in ("inbox", "warehouse"):
        with pytest.raises(ConfigError, match=r"contains '\.\.'"):
            load_settings(**{key: str(tmp_path / "in" / ".." / "in")})


# 16. SQL and quotes in names -----------------------------------------------------------------

def test_quotes_and_sql_are_stored_verbatim_and_never_executed(hostile):
    wh = hostile["wh"]
    assert rows(wh, "SELECT count(*) FROM dim_source") != [(0,)]  # the tables still exist
    sources = {n for (n,) in rows(wh, "SELECT name FROM dim_source")}
    assert {"O'Brien \"Wire\"; DROP TABLE dim_source;--", "O'Brien; DROP TABLE fact_figure;--"} <= sources
    assert rows(wh, "SELECT title FROM dim_article WHERE name = 'feed.jsonl#1'") == [(SQLISH,)]
    assert articles_named(hostile, "O'Brien; DROP TABLE dim_article;--.txt")
    assert rows(wh, "SELECT subject, counterpart FROM fact_figure WHERE is_structured") == [
        (SQLISH, "O'Brien Island")]
    assert ("Peter O'Brien",) in rows(wh, "SELECT name FROM dim_person")
    assert ("Peter O'Brien",) in rows(wh, "SELECT name_as_written FROM fact_mention")
    assert ("Peter O'Brien",) in rows(wh, "SELECT participant_name FROM bridge_meeting_participant")


# 17. Dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, raw, words", [
    ("date_feb30.txt", "2024-02-30", "publication date is missing or unparseable (as written: '2024-02-30')"),
    ("date_slashes.txt", "03/04/2024", "unparseable (as written: '03/04/2024')"),
    ("date_short.txt", "2024-3-4", "unparseable (as written: '2024-3-4')"),
    ("date_future.txt", None, "2999-01-01 is before 1900-01-01 or in the future"),
    ("feed.jsonl:6", "None", "unparseable (as written: 'None')"),
])
def test_an_unusable_date_holds_the_article_with_the_date_as_written(hostile, name, raw, words):
    got = held(hostile, name)
    article_rows = [r for r in got if r[0] == "stg_article"]
    assert len(article_rows) == 1 and words in article_rows[0][2], got
    assert all(t == "stg_article" or c == "held_with_article" for t, c, _ in got)
    if raw:
        stored = rows(hostile["wh"], "SELECT record->>'published_raw' FROM quarantine "
                      "WHERE table_name = 'stg_article' AND (origin = ? OR origin LIKE ?)",
                      [str(hostile["inbox"] / name), str(hostile["inbox"] / name) + "%"])
        assert stored == [(raw,)]
    assert not articles_named(hostile, name.replace(":6", "#6"))


def test_a_file_without_a_date_line_is_rejected_with_the_reason(hostile):
    [(table, check, reason)] = held(hostile, "date_missing.txt")
    assert "date_missing.txt: first line does not start with 'date YYYY-MM-DD'" in reason
