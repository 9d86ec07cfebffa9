"""The validation report as a person sees it: served on localhost, opened in headless Chromium."""
from __future__ import annotations

import functools
import os
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from newsfacts.config import load_settings
from newsfacts.docs import gx_pages

from test_validation import facts_for, fig, run_batch

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI sets NEWSFACTS_REQUIRE_BROWSER so that a missing browser fails instead of skipping.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("NEWSFACTS_REQUIRE_BROWSER"), reason="Chromium is not installed (Debian package 'chromium'; .ci/run "
                             "installs it so CI always runs this test)")


@pytest.fixture
def served(tmp_path):
    """A validation run with a failing row, its reports folder served on 127.0.0.1."""
    settings = load_settings(warehouse=tmp_path / "wh.duckdb", inbox=tmp_path)
    run, _ = run_batch(settings, [
        facts_for("Ghana exported cocoa to Togo.", [fig(1.5e8)]),
        facts_for("Ghana sold gold to Togo.", [fig(3e6, "XYZ")], name="b.txt")])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(settings.reports))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", run.run_id, settings.reports, tmp_path
    server.shutdown()


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_index_lists_the_run_and_shows_the_failing_expectation(served):
    base, run_id, reports, tmp = served
    index = chromium(tmp, "--dump-dom", f"{base}/index.html")
    assert run_id in index and f"runs/{run_id}.html" in index
    page = chromium(tmp, "--dump-dom", f"{base}/runs/{run_id}.html")
    assert "rows quarantined" in page and "expect_column_values_to_be_in_set" in page
    assert "unit 'XYZ' is not an ISO 4217 code or a known unit" in page
    gx_page = gx_pages(reports, run_id)["stg_figure"]
    assert f"../{gx_page}" in page
    detail = chromium(tmp, "--dump-dom", f"{base}/{gx_page}")
    assert "XYZ" in detail  # GX lists the unexpected value
    shot = tmp / "report.png"
    chromium(tmp, f"--screenshot={shot}", "--window-size=1280,1600", f"{base}/runs/{run_id}.html")
    assert shot.stat().st_size > 10_000
    keep = reports / "screenshots"
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / "run-report.png")
