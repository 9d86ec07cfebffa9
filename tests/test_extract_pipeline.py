"""The extraction pipeline end to end on fixture articles from several regions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.extract import extract_article, extract_articles
from newsfacts.extract.nlp import get_nlp
from newsfacts.models import ArticleFacts
from newsfacts.sources.articles import read_article_file

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
ARTICLES = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="session")
def facts() -> list[ArticleFacts]:
    return extract_articles([read_article_file(p) for p in ARTICLES])


def test_one_result_per_article_in_order(facts):
    assert [f.article.name for f in facts] == [p.name for p in ARTICLES]


def test_model_is_loaded_once():
    assert get_nlp() is get_nlp()
    assert "lemmatizer" not in get_nlp().pipe_names


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_expected_facts(facts, path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = next(f for f in facts if f.article.name == path.name)
    for lst in ("persons", "organizations", "locations", "projects"):
        names = {i.name for i in getattr(got, lst)} | {a for i in getattr(got, lst) for a in getattr(i, "aliases", [])}
        missing = set(expected[lst]) - names
        assert not missing, (lst, missing)
    pairs = [set(m.participants) for m in got.meetings]
    for want in expected["meetings"]:
        assert any(len(set(want) & p) >= 2 for p in pairs), (want, pairs)


def test_mentions_and_spans_are_consistent(facts):
    for f in facts:
        text = f.article.text
        names = {("person", p.name) for p in f.persons} | {("organization", o.name) for o in f.organizations} \
            | {("location", l.name) for l in f.locations}
        for m in f.mentions:
            assert text[m.start:m.end] == m.text
            assert (m.kind, m.name) in names
        for item in f.persons + f.organizations + f.locations + f.meetings + f.projects:
            assert item.span is not None
            assert text[item.span.sentence_start:].startswith(item.span.sentence)


def test_gold_format(facts):
    gold = facts[0].to_gold()
    assert set(gold) >= {"article", "persons", "organizations", "locations", "meetings", "figures", "projects"}
    json.dumps(gold, ensure_ascii=False)


def test_single_article_matches_batch(facts):
    one = extract_article(read_article_file(ARTICLES[0]))
    assert one.to_gold() == facts[0].to_gold()
