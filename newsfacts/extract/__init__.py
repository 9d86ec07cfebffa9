"""Fact extraction: article text to persons, organizations, locations, meetings, figures, projects."""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from ..models import Article, ArticleFacts
from .entities import analyze, build_records, find_orgs, find_persons, find_places
from .figures import find_figures
from .meetings import find_events, find_meetings
from .nlp import get_nlp
from .projects import find_projects

__all__ = ["extract_articles", "extract_article", "facts_from_doc"]


def facts_from_doc(doc: Doc, article: Article) -> ArticleFacts:
    """All facts of one article from its parsed doc."""
    A = analyze(doc, article)
    find_persons(A)
    projects = find_projects(A)
    find_events(A)
    find_orgs(A)
    find_places(A)
    persons, orgs, locations, mentions = build_records(A)
    meetings = find_meetings(A)
    figures = find_figures(article.text, A.sents, article.published, mentions)
    return ArticleFacts(article=article, persons=persons, organizations=orgs, locations=locations,
                        meetings=meetings, figures=figures, projects=projects, mentions=mentions)


def extract_articles(articles: Sequence[Article], n_process: int = 1, batch_size: int = 16) -> list[ArticleFacts]:
    """One ArticleFacts per article, in order (the model is loaded once per process)."""
    nlp = get_nlp()
    texts = (a.text for a in articles)
    docs = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    return [facts_from_doc(doc, art) for doc, art in zip(docs, articles)]


def extract_article(article: Article) -> ArticleFacts:
    """Facts of a single article."""
    return extract_articles([article])[0]
