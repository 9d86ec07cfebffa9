"""Read an inbox folder: article text files, JSON Lines article records, structured-fact CSVs."""
from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..models import Article, Rejected, StructuredFact, article_id_for
from ..staging import row_hash
from .articles import ArticleFormatError, parse_article_text, split_dateline

STRUCTURED_COLUMNS = ("metric", "value", "unit", "period", "subject", "counterpart",
                      "qualifier", "source", "published", "url")
JSONL_KEYS = ("url", "title", "published", "source", "text")
KINDS = {".txt": "article", ".jsonl": "records", ".csv": "structured"}


class InputError(ValueError):
    """A file that cannot be read; the message names the file and the reason."""


@dataclass
class InboxContents:
    """What one inbox holds, after reading every file once."""

    articles: list[Article] = field(default_factory=list)
    structured: list[StructuredFact] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, article_id)
    files: int = 0
    read_ok: list[str] = field(default_factory=list)  # files read without a whole-file error


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused."""
    if not data.strip():
        raise InputError(f"{origin}: file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{origin}: UTF-16 text does not decode: {exc.reason}") from exc
    if b"\x00" in data:
        raise InputError(f"{origin}: binary content (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start})") from exc
    if not text.strip():
        raise InputError(f"{origin}: file holds only white space")
    return text


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over the size cap before reading them."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: file is {size} bytes, over the {max_bytes}-byte limit")
    return path.read_bytes()


def parse_published(raw: object) -> tuple[date | None, datetime | None]:
    """A date or datetime in ISO form; (None, None) when missing or not a real date."""
    if raw in (None, ""):
        return None, None
    s = str(raw).strip()
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None, None
    return dt.date(), (dt if ("T" in s or " " in s) else None)


def read_jsonl(path: Path, text: str) -> tuple[list[Article], list[Rejected]]:
    """Article records, one JSON object a line; bad lines are rejected with their line number."""
    articles, rejected = [], []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("a record must be a JSON object")
            body = str(rec.get("text") or "").strip()
            if not body:
                raise ValueError("record has no 'text'")
        except ValueError as exc:
            rejected.append(Rejected(origin=origin, reason=f"{origin}: bad JSON record: {exc}",
                                     record={"line": line[:2000]}))
            continue
        published, published_at = parse_published(rec.get("published"))
        articles.append(Article(
            article_id=article_id_for(body), text=body, name=f"{path.name}#{lineno}",
            origin=origin, published=published, published_at=published_at,
            published_raw=None if published else str(rec.get("published")),
            title=rec.get("title"), url=rec.get("url"), source=rec.get("source"),
            dateline=split_dateline(body)))
    return articles, rejected


def read_structured(path: Path, text: str) -> tuple[list[StructuredFact], list[Rejected]]:
    """Structured facts; a file whose header differs from the contract is rejected whole."""
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(h.strip() for h in (reader.fieldnames or ()))
    if header != STRUCTURED_COLUMNS:
        missing = [c for c in STRUCTURED_COLUMNS if c not in header]
        extra = [c for c in header if c not in STRUCTURED_COLUMNS]
        raise InputError(f"{path}: header does not match the structured-facts columns "
                         f"(missing: {missing or 'none'}; unexpected: {extra or 'none'})")
    facts, rejected = [], []
    for lineno, row in enumerate(reader, start=2):
        origin = f"{path}:{lineno}"
        row = {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
        if None in row.values() or len(row) != len(STRUCTURED_COLUMNS):
            rejected.append(Rejected(origin=origin, reason=f"{origin}: row has the wrong number "
                                     "of fields", record=row))
            continue
        try:
            value = float(row["value"].replace(",", ""))
        except ValueError:
            rejected.append(Rejected(origin=origin, reason=f"{origin}: value {row['value']!r} "
                                     "is not a number", record=row))
            continue
        published, _ = parse_published(row["published"])
        vals = {k: (row[k] or None) for k in STRUCTURED_COLUMNS if k not in ("value", "published")}
        facts.append(StructuredFact(
            fact_id=row_hash("structured", *(row[k] for k in STRUCTURED_COLUMNS)),
            value=value, published=published, origin=str(path), line=lineno, **vals))
    return facts, rejected


def read_file(path: Path, max_bytes: int) -> tuple[list[Article], list[StructuredFact], list[Rejected]]:
    """Everything one inbox file holds; raises InputError when the file as a whole is unreadable."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
                         f"expected one of {', '.join(KINDS)}")
    text = decode(read_bytes(path, max_bytes), str(path))
    if kind == "article":
        try:
            return [parse_article_text(text, path.name, str(path))], [], []
        except ArticleFormatError as exc:
            raise InputError(str(exc)) from exc
    if kind == "records":
        articles, rejected = read_jsonl(path, text)
        return articles, [], rejected
    facts, rejected = read_structured(path, text)
    return [], facts, rejected


def list_inbox(inbox: Path) -> list[Path]:
    """Input files under the inbox, in a stable order; hidden files and README are not inputs."""
    if not inbox.is_dir():
        raise InputError(f"{inbox}: inbox folder does not exist")
    return sorted(p for p in inbox.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
                  and p.name.lower() not in ("readme.md", "readme.txt"))


def read_inbox(inbox: Path, max_bytes: int = 20_000_000) -> InboxContents:
    """Read every file of the inbox; unreadable files and records are kept as rejects."""
    out = InboxContents()
    seen: set[str] = set()
    for path in list_inbox(inbox):
        out.files += 1
        try:
            articles, facts, rejected = read_file(path, max_bytes)
        except (InputError, OSError) as exc:
            out.rejected.append(Rejected(origin=str(path), reason=str(exc)))
            continue
        out.read_ok.append(str(path))
        for a in articles:
            if a.article_id in seen:
                out.duplicates.append((a.origin, a.article_id))
                continue
            seen.add(a.article_id)
            out.articles.append(a)
        out.structured.extend(facts)
        out.rejected.extend(rejected)
    return out
