"""The number grammar: money and quantities as news writes them, scaled out to plain numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"

UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
# Qualifier words written in front of a number; they belong to the figure's text.
QUALIFIER_WORDS = {
    "more than": "over", "over": "over", "above": "over", "in excess of": "over",
    "at least": "over", "upwards of": "over", "well over": "over", "just over": "over",
    "no less than": "over", "not less than": "over", "exceeding": None,
    "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "approximately": "about", "approx.": "about", "roughly": "about", "close to": "about",
    "some": "about", "an estimated": "about", "estimated": "about",
    "less than": "under", "under": "under", "below": "under", "just under": "under",
    "fewer than": "under", "at most": "under", "no more than": "under",
}
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


@dataclass
class Quantity:
    """One number in the text with its unit, as the grammar reads it."""

    start: int  # the figure's text: a leading qualifier word, currency, number, scale, unit
    end: int
    value: float
    unit: str | None  # ISO 4217 code, percent, times, tonnes...; None: a counted thing
    qualifier: str | None = None
    num_start: int = 0
    num_end: int = 0
    noun: str | None = None  # the counted thing right after a bare number ("projects")
    money: bool = False
    scaled: bool = False
    words: bool = False  # written in words ("seven")
    currency_given: bool = True  # False when the currency was filled in from context


@dataclass(frozen=True)
class Lexicon:
    currency_forms: dict[str, list[tuple[str, str]]]  # form -> [(code, country or "")]
    prefix_forms: tuple[str, ...]
    postfix_forms: tuple[str, ...]
    scales: dict[str, Decimal]
    units: dict[str, str]
    people: frozenset[str]
    durations: frozenset[str]
    furniture: frozenset[str]
    labels: frozenset[str]
    party_nouns: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (LEXICON / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _is_word_form(form: str) -> bool:
    """Lower-case words ("dollars", "lakh") are written after the number only; a symbol of two
    letters ("zł") may lead it."""
    return any(c.islower() for c in form) and not (len(form) <= 5 and form[0].isupper()) and len(form) > 2 \
        and not any(not c.isalpha() and c not in " .'-" for c in form)


@cache
def lexicon() -> Lexicon:
    """The currencies and units lexicons, read once."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for code, country, alts in _rows("currencies.tsv"):
        for form in alts.split("|"):
            forms.setdefault(form, []).append((code, country))
    prefix = [f for f in forms if not _is_word_form(f)]
    # One-letter symbols are ambiguous after a number ("5 R"), so they only lead.
    postfix = [f for f in forms if not (len(f) == 1 and f.isalpha())]
    scales: dict[str, Decimal] = {}
    units: dict[str, str] = {}
    sets: dict[str, set[str]] = {k: set() for k in ("people", "duration", "furniture", "label", "party")}
    for kind, canon, alts in _rows("units.tsv"):
        for form in alts.split("|"):
            if kind == "scale":
                scales[form] = Decimal(canon)
            elif kind == "unit":
                units[form] = canon
            else:
                sets[kind].add(form.lower())
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return Lexicon(forms, by_len(prefix), by_len(postfix), scales, units,
                   frozenset(sets["people"]), frozenset(sets["duration"]),
                   frozenset(sets["furniture"]), frozenset(sets["label"]), frozenset(sets["party"]))


def _alt(forms, fold_words: bool = True) -> str:
    parts = []
    for f in forms:
        esc = re.escape(f).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{esc})" if fold_words and any(c.islower() for c in f) else esc)
    return "|".join(parts)


WORD_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
               r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
               r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
               r"|one|two|three|four|five|six|seven|eight|nine|ten)")
DIGITS = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@cache
def grammar() -> re.Pattern[str]:
    """The compiled pattern of one quantity."""
    lx = lexicon()
    spaced_scales = [s for s in lx.scales if len(s) > 1]
    tight_scales = [s for s in lx.scales if len(s) == 1]
    quals = sorted(QUALIFIER_WORDS, key=len, reverse=True)
    unit_forms = sorted(lx.units, key=len, reverse=True)
    return re.compile(
        r"(?<![\w$€£¥₹.,])"
        r"(?:(?P<qual>" + _alt(quals) + r"|(?i:over)|(?i:more\s+than))\s+)?"
        r"(?:(?P<cur_pre>" + _alt(lx.prefix_forms, fold_words=False) + r")\s?)?"
        r"(?P<num>" + DIGITS + r"|(?<![^\W\d_])(?i:" + WORD_NUMBER + r"(?:\s+hundred\s+and\s+" + WORD_NUMBER + r"(?![\w-]))?)"
        r"(?:(?![\w-])|(?=fold\b)))"
        r"(?:(?:\s|-)?(?P<scale>(?:" + _alt(sorted(spaced_scales, key=len, reverse=True)) + r")(?![\w])"
        r"|(?<=\d)(?:" + "|".join(map(re.escape, tight_scales)) + r")(?![\w]))"
        r"(?:\s(?P<scale2>(?i:crore|crores)|(?i:lakh)))?)?"
        r"(?:(?P<sep>\s?|-)(?P<post>" + _alt(lx.postfix_forms) + "|" + _alt(unit_forms)
        + r")(?![\w]))?"
    )


def word_value(word: str) -> int | None:
    """Value of a number word ("seven", "twenty-five")."""
    w = word.lower().replace("-", " ").split()
    if "hundred" in w:
        i = w.index("hundred")
        head = word_value(" ".join(w[:i]))
        tail = word_value(" ".join(x for x in w[i + 1:] if x != "and")) if w[i + 1:] else 0
        return head * 100 + tail if head and tail is not None and head < 10 else None
    if len(w) == 1:
        return UNITS_WORDS.get(w[0], TENS_WORDS.get(w[0]))
    if len(w) == 2 and w[0] in TENS_WORDS and w[1] in UNITS_WORDS:
        return TENS_WORDS[w[0]] + UNITS_WORDS[w[1]]
    return None


def parse_number(text: str) -> Decimal | None:
    """A numeral or number word as a Decimal ("32,500" -> 32500, "seven" -> 7)."""
    text = text.strip()
    if text and text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    v = word_value(text)
    return Decimal(v) if v is not None else None


def plain(value: Decimal) -> float:
    """A Decimal as a JSON-friendly number: int when whole."""
    return int(value) if value == value.to_integral_value() else float(value)


@cache
def currency_words() -> dict[str, list[tuple[str, str]]]:
    """Currency forms with lower-case letters ("pesos", "Rs"), folded, and the (code, country) pairs
    that write them."""
    return {f.lower(): v for f, v in lexicon().currency_forms.items() if any(c.islower() for c in f)}


@cache
def _folded_units() -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon().units.items() if any(c.islower() for c in k)}


def pick_currency(form: str, country: str | None) -> str | None:
    """ISO code of a currency form; the home country settles forms several currencies share."""
    lx = lexicon()
    cands = lx.currency_forms.get(form)
    if cands is None:
        cands = currency_words().get(re.sub(r"\s+", " ", form).lower())
    if not cands:
        return None
    for code, where in cands:
        if where and where == country:
            return code
    defaults = [code for code, where in cands if not where]
    return defaults[0] if defaults else None


def _unit_of(form: str) -> str | None:
    lx = lexicon()
    form = re.sub(r"\s+", " ", form)
    if form in lx.units:
        return lx.units[form]
    return _folded_units().get(form.lower())


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
MONTH_BEFORE = re.compile(r"\b(?i:" + MONTHS + r")\.?\s+(?:\d{1,2}\s*[-–]\s*)?$")
MONTH_AFTER = re.compile(r"^(?:\s*[-–]\s*\d{1,2})?(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:" + MONTHS + r")\b")
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?\(?\d{1,5}\)?|\(\d{2,5}\))[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){1,3}"
                   r"|\b\d{2,5}[\s.-]\d{2,4}[\s.-]\d{2,4}[\s.-]\d{2,4}\b"
                   r"|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b")
STOP_WORDS = frozenset("of in to with for from at on by and or as than that which who while "
                       "is are was were be been has have had will would could should can may "
                       "the a an this these those its their his her our".split())
DETERMINERS = frozenset("the both our these those all its their his her".split())
IRREGULAR_PLURALS = frozenset("memoranda criteria phenomena data media strata curricula".split())
PERSON_PARTIES = frozenset("ministers leaders presidents heads".split())
NAME_OK_BEFORE = frozenset("in by to of with and or some about over nearly almost around "
                           "approximately only just another additional total".split())


def _next_words(text: str, pos: int, n: int = 4) -> list[str]:
    out = []
    for m in WORD_RE.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos:m.start()]
        if any(c in gap for c in ".;:()[]\n\"“”") or (out and "," in gap and len(out) > 2):
            break
        out.append(m.group(0))
        pos = m.end()
        if len(out) >= n:
            break
    return out


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word right before pos, separated by spaces only."""
    m = re.search(r"([A-Za-z][A-Za-z.'’]*)[ \t]+$", text[max(0, pos - 40):pos])
    if not m:
        return "", -1
    return m.group(1), max(0, pos - 40) + m.start(1)


def counted_noun(text: str, pos: int) -> tuple[str | None, str | None]:
    """The counted thing after a bare number and its kind: people, duration, party, furniture, or None."""
    lx = lexicon()
    words = _next_words(text, pos)
    for i, w in enumerate(words):
        lw = w.lower().strip("'’")
        if lw in STOP_WORDS:
            break
        two = " ".join(x.lower() for x in words[i:i + 2])
        if lw in lx.durations or two in lx.durations or lw.split("-")[0] in lx.durations:
            return lw, "duration"
        if lw in lx.furniture:
            return lw, "furniture"
        if lw in lx.people and not (i + 1 < len(words) and re.fullmatch(r"[a-z]{3,}[^s\W]s", words[i + 1])):
            return lw, "people"  # ("19 member countries": the plural after the modifier is counted)
        if lw in lx.party_nouns:
            return lw, "party"
        if lw == "ones":
            return lw, "ones"
        if re.fullmatch(r"[A-Z][a-z]+(?:ians|ans|ese|is|ks|os|ts)", w) and i == 0:
            return lw, "people"  # "500,000 Egyptians": nationals of a country
        if lw.endswith("s") and len(lw) > 3 and not lw.endswith(("ss", "ous", "ics")):
            return lw, None
        if lw in IRREGULAR_PLURALS:
            return lw, None
        if i >= 3:
            break
    return None, None


def _is_year(q_num: str) -> bool:
    return bool(re.fullmatch(r"(1[89]\d\d|20\d\d|2100)", q_num))


def find_quantities(text: str, country: str | None = None) -> list[Quantity]:
    """Every money amount and quantity the grammar finds, in text order, with non-figures dropped."""
    lx = lexicon()
    phones = [m.span() for m in PHONE.finditer(text)]
    out: list[Quantity] = []
    last_currency: str | None = None
    for m in grammar().finditer(text):
        num = m.group("num")
        ns, ne = m.span("num")
        if any(a <= ns < b for a, b in phones):
            continue
        words = not num[0].isdigit()
        cur_pre, post, scale = m.group("cur_pre"), m.group("post"), m.group("scale")
        before = text[max(0, ns - 60):ns] if not cur_pre else text[max(0, m.start("cur_pre") - 60):m.start("cur_pre")]
        after = text[m.end():m.end() + 40]
        currency = pick_currency(cur_pre, country) if cur_pre else None
        unit = None
        if post:
            currency_post = pick_currency(post, country)
            if currency_post and not currency:
                currency = currency_post
            elif not currency_post:
                unit = _unit_of(post)
            if post and m.group("sep") == "" and post[0].isalpha() and not (
                    unit in ("times", "tonnes", "km", "GW", "MW", "percent") or currency_post):
                post = None
        if cur_pre and not currency:
            continue
        if cur_pre and cur_pre.isalpha() and cur_pre.isupper() and m.end("cur_pre") == ns \
                and not scale and "." not in num:
            continue  # letters glued to a whole number are a name ("COP29"), not money
        if post and unit is None and not currency:
            continue
        # A numeral glued to letters or a name ("COVID-19", "G20", "Su-30", "A320") is a label.
        if not cur_pre and re.search(r"[A-Za-z]-?$", before):
            continue
        if re.match(r"[A-Za-z]", text[m.end():m.end() + 1]) and not post and not scale:
            continue  # "7th", "5G"
        if re.match(r"\s*:\d", after) or re.search(r"\d:\s*$", before):
            continue  # clock times and ratios
        if re.search(r"[+±]\s*$", before):
            continue  # "UTC+3", phone prefixes
        if re.match(r"\s*\.\d", text[ne:ne + 3]):
            continue
        if re.search(r"\d{4}\s*[-–/]\s*$", before) and not (post or scale or cur_pre):
            continue  # second half of a year range or fiscal year ("2018-19")
        if not (post or scale or cur_pre) and re.match(r"[-–]\d", text[ne:ne + 2]) and _is_year(num):
            continue
        if re.fullmatch(r"0\d+", num):
            continue  # "0199": a code or phone part
        value = parse_number(num)
        if value is None:
            continue
        if scale:
            value *= lx.scales.get(scale, lx.scales.get(scale.lower(), Decimal(1)))
            if m.group("scale2"):
                value *= lx.scales.get(m.group("scale2").lower().rstrip("s"), Decimal(1))
        bare = not (currency or unit)
        if bare:
            if MONTH_BEFORE.search(before) or MONTH_AFTER.match(text[ne:ne + 20]):
                continue  # dates
            if not scale and _is_year(num):
                continue  # years feed the period, they are not figures
            prev, prev_at = _prev_word(text, m.start())
            if prev.lower() in lx.labels or (not prev.endswith(".") and prev.lower() in lx.labels):
                continue  # "Phase 2", "No. 5"; a word ending a sentence is no label
            if (prev[:1].isupper() and prev.lower() not in NAME_OK_BEFORE
                    and not re.search(r"(^|[.!?:\n\"“”]\s*)$", text[:prev_at][-3:] or "^")
                    and not re.search(MONTHS, prev.lower())):
                continue  # inside a name ("Fortune Global 500")
            if re.search(r"(?i)\b(aged?|age of|ages)\s*$", before):
                continue
            if re.match(r"\s*(?:-|\s)?(?:year|month|week|day)s?[- ]old", after, re.I):
                continue
            if re.search(r"(?:^|\n)\s*$", before) and re.match(r"[.)]\s", text[ne:ne + 2]):
                continue  # list numbering
        noun = None
        if bare:
            noun, kind = counted_noun(text, m.end())
            if kind in ("duration", "furniture"):
                continue
            if kind == "party" and re.search(r"(?i)\b(" + "|".join(DETERMINERS) + r")\s+$", before):
                continue
            if words and value == 1 and not scale:
                continue  # "one of the largest" is not a count
            if not scale and "." in num and not noun:
                continue
            if scale and not noun and re.search(r"(?i)\bpopulations?\s+of\s+(?:\w+\s+)?$", before):
                unit = "people"  # "a population of about 32 lakh"
            elif scale and not noun and last_currency:
                currency = last_currency  # a currency missing but plain from context
            elif kind == "people" and words and value <= 12 and re.search(
                    r"(?i)\b(?:the|both|all|these|those)\s+$", before):
                continue  # "the two officials": a reference to the parties, not a count
            elif kind == "people" or (kind == "party" and noun in PERSON_PARTIES):
                unit = "people"  # "brought six ministers"
        if re.match(r"(?:-|\s)(?:year|month|week|day)s?\b(?![- ](?:on|over|to)[- ])", text[m.end():m.end() + 14],
                    re.I):
            if not currency:
                continue
        qual_text = m.group("qual")
        qualifier = QUALIFIER_WORDS.get(re.sub(r"\s+", " ", qual_text.lower())) if qual_text else None
        start = m.start() if qualifier else (m.start("cur_pre") if cur_pre else ns)
        end = m.end() if post else (m.end("scale2") if m.group("scale2") else (m.end("scale") if scale else ne))
        if currency:
            last_currency = currency
        q = Quantity(start=start, end=end, value=plain(value), unit=currency or unit,
                     qualifier=qualifier, num_start=ns, num_end=ne, noun=noun,
                     money=bool(currency), scaled=bool(scale), words=words,
                     currency_given=bool(cur_pre or (post and currency)))
        out.append(q)
    _share_range_units(text, out)
    return out


RANGE_GAP = re.compile(r"\s*(?:to|-|–|and|or)\s*$")


def _share_range_units(text: str, out: list[Quantity]) -> None:
    """"280,000 to 300,000 tonnes": the first number of a range takes the unit (and scale) of the second."""
    for a, b in zip(out, out[1:]):
        if a.unit is not None or a.noun is not None or b.unit is None or a.scaled or a.words:
            continue
        if not RANGE_GAP.fullmatch(text[a.end:b.start]) or b.start - a.end > 6:
            continue
        num_b = parse_number(text[b.num_start:b.num_end])
        if num_b:
            factor = Decimal(str(b.value)) / num_b
            a.value = plain(Decimal(str(a.value)) * factor)
            a.scaled = b.scaled
        a.unit, a.money, a.currency_given = b.unit, b.money, b.currency_given
