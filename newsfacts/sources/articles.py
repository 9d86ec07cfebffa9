"""Article text in the corpus format: a ` date YYYY-MM-DD [HH:MM]` line, then the body."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..models import Article, article_id_for

# The metadata prefix: " date 2024-05-24 01:10 ...". The date token is kept raw when invalid.
DATE_LINE = re.compile(r"^\s*date\s+(?P<raw>\S+)(?:\s+(?P<time>\d{1,2}:\d{2}))?[ \t]*")

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
UP = "A-ZÀ-ÖØ-Þ"  # capitals with Latin-1 accents: "BRASÍLIA"
# Datelines as agencies write them: "ASTANA —", "NUR-SULTAN. KAZINFORM –", "DUBAI:",
# "BISHKEK, Kyrgyzstan, May 24.", "NEW DELHI, March 3 (PTI) —",
# "(MENAFN- Trend News Agency) TASHKENT, Uzbekistan, April 9."
DATELINE = re.compile(
    r"^(?:\((?P<agency>[^()\n]{1,60})\)\s*)?"
    rf"(?P<place>[{UP}][{UP}'\-]+(?:[ \-][{UP}][{UP}'\-]+){{0,2}}"
    r"|[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?(?=,\s*[A-Z][A-Za-z ]+,\s*" + MONTH + r"))"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z ]{2,30}?))?"
    r"(?:,\s*(?P<day>" + MONTH + r"\s+\d{1,2}))?"
    r"(?:\s*\((?P<source>[^()\n]{1,40})\))?"
    r"(?:\.\s*(?P<wire>[A-Z]{4,})\b)?"
    r"\s*(?:[—–-]+|:|\.|(?=\n))[ \t]*"
)
HEADLINE_MAX = 160


class ArticleFormatError(ValueError):
    """An article file that cannot be read as an article."""


def parse_date(raw: str) -> date | None:
    """ISO date or None when the text is not a real calendar date."""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _dateline_at(text: str) -> str | None:
    m = DATELINE.match(text)
    if not m:
        return None
    # An all-caps run alone must be closed like a dateline, not be a headline word ("COVID").
    if not (m.group(0).rstrip().endswith(("—", "–", "-", ".", ":"))
            or m.group("country") or m.group("wire") or m.group("source")):
        return None
    return m.group(0).strip()


def dateline_source(dateline: str | None) -> str | None:
    """The agency a dateline credits: "(PTI)", "KAZINFORM", "(MENAFN- Trend News Agency)"."""
    m = DATELINE.match(dateline or "")
    if not m:
        return None
    name = m.group("source") or m.group("wire") or m.group("agency")
    if not name:
        return None
    name = name.rsplit("- ", 1)[-1].strip()  # a syndicator's prefix names the carrier, not the source
    return name.title() if name.isupper() and len(name) > 4 else name


def split_dateline(body: str) -> str | None:
    """The dateline at the start of the body, or of the paragraph after a headline."""
    found = _dateline_at(body)
    if found is None:
        head, sep, rest = body.partition("\n")
        if sep and len(head) <= HEADLINE_MAX and not head.rstrip().endswith("."):
            found = _dateline_at(rest.lstrip())
    return found


def parse_article_text(text: str, name: str, origin: str) -> Article:
    """Parse corpus-format text into an Article; the body is what follows the date token."""
    text = text.lstrip("\ufeff")
    m = DATE_LINE.match(text)
    if not m:
        raise ArticleFormatError(f"{origin}: first line does not start with 'date YYYY-MM-DD'")
    raw = m.group("raw")
    body = text[m.end():].strip()
    if not body:
        raise ArticleFormatError(f"{origin}: article has a date line but no body text")
    published = parse_date(raw)
    published_at = None
    if published and m.group("time"):
        try:
            published_at = datetime.fromisoformat(f"{raw}T{int(m.group('time').split(':')[0]):02d}:"
                                                  f"{m.group('time').split(':')[1]}")
        except ValueError:
            published_at = None
    dateline = split_dateline(body)
    return Article(
        article_id=article_id_for(body),
        text=body,
        name=name,
        origin=origin,
        published=published,
        published_at=published_at,
        published_raw=None if published else raw,
        dateline=dateline,
        source=dateline_source(dateline),
    )


def read_article_file(path: Path) -> Article:
    """Read one article file (UTF-8) in the corpus format."""
    return parse_article_text(path.read_text(encoding="utf-8"), path.name, str(path))
