"""The claim the edits judge: procedure lines, diagnoses and the patient facts edits need.

A :class:`Claim` is built from a spec's output (``agentkit.checks.claim_from_output``), from a
claim JSON file or from coder shorthand (``Claim.from_codes("29881-RT, 11045x2")``). Each line
and diagnosis remembers the output path it came from, so a finding can point a coder at
``procedures[2].modifiers`` rather than "the third line".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from agentkit.types import CPT_PATTERN, HCPCS_PATTERN, ICD10CM_PATTERN

__all__ = [
    "CPT_CLAIM_PATTERN",
    "ICD10CM_CLAIM_PATTERN",
    "Claim",
    "ClaimLine",
    "Diagnosis",
    "Setting",
    "code_system",
    "normalize_dx",
    "normalize_sex",
    "parse_code_list",
    "parse_code_token",
]

Setting = Literal["practitioner", "hospital"]

#: CPT numbers: Category I (5 digits), vaccine (…A), multianalyte assays (…M), proprietary lab
#: analyses (…U), Category II (…F) and Category III (…T), as in ``agentkit.types``.
CPT_CLAIM_PATTERN = CPT_PATTERN
_CPT = re.compile(CPT_CLAIM_PATTERN)
_HCPCS = re.compile(HCPCS_PATTERN)
#: ICD-10-CM shape, as in ``agentkit.types`` (includes FY2026's QA0 category).
ICD10CM_CLAIM_PATTERN = ICD10CM_PATTERN
_ICD = re.compile(ICD10CM_CLAIM_PATTERN)


def code_system(code: str) -> Literal["cpt", "hcpcs", "unknown"]:
    """``cpt`` for a CPT-shaped code (5 digits, or 4 digits + A/F/M/T/U), ``hcpcs`` for Level II."""
    if _CPT.match(code):
        return "cpt"
    if _HCPCS.match(code):
        return "hcpcs"
    return "unknown"


def _sibling(path: str | None, name: str) -> str | None:
    """``procedures[2].code`` -> ``procedures[2].<name>``; ``code`` -> ``<name>``."""
    if path is None:
        return None
    head, dot, _ = path.rpartition(".")
    return f"{head}.{name}" if dot else name


@dataclass(frozen=True)
class ClaimLine:
    """One service line: a CPT or HCPCS code with its modifiers and units.

    ``path`` is where the code sits in the output (``procedures[2].code``); the modifiers and
    units are expected beside it. ``diagnosis_pointers`` are 1-based indexes into the claim's
    diagnoses (as on a CMS-1500); empty means "all of them".
    """

    code: str
    modifiers: tuple[str, ...] = ()
    units: int = 1
    path: str | None = None
    date_of_service: date | None = None
    diagnosis_pointers: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", self.code.strip().upper())
        object.__setattr__(self, "modifiers", tuple(m.strip().upper() for m in self.modifiers))

    @property
    def system(self) -> Literal["cpt", "hcpcs", "unknown"]:
        return code_system(self.code)

    @property
    def modifiers_path(self) -> str | None:
        return _sibling(self.path, "modifiers")

    @property
    def units_path(self) -> str | None:
        return _sibling(self.path, "units")

    def has_modifier(self, *codes: str) -> bool:
        return any(m in self.modifiers for m in codes)

    def display(self) -> str:
        """Coder shorthand: ``20610-59-LTx2``."""
        text = "-".join((self.code, *self.modifiers))
        return f"{text}x{self.units}" if self.units != 1 else text


@dataclass(frozen=True)
class Diagnosis:
    """One ICD-10-CM code (dotted form when well-formed) and where it sits in the output."""

    code: str
    path: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", normalize_dx(self.code))

    @property
    def well_formed(self) -> bool:
        return bool(_ICD.match(self.code))


def normalize_dx(code: str) -> str:
    """``k8020`` -> ``K80.20``; a malformed code is returned upper-cased, untouched."""
    c = code.strip().upper()
    if not _ICD.match(c):
        return c
    c = c.replace(".", "")
    return c if len(c) == 3 else f"{c[:3]}.{c[3:]}"


def normalize_sex(value: object) -> Literal["F", "M"] | None:
    """``female``/``F``/``woman`` (or an enum of them) -> ``F``; unknown or blank -> None."""
    if value is None:
        return None
    v = str(getattr(value, "value", value)).strip().lower()
    if v in ("f", "female", "woman", "girl"):
        return "F"
    if v in ("m", "male", "man", "boy"):
        return "M"
    return None


@dataclass(frozen=True)
class Claim:
    """Everything the edits look at, for one patient, one clinician, one date or a few."""

    lines: tuple[ClaimLine, ...] = ()
    diagnoses: tuple[Diagnosis, ...] = ()
    date_of_service: date | None = None
    sex: Literal["F", "M"] | None = None
    age: int | None = None
    setting: Setting = "practitioner"

    def line_dos(self, line: ClaimLine) -> date | None:
        return line.date_of_service or self.date_of_service

    def with_lines(self, lines: Iterable[ClaimLine]) -> Claim:
        return replace(self, lines=tuple(lines))

    @classmethod
    def from_codes(
        cls,
        codes: str | Sequence[str],
        *,
        dx: str | Sequence[str] = (),
        date_of_service: date | None = None,
        sex: str | None = None,
        age: int | None = None,
        setting: Setting = "practitioner",
    ) -> Claim:
        """Build a claim from coder shorthand: ``"47562, 49320-59"`` and ``"K80.20,E11.9"``."""
        lines = tuple(
            replace(line, path=f"procedures[{i}].code")
            for i, line in enumerate(parse_code_list(codes))
        )
        dx_list = _split(dx)
        diagnoses = tuple(Diagnosis(c, f"diagnoses[{i}].code") for i, c in enumerate(dx_list))
        return cls(
            lines=lines,
            diagnoses=diagnoses,
            date_of_service=date_of_service,
            sex=normalize_sex(sex),
            age=age,
            setting=setting,
        )


_TOKEN = re.compile(
    r"^(?P<code>[0-9A-Z]{5})(?P<mods>(?:-[0-9A-Z]{2})*)(?:\s*[X*]\s*(?P<units>[0-9]+))?$"
)


def parse_code_token(token: str) -> ClaimLine:
    """``29881-RT`` / ``11045x2`` / ``20610-59-LT`` -> a :class:`ClaimLine`.

    Modifiers follow the code after hyphens; units follow an ``x``. Raises ValueError with an
    example of the expected shape when the token cannot be read.
    """
    text = token.strip().upper()
    m = _TOKEN.match(text)
    if not m or code_system(m.group("code")) == "unknown":
        raise ValueError(
            f"{token.strip()!r} is not a procedure code as coders write it "
            "(examples: 47562, 29881-RT, 11045x2, 20610-59-LT, J1100x4)"
        )
    mods = tuple(p for p in m.group("mods").split("-") if p)
    units = int(m.group("units")) if m.group("units") else 1
    if units < 1:
        raise ValueError(f"{token.strip()!r}: units must be 1 or more")
    return ClaimLine(code=m.group("code"), modifiers=mods, units=units)


def _split(value: str | Sequence[str]) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        out.extend(p for p in re.split(r"[,\s;]+", item) if p)
    return out


def parse_code_list(value: str | Sequence[str]) -> list[ClaimLine]:
    """Parse ``"47562,49320"`` or ``["29881-RT", "11045 x2"]`` into claim lines.

    ``11045 x2`` (a space before the units) is accepted too.
    """
    items = [value] if isinstance(value, str) else list(value)
    joined = ",".join(items)
    # glue "11045 x2" back together before splitting on whitespace
    joined = re.sub(r"\s+([xX*]\s*[0-9]+)", r"\1", joined)
    return [parse_code_token(t) for t in re.split(r"[,\s;]+", joined) if t]
