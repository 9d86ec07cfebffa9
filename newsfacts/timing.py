"""Where a run's time goes, by stage: exclusive wall-clock seconds, for benchmarks and logs."""
from __future__ import annotations

import functools
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_totals: dict[str, float] = defaultdict(float)
_stack = threading.local()
_current = "other"  # the innermost stage of the thread that entered one last, for samplers


@contextmanager
def timed(stage: str) -> Iterator[None]:
    """Count the time spent inside as `stage`; a nested stage's time is not counted twice."""
    stack = getattr(_stack, "items", None)
    if stack is None:
        stack = _stack.items = []
    now = time.perf_counter()
    if stack:
        parent, started = stack[-1]
        with _lock:
            _totals[parent] += now - started
    global _current
    stack.append((stage, now))
    _current = stage
    try:
        yield
    finally:
        end = time.perf_counter()
        name, started = stack.pop()
        with _lock:
            _totals[name] += end - started
        if stack:
            stack[-1] = (stack[-1][0], end)
        _current = stack[-1][0] if stack else "other"


def current() -> str:
    """The stage running now ("other" between stages): lets a sampler attribute memory."""
    return _current


def snapshot() -> dict[str, float]:
    """Seconds per stage so far in this process."""
    with _lock:
        return dict(_totals)


def reset() -> None:
    """Start counting from zero."""
    with _lock:
        _totals.clear()


def stage(name: str):
    """Decorator: count the function's time as stage `name`."""
    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            with timed(name):
                return fn(*args, **kwargs)
        return inner
    return wrap
