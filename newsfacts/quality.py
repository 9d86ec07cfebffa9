"""Validate the staged tables with Great Expectations; split clean rows from quarantined ones."""
from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .models import Rejected
from .staging import ROW_ID, STAGED_COLUMNS

# Must be set before great_expectations is first imported to take effect.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"

# Units a figure may carry besides an ISO 4217 currency code (ANNOTATION.md: "tonnes, km,
# people and the like"): the canonical names newsfacts/lexicon/units.tsv produces, plus
# "count" for counted things. Synonyms are left out on purpose so one unit has one name.
PHYSICAL_UNITS: tuple[str, ...] = (
    "percent", "percentage points", "count", "times", "people",
    "tonnes", "barrels", "barrels/day", "bcm", "cubic meters", "litres", "ounces",
    "km", "m", "sq km", "sq m", "hectares", "acres",
    "GW", "MW", "kW", "TWh", "GWh", "MWh", "kWh", "TEU", "human-days",
)

SEVERITIES = ("blocking", "warning")
HELD = "held_with_article"  # expectation_type of facts held because their article is quarantined
_DOCS_SITE = "newsfacts"
_RESULTS_FOLDER = "validation_results"  # JSON results under docs_dir that the site is built from
_DOCS_STORE = "newsfacts_docs_results"  # the results store the site is built from
_MAX_DOCS_VALUE_SET = 300  # longer value sets (article ids) are cut in the Data Docs copy

@dataclass(frozen=True)
class QuarantineRow:
    """One failing row and why: one entry per (row, failed expectation)."""

    table: str
    row_id: str | None
    suite: str
    expectation_type: str
    column: str | None
    reason: str
    row: dict[str, Any]

    def to_rejected(self) -> Rejected:
        """The row as a pipeline reject record."""
        if self.table == "stg_structured_fact" and self.row.get("origin"):
            origin = f"{self.row['origin']}:{self.row.get('line')}"
        elif self.table == "stg_article" and self.row.get("origin"):
            origin = str(self.row["origin"])
        else:
            origin = f"{self.table}/{self.row_id}"
        check = f"{self.expectation_type}({self.column})" if self.column else self.expectation_type
        return Rejected(origin=origin, reason=self.reason, stage="validate", table=self.table,
                        check=check, record=self.row)


@dataclass(frozen=True)
class ExpectationResult:
    """Outcome of one expectation of one suite."""

    suite: str
    expectation_type: str
    column: str | None
    kwargs: str
    success: bool
    observed_value: Any
    unexpected_count: int | None
    severity: str
    row_level: bool  # a map expectation whose failures are quarantined row by row
    error: str | None = None  # the expectation could not run (e.g. a column is missing)


@dataclass
class ValidationOutcome:
    """Everything one validation run produced."""

    run_id: str
    clean: dict[str, pd.DataFrame]
    quarantined: list[QuarantineRow]
    results: list[ExpectationResult]
    blocking_failures: list[ExpectationResult]
    report_path: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no blocking table-level expectation failed."""
        return not self.blocking_failures

    def rejected(self) -> list[Rejected]:
        """Quarantined rows as reject records."""
        return [q.to_rejected() for q in self.quarantined]


# ---------------------------------------------------------------- suites


def _gx():
    """great_expectations, imported on first use (the import alone takes ~2 s)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx
    # GX logs every skipped render and store detail at INFO/WARNING; errors still show.
    for name in [n for n in logging.root.manager.loggerDict if n.startswith("great_expectations")]:
        logging.getLogger(name).setLevel(logging.ERROR)
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx


def suite_files(directory: Path = EXPECTATIONS_DIR) -> dict[str, Path]:
    """Suite JSON files by suite name (the file stem)."""
    return {p.stem: p for p in sorted(Path(directory).glob("*.json"))}


def load_suite_json(path: Path) -> dict[str, Any]:
    """One suite file, checked for the fields this project relies on."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("name") != Path(path).stem:
        raise ValueError(f"{path}: suite name {data.get('name')!r} differs from the file name")
    severity = (data.get("meta") or {}).get("severity")
    if severity not in SEVERITIES:
        raise ValueError(f"{path}: meta.severity must be one of {SEVERITIES}, not {severity!r}")
    return data


def load_suite(path: Path):
    """One suite file as a gx.ExpectationSuite; raises if GX drops any expectation."""
    gx = _gx()
    data = load_suite_json(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        suite = gx.ExpectationSuite(**data)
    # GX logs and skips an invalid expectation instead of raising: refuse a partial suite.
    if len(suite.expectations) != len(data.get("expectations", [])):
        raise ValueError(f"{path}: {len(data['expectations']) - len(suite.expectations)} "
                         "expectation(s) are not valid GX configurations")
    return suite


# ---------------------------------------------------------------- parameters


@lru_cache(maxsize=1)
def iso_countries() -> tuple[str, ...]:
    """ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, user-assigned but in common use)."""
    import pycountry
    return tuple(sorted({c.alpha_3 for c in pycountry.countries} | {"XKX"}))


# Withdrawn ISO 4217 codes that recent news still reports in (the lev before Bulgaria's euro).
WITHDRAWN_CURRENCIES: tuple[str, ...] = ("BGN", "HRK")


@lru_cache(maxsize=1)
def known_units() -> tuple[str, ...]:
    """ISO 4217 currency codes (with recently withdrawn ones) followed by PHYSICAL_UNITS."""
    import pycountry
    return tuple(sorted({c.alpha_3 for c in pycountry.currencies} | set(WITHDRAWN_CURRENCIES))) + PHYSICAL_UNITS


def default_parameters(tables: Mapping[str, pd.DataFrame],
                       today: dt.date | None = None) -> dict[str, Any]:
    """Suite parameters for a run: today, the staged article ids, countries, units."""
    articles = tables.get("stg_article")
    ids = [] if articles is None or "article_id" not in articles else \
        sorted(str(a) for a in articles["article_id"].dropna().unique())
    return {
        "today": (today or dt.date.today()).isoformat(),
        "article_ids": ids,
        "countries": list(iso_countries()),
        "units": list(known_units()),
    }


def unstaged_article_ids(tables: Mapping[str, pd.DataFrame],
                         article_ids: Iterable[str]) -> list[str]:
    """Article ids that facts refer to but that are not in article_ids."""
    # The suites check referential integrity as "not in this (small) set" rather than "in the
    # set of all article ids": GX deep-copies a value set hundreds of times per run, which made
    # 100k article ids cost ~7 s; the set of dangling ids is empty or tiny.
    staged = pd.Index(list(article_ids))
    dangling: set[str] = set()
    for table, df in tables.items():
        if table != "stg_article" and "article_id" in df.columns and len(df):
            refs = pd.Index(df["article_id"].dropna().unique())
            dangling.update(str(a) for a in refs[~refs.isin(staged)])
    return sorted(dangling)


# ---------------------------------------------------------------- helpers


def _jsonable(value: Any) -> Any:
    """A value as plain JSON data (dates as ISO strings, numpy scalars unboxed)."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else (None if math.isnan(value) else str(value))
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return _jsonable(items) if not isinstance(items, list) else [_jsonable(v) for v in items]
    if hasattr(value, "item"):  # numpy scalar
        return _jsonable(value.item())
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _summarize_kwargs(kwargs: Mapping[str, Any]) -> str:
    """Expectation kwargs in one short line, long value sets abbreviated."""
    parts = []
    for key, value in kwargs.items():
        if key in ("column", "batch_id", "result_format") or value is None:
            continue
        if key == "row_condition":
            value = _condition_text(value)
        elif isinstance(value, (list, tuple)) and len(value) > 10:
            shown = ", ".join(map(str, list(value)[:5]))
            value = f"[{shown}, ... {len(value)} values]"
        elif hasattr(value, "model_dump") or hasattr(value, "dict"):
            value = str(value)
        parts.append(f"{key}={value}")
    return ", ".join(parts)


def _condition_text(cond: Any) -> str:
    """A GX row condition (object or its JSON form) as "metric == 'growth' AND ..."."""
    if hasattr(cond, "dict"):
        cond = cond.dict()
    if not isinstance(cond, Mapping):
        return str(cond)
    kind = cond.get("type")
    if kind in ("and", "or"):
        return f" {kind.upper()} ".join(_condition_text(c) for c in cond.get("conditions", []))
    if kind == "comparison":
        return f"{cond['column']['name']} {cond['operator']} {cond['parameter']!r}"
    if kind == "nullity":
        return f"{cond['column']['name']} is {'' if cond.get('is_null') else 'not '}null"
    return str(cond.get("pass_through_filter", cond))


def _row_level_types() -> tuple[type, ...]:
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    return ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation


@lru_cache(maxsize=None)
def _is_row_level(expectation_type: str) -> bool:
    from great_expectations.expectations.registry import get_expectation_impl
    return issubclass(get_expectation_impl(expectation_type), _row_level_types())


_DEFAULT_REASONS = {
    "expect_column_values_to_not_be_null": "{column} is missing",
    "expect_column_values_to_be_in_set": "{column} {value!r} is not an allowed value",
    "expect_column_values_to_not_be_in_set": "{column} {value!r} is a forbidden value",
    "expect_column_values_to_match_regex": "{column} {value!r} does not have the expected form",
    "expect_column_values_to_be_between": "{column} {value!r} is out of range",
    "expect_column_values_to_be_unique": "{column} {value!r} is not unique",
    "expect_compound_columns_to_be_unique": "the combination of {column} is not unique",
}


def _reason(template: str, column: str | None, row: dict[str, Any]) -> str:
    value = row.get(column) if column else None
    try:
        return template.format(value=value, column=column, row=defaultdict(lambda: None, row))
    except (KeyError, IndexError, ValueError, AttributeError):
        return f"{column} {value!r} failed the check"


# ---------------------------------------------------------------- validation


def _context():
    """A fresh in-memory GX context with progress bars off (set-up takes ~70 ms)."""
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def _add_docs_site(context, docs_dir: Path) -> None:
    """A Data Docs site in docs_dir, built from validation results kept beside it as JSON."""
    # The index lists runs found in the results store, and GX deletes pages whose result is
    # missing there: results must persist with the site for the index to accumulate runs.
    context.add_store(_DOCS_STORE, {
        "class_name": "ValidationResultsStore",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                          "base_directory": str(docs_dir / _RESULTS_FOLDER)},
    })
    context.add_data_docs_site(_DOCS_SITE, {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                          "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "site_section_builders": {
            "validations": {"source_store_name": _DOCS_STORE},
            "profiling": "None",
        },
    })


def _docs_copy(result):
    """A validation result slimmed for Data Docs: no full unexpected lists, short value sets."""
    from great_expectations.core import ExpectationSuiteValidationResult
    data = result.to_json_dict()
    for r in data.get("results", []):
        for key in ("unexpected_list", "unexpected_index_list", "unexpected_index_query"):
            (r.get("result") or {}).pop(key, None)
        kwargs = (r.get("expectation_config") or {}).get("kwargs") or {}
        values = kwargs.get("value_set")
        if isinstance(values, list) and len(values) > _MAX_DOCS_VALUE_SET:
            kwargs["value_set"] = values[:_MAX_DOCS_VALUE_SET] + [
                f"... {len(values) - _MAX_DOCS_VALUE_SET} more"]
    copy = ExpectationSuiteValidationResult(**{
        k: v for k, v in data.items() if k in ("success", "results", "suite_name", "statistics",
                                               "meta", "batch_id", "id")})
    # The renderers read the run id objects from meta; the page header reads the asset name
    # from batch_kwargs, which fluent pandas assets leave empty ("Data asset: None").
    copy.meta = {**result.meta, "batch_kwargs": {"data_asset_name": result.suite_name}}
    return copy


def validate(tables: dict[str, pd.DataFrame], run_id: str, parameters: dict | None = None,
             docs_dir: Path | None = None, build_docs: bool = True) -> ValidationOutcome:
    """Run every suite on its table in one GX run; quarantine failing rows and hold their facts."""
    # Contract details, for callers:
    # - quarantined has one entry per (row, failed expectation): a row failing two checks is
    #   listed twice, once per reason, and leaves its clean table once;
    # - facts of a quarantined article are held too (expectation_type HELD);
    # - parameters override default_parameters(): today, article_ids, countries, units. Without
    #   stg_article in tables (or article_ids given) every fact fails referential integrity;
    # - docs_dir holds the Data Docs site and, in validation_results/, the JSON results it is
    #   built from: keep both, or the index forgets earlier runs;
    # - build_docs=False only stores the results: a run validating chunk by chunk renders its
    #   pages once at the end (build_run_docs), as rebuilding the site costs more with every
    #   result it holds.
    import time

    from great_expectations.core.run_identifier import RunIdentifier

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    gx = _gx()
    timings["import"] = time.perf_counter() - t0  # ~1.7 s the first time in a process, then 0
    files = suite_files()
    unknown = sorted(set(tables) - set(files))
    if unknown:
        raise ValueError(f"no expectation suite for staged table(s) {unknown}")
    params = default_parameters(tables)
    params.update(parameters or {})
    params["unstaged_article_ids"] = unstaged_article_ids(tables, params["article_ids"])

    context = _context()
    if docs_dir is not None:
        docs_dir = Path(docs_dir).resolve()  # GX stores need absolute paths
        docs_dir.mkdir(parents=True, exist_ok=True)
        _add_docs_site(context, docs_dir)
    source = context.data_sources.add_pandas("newsfacts")
    timings["context"] = time.perf_counter() - t0 - timings["import"]

    run = RunIdentifier(run_name=run_id, run_time=dt.datetime.now(dt.timezone.utc))
    result_format = {"result_format": "COMPLETE", "partial_unexpected_count": 20,
                     "return_unexpected_index_query": False}
    clean: dict[str, pd.DataFrame] = {}
    quarantined: list[QuarantineRow] = []
    results: list[ExpectationResult] = []
    docs_keys = []
    t1 = time.perf_counter()
    for table, df in tables.items():
        suite = context.suites.add(load_suite(files[table]))
        severity = suite.meta["severity"]
        batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe("all")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=table, data=batch, suite=suite))
        # Positions, not the caller's index labels, identify rows in GX's index lists.
        frame = df.reset_index(drop=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            suite_result = definition.run(batch_parameters={"dataframe": frame},
                                          expectation_parameters={
                                              **params, "columns": STAGED_COLUMNS.get(table, list(frame.columns))},
                                          result_format=result_format, run_id=run)
        if docs_dir is not None:
            docs_keys.append(_store_for_docs(context, suite_result, run))
        order = {e.id: i for i, e in enumerate(suite.expectations)}
        failing = pd.Series(False, index=frame.index)
        rows_cache: dict[int, dict[str, Any]] = {}
        for r in sorted(suite_result.results, key=lambda r: order.get(r.expectation_config.id, 0)):
            er, positions = _expectation_result(table, severity, r)
            results.append(er)
            if er.success or positions is None:
                continue
            failing.iloc[positions] = True
            quarantined.extend(_quarantine(table, frame, r, positions, rows_cache))
        clean[table] = df[~failing.to_numpy()]
    timings["validate"] = time.perf_counter() - t1

    clean, held = hold_facts_of_quarantined_articles(clean, quarantined)
    quarantined.extend(held)
    blocking = [r for r in results
                if not r.success and r.severity == "blocking" and (not r.row_level or r.error)]

    report = None
    if docs_dir is not None and build_docs:
        t2 = time.perf_counter()
        report = _build_docs(context, docs_keys, docs_dir)
        timings["docs"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0
    return ValidationOutcome(run_id=run_id, clean=clean, quarantined=quarantined,
                             results=results, blocking_failures=blocking, report_path=report,
                             timings=timings)


def _expectation_result(table: str, severity: str, r) -> tuple[ExpectationResult, list[int] | None]:
    """Our summary of one GX result, and the failing row positions when it is row-level."""
    config = r.expectation_config
    kwargs = dict(config.kwargs)
    column = kwargs.get("column")
    if column is None and kwargs.get("column_list"):
        column = ",".join(kwargs["column_list"])
    error = _exception_message(r.exception_info)
    res = r.result or {}
    row_level = _is_row_level(config.type)
    if not r.success and row_level and not error and "unexpected_index_list" not in res:
        error = "GX returned no failing row list"
    observed = res.get("observed_value")
    if observed is None and "unexpected_count" in res:
        observed = f"{res['unexpected_count']} of {res.get('element_count')} rows unexpected"
    if error:
        observed = f"error: {error}"
    positions = None
    if row_level and not error and not r.success:
        positions = [int(i) for i in res.get("unexpected_index_list") or []]
        if len(positions) != res.get("unexpected_count", len(positions)):
            # Should not happen with COMPLETE; never quarantine a partial list silently.
            raise RuntimeError(f"{table}: {config.type} returned {len(positions)} failing rows "
                               f"of {res.get('unexpected_count')}")
    er = ExpectationResult(
        suite=table, expectation_type=config.type, column=column,
        kwargs=_summarize_kwargs(kwargs), success=bool(r.success),
        observed_value=_jsonable(observed), unexpected_count=res.get("unexpected_count"),
        severity=severity, row_level=row_level, error=error)
    return er, positions


def _exception_message(info: Mapping[str, Any] | None) -> str | None:
    """The error of an expectation that could not run, from either shape GX reports it in."""
    if not info:
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    # When a metric fails (e.g. a missing column) GX keys the info by metric id instead.
    for sub in info.values():
        if isinstance(sub, Mapping) and sub.get("raised_exception"):
            return str(sub.get("exception_message"))
    return None


def _quarantine(table: str, frame: pd.DataFrame, r, positions: list[int],
                rows_cache: dict[int, dict[str, Any]]) -> list[QuarantineRow]:
    """Quarantine entries for the failing rows of one expectation."""
    config = r.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column")
    label = column if column is not None else ",".join(kwargs.get("column_list") or []) or None
    template = (config.meta or {}).get("reason") or _DEFAULT_REASONS.get(
        config.type, "{column} {value!r} failed " + config.type)
    missing = [p for p in positions if p not in rows_cache]
    if missing:
        records = frame.iloc[missing].to_dict("records")
        for p, rec in zip(missing, records):
            rows_cache[p] = {str(k): _jsonable(v) for k, v in rec.items()}
    id_col = ROW_ID.get(table)
    out = []
    for p in positions:
        row = rows_cache[p]
        out.append(QuarantineRow(
            table=table, row_id=None if row.get(id_col) is None else str(row.get(id_col)),
            suite=table, expectation_type=config.type, column=label,
            reason=_reason(template, column, row), row=row))
    return out


def hold_facts_of_quarantined_articles(
        clean: dict[str, pd.DataFrame], quarantined: Iterable[QuarantineRow],
) -> tuple[dict[str, pd.DataFrame], list[QuarantineRow]]:
    """Drop facts of quarantined articles from clean: they are held (quarantined) with it."""
    reasons: dict[str, list[str]] = defaultdict(list)
    for q in quarantined:
        if q.table == "stg_article" and q.row_id is not None and q.expectation_type != HELD:
            reasons[q.row_id].append(q.reason)
    if not reasons:
        return clean, []
    ids = pd.Index(list(reasons))
    out = dict(clean)
    held: list[QuarantineRow] = []
    for table, df in clean.items():
        if table == "stg_article" or "article_id" not in df.columns or df.empty:
            continue
        mask = df["article_id"].isin(ids).to_numpy()
        if not mask.any():
            continue
        id_col = ROW_ID.get(table)
        for rec in df[mask].to_dict("records"):
            row = {str(k): _jsonable(v) for k, v in rec.items()}
            aid = row["article_id"]
            held.append(QuarantineRow(
                table=table, row_id=None if row.get(id_col) is None else str(row[id_col]),
                suite=table, expectation_type=HELD, column="article_id",
                reason=f"held: article {aid} is quarantined ({'; '.join(reasons[aid])})",
                row=row))
        out[table] = df[~mask]
    return out, held


def _store_for_docs(context, suite_result, run):
    """Keep a slim copy of one suite result in the docs results store; return its key."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    key = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_result.suite_name),
        run_id=run, batch_identifier=suite_result.batch_id)
    context.stores[_DOCS_STORE].set(key, _docs_copy(suite_result))
    return key


def build_run_docs(docs_dir: Path, run_id: str) -> Path | None:
    """Render the pages of every result a run stored (validate with build_docs=False), and the index."""
    docs_dir = Path(docs_dir).resolve()
    if not (docs_dir / _RESULTS_FOLDER).is_dir():
        return None
    context = _context()
    _add_docs_site(context, docs_dir)
    keys = [k for k in context.stores[_DOCS_STORE].list_keys()
            if k.run_id.run_name == run_id]
    return _build_docs(context, keys, docs_dir) if keys else None


def _build_docs(context, keys: list, docs_dir: Path) -> Path:
    """Render this run's validation pages and the suite pages, then rebuild the index."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
    )
    suites = [ExpectationSuiteIdentifier(name=k.expectation_suite_identifier.name) for k in keys]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        context.build_data_docs(site_names=[_DOCS_SITE], resource_identifiers=keys + suites)
    return docs_dir / "index.html"


def summary(outcome: ValidationOutcome) -> str:
    """A few lines for logs: failed expectations and quarantine counts per table."""
    lines = [f"validation run {outcome.run_id}: "
             f"{sum(len(df) for df in outcome.clean.values())} clean rows, "
             f"{len(outcome.quarantined)} quarantine entries, "
             f"{len(outcome.blocking_failures)} blocking failures"]
    for r in outcome.results:
        if not r.success:
            lines.append(f"  [{r.severity}] {r.suite}: {r.expectation_type}({r.column or ''}) "
                         f"{r.observed_value}")
    return "\n".join(lines)


__all__ = [
    "EXPECTATIONS_DIR", "HELD", "PHYSICAL_UNITS", "ExpectationResult", "QuarantineRow",
    "ValidationOutcome", "default_parameters", "hold_facts_of_quarantined_articles",
    "load_suite", "suite_files", "summary", "unstaged_article_ids", "validate",
]
