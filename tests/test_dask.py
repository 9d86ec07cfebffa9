"""Scale-out: the flow on a local Dask cluster of two worker processes gives the same facts."""
from __future__ import annotations

import shutil

import pytest
from prefect.testing.utilities import prefect_test_harness

from newsfacts import warehouse
from newsfacts.config import PROJECT_DIR

pytestmark = pytest.mark.slow
NATURAL_IDS = {
    "dim_article": "article_id", "dim_person": "person_id", "dim_organization": "organization_id",
    "dim_location": "location_id", "dim_project": "project_id", "fact_figure": "figure_id",
    "fact_meeting": "meeting_id", "fact_mention": "mention_id",
}


def facts(path) -> dict[str, list]:
    return {t: [r[0] for r in warehouse.query(path, f"SELECT {c} FROM {t} ORDER BY 1")[1]]
            for t, c in NATURAL_IDS.items()}


def test_dask_runner_gives_the_same_facts_as_the_default_runner(tmp_path, monkeypatch):
    from flows.etl import dask_etl, etl

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted((PROJECT_DIR / "samples" / "inbox").glob("*.txt"))[:8]:
        shutil.copy(path, inbox / path.name)
    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "2")  # several extraction tasks to spread out
    with prefect_test_harness(server_startup_timeout=60):
        plain = etl(inbox=str(inbox), warehouse_path=str(tmp_path / "plain.duckdb"))
        spread = dask_etl(workers=2)(inbox=str(inbox), warehouse_path=str(tmp_path / "dask.duckdb"),
                                     parallel=True)
    assert plain.status == spread.status == "succeeded"
    assert plain.articles_new == spread.articles_new > 0
    assert plain.loaded == spread.loaded
    assert facts(tmp_path / "plain.duckdb") == facts(tmp_path / "dask.duckdb")
