"""Benchmark the ETL on generated corpora: speed per stage, memory, increments, queries.

    python bench/bench.py [--sizes 1000 10000] [--workdir warehouse/bench] [--out warehouse/bench.json]

Figures go to stdout and to the JSON file. Each run happens in a child process so that its peak
memory is its own; times are measured inside the child, after the interpreter, the imports and
Prefect's temporary server have started (they are reported apart as start-up).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a live process, from /proc (MB)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssSampler:
    """Peak resident memory of this process per stage, sampled every few milliseconds."""

    def __init__(self, interval: float = 0.02):
        import threading

        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)

    def _loop(self, interval: float) -> None:
        from newsfacts import timing

        page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
        statm = Path("/proc/self/statm")
        while not self._stop.wait(interval):
            rss = int(statm.read_text().split()[1]) * page_mb
            stage = timing.current()
            self.peaks[stage] = max(self.peaks.get(stage, 0.0), rss)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def scenario(inbox: str, warehouse: str, processes: int) -> dict:
    """One flow run in this process; prints and returns its figures."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ["NEWSFACTS_N_PROCESS"] = str(processes)
    t_start = time.perf_counter()
    from prefect import flow

    from flows.etl import etl
    from newsfacts import pipeline, timing

    @flow(name="bench-warmup")
    def warmup() -> int:
        return 1

    warmup()  # starts Prefect's temporary server, outside the measured run
    startup = time.perf_counter() - t_start
    timing.reset()
    t0 = time.perf_counter()
    with RssSampler() as sampler:
        summary = etl(inbox=inbox, warehouse_path=warehouse)
    wall = time.perf_counter() - t0
    stages = timing.snapshot()
    workers = [p.pid for pool in pipeline._pools.values() for p in pool._processes.values()]
    figures = {
        "status": summary.status, "articles_new": summary.articles_new,
        "files": summary.files_read, "wall_seconds": wall, "startup_seconds": startup,
        "stages": stages,
        "orchestration_seconds": max(0.0, wall - sum(stages.values())),
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_workers_mb": sum(_vm_hwm_mb(pid) for pid in workers),
        "rss_main_mb_by_stage": sampler.peaks,
    }
    print("BENCH " + json.dumps(figures))
    return figures


def run_child(inbox: Path, warehouse: Path, processes: int) -> dict:
    """A scenario in a fresh interpreter; its printed figures."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--scenario", str(inbox), str(warehouse),
           str(processes)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(f"scenario failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def corpus(workdir: Path, n: int, seed: int, prefix: str = "") -> Path:
    """A generated inbox of n articles (gold files kept beside it, not in it); reused when present."""
    from newsfacts.generate import generate

    inbox = workdir / f"inbox_{n}"
    if inbox.exists() and len(list(inbox.glob("*.txt"))) == n:
        return inbox
    shutil.rmtree(inbox, ignore_errors=True)
    tmp = workdir / f"gen_{n}"
    shutil.rmtree(tmp, ignore_errors=True)
    generate(n, tmp, seed=seed)
    inbox.mkdir(parents=True)
    gold = workdir / f"gold_{n}"
    gold.mkdir(exist_ok=True)
    for path in tmp.iterdir():
        path.rename((gold if path.name.endswith(".gold.json") else inbox) / (prefix + path.name))
    tmp.rmdir()
    return inbox


def extraction_rates(inbox: Path, n: int) -> tuple[float, float]:
    """Articles per second extracting n articles on one core, then on two processes."""
    from newsfacts import pipeline
    from newsfacts.sources.articles import read_article_file

    articles = [read_article_file(p) for p in sorted(inbox.glob("*.txt"))[:n]]
    pipeline.extract(articles[:8], 1)  # load the model
    t = time.perf_counter()
    pipeline.extract(articles, 1)
    one = n / (time.perf_counter() - t)
    pipeline.extract(articles[:32], 2)  # start both workers (they start on demand)
    t = time.perf_counter()
    pipeline.extract(articles, 2)
    two = n / (time.perf_counter() - t)
    return one, two


def query_times(warehouse: Path) -> dict[str, float]:
    """Seconds each example query takes on the warehouse (read-only)."""
    import duckdb

    out = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for path in sorted((ROOT / "sql" / "queries").glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            t = time.perf_counter()
            con.execute(sql).fetchall()
            out[path.stem] = time.perf_counter() - t
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workdir", type=Path, default=ROOT / "warehouse" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "warehouse" / "bench.json")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--extract-sample", type=int, default=400)
    ap.add_argument("--scenario", nargs=3, metavar=("INBOX", "WAREHOUSE", "PROCESSES"))
    args = ap.parse_args()
    if args.scenario:
        scenario(args.scenario[0], args.scenario[1], int(args.scenario[2]))
        return 0

    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(args.sizes)
    report: dict = {"sizes": sizes, "processes": args.processes, "cores": os.cpu_count(), "runs": {}}
    inboxes = {n: corpus(args.workdir, n, seed=n) for n in sizes}
    big = sizes[-1]
    one, two = extraction_rates(inboxes[big], min(args.extract_sample, big))
    report["extract_articles_per_s_1core"] = one
    report["extract_articles_per_s_2proc"] = two
    report["parallel_speedup"] = two / one
    print(f"extraction: {one:.1f} articles/s on one core, {two:.1f} on {args.processes} processes "
          f"(x{two / one:.2f})", flush=True)

    for n in sizes:
        wh = args.workdir / f"wh_{n}.duckdb"
        for stale in args.workdir.glob(f"wh_{n}.duckdb*"):
            stale.unlink()
        shutil.rmtree(args.workdir / "reports", ignore_errors=True)
        r = run_child(inboxes[n], wh, args.processes)
        r["warehouse_mb"] = wh.stat().st_size / 2**20
        report["runs"][str(n)] = r
        print(f"{n} articles: {r['wall_seconds']:.1f} s ({n / r['wall_seconds']:.1f} articles/s), "
              f"peak RSS {r['rss_main_mb']:.0f} MB + workers {r['rss_workers_mb']:.0f} MB", flush=True)
        print("  main process peak by stage (MB): " + ", ".join(
            f"{k} {v:.0f}" for k, v in sorted(r["rss_main_mb_by_stage"].items())), flush=True)

    full = report["runs"][str(big)]
    wh = args.workdir / f"wh_{big}.duckdb"
    extra = max(1, big // 100)
    from newsfacts.generate import generate

    tmp = args.workdir / "gen_increment"
    shutil.rmtree(tmp, ignore_errors=True)
    generate(extra, tmp, seed=big + 7)
    for path in tmp.glob("*.txt"):
        path.rename(inboxes[big] / f"inc_{path.name}")
    shutil.rmtree(tmp)
    inc = run_child(inboxes[big], wh, args.processes)
    for path in inboxes[big].glob("inc_*.txt"):
        path.unlink()  # the corpus stays as generated for the next benchmark
    noop = run_child(inboxes[big], wh, args.processes)
    queries = query_times(wh)

    stages = full["stages"]
    extract_s = stages.get("extract", 0.0)
    other = full["wall_seconds"] - extract_s
    report.update({
        "end_to_end_articles_per_s": big / full["wall_seconds"],
        "overhead_ratio": other / extract_s if extract_s else None,
        "incremental_articles": inc["articles_new"],
        "incremental_seconds": inc["wall_seconds"],
        "incremental_ratio": inc["wall_seconds"] / full["wall_seconds"],
        "noop_seconds": noop["wall_seconds"],
        "noop_startup_seconds": noop["startup_seconds"],
        "peak_rss_mb": full["rss_main_mb"] + full["rss_workers_mb"],
        "peak_rss_mb_smallest": (report["runs"][str(sizes[0])]["rss_main_mb"]
                                 + report["runs"][str(sizes[0])]["rss_workers_mb"]),
        "warehouse_mb": full["warehouse_mb"],
        "queries": queries,
        "queries_max_seconds": max(queries.values()),
    })
    report["rss_ratio"] = report["peak_rss_mb"] / report["peak_rss_mb_smallest"]
    targets = {
        "overhead_ratio <= 0.25": (report["overhead_ratio"] or 9) <= 0.25,
        "parallel_speedup >= 1.6": report["parallel_speedup"] >= 1.6,
        "incremental_ratio <= 0.05": report["incremental_ratio"] <= 0.05,
        "noop_seconds <= 3": report["noop_seconds"] <= 3,
        "rss_ratio <= 1.2 and peak_rss_mb < 2048": report["rss_ratio"] <= 1.2 and report["peak_rss_mb"] < 2048,
        "queries_max_seconds < 1": report["queries_max_seconds"] < 1,
    }
    report["targets"] = targets
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")

    print(f"\n{'stage':<14}" + "".join(f"{n:>12}" for n in sizes) + "   (seconds; articles/s)")
    for stage in ("ingest", "extract", "validate", "load", "publish"):
        cells = []
        for n in sizes:
            sec = report["runs"][str(n)]["stages"].get(stage, 0.0)
            cells.append(f"{sec:7.1f};{n / sec if sec else 0:5.0f}")
        print(f"{stage:<14}" + "".join(f"{c:>12}" for c in cells))
    print(f"{'orchestration':<14}" + "".join(f"{report['runs'][str(n)]['orchestration_seconds']:>12.1f}" for n in sizes))
    print(f"{'total':<14}" + "".join(f"{report['runs'][str(n)]['wall_seconds']:>12.1f}" for n in sizes))
    for key in ("extract_articles_per_s_1core", "extract_articles_per_s_2proc", "parallel_speedup",
                "end_to_end_articles_per_s", "overhead_ratio", "incremental_articles",
                "incremental_seconds", "incremental_ratio", "noop_seconds", "noop_startup_seconds",
                "peak_rss_mb", "peak_rss_mb_smallest", "rss_ratio", "warehouse_mb",
                "queries_max_seconds"):
        value = report[key]
        print(f"{key:<30} {value:.3f}" if isinstance(value, float) else f"{key:<30} {value}")
    for name, sec in queries.items():
        print(f"  query {name:<34} {sec:.3f} s")
    for target, ok in targets.items():
        print(f"  target {target:<40} {'met' if ok else 'NOT met'}")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
