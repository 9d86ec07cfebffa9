"""Settings: defaults, environment overrides, explicit overrides."""
from pathlib import Path

from newsfacts.config import PROJECT_DIR, load_settings


def test_defaults_point_into_the_project():
    s = load_settings(env={})
    assert s.warehouse == PROJECT_DIR / "warehouse" / "newsfacts.duckdb"
    assert s.inbox == PROJECT_DIR / "samples" / "inbox"
    assert s.reports == PROJECT_DIR / "warehouse" / "reports"


def test_environment_then_arguments(tmp_path):
    env = {"NEWSFACTS_WAREHOUSE": str(tmp_path / "a.duckdb"), "NEWSFACTS_BATCH_SIZE": "8"}
    s = load_settings(env=env)
    assert s.warehouse == tmp_path / "a.duckdb" and s.batch_size == 8
    s = load_settings(env=env, warehouse=tmp_path / "b.duckdb", inbox=None)
    assert s.warehouse == tmp_path / "b.duckdb"
    assert s.work_path.name == "b.duckdb.work" and s.reports == tmp_path / "reports"
    assert isinstance(s.inbox, Path)
