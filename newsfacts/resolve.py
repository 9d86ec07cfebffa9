"""Entity resolution across articles: one id per real-world person, organization and country."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

import duckdb
import pandas as pd
import pycountry

from .config import LEXICON_DIR
from .names import entity_id

# Surname spellings that differ by a transliteration ("Kudratov"/"Qudratov") match above this.
SURNAME_SIMILARITY = 0.85


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded country names, short forms and adjectives to ISO alpha-3 codes."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                out[entity_id(getattr(c, attr))] = c.alpha_3
    path = LEXICON_DIR / "country_additions.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for name in [row["display"], *row["names"].split("|"), *row["adjectives"].split("|")]:
                    if name.strip():
                        out[entity_id(name)] = row["alpha3"]
    return out


def country_code(name: str | None) -> str | None:
    """ISO alpha-3 code of a country name or adjective ("Turkey", "Türkiye", "Turkish" → TUR)."""
    return _country_names().get(entity_id(name)) if name else None


@dataclass
class IdMaps:
    """Rewrites of natural ids: each maps an id as extracted to the id of the entity it is."""

    person: dict[str, str] = field(default_factory=dict)
    organization: dict[str, str] = field(default_factory=dict)
    location: dict[str, str] = field(default_factory=dict)

    def party(self, value: str | None) -> str | None:
        """A figure's subject or counterpart: a place or an organization."""
        if value is None:
            return None
        return self.location.get(value, self.organization.get(value, value))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _similar(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY


def person_map(known: list[tuple[str, str | None]], batch: list[tuple[str, str | None]]) -> dict[str, str]:
    """Person ids to resolve: surname-only mentions and spelling variants of one full name.

    `known` and `batch` hold (person_id, country), the batch in article order. A mention
    resolves only when exactly one full name fits it and the countries do not conflict; of
    two spellings, the one the warehouse or the batch met first is kept.
    """
    def fits(pid: str, country: str | None, names: dict[str, str | None]) -> list[str]:
        tokens = pid.split()
        if len(tokens) == 1:
            found = [f for f in names if len(f.split()) >= 2 and f.split()[-1] == tokens[0]]
        else:
            found = [f for f in names if f != pid and len(f.split()) == len(tokens)
                     and f.split()[0] == tokens[0] and _similar(f.split()[-1], tokens[-1])]
        return [f for f in found if not (country and names[f] and names[f] != country)]

    canonical: dict[str, str | None] = dict(known)
    every_full = {**canonical, **{pid: c for pid, c in batch if len(pid.split()) >= 2}}
    out: dict[str, str] = {}
    for pid, country in batch:
        if pid in canonical or pid in out:
            continue
        found = fits(pid, country, every_full if len(pid.split()) == 1 else canonical)
        if len(found) == 1:
            out[pid] = found[0]
        elif len(pid.split()) >= 2:
            canonical[pid] = country
    return _flatten(out)


def organization_map(known: list[tuple[str, str | None]], batch: pd.DataFrame) -> dict[str, str]:
    """Organization ids to resolve: an acronym or alias standing for a named organization."""
    names: dict[str, str] = {}
    for oid, acronym in known:
        names.setdefault(oid, oid)
        if acronym:
            names.setdefault(entity_id(acronym), oid)
    for row in batch.itertuples(index=False):
        names.setdefault(row.organization_id, row.organization_id)
        for form in [row.acronym, *(row.aliases or [])]:
            if form:
                names.setdefault(entity_id(form), row.organization_id)
    out = {}
    for row in batch.itertuples(index=False):
        target = names.get(row.organization_id)
        if target and target != row.organization_id:
            out[row.organization_id] = target
    return _flatten(out)


def location_map(known: list[tuple[str, str | None]], batch: pd.DataFrame) -> dict[str, str]:
    """Country ids to resolve: every name of one state ("Turkey", "Türkiye") is one location."""
    by_code: dict[str, str] = {}
    for lid, code in known:
        if code:
            by_code.setdefault(code, lid)
    out = {}
    for row in batch.itertuples(index=False):
        if row.type != "country" or not row.country:
            continue
        target = by_code.setdefault(row.country, row.location_id)
        if target != row.location_id:
            out[row.location_id] = target
        for alias in row.aliases or []:
            aid = entity_id(alias)
            if aid != target:
                out[aid] = target
    return _flatten(out)


def _flatten(mapping: dict[str, str]) -> dict[str, str]:
    """Follow chains (a → b → c) so every id maps straight to its final id."""
    out = {}
    for start in mapping:
        seen, cur = {start}, mapping[start]
        while cur in mapping and cur not in seen:
            seen.add(cur)
            cur = mapping[cur]
        out[start] = cur
    return out


def build_maps(con: duckdb.DuckDBPyConnection, staged: dict[str, pd.DataFrame]) -> IdMaps:
    """Id rewrites for a batch, against the entities the warehouse already holds."""
    people = staged["stg_person"]
    known_people = _rows(con, "SELECT person_id, country_iso3 FROM dim_person")
    batch_people = list(dict.fromkeys(zip(people["person_id"], people["country"])))
    known_orgs = _rows(con, "SELECT organization_id, acronym FROM dim_organization")
    known_countries = _rows(con, "SELECT location_id, country_iso3 FROM dim_location "
                                 "WHERE location_type = 'country' ORDER BY location_key")
    return IdMaps(
        person=person_map(known_people, batch_people),
        organization=organization_map(known_orgs, staged["stg_organization"]),
        location=location_map(known_countries, staged["stg_location"]),
    )


def _set(frame: pd.DataFrame, column: str, values: list) -> None:
    """Replace a column, keeping it an object column even when the frame is empty."""
    frame[column] = pd.Series(values, index=frame.index, dtype=object)


def _party_ids(frame: pd.DataFrame, maps: IdMaps, codes: dict[str, str]) -> None:
    for col, name_col in (("subject_id", "subject"), ("counterpart_id", "counterpart")):
        _set(frame, col, [codes.get(country_code(name) or "", maps.party(pid)) if pid else pid
                          for pid, name in zip(frame[col], frame[name_col])])


def apply(con: duckdb.DuckDBPyConnection, staged: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The staged tables with every entity id replaced by the id of the entity it resolves to."""
    maps = build_maps(con, staged)
    out = {name: frame.copy() for name, frame in staged.items()}
    for table, column, mapping in (("stg_person", "person_id", maps.person),
                                   ("stg_organization", "organization_id", maps.organization),
                                   ("stg_location", "location_id", maps.location),
                                   ("stg_meeting", "location_id", maps.location)):
        _set(out[table], column, [mapping.get(v, v) for v in out[table][column]])
    combined = {**maps.organization, **maps.location, **maps.person}
    _set(out["stg_meeting"], "participant_ids", [
        [combined.get(p, p) for p in ids] if ids is not None else ids
        for ids in out["stg_meeting"]["participant_ids"]])
    # A country named in a figure resolves by its ISO code, even when no article listed it.
    codes = {code: lid for lid, code in _rows(
        con, "SELECT location_id, country_iso3 FROM dim_location WHERE location_type = 'country'")}
    loc = out["stg_location"]
    for lid, typ, code in zip(loc["location_id"], loc["type"], loc["country"]):
        if typ == "country" and code:
            codes.setdefault(code, lid)
    for table in ("stg_figure", "stg_structured_fact"):
        _party_ids(out[table], maps, codes)
    return out
