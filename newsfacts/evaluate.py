"""Score extracted facts against gold files by the rules of the corpus guide (ANNOTATION.md)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .names import norm

LISTS = ("persons", "organizations", "locations", "meetings", "figures", "projects")
FIGURE_ATTRS = ("metric", "period", "subject", "counterpart", "qualifier")
# Words that do not tell one project from another ("the Almaty bypass road project").
PROJECT_FILLER = frozenset({"the", "project", "projects", "line", "programme", "program"})
VALUE_TOLERANCE = 0.005

Aliases = dict[str, set[str]]


def names_of(item: dict) -> set[str]:
    """Folded forms an entity answers to: name, acronym and aliases."""
    forms = {norm(item.get("name"))}
    if item.get("acronym"):
        forms.add(norm(item["acronym"]))
    forms.update(norm(a) for a in item.get("aliases") or [])
    forms.discard("")
    return forms


def project_key(name: object) -> str:
    """A project name folded and stripped of filler words, dashes kept as separate tokens."""
    return " ".join(w for w in norm(name).replace("-", " - ").split() if w not in PROJECT_FILLER)


def build_aliases(*articles: dict) -> Aliases:
    """Equivalent names declared by the entities of gold and prediction of one article."""
    out: Aliases = {}
    for art in articles:
        for lst in ("persons", "organizations", "locations"):
            for ent in art.get(lst) or []:
                forms = names_of(ent)
                for f in forms:
                    out.setdefault(f, set()).update(forms)
    return out


def same_party(a: object, b: object, aliases: Aliases) -> bool:
    """Two party names are the same when equal after folding or declared aliases; two blanks agree."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return na == nb
    return na == nb or nb in aliases.get(na, ()) or na in aliases.get(nb, ())


def same_value(gold: dict, pred: dict) -> bool:
    """Figures match on unit and on value within the tolerance."""
    try:
        gv, pv = float(gold["value"]), float(pred["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if norm(gold.get("unit")) != norm(pred.get("unit")):
        return False
    return gv == pv or abs(gv - pv) <= VALUE_TOLERANCE * max(abs(gv), 1e-9)


def pair_up(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order: each gold item takes the first free prediction."""
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        pi = next((i for i, p in enumerate(pred) if i not in taken and same(g, p)), None)
        if pi is not None:
            taken.add(pi)
            pairs.append((gi, pi))
    return pairs


def _rules(aliases: Aliases) -> dict[str, Callable[[Any, Any], bool]]:
    def entity(g: dict, p: dict) -> bool:
        gk, pk = names_of(g), names_of(p)
        return bool(gk & pk) or any(same_party(a, b, aliases) for a in gk for b in pk)

    def meeting(g: dict, p: dict) -> bool:
        theirs = p.get("participants") or []
        shared = sum(1 for a in g.get("participants") or []
                     if any(same_party(a, b, aliases) for b in theirs))
        return shared >= 2

    def project(g: dict, p: dict) -> bool:
        gk = {project_key(n) for n in [g.get("name"), *(g.get("aliases") or [])]}
        pk = {project_key(n) for n in [p.get("name"), *(p.get("aliases") or [])]}
        return bool(gk & pk - {""})

    return {"persons": entity, "organizations": entity, "locations": entity,
            "meetings": meeting, "figures": same_value, "projects": project}


def _attr_ok(attr: str, g: dict, p: dict, aliases: Aliases) -> bool:
    if attr not in ("subject", "counterpart"):
        return norm(g.get(attr)) == norm(p.get(attr))
    # Trade turnover is symmetric: the two parties may come in either order.
    if (norm(g.get("metric")) == "trade_turnover"
            and same_party(g.get("subject"), p.get("counterpart"), aliases)
            and same_party(g.get("counterpart"), p.get("subject"), aliases)):
        return True
    return same_party(g.get(attr), p.get(attr), aliases)


def _tally(gold: dict, pred: dict, counts: dict, attrs: dict) -> None:
    aliases = build_aliases(gold, pred)
    rules = _rules(aliases)
    for lst in LISTS:
        g, p = gold.get(lst) or [], pred.get(lst) or []
        pairs = pair_up(g, p, rules[lst])
        c = counts[lst]
        c["gold"] += len(g)
        c["pred"] += len(p)
        c["hit"] += len(pairs)
        if lst != "figures":
            continue
        for gi, pi in pairs:
            for attr in FIGURE_ATTRS:
                attrs[attr]["n"] += 1
                attrs[attr]["ok"] += int(_attr_ok(attr, g[gi], p[pi], aliases))


def _prf(hit: int, gold: int, pred: int, empty_precision: float) -> tuple[float, float, float]:
    precision = hit / pred if pred else (empty_precision if not gold else 0.0)
    recall = hit / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def article_key(name: object) -> str:
    """The file name an article is known by in gold and prediction."""
    return Path(str(name or "")).name


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Report of P/R/F1 per list, overall, and figure attribute accuracy (score.py's --json shape)."""
    by_name = {article_key(p.get("article")): p for p in pred}
    counts = {lst: {"gold": 0, "pred": 0, "hit": 0} for lst in LISTS}
    attrs = {a: {"n": 0, "ok": 0} for a in FIGURE_ATTRS}
    for g in gold:
        _tally(g, by_name.get(article_key(g.get("article")), {}), counts, attrs)

    report: dict[str, Any] = {"articles": len(gold)}
    for lst in LISTS:
        c = counts[lst]
        p, r, f = _prf(c["hit"], c["gold"], c["pred"], empty_precision=1.0)
        report[lst] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), **c}
    hit = sum(c["hit"] for c in counts.values())
    ngold = sum(c["gold"] for c in counts.values())
    npred = sum(c["pred"] for c in counts.values())
    p = hit / npred if npred else 0.0
    r = hit / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    report["all"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    report["figure_attrs"] = {a: round(v["ok"] / v["n"], 3) if v["n"] else None
                              for a, v in attrs.items()}
    return report


def load_gold_dirs(dirs: Iterable[Path]) -> list[dict]:
    """All gold files (*.gold.json) of the folders, in folder then file-name order."""
    out = []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.gold.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            gold["article"] = gold.get("article") or path.name.replace(".gold.json", ".txt")
            out.append(gold)
    return out


def load_predictions(path: Path) -> list[dict]:
    """Predictions from a JSON array, a {"articles": [...]} object, or JSON Lines."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = data.get("articles", [data])
    return list(data)


def format_report(report: dict) -> str:
    """The report as a readable table."""
    lines = [f"{'list':14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5} {'hit':>5}"]
    for lst in LISTS:
        r = report[lst]
        lines.append(f"{lst:14} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                     f"{r['gold']:5d} {r['pred']:5d} {r['hit']:5d}")
    a = report["all"]
    lines.append(f"{'all':14} {a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:6.3f}")
    lines.append(f"articles: {report['articles']}")
    attrs = ", ".join(f"{k}={'-' if v is None else f'{v:.3f}'}"
                      for k, v in report["figure_attrs"].items())
    lines.append(f"figure attributes (accuracy on matched figures): {attrs}")
    return "\n".join(lines)


def missed_thresholds(report: dict, mins: dict[str, float]) -> list[str]:
    """Thresholds not reached: list names and `all` by F1, figure attributes by accuracy."""
    missed = []
    for key, floor in mins.items():
        if key in report and isinstance(report[key], dict) and "f1" in report[key]:
            got, what = report[key]["f1"], "F1"
        elif key in report.get("figure_attrs", {}):
            got, what = report["figure_attrs"][key], "accuracy"
        else:
            missed.append(f"{key}: unknown key")
            continue
        if got is None or got < floor:
            missed.append(f"{key} {what} {got} < {floor}")
    return missed
