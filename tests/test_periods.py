"""Periods: time expressions resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from newsfacts.extract.periods import find_periods, year_of

PUB = date(2024, 3, 15)


def refs(text: str, published: date = PUB):
    return [(text[r.start:r.end], r.period, r.kind) for r in find_periods(text, published)]


@pytest.mark.parametrize("text,period", [
    ("Exports to Brazil grew in 2023.", "2023"),
    ("Between January-March 2024 the port handled more.", "2024-01/2024-03"),
    ("In January-June of 2023 sales rose.", "2023-01/2023-06"),
    ("from April to September 2022 output fell", "2022-04/2022-09"),
    ("Remittances rose last year.", "2023"),
    ("The cabinet approved it this year.", "2024"),
    ("Dubai expects a record next year.", "2025"),
    ("Cumulative FDI since 1992 tops the list.", "1992/"),
    ("Lagos has attracted funds since January 2015.", "2015/"),
    ("India's fiscal 2018-19 deficit", "2018/2019"),
    ("in FY 2023-24 the bank lent more", "2023/2024"),
    ("during the 2023/24 season", "2023/2024"),
    ("In the first quarter of this year, trade rose.", "2024-01/2024-03"),
    ("in the third quarter of 2023", "2023-07/2023-09"),
    ("Q2 2022 revenue", "2022-04/2022-06"),
    ("In the first half of 2025 the bank lent more.", "2025-01/2025-06"),
    ("in the second half of last year", "2023-07/2023-12"),
    ("H1 2024 results", "2024-01/2024-06"),
    ("In the first 11 months of 2021 trade grew.", "2021-01/2021-11"),
    ("In 11 months of 2023 trade grew.", "2023-01/2023-11"),
    ("in the first nine months of this year", "2024-01/2024-09"),
    ("In December 2022 the visit took place.", "2022-12"),
    ("Last May, a mission went to Baku.", "2023-05"),
    ("Last February, a mission went to Accra.", "2024-02"),
    ("between 2020 and 2025 the plan runs", "2020/2025"),
    ("trains in 2025-2026 and beyond", "2025/2026"),
    ("by 2030 the corridor will carry more", "2030"),
    ("Output reached 3.2 million barrels in the four quarters to the end of June 2023.", "2022-07/2023-06"),
    ("The deficit narrowed in the 12 months ended January 2024.", "2023-02/2024-01"),
    ("Sugar exports fell in the six months to September 2023.", "2023-04/2023-09"),
    ("Two-way trade reached $900 million in the year to June 2024.", "2023-07/2024-06"),
    ("Profit rose in the financial year ended March 2024.", "2023-04/2024-03"),
    ("Exports fell in the year to December 2023.", "2023"),
    ("Between January and June 2024, exports fell 6%.", "2024-01/2024-06"),
    # no year: the latest such quarter or half begun by publication (2024-03-15)
    ("Rail cargo to Durban rose in the first quarter.", "2024-01/2024-03"),
    ("The port handled more boxes in the second half.", "2023-07/2023-12"),
])
def test_single_period(text, period):
    got = [p for _, p, kind in refs(text) if kind in ("point", "since")]
    assert got == [period]


@pytest.mark.parametrize("text", [
    "Trade rose over the past year.",
    "in the past seven months",
    "Investment doubled in the last 9 months.",
    "The plant will be built in 2 years.",
    "Sales rose in a year.",
    "For the past 15 years Chile has invested abroad.",
])
def test_relative_spans_have_no_period(text):
    got = refs(text)
    assert got and all(kind == "relative" and period is None for _, period, kind in got)


@pytest.mark.parametrize("text,period", [
    ("which is 65% more than in 2022", "2022"),
    ("sales rose 12% compared to the same months of last year", "2023"),
    ("cargo was 18% higher compared with pre-pandemic 2019", "2019"),
    ("an increase of $700 million from 2023", "2023"),
    ("a 9.4 percent rise on the total than from January to December 2022", "2022-01/2022-12"),
    ("up from the same time in 2021", "2021"),
])
def test_comparison_base_is_not_the_period(text, period):
    got = [(p, kind) for _, p, kind in refs(text)]
    assert got == [(period, "compare")]


@pytest.mark.parametrize("text", [
    "the goal of the lender's 2022–2026 strategy",
    "the 2030 National Infrastructure Plan",
    "under Saudi Vision 2030",
    "the African Union's Agenda 2063",
])
def test_years_naming_a_plan_are_modifiers(text):
    assert [kind for _, _, kind in refs(text)] == ["modifier"]


def test_may_the_verb_is_no_month():
    assert refs("The volume may reach a record.") == []


def test_no_publication_date_leaves_relative_years_open():
    assert [p for _, p, _ in refs("It rose last year and in 2021.", None)] == ["2021"]


def test_offsets_point_into_the_whole_text():
    text = "Intro. Sales rose in 2022."
    (r,) = find_periods(text, PUB, start=7)
    assert text[r.start:r.end] == "2022"


@pytest.mark.parametrize("period,year", [("2024", 2024), ("2024-01/2024-03", 2024), ("1992/", 1992),
                                         ("2025/2026", 2026), (None, None)])
def test_year_of(period, year):
    assert year_of(period) == year


@pytest.mark.parametrize("text,published,period,kind", [
    # a month range over a fiscal year runs into its second year
    ("Tea sales rose in May-February of 2022-23 across the region.", date(2023, 6, 1),
     "2022-05/2023-02", "point"),
    # a month range without a year is the latest one up to the publication date
    ("Car exports reached a record in February-May, the agency said.", date(2023, 7, 1),
     "2023-02/2023-05", "point"),
    ("Shipments slowed in October-December, traders said.", date(2023, 7, 1), "2022-10/2022-12", "point"),
    # "the year" in an ordinal span is the publication year
    ("The terminal handled more boxes in the first quarter of the year.", date(2023, 7, 1),
     "2023-01/2023-03", "point"),
    # "up X% on 2021" compares with that year
    ("Revenue rose to $4bn, up 7% on 2021.", date(2023, 7, 1), "2021", "compare"),
    # the year a project opens is a deadline, not the period of its figures
    ("The tram line will cost $2bn and is set to open in 2031.", date(2023, 7, 1), "2031", "deadline"),
    ("Its northern section is due to be completed next year.", date(2023, 7, 1), "2024", "deadline"),
])
def test_new_period_rules(text, published, period, kind):
    got = refs(text, published)
    assert (period, kind) in [(p, k) for _, p, k in got], got


@pytest.mark.parametrize("text,published,period,kind", [
    # month ranges written "-to-" or "between ... and ..."
    ("Sales totalled $3bn in the April-to-June quarter.", date(2024, 9, 1), "2024-04/2024-06", "point"),
    ("Imports fell 4 percent between February and July, the office said.", date(2024, 9, 1),
     "2024-02/2024-07", "point"),
    # "the previous year" after a change is the comparison year
    ("Exports rose 5 per cent over the previous year.", date(2024, 9, 1), "2023", "compare"),
    # founded in a year, with a perfect after it: cumulative since founding
    ("The fund, founded in 1974, has financed more than 90 schools.", date(2024, 9, 1), "1974/", "since"),
    # founded in a year, with the present after it: when it began, no period of the figures
    ("The miner, founded in 1981, employs about 7,400 people.", date(2024, 9, 1), "1981", "modifier"),
    ("Established in 2003 and based in Quito, the firm runs three plants.", date(2024, 9, 1), "2003", "modifier"),
    # "since then" takes the year mentioned before it
    ("The bridge opened in 2015 and has carried 40 million vehicles since then.", date(2024, 9, 1),
     "2015/", "since"),
    # opening years are deadlines
    ("The pipeline, which came online in 2019, carries 10 bcm a year.", date(2024, 9, 1), "2019", "deadline"),
])
def test_round2_period_rules(text, published, period, kind):
    got = refs(text, published)
    assert (period, kind) in [(p, k) for _, p, k in got], got


def test_numeric_dates_and_last_week_give_no_period():
    got = refs("TASHKENT, 03.07.2024 - Last week the bank signed a loan.", date(2024, 7, 3))
    assert all(p is None for _, p, _ in got), got


def test_as_of_a_month_is_a_standing_stock_without_period():
    got = refs("Korea had 9,000 projects as of the end of February.", date(2024, 3, 12))
    assert [(p, k) for _, p, k in got] == [(None, "relative")], got


def test_due_to_be_done_is_a_deadline():
    got = refs("Contracts are due to be awarded in the first half of the year.", date(2025, 3, 1))
    assert [k for _, _, k in got] == ["deadline"], got


def test_months_in_brackets_gloss_the_words_before_them():
    text = "Exports rose in the first half of the fiscal year 2024-25 (July-December 2024), data showed."
    assert [(r.period, text[r.start:r.end]) for r in find_periods(text, PUB)] == [
        ("2024-07/2024-12", "July-December 2024")]


@pytest.mark.parametrize("text, published, period", [
    # Without a year, the months named last before the publication ...
    ("Revenue was RM1.4 billion in the nine months to September.", date(2025, 12, 3), "2025-01/2025-09"),
    ("Sales rose 5% in the six months ended June 30.", date(2025, 8, 14), "2025-01/2025-06"),
    ("Exports fell in the three months to November.", date(2025, 2, 10), "2024-09/2024-11"),
    # ... and with a day and a year after the month.
    ("Sales in the six months to June 30, 2024 rose.", date(2025, 8, 14), "2024-01/2024-06"),
    # "between" two months of a year the publication date pins down is one span, not two times
    ("Between January and June of this year, exports fell 6%.", date(2024, 8, 10), "2024-01/2024-06"),
])
def test_a_trailing_span_of_months_without_a_year(text, published, period):
    assert [r.period for r in find_periods(text, published, 0, len(text))] == [period]
