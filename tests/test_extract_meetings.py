"""Meetings: participants, date, event and city from made-up texts."""
from __future__ import annotations

from datetime import date

import pytest

from newsfacts.models import Article
from newsfacts.extract import extract_article
from newsfacts.extract.nlp import get_nlp


@pytest.fixture(scope="session", autouse=True)
def nlp():
    return get_nlp()


def meetings(text: str, published: date = date(2024, 6, 6)):
    art = Article(article_id="t", text=text, name="t.txt", origin="t.txt", published=published)
    return extract_article(art).meetings


@pytest.mark.parametrize("text, participants, date_, event, city", [
    ("Ghanaian President Nana Akufo-Addo met with Ivorian President Alassane Ouattara in Accra on May 29.",
     {"Nana Akufo-Addo", "Alassane Ouattara"}, "2024-05-29", None, "Accra"),
    ("Chilean Foreign Minister Alberto van Klaveren held a phone call with Peruvian Foreign Minister "
     "Javier Gonzalez-Olaechea on Tuesday.",
     {"Alberto van Klaveren", "Javier Gonzalez-Olaechea"}, "2024-06-04", None, None),
    ("Oman's Sultan Haitham bin Tarik received Jordanian King Abdullah II at Al Alam Palace today.",
     {"Haitham bin Tarik", "Abdullah II"}, "2024-06-06", None, None),
    ("On the sidelines of the Qatar Economic Forum, Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "
     "and Rwandan President Paul Kagame discussed aviation.",
     {"Mohammed bin Abdulrahman Al Thani", "Paul Kagame"}, None, "Qatar Economic Forum", None),
    ("Kenyan Trade Minister Rebecca Miano wants lower tariffs. That was the main topic when she sat down with "
     "Francis Mwebesa, Uganda's trade minister, in Kampala on June 4.",
     {"Rebecca Miano", "Francis Mwebesa"}, "2024-06-04", None, "Kampala"),
])
def test_meeting_found(text, participants, date_, event, city):
    got = meetings(text)
    assert len(got) == 1, got
    m = got[0]
    assert set(m.participants) == participants
    assert m.date == date_
    assert m.event == event
    assert m.location == city


def test_single_named_party_pairs_with_the_protagonist():
    text = ("Prime Minister Narendra Modi arrived in Male on Sunday. Modi inaugurated a hospital. "
            "During a meeting with Maldivian President Mohamed Muizzu, the leaders reviewed water projects.")
    got = meetings(text)
    assert [set(m.participants) for m in got] == [{"Narendra Modi", "Mohamed Muizzu"}]


@pytest.mark.parametrize("text", [
    "Armenian Prime Minister Nikol Pashinyan paid an official visit to France last week.",
    "Egyptian Minister of Finance Ahmed Kouchouk signed a loan agreement with the Saudi government.",
    "President Cyril Ramaphosa said the economy would grow, and Finance Minister Enoch Godongwana agreed.",
])
def test_no_meeting_without_two_named_parties(text):
    assert meetings(text) == []


def test_relative_dates_resolve_against_publication():
    text = "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni on Friday."
    (m,) = meetings(text, published=date(2024, 3, 11))  # a Monday
    assert m.date == "2024-03-08"


def test_december_meeting_in_january_article_is_last_year():
    text = "Brazilian President Luiz Inacio Lula da Silva met with Chinese President Xi Jinping on Dec. 28."
    (m,) = meetings(text, published=date(2024, 1, 4))
    assert m.date == "2023-12-28"


def test_counterpart_marks_a_meeting():
    got = meetings("Peruvian Prime Minister Gustavo Adrianzen and his Chilean counterpart Maria Elena Lopez "
                   "on Monday in Lima reviewed border trade.")
    assert len(got) == 1 and set(got[0].participants) == {"Gustavo Adrianzen", "Maria Elena Lopez"}


def test_bank_talks_then_head_named_is_one_meeting_dated_by_first_sentence():
    got = meetings("LUSAKA, June 6 — Zambia's Minister of Finance, Situmbeko Musokotwane, held talks with the "
                   "Eastern Trade Bank (ETB) in Lusaka on Tuesday.\n\nMusokotwane met the bank's President, "
                   "Peter Mwangi Kariuki, who pledged $1 billion.")
    assert len(got) == 1
    m = got[0]
    assert set(m.participants) == {"Situmbeko Musokotwane", "Peter Mwangi Kariuki"}
    assert m.date == "2024-06-04" and m.location == "Lusaka"


def test_lowercase_commission_and_bilateral_summit_events():
    got = meetings("Kenyan Trade Minister Lee Kinyanjui met Ugandan Trade Minister Francis Mwebesa at the "
                   "fourth session of the Kenyan-Ugandan joint commission in Kampala.")
    assert got[0].event == "fourth session of the Kenyan-Ugandan joint commission"
    got = meetings("After the first AU-Japan summit, President William Ruto held talks with Prime Minister "
                   "Shigeru Ishiba in Nairobi.")
    assert got[0].event == "AU-Japan summit"


def test_a_nominal_reference_is_the_person_it_stands_for():
    text = ("Kenya's Trade Minister Rebecca Miano and Ghana's Minister of Energy John Jinapor signed a deal "
            "in Accra on Monday. Later in the day, the Kenyan minister called on Vice President Kwame Osei-Bonsu "
            "at his office in Accra.")
    got = {frozenset(m.participants) for m in meetings(text)}
    assert frozenset({"Rebecca Miano", "Kwame Osei-Bonsu"}) in got


def test_signing_by_two_named_people_after_an_abbreviated_honorific():
    text = ("The contract was signed in Lusaka by Eng. Mwila Banda, chief executive of Zesco, and "
            "Mr. Tomas Lind, country head of Nordvolt.")
    got = meetings(text)
    assert [set(m.participants) for m in got] == [{"Mwila Banda", "Tomas Lind"}]


def test_what_a_quote_says_is_no_meeting():
    text = ("Kenyan Trade Minister Rebecca Miano opened the fair. \"This is the largest order we have ever "
            "received, and we will sign more contracts with partners,\" said Jomo Kariuki, head of Kenya Tea.")
    assert meetings(text) == []


@pytest.mark.parametrize("text, participants", [
    ("The opening in Tema on Tuesday was attended by Ghanaian Minister of Trade Ama Boateng and "
     "Lars Berg, chief executive of Nordport.", {"Ama Boateng", "Lars Berg"}),
    ("Senegalese Minister of Commerce Awa Ndiaye and Malian Minister of Industry Oumar Traore agreed in "
     "Dakar to open a new freight line.", {"Awa Ndiaye", "Oumar Traore"}),
    ("Central bank governor Kofi Mensah-Adu opened the session. He had discussed trade finance with "
     "Afreximbank President Dr. Ibrahim Sule in Accra on Monday.", {"Kofi Mensah-Adu", "Ibrahim Sule"}),
])
def test_more_ways_of_reporting_a_meeting(text, participants):
    assert participants in [set(m.participants) for m in meetings(text)]


@pytest.mark.parametrize("text, participants", [
    ("Kenya Power signed a supply contract with Rift Geothermal Company on Monday.",
     {"Kenya Power", "Rift Geothermal Company"}),
])
def test_organizations_that_sign_with_each_other_meet_when_no_person_is_named(text, participants):
    assert [set(m.participants) for m in meetings(text)] == [participants]


def test_co_chairing_a_body_with_someone_is_meeting_them():
    got = meetings("ASTANA, March 6. Trade turnover between Kazakhstan and Kyrgyzstan reached $1.9 billion in "
                   "2024, up 5 percent, Kazakhstan's Minister of Trade Arman Shakkaliyev said at the 9th "
                   "meeting of the Kazakhstan-Kyrgyzstan Intergovernmental Council on Trade in Bishkek on "
                   "Tuesday.\n\nShakkaliyev, who co-chairs the council with Kyrgyzstan's Minister of "
                   "Economy and Commerce Daniyar Amangeldiev, said Kazakh exports made up $1.2 billion of "
                   "the total.", published=date(2025, 3, 6))
    assert [set(m.participants) for m in got] == [{"Arman Shakkaliyev", "Daniyar Amangeldiev"}]
