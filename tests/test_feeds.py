"""Feeds: safe XML, RSS/Atom entries, and the articles their links point at (local server)."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest

from newsfacts.sources.feeds import (FeedEntry, FeedError, feed_articles, parse_feed,
                                     read_feed, url_articles, vet_xml)
from newsfacts.sources.web import FetchError, FetchPolicy
from test_web import LOCAL, WEB, _server, server  # noqa: F401  (the shared local server)

FEEDS = ["rss2.xml", "atom.xml", "rss1.xml", "rss091.xml"]
TITLES = ["Velmar signs harbour expansion deal", "Drevnia opens its largest solar park",
          "Tarsk railway freight up 14 percent"]


def served(server, name: str) -> bytes:
    return (WEB / name).read_bytes().replace(b"{BASE}", server.base.encode())


@pytest.mark.parametrize("name", FEEDS)
def test_parse_feed_entries(server, name):
    entries = parse_feed(served(server, name), name)
    assert [e.title for e in entries] == TITLES
    assert [e.url for e in entries] == [f"{server.base}/f/{p}"
                                        for p in ("harbour.html", "solar.html", "bare.html")]
    assert {e.source for e in entries} == {"Regional Wire"}
    assert [e.origin for e in entries] == [f"{name}#1", f"{name}#2", f"{name}#3"]
    if name != "rss091.xml":  # RSS 0.91 items carry no dates
        assert entries[0].published == datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc)
        assert entries[2].published == datetime(2025, 4, 9, 14, 15, tzinfo=timezone.utc)
    assert entries[0].summary == "The port of Velmar expands."  # HTML reduced to text


@pytest.mark.parametrize("name", ["rss2.xml", "atom.xml"])
def test_feed_over_http_becomes_articles(server, name):
    entries = read_feed(f"{server.base}/f/{name}", LOCAL)
    articles, rejected, skipped = feed_articles(entries, LOCAL, known_urls=set())
    assert rejected == [] and skipped == []
    by_title = {a.title: a for a in articles}
    assert sorted(by_title) == sorted(TITLES)

    harbour = by_title[TITLES[0]]
    assert "two new deep-water berths" in harbour.text
    assert harbour.published == date(2025, 3, 4)
    assert harbour.source == "Coastline Herald"  # the page's site name beats the feed's title
    assert harbour.url == harbour.name == harbour.origin == f"{server.base}/f/harbour.html"

    solar = by_title[TITLES[1]]
    assert solar.published == date(2025, 2, 17) and solar.source == "Steppe Energy Review"

    # bare.html has no title, date or site name: the entry supplies them.
    rail = by_title[TITLES[2]]
    assert "Tarsk to Obrin railway" in rail.text
    assert rail.published == date(2025, 4, 9)
    assert rail.published_at == datetime(2025, 4, 9, 14, 15, tzinfo=timezone.utc)
    assert rail.source == "Regional Wire"
    assert len({a.article_id for a in articles}) == 3


def test_feed_from_a_local_file(server, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(served(server, "rss2.xml"))
    for where in (path, str(path)):
        assert [e.title for e in read_feed(where, LOCAL)] == TITLES


def test_failing_entries_are_rejected_and_the_rest_load(server):
    entries = read_feed(f"{server.base}/f/mixed.xml", LOCAL)
    articles, rejected, skipped = feed_articles(entries, LOCAL, known_urls=set())
    assert [a.title for a in articles] == [TITLES[0]]
    reasons = {r.origin: r.reason for r in rejected}
    assert reasons == {
        f"{server.base}/missing.html": f"{server.base}/missing.html: HTTP 404 Not Found",
        f"{server.base}/png": f"{server.base}/png: content type image/png is not a web page",
        f"{server.base}/f/mixed.xml#4": f"{server.base}/f/mixed.xml#4: feed entry has no link",
    }
    assert all(r.stage == "ingest" and r.record["feed"] for r in rejected)
    # The repeated link is fetched once and reported as skipped.
    assert skipped == [f"{server.base}/f/harbour.html"]
    assert server.hits["/f/harbour.html"] == 1


def test_known_urls_are_not_fetched_again(server):
    entries = parse_feed(served(server, "rss2.xml"), "rss2.xml")
    known = {f"{server.base}/f/harbour.html", f"{server.base}/f/solar.html"}
    articles, rejected, skipped = feed_articles(entries, LOCAL, known_urls=known)
    assert [a.title for a in articles] == [TITLES[2]] and rejected == []
    assert sorted(skipped) == sorted(known)
    assert server.hits["/f/harbour.html"] == server.hits["/f/solar.html"] == 0
    assert server.hits["/f/bare.html"] == 1

    articles, _, skipped = feed_articles(entries, LOCAL, known_urls=known, refetch=True)
    assert len(articles) == 3 and skipped == []
    assert server.hits["/f/harbour.html"] == 1


def test_entry_pages_follow_the_policy(server):
    """Loopback entries in a feed are refused unless the policy allows loopback."""
    entries = parse_feed(served(server, "rss2.xml"), "rss2.xml")
    articles, rejected, _ = feed_articles(entries, FetchPolicy(), known_urls=set())
    assert articles == [] and len(rejected) == 3
    assert all("is a loopback address" in r.reason for r in rejected)
    assert sum(server.hits.values()) == 0


# ---------------------------------------------------------------- hostile and broken feeds

@pytest.mark.parametrize("name, reason", [
    ("bomb.xml", "refused: the feed declares a DTD/entities"),
    ("xxe.xml", "refused: the feed declares a DTD/entities"),
    ("external_dtd.xml", "refused: the feed declares a DTD/entities"),
])
def test_xml_attacks_are_refused_fast(name, reason):
    started = time.monotonic()
    with pytest.raises(FeedError) as err:
        parse_feed((WEB / name).read_bytes(), name)
    assert time.monotonic() - started < 0.2
    assert err.value.reason == reason and str(err.value) == f"{name}: {reason}"


def test_xml_bomb_over_http_is_refused_fast(server):
    started = time.monotonic()
    with pytest.raises(FeedError, match="declares a DTD/entities"):
        read_feed(f"{server.base}/f/bomb.xml", LOCAL)
    assert time.monotonic() - started < 0.5


def test_entity_bomb_without_doctype_keyword_case():
    """Entities hidden behind odd spacing or UTF-16 are still caught by the parser, not a regex."""
    data = (WEB / "bomb.xml").read_text(encoding="utf-8").replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16")
    started = time.monotonic()
    with pytest.raises(FeedError, match="declares a DTD/entities"):
        vet_xml(data, "bomb16.xml")
    assert time.monotonic() - started < 0.2


@pytest.mark.parametrize("data, reason", [
    ((WEB / "malformed.xml").read_bytes(), "not well-formed XML (mismatched tag: line 8"),
    ((WEB / "not_a_feed.xml").read_bytes(), "not an RSS or Atom feed"),
    (b"<rss><channel>&nbsp;</channel></rss>", "not well-formed XML (undefined entity"),
    (b"", "feed is empty"),
    (b"   \n", "feed is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not well-formed XML"),
])
def test_broken_feeds_are_clear_errors(data, reason):
    with pytest.raises(FeedError) as err:
        parse_feed(data, "feed.xml")
    assert err.value.reason.startswith(reason), err.value.reason
    assert str(err.value).startswith("feed.xml: ")


@pytest.mark.parametrize("where, error, reason", [
    ("ftp://example.org/feed.xml", FeedError, "refused: scheme 'ftp'"),
    ("file:///etc/passwd", FeedError, "refused: scheme 'file'"),
    ("/nonexistent/feed.xml", FeedError, "cannot read the file"),
    ("http://10.0.0.1/feed.xml", FetchError, "refused: 10.0.0.1 is a private address"),
])
def test_read_feed_refuses_what_it_cannot_read(where, error, reason):
    with pytest.raises(error) as err:
        read_feed(where, FetchPolicy(timeout=1))
    assert err.value.reason.startswith(reason)


def test_local_feed_over_the_size_cap(tmp_path):
    path = tmp_path / "huge.xml"
    path.write_bytes(b"<rss>" + b" " * 2000 + b"</rss>")
    with pytest.raises(FeedError, match="over the 1000-byte limit"):
        read_feed(path, FetchPolicy(max_bytes=1000))


def test_entry_without_link_in_atom_uses_an_http_id():
    data = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            b'<entry><title>A</title><id>https://news.example.org/a/1</id></entry></feed>')
    assert parse_feed(data, "atom")[0] == FeedEntry(
        url="https://news.example.org/a/1", title="A", source="T", origin="atom#1")


def test_single_urls_load_like_feed_entries(server):
    urls = [f"{server.base}/f/solar.html", f"{server.base}/png", f"{server.base}/f/harbour.html"]
    articles, rejected, skipped = url_articles(urls, LOCAL, known_urls={urls[2]})
    assert [a.title for a in articles] == [TITLES[1]]
    assert [r.origin for r in rejected] == [urls[1]] and skipped == [urls[2]]


def test_relative_links_resolve_against_the_feed_address():
    data = (b'<rss version="2.0"><channel><title>T</title>'
            b'<item><title>A</title><link>/news/1.html</link></item></channel></rss>')
    assert parse_feed(data, "https://news.example.org/feeds/all.xml")[0].url == \
        "https://news.example.org/news/1.html"
