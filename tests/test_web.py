"""Web fetching against a real local HTTP server: address, redirect, type and size checks."""
from __future__ import annotations

import gzip
import pickle
import threading
import time
import tracemalloc
from collections import Counter
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from newsfacts.models import article_id_for
from newsfacts.sources.web import (HTML_TYPES, FetchError, FetchPolicy, Page, fetch,
                                   page_article, resolve_safe)

WEB = Path(__file__).parent / "fixtures" / "web"
LOCAL = FetchPolicy(allow_loopback=True, timeout=5)
MB = 1024 * 1024
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml"}
FILLER = b"<p>" + b"filler text " * 5000 + b"</p>\n"  # ~60 KB, written over and over


class Handler(BaseHTTPRequestHandler):
    """Routes of the test server; each request is counted by path."""

    protocol_version = "HTTP/1.0"  # the body ends when the connection closes: no length needed

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, total: int, declare: bool, delay: float = 0.0, chunk: bytes = FILLER):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare:
            self.send_header("Content-Length", str(total))
        self.end_headers()
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
                if delay:
                    self.wfile.flush()
                    time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as it should

    def do_GET(self):
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        self.server.hits[parts.path] += 1
        if parts.path.startswith("/f/"):
            path = WEB / parts.path[3:]
            if not path.is_file():
                return self._send(404, b"not found")
            body = path.read_bytes().replace(b"{BASE}", self.server.base.encode())
            ctype = "application/atom+xml" if path.name.startswith("atom") else TYPES[path.suffix]
            return self._send(200, body, ctype)
        if parts.path == "/redirect":
            return self._send(302, headers={"Location": query["to"][0]})
        if parts.path == "/loop":
            return self._send(302, headers={"Location": "/loop"})
        if parts.path == "/png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        if parts.path == "/nocontenttype":
            self.send_response(200)
            self.end_headers()
            return self.wfile.write(b"<p>hello</p>")
        if parts.path == "/big":  # 50 MB, length not declared
            return self._stream(50 * MB, declare=False)
        if parts.path == "/big-declared":
            return self._stream(50 * MB, declare=True)
        if parts.path == "/trickle":
            return self._stream(MB, declare=False, delay=0.05, chunk=b"<p>x</p>")
        if parts.path == "/gzip-bomb":
            return self._send(200, self.server.bomb, headers={"Content-Encoding": "gzip"})
        if parts.path == "/gzip":
            body = gzip.compress((WEB / "harbour.html").read_bytes())
            return self._send(200, body, "text/html; charset=utf-8",
                              headers={"Content-Encoding": "gzip"})
        if parts.path == "/echo-host":
            return self._send(200, f"<p>{self.headers['Host']}</p>".encode())
        return self._send(404, b"not found")


@pytest.fixture(scope="session")
def _server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits = Counter()
    # Made before any test measures memory: 50 MB of zeros, about 50 KB compressed.
    httpd.bomb = gzip.compress(b"\0" * (50 * MB), compresslevel=9)
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(_server):
    """The local test server, with its hit counts cleared."""
    _server.hits.clear()
    return _server


# ---------------------------------------------------------------- refused targets

@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "scheme 'file' is not http or https"),
    ("ftp://example.org/feed.xml", "scheme 'ftp' is not http or https"),
    ("data:text/html,<p>hi</p>", "scheme 'data' is not http or https"),
    ("gopher://example.org/", "scheme 'gopher'"),
    ("http://2130706433/", "127.0.0.1 is a loopback address"),
    ("http://0x7f.0.0.1/", "127.0.0.1 is a loopback address"),
    ("http://0x7f000001/", "127.0.0.1 is a loopback address"),
    ("http://0177.0.0.1/", "127.0.0.1 is a loopback address"),
    ("http://127.1/", "127.0.0.1 is a loopback address"),
    ("http://[::1]/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "is a loopback address"),
    ("http://[::ffff:10.0.0.5]/", "is a private address"),
    ("http://localhost/", "localhost resolves to"),
    ("http://10.0.0.5/", "10.0.0.5 is a private address"),
    ("http://192.168.1.1/admin", "192.168.1.1 is a private address"),
    ("http://172.16.0.1/", "172.16.0.1 is a private address"),
    ("http://100.64.0.1/", "100.64.0.1 is a private address"),
    ("http://[fd00::1]/", "fd00::1 is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://[fe80::1]/", "fe80::1 is a link-local address"),
    ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
    ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
    ("http://240.0.0.1/", "240.0.0.1 is a reserved address"),
    ("http:///nohost", "no host"),
    ("http://[::1/", "bad address"),
    ("http://[64:ff9b::7f00:1]/", "is a loopback address"),
    ("http://[2002:a00:1::]/", "is a private address"),
])
def test_unsafe_targets_are_refused_by_default(url, reason):
    with pytest.raises(FetchError) as err:
        fetch(url, FetchPolicy(timeout=1))
    assert reason in err.value.reason
    assert err.value.reason.startswith("refused") and not err.value.transient
    assert str(err.value).startswith(url.split("<")[0])


def test_loopback_refused_by_default(server):
    with pytest.raises(FetchError, match="refused: 127.0.0.1 is a loopback address"):
        fetch(f"{server.base}/f/harbour.html", FetchPolicy())
    assert server.hits["/f/harbour.html"] == 0  # refused before connecting


@pytest.mark.parametrize("policy, url, allowed", [
    (FetchPolicy(allow_loopback=True), "http://127.0.0.1/", True),
    (FetchPolicy(allow_loopback=True), "http://10.0.0.1/", False),
    (FetchPolicy(allow_private=True), "http://10.0.0.1/", True),
    (FetchPolicy(allow_private=True), "http://127.0.0.1/", False),
    (FetchPolicy(allow_private=True, allow_loopback=True), "http://169.254.169.254/", False),
    (FetchPolicy(allow_private=True, allow_loopback=True), "http://0.0.0.0/", False),
    (FetchPolicy(), "http://93.184.215.14/", True),
    (FetchPolicy(), "http://[2606:4700::1111]/", True),
])
def test_policy_opens_only_what_it_names(policy, url, allowed):
    if allowed:
        assert resolve_safe(url, policy)
    else:
        with pytest.raises(FetchError, match="refused"):
            resolve_safe(url, policy)


@pytest.mark.parametrize("target, reason", [
    ("http://10.0.0.1/", "10.0.0.1 is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://[::ffff:192.168.0.1]/", "is a private address"),
    ("http://2852039166/", "169.254.169.254 is a link-local address"),
    ("file:///etc/passwd", "scheme 'file'"),
])
def test_redirect_to_unsafe_target_is_refused(server, target, reason):
    """The policy allows loopback for the first hop; every later hop is checked again."""
    with pytest.raises(FetchError) as err:
        fetch(f"{server.base}/redirect?to={target}", LOCAL)
    assert reason in err.value.reason
    assert err.value.url == target
    assert server.hits["/redirect"] == 1


def test_redirect_is_followed_and_recorded(server):
    page = fetch(f"{server.base}/redirect?to=/f/harbour.html", LOCAL)
    assert page.final_url == f"{server.base}/f/harbour.html"
    assert page.redirects == [page.final_url]
    assert page.url == f"{server.base}/redirect?to=/f/harbour.html"
    assert b"Velmar" in page.content


def test_redirect_loop_stops(server):
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(f"{server.base}/loop", FetchPolicy(allow_loopback=True, max_redirects=3))
    assert server.hits["/loop"] == 4


def test_host_header_is_the_requested_host(server):
    """The connection is pinned to the checked address, but the server still sees the host name."""
    port = server.server_address[1]
    page = fetch(f"http://localhost:{port}/echo-host", LOCAL)
    assert page.content == f"<p>localhost:{port}</p>".encode()


# ---------------------------------------------------------------- type and size

@pytest.mark.parametrize("path, accept, reason", [
    ("/png", HTML_TYPES, "content type image/png is not a web page"),
    ("/png", None, "content type image/png is not a web page or feed"),
    ("/nocontenttype", HTML_TYPES, "content type (none) is not a web page"),
    ("/missing.html", HTML_TYPES, "HTTP 404 Not Found"),
])
def test_wrong_type_or_status_is_an_error(server, path, accept, reason):
    kwargs = {"accept": accept} if accept else {}
    with pytest.raises(FetchError) as err:
        fetch(server.base + path, LOCAL, **kwargs)
    assert err.value.reason == reason
    assert err.value.url == server.base + path


@pytest.mark.parametrize("path, reason", [
    ("/big", "page is over the 1048576-byte limit"),
    ("/big-declared", f"page is {50 * MB} bytes, over the 1048576-byte limit"),
    ("/gzip-bomb", "page is over the 1048576-byte limit"),
])
def test_oversized_page_is_refused_with_bounded_memory(server, path, reason):
    policy = FetchPolicy(allow_loopback=True, max_bytes=MB, timeout=5)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(FetchError) as err:
            fetch(server.base + path, policy)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason in err.value.reason
    assert peak < 8 * MB, f"peak {peak} bytes while reading a 50 MB body with a 1 MB cap"
    assert time.monotonic() - started < 5


def test_trickling_server_hits_the_deadline(server):
    policy = FetchPolicy(allow_loopback=True, timeout=2, deadline=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s") as err:
        fetch(f"{server.base}/trickle", policy)
    assert err.value.transient
    assert time.monotonic() - started < 2


def test_gzip_body_is_decoded(server):
    page = fetch(f"{server.base}/gzip", LOCAL, accept=HTML_TYPES)
    assert page.content == (WEB / "harbour.html").read_bytes()
    assert page.charset == "utf-8"


def test_connection_refused_is_transient():
    policy = FetchPolicy(allow_loopback=True, timeout=1)
    with pytest.raises(FetchError, match="connection failed") as err:
        fetch("http://127.0.0.1:9/", policy)  # discard port: nothing listens
    assert err.value.transient


def test_fetch_error_survives_pickling():
    """Prefect may carry the error between processes."""
    err = pickle.loads(pickle.dumps(FetchError("http://x/", "timed out", transient=True)))
    assert (err.url, err.reason, err.transient, str(err)) == (
        "http://x/", "timed out", True, "http://x/: timed out")


# ---------------------------------------------------------------- pages to articles

FETCHED = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)


def test_page_article(server):
    url = f"{server.base}/f/harbour.html"
    a = page_article(fetch(url, LOCAL), FETCHED)
    assert a.title == "Velmar signs harbour expansion deal"
    assert a.source == "Coastline Herald"
    assert a.published == date(2025, 3, 4)
    assert a.published_at == datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc)
    assert a.url == a.name == a.origin == url
    assert "deep-water berths" in a.text and "1.4 million containers" in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert a.article_id == article_id_for(a.text)
    assert a.dateline == "VELMAR —"


def test_page_without_metadata_falls_back_to_host(server):
    a = page_article(fetch(f"{server.base}/f/bare.html", LOCAL), FETCHED)
    assert a.published is None and a.published_at is None
    assert a.source == "127.0.0.1"
    assert "Tarsk to Obrin railway" in a.text


def test_hostile_html_leaves_no_active_content_in_the_text(server):
    a = page_article(fetch(f"{server.base}/f/hostile.html", LOCAL), FETCHED)
    assert "rose by 1.2 metres" in a.text and "long-term balance" in a.text
    assert "HOSTILE" not in a.text, a.text
    for needle in ("<", "alert(", "javascript:", "document.cookie", "evil.invalid", "onclick"):
        assert needle not in a.text


def test_page_with_no_text_is_an_error(server):
    with pytest.raises(FetchError, match="no article text"):
        page_article(fetch(f"{server.base}/f/empty.html", LOCAL), FETCHED)


def test_feed_is_not_a_page(server):
    page = Page(url="http://x/feed", final_url="http://x/feed", content=b"<rss/>",
                content_type="application/rss+xml")
    with pytest.raises(FetchError, match="content type application/rss\\+xml is not a web page"):
        page_article(page, FETCHED)


def test_future_dates_are_not_publication_dates():
    html = (WEB / "solar.html").read_bytes().replace(b"2025-02-17", b"2031-01-01")
    page = Page(url="http://x/a", final_url="http://x/a", content=html,
                content_type="text/html", charset="utf-8")
    assert page_article(page, FETCHED).published is None
