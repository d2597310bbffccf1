"""The claim JSON format read by ``agentkit check CLAIM.json`` (and by ``claim_from_dict``).

It is deliberately the same shape as the ``cpt_coding`` spec's output, so an answer can be
checked as it is; patient facts and the date of service sit beside it::

    {
      "date_of_service": "2024-08-01",
      "setting": "practitioner",
      "patient": {"sex": "female", "age": 54},
      "procedures": [
        {"code": "47562", "modifiers": [], "units": 1, "diagnosis_pointers": [1]},
        "49320-59"
      ],
      "diagnoses": ["K80.20", {"code": "E11.9"}]
    }

``agentkit run --json`` output is accepted as it is (the answer sits under ``output``; give the
date of service and patient with ``agentkit check`` options), and so is an answer whose code sits
at the top level (``{"code": "99214", ...}``). A procedure is an object or coder shorthand
(``"20610-59-LT"``, ``"11045x2"``); a diagnosis is an object with ``code`` or the code itself.
Optional per line: ``date_of_service`` (for a claim spanning several dates) and
``diagnosis_pointers`` (1-based, as on a CMS-1500).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agentkit.coding.claim import Claim, ClaimLine, Diagnosis, normalize_sex, parse_code_token
from agentkit.errors import DataFileError

__all__ = ["ClaimFile", "claim_from_dict", "claim_from_json", "load_claim"]


class _Line(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str = Field(min_length=1)
    modifiers: list[str] = Field(default_factory=list)
    units: int = Field(default=1, ge=1)
    date_of_service: date | None = None
    diagnosis_pointers: list[int] = Field(default_factory=list)

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        return f"{value:05d}" if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("modifiers", mode="before")
    @classmethod
    def _mods(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [m for m in value.replace(",", " ").replace("-", " ").split() if m]
        return [f"{m:02d}" if isinstance(m, int) else m for m in value]


class _Dx(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str = Field(min_length=1)


class _Patient(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sex: str | None = None
    age: int | None = Field(default=None, ge=0, le=130)


class ClaimFile(BaseModel):
    """The JSON document (extra keys such as ``evidence`` or ``confidence`` are ignored)."""

    model_config = ConfigDict(extra="ignore")

    date_of_service: date | None = None
    setting: Literal["practitioner", "hospital"] = "practitioner"
    patient: _Patient = Field(default_factory=_Patient)
    procedures: list[_Line | str] = Field(default_factory=list)
    diagnoses: list[_Dx | str] = Field(default_factory=list)

    def to_claim(self) -> Claim:
        lines = []
        for i, item in enumerate(self.procedures):
            path = f"procedures[{i}].code"
            if isinstance(item, str):
                parsed = parse_code_token(item)
                lines.append(ClaimLine(parsed.code, parsed.modifiers, parsed.units, path))
            else:
                lines.append(
                    ClaimLine(
                        item.code,
                        tuple(item.modifiers),
                        item.units,
                        path,
                        item.date_of_service,
                        tuple(item.diagnosis_pointers),
                    )
                )
        dxs = [
            Diagnosis(d if isinstance(d, str) else d.code, f"diagnoses[{i}].code")
            for i, d in enumerate(self.diagnoses)
        ]
        return Claim(
            lines=tuple(lines),
            diagnoses=tuple(dxs),
            date_of_service=self.date_of_service,
            sex=normalize_sex(self.patient.sex),
            age=self.patient.age,
            setting=self.setting,
        )


def claim_from_dict(data: Any, source: str = "<claim>") -> Claim:
    """Validate a claim document; problems are a DataFileError naming each field."""
    if not isinstance(data, dict):
        raise DataFileError(source, "a claim is a JSON object with procedures and diagnoses")
    data = _unwrap(data)
    try:
        doc = ClaimFile.model_validate(data)
        return doc.to_claim()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'] if not str(p).startswith(('_Line', 'str')))}: "
            f"{e['msg']}"
            for e in exc.errors()
        )
        raise DataFileError(source, problems) from exc
    except ValueError as exc:  # coder shorthand that cannot be read
        raise DataFileError(source, str(exc)) from exc


def _unwrap(data: dict[str, Any]) -> dict[str, Any]:
    """Accept ``agentkit run --json`` output (the answer under ``output``) and a spec output
    whose code sits at the top (``{"code": "99214", ...}``, as em_level answers)."""
    if (
        "procedures" not in data
        and "diagnoses" not in data
        and isinstance(data.get("output"), dict)
    ):
        outer: dict[str, Any] = {
            k: data[k] for k in ("date_of_service", "setting", "patient") if k in data
        }
        data = {**data["output"], **outer}
    if "procedures" not in data and isinstance(data.get("code"), str | int):
        data = {**data, "procedures": [{"code": data["code"], "modifiers": data.get("modifiers")}]}
    return data


def load_claim(path: Path) -> Claim:
    """Read a claim JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    return claim_from_json(text, str(path))


def claim_from_json(text: str, source: str = "<claim>") -> Claim:
    """Parse claim JSON text (a file's content, or standard input)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(source, f"not valid JSON: {exc.msg}", exc.lineno) from exc
    return claim_from_dict(data, source)
