"""Persons, organizations and locations: spaCy NER combined with lexicons and patterns."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Doc

from ..models import Article, Location, Mention, Organization, Person
from .lexicon import Lexicon, OrgEntry, Place, get_lexicon
from .dateline import Dateline, find_dateline
from .textutil import (HOME_TOWN, Word, in_ranges, is_acronym, is_cap, is_title_case, make_span, noise_ranges,
                       sentence_bounds, words_of)

PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "den", "di", "du",
             "la", "le", "dos", "das", "del", "ul", "binti"}
REGION_AFTER_AND = frozenset({"Caribbean", "Pacific", "Middle", "Mediterranean", "Gulf", "Baltic", "Caucasus",
                              "Balkans", "Sahel", "Maghreb", "Levant"})
CONNECT = {"of", "the", "for", "and", "on", ",", "–", "—", "-", "’s", "'s", "&"}
POSSESSIVE = {"’s", "'s", "’", "'"}
STATE_OFFICES = {"president", "minister", "prime", "mayor", "governor", "ambassador", "akim",
                 "chancellor", "king", "emir", "amir", "sultan", "senator", "speaker", "premier",
                 "crown", "vice-premier", "head", "chairman"}
GEO_HEADS = {"Salar", "Lake", "Lago", "Gulf", "Golfo", "Isthmus", "Mount", "Cape", "Bay", "Strait", "Sea", "Rio", "Río",
             "Sierra", "Cerro", "Isla", "Island", "Islands", "Lac", "Mont", "Bahía", "Laguna", "Desert", "Valley"}
INTERGOV = re.compile(
    r"\b((?:[A-Z][\w]+(?:-[A-Z][\w]+)*\s+)?(?:joint\s+)?intergovernmental\s+(?:commission|council|committee)"
    r"(?:\s+on\s+[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,3}?(?=[,.;)]|\s+(?:before|after|in|at|by|to|next|this|"
    r"until|during|was|is|will|has|had|met|meets)\b))?)(?=[\s,.;:)])")
LEAD_WORDS = {"About", "For", "In", "With", "From", "At", "To", "On", "By", "After", "Before", "Under", "Over",
              "Since", "During", "Following", "According", "Via", "Contact", "Media"}
# A company noun, also compounded ("drugmaker", "steelmaker", "shipbuilder"), right before a name.
# Nouns (and ownership words) that say what kind of company a name after them is; one list for
# the person finder's cue (ORG_CUE) and the organization finder's spots (COMPANY_NOUN).
COMPANY_WORDS = (r"utility|company|firm|group|lender|\w*miner|operator|developer|carrier|bank|manager|insurer|"
                 r"conglomerate|\w*producer|contractor|consortium|giant|retailer|exporter|airline|startup|"
                 r"broadcaster|newspaper|investor|shipper|refiner|\w*builder|\w*maker|trader|distributor|"
                 r"supplier|\w*processor|consultancy|brokerage|\w*packer|"
                 r"family-run|family-owned|state-owned|state-run")
ORG_CUE = re.compile(rf"\b(?:{COMPANY_WORDS}|agency|daily|outlet|listed)\s+$")
ACRONYM_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z&.\-]{1,11}(?:\s[A-Z][A-Z&.\-]{1,7})?)\s*(?:,\s*(?:or|also|aka)?\s*([^()]{2,60}?))?\)")


@dataclass
class Hit:
    """A lexicon match in the text."""

    start: int
    end: int
    surface: str
    place: Place | None = None
    org: OrgEntry | None = None


@dataclass
class Ent:
    """An entity being assembled: its name, forms, mentions and attributes."""

    kind: str
    name: str
    forms: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    acronym: str | None = None
    title: str | None = None
    country: str | None = None
    type: str = "other"
    lex_key: str | None = None
    standalone: bool = True  # has a mention outside other names (orgs)


@dataclass
class Analysis:
    """Everything the extractors share about one article."""

    article: Article
    doc: Doc
    text: str
    words: list[Word]
    sents: list[tuple[int, int]]
    noise: list[tuple[int, int]]
    hits: list[Hit]
    lex: Lexicon
    persons: list[Ent] = field(default_factory=list)
    orgs: list[Ent] = field(default_factory=list)
    places: list[Ent] = field(default_factory=list)
    claimed: list[tuple[int, int, str]] = field(default_factory=list)
    home: str | None = None
    project_spans: list[tuple[int, int]] = field(default_factory=list)
    project_places: list[tuple[int, int, str]] = field(default_factory=list)
    events: list[tuple[int, int, str]] = field(default_factory=list)
    extra_places: list[tuple[int, int, str]] = field(default_factory=list)  # towns found by context
    dateline: Dateline | None = None
    _prefix: list[Word] = field(default_factory=list)  # words before the last title found

    def is_claimed(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
        return any(start < e and s < end and (kinds is None or k in kinds) for s, e, k in self.claimed)


# ---------------------------------------------------------------- lexicon scan

def scan_lexicon(doc: Doc, lex: Lexicon) -> list[Hit]:
    """Longest lexicon matches over the tokens (places and organizations)."""
    hits: list[Hit] = []
    texts = [t.text for t in doc]
    idx = [t.idx for t in doc]
    text = doc.text
    ntok = len(texts)
    i = 0
    upper = _upper_keys(lex)
    while i < ntok:
        t0 = texts[i]
        if not t0[:1].isupper() and t0 not in lex.orgs:
            i += 1
            continue
        found = None
        for n in range(min(lex.max_len, ntok - i), 0, -1):
            sc, ec = idx[i], idx[i + n - 1] + len(texts[i + n - 1])
            t = text[sc:ec]
            if "\n" in t:
                continue
            key = t if (t in lex.places or t in lex.orgs) else None
            if key is None and n >= 2 and t in lex.towns and all(is_title_case(x) for x in texts[i:i + n]):
                key = t  # a town of several words ("Port Klang", "Porto Murtinho") beats its first word
            if key is None and t.isupper() and len(t) >= 4:
                key = upper.get(t)
            if key is None and t.endswith("-") and t[:-1] in lex.orgs:
                hits.append(Hit(sc, ec - 1, t[:-1], None, lex.orgs[t[:-1]]))
                found = None
                break
            if key is None and t.endswith("."):
                continue
            if key:
                found = (sc, ec, t, n, key)
                break
        if not found:
            i += 1
            continue
        sc, ec, t, n, key = found
        place = lex.places.get(key) or lex.towns.get(key)
        org = lex.orgs.get(key)
        if org and place:  # "CAR" the country vs a lexicon org: the place wins only as a name
            org = None if place.type == "country" and not place.adjective else org
            place = None if org else place
        hits.append(Hit(sc, ec, t, place, org))
        i += n
    return hits


_UPPER: dict[int, dict[str, str]] = {}


def _upper_keys(lex: Lexicon) -> dict[str, str]:
    got = _UPPER.get(id(lex))
    if got is None:
        got = {}
        for k, p in lex.places.items():
            if p.type == "city" and not p.adjective:
                got.setdefault(k.upper(), k)
        for k in lex.orgs:
            if not k.isupper():
                got.setdefault(k.upper(), k)
        _UPPER[id(lex)] = got
    return got


# ---------------------------------------------------------------- helpers

def _fold(s: str) -> str:
    return re.sub(r"[\u2010-\u2015\-]+", "-", s.casefold()).replace("’", "'")


def _place_at(A: Analysis, start: int, end: int) -> Hit | None:
    for h in A.hits:
        if h.place and h.start <= start and end <= h.end:
            return h
    return None


def _hit_in(A: Analysis, start: int, end: int) -> list[Hit]:
    return [h for h in A.hits if start <= h.start and h.end <= end]


# ---------------------------------------------------------------- persons

_NON_NAME: dict[int, set[str]] = {}


def _non_name(A: Analysis) -> set[str]:
    got = _NON_NAME.get(id(A.lex))
    if got is None:
        got = _NON_NAME[id(A.lex)] = _build_non_name(A)
    return got


def _build_non_name(A: Analysis) -> set[str]:
    kw = A.lex.kw
    out = set(kw["non_name_words"]) | set(kw["months"]) | set(kw["weekdays"])
    out |= set(kw["org_heads"]) | set(kw["event_words"]) | set(kw["doc_words"])
    out |= set(kw["project_heads_cap"]) | set(A.lex.honorific_words)
    out |= {w + "s" for w in kw["project_heads_cap"]} | {"Highways", "Railways", "Affairs", "Services"}
    return out


ROUTE_NOUNS = {"river", "bridge", "road", "highway", "railway", "line", "route", "corridor", "border", "crossing",
               "pipeline", "link", "ferry", "flights", "flight", "trains", "train", "trucks", "shipments", "port",
               "coast", "way", "trip", "journey", "visit", "border", "connection", "canal", "tunnel"}
ROMAN = {"II", "III", "IV", "V", "VI", "VII", "VIII", "Jr", "Jr."}


PARTICLE_NAME = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn)-[A-Z][a-z]")


def _particle_name(t: str) -> bool:
    """A surname with a lower-case Arabic particle ("al-Kaabi"): a name word inside a name."""
    return bool(PARTICLE_NAME.match(t))


KOREAN_GIVEN = re.compile(r" [A-Z][a-z]{1,5}-[a-z]{2,6}\b")


def _name_word(A: Analysis, w: Word, non_name: set[str], geo_words: set[int]) -> bool:
    t = w.text
    if t in ROMAN and w.start > 0 and A.text[w.start - 1] == " " and A.text[w.start - 2:w.start - 1].isalpha():
        return True
    if t in non_name and is_title_case(t) and KOREAN_GIVEN.match(A.text, w.end):
        return True  # "Park Ji-hoon": a family name that is also a common word, before its given name
    if not is_title_case(t) or any(c.isdigit() for c in t) or t in non_name:
        return False
    if t.lower() in A.lex.title_words and t.lower() not in {"union"}:
        return False
    if "-" in t and all(p.lower() in A.lex.title_words for p in t.split("-") if p):
        return False  # "Vice-Chairman", "Deputy-Governor": a title written with a hyphen
    if w.start in geo_words:
        return False
    return not t.endswith(".")


# Words that open the name of a lake, mountain or river, never a person's.
FEATURE_WORDS = frozenset({"Lake", "Mount", "Mt", "River", "Cape", "Gulf", "Lac", "Lago", "Laguna", "Monte",
                           "Volcano", "Mountains"})


def find_persons(A: Analysis) -> None:
    """Named persons with title and country, and their surname mentions."""
    lex, words, text = A.lex, A.words, A.text
    non_name = _non_name(A)
    geo_words = set()
    for h in A.hits:
        if (h.place and (h.place.tier == 1 or h.place.type != "city")) or h.org:
            for w in words:
                if h.start <= w.start and w.end <= h.end:
                    geo_words.add(w.start)
    ner_person = [(e.start_char, e.end_char) for e in A.doc.ents if e.label_ == "PERSON"]

    def in_person_ner(a: Word, b: Word) -> bool:
        return any(x <= a.start and b.end <= y for x, y in ner_person)

    # Towns a name may share a word with ("Federico Lanús Paz"): a city, never a country or adjective.
    city_words = {h.start for h in A.hits if h.place and h.place.type == "city" and not h.place.adjective
                  and " " not in h.surface}

    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        # "Minister of Mining, Carolina Fuenzalida": a given name that is also a city starts a name
        # right after a title
        town_given = words[k].start in city_words and k + 1 < len(words) \
            and text[words[k].end:words[k + 1].start] == " " \
            and _name_word(A, words[k + 1], non_name, geo_words) and words[k + 1].start not in city_words \
            and bool(_left_title_words(A, k, set()))
        if (town_given or _name_word(A, words[k], non_name, geo_words)) \
                and not in_ranges(words[k].start, words[k].end, A.noise) \
                and not words[k].text.endswith("-based"):  # "Medellín-based Interandina": a home town
            s, e = k, k + 1
            while e < len(words):
                gap = text[words[e - 1].end:words[e].start]
                if gap not in (" ", "\u00a0"):
                    break
                if _name_word(A, words[e], non_name, geo_words) or _particle_name(words[e].text):
                    e += 1
                    continue
                if is_title_case(words[e].text) and (in_person_ner(words[e - 1], words[e])
                                                     or words[e].start in city_words):
                    e += 1  # "Rodrigo Salcedo Ibarra": a surname that is also a town, inside one name
                    continue
                # An honorific inside a name ("Zafrul Tengku Abdul Aziz"): part of the name.
                if words[e].text in lex.honorific_words and words[e].text.lower() not in lex.title_heads \
                        and words[e].text not in ("Mr", "Mrs", "Ms", "Dr") \
                        and e + 1 < len(words) and text[words[e].end:words[e + 1].start] == " " \
                        and _name_word(A, words[e + 1], non_name, geo_words):
                    e += 2
                    continue
                q = e
                while q < len(words) and q - e < 3 and (words[q].text in PARTICLES or words[q].text in {"Al", "El"}) \
                        and text[words[q].end:words[q + 1].start if q + 1 < len(words) else words[q].end] == " ":
                    q += 1
                if q > e and q < len(words) and _name_word(A, words[q], non_name, geo_words):
                    e = q + 1
                    continue
                break
            # "Export Promotion Nadir Bouchareb": the end of a portfolio, then the name
            cut = max((j + 1 for j in range(s, e) if words[j].text.lower() in lex.title_words), default=s)
            if s < cut <= e - 2:
                runs.append((s, cut))
                s = cut
            # "Dr. K. Senthamarai Selvan": initials in front belong to the name
            while s > 0 and re.fullmatch(r"[A-Z]\.", words[s - 1].text) \
                    and text[words[s - 1].end:words[s].start] == " ":
                s -= 1
            runs.append((s, e))
            k = e
        else:
            k += 1

    def overlaps_ner(s, e):
        a, b = words[s].start, words[e - 1].end
        return any(a < y and x < b for x, y in ner_person)

    def is_head(t: str) -> bool:
        kw = lex.kw
        return t in kw["org_heads"] or t in kw["event_words"] or t in kw["project_heads_cap"] \
            or t in kw["doc_words"]

    def followed_by_head(e, s=None):
        # The run is the front of a longer capitalized name ending in a head word
        # ("Gati Shakti National Master Plan", "Lee Kuan Yew School", "Rice Growers and
        # Millers Association").
        q = e
        # Across "and"/"of" only when a place leads the run ("the Bangladesh Garment Manufacturers
        # and Exporters Association"): "Radu Petrescu-Stoica and European Investment Bank ..." is a
        # person and a bank.
        joins = ("and", "&", "of") if s is not None and s > 0 and words[s - 1].start in geo_words \
            and text[words[s - 1].end:words[s].start] == " " and not overlaps_ner(s, e) else ()
        while q < len(words) and q - e < 5 and text[words[q - 1].end:words[q].start] == " " \
                and (is_cap(words[q].text) or words[q].text in joins):
            if is_head(words[q].text):
                return True
            q += 1
        return False

    def place_chain_end(s, e):
        # "Veun Kham–Stung Treng", "Ain Sokhna–Marsa Matrouh": the ends of a route are places.
        return bool(re.match(r"\s?[–—]\s?[A-Z]|\s-\s[A-Z]", text[words[e - 1].end:words[e - 1].end + 3])
                    or re.search(r"[A-Za-z][–—]$|[A-Za-z]\s[–—-]\s$", text[max(0, words[s].start - 3):words[s].start]))

    def inside_longer_name(s, e):
        # "Ventos do Sertão Energia": the tail of a name that starts before a lower-case particle,
        # or a run that ends in a head word itself; "Siam Agri-Foods Public Company Limited": no
        # person's name holds an organization's head word.
        if is_head(words[e - 1].text) or words[e - 1].text.endswith(("works", "Works")) or any(words[k].text in lex.kw["org_heads"]
                                             and words[k].text not in lex.kw["weak_org_heads"]
                                             for k in range(s, e)):
            return True
        return s >= 2 and words[s - 1].text in ("do", "da", "dos", "das", "de", "del", "di") \
            and is_cap(words[s - 2].text) and text[words[s - 2].end:words[s].start] == f" {words[s - 1].text} "

    head_after = _head_after(lex)

    def fronts_a_name(s, e):
        # A name that heads a longer name anywhere ("the Al Khurma Solar PV Project") is that
        # longer name's front, not a person, wherever else it stands ("Al Khurma takes ...").
        # ("Seri Mutiara Power Bhd": a company's name may start with an honorific's word)
        if s > 0 and words[s - 1].text in lex.honorific_words and text[words[s - 1].end:words[s].start] == " ":
            s -= 1
        name = text[words[s].start:words[e - 1].end]
        return e - s >= 2 and any(head_after.match(text, m.end())
                                  for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))

    def region_after(e, s):
        # "Minas Gerais state", "Johor state": a region, not a person; nor is a name of two or
        # more words that is a state's or province's own name ("Minas Gerais", "Mato Grosso").
        if e - s >= 2 and subdivision_country(text[words[s].start:words[e - 1].end]):
            return True
        return e < len(words) and words[e].text in ("state", "region", "province", "district", "oblast",
                                                    "county", "governorate", "prefecture")

    def town_after_prep(s, e):
        # "to Carmelo Peralta", "Coatzacoalcos and Salina Cruz": a town, not a person.
        name = text[words[s].start:words[e - 1].end]
        if s == 0 or e - s < 2:
            return False
        prev = words[s - 1].text
        if name in lex.towns and prev in ("to", "towards", "via", "between", "and", "or", ",", "at", "in",
                                          "from", "near"):
            return True
        # "the bridge over the river to Carmelo Peralta": a place after a route noun and "to".
        if prev in ("to", "towards") and s > 1 and not overlaps_title(s):
            tok = A.doc.char_span(words[s - 2].start, words[s - 2].end)
            if tok is not None and tok[-1].text.lower() in ROUTE_NOUNS:
                A.extra_places.append((words[s].start, words[e - 1].end, name))
                return True
            if tok is not None and tok[-1].ent_type_ in ("GPE", "LOC", "FAC"):
                A.extra_places.append((words[s].start, words[e - 1].end, name))
                return True
        return False

    def overlaps_title(s):
        return _adjacent_title(A, s)

    def preceded_by_the(s):
        return s > 0 and words[s - 1].text in ("the", "The")

    def org_like(s, e):
        # "state utility Barqi Tojik", "PKP Polskie Linie Kolejowe (PKP PLK)", "PT Sumber Nikel
        # Jaya": an organization.
        if s > 0 and (words[s - 1].text in lex.kw["corporate_prefixes"] or words[s - 1].text.endswith("-based")):
            return True
        before = text[max(0, words[s].start - 40):words[s].start]
        if ORG_CUE.search(before) and not _adjacent_title(A, s):
            return True
        return bool(re.match(r"\s*\(\s*[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\s[A-Z]{2,})?\s*\)", text[words[e - 1].end:]))

    def portfolio_before(s):
        # "Minister of Energy and Water Resources ...": s follows the portfolio of a title.
        k, seen_of = s - 1, False
        while k >= 0 and k > s - 10 and (is_cap(words[k].text) or words[k].text in ("and", "of", "for", ",", "&")):
            if words[k].text in ("of", "for"):
                seen_of = True
            elif seen_of and (words[k].text.lower() in lex.title_heads or words[k].text in ("Ministry", "Department")):
                return True
            elif overlaps_ner(k, k + 1):
                return False
            k -= 1
        return False

    def in_portfolio(s, e=None):
        # "Minister of Plantation and Community Infrastructure": the portfolio of a title; not a
        # run the tagger reads as one whole person ("Chief Executive of SPLC, and Mariam Khalifa Al
        # Sulaiti").
        return s > 0 and words[s - 1].text in ("and", "&") and portfolio_before(s) \
            and not (e is not None and e - s >= 2 and (words[s].start, words[e - 1].end) in ner_person) \
            and not _appositive_title(A, next((k for k in range(s, min(s + 5, len(words))) if words[k].text == ","), s))

    # "Minister of Agriculture and Livestock Roberto Tavares Lins": the portfolio's last word, then a
    # name that the tagger or a later mention of its tail ("Tavares Lins said") shows as a person.
    said = {text[words[a].start:words[b - 1].end] for a, b in runs}

    def name_after_portfolio(s: int, e: int) -> bool:
        return e - s >= 3 and in_portfolio(s) and not overlaps_ner(s, s + 1) and (
            overlaps_ner(s + 1, e) or any(text[words[k].start:words[e - 1].end] in said
                                          for k in range(s + 1, e - 1)))

    runs = [(s + 1, e) if name_after_portfolio(s, e) else (s, e) for s, e in runs
            if words[s].text not in FEATURE_WORDS]  # "drought drained Lake Kariba": a place
    accepted: dict[tuple[int, int], dict] = {}
    # Pass 1: NER-backed or appositive-backed names.
    for s, e in runs:
        if followed_by_head(e, s) or preceded_by_the(s) or town_after_prep(s, e) or region_after(e, s) \
                or org_like(s, e) or in_portfolio(s, e) or inside_longer_name(s, e) \
                or fronts_a_name(s, e) or place_chain_end(s, e):
            continue
        if s > 0 and (words[s - 1].text in ("at", "in", "from", "near", "into", "across", "of")
                      or words[s - 1].text in POSSESSIVE):
            continue
        appos = _appositive_title(A, e)
        if (e - s >= 2 and overlaps_ner(s, e)) or (e - s >= 2 and appos):
            accepted[(s, e)] = {"appos": appos}
        elif e - s == 1 and appos and overlaps_ner(s, e) and words[s].text not in lex.towns:
            accepted[(s, e)] = {"appos": appos}  # "Amrani, the director of ...": a surname alone
    stop_words = {k for (s, e) in accepted for k in range(s, e)}
    # Pass 2: names anchored by a title or honorific on the left.
    for s, e in runs:
        if (s, e) in accepted or followed_by_head(e, s) or preceded_by_the(s) or town_after_prep(s, e) or region_after(e, s) \
                or org_like(s, e) or in_portfolio(s, e) or inside_longer_name(s, e) \
                or fronts_a_name(s, e) or place_chain_end(s, e):
            continue
        if s > 0 and words[s - 1].text in ("of", "for", "&") and not overlaps_ner(s, e):
            continue  # a portfolio inside a title ("Minister of Public Works")
        left = _left_title_words(A, s, stop_words)
        hon = s > 0 and words[s - 1].text in lex.honorific_words or _cut_honorific(A, s - 1)
        if left and _has_head(A, left) or hon:
            if e - s >= 2 or _adjacent_title(A, s) or "." in words[s].text[:-1]:
                accepted[(s, e)] = {"appos": None}
    stop_words = {k for (s, e) in accepted for k in range(s, e)}

    ents: list[Ent] = []
    for (s, e), info in sorted(accepted.items()):
        name = text[words[s].start:words[e - 1].end]
        A._prefix = []
        left = _left_title_words(A, s, stop_words)
        pre_country, employer = _prefix_info(A, A._prefix)
        raw_title = " ".join(w.text for w in left) if left else None
        title, country = _clean_title(A, left) if left and _has_head(A, left) else (None, None)
        country = pre_country or country
        if not title and info["appos"]:
            title, country = info["appos"]
        if employer or (left and _employer_in(A, left)):
            raw_title = "EMPLOYER " + (raw_title or "")
        ent = Ent("person", name, forms=[name], title=title, country=country)
        ent.mentions.append((words[s].start, words[e - 1].end, name))
        ent.type = "full" if e - s >= 2 or "." in name[:-1] else "single"
        ent.lex_key = raw_title
        ents.append(ent)

    # Merge repeated names and spelling variants; single words into full names.
    merged: list[Ent] = []
    for ent in ents:
        target = None
        for m in merged:
            if _fold(m.name) == _fold(ent.name) or _variant(m.name, ent.name):
                target = m
                break
            if m.type == "full" and _part_of(A, ent, m):
                target = m
                break
        if target:
            target.mentions.extend(ent.mentions)
            if ent.name not in target.forms and ent.type == "full":
                target.forms.append(ent.name)
            target.title = target.title or ent.title
            target.country = target.country or ent.country
        else:
            merged.append(ent)
    # A lone surname before the full name: fold into the full name.
    for ent in list(merged):
        full = [m for m in merged if m is not ent and m.type == "full" and _part_of(A, ent, m)]
        if full:
            full[0].mentions.extend(ent.mentions)
            full[0].title = full[0].title or ent.title
            full[0].country = full[0].country or ent.country
            merged.remove(ent)
    # Surname mentions anywhere else in the text.
    taken = {(a, b) for m in merged for a, b, _ in m.mentions}
    folded = [_fold(w.text) for w in words]
    for m in merged:
        parts = m.name.split()
        lasts = [parts[-1] if m.type == "full" else m.name]
        if len(parts) >= 3 and parts[-2] not in PARTICLES and len(parts[-2]) >= 4 and is_title_case(parts[-2]):
            lasts.append(parts[-2])  # "Ospina" of "Natalia Ospina Restrepo"
        # Malay, Indonesian and Thai news call people by the given name ("Azman said"): when the
        # surname never stands alone but the given name does, the given name is the short form.
        if m.type == "full" and len(parts) >= 2 and len(parts[0]) >= 3 and parts[0] not in PARTICLES \
                and not any(o is not m and o.name.split()[0] == parts[0] for o in merged):
            alone = [w for w in words if w.text == parts[0] and not any(a <= w.start < b for a, b in taken)]
            if alone and not any(w.text == parts[-1] and not any(a <= w.start < b for a, b in taken)
                                 for w in words):
                lasts.append(parts[0])
        for last in lasts:
            if len(last) < 3:
                continue
            fl = _fold(last)
            for w, wf in zip(words, folded):
                if wf == fl and is_cap(w.text) and not any(a <= w.start < b for a, b in taken):
                    m.mentions.append((w.start, w.end, last))
                    taken.add((w.start, w.end))
    for m in merged:
        m.mentions.sort()
        for a, b, _ in m.mentions:
            A.claimed.append((a, b, "person"))
    # "His Kazakh counterpart": the role of the other person in the sentence.
    for m in merged:
        if m.title and m.title.lower() == "counterpart":
            others = [o for o in merged if o is not m and o.title and o.title.lower() != "counterpart"
                      and _same_sentence(A, o.mentions[0][0], m.mentions[0][0])]
            m.title = others[0].title if others else None
    A.persons = merged


_HEAD_AFTER: dict[int, re.Pattern[str]] = {}


def _head_after(lex: Lexicon) -> re.Pattern[str]:
    """Up to four capitalized words and then an org, event, project or document head."""
    if id(lex) not in _HEAD_AFTER:
        _HEAD_AFTER[id(lex)] = _compile_head_after(lex)
    return _HEAD_AFTER[id(lex)]


def _compile_head_after(lex: Lexicon) -> re.Pattern[str]:
    kw = lex.kw
    heads = sorted({*kw["org_heads"], *kw["corporate_suffixes"], *kw["event_words"], *kw["project_heads_cap"],
                    *kw["doc_words"]},
                   key=len, reverse=True)
    return re.compile(r"(?:[ ](?:[A-Z][\w’'.-]*)){0,4}?[ ](?:" + "|".join(map(re.escape, heads))
                      + r")(?![\w-])")


SURNAME_LEAD = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "di", "du", "le", "la", "abdul", "abu", "ben"}


def _part_of(A: Analysis, short: Ent, full: Ent) -> bool:
    """A shorter form of a full name: its surname ("Vaishnaw", "Al Zeyoudi", "al-Kaabi"), or the
    given name after an honorific ("Sheikh Hamdan", "Tengku Zafrul")."""
    sp, fp = [_fold(x) for x in short.name.split()], [_fold(x) for x in re.split(r"(?<=\.)|\s+", full.name) if x]
    if len(sp) >= len(fp) or not sp:
        return False
    if len(sp) == 1:
        if sp[0] == fp[-1]:
            return True
        if sp[0] == fp[0]:
            # "Sheikh Hamdan", "Chairman Yoon" (family name first).
            a = short.mentions[0][0]
            before = A.text[max(0, a - 30):a].split()
            return bool(before) and (before[-1] in A.lex.honorific_words or before[-1].lower() in A.lex.title_heads)
        # "Ospina" of "Natalia Ospina Restrepo": the first of two surnames.
        return len(fp) >= 3 and sp[0] in fp[1:-1] and sp[0] not in PARTICLES and len(sp[0]) >= 4
    # "Idrissi El Alaoui" of "Salma Idrissi El Alaoui": the name without the given name.
    return fp[-len(sp):] == sp or len(sp) == 2 and sp[0] in SURNAME_LEAD and fp[-2:] == sp


def _variant(a: str, b: str) -> bool:
    pa, pb = a.split(), b.split()
    if len(pa) < 2 or len(pb) < 2 or pa[-1] != pb[-1] or len(pa) != len(pb):
        return False
    return SequenceMatcher(None, pa[0].lower(), pb[0].lower()).ratio() >= 0.7 and pa[0][0] == pb[0][0] \
        or SequenceMatcher(None, " ".join(pa[:-1]).lower(), " ".join(pb[:-1]).lower()).ratio() >= 0.85


def _same_sentence(A: Analysis, p: int, q: int) -> bool:
    for s, e in A.sents:
        if s <= p < e:
            return s <= q < e
    return False


def _adjacent_title(A: Analysis, s: int) -> bool:
    """A title head or honorific right before the word (President Tokayev, Mr Smith)."""
    if s == 0:
        return False
    t = A.words[s - 1].text
    return t.lower() in A.lex.title_heads or t in A.lex.honorific_words


def _has_head(A: Analysis, ws: list[Word]) -> bool:
    return any(w.text.lower() in A.lex.title_heads or w.text.lower() in ("pm",) for w in ws)


def _post_after(A: Analysis, ws: list[Word], k: int) -> bool:
    """ws[k] ("to", "in", "at") names a post's place: right after a title head ("Ambassador to"), or
    after the head's own country ("Ambassador of Japan to Mongolia")."""
    if ws[k - 1].text.lower() in A.lex.title_heads:
        return True
    own = _place_at(A, ws[k - 1].start, ws[k - 1].end)
    return k >= 3 and own is not None and own.place.type == "country" and ws[k - 2].text == "of" \
        and ws[k - 3].text.lower() in A.lex.title_words


def _cut_honorific(A: Analysis, k: int) -> bool:
    """words[k] is the stop the tokenizer cut off an honorific ("Hon" "." of "Hon. Nadine ...")."""
    words = A.words
    return k >= 1 and words[k].text == "." and words[k - 1].end == words[k].start \
        and (words[k - 1].text in A.lex.honorific_words or words[k - 1].text + "." in A.lex.honorific_words)


def _left_title_words(A: Analysis, s: int, stop: set[int]) -> list[Word]:
    """The words of the title phrase that ends right before word s."""
    words, lex = A.words, A.lex
    sent_start = next((a for a, b in A.sents if a <= words[s].start < b), 0)
    out: list[Word] = []
    k = s - 1
    while k >= 0 and len(out) < 18:
        w = words[k]
        if w.start < sent_start or k in stop:
            break
        if "\n" in A.text[w.end:words[k + 1].start]:
            break
        t = w.text
        if t == "and" and k > 0 and words[k - 1].text == ",":
            break  # "..., Chief Executive of SPLC, and Mariam Al Sulaiti": the title of the name before
        if t in ("in", "to", "at") and k > 0 and _post_after(A, words, k) and out \
                and _place_at(A, out[-1].start, out[-1].end):
            out.append(w)  # "representative in Mexico Martín Echeverry": the post's place
            k -= 1
            continue
        if t.lower() in lex.title_words or t in lex.honorific_words or t in CONNECT or is_cap(t) \
                or _cut_honorific(A, k) \
                or t in ("(", ")") and k > 0 and is_acronym(words[k - 1 if t == ")" else k + 1].text):
            out.append(w)
            k -= 1
            continue
        break
    out.reverse()
    # Keep from the first title word; drop what precedes (country adjective, employer, "the").
    # ("In a separate development, Minister of ...": a word before a comma ends another phrase)
    first = next((i for i, w in enumerate(out) if w.text.lower() in lex.title_words
                  and not (i + 1 < len(out) and out[i + 1].text == ",")
                  and not (w.text in lex.honorific_words and w.text.lower() not in lex.title_heads)
                  and w.text.lower() not in ("state", "union", "federal", "board")), None)
    if first is None:
        # "Chancellor", "Federal Chancellor": keep federal when it leads a head
        first = next((i for i, w in enumerate(out) if w.text.lower() in lex.title_heads), None)
        if first is None:
            return []
    if first > 0 and out[first - 1].text.lower() == "federal":
        first -= 1
    # What stands before the title (after the last "and"/","): country or employer.
    pre = out[:first]
    cut = max([i + 1 for i, w in enumerate(pre) if w.text in ("and", ",")] or [0])
    A._prefix = pre[cut:]
    # "Finance Minister": one portfolio word right before Minister belongs to the title.
    if first > 0 and out[first].text.lower() in ("minister", "ministry", "secretary") \
            and is_title_case(out[first - 1].text) and _place_at(A, out[first - 1].start, out[first - 1].end) is None \
            and out[first - 1].text.lower() in lex.title_words:
        first -= 1
    return out[first:]


def _employer_in(A: Analysis, ws: list[Word]) -> bool:
    strong = set(A.lex.kw["org_heads"]) - set(A.lex.kw["weak_org_heads"]) - {"Board", "Government", "Service", "Services"}
    return any(w.text in strong or is_acronym(w.text) or any(x.org for x in _hit_in(A, w.start, w.end)) for w in ws)


def _prefix_info(A: Analysis, pre: list[Word]) -> tuple[str | None, bool]:
    """Country named before a title, and whether an employer (organization) is named there."""
    country, employer = None, False
    for w in pre:
        h = _place_at(A, w.start, w.end)
        if h and h.place.type == "country":
            country = country or h.place.country
        elif is_acronym(w.text) or w.text in A.lex.kw["org_heads"] or any(x.org for x in _hit_in(A, w.start, w.end)):
            employer = True
    return country, employer


def _clean_title(A: Analysis, ws: list[Word]) -> tuple[str | None, str | None]:
    """Title text without country adjective, 'of <country>' or employer; and the country."""
    lex = A.lex
    country = None
    # "representative in Mexico", "Ambassador to Japan": the post's place is neither part of the
    # title nor the state the person serves
    for i, w in enumerate(ws):
        if i > 0 and w.text in ("in", "to", "at") and _post_after(A, ws, i) \
                and i + 1 < len(ws) and _place_at(A, ws[i + 1].start, ws[i + 1].end):
            ws = ws[:i]
            break
    for w in ws:
        h = _place_at(A, w.start, w.end)
        if h and h.place.type == "country":
            country = country or h.place.country
    # Drop honorifics that trail the title (Sheikh before the name).
    while ws and ws[-1].text in lex.honorific_words and ws[-1].text.lower() not in lex.title_heads \
            or ws and ws[-1].text in CONNECT or ws and ws[-1].text == ".":
        ws = ws[:-1]
    # First role only: cut at "and" when what follows is not part of a portfolio.
    for i, w in enumerate(ws):
        if w.text == "and" and i + 1 < len(ws) and ws[i + 1].text.lower() not in lex.title_words:
            if any(x.text.lower() in lex.title_heads for x in ws[i + 1:]):
                ws = ws[:i]
                break
    # Cut at the first "of" whose complement is a country, a place-possessive or an employer.
    ofs = [i for i, w in enumerate(ws) if w.text == "of"]
    for n, i in enumerate(ofs):
        seg = ws[i + 1:(ofs[n + 1] if n + 1 < len(ofs) else len(ws))]
        seg_text = [w.text for w in seg if w.text not in ("the", "The")]
        if not seg_text:
            continue
        evid = False
        for w in seg:
            h = _place_at(A, w.start, w.end)
            if h and h.place.type == "country":
                evid = True
                country = country or h.place.country
            if is_acronym(w.text) and len(w.text) > 1:
                evid = True
            if w.text in POSSESSIVE:
                evid = True
            if w.text in lex.kw["org_heads"] and w.text not in lex.kw["weak_org_heads"] \
                    and w.text not in ("Board", "Government", "Service", "Services"):
                evid = True
            if any(h.org for h in _hit_in(A, w.start, w.end)):
                evid = True
        if seg_text and seg_text[0].lower() in ("city", "country", "region", "republic", "company"):
            evid = True
        if evid:
            ws = ws[:i]
            break
    # Country adjectives inside the title ("Head of the Uzbek Government").
    kept = []
    for w in ws:
        h = _place_at(A, w.start, w.end)
        if h and h.place.type == "country":
            country = country or h.place.country
            continue
        if w.text in POSSESSIVE:
            continue
        kept.append(w.text)
    while kept and kept[-1] in CONNECT | {"the"}:
        kept.pop()
    while kept and kept[0] in CONNECT | {"the", "The"}:
        kept.pop(0)
    if not kept:
        return None, country
    title = " ".join(kept)
    title = re.sub(r"\s+([,’'])", r"\1", title)
    title = re.sub(r"\bPM\b", "Prime Minister", title)
    title = title.replace(" - ", " – ") if " – " in title else title
    # The dash keeps its spaces as written ("Deputy Prime Minister – Minister for ...").
    title = re.sub(r"\s*–\s*", " – ", title)
    if not any(t.lower() in lex.title_heads or t == "Prime" for t in title.replace(",", " ").split()):
        return None, country
    return title, country


def _appositive_title(A: Analysis, e: int) -> tuple[str, str | None] | None:
    """"<Name>, [the] [Kazakhstan's] <title> [of ...]": the title and its country."""
    words, lex = A.words, A.lex
    if e >= len(words) or words[e].text != ",":
        return None
    k = e + 1
    out: list[Word] = []
    sent_end = next((b for a, b in A.sents if a <= words[e].start < b), len(A.text))
    while k < len(words) and words[k].start < sent_end and len(out) < 14:
        t = words[k].text
        if t in (",", ".", "(", ")", ";", ":", "“", "\"") or (t == "and" and out and out[-1].text == ","):
            break
        if t.lower() in lex.title_words or t in CONNECT or is_cap(t) or t in POSSESSIVE \
                or t.lower() == "the" or (t.lower() in ("a", "an") and not out):
            out.append(words[k])
            k += 1
            continue
        break
    while out and out[0].text.lower() in ("the", "a", "an"):
        out = out[1:]
    # Leading country possessive or adjective.
    country = None
    while out:
        h = _place_at(A, out[0].start, out[0].end)
        if h and h.place.type == "country":
            country = h.place.country
            out = out[1:]
            continue
        if out[0].text in POSSESSIVE:
            out = out[1:]
            continue
        break
    if not out or out[0].text.lower() not in lex.title_words:
        return None
    if not any(w.text.lower() in lex.title_heads for w in out[:4]):
        return None
    title, c2 = _clean_title(A, out)
    if not title:
        return None
    return title, country or c2


# ---------------------------------------------------------------- organizations

def find_orgs(A: Analysis) -> None:
    """Organizations: lexicon, name patterns with org head words, acronyms and NER."""
    lex, words, text = A.lex, A.words, A.text
    kw = lex.kw
    heads = set(kw["org_heads"])
    weak = set(kw["weak_org_heads"])
    events = set(kw["event_words"]) | set(kw["doc_words"])
    found: list[tuple[int, int, str, str | None, OrgEntry | None, list[str]]] = []  # start,end,name,acr,entry,aliases
    person_words = {k for k, w in enumerate(words) if A.is_claimed(w.start, w.end, ("person",))}
    non_org_acr = _non_org_acronyms(A)

    # 1. Name runs with an org head word.
    k = 0
    runs = []
    while k < len(words):
        w = words[k]
        if (is_cap(w.text) or w.text[:1].isdigit() and k + 1 < len(words) and is_cap(words[k + 1].text)) \
                and k not in person_words and not in_ranges(w.start, w.end, A.noise):
            s, e = k, k + 1
            while e < len(words):
                gap = text[words[e - 1].end:words[e].start]
                if "\n" in gap or len(gap) > 1:
                    break
                t = words[e].text
                if words[e - 1].text.endswith("-"):
                    break
                # "Viet Nam – Republic of Korea Joint Committee": a dash between two places.
                if t in ("–", "—", "-") and gap == " " and e + 1 < len(words) \
                        and text[words[e].end:words[e + 1].start] == " " and is_cap(words[e + 1].text) \
                        and _place_at(A, words[e - 1].start, words[e - 1].end) \
                        and _place_at(A, words[e + 1].start, words[e + 1].end):
                    e += 2
                    continue
                if t == "," and gap == "" and e + 1 < len(words) and is_cap(words[e + 1].text) \
                        and any(words[x].text in ("of", "for") for x in range(s, e)) \
                        and any(words[x].text == "and" for x in range(e + 1, min(e + 8, len(words)))):
                    e += 1
                    continue
                if t in ("The", "A", "An", "This", "Its", "It", "In") and words[e - 1].text.endswith("."):
                    break  # "Dilmun Rolled Metals W.L.L. The company ...": the next sentence
                if is_cap(t) and e not in person_words:
                    e += 1
                    continue
                if t in ("'s", "’s") and words[e - 1].text == "People" and gap == "":
                    e += 1  # "People's Bank of China": part of the name, no possessive
                    continue
                if t in ("of", "for", "and", "on", "&", "de") and e + 1 < len(words) and gap == " ":
                    nxt = e + 1
                    if words[nxt].text in kw["weekdays"] or words[nxt].text in kw["months"]:
                        break  # "the Union Cabinet on Wednesday"
                    if words[nxt].text in ("the",) and nxt + 1 < len(words) and (t != "and" or (
                            # "... of Latin America and the Caribbean", "... for Asia and the Pacific"
                            words[nxt + 1].text in REGION_AFTER_AND and (
                                _place_at(A, words[e - 1].start, words[e - 1].end)
                                or e >= 2 and _place_at(A, words[e - 2].start, words[e - 1].end)))):
                        nxt += 1
                    # "A Ministry and B Bank": two names, not one; but "Ministry of Mineral Resources,
                    # Petroleum and Gas" lists one ministry's portfolio
                    portfolio = any(words[x].text in ("Ministry", "Department", "Office", "Minister")
                                    for x in range(s, e)) and any(words[x].text == "of" for x in range(s, e)) \
                        and not any(words[x].text in ("Ministry", "Department", "Bank", "Agency", "Authority")
                                    for x in range(nxt, min(nxt + 4, len(words))))
                    if t in ("and", "&") and not portfolio and (words[e - 1].text in heads or is_acronym(
                            words[e - 1].text)) and any(
                            words[x].text in heads for x in range(nxt, min(nxt + 6, len(words)))):
                        break
                    if is_cap(words[nxt].text) and nxt not in person_words:
                        e = nxt + 1
                        continue
                if t in (".",) and words[e - 1].text in ("Ltd", "Co", "Corp", "Inc"):
                    e += 1
                if t == "," and words[e - 1].text in ("Co.", "Co") and e + 1 < len(words) \
                        and words[e + 1].text.rstrip(".") in ("Ltd", "Inc", "LLC", "Limited"):
                    e += 2  # "Nishikawa Light Metals Co., Ltd."
                    if e < len(words) and words[e].text == "." and gap == "":
                        e += 1
                break
            runs.append((s, e))
            k = e
        else:
            k += 1
    for s, e in runs:
        seg = words[s:e]
        texts = [w.text.rstrip(".") if w.text.endswith(".") and w.text not in ("Ltd.", "Co.", "Corp.", "Inc.")
                 else w.text for w in seg]
        org_after = re.match(r"\s*(?:\([A-Z]{2,8}\)\s*)?(?:consortium|company|operator|firm|group)\b|\s*\([A-Z]{2,8}\)",
                             text[seg[-1].end:seg[-1].end + 30])
        head_idx = [i for i, t in enumerate(texts) if t in heads or t == "Railway" and i > 0 and all(
            ((_place_at(A, w.start, w.end) or Hit(0, 0, "", Place("", "city", None))).place.type == "country"
             or org_after and _place_at(A, w.start, w.end))
            for w in seg[:i] if w.text not in ("The", "the"))]
        if not head_idx:
            continue
        # Split on "of" into segments; the org is the segment holding the last head,
        # extended over following "of" segments that are not a country.
        ofs = [i for i, t in enumerate(texts) if t == "of"]
        bounds = [-1] + ofs + [len(texts)]
        segs = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
        h = head_idx[-1]
        si = next(n for n, (a, b) in enumerate(segs) if a <= h < b)
        a, b = segs[si]
        seg_heads = [t for t in texts[a:b] if t in heads]
        if si > 0 and texts[segs[si - 1][1] - 1].lower() in lex.title_heads \
                and all(t in weak or t in ("Service", "Services") for t in seg_heads):
            continue  # "Minister of Transport and Logistic Services": a portfolio
        # "Heads of Government Council", "Ministry of X": join left over an "of" when
        # the left segment is a head-first phrase ("Ministry", "Department") or "Heads".
        head_si = si
        while si > 0:
            pa, pb = segs[si - 1]
            left_texts = texts[pa:pb]
            spans_of = pb > pa and pb + 1 < len(seg) and any(
                h.place and h.start <= seg[pb - 1].start and seg[pb + 1].end <= h.end for h in A.hits)
            if left_texts and (left_texts[-1] in heads and left_texts[-1] not in weak and pb - pa <= 3
                               and not any(t.lower() in lex.title_heads for t in left_texts)
                               or left_texts[-1] in ("Heads",) or [t for t in left_texts if t not in ("The", "the")] == ["Port"]
                               or spans_of):
                si -= 1
                a = pa
                continue
            break
        end_seg = si
        if head_si > si and any(w.text in heads for w in seg[segs[head_si][0]:segs[head_si][1]]):
            end_seg = head_si  # "Port of Gdańsk Authority": the head segment holds a place
        place_tail = None
        for n in range(si + 1, len(segs)):
            sa, sb = segs[n]
            seg_words = seg[sa:sb]
            if not seg_words:
                break
            if any((_place_at(A, w.start, w.end) or Hit(0, 0, "")).place for w in seg_words):
                # "Central Bank of Chile", "Development Bank of Southern Africa": a final "of <place>"
                # belongs to the name (the short form stays an alias).
                # ("of the Republic of Armenia": one place over the last two segments)
                pw = [w for w in seg[sa:] if w.text not in ("the", "The")]
                ph = _place_at(A, pw[0].start, pw[-1].end) if pw else None
                last = n == len(segs) - 1 or bool(ph and ph.start == pw[0].start and ph.end == pw[-1].end)
                if last:
                    sb = segs[-1][1]
                if last and ph and not ph.place.adjective and ph.start == pw[0].start \
                        and ph.end == pw[-1].end and ph.place.type in ("country", "region") \
                        and any(t in heads for t in texts[a:segs[n - 1][1]]) \
                        and not any(t.lower() in lex.title_heads for t in texts[a:segs[n - 1][1]]):
                    place_tail = (n, sb)
                break
            if any(t.lower() in lex.title_heads for t in texts[sa:sb]):
                break
            end_seg = n
            b = sb
        b = segs[end_seg][1]
        short_end = None
        if place_tail and end_seg == place_tail[0] - 1:
            short_end = seg[b - 1].end
            b = place_tail[1]
        part = seg[a:b]
        # Leading words that are titles, honorifics, "The", or a nationality adjective.
        aliases = []
        while part and (part[0].text in ("The", "the") or part[0].text.lower() in lex.title_heads
                        and part[0].text not in heads or part[0].text in LEAD_WORDS
                        or re.search(r"-(?:owned|run|controlled|backed|based)$", part[0].text)):
            part = part[1:]
        while part and part[0].text in ("of", "and", "for", "&", "on", "in"):
            part = part[1:]
        while part and (part[-1].text.lower() in lex.title_heads or part[-1].text.lower() in
                        ("vice", "deputy", "first", "acting", "general", "executive", "chief", "senior", "special")) \
                and part[-1].text not in heads:
            part = part[:-1]
        hs = [i for i, w in enumerate(part) if w.text in heads]
        if hs:
            tcut = next((i for i in range(hs[-1] + 1, len(part)) if part[i].text.lower() in lex.title_heads), None)
            if tcut is not None:
                part = part[:tcut]
                while part and part[-1].text.lower() in lex.title_words and part[-1].text not in heads \
                        or part and part[-1].text in ("of", "and", "for", "the", "&", ","):
                    part = part[:-1]
        if not part:
            continue
        ptexts = [w.text for w in part]
        first_head = next((i for i, t in enumerate(ptexts) if t in heads), None)
        if first_head is not None and any(t in events for t in ptexts[first_head + 1:]):
            continue  # an event or document named after the org
        if any(t in events for t in ptexts) and not any(t in heads and t not in weak for t in ptexts):
            continue
        lead = _place_at(A, part[0].start, part[0].end)
        if lead and lead.place.type == "country" and lead.place.adjective and len(part) > 1 \
                and not text[part[0].end:part[1].start].strip():
            n_lead = sum(1 for w in part if _place_at(A, w.start, w.end) is lead)
            rest = [w.text for w in part[n_lead:] if w.text not in ("of", "and", "for", "the", "&")]
            if (len(rest) > 1 or rest and rest[0] not in heads and rest[0] != "Railway") \
                    and any(t not in heads or t in weak for t in rest):  # "Ethiopian Railways Corporation"
                aliases.append(text[part[0].start:part[-1].end])
                part = part[n_lead:]
        if not part:
            continue
        name = text[part[0].start:part[-1].end]
        if part[-1].text in ("and", "of", "for", "&"):
            continue
        core = [w.text for w in part if w.text not in ("of", "and", "for", "the", "&", "on", "in")]
        if all(t in heads for t in core) and "of" not in [w.text for w in part]:
            continue  # "Ministry", "Bank": no name
        if all(t in weak or _place_at(A, w.start, w.end) for t, w in zip(core, [w for w in part if w.text in core])):
            if not any(is_acronym(t) for t in core):
                continue
        last_head = [t for t in core if t in heads]
        if last_head and all(t in weak for t in last_head):
            # "ACWA Power", "Tata Power": a weak head needs a proper name before it.
            if not any(is_acronym(t) or not (_place_at(A, w.start, w.end) or t in weak or t.lower() in lex.title_words)
                       for w in part for t in [w.text] if t not in heads):
                continue
            gloss = re.match(r"\s*\(\s*([A-Z]{2,8})\s*\)", text[part[-1].end:part[-1].end + 14])
            if not any(e_.label_ == "ORG" and e_.start_char <= part[0].start < e_.end_char for e_ in A.doc.ents) \
                    and not any(is_acronym(w.text) for w in part) \
                    and not (gloss and gloss.group(1) == _initials(name)):
                continue  # ("Orion Hydrogen Partners (OHP)": the short form's letters vouch for the name)
        if s > 0 and words[s - 1].text in POSSESSIVE and s > 1:
            ph = _place_at(A, words[s - 2].start, words[s - 2].end)
            if ph and ph.place.type == "country":
                aliases.append(text[words[s - 2].start:part[-1].end])
        if core[-1] in kw["not_org_heads"] or core[0] in ("Government", "Cabinet") or core[-1] in kw["building_words"]:
            continue
        if short_end and part[0].start < short_end:
            aliases.append(text[part[0].start:short_end])
        if s > 0 and words[s - 1].text in ("a", "an"):
            continue  # "a Clean Trade and Investment Partnership": not a named body
        found.append((part[0].start, part[-1].end, name, None, None, aliases))

    # 2. Lower-case intergovernmental bodies.
    for m in INTERGOV.finditer(text):
        s, e = m.start(1), m.end(1)
        name = m.group(1)
        first = name.split()[0]
        fh = _place_at(A, s, s + len(first.split("-")[0]))
        if is_cap(first) and not fh:
            name = name[len(first):].strip()
            s = e - len(name)
        found.append((s, e, name, None, None, []))

    # 3. Lexicon organizations (not those only inside a named conference or forum).
    named_events = [(a, b) for a, b, name in A.events if not re.match(r"(?:\S+\s)*?(?:meeting|session|summit|sitting)\s+of\b", name)]
    for h in A.hits:
        if h.org and h.org.kind != "project" and not in_ranges(h.start, h.end, A.noise) \
                and not in_ranges(h.start, h.end, named_events):
            found.append((h.start, h.end, h.surface, None, h.org, []))

    # 3b. The agency a dateline credits: "(APP)", "/PRNewswire/", "(Khovar)".
    for a, b, name in (A.dateline.agencies if A.dateline else []):
        entry = lex.orgs.get(name) or lex.orgs.get(_upper_keys(lex).get(name, ""))
        if re.fullmatch(r"[\w&.'’ -]{2,40}", name) and is_cap(name) and not lex.places.get(name):
            found.append((a, b, entry.name if entry and not is_acronym(name) else name, None, entry, []))

    # 4. NER ORG spans nobody else explains.
    for ent in A.doc.ents:
        if ent.label_ != "ORG":
            continue
        s, e = ent.start_char, ent.end_char
        sub = text[s:e]
        while sub.lower().startswith("the "):
            sub, s = sub[4:], s + 4
        if "\n" in sub:  # a heading line run into the text under it: the name ends with its line
            sub = sub[:sub.index("\n")].rstrip()
            e = s + len(sub)
        for suf in ("’s", "'s", "’", " –", " -"):
            if sub.endswith(suf):
                sub, e = sub[: -len(suf)].rstrip(), s + len(sub[: -len(suf)].rstrip())
        cut = re.search(r"\s+(?:on|in|last|this|next)\s+(?:%s)\b" % "|".join(kw["weekdays"] + kw["months"]), sub)
        if cut:
            sub, e = sub[:cut.start()], s + cut.start()
        if not sub or in_ranges(s, e, A.noise) or A.is_claimed(s, e) \
                or any(a < e and s < b for a, b, *_ in found):
            continue
        toks = sub.split()
        if sub in non_org_acr or toks[0] in GEO_HEADS or sub in lex.currency_codes or _in_region_name(text, s, e):
            continue  # the acronym of an agreement or project; "Salar de Atacama"; "Mato Grosso do Sul"
        if re.search(r"\d[\d.,]*\s*$", text[max(0, s - 12):s]):
            continue  # a unit after a number ("400 MW")
        if re.match(r"\s+(?:strategy|initiative|programme|program|plan|policy|agreement|treaty|framework|"
                    r"project|corridor|route|review|deal|pact|platform|scheme)\b", text[e:e + 14]):
            continue  # "the Global Gateway strategy": a named policy, not a body
        if len(toks) == 1 and not is_acronym(sub) and (
                (re.search(r"\b(?:in|at|near|via|between|port\s+(?:of|at|in))\s+$", text[max(0, s - 14):s])
                 or re.search(r"\bbetween\s+[A-Z][\w-]+\s+and\s+$", text[max(0, s - 40):s])
                 or re.search(r"\b(?:from|to)\s+$", text[max(0, s - 6):s])
                 and not re.search(r"(?:according|thanks|due|owing|data|figures)\s+(?:to|from)\s+$", text[max(0, s - 20):s]))
                and not any(h.org for h in A.hits if h.start <= s < h.end)
                or re.match(r"\s?[-–—]\s?[A-Z]", text[e:e + 3])):
            continue  # "between Sisian and Kajaran", "the port at Alat", "Ratlam–Nagda": a place
        if any(t in events for t in toks) or any(c.isdigit() for c in sub):
            continue
        if len(toks) == 1 and (any(A.text[a:b].startswith(sub + " ") for a, b in A.project_spans)
                               or any(sub == n for _, _, n in A.project_places)):
            continue  # "Kpone will supply": the project (or its place) named by its first word
        if any(t in ("Government", "Cabinet") for t in toks) \
                or "Cabinet of Ministers" in sub or sub in ("Board of Directors",):
            continue
        if all(t.strip(",;").lower() in lex.title_words or t in ("and", "of", ",") for t in toks):
            continue  # a portfolio inside a title ("Industry and Trade")
        if re.search(r"\b(?:Minister|Secretary|Ministry|Minister of State)\s+(?:of|for)\s+(?:the\s+)?$", text[max(0, s - 30):s]) \
                and not any(t in heads and t not in weak for t in toks):
            continue
        pm = re.search(r"([A-Za-z-]+)\s+(?:of|for)\s+(?:the\s+)?$", text[max(0, s - 40):s])
        if pm and pm.group(1).lower() in lex.title_heads and not any(t in heads and t not in weak for t in toks):
            continue  # "Undersecretary for Diplomatic Affairs": a portfolio
        if toks[-1] in ("and", "&", "of", "for") or _title_follows(A, text[e:e + 60]):
            continue  # "Turkish Transport and Infrastructure Minister": a portfolio before a title
        if all(t in lex.honorific_words for t in toks):
            continue  # "H.E. Dr.": honorifics
        pm = re.search(r"([A-Za-z-]+)\s+(?:in|to|at)\s+$", text[max(0, s - 30):s])
        if pm and pm.group(1).lower() in lex.title_heads and _place_at(A, s, s + len(toks[0])) \
                and not any(t in heads and t not in weak for t in toks):
            continue  # "representative in Mexico Martín Echeverry": the post's place, then a name
        if toks[-1] in kw["building_words"]:
            continue  # "Presidential Palace": a building
        if re.match(r"\s+(?:region|province|oblast|district|city|village|town|area|state|county|governorate)\b", text[e:e + 14]):
            continue
        span = A.doc.char_span(s, e)
        if len(toks) == 1 and span is not None and (span[0].pos_ == "ADJ" or (
                span.end < len(A.doc) and A.doc[span.end].pos_ == "NOUN" and A.doc[span.end].text.islower())):
            continue  # used as an adjective ("Turkic states")
        if any(t.lower() in lex.title_words and t.lower() in lex.title_heads for t in toks):
            continue
        hits = [h for h in A.hits if s <= h.start and h.end <= e and h.place]
        if hits and sum(h.end - h.start for h in hits) >= len(sub.replace(" ", "")) - 2:
            continue  # only places ("Kazakh", "Kazakh-Uzbek")
        if any(h.place and h.start == s for h in hits) and len(toks) <= 2 and not any(
                t in heads for t in toks):
            continue
        if len(toks) == 1:
            t = toks[0]
            if not (is_acronym(t) or is_title_case(t)) or t in _non_name(A) or t in lex.towns \
                    or t.lower() in lex.title_words:
                continue
            if is_acronym(t) and t in lex.places:
                continue
        elif not all(is_cap(t) or t in ("of", "and", "for", "&", "de") for t in toks):
            continue
        found.append((s, e, sub, None, None, []))

    # 5. Employers named beside a person's role: "Codelco chairman X", "CEO of QatarEnergy".
    role = r"(?:chairman|chairwoman|chair|chief\s+executive(?:\s+officer)?|CEO|president|managing\s+director|" \
           r"director(?:-|\s)general|spokesman|spokeswoman|spokesperson|founder|head)"
    cand = r"([A-Z][^\W\d_]*[a-z][A-Z]?[^\W\d_]*|[A-Z]{2,6})"
    spots = [(m.start(1), m.end(1)) for m in re.finditer(rf"(?<![\w’'-]){cand}\s+{role}\s+(?=[A-Z])", text)]
    spots += [(m.start(1), m.end(1)) for m in re.finditer(
        rf"\b{role}(?:\s+and\s+{role})?\s+of\s+{cand}(?![\w-])(?!\s+[A-Z])", text)]
    # "Jebel Ali Free Zone operator Jafza", "state miner Codelco", "contractor Ardıç Yapı",
    # "developer Ventos do Sertão Energia": a company noun before the name.
    for m in COMPANY_NOUN.finditer(text):
        span = _capitalized_run(text, m.end())
        if span:
            spots.append(span)
    # "Monterrey-based Altavista": a company after its home town.
    for m in re.finditer(HOME_TOWN + r"(?=[A-Z])", text):
        span = _capitalized_run(text, m.end())
        if span:
            spots.append(span)
    # "PT Sumber Nikel Jaya", "JSC Kazakhstan Temir Zholy": a corporate prefix starts a name.
    for m in re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, kw["corporate_prefixes"])) + r")\s(?=[^\W\d_])",
                         text):
        span = _capitalized_run(text, m.end())
        if span:
            spots.append((m.start(), span[1]))
    # "the investment promotion agency, AAPI,": a short form set off after a company or agency noun.
    spots += [(m.start(1), m.end(1)) for m in re.finditer(
        r"\b(?:agency|company|firm|bank|lender|operator|regulator|authority|utility|fund|corporation|"
        r"developer|insurer|exchange),\s+([A-Z][A-Za-z]{1,7}[A-Z])(?=[,.)]|\s+(?:has|had|is|was|will|said)\b)", text)]
    # "Hungary's Eximbank", "Afreximbank": a one-word name ending in -bank.
    spots += [(m.start(1), m.end(1)) for m in re.finditer(r"(?<![\w-])([A-Z][a-z]{2,}bank)(?![\w-])", text)]
    # "ANGOP has learned", "told KUNA": an agency in capitals cited as the source.
    spots += [(m.start(1), m.end(1)) for m in re.finditer(
        r"(?<![\w(-])([A-Z]{3,10})\s+(?:has\s+learned|has\s+learnt|learned|reported|reports|quoted|cited)\b", text)]
    spots += [(m.start(1), m.end(1)) for m in re.finditer(
        r"\b(?:told|according\s+to|quoted\s+by|cited\s+by|reported\s+by|said\s+to)\s+([A-Z]{3,10})(?![\w-])", text)]
    for s, e in spots:
        t = text[s:e]
        if t in _non_name(A) or t.lower() in lex.title_words or _place_at(A, s, e) or A.is_claimed(s, e) \
                or in_ranges(s, e, A.noise) or t in non_org_acr or any(a <= s < b for a, b, *_ in found) \
                or t in lex.currency_codes or t in lex.places or t in lex.honorific_words:
            continue
        if s > 0 and text[max(0, s - 4):s].lower() in ("the ", "his ", "her "):
            continue
        found.append((s, e, t, None, None, []))

    # Acronyms in brackets after a name: "Eurasian Development Bank (EDB)".
    acr_of: dict[str, int] = {}
    for m in ACRONYM_PAREN.finditer(text):
        acr = m.group(1)
        if not all(is_acronym(x) for x in acr.split()) and not _short_name_of(acr, text[max(0, m.start() - 80):m.start()]):
            continue
        if acr in lex.currency_codes or acr in lex.places:
            continue
        for n, f in enumerate(found):
            if f[1] <= m.start() and not text[f[1]:m.start()].strip():
                initials = "".join(w[0] for w in re.split(r"[\s\-]+", f[2]) if w and w[0].isupper())
                adjacent = re.fullmatch(r"\s*\(\s*", text[f[1]:m.start(1)]) is not None
                if acr[0].upper() == f[2][0].upper() or acr.upper() in initials.upper() or (f[4] and f[4].acronym == acr) \
                        or adjacent and not f[4] and " " in f[2]:
                    acr_of[acr] = n
                    found[n] = (f[0], f[1], f[2], acr, f[4], f[5])
                    A.claimed.append((m.start(1), m.end(1), "org"))
                # "Eurasian Development Bank (EDB) Council": the council of that bank.
                tail = re.match(r"\)\s+([A-Z][a-z]+)\b", text[m.end() - 1:])
                if tail and tail.group(1) in heads:
                    s2 = m.start(1)
                    e2 = m.end() - 1 + tail.end()
                    name = f"{acr} {tail.group(1)}"
                    found.append((f[0], e2, name, None, None, [f"{f[2]} {tail.group(1)}"]))
                break

    not_org_tails = {*kw["doc_words"], *kw["event_words"]}
    # "Société Tunisienne des Panneaux Solaires (STPS)": the capitalized words before the brackets
    # whose initials spell the acronym, particles between them, are its name.
    for m in ACRONYM_PAREN.finditer(text):
        acr = m.group(1)
        if acr in acr_of or not acr.isalpha() or not acr.isupper() or acr in lex.currency_codes \
                or acr in lex.places:
            continue
        span = _spelled_by(text, m.start(), acr)
        if span and text[span[0]:span[1]].split()[-1] in not_org_tails:
            continue  # "Comprehensive Economic Partnership Agreement (CEPA)": a document, not a body
        if span and not any(f[0] <= span[0] and span[1] <= f[1] and f[3] for f in found):
            found.append((span[0], span[1], text[span[0]:span[1]], acr, None, []))
            A.claimed.append((m.start(1), m.end(1), "org"))

    # Assemble entities, merging forms of one organization.
    ents: list[Ent] = []
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    # Drop candidates nested in a longer candidate (the longer one is the name written),
    # but remember lexicon orgs nested inside others as non-standalone mentions.
    spans = [(f[0], f[1]) for f in found]
    for f in found:
        s, e, name, acr, entry, aliases = f
        if A.is_claimed(s, e, ("project",)) and not (entry and entry.kind != "project"):
            continue
        outer = [(a, b) for a, b in spans if a <= s and e <= b and (a, b) != (s, e)]
        ent = _match_org(ents, name, acr, entry)
        if outer:
            if ent:
                ent.mentions.append((s, e, name))
            continue
        if ent is None:
            ent = Ent("organization", name, forms=[], acronym=acr)
            ent.lex_key = entry.name if entry else None
            ents.append(ent)
        elif entry and ent.lex_key is None:
            ent.lex_key = entry.name
        if entry and entry.acronym and name == entry.acronym:
            ent.acronym = name
            acr = None
            if ent.forms:
                ent.mentions.append((s, e, name))
                continue
        if name not in ent.forms:
            ent.forms.append(name)
        for al in aliases:
            if al not in ent.forms:
                ent.forms.append(al)
        if acr:
            ent.acronym = acr
        ent.mentions.append((s, e, name))
    # Later mentions of a one-word name found by context ("Codelco chairman ...", "Codelco will").
    for ent in ents:
        if " " not in ent.name and is_title_case(ent.name) and len(ent.name) >= 4:
            for m in re.finditer(rf"(?<![\w-]){re.escape(ent.name)}(?![\w-])", text):
                if not any(a <= m.start() < b for a, b, _ in ent.mentions) and not A.is_claimed(m.start(), m.end()):
                    ent.mentions.append((m.start(), m.end(), ent.name))
    # Bare acronym mentions of known long names.
    for ent in ents:
        if ent.acronym:
            for m in re.finditer(rf"(?<![\w-]){re.escape(ent.acronym)}(?![\w-])", text):
                if not any(a <= m.start() < b for a, b, _ in ent.mentions):
                    ent.mentions.append((m.start(), m.end(), ent.acronym))
    # Company name with and without its corporate suffix ("COFCO" / "COFCO Group").
    suffixes = set(kw["corporate_suffixes"])
    for ent in list(ents):
        for other in ents:
            if other is ent or ent not in ents:
                continue
            if other.name.startswith(ent.name + " ") and all(
                    t in suffixes or t.rstrip(".") in suffixes for t in other.name[len(ent.name):].split()) \
                    or ent.name.startswith(other.name + " ") and False:
                other.mentions.extend(ent.mentions)
                if is_acronym(ent.name):
                    other.acronym = other.acronym or ent.name
                else:
                    other.forms.append(ent.name)
                ents.remove(ent)
                break
    _join_pair_front(A, ents)
    _cut_after_suffix(A, ents, suffixes)
    ents = _split_based(A, ents)
    _merge_org_forms(A, ents)
    ents = [ent for ent in ents if not _not_an_org(A, ent)]
    for ent in ents:
        ent.name = _org_display(ent)
    for ent in list(ents):
        # ("BNDES" found on its own is the "Brazilian Development Bank (BNDES)" named before)
        twin = next((o for o in ents if o is not ent and (_fold(o.name) == _fold(ent.name) or (
            is_acronym(ent.name) and o.acronym == ent.name and o.name != ent.name))), None)
        if twin:
            twin.mentions.extend(m for m in ent.mentions if m not in twin.mentions)
            twin.acronym = twin.acronym or ent.acronym
            ents.remove(ent)
    for ent in ents:
        ent.mentions.sort()
        for a, b, _ in ent.mentions:
            A.claimed.append((a, b, "org"))
    A.orgs = [e for e in ents if e.mentions]


BASED = r"(?:[A-Z][\w’'.-]*\s+){0,3}?" + HOME_TOWN  # "Abu Dhabi-based ": the town may be several words
TITLE_START = re.compile(r"^(?:(?:Federal|Deputy|First|State|Union|Vice|Acting|Prime)\s+)*"
                         r"(?:Minister|Secretary|Governor|Ambassador|Commissioner|Envoy)\b")
# "Minister of Trade, Tourism and ": what follows continues the portfolio.
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Secretary|Commissioner)\s+(?:of\s+State\s+)?(?:of|for)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w’'-]*(?:,\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s+&\s+|\s+))*$")
INSTITUTION_HEAD = re.compile(r"^(?:Ministry|Department|Office|Agency|Bank|Council|Commission|Authority|Bureau|"
                              r"Directorate|Administration)\b")
# A company's or bank's own board approving something is that body acting, not another organization.
INTERNAL_BODY = re.compile(r"^(?:(?:Board|Management\s+Board|Supervisory\s+Board|Executive\s+Board)"
                           r"(?:\s+of\s+Directors)?|Board\s+of\s+(?:Directors|Governors|Trustees))$")
# A state's form of government written alone stands for the state ("exports to the Sultanate").
STATE_FORMS = frozenset({"Sultanate", "Kingdom", "Emirate", "Republic", "Principality", "Federation",
                         "Emirates", "Confederation"})


COMPANY_NOUN = re.compile(rf"\b(?:{COMPANY_WORDS}|manufacturer)\s+(?=[^\W\d_])")
NAME_PARTICLES = frozenset({"do", "da", "dos", "das", "de", "del", "di", "van", "von"})


def _capitalized_run(text: str, pos: int, most: int = 4) -> tuple[int, int] | None:
    """The span of the capitalized words (in any script, with particles inside) starting at pos.

    None when the run goes on past `most` words: then it is no name after a company noun.
    """
    words = list(re.finditer(r"[^\W_][\w’'&.-]*", text[pos:pos + 120]))
    end, n, k = None, 0, 0
    while k < len(words):
        w = words[k]
        gap = text[pos + (words[k - 1].end() if k else 0):pos + w.start()]
        if k and gap != " ":
            break
        if w.group(0)[0].isupper():
            suffix = w.group(0) in get_lexicon().kw["corporate_suffixes"]
            n += 0 if suffix else 1  # ("Cadena Hotelera Brisas Doradas S.R.L.": four words and a suffix)
            # a full stop after a name ends the sentence, except in "Co." and the like
            keep = not w.group(0).endswith(".") or suffix or w.group(0) == "Bhd."
            end = pos + w.end() - (0 if keep else 1)
            k += 1
            continue
        if k and w.group(0) in NAME_PARTICLES and k + 1 < len(words) and words[k + 1].group(0)[0].isupper():
            k += 1
            continue
        break
    if end is None or n > most:
        return None
    return pos, end


ACRONYM_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "of", "and", "for", "the", "et", "y", "del",
                               "do", "da", "dos", "das", "di", "für", "und", "&"})


def _spelled_by(text: str, end: int, acr: str) -> tuple[int, int] | None:
    """The span of the words right before `end` whose capitalized initials spell `acr`, particles
    ("des", "of", "l'") between them: "Banque Centrale des Etats de l'Afrique de l'Ouest (BCEAO)"."""
    words = list(re.finditer(r"\S+", text[max(0, end - 200):end]))
    base = max(0, end - 200)
    if not words or not re.fullmatch(r"\s*", text[base + words[-1].end():end]):
        return None
    need = list(acr)
    for w in reversed(words):
        token = re.sub(r"^(?:[ldLD][’'])", "", w.group(0))  # "l'Afrique": the word after the article
        if token.lower() in ACRONYM_PARTICLES and need != list(acr):
            continue
        initial = unicodedata.normalize("NFD", token[:1])[:1]  # "Électriques" spells an E
        if not token[:1].isupper() or not token[:1].isalpha() or initial != need[-1] \
                or re.search(r"[,;:()]", w.group(0)):
            return None
        need.pop()
        if not need:
            return base + w.start(), base + words[-1].end()
    return None


def _cut_after_suffix(A: Analysis, ents: list[Ent], suffixes: set[str]) -> None:
    """"... Bank Ltd. Zambia will repay": a dotted company suffix that ends a sentence ends the name
    (another suffix or a particle may follow it: "Co. Ltd", "S.A. de C.V.")."""
    for ent in ents:
        words = ent.name.split(" ")
        cut = next((i for i, w in enumerate(words[:-1]) if w.endswith(".") and w in suffixes
                    and words[i + 1] not in suffixes and words[i + 1].rstrip(".") not in suffixes
                    and not words[i + 1][0].islower()), None)
        if cut is None:
            continue
        name = " ".join(words[:cut + 1])
        ent.name = name
        ent.forms = [f for f in ent.forms if not f.startswith(name + " ")] + [name]
        ent.mentions = [(a, a + len(name), name) if t.startswith(name + " ") else (a, b, t)
                        for a, b, t in ent.mentions]


def _split_based(A: Analysis, ents: list[Ent]) -> list[Ent]:
    """"Abu Dhabi-based Sahra Energy" is Sahra Energy; "PT X and Hanoi-based Y JSC" is two companies."""
    out = []
    for ent in ents:
        pair = re.fullmatch(rf"(?P<a>.+?)\s+and\s+(?P<pre>{BASED})(?P<b>[A-Z].*)", ent.name)
        lead = re.match(BASED + r"(?=[A-Z])", ent.name)
        if pair:
            first = Ent("organization", pair["a"], forms=[pair["a"]])
            second = Ent("organization", pair["b"], forms=[pair["b"]], acronym=ent.acronym)
            for a, b, _ in ent.mentions:
                if A.text[a:b] == ent.name:
                    first.mentions.append((a, a + len(pair["a"]), pair["a"]))
                    second.mentions.append((b - len(pair["b"]), b, pair["b"]))
            out += [x for x in (first, second) if x.mentions]
            continue
        if lead:
            cut = lead.end()
            ent.name = ent.name[cut:]
            ent.forms = [f[cut:] if f.startswith(lead.group(0)) else f for f in ent.forms] or [ent.name]
            ent.mentions = [(a + cut, b, t[cut:]) if A.text[a:a + cut] == lead.group(0) else (a, b, t)
                            for a, b, t in ent.mentions]
        out.append(ent)
    return out


def _join_pair_front(A: Analysis, ents: list[Ent]) -> None:
    """"Morocco–Brazil Joint Trade Committee": a name that starts with the second of two places
    joined by a dash starts with the first (the tokenizer splits at an en dash)."""
    for ent in ents:
        first = ent.name.split()[0]
        for i, (a, b, surface) in enumerate(ent.mentions):
            lo = max(0, a - 40)
            m = re.search(r"(?<![\w\-–])([A-Z][\w’'\-]+)\s?[–—]\s?$", A.text[lo:a])
            if not m or surface.split()[0] != first:
                continue
            start = lo + m.start(1)
            front, second = _place_at(A, start, start + len(m.group(1))), _place_at(A, a, a + len(first))
            if front and second and front.place.type == "country" and second.place.type == "country":
                joined = A.text[start:b]
                if surface == ent.name:
                    ent.name = joined
                ent.forms = [joined if f == surface else f for f in ent.forms]
                ent.mentions[i] = (start, b, joined)


ADMIN_AREA = r"(?:province|region|state|county|district|governorate|oblast|prefecture|department)"


def _not_an_org(A: Analysis, ent: Ent) -> bool:
    """A title, a minister's portfolio, a state's form of government, a company's own board, or a
    currency written with a symbol ("Ch$")."""
    if ent.name in STATE_FORMS or TITLE_START.match(ent.name) or INTERNAL_BODY.match(ent.name) \
            or re.search(r"[$€£¥₹₩₮]", ent.name):
        return True
    if INSTITUTION_HEAD.match(ent.name) or not ent.mentions:
        return False
    if " " not in ent.name and re.search(rf"(?<![\w-]){re.escape(ent.name)}\s+{ADMIN_AREA}\b", A.text):
        return True  # "Enga's landowners" of a story on "Enga province": the province, no body
    # "Minister of Commerce, Industry and Investment Promotion": the portfolio of a title
    return all(PORTFOLIO_BEFORE.search(A.text, max(0, a - 80), a) for a, _, _ in ent.mentions)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-–]+", name) if w and w[0].isupper())


def _merge_org_forms(A: Analysis, ents: list[Ent]) -> None:
    """One organization written several ways: "AA" in a dateline and "Anadolu Agency" in the text;
    "Kuwait Fund" for the "Kuwait Fund for Arab Economic Development"; "PLK" inside "PKP PLK"."""
    for ent in list(ents):
        others = [o for o in ents if o is not ent]
        target = None
        if is_acronym(ent.name) and not ent.acronym or ent.acronym == ent.name and len(ent.forms) <= 1:
            target = next((o for o in others if not o.acronym and " " in o.name
                           and _initials(o.name) == ent.name), None)
            if target:
                target.acronym = ent.name
        if target is None and " " in ent.name and not ent.acronym:
            target = next((o for o in others if re.match(rf"{re.escape(ent.name)}\s+(?:for|of|on)\s+[A-Z]", o.name)), None)
            if target:
                target.forms.append(ent.name)
        if target is None and not ent.acronym and not is_acronym(ent.name):
            # "Kessler" for "Kessler Antriebstechnik", "Ventos do Sertão" for "Ventos do Sertão
            # Energia": the front of a longer name in the same article is its short form.
            longer = [o for o in others if o.name.startswith(ent.name + " ")
                      and re.fullmatch(r"(?:[A-Z][^\W\d_]*\.?\s?){1,2}", o.name[len(ent.name) + 1:])]
            if len(longer) == 1:
                target = longer[0]
                target.forms.append(ent.name)
        if target is None and " " in ent.name and not ent.acronym and not is_acronym(ent.name):
            # "the Intergovernmental Commission" for the "Azerbaijan-Türkiye Intergovernmental Commission
            # on Economic Cooperation": a later, shorter form inside the one longer name that holds it
            # (not its front: "Ministry of Foreign Affairs" may be another country's ministry)
            inside = [o for o in others if o.name != ent.name and any(
                m.start() > 0 and not re.search(r"\b[a-z]+\s$", o.name[:m.start()])  # (not "Board of X")
                for m in re.finditer(rf"(?<![\w-]){re.escape(ent.name)}(?![\w-])", o.name))]
            if len(inside) == 1:
                target = inside[0]
                target.forms.append(ent.name)
        if target is None:
            spans = [(a, b) for o in others for a, b, _ in o.mentions]
            if ent.mentions and all(any(a <= x and y <= b and (a, b) != (x, y) for a, b in spans)
                                    for x, y, _ in ent.mentions):
                target = next(o for o in others for a, b, _ in o.mentions
                              if a <= ent.mentions[0][0] and ent.mentions[0][1] <= b)
        if target:
            target.mentions.extend(m for m in ent.mentions if m not in target.mentions)
            ents.remove(ent)


# Short forms of documents and terms, never organizations.
DOCUMENT_ACRONYMS = frozenset({"MoU", "MOU", "MoUs", "MOUs", "MoA", "MOA", "PPA", "EPC", "FDI", "GDP", "PPP",
                               "SEZ", "FTA", "CEPA", "BIT"})
NON_ORG_TAIL = re.compile(r"(?:Agreement|Treaty|Pact|Partnership Agreement|Protocol|Convention|Accord|Initiative|"
                          r"Memorandum of Understanding|Memorandum|Roadmap|Road Map|Declaration|Communiqué|"
                          r"Corridor|Route|Railway|Highway|Line|Link|Project|Programme|Program|Plan|Strategy|Zone|"
                          r"Park|Port|Pipeline|Forum|Summit|Conference|Expo|Festival|Fund Agreement)"
                          r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)?\s*$")


def _title_follows(A: Analysis, after: str) -> bool:
    """A title head among the next capitalized words ("... and Tourism Minister")."""
    for n, w in enumerate(re.findall(r"[\w&-]+", after)[:5]):
        if w in ("and", "&"):
            continue
        if not w[:1].isupper():
            return False
        if w.lower() in A.lex.title_heads:
            return n > 0 or True
    return False


def _non_org_acronyms(A: Analysis) -> set[str]:
    """Acronyms that the text defines for agreements, projects and events ("... Agreement (USMCA)")."""
    out = set(DOCUMENT_ACRONYMS)
    for m in ACRONYM_PAREN.finditer(A.text):
        before = A.text[max(0, m.start() - 90):m.start()]
        if NON_ORG_TAIL.search(before) and is_acronym(m.group(1)):
            out.add(m.group(1))
        # "memorandum of understanding (MoU)", "engineering, procurement and construction (EPC)":
        # an acronym of lower-case words is a common noun, not a name.
        capitals = [c for c in m.group(1) if c.isupper()]
        tail = re.findall(r"[\w-]+", before)[-len(capitals):]
        if capitals and tail and all(w[:1].islower() for w in tail) and tail[-1][0] == capitals[-1].lower():
            out.add(m.group(1))
    for s, e in A.project_spans:
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z]{1,9})\s*[,)]", A.text[e:e + 16])
        if m:
            out.add(m.group(1))
    return out


def _short_name_of(short: str, before: str) -> bool:
    """A one-word short name in brackets built from the letters of the name before it
    ("African Export-Import Bank (Afreximbank)")."""
    if not re.fullmatch(r"[A-Z][a-z]+[A-Za-z]*", short) or len(short) < 4:
        return False
    letters = re.sub(r"[^a-z]", "", before.lower())[-60:]
    it = iter(letters)
    low = short.lower()
    return all(c in it for c in low) and before.rstrip().split()[-1:] != [] and \
        any(w[:1].lower() == low[0] for w in before.split()[-6:])


def _match_org(ents: list[Ent], name: str, acr: str | None, entry: OrgEntry | None) -> Ent | None:
    for ent in ents:
        if entry and ent.lex_key == entry.name:
            return ent
        if _fold(name) in {_fold(f) for f in ent.forms} or (ent.acronym and name == ent.acronym):
            return ent
        if acr and ent.acronym == acr:
            return ent
    return None


def _org_display(ent: Ent) -> str:
    """The fullest form written (an acronym-only org keeps its acronym)."""
    forms = [f for f in ent.forms if f]
    if not forms:
        return ent.name
    # Prefer the form first written that is not an alias built from a nationality prefix.
    first = forms[0]
    longer = [f for f in forms if f.endswith(first) is False and f.startswith(first + " ")
              and not is_acronym(f.split()[-1])]
    if is_acronym(first) and len(forms) > 1:
        full = [f for f in forms if not is_acronym(f)]
        if full:
            ent.acronym = ent.acronym or first
            return full[0]
    if longer and any(w in ("News", "Agency") for w in longer[0].split()):
        return longer[0]
    return first


# ---------------------------------------------------------------- locations

def find_places(A: Analysis) -> None:
    """Countries (also through adjectives), cities, regions and other places."""
    lex, text, kw = A.lex, A.text, A.lex.kw
    cands: list[tuple[int, int, str, Place, bool]] = []  # start, end, surface, place, adjective
    ner_geo = [(e.start_char, e.end_char, e.label_) for e in A.doc.ents if e.label_ in ("GPE", "LOC", "FAC")]

    def ner_at(s, e):
        return any(a <= s and e <= b for a, b, _ in ner_geo)

    longer_geo = []
    for a, b, label in ner_geo:
        sub = text[a:b]
        if sub.lower().startswith("the "):
            a, sub = a + 4, sub[4:]
        if label != "FAC" and len(sub.split()) == 2 and all(is_title_case(t) for t in sub.split()) \
                and not any(t in kw["org_heads"] or t in _non_name(A) or t in kw["water_words"] for t in sub.split()) \
                and sub.split()[-1] not in kw["project_heads_cap"]:
            longer_geo.append((a, b))
    dl = A.dateline
    in_dl = (lambda a, b: dl.start <= a and b <= dl.end) if dl else (lambda a, b: False)
    for h in A.hits:
        if not h.place or in_ranges(h.start, h.end, A.noise) and not in_dl(h.start, h.end) \
                or A.is_claimed(h.start, h.end, ("person",)):
            continue
        if h.place.type == "city" and any(a <= h.start and h.end <= b and (a, b) != (h.start, h.end)
                                          for a, b in longer_geo):
            continue  # "Porto Murtinho", "Port Klang": the longer name the NER saw
        if h.place.adjective and re.search(r"Trans-?$", text[max(0, h.start - 6):h.start]):
            continue
        if h.place.adjective and re.match(r"-(?:speaking|language|speakers?)\b", text[h.end:h.end + 12]):
            continue  # "the Spanish-speaking country": a language, not Spain
        if h.place.key == "Caspian Sea" and h.surface == "Caspian" and re.search(r"Trans-?$", text[max(0, h.start - 6):h.start]):
            continue
        if h.place.type == "city" and h.surface in lex.ambiguous and not ner_at(h.start, h.end):
            continue
        if h.place.type == "country" and re.match(r"\s?(?:dollars?|\$|cents?)\b", text[h.end:h.end + 9]):
            continue  # "US dollars": a currency
        if h.place.type in ("other", "region") and h.surface != h.place.key and h.place.key.startswith(h.surface + " "):
            cands.append((h.start, h.end, h.surface, h.place, True))  # "Caspian" for the Caspian Sea
            continue
        cands.append((h.start, h.end, h.surface, h.place, h.place.adjective))

    # The dateline's place ("ISLAMABAD", "KUWAIT", "Hanoi") and country ("MANILA, Philippines").
    if dl:
        for part in (dl.place, dl.country):
            if not part or any(c[0] <= part[0] < c[1] for c in cands):
                continue
            ps, pe, name = part
            form = name.title() if name.isupper() else name
            known = lex.places.get(form) or lex.places.get(name) or lex.towns.get(form) or lex.towns.get(name)
            cands.append((ps, pe, name, known or Place(form, "city", None), bool(known and known.adjective)))
    # "<Name> region", "<Name> Oblast", "Lake X", "X Sea".
    region_words = "|".join(re.escape(w) for w in kw["region_words"] if w not in ("Republic", "valley", "Valley"))
    for m in re.finditer(rf"\b((?:[A-Z][\w'’\-]+\s(?:(?:do|de|del|da|dos)\s)?){{1,3}})({region_words})\b", text):
        name_part = m.group(1).strip()
        start, owner = m.start(), None
        pm = re.match(r"([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)[’']s\s+(?=[A-Z])", name_part)
        # ("Papua New Guinea's Enga province": the country's name may begin before the match)
        lead = re.findall(r"[A-Z][\w\-]+\s", text[max(0, m.start() - 30):m.start()]) if pm else []
        owners = [pm.group(1)] + ["".join(lead[-k:]) + pm.group(1) for k in (1, 2) if len(lead) >= k] if pm else []
        country = next((lex.places[o] for o in owners if lex.places.get(o) and lex.places[o].type == "country"),
                       None)
        if pm and country:
            # "Argentina's Mendoza province": Mendoza province, in Argentina
            owner, start = country.country, m.start() + pm.end()
            name_part = name_part[pm.end():]
        first_word = name_part.split()[0]
        if first_word in ("The", "This", "That", "Each", "Every", "Our") or name_part in lex.places and \
                lex.places[name_part].type == "country" or re.search(r"[’']s?$", name_part):
            continue  # "Brazil's state development bank": a possessive, not a region's name
        if any(t.lower() in lex.title_words or t in kw["org_heads"] for t in name_part.split()):
            continue
        if A.is_claimed(m.start(), m.end(), ("person", "org")):
            continue
        full = m.group(0)
        if m.group(2) == "state" and re.match(r"[\s-]+(?:border|visit|budget|secretary|level|compan|enterprise|"
                                               r"program|media|televis|news|agenc|owned|official|leader|capital|"
                                               r"bod|institution|structure|property|support|fund)", text[m.end():m.end() + 14]):
            continue  # "state border", "state visit"
        if all((_place_at(A, start + x.start(), start + x.end()) or Hit(0, 0, "", Place("", "city", None))).place.type
               == "country" for x in re.finditer(r"[^\s-]+", name_part)):
            continue  # "Kazakh-Uzbek state"
        if owner:
            full = text[start:m.end()]
        cands.append((start, m.end(), full, Place(full, "region", owner), False))
    # (no possessive inside: "Georgia's Black Sea" is Georgia and the Black Sea)
    for m in re.finditer(r"\b((?:[A-Z](?:[\w\-]|[’'](?!s\s))+\s){1,2})(Sea|Ocean|Lake|River|Strait|Gulf|Bay|Mountains|Desert)\b"
                         r"(?!\s+(?:Port|Terminal|Bridge|Tunnel|Pipeline|Cable|Zone|Park|Project|Hub|Route))", text):
        if not lex.places.get(m.group(0)) and not A.is_claimed(m.start(), m.end(), ("person", "org")):
            first_word = m.group(1).split()[0]
            if first_word not in ("The", "This"):
                cands.append((m.start(), m.end(), m.group(0), Place(m.group(0), "other", None), False))
    # "Lake Malawi", "Mount Kenya", "Cape Verde Basin": a landform named by a place.
    for m in re.finditer(r"\b(?:Lake|Mount|Mt\.)\s+[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?", text):
        if not A.is_claimed(m.start(), m.end(), ("person", "org", "project")) and not in_ranges(m.start(), m.end(), A.noise) \
                and not any(c[0] <= m.start() and m.end() <= c[1] for c in cands):
            cands = [c for c in cands if not (m.start() <= c[0] and c[1] <= m.end())]
            cands.append((m.start(), m.end(), m.group(0), lex.places.get(m.group(0)) or Place(m.group(0), "other", None),
                          False))
    # "Gulf of Mexico", "Isthmus of Tehuantepec", "Salar de Atacama".
    for m in re.finditer(r"\b(?:Gulf|Isthmus|Strait|Bay|Sea|Cape|Lake|Salar|Sierra|Lago|Laguna|Río|Rio|Isla|Mount|"
                         r"Peninsula|Valley|Basin|Delta)\s+(?:of|de|del|de la|do|da)\s+(?:the\s+)?"
                         r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?", text):
        if not A.is_claimed(m.start(), m.end(), ("person", "org", "project")) and not in_ranges(m.start(), m.end(), A.noise):
            typ = "region" if m.group(0).split()[0] in ("Isthmus", "Peninsula", "Valley", "Basin", "Delta") else "other"
            cands = [c for c in cands if not (m.start() <= c[0] and c[1] <= m.end() and c[3].type != "country")]
            known = lex.places.get(m.group(0))
            cands.append((m.start(), m.end(), m.group(0), known or Place(m.group(0), typ, None), False))
    # Places at both ends of a route: "from Meghri ... to Bavra", "between Sisian and Kajaran".
    for k, (ss, se) in enumerate(A.sents):
        sent = text[ss:se]
        if not re.search(r"\b(?:road|highway|railway|rail|line|corridor|section|route|border|bridge|km|pipeline|"
                         r"motorway|expressway|flights?|ferry|trains?)\b", sent):
            continue
        for m in re.finditer(r"\bbetween\s+([A-Z][\w'’\-]+)\s+and\s+([A-Z][\w'’\-]+)\b|"
                             r"\bfrom\s+([A-Z][\w'’\-]+)\b[^.;]{0,45}?\bto\s+([A-Z][\w'’\-]+)\b", sent):
            for g in (1, 2, 3, 4):
                if not m.group(g):
                    continue
                s0, e0 = ss + m.start(g), ss + m.end(g)
                t = m.group(g)
                if t in _non_name(A) or t.lower() in lex.title_words or A.is_claimed(s0, e0) \
                        or any(c[0] < e0 and s0 < c[1] for c in cands) or text[e0:e0 + 1] == "-" \
                        or re.match(r"\s+[A-Z]", text[e0:e0 + 2]) or t in kw["months"] or t in kw["weekdays"]:
                    continue
                A.extra_places.append((s0, e0, t))
    # "the village of Shortandy", "Astana city".
    for m in re.finditer(r"\b(?:(?:village|town|city|settlement|capital|station|port)\s+of|port\s+(?:in|at))\s+([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)", text):
        s, e = m.start(1), m.end(1)
        if not A.is_claimed(s, e, ("person", "org")) and not any(c[0] <= s < c[1] for c in cands):
            town = lex.towns.get(m.group(1))
            cands.append((s, e, m.group(1), town or Place(m.group(1), "city", None), False))
    # "the northern state of Nuevo Leon", "the coastal region of Adjara": a region by name.
    for m in re.finditer(r"\b(?:state|region|province|governorate|county|district|department|prefecture|"
                         r"oblast|emirate|municipality)\s+of\s+([A-Z][\w'’\-]+(?:\s(?:de\s|del\s|do\s)?"
                         r"[A-Z][\w'’\-]+){0,2})", text):
        s, e, name = m.start(1), m.end(1), m.group(1)
        if A.is_claimed(s, e, ("person", "org")) or any(c[0] < e and s < c[1] for c in cands) \
                or any(t in kw["org_heads"] or t.lower() in lex.title_words or t in kw["months"]
                       for t in name.split()) or (lex.places.get(name) and lex.places[name].type == "country"):
            continue
        cands.append((s, e, name, Place(name, "region", subdivision_country(name)), False))
    # A gazetteer town after a place preposition: "the line to Nanyuki", "a plant near Suceava".
    for m in re.finditer(r"\b(?:in|to|from|near|via|outside|around)\s+([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)"
                         r"(?![\w'’\-])(?!\s+[A-Z])", text):
        s, e, name = m.start(1), m.end(1), m.group(1)
        town = lex.towns.get(name)
        if town is None or len(name) < 4 or name in kw["months"] or name in kw["weekdays"] \
                or name in _non_name(A) or A.is_claimed(s, e) or any(c[0] < e and s < c[1] for c in cands) \
                or in_ranges(s, e, A.noise):
            continue
        cands.append((s, e, name, town, False))
    # A state or province after a place preposition: "Sinop, in Mato Grosso", "plants in Gujarat".
    for m in re.finditer(r"\b(?:in|to|from|near|across|throughout)\s+((?:[A-Z][\w'’\-]+)(?:\s(?:do|de|del|da)?\s?"
                         r"[A-Z][\w'’\-]+){0,2})(?![\w'’\-])(?!\s+[A-Z])", text):
        s, e, name = m.start(1), m.end(1), m.group(1)
        code = subdivision_country(name)
        if code is None or len(name) < 4 or lex.places.get(name) or name in _non_name(A) \
                or name in kw["months"] or A.is_claimed(s, e, ("person", "org", "project")) \
                or any(c[0] < e and s < c[1] for c in cands) or in_ranges(s, e, A.noise):
            continue
        cands.append((s, e, name, Place(name, "region", code), False))
    # A state or province of two or more words anywhere ("Água Clara, Mato Grosso do Sul"): its
    # name alone says what it is. The longest run of capitalized words that is one, from its start.
    for m in REGION_RUN.finditer(text):
        toks = m.group(0).split(" ")
        for k in range(len(toks), 1, -1):
            name = " ".join(toks[:k])
            if toks[k - 1] in NAME_JOINERS:
                continue
            s, e = m.start(), m.start() + len(name)
            code = subdivision_country(name)
            if code is None:
                continue
            inside = [c for c in cands if c[0] < e and s < c[1]]
            if not (lex.places.get(name) or A.is_claimed(s, e, ("person", "org", "project"))
                    or any(not (s <= c[0] and c[1] <= e and c[3].type == "city") for c in inside)
                    or in_ranges(s, e, A.noise)):
                # "Rio Grande do Sul" is the state, not the town "Rio Grande" inside its name
                cands[:] = [c for c in cands if c not in inside]
                cands.append((s, e, name, Place(name, "region", code), False))
            break
    # Places named in project names and route pairs (handed over by the project finder).
    for s, e, name in list(dict.fromkeys(A.project_places + A.extra_places)):
        if not any(c[0] <= s < c[1] for c in cands) and not A.is_claimed(s, e, ("person", "org")):
            town = lex.towns.get(name)
            cands.append((s, e, name, town or Place(name, "city", None), False))
    # NER places the lexicons do not know.
    for s, e, label in ner_geo:
        sub = text[s:e]
        while sub.lower().startswith("the "):
            sub, s = sub[4:], s + 4
        if sub.endswith(("’s", "'s")):
            sub, e = sub[:-2], e - 2
        poss = re.match(r"(.+?)[’']s\s+(.+)$", sub)
        if poss and lex.places.get(poss.group(1)):
            sub, s = poss.group(2), s + poss.start(2)  # "Georgia's Black Sea ports": the sea
        if not sub or any(c[0] < e and s < c[1] for c in cands) or A.is_claimed(s, e) \
                or in_ranges(s, e, A.noise) or any(a < e and s < b for a, b in A.project_spans):
            continue
        toks = re.split(r"[\s]+", sub)
        if any(c.isdigit() for c in sub):
            continue  # "QR16.1bn": an amount
        if not all(is_title_case(t) or t in ("of", "and", "de", "al") for t in toks) or len(toks) > 4:
            continue
        if any(t in _non_name(A) or t.lower() in lex.title_words or t in kw["org_heads"] for t in toks):
            continue
        if re.search(r"[-–—]", sub) and len(toks) > 1:
            continue
        if label == "FAC" or toks[-1] in kw["building_words"]:
            continue  # "Central Tower": a building
        if re.match(r"\s[-–—]\s?[A-Z]", text[e:e + 4]) or re.search(r"[A-Z][\w-]*\s?[-–—]\s$", text[max(0, s - 30):s]):
            continue  # one end of a named pair ("Tokmok – Avtodorozhny"), not a place by itself
        town = lex.towns.get(sub)
        if town:
            cands.append((s, e, sub, town, False))
        elif label == "GPE" and len(toks) <= 2:
            cands.append((s, e, sub, Place(sub, "city", None), False))
        elif label == "LOC" and len(toks) <= 3:
            cands.append((s, e, sub, Place(sub, "other", None), False))

    # A place inside a longer place name ("Akmola" in "Akmola Region") is that name.
    cands = [c for c in cands if c[4] or not any(
        o is not c and o[0] <= c[0] and c[1] <= o[1] and (o[1] - o[0]) > (c[1] - c[0]) and not o[4] for o in cands)]
    # Home country: the dateline's, else the one written most.
    counts = Counter(c[3].country for c in cands if c[3].type == "country")
    if dl:
        for s, e, sur, p, adj in cands:
            if dl.start <= s < dl.end and p.country:
                A.home = p.country
                break
    if not A.home and counts:
        A.home = counts.most_common(1)[0][0]

    ents: dict[str, Ent] = {}
    for s, e, surface, p, adj in sorted(cands, key=lambda c: (c[0], c[1], c[2])):
        key = f"{p.type}:{p.country}:{p.key}" if p.type == "country" else f"{p.type}:{_fold(p.key)}"
        ent = ents.get(key)
        written = surface.title() if surface.isupper() and len(surface) > 3 else surface
        if written.startswith("the "):
            written = written[4:]
        if ent is None:
            country = p.country if p.type != "region" or p.country else None
            if p.type in ("city",) and not country:
                country = A.home
            if p.type == "region" and not p.country and p.key not in lex.places:
                country = A.home
            ent = Ent("location", p.key, forms=[], type=p.type, country=country)
            ents[key] = ent
        if not adj and written not in ent.forms:
            ent.forms.append(written)
        ent.mentions.append((s, e, surface))
    for ent in ents.values():
        if ent.forms:
            # The standalone name written first; for regions "X region" beats "X".
            ent.name = ent.forms[0]
        else:
            ent.name = A.lex.country_names.get(ent.country, ent.name) if ent.type == "country" else ent.name
        if ent.type == "region" and re.search(r"\s(region|Region|oblast|Oblast|province|Province|state|State|"
                                              r"district|District|county|County|governorate|Governorate)$", ent.name):
            bare = re.sub(r"\s+\S+$", "", ent.name)
            if bare not in ent.forms:
                ent.forms.append(bare)
        for a, b, _ in ent.mentions:
            A.claimed.append((a, b, "location"))
    # A macro-region written only inside organization names ("Development Bank of Southern Africa").
    for key in [k for k, v in ents.items() if v.type == "region" and v.country is None]:
        if all(A.is_claimed(a, b, ("org",)) for a, b, _ in ents[key].mentions):
            del ents[key]
    # A region "X region" and a bare "X" elsewhere are one place.
    vals = list(ents.values())
    for r in [v for v in vals if v.type == "region"]:
        for v in vals:
            if v is not r and v.type != "country" and v.name in r.forms and v in vals:
                r.mentions.extend(v.mentions)
                vals.remove(v)
    A.places = vals


# ---------------------------------------------------------------- assembly

_SUBDIVISIONS: dict[str, str] = {}


def _plain(name: str) -> str:
    """Case and accents folded ("Nuevo León" and "Nuevo Leon" are one name)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


def _in_region_name(text: str, s: int, e: int) -> bool:
    """The span is part of a state's or province's name of two or more words ("Sul" in "Mato
    Grosso do Sul's Secretary"), which the tagger may have cut in pieces."""
    for m in REGION_RUN.finditer(text, max(0, s - 40), min(len(text), e + 40)):
        if m.start() <= s and e <= m.end():
            toks = m.group(0).split(" ")
            for i in range(len(toks)):
                for k in range(len(toks), i + 1, -1):
                    a = m.start() + len(" ".join(toks[:i])) + (1 if i else 0)
                    b = a + len(" ".join(toks[i:k]))
                    if a <= s and e <= b and toks[k - 1] not in NAME_JOINERS and subdivision_country(text[a:b]):
                        return True
    return False


NAME_JOINERS = ("do", "de", "del", "da", "dos")
REGION_RUN = re.compile(r"(?<![\w'’\-])[A-Z][\w\-]+(?:\s(?:(?:do|de|del|da|dos)\s)?[A-Z][\w\-]+){1,3}")


def subdivision_country(name: str) -> str | None:
    """ISO alpha-3 of the country whose first-level subdivision has this name (ISO 3166-2), if one."""
    if not _SUBDIVISIONS:
        import pycountry

        seen: dict[str, set[str]] = {}
        for sub in pycountry.subdivisions:
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is not None and sub.parent_code is None:
                seen.setdefault(_plain(sub.name), set()).add(country.alpha_3)
        _SUBDIVISIONS.update({k: next(iter(v)) for k, v in seen.items() if len(v) == 1})
        _SUBDIVISIONS.setdefault("", "")
    return _SUBDIVISIONS.get(_plain(name)) or None


def analyze(doc: Doc, article: Article) -> Analysis:
    """Tokens, sentences, lexicon hits and noise ranges of one article."""
    lex = get_lexicon()
    text = article.text
    noise = noise_ranges(text)
    dl = find_dateline(text, lambda p: any(x in lex.places or x in lex.towns for x in (p, p.title())))
    if dl:
        noise.append((dl.start, dl.end))  # no name is taken from a dateline but its place and agency
    return Analysis(article=article, doc=doc, text=text, words=words_of(doc), sents=sentence_bounds(doc),
                    noise=noise, hits=scan_lexicon(doc, lex), lex=lex, dateline=dl)


def person_country(A: Analysis, e: Ent) -> str | None:
    """A person's country: from the text around the name, else the article's home for a state office."""
    if e.country is None and e.title and e.lex_key is not None:
        low = e.title.lower().split()
        if low and low[0] in STATE_OFFICES | {"first", "deputy", "acting", "federal", "union"} \
                and not e.lex_key.startswith("EMPLOYER"):
            return A.home
    return e.country


def _company_short_forms_of(A: Analysis, name: str) -> list[str]:
    """The distinctive words a company's full name starts with, longest first ("Vikrant Rail" and
    "Vikrant" of "Vikrant Rail Components Ltd", "Altoandina" of "Minera Altoandina S.A.A."), when
    the name marks it as a company."""
    kw = A.lex.kw
    generic = {*kw["org_heads"], *kw["weak_org_heads"], *kw["corporate_suffixes"], *kw["corporate_prefixes"]}
    words = name.split()
    if len(words) < 2 or not (any(w in kw["corporate_suffixes"] or w in kw["weak_org_heads"] for w in words[1:])
                              or words[0] in kw["corporate_prefixes"]):
        return []
    while words and words[0] in generic:
        words = words[1:]
    run = []
    for w in words:
        if w in generic or not is_cap(w) or w in ("of", "and", "&"):
            break
        run.append(w)
    out = []
    for k in range(len(run), 0, -1):
        short = " ".join(run[:k])
        if short == name or len(short) < 4 or short.isupper() or short in A.lex.places \
                or short in A.lex.towns or short in _non_name(A):
            continue
        # The short form of a company is no person's name in the same article.
        if any(short in f.split() for e in A.persons for f in (e.name, *e.forms)):
            continue
        out.append(short)
    return out


# A shorter form after a preposition may name something else ("orders from Vikrant Rail Mills").
OBJECT_PREP = re.compile(r"\b(?:to|with|from|for|by|of|in|on|at|into)\s+(?:the\s+)?$")


SENTENCE_OPENERS = {"The", "A", "An", "But", "And", "In", "At", "For", "By", "On", "From", "With", "When",
                    "While", "After", "Before", "As", "Its", "Both", "Meanwhile", "Also"}


def _company_short_forms(A: Analysis) -> None:
    """Later mentions of a company by its short form ("Hanbit will invest ...", "Hanbit's sales")."""
    text = A.text
    for ent in list(A.orgs):
        shorts = _company_short_forms_of(A, ent.name) if ent in A.orgs else []
        for short in shorts:
            # The short form found as an organization of its own is the company.
            for twin in [o for o in A.orgs if o is not ent and o.name == short]:
                ent.mentions.extend(m for m in twin.mentions if m not in ent.mentions)
                A.orgs.remove(twin)
            # A place only the tagger saw under that name is the company ("Hanbit will invest").
            for place in [p for p in A.places if short in (p.name, *p.forms)]:
                A.places.remove(place)
                spans = {(x, y) for x, y, _ in place.mentions}
                A.claimed = [c for c in A.claimed if (c[0], c[1]) not in spans or c[2] != "location"]
            for m in re.finditer(r"(?<![\w’'-])" + re.escape(short) + r"(?=(?:[’']s)?(?![\w-]))", text):
                a, b = m.start(), m.end()
                after = text[b:b + 30]
                before = re.search(r"([A-Z][\w’'-]*) $", text[max(0, a - 25):a])
                # Part of another name ("the Hanbit Ramadan Appliance Park", "Korea Hanbit"): not the
                # company alone.
                if A.is_claimed(a, b) or re.match(r"\s+[A-Z][a-z]", after) and not re.match(
                        r"\s+(?:[A-Z]\w*\s+)?(?:said|says)\b", after) \
                        or before and before.group(1) not in SENTENCE_OPENERS \
                        or short != shorts[0] and OBJECT_PREP.search(text, max(0, a - 12), a):
                    continue
                ent.mentions.append((a, b, short))
                A.claimed.append((a, b, "org"))
        ent.mentions.sort()


def build_records(A: Analysis) -> tuple[list[Person], list[Organization], list[Location], list[Mention]]:
    """Records and mentions from the assembled entities."""
    text, sents = A.text, A.sents
    _company_short_forms(A)
    persons, orgs, locs, mentions = [], [], [], []
    for e in A.persons:
        s0, e0, _ = e.mentions[0]
        country = person_country(A, e)
        aliases = [f for f in e.forms if f != e.name]
        persons.append(Person(e.name, e.title, country, aliases, len(e.mentions), make_span(text, s0, e0, sents)))
        mentions += [Mention(t, a, b, "person", e.name) for a, b, t in e.mentions]
    for e in A.orgs:
        s0, e0, _ = e.mentions[0]
        aliases = [f for f in e.forms if f != e.name and f != e.acronym]
        acr = e.acronym if e.acronym else (e.name if is_acronym(e.name) and " " not in e.name else None)
        orgs.append(Organization(e.name, acr, None, aliases, len(e.mentions), make_span(text, s0, e0, sents)))
        mentions += [Mention(t, a, b, "organization", e.name) for a, b, t in e.mentions]
    for e in A.places:
        e.mentions.sort()
        s0, e0, _ = e.mentions[0]
        aliases = [f for f in e.forms if f != e.name]
        locs.append(Location(e.name, e.type, e.country, aliases, len(e.mentions), make_span(text, s0, e0, sents)))
        mentions += [Mention(t, a, b, "location", e.name) for a, b, t in e.mentions]
    mentions.sort(key=lambda m: (m.start, m.end))
    return persons, orgs, locs, mentions
