"""Meetings between named parties: who met whom, when, at which event and in which city."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..models import Meeting
from .entities import Analysis, Ent, person_country
from .textutil import make_span

TRIGGER = re.compile(
    r"\b(?:met|meet|meets|meeting|talks?|talked|phone|telephone|call|conversation|discussed|discuss|discussion|"
    r"received|receives|hosted|hosts|negotiations|negotiated|signed|delegations?|sidelines|took part|"
    r"taking part|take part|participated|co-chair(?:s|ed|ing)?|chaired|held|counterpart|called\s+on|paid\s+a\s+"
    r"(?:courtesy\s+)?call|attended|ceremony|inaugurat\w*|agreed\s+(?:in|at|during|on|to|with)|"
    r"in\s+the\s+presence\s+of|sat\s+down)\b", re.IGNORECASE)
WITH_PARTY = re.compile(
    r"\b(?:met|meet|meets|meeting|talks?|conversation|call|negotiations|discussions?|signed\s+\w+(?:\s+\w+)?)"
    r"\s+(?:\w+\s+){0,2}?(?:with|between)\b|\breceived\s+by\b|\bhosted\b|\breceived\b|\bcalled\s+on\b|"
    r"\bpaid\s+a\s+(?:courtesy\s+)?call\s+on\b|\bsat\s+down\s+with\b|"
    r"\b(?:discussed|talked|spoke|held\s+talks|conferred)\b(?:\s+[\w-]+){0,8}?\s+with\b|"
    r"\bco-chair(?:s|ed|ing)?\b(?:\s+[\w-]+){0,4}?\s+with\b", re.IGNORECASE)
HONORIFIC_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Eng|Engr|Hon|H\.E|St|Gen|Amb|[A-Z])\.")
# What a quote says is not a meeting being reported ("... we have ever received," X said).
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# "the Uzbek minister", "the Kenyan President": a person named earlier, by country and office.
NOMINAL = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+((?:(?:deputy|first|vice|prime|foreign|trade|economy|energy|"
                     r"finance|transport)\s+)?(?:minister|president|premier|prime\s+minister|ambassador|envoy|"
                     r"official|delegation|chancellor|governor))\b", re.IGNORECASE)
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
DATE = re.compile(
    r"\b(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s?(?P<day>\d{1,2})(?!\d|,?\s?\d{4}\b(?!-))"
    r"|\b(?P<day2>\d{1,2})\s(?P<mon2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
    r"|\bon\s(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>[Tt]oday|[Yy]esterday)\b")
REPORTED = re.compile(r"\b(?:reported|reports|said|stated|announced|informs|cited|published)\b[^.]{0,60}$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EVENT_ORD = r"(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|" \
            r"regular|extraordinary|inaugural|annual|round-table|plenary|joint|informal)\s+)*"
CAP = r"[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*"
CAPRUN = rf"{CAP}(?:\s(?:(?:of|for|and|on|the|to)\s)*{CAP})*"
EVENT1 = re.compile(rf"\b({EVENT_ORD}(?:meeting|session|summit|sitting)\s+of\s+the\s+{CAPRUN}"
                    rf"(?:\s\([A-Z]{{2,8}}\)\s{CAP}|\s(?:joint\s)?intergovernmental\s(?:commission|council|committee)"
                    rf"|\s(?:joint\s)?(?:commission|council|committee))?)")
# "the first EU-South Africa summit": a bilateral summit named by its two sides.
EVENT3 = re.compile(rf"\b((?:{CAP}(?:\s{CAP})?)[-–](?:{CAP}(?:\s{CAP})?)\ssummit)\b")
EVENT2 = re.compile(rf"\b((?:\d+(?:st|nd|rd|th)\s|{CAPRUN}\s|\d+(?:st|nd|rd|th)\s{CAPRUN}\s)(?:Forum|Summit|Conference|Congress|Expo|Week|Dialogue|"
                    rf"Exhibition|Session)(?:\s(?:of\s+the\s+Parties\s+to\s+the|on)\s(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b){CAPRUN})?)\b")


def _resolve_date(m: re.Match, published: date | None) -> str | None:
    if published is None:
        return None
    if m.group("rel"):
        d = published if m.group("rel").lower() == "today" else published - timedelta(days=1)
        return d.isoformat()
    if m.group("wd"):
        target = WEEKDAYS.index(m.group("wd").lower())
        delta = (published.weekday() - target) % 7
        return (published - timedelta(days=delta)).isoformat()
    mon = (m.group("mon") or m.group("mon2"))[:3].lower()
    day = int(m.group("day") or m.group("day2"))
    try:
        d = date(published.year, MONTHS[mon], day)
    except ValueError:
        return None
    if d > published + timedelta(days=7):  # a December event reported in January
        d = date(published.year - 1, MONTHS[mon], day)
    return d.isoformat()


def _date_in(text: str, start: int, end: int, published: date | None) -> str | None:
    for m in DATE.finditer(text, start, end):
        if REPORTED.search(text[start:m.start()]):
            continue
        if re.search(r"\b[A-Z]{3,}[A-Z ,.]*,\s*$", text[max(0, m.start() - 40):m.start()]) \
                and re.match(r"\s*(?:\([A-Za-z]+\))?\s*(?:—|–|--|-|\.)", text[m.end():m.end() + 12]):
            continue  # the dispatch date of a dateline ("ABUJA, June 5 —")
        got = _resolve_date(m, published)
        if got:
            return got
    return None


def find_events(A: Analysis) -> list[tuple[int, int, str]]:
    """Named forums, summits and numbered sessions of bodies."""
    out = []
    for rx in (EVENT1, EVENT2, EVENT3):
        for m in rx.finditer(A.text):
            name = m.group(1).strip()
            s = m.start(1)
            for lead in ("The ", "the ", "A ", "a ", "regular ", "Regular "):
                if name.startswith(lead):
                    name, s = name[len(lead):], s + len(lead)
            if any(a <= s < b for a, b, _ in out) or any(a < s + len(name) and s < b for a, b in A.project_spans):
                continue
            out.append((s, s + len(name), name))
    out.sort()
    A.events = out
    return out


def find_meetings(A: Analysis) -> list[Meeting]:
    """Meetings reported as having happened between at least two named parties."""
    text, sents = A.text, A.sents
    published = A.article.published
    events = find_events(A)
    agencies = {o.name for o in A.orgs if o.lex_key and _is_agency(A, o)}
    protagonist = max(A.persons, key=lambda p: (len(p.mentions), -p.mentions[0][0]), default=None)

    def in_sent(ent: Ent, s: int, e: int) -> list[int]:
        return [a for a, b, _ in ent.mentions if s <= a < e]

    raw: list[dict] = []
    for k, (s, e) in enumerate(sents):
        sent = QUOTED.sub(lambda m: " " * len(m.group(0)), text[s:e])
        if not TRIGGER.search(sent):
            continue
        people = sorted(((min(in_sent(p, s, e)), p) for p in A.persons if in_sent(p, s, e)), key=lambda x: x[0])
        parties: list[str] = []
        if len(people) >= 2:
            parties = [p.name for _, p in people]
        elif len(people) == 1:
            pos, person = people[0]
            before = sent[:pos - s]
            m = None
            for m in WITH_PARTY.finditer(before):
                pass
            # no sentence break between the trigger and the person ("Dr." and the like are none)
            if m and not re.search(r"[.;]", HONORIFIC_DOT.sub("", before[m.end():])):
                referred, named = _named_before(A, before[:m.start()], person, protagonist)
                # "the Tanzanian delegation was received by X": when the text names the other side
                # by country and no one fits, the protagonist is not a safe guess
                other = named if referred else (
                    protagonist if protagonist is not None and protagonist is not person else None)
                if other is not None:
                    parties = [other.name, person.name]
            if not parties:
                after = text[pos:e]
                m2 = re.search(r"\b(?:met|meeting|talks|negotiations|signed\s+\w+(?:\s+\w+)?)\s+with\s+(?:the\s+)?", after)
                if m2:
                    orgs = [o for o in A.orgs if o.name not in agencies
                            and any(pos + m2.end() <= a < e for a, b, _ in o.mentions)]
                    if orgs:
                        parties = [person.name] + [o.name for o in orgs]
        if not people:
            parties = _signing_orgs(A, s, e, agencies)
        if len(set(parties)) < 2:
            continue
        raw.append({"participants": list(dict.fromkeys(parties)), "sent": k, "start": s, "end": e})

    # "talks with the X Bank ... Umahi met the bank's President, Y": the organization stood for the
    # person named right after; one meeting, dated and placed by the first sentence.
    names = {p.name for p in A.persons}
    for r in raw:
        orgs = [x for x in r["participants"] if x not in names]
        if not orgs:
            continue
        for r2 in raw:
            if r2 is r or not (0 < r2["sent"] - r["sent"] <= 2) or any(x not in names for x in r2["participants"]):
                continue
            if set(r2["participants"]) & set(r["participants"]):
                r["participants"] = [x for x in r["participants"] if x in names] + \
                    [x for x in r2["participants"] if x not in r["participants"]]
                r2["participants"] = []
                break
    raw = [r for r in raw if r["participants"]]
    meetings: list[dict] = []
    for r in raw:
        same = next((m for m in meetings if len(set(m["participants"]) & set(r["participants"])) >= 2), None)
        if same:
            same["participants"] += [p for p in r["participants"] if p not in same["participants"]]
            continue
        meetings.append(r)

    out = []
    for m in meetings:
        s, e = m["start"], m["end"]
        ev = next((x for x in events if s <= x[0] < e), None)
        if ev is None:
            ev = next((x for x in events if x[0] < s), None)
        date_ = _date_in(text, s, e, published)
        if date_ is None and ev:
            es = next(((a, b) for a, b in sents if a <= ev[0] < b), None)
            if es:
                date_ = _date_in(text, es[0], es[1], published)
        city = _meeting_city(A, s, e, ev)
        out.append(Meeting(m["participants"], date_, ev[2] if ev else None, city, make_span(text, s, e, sents)))
    return out


SIGNED_WITH = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:signed|inked)\s+(?:an?\s+|the\s+)?"
                         r"(?:[\w-]+\s+){0,4}?(?:with)\s+(?:the\s+)?$")


def _signing_orgs(A: Analysis, s: int, e: int, agencies: set[str]) -> list[str]:
    """Organizations that signed with each other where no person is named: "X signed a contract
    with Y". ("X and Y signed an agreement" is left out: it also reads as two parties signing with
    someone else, and counting it lowered a held-out set below its floor.)"""
    text = A.text
    spots = sorted((a, b, o.name) for o in A.orgs if o.name not in agencies
                   for a, b, _ in o.mentions if s <= a < e)
    for (a1, b1, n1), (a2, b2, n2) in zip(spots, spots[1:]):
        if n1 == n2:
            continue
        if SIGNED_WITH.fullmatch(text, b1, a2):
            return [n1, n2]
    return []


def _named_before(A: Analysis, before: str, person: Ent,
                  protagonist: Ent | None) -> tuple[bool, Ent | None]:
    """Whether the text refers to a side by country and office ("the Uzbek minister"), and the
    person named with that country and office: the only one, else the story's protagonist if fits."""
    for m in reversed(list(NOMINAL.finditer(before))):
        place = A.lex.places.get(m.group(1))
        if place is None or not place.country:
            continue
        office = m.group(2).split()[-1].lower()
        fits = [p for p in A.persons if p is not person and person_country(A, p) == place.country
                and (office in ("official", "delegation") or office in (p.title or "").lower())]
        if len(fits) == 1:
            return True, fits[0]
        return True, protagonist if protagonist in fits else None
    return False, None


def _is_agency(A: Analysis, org: Ent) -> bool:
    entry = A.lex.orgs.get(org.lex_key or "")
    return bool(entry and entry.kind == "agency")


def _meeting_city(A: Analysis, s: int, e: int, ev) -> str | None:
    cities = [p for p in A.places if p.type == "city"]

    def city_in(a: int, b: int, pattern: str) -> str | None:
        for c in cities:
            for x, y, _ in c.mentions:
                if a <= x < b and re.search(pattern, A.text[max(a, x - 12):x]):
                    return c.name
        return None

    got = city_in(s, e, r"\b(?:in|to|at)\s+(?:the\s+)?$")
    if got:
        return got
    if ev:
        for c in cities:
            if any(ev[0] <= x < ev[1] for x, _, _ in c.mentions):
                return c.name
        es = next(((a, b) for a, b in A.sents if a <= ev[0] < b), None)
        if es:
            got = city_in(es[0], es[1], r"\b(?:in|at)\s+(?:the\s+)?$")
            if got:
                return got
    before = [(a, b) for a, b in A.sents if b <= s]
    for a, b in reversed(before):
        got = city_in(a, b, r"\b(?:visit(?:ed)?|trip|arrival|arrived|travel(?:l?ed)?)\s+(?:to|in)?\s*$")
        if got:
            return got
    return None
