"""Committed baselines and the regression gate.

``evals/<spec>/baseline.json`` records what the suite scored when someone last promoted a
run with ``agentkit eval SPEC --update-baseline``: every metric, each case's pass/fail, the
spec fingerprint and provider it was made with. A later run is compared with it:

- a *gated* metric that got worse by more than the tolerance is a regression (higher is
  better for precision, recall, F1, exact match, primary / modifier / unit accuracy and pass
  rate; lower is better for the error-finding and failure rates);
- a case that passed in the baseline and fails now is a regression, whatever the metrics;
- the review rate is reported, not gated (a spec's review policy may change it on purpose).

Baselines only change by an explicit ``--update-baseline``; the gate never rewrites them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from agentkit.errors import EvalError

__all__ = [
    "DEFAULT_TOLERANCE",
    "Baseline",
    "Comparison",
    "compare",
    "load_baseline",
    "metric_direction",
    "save_baseline",
]

DEFAULT_TOLERANCE = 0.0
_EPSILON = 1e-9
_HIGHER = (
    "precision",
    "recall",
    "f1",
    "exact_match",
    "primary_accuracy",
    "modifier_accuracy",
    "unit_accuracy",
    "pass_rate",
)
_LOWER = ("error_finding_rate", "failure_rate")


class Baseline(BaseModel):
    spec: str
    spec_version: str
    fingerprint: str
    provider: str
    created: str
    agentkit_version: str = ""
    repeat: int = 1
    case_count: int = 0
    metrics: dict[str, float | None] = Field(default_factory=dict)
    cases: dict[str, Literal["pass", "fail"]] = Field(default_factory=dict)


def metric_direction(name: str) -> Literal["higher", "lower", "info"]:
    base = name.rsplit(".", 1)[-1]
    if base in _HIGHER:
        return "higher"
    if base in _LOWER:
        return "lower"
    return "info"


def load_baseline(path: Path) -> Baseline | None:
    """The baseline at ``path``, None if there is none; EvalError if it is unreadable."""
    if not path.is_file():
        return None
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise EvalError(
            f"baseline {path} cannot be read: {exc}; fix it or recreate it with --update-baseline"
        ) from None


def save_baseline(path: Path, baseline: Baseline) -> None:
    """Write atomically, keys sorted, one case per line: small, reviewable diffs in git."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = baseline.model_dump(mode="json")
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".baseline-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # a committed file, not a private one (mkstemp makes 0600)
    os.replace(tmp, path)


def new_baseline(
    *,
    spec: str,
    spec_version: str,
    fingerprint: str,
    provider: str,
    repeat: int,
    metrics: dict[str, float | None],
    case_status: dict[str, bool],
) -> Baseline:
    from agentkit import __version__

    return Baseline(
        spec=spec,
        spec_version=spec_version,
        fingerprint=fingerprint,
        provider=provider,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        agentkit_version=__version__,
        repeat=repeat,
        case_count=len(case_status),
        metrics=dict(sorted(metrics.items())),
        cases={k: ("pass" if ok else "fail") for k, ok in sorted(case_status.items())},
    )


@dataclass
class Comparison:
    """What changed against the baseline, and whether the gate fails."""

    regressions: list[str] = field(default_factory=list)
    improvements: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    newly_failing: list[str] = field(default_factory=list)
    newly_passing: list[str] = field(default_factory=list)
    new_cases: list[str] = field(default_factory=list)
    missing_cases: list[str] = field(default_factory=list)
    deltas: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.regressions)

    @property
    def improved(self) -> bool:
        return not self.failed and bool(self.improvements)

    def as_json(self) -> dict[str, Any]:
        return {
            "failed": self.failed,
            "improved": self.improved,
            "regressions": self.regressions,
            "improvements": self.improvements,
            "notes": self.notes,
            "newly_failing": self.newly_failing,
            "newly_passing": self.newly_passing,
            "new_cases": self.new_cases,
            "missing_cases": self.missing_cases,
            "deltas": {k: list(v) for k, v in self.deltas.items()},
        }


def compare(
    metrics: dict[str, float | None],
    case_status: dict[str, bool],
    baseline: Baseline,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    fingerprint: str | None = None,
    provider: str | None = None,
) -> Comparison:
    """The gate: which gated metrics fell beyond ``tolerance``, which passing cases now fail."""
    if tolerance < 0:
        raise EvalError("--tolerance cannot be negative")
    result = Comparison()
    for name in sorted(set(metrics) | set(baseline.metrics)):
        old = baseline.metrics.get(name)
        new = metrics.get(name)
        result.deltas[name] = (old, new)
        direction = metric_direction(name)
        if old is None or new is None or direction == "info":
            continue
        change = new - old if direction == "higher" else old - new  # > 0 means better
        if change < -(tolerance + _EPSILON):
            result.regressions.append(
                f"{name} {'fell' if direction == 'higher' else 'rose'} from {old:.4f} to "
                f"{new:.4f} (tolerance {tolerance:g})"
            )
        elif change > _EPSILON:
            result.improvements.append(f"{name}: {old:.4f} -> {new:.4f}")
    for case_id, ok in sorted(case_status.items()):
        before = baseline.cases.get(case_id)
        if before is None:
            result.new_cases.append(case_id)
        elif before == "pass" and not ok:
            result.newly_failing.append(case_id)
            result.regressions.append(f"case {case_id} passed in the baseline and fails now")
        elif before == "fail" and ok:
            result.newly_passing.append(case_id)
            result.improvements.append(f"case {case_id} now passes")
    result.missing_cases = sorted(set(baseline.cases) - set(case_status))
    if result.missing_cases:
        result.notes.append(
            f"{len(result.missing_cases)} baseline case(s) were not run: "
            + ", ".join(result.missing_cases[:10])
        )
    if fingerprint and fingerprint != baseline.fingerprint:
        result.notes.append(
            f"the spec changed since the baseline (fingerprint "
            f"{baseline.fingerprint[:12]} -> {fingerprint[:12]})"
        )
    if provider and provider != baseline.provider:
        result.notes.append(
            f"the baseline was made with provider {baseline.provider!r}, this run used {provider!r}"
        )
    return result
