"""Periods: time expressions in a sentence, resolved against the publication date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTH_NUM = {m: i for i, ms in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in ms.split()}
# Month names are capitalized in running text; "may" the verb is not a month.
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
YEAR = r"(?:1[89]\d\d|20\d\d)"
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
       "last": 4, "final": 4}
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# A year phrase: a calendar year or a year the publication date pins down.
YP = (r"(?P<y>" + YEAR + r"|this\s+year|the\s+current\s+year|current\s+year|last\s+year|"
      r"the\s+previous\s+year|previous\s+year|the\s+year\s+before|next\s+year)")
# In "first half of the year" and the like, "the year" is the publication year.
YPT = YP[:-1] + r"|the\s+year(?!\s+(?:before|earlier|ago)))"
FLAGS = re.I


@dataclass(frozen=True)
class TimeRef:
    """A time expression: its span, the period it names, and how it relates to a figure."""

    start: int
    end: int
    period: str | None  # None: a relative span that no calendar pins down
    kind: str  # point | since | relative | compare | modifier


def _year(token: str, published: date | None) -> int | None:
    t = re.sub(r"\s+", " ", token.lower())
    if re.fullmatch(YEAR, t):
        return int(t)
    if published is None:
        return None
    if t in ("this year", "the current year", "current year"):
        return published.year
    if t in ("last year", "the previous year", "previous year", "the year before"):
        return published.year - 1
    if t == "the year":
        return published.year
    if t == "next year":
        return published.year + 1
    return None


def _month(token: str) -> int:
    return MONTH_NUM[token.lower().rstrip(".")]


def _span(y: int, m1: int, m2: int) -> str:
    return f"{y}-{m1:02d}" if m1 == m2 else f"{y}-{m1:02d}/{y}-{m2:02d}"


def _two_digit_end(y1: int, tail: str) -> int:
    return int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)


def _trailing(m: re.Match, published: date | None = None) -> tuple[str, str]:
    """The span of n months (or quarters) that ends with the month named (without a year, the
    last such month by the publication date: "the nine months to September")."""
    months = _count(m["n"]) * (3 if m["u"].lower().startswith("quarter") else 1)
    year = int(m["y"]) if m["y"] else published.year - (_month(m["mo"]) > published.month)
    end = year * 12 + _month(m["mo"]) - 1
    start = end - months + 1
    return f"{start // 12}-{start % 12 + 1:02d}/{end // 12}-{end % 12 + 1:02d}", "point"


def _count(tok: str) -> int | None:
    return int(tok) if tok.isdigit() else COUNT_WORDS.get(tok.lower())


# Each rule: pattern, builder(match, published) -> (period, kind) or None. Earlier rules win on overlap.
def _rules():
    R = []

    def add(pattern, build):
        R.append((re.compile(pattern, FLAGS), build))

    add(r"\b(?:the\s+)?same\s+(?:period|time|months?|quarter|half)\s+(?:of|in|last)\s+" + YP,
        lambda m, p: (str(_year(m["y"], p)) if _year(m["y"], p) else None, "compare"))
    add(r"\bsince\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?(?:" + MONTH + r"\s+)?" + YP,
        lambda m, p: (f"{_year(m['y'], p)}/" if _year(m["y"], p) else None, "since"))
    # "April-January of 2024-25": a month range over a fiscal year runs into its second year.
    add(r"\b(?:from\s+)?(?P<m1>" + MONTH + r")\s*(?:-to-|-|–|—|to|through|till|until)\s*(?P<m2>" + MONTH
        + r")(?:,|\s+of)?\s+(?:FY\s?)?(?P<y1>" + YEAR + r")\s*(?:-|–|/)\s*(?P<y2>\d{4}|\d{2})\b",
        lambda m, p: (f"{m['y1']}-{_month(m['m1']):02d}/{_two_digit_end(int(m['y1']), m['y2'])}-"
                      f"{_month(m['m2']):02d}", "point")
        if _month(m["m2"]) < _month(m["m1"]) else
        (_span(int(m["y1"]), _month(m["m1"]), _month(m["m2"])), "point"))
    add(r"\b(?:from\s+)?(?P<m1>" + MONTH + r")\s*(?:-to-|-|–|—|to|through|till|until)\s*(?P<m2>" + MONTH
        + r")(?:,|\s+of)?\s+" + YP,
        _month_span)
    # "between January and June of this year", "between January and June 2024"
    add(r"\b(?-i:[Bb]etween)\s+(?P<m1>" + MONTH + r")\s+and\s+(?P<m2>" + MONTH + r")(?:,|\s+of)?\s+" + YP,
        lambda m, p: _month_span(m, p) if _month(m["m2"]) >= _month(m["m1"]) else None)
    add(r"(?-i:\b[Bb]etween\s+(?P<m1>" + MONTH + r")\s+and\s+(?P<m2>" + MONTH + r"))(?!,?\s*(?:of\s+)?\d)",
        lambda m, p: _bare_range(m, p))
    # "in January-June" with no year: the latest such span up to the publication date.
    add(r"(?-i:\b(?:from\s+|in\s+|In\s+)?(?P<m1>" + MONTH + r")\s*(?:-to-|-|–|—|to|through)\s*(?P<m2>" + MONTH
        + r"))(?!,?\s*(?:of\s+)?\d)",
        lambda m, p: _bare_range(m, p))
    add(r"\b(?:the\s+)?(?P<o>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
        + YPT,
        lambda m, p: (_span(_year(m["y"], p), 3 * ORD[m["o"].lower()] - 2, 3 * ORD[m["o"].lower()]),
                      "point") if _year(m["y"], p) else None)
    add(r"\bQ(?P<q>[1-4])\s*(?:of\s+)?(?P<y>" + YEAR + r")",
        lambda m, p: (_span(int(m["y"]), 3 * int(m["q"]) - 2, 3 * int(m["q"])), "point"))
    add(r"\b(?:the\s+)?(?P<o>first|second)\s+half\s+(?:of\s+)?" + YPT,
        lambda m, p: (_span(_year(m["y"], p), 1 if m["o"].lower() == "first" else 7,
                            6 if m["o"].lower() == "first" else 12), "point")
        if _year(m["y"], p) else None)
    # "in the first quarter" with no year: the latest such quarter or half begun by publication.
    add(r"\b(?:in|during|for|over)\s+the\s+(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<u>quarter|half)\b"
        r"(?!\s*(?:of\s+)?(?:\d|this|last|next|the\s+(?:year|current|previous)|fiscal|FY))",
        lambda m, p: _bare_part(m, p))
    add(r"\bH(?P<h>[12])\s*(?P<y>" + YEAR + r")",
        lambda m, p: (_span(int(m["y"]), 1 if m["h"] == "1" else 7, 6 if m["h"] == "1" else 12),
                      "point"))
    add(r"\b(?:(?:the\s+)?first\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
        r"[\s-]+months?\s+(?:period\s+)?(?:of|in)\s+" + YPT,
        lambda m, p: (_span(_year(m["y"], p), 1, _count(m["n"])), "point")
        if _year(m["y"], p) and _count(m["n"]) and _count(m["n"]) <= 12 else None)
    add(r"\b(?:FY\s?|fiscal\s+(?:year\s+)?)?(?P<y1>" + YEAR + r")\s*(?:-|–|—|/)\s*(?P<y2>\d{4}|\d{2})\b"
        r"(?!\s*[-–]\s*\d)",
        lambda m, p: (f"{m['y1']}/{_two_digit_end(int(m['y1']), m['y2'])}", "point")
        if _two_digit_end(int(m["y1"]), m["y2"]) > int(m["y1"]) else None)
    add(r"\b(?:from|between)\s+(?P<y1>" + YEAR + r")\s+(?:to|and|until|till|through)\s+(?P<y2>"
        + YEAR + r")\b",
        lambda m, p: (f"{m['y1']}/{m['y2']}", "point") if int(m["y2"]) > int(m["y1"]) else None)
    # "the four quarters to the end of March 2023", "the 12 months ended June 2024": a trailing span.
    add(r"\b(?:the\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?P<u>months?|quarters?)\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?"
        r"(?-i:(?P<mo>" + MONTH + r"))(?:\s+\d{1,2}(?!\d))?(?:(?:,|\s+of)?\s+(?P<y>" + YEAR + r")\b)?",
        lambda m, p: _trailing(m, p) if _count(m["n"]) and (m["y"] or p) else None)
    # "in the year to June 2024", "the financial year ended March 2024": twelve months to that month
    add(r"\b(?:the\s+)?(?:(?:fiscal|financial)\s+)?year\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?"
        r"(?-i:(?P<mo>" + MONTH + r"))(?:\s+\d{1,2}(?!\d))?(?:,|\s+of)?\s+(?P<y>" + YEAR + r")\b",
        lambda m, p: (m["y"], "point") if _month(m["mo"]) == 12 else
        _trailing({"n": "12", "u": "months", "y": m["y"], "mo": m["mo"]}, p))
    add(r"\bFY\s?'?(?P<yy>\d{2})\b",
        lambda m, p: (str(2000 + int(m["yy"])), "point"))
    add(r"(?-i:\b(?P<mo>" + MONTH + r"))(?:,|\s+of)?\s+(?P<y>" + YEAR + r")\b",
        lambda m, p: (f"{m['y']}-{_month(m['mo']):02d}", "point"))
    add(r"\b(?:this|last|next)\s+week\b", lambda m, p: (None, "relative"))
    add(r"\b(?:this|last|next)\s+(?:month|quarter)\b", lambda m, p: None)
    # "12.06.2024": a numeric date (a dateline), no period
    add(r"\b\d{1,2}[./]\d{1,2}[./]" + YEAR + r"\b", lambda m, p: None)
    add(r"\b(?:(?:over|during|in|for|within)\s+)?the\s+(?:past|last|previous|next|coming|nearest|following)"
        r"(?!\s+year\b(?<=previous\s{1}year))"
        r"\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)\s+)?"
        r"(?:consecutive\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?)\b",
        lambda m, p: (None, "relative"))
    add(r"\b(?:past|last|next)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"\s+(?:years?|months?|weeks?|days?|decades?)\b",
        lambda m, p: (None, "relative"))
    add(r"\b(?:in|within|over|for)\s+(?:a|one|\d+|two|three|four|five|six|seven|eight|nine|ten)"
        r"(?:\s+and\s+a\s+half)?\s+(?:years?|months?|decades?)\b",
        lambda m, p: (None, "relative"))
    add(r"\b(?:year-on-year|year-over-year|y-o-y|yoy|on\s+an\s+annual\s+basis)\b",
        lambda m, p: (None, "compare"))
    add(r"(?-i:\b(?P<last>[Ll]ast\s+|[Tt]his\s+|[Ii]n\s+|[Dd]uring\s+)?(?P<mo>" + MONTH + r"))"
        r"(?!\s*\d)",
        _BARE_MONTH_BUILD)
    add(r"\b" + YP + r"\b", lambda m, p: (str(_year(m["y"], p)), "point") if _year(m["y"], p) else None)
    return R


def _month_span(m: re.Match, published: date | None):
    """Months m1 to m2 of the year the match names or the publication date pins down."""
    year = _year(m["y"], published)
    return (_span(year, _month(m["m1"]), _month(m["m2"])), "point") if year else None


def _bare_range(m: re.Match, published: date | None):
    if published is None:
        return None
    m1, m2 = _month(m["m1"]), _month(m["m2"])
    if m2 < m1:
        return None
    year = published.year if m2 <= published.month else published.year - 1
    return _span(year, m1, m2), "point"


def _bare_part(m: re.Match, published: date | None):
    if published is None:
        return None
    n = ORD[m["o"].lower()]
    size = 3 if m["u"].lower() == "quarter" else 6
    if size == 6 and n > 2:
        return None
    first, last = size * (n - 1) + 1, size * n
    year = published.year if first <= published.month else published.year - 1
    return _span(year, first, last), "point"


AS_OF = re.compile(r"(?i)\bas\s+(?:of|at)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)(?:\s+of|-)\s*)?$")


def _bare_month(m: re.Match, published: date | None):
    mo = _month(m["mo"])
    if published is None or (m["mo"] in ("Mar", "Jun", "Jan", "Dec", "Sep", "Oct", "Nov", "Aug",
                                          "Apr", "Jul", "Feb") and not m["last"]):
        return None
    if m["mo"] == "May" and not m["last"]:
        return None  # "May" at a sentence start is too often something else
    last = (m["last"] or "").strip().lower() == "last"
    year = published.year if (mo < published.month or (mo == published.month and not last)) \
        else published.year - 1
    return f"{year}-{mo:02d}", "point"


def _BARE_MONTH_BUILD(m: re.Match, p: date | None):
    return _bare_month(m, p)


RULES = _rules()
COMPARE_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|than|from|against|versus|vs\.?|relative\s+to|as\s+against|"
    r"over|(?<=\d\s)on|(?<=%\s)on|(?<=cent\s)on)\s+(?:(?:in|with|to|the|a|same|period|time|pre-pandemic|previous|year|level|levels|"
    r"of|from|in)\s+){0,4}$", re.I)
# A year or range that names a plan or strategy describes it, it is not the figure's period.
PLAN_WORDS = (r"(?:strategy|plan|programme|program|agenda|vision|roadmap|targets?|goals?|concept|"
              r"framework|initiative|summit|forum|expo|games|cup|olympics|budget\s+plan)")
MODIFIER_AFTER = re.compile(r"^\s*(?:(?:[A-Z][\w-]*\s+){0,4}(?i:" + PLAN_WORDS + r")\b)")
DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:open|opens|opened|opening|due\s+to\s+be\s+\w+|came\s+online|come\s+online|went\s+online|finish|finished|finishing|complete|completed|completing|completion|"
    r"commission|commissioned|commissioning|operational|ready|launch|launched|in\s+service|"
    r"(?:begin|begins|start|starts|enter|enters)\s+(?:services?|operations?|operating|production|"
    r"construction|work|building))\s+(?:\w+\s+){0,4}?"
    r"(?:in|by|at|from|before|until|within)?\s*(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$")
FOUNDED_BEFORE = re.compile(r"(?i)\b(?:founded|established|set\s+up|created|launched)\s+in\s+$")
PERFECT = re.compile(r"(?i)\b(?:has|have)\s+(?:since\s+|so\s+far\s+)?\w+ed\b")
SINCE_THEN = re.compile(r"(?i)\bsince\s+then\b")
NOT_A_NAME = frozenset("in by for since during until till from of at to and the on before after "
                       "around about through between".split())


def _name_before(before: str) -> bool:
    """A capitalized word right before the year ("Vision 2030", "Expo 2020") makes it a name."""
    m = re.search(r"([A-Z][\w]*|’s|'s)\s+$", before)
    return bool(m) and m.group(1).lower() not in NOT_A_NAME


def find_periods(text: str, published: date | None, start: int = 0, end: int | None = None
                 ) -> list[TimeRef]:
    """The time expressions of text[start:end], in order, with offsets into text."""
    end = len(text) if end is None else end
    seg = text[start:end]
    taken: list[tuple[int, int]] = []
    refs: list[TimeRef] = []
    for pattern, build in RULES:
        for m in pattern.finditer(seg):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            got = build(m, published)
            taken.append((a, b))
            if got is not None and build is _BARE_MONTH_BUILD and AS_OF.search(seg[max(0, a - 30):a]):
                got = (None, "relative")  # "as of the end of February": a standing stock, no period
            if got is None:
                continue
            period, kind = got
            if kind in ("point", "since") and COMPARE_BEFORE.search(seg[max(0, a - 45):a]):
                kind = "compare"
            if kind == "point" and FOUNDED_BEFORE.search(seg[max(0, a - 30):a]):
                if PERFECT.search(seg, b):
                    period, kind = f"{period}/", "since"  # "founded in 1964, has financed ...": since founding
                else:
                    kind = "modifier"  # "founded in 1987, employs 18,000 people": when it began, no period
            if kind == "point" and DEADLINE_BEFORE.search(seg[max(0, a - 50):a]):
                kind = "deadline"  # "is due to open in 2029": when a project is done, not what a figure covers
            if kind == "point" and re.fullmatch(r"\d{4}(?:\s*[-–/]\s*\d{2,4})?", m.group(0).strip()) and (
                    MODIFIER_AFTER.match(seg[b:b + 60]) or _name_before(seg[max(0, a - 30):a])):
                kind = "modifier"
            refs.append(TimeRef(start + a, start + b, period, kind))
    for m in SINCE_THEN.finditer(seg):
        # "opened in 2017 ... has carried 6.8 million tonnes since then": since that year
        before = [r for r in refs if r.end <= start + m.start() and r.period and re.fullmatch(r"\d{4}", r.period)]
        if before:
            refs.append(TimeRef(start + m.start(), start + m.end(), before[-1].period + "/", "since"))
    refs.sort(key=lambda r: r.start)
    # "the first half of the fiscal year 2024-25 (July-December 2024)": the months in brackets say
    # what the words before them mean; those words are no period of their own
    glossed = set()
    for r in refs:
        if r.period and r.kind == "point" and text[r.start - 1:r.start] == "(" and \
                re.match(r"\s*\)", text[r.end:r.end + 3]):
            lead = r.start - 1
            for x in reversed(refs):
                if x.end <= lead and re.fullmatch(r"\s*(?:of\s+)?(?:the\s+)?", text[x.end:lead]):
                    glossed.add(id(x))
                    lead = x.start
    return [r for r in refs if id(r) not in glossed]


def year_of(period: str | None) -> int | None:
    """The last calendar year a period covers (an open "1992/" covers 1992)."""
    if not period:
        return None
    years = re.findall(r"\d{4}", period)
    return int(years[-1]) if years else None
