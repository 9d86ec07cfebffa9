"""Figures: metric, period, parties and qualifier around the number grammar."""
from __future__ import annotations

import re
from datetime import date

import pytest

from newsfacts.extract.figures import find_figures
from newsfacts.models import Mention

NAMES = {
    "India": ("location", "India"), "Indian": ("location", "India"),
    "UAE": ("location", "United Arab Emirates"), "Emirati": ("location", "United Arab Emirates"),
    "Kenya": ("location", "Kenya"), "Kenyan": ("location", "Kenya"), "Nairobi": ("location", "Nairobi"),
    "Oman": ("location", "Oman"), "Omani": ("location", "Oman"), "Ethiopia": ("location", "Ethiopia"),
    "United States": ("location", "United States"), "South Africa": ("location", "South Africa"),
    "Nigeria": ("location", "Nigeria"), "Nigerian": ("location", "Nigeria"),
    "Brazil": ("location", "Brazil"), "Brazilian": ("location", "Brazil"),
    "Argentina": ("location", "Argentina"), "Georgia": ("location", "Georgia"),
    "Georgian": ("location", "Georgia"), "Azerbaijan": ("location", "Azerbaijan"),
    "Germany": ("location", "Germany"), "German": ("location", "Germany"),
    "France": ("location", "France"), "Malaysia": ("location", "Malaysia"),
    "Japan": ("location", "Japan"), "Japanese": ("location", "Japan"), "China": ("location", "China"),
    "Chinese": ("location", "China"), "Mumbai": ("location", "Mumbai"), "Qatar": ("location", "Qatar"), "Qatari": ("location", "Qatar"),
    "African Development Bank": ("organization", "African Development Bank"),
    "World Bank": ("organization", "World Bank"), "Reuters": ("organization", "Reuters"),
    "Tata Power": ("organization", "Tata Power"),
    "Bank of Ghana": ("organization", "Bank of Ghana"), "BSE": ("organization", "BSE"),
    "Accra": ("location", "Accra"), "Kovra Cells": ("organization", "Kovra Cells"),
    "Thai": ("location", "Thailand"), "Mekong Feeds": ("organization", "Mekong Feeds"),
    "Stock Exchange of Thailand": ("organization", "Stock Exchange of Thailand"),
    "SET": ("organization", "Stock Exchange of Thailand"),
    "Monetary Policy Committee": ("organization", "Monetary Policy Committee"),
    "Nordvolt Cells AS": ("organization", "Nordvolt Cells AS"), "Slovakia": ("location", "Slovakia"),
    "Hungary": ("location", "Hungary"), "Hungarian": ("location", "Hungary"),
    "Vietnam": ("location", "Vietnam"), "Türkiye": ("location", "Türkiye"),
    "Turkish": ("location", "Türkiye"), "Algeria": ("location", "Algeria"),
    "Algerian": ("location", "Algeria"), "Hanoi": ("location", "Hanoi"), "Ankara": ("location", "Ankara"),
    "Algiers": ("location", "Algiers"), "Kyrgyzstan": ("location", "Kyrgyzstan"),
    "Bishkek": ("location", "Bishkek"), "Bratislava": ("location", "Bratislava"),
    "BRATISLAVA": ("location", "Bratislava"), "Kovra": ("organization", "Kovra"),
    "Kovra Foods Public Company Limited": ("organization", "Kovra Foods Public Company Limited"),
    "United Kingdom": ("location", "United Kingdom"), "Thailand": ("location", "Thailand"), "Uganda": ("location", "Uganda"), "Ugandan": ("location", "Uganda"),
}

NAMES.update({
    "Andina Cobre SAC": ("organization", "Andina Cobre SAC"), "Peru": ("location", "Peru"),
    "LIMA": ("location", "Lima"), "Ilo": ("location", "Ilo"), "MANILA": ("location", "Manila"),
    "Asian Development Bank": ("organization", "Asian Development Bank"),
    "Bank of Japan": ("organization", "Bank of Japan"), "Philippines": ("location", "Philippines"),
    "COLOMBO": ("location", "Colombo"), "Sri Lanka": ("location", "Sri Lanka"),
    "Central Bank of Sri Lanka": ("organization", "Central Bank of Sri Lanka"),
    "People's Bank of China": ("organization", "People's Bank of China"),
    "Nordhavn Kabel AS": ("organization", "Nordhavn Kabel AS"), "Norway": ("location", "Norway"),
    "OSLO": ("location", "Oslo"), "LUANDA": ("location", "Luanda"), "Angola": ("location", "Angola"),
    "BRUSSELS": ("location", "Brussels"), "European Union": ("organization", "European Union"),
    "Namibia": ("location", "Namibia"), "BANGKOK": ("location", "Bangkok"),
    "Chao Phraya Feeds Public Company Limited": ("organization", "Chao Phraya Feeds Public Company Limited"),
    "Dong Nai province": ("location", "Dong Nai province"), "Dong Nai": ("location", "Dong Nai province"),
    "ANKARA": ("location", "Ankara"), "Iraq": ("location", "Iraq"), "Iraqi": ("location", "Iraq"),
})

def mentions_of(text: str) -> list[Mention]:
    out, taken = [], []
    for surface in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            kind, name = NAMES[surface]
            out.append(Mention(surface, m.start(), m.end(), kind, name))
    return sorted(out, key=lambda x: x.start)


def sentences_of(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def figures(text: str, published: date | None = date(2024, 6, 10)):
    return find_figures(text, sentences_of(text), published, mentions_of(text))


def one(text: str, **kw):
    figs = figures(text, **kw)
    assert len(figs) == 1, [(f.text, f.value, f.unit) for f in figs]
    return figs[0]


@pytest.mark.parametrize("text,metric,value,unit", [
    ("Bilateral trade between India and the UAE reached $85 billion in 2023.",
     "trade_turnover", 85_000_000_000, "USD"),
    ("Kenya's exports to China rose to $250 million last year.", "exports", 250_000_000, "USD"),
    ("Nigeria imported goods worth N4.2 trillion from China in 2023.", "project_value",
     4_200_000_000_000, "NGN"),
    ("The African Development Bank approved a loan of $120 million for Kenya.", "investment",
     120_000_000, "USD"),
    ("Japanese firms invested ₹45,000 crore in India in 2022.", "investment", 450_000_000_000, "INR"),
    ("Brazil and Argentina signed agreements worth R$ 3 billion.", "project_value",
     3_000_000_000, "BRL"),
    ("Exports to France fell by 7% in the first quarter of 2024.", "growth", -7, "percent"),
    ("Tourist arrivals in Georgia increased by 12.5 percent in 2023.", "growth", 12.5, "percent"),
    ("Germany accounts for 18% of Azerbaijan's non-oil trade.", "share", 18, "percent"),
    ("The corridor will carry 4.5 million tons of cargo by 2030.", "other", 4_500_000, "tonnes"),
    ("Malaysia has completed 35 projects with the World Bank.", "project_count", 35, "count"),
    ("Trade between India and Japan grew 2.4 times over the decade.", "growth", 2.4, "times"),
    ("Qatar's trade surplus widened by QR2.3bn in May.", "growth", 2_300_000_000, "QAR"),
    # agency English after the French "échanges commerciaux"
    ("The volume of commercial exchanges between Kenya and India stood at 2.1 billion dollars in 2023.",
     "trade_turnover", 2_100_000_000, "USD"),
    # headline verbs
    ("Kenya-India trade tops $5.6 billion as tea sales climb", "trade_turnover", 5_600_000_000, "USD"),
])
def test_metric_value_unit(text, metric, value, unit):
    f = one(text)
    assert (f.metric, f.value, f.unit) == (metric, value, unit)


@pytest.mark.parametrize("text,period", [
    ("Trade between India and the UAE reached $85 billion in 2023.", "2023"),
    ("In January-March 2024, Kenya's exports to China hit $90 million.", "2024-01/2024-03"),
    ("Trade with France rose to €3 billion last year.", "2023"),
    ("Since 2005, German investment in Georgia has reached $1.1 billion.", "2005/"),
    ("Trade in fiscal 2022-23 between India and Japan stood at $21 billion.", "2022/2023"),
    ("Trade with China rose to $5 billion in the past seven months.", None),
    ("In the first quarter of this year, trade with Brazil exceeded $2 billion.", "2024-01/2024-03"),
])
def test_period(text, period):
    assert one(text).period == period


def test_period_carried_to_a_comparison_in_the_next_sentence():
    text = ("Trade between Kenya and China reached $3.1 billion in 2023. "
            "The figure is 9% more than in 2022.")
    figs = figures(text)
    assert [(f.value, f.period) for f in figs] == [(3_100_000_000, "2023"), (9, "2023")]


def test_a_sum_paid_for_those_imports_has_their_period():
    text = ("Kenya imported 2,100 gigawatt-hours of power from Ethiopia in 2024. Ethiopia has 12 dams. "
            "The utility paid $150 million for those imports, or about 19.4 billion shillings.")
    by = {f.text: f for f in figures(text, published=date(2025, 3, 1))}
    assert (by["$150 million"].period, by["about 19.4 billion shillings"].period) == ("2024", "2024")


def test_bracketed_value_takes_the_compared_period():
    text = ("Trade between India and Japan reached $22 billion in 2023, "
            "up 8 percent from 2022 ($20.4 billion).")
    figs = figures(text)
    assert [(f.value, f.metric, f.period) for f in figs] == [
        (22_000_000_000, "trade_turnover", "2023"), (8, "growth", "2023"),
        (20_400_000_000, "trade_turnover", "2022")]


@pytest.mark.parametrize("text,qualifier", [
    ("Trade with Brazil exceeded $2 billion in 2023.", "over"),
    ("India and the UAE aim to raise trade to $100 billion.", "target"),
    ("Trade with China is expected to exceed $10 billion.", "target"),
    ("Exports to Japan may reach seven billion US dollars.", "target"),
    ("Malaysia plans to build 12 new plants.", "target"),
    ("Nigeria's trade with China topped N2 trillion.", "over"),
    ("Trade with Germany reached nearly $4 billion.", "about"),
    ("Trade with France stood at less than €1 billion.", "under"),
    ("The two countries agreed to bring trade to $5 billion.", "target"),
    ("Trade with Japan rose to $5 billion in 2023.", None),
    ("The dam on the Zambezi is to have a capacity of 2,400 MW.", "target"),
    ("Crews broke ground on the 300 MW Kafue Solar Park, which Tata Power is building.", "target"),
    ("The ring road will be paid for by the state at an estimated cost of $900 million.", "target"),
    ("Kenya wants to export 5 million tonnes of tea a year.", "target"),
    # a relative clause states its own fact, the plan around it is not the figure's
    ("The loan will upgrade the highway, which carries about 30,000 vehicles a day.", "about"),
])
def test_qualifier(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text,subject,counterpart", [
    ("Bilateral trade between India and the UAE reached $85 billion in 2023.",
     "India", "United Arab Emirates"),
    ("Kenyan exports to China reached $250 million.", "Kenya", "China"),
    # the guide: the recipient of a loan is the subject, the lender the counterpart
    ("The African Development Bank approved a loan of $120 million to Kenya.",
     "Kenya", "African Development Bank"),
    ("The World Bank has granted Kenya a loan of $300 million for roads.", "Kenya", "World Bank"),
    # the agent of "secured/closed/raised" receives the money
    ("Tata Power has secured financing of $300 million from the World Bank.", "Tata Power", "World Bank"),
    ("Japanese companies invested $3 billion in India last year.", "Japan", "India"),
    ("Germany and Georgia have implemented 48 projects since 1995.", "Germany", "Georgia"),
    ("Tata Power, which operates in several countries, including Georgia and Nigeria, "
     "has a capacity of 15 GW.", "Tata Power", None),
    # who ships to whom, from how the sentence words the flow
    ("Brazil said imports from Argentina fell to $2.1 billion.", "Brazil", "Argentina"),
    ("UAE non-oil exports to Kenya came to $900 million.", "United Arab Emirates", "Kenya"),
    ("Exports from Georgia to Azerbaijan came to $310 million.", "Georgia", "Azerbaijan"),
    ("Nigeria's shipments of cocoa to Germany stood at $140 million.", "Nigeria", "Germany"),
])
def test_parties(text, subject, counterpart):
    f = one(text)
    assert (f.subject, f.counterpart) == (subject, counterpart)


def test_home_party_leads_bilateral_trade():
    text = ("MUMBAI — India and Brazil held talks on Monday. Indian officials said India sees "
            "Brazil as a key partner.\n\nTrade turnover rose by 11% to $15 billion in 2023.")
    figs = figures(text)
    assert [(f.metric, f.subject, f.counterpart) for f in figs] == [
        ("growth", "India", "Brazil"), ("trade_turnover", "India", "Brazil")]


@pytest.mark.parametrize("text,pair", [
    # the side a trade figure is about is named first, wherever the story comes from
    ("HANOI — Vietnam's minister met Hungarian officials. He said trade between Hungary and "
     "Vietnam reached $1.1 billion in 2024.", ("Hungary", "Vietnam")),
    ("ANKARA — Turkish officials said Türkiye's trade with Georgia stood at $2.9 billion in 2023.",
     ("Türkiye", "Georgia")),
    ("ALGIERS — Algerian and Turkish ministers discussed raising trade between Türkiye and "
     "Algeria, which stood at $6.4 billion in 2023.", ("Türkiye", "Algeria")),
])
def test_trade_pair_named_in_the_sentence_sets_the_order(pair, text):
    f = [f for f in figures(text) if f.metric == "trade_turnover"][0]
    assert (f.subject, f.counterpart) == pair


@pytest.mark.parametrize("text,subject,counterpart", [
    ("BISHKEK — Kyrgyzstan hosted Chinese investors. Chinese companies are running 84 projects "
     "in the republic, officials said.", "China", "Kyrgyzstan"),
    ("BISHKEK — Kyrgyzstan hosted Chinese investors. Japanese firms employ about 9,000 people "
     "in the country.", "Japan", "Kyrgyzstan"),
    # without a foreign party acting, "in the country" is just the home ground
    ("BISHKEK — Kyrgyzstan reported prices on Monday. Inflation in the country slowed to 5.1% in May.",
     "Kyrgyzstan", None),
])
def test_the_country_after_in_is_the_home_side(text, subject, counterpart):
    f = figures(text)[-1]
    assert (f.subject, f.counterpart) == (subject, counterpart)


def test_exports_without_a_destination_are_the_country_s_total():
    text = ("NAIROBI — Kenyan exports to China rose to $900 million in 2024. Overall, exports "
            "reached $7.2 billion.")
    f = [f for f in figures(text) if f.metric == "exports"][-1]
    assert (f.subject, f.counterpart) == ("Kenya", None)


def test_exports_that_split_bilateral_trade_keep_the_partner():
    text = ("NAIROBI — Kenyan and Ugandan ministers met on Monday. Bilateral trade reached $2.9 billion "
            "last year, with Kenyan exports accounting for $2.2 billion.")
    f = [f for f in figures(text) if f.metric == "exports"][0]
    assert (f.subject, f.counterpart) == ("Kenya", "Uganda")


def test_news_agency_is_not_a_party():
    f = one("Trade between Georgia and Azerbaijan reached $1.4 billion in 2023, Reuters reports.")
    assert {f.subject, f.counterpart} == {"Georgia", "Azerbaijan"}


def test_forum_attendance_has_no_parties():
    f = one("More than 300 businessmen from Kenya attended the forum.")
    assert (f.value, f.unit, f.subject, f.counterpart, f.qualifier) == (300, "people", None, None, "over")


def test_each_fact_once_with_first_text():
    text = ("Brazil, Argentina sign deals worth $3bn\n"
            "Brazil and Argentina signed 12 agreements worth $3 billion on Monday. "
            "The 12 agreements cover energy.")
    figs = figures(text)
    assert [(f.text, f.value, f.unit) for f in figs] == [
        ("$3bn", 3_000_000_000, "USD"), ("12", 12, "count")]


def test_counts_inherit_their_thing():
    text = "Of the 92 bridges planned in Kenya, 31 have been completed. Ten out of 21 projects are in Mumbai."
    figs = figures(text)
    assert [(f.value, f.unit, f.metric) for f in figs] == [
        (92, "count", "other"), (31, "count", "other"), (10, "count", "project_count"),
        (21, "count", "project_count")]


def test_not_figures_in_context():
    text = ("The 7th session of the commission met on May 29-30, 2024 in Mumbai. "
            "For the past 15 years the two countries have cooperated, and COVID-19 slowed trade. "
            "Tata Power is on the Fortune Global 500 list.")
    assert figures(text) == []


def test_spans_point_at_the_text():
    text = "Intro line.\nTrade with China grew 5% in 2023 to reach $8.2 billion."
    figs = figures(text)
    assert [f.text for f in figs] == ["5%", "$8.2 billion"]
    for f in figs:
        assert text[f.span.start:f.span.end] == f.text
        assert f.span.sentence == text[f.span.sentence_start:f.span.sentence_start + len(f.span.sentence)]
        assert f.span.sentence.startswith("Trade with China")


def test_target_does_not_keep_a_past_year():
    text = "Following the visit in December 2022, India and the UAE agreed to raise trade to $100 billion."
    f = one(text, published=date(2024, 1, 8))
    assert (f.qualifier, f.period) == ("target", None)


def test_no_sentences_and_no_date_still_work():
    figs = find_figures("Exports rose to $5 billion last year.", [], None, [])
    assert [(f.value, f.metric, f.period) for f in figs] == [(5_000_000_000, "exports", None)]


def test_story_period_carries_to_reported_past_figures():
    text = ("Kenya's tea exports rose 6% to $1.4 billion in 2023.\n\n"
            "Japan took 12% of the shipments. Kenya employs 40,000 people in the sector.")
    by = {f.text: f for f in figures(text)}
    assert by["12%"].period == "2023"  # a reported past fact goes on in the story's year
    assert by["40,000"].period is None  # a standing state does not


def test_baseline_of_a_change_is_not_the_goal():
    by = {f.text: f for f in figures("Kenya will raise the capacity from 300 MW to 650 MW by 2027.")}
    assert (by["300 MW"].qualifier, by["300 MW"].period) == (None, None)
    assert (by["650 MW"].qualifier, by["650 MW"].period) == ("target", "2027")


def test_relative_clause_target_stays_in_its_clause():
    f = figures("Malaysia said the approvals covered 410 projects that are expected to start next year.")[0]
    assert f.qualifier is None


def test_cited_body_is_no_party():
    f = one("Nigeria's exports rose to $9 billion in 2023, according to the World Bank.")
    assert (f.subject, f.counterpart) == ("Nigeria", None)


def test_lender_is_counterpart_of_a_loan():
    f = one("The World Bank approved a $300 million loan to Kenya for rural roads.")
    assert (f.subject, f.counterpart) == ("Kenya", "World Bank")


def test_trading_partner_in_own_clause():
    by = {f.text: f for f in figures(
        "India's trade rose in 2023. China remained the largest trading partner with $90 billion, "
        "followed by Japan at $40 billion.")}
    assert by["$90 billion"].metric == "trade_turnover"
    assert by["$90 billion"].counterpart == "China"
    assert by["$40 billion"].counterpart == "Japan"


def test_connector_passes_the_noun_metric():
    f = one("Malaysia approved investments totalling RM50 billion in 2023.")
    assert f.metric == "investment"
    f = one("Nigeria's exports were valued at N9 trillion in 2023.")
    assert f.metric == "exports"


NAMES.update({
    "Kenya Railways": ("organization", "Kenya Railways"),
    "Asian Development Bank": ("organization", "Asian Development Bank"),
    "Tokyo": ("location", "Tokyo"),
    "Central Asia": ("location", "Central Asia"),
})


@pytest.mark.parametrize("text,subject,counterpart", [
    # a lender's verb: the recipient is the subject, the lender the counterpart
    ("The World Bank has approved a $300 million loan for Kenya to upgrade its grid.", "Kenya", "World Bank"),
    ("Germany will lend Kenya $150 million for water works.", "Kenya", "Germany"),
    ("Kenya Railways secured $90 million in loans from the African Development Bank.",
     "Kenya Railways", "African Development Bank"),
    # two lenders together have no single counterpart
    ("Kenya Railways secured $90 million in loans from the African Development Bank and the World Bank.",
     "Kenya Railways", None),
    # the recipient named in apposition after its description
    ("The Asian Development Bank will lend $75 million to the port operator, Kenya Railways, for new cranes.",
     "Kenya Railways", "Asian Development Bank"),
    # a state's own investment stays the investor's
    ("Japanese firms invested $2 billion in India last year.", "Japan", "India"),
])
def test_financing_direction(text, subject, counterpart):
    f = one(text)
    assert (f.subject, f.counterpart) == (subject, counterpart)


def test_financing_carries_the_recipient_to_the_next_loan_of_the_same_lender():
    text = ("The Asian Development Bank signed a $200 million loan with Georgia on Monday. "
            "The bank's total lending to the country has reached $4 billion.")
    figs = figures(text)
    assert [(f.subject, f.counterpart) for f in figs] == [("Georgia", "Asian Development Bank")] * 2


@pytest.mark.parametrize("second, parties", [
    # a lender's own book, named by the capitalised noun its releases use
    ("The Bank's commitments for 2024 reached $3.1 billion.", ("Asian Development Bank", None)),
    ("Asian Development Bank's approvals in 2024 totalled $3.1 billion.", ("Asian Development Bank", None)),
    # lending with a named recipient stays the recipient's
    ("The Bank's lending to Georgia has reached $3.1 billion.", ("Georgia", "Asian Development Bank")),
])
def test_a_lender_s_own_totals_are_its_own(second, parties):
    figs = figures("The Asian Development Bank signed a $200 million loan with Georgia on Monday. " + second)
    assert (figs[1].subject, figs[1].counterpart) == parties


def test_project_statistics_go_to_the_operator():
    text = ("The new line will carry 40,000 passengers a day. "
            "Kenya Railways, which runs the line, said tickets go on sale in May.")
    f = figures(text)[0]
    assert (f.subject, f.counterpart) == ("Kenya Railways", None)


def test_a_city_home_stands_for_its_named_country():
    text = ("Tokyo has pledged support. Officials in Tokyo said Japan's exports rose. "
            "Car sales grew 6 percent in 2023.")
    assert figures(text)[-1].subject == "Japan"


@pytest.mark.parametrize("text,qualifier", [
    ("Kenya has expressed interest in investing $500 million in the port.", "target"),
    ("Both sides restated their aim of trade worth $10 billion.", "target"),
    ("The cost of the bridge is estimated at $1.2 billion.", "target"),
    ("The dam is designed to hold 4 billion cubic meters of water.", "target"),
    ("Officials unveiled a 60 km road that Kenya plans to build.", "target"),
    ("The depot will link to the existing 12 stations.", None),
])
def test_round2_qualifier_cues(text, qualifier):
    assert one(text).qualifier == qualifier


def test_level_compared_with_is_no_target():
    figs = figures("Kenya is targeting $3 billion in exports this year, up from $2.5 billion recorded in 2023.")
    assert [(f.qualifier, f.period) for f in figs] == [("target", "2024"), (None, "2023")]


def test_time_after_the_clause_is_not_the_period():
    f = figures("The bank arranged a $450 million loan for the port, which will lift capacity to "
                "2 million TEU by 2027.")[0]
    assert f.period is None


NAMES.update({
    "Russia": ("location", "Russia"), "Iraq": ("location", "Iraq"), "Chile": ("location", "Chile"),
    "Peru": ("location", "Peru"),
    "European Investment Bank": ("organization", "European Investment Bank"),
    "EIB": ("organization", "European Investment Bank"),
    "Andes Power": ("organization", "Andes Power"),
})


def test_an_enumeration_of_three_places_is_no_party():
    f = figures("Kenya's tea sector grew. Russia, Iraq and Chile were the top buyers, together taking "
                "41 percent of the country's exports.")[0]
    assert (f.subject, f.counterpart) == ("Kenya", None)


def test_the_country_refers_to_the_country_named_just_before():
    f = figures("The bank signed its 20th loan to Georgia. Its lending to the country has reached $2 billion.")[0]
    assert f.subject == "Georgia"


def test_an_organization_of_an_earlier_sentence_is_not_carried_as_counterpart():
    figs = figures("Kenya met the World Bank on Monday. Kenya's economy grew 5.6 percent last year.")
    assert figs[0].counterpart is None


def test_investment_from_a_country_is_that_country_s():
    f = figures("Investment from Japan rose to $3 billion in 2023, the Kenyan ministry said.")[0]
    assert f.subject == "Japan"


def test_a_change_takes_the_parties_of_the_level_it_leads_to():
    figs = figures("Investment from Japan fell 4.2% to $3 billion in 2023, Kenya's central bank said.")
    assert [(f.subject, f.period) for f in figs] == [("Japan", "2023")] * 2


def test_coordinated_lenders_with_acronyms_have_no_single_counterpart():
    f = figures("Kenya Railways secured $90 million in loans from the European Investment Bank (EIB) and the "
                "World Bank.")[0]
    assert (f.subject, f.counterpart) == ("Kenya Railways", None)


def test_the_lead_company_receives_financing_when_no_recipient_is_named():
    text = ("Andes Power announced financial close on its solar park. "
            "The $300 million financing package is provided by the World Bank.")
    f = figures(text)[0]
    assert (f.subject, f.counterpart) == ("Andes Power", "World Bank")


@pytest.mark.parametrize("text,metric", [
    ("Renewables made up nearly 40 per cent of power capacity.", "share"),
    ("The fund will hold a 15% equity stake in the company.", "share"),
    ("Kenya aims to reach 52 per cent renewables by 2030.", "share"),
    ("Kenya shipped goods worth $2 billion to China.", "exports"),
])
def test_round2_metric_cues(text, metric):
    assert one(text).metric == metric


def test_target_cues_stop_at_a_semicolon():
    figs = figures("The dam's cost is estimated at $6 billion; the World Bank approved a $350 million loan "
                   "last December.", published=date(2024, 6, 10))
    assert [(f.qualifier, f.period) for f in figs] == [("target", None), (None, "2023-12")]


def test_a_time_in_an_including_phrase_after_the_figure_is_not_its_period():
    f = figures("The leaders witnessed the signing of 14 agreements, including a treaty in force since 2010.")[0]
    assert f.period is None


def test_a_present_stock_does_not_take_a_since_before_it():
    f = figures("Andes Power, the operator since 2016, currently employs some 900 workers.")[0]
    assert f.period is None


def test_a_time_in_the_figure_s_own_clause_beats_one_across_and():
    f = figures("The bank has lent $2 billion since 1996, officials said, and plans to lend up to $1 billion "
                "to the region in 2025-2029.", published=date(2024, 6, 10))[1]
    assert (f.period, f.qualifier) == ("2025/2029", "target")


def test_a_size_with_a_count_before_a_relative_clause_takes_its_plan():
    figs = figures("Officials described a 30 km line with 14 stations that is expected to open soon.")
    assert [f.qualifier for f in figs] == ["target", "target"]


def test_a_company_saying_its_figures_is_their_subject():
    f = figures("Kenya Railways said its trains carried 4 million passengers last year.")[0]
    assert f.subject == "Kenya Railways"


def test_a_dateline_with_an_agency_in_brackets_sets_the_home_party():
    text = ("NAIROBI (Reuters) - Japan will lend Kenya $100 million for roads, Japan says. "
            "Car sales grew 4 percent in 2023.")
    NAMES["NAIROBI"] = ("location", "Nairobi")
    try:
        figs = figures(text)
    finally:
        del NAMES["NAIROBI"]
    assert (figs[0].subject, figs[0].counterpart) == ("Kenya", "Japan")
    assert figs[1].subject == "Kenya"


def test_a_change_after_a_level_takes_its_parties_and_period():
    figs = figures("Kenya's exports to China reached $700 million in 2023, a rise of nearly 40 per cent.")
    assert [(f.subject, f.counterpart, f.period) for f in figs] == [("Kenya", "China", "2023")] * 2


def test_a_budget_allocation_does_not_take_the_lender_of_an_earlier_loan():
    text = ("The World Bank approved a $300 million loan for Kenya. "
            "The government set aside $2 billion for roads in the budget allocation, officials said.")
    figs = figures(text)
    assert (figs[1].subject, figs[1].counterpart) == ("Kenya", None)


def test_a_company_is_no_trade_partner_carried_from_an_earlier_sentence():
    figs = figures("Kenya met Tata Power executives. Kenya's exports rose to $3 billion in 2023.")
    assert figs[0].counterpart is None


def test_imports_of_the_pair_go_to_the_side_that_buys():
    text = ("NAIROBI - Kenya and Qatar held talks. Kenyan officials said Qatar is a key market.\n\n"
            "Kenya's exports to Qatar reached $95 million in 2023 against imports of $410 million.")
    by = {f.text: f for f in figures(text)}
    assert (by["$95 million"].subject, by["$95 million"].counterpart) == ("Kenya", "Qatar")
    assert (by["$410 million"].metric, by["$410 million"].subject,
            by["$410 million"].counterpart) == ("imports", "Kenya", "Qatar")


def test_a_month_alone_does_not_replace_the_story_period():
    text = ("Kenya's tea exports rose 9% to $610 million in the July-December period of fiscal year 2023-24.\n\n"
            "Exports in December alone were $120 million.\n\n"
            "Black tea fetched $480 million during the six months. Japan took 12% of the shipments.")
    by = {f.text: f for f in figures(text, published=date(2024, 1, 20))}
    assert by["$610 million"].period == "2023-07/2023-12"
    assert by["$120 million"].period == "2023-12"
    assert by["$480 million"].period == "2023-07/2023-12"
    assert by["12%"].period == "2023-07/2023-12"


def test_a_forecast_does_not_end_the_story_period():
    text = ("Nigeria posted a trade surplus of $1.2 billion in March, the statistics office said. "
            "Analysts had expected a surplus of $900 million.\n\n"
            "Exports rose 3% to $4.1 billion, while imports fell 2% to $2.9 billion.")
    by = {f.text: f for f in figures(text)}
    assert by["$900 million"].qualifier == "target"
    assert [by[t].period for t in ("$4.1 billion", "$2.9 billion")] == ["2024-03", "2024-03"]
    assert (by["2%"].metric, by["2%"].value) == ("growth", -2)


@pytest.mark.parametrize("text,value", [
    ("Shipments of cut flowers slipped 4.5 percent.", -4.5),
    ("The new line could cut transit times by nearly 30 percent.", -30),
    ("Coffee prices eased 2 percent in May.", -2),
    ("The dams generated 40 percent less power last year.", -40),
])
def test_falls_are_negative(text, value):
    f = one(text)
    assert (f.metric, f.value) == ("growth", value)


def test_a_span_of_quarters_is_no_count():
    figs = figures("Trade stood at $7.1 billion in the four quarters to the end of March 2024.")
    assert [(f.value, f.period) for f in figs] == [(7_100_000_000, "2023-04/2024-03")]


def test_imports_from_the_main_party_belong_to_the_other_side():
    # Kenya is named most, so it is the article's home party; the imports are still Qatar's.
    text = ("DOHA - Qatar's trade minister met Kenya's trade minister. Kenya sees Qatar as a market "
            "for Kenyan tea, and Kenya wants more flights.\n\n"
            "Qatari imports from Kenya totalled $75 million, while exports to Kenya reached $310 million.")
    by = {f.text: f for f in figures(text)}
    assert (by["$75 million"].subject, by["$75 million"].counterpart) == ("Qatar", "Kenya")
    assert (by["$310 million"].subject, by["$310 million"].counterpart) == ("Qatar", "Kenya")


def test_a_dateline_city_named_only_as_a_venue_stands_for_its_country():
    text = ("Nairobi, March 3 (Reuters) - The economy grew 5.6% in 2023, the finance minister said in "
            "Nairobi after talks in Nairobi with lenders.\n\nKenya will borrow less this year.")
    assert one_of(text, "5.6%").subject == "Kenya"


def test_the_sultanate_is_the_country_styled_so():
    text = ("India and Oman held talks in Muscat. India's exports to the Sultanate reached USD 4.2 billion "
            "in 2024-25.")
    f = one_of(text, "USD 4.2 billion")
    assert (f.metric, f.subject, f.counterpart) == ("exports", "India", "Oman")


def test_a_partner_named_only_far_down_is_no_counterpart_of_the_totals():
    text = ("PRETORIA - South Africa posted a trade surplus of R9.6 billion in April, the revenue service said.\n\n"
            "Exports rose 4.8% to R165.3 billion.\n\n"
            "China was the biggest export market at R18.6 billion, ahead of the United States at R14.9 billion.")
    by = {f.text: f for f in figures(text)}
    assert by["R165.3 billion"].counterpart is None
    assert (by["R18.6 billion"].metric, by["R18.6 billion"].subject, by["R18.6 billion"].counterpart) == (
        "exports", "South Africa", "China")


def test_goods_a_state_buys_or_supplies_are_the_home_states_exports_or_imports():
    text = ("DHAKA - Kenya's tea exports rose 9% in 2024.\n\n"
            "The United States remained the largest buyer, taking goods worth $4.4 billion, followed by "
            "Germany at $2.8 billion. Ethiopia supplied goods worth $310 million, or 12% of the total.")
    by = {f.text: f for f in figures(text)}
    assert (by["$4.4 billion"].metric, by["$4.4 billion"].subject, by["$4.4 billion"].counterpart) == (
        "exports", "Kenya", "United States")
    assert (by["$2.8 billion"].metric, by["$2.8 billion"].counterpart) == ("exports", "Germany")
    assert (by["$310 million"].metric, by["$310 million"].subject, by["$310 million"].counterpart) == (
        "imports", "Kenya", "Ethiopia")
    assert (by["12%"].metric, by["12%"].subject, by["12%"].counterpart) == ("share", "Kenya", "Ethiopia")


def one_of(text: str, figure_text: str):
    return {f.text: f for f in figures(text)}[figure_text]


def test_amounts_that_follow_in_an_export_story_are_exports():
    text = ("DHAKA - Kenya's export earnings rose 9% to $12 billion in 2024.\n\n"
            "Tea brought in $4.1 billion and flowers earned $1.2 billion. Gross reserves stood at $7 billion.")
    by = {f.text: f for f in figures(text)}
    assert [by[t].metric for t in ("$4.1 billion", "$1.2 billion")] == ["exports", "exports"]
    assert by["$7 billion"].metric == "other"  # reserves are their own kind


@pytest.mark.parametrize("text,metric", [
    ("Copper shipments alone totalled $25.9 billion.", "exports"),
    ("Sales to Germany reached $310 million.", "exports"),
    ("Reserves include a swap facility of $1.5 billion with China.", "investment"),
])
def test_more_metric_cues(text, metric):
    assert one(text).metric == metric


def test_a_venue_dateline_is_its_country_even_when_named_only_inside_bodies():
    text = "Accra — Cocoa receipts fell to US$1.02 billion in the first half, the Bank of Ghana said."
    assert one_of(text, "US$1.02 billion").subject == "Ghana"


def test_an_exchange_a_company_is_listed_on_is_no_party():
    text = ("Kovra Cells, listed on the BSE, will build a plant. The BSE-listed firm expects sales of "
            "Rs 2,146 crore this year.")
    assert one_of(text, "Rs 2,146 crore").subject == "Kovra Cells"


def test_a_company_described_by_a_demonym_and_listed_on_an_exchange_reports_its_own_figures():
    text = ("Mekong Feeds, a Thai producer of animal feed listed on the Stock Exchange of Thailand (SET), "
            "reported revenue of THB 38.6 billion for 2023.")
    f = one_of(text, "THB 38.6 billion")
    assert (f.subject, f.counterpart) == ("Mekong Feeds", None)


def test_the_level_a_change_starts_from_does_not_set_the_story_period():
    text = ("Kenya's exports rose 6.3 percent to $1.5 billion in February 2025, from $1.41 billion in "
            "February 2024.\n\nTea brought in $620 million.")
    by = {f.text: f for f in figures(text, published=date(2025, 4, 10))}
    assert by["$1.41 billion"].period == "2024-02"
    assert by["$620 million"].period == "2025-02"


def test_a_countrys_indicators_are_the_countrys_whoever_announces_them():
    text = ("Kenya's central bank held rates. The Monetary Policy Committee noted that inflation eased to "
            "4.1 percent in May and that reserves stood at $7.2 billion.")
    by = {f.text: f for f in figures(text)}
    assert [by[t].subject for t in ("4.1 percent", "$7.2 billion")] == ["Kenya", "Kenya"]


def test_a_state_in_a_reason_clause_is_no_trading_partner():
    text = ("Nairobi - Kenya's exports totalled $7 billion in 2024. Flowers and coffee led the gains.\n\n"
            "Tea exports fell 3% to $1.1 billion as prices in Germany weakened. "
            "In July alone, exports reached $610 million.")
    by = {f.text: f for f in figures(text)}
    assert by["$1.1 billion"].counterpart is None
    assert by["$610 million"].counterpart is None


def test_remittances_to_the_home_country_have_no_counterpart():
    f = one_of("Remittances to Kenya rose 11 percent to $4.2 billion in 2024, the central bank said.",
               "$4.2 billion")
    assert (f.subject, f.counterpart) == ("Kenya", None)


def test_a_companys_story_gives_the_company_what_no_other_party_claims():
    text = ("Nordvolt Cells AS opens battery plant\n\n"
            "BRATISLAVA, Slovakia — Nordvolt Cells AS opened its plant in Slovakia on Tuesday.\n\n"
            "The plant has a capacity of 4.2 GWh and will employ 620 people. It cost €340 million.\n\n"
            "Slovakia's economy grew 2.1 percent last year.")
    by = {f.text: f for f in figures(text, published=date(2024, 11, 7))}
    assert [by[t].subject for t in ("4.2 GWh", "620", "€340 million")] == ["Nordvolt Cells AS"] * 3
    assert by["€340 million"].counterpart in (None, "Slovakia")
    assert by["2.1 percent"].subject == "Slovakia"  # the country's indicator stays the country's


def test_a_short_word_is_no_country_code():
    from newsfacts.extract.figures import country_code
    assert [country_code(w) for w in ("Aus", "Can", "Per", "AUS", "Peru")] == [None, None, None, "AUS", "PER"]


def test_an_amount_in_brackets_in_another_currency_is_the_same_fact():
    text = "Trade between Kenya and Qatar reached QR2.9 billion (about $800 million) in 2023."
    by = {f.text: f for f in figures(text)}
    a, b = by["QR2.9 billion"], by["about $800 million"]
    assert (a.metric, a.period) == (b.metric, b.period) == ("trade_turnover", "2023")
    assert {a.subject, a.counterpart} == {b.subject, b.counterpart} == {"Kenya", "Qatar"}


def test_bracketed_months_give_the_figure_its_period():
    f = one("Kenya's exports rose to $6.1 billion in the first half of the fiscal year 2024-25 "
            "(July-December 2024).", published=date(2025, 1, 20))
    assert f.period == "2024-07/2024-12"


def test_time_after_the_level_a_change_started_from_is_that_level_s():
    text = ("NAIROBI — Kenya's trade turnover reached $9.8 billion in January-June 2025, the bureau said.\n\n"
            "Trade with China plunged to $742 million from $2.2 billion in the first half of 2024, "
            "while Uganda's share of Kenya's turnover rose to 12.1%.")
    periods = {f.text: f.period for f in figures(text, published=date(2025, 8, 1))}
    assert periods["$2.2 billion"] == "2024-01/2024-06"
    assert periods["$742 million"] == periods["12.1%"] == "2025-01/2025-06"


def test_a_company_release_reports_the_company_s_own_figures():
    text = ("Nordvolt opens its first plant in Slovakia\n"
            "BRATISLAVA, June 3, 2024 — Nordvolt Cells AS (NCA), a battery maker, today announced the "
            "opening of its plant in Slovakia.\n\n"
            "The plant will employ 620 people.\n\n"
            "Output reached 3 GWh in 2023.")
    figs = {f.text: f for f in figures(text)}
    assert figs["620"].subject == "Nordvolt Cells AS"
    assert figs["3 GWh"].subject == "Nordvolt Cells AS"


@pytest.mark.parametrize("text,subject,counterpart", [
    # a share is of its owner's total (the subject), taken by the other party (the counterpart)
    ("The UAE accounted for 7.9% of India's total merchandise trade in 2023.", "India", "United Arab Emirates"),
    ("Kenyan goods made up just 0.9% of Japanese imports last year.", "Japan", "Kenya"),
    ("NAIROBI — Kenya's trade rose. China remained Kenya's largest partner, accounting for 21% of turnover.",
     "Kenya", "China"),
])
def test_share_of_a_total_belongs_to_the_owner_of_the_total(text, subject, counterpart):
    f = [f for f in figures(text) if f.metric == "share"][0]
    assert (f.subject, f.counterpart) == (subject, counterpart)


def test_share_of_an_anaphoric_total_is_not_the_home_country_s():
    text = ("NAIROBI — Kenya Railways said 9,000 containers moved. The African Development Bank has "
            "approved $1.2 billion for Kenya, with transport taking 38 percent of the total.")
    f = [f for f in figures(text) if f.unit == "percent"][0]
    assert f.subject != "Kenya"


def test_company_story_under_a_headline_and_a_dateline_with_its_country():
    # the company is known by its description, not a suffix; "Slovakia" in the dateline is no actor
    text = ("Kovra opens battery plant\n\n"
            "BRATISLAVA, Slovakia, 7 November 2023 — Kovra Cells a.s., a Slovak maker of battery modules, "
            "opened its plant in Slovakia on Tuesday.\n\n"
            "The plant has an annual capacity of 4.2 GWh and will employ 620 people.")
    figs = {f.text: f for f in figures(text)}
    assert figs["4.2 GWh"].subject == figs["620"].subject == "Kovra Cells"


def test_sales_in_a_company_release_are_the_company_s():
    text = ("BANGKOK, March 21, 2024 – Kovra Foods Public Company Limited, a Thai producer of feed, today "
            "reported revenue of THB 38.6 billion for 2023.\n\n"
            "Sales to the United Kingdom reached THB 5.3 billion.")
    f = [f for f in figures(text) if f.text == "THB 5.3 billion"][0]
    assert (f.subject, f.counterpart) == ("Kovra Foods Public Company Limited", "United Kingdom")


@pytest.mark.parametrize("text,qualifier", [
    # a level to be reached by a coming year is a goal
    ("Kenya and Uganda agreed to lift bilateral trade to $3 billion by 2028.", "target"),
    ("The ministers pledged to take trade to $2 billion by 2027.", "target"),
    # what a project is (its length or area before its noun) and money committed are facts
    ("The 700 km coastal road will pass through nine states.", None),
    ("The World Bank will lend $300 million for the project.", None),
])
def test_goals_and_commitments(text, qualifier):
    f = [f for f in figures(text, published=date(2025, 3, 1)) if f.unit != "count"][0]
    assert f.qualifier == qualifier


def test_respectively_pairs_amounts_with_the_parties_in_order():
    text = ("NAIROBI — Kenya's exports rose. China was the top buyer at $1.2 billion. Japan and Germany "
            "followed with $0.91 billion and $0.88 billion, respectively.")
    figs = {f.text: f for f in figures(text)}
    assert figs["$0.91 billion"].counterpart == "Japan"
    assert figs["$0.88 billion"].counterpart == "Germany"


@pytest.mark.parametrize("text,subject,counterpart", [
    ("TBILISI — Some 250 firms with Turkish capital now work in Georgia, officials said.", "Türkiye", "Georgia"),
    ("NAIROBI — About 60 Kenyan companies have set up offices in Uganda since 2020.", "Kenya", "Uganda"),
])
def test_firms_count_for_their_home_country_where_they_work(text, subject, counterpart):
    f = [f for f in figures(text) if f.unit == "count"][0]
    assert (f.subject, f.counterpart) == (subject, counterpart)


@pytest.mark.parametrize("text,figure,subject", [
    # "the company" / "the firm": the company named before it, not the country it works in
    ("LIMA — Andina Cobre SAC opened a smelter near Ilo on Monday. The company employs about 1,200 "
     "people in Peru.", "about 1,200", "Andina Cobre SAC"),
    # "the bank": the bank the story is about, not one it only dealt with
    ("MANILA — The Asian Development Bank signed a swap line with the Bank of Japan on Tuesday. "
     "The bank's portfolio in the Philippines exceeds $14 billion.", "$14 billion", "Asian Development Bank"),
])
def test_the_company_or_the_bank_is_the_body_of_that_kind_named_before(text, figure, subject):
    assert one_of(text, figure).subject == subject


def test_the_bank_said_is_a_source_not_a_party():
    f = one_of("COLOMBO — Reserves rose in March, the Central Bank of Sri Lanka said. They include a swap "
               "with the People's Bank of China, the bank said. The rupee gained 1.4 percent in March.",
               "1.4 percent")
    assert f.subject == "Sri Lanka"


def test_where_a_company_employs_people_is_no_counterpart():
    f = one_of("OSLO — Nordhavn Kabel AS said on Monday it had hired 300 more staff. The company now "
               "employs 2,100 people at four plants in Norway.", "2,100")
    assert (f.subject, f.counterpart) == ("Nordhavn Kabel AS", None)


@pytest.mark.parametrize("text,subject,counterpart", [
    # a lender that mobilises money lends it: the recipient is the subject
    ("LUANDA — The African Development Bank will mobilise up to $900 million for the Benguela "
     "corridor in Angola, the bank's president said.", "Angola", "African Development Bank"),
    # a state or a union that mobilises money invests it
    ("BRUSSELS — The European Union will mobilise €2.1 billion for hydrogen plants in Namibia.",
     "European Union", "Namibia"),
])
def test_money_a_lender_mobilises_is_a_loan_a_union_s_an_investment(text, subject, counterpart):
    f = [f for f in figures(text) if f.unit in ("USD", "EUR")][0]
    assert (f.subject, f.counterpart) == (subject, counterpart)


def test_a_company_s_budget_for_a_plant_abroad_is_the_company_s():
    text = ("BANGKOK — Chao Phraya Feeds Public Company Limited today announced its budget for 2025-2027. "
            "THB 3.1 billion is allocated to a new feed mill in Vietnam's Dong Nai province with a capacity "
            "of 520,000 tonnes a year. The Dong Nai mill will start in 2026.")
    budget, capacity = one_of(text, "THB 3.1 billion"), one_of(text, "520,000 tonnes")
    assert budget.subject == "Chao Phraya Feeds Public Company Limited"
    assert capacity.subject == "Chao Phraya Feeds Public Company Limited"


def test_a_short_name_of_a_region_is_no_demonym_and_no_party():
    text = ("BANGKOK — Chao Phraya Feeds Public Company Limited today announced results. The Dong Nai "
            "mill will employ 640 people.")
    assert one_of(text, "640").subject == "Chao Phraya Feeds Public Company Limited"


def test_an_aside_between_commas_does_not_hide_the_exporter():
    text = ("ANKARA — Turkish exports to Iraq rose 6% in the first half, while Iraq's exports to "
            "Türkiye, chiefly crude oil, were worth $2.3 billion in the same period.")
    f = one_of(text, "$2.3 billion")
    assert (f.metric, f.subject, f.counterpart) == ("exports", "Iraq", "Türkiye")


NAMES.update({
    "Oman": ("location", "Oman"), "India": ("location", "India"), "Indian": ("location", "India"),
    "Muscat": ("location", "Muscat"), "Oman Press Agency": ("organization", "Oman Press Agency"),
    "OPA": ("organization", "Oman Press Agency"),
})


def test_a_news_agency_is_never_a_party():
    text = ("Muscat, March 3, 2025, OPA -- Oman's Minister of Commerce and the Indian Commerce Minister "
            "co-chaired the ninth session of the Joint Commission in Muscat on Sunday, the Oman Press "
            "Agency (OPA) reported.\n\nTrade between the two countries reached OMR 2.1 billion in 2024.")
    fig = one(text, published=date(2025, 3, 3))
    assert (fig.metric, fig.subject, fig.counterpart) == ("trade_turnover", "Oman", "India")


NAMES.update({"African Development Bank": ("organization", "African Development Bank")})


@pytest.mark.parametrize("figure", ["9,000 hectares", "some 25,000"])
def test_what_a_loan_pays_for_is_the_borrower_s_not_the_bank_s(figure):
    # (no amount before them makes the bank a lender the figures could skip)
    text = ("NAIROBI — The African Development Bank approved the Thika irrigation scheme on Monday, its "
            "president said.\n\nThe scheme will irrigate 9,000 hectares and is expected to benefit "
            "some 25,000 households.")
    NAMES["NAIROBI"] = ("location", "Nairobi")
    try:
        fig = {f.text: f for f in figures(text)}[figure]
    finally:
        del NAMES["NAIROBI"]
    assert (fig.subject, fig.counterpart) == ("Kenya", None)


NAMES.update({"Vistula Grid": ("organization", "Vistula Grid"), "Poland": ("location", "Poland")})


@pytest.mark.parametrize("text, figure, period, qualifier", [
    # The year of the next plan is not the year of what was done ...
    ("Vistula Grid has invested PLN 2.3 billion in Poland since 2016 and plans to spend a further "
     "900 million zlotys on storage by 2027.", "PLN 2.3 billion", "2016/", None),
    ("Vistula Grid has invested PLN 2.3 billion in Poland since 2016 and plans to spend a further "
     "900 million zlotys on storage by 2027.", "900 million zlotys", "2027", "target"),
    # ... nor is the year a plant starts running the year of its cost.
    ("The Vistula Grid plant is expected to cost PLN 4 billion in total and to start commercial "
     "operation in 2029.", "PLN 4 billion", None, "target"),
])
def test_a_year_after_and_plans_to_belongs_to_that_plan(text, figure, period, qualifier):
    fig = {f.text: f for f in figures(text, published=date(2025, 5, 1))}[figure]
    assert (fig.period, fig.qualifier) == (period, qualifier)


NAMES.update({"Kartli Grid Company": ("organization", "Kartli Grid Company"), "Georgia": ("location", "Georgia"),
              "Tbilisi": ("location", "Tbilisi")})


def test_who_builds_it_after_its_home_town_owns_the_project_s_measures():
    text = ("Georgia and Armenia signed the deal on Monday. The 40-kilometre line, to be built by "
            "Tbilisi-based Kartli Grid Company, will carry 500 MW.")
    fig = {f.text: f for f in figures(text)}["40-kilometre"]
    assert fig.subject == "Kartli Grid Company"


NAMES.update({"Irtysh Zinc Works": ("organization", "Irtysh Zinc Works"), "Kazakhstan": ("location", "Kazakhstan")})


def test_who_builds_it_after_a_hyphenated_home_town_owns_the_project_s_measures():
    text = ("Kazakhstan and China signed the deal on Monday. The 12-kilometre conveyor, to be built by "
            "Ust-Kamenogorsk-based Irtysh Zinc Works, will move 900 tons an hour.")
    fig = {f.text: f for f in figures(text)}["12-kilometre"]
    assert fig.subject == "Irtysh Zinc Works"


def test_two_way_trade_is_with_the_story_s_other_country_when_its_main_party_is_a_company():
    text = ("Kovra Cells will invest $1.5 billion in a battery plant in Vietnam, the Japanese company said on "
            "Tuesday. Kovra Cells already runs two plants in Vietnam and sells cells to Vietnam's carmakers.\n\n"
            "Two-way trade reached $86.7 billion last year.")
    fig = {f.text: f for f in figures(text, published=date(2025, 4, 16))}["$86.7 billion"]
    assert (fig.metric, fig.subject, fig.counterpart) == ("trade_turnover", "Vietnam", "Japan")


@pytest.mark.parametrize("text,figure", [
    ("Kenya and Uganda signed a customs pact in Nairobi on Monday. Kenya's exports to its western neighbour "
     "rose 21 percent in 2024 to $312 million.", "$312 million"),
    ("Kenya and Uganda signed a customs pact on Monday. Trade between them reached $1.3 billion in 2024, "
     "of which Kenyan exports accounted for $900 million.", "$900 million"),
])
def test_a_flow_placed_in_the_pair_s_trade_is_with_the_partner(text, figure):
    fig = {f.text: f for f in figures(text, published=date(2025, 4, 16))}[figure]
    assert (fig.metric, fig.subject, fig.counterpart) == ("exports", "Kenya", "Uganda")


@pytest.mark.parametrize("text,counterpart", [
    # the flow the other way names the partner in its own clause
    ("Kenyan exports reached $640 million in 2024, while imports from Uganda stood at $95 million.", "Uganda"),
    # two partners there: none of them is this flow's
    ("Kenyan exports reached $640 million in 2024, while imports from Uganda and Oman stood at $95 million.",
     None),
])
def test_a_flow_takes_the_partner_of_the_counter_flow_beside_it(text, counterpart):
    fig = {f.text: f for f in figures(text, published=date(2025, 4, 16))}["$640 million"]
    assert (fig.metric, fig.subject, fig.counterpart) == ("exports", "Kenya", counterpart)


def test_a_standing_total_in_the_present_takes_no_story_period():
    # "exceed" ends in -ed but is no past tense: the total stands now, it is not about 2023
    text = ("Trade between Kenya and Uganda reached $2 billion in 2023, officials said. "
            "Kenyan investments in Uganda exceed $6.2 billion, the minister said.")
    by = {f.text: f for f in figures(text)}
    assert (by["$2 billion"].period, by["$6.2 billion"].period) == ("2023", None)


def test_a_present_passive_takes_no_story_period():
    text = ("Kenya's exports to Uganda rose to $2 billion in 2023, officials said. "
            "The new border bridge is costed at $48 million, the ministry said.")
    by = {f.text: f for f in figures(text)}
    assert (by["$2 billion"].period, by["$48 million"].period) == ("2023", None)


def test_a_bare_dollar_sum_restated_in_a_local_dollar_is_that_sum():
    text = ("Kovra Cells lines up $1.1b for Kenyan plant\n\n"
            "Kovra Cells has locked in A$1.1 billion of funding for its battery plant in Kenya.")
    figs = figures(text, published=date(2025, 4, 16))
    assert [(f.text, f.unit, f.metric) for f in figs] == [("$1.1b", "AUD", "investment")]
    # a US dollar sum stays one when the story also gives it in another currency
    figs = figures("Kovra Cells will spend US$1.1 billion, or A$1.1 billion at one time, on the plant.")
    assert [f.unit for f in figs] == ["USD", "AUD"]


NAMES.update({"Tunisia": ("location", "Tunisia"), "Libya": ("location", "Libya")})


@pytest.mark.parametrize("text,unit", [
    # a shared currency word is the currency of the country that acts in its sentence
    ("SANTIAGO — Chile and Argentina signed a lithium pact on Monday. Argentina's lithium exports reached "
     "96,000 million pesos in the first half.", "ARS"),
    # not of the country a flow goes to
    ("TUNIS — Tunisia's exports rose 3.8% in 2024. Exports to Libya rose to 2.2 billion dinars.", "TND"),
])
def test_a_shared_currency_word_takes_the_country_its_sentence_names(text, unit):
    assert [f.unit for f in figures(text) if f.value > 1000] == [unit]


@pytest.mark.parametrize("words", ["external trade turnover", "foreign trade", "total trade"])
def test_a_country_s_total_trade_has_no_partner_though_a_reason_names_one(words):
    text = (f"Kenya and Uganda signed a customs pact on Monday. Kenya's {words} fell 5% to $9.2 billion in "
            "2024, as tea exports to Uganda dropped sharply.")
    fig = {f.text: f for f in figures(text, published=date(2025, 4, 16))}["$9.2 billion"]
    assert (fig.subject, fig.counterpart) == ("Kenya", None)


def test_a_head_count_takes_no_counterpart_from_the_sentence_before():
    text = ("Kenya and Uganda signed a customs pact on Monday. Trade between Kenya and Uganda reached $1.3 billion "
            "in 2024. The new border post will employ about 400 people.")
    figs = {f.text: f for f in figures(text, published=date(2025, 4, 16))}
    assert figs["$1.3 billion"].counterpart == "Uganda"
    assert figs["about 400"].counterpart is None


def test_a_change_in_percentage_points_keeps_its_unit():
    figs = {f.text: f for f in figures("Kenya's central bank raised its policy rate by 0.75 percentage points "
                                       "to 13.5% in June.")}
    assert (figs["0.75 percentage points"].unit, figs["13.5%"].unit) == ("percentage points", "percent")
    assert figs["0.75 percentage points"].metric == "growth"


@pytest.mark.parametrize("third, counterpart", [
    # a volume with no party of its own is the home side's alone
    ("Tea remained the leading export, with 300,000 tonnes shipped in the year, mostly through Mombasa.", None),
    # unless its sentence is about the two
    ("Cargo moved between the two countries grew to 300,000 tonnes.", "Uganda"),
])
def test_a_volume_takes_the_earlier_partner_only_in_a_sentence_about_the_two(third, counterpart):
    text = ("Kenya and Uganda signed a customs pact on Monday. Trade between Kenya and Uganda reached $1.3 billion "
            "in 2024. " + third)
    fig = [f for f in figures(text, published=date(2025, 4, 16)) if f.unit == "tonnes"][0]
    assert (fig.subject, fig.counterpart) == ("Kenya", counterpart)


def test_how_many_countries_came_to_a_conference_is_nobody_s_figure():
    figs = figures("Kenya hosted the forum in Nairobi, which brought together 900 delegates from some 40 countries.")
    assert [(f.text, f.subject, f.counterpart) for f in figs if f.unit == "count"] == [("some 40", None, None)]


@pytest.mark.parametrize("sentence", [
    "The plant will produce 2.3 million tonnes a year once it reaches full operation in the fourth quarter of 2027.",
    "When it starts up in the second half of 2027, the plant will produce 2.3 million tonnes a year.",
])
def test_when_a_plant_starts_is_no_period_of_what_it_will_make(sentence):
    fig = {f.text: f for f in figures(sentence)}["2.3 million tonnes"]
    assert fig.period is None


def test_a_speaker_s_verb_is_no_past_event_for_the_story_period():
    text = ("Trade between Kenya and Uganda reached $2 billion in 2023, the minister said. He noted that "
            "Kenyan investments in Uganda exceed $600 million across 40 projects.")
    figs = {f.text: f for f in figures(text, published=date(2024, 3, 14))}
    assert figs["$2 billion"].period == "2023"
    assert (figs["$600 million"].period, figs["40"].period) == (None, None)


def test_a_rate_takes_no_period_from_the_story():
    text = ("Trade between Kenya and Uganda reached $2 billion in 2023. Mombasa port handled 1.1 million TEU a "
            "year and employed 4,000 people.")
    figs = {f.text: f for f in figures(text, published=date(2024, 3, 14))}
    assert figs["1.1 million TEU"].period is None
    assert figs["4,000"].period == "2023"  # (not a rate: the story's year goes on)


def test_the_operator_of_a_thing_named_as_the_sentence_s_subject_owns_its_measures():
    text = ("Kenya and Uganda agreed on Monday to build a new railway.\n\nThe new line will carry 4 million tonnes "
            "of cargo a year.\n\nThe line is to be built and run by Kenya Railways, the minister said.")
    fig = {f.text: f for f in figures(text, published=date(2024, 3, 14))}["4 million tonnes"]
    assert fig.subject == "Kenya Railways"


NAMES.update({"Kipevu Hydro Ltd": ("organization", "Kipevu Hydro Ltd")})


def test_the_developer_of_a_project_in_apposition_owns_its_measures():
    text = ("Uganda and Kenya signed an energy pact on Monday. Kenya's energy minister toured the offices of "
            "Kipevu Hydro Ltd, the developer of the Tana Falls Hydro Scheme. The 40-megawatt plant is expected to "
            "supply some 21,000 households.")
    figs = {f.text: f for f in figures(text, published=date(2024, 3, 14))}
    assert (figs["40-megawatt"].subject, figs["some 21,000"].subject) == ("Kipevu Hydro Ltd", "Kipevu Hydro Ltd")
