"""Figures: money and quantities with metric, period, parties and qualifier."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

import pycountry

from ..models import Figure, Mention, Span
from .numbers import LEXICON, WORD_NUMBER, Quantity, counted_noun, currency_words, find_quantities
from .periods import TimeRef, find_periods, year_of
from .textutil import HOME_TOWN

TARGET_CUES = re.compile(
    r"\b(?:[Pp]lan(?:s|ned|ning)?\s+to|(?:is|are|was|were)\s+planned|planning|plans\s+for|"
    r"aim(?:s|ed|ing)?\s+(?:to|for)|goal|goals|target(?:s|ed|ing)?|[Ff]orecast\w*|[Ee]xpect\w*|projected|"
    r"projection\w*|will|would|shall|should|may|might|could|"
    r"can\s+reach|intend\w*|ready\s+to|prospects?|interest\s+in|aim\s+of|designed\s+to|(?<!been\s)(?<!had\s)planned(?!\s+(?:under|by)\b)|"
    r"(?:is|are|was|were)\s+estimated\s+at|once\s+(?:completed|complete|operational|fully)|"
    r"set\s+to|seek\w*|"
    r"strive\w*|envisioned|to\s+be\s+(?:built|invested|allocated|increased|raised)|"
    r"is\s+scheduled|are\s+scheduled|upcoming|promis\w*|estimated\s+to|outlook|set\s+aside|earmark\w*|"
    r"due\s+to\s+be|weigh(?:s|ing)?|consider(?:s|ing)|needs|(?:is|are)\s+(?:due\s+)?to\s+(?!be\s+(?:found|seen)\b)[a-z]+|want(?:s|ed)?\s+to|hope(?:s|d)?\s+to|(?:is|are)\s+(?:building|"
    r"constructing|developing)|under\s+construction)\b")
ESTIMATED_COST = re.compile(r"(?i)\bestimated\s+(?:total\s+)?(?:cost|price|value)\s+of\s+"
                            r"(?:(?:about|around|nearly|some|over|more\s+than)\s+)?$")
# "from 77 million tonnes to 142 million": the level a change starts from is a fact, not the goal.
BASELINE = re.compile(r"(?i)\bfrom\s+(?:the\s+current\s+|current\s+|about\s+|around\s+|nearly\s+)?$")
BASELINE_AFTER = re.compile(r"^[^.;]{0,40}?\bto\s+")
# A reported past fact ("China took 71%", "exports were valued at"), not a standing state or a plan.
PAST_VERB = re.compile(r"\b(?!(?:expected|planned|scheduled|proposed|estimated|projected|needed|aimed|intended|"
                       r"based|United|united|listed|named|called|related|limited|advanced|registered|"
                       # words ending in -ed that are no past tense ("investments exceed $6.2 billion")
                       r"exceed|proceed|succeed|indeed|need|feed|seed|speed|breed|hundred|sacred|kindred|red|bed|shed|"
                       # a speaker's verb before what they report: "He noted that investments exceed ..."
                       r"(?:noted|stressed|emphasi[sz]ed|underlined|highlighted|pointed|added|stated|explained|"
                       r"recalled|mentioned|observed|remarked|revealed|indicated)(?=\s+(?:out\s+)?that\b))\b)"
                       r"(?:[a-z]{2,}ed|took|drew|came|stood|rose|grew|fell|was|were|made|hit|bought|sold|brought|"
                       r"led|saw|won|paid|spent|got|gave|kept|went|remained|accounted|totalled|totaled)\b")
# "1.1 million TEU a year", "600,000 cubic metres per day": a rate, which spans no period of its own
RATE_AFTER = re.compile(r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:a|per|each|every)\s+(?:year|day|month|week|annum)\b")
PRESENT_FACT = re.compile(r"(?i)\b(?:already|currently|so\s+far|to\s+date|existing)\b")
# "targeting X this year, up from Y recorded in 2023": the level compared with is a fact.
FROM_LEVEL = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|against)\s+(?:a\s+|an\s+)?(?:[A-Za-z]{1,4}\s?|[$€£¥₹₦]\s?)?\d")
PRIOR_LEVEL = re.compile(r"(?i)\b(?:up|down)\s+from\s+$")
# "a 224 km line that Türkiye plans to build": a size in front of a noun takes the plan of its relative clause.
NP_RELATIVE = re.compile(r"^(?:[\s-]+[a-z][\w-]*){1,3}(?:\s+with\s+[\w,-]+(?:\s+[a-z][\w-]*){1,2})?"
                         r"\s+(?:that|which)\b[^,;.]*"
                         # "the 500 MW Dire Dawa Solar Park, which a developer is building"
                         r"|^(?:\s+[A-Z][\w-]*){1,5},\s+(?:that|which)\b[^,;.]*")
# "increase ... to $10 billion": a present or future push towards a level is a goal.
FIN_WILL = re.compile(r"\bwill\s+(?:also\s+|partly\s+|jointly\s+)?(?:lend|fund|finance|provide|go\s+to|cover|disburse|"
                      r"extend|grant|be\s+(?:partly\s+)?(?:financed|funded|provided|lent|disbursed))\b")
# A length or area in front of its noun: "the 700 km coastal road"
SIZE_ATTRIBUTE = re.compile(r"[\d,.]+\s?(?:km|kilometres?|kilometers?|hectares?|ha|acres?)\s+"
                            r"(?!of\b|in\b|to\b|by\b|per\b|a\b|an\b|the\b|long\b|and\b|or\b|from\b|on\b|at\b)[a-zA-Z]")
BY_YEAR = re.compile(r"(?:\s+[\w-]+){0,4}?,?\s+by\s+(?:the\s+end\s+of\s+|end-)?(?:\w+\s+)?(20\d\d)\b")
TOWARD = re.compile(r"(?i)\b(?:increas(?:e|ing)|rais(?:e|ing)|bring(?:ing)?|boost(?:ing)?|"
                    r"expand(?:ing)?|tak(?:e|ing)|doubl(?:e|ing)|reach(?:ing)?\s+the\s+level\s+of)\b"
                    r"[^.;]{0,80}\bto\s+(?:the\s+level\s+of\s+|reach\s+)?$")
VERB_QUALIFIER = [
    (re.compile(r"(?i)\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)|"
                r"more\s+than|over|above|upwards\s+of)\s+$"), "over"),
    (re.compile(r"(?i)\b(?:nearing|approaching|almost|nearly|about|around|approximately|"
                r"close\s+to|roughly)\s+$"), "about"),
    (re.compile(r"(?i)\b(?:less\s+than|under|below|fewer\s+than)\s+$"), "under"),
]
ATTENDANCE = re.compile(r"(?i)\b(?:forum|attend\w*|registered|gathered|took\s+part|taking\s+part|"
                        r"participat\w*|conference|summit|exhibition|congress|ceremony|event)\b")
SOURCE_AFTER = re.compile(r"^[\s,’'s]*(?:News\s+Agency\s+|news\s+agency\s+|correspondent\s+)?"
                          r"(?:reports?|reported|cites|citing|informs|writes|quoted|said\s+in\s+a)\b")
# A news outlet ("Saudi Press Agency", "Delta Newswire", "The Gulf Times") reports; it is no party.
MEDIA_NAME = re.compile(r"\b(?:News|Press|Newswire|Wire|Gazette|Herald|Times|Tribune)\b")
# Between a nationality or a home town and the company it describes: "Malaysian utility ",
# "Tashkent-based ", "Thai state-owned lender ".
DESCRIBES_ORG = re.compile(r"(?:-based)?\s+(?:[a-z][\w-]*\s+){0,3}")
# A stock exchange by its name ("a filing with Bursa Malaysia", "the Nairobi Securities Exchange").
EXCHANGE_NAME = re.compile(r"\b(?:Stock\s+Exchange|Securities\s+Exchange|Bourse|Börse|Bursa|Borsa|Bolsa|Nasdaq|"
                           r"Euronext)\b")
SOURCE_BEFORE = re.compile(r"(?i)(?:citing|cites|quoted\s+by|reported\s+by|told)\s+(?:the\s+)?$")
# A body cited for the numbers ("according to Eurostat", "data from the NBS", "the PSA said") is no party.
CITED_BEFORE = re.compile(r"(?i)(?:according\s+to|data\s+(?:from|of)|figures\s+from|statistics\s+from|"
                          r"(?:released|published|issued|compiled)\s+(?:\w+\s+){0,3}?by|"
                          r"statement\s+(?:issued\s+)?by)\s+(?:data\s+(?:from|of)\s+)?(?:the\s+)?$")
CITED_AFTER = re.compile(r"^\)?(?:\s*\([^)]{1,12}\))?\s*(?:said|says|reported|reports|showed|shows|"
                         r"announced|noted|stated)\b(?!\s+(?:on\s+[A-Z]\w+\s+|today\s+|yesterday\s+)?"
                         r"(?:it|its|their|that\s+it|that\s+its)\b)")  # ("X said on Friday it would build")
OBJECT_BEFORE = re.compile(r"(?i)\b(?<!according\s)(?:to|with|in|into|from|for|towards|against|by|at|met|meets|"
                           r"received|receives|hosted|hosts|welcomed)\s+"
                           r"(?:the\s+|its\s+|their\s+)?$")
INVESTOR_FROM = re.compile(r"(?i)\b(?:investments?|fdi|inflows?|capital)\s+from\s+(?:the\s+)?$")
TRADE_BLOC = re.compile(r"\b(?:Union|Community|Alliance|Bloc|Area|Mercosur|ASEAN|EAEU|EU|GCC|APEC|SCO|BRICS|"
                        r"Cooperation\s+Council|Economic\s+Cooperation|Organization\s+of\s+Turkic\s+States|"
                        r"Commonwealth)\b")
LIST_INTRO = re.compile(r"(?i)\b(?:including|such\s+as|like|namely|notably)\s+(?:(?:[a-z][\w-]*\s+){1,3}?"
                        r"(?:from|in|of)\s+)?(?:the\s+)?$")
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")
COORDINATED = re.compile(r"^\s*(?:and|&)\s+(?:the\s+)?$")
# "Two-way trade reached $86.7 billion": trade between two parties, whether or not the lead names both
TWO_SIDED = re.compile(r"(?i)\b(?:two-way|bilateral|mutual)\s+(?:trade|commerce|turnover)|\btrade\s+between\s+the\s+two\b|"
                       r"\bbetween\s+the\s+two\s+(?:countries|nations|sides|economies|states)\b")
POINTS = re.compile(r"(?i)\bpercentage\s+points?\b|\d\s*pp\b")
# A sentence about the two parties together: "between the two countries", "bilateral".
PAIRED = re.compile(r"(?i)\b(?:between|bilateral|two-way|mutual)\b")
# Words that put a flow inside the trade of two parties: "of this volume", "of which", "to its
# western neighbour", "imports from the Kyrgyz side".
BILATERAL_WORDS = re.compile(r"(?i)\b(?:trade|turnover|bilateral|two-way|of\s+which|neighbou?r(?:ing|s)?|"
                             r"of\s+(?:this|that)\s+(?:volume|amount|total|sum|figure)|"
                             r"the\s+(?:other|(?-i:[A-Z][a-z]+))\s+side)\b")  # (not "the supply side")
# The flow the other way, with its partner, in a clause of its own: ", while imports from Tajikistan".
COUNTER_FLOW = re.compile(r"(?i)(?:,\s*|\b)(?:while|whereas|and)\s+(?:[a-z]+\s+)?(?:imports?|exports?|shipments?|"
                          r"purchases|sales)\s+(?:from|to)\s+(?:the\s+)?[A-Z]")
TRADE_WORDS = re.compile(r"(?i)\b(?:trade|turnover|export\w*|import\w*|commerce|shipments?)\b")
EXPORT_WORDS = re.compile(r"(?i)\bexport\w*")
IMPORT_WORDS = re.compile(r"(?i)\bimport\w*")
ANAPHORA = re.compile(r"(?i)\b(?:this\s+(?:figure|indicator|amount|volume|number)|the\s+figure|aforementioned|"
                      r"same\s+period|the\s+period|reporting\s+period|over\s+the\s+period|"
                      # "paid $218 million for those imports": the trade just reported
                      r"(?:those|these)\s+(?:imports|exports|shipments|purchases|sales|deliveries|supplies))\b")
CLAUSE_BREAK = re.compile(r"[;,—–()]|\s-\s|\bwhich\b|\bwhile\b|\bdue\s+to\b|\bwhereas\b")
# The target cues after a figure end at a relative or complement clause ("6,300 projects that are expected").
AFTER_BREAK = re.compile(r"[;,—–()]|\s-\s|\b(?:which|that|who|while|whereas|and\s+that)\b|"
                         r"\band\s+(?=(?:will|would|could|may|should)\b)|"
                         # "... and plans to spend more by 2027", "... and to start operating in 2029"
                         r"\band\s+(?=(?:(?:plans?|aims?|intends?|hopes?|expects?)\s+)?to\s+[a-z])")
TRADE_METRICS = ("trade_turnover", "exports", "imports")
APPOSITIVE_VERB = re.compile(r"\s*(?:were|was|is|are|came|reached|stood|totall?ed|amounted|rose|fell|grew|"
                             r"jumped|climbed|dropped|declined|increased|decreased)\b")
NAME_FRONT = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:Project|Plant|Park|Zone|Port|Railway|Corridor|Complex|"
                        r"Terminal|Programme|Program|Hub|Mine|Farm|Dam|Campus|Platform|Refinery|Factory)\b")
COMPANY_MARK = re.compile(r"(?:\b(?:Ltd|Limited|Corp|Corporation|Inc|PLC|LLC|LLP|GmbH|AG|SE|SA|AS|ASA|AB|Oy|Bhd|"
                          r"Berhad|Tbk|JSC|PJSC|Holdings?|Group|Company|Partners|Energy|Power|Resources|Minerals|"
                          r"Mining|Industries|Technologies|Motors|Logistics|Cement|Steel|Pharma|Foods|Textiles)\b|"
                          r"\b(?:S\.A|a\.s|N\.V|B\.V|S\.p\.A|W\.L\.L)\.)")
RELEASE_LEAD = re.compile(r"(?i)\b(?:today\s+(?:announced|said|reported|unveiled|signed|posted|launched)|"
                          r"(?:announced|said|reported)\s+today|/\s*[\w ]*(?:newswire|wire)\s*/)")
# "Voltaris Cellworks a.s., a Slovak manufacturer of battery modules": a company by its description
COMPANY_APPOSITIVE = re.compile(r"[^,]{0,30}?(?:\s*\([^)]{1,20}\))?,\s+(?:a|an|one\s+of)\b[^,.;]{0,60}?\b(?:"
                                r"manufacturer|maker|producer|developer|company|firm|group|operator|supplier|"
                                r"exporter|processor|miner|insurer|retailer|carrier|airline|conglomerate|"
                                r"utility|startup|builder|contractor|distributor|trader|refiner)s?\b")
# What stands before a place in a dateline: "BRATISLAVA, Slovakia", "ACCRA, Ghana, May 2 (GNA)"
DATELINE_PREFIX = re.compile(r"\s*(?:[A-Z][A-Z\u00C0-\u00DD.'’ -]+,\s*)?")
COMPANY_PRONOUN = re.compile(r"(?:\b(?:It|it|its|Its)\b|\b[Tt]he\s+(?:company|firm|group|developer|plant|"
                             r"project|factory|mill|mine)\b)")
MACRO = re.compile(r"(?i)\b(?:inflation|gdp|gross\s+domestic\s+product|the\s+economy|economic\s+growth|"
                   r"(?:foreign|official|international|gross)\s+reserves|reserves|remittances|current\s+account|"
                   r"budget\s+deficit|fiscal\s+deficit|public\s+debt|unemployment|policy\s+rate|exchange\s+rate|"
                   r"consumer\s+prices)\b")
LISTED_ON = re.compile(r"(?i)\b(?:listed|traded|quoted)\s+on\s+(?:the\s+)?$")
# "rose 6.3 percent from USD 14.5 billion in February 2024": the level compared with, whose period
# is not the one the story reports on.
CHANGE_FROM = re.compile(r"(?i)(?:(?:\b(?:up|down|increase|rise|growth|decline|drop|fall|higher|lower|more|less)\b|%|"
                         r"\bper\s?cent\b)[^.;]{0,25}?|,\s+(?:up\s+|down\s+)?)\bfrom\s+"
                         r"(?:(?:about|around|nearly|some)\s+)?$")
STORY_METRICS = ("exports", "imports", "investment", "trade_turnover")
STORY_GOES_ON = re.compile(r"(?i)\b(?:earned|earning|brought\s+in|fetched|generated|followed|source|sources|"
                           r"accounted\s+for|reached|totall?ed|amounted|came\s+to|stood\s+at|ahead\s+of|"
                           r"respectively|while|alone)\b")
# Amounts of their own kind, whatever the story: a price, a budget, reserves, revenue ...
OWN_MONEY_KIND = re.compile(r"(?i)\b(?:reserves?|revenue|profit|budget|deficit|surplus|debt|gdp|salar\w+|wages?|"
                            r"prices?|costs?|tax\w*|fees?|capital|valuation|market\s+cap\w*|remittances?)\b")
# "during the six months", "in the quarter": the span the story set, named again.
SPAN_ANAPHORA = re.compile(r"(?i)\b(?:during|in|over|for|of)\s+the\s+(?:(?:\d{1,2}|two|three|four|five|six|seven|"
                           r"eight|nine|ten|eleven|twelve)\s+months|quarter|half(?:-year)?|period)\b(?!\s+(?:of|to|ended|ending)\b)")
# "Earnings in December alone": a part of the story's span, not a new span.
SUB_PERIOD = re.compile(r"(?i)\b(?:" + r"January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|month|quarter|week)\s+alone\b")
# A percentage reached or held is a level (a share), not a change.
LEVEL_BEFORE = re.compile(r"(?i)\b(?:reach|reaching|stand\s+at|stood\s+at|hold|holds|held|own|owns)\s+"
                          r"(?:(?:about|around|nearly|almost|over|more\s+than|some|roughly|a|an)\s+)?$")
# Sizes and capacities of built things: they belong to whoever builds or runs it, not to the country.
SIZE_UNITS = frozenset("km m MW GW kW sq km sq m hectares acres".split()) | {"sq km", "sq m"}
AGGREGATE = re.compile(r"(?i)\b(?:(?:foreign|external)\s+trade|total\s+(?:merchandise\s+)?(?:trade|exports|imports)|"
                       r"overall\s+(?:trade|exports)|merchandise\s+trade|trade\s+surplus|trade\s+deficit)\b")
CONNECTOR = re.compile(r"(?i)(?P<copula>\b(?:was|were|is|are|be|been|stood)\s+)?\b(?:totall?ing|worth|valued\s+at|"
                       r"amounting\s+to|amounted\s+to)\s+(?:(?:about|nearly|over|more\s+than|some|almost|around|"
                       r"roughly|approximately|a\s+total\s+of)\s+)?$")


@dataclass
class Cue:
    metric: str
    where: str
    pattern: re.Pattern[str]


@cache
def metric_cues() -> list[Cue]:
    """The metric cue lexicon (lexicon/metrics.tsv) as patterns."""
    cues = []
    for line in (LEXICON / "metrics.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        metric, where, alts = line.split("\t")
        parts = []
        for cue in sorted(alts.split("|"), key=len, reverse=True):
            esc = re.escape(cue).replace(r"\ ", r"\s+")
            parts.append(esc.replace(r"\*", r"\w*") if cue.endswith("*") else esc + r"\b")
        cues.append(Cue(metric, where, re.compile(r"(?i)\b(?:" + "|".join(parts) + ")")))
    return cues


@lru_cache(maxsize=8192)
def _cue_hits(text: str, where: str) -> tuple[tuple[int, int, str], ...]:
    """Metric cue hits in a text window (cached: the same windows recur for the figures of a sentence)."""
    if not _any_cue(where).search(text):
        return ()  # one pass rules out the windows with no cue at all
    hits = []
    for cue in _cues_at(where):
        hits.extend((m.start(), m.end(), cue.metric) for m in cue.pattern.finditer(text))
    return tuple(hits)


@cache
def _cues_at(where: str) -> tuple[Cue, ...]:
    return tuple(c for c in metric_cues() if c.where == where)


@cache
def _any_cue(where: str) -> re.Pattern[str]:
    """The union of the cues of one kind, to skip windows without any."""
    return re.compile("|".join(f"(?:{c.pattern.pattern[4:]})" for c in _cues_at(where)), re.I)


@cache
def place_of(name: str) -> tuple[str | None, str | None]:
    """(type, alpha-3 country) of a place name from the place lexicon, else from pycountry."""
    try:
        from .lexicon import get_lexicon
        place = get_lexicon().places.get(name)
        if place is not None:
            return place.type, place.country
    except Exception:  # the place lexicon is optional here; pycountry still knows countries
        pass
    if len(name) <= 3 and not name.isupper():
        return None, None  # "Aus", "Can", "Per": words, not the codes AUS, CAN, PER
    try:
        return "country", pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None, None


def _country_name(code: str) -> str | None:
    """The common name of a country by its ISO alpha-3 code ("GHA" → "Ghana")."""
    try:
        from .lexicon import get_lexicon
        name = get_lexicon().country_names.get(code)
        if name:
            return name
    except Exception:  # the place lexicon is optional here
        pass
    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def country_code(name: str) -> str | None:
    """ISO alpha-3 of a country name."""
    kind, code = place_of(name)
    return code if kind == "country" else None


@dataclass
class Party:
    start: int
    end: int
    name: str
    kind: str  # person | organization | location
    state: bool  # a country (or an organization): can be a party to a figure
    obj: bool  # introduced by a preposition ("with the UN", "to China")


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside a longer one, in one pass over the mentions sorted by start."""
    order = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    inner: set[int] = set()
    reach: list[Mention] = []  # earlier mentions that still cover the current position
    for mt in order:
        reach = [o for o in reach if o.end > mt.start]
        if any(o.start <= mt.start and mt.end <= o.end and o.end - o.start > mt.end - mt.start for o in reach):
            inner.add(id(mt))
        reach.append(mt)
    return [mt for mt in mentions if id(mt) not in inner]


def _parties(text: str, mentions: list[Mention]) -> tuple[list[Party], str | None, str | None]:
    """Mentions that can be parties to a figure, the home party, and the main partner."""
    # "Kazakhstan" inside "Kazakhstan Railways" is part of the longer name, not a party of its own.
    mentions = _outermost(mentions)
    spans: set[tuple[int, int]] = set()
    unique = []
    for mt in mentions:  # the same span given twice is one mention
        if (mt.start, mt.end) not in spans:
            spans.add((mt.start, mt.end))
            unique.append(mt)
    mentions = unique
    demonym: set[str] = set()
    media: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for mt in mentions:
        total[mt.name] += 1
        if mt.kind == "location" and mt.text.lower() != mt.name.lower() and " " not in mt.text and \
                re.search(r"(?:ian|ish|ese|i|an|ic|ch|k|ek|z)$", mt.text):
            demonym.add(mt.name)  # ("Dong Nai" for Dong Nai province is a short name, not a demonym)
        if mt.kind == "organization" and (SOURCE_AFTER.match(text[mt.end:mt.end + 30])
                                          or SOURCE_BEFORE.search(text[max(0, mt.start - 25):mt.start])
                                          or MEDIA_NAME.search(mt.name)
                                          or mt.start < 60 and mt.text.isupper() and len(mt.text) > 4
                                          and re.match(r"\s*(?:[-—–:)]|\n)", text[mt.end:mt.end + 3])
                                          or re.match(r"\(\s*$", text[max(0, mt.start - 3):mt.start])
                                          and mt.start < 5
                                          or mt.start < 80 and text[mt.start - 1:mt.start] == "/"
                                          and text[mt.end:mt.end + 1] == "/"):
            media[mt.name] += 1
    # A body that the article only cites for its numbers is a source throughout.
    acting: set[str] = set()
    citing: set[str] = set()
    for mt in mentions:
        if re.search(r"\(\s*$", text[max(0, mt.start - 2):mt.start]) and re.match(r"\s*\)", text[mt.end:mt.end + 2]):
            glossed = any(o.name == mt.name and 0 <= mt.start - o.end <= 3 for o in mentions if o is not mt)
            if mt.start < 80 and not glossed:
                media[mt.name] += 1  # "KUALA LUMPUR, Jan 23 (Bernama)": the agency of the dateline
            continue  # an acronym glossed in brackets follows its full name
        if mt.kind == "organization" and (CITED_BEFORE.search(text[max(0, mt.start - 60):mt.start])
                                          or CITED_AFTER.match(text[mt.end:mt.end + 40])):
            citing.add(mt.name)
        else:
            acting.add(mt.name)
    cited = citing - acting
    exchanges = {mt.name for mt in mentions if mt.kind == "organization" and (
        LISTED_ON.search(text[max(0, mt.start - 30):mt.start]) or re.match(r"-listed\b", text[mt.end:mt.end + 8])
        or EXCHANGE_NAME.search(mt.name))}
    org_starts = {mt.start for mt in mentions if mt.kind == "organization"}
    owner_of = {mt.start for mt in mentions if mt.kind == "location" and any(
        mt.end < o <= mt.end + 50 for o in org_starts) and re.match(r"[’']s\s+(?:[a-z][\w-]*\s+){0,3}$", text[
            mt.end:min(o for o in org_starts if o > mt.end)] if any(o > mt.end for o in org_starts) else "")}
    out = []
    listed: int | None = None
    for mt in sorted(mentions, key=lambda x: x.start):
        if mt.kind == "person" or media[mt.name]:  # a source once is a source throughout
            continue
        if mt.name in cited:
            continue  # only ever cited for the numbers: a source, not a party
        if mt.name in exchanges:
            continue  # "listed on the BSE": where a company's shares trade, never a party
        if mt.kind == "location" and not country_code(mt.name) and NAME_FRONT.match(text, mt.end):
            continue  # "the Aus Green Ammonia Project": a town naming a project, no party
        if mt.kind == "location" and mt.text.lower() != mt.name.lower() and \
                re.search(r"\b(?:a|an)\s+$", text[max(0, mt.start - 4):mt.start]) and \
                re.match(r"\s+[a-z]", text[mt.end:mt.end + 3]):
            continue  # "SAF, a Thai producer of feed": the adjective describes the company, no party
        possessive = bool(re.match(r"[’']s?\b", text[mt.end:mt.end + 2]))
        if mt.kind == "location" and possessive and mt.start in owner_of:
            continue  # "Germany's KfW": the country only qualifies the organization after it
        state = mt.kind == "organization" or bool(country_code(mt.name)) or mt.name in demonym
        if not state and not possessive:
            continue
        # "investment from Japan": the party after "from" is the investor, not an object
        obj = bool(OBJECT_BEFORE.search(text[max(0, mt.start - 20):mt.start])) and not \
            INVESTOR_FROM.search(text[max(0, mt.start - 40):mt.start])
        # Members of a list ("including Laos, Indonesia and Singapore") are examples, not parties.
        if LIST_INTRO.search(text[max(0, mt.start - 45):mt.start]) or (
                listed is not None and LIST_GAP.fullmatch(text[listed:mt.start])):
            listed = mt.end
            continue
        listed = None
        if out and not obj and out[-1].obj and re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?",
                                                           text[out[-1].end:mt.start]):
            obj = True  # "to Afghanistan and Pakistan": a conjunct shares its preposition
        out.append(Party(mt.start, mt.end, mt.name, mt.kind, state, obj))
    out = _drop_enumerations(text, out)
    locs = Counter(mt.name for mt in mentions if mt.kind == "location")
    first = {}
    for mt in sorted(mentions, key=lambda x: x.start):
        first.setdefault(mt.name, mt.start)
    # The dateline place and its country are the article's home ground.
    dateline = [mt for mt in mentions if mt.kind == "location" and mt.start < 60
                and re.match(r"[\s,.]*(?:[A-Z][a-z]+,?\s*)?(?:\([^)]{1,30}\)\s*)?(?:[—–:-]|\.|,\s*[A-Z][a-z]+\s+\d)",
                             text[mt.end:mt.end + 30])]
    if dateline:
        locs[dateline[0].name] += 2
        kind, code = place_of(dateline[0].name)
        if kind != "country" and code:
            for n in list(locs):
                if country_code(n) == code:
                    locs[n] += 2
    # The country the lead names first is the story's own ground.
    lead = next((mt.name for mt in sorted(mentions, key=lambda x: x.start)
                 if mt.kind == "location" and country_code(mt.name)), None)
    if lead and not dateline:
        locs[lead] += 1
    home = None
    if locs:
        home = max(locs, key=lambda n: (locs[n], n in demonym or bool(country_code(n)), -first[n]))
        kind, code = place_of(home)
        # A dateline city that the story names only as where things happen ("talks in Nairobi")
        # is no actor of its own: like any city or province, it stands for its country.
        acting_city = any(mt.kind == "location" and mt.name == home and mt not in dateline
                          and not re.search(r"\b(?:in|at|to|from|near|via|outside)\s+$",
                                            text[max(0, mt.start - 8):mt.start]) for mt in mentions)
        if kind != "country" and code and (not dateline or not acting_city):
            # A city or province stands for its country when the article names that country.
            same = [n for n in locs if n != home and country_code(n) == code]
            if same:
                home = max(same, key=lambda n: (locs[n], -first[n]))
            elif dateline and not acting_city:
                # "ACCRA — The Bank of Ghana ...": a venue dateline is its country, named or not
                home = _country_name(code) or home
    partners = Counter(p.name for p in out if p.name != home and p.state)
    partner = max(partners, key=lambda n: (partners[n], -first[n])) if partners else None
    return out, home, partner


def _describing(text: str, mentions: list[Mention]) -> set[int]:
    """Starts of the nationalities and home towns that describe the company named right after
    them ("Malaysian utility Seri Mutiara", "Tashkent-based Bunyodkor Tekstil")."""
    orgs = [mt.start for mt in mentions if mt.kind == "organization"]
    return {mt.start for mt in mentions if mt.kind == "location"
            and (mt.text.lower() != mt.name.lower() or text.startswith("-based", mt.end))
            and any(DESCRIBES_ORG.fullmatch(text, mt.end, o) for o in orgs if mt.end < o <= mt.end + 50)}


def _drop_enumerations(text: str, parties: list[Party]) -> list[Party]:
    """Three or more places in one enumeration ("Russia, Iraq and the UAE") are a set, not a party."""
    drop: set[int] = set()
    run = [0] if parties else []
    for i in range(1, len(parties) + 1):
        if i < len(parties) and parties[i].kind == "location" and parties[i - 1].kind == "location" and \
                LIST_GAP.fullmatch(text[parties[i - 1].end:parties[i].start]):
            run.append(i)
            continue
        if len(run) >= 3:
            drop.update(run)
        run = [i]
    return [p for i, p in enumerate(parties) if i not in drop]


def _home_references(text: str, home: str | None, parties: list[Party]) -> list[Party]:
    """"the country's", "the kingdom" and the like: the article's home party by another name."""
    if not home:
        return []
    out = []
    named = {p.name for p in parties if p.kind == "location" and country_code(p.name)}
    for m in [*HOME_REF.finditer(text), *STATE_FORM_REF.finditer(text)]:
        if any(p.start <= m.start() < p.end for p in out):
            continue
        obj = bool(OBJECT_BEFORE.search(text[max(0, m.start() - 20):m.start()]))
        form = m.group(0).split()[-1].lower()
        # "the Sultanate": the one named country whose official name has that form (Oman)
        styled = [n for n in named if form in _official_name(n)] if form in STATE_FORMS else []
        # else the country named last before it, else the home party
        last = [p for p in parties if m.start() - 250 <= p.end <= m.start() and p.kind == "location"
                and country_code(p.name)]
        name = styled[0] if len(styled) == 1 else (last[-1].name if last else home)
        out.append(Party(m.start(), m.end(), name, "location", True, obj))
    for m in LOCATIVE_HOME_REF.finditer(text):
        # "Chinese companies run 84 projects in the republic": where a foreign party acts, the home
        # country is the other side; alone ("inflation in the country") it adds nothing
        clause = text[max(0, m.start() - 200):m.start()]
        clause = clause[max(clause.rfind(". "), clause.rfind("\n")) + 1:]
        lo = m.start() - len(clause)
        if any(lo <= p.start < m.start() and not p.obj and p.state and p.name != home for p in parties):
            out.append(Party(m.start(1), m.end(), home, "location", True, True))
    return sorted(out, key=lambda p: p.start)


# "the company employs 900 people", "the bank's lending to Mexico": an organization named before,
# by the kind of body it is. Not before "of"/"for" ("the Bank of Ghana" is a name).
# (capitalised, as a body's own releases write it: "the Bank's commitments", "the Company")
ORG_REF = re.compile(r"\b[Tt]he\s+(?P<noun>(?i:company|bank|fund)|firm|developers?|operator|manufacturer|"
                     r"producer|carmaker|miner|lender)\b(?![\w-])(?!\s+(?:of|for)\b)")
BANK_NAME = re.compile(r"\b(?:Bank|Banco|Banque|Fund|Fonds|Exim\w*)\b")
PUBLIC_BODY = re.compile(r"(?i)\b(?:ministry|ministries|department|agency|authority|council|commission|"
                         r"committee|bureau|office|government|parliament|institute|union|organi[sz]ation|"
                         r"community|association|chamber|board|news|press|bank|fund)\b")


def _org_references(text: str, parties: list[Party], mentions: list[Mention]) -> list[Party]:
    """"the company", "the bank", "the developers": the organization of that kind named last before."""
    parties_orgs = [p for p in parties if p.kind == "organization"]
    # a source stands in only when no party will ("X said it had hired 300. The company employs ...")
    sources = [Party(mt.start, mt.end, mt.name, mt.kind, True, False)
               for mt in _outermost(mentions) if mt.kind == "organization"]
    out = []
    for m in ORG_REF.finditer(text):
        if any(p.start <= m.start() < p.end or m.end() <= p.start <= m.end() + 1 for p in parties):
            continue  # inside a name, or in apposition to one ("the operator Silk Way Rail Cargo")
        if CITED_AFTER.match(text[m.end():m.end() + 60]):
            continue  # "..., the bank said": a source, no party
        noun = m.group("noun").lower()
        before: list[Party] = []
        for orgs in (parties_orgs, sources):
            if noun in ("bank", "lender", "fund"):
                kind = [p for p in orgs if BANK_NAME.search(p.name)
                        and (noun != "fund" or re.search(r"\bFunds?\b|\bFonds\b", p.name))]
            else:
                kind = [p for p in orgs if not PUBLIC_BODY.search(p.name)]
            # the body an earlier sentence was about, not one it only mentioned ("a swap with the PBoC")
            before = [p for p in kind if p.end <= m.start() and not p.obj] or \
                [p for p in kind if p.end <= m.start()]
            if before:
                break
        if not before:
            continue
        obj = bool(OBJECT_BEFORE.search(text[max(0, m.start() - 20):m.start()]))
        out.append(Party(m.start(), m.end(), before[-1].name, "organization", True, obj))
    return out


def _official_name(name: str) -> str:
    """The official name of a country, lower case ("sultanate of oman"), or ""."""
    import pycountry

    code = country_code(name)
    country = pycountry.countries.get(alpha_3=code) if code else None
    return (getattr(country, "official_name", "") or "").lower() if country else ""


HOME_REF = re.compile(r"\b[Tt]he\s+(?:country|island|kingdom|sultanate|emirate|nation|republic)(?=[’']s\b|\s+"
                      r"(?:has|had|is|was|aims|plans|generates|produced|exported|imported|remains)\b)")
LOCATIVE_HOME_REF = re.compile(r"\b(?:in|into)\s+(the\s+(?:country|republic|kingdom))\b(?![’'])")
STATE_FORMS = ("kingdom", "sultanate", "emirate", "emirates", "republic", "principality", "federation")
# "exports to the Sultanate", "the Kingdom's power mix": a state named by its form of government.
STATE_FORM_REF = re.compile(r"\b[Tt]he\s+(?:Kingdom|Sultanate|Emirates?|Principality)\b(?!\s+of\b)")
GLUED = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z“\"«])|(?<=[.!?][”\"»])(?=[A-Z])")


def _refine(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences also split where agency copy glues them ("in 2029.On top of that")."""
    out = []
    for s, e in sentences:
        a = s
        for m in GLUED.finditer(text, s, e):
            out.append((a, m.start()))
            a = m.start()
        out.append((a, e))
    return out


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _clause_bounds(text: str, s: int, e: int, pos: int, end: int) -> tuple[int, int]:
    """The clause around text[pos:end] inside the sentence s..e."""
    a = s
    for m in CLAUSE_BREAK.finditer(text, s, pos):
        a = m.end()
    if a > s and text[a - 1] == "," and APPOSITIVE_VERB.match(text, a, pos):
        # "Iraq's exports to Türkiye, mostly crude oil, were worth $1.9 billion": the clause's
        # subject stands before the aside between the commas
        aside = text.rfind(",", s, a - 1)
        if aside > s:
            a = s
            for m in CLAUSE_BREAK.finditer(text, s, aside):
                a = m.end()
    m = CLAUSE_BREAK.search(text, end, e)
    return a, (m.start() if m else e)


def _metric(text: str, q: Quantity, s: int, e: int, prev_end: int, noun: str | None) -> tuple[str, int]:
    """The metric of a quantity and the sign its cue implies (-1 for a fall)."""
    if q.unit == "times":
        return "growth", 1
    if q.unit not in (None, "count", "people", "percent") and not q.money:
        return "other", 1
    if not q.money and q.unit != "percent":
        for hit in _cue_hits(" " + (noun or "") + " ", "noun"):
            return hit[2], 1
        return "other", 1
    after = text[q.end:min(e, q.end + 40)]
    nxt = CLAUSE_BREAK.search(after)
    after = after[:nxt.start()] if nxt else after
    tight = [h for h in _cue_hits(after, "after") if h[0] <= 3]
    if q.unit == "percent":
        if tight:
            m = min(tight)[2]
            return ("growth", -1) if m == "decline" else (("growth", 1) if m == "growth" else (m, 1))
        if re.match(r"\s+(?:[a-z]+\s+){0,2}(?:stake|share|interest)\b", after):
            return "share", 1  # "a 15% equity stake"
        window = text[max(s, prev_end):q.start]
        hits = [h for h in _cue_hits(window, "before") if h[2] in ("growth", "decline", "share")]
        if hits:
            h = max(hits, key=lambda x: (x[1], x[1] - x[0]))  # "made up" over "up"
            if h[1] < len(window.rstrip()) - 25 and LEVEL_BEFORE.search(window):
                return "share", 1  # "... aims to reach 52%": a level, not a change
            if h[2] == "share":
                return "share", 1
            return "growth", -1 if h[2] == "decline" else 1
        if LEVEL_BEFORE.search(window):
            return "share", 1
        return ("share", 1) if re.match(r"\s*of\b", after) else ("growth", 1)
    # Money: a change only when the cue sits right before the amount ("an increase of $700m").
    near = text[max(s, q.start - 30):q.start]
    for h in _cue_hits(near, "before"):
        if h[2] in ("growth", "decline") and h[1] >= len(near) - 12 and not re.search(
                r"(?i)\b(?:made|make|makes|making)\s+up\s+$", near) and re.search(
                r"(?i)(?:by|of|up|down)\s+(?:(?:nearly|about|almost|over|more\s+than|some)\s+)?$", near):
            return "growth", -1 if h[2] == "decline" else 1
    # "investments totalling RM3bn", "exports were valued at N12trn": a connector passes the metric of
    # the noun in front of it on to the amount; after a bare copula ("trade ... was worth") it says nothing.
    conn = CONNECTOR.search(text, max(s, q.start - 40), q.start)
    if conn:
        head = text[max(s, prev_end, conn.start() - 40):conn.start()]
        hits = [h for h in _cue_hits(head, "before") if h[2] not in ("growth", "decline", "share")
                and h[1] >= len(head.rstrip()) - 2]
        if hits:
            return max(hits, key=lambda x: x[1])[2], 1
        if conn.group("copula"):
            window = text[max(s, prev_end):conn.start()]
            hits = [h for h in _cue_hits(window, "before") if h[2] not in ("growth", "decline", "share")]
            if hits:
                return max(hits, key=lambda x: x[1])[2], 1
    tight_money = [h for h in tight if h[2] not in ("growth", "decline", "share")]
    if tight_money:
        return min(tight_money)[2], 1
    for lo in (max(s, prev_end), s):
        window = text[lo:q.start]
        hits = [h for h in _cue_hits(window, "before") if h[2] not in ("growth", "decline", "share")]
        # A cue in a prepositional phrase ("investment in this project") yields to its head.
        heads = [h for h in hits if not re.search(r"(?i)\b(?:in|for|on|into|under|within)\s+"
                                                  r"(?:this|the|these|a|its|their)?\s*$", window[:h[0]])]
        hits = heads or hits
        if hits:
            return max(hits, key=lambda x: x[1])[2], 1
    later = [h for h in _cue_hits(after, "after") if h[2] not in ("growth", "decline", "share")]
    later += [h for h in _cue_hits(after, "before") if h[2] not in ("growth", "decline", "share")]
    if later:
        return min(later)[2], 1
    return "other", 1


def _reported_past(text: str, s: int, pos: int, e: int) -> bool:
    """A simple past verb before the figure, and nothing that makes it a standing state."""
    if PRESENT_FACT.search(text, s, e):
        return False
    # ("has grown", "is costed at", "will be built": a perfect or a present passive, no past event)
    return any(not re.search(r"(?i)\b(?:has|have|had|having|[’']s|[’']ve|is|are|be|been|being)\s+(?:\w+\s+)?$",
                             text[max(s, m.start() - 20):m.start()])
               for m in PAST_VERB.finditer(text, s, pos))


def _is_baseline(text: str, q: Quantity, s: int, e: int) -> bool:
    return bool(BASELINE.search(text[max(s, q.start - 30):q.start]) and BASELINE_AFTER.match(text[q.end:e]))


def _qualifier(text: str, q: Quantity, s: int, e: int, clause_end: int,
               published: date | None = None) -> str | None:
    hard = [m.end() for m in re.finditer(r";|\s[—–]\s|,\s*(?:which|who|where)\b", text[s:q.start])]
    # "The loan will cover the highway, which carries 24,000 vehicles": the relative clause
    # states its own fact, the plan outside it is not the figure's.
    before = text[s + (hard[-1] if hard else 0):q.start]
    brk = AFTER_BREAK.search(text, q.end, e)
    after = text[q.end:min(clause_end, brk.start() if brk else e)]
    baseline = BASELINE.search(text[max(s, q.start - 30):q.start]) and BASELINE_AFTER.match(text[q.end:e])
    a = s
    for m in AFTER_BREAK.finditer(text, s, q.start):
        a = m.end()
    present = PRESENT_FACT.search(text[a:q.start])
    prior = PRIOR_LEVEL.search(text[max(s, q.start - 12):q.start])
    rel = NP_RELATIVE.match(text[q.end:e]) if re.search(r"(?i)\b(?:a|an|the|its|with)\s+$",
                                                         text[max(s, q.start - 6):q.start]) else None
    if q.money:
        # "The EIB will lend EUR 1.5bn", "$125 million will go to ...": money committed, not a goal
        before, after = FIN_WILL.sub(" ", before), FIN_WILL.sub(" ", after)
    if rel and TARGET_CUES.search(rel.group(0)) and not present:
        return "target"
    if SIZE_ATTRIBUTE.match(text, q.start, min(e, q.end + 40)) or (
            re.search(r"-(?:km|kilometres?|kilometers?|hectares?|acres?|metres?|meters?)$", text[q.start:q.end])):
        return q.qualifier  # "the 700 km coastal road will ...", "a 45-hectare dry port": what it is
    if ESTIMATED_COST.search(text[max(s, q.start - 50):q.start]):
        return "target"  # "at an estimated cost of $2.4 billion": an expectation, not a fact
    if not baseline and not present and not prior and (TARGET_CUES.search(before) or TARGET_CUES.search(after)
                                                       or TOWARD.search(before)):
        return "target"
    by = BY_YEAR.match(text, q.end, e)
    if by and published and int(by.group(1)) >= published.year and not baseline and not prior \
            and not re.search(r"\b(?:had|has|have)\s+(?:\w+\s+)?$", before):
        return "target"  # "to lift trade to $500 million by 2028": a level to be reached
    if q.qualifier:
        return q.qualifier
    for pattern, qual in VERB_QUALIFIER:
        if pattern.search(text[max(s, q.start - 30):q.start]):
            return qual
    return None


STRONG_BREAK = re.compile(r"[;]|\b(?:which|while|whereas|whose)\b|,\s*(?:and|but)\s+(?!the\s+same\b)")


def _after_from_level(text: str, r: TimeRef, q: Quantity) -> bool:
    """Whether a time follows the level a change started from ("from $2.28 billion in 2024") that
    is not the quantity q itself."""
    m = None
    for m in FROM_LEVEL.finditer(text, max(0, r.start - 45), r.start):
        pass
    return m is not None and not (m.start() <= q.start < r.start) \
        and not re.search(r";|\.(?!\d)", text[m.end():r.start])


MILESTONE = re.compile(r"(?i)\b(?:once|when|after|as\s+soon\s+as)\s+(?:it|they|the\s+[a-z]+(?:\s+[a-z]+)?)\s+"
                       r"(?:(?:is|are|has|have|will)\s+)?(?:fully\s+)?(?:starts?|started|reach(?:es|ed)?|opens?|opened|"
                       r"begins?|enters?|comes?|completed|commissioned|finished|operational|goes)\b[^.;,]*$")


def _period(q: Quantity, refs: list[TimeRef], text: str) -> tuple[str | None, str | None]:
    """The period of a quantity from the time expressions of its sentence, and the kind it came from."""
    opening = text[max(0, q.start - 2):q.start]
    if opening.endswith("("):
        # "than in 2021 (2.4 million tonnes)": the bracket gives the compared period's value.
        for r in refs:
            if 0 <= q.start - r.end <= 3:
                return r.period, "compare"
    cands = [r for r in refs if r.kind in ("point", "since", "relative")]
    # A time after the figure but past the end of its clause ("..., which will lift it to X by 2026")
    # belongs to that other clause.
    brk = AFTER_BREAK.search(text, q.end, min(len(text), q.end + 300))
    cands = [r for r in cands if r.start < q.start or brk is None or r.start < brk.start()
             or not re.search(r"[;(]|\b(?:which|that|while|whereas|whose)\b|,\s*(?:and|but|including)\b|"
                              r"\band\s+(?:(?:plans?|aims?|intends?|hopes?|expects?)\s+)?to\s+[a-z]",
                              text[q.end:r.start].rstrip("( "))]  # "... (July-December 2024)": a gloss
    # "Webuild, the main contractor since 2016, currently employs 9,400": a present stock, not the span
    cands = [r for r in cands if r.start >= q.start or not re.search(r"(?i)\b(?:currently|now|today)\b",
                                                                     text[r.end:q.start])]
    # "plunged to $742.5 million from $2.28 billion in the first half of 2024": the time after the
    # level a change started from is that level's
    cands = [r for r in cands if r.start < q.end or not FROM_LEVEL.search(text[q.end:r.start])]
    # ... and no other figure's: "..., while China's share rose to 12.1%" does not take it
    cands = [r for r in cands if r.start > q.start or not _after_from_level(text, r, q)]
    # "once it reaches full operation in the fourth quarter of 2027", "When it starts up in 2027, the
    # mill will produce ...": when a plant starts is no period of what it will then do
    cands = [r for r in cands if not MILESTONE.search(text, max(0, r.start - 90), r.start)]
    if not cands:
        return None, None
    # A time in the figure's own clause beats a nearer one across ", and" or ";".
    own = [r for r in cands if r.start >= q.start or not STRONG_BREAK.search(text[r.end:q.start])]
    cands = own or cands
    if PRIOR_LEVEL.search(text[max(0, q.start - 12):q.start]):
        # "up from $2.5bn recorded in 2023": the level compared with has the time after it
        later = [r for r in cands if r.start >= q.end and r.start - q.end < 40]
        if later:
            return later[0].period, later[0].kind
    best = min(cands, key=lambda r: (r.start - q.end if r.start >= q.end else q.start - r.end))
    return best.period, best.kind


# A lender's verbs: whoever does them gives the money, the party it goes to is the subject.
FINANCING_WORDS = (r"loans?|lend\w*|lent|credit\s+lines?|lines?\s+of\s+credit|financ\w*|"
                   r"fund(?:s|ed|ing)?|committed|commitments?|approv\w*(?!\s+(?:\w+\s+)?investments?)|disburse\w*|"
                   r"allocat\w*|extend(?:s|ed)?|provid(?:e|es|ed|ing)|arrang(?:e|es|ed|ing)|tranche")
FINANCING = re.compile(rf"(?i)\b(?:{FINANCING_WORDS})\b")
BANK_FINANCING = re.compile(rf"(?i)\b(?:{FINANCING_WORDS}|mobili[sz]\w*)\b")  # a bank mobilises what it lends
THING_IN = re.compile(r"\bto\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){1,5}?(?:in|at|near)\s+$")
FIN_BREAK = re.compile(r"[;—–]|\s-\s|\b(?:which|while|whereas|whose|where|when)\b|,\s*(?:and|but|while)\b|"
                       r",\s*(?:according|the\s+\w+\s+said|\w+\s+said)\b")
# A lender's own totals: "the Bank's commitments", "ADB's lending in 2024" (not "its lending to Peru").
LENDERS_BOOK = re.compile(r"(?:\s*\([^)]{1,15}\))?[’']s\s+(?:[a-z]+\s+){0,2}(?:commitments|lending|loan\s+book|"
                          r"portfolio|approvals|disbursements)\b(?!\s+(?:to|for|in|with)\s+(?!\d))")
LOAN_WORDS = re.compile(r"(?i)\b(?:loans?|lend(?:s|ing)?|lent|credit|financ\w*|fund(?:s|ed|ing)?|tranche)\b")
OWN_MONEY = re.compile(r"(?i)\b(?:own\s+(?:funds|money|capital|resources)|equity)\b")
# (an appositive names the recipient after its description: "to the project company, Transit Gateway LLC")
RECIPIENT_BEFORE = re.compile(r"(?i)\b(?:to|for|with|in|into|across|throughout)\s+(?:the\s+|its\s+)?"
                              r"(?:(?:[a-z][\w-]*\s+){0,3}|(?<=the\s|its\s)(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+)$")
LENDER_BEFORE = re.compile(r"(?i)\b(?:from|by|led\s+by)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+)?$")
# The recipient right after a giving verb: "lent Kenya", "has granted Senegal a loan of ...".
RECEIVES_AFTER = re.compile(r"(?:\s*\([^)]{1,12}\))?\s+(?:has\s+|have\s+|had\s+)?(?:secured|closed|raised|obtained|"
                            r"received|won|attracted|landed|borrowed)\b")
LEND_VERB_BEFORE = re.compile(r"(?i)\b(?:lend|lends|lent|lending|loan|grant|grants|granted|granting|gave|give|gives|"
                              r"given|provided|extended|awarded|offered)\s+(?:the\s+)?$")


# Who runs, builds or develops a project: its statistics (capacity, length, cargo, staff) are theirs.
OPERATOR_AFTER = re.compile(r"^(?:\s*\([^)]{1,40}\))?,?\s*(?:(?:which|that|who)\s+)?(?:(?:currently|now|also|already)\s+)?"
                            r"(?:runs|operates|is\s+(?:building|developing|constructing|running|operating)|builds|"
                            r"develops|manages|will\s+(?:operate|run|build)|plans\s+to\s+build|owns|"
                            # ("X, the developer of the Namosi Hydro Scheme")
                            r"the\s+(?:[a-z]+\s+){0,2}(?:developer|operator|builder|owner)\s+of)\b")
OPERATOR_BEFORE = re.compile(r"(?i)\b(?:(?:run|operated|built|developed|backed|managed|owned|constructed|"
                             r"paid\s+for)\s+by|"
                             r"handed\s+(?:\w+\s+){0,4}?to|main\s+contractor)\s+(?:the\s+)?"
                             rf"(?:{HOME_TOWN})?$")  # ("built by Tbilisi-based Ertoba")


THING_SUBJECT = re.compile(r"\s*The\s+(?:[\w–-]+\s+){0,3}?([a-z][\w-]*)\s*,?\s+(?:is|was|will|would|are|were|has|had)\b")


def _operators(text: str, parties: list[Party]) -> list[tuple[Party, str]]:
    """Organizations the text names as running, building or developing a project, with the head noun
    of what they run ("which runs the line": "line"), when the text gives it."""
    out = []
    for p in parties:
        if p.kind != "organization":
            continue
        m = OPERATOR_AFTER.match(text[p.end:p.end + 80])
        if m:
            obj = re.match(r"\s+(?:the\s+|its\s+|a\s+)?((?:[\w-]+\s+){0,4}?)([a-z][\w-]*)\b(?=\s*(?:[,.;]|on\b|in\b|of\b|at\b|and\b|$))",
                           text[p.end + m.end():p.end + m.end() + 60])
            out.append((p, obj.group(2) if obj else ""))
        elif OPERATOR_BEFORE.search(text[max(0, p.start - 40):p.start]):
            # "The line is to be built and run by X": what X runs is the sentence's subject
            start = max(text.rfind(". ", 0, p.start) + 2, text.rfind("\n", 0, p.start) + 1)
            thing = THING_SUBJECT.match(text, start, p.start)
            out.append((p, thing.group(1) if thing else ""))
    return out


def _operator_for(q: Quantity, s: int, e: int, text: str, operators: list[tuple[Party, str]],
                  breaks: list[int]) -> Party | None:
    """The operator whose project a figure is about: named in the figure's paragraph, or running a
    thing whose noun the figure's sentence uses."""
    para = bisect.bisect_right(breaks, q.start)
    near = [p for p, _ in operators if bisect.bisect_right(breaks, p.start) == para]
    if not near:
        near = [p for p, noun in operators if noun and len(noun) > 2
                and re.search(r"(?i)\b" + re.escape(noun) + r"\b", text[s:e])]
    if not near:
        return None
    return min(near, key=lambda p: abs(p.start - q.start))


def _financing(q: Quantity, metric: str, sent: tuple[int, int], text: str, parties: list[Party],
               home: str | None, partner: str | None, memo: dict) -> tuple[str | None, str | None] | None:
    """Loans, credit lines and approvals: the recipient is the subject, the lender the counterpart.

    The lender is who lends (the clause's agent, or the party after "from"/"by"); the recipient is the
    party the money goes to ("to", "for", "with", "in", or the object of "lend"), else the recipient of
    the loan just before from the same lender, else the article's home party.
    """
    s, e = sent
    a = s
    for m in FIN_BREAK.finditer(text, s, q.start):
        a = m.end()
    m = FIN_BREAK.search(text, q.end, e)
    b = m.start() if m else e
    clause = text[a:b]
    financing = FINANCING
    if any(a <= p.start < q.start and not p.obj and p.kind == "organization" and BANK_NAME.search(p.name)
           for p in parties):
        financing = BANK_FINANCING  # "the bank will mobilise $1 billion for ...": a lender's money
    if not financing.search(clause) or OWN_MONEY.search(text[q.end:b]):
        return None
    if metric != "investment" and not financing.search(text, a, q.start):
        return None  # "projects worth $2bn ... supplied to X": a count or value is financed only by a verb before it
    here = []
    for p in parties:
        if a <= p.start < b and (p.state or p.kind == "organization"):
            if here and here[-1].name == p.name and re.fullmatch(r"\s*\(\s*", text[here[-1].end:p.start]):
                continue  # "(EIB)" glosses the name before it
            here.append(p)
    regions = [p for p in memo.get("regions", []) if a <= p.start < b]
    lender = None
    recipient = None
    from_p = [p for p in here if LENDER_BEFORE.search(text[max(s, p.start - 40):p.start])]
    agents = [p for p in here if not p.obj and p.start < q.start
              and not LEND_VERB_BEFORE.search(text[max(a, p.start - 12):p.start])]
    verb = financing.search(text, a, q.start)
    takers_first = [p for p in agents if RECEIVES_AFTER.match(text, p.end)]
    if takers_first and not from_p:
        # "KHP has closed the financing ...", "X secured a loan": the agent receives the money
        recipient = takers_first[-1]
        memo["recipient"] = recipient.name
        return recipient.name, memo.get("lender") if memo.get("recipient") == recipient.name else None
    if from_p:
        lender = min(from_p, key=lambda p: (p.start < q.start, abs(p.start - q.start)))
        i = here.index(lender)
        if i + 1 < len(here) and COORDINATED.match(re.sub(r"^\s*\([^)]{1,15}\)", "", text[lender.end:here[i + 1].start])):
            memo.setdefault("lenders", set()).update((lender.name, here[i + 1].name))
            lender = None  # two lenders together: no single counterpart
            memo["joint"] = True
        if agents and agents[-1] is not (lender or from_p[0]) and agents[-1].start < from_p[0].start:
            recipient = agents[-1]
    elif agents and verb is not None:
        lender = agents[-1]
    elif not agents and not FINANCING.search(text, a, q.start) and not from_p:
        pass
    if recipient is None:
        takers = [p for p in here + regions if p is not lender and p not in from_p and
                  (RECIPIENT_BEFORE.search(text[max(a, p.start - 30):p.start])
                   or LEND_VERB_BEFORE.search(text[max(a, p.start - 12):p.start]))
                  and (lender is None or p.start > lender.start)
                  # "allocated to a second feed mill in Vietnam": the money goes to the mill, there
                  and not THING_IN.search(text, max(a, p.start - 60), p.start)]
        if takers:
            recipient = min(takers, key=lambda p: abs(p.start - q.start))
    if not here and not regions and not memo.get("lender"):
        return None  # nothing in the clause and no loan before it: the general rules decide
    if recipient is None and lender is not None and not from_p and LENDERS_BOOK.match(text, lender.end) \
            and not any(p is not lender for p in here):
        return lender.name, None  # "the Bank's commitments for 2024 reached $1.06 billion": its own book
    lender_name = lender.name if lender else None
    if lender is None and not from_p and LOAN_WORDS.search(clause):
        # "the fund's lending to the country", "89.2 billion yen will fund ...": the lender of the story
        lender_name = memo.get("lender") or (partner if partner in memo.get("orgs", ()) else None)
    if recipient is not None:
        recipient_name = recipient.name
    elif memo.get("recipient") and (lender is None or lender_name == memo.get("lender")
                                    or memo.get("joint")):
        recipient_name = memo["recipient"]
    elif memo.get("lead") and memo["lead"] != lender_name and memo["lead"] not in memo.get("lenders", ()):
        recipient_name = memo["lead"]  # "X announced financial close ...": the company the story is about
    else:
        recipient_name = home if home != lender_name else None
    if lender_name == recipient_name:
        return None
    memo["recipient"] = recipient_name
    if lender_name:
        memo["lender"] = lender_name
        memo.setdefault("lenders", set()).add(lender_name)
    return recipient_name, lender_name


TRADE_FLOW = re.compile(r"(?i)\b(?P<flow>export\w*|import\w*|shipments?|shipped|sales|sold|bought|purchases|"
                        r"purchased|suppl(?:y|ies|ied))\b")
TRADE_PREP = re.compile(r"(?i)^(?:[^.;:]{0,45}?)\b(?P<prep>to|into|from)\s+(?:the\s+)?$")


INFLOW_TO = re.compile(r"(?i)\b(?:remittances|inflows?|receipts|arrivals|transfers|aid|assistance|"
                       r"(?:foreign\s+)?(?:direct\s+)?investments?)\s+(?:\w+\s+){0,2}?(?:to|into)\s+(?:the\s+)?$")
SUBORDINATE = re.compile(r"(?i)(?:,\s*|\s)(?:as|because|although|though|whereas)\s+(?!of\b|well\b|much\b|part\b|"
                         r"a\b|an\b|the\s+(?:country|largest|main|biggest|top)\b)")


def _subordinate(text: str, s: int, pos: int) -> bool:
    """Whether pos lies in a reason or contrast clause of its sentence ("..., as prices in X fell")."""
    m = None
    for m in SUBORDINATE.finditer(text, s, pos):
        pass
    return m is not None and not re.search(r"[,;]", text[m.end():pos])


PAIR_OPENER = re.compile(r"(?i)\bbetween\s+(?:the\s+)?$")
PAIR_POSSESSIVE = re.compile(r"(?i)^[’']s?\s+(?:[\w-]+\s+){0,2}?(?:trade|turnover|commerce)\s+with\s+(?:the\s+)?$")


def _named_pair(text: str, q: Quantity, s: int, e: int, states: list[Party]) -> tuple[str, str] | None:
    """The two sides of a trade figure as its clause names them, first named first.

    "trade between Vietnam and Hungary", "Türkiye's trade with Georgia": writers name the side the
    figure is about first, whatever country the story comes from.
    """
    def pairs(a: int, b: int) -> list[tuple[str, str]]:
        inside = [p for p in states if a <= p.start < b]
        return [(x.name, y.name) for x, y in zip(inside, inside[1:]) if x.name != y.name and (
            (PAIR_OPENER.search(text[max(a, x.start - 12):x.start]) and COORDINATED.match(text[x.end:y.start]))
            or PAIR_POSSESSIVE.match(text[x.end:y.start]))]

    a, b = _clause_bounds(text, s, e, q.start, q.end)
    # the figure's own clause, else the pair named last before it ("trade between A and B, which
    # stood at $6.4 billion")
    found = pairs(a, b) or pairs(s, q.start)[-1:]
    return found[0] if found else None


def _trade_roles(text: str, q: Quantity, s: int, e: int,
                 states: list[Party]) -> tuple[str | None, str | None] | None:
    """Whose flow of goods a figure is and with whom, from how the sentence words the flow.

    "Pakistan's exports to Uzbekistan", "UAE non-oil exports", "imports from Ethiopia",
    "exports from Kenya to Uganda": the exporter (importer) is the subject, the other side the
    counterpart. Roles in the figure's own clause win over those elsewhere in the sentence.
    None when the sentence does not say.
    """
    def roles_in(a: int, b: int) -> tuple[str | None, str | None]:
        own = other = None
        for p in states:
            if not a <= p.start < b:
                continue
            after = text[p.end:min(b, p.end + 40)]
            if re.match(r"(?i)^(?:[’']s?)?\s+(?:[\w-]+\s+){0,2}(?:export|import|shipment|purchase)", after) \
                    and not p.obj:
                own = own or p.name
                continue
            before = text[max(a, p.start - 60):p.start]
            flows = list(TRADE_FLOW.finditer(before))
            prep = TRADE_PREP.match(before[flows[-1].end():]) if flows else None
            if not prep:
                continue
            flow = flows[-1].group("flow").lower()
            inbound = flow.startswith(("import", "bought", "purchas"))
            towards = prep.group("prep").lower() in ("to", "into")
            if inbound == towards:  # imports into X, exports from X: X's own flow
                own = own or p.name
            else:
                other = other or p.name
        return own, other

    a, b = _clause_bounds(text, s, e, q.start, q.end)
    own, other = roles_in(a, b)
    if own is None and other is None:
        own, other = roles_in(s, e)
    if own is None and other is None:
        return None
    return own, other


SELLS = r"sell|sells|selling|sold|suppl(?:y|ies|ied|ying)|supplier|ship(?:s|ped|ping)|source"
BUYS = r"buy|buys|buying|bought|purchas(?:e|es|ed|ing)|(?:export\s+)?(?:destination|market|buyer|customer)"
FLOW_VERB = re.compile(rf"(?i)\b(?:(?P<buy>{BUYS})|(?P<sell>{SELLS}))\b")
GOODS = re.compile(r"(?i)\b(?:goods|products|exports?|imports?|shipments?|trade|destination|market|supplier|cargo|"
                   r"commodit\w+|merchandise)\b")
NOT_GOODS = re.compile(r"(?i)\b(?:stake|shares?|equity|assets?|compan(?:y|ies)|invest\w*|bonds?|aircraft|loans?)\b")
LISTED_AFTER = re.compile(r"(?i)\b(?:followed\s+by|ahead\s+of|then|and|while)\s+(?:the\s+)?$")


def _trade_flow(text: str, q: Quantity, s: int, parties: list[Party], home: str | None,
                partner: str | None) -> tuple[str, str, str] | None:
    """Metric and parties of an amount of goods a named state bought or sold.

    "The United States ... buying goods worth $4.4 billion, followed by Germany at $2.8 billion":
    the home state's exports to each buyer. "China supplied goods worth R31 billion": the home
    state's imports from China. None when the sentence names no state buying or selling goods.
    """
    if not home or not GOODS.search(text, s, q.end) or NOT_GOODS.search(text, s, q.start):
        return None
    states = [p for p in parties if s <= p.start < q.start and p.kind == "location" and country_code(p.name)]
    if not states or re.search(r"[.;]", text[states[-1].end:q.start]):
        return None
    state = states[-1]
    listed = bool(LISTED_AFTER.search(text[max(s, state.start - 20):state.start]))
    if state.obj and not listed:
        return None  # "exports to Germany": the prepositions say it, not a buying state
    verb = FLOW_VERB.search(text, state.end, q.start)
    if verb is None and listed and len(states) > 1:
        # "..., followed by Germany at $2.8 billion": the role of the state listed first
        verb = FLOW_VERB.search(text, states[0].end, state.start)
    if verb is None:
        return None
    other = state.name if state.name != home else partner
    if other is None or other == home:
        return None
    buys = verb.group("buy") is not None
    if buys == (state.name != home):  # the other state buys: the home state's exports to it
        return "exports", home, other
    return "imports", home, other


SHARE_OF = re.compile(r"\s+of\s+(?:the\s+)?")
TOTAL_AFTER = re.compile(r"(?i)(?:(?:total|overall|national|the\s+country[’']s)\s+)?(?:(?:merchandise|goods|non-oil|"
                         r"foreign)\s+)?(?:turnover|trade|exports|imports|shipments|purchases|sales)\b")


FIRMS = re.compile(r"\s+(?:[a-z-]+\s+)?(?:companies|firms|enterprises|businesses|joint\s+ventures|investors)\b")


def _firms_abroad(q: Quantity, text: str, e: int, here: list[Party]) -> tuple[str, str] | None:
    """"400 companies with Uzbek capital are registered in Azerbaijan": the firms' home country is the
    subject, where they work the counterpart. ("60 Kenyan companies in Uganda", with the country
    before the noun, is left to the general rule, which reads the adjective as the agent.)"""
    f = FIRMS.match(text, q.end, e)
    if not f:
        return None
    a, b = q.start, e
    brk = AFTER_BREAK.search(text, f.end(), e)
    if brk and text[brk.start()] in ";,":
        b = brk.start()
    owner = next((p for p in here if f.end() <= p.start < b and re.search(
        r"\b(?:with|from)\s+(?:the\s+)?$", text[max(a, p.start - 12):p.start])), None)  # "with Uzbek capital"
    host = next((p for p in here if f.end() <= p.start < b and p.obj and re.search(
        r"\b(?:in|into)\s+(?:the\s+)?$", text[max(a, p.start - 8):p.start])), None)
    if owner is None or host is None or owner.name == host.name or not owner.state or not host.state:
        return None
    return owner.name, host.name


def _share_of_total(q: Quantity, text: str, e: int, here: list[Party],
                    home: str | None) -> tuple[str | None, str | None] | None:
    """"The UAE accounted for 7.9% of India's trade", "Russia, ... 36.2% of turnover": the share is
    of the owner's total (the subject), held by the party that takes it (the counterpart)."""
    m = SHARE_OF.match(text, q.end, e)
    if not m:
        return None
    owner = next((p for p in here if m.end() <= p.start <= m.end() + 2 and p.state), None)
    if owner is not None and (re.match(r"[’']s?\s", text[owner.end:owner.end + 3])
                              or re.match(r"\s+[a-z]", text[owner.end:owner.end + 2])):
        name = owner.name  # "of India's trade", "of Indian exports"
    elif owner is None and TOTAL_AFTER.match(text, m.end(), e):
        name = home  # "of total exports", "of turnover": the story's own country's
    else:
        return None
    if name is None:
        return None
    holders = [p for p in here if p.end <= q.start and not p.obj and p.state and p.name != name]
    return name, (holders[-1].name if holders else None)


def _flow_partner(own: str, sentence: str, states: list[Party], context: tuple[str | None, str | None] | None,
                  partner: str | None) -> str | None:
    """The other side of "Uzbek exports" in a sentence that places the flow in the pair's trade
    ("of this volume", "to its western neighbour", "imports from the Kyrgyz side") without naming it."""
    named = {p.name for p in states if p.name != own and p.obj and country_code(p.name)}
    if len(named) == 1 and COUNTER_FLOW.search(sentence):
        return named.pop()  # "exports reached $1bn, while imports from Tajikistan stood at ...": that pair
    if named or not BILATERAL_WORDS.search(sentence):
        return None
    pair = [n for n in (*(context or ()), partner) if n and n != own and country_code(n)]
    return pair[0] if pair else None


def _assign_parties(q: Quantity, metric: str, sent: tuple[int, int], text: str, parties: list[Party],
                    home: str | None, partner: str | None, context: tuple[str | None, str | None] | None,
                    memo: dict | None = None) -> tuple[str | None, str | None]:
    s, e = sent
    orgs = {p.name for p in parties if p.kind == "organization"}
    here = [p for p in parties if s <= p.start < e]
    states = [p for p in here if p.state]
    if metric == "share" and q.unit == "percent":
        got = _share_of_total(q, text, e, here, home)
        if got is not None:
            return got
    if q.unit == "count" and not q.money:
        got = _firms_abroad(q, text, e, here)
        if got is not None:
            return got
    if metric in TRADE_METRICS or (metric == "growth" and TRADE_WORDS.search(text[s:e])):
        sentence = text[s:e]
        subject = home
        # Trade runs between states and blocs; a company, bank or ministry in the sentence is no partner.
        states = [p for p in states if p.kind != "organization" or TRADE_BLOC.search(p.name)]
        if metric == "trade_turnover" or (metric == "growth" and not (
                EXPORT_WORDS.search(sentence) or IMPORT_WORDS.search(sentence))):
            pair = _named_pair(text, q, s, e, states)
            if pair is not None:
                return pair
        if metric in ("exports", "imports") or (metric == "growth" and (
                EXPORT_WORDS.search(sentence) or IMPORT_WORDS.search(sentence))):
            roles = _trade_roles(text, q, s, e, states)
            if roles is not None:
                own, other = roles
                if own is None:
                    # "imports from Ethiopia": the other side is the article's pair member facing it
                    own = home if home != other else (partner if partner != other else None)
                if own is not None and other is None:
                    other = _flow_partner(own, sentence, states, context, partner)
                if own is not None:
                    return own, (other if other != own else None)
        # "beef exports fell 3% as prices in the United States weakened": a reason, not a partner
        states = [p for p in states if not _subordinate(text, s, p.start)]
        others = [p.name for p in states if p.name != subject]
        if not others and AGGREGATE.search(sentence):
            return subject, None  # a country's total trade has no partner
        if others:
            # The partner is the party in the figure's own clause, else the nearest one.
            a, b = _clause_bounds(text, s, e, q.start, q.end)
            own = [p for p in states if p.name != subject and a <= p.start < b]
            if own:
                return subject, own[-1].name if own[-1].start < q.start else own[0].name
            return subject, min((p for p in states if p.name != subject),
                                key=lambda p: abs(p.start - q.start)).name
        def trade_party(name: str | None) -> bool:
            return bool(name) and name != subject and bool(country_code(name) or TRADE_BLOC.search(name))
        if metric in ("exports", "imports") and not BILATERAL_WORDS.search(sentence):
            # "Re-exports grew to Dh782 billion": a flow the sentence gives no destination or origin
            # for is the country's total, not its flow with the partner of an earlier line (unless
            # it splits their trade: "bilateral trade reached $2.9bn, with Turkish exports at $2.2bn")
            return subject, None
        if context and trade_party(context[0]):
            return subject, context[0]
        if context and trade_party(context[1]):
            return subject, context[1]
        if partner and partner != subject and (country_code(partner) or TRADE_BLOC.search(partner)) \
                and (memo is None or memo.get("partner_in_lead", True)):
            return subject, partner  # a bilateral story: its trade figures are with the partner
        other = memo.get("country_partner") if memo else None
        if other and other != subject and TWO_SIDED.search(sentence):
            return subject, other  # trade the sentence calls two-sided: with the story's other country
        return subject, None
    if (q.unit == "people" or (q.unit == "count" and re.match(r"\s+(?:countries|nations|delegations)\b",
                                                              text[q.end:q.end + 14]))) \
            and ATTENDANCE.search(text[s:e]):
        return None, None  # who came to a conference, from how many countries: nobody's quantity
    if memo is not None and memo.get("operators") and (
            (metric == "other" and not q.money and q.unit != "percent")
            or (metric in ("investment", "project_value") and re.search(
                r"(?i)\b(?:cost|costs|required|requires|investment\s+of)\b", text[s:q.start]))):
        a, b = _clause_bounds(text, s, e, q.start, q.end)
        agent = [p for p in here if not p.obj and a <= p.start < q.start and p.name not in memo.get("lenders", ())]
        if not agent:
            op = _operator_for(q, s, e, text, memo["operators"], memo["breaks"])
            if op is not None:
                if q.money and home != op.name and metric == "investment":
                    return op.name, home
                return op.name, None
    if memo is not None and metric == "other" and not q.money and q.unit != "percent" and memo.get("recipient"):
        # "The money will finance 1,240 km of track", "a loan for the port, which will lift capacity to
        # 4.5 million TEU": what a loan pays for is the borrower's, when no party acts in the figure's clause.
        fa = s
        for m in FIN_BREAK.finditer(text, s, q.start):
            fa = m.end()
        m = FIN_BREAK.search(text, q.end, e)
        fb = m.start() if m else e
        if not any(fa <= p.start < fb for p in here) and FINANCING.search(text, s, q.start):
            return memo["recipient"], None
    if metric in ("investment", "project_count", "project_value") and memo is not None:
        got = _financing(q, metric, sent, text, parties, home, partner, memo)
        if got is not None:
            return got
    if not here:
        if q.unit in SIZE_UNITS:
            # A physical measure of a project: the organization carrying it out, else nobody.
            org = context[0] if context else None
            # (a bank or fund lends for a project; it does not run it)
            if org in orgs and org not in (memo or {}).get("lenders", ()) and not BANK_NAME.search(org):
                return org, None
            return home, None  # where no operator is named, the host state
        # A counterpart carried over from an earlier sentence is a state; an organization there
        # (the lender, the agency) was a party to that sentence's figure, not to this one.
        # A head count ("will employ 3,000 people") is the employer's alone; a volume ("2.15 million
        # cubic metres of timber") is with the earlier party only where the sentence is about the two.
        shared = q.money or q.unit in ("percent", "times", "count") or (
            q.unit != "people" and PAIRED.search(text, s, e) is not None)

        def carried(name: str | None) -> str | None:
            return name if name and country_code(name) and shared else None
        if context and metric != "investment" and home is not None and home in context and context[0] != home:
            return home, carried(context[0])  # the home party leads, as in bilateral reporting
        if context and not q.money and context[0] in orgs and BANK_NAME.search(context[0]):
            return home, None  # "... is expected to benefit 30,000 households": not the lender's
        if context:
            return context[0], carried(context[1])
        return home, None
    rel = re.match(r"(?:[\s-]+[a-z][\w-]*){1,3}\s+(?:that|which)\s+(?:the\s+)?", text[q.end:e])
    if rel and re.search(r"(?i)\b(?:a|an|the|its)\s+$", text[max(s, q.start - 6):q.start]):
        doer = [p for p in here if p.start == q.end + rel.end()]
        if doer and re.match(r"\s+(?:now\s+|also\s+)?(?:plans|will|is|has|wants|intends|builds|operates|runs)\b",
                             text[doer[0].end:doer[0].end + 30]):
            return doer[0].name, None
    before = [p for p in here if p.start < q.start and not p.obj]
    ca, cb = _clause_bounds(text, s, e, q.start, q.end)
    agents = before or [p for p in here if not p.obj and p.start < cb]
    subject_p = agents[-1] if agents else None
    if subject_p is not None:
        # "Ghana and the IMF have agreed 12 programmes": the first of a pair leads.
        i = here.index(subject_p)
        if i > 0 and COORDINATED.match(text[here[i - 1].end:subject_p.start]) and not here[i - 1].obj:
            subject_p = here[i - 1]
    objects = [p for p in here if p.obj and (subject_p is None or p.name != subject_p.name)]
    objects.sort(key=lambda p: (not p.state, abs(p.start - q.start)))
    counterpart = objects[0].name if objects else None
    if objects and not q.money and metric == "other" and subject_p is not None and \
            subject_p.kind == "organization" and not country_code(subject_p.name) and \
            not TRADE_BLOC.search(subject_p.name) and re.search(r"\b(?:in|at|across|throughout)\s+(?:the\s+)?$", text[max(s, objects[0].start - 12):objects[0].start]):
        counterpart = None  # "The company employs 900 people at three sites in Slovakia": where, not with whom
    inflow_to = [p for p in objects if INFLOW_TO.search(text[max(s, p.start - 40):p.start])]
    if subject_p is None and inflow_to:
        # "Remittances to Kenya rose to $4.2 billion": what flows in is the recipient's
        return inflow_to[0].name, None
    if subject_p is None and metric == "other" and not q.money and home:
        subject = home  # a physical measure with only objects around it is the home party's
    elif subject_p is None:
        subject = home if counterpart != home else partner
    else:
        subject = subject_p.name
    if counterpart is None and subject_p is not None:
        i = here.index(subject_p)
        if i + 1 < len(here) and COORDINATED.match(text[subject_p.end:here[i + 1].start]):
            counterpart = here[i + 1].name
        else:
            fa = s
            for m in FIN_BREAK.finditer(text, s, q.start):
                fa = m.end()
            m = FIN_BREAK.search(text, q.end, e)
            fb = m.start() if m else e
            # another state in the figure's own clause ("..., while Chinese investment rose" is not it)
            rest = [p for p in states if p.name != subject and fa <= p.start < fb
                    and p.start not in (memo or {}).get("described", ())]
            if not rest and subject == home:
                rest = [p for p in states if p.name != subject]  # "..., while Kazakhstan channeled $1bn"
            if rest and metric == "investment":
                counterpart = rest[0].name
    if counterpart is None and metric == "investment" and q.money and subject_p is not None and \
            subject_p.kind == "organization" and memo is not None:
        # "Bunyodkor Tekstil will invest $44 million in a factory in Osh": the host country
        counterpart = _host_country(text, q, (s, e), parties, memo.get("places", ()))
    if counterpart is None and metric == "investment" and subject not in (None, home) and home and \
            re.search(r"(?i)\b(?:invest\w*|inflow\w*|fdi)\b", text[s:e]) and \
            not re.search(r"(?i)\bportfolio\b", text[s:e]) and country_code(subject or "") is not None:
        counterpart = home
    if counterpart is None and subject == home and metric in ("project_count", "project_value") and \
            any(p.name == partner and p.start < q.start for p in parties) and \
            not re.search(r"(?i)\bcosts?\b", text[s:q.start]):
        counterpart = partner  # the projects are run with the article's main partner, named before them
    if subject == counterpart:
        counterpart = None
    return subject, counterpart


def _host_country(text: str, q: Quantity, sent: tuple[int, int], parties: list[Party],
                  places: Sequence[Party]) -> str | None:
    """The country of the city or province an amount goes to ("... in a factory in Osh")."""
    s, e = sent
    m = FIN_BREAK.search(text, q.end, e)  # (a bracketed conversion does not end the clause)
    b = m.start() if m else e
    for p in places:
        if q.end <= p.start < b and re.search(r"\b(?:in|near)\s+$", text[max(s, p.start - 6):p.start]):
            code = place_of(p.name)[1]
            if code:
                named = [x.name for x in parties if country_code(x.name) == code]
                return named[0] if named else _country_name(code)
    return None


def _lead_company(lead: list[Party], text: str) -> str | None:
    """The company a story is about: its lead starts with a company's name ("Voltaris" in the
    headline, "Voltaris Cellworks a.s." under it)."""
    if not lead or lead[0].kind != "organization" or lead[0].name.isupper():
        return None
    first = lead[0].name.split()[0]
    return next((p.name for p in lead if p.kind == "organization" and p.name.split()[0] == first and (
        COMPANY_MARK.search(p.name) or COMPANY_APPOSITIVE.match(text, p.end))), None)


def find_figures(text: str, sentences: list[tuple[int, int]], published: date | None,
                 mentions: list[Mention]) -> list[Figure]:
    """All figures stated in the text, each distinct fact once, in order of first mention."""
    sentences = _refine(text, sentences or [(0, len(text))])
    starts = [s for s, _ in sentences]
    parties, home, partner = _parties(text, mentions)
    parties = sorted(parties + _home_references(text, home, parties) + _org_references(text, parties, mentions),
                     key=lambda p: p.start)
    lead_start, lead_end = 0, (sentences[0][1] if sentences else 0)
    if len(sentences) > 1 and not re.search(r"[.!?\"”’]\s*$", text[sentences[0][0]:lead_end]) \
            and "\n" in text[lead_end:sentences[1][0] + 1]:
        lead_start, lead_end = sentences[1]  # a headline line: the lead is the sentence under it
    # the lead sentence's own actors, sources included ("X announced ...")
    outer = _outermost(mentions)
    lead = [Party(mt.start, mt.end, mt.name, mt.kind, True, False) for mt in outer
            if lead_start <= mt.start < lead_end and mt.kind != "person"
            and not OBJECT_BEFORE.search(text[max(0, mt.start - 20):mt.start])
            and not re.search(r"[(/]\s*$", text[max(0, mt.start - 2):mt.start])
            and not SOURCE_AFTER.match(text[mt.end:mt.end + 30])
            and not re.match(r"\s+(?:has\s+)?(?:learned|learnt)\b", text[mt.end:mt.end + 20])]
    # (the dateline place, also under a headline line, is no actor)
    lead = sorted((p for p in lead if not (p.kind == "location" and (
        p.start < 60 or DATELINE_PREFIX.fullmatch(text, text.rfind("\n", 0, p.start) + 1, p.start)))),
        key=lambda p: p.start)
    place_kind = {mt.name: place_of(mt.name)[0] for mt in mentions if mt.kind == "location"}
    places = [Party(mt.start, mt.end, mt.name, mt.kind, False, True) for mt in mentions
              if mt.kind == "location" and place_kind[mt.name] in ("city", "region")]
    memo: dict = {"orgs": {p.name for p in parties if p.kind == "organization"},
                  # the organization the lead sentence is about, when it leads with one
                  "lead": lead[0].name if lead and lead[0].kind == "organization" else None,
                  # the company a story is about: its lead starts with a company's name
                  "company": _lead_company(lead, text),
                  "release": False,
                  "operators": _operators(text, [Party(mt.start, mt.end, mt.name, mt.kind, True, False)
                                                 for mt in outer if mt.kind == "organization"]),
                  "breaks": [m.start() for m in re.finditer(r"\n\s*\n|\n", text)],
                  # cities and provinces, for the host country of an investment
                  "places": places,
                  # ("Malaysian utility Seri Mutiara": the nationality describes the company)
                  "described": _describing(text, outer),
                  # ("Vietnam's Dong Nai province": the country in front is the party, not its region)
                  "regions": [p for p in places if place_kind[p.name] == "region"
                              and not re.search(r"[’']s\s+$", text[max(0, p.start - 3):p.start])]}
    if memo["company"]:
        # the company's own release ("X (XYZ) today announced ...", "About X"): everything it reports
        # is the company's unless another party is named with it
        memo["release"] = bool(RELEASE_LEAD.search(text, 0, min(len(text), lead_end + 200))
                               or re.search(r"\n\s*About\s+" + re.escape(memo["company"]), text))
    # A story is bilateral when its lead names the main partner; a statistics release that lists
    # partners further down gives its totals no counterpart.
    lead_zone = sentences[min(1, len(sentences) - 1)][1] if sentences else 0
    memo["partner_in_lead"] = any(p.name == partner and p.start < lead_zone for p in parties)
    countries = Counter(p.name for p in parties if p.name != home and country_code(p.name))
    memo["country_partner"] = countries.most_common(1)[0][0] if countries else None
    country = country_code(home) if home else None
    quantities = find_quantities(text, country)
    _clause_currencies(text, quantities, mentions, sentences, country)
    refs_by_sentence: dict[int, list[TimeRef]] = {}
    last_period: str | None = None
    last_period_sentence = -10
    story: tuple[str, int] | None = None  # the period the reporting runs in, and its paragraph
    breaks = [m.start() for m in re.finditer(r"\n\s*\n|\n", text)]
    context: tuple[str | None, str | None] | None = None
    context_sentence = -1
    prev_by_sentence: dict[int, Quantity] = {}
    last_money_metric: str | None = None
    story_metric: str | None = None  # the money metric the lead reports on
    figures: list[Figure] = []
    placed: list[tuple[Quantity, Figure]] = []
    seen: dict[tuple, Figure] = {}

    def party_context(upto: int) -> tuple[str | None, str | None] | None:
        for i in range(upto - 1, -1, -1):
            s, e = sentences[i]
            here = [p for p in parties if s <= p.start < e and p.state and not _subordinate(text, s, p.start)]
            if here:
                agents = [p for p in here if not p.obj and p.name not in memo.get("lenders", ())]
                if agents:
                    subj = agents[0].name
                else:
                    subj = home if here[0].name != home else partner
                other = next((p.name for p in here if p.name != subj), None)
                return subj, other
        return None

    for q in quantities:
        si = _sentence_of(starts, q.start)
        s, e = sentences[si]
        if si not in refs_by_sentence:
            refs_by_sentence[si] = find_periods(text, published, s, e)
        refs = refs_by_sentence[si]
        prev = prev_by_sentence.get(si)
        noun = q.noun
        unit = q.unit
        if unit is None or noun == "ones":
            # A bare count takes its thing from "out of 21 projects" or the count before it.
            m = re.match(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\d,]+|(?i:" + WORD_NUMBER + r"))\b",
                         text[q.end:q.end + 40])
            if m:
                noun = counted_noun(text, q.end + m.end())[0]
            elif prev is not None and not prev.money and prev.unit in (None, "people", "count") and (
                    noun in (None, "ones")):
                noun = prev.noun
                unit = prev.unit
            elif noun == "ones":
                unit = "people"
        if unit is None and noun is None:
            continue  # a bare number that says nothing of what it counts ("the index hit 71,386")
        q.unit = unit if unit else ("count" if not q.money else q.unit)
        q.noun = noun
        _, clause_e = _clause_bounds(text, s, e, q.start, q.end)
        metric, sign = _metric(text, q, s, e, prev.end if prev else s, noun)
        qualifier = _qualifier(text, q, s, e, clause_e, published)
        period, found = _period(q, refs, text)
        if found is None and story is not None and SPAN_ANAPHORA.search(text[s:e]):
            period = story[0]  # "during the six months": the span the story reports on
        elif found is None and (ANAPHORA.search(text[s:e]) or any(r.kind == "compare" for r in refs)) \
                and si - last_period_sentence <= 3:
            period = last_period  # "The figure is 21% more compared with 2019": the period before
        baseline = _is_baseline(text, q, s, e)
        if baseline:
            period = found = None  # "from 200 MW to 400 MW by 2026": the start level has no period
        para = bisect.bisect_right(breaks, q.start)
        if found is None and period is None and not baseline and story is not None \
                and para - story[1] <= 2 and qualifier != "target" and _reported_past(text, s, q.start, e):
            if not RATE_AFTER.match(text, q.end):  # (a rate, "1.1 million TEU a year", has no span)
                period = story[0]  # a reported statistic goes on in the period the story set
            story = (story[0], para)  # and the story goes on with it
        elif found is None and period is None and qualifier != "target":
            story = None  # a goal or forecast without a period leaves the story's period standing
        part = found == "point" and SUB_PERIOD.search(text[s:e])
        # "up from $2.1bn", "plunged to $742.5 million from $2.28 billion in 2024": a level compared with
        prior_level = bool(CHANGE_FROM.search(text, max(s, q.start - 60), q.start)
                           or BASELINE.search(text, max(s, q.start - 40), q.start))
        if found == "point" and period and not part and not prior_level:
            story = (period, para) if qualifier != "target" else None
        if qualifier == "target" and period and published and (year_of(period) or 9999) < published.year:
            period = None  # a goal is not about a year already past
        if found in ("point", "since") and period and not part and not prior_level:
            last_period, last_period_sentence = period, si
        if metric == "other" and q.money and ANAPHORA.search(text[s:e]) and last_money_metric:
            metric = last_money_metric  # "this indicator made $105 million"
        elif metric == "other" and q.money and story_metric and si > 0 and STORY_GOES_ON.search(text, s, q.start) \
                and not OWN_MONEY_KIND.search(text, s, min(e, q.end + 40)):
            # "Knitwear brought in $21.1 billion", "Singapore remained the largest source at RM46
            # billion": in a story about exports (investment, ...), the amounts that follow are more of it
            metric = story_metric
        if story_metric is None and q.money and si <= 1 and metric in STORY_METRICS:
            story_metric = metric
        if q.money and metric not in ("other", "growth"):
            last_money_metric = metric
        if context_sentence != si:
            context = party_context(si)
            context_sentence = si
        subject, counterpart = _assign_parties(q, metric, (s, e), text, parties, home, partner, context, memo)
        company = memo.get("company")
        if company and memo["release"] and metric in ("exports", "imports") and subject == home and \
                not any(p.name == home and s <= p.start < e for p in parties):
            subject = company  # "Sales to the United Kingdom reached ...": the company's own sales
        if company and subject in (home, None) and metric not in TRADE_METRICS and \
                not MACRO.search(text, max(s, q.start - 80), min(e, q.end + 40)):
            ca, cb = _clause_bounds(text, s, e, q.start, q.end)
            pa = breaks[para - 1] if para else 0  # the figure's paragraph
            pb = breaks[para] if para < len(breaks) else len(text)
            named_near = memo["release"] or any(p.name == company and pa <= p.start < pb for p in parties) \
                or COMPANY_PRONOUN.search(text, s, e)
            claims = [p for p in parties if ca <= p.start < cb and p.name != company]
            # "a second feed mill in Vietnam's Dong Nai province": where the company builds, not a claim
            sites = [p for p in claims if p.obj and THING_IN.search(text, max(s, p.start - 60), p.start)]
            if named_near and len(sites) == len(claims):
                # A company's story: what no other party claims in its clause is the company's
                # ("a package worth N$21 billion", "will employ 3,200")
                subject = company
        if subject in memo["orgs"] and home and country_code(home) and \
                MACRO.search(text, max(s, q.start - 80), min(e, q.end + 40)):
            # "inflation eased to 22.8 percent", "GDP grew 4.7 percent", "reserves stood at": the
            # country's indicators, whichever body announces them
            subject, counterpart = home, (counterpart if counterpart and country_code(counterpart)
                                          and counterpart != home else None)
        if q.money and metric in ("other", "project_value"):
            flow = _trade_flow(text, q, s, parties, home, partner)
            if flow is not None:
                metric, subject, counterpart = flow
        value = q.value * sign if metric == "growth" else q.value
        prev_by_sentence[si] = q
        key = (abs(value), q.unit)
        if key in seen:
            fig = seen[key]
            for attr, val in (("period", period), ("subject", subject), ("counterpart", counterpart),
                              ("qualifier", qualifier)):
                if getattr(fig, attr) is None and val is not None:
                    setattr(fig, attr, val)
            if fig.metric == "other" and metric != "other":
                fig.metric = metric
            continue
        sentence = text[s:e]
        # (a change "in percentage points" is reasoned about as a percentage, named as written)
        unit = "percentage points" if q.unit == "percent" and POINTS.search(text, q.start, q.end) else q.unit
        fig = Figure(metric=metric, value=value, unit=unit, text=text[q.start:q.end], period=period,
                     subject=subject, counterpart=counterpart, qualifier=qualifier,
                     span=Span(q.start, q.end, sentence, s))
        seen[key] = fig
        figures.append(fig)
        placed.append((q, fig))
    _changes_take_their_level(text, placed)
    _respectively(text, placed, parties, home)
    return _local_dollars(figures)


def _clause_currencies(text: str, quantities: list[Quantity], mentions: list[Mention],
                       sentences: list[tuple[int, int]], home: str | None) -> None:
    """"Argentina's exports reached 96,000 million pesos" in a story from Chile: a word several
    countries' currencies share is the currency of the country its sentence names first, unless
    the sentence also names the story's own country."""
    forms = currency_words()
    starts = [a for a, _ in sentences]
    # (the actor, not where the flow goes: "exports to Libya rose to 2.2 billion dinars")
    actors = [(mt.start, code) for mt in mentions if mt.kind == "location"
              for code in [country_code(mt.name)] if code
              and not re.search(r"\b(?:to|from|with|into|in|for|and)\s+(?:the\s+)?$", text[max(0, mt.start - 12):mt.start])]
    for q in quantities:
        if not q.money or not q.currency_given:
            continue
        shared = [f for f in re.findall(r"[^\W\d_]+", text[q.start:q.end]) if len(forms.get(f.lower(), ())) > 1]
        if not shared:
            continue
        by_country = {where: code for code, where in forms[shared[0].lower()] if where}
        s = starts[_sentence_of(starts, q.start)]
        named = [code for start, code in actors if s <= start < q.start]
        if named and home not in named and named[0] in by_country:
            q.unit = by_country[named[0]]


# Currencies that news also writes with a bare "$" at home.
DOLLAR_CODES = frozenset({"AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "JMD", "TTD", "BBD", "FJD", "NAD", "GYD", "BZD",
                          "XCD", "LRD", "SBD", "MXN", "ARS", "CLP", "COP", "UYU", "DOP"})


def _local_dollars(figures: list[Figure]) -> list[Figure]:
    """"lines up $1.1b" over "has locked in A$1.1 billion": a bare dollar sum that the story states
    again in a local dollar is that sum, in that currency."""
    out: list[Figure] = []
    for fig in figures:
        first = next((f for f in out if f.unit == "USD" and f.value == fig.value
                      and re.match(r"[^$]{0,20}(?<![A-Za-z.])\$", f.text)), None) if fig.unit in DOLLAR_CODES else None
        if first is not None:
            first.unit = fig.unit
            for attr in ("period", "subject", "counterpart", "qualifier"):
                if getattr(first, attr) is None:
                    setattr(first, attr, getattr(fig, attr))
            if fig.metric != "other":
                first.metric = fig.metric  # (the body says what the sum is better than "lines up")
            continue
        out.append(fig)
    return out


AMOUNT_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")
PARTY_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")


def _respectively(text: str, placed: list[tuple[Quantity, Figure]], parties: list[Party],
                  home: str | None) -> None:
    """"Japan and Singapore followed with $0.91 billion and $0.88 billion, respectively": the n-th
    amount goes with the n-th party of the list before it."""
    for m in re.finditer(r"\brespectively\b", text):
        stop = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        run = [(q, f) for q, f in placed if stop < q.start < m.start()]
        # the amounts coordinated right before "respectively"
        chain = run[-1:]
        for a, b in zip(reversed(run[:-1]), reversed(run[1:])):
            if not AMOUNT_JOIN.match(text[a[0].end:b[0].start]):
                break
            chain.insert(0, a)
        if len(chain) < 2:
            continue
        first = chain[0][0].start
        listed: list[Party] = []
        for p in reversed([p for p in parties if stop < p.start and p.end <= first and p.state]):
            if listed and not PARTY_JOIN.match(text[p.end:listed[0].start]):
                if len(listed) >= len(chain):
                    break
                listed = []
            listed.insert(0, p)
        listed = listed[-len(chain):]
        if len(listed) != len(chain) or len({p.name for p in listed}) != len(listed):
            continue
        names = {p.name for p in listed}
        for (_, fig), p in zip(chain, listed):
            if fig.subject in names and fig.counterpart not in names and fig.counterpart is not None:
                fig.subject = p.name  # "Kenya and Uganda sold $1bn and $2bn to China, respectively"
                continue
            if fig.subject in names:
                # the list is the other side ("Japan and Germany followed with ..."): the story's own
                # country is the subject
                fig.subject = home if home not in names else None
            fig.counterpart = p.name if p.name != fig.subject else None


CHANGE_AFTER = re.compile(r"^(?:\s+[\w-]+){0,3},\s+(?:a|an|up|down)\s+(?:(?:rise|increase|decrease|drop|fall|decline|"
                          r"growth|jump|gain)\s+of\s+)?(?:(?:about|around|nearly|almost|some|over|more\s+than)\s+)?$")
CONVERSION = re.compile(r"\s*[(\[]\s*(?:(?:about|around|roughly|some|approximately|nearly|or|equivalent\s+to)\s+)?")
SHARE_AFTER = re.compile(r"^,?\s*(?:or|i\.e\.|that\s+is|accounting\s+for|making\s+up)\s+"
                         r"(?:(?:about|around|nearly|almost|some|over|more\s+than)\s+)?$")
CHANGE_TO = re.compile(r"^[^.;:]{0,60}?\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$")


def _changes_take_their_level(text: str, placed: list[tuple[Quantity, Figure]]) -> None:
    """"fell 4.2% to $3.6 billion": a change takes the parties (and period) of the level it leads to."""
    for (qa, fa), (qb, fb) in zip(placed, placed[1:]):
        if qa.money and qb.money and fa.unit != fb.unit and CONVERSION.fullmatch(text[qa.end:qb.start]):
            # "N$21 billion (about US$1.16 billion)": the same amount in another currency; what one
            # of the two lacks, the other gives
            for attr in ("period", "subject", "counterpart"):
                if getattr(fa, attr) is None or getattr(fb, attr) is None:
                    value = getattr(fa, attr) or getattr(fb, attr)
                    setattr(fa, attr, value)
                    setattr(fb, attr, value)
            if fb.metric in ("other", "project_value") and fa.metric not in ("other", "project_value"):
                fb.metric = fa.metric
            elif fa.metric in ("other", "project_value") and fb.metric not in ("other", "project_value"):
                fa.metric = fb.metric
            continue
        if fa.metric == "growth" and fa.unit == "percent" and fb.metric != "growth" and \
                CHANGE_TO.match(text[qa.end:qb.start]):
            level, change = fb, fa
        elif fb.metric == "growth" and fb.unit == "percent" and fa.metric != "growth" and \
                CHANGE_AFTER.match(text[qa.end:qb.start]):
            level, change = fa, fb  # "reached $712 million last year, a rise of 40 per cent"
        elif fb.metric == "share" and fb.unit == "percent" and fa.unit != "percent" and \
                SHARE_AFTER.match(text[qa.end:qb.start]):
            level, change = fa, fb  # "goods worth R31 billion, or 20% of the total": the level's share
        else:
            continue
        change.subject, change.counterpart = level.subject, level.counterpart
        if change.period is None:
            change.period = level.period
