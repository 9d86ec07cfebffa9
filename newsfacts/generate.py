"""Synthetic news articles with exact gold facts (ANNOTATION.md), for benchmarks and scale tests."""
from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "lexicon" / "generator"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"]
FOLD_WORDS = {2: "twofold", 3: "threefold", 4: "fourfold", 5: "fivefold"}
QUALIFIER_WORDS = {
    "over": ["more than", "over", "at least", "more than"],
    "about": ["about", "around", "nearly", "almost", "close to", "roughly"],
    "under": ["less than", "under", "below"],
}
LISTS = ("persons", "organizations", "locations", "meetings", "figures", "projects")
COLORED = frozenset({"trade", "invest", "bank", "project", "target", "forum"})
SCALES = [(Decimal(10) ** 12, " trillion", "tn", " trln"), (Decimal(10) ** 9, " billion", "bn", " bln"),
          (Decimal(10) ** 6, " million", "m", " mln")]
PROJECT_KIND = {"road": "road", "railway": "rail", "energy": "energy", "water": "water",
                "industrial": "industrial", "digital": "digital", "environment": "environmental",
                "other": "infrastructure"}
# Money of each metric as a share of the article's trade volume, so amounts in one story fit together.
MONEY_SHARE = {"trade_turnover": (0.85, 1.15), "exports": (0.3, 0.75), "imports": (0.25, 0.7),
               "investment": (0.05, 1.5), "project_value": (0.03, 0.8), "growth": (0.02, 0.25),
               "other": (0.05, 1.0), "share": (0.1, 0.5), "project_count": (0.1, 0.5)}

SLOT = re.compile(r"\{([A-Za-z0-9_.]+)\}")
# One template token: a wording choice [a|b], a direction {d1:up|down}, or a slot {A.adj}.
TOKEN = re.compile(r"\[([^\[\]]*)\]|\{(d\d+):([^{}|]*)\|([^{}]*)\}|\{([A-Za-z0-9_.]+)\}")
CHOOSE, DIRECT, FILL = 0, 1, 2


def compile_template(text: str) -> list:
    """A template as literals and tokens, parsed once so that rendering needs no regex."""
    parts: list = []
    pos = 0
    for m in TOKEN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        if m.group(1) is not None:
            parts.append((CHOOSE, [compile_template(o) for o in m.group(1).split("|")]))
        elif m.group(2):
            parts.append((DIRECT, m.group(2), m.group(3), m.group(4)))
        else:
            parts.append((FILL, m.group(5)))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def _compile_all(node: Any) -> None:
    """Attach the parsed form ("_c") to every sentence template in the templates tree."""
    if isinstance(node, dict):
        if isinstance(node.get("t"), str):
            node["_c"] = compile_template(node["t"])
        for v in node.values():
            _compile_all(v)
    elif isinstance(node, list):
        for v in node:
            _compile_all(v)


@dataclass
class GenerateResult:
    """What generate() wrote: article count, words and gold fact counts per list."""

    out: Path
    articles: int = 0
    words: int = 0
    persons: int = 0
    organizations: int = 0
    locations: int = 0
    meetings: int = 0
    figures: int = 0
    projects: int = 0
    seconds: float = 0.0

    @property
    def avg_words(self) -> float:
        """Mean words per article."""
        return self.words / self.articles if self.articles else 0.0

    @property
    def rate(self) -> float:
        """Articles written per second."""
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Lexicon:
    """The generator's data files, loaded once."""

    countries: dict[str, dict]
    hosts: list[str]  # countries with enough cities to host a story
    cities: dict[str, list[dict]]
    places: dict[str, dict]
    regions: list[dict]
    currencies: dict[str, dict]
    orgs: dict[str, list[dict]]
    agencies: list[dict]
    ministries: list[dict]
    people: dict[str, dict[str, list[dict]]]
    officials: dict[str, list[dict]]
    projects: dict[str, list[dict]]
    proper_projects: list[dict]
    templates: dict[str, Any]


def _read_csv(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _read_json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and index the data files under lexicon/generator/."""
    countries = {r["iso3"]: r for r in _read_csv("countries.csv")}
    cities: dict[str, list[dict]] = {}
    places = {}
    for r in _read_csv("cities.csv"):
        cities.setdefault(r["country"], []).append(r)
        places[r["name"]] = r
    orgs: dict[str, list[dict]] = {}
    odata = _read_json("organizations.json")
    for o in odata["orgs"]:
        orgs.setdefault(o["kind"], []).append(o)
    people: dict[str, dict[str, list[dict]]] = {}
    officials: dict[str, list[dict]] = {}
    for p in _read_json("people.json")["people"]:
        if p.get("org"):
            officials.setdefault(p["org"], []).append(p)
        else:
            people.setdefault(p["country"], {}).setdefault(p["level"], []).append(p)
    projects: dict[str, list[dict]] = {}
    proper = []
    for p in _read_json("projects.json")["projects"]:
        (projects.setdefault(p["country"], []) if p["places"] else proper).append(p)
    templates = _read_json("templates.json")
    _compile_all(templates)
    hosts = sorted(iso for iso, cs in cities.items()
                   if sum(c["type"] == "city" for c in cs) >= 3 and iso in people and projects.get(iso))
    return Lexicon(countries=countries, hosts=hosts, cities=cities, places=places,
                   regions=_read_csv("regions.csv"),
                   currencies={k: v for k, v in _read_json("currencies.json").items() if not k.startswith("_")},
                   orgs=orgs, agencies=odata["agencies"], ministries=odata["ministries"], people=people,
                   officials=officials, projects=projects, proper_projects=proper,
                   templates=templates)


def _int_text(n: int) -> str:
    return f"{n:,}"


def _plain(d: Decimal) -> int | float:
    """A Decimal as a JSON number: int when whole."""
    return int(d) if d == d.to_integral_value() else float(d)


def _mantissa(rng: random.Random, x: float) -> str:
    """x rounded to a newsroom precision and written out ("1.2", "418.6", "45")."""
    if x < 10:
        digits = rng.choice((1, 1, 2))
    elif x < 100:
        digits = rng.choice((0, 1))
    else:
        digits = rng.choice((0, 0, 1))
    text = f"{x:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    return _int_text(int(whole)) + (f".{frac}" if frac else "")


def _has_word(text: str, word: str) -> bool:
    """Whether word stands in text as a whole word ("Georgia" not inside "Georgian")."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


class _Story:
    """One article being written: its text pieces and the gold facts they state."""

    def __init__(self, lex: Lexicon, rng: random.Random, published: date, name: str):
        self.lex, self.rng, self.pub, self.name = lex, rng, published, name
        self.tpl = lex.templates
        self.persons: dict[str, dict] = {}
        self.orgs: dict[str, dict] = {}
        self.locs: dict[str, dict] = {}
        self.loc_forms: dict[str, set[str]] = {}
        self.meetings: list[dict] = []
        self.figures: list[dict] = []
        self.projects: dict[str, dict] = {}
        self.groups: set[str] = set()
        self.used: set[int] = set()
        self.said: dict[str, str] = {}  # role -> name already introduced
        self.memo: dict[str, str] = {}  # article-level choices that must not change between sentences
        self.mdate: date | None = None
        self.mcity: str | None = None
        self.ev_city: str | None = None
        self.headline_fig: dict | None = None
        self.in_lede = False
        self._cast()

    # ---- choosing the cast -------------------------------------------------------------
    def _cast(self) -> None:
        lex, rng = self.lex, self.rng
        a = rng.choice(lex.hosts)
        b = rng.choice([i for i in lex.hosts if i != a] + [i for i in lex.cities if i != a and i not in lex.hosts])
        c = rng.choice([i for i in lex.countries if i not in (a, b)])
        self.roles = {"A": a, "B": b, "C": c}
        level = rng.choice(("head", "deputy", "minister", "minister"))
        taken: set[str] = set()
        self.people = {}
        for role, iso, lvl in (("P1", a, level), ("P2", b, level), ("P3", a, "minister")):
            pool = [p for p in lex.people[iso].get(lvl, []) if p["short"] not in taken]
            pool = pool or [p for ps in lex.people[iso].values() for p in ps if p["short"] not in taken]
            self.people[role] = rng.choice(pool)
            taken.add(self.people[role]["short"])
        home = lex.countries[a]["region"]

        def fits(o: dict) -> bool:  # regional bodies and lenders only where they work
            return "scope" not in o or home in o["scope"].split(";")
        self.org_pick = {
            "ORG": rng.choice([o for o in lex.orgs["lender"] if fits(o)]),
            "BODY": rng.choice([o for o in lex.orgs["body"] if fits(o)]),
            "CO": rng.choice([o for o in lex.orgs["company"] if o.get("country") in (None, a, b)]),
            "AG": rng.choice(lex.orgs["news"]),
        }
        for role, org in (("PO", self.org_pick["ORG"]), ("PC", self.org_pick["CO"])):
            pool = [p for p in lex.officials.get(org["name"], []) if p["short"] not in taken]
            self.people[role] = rng.choice(pool) if pool else None
            if pool:
                taken.add(self.people[role]["short"])
        mins = rng.sample(lex.ministries, 2)
        self.org_pick["MIN"] = {**mins[0], "owner": "A"}
        self.org_pick["MINB"] = {**mins[1], "owner": "B"}
        self.org_pick["STAT"] = {**rng.choice(lex.agencies), "owner": "A"}
        own = lex.projects[a]
        self.project_pick = {"PRJ": rng.choice(own)}
        rest = [p for p in own if p is not self.project_pick["PRJ"]] + lex.proper_projects
        self.project_pick["PRJ2"] = rng.choice(rest)
        self.dash = "-" if rng.random() < 0.3 else "–"  # some outlets write plain hyphens in names
        self.base_usd = 10 ** rng.uniform(7.9, 10.6)
        cur = lex.countries[a]["currency"]
        self.currency = rng.choices(["USD", cur, "EUR"], weights=(55, 30, 15))[0]
        self.ordinal = rng.choice(self.tpl["phrases"]["ORDINALS"])

    # ---- entities ----------------------------------------------------------------------
    def location(self, name: str, type_: str, country: str | None, form: str | None = None) -> None:
        if name not in self.locs:
            self.locs[name] = {"name": name, "type": type_, "country": country}
            self.loc_forms[name] = set()
        self.loc_forms[name].add(form or name)

    def country(self, iso: str, form: str = "name") -> str:
        """A country's name, adjective or possessive in running text; registers the mention."""
        c = self.lex.countries[iso]
        name = c["name"]
        if form == "adj":
            self.location(name, "country", iso, c["adjective"])
            return c["adjective"]
        self.location(name, "country", iso, name)
        text = f"the {name}" if c["the"] else name
        if form == "poss":
            return text + ("'" if name.endswith("s") else "'s")
        return text

    def place(self, name: str) -> str:
        p = self.lex.places[name]
        self.location(name, p["type"], p["country"])
        return name

    def city_of(self, iso: str, key: str) -> str:
        """A city of the country, the same one for the same key within the article."""
        memo = f"{iso}.{key}"
        if memo not in self.memo:
            cs = self.lex.cities.get(iso) or self.lex.cities[self.roles["A"]]
            towns = [c["name"] for c in cs if c["type"] == "city"]
            caps = [c["name"] for c in cs if c["capital"] == "1"] or towns
            if key == "cap":
                pick = caps[0]
            elif key == "region":
                pick = self.rng.choice([c["name"] for c in cs if c["type"] == "region"] or towns)
            else:
                others = [t for t in towns if t not in self.memo.values()] or towns
                pick = self.rng.choice(others)
            self.memo[memo] = pick
        return self.place(self.memo[memo])

    def org(self, role: str, form: str = "name") -> str:
        """An organization as running text: full intro at first mention, then short form or ref."""
        o = self.org_pick[role]
        if role in ("MIN", "MINB", "STAT"):
            return self._national_org(role, o, form)
        first = role not in self.said
        if first:
            acr = o.get("acronym")
            style = self.rng.random()
            if acr and acr.isupper() and len(acr) <= 6 and style < 0.15:
                gold, text = {"name": acr, "acronym": acr}, acr
            elif acr and style < 0.7:
                gold, text = {"name": o["name"], "acronym": acr}, f"{o['name']} ({acr})"
            else:
                gold, text = {"name": o["name"], "acronym": None}, o["name"]
            self.orgs[gold["name"]] = gold
            self.said[role] = gold["name"]
            if gold["name"] != acr:  # a bare acronym does not name the country inside the full name
                for iso, f in o.get("places", []):
                    self.location(self.lex.countries[iso]["name"], "country", iso, f)
            article = o.get("the") and text != o.get("acronym")
            return f"the {text}" if article and form != "bare" else text
        gold = self.orgs[self.said[role]]
        if form == "ref" and self.rng.random() < 0.7:
            return o["ref"]
        if gold["acronym"]:
            return gold["acronym"]
        return f"the {gold['name']}" if o.get("the") and form != "bare" else gold["name"]

    def _national_org(self, role: str, o: dict, form: str) -> str:
        iso = self.roles[o["owner"]]
        if role not in self.said:
            if o.get("named"):
                cname = self.lex.countries[iso]["name"]
                name = o["name"].replace("{country}", cname)
                self.location(cname, "country", iso, cname)
                gold, text = {"name": name, "acronym": None}, f"the {name}"
            else:
                name, acr = o["name"], o.get("acronym")
                style = self.rng.choice(("adj", "poss", "the"))
                lead = {"adj": self.country(iso, "adj"), "poss": self.country(iso, "poss"), "the": ""}[style]
                lead = lead.removeprefix("the ")
                full = f"{name} ({acr})" if acr and self.rng.random() < 0.6 else name
                gold = {"name": name, "acronym": acr if full != name else None}
                if lead:
                    gold["aliases"] = [f"{lead} {name}"]
                text = f"{lead} {full}".strip()
                text = text if style == "poss" else f"the {text}"
            self.orgs[gold["name"]] = gold
            self.said[role] = gold["name"]
            return text
        gold = self.orgs[self.said[role]]
        if form == "ref" or self.rng.random() < 0.5:
            return o.get("ref") or "the ministry"
        return gold["acronym"] or f"the {gold['name']}"

    def commission(self) -> str:
        if "COM" not in self.said:
            pattern = self.memo.setdefault("COM", self.rng.choice(self.tpl["phrases"]["COMMISSIONS"]))
            name = self._fill_countries(pattern)
            self.orgs[name] = {"name": name, "acronym": None}
            self.said["COM"] = name
        return self.said["COM"]

    def _fill_countries(self, pattern: str) -> str:
        """A pattern's {A}/{B}/{A.adj} filled in bare form, as inside a proper name."""
        def fill(m: re.Match) -> str:
            role, _, attr = m.group(1).partition(".")
            if role == "CITY":
                return self.mcity_name()
            iso = self.roles[role]
            text = self.country(iso, "adj" if attr == "adj" else "name")
            return text[4:] if text.startswith("the ") else text
        return SLOT.sub(fill, pattern)

    def mcity_name(self) -> str:
        if self.mcity is None:
            host = self.roles["A"] if self.rng.random() < 0.65 else self.roles["B"]
            self.mcity = self.city_of(host, "cap" if self.rng.random() < 0.6 else "city")
        return self.place(self.mcity)

    def event(self) -> str:
        if "EV" not in self.memo:
            pattern = self.rng.choice(self.tpl["phrases"]["EVENTS"])
            if "{CITY}" in pattern:
                self.ev_city = self.mcity_name()
            self.memo["EV"] = self._fill_countries(pattern)
        else:
            self._fill_countries(self.memo["EV"])  # no-op fill keeps mentions registered
        return self.memo["EV"]

    def session(self) -> str:
        word = self.memo.setdefault("SESSION_WORD", self.rng.choice(("session", "meeting")))
        return f"{self.ordinal} {word} of the {self.commission()}"

    def person(self, role: str, form: str = "name") -> str:
        p = self.people[role]
        if role in self.said:
            if form == "ref":
                return self._person_ref(p)
            return p["short"]
        self.said[role] = p["name"]
        self.persons[p["name"]] = {"name": p["name"], "title": p["title"], "country": p["country"]}
        title, rng = p["title"], self.rng
        if p["level"] == "org":
            honor = "Dr " if rng.random() < 0.25 else ""
            if "ORG" in self.said and rng.random() < 0.6:
                return f"{self.org('ORG', 'bare')} {title} {honor}{p['name']}"
            return f"{title} of {self.org('ORG')} {honor}{p['name']}"
        if p["level"] == "company":
            return f"{self.org('CO', 'bare')} {title} {p['name']}"
        style = rng.random()
        if style < 0.4:
            return f"{self.country(p['country'], 'adj')} {title} {p['name']}"
        if style < 0.8 or " of " in title:
            return f"{self.country(p['country'], 'poss')} {title} {p['name']}"
        return f"{title} of {self.country(p['country'])} {p['name']}"

    @staticmethod
    def _person_ref(p: dict) -> str:
        t = p["title"].lower()
        for key, ref in (("deputy prime", "the deputy prime minister"), ("prime minister", "the prime minister"),
                         ("president", "the president"), ("secretary", "the secretary"), ("minister", "the minister")):
            if key in t:
                return ref
        return "the official"

    def project(self, role: str, form: str = "name") -> str:
        p = self.project_pick[role]
        if form == "kind":
            return PROJECT_KIND[p["type"]]
        name = p["name"].replace("–", self.dash)
        for place in p["places"]:
            self.place(place)
        if name not in self.projects:
            gold = {"name": name, "type": p["type"]}
            self.projects[name] = gold
            if p.get("acronym") and self.rng.random() < 0.6:
                gold["aliases"] = [p["acronym"]]
                return f"{name} ({p['acronym']})"
        return name

    # ---- dates, periods, figures -------------------------------------------------------
    def meeting_date(self) -> str:
        if "MDATE" in self.memo:
            return self.memo["MDATE"]
        rng, pub = self.rng, self.pub
        kind = rng.choices(("weekday", "monthday", "range", "yesterday", "today", "week", "none"),
                           weights=(38, 22, 5, 10, 5, 10, 10))[0]
        text, when = "", None
        if kind == "weekday":
            when = pub - timedelta(days=rng.randrange(7))
            text = f"on {WEEKDAYS[when.weekday()]}"
        elif kind == "monthday":
            when = pub - timedelta(days=rng.randrange(21))
            text = f"on {MONTHS[when.month - 1]} {when.day}"
        elif kind == "range":
            when = pub - timedelta(days=rng.randrange(1, 21))
            end = when + timedelta(days=1)
            text = (f"on {MONTHS[when.month - 1]} {when.day}-{end.day}" if end.month == when.month
                    else f"on {MONTHS[when.month - 1]} {when.day}")
        elif kind == "yesterday":
            when, text = pub - timedelta(days=1), "yesterday"
        elif kind == "today":
            when, text = pub, "today"
        elif kind == "week":
            text = "earlier this week"
        self.mdate = when
        self.memo["MDATE"] = text
        return text

    def period(self, kind: str) -> tuple[str, str | None]:
        """A period phrase and its gold code, resolved against the publication date."""
        rng, y, m = self.rng, self.pub.year, self.pub.month
        if kind == "since":
            start = rng.randint(1992, y - 3)
            return f"since {start}", f"{start}/"
        if kind == "target":
            end = rng.randint(y + 1, y + 10)
            return f"by {end}", str(end)  # templates write "{p1}" where the goal's year goes
        if kind == "past":
            kind = rng.choices(("year", "months", "month", "half", "fiscal"), weights=(50, 25, 10, 8, 7))[0]
            if kind == "fiscal" and self.lex.countries[self.roles["A"]]["currency"] not in ("INR", "PKR", "BDT", "NPR"):
                kind = "year"
        if kind == "year":
            if rng.random() < 0.35:
                return "last year", str(y - 1)
            yr = y - 1 if rng.random() < 0.8 else y - 2
            return f"in {yr}", str(yr)
        if kind == "half":
            return f"in the first half of {y - 1}", f"{y - 1}-01/{y - 1}-06"
        if kind == "fiscal":
            start = y - rng.choice((1, 2))
            return f"in {start}-{(start + 1) % 100:02d}", f"{start}/{start + 1}"
        if kind == "month":
            if m == 1:
                mon = rng.randint(1, 12)
                return f"in {MONTHS[mon - 1]} {y - 1}", f"{y - 1}-{mon:02d}"
            mon = rng.randint(1, m - 1)
            return f"in {MONTHS[mon - 1]}", f"{y}-{mon:02d}"
        # months: January to a month already over
        yr, last = (y, rng.randint(2, m - 1)) if m >= 3 else (y - 1, rng.randint(3, 11))
        code = f"{yr}-01/{yr}-{last:02d}"
        suffix = f" {yr}" if yr != y else ""
        style = rng.random()
        if last == 3 and style < 0.5:
            return f"in the first quarter{suffix or ' of this year'}", code
        if last == 6 and style < 0.5:
            return f"in the first half of {yr if suffix else 'the year'}", code
        if style < 0.25 and last <= 12:
            return f"in the first {NUMBER_WORDS[last] if last <= 12 else last} months of {yr if suffix else 'the year'}", code
        dash = rng.choice(("-", "–"))
        return f"in January{dash}{MONTHS[last - 1]}{suffix}", code

    def figure(self, spec: str, local: dict) -> str:
        parts = spec.split()
        metric, kind, subj, cp, qual, per = parts[:6]
        sign = parts[6] if len(parts) > 6 else "+"
        rng = self.rng
        if qual == "any":
            qual = rng.choices(("-", "over", "about", "under"), weights=(60, 18, 18, 4))[0]
        word = None
        if qual in ("over", "about", "under"):
            word = rng.choice(QUALIFIER_WORDS[qual])
        elif qual == "target~":
            qual = "target"
            if rng.random() < 0.35:
                word = rng.choice(QUALIFIER_WORDS["about"])
        period = local[per][1] if per in local else None
        value, unit, number, money = self._number(metric, kind, cp == "-", qual == "target", period)
        if sign != "+" and local.get(sign, 1) < 0:
            value = -value
        text = f"{word} {number}" if word else number
        fig = {"metric": metric, "value": _plain(value), "unit": unit,
               "period": period,
               "subject": subj, "counterpart": cp, "qualifier": None if qual == "-" else qual, "text": text}
        self.figures.append(fig)
        if money and self.headline_fig is None and self.in_lede:
            self.headline_fig = {"fig": fig, "money": money, "word": word}
        return text

    def _number(self, metric: str, kind: str, standalone: bool, goal: bool = False,
                period: str | None = None) -> tuple[Decimal, str, str, dict | None]:
        rng = self.rng
        if kind in ("money", "usd", "local", "eur"):
            code = {"money": self.currency, "usd": "USD", "eur": "EUR",
                    "local": self.lex.countries[self.roles["A"]]["currency"]}[kind]
            lo, hi = MONEY_SHARE.get(metric, (0.05, 1.0))
            usd = self.base_usd * rng.uniform(lo, hi) * (rng.uniform(3, 8) if metric == "exports" and standalone else 1)
            # Goals lie above today's level; part-year totals are a part of the year's.
            if goal:
                usd *= rng.uniform(1.3, 3)
            elif period and len(period) == 7:
                usd /= 12
            elif period and "-" in period and "/" in period:
                usd *= int(period[-2:]) / 12
            return self._money(code, max(usd, 2e6) * self.lex.currencies[code]["rate"])
        if kind == "pct":
            x = rng.uniform(1.5, 45) if metric == "growth" else rng.uniform(5, 85)
            n = _mantissa(rng, x) if x < 100 else str(round(x))
            suffix = rng.choice((" per cent", " percent", "%", " percent", "%"))
            return _dec(n), "percent", n + suffix, None
        if kind == "times":
            if rng.random() < 0.15:
                k = rng.randint(2, 5)
                return Decimal(k), "times", rng.choice((f"{NUMBER_WORDS[k]} times", FOLD_WORDS[k])), None
            n = f"{rng.uniform(1.1, 4.8):.1f}"
            return _dec(n), "times", n + rng.choice((" times", " times", "-fold")), None
        if kind in ("words", "count"):
            k = rng.randint(3, 30) if kind == "words" else rng.randint(3, 60)
            text = NUMBER_WORDS[k] if k <= 12 and rng.random() < 0.5 else str(k)
            return Decimal(k), "count", text, None
        if kind == "bigcount":
            k = rng.choice((10, 50, 100)) * rng.randint(2, 90)
            return Decimal(k), "count", _int_text(k), None
        if kind == "jobs":
            k = rng.choice((100, 500, 1000)) * rng.randint(2, 250)
            return Decimal(k), "count", _int_text(k), None
        if kind == "people":
            return self._large(10 ** rng.uniform(4, 8.4), "people", ("",))
        if kind == "tonnes":
            return self._large(10 ** rng.uniform(4.3, 7.8), "tonnes", (" tonnes", " tons", " metric tons"),
                               (" tonnes", " tons", " mln tons", " million tonnes"))
        if kind == "km":
            k = rng.randint(15, 900)
            return Decimal(k), "km", _int_text(k) + rng.choice((" km", " km", " kilometres", " kilometers")), None
        if kind == "power":
            if rng.random() < 0.7:
                k = rng.choice((5, 10, 20)) * rng.randint(2, 150)
                return Decimal(k), "MW", _int_text(k) + rng.choice((" MW", " MW", " megawatts")), None
            n = f"{rng.uniform(1.1, 8):.1f}".replace(".0", "")
            return _dec(n), "GW", n + rng.choice((" GW", " gigawatts")), None
        if kind == "TEU":
            return self._large(10 ** rng.uniform(4.7, 7), "TEU", (" TEU",), (" TEU",))
        if kind == "hectares":
            k = rng.choice((10, 100)) * rng.randint(5, 3000)
            return Decimal(k), "hectares", _int_text(k) + " hectares", None
        raise ValueError(f"unknown figure kind {kind!r}")

    def _large(self, x: float, unit: str, small: tuple[str, ...],
               big: tuple[str, ...] | None = None) -> tuple[Decimal, str, str, None]:
        rng = self.rng
        if x >= 1e6:
            n = _mantissa(rng, x / 1e6)
            suffix = rng.choice(big) if big else ""
            scale = "" if "mln" in suffix or "million" in suffix else " million"
            return _dec(n) * 10 ** 6, unit, f"{n}{scale}{suffix}", None
        k = int(round(x, -3 if x >= 1e5 else -2))
        return Decimal(k), unit, _int_text(k) + self.rng.choice(small), None

    def _money(self, code: str, amount: float) -> tuple[Decimal, str, str, dict]:
        rng = self.rng
        cur = self.lex.currencies[code]
        fmt = rng.choice(cur["formats"])
        if cur.get("indian"):
            if "lakh crore" in fmt or amount >= 1e12:
                if amount < 1e12:
                    fmt = rng.choice([f for f in cur["formats"] if "lakh" not in f])
                else:
                    fmt = fmt if "lakh crore" in fmt else fmt.replace("crore", "lakh crore")
            unit = Decimal(10) ** (12 if "lakh crore" in fmt else 7)
            n = _mantissa(rng, amount / float(unit))
            return _dec(n) * unit, code, fmt.format(n=n), {"code": code, "n": n, "scale": None}
        for scale, word, short, agency in SCALES:
            if amount >= float(scale):
                n = _mantissa(rng, amount / float(scale))
                text = fmt.format(n=n, s=word, S=short, R=agency)
                return _dec(n) * scale, code, text, {"code": code, "n": n, "scale": (word, short)}
        k = int(round(amount, -3))
        text = fmt.format(n=_int_text(k), s="", S="", R="")
        return Decimal(k), code, text, {"code": code, "n": _int_text(k), "scale": None}

    # ---- sentences ---------------------------------------------------------------------
    def slot(self, key: str) -> str:
        base, _, attr = key.partition(".")
        if base in ("A", "B", "C"):
            iso = self.roles[base]
            if attr in ("", "adj", "poss"):
                return self.country(iso, attr or "name")
            return self.city_of(iso, attr)
        if base in ("P1", "P2", "P3", "PO", "PC"):
            if self.people.get(base) is None:  # an organization without officials on file
                return self.org("ORG" if base == "PO" else "CO")
            return self.person(base, {"s": "short", "ref": "ref"}.get(attr, "name"))
        if base in ("ORG", "BODY", "CO", "AG", "MIN", "MINB", "STAT"):
            return self.org(base, {"s": "short", "ref": "ref"}.get(attr, "name"))
        if base in ("PRJ", "PRJ2"):
            return self.project(base, attr or "name")
        if base == "COM":
            return self.commission()
        if base == "SESSION":
            return self.session()
        if base == "EV":
            return self.event()
        if base == "MCITY":
            return self.mcity_name()
        if base == "MDATE":
            return self.meeting_date()
        if base == "RDATE":
            return self.rng.choice(("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
                                    "this week", "", ""))
        y = self.pub.year
        if base == "FY":
            return str(self.rng.randint(y + 1, y + 6))
        if base == "YPAST":
            return str(self.rng.randint(y - 5, y - 1))
        if base == "YDIPLO":
            return str(self.rng.randint(1991, 1999))
        if base == "REGION":
            if "REGION" not in self.memo:
                home = self.lex.countries[self.roles["A"]]["region"]
                self.memo["REGION"] = self.rng.choice(
                    [r["name"] for r in self.lex.regions if home in r["covers"].split(";")])
            name = self.memo["REGION"]
            bare = name[4:] if name.startswith("the ") else name
            self.location(bare, "region", None)
            return name
        return self.rng.choice(self.tpl["phrases"][base])

    def sentence(self, tpl: dict) -> str:
        rng = self.rng
        local: dict[str, Any] = {k: self.period(v) for k, v in tpl.get("p", {}).items()}
        figs = tpl.get("f", {})
        out: list[str] = []

        def render(parts: list) -> None:
            for part in parts:
                if part.__class__ is str:
                    out.append(part)
                elif part[0] == FILL:
                    key = part[1]
                    if key in figs:
                        out.append(self.figure(figs[key], local))
                    elif key in local:
                        out.append(local[key][0])
                    else:
                        out.append(self.slot(key))
                elif part[0] == CHOOSE:
                    render(rng.choice(part[1]))
                else:  # a direction comes before the figures it signs
                    up = rng.random() < 0.75
                    local[part[1]] = 1 if up else -1
                    out.append(part[2] if up else part[3])
        render(tpl["_c"])
        text = "".join(out)
        if "  " in text or " ," in text or " ." in text:  # an empty optional slot ("" report date)
            text = re.sub(r" {2,}", " ", text).replace(" ,", ",").replace(" .", ".")
        text = text.strip()
        if "m" in tpl:
            self._meeting(tpl["m"])
        if tpl.get("g"):
            self.groups.add(tpl["g"])
        return text[0].upper() + text[1:]

    def _meeting(self, spec: dict) -> None:
        names = [self.said[r] if r in self.said else self.people[r]["name"] for r in spec["with"]
                 if self.people.get(r)]
        if len(names) < 2:
            return
        event = {"EV": self.memo.get("EV"), "SESSION": self.session() if spec.get("event") == "SESSION" else None}
        loc = None
        if spec.get("loc") == "MCITY":
            loc = self.mcity
        elif spec.get("loc") == "EV":
            loc = self.ev_city
        self.meetings.append({"participants": names, "date": self.mdate.isoformat() if spec.get("date") and self.mdate else None,
                              "event": event.get(spec.get("event")), "location": loc})

    def paragraph(self, kind: str) -> str | None:
        rng = self.rng
        paras = self.tpl["paragraphs"]
        pool = list(paras[kind])
        if kind == "project":
            pool += paras["project_type"][self.project_pick["PRJ"]["type"]]
        fresh = [t for t in pool if id(t) not in self.used and t.get("g") not in self.groups]
        if not fresh:
            return None
        rng.shuffle(fresh)
        want = {"closing": 1, "secondary": 1, "people": 1, "forum": 2}.get(kind, rng.choice((2, 2, 3)))
        out = []
        for t in fresh:
            if len(out) == want:
                break
            if t.get("g") in self.groups:
                continue
            self.used.add(id(t))
            out.append(self.sentence(t))
        if kind in COLORED and rng.random() < 0.6:
            # A sentence without facts, as real reports mix colour in with the numbers.
            spare = [t for t in paras["color"] if id(t) not in self.used]
            if spare:
                t = rng.choice(spare)
                self.used.add(id(t))
                out.insert(rng.randint(1, len(out)), self.sentence(t))
        return " ".join(out)

    def dateline(self) -> str:
        rng = self.rng
        style = rng.choice(self.tpl["datelines"] + ["", ""])
        if not style:
            return ""
        city = self.mcity if self.mcity and rng.random() < 0.5 else self.city_of(self.roles["A"], "cap")
        self.place(city)
        mon = rng.choice((MONTHS, MONTH_ABBR))[self.pub.month - 1]
        out = style.replace("{CITY}", city.upper()).replace("{City}", city).replace("{MON}", mon)
        out = out.replace("{DAY}", str(self.pub.day))
        if "{COUNTRY}" in out:
            out = out.replace("{COUNTRY}", self.country(self.lex.places[city]["country"]).removeprefix("the "))
        if "{AG}" in out:
            out = out.replace("{AG}", self.org("AG", "bare"))
        return out

    def headline(self, theme: str) -> str:
        options = self.tpl["headlines"][theme]
        if self.headline_fig is None:
            options = [o for o in options if "{H}" not in o] or ["{A} and {B} discuss {TOPIC}"]
        text = self.rng.choice(options)
        if "{H}" in text:
            h = self.headline_fig
            money = h["money"]
            short = money["n"]
            if money["scale"] and money["code"] in ("USD", "EUR", "GBP"):
                sym = {"USD": "$", "EUR": "€", "GBP": "£"}[money["code"]]
                short = f"{sym}{money['n']}{money['scale'][1]}"
            else:
                short = h["fig"]["text"].removeprefix(f"{h['word']} ") if h["word"] else h["fig"]["text"]
            h["fig"]["text"] = short  # the headline is the figure's first mention
            text = text.replace("{H}", short)
        text = SLOT.sub(lambda m: self.slot(m.group(1)), text)
        return text[0].upper() + text[1:]

    # ---- the whole article -------------------------------------------------------------
    def write(self, target_words: int) -> tuple[str, dict]:
        rng, tpl = self.rng, self.tpl
        theme = rng.choice(list(tpl["ledes"]))
        self.in_lede = True
        lede = " ".join(self.sentence(t) for t in rng.choice(tpl["ledes"][theme]))
        self.in_lede = False
        paras = [lede]
        words = len(lede.split())
        plan = [rng.choice(k.split("|")) for k in tpl["plans"][theme]]
        closing = [k for k in plan if k == "closing"]
        middle = [k for k in plan if k != "closing"]
        head, tail = middle[:2], middle[2:]
        rng.shuffle(tail)
        extra = ["quote", "background", "trade", "invest", "people", "quote", "target", "bank"]
        for kind in head + tail + extra:
            if words >= target_words and len(paras) >= 4:
                break
            p = self.paragraph(kind)
            if p:
                paras.append(p)
                words += len(p.split())
        for kind in closing:
            p = self.paragraph(kind)
            if p:
                paras.append(p)
        line = self.dateline()
        if line:
            paras[0] = f"{line} {paras[0]}"
        if rng.random() < 0.3:
            paras.insert(0, self.headline(theme))
        stamp = self.pub.isoformat()
        if rng.random() < 0.4:
            stamp += f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        body = "\n\n".join(paras)
        self.words = len(body.split())
        return f" date {stamp} {body}", self.gold(body)

    def gold(self, text: str) -> dict:
        def party(token: str | None) -> str | None:
            if token in (None, "-"):
                return None
            if token in self.roles:
                return self.lex.countries[self.roles[token]]["name"]
            if token in self.said:
                return self.said[token]
            return None
        for fig in self.figures:
            fig["subject"], fig["counterpart"] = party(fig["subject"]), party(fig["counterpart"])
        locations = []
        low = text.lower()
        for name, loc in self.locs.items():
            row = dict(loc)
            # The Saudi precedent: a place only named by other forms carries them as aliases.
            if not _has_word(low, name.lower()):
                row["aliases"] = sorted(self.loc_forms[name] - {name})
            locations.append(row)
        orgs = []
        for org in self.orgs.values():
            row = {"name": org["name"], "acronym": org["acronym"]}
            if org.get("aliases"):
                row["aliases"] = org["aliases"]
            orgs.append(row)
        return {"article": self.name, "url": None, "published": self.pub.isoformat(),
                "persons": list(self.persons.values()), "organizations": orgs, "locations": locations,
                "meetings": self.meetings, "figures": self.figures, "projects": list(self.projects.values())}


def generate_one(i: int, seed: int = 0, start: date = date(2020, 1, 1)) -> tuple[str, dict, int]:
    """Text, gold and body word count of article number i (1-based) of a seeded corpus."""
    rng = random.Random(f"newsfacts-generate:{seed}:{i}")
    published = start + timedelta(days=rng.randrange(6 * 365))
    story = _Story(load_lexicon(), rng, published, f"art_{i:06d}.txt")
    # Targets of 290-450 words; the paragraph that crosses the target adds ~35 more.
    text, gold = story.write(int(rng.triangular(290, 450, 400)))
    return text, gold, story.words


def _write_range(out: Path, seed: int, start: date, lo: int, hi: int) -> GenerateResult:
    """Write articles lo..hi-1 and their gold files; counts only, so memory stays flat."""
    res = GenerateResult(out=out)
    for i in range(lo, hi):
        text, gold, words = generate_one(i, seed, start)
        stem = f"art_{i:06d}"
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        (out / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        res.articles += 1
        res.words += words
        for lst in LISTS:
            setattr(res, lst, getattr(res, lst) + len(gold[lst]))
    return res


def generate(n: int, out: Path, seed: int = 0, start: date = date(2020, 1, 1)) -> GenerateResult:
    """Write n synthetic articles art_000001.txt... and their gold files to out; returns counts."""
    import time

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    res = _write_range(out, seed, start, 1, n + 1)
    res.seconds = time.perf_counter() - t0
    return res
