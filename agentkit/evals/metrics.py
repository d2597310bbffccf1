"""Scoring coding outputs against expected codes, one case at a time, aggregated by streaming.

Per case and code family (``procedures``, ``diagnoses``, ``code`` ...), codes are compared as
multisets: a code both expected and produced is a true positive, an expected code not produced
a miss (false negative), a produced code not expected an addition (false positive). Where the
expected line states them, modifiers and units of matched codes are compared too, and the
first line of a list family is the principal / first-listed code.

A case **passes** when every family it states has exactly the expected codes, the expected
principal code first, the stated modifiers and units, every other stated output field
matches, and the call did not fail.

Suite metrics (all in 0..1):

- ``micro.precision/recall/f1``: over all code occurrences of all cases;
- ``macro.precision/recall/f1``: the mean over distinct codes of each code's precision
  (codes ever produced), recall (codes ever expected) and F1 (all codes seen);
- ``exact_match``: cases whose code sets equal the expected ones in every family;
- ``primary_accuracy``: list families whose first code is the expected first code;
- ``modifier_accuracy`` / ``unit_accuracy``: matched codes whose stated modifiers / units are
  right;
- ``error_finding_rate``: answered cases with at least one error finding;
- ``review_rate``: answered cases routed to review;
- ``failure_rate``: cases whose call raised; ``pass_rate``: cases that passed.

The same micro/macro/exact/primary/modifier/unit figures are reported per family.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from agentkit.evals.code_fields import CodeFamily, CodeLine, extract_lines, format_line, has_family

__all__ = [
    "CaseScore",
    "FamilyScore",
    "MetricsAccumulator",
    "score_case",
]


@dataclass
class FamilyScore:
    """How one family of one case compares."""

    family: str
    expected: list[CodeLine]
    predicted: list[CodeLine]
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    primary_checked: bool = False
    primary_ok: bool = True
    modifiers_checked: int = 0
    modifiers_ok: int = 0
    modifier_diffs: list[str] = field(default_factory=list)
    units_checked: int = 0
    units_ok: int = 0
    unit_diffs: list[str] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return self.fp == 0 and self.fn == 0

    @property
    def passed(self) -> bool:
        return (
            self.exact
            and self.primary_ok
            and self.modifiers_ok == self.modifiers_checked
            and self.units_ok == self.units_checked
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "expected": [format_line(x) for x in self.expected],
            "predicted": [format_line(x) for x in self.predicted],
            "missed": self.missed,
            "added": self.added,
            "primary_ok": self.primary_ok if self.primary_checked else None,
            "modifier_diffs": self.modifier_diffs,
            "unit_diffs": self.unit_diffs,
            "passed": self.passed,
        }


@dataclass
class CaseScore:
    """One run of one case."""

    case_id: str
    tags: list[str]
    families: dict[str, FamilyScore] = field(default_factory=dict)
    field_diffs: list[str] = field(default_factory=list)
    error: str | None = None
    error_class: str | None = None
    answered: bool = False
    error_findings: int = 0
    findings: list[str] = field(default_factory=list)
    review: str | None = None
    review_reasons: list[str] = field(default_factory=list)
    latency_s: float = 0.0
    provider: str | None = None

    @property
    def passed(self) -> bool:
        return (
            self.error is None
            and not self.field_diffs
            and all(f.passed for f in self.families.values())
        )

    @property
    def exact(self) -> bool:
        return self.error is None and all(f.exact for f in self.families.values())

    def signature(self) -> str:
        """What a repeat must reproduce for the case not to count as flaky."""
        if self.error is not None:
            return f"error:{self.error_class}"
        parts = [
            f"{name}={','.join(format_line(x) for x in f.predicted)}"
            for name, f in sorted(self.families.items())
        ]
        return ";".join(parts) + ("|" + "|".join(self.field_diffs) if self.field_diffs else "")

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.case_id,
            "tags": self.tags,
            "passed": self.passed,
            "error": self.error,
            "error_class": self.error_class,
            "families": {k: v.as_json() for k, v in self.families.items()},
            "field_diffs": self.field_diffs,
            "error_findings": self.error_findings,
            "findings": self.findings,
            "review": self.review,
            "review_reasons": self.review_reasons,
            "latency_s": round(self.latency_s, 4),
            "provider": self.provider,
        }


def score_case(
    case_id: str,
    tags: Sequence[str],
    families: Sequence[CodeFamily],
    expected: Mapping[str, Any],
    output: Mapping[str, Any] | None,
    *,
    error: BaseException | None = None,
) -> CaseScore:
    """Compare one answer (or failure) with the expected partial output."""
    score = CaseScore(case_id, list(tags))
    if error is not None:
        score.error = str(error).splitlines()[0][:500] if str(error) else type(error).__name__
        score.error_class = type(error).__name__
    produced: Mapping[str, Any] = output or {}
    roots = set()
    for fam in families:
        roots.add(fam.path[0])
        if not has_family(expected, fam):
            continue
        score.families[fam.name] = _score_family(fam, expected, produced)
    for key, want in expected.items():
        if key in roots:
            continue
        got = produced.get(key) if output is not None else None
        if not _matches(want, got):
            score.field_diffs.append(f"{key}: expected {_show(want)}, got {_show(got)}")
    return score


def _score_family(
    fam: CodeFamily, expected: Mapping[str, Any], produced: Mapping[str, Any]
) -> FamilyScore:
    want = extract_lines(expected, fam)
    got = extract_lines(produced, fam)
    result = FamilyScore(fam.name, want, got)
    remaining = list(got)
    pairs: list[tuple[CodeLine, CodeLine]] = []
    unmatched_expected: list[CodeLine] = []
    # lines that state modifiers pick their partner first, each preferring a produced line
    # with the same modifiers, so a line without stated modifiers cannot take the 59 line
    for line in sorted(want, key=lambda x: x.modifiers is None):
        candidates = [g for g in remaining if g.code == line.code]
        if not candidates:
            unmatched_expected.append(line)
            continue
        best = next(
            (g for g in candidates if line.modifiers is None or g.modifiers == line.modifiers),
            candidates[0],
        )
        remaining.remove(best)
        pairs.append((line, best))
    result.tp = len(pairs)
    result.fn = len(unmatched_expected)
    result.fp = len(remaining)
    result.matched = [w.code for w, _ in pairs]
    result.missed = [x.code for x in unmatched_expected]
    result.added = [x.code for x in remaining]
    for w, g in pairs:
        if w.modifiers is not None:
            result.modifiers_checked += 1
            if (g.modifiers or ()) == w.modifiers:
                result.modifiers_ok += 1
            else:
                result.modifier_diffs.append(
                    f"{w.code}: modifiers expected [{' '.join(w.modifiers) or '-'}], "
                    f"got [{' '.join(g.modifiers or ()) or '-'}]"
                )
        if w.units is not None:
            result.units_checked += 1
            if (g.units if g.units is not None else 1) == w.units:
                result.units_ok += 1
            else:
                result.unit_diffs.append(f"{w.code}: units expected {w.units}, got {g.units}")
    if fam.ordered and want:
        result.primary_checked = True
        result.primary_ok = bool(got) and got[0].code == want[0].code
    return result


def _matches(want: Any, got: Any) -> bool:
    """Partial comparison of a non-code expected field (objects: only the stated keys)."""
    if isinstance(want, Mapping):
        return isinstance(got, Mapping) and all(_matches(v, got.get(k)) for k, v in want.items())
    if isinstance(want, list):
        return (
            isinstance(got, list)
            and len(want) == len(got)
            and all(_matches(w, g) for w, g in zip(want, got, strict=True))
        )
    if isinstance(want, str) and isinstance(got, str):
        return want.strip().lower() == got.strip().lower()
    if (
        isinstance(want, int | float)
        and isinstance(got, int | float)
        and not isinstance(want, bool)
    ):
        return float(want) == float(got)
    return bool(want == got)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --------------------------------------------------------------------------- aggregation


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    compared: int = 0
    primary_checked: int = 0
    primary_ok: int = 0
    modifiers_checked: int = 0
    modifiers_ok: int = 0
    units_checked: int = 0
    units_ok: int = 0
    per_code: dict[str, list[int]] = field(default_factory=dict)  # code -> [tp, fp, fn]

    def add(self, f: FamilyScore) -> None:
        self.tp += f.tp
        self.fp += f.fp
        self.fn += f.fn
        self.compared += 1
        self.exact += int(f.exact)
        self.primary_checked += int(f.primary_checked)
        self.primary_ok += int(f.primary_checked and f.primary_ok)
        self.modifiers_checked += f.modifiers_checked
        self.modifiers_ok += f.modifiers_ok
        self.units_checked += f.units_checked
        self.units_ok += f.units_ok
        for code in f.matched:
            self._code(code)[0] += 1
        for code in f.added:
            self._code(code)[1] += 1
        for code in f.missed:
            self._code(code)[2] += 1

    def _code(self, code: str) -> list[int]:
        entry = self.per_code.get(code)
        if entry is None:
            entry = self.per_code[code] = [0, 0, 0]
        return entry

    def metrics(self) -> dict[str, float | None]:
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        precisions = [tp / (tp + fp) for tp, fp, _ in self.per_code.values() if tp + fp]
        recalls = [tp / (tp + fn) for tp, _, fn in self.per_code.values() if tp + fn]
        f1s = [2 * tp / (2 * tp + fp + fn) for tp, fp, fn in self.per_code.values() if tp + fp + fn]
        return {
            "micro.precision": p,
            "micro.recall": r,
            "micro.f1": _f1(p, r) if (self.tp + self.fp + self.fn) else None,
            "macro.precision": _mean(precisions),
            "macro.recall": _mean(recalls),
            "macro.f1": _mean(f1s),
            "exact_match": _ratio(self.exact, self.compared),
            "primary_accuracy": _ratio(self.primary_ok, self.primary_checked),
            "modifier_accuracy": _ratio(self.modifiers_ok, self.modifiers_checked),
            "unit_accuracy": _ratio(self.units_ok, self.units_checked),
        }


@dataclass
class MetricsAccumulator:
    """Folds case scores into suite metrics without keeping the cases."""

    runs: int = 0
    passed_runs: int = 0
    exact_runs: int = 0
    failed_calls: int = 0
    answered: int = 0
    with_error_findings: int = 0
    reviewed: int = 0
    overall: _Counts = field(default_factory=_Counts)
    families: dict[str, _Counts] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)
    swapped: Counter[str] = field(default_factory=Counter)
    tags: dict[str, list[int]] = field(default_factory=dict)  # tag -> [runs, passed]
    latencies: list[float] = field(default_factory=list)

    def add(self, score: CaseScore) -> None:
        self.runs += 1
        self.passed_runs += int(score.passed)
        self.exact_runs += int(score.exact)
        self.failed_calls += int(score.error is not None)
        if score.answered:
            self.answered += 1
            self.with_error_findings += int(score.error_findings > 0)
            self.reviewed += int(score.review == "needs_review")
        self.latencies.append(score.latency_s)
        for name, fam in score.families.items():
            self.overall.add(fam)
            self.families.setdefault(name, _Counts()).add(fam)
            for code in fam.missed:
                self.missed[f"{name}:{code}"] += 1
            for code in fam.added:
                self.added[f"{name}:{code}"] += 1
            for a, b in _pair_swaps(fam.missed, fam.added):
                self.swapped[f"{name}:{a}->{b}"] += 1
        for tag in score.tags:
            entry = self.tags.setdefault(tag, [0, 0])
            entry[0] += 1
            entry[1] += int(score.passed)

    def metrics(self) -> dict[str, float | None]:
        """Flat ``name -> value`` (None when nothing was there to measure)."""
        out = self.overall.metrics()
        out["exact_match"] = _ratio(self.exact_runs, self.runs)
        out["error_finding_rate"] = _ratio(self.with_error_findings, self.answered)
        out["review_rate"] = _ratio(self.reviewed, self.answered)
        out["failure_rate"] = _ratio(self.failed_calls, self.runs)
        out["pass_rate"] = _ratio(self.passed_runs, self.runs)
        for name, counts in sorted(self.families.items()):
            for key, value in counts.metrics().items():
                out[f"{name}.{key}"] = value
        return {k: (round(v, 6) if v is not None else None) for k, v in out.items()}

    def confusion(self, top: int = 10) -> dict[str, list[tuple[str, int]]]:
        return {
            "missed": self.missed.most_common(top),
            "added": self.added.most_common(top),
            "swapped": self.swapped.most_common(top),
        }

    def tag_pass_rates(self) -> dict[str, float]:
        return {t: round(p / n, 6) for t, (n, p) in sorted(self.tags.items()) if n}


def _pair_swaps(missed: Sequence[str], added: Sequence[str]) -> list[tuple[str, str]]:
    """Pair misses with additions that look like the same decision gone wrong: same first
    character (section / chapter), longest shared prefix first."""
    pairs: list[tuple[str, str]] = []
    pool = list(added)
    for m in missed:
        best: str | None = None
        best_len = 0
        for a in pool:
            n = _common_prefix(m, a)
            if n > best_len:
                best, best_len = a, n
        if best is not None:
            pool.remove(best)
            pairs.append((m, best))
    return pairs


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
