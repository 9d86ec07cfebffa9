"""Named projects and their types from made-up texts."""
from __future__ import annotations

from datetime import date

import pytest

from newsfacts.models import Article
from newsfacts.extract import extract_article
from newsfacts.extract.nlp import get_nlp


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return get_nlp()


def run(text: str):
    art = Article(article_id="t", text=text, name="t.txt", origin="t.txt", published=date(2024, 5, 1))
    return extract_article(art)


@pytest.mark.parametrize("text, name, type_", [
    ("Work on the Lagos–Calabar coastal highway resumed in March.", "Lagos–Calabar coastal highway", "road"),
    ("The Kunming bypass road will cut travel times.", "Kunming bypass road", "road"),
    ("Funding for the Addis Ababa-Djibouti railway line was agreed.", "Addis Ababa-Djibouti railway line",
     "railway"),
    ("Engineers inspected the Grand Ethiopian Renaissance Dam after the floods.",
     "Grand Ethiopian Renaissance Dam", "water"),
    ("The Black Sea submarine cable project links the two coasts.", "Black Sea submarine cable project",
     "digital"),
    ("Officials praised the Lake Chad restoration programme.", "Lake Chad restoration programme", "environment"),
    ("The International North-South Transport Corridor carries Indian cargo.",
     "International North-South Transport Corridor", "other"),
    ("Kenya opened the Lamu Port-South Sudan-Ethiopia Transport corridor office.",
     "Lamu Port-South Sudan-Ethiopia Transport corridor", "other"),
    # a capacity between the name and its head stays in the name
    ("The bank will fund the Kisumu–Tororo 220 kV interconnection next year.",
     "Kisumu–Tororo 220 kV interconnection", "energy"),
    ("Engineers surveyed the Rogun cascade on the Vakhsh River.", "Rogun cascade", "energy"),
    # descriptive words the tagger reads as nouns or adjectives stay in the name
    ("The group will open its Haiphong frozen seafood processing plant in May.",
     "Haiphong frozen seafood processing plant", "industrial"),
    ("Crews finished the Mombasa–Nairobi fuel pipeline upgrade last week.",
     "Mombasa–Nairobi fuel pipeline upgrade", "energy"),
    ("Funds went to the Kafue Gorge Lower Logistics Hub, a $90 million project backed by Zambia.",
     "Kafue Gorge Lower Logistics Hub", "other"),
    ("Lenders backed the Salar de Olaroz lithium project in Jujuy.", "Salar de Olaroz lithium project",
     "industrial"),
    ("Voltcraft broke ground on the Nitra Logistics Campus in May.", "Nitra Logistics Campus", "other"),
    ("Investors may bid for plots in the planned Zubair Industrial City near Basra.", "Zubair Industrial City",
     "industrial"),
    ("Work on the Playa Azul Resort starts in May.", "Playa Azul Resort", "other"),
])
def test_named_projects(text, name, type_):
    projects = {p.name: p for p in run(text).projects}
    assert name in projects, list(projects)
    assert projects[name].type == type_


@pytest.mark.parametrize("text", [
    "A wind power plant will be built in the Turkistan region.",
    "Both countries agreed to launch joint projects in agriculture.",
    "The bank financed 40 projects across Africa since 2010.",
    "The modernization of the airport will start next year.",
    "A new 132 kV line will carry the power.",  # no name starts inside "kV"
    "Tashkent officials inspected the line on Monday.",  # a clause, not a name
    "The firm will build a 3 GWh battery plant.",  # a unit, not a name
    "New boilers of 350 MW will go to Thermal Power Plant No. 4.",  # a kind of plant, no name
])
def test_unnamed_projects_are_not_listed(text):
    assert run(text).projects == []


def test_a_headline_amount_before_a_project_is_not_part_of_its_name():
    f = run("Kuwait Fund lends Kenya KD45m for Nairobi–Nakuru highway upgrade\n\nThe fund signed the loan on Monday.")
    assert [p.name for p in f.projects] == ["Nairobi–Nakuru highway"]


def test_acronym_and_second_name_become_aliases():
    text = ("Georgian ports gained from the Trans-Caspian International Transport Route (TITR, or Middle Corridor) in May. "
            "Georgia wants more cargo on the TITR.")
    (p,) = run(text).projects
    assert p.name == "Trans-Caspian International Transport Route"
    assert {"TITR", "Middle Corridor"} <= set(p.aliases)
    assert "Middle Corridor" not in {loc.name for loc in run(text).locations}


def test_places_in_project_names_are_locations():
    facts = run("Trains will soon run on the Khorgos–Zhetygen railway section.")
    assert {"Khorgos", "Zhetygen"} <= {loc.name for loc in facts.locations}


def _names(text):
    return {p.name: p for p in run(text).projects}


def test_ordinal_track_and_numbered_plant():
    got = _names("The cabinet approved the Pune–Satara third line and the Rogun-2 hydropower plant.")
    assert "Pune–Satara third line" in got and "Rogun-2 hydropower plant" in got


def test_master_plan_and_bracketed_other_name():
    got = _names("Both lines fall under the PM Jal Shakti National Master Plan. Freight uses the "
                 "Northern Trade Route (Amber Corridor) more every year.")
    assert "PM Jal Shakti National Master Plan" in got
    assert "Amber Corridor" in got["Northern Trade Route"].aliases
    assert "Amber Corridor" not in got


def test_acronym_inside_and_of_phrase_before_acronym():
    got = _names("Talks covered the Mombasa Port-Uganda-Rwanda Transport (MURT) Corridor and the "
                 "Transisthmian Corridor of the Darien Gap (TCDG).")
    assert "Mombasa Port-Uganda-Rwanda Transport (MURT) Corridor" in got
    assert "Transisthmian Corridor of the Darien Gap" in got


def test_coordinated_names_sharing_a_plural_head():
    got = _names("Officials expect the North Gas South and North Gas West projects to start.")
    assert {"North Gas South", "North Gas West"} <= set(got)


# ---------------------------------------------------------------- round 2

@pytest.mark.parametrize("text, name", [
    ("The bank will fund the Mangla 3rd Raising Hydropower Project next year.", "Mangla 3rd Raising Hydropower Project"),
    ("Licensing for the Nhon Trach 4 gas power plant is delayed.", "Nhon Trach 4 gas power plant"),
    ("The loan co-finances the Deepwater Hub 2 terminal, officials said.", "Deepwater Hub 2 terminal"),
    ("Exports will grow once the TUTAP-500 transmission line is built.", "TUTAP-500 transmission line"),
    ("The firm reached financial close on the 120 MW Tema Solar Park in May.", "Tema Solar Park"),
    ("Work on the Sirte Copper Mine resumed, and the Kivu lithium project is next.", "Kivu lithium project"),
    ("The ministers backed the Walvis Bay Corridor linking the ports.", "Walvis Bay Corridor"),
    ("The first phase of the Posorja Megaport opened on Monday.", "Posorja Megaport"),
])
def test_round2_named_projects(text, name):
    assert name in {p.name for p in run(text).projects}


def test_acronym_inside_project_name_is_an_alias():
    f = run("Freight on the Kars-Tbilisi-Baku (KTB) railway rose. The KTB carried grain.")
    p = {p.name: p for p in f.projects}["Kars-Tbilisi-Baku railway"]
    assert "KTB" in p.aliases
    assert "KTB" not in {o.name for o in f.organizations}


def test_short_form_with_generic_head_is_one_project():
    f = run("They discussed the Salar Verde lithium project. The Salar Verde project needs $1 billion.")
    assert [p.name for p in f.projects] == ["Salar Verde lithium project"]


def test_descriptions_with_indefinite_article_or_port_of_are_not_named():
    f = run("Goods reach a Black Sea port first, then the Indian Ocean port of Beira.")
    assert f.projects == []


def test_company_named_like_a_railway_is_no_project():
    f = run("The Benguela Atlantic Railway (BAR) consortium runs the trains.")
    assert not f.projects


def test_place_named_in_a_project_is_a_location():
    f = run("The World Bank backs the Karuma Hydropower Plant. Karuma is designed to add 600 MW. "
            "Cargo will go through Lekki Port.")
    locs = {l.name for l in f.locations}
    assert {"Karuma", "Lekki"} <= locs


def test_project_after_a_dateline():
    f = run("ADDIS ABABA — Addis-Djibouti railway traffic rose 10% in 2024, operators said.")
    assert [p.name for p in f.projects] == ["Addis-Djibouti railway"]


@pytest.mark.parametrize("text, name", [
    ("TBILISI — The sides signed a protocol on the Rustavi–Tbilisi Gas Pipeline Reinforcement Project "
     "on Monday.", "Rustavi–Tbilisi Gas Pipeline Reinforcement Project"),
    ("KARACHI — Work on the Port Qasim Oil Refinery Project will start in May.", "Port Qasim Oil Refinery Project"),
])
def test_an_industry_word_inside_a_project_s_name_keeps_it_a_project(text, name):
    assert name in {p.name for p in extract_article(Article(
        article_id="t", text=text, name="t.txt", origin="t.txt", published=date(2025, 3, 3))).projects}
