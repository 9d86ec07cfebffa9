"""Staged tables: one pandas DataFrame per kind of record, validated before loading."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pandas as pd

from .models import Article, ArticleFacts, Span, StructuredFact
from .names import entity_id

# The project's own list of staged tables and their columns; nothing else is ever staged.
STAGED_COLUMNS: dict[str, list[str]] = {
    "stg_article": [
        "article_id", "name", "origin", "title", "url", "source", "source_id", "published",
        "published_at", "published_raw", "dateline", "text", "n_chars",
    ],
    "stg_person": [
        "article_id", "person_id", "name", "aliases", "title", "country", "mentions",
        "sentence", "span_start", "span_end",
    ],
    "stg_organization": [
        "article_id", "organization_id", "name", "aliases", "acronym", "country", "mentions",
        "sentence", "span_start", "span_end",
    ],
    "stg_location": [
        "article_id", "location_id", "name", "aliases", "type", "country", "mentions",
        "sentence", "span_start", "span_end",
    ],
    "stg_meeting": [
        "article_id", "meeting_id", "participants", "participant_ids", "date", "event",
        "location", "location_id", "sentence", "span_start", "span_end",
    ],
    "stg_figure": [
        "article_id", "figure_id", "metric", "value", "unit", "period", "subject",
        "subject_id", "counterpart", "counterpart_id", "qualifier", "text", "sentence", "span_start", "span_end",
    ],
    "stg_project": [
        "article_id", "project_id", "name", "type", "sentence", "span_start", "span_end",
    ],
    "stg_structured_fact": [
        "fact_id", "metric", "value", "unit", "period", "subject", "subject_id", "counterpart",
        "counterpart_id", "qualifier", "source", "source_id", "published", "url", "origin", "line",
    ],
}
STAGED_TABLES = tuple(STAGED_COLUMNS)

# Which staged column holds each row's own id (used to name rows in quarantine).
ROW_ID: dict[str, str] = {
    "stg_article": "article_id",
    "stg_person": "person_id",
    "stg_organization": "organization_id",
    "stg_location": "location_id",
    "stg_meeting": "meeting_id",
    "stg_figure": "figure_id",
    "stg_project": "project_id",
    "stg_structured_fact": "fact_id",
}


def row_hash(*parts: object) -> str:
    """Deterministic id from values: the same fact always gets the same id."""
    blob = json.dumps([str(p) if p is not None else None for p in parts], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _span(span: Span | None) -> dict:
    if span is None:
        return {"sentence": None, "span_start": None, "span_end": None}
    return {"sentence": span.sentence, "span_start": span.start, "span_end": span.end}


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=STAGED_COLUMNS[table])
    return df.astype(object).where(df.notna(), None) if len(df) else df


UNKNOWN_SOURCE = "unknown"


def source_name(source: str | None, url: str | None) -> str:
    """The outlet: as given, else the URL's host, else 'unknown'."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return UNKNOWN_SOURCE


def _naive_utc(moment: datetime | None) -> datetime | None:
    """Timestamps are stored in UTC without a zone (DuckDB TIMESTAMP)."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def _id(name: str | None) -> str | None:
    return entity_id(name) if name else None


def article_row(article: Article) -> dict:
    source = source_name(article.source, article.url)
    return {
        "article_id": article.article_id,
        "name": article.name,
        "origin": article.origin,
        "title": article.title,
        "url": article.url,
        "source": source,
        "source_id": entity_id(source),
        "published": article.published,
        "published_at": _naive_utc(article.published_at),
        "published_raw": article.published_raw,
        "dateline": article.dateline,
        "text": article.text,
        "n_chars": len(article.text),
    }


def stage(facts: Iterable[ArticleFacts],
          structured: Iterable[StructuredFact] = ()) -> dict[str, pd.DataFrame]:
    """Turn extracted facts and structured rows into the staged DataFrames."""
    rows: dict[str, list[dict]] = {t: [] for t in STAGED_TABLES}
    for af in facts:
        a = af.article
        aid = a.article_id
        rows["stg_article"].append(article_row(a))
        for p in af.persons:
            rows["stg_person"].append({
                "article_id": aid, "person_id": entity_id(p.name), "name": p.name,
                "aliases": list(p.aliases),
                "title": p.title, "country": p.country, "mentions": p.mentions, **_span(p.span)})
        for o in af.organizations:
            rows["stg_organization"].append({
                "article_id": aid, "organization_id": entity_id(o.name), "name": o.name,
                "aliases": list(o.aliases),
                "acronym": o.acronym, "country": o.country, "mentions": o.mentions,
                **_span(o.span)})
        for loc in af.locations:
            rows["stg_location"].append({
                "article_id": aid, "location_id": entity_id(loc.name), "name": loc.name,
                "aliases": list(loc.aliases),
                "type": loc.type, "country": loc.country, "mentions": loc.mentions,
                **_span(loc.span)})
        for i, m in enumerate(af.meetings):
            rows["stg_meeting"].append({
                "article_id": aid, "meeting_id": row_hash(aid, "meeting", i, *m.participants),
                "participants": list(m.participants),
                "participant_ids": [entity_id(p) for p in m.participants], "date": m.date,
                "event": m.event, "location": m.location, "location_id": _id(m.location),
                **_span(m.span)})
        for i, f in enumerate(af.figures):
            rows["stg_figure"].append({
                "article_id": aid, "figure_id": row_hash(aid, "figure", i, f.text, f.value),
                "metric": f.metric, "value": float(f.value), "unit": f.unit, "period": f.period,
                "subject": f.subject, "subject_id": _id(f.subject), "counterpart": f.counterpart,
                "counterpart_id": _id(f.counterpart), "qualifier": f.qualifier,
                "text": f.text, **_span(f.span)})
        for pr in af.projects:
            rows["stg_project"].append({
                "article_id": aid, "project_id": entity_id(pr.name), "name": pr.name,
                "type": pr.type, **_span(pr.span)})
    for s in structured:
        source = source_name(s.source, s.url)
        rows["stg_structured_fact"].append({
            "fact_id": s.fact_id, "metric": s.metric, "value": s.value, "unit": s.unit,
            "period": s.period, "subject": s.subject, "subject_id": _id(s.subject),
            "counterpart": s.counterpart, "counterpart_id": _id(s.counterpart),
            "qualifier": s.qualifier, "source": source, "source_id": entity_id(source),
            "published": s.published, "url": s.url, "origin": s.origin, "line": s.line})
    return {t: _frame(t, r) for t, r in rows.items()}
