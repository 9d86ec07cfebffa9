"""RSS and Atom feeds: vetted XML, their entries, and the articles their links point at."""
from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
import feedparser
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from ..models import Article, Rejected
from .web import ALL_TYPES, HTML_TYPES, FetchError, FetchPolicy, fetch, page_article


class FeedError(ValueError):
    """A feed that cannot be read; the message names the feed and the reason."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self):
        return (FeedError, (self.origin, self.reason))


@dataclass
class FeedEntry:
    """One item of a feed: where its article is and what the feed says about it."""

    url: str | None
    title: str | None = None
    published: datetime | None = None  # UTC
    summary: str | None = None  # plain text
    source: str | None = None  # the feed's title
    origin: str = ""  # the feed and the entry's position in it: "<feed>#3"


def vet_xml(data: bytes, origin: str) -> None:
    """Refuse anything but plain well-formed XML: no DTD, no entities, no external references."""
    if not data.strip():
        raise FeedError(origin, "feed is empty")
    try:
        # The DTD is refused at its first token, so an entity bomb is never expanded.
        safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden) as exc:
        raise FeedError(origin, "refused: the feed declares a DTD/entities") from exc
    except ExternalReferenceForbidden as exc:
        raise FeedError(origin, "refused: the feed refers to an external entity") from exc
    except ParseError as exc:
        raise FeedError(origin, f"not well-formed XML ({exc})") from exc


def _plain(html: str | None) -> str | None:
    """Text of an HTML fragment (feedparser has already sanitised it)."""
    if not html:
        return None
    import lxml.html

    try:
        text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (ValueError, lxml.etree.ParserError):
        text = re.sub(r"<[^>]*>", " ", html)
    return re.sub(r"\s+", " ", text).strip() or None


def _when(entry: dict) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None  # a date out of range is no date


def parse_feed(data: bytes, origin: str, base: str | None = None) -> list[FeedEntry]:
    """The entries of an RSS 0.9x/1.0/2.0 or Atom feed, after the XML has been vetted."""
    vet_xml(data, origin)
    # A stream, not bytes: feedparser would try a bytes value as a file name first.
    # The feed's own address is the base of relative links ("/news/1.html").
    base = base or origin
    location = {"content-location": base} if base.startswith(("http://", "https://")) else {}
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True,
                              response_headers=location)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise FeedError(origin, "not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    source = (parsed.feed.get("title") or "").strip() or None
    entries = []
    for n, e in enumerate(parsed.entries, start=1):
        link = (e.get("link") or "").strip() or None
        if link is None and str(e.get("id", "")).startswith(("http://", "https://")):
            link = e["id"]  # Atom entries may carry their address only as the id
        entries.append(FeedEntry(
            url=link, title=(e.get("title") or "").strip() or None, published=_when(e),
            summary=_plain(e.get("summary")), source=source, origin=f"{origin}#{n}"))
    return entries


def read_feed(url_or_path: str | Path, policy: FetchPolicy = FetchPolicy()) -> list[FeedEntry]:
    """Entries of a feed at an http(s) URL or in a local file; raises FeedError or FetchError."""
    where = str(url_or_path)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]+):", where)
    if scheme and scheme.group(1).lower() in ("http", "https"):
        page = fetch(where, policy, accept=ALL_TYPES)  # some servers send feeds as text/html
        return parse_feed(page.content, where, base=page.final_url)
    if scheme and not isinstance(url_or_path, Path):
        raise FeedError(where, f"refused: scheme {scheme.group(1)!r} is not http, https "
                               "or a file path")
    path = Path(url_or_path)
    try:
        size = path.stat().st_size
        if size > policy.max_bytes:
            raise FeedError(where, f"feed is {size} bytes, over the {policy.max_bytes}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise FeedError(where, f"cannot read the file ({exc.strerror or exc})") from exc
    return parse_feed(data, where)


def entry_article(entry: FeedEntry, policy: FetchPolicy = FetchPolicy(),
                  fetched_at: datetime | None = None) -> Article:
    """Fetch an entry's page and read its article; the entry fills what the page lacks."""
    if not entry.url:
        raise FetchError(entry.origin, "feed entry has no link")
    fetched_at = fetched_at or datetime.now(timezone.utc)
    article = page_article(fetch(entry.url, policy, accept=HTML_TYPES), fetched_at)
    article.title = article.title or entry.title
    if article.published is None and entry.published is not None:
        article.published, article.published_at = entry.published.date(), entry.published
    # The page's own site name beats the feed title; a bare host name does not.
    host_only = _bare_host(article.source) in (_bare_host(_host(entry.url)),
                                               _bare_host(_host(article.url or "")))
    if entry.source and (not article.source or host_only):
        article.source = entry.source
    return article


def _host(url: str) -> str | None:
    return urlsplit(url).hostname


def _bare_host(name: str | None) -> str:
    return (name or "").lower().removeprefix("www.")


def feed_articles(entries: list[FeedEntry], policy: FetchPolicy = FetchPolicy(),
                  known_urls: set[str] | frozenset[str] = frozenset(), *, refetch: bool = False,
                  ) -> tuple[list[Article], list[Rejected], list[str]]:
    """Articles of the entries' pages, each URL fetched once; failures become Rejected.

    URLs in `known_urls` (already loaded) are skipped unless `refetch`; so are repeats.
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    skipped: list[str] = []
    seen: set[str] = set()
    fetched_at = datetime.now(timezone.utc)
    for entry in entries:
        if entry.url and (entry.url in seen or (entry.url in known_urls and not refetch)):
            skipped.append(entry.url)
            continue
        if entry.url:
            seen.add(entry.url)
        try:
            articles.append(entry_article(entry, policy, fetched_at))
        except FetchError as exc:
            rejected.append(Rejected(
                origin=entry.url or entry.origin, reason=str(exc),
                record={"url": entry.url, "title": entry.title, "feed": entry.origin,
                        "transient": exc.transient}))
    return articles, rejected, skipped


def url_articles(urls: list[str], policy: FetchPolicy = FetchPolicy(),
                 known_urls: set[str] | frozenset[str] = frozenset(), *, refetch: bool = False,
                 ) -> tuple[list[Article], list[Rejected], list[str]]:
    """Articles of single page URLs (no feed), with the same skipping and rejecting rules."""
    entries = [FeedEntry(url=u, origin=u) for u in urls]
    return feed_articles(entries, policy, known_urls, refetch=refetch)
