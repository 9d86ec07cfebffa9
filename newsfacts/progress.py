"""Progress events from the pipeline to whoever listens (the CLI's progress bar)."""
from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str, str, int], None]  # (event, stage, amount)
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Register a listener; returns the function that removes it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def stage(name: str, total: int = 0) -> None:
    """A new stage begins (with the number of units it will advance through)."""
    for listener in list(_listeners):
        listener("stage", name, total)


def advance(amount: int = 1) -> None:
    """The current stage did `amount` more units of work."""
    for listener in list(_listeners):
        listener("advance", "", amount)
