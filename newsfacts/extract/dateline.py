"""Datelines at the head of a body: "ISLAMABAD, Feb 14 (APP):", "Hanoi, 12 March (VNA) —",
"ACCRA, Ghana, Nov. 3 /PRNewswire/ --", "DUSHANBE, 12.06.2024 (Khovar) –", "Luanda -".

The dateline's place is a location and its agency an organization; nothing else in it is a name,
and no name runs across its end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = rf"(?:{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
CAPS_PLACE = rf"[{UP}][{UP}'’\-]+(?:[ \-][{UP}][{UP}'’\-]+){{0,3}}"
# ("Santiago de Chile", "Dar es Salaam", "Ciudad del Este")
TITLE_PLACE = r"[A-Z][a-zà-ÿ'’\-]+(?:(?: (?:es|de|del|al|do|da))? [A-Z][a-zà-ÿ'’\-]+| (?:es|de|al))?"
# ("(Prensa Austral).-": Spanish-language agencies close with a stop and a dash)
SEP = r"\s*(?:\.?(?:—|–|--|-)|:|\.(?=\s)|(?=\s*\n)|$)"
RX = re.compile(
    rf"(?:\((?P<agency0>[^()\n]{{1,40}})\)\s*)?"
    rf"(?P<place>{CAPS_PLACE}|{TITLE_PLACE})"
    rf"(?:,\s*(?P<country>[A-Z][A-Za-z'’ ]{{2,30}}?)(?=,|\s*[—–\-(/:]))?"
    rf"(?:,?\s+(?P<date>{DATE}))?"
    rf"(?:\s*(?:\((?P<agency>[^()\n]{{1,40}})\)|/(?P<agency2>[^/\n]{{1,40}})/))?"
    rf"(?:\.\s*(?P<wire>[A-Z]{{4,}})\b)?"
    rf"(?P<sep>{SEP})[ \t]*")


# Capitalised labels that open a headline or body the way a dateline's place does.
LABELS = frozenset({"PRESS RELEASE", "NEWS RELEASE", "MEDIA RELEASE", "BREAKING", "BREAKING NEWS", "EXCLUSIVE",
                    "UPDATE", "UPDATED", "ANALYSIS", "OPINION", "EDITORIAL", "FEATURE", "INTERVIEW", "FACTBOX",
                    "EXPLAINER", "CORRECTION", "ADVISORY", "STATEMENT", "ANNOUNCEMENT"})


@dataclass
class Dateline:
    start: int
    end: int
    place: tuple[int, int, str]
    country: tuple[int, int, str] | None
    agencies: list[tuple[int, int, str]]


def _at(text: str, pos: int, known_place) -> Dateline | None:
    m = RX.match(text, pos)
    if not m:
        return None
    place = m.group("place")
    caps = place.upper() == place and any(c.isalpha() for c in place)
    agency_g = next((g for g in ("agency", "agency2", "agency0", "wire") if m.group(g)), None)
    sep = m.group("sep").strip()
    if caps:
        if not (sep or m.group("date") or agency_g or m.group("country")):
            return None
        if re.sub(r"\s+", " ", place.strip()) in LABELS:
            return None  # "PRESS RELEASE: Mongolia and Japan sign ...": a label, no place
        if len(re.sub(r"[^A-Za-z]", "", place)) < 3:
            return None
    else:
        # A title-case word opens many sentences: a dateline needs a date or an agency,
        # or a known place closed by a dash.
        if not (m.group("date") or agency_g or (sep in ("—", "–", "--", "-") and known_place(place))):
            return None
        if not known_place(place) and not (m.group("date") and agency_g):
            return None
    if not sep and m.end() < len(text) and text[m.end() - 1:m.end()] not in ("\n",) \
            and not re.match(r"\s*\n", text[m.end():m.end() + 3]) and not agency_g:
        return None
    end = m.end()
    while end > m.start() and text[end - 1] in " \t":
        end -= 1
    agencies = []
    if agency_g:
        name = m.group(agency_g).strip()
        a = m.start(agency_g) + m.group(agency_g).find(name)
        # "(MENAFN- Trend News Agency)": the syndicator and the source, each an agency.
        for part in re.split(r"\s*-\s+", name):
            part = part.strip()
            if part:
                ps = a + name.find(part)
                agencies.append((ps, ps + len(part), part))
    country = (m.start("country"), m.end("country"), m.group("country")) if m.group("country") else None
    return Dateline(m.start(), end, (m.start("place"), m.end("place"), place), country, agencies)


def find_dateline(text: str, known_place) -> Dateline | None:
    """The dateline at the start of the body or of one of its first short lines (after a headline
    or a "PRESS RELEASE" line)."""
    pos = 0
    for _ in range(4):
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        got = _at(text, pos, known_place)
        if got:
            return got
        nl = text.find("\n", pos)
        if nl < 0:
            return None
        line = text[pos:nl].strip()
        if len(line) > 160 or line.endswith((".", ":")) and not line.isupper():
            return None
        pos = nl + 1
    return None
