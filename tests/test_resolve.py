"""Entity resolution: surname mentions, spelling variants, acronyms and country names."""
from __future__ import annotations

import pandas as pd
import pytest

from newsfacts.resolve import country_code, location_map, organization_map, person_map


@pytest.mark.parametrize("known, batch, expected", [
    # a surname-only mention resolves to the one full name that ends with it
    ([("olzhas bektenov", "KAZ")], [("bektenov", None)], {"bektenov": "olzhas bektenov"}),
    ([], [("bektenov", "KAZ"), ("olzhas bektenov", "KAZ")], {"bektenov": "olzhas bektenov"}),
    # two people share the surname: nothing is guessed
    ([("ilham aliyev", "AZE"), ("heydar aliyev", "AZE")], [("aliyev", None)], {}),
    # a transliteration variant of a known full name
    ([("laziz kudratov", "UZB")], [("laziz qudratov", "UZB")], {"laziz qudratov": "laziz kudratov"}),
    # the first spelling the batch meets is kept
    ([], [("laziz kudratov", "UZB"), ("laziz qudratov", None)], {"laziz qudratov": "laziz kudratov"}),
    # a different first name is a different person
    ([("ilham aliyev", "AZE")], [("heydar aliyev", "AZE")], {}),
    # conflicting countries keep people apart
    ([("john smith", "GBR")], [("smith", "USA")], {}),
])
def test_person_map(known, batch, expected):
    assert person_map(known, batch) == expected


def orgs(rows):
    return pd.DataFrame(rows, columns=["organization_id", "acronym", "aliases"])


@pytest.mark.parametrize("known, batch, expected", [
    ([("organization of turkic states", "OTS")], orgs([("ots", "OTS", [])]),
     {"ots": "organization of turkic states"}),
    ([], orgs([("asian development bank", "ADB", []), ("adb", "ADB", [])]),
     {"adb": "asian development bank"}),
    ([], orgs([("ministry of economy", None, ["Azerbaijani Ministry of Economy"]),
               ("azerbaijani ministry of economy", None, [])]),
     {"azerbaijani ministry of economy": "ministry of economy"}),
    ([("world bank", None)], orgs([("world bank", None, [])]), {}),
])
def test_organization_map(known, batch, expected):
    assert organization_map(known, batch) == expected


def test_every_name_of_a_country_is_one_location():
    batch = pd.DataFrame([("turkey", "country", "TUR", ["Turkish"]), ("prc", "country", "CHN", []),
                          ("istanbul", "city", "TUR", [])],
                         columns=["location_id", "type", "country", "aliases"])
    got = location_map([("türkiye", "TUR"), ("china", "CHN")], batch)
    assert got == {"turkey": "türkiye", "turkish": "türkiye", "prc": "china"}


@pytest.mark.parametrize("name, code", [
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Kazakhstan", "KAZ"), ("Kazakh", "KAZ"),
    ("United Arab Emirates", "ARE"), ("Atlantis", None), (None, None),
])
def test_country_code(name, code):
    assert country_code(name) == code
