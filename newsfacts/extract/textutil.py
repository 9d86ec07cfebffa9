"""Small text helpers shared by the extractors: words, noise lines, spans."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..models import Span

# Lines that are page furniture, not body text: credits, bylines, widgets, time stamps.
NOISE_LINE = re.compile(
    r"^\s*(?:photo(?:\s+credit)?s?\s*:|photo\s+by\b|image\s*:|source\s*:|reporting\s+by\b|"
    r"editing\s+by\b|written\s+by\b|writing\s+by\b|by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*$|"
    r"\+\s*↺|read\s+more\s*:|follow\s+us\b|(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries)\s*:|"
    r"contacts?\s*:|\d{1,2}\s+\w{3}\.?\s+\d{1,2}:\d{2}\b)",
    re.IGNORECASE,
)
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:kz|com|ru|az|uz|kg|tj|tm|org|net|gov|info|in|ae|sa|ng|za|br|ge|am|io|news)\b"
                    r"(?!\s*[A-Z][a-z])")
# "Ust-Kamenogorsk-based ", "Johannesburg-listed ": a home town or exchange (one word, hyphens
# allowed) before the company it houses or lists.
HOME_TOWN = r"(?<![\w-])[A-Z][\w’'.-]*-(?:based|listed)\s+"
CAP_START = re.compile(r"^[^\W\d_]", re.UNICODE)
INITIAL = re.compile(r"^[A-Z][a-z]?$")


@dataclass
class Word:
    """A word of the text: spaCy tokens joined where a hyphen binds them (Kassym-Jomart)."""

    start: int
    end: int
    text: str
    i: int  # first token index
    j: int  # one past the last token index


def words_of(doc: Doc) -> list[Word]:
    """The doc's words, with hyphen-joined tokens merged."""
    out: list[Word] = []
    toks = list(doc)
    text = doc.text  # built once: Doc.text joins every token on each access
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.is_space:
            k += 1
            continue
        start, end, i, j = t.idx, t.idx + len(t.text), t.i, t.i + 1
        # Mongolian initial and name: "Ts.Ganbold" split as "Ts" "." "Ganbold".
        if (INITIAL.match(t.text) and k + 2 < len(toks) and toks[k + 1].text == "." and not t.whitespace_
                and not toks[k + 1].whitespace_ and toks[k + 2].text[:1].isupper()
                and toks[k + 2].text[1:2].islower()):
            end, j = toks[k + 2].idx + len(toks[k + 2].text), k + 3
        while (j + 1 < len(toks) and toks[j].text in "-‑" and not toks[j - 1].whitespace_
               and not toks[j].whitespace_ and toks[j + 1].text[:1].isalpha()
               and toks[j - 1].text[-1:].isalpha()):
            end = toks[j + 1].idx + len(toks[j + 1].text)
            j += 2
        out.append(Word(start, end, text[start:end], i, j))
        k = j
    return out


def is_cap(text: str) -> bool:
    """Starts with an upper-case letter."""
    return bool(text) and text[0].isupper() and CAP_START.match(text) is not None


def is_title_case(text: str) -> bool:
    """A capitalized word that is not all capitals (Bektenov, not EDB)."""
    return is_cap(text) and any(c.islower() for c in text)


def is_acronym(text: str) -> bool:
    """All-capital short form (EDB, UNDP, IsDB)."""
    letters = [c for c in text if c.isalpha()]
    return (2 <= len(letters) <= 10 and text[0].isupper()
            and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)
            and all(c.isalnum() or c in "&.-" for c in text))


def noise_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not body text: credit lines, widgets, web domains."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if NOISE_LINE.match(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    for m in DOMAIN.finditer(text):
        out.append((m.start(), m.end()))
    return out


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e or (start < e and s < end) for s, e in ranges)


# A sentence the parser ends right after one of these goes on ("signed by Eng. Faisal ...").
ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Eng|Engr|Gen|Col|Capt|Amb|Sen|Rep|Gov|Hon|"
                              r"H\.E|St|No|Nos|Mt|Lt|Maj|Sgt|Rev|Sr|Jr|Messrs|Dept|Co|Corp|Inc|Ltd|"
                              r"Sra|Srta|Dña|Excmo|Excma|Ilmo|Ilma|Arq|Lic|Ing)\.$")  # (Spanish honorifics)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of the doc's sentences, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    joined = False
    for s in doc.sents:
        text = s.text
        lead = len(text) - len(text.lstrip())
        start = s.start_char + lead
        end = s.start_char + len(text.rstrip())
        if end <= start:
            continue
        if out and joined and "\n" not in doc.text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        joined = bool(ABBREVIATION_END.search(doc.text[max(out[-1][0], end - 8):end]))
    return out


def make_span(text: str, start: int, end: int, sents: list[tuple[int, int]]) -> Span:
    """A Span with the sentence around [start, end)."""
    for s, e in sents:
        if s <= start < e or (start < s and end > s):
            return Span(start, end, text[s:e], s)
    return Span(start, end, text[start:end], start)


def sent_index(pos: int, sents: list[tuple[int, int]]) -> int:
    for k, (s, e) in enumerate(sents):
        if pos < e:
            return k
    return len(sents) - 1
