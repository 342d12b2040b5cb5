"""Measured relevance: the judged query set against our engine and against a
plain BM25 baseline (SQLite FTS5 over the raw text of the same units), in
the same run (``jdih eval``).

A result is credited with the grade of a judged clause when it is that
clause, lies inside it (ayat of a judged Pasal) or contains it (the Pasal of
a judged ayat); each judged clause is credited once, so five ayat of one
relevant Pasal earn it once. A judged document ("uu-1-2015#") is credited
only for the document itself.

- MRR@10: reciprocal rank of the first result of grade >= 2.
- nDCG@10: graded gain 2^grade - 1, ideal order from the judgments.
- Recall@20: share of the clauses of grade >= 2 found in the first 20.
- Citation queries also report how many had the cited unit exactly first.

Both systems search the published documents, as the public does (the judged
clauses are all in published regulations; staff would also see evaluation
notes, which are not judged).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .baseline import Fts5
from .store import Store

RELEVANT = 2          # grade from which a result counts as relevant (MRR, recall)
CLASSES = ("sitasi", "topik", "definisi", "singkatan", "salah_ketik")
METRICS = ("mrr", "ndcg", "recall")


@dataclass
class Judged:
    id: str
    cls: str
    query: str
    relevant: dict[str, int]


@dataclass
class Scores:
    mrr: float
    ndcg: float
    recall: float
    first_exact: bool


@dataclass
class Report:
    queries: list[Judged]
    engine: dict[str, Scores] = field(default_factory=dict)
    fts5: dict[str, Scores] = field(default_factory=dict)
    rankings: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def summary(self, system: str) -> dict[str, dict[str, float]]:
        """Mean scores per class and overall ('semua')."""
        per = self.engine if system == "engine" else self.fts5
        out: dict[str, dict[str, float]] = {}
        groups = {c: [q for q in self.queries if q.cls == c] for c in CLASSES}
        groups["semua"] = list(self.queries)
        for name, qs in groups.items():
            if not qs:
                continue
            out[name] = {m: sum(getattr(per[q.id], m) for q in qs) / len(qs) for m in METRICS}
            out[name]["first_exact"] = sum(per[q.id].first_exact for q in qs) / len(qs)
            out[name]["n"] = len(qs)
        return out


def load(path: str | Path | None = None) -> list[Judged]:
    if path is None:
        text = resources.files("jdih.data").joinpath("eval/queries.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text)
    return [Judged(q["id"], q["class"], q["query"], {k: int(v) for k, v in q["relevant"].items()})
            for q in data["queries"]]


def missing(store: Store, queries: list[Judged]) -> list[str]:
    """Judged keys that are not in the store (a parser change moved them)."""
    out = []
    for q in queries:
        for key in q.relevant:
            doc_id, _, unit_id = key.partition("#")
            if store.document_row(doc_id) is None or (unit_id and not store.db.execute(
                    "SELECT 1 FROM units WHERE doc_id = ? AND id = ?", (doc_id, unit_id)).fetchone()):
                out.append(f"{q.id}: {key}")
    return out


def _matches(hit: str, judged: str) -> bool:
    hd, _, hu = hit.partition("#")
    jd, _, ju = judged.partition("#")
    if hd != jd:
        return False
    if not hu or not ju:
        return hu == ju
    return hu == ju or hu.startswith(ju + "__") or ju.startswith(hu + "__")


def credit(ranked: list[str], relevant: dict[str, int]) -> tuple[list[int], set[str]]:
    """The grade credited to each ranked result, and the judged keys found.

    A result containing several judged clauses (a Pasal whose judged ayat are
    4 and 5) finds them all but earns the best grade once; a result inside a
    judged clause finds that clause; each judged clause is credited once."""
    left = dict(relevant)
    out, found = [], set()
    for hit in ranked:
        inside = [k for k in left if _matches(hit, k) and k.startswith(hit) and k != hit]
        best = max((k for k in left if _matches(hit, k)), key=lambda k: (left[k], k == hit), default=None)
        taken = inside if inside and (best is None or best in inside) else ([best] if best else [])
        out.append(max((left[k] for k in taken), default=0))
        for k in taken:
            found.add(k)
            left.pop(k)
    return out, found


def gains(ranked: list[str], relevant: dict[str, int]) -> list[int]:
    return credit(ranked, relevant)[0]


def score(ranked: list[str], relevant: dict[str, int]) -> Scores:
    g, found_keys = credit(ranked[:20], relevant)
    rr = next((1.0 / (i + 1) for i, x in enumerate(g[:10]) if x >= RELEVANT), 0.0)
    dcg = sum((2 ** x - 1) / math.log2(i + 2) for i, x in enumerate(g[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2 ** x - 1) / math.log2(i + 2) for i, x in enumerate(ideal))
    wanted = sum(1 for v in relevant.values() if v >= RELEVANT)
    found = sum(1 for k in found_keys if relevant[k] >= RELEVANT)
    first = bool(ranked) and ranked[0] in relevant and relevant[ranked[0]] == max(relevant.values())
    return Scores(rr, dcg / idcg if idcg else 0.0, found / wanted if wanted else 1.0, first)


def engine_ranking(searcher, query: str, k: int = 20) -> list[str]:
    result = searcher.search(query, limit=k, public_only=True)
    return [f"{h['doc']['id']}#{h['unit']['id'] if h['unit'] else ''}" for h in result["hits"]]


def evaluate(store: Store, searcher, queries: list[Judged] | None = None) -> Report:
    queries = queries if queries is not None else load()
    fts = Fts5()
    fts.add_store(store, public_only=True)
    report = Report(queries)
    for q in queries:
        ours = engine_ranking(searcher, q.query)
        base = fts.search(q.query, 20)
        report.engine[q.id] = score(ours, q.relevant)
        report.fts5[q.id] = score(base, q.relevant)
        report.rankings[q.id] = {"engine": ours, "fts5": base}
    return report


CLASS_LABELS = {"sitasi": "sitasi", "topik": "topik", "definisi": "definisi", "singkatan": "singkatan",
                "salah_ketik": "salah ketik", "semua": "SEMUA"}


def format_report(report: Report) -> str:
    ours, base = report.summary("engine"), report.summary("fts5")
    lines = ["kelas         n   MRR@10 (FTS5)   nDCG@10 (FTS5)  Recall@20 (FTS5)  tepat #1",
             "-" * 80]
    for name in [*CLASSES, "semua"]:
        if name not in ours:
            continue
        a, b = ours[name], base[name]
        lines.append(f"{CLASS_LABELS[name]:<12}{a['n']:>3}   {a['mrr']:.3f} ({b['mrr']:.3f})   "
                     f"{a['ndcg']:.3f} ({b['ndcg']:.3f})   {a['recall']:.3f} ({b['recall']:.3f})    "
                     f"{a['first_exact']:.0%}")
    return "\n".join(lines)


def format_details(report: Report) -> str:
    lines = []
    for q in report.queries:
        e, f = report.engine[q.id], report.fts5[q.id]
        lines.append(f"{q.id:<15} MRR {e.mrr:.2f} ({f.mrr:.2f})  nDCG {e.ndcg:.2f} ({f.ndcg:.2f})  "
                     f"R@20 {e.recall:.2f} ({f.recall:.2f})  {q.query}")
    return "\n".join(lines)


def to_json(report: Report) -> dict:
    return {"summary": {"engine": report.summary("engine"), "fts5": report.summary("fts5")},
            "queries": [{"id": q.id, "class": q.cls, "query": q.query,
                         "engine": vars(report.engine[q.id]), "fts5": vars(report.fts5[q.id]),
                         "ranking": report.rankings[q.id]["engine"][:10]} for q in report.queries]}
