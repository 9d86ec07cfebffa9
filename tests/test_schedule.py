"""Scheduling against a real Prefect server: served runs load only what is new, never overlap."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from newsfacts.config import PROJECT_DIR

pytestmark = pytest.mark.slow
SAMPLES = PROJECT_DIR / "samples" / "inbox"
FIXTURES = Path(__file__).parent / "fixtures"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """A local Prefect server on a free loopback port, with its own home folder."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": ""}
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"

    def healthy():
        try:
            return httpx.get(f"{url}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(healthy, 90, "the Prefect server")
        yield {"url": url, "home": home}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def serve(prefect_server, tmp_path: Path, config: str, *args: str) -> subprocess.Popen:
    """`newsfacts serve` in its own process group, against the test server."""
    (tmp_path / "newsfacts.toml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": prefect_server["url"],
           "PREFECT_HOME": str(prefect_server["home"]),
           "NEWSFACTS_CONFIG": str(tmp_path / "newsfacts.toml")}
    env.pop("NEWSFACTS_WAREHOUSE", None)
    return subprocess.Popen([str(BIN / "newsfacts"), "serve", *args], env=env,
                            stdout=open(tmp_path / "serve.log", "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def runs(warehouse: Path) -> list[tuple]:
    """The audit rows of the published warehouse, oldest first ([] before the first publish)."""
    if not warehouse.exists():
        return []
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT run_id, status, articles_new, started_at, finished_at "
                               "FROM etl_run ORDER BY started_at").fetchall()
    except duckdb.Error:
        return []


ITEM = ("<item><title>{title}</title><link>{base}/{page}</link>"
        "<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate></item>")


def write_feed(site: Path, base: str, pages: list[str]) -> None:
    items = "".join(ITEM.format(title=p, base=base, page=p) for p in pages)
    (site / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coastline '
        f'Herald</title><link>{base}/</link><description>news</description>{items}</channel></rss>',
        encoding="utf-8")


@pytest.fixture
def news_site(tmp_path):
    """A feed and its article pages, served on 127.0.0.1 (the only network the tests use)."""
    site = tmp_path / "site"
    site.mkdir()
    for page in ("harbour.html", "solar.html"):
        shutil.copy(FIXTURES / "web" / page, site / page)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_feed(site, base, ["harbour.html"])
    yield site, base
    server.shutdown()


def test_served_runs_load_only_what_is_new(prefect_server, tmp_path, news_site):
    site, base = news_site
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("kz_kg_pm_phone_call.txt", "am_ge_pashinyan_tbilisi.txt"):
        shutil.copy(SAMPLES / name, inbox / name)
    wh = tmp_path / "wh" / "news.duckdb"
    proc = serve(prefect_server, tmp_path,
                 f'[sources]\ninbox = "inbox"\nfeeds = ["{base}/feed.xml"]\n'
                 f'[warehouse]\npath = "wh/news.duckdb"\n[fetch]\nallow_loopback = true\n',
                 "--interval", "6", "--name", "new-only")
    try:
        wait_for(lambda: any(r[1] == "succeeded" for r in runs(wh)), 180, "the first scheduled run")
        for name in ("mx_ebrard_canada_call.txt", "qa_doha_trade_surplus.txt"):
            shutil.copy(SAMPLES / name, inbox / name)
        write_feed(site, base, ["harbour.html", "solar.html"])  # a new entry between runs
        wait_for(lambda: sum(r[2] for r in runs(wh) if r[1] == "succeeded") >= 6, 180,
                 "a scheduled run that loads the new files and the new feed entry")
    finally:
        stop(proc)
    done = [r for r in runs(wh) if r[1] == "succeeded"]
    assert len(done) >= 2
    assert done[0][2] == 3  # the first run loads the inbox and the feed's one entry
    assert sum(r[2] for r in done) == 6  # every later run loads only what is new; nothing twice
    with duckdb.connect(str(wh), read_only=True) as con:
        urls = con.execute("SELECT url FROM dim_article WHERE url IS NOT NULL ORDER BY url").fetchall()
        sources = con.execute("SELECT DISTINCT s.name FROM dim_article JOIN dim_source s "
                              "USING (source_key) WHERE url IS NOT NULL ORDER BY 1").fetchall()
    assert urls == [(f"{base}/harbour.html",), (f"{base}/solar.html",)]  # each fetched once
    assert sources == [("Coastline Herald",), ("Steppe Energy Review",)]  # the pages' outlets


def test_a_run_that_outlasts_its_interval_is_never_overlapped(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)  # a few seconds of work against a 2-second interval
    wh = tmp_path / "wh" / "news.duckdb"
    proc = serve(prefect_server, tmp_path, f'[sources]\ninbox = "inbox"\n'
                 f'[warehouse]\npath = "wh/news.duckdb"\n[schedule]\noverlap = "skip"\n',
                 "--interval", "2", "--name", "no-overlap")
    try:
        wait_for(lambda: any(r[1] == "succeeded" for r in runs(wh)), 240, "the first run")
        shutil.copy(FIXTURES / "articles" / "with_time.txt", inbox / "late_arrival.txt")
        wait_for(lambda: len([r for r in runs(wh) if r[1] == "succeeded"]) >= 2, 240,
                 "a second run that loads the late file")
    finally:
        stop(proc)
    done = [r for r in runs(wh) if r[1] == "succeeded"]
    spans = sorted((r[3], r[4]) for r in done)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert start >= end, "a run started before the previous one had finished"
    assert sum(r[2] for r in done) == 20  # the sample inbox and the late file, each once
