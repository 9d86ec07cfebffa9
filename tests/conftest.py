"""Shared fixtures: temporary inboxes and warehouses; the real warehouse/ is never touched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Point every run at a temporary warehouse unless a test says otherwise."""
    monkeypatch.setenv("NEWSFACTS_WAREHOUSE", str(tmp_path / "wh" / "newsfacts.duckdb"))


@pytest.fixture
def write_inbox(tmp_path):
    """Write files into a fresh inbox folder: {name: str | bytes}."""
    def make(files: dict[str, str | bytes], name: str = "inbox") -> Path:
        inbox = tmp_path / name
        inbox.mkdir(parents=True, exist_ok=True)
        for fname, content in files.items():
            path = inbox / fname
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return inbox
    return make
