"""Named infrastructure and development projects, typed."""
from __future__ import annotations

import re

from ..models import Project
from .entities import Analysis, _fold, _place_at
from .textutil import in_ranges, is_cap, is_title_case, make_span

CAPW = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*(?:-\d{1,4}(?![\d,.]))?"
# A number inside a name: "Tarbela 5th Extension", "Long An 1 LNG", "Baltic Hub 3 terminal".
NUMW = r"(?:\s(?!(?:19|20)\d\d\b)\d{1,3}(?:st|nd|rd|th)?(?![\d,.%]))?"
DASH = r"\s?[-–—]\s?"
# A proper part: capitalized words, possibly a dash chain of places ("Karagandy–Zhezkazgan").
PROPER = rf"(?:\d{{4}}\s)?{CAPW}(?:(?:\s|{DASH})(?:(?:of|for|and|the|de|del|do|da)\s)?{CAPW})*"
PROPER_N = rf"(?:\d{{4}}\s)?{CAPW}{NUMW}(?:(?:\s|{DASH})(?:(?:of|for|and|the|de|del|do|da)\s)?{CAPW}{NUMW})*"
ACR = r"(?:\s\([A-Z][A-Za-z]{1,9}\))?"


UNIT_WORD = re.compile(r"^(?:[kMGT]W[hp]?|kV|TEU|MTPA|MMBtu)$")
# "the Dushanbe Trade and Logistics Centre, a USD 48 million project": a name the text calls a project.
CALLED_PROJECT = re.compile(r",\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,5}?(?:project|programme|program|scheme|"
                            r"initiative|facility|plant|complex|terminal|corridor)\b")


class _NoPlace:
    class place:  # noqa: N801 - a stand-in hit whose place is no country
        type = None


_NOPLACE = _NoPlace()


def _type_of(name: str, kw: dict) -> str:
    low = name.lower()
    # Order matters: a "railway line" is a railway, an "optical line" digital.
    for typ in ("railway", "road", "digital", "water", "energy", "environment", "industrial"):
        for w in kw["project_types"][typ]:
            if re.search(rf"\b{re.escape(w)}\b", low):
                return typ
    return "other"


def _without_owner(A: Analysis, name: str, s: int) -> tuple[str, int]:
    """"Chile's Lucero Lithium Project": the owner place is no part of the name."""
    poss = re.match(r"([^\s’']+(?:\s[^\s’']+)?)[’']s\s+(?=[A-Z])", name)
    if poss and _place_at(A, s, s + len(poss.group(1))):
        return name[poss.end():], s + poss.end()
    return name, s


def find_projects(A: Analysis) -> list[Project]:
    """Projects with a proper name or a place-designation in front of an infrastructure noun."""
    lex, text, kw = A.lex, A.text, A.lex.kw
    mods = "|".join(re.escape(m) for m in sorted(kw["project_mods"], key=len, reverse=True))
    heads = "|".join(re.escape(h) for h in sorted(kw["project_heads"], key=len, reverse=True))
    cap_heads = "|".join(re.escape(h) for h in sorted(kw["project_heads_cap"], key=len, reverse=True))
    found: list[tuple[int, int, str, list[str]]] = []

    # 1. "<Proper> [modifiers] <head>": Almaty bypass road, Caspian underwater optical line.
    # A capacity may stand between the name and its head ("Suceava–Bălți 400 kV interconnection").
    capacity = r"\d[\d,.]*\s?(?:kV|MW|GW|MWp|kW)"
    # Other descriptive words are allowed when the tagger reads them as nouns or adjectives
    # ("Dong Nai feed mill", "Batu Kawan advanced packaging plant"); see _descriptive.
    pat1 = re.compile(rf"(?<![\w'’-])({PROPER_N})({ACR})((?:\s(?:{mods}|{capacity}|[a-z][a-z-]{{2,}})){{0,3}})"
                      rf"\s({heads})\b(?:\s(?:expansion|upgrade|extension|rehabilitation|modernization|"
                      rf"modernisation)\b)?(?!\s+[A-Z])")
    dl_end = A.dateline.end if A.dateline else -1
    for m in pat1.finditer(text):
        proper = m.group(1)
        s = m.start(1)
        if s < dl_end:  # no name runs across a dateline ("ADDIS ABABA — The ... railway")
            cut = dl_end - s
            if cut >= len(proper):
                continue
            proper, s = proper[cut:].lstrip(" —–-:."), s + cut
            s = m.start(1) + m.group(1).rfind(proper)
        if re.search(r"[A-Z][\w-]+\s(?:es|el|al|de|da|do|del|di)\s$", text[max(0, s - 20):s]):
            continue  # "Salaam port" of "Dar es Salaam port": the tail of a longer name
        if re.search(r"\d[\d,.]*\s*$", text[max(0, s - 12):s]) and (
                proper.split()[0].isupper() or UNIT_WORD.match(proper.split()[0])):
            cut = len(proper.split()[0]) + 1  # "250 MW Kpone Solar Park": a capacity, then the name
            proper, s = proper[cut:], s + cut
            if not proper:
                continue
        money = None
        for money in re.finditer(r"\S*\d\S*\s+(?:for|to|in|on)\s+", proper):
            pass
        if money:  # "Oman KD45m for Haima–Thumrait road" (a headline): the name starts after the amount
            proper, s = proper[money.end():], s + money.end()
            if not proper:
                continue
        if re.search(r"\b(?:a|an)\s+$", text[max(0, s - 4):s]) or re.match(r"\s+of\s+[A-Z]", text[m.end():m.end() + 5]):
            continue  # "a Red Sea port", "the Atlantic port of Lobito": a description, not a name
        # Trim a leading article/determiner or a sentence-initial word that is not a name.
        while True:
            first = proper.split()[0] if proper.split() else ""
            if first in ("The", "A", "An", "This", "That", "Its", "Their", "Our", "Under", "In", "On",
                         "With", "For", "From", "And", "Along", "Both", "Second", "First", "Second-track") \
                    or first == "New" and (s == 0 or text[s - 2:s].strip() in ("", ".") or "\n" in text[s - 2:s]):
                cut = len(first) + 1
                proper, s = proper[cut:], s + cut
                if not proper:
                    break
                continue
            break
        if not proper or proper.endswith(("’s", "'s")):
            continue
        proper, s = _without_owner(A, proper, s)
        head = m.group(4)
        if not _descriptive(A, m.start(3), m.end(3), kw):
            continue  # "Tashkent officials inspected the line": a clause, not a name
        if m.group(3).strip() == "" and head in ("line", "section", "link", "park", "zone", "hub", "farm",
                                                  "complex", "station", "plant", "cable", "route") \
                and not re.search(DASH, proper):
            # A bare "<Name> line" is only a project when a dash chain names its ends.
            if not (head in ("zone", "park") and re.search(r"Industrial|Economic|Free|Technology", proper)):
                continue
        parts = [p for p in re.split(rf"{DASH}|\s", proper) if p]
        places = [(_place_at(A, s + proper.find(p), s + proper.find(p) + len(p)), p) for p in parts]
        is_chain = bool(re.search(DASH, proper)) and len(parts) >= 2
        all_country = all(h and h[0] and h[0].place.type == "country" for h in places)
        if all_country and not is_chain:
            continue  # "Kazakh railway", "Chinese project"
        if len(parts) == 1 and not places[0][0] and not m.group(3).strip() and head in (
                "project", "programme", "program", "initiative", "plan", "route", "corridor"):
            continue  # "Tokayev project": a single unknown word is no designation
        if A.is_claimed(s, s + len(proper), ("person",)):
            continue
        if len(parts) == 1 and parts[0] in lex.kw["org_heads"]:
            continue
        if any(p in kw["months"] or p in kw["weekdays"] for p in parts):
            continue
        name = text[s:m.end()]
        als = []
        if m.group(2):  # "Baku-Tbilisi-Kars (BTK) railway": the acronym is an alias
            als.append(m.group(2).strip()[1:-1])
            name = text[s:m.start(2)] + text[m.end(2):m.end()]
            A.claimed.append((m.start(2) + 2, m.end(2) - 1, "project"))
        found.append((s, m.end(), name, als))
        if is_chain:
            _chain_places(A, s, proper)

    # Route pairs outside project names: "two sections, Dostyk - Aktogay and Moyinty - Balkhash".
    for m in re.finditer(rf"\b(?:sections?|stretch(?:es)?|segments?|routes?|between)\b[^.;]{{0,12}}?"
                         rf"((?:{CAPW}{DASH}{CAPW})(?:\s(?:and|,)\s(?:{CAPW}{DASH}{CAPW}))*)", text):
        for pair in re.split(r"\s(?:and|,)\s", m.group(1)):
            _chain_places(A, m.start(1) + m.group(1).find(pair), pair)

    # 2. Capitalized names ending in a project head: Trans-Caspian International Transport Route.
    pat2 = re.compile(rf"({PROPER_N}(?:\s\([A-Z][A-Za-z]{{1,9}}\))?\s(?:{cap_heads}))\b((?:\s(?:{CAPW}))*)")
    for m in pat2.finditer(text):
        name = m.group(1)
        s = m.start(1)
        if s < dl_end:
            if m.end(1) <= dl_end:
                continue
            name, s = text[dl_end:m.end(1)].lstrip(" —–-:."), m.end(1) - len(text[dl_end:m.end(1)].lstrip(" —–-:."))
        if re.search(r"\d[\d,.]*\s*$", text[max(0, s - 12):s]) and name.split()[0].isupper() and len(name.split()) > 2:
            cut = len(name.split()[0]) + 1  # "250 MW Kpone Solar Park"
            name, s = name[cut:], s + cut
        if re.match(r"\s*(?:\([A-Z]{2,8}\)\s*)?(?:consortium|company|operator|firm|group)\b", text[m.end(1):m.end(1) + 30]):
            continue  # "Lobito Atlantic Railway (LAR) consortium": the company, not the line
        # "Under the Tamale–Bolgatanga Highway Upgrade Project": a sentence's opening words are no name
        while len(name.split()) > 1 and name.split()[0] in LEADING_WORDS:
            cut = len(name.split()[0]) + 1
            name, s = name[cut:], s + cut
        name, s = _without_owner(A, name, s)
        words = name.split()
        last = words[-1]
        if len(words) < 2:
            continue
        if any(w in lex.kw["org_heads"] and w not in INDUSTRY_WORDS for w in words[:-1]):
            continue
        if any(w.lower() in lex.title_words for w in words[:-1]) and last == "Park":
            continue  # "Ambassador Park": a title and a surname, not a park
        if all((_place_at(A, s + name.find(w), s + name.find(w) + len(w)) or _NOPLACE).place.type == "country"
               for w in words[:-1]) and "-" not in name:
            continue  # "Georgian Railway": a national company, not a named project
        if all(w in GENERIC_WORDS for w in words[:-1]):
            continue  # "Thermal Power Plant No. 4": a kind of plant, no name
        if last == "Plan" and "Infrastructure" not in words and "Master" not in words:
            continue
        if last in ("Road",) and len(words) < 3:
            continue
        if last in ("Port", "Airport", "Station", "Line", "Park", "Hub", "Zone", "Link", "Network",
                    "Mission", "Program", "Programme", "Initiative", "Project", "Plant", "Complex", "Terminal") \
                and len(words) < 2:
            continue
        if all((_place_at(A, s + name.find(w), s + name.find(w) + len(w)) or 0) for w in words[:-1]):
            if last in ("Project", "Programme", "Program", "Initiative"):
                continue
        if A.is_claimed(s, s + len(name), ("person",)):
            continue
        end = s + len(name)
        aliases = []
        # "Interoceanic Corridor of the Isthmus of Tehuantepec (CIIT)": the "of" phrase belongs to the name
        # when the acronym after it covers it.
        ofm = re.match(rf"\s+of\s+(?:the\s+)?{CAPW}(?:\s(?:of\s+(?:the\s+)?)?{CAPW}){{0,4}}(?=\s*\(\s*[A-Z][A-Za-z]{{1,9}}\s*\))",
                       text[end:])
        if ofm and not m.group(2):
            aliases.append(text[s:end])
            end += ofm.end()
        # "International Industrial Cooperation Center Central Asia": a place after the head.
        tail = m.group(2)
        if tail:
            th = _place_at(A, m.start(2) + 1, m.end(2))
            if th and th.place.type == "region":
                end = m.end(2)
        found.append((s, end, text[s:end], aliases))
    # 2b. Coordinated names sharing a plural head: "the North Field South and North Field West projects".
    for m in re.finditer(rf"\b({PROPER})\s+and\s+(?:the\s+)?({PROPER})\s+(projects|programmes|programs|plants|"
                         rf"corridors|pipelines|highways|railways|ports|zones|parks|lines|fields)\b", text):
        for g in (1, 2):
            nm = m.group(g)
            st = m.start(g)
            while nm.split()[0] in ("The", "A", "An", "This", "Both"):
                cut = len(nm.split()[0]) + 1
                nm, st = nm[cut:], st + cut
            if len(nm.split()) >= 2 and not A.is_claimed(st, st + len(nm), ("person",)):
                found.append((st, st + len(nm), nm, []))
    # 3. Centers/zones for industrial cooperation named as projects ("launch of the ... Center").
    for m in re.finditer(rf"\b(?:launch|construction|creation|establishment|building|opening)\s+of\s+the\s+"
                         rf"({PROPER}\s(?:Center|Centre)(?:\s(?:{CAPW}))*)", text):
        if re.search(r"Industrial|Trade|Logistics|Innovation|Technology", m.group(1)):
            found.append((m.start(1), m.end(1), m.group(1), []))

    # 4. A capitalized name the text itself calls a project in an appositive.
    for m in re.finditer(rf"\b(?:the|The)\s+({PROPER})(?={CALLED_PROJECT.pattern})", text):
        name, st = m.group(1), m.start(1)
        if len(name.split()) >= 2 and not A.is_claimed(st, st + len(name), ("person",)) \
                and not all((_place_at(A, st + name.find(w), st + name.find(w) + len(w)) or _NOPLACE).place.type
                            == "country" for w in name.split()):
            found.append((st, st + len(name), name, []))
    # Keep the longest of overlapping candidates; drop the noise.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, list[str]]] = []
    for f in found:
        if in_ranges(f[0], f[1], A.noise):
            continue
        if any(k[0] <= f[0] and f[1] <= k[1] for k in kept):
            continue
        kept = [k for k in kept if not (f[0] <= k[0] and k[1] <= f[1])]
        kept.append(f)

    for s, e, name, _ in kept:
        _lead_places(A, s, name)

    # "... Route (TITR, or Middle Corridor)": acronym and other name as aliases.
    projects: list[dict] = []
    for s, e, name, aliases in kept:
        name = re.sub(r"\s+", " ", name)
        al = list(aliases)
        m = re.match(r"\s*\(\s*([A-ZÀ-ÖØ-Þ][^\W\d_]{1,9}(?:\s[A-ZÀ-ÖØ-Þ][^\W\d_]+){0,3})\s*(?:,\s*(?:or|also|aka)?\s*([^()]{2,60}?))?\)",
                     text[e:])
        if m:
            al.append(m.group(1))
            if m.group(2):
                al.append(m.group(2).strip())
            A.claimed.append((e + m.start(1), e + m.end(), "project"))
        # "2030 National Infrastructure Plan of Kazakhstan": the country tail as an alias form.
        m2 = re.match(r"\s+of\s+([A-Z][\w]+)", text[e:])
        if m2 and _place_at(A, e + m2.start(1), e + m2.end(1)):
            al.append(f"{name}{m2.group(0)}")
        key = _project_key(name)
        same = next((p for p in projects if p["key"] == key or _fold(name) in {_fold(x) for x in p["aliases"]}
                     or any(_fold(a) == _fold(p["name"]) for a in al) or _short_form(name, p["name"])), None)
        if same:
            same["aliases"] += [x for x in [name, *al] if x != same["name"] and x not in same["aliases"]]
            same["mentions"].append((s, e))
            continue
        projects.append({"name": name, "aliases": al, "key": key, "span": (s, e), "mentions": [(s, e)]})
    # Later mentions by alias ("along the TITR").
    for p in projects:
        for a in p["aliases"]:
            for m in re.finditer(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text):
                p["mentions"].append((m.start(), m.end()))
    out = []
    for p in projects:
        for s, e in p["mentions"]:
            A.claimed.append((s, e, "project"))
            A.project_spans.append((s, e))
        s, e = p["span"]
        out.append(Project(p["name"], _type_of(" ".join([p["name"], *p["aliases"]]), kw),
                           [a for a in dict.fromkeys(p["aliases"]) if a != p["name"]],
                           make_span(text, s, e, A.sents)))
    return out


# Org words that also say what a project is for ("Gardabani–Tbilisi Gas Pipeline Reinforcement Project")
INDUSTRY_WORDS = {"Development", "Energy", "Power", "Center", "Centre", "Assembly", "Logistics", "Oil", "Gas",
                  "Steel", "Cement", "Glass", "Mining", "Metals", "Chemicals", "Textiles", "Food", "Agro",
                  "Electric", "Shipping", "Network"}
# Words that say what kind of thing a project is, never which one.
GENERIC_WORDS = {"Thermal", "Power", "Solar", "Wind", "Hydro", "Hydroelectric", "Hydropower", "Nuclear", "Coal",
                 "Gas", "Combined", "Cycle", "Heat", "Heating", "Industrial", "Free", "Economic", "Special",
                 "Water", "Treatment", "Desalination", "Container", "Cargo", "Railway", "Rail", "Road", "Steel",
                 "Cement", "Fertilizer", "Fertiliser", "Logistics", "Technology", "Science", "Oil", "Energy"}
LEADING_WORDS = {"The", "A", "An", "This", "the", "Under", "With", "Through", "Via", "For", "From", "Along",
                 "After", "During", "In", "On", "At", "By"}
CHAIN_SKIP = {"Trans", "Pan", "Inter", "Sub", "Euro", "Afro", "Indo", "Sino", "Ultra", "Mega", "Neo", "Non", "Anti",
              "Pre", "Post", "Cross", "Intra", "Extra", "North", "South", "East", "West", "Central", "Northern",
              "Southern", "Eastern", "Western", "Middle", "Upper", "Lower", "Greater", "Old", "New"}
PLACE_HEADS = {"Port", "Seaport", "Megaport", "Airport", "port", "seaport", "airport"}


def _lead_places(A: Analysis, s: int, name: str) -> None:
    """The place a project is named after ("Tarbela 5th Extension Hydropower Project", "Rogun Hydropower
    Plant", "Patimban Port"): a known town, a word the text also uses on its own, or the name of a port."""
    lex, kw, text = A.lex, A.lex.kw, A.text
    words = name.split()
    if re.search(DASH, words[0]) or len(words) < 2:
        parts = [x for x in re.split(DASH, words[0]) if x]
        if len(words) >= 2 and len(parts) >= 2 and not any(x in CHAIN_SKIP or len(x) < 3 for x in parts):
            _chain_places(A, s, words[0])
        return
    k = 1 if words[0] == "New" else 0
    generic = set(kw["project_heads_cap"]) | set(kw["org_heads"]) | set(kw["non_name_words"])
    lead = []
    for w in words[k:k + 2]:
        if w in generic or w.lower() in kw["project_mods"] or w.lower() in lex.title_words or not is_title_case(w) \
                or any(c.isdigit() for c in w) or w.lower() in kw["project_heads"]:
            break
        lead.append(w)
    if not lead:
        return
    nxt = words[k + len(lead)] if k + len(lead) < len(words) else ""
    cand = " ".join(lead)
    ps = s + name.find(cand)
    if _place_at(A, ps, ps + len(cand)) or A.is_claimed(ps, ps + len(cand), ("person",)):
        return
    standalone = [m for m in re.finditer(rf"(?<![\w-]){re.escape(cand)}(?![\w-])", text)
                  if not (s <= m.start() < s + len(name)) and not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2])
                  and not re.match(rf"(?:\s+(?:{'|'.join(map(re.escape, kw['project_mods']))})){{0,3}}\s+"
                                   rf"(?:{'|'.join(map(re.escape, kw['project_heads']))})\b", text[m.end():m.end() + 60])]
    if cand in lex.towns or standalone or nxt in PLACE_HEADS and len(lead) <= 2:
        A.project_places.append((ps, ps + len(cand), cand))


COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                     "Northeast", "Northwest", "Southeast", "Southwest", "Central", "Middle"})


def _descriptive(A: Analysis, start: int, end: int, kw: dict) -> bool:
    """Whether the words between a project's name and its head only describe it: known modifiers,
    capacities, or words the tagger reads as nouns or adjectives."""
    known = set(kw["project_mods"])
    for m in re.finditer(r"[a-z][a-z-]{2,}", A.text[start:end]):
        if m.group(0) in known:
            continue
        span = A.doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")
        # participles describe too ("frozen", "processing"); finite verbs and determiners do not
        if span is None or any(t.pos_ not in ("NOUN", "ADJ", "PROPN") and t.tag_ not in ("VBN", "VBG")
                               for t in span):
            return False
    return True


def _chain_places(A: Analysis, s: int, chain: str) -> None:
    """The ends of a place chain ("Karagandy–Zhezkazgan") as places, when each is one word."""
    parts = re.split(DASH, chain)
    if len(parts) < 2 or any(" " in p.strip() or not is_cap(p.strip()) for p in parts):
        return
    pos = s
    for p in parts:
        p = p.strip()
        ps = A.text.find(p, pos)
        pos = ps + len(p)
        if p in A.lex.kw["non_name_words"] or p in COMPASS or _place_at(A, ps, ps + len(p)):
            continue  # "North–South Road Corridor": directions, not places
        A.project_places.append((ps, ps + len(p), p))


def _short_form(short: str, full: str) -> bool:
    """"Puna Azul project" for the "Puna Azul lithium project": the proper part with a generic head."""
    m = re.match(r"^(.+?)\s+(?:project|programme|program|scheme|initiative)$", short, re.IGNORECASE)
    return bool(m) and full.startswith(m.group(1) + " ") and full != short and \
        not re.match(r"^\s*(?:project|programme|program)$", full[len(m.group(1)):], re.IGNORECASE)


def _project_key(name: str) -> str:
    """Same project under another head word: the place chain before the head ("Dostyk-Moyinty")."""
    m = re.match(rf"^({CAPW}(?:{DASH}{CAPW})+)\s", name)
    if m:
        return "chain:" + re.sub(r"\s*[-–—]\s*", "-", m.group(1)).lower()
    return "name:" + _fold(name)
