"""Medical necessity: coverage policies (LCD/NCD) linking procedures to covered diagnoses.

A policy is a small YAML file (format: ``data/coverage/sample_carotid_duplex.yaml`` and
docs/coding-knowledge.md). Bundled: one sample policy. Users add theirs to
``<coding dir>/coverage/`` (``agentkit.coding.store.coding_dir``). The check is a warning: a
payer decides coverage, the claim is not wrong, but it may be denied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agentkit.coding.datafile import bundled
from agentkit.errors import DataFileError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim
    from agentkit.coding.knowledge import CodingKnowledge

from agentkit.result import Finding

__all__ = [
    "CoveragePolicies",
    "CoveragePolicy",
    "check_medical_necessity",
    "load_policies",
    "load_policy",
]

_CODE_RANGE = re.compile(
    r"^([A-Z][0-9A][0-9A-Z](?:\.?[0-9A-Z]{0,4})?)(?:\.?-|-([A-Z][0-9A][0-9A-Z](?:\.?[0-9A-Z]{0,4})?))?$"
)


def _prefix_range(entry: str) -> tuple[str, str]:
    m = _CODE_RANGE.match(entry.strip().upper())
    if not m:
        raise ValueError(
            f"{entry!r} is not an ICD-10-CM code, code family ('G45.-') or range ('I63.0-I63.9')"
        )
    lo = m.group(1).replace(".", "")
    hi = (m.group(2) or m.group(1)).replace(".", "")
    return lo, hi


class CoveragePolicy(BaseModel):
    """One coverage policy file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    policy: str = Field(description="Policy id, e.g. L33797 or SAMPLE-CAROTID-DUPLEX")
    title: str
    type: Literal["LCD", "NCD", "payer"] = "LCD"
    contractor: str = ""
    effective: date | None = None
    ended: date | None = None
    source: str = ""
    procedures: tuple[str, ...]
    covered_diagnoses: tuple[str, ...]
    note: str = ""

    @field_validator("procedures", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [f"{v:05d}" if isinstance(v, int) else str(v).strip().upper() for v in value]
        return value

    @field_validator("covered_diagnoses")
    @classmethod
    def _ranges(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for entry in value:
            _prefix_range(entry)
        return value

    def in_force(self, dos: date) -> bool:
        if self.effective is not None and dos < self.effective:
            return False
        return not (self.ended is not None and dos > self.ended)

    def covers(self, icd_code: str) -> bool:
        key = icd_code.replace(".", "").upper()
        for entry in self.covered_diagnoses:
            lo, hi = _prefix_range(entry)
            if key[: len(lo)] >= lo and key[: len(hi)] <= hi:
                return True
        return False


@dataclass(frozen=True)
class CoveragePolicies:
    policies: tuple[CoveragePolicy, ...]

    def for_code(self, code: str, dos: date) -> Iterator[CoveragePolicy]:
        for p in self.policies:
            if code in p.procedures and p.in_force(dos):
                yield p


def load_policy(path: Path) -> CoveragePolicy:
    """Read and validate one policy YAML (errors name the file and the field)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), f"not a readable YAML file: {exc}") from exc
    try:
        return CoveragePolicy.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise DataFileError(str(path), problems) from exc


def _policy_files() -> Iterable[Path]:
    from agentkit.coding.store import coding_dir

    yield from sorted(bundled("coverage").glob("*.yaml"))
    user = coding_dir() / "coverage"
    if user.is_dir():
        yield from sorted(user.glob("*.yaml"))


def load_policies() -> CoveragePolicies:
    """The bundled sample plus every policy in ``<coding dir>/coverage/``."""
    return CoveragePolicies(tuple(load_policy(p) for p in _policy_files()))


def check_medical_necessity(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Lines under a coverage policy need at least one diagnosis the policy covers."""
    findings: list[Finding] = []
    for line in claim.lines:
        for policy in kb.coverage.for_code(line.code, kb.dos):
            if line.diagnosis_pointers:
                dxs = [
                    claim.diagnoses[i - 1]
                    for i in line.diagnosis_pointers
                    if 0 < i <= len(claim.diagnoses)
                ]
            else:
                dxs = list(claim.diagnoses)
            if any(policy.covers(d.code) for d in dxs):
                continue
            listed = ", ".join(d.code for d in dxs) or "none"
            covered = ", ".join(policy.covered_diagnoses[:8])
            more = " ..." if len(policy.covered_diagnoses) > 8 else ""
            findings.append(
                Finding(
                    check="medical_necessity",
                    severity="warning",
                    message=(
                        f"{line.code}: no diagnosis on the claim ({listed}) is one the coverage "
                        f"policy {policy.policy} accepts ({covered}{more}); the service may be "
                        "denied as not medically necessary. Add the documented covering "
                        "diagnosis, or obtain an ABN and report GA."
                    ),
                    path=line.path,
                    codes=(line.code, *(d.code for d in dxs)),
                    source=f"{policy.type} {policy.policy}: {policy.title}"
                    + (f" ({policy.source})" if policy.source else ""),
                )
            )
    return findings
