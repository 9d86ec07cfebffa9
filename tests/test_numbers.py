"""The number grammar: money and quantities in the styles of many regions."""
from __future__ import annotations

import pytest

from newsfacts.extract.numbers import find_quantities, parse_number, pick_currency


def only(text: str, country: str | None = None):
    qs = find_quantities(text, country)
    assert len(qs) == 1, [(text[q.start:q.end], q.value) for q in qs]
    q = qs[0]
    return text[q.start:q.end], q.value, q.unit


@pytest.mark.parametrize("text,words,value,unit", [
    ("Exports rose to $11.4 billion last year.", "$11.4 billion", 11_400_000_000, "USD"),
    ("a credit of 545.2 million US dollars", "545.2 million US dollars", 545_200_000, "USD"),
    ("The lender approved USD 1.2bn for roads.", "USD 1.2bn", 1_200_000_000, "USD"),
    ("a fund of €2 billion for hydrogen", "€2 billion", 2_000_000_000, "EUR"),
    ("Lubelska has put zł1.4 billion into the plant.", "zł1.4 billion", 1_400_000_000, "PLN"),
    ("The line will cost ₫12 trillion.", "₫12 trillion", 12_000_000_000_000, "VND"),
    ("the state budget sets aside Rs 32,500 crore", "Rs 32,500 crore", 325_000_000_000, "INR"),
    ("capital spending of Rs 3.2 lakh crore", "Rs 3.2 lakh crore", 3_200_000_000_000, "INR"),
    ("outlay of ₹11,11,111 crore on infrastructure", "₹11,11,111 crore", 11_111_110_000_000, "INR"),
    ("non-oil trade hit Dh1.058 trillion", "Dh1.058 trillion", 1_058_000_000_000, "AED"),
    ("Qatar posted a surplus of QR7.79bn", "QR7.79bn", 7_790_000_000, "QAR"),
    ("approved investments of RM1.2 billion", "RM1.2 billion", 1_200_000_000, "MYR"),
    ("bilateral trade of US$26 billion", "US$26 billion", 26_000_000_000, "USD"),
    ("Aramco signed deals worth SR 4.5 billion", "SR 4.5 billion", 4_500_000_000, "SAR"),
    ("a tender of AED 750 million", "AED 750 million", 750_000_000, "AED"),
    ("bonds worth KSh 15 billion were sold", "KSh 15 billion", 15_000_000_000, "KES"),
    ("revenue reached 2.3 trillion naira", "2.3 trillion naira", 2_300_000_000_000, "NGN"),
    ("Petrobras will spend R$ 102 billion", "R$ 102 billion", 102_000_000_000, "BRL"),
    ("a package worth N$21 billion for the plant", "N$21 billion", 21_000_000_000, "NAD"),
    ("Singapore firms put in S$3.5 billion", "S$3.5 billion", 3_500_000_000, "SGD"),
    ("a line of credit of 900 million pesos", "900 million pesos", 900_000_000, "MXN"),
    ("a deal for 1.5 billion manat", "1.5 billion manat", 1_500_000_000, "AZN"),
    ("loans of 300 million lari", "300 million lari", 300_000_000, "GEL"),
    ("worth 48 billion tenge", "48 billion tenge", 48_000_000_000, "KZT"),
    ("the ministry paid £250m to contractors", "£250m", 250_000_000, "GBP"),
    ("a grant of CHF 40 million", "CHF 40 million", 40_000_000, "CHF"),
    ("sales of 12 billion yuan", "12 billion yuan", 12_000_000_000, "CNY"),
    ("a port deal of GH¢ 2.1 billion", "GH¢ 2.1 billion", 2_100_000_000, "GHS"),
    ("an outlay of Rp 5 trillion", "Rp 5 trillion", 5_000_000_000_000, "IDR"),
    ("a budget of 7 billion rubles", "7 billion rubles", 7_000_000_000, "RUB"),
    ("it may reach seven billion US dollars", "seven billion US dollars", 7_000_000_000, "USD"),
    ("an investment of €150mn", "€150mn", 150_000_000, "EUR"),
    ("the trade reached USD 4.1 bln", "USD 4.1 bln", 4_100_000_000, "USD"),
    ("worth USD 535 mln", "USD 535 mln", 535_000_000, "USD"),
])
def test_money(text, words, value, unit):
    assert only(text) == (words, value, unit)


@pytest.mark.parametrize("text,words,value,unit", [
    ("inflation eased to 28% in May", "28%", 28, "percent"),
    ("a rise of 14.2 percent", "14.2 percent", 14.2, "percent"),
    ("a share of 3.5 per cent", "3.5 per cent", 3.5, "percent"),
    ("the volume grew 1.7 times", "1.7 times", 1.7, "times"),
    ("a threefold increase in cargo", "threefold", 3, "times"),
    ("a 2.5-fold jump", "2.5-fold", 2.5, "times"),
    ("a harvest of 22 million tons", "22 million tons", 22_000_000, "tonnes"),
    ("a 75,000-ton wheat contract", "75,000-ton", 75_000, "tonnes"),
    ("a solar park of 1,400 MW", "1,400 MW", 1400, "MW"),
    ("a capacity exceeding 190 gigawatts", "190 gigawatts", 190, "GW"),
    ("the 836 kilometers of track", "836 kilometers", 836, "km"),
    ("More than 240 km of road", "More than 240 km", 240, "km"),
    ("a fleet moving 3 million TEU", "3 million TEU", 3_000_000, "TEU"),
    ("output of 1.2 million barrels per day", "1.2 million barrels per day", 1_200_000, "barrels/day"),
    ("irrigating 50,000 hectares", "50,000 hectares", 50_000, "hectares"),
    ("a mine yielding 180,000 ounces of gold", "180,000 ounces", 180_000, "ounces"),
    ("output of 40,000 oz a year", "40,000 oz", 40_000, "ounces"),
    ("a contract worth LE4.5 billion", "LE4.5 billion", 4_500_000_000, "EGP"),
])
def test_units(text, words, value, unit):
    assert only(text) == (words, value, unit)


@pytest.mark.parametrize("text,words,value,unit,noun", [
    ("they signed three memorandums", "three", 3, None, "memorandums"),
    ("over 200 joint projects with the bank", "over 200", 200, None, "projects"),
    ("More than 700 businessmen came", "More than 700", 700, "people", "businessmen"),
    ("at least 50 thousand standard containers", "at least 50 thousand", 50_000, None, "containers"),
    ("some 1,500 workers are on site", "some 1,500", 1500, "people", "workers"),
    ("more than ten countries", "more than ten", 10, None, "countries"),
    # a people noun in a compound counts people; before a plural it only qualifies the plural
    ("a 35-member delegation arrived", "35", 35, "people", "member"),
    ("the bank has 19 borrowing member countries", "19", 19, None, "countries"),
])
def test_counts(text, words, value, unit, noun):
    qs = find_quantities(text)
    assert len(qs) == 1
    q = qs[0]
    assert (text[q.start:q.end], q.value, q.unit, q.noun) == (words, value, unit, noun)


@pytest.mark.parametrize("text,qualifier", [
    ("over 200 schools", "over"), ("more than 80% of cargo", "over"), ("at least 12 plants", "over"),
    ("nearly $700 million", "about"), ("approximately $4 billion", "about"), ("around 30 firms", "about"),
    ("less than 5% of output", "under"), ("$4 billion", None),
])
def test_leading_qualifier(text, qualifier):
    assert find_quantities(text)[0].qualifier == qualifier


@pytest.mark.parametrize("text", [
    "The forum ran for 15 years without a break.",
    "in the first 11 months of the year",
    "It made the Fortune Global 500 list again.",
    "The COVID-19 pandemic slowed trade.",
    "under the 2030 National Infrastructure Plan",
    "+ ↺ − 16 px",
    "25 Apr. 22:50 (UTC+3 MSK)",
    "Call +7 7172 74 12 34 for details.",
    "The 7th meeting took place on May 29-30.",
    "It ranked second among the partners.",
    "the two countries agreed to cooperate",
    "both sides said that the three nations would meet",
    "one of the largest producers",
    "The talks were held in 2023.",
    "the fiscal year 2018-19",
    "Phase 2 of the metro opens soon.",
    "the G20 summit and the COP29 talks",
    "a 45-year-old engineer",
    "He was aged 61.",
    "the 2022–2026 strategy",
    "an Su-30 fighter",
    "It will take 2 years to build.",
])
def test_not_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("form,country,code", [
    ("Rs", None, "INR"), ("Rs", "PAK", "PKR"), ("Rs", "LKA", "LKR"),
    ("dirhams", None, "AED"), ("dirhams", "MAR", "MAD"),
    ("pesos", "ARG", "ARS"), ("pesos", "COL", "COP"), ("pesos", None, "MXN"),
    ("CFA francs", "SEN", "XOF"), ("CFA francs", "CMR", "XAF"),
    ("shillings", "UGA", "UGX"), ("shillings", None, "KES"),
    ("N", None, None), ("N", "NGA", "NGN"), ("R", "ZAF", "ZAR"),
    ("manat", "TKM", "TMT"), ("manat", None, "AZN"),
    ("Dollars", None, "USD"), ("JPY", None, "JPY"), ("XYZ", None, None),
    ("Ch$", None, "CLP"), ("₮", None, "MNT"), ("tugriks", None, "MNT"), ("kina", None, "PGK"),
    # words and symbols several countries share, settled by the home country
    ("Rs", "MUS", "MUR"), ("$", "AUS", "AUD"), ("$", None, "USD"), ("kroner", "NOR", "NOK"),
    ("kr", "SWE", "SEK"), ("lei", "MDA", "MDL"), ("lei", None, "RON"), ("francs", "RWA", "RWF"),
    ("francs", "SEN", "XOF"), ("pounds", "LBN", "LBP"), ("RD$", None, "DOP"), ("pesos", "DOM", "DOP"),
    # currencies of their own name
    ("riels", None, "KHR"), ("kip", None, "LAK"), ("quetzales", None, "GTQ"), ("lempiras", None, "HNL"),
    ("KM", None, "BAM"), ("kwanzas", None, "AOA"), ("denars", None, "MKD"),
])
def test_pick_currency(form, country, code):
    assert pick_currency(form, country) == code


@pytest.mark.parametrize("text,country,words,unit", [
    ("a N5.2 trillion budget", "NGA", "N5.2 trillion", "NGN"),
    ("a R2.5 billion upgrade", "ZAF", "R2.5 billion", "ZAR"),
    ("a loan of Rs 500 crore", "PAK", "Rs 500 crore", "PKR"),
    ("a budget of Ch$ 95,000 million", None, "Ch$ 95,000 million", "CLP"),
])
def test_country_settles_symbol(text, country, words, unit):
    got_words, _, got_unit = only(text, country)
    assert (got_words, got_unit) == (words, unit)


@pytest.mark.parametrize("text,country,found", [
    ("a loan of kr 4.1 billion", "NOR", [(4_100_000_000, "NOK")]),
    ("the Danish krone weakened", "DNK", []),  # a number word inside a word is no number
    ("some seven projects", None, [(7, None)]),
])
def test_word_numbers_stand_alone(text, country, found):
    assert [(q.value, q.unit) for q in find_quantities(text, country)] == found


def test_one_letter_symbol_needs_its_country():
    assert find_quantities("the N95 masks arrived") == []


def test_currency_carried_to_a_bare_scaled_amount():
    qs = find_quantities("Sales were €3 billion in 2023 and 4.5 billion in 2024.")
    assert [(q.value, q.unit, q.currency_given) for q in qs] == [
        (3_000_000_000, "EUR", True), (4_500_000_000, "EUR", False)]


@pytest.mark.parametrize("text,value", [
    ("32,500", 32500), ("1.058", 1.058), ("seven", 7), ("twenty-five", 25), ("Ten", 10),
    ("3,20,000", 320000), ("ninety nine", 99), ("lots", None),
])
def test_parse_number(text, value):
    got = parse_number(text)
    assert (None if got is None else float(got)) == value


def test_range_shares_unit():
    qs = find_quantities("The mine will add 150,000 to 180,000 tonnes of copper a year.")
    assert [(q.value, q.unit) for q in qs] == [(150000, "tonnes"), (180000, "tonnes")]
    qs = find_quantities("Output may reach 2 to 3 million barrels.")
    assert [(q.value, q.unit) for q in qs] == [(2000000, "barrels"), (3000000, "barrels")]


@pytest.mark.parametrize("text,value,unit", [
    ("a 2,150-metre suspension bridge", 2150, "m"),
    ("the works will create 1.1 crore person-days of jobs", 11000000, "human-days"),
    ("towns with a population of nearly 45 lakh", 4500000, "people"),
    ("prices rose 3.4 percent year-on-year", 3.4, "percent"),
    ("the president brought eight ministers along", 8, "people"),
])
def test_new_units(text, value, unit):
    _, got_value, got_unit = only(text)
    assert (got_value, got_unit) == (value, unit)


@pytest.mark.parametrize("text", ["a deal between the two companies", "the two utilities agreed"])
def test_party_references_are_not_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,words,value,unit", [
    # a compound number word with "hundred and"
    ("Wine sales reached six hundred and forty million dollars.", "six hundred and forty million dollars",
     640_000_000, "USD"),
    # wet or dry metric tons are tonnes
    ("The mine shipped 2.5 million wet metric tons of bauxite.", "2.5 million wet metric tons", 2_500_000,
     "tonnes"),
    # police officers and nationals of a country are people
    ("Some 8,000 police officers guarded the venue.", "Some 8,000", 8000, "people"),
    ("About 300,000 Bangladeshis work in the emirate.", "About 300,000", 300_000, "people"),
    # households are counted things (unit None here, `count` as a figure), not people
    ("The plant will power 90,000 households.", "90,000", 90_000, None),
    # an irregular plural is a counted thing
    ("The ministers signed five memoranda on trade.", "five", 5, None),
])
def test_round2_units(text, words, value, unit):
    assert only(text) == (words, value, unit)


def test_the_two_officials_is_a_reference_not_a_count():
    assert find_quantities("The two officials also discussed fisheries.") == []
