"""Child processes for the fault tests (tests/test_faults.py): a run, a reader, a reading probe.

    python child.py run INBOX WAREHOUSE [--kill-at POINT] [--fsize BYTES]
    python child.py reader WAREHOUSE
    python child.py rss INBOX

`run` runs `pipeline.run_once` and prints its summary as one JSON line; exit 0 on success,
75 when another run holds the writer lock, 3 on any other error (the message on stderr).
`--kill-at` makes the process SIGKILL itself at a point of the publish, by wrapping library
functions from here (the library has no test hooks):

    after_commit    the work copy committed, before publish() starts (before its CHECKPOINT)
    in_checkpoint   a thread kills the process 0-30 ms into publish(), i.e. during CHECKPOINT
    before_replace  checkpointed and closed, right before os.replace
    after_replace   right after os.replace, before the folder fsync

`--fsize` sets RLIMIT_FSIZE (with SIGXFSZ ignored, so writes fail with EFBIG instead of killing).
`reader` holds a read-only connection: prints the counts, then on each stdin line prints the
counts seen by the same connection, and after 'reconnect' by a new one.
`rss` reads the inbox and prints the peak RSS (KiB) before and after, and what was rejected.
"""
from __future__ import annotations

import json
import os
import random
import resource
import signal
import sys
import threading
import time


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str) -> None:
    from newsfacts import warehouse

    publish = warehouse.publish
    if point == "after_commit":
        def wrapped(con, settings):
            _die()
        warehouse.publish = wrapped
    elif point == "in_checkpoint":
        def wrapped(con, settings):
            threading.Timer(random.uniform(0, 0.03), _die).start()
            publish(con, settings)
            time.sleep(1)  # the timer fires before the run could report success
        warehouse.publish = wrapped
    elif point in ("before_replace", "after_replace"):
        real_replace = os.replace

        def replace(src, dst, *a, **kw):
            if str(src).endswith(".work"):
                if point == "before_replace":
                    _die()
                real_replace(src, dst, *a, **kw)
                _die()
            return real_replace(src, dst, *a, **kw)
        os.replace = replace  # warehouse.publish calls os.replace
    else:
        raise SystemExit(f"unknown kill point {point!r}")


def run(argv: list[str]) -> int:
    inbox, wh = argv[0], argv[1]
    opts = dict(zip(argv[2::2], argv[3::2]))
    if "--fsize" in opts:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = int(opts["--fsize"])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from newsfacts import pipeline, warehouse
    from newsfacts.config import load_settings

    if "--kill-at" in opts:
        _arm(opts["--kill-at"])
    settings = load_settings(inbox=inbox, warehouse=wh)
    try:
        summary = pipeline.run_once(settings)
    except warehouse.WarehouseBusy as exc:
        print(str(exc), file=sys.stderr)
        return 75
    except Exception as exc:  # noqa: BLE001 - the parent checks the message
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    print(json.dumps({"status": summary.status, "loaded": summary.loaded,
                      "articles_new": summary.articles_new, "pid": os.getpid()}), flush=True)
    return 0


def reader(argv: list[str]) -> int:
    import duckdb

    from newsfacts import warehouse

    path = argv[0]
    con = duckdb.connect(path, read_only=True)
    print(json.dumps(warehouse.table_counts(con)), flush=True)
    for line in sys.stdin:
        if line.strip() == "reconnect":
            con.close()
            con = duckdb.connect(path, read_only=True)
        print(json.dumps(warehouse.table_counts(con)), flush=True)
    con.close()
    return 0


def rss(argv: list[str]) -> int:
    from newsfacts.sources.inbox import read_inbox

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    got = read_inbox(__import__("pathlib").Path(argv[0]))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"before_kib": before, "after_kib": after,
                      "articles": [a.name for a in got.articles],
                      "rejected": {os.path.basename(r.origin): r.reason for r in got.rejected}}))
    return 0


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    sys.exit({"run": run, "reader": reader, "rss": rss}[mode](rest))
