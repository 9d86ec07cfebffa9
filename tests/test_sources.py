"""Ingest: article files, JSON Lines records, structured-fact CSVs, and rejects."""
from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path

import pytest

from newsfacts.sources.articles import (ArticleFormatError, dateline_source, parse_article_text,
                                        split_dateline)
from newsfacts.sources.inbox import InputError, decode, list_inbox, read_inbox, scan_inbox

BODY = ("LUSAKA — Zambia's Finance Minister Situmbeko Musokotwane said on Monday that copper "
        "exports rose 12% in 2024.")


@pytest.mark.parametrize("text, published, published_at, raw", [
    (" date 2025-03-11 " + BODY, date(2025, 3, 11), None, None),
    (" date 2025-03-11 14:20 " + BODY, date(2025, 3, 11), datetime(2025, 3, 11, 14, 20), None),
    ("date 2024-02-30 " + BODY, None, None, "2024-02-30"),
    ("\ufeff date 2023-12-01\n\n" + BODY, date(2023, 12, 1), None, None),
])
def test_article_date_line(text, published, published_at, raw):
    a = parse_article_text(text, "a.txt", "/in/a.txt")
    assert a.published == published
    assert a.published_at == published_at
    assert a.published_raw == raw
    assert a.text == BODY
    assert len(a.article_id) == 16


@pytest.mark.parametrize("body, dateline", [
    ("ASTANA — The minister met ...", "ASTANA —"),
    ("NUR-SULTAN. KAZINFORM – The talks ...", "NUR-SULTAN. KAZINFORM –"),
    ("BISHKEK, Kyrgyzstan, May 24. The council ...", "BISHKEK, Kyrgyzstan, May 24."),
    ("Baku, Azerbaijan, Aug. 18\n\nThe meeting ...", "Baku, Azerbaijan, Aug. 18"),
    ("(MENAFN- Trend News Agency) TASHKENT, Uzbekistan, April 9. The president ...",
     "(MENAFN- Trend News Agency) TASHKENT, Uzbekistan, April 9."),
    ("NEW DELHI, March 3 (PTI) — Exports rose ...", "NEW DELHI, March 3 (PTI) —"),
    ("KUALA LUMPUR, Jan 23 (Bernama) -- Approved ...", "KUALA LUMPUR, Jan 23 (Bernama) --"),
    ("DUBAI: Non-oil trade ...", "DUBAI:"),
    ("BRASÍLIA — The ministers ...", "BRASÍLIA —"),
    ("Ports deal signed\n\nMOMBASA, Kenya — The authority ...", "MOMBASA, Kenya —"),
    ("Kenya and Ethiopia signed a road deal on Friday.", None),
    ("COVID cases fell in Lima.", None),
])
def test_dateline(body, dateline):
    assert split_dateline(body) == dateline


@pytest.mark.parametrize("dateline, source", [
    ("NEW DELHI, March 3 (PTI) —", "PTI"),
    ("NUR-SULTAN. KAZINFORM –", "Kazinform"),
    ("(MENAFN- Trend News Agency) TASHKENT, Uzbekistan, April 9.", "Trend News Agency"),
    ("KUALA LUMPUR, Jan 23 (Bernama) --", "Bernama"),
    ("ASTANA —", None),
    (None, None),
])
def test_dateline_source(dateline, source):
    assert dateline_source(dateline) == source


@pytest.mark.parametrize("text", ["no date line here\nbody", " date 2024-01-01   "])
def test_article_without_date_line_or_body_is_refused(text):
    with pytest.raises(ArticleFormatError, match="x.txt"):
        parse_article_text(text, "x.txt", "/in/x.txt")


def test_same_text_under_two_names_is_one_article(write_inbox):
    inbox = write_inbox({"a.txt": " date 2025-01-02 " + BODY,
                         "b.txt": " date 2025-01-02   " + BODY.replace(" on ", "  on ") + "\n"})
    got = read_inbox(inbox)
    assert len(got.articles) == 1
    assert got.duplicates == [(str(inbox / "b.txt"), got.articles[0].article_id)]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"date 2024-01-01 caf\xe9", "not valid UTF-8"),
])
def test_unreadable_bytes_are_refused_with_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "/in/f.txt")


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + "date 2024-01-01 Tbilisi".encode(),
    "date 2024-01-01 Tbilisi".encode("utf-16"),
])
def test_bom_encodings_decode(data):
    assert decode(data, "f.txt").lstrip("\ufeff") == "date 2024-01-01 Tbilisi"


def test_bad_files_are_rejected_and_others_still_read(write_inbox):
    inbox = write_inbox({
        "good.txt": " date 2025-01-02 " + BODY,
        "empty.txt": "",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "notes.docx": b"PK\x03\x04",
        ".hidden.txt": "ignored",
    })
    got = read_inbox(inbox)
    assert [a.name for a in got.articles] == ["good.txt"]
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in got.rejected}
    assert set(reasons) == {"empty.txt", "image.txt", "notes.docx"}
    assert "file is empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "unsupported file type" in reasons["notes.docx"]
    assert all(r.origin in r.reason for r in got.rejected)


def test_oversized_file_is_refused_before_reading(write_inbox):
    inbox = write_inbox({"big.txt": " date 2025-01-02 " + "x" * 5000})
    got = read_inbox(inbox, max_bytes=1000)
    assert not got.articles
    assert "over the 1000-byte limit" in got.rejected[0].reason


def test_jsonl_records(write_inbox):
    inbox = write_inbox({"feed.jsonl": "\n".join([
        '{"url": "https://example.org/a", "title": "A", "published": "2025-05-01T08:30:00",'
        ' "source": "Example Wire", "text": "Chile and Peru held talks on lithium."}',
        '{"url": "https://example.org/b", "title": "B", "published": "2025-05-02",'
        ' "source": "Example Wire", "text": ""}',
        'not json',
        '{"url": "https://example.org/c", "published": "yesterday", "text": "Mexico signed."}',
    ])})
    got = read_inbox(inbox)
    a, c = got.articles
    assert (a.name, a.published, a.published_at, a.source, a.title) == (
        "feed.jsonl#1", date(2025, 5, 1), datetime(2025, 5, 1, 8, 30), "Example Wire", "A")
    assert c.published is None and c.published_raw == "yesterday"
    reasons = sorted(r.reason for r in got.rejected)
    assert "feed.jsonl:2" in reasons[0] and "no 'text'" in reasons[0]
    assert "feed.jsonl:3" in reasons[1] and "bad JSON" in reasons[1]


HEADER = "metric,value,unit,period,subject,counterpart,qualifier,source,published,url\n"


def test_structured_facts(write_inbox):
    inbox = write_inbox({"stats.csv": HEADER + (
        "exports,1250000000,USD,2024,Kenya,Uganda,,Kenya National Bureau of Statistics,"
        "2025-02-01,https://example.org/s\n"
        "imports,abc,USD,2024,Kenya,Uganda,,KNBS,2025-02-01,\n"
        "trade_turnover,\"2,500\",USD,2024-01/2024-03,Kenya,Tanzania,over,KNBS,2025-04-01,\n")})
    got = read_inbox(inbox)
    first, third = got.structured
    assert (first.metric, first.value, first.unit, first.period, first.subject,
            first.counterpart, first.qualifier, first.published, first.line) == (
        "exports", 1.25e9, "USD", "2024", "Kenya", "Uganda", None, date(2025, 2, 1), 2)
    assert third.value == 2500 and third.qualifier == "over"
    assert len(got.rejected) == 1
    assert "stats.csv:3" in got.rejected[0].reason and "'abc' is not a number" in got.rejected[0].reason
    assert got.rejected[0].record["value"] == "abc"


@pytest.mark.parametrize("header, words", [
    ("metric,value,unit,period,subject,counterpart,qualifier,source,published,url,extra\n",
     "unexpected: ['extra']"),
    ("metric,value,unit,period,subject,counterpart,qualifier,source,published\n",
     "missing: ['url']"),
])
def test_structured_file_with_changed_columns_is_rejected_whole(write_inbox, header, words):
    inbox = write_inbox({"stats.csv": header + "exports,1,USD,2024,A,B,,S,2025-01-01,x,y\n"})
    got = read_inbox(inbox)
    assert not got.structured
    assert len(got.rejected) == 1 and words in got.rejected[0].reason


def test_missing_inbox_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="inbox folder does not exist"):
        read_inbox(tmp_path / "nope")


def test_scan_inbox_lists_inputs_in_path_order_with_their_size_and_mtime(tmp_path):
    inbox = tmp_path / "inbox"
    for rel in ("a-c.txt", "a/b.txt", "a/.hidden.txt", ".cache/x.txt", "README.md", "z.csv"):
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_text("x" * len(rel), encoding="utf-8")
    (inbox / "linked").symlink_to(inbox / "a", target_is_directory=True)
    (inbox / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = scan_inbox(inbox)
    # pathlib's order ("a/b" before "a-c"); linked folders listed, never descended into
    assert [Path(p).relative_to(inbox).as_posix() for p, _ in found] == [
        "a/b.txt", "a-c.txt", "dangling.txt", "linked", "z.csv"]
    sigs = dict(found)
    st = (inbox / "a" / "b.txt").stat()
    assert sigs[str(inbox / "a" / "b.txt")] == (st.st_size, st.st_mtime_ns) == (7, st.st_mtime_ns)
    assert sigs[str(inbox / "dangling.txt")] is None
    assert list_inbox(inbox) == sorted(Path(p) for p, _ in found)
