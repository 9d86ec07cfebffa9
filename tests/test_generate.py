"""The synthetic corpus generator: gold that describes its text, reproducibility, length, variety, speed."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsfacts.generate import _has_word, generate, load_lexicon
from newsfacts.sources.articles import read_article_file

LISTS = ("persons", "organizations", "locations", "meetings", "figures", "projects")
PREFIX = re.compile(r"^ date \d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})? ")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("synthetic")
    return out, generate(300, out, seed=11)


def _articles(out: Path):
    for gold_path in sorted(out.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (out / gold["article"]).read_text(encoding="utf-8")
        yield gold, text


def test_gold_describes_its_article(corpus):
    out, res = corpus
    seen = 0
    for gold, text in _articles(out):
        seen += 1
        assert PREFIX.match(text), text[:40]
        body = PREFIX.sub("", text)
        assert set(LISTS) <= set(gold) and gold["published"] == text[6:16]
        for lst in ("persons", "organizations", "projects"):
            names = [e["name"] for e in gold[lst]]
            assert len(names) == len(set(names)), names
            for name in names:
                assert name in body, (gold["article"], lst, name)
        for loc in gold["locations"]:
            # Datelines are in capitals, and a country named only by its adjective carries it as an alias.
            forms = [loc["name"], *loc.get("aliases", [])]
            assert any(_has_word(body.lower(), f.lower()) for f in forms), (gold["article"], forms)
        entities = {e["name"] for lst in ("persons", "organizations", "locations") for e in gold[lst]}
        for fig in gold["figures"]:
            assert fig["text"] in body, (gold["article"], fig["text"])
            assert isinstance(fig["value"], (int, float))
            assert fig["subject"] in entities | {None} and fig["counterpart"] in entities | {None}, fig
        for meeting in gold["meetings"]:
            assert len(meeting["participants"]) >= 2
            assert set(meeting["participants"]) <= entities, meeting
            assert meeting["location"] in entities | {None}
    assert seen == res.articles == 300


def test_articles_read_back_with_the_project_reader(corpus):
    out, _ = corpus
    for gold, _ in list(_articles(out))[:100]:
        art = read_article_file(out / gold["article"])
        assert art.published.isoformat() == gold["published"]


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(25, a, seed=5)
    generate(25, b, seed=5)
    generate(25, c, seed=6)
    names = sorted(p.name for p in a.iterdir())
    assert len(names) == 50 and names == sorted(p.name for p in b.iterdir())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    assert (a / "art_000001.txt").read_bytes() != (c / "art_000001.txt").read_bytes()


def test_word_count_near_benchmark_average(corpus):
    _, res = corpus
    assert 390 <= res.avg_words <= 440, res.avg_words


def test_varied(corpus):
    out, _ = corpus
    units, quals, countries, periods = Counter(), Counter(), set(), Counter()
    dated = evented = 0
    for gold, _ in _articles(out):
        countries |= {loc["country"] for loc in gold["locations"] if loc["type"] == "country"}
        for fig in gold["figures"]:
            units[fig["unit"]] += 1
            quals[fig["qualifier"]] += 1
            p = fig["period"] or ""
            periods["since" if p.endswith("/") else "range" if "/" in p else "month" if "-" in p else
                    "year" if p else "none"] += 1
        dated += sum(1 for m in gold["meetings"] if m["date"])
        evented += sum(1 for m in gold["meetings"] if m["event"])
    assert len(countries) >= 40
    assert {"USD", "EUR", "percent", "times", "count", "tonnes", "km"} <= set(units)
    assert len([u for u in units if re.fullmatch(r"[A-Z]{3}", u)]) >= 20  # currencies
    assert all(quals[q] for q in ("over", "about", "target", None))
    assert all(periods[k] for k in ("since", "range", "month", "year", "none"))
    assert dated and evented


def test_lexicon_size():
    lex = load_lexicon()
    assert len(lex.countries) >= 40
    assert len({c["region"] for c in lex.countries.values()}) >= 10
    people = [p for by_level in lex.people.values() for ps in by_level.values() for p in ps]
    assert len(people) >= 150 and all(p["title"] for p in people)
    assert sum(len(v) for v in lex.orgs.values()) >= 60
    projects = [p for ps in lex.projects.values() for p in ps] + lex.proper_projects
    assert len(projects) >= 60
    assert {p["type"] for p in projects} == {"road", "railway", "energy", "water", "industrial", "digital",
                                             "environment", "other"}
    # Every place inside a project name is a known place, so its gold entry has a type and country.
    assert all(place in lex.places for p in projects for place in p["places"])


def test_rate(tmp_path):
    res = generate(2000, tmp_path, seed=1)
    print(f"\ngenerated {res.articles} articles in {res.seconds:.2f}s: {res.rate:.0f}/s, "
          f"{res.avg_words:.0f} words on average, {res.figures} figures")
    assert res.articles == 2000
    assert len(list(tmp_path.glob("*.gold.json"))) == 2000
