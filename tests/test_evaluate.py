"""The project's scorer: matching rules, P/R/F1, attribute accuracy, thresholds."""
from __future__ import annotations

import json

import pytest

from newsfacts.evaluate import (
    format_report, load_gold_dirs, load_predictions, missed_thresholds, same_value, score,
)


def fig(value, unit="USD", **kw):
    row = {"metric": "trade_turnover", "value": value, "unit": unit, "period": "2024",
           "subject": "Kenya", "counterpart": "Uganda", "qualifier": None, "text": str(value)}
    row.update(kw)
    return row


def art(name="a.txt", **lists):
    return {"article": name, **lists}


@pytest.mark.parametrize("gv,pv,gu,pu,ok", [
    (1000, 1000, "USD", "USD", True),
    (1000, 1004.9, "USD", "USD", True),
    (1000, 1006, "USD", "USD", False),
    (1000, 1000, "USD", "usd", True),
    (1000, 1000, "USD", "EUR", False),
    (0, 0, "count", "count", True),
    (-5, -5, "percent", "percent", True),
    (-5, 5, "percent", "percent", False),
    (7, "7", "count", "count", True),
    (7, None, "count", "count", False),
])
def test_same_value(gv, pv, gu, pu, ok):
    assert same_value({"value": gv, "unit": gu}, {"value": pv, "unit": pu}) is ok


def test_perfect_prediction_scores_one():
    gold = [art(persons=[{"name": "Ana Silva"}], figures=[fig(5e9)])]
    rep = score(gold, gold)
    assert rep["persons"]["f1"] == 1.0 and rep["figures"]["f1"] == 1.0
    assert rep["all"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert rep["figure_attrs"]["metric"] == 1.0
    assert rep["articles"] == 1


def test_missing_article_counts_as_empty():
    gold = [art("x.txt", persons=[{"name": "Ana Silva"}]), art("y.txt", persons=[{"name": "Ravi Rao"}])]
    pred = [art("x.txt", persons=[{"name": "ana  silva"}])]
    rep = score(gold, pred)
    assert rep["persons"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667,
                              "gold": 2, "pred": 1, "hit": 1}


def test_empty_list_both_sides_has_precision_one_and_all_zero():
    rep = score([art(persons=[])], [art(persons=[])])
    assert rep["persons"]["precision"] == 1.0 and rep["persons"]["recall"] == 1.0
    assert rep["all"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert rep["figure_attrs"]["period"] is None


def test_prediction_path_is_reduced_to_file_name():
    gold = [art("b.txt", projects=[{"name": "Lagos-Calabar coastal highway"}])]
    pred = [art("/tmp/out/b.txt", projects=[{"name": "The Lagos–Calabar Coastal Highway project"}])]
    assert score(gold, pred)["projects"]["hit"] == 1


@pytest.mark.parametrize("gold_ent,pred_ent,hit", [
    ({"name": "Reserve Bank of India", "acronym": "RBI"}, {"name": "RBI"}, 1),
    ({"name": "Ministry of Finance", "aliases": ["Indian Ministry of Finance"]},
     {"name": "Indian Ministry of Finance"}, 1),
    ({"name": "Türkiye"}, {"name": "türkiye"}, 1),
    ({"name": "Banco do Brasil"}, {"name": "Bank of Brazil"}, 0),
    ({"name": "Abu Dhabi"}, {"name": "“Abu Dhabi”"}, 1),
])
def test_entity_matching(gold_ent, pred_ent, hit):
    rep = score([art(organizations=[gold_ent])], [art(organizations=[pred_ent])])
    assert rep["organizations"]["hit"] == hit


def test_alias_declared_in_prediction_also_matches():
    gold = [art(locations=[{"name": "United Arab Emirates"}])]
    pred = [art(locations=[{"name": "UAE", "aliases": ["United Arab Emirates"]}])]
    assert score(gold, pred)["locations"]["hit"] == 1


@pytest.mark.parametrize("pred_participants,hit", [
    (["Narendra Modi", "Cyril Ramaphosa"], 1),
    (["Cyril Ramaphosa", "Narendra Modi", "Lula"], 1),
    (["Narendra Modi"], 0),
    (["Narendra Modi", "Bola Tinubu"], 1),
    (["Bola Tinubu", "Luiz Inácio Lula da Silva"], 0),
])
def test_meeting_needs_two_shared_participants(pred_participants, hit):
    gold = [art(meetings=[{"participants": ["Narendra Modi", "Cyril Ramaphosa", "Bola Tinubu"]}])]
    pred = [art(meetings=[{"participants": pred_participants}])]
    assert score(gold, pred)["meetings"]["hit"] == hit


def test_greedy_matching_is_one_to_one():
    gold = [art(figures=[fig(100), fig(100)])]
    pred = [art(figures=[fig(100)])]
    rep = score(gold, pred)
    assert rep["figures"]["hit"] == 1 and rep["figures"]["recall"] == 0.5


def test_figure_attributes_on_matched_figures_only():
    gold = [art(figures=[fig(100, period="2023"), fig(200, metric="exports")])]
    pred = [art(figures=[fig(100, period="2024"), fig(200, metric="exports"), fig(999)])]
    rep = score(gold, pred)
    assert rep["figures"]["hit"] == 2 and rep["figures"]["pred"] == 3
    assert rep["figure_attrs"]["period"] == 0.5
    assert rep["figure_attrs"]["metric"] == 1.0


@pytest.mark.parametrize("metric,ok", [("trade_turnover", 1.0), ("exports", 0.0)])
def test_swapped_parties_count_only_for_trade_turnover(metric, ok):
    gold = [art(figures=[fig(7, metric=metric, subject="Kenya", counterpart="Uganda")])]
    pred = [art(figures=[fig(7, metric=metric, subject="Uganda", counterpart="Kenya")])]
    rep = score(gold, pred)
    assert rep["figure_attrs"]["subject"] == ok
    assert rep["figure_attrs"]["counterpart"] == ok


def test_party_alias_and_null_agreement():
    gold = [art(locations=[{"name": "Côte d'Ivoire", "aliases": ["Ivory Coast"]}],
                figures=[fig(3, "percent", metric="growth", subject="Côte d'Ivoire",
                             counterpart=None, qualifier=None)])]
    pred = [art(figures=[fig(3, "percent", metric="growth", subject="Ivory Coast",
                             counterpart=None, qualifier="")])]
    attrs = score(gold, pred)["figure_attrs"]
    assert attrs["subject"] == 1.0 and attrs["counterpart"] == 1.0 and attrs["qualifier"] == 1.0


def test_all_pools_every_list():
    gold = [art(persons=[{"name": "A B"}, {"name": "C D"}], projects=[{"name": "Metro Line 3"}])]
    pred = [art(persons=[{"name": "A B"}], projects=[{"name": "Metro 3"}, {"name": "Ring road"}])]
    rep = score(gold, pred)
    # hits: 1 person + 1 project ("line" is filler) of 3 gold and 3 predicted
    assert rep["all"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667}


def test_load_gold_dirs_and_predictions(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "b.gold.json").write_text(json.dumps({"article": "b.txt", "figures": []}), "utf-8")
    (d / "a.gold.json").write_text(json.dumps({"figures": []}), "utf-8")
    (d / "notes.json").write_text("{}", "utf-8")
    gold = load_gold_dirs([d])
    assert [g["article"] for g in gold] == ["a.txt", "b.txt"]
    lines = tmp_path / "p.jsonl"
    lines.write_text('{"article": "a.txt"}\n\n{"article": "b.txt"}\n', "utf-8")
    assert [p["article"] for p in load_predictions(lines)] == ["a.txt", "b.txt"]
    wrapped = tmp_path / "p.json"
    wrapped.write_text(json.dumps({"articles": [{"article": "a.txt"}]}), "utf-8")
    assert load_predictions(wrapped) == [{"article": "a.txt"}]


def test_format_report_is_a_table():
    rep = score([art(persons=[{"name": "A B"}])], [art(persons=[{"name": "A B"}])])
    text = format_report(rep)
    assert text.splitlines()[0].split() == ["list", "P", "R", "F1", "gold", "pred", "hit"]
    assert "persons         1.000  1.000  1.000     1     1     1" in text
    assert "metric=-" in text


@pytest.mark.parametrize("mins,expected", [
    ({"persons": 0.9}, []),
    ({"figures": 0.9}, ["figures F1 0.667 < 0.9"]),
    ({"all": 0.5}, []),
    ({"metric": 0.85}, ["metric accuracy 0.5 < 0.85"]),
    ({"period": 0.5}, []),
    ({"nonsense": 0.1}, ["nonsense: unknown key"]),
])
def test_missed_thresholds(mins, expected):
    gold = [art(persons=[{"name": "A B"}], figures=[fig(1), fig(2, metric="exports")])]
    pred = [art(persons=[{"name": "A B"}], figures=[fig(1), fig(2), fig(3), fig(4)])]
    assert missed_thresholds(score(gold, pred), mins) == expected
