"""Read an inbox folder: article text files, JSON Lines article records, structured-fact CSVs."""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
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
    paths: list[str] = field(default_factory=list)  # every inbox file looked at, read or refused


# Windows-1251 is accepted only for bytes that are not UTF-8 and read as Cyrillic text: every
# non-ASCII character a Cyrillic letter or cp1251 punctuation, never mixed with Latin letters
# in one word. Anything else that is not UTF-8 is refused (never guessed, never U+FFFD).
CP1251_PUNCTUATION = set("\u00a0\u00ab\u00bb\u00a9\u00ae\u00b0\u00b1\u00b7\u00a7\u2013\u2014"
                         "\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u2116\u2122\u20ac")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIXED_WORD = re.compile(r"(?:[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z])")
# Mojibake: UTF-8 bytes read as Latin-1/Windows-1252 ("Ã©" for "é", "â€”" for "—"). A run of a
# lead character (Â..ô) and continuation characters (U+0080..U+00BF or their cp1252 forms)
# that re-encodes to valid UTF-8 is the damage; the file is refused with the repaired form.
CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
              "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf" + CP1252_HIGH + "]{1,3}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _cp1252_byte(ch: str) -> int | None:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch) if ord(ch) < 0x100 else None


def find_mojibake(text: str) -> tuple[str, str] | None:
    """The first run of UTF-8-read-as-Latin-1 damage and what it should read, or None."""
    for m in MOJIBAKE.finditer(text):
        raw = [_cp1252_byte(c) for c in m.group(0)]
        if None in raw:
            continue
        for end in range(len(raw), 1, -1):  # the longest prefix that is one valid UTF-8 sequence
            try:
                fixed = bytes(raw[:end]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(fixed) == 1 and ord(fixed) > 0x7f:
                return m.group(0)[:end], fixed
    return None


def check_text(text: str, origin: str) -> str:
    """Refuse decoded text that is damaged: replacement characters, control bytes, mojibake."""
    if "\ufffd" in text:
        raise InputError(f"{origin}: text holds U+FFFD replacement characters (it was decoded "
                         "lossily before it reached the inbox)")
    if CONTROL.search(text):
        raise InputError(f"{origin}: binary content (control bytes), not a text file")
    bad = find_mojibake(text)
    if bad:
        raise InputError(f"{origin}: mojibake: {bad[0]!r} is UTF-8 read as Latin-1/Windows-1252 "
                         f"(would be {bad[1]!r}); re-save the file as UTF-8")
    return text


def _as_cp1251(data: bytes) -> str | None:
    """The text when the bytes read as Cyrillic Windows-1251 text, else None."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 0x7f]
    if (len(CYRILLIC.findall(text)) < 3 or MIXED_WORD.search(text)
            or any(not CYRILLIC.match(c) and c not in CP1251_PUNCTUATION for c in high)):
        return None
    return text


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), BOM-marked UTF-16, or Cyrillic Windows-1251.

    Anything else is refused with the reason, and so is decoded text that is damaged
    (U+FFFD, control bytes, UTF-8 read as Latin-1): the text stored is the text written.
    """
    if not data.strip():
        raise InputError(f"{origin}: file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{origin}: UTF-16 text does not decode: {exc.reason}") from exc
        if not text.strip("\ufeff \t\r\n"):
            raise InputError(f"{origin}: file holds only white space")
        return check_text(text, origin)
    if b"\x00" in data:
        raise InputError(f"{origin}: binary content (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _as_cp1251(data)
        if text is None:
            raise InputError(f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                             f"{exc.start}) nor Cyrillic Windows-1251 text") from exc
    if not text.strip():
        raise InputError(f"{origin}: file holds only white space")
    return check_text(text, origin)


# HTML in article text: when the text holds HTML tags, it is reduced to its visible text.
# Script, style, iframe and other non-text elements are dropped with their content; tags and
# their attributes (event handlers, javascript: links) go; entities are unescaped.
HTML_TAG = re.compile(r"</?(?:html|head|body|p|div|span|br|hr|a|b|i|u|em|strong|"
                      r"script|style|iframe|frame|object|embed|noscript|template|svg|img|"
                      r"form|input|button|h[1-6]|ul|ol|li|table|tr|td|th|blockquote|pre|"
                      r"article|section|header|footer|nav|figure|figcaption|meta|link|title)\b"
                      r"[^>]*>|<!--", re.IGNORECASE)
HIDDEN = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript",
          "template", "svg", "math", "head", "title", "button", "select", "textarea", "form"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "wbr",
        "embed", "param", "track"}
BLOCK = {"p", "div", "br", "hr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table",
         "tr", "blockquote", "pre", "article", "section", "header", "footer", "figure",
         "figcaption", "body", "html"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN and tag not in VOID:
            self.hidden += 1
        elif tag in BLOCK and not self.hidden:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK and not self.hidden:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and tag not in VOID:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK and not self.hidden:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return HTML_TAG.search(text) is not None


def strip_html(text: str) -> str:
    """The visible text of HTML; text without HTML tags is returned unchanged."""
    for _ in range(3):  # escaped markup ("&lt;script&gt;") becomes markup once unescaped
        if not looks_like_html(text):
            return text
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        joined = "".join(parser.parts)
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in joined.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return HTML_TAG.sub(" ", text)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over the size cap before reading them."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: file is {size} bytes, over the {max_bytes}-byte limit")
    with open(path, "rb") as fh:  # bounded: a file that grew since stat() is refused too
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{path}: file is over the {max_bytes}-byte limit")
    return data


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
            check_text(body, "text")
            body = strip_html(body)
            if not body:
                raise ValueError("record's 'text' holds no visible text once HTML is removed")
            title = rec.get("title")
            if isinstance(title, str):
                title = strip_html(check_text(title, "title")).strip() or None
        except (ValueError, InputError) as exc:
            rejected.append(Rejected(origin=origin, reason=f"{origin}: bad JSON record: {exc}",
                                     record={"line": line[:2000]}))
            continue
        published, published_at = parse_published(rec.get("published"))
        articles.append(Article(
            article_id=article_id_for(body), text=body, name=f"{path.name}#{lineno}",
            origin=origin, published=published, published_at=published_at,
            published_raw=None if published else str(rec.get("published")),
            title=title, url=rec.get("url"), source=rec.get("source"),
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
        text = strip_html(text)
        try:
            return [parse_article_text(text, path.name, str(path))], [], []
        except ArticleFormatError as exc:
            raise InputError(str(exc)) from exc
    if kind == "records":
        articles, rejected = read_jsonl(path, text)
        return articles, [], rejected
    facts, rejected = read_structured(path, text)
    return [], facts, rejected


def _is_input_name(name: str) -> bool:
    return not name.startswith(".") and name.lower() not in ("readme.md", "readme.txt")


Signature = tuple[int, int] | None  # (size, mtime_ns) of what a path names; None when unreadable


def signature(path: Path | os.DirEntry) -> Signature:
    """(size, mtime_ns) of the file a path (or a scanned entry, whose stat is cached) names."""
    try:
        st = path.stat()
    except OSError:
        return None  # a dangling link: read it, so that it is refused with its reason
    return st.st_size, st.st_mtime_ns


def scan_inbox(inbox: Path) -> list[tuple[str, Signature]]:
    """Paths of the input files under the inbox with their (size, mtime_ns), in a stable order.

    Hidden files and folders and README are not inputs. Symbolic links are listed too (files,
    folders and dangling ones): `refused_link` decides whether one may be read. Linked folders
    are never descended into. One directory walk and one stat per file: a run with nothing new
    at 100,000 files is mostly this, so paths stay strings (making Path objects cost more).
    """
    if any(part == ".." for part in Path(inbox).parts):
        raise InputError(f"{inbox}: inbox path must not contain '..'; give the folder itself")
    if not inbox.is_dir():
        raise InputError(f"{inbox}: inbox folder does not exist")
    found: list[tuple[tuple[str, ...], str, Signature]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(inbox), ())]
    while stack:
        folder, rel = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + (entry.name,)))
                elif ((entry.is_symlink() or entry.is_file(follow_symlinks=False))
                      and _is_input_name(entry.name)):
                    found.append((rel + (entry.name,), entry.path, signature(entry)))
    # Sorted by path components, as pathlib orders paths ("a/b" before "a-c").
    found.sort(key=lambda f: f[0])
    return [(path, sig) for _, path, sig in found]


def list_inbox(inbox: Path) -> list[Path]:
    """Input files under the inbox, in a stable order (see `scan_inbox`)."""
    return [Path(path) for path, _ in scan_inbox(inbox)]


def refused_link(path: Path, inbox: Path) -> str | None:
    """Why a symbolic link in the inbox is not read (it is never opened), or None to read it.

    A link is read only when it resolves to a regular file inside the inbox (it is then the
    same input as its target, and collapses with it as a duplicate).
    """
    if not path.is_symlink():
        return None
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(inbox))
    if not target.exists():
        return f"{path}: symbolic link to {target}, which does not exist; not read"
    if target != root and root not in target.parents:
        return f"{path}: symbolic link pointing outside the inbox (to {target}); not read"
    if not target.is_file():
        return None if target.is_dir() else f"{path}: symbolic link to {target}, not a file; not read"
    return None


def read_inbox(inbox: Path, max_bytes: int = 20_000_000) -> InboxContents:
    """Read every file of the inbox; unreadable files and records are kept as rejects."""
    return read_files(list_inbox(inbox), max_bytes, set(), inbox)


def read_files(paths: list[Path], max_bytes: int, seen: set[str], inbox: Path) -> InboxContents:
    """Read some of the inbox's files; an article whose text is in `seen` is a duplicate."""
    out = InboxContents(paths=[str(p) for p in paths])
    seen = set(seen)
    for path in paths:
        refused = refused_link(path, inbox)
        if refused is None and path.is_symlink() and path.is_dir():
            continue  # a link to a folder of the inbox: its files are read where they are
        out.files += 1
        if refused:
            out.rejected.append(Rejected(origin=str(path), reason=refused))
            continue
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
