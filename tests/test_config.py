"""Settings: defaults, newsfacts.toml, environment, options — and clear errors."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsfacts.config import PROJECT_DIR, ConfigError, load_settings
from newsfacts.pipeline import stale_reason


def test_defaults_point_into_the_project():
    s = load_settings(env={})
    assert s.warehouse == PROJECT_DIR / "warehouse" / "newsfacts.duckdb"
    assert s.inbox == PROJECT_DIR / "samples" / "inbox"
    assert s.reports == PROJECT_DIR / "warehouse" / "reports"
    assert (s.interval, s.cron, s.overlap, s.allow_private) == (3600, None, "skip", False)


def test_file_then_environment_then_options(tmp_path):
    cfg = tmp_path / "nf.toml"
    cfg.write_text('[sources]\ninbox = "in"\nfeeds = ["https://example.org/rss"]\n'
                   '[warehouse]\npath = "data/w.duckdb"\n[schedule]\ncron = "*/5 * * * *"\n'
                   'overlap = "wait"\n[fetch]\nallow_loopback = true\n', encoding="utf-8")
    s = load_settings(env={}, config=cfg)
    assert s.inbox == tmp_path / "in" and s.warehouse == tmp_path / "data" / "w.duckdb"
    assert s.feeds == ("https://example.org/rss",) and s.allow_loopback is True
    assert (s.cron, s.interval, s.overlap) == ("*/5 * * * *", None, "wait")
    env = {"NEWSFACTS_CONFIG": str(cfg), "NEWSFACTS_WAREHOUSE": str(tmp_path / "env.duckdb"),
           "NEWSFACTS_BATCH_SIZE": "8", "NEWSFACTS_FEEDS": "a.xml, b.xml"}
    s = load_settings(env=env)
    assert s.warehouse == tmp_path / "env.duckdb" and s.batch_size == 8
    assert s.feeds == ("a.xml", "b.xml") and s.source == str(cfg)
    assert load_settings(env={}, config=cfg).writer_memory_mb == 128
    assert load_settings(env={"NEWSFACTS_WRITER_MEMORY_MB": "64"}).writer_memory_mb == 64
    s = load_settings(env=env, warehouse=tmp_path / "opt.duckdb", inbox=None)
    assert s.warehouse == tmp_path / "opt.duckdb" and s.work_path.name == "opt.duckdb.work"


@pytest.mark.parametrize("text, words", [
    ('[sources]\ninbxo = "x"\n', "unknown setting [sources] inbxo"),
    ('[schedule]\noverlap = "both"\n', "overlap: 'both' is not one of skip, wait"),
    ('[schedule]\ninterval = "hourly"\n', "interval: 'hourly' is not a valid value"),
    ('[sources]\ninbox = "../elsewhere"\n', "contains '..'"),
    ("[sources\n", "nf.toml"),
    ('inbox = "x"\n', "must be a table"),
])
def test_bad_configuration_names_the_file_and_the_reason(tmp_path, text, words):
    cfg = tmp_path / "nf.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=words.replace("[", r"\[").replace("(", r"\(")):
        load_settings(env={}, config=cfg)


@pytest.mark.parametrize("env, words", [
    ({"NEWSFACTS_ALLOW_PRIVATE": "maybe"}, "allow_private: 'maybe' is not true or false"),
    ({"NEWSFACTS_INBOX": "data/../../etc"}, "contains '..'"),
    ({"NEWSFACTS_CONFIG": "/nonexistent/nf.toml"}, "configuration file not found"),
    ({"NEWSFACTS_WRITER_MEMORY_MB": "8"}, "writer_memory_mb: '8' MB is too little"),
    ({"NEWSFACTS_WRITER_MEMORY_MB": "lots"}, "writer_memory_mb: 'lots' is not a valid value"),
])
def test_bad_environment_is_a_clear_error(env, words):
    with pytest.raises(ConfigError, match=words):
        load_settings(env=env)


NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("scheduled, stale", [
    (None, False),  # started by hand
    (NOW - timedelta(seconds=30), False),
    (NOW - timedelta(seconds=599), False),
    (NOW - timedelta(hours=5), True),  # missed while nothing was serving: not replayed
])
def test_runs_missed_during_downtime_are_skipped(scheduled, stale):
    reason = stale_reason(scheduled, NOW, 600)
    assert bool(reason) is stale
    if stale:
        assert "not replayed" in reason


def test_cli_config_prints_the_resolved_settings(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newsfacts.cli import app

    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "7")
    res = CliRunner().invoke(app, ["config"])
    assert res.exit_code == 0 and "batch_size" in res.output and " 7 " in res.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[nope]\nx = 1\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["config", "--config", str(bad)])
    assert res.exit_code == 2 and "unknown setting [nope] x" in res.output
    assert isinstance(Path(tmp_path), Path)
