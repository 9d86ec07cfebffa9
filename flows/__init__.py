"""Prefect flows: thin compositions of newsfacts library calls."""
