"""``agentkit traces stats``: what the trace store says about each spec version.

Per spec and version: calls, how many were auto-accepted / sent to review / failed, how often
reviewers overrode the answer (overall and per code), which checks fire, tokens, cost and
latency percentiles. One pass over the store; only counters are kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentkit.trace.reader import Damage, TraceReader

__all__ = ["SpecStats", "compute_stats"]


@dataclass
class SpecStats:
    spec: str
    spec_version: str
    calls: int = 0
    auto_accepted: int = 0
    needs_review: int = 0
    failed: int = 0
    reviewed: int = 0
    overridden: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    latencies: list[float] = field(default_factory=list)
    check_failures: Counter[str] = field(default_factory=Counter)
    code_reviewed: Counter[str] = field(default_factory=Counter)
    code_overridden: Counter[str] = field(default_factory=Counter)
    code_added: Counter[str] = field(default_factory=Counter)
    providers: Counter[str] = field(default_factory=Counter)

    def as_json(self, top: int = 20) -> dict[str, Any]:
        lat = sorted(self.latencies)
        per_code = sorted(
            ((c, self.code_overridden[c], n) for c, n in self.code_reviewed.items()),
            key=lambda t: (-t[1] / t[2], -t[2], t[0]),
        )
        return {
            "spec": self.spec,
            "spec_version": self.spec_version,
            "calls": self.calls,
            "auto_accepted": self.auto_accepted,
            "needs_review": self.needs_review,
            "failed": self.failed,
            "auto_accept_rate": _rate(self.auto_accepted, self.calls),
            "review_rate": _rate(self.needs_review, self.calls),
            "reviewed": self.reviewed,
            "overridden": self.overridden,
            "override_rate": _rate(self.overridden, self.reviewed),
            "override_rate_per_code": [
                {"code": c, "overridden": o, "reviewed": n, "rate": _rate(o, n)}
                for c, o, n in per_code[:top]
            ],
            "codes_added_by_reviewers": [
                {"code": c, "count": n} for c, n in self.code_added.most_common(top)
            ],
            "check_failures": dict(self.check_failures.most_common()),
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cost_usd": round(self.cost_usd, 6),
            "latency_p50_s": _pct(lat, 0.50),
            "latency_p95_s": _pct(lat, 0.95),
            "providers": dict(self.providers.most_common()),
        }


@dataclass
class StatsResult:
    groups: list[SpecStats]
    records: int
    damages: list[Damage]

    def as_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "specs": [g.as_json() for g in self.groups],
            "damaged_lines": [str(d) for d in self.damages],
        }


def compute_stats(
    directory: Path, *, spec: str | None = None, since: dt.date | None = None
) -> StatsResult:
    reader = TraceReader(directory)
    groups: dict[tuple[str, str], SpecStats] = {}
    last_event: dict[str, dict[str, Any]] = {}
    since_text = since.isoformat() if since else ""
    needles = (f'"spec":{json.dumps(spec)}'.encode(),) if spec else ()
    records = 0
    for rec in reader.records(since=since, contains=needles):
        if since_text and str(rec.get("time", "")) < since_text:
            continue
        if spec and rec.get("spec") != spec:
            continue
        records += 1
        key = (str(rec.get("spec", "?")), str(rec.get("spec_version", "?")))
        group = groups.get(key)
        if group is None:
            group = groups[key] = SpecStats(*key)
        kind = rec.get("kind", "call")
        if kind == "review":
            if rec.get("action") in ("accept", "override"):
                last_event[str(rec.get("trace_id"))] = rec
            continue
        if kind != "call":
            continue
        group.calls += 1
        status = rec.get("status")
        if status == "failed":
            group.failed += 1
        elif status == "needs_review":
            group.needs_review += 1
        else:
            group.auto_accepted += 1
        usage = rec.get("usage") or {}
        group.input_tokens += int(usage.get("input_tokens") or 0)
        group.output_tokens += int(usage.get("output_tokens") or 0)
        group.cost_usd += float(usage.get("cost_usd") or 0.0)
        group.latencies.append(float(rec.get("latency_s") or usage.get("latency_s") or 0.0))
        if rec.get("provider"):
            group.providers[str(rec["provider"])] += 1
        for finding in rec.get("findings") or ():
            if finding.get("severity") in ("error", "warning"):
                group.check_failures[f"{finding.get('check')} ({finding.get('severity')})"] += 1
    for event in last_event.values():
        key = (str(event.get("spec", "?")), str(event.get("spec_version", "?")))
        group = groups.get(key)
        if group is None:
            group = groups[key] = SpecStats(*key)
        group.reviewed += 1
        before = [str(c) for c in event.get("before") or ()]
        after = set(str(c) for c in event.get("after") or ())
        if event.get("action") == "override":
            group.overridden += 1
        for line in before:
            code = _bare(line)
            group.code_reviewed[code] += 1
            if line not in after:
                group.code_overridden[code] += 1
        before_codes = {_bare(x) for x in before}
        for line in after:
            if _bare(line) not in before_codes:
                group.code_added[_bare(line)] += 1
    ordered = sorted(groups.values(), key=lambda g: (g.spec, _version_key(g.spec_version)))
    return StatsResult(ordered, records, reader.damages)


def _bare(line: str) -> str:
    return line.split("-", 1)[0].split("*", 1)[0]


def _version_key(version: str) -> tuple[Any, ...]:
    parts: list[Any] = []
    for p in version.split("."):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 6) if den else None


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return round(values[k], 4)
