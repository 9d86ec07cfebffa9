"""Records that flow through the pipeline: articles, extracted facts, rejects."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


def normalize_text(text: str) -> str:
    """Text folded for identity: NFC, unified newlines, trimmed lines, no trailing space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def article_id_for(text: str) -> str:
    """Stable id of an article: sha256 of its normalized body text, 16 hex digits."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news article as read from a source."""

    article_id: str
    text: str  # the body: everything after the metadata prefix; spans index into it
    name: str  # file name (or file#line for JSON Lines), used as "article" in gold output
    origin: str  # path of the file it came from
    published: date | None = None
    published_at: datetime | None = None
    published_raw: str | None = None  # the date as written, kept when it does not parse
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or agency
    dateline: str | None = None


@dataclass(frozen=True)
class Span:
    """Where a fact stands: its sentence and character offsets in Article.text."""

    start: int
    end: int
    sentence: str
    sentence_start: int = 0


@dataclass
class Mention:
    """One occurrence of an entity in the text ("Kazakh" is a mention of Kazakhstan)."""

    text: str
    start: int
    end: int
    kind: str  # person | organization | location
    name: str  # canonical name of the entity it refers to


@dataclass
class Person:
    name: str
    title: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1
    span: Span | None = None


@dataclass
class Organization:
    name: str
    acronym: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1
    span: Span | None = None


@dataclass
class Location:
    name: str
    type: str = "other"  # country | city | region | other
    country: str | None = None  # ISO 3166-1 alpha-3 of the holding state
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1
    span: Span | None = None


@dataclass
class Meeting:
    participants: list[str]
    date: str | None = None  # ISO date
    event: str | None = None
    location: str | None = None
    span: Span | None = None


@dataclass
class Figure:
    metric: str
    value: float
    unit: str
    text: str
    period: str | None = None
    subject: str | None = None
    counterpart: str | None = None
    qualifier: str | None = None
    span: Span | None = None


@dataclass
class Project:
    name: str
    type: str = "other"
    aliases: list[str] = field(default_factory=list)
    span: Span | None = None


LISTS = ("persons", "organizations", "locations", "meetings", "figures", "projects")


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_gold(self) -> dict[str, Any]:
        """The facts in the gold format of the corpus (ANNOTATION.md)."""
        out: dict[str, Any] = {
            "article": self.article.name,
            "url": self.article.url,
            "published": self.article.published.isoformat() if self.article.published else None,
        }
        for lst in LISTS:
            rows = []
            for item in getattr(self, lst):
                row = asdict(item)
                row.pop("span", None)
                row.pop("mentions", None)
                if "aliases" in row and not row["aliases"]:
                    row.pop("aliases")
                if lst == "organizations":
                    row.pop("country", None)
                rows.append(row)
            out[lst] = rows
        return out


@dataclass
class StructuredFact:
    """One row of a curated structured-facts CSV: an official figure."""

    fact_id: str  # hash of the row's normalized values
    metric: str
    value: float | None
    unit: str
    period: str | None
    subject: str | None
    counterpart: str | None
    qualifier: str | None
    source: str | None
    published: date | None
    url: str | None
    origin: str  # file path
    line: int  # line number in the file


@dataclass
class Rejected:
    """An input that could not be read: kept with its reason, never dropped."""

    origin: str  # file path (and line)
    reason: str
    stage: str = "ingest"  # ingest | validate
    table: str | None = None
    check: str | None = None
    record: dict[str, Any] | None = None
