"""Lexicons for extraction: countries, places, organizations, titles; loaded once per process."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"


@dataclass(frozen=True)
class Place:
    """A lexicon place: what a surface form refers to."""

    key: str  # canonical name
    type: str  # country | city | region | other
    country: str | None
    adjective: bool = False  # "Kazakh" rather than "Kazakhstan"
    tier: int = 1  # 1: taken from the lexicon alone; 2: only with NER support


@dataclass(frozen=True)
class OrgEntry:
    name: str
    acronym: str | None
    kind: str  # intl | agency | project


@dataclass
class Lexicon:
    places: dict[str, Place] = field(default_factory=dict)
    towns: dict[str, Place] = field(default_factory=dict)  # lookup only (NER-confirmed spans)
    country_names: dict[str, str] = field(default_factory=dict)  # alpha3 -> display name
    orgs: dict[str, OrgEntry] = field(default_factory=dict)  # surface -> entry
    ambiguous: frozenset[str] = frozenset()
    honorifics: tuple[str, ...] = ()
    honorific_words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    kw: dict = field(default_factory=dict)
    currency_codes: frozenset[str] = frozenset()  # "EUR", "KWD": never organizations
    max_len: int = 8


def _lines(name: str) -> list[str]:
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _rows(name: str) -> list[dict]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """All lexicons, built once."""
    lex = Lexicon()
    lex.kw = json.loads((LEXICON_DIR / "keywords.json").read_text(encoding="utf-8"))
    lex.ambiguous = frozenset(_lines("ambiguous_places.txt"))

    # Towns first so that curated and country entries override them.
    for row in _rows("cities.csv"):
        place = Place(row["canonical"], "city", row["country"], tier=int(row["tier"]))
        target = lex.places if place.tier == 1 and row["name"] not in lex.ambiguous else lex.towns
        target.setdefault(row["name"], place)
        lex.towns.setdefault(row["name"], place)
    for row in _rows("city_additions.csv"):
        place = Place(row["canonical"], "city", row["country"])
        lex.places[row["name"]] = place
        lex.towns[row["name"]] = place

    additions = {r["alpha3"]: r for r in _rows("country_additions.csv")}
    for c in pycountry.countries:
        add = additions.get(c.alpha_3)
        display = add["display"] if add else getattr(c, "common_name", None) or c.name
        lex.country_names[c.alpha_3] = display
        names = {c.name, display}
        for attr in ("official_name", "common_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr))
        if add:
            names.update(_split(add["names"]))
        for n in names:
            if "," in n:  # "Korea, Republic of" is no way to write a name in text
                continue
            lex.places[n] = Place(display, "country", c.alpha_3)
            if n.startswith("the "):
                lex.places[n[4:]] = Place(display, "country", c.alpha_3)
        for adj in _split(add["adjectives"]) if add else []:
            lex.places[adj] = Place(display, "country", c.alpha_3, adjective=True)
    for row in _rows("regions.csv"):
        place = Place(row["name"], row["type"], row["country"] or None)
        lex.places[row["name"]] = place
        for a in _split(row["aliases"]):
            lex.places[a] = place

    for row in _rows("organizations.csv"):
        entry = OrgEntry(row["name"], row["acronym"] or None, row["kind"])
        lex.orgs[row["name"]] = entry
        if row["acronym"]:
            lex.orgs[row["acronym"]] = entry
        for a in _split(row["aliases"]):
            lex.orgs[a] = entry

    codes = set()
    for line in _lines("currencies.tsv"):
        parts = line.split("\t")
        codes.add(parts[0].strip())
        if len(parts) > 2:
            codes.update(f.strip() for f in parts[2].split("|") if f.strip().isupper() and f.strip().isalpha())
    lex.currency_codes = frozenset(c for c in codes if c)

    hons = _lines("honorifics.txt")
    lex.honorifics = tuple(sorted(set(hons), key=len, reverse=True))
    lex.honorific_words = frozenset(w for h in hons for w in h.split())
    lex.title_words = frozenset(w.lower() for w in _lines("titles.txt"))
    lex.title_heads = frozenset(w.lower() for w in _lines("title_heads.txt"))
    lex.max_len = max(len(k.split()) for k in list(lex.places) + list(lex.orgs)) + 2
    return lex
