"""newsfacts: news articles to a validated DuckDB warehouse of facts."""

__version__ = "0.1.0"
