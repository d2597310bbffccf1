"""Domain types for coding outputs, as reusable ``Annotated`` Pydantic types.

They check the *shape* of a code (a CPT number is 5 digits or 4 digits + F/T). Whether a code
exists in the code set in force on the date of service is a check (``codes_exist``), because
that depends on data and dates, and a coder wants a finding, not an exception.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

__all__ = [
    "CPT_PATTERN",
    "HCPCS_PATTERN",
    "ICD10CM_PATTERN",
    "MODIFIER_PATTERN",
    "Confidence",
    "Cpt",
    "Hcpcs",
    "Icd10cm",
    "Modifier",
    "Quote",
    "normalize_icd10cm",
]

# CPT: Category I (5 digits), Category II (4 digits + F), Category III (+ T), and the CPT
# numbers AMA issues for vaccines (+ A), multianalyte assays (+ M) and proprietary labs (+ U).
CPT_PATTERN = r"^[0-9]{4}[0-9AFMTU]$"
# HCPCS Level II: one of the letters CMS uses for Level II sections, then four digits.
HCPCS_PATTERN = r"^[A-CEGHJ-MP-V][0-9]{4}$"
# ICD-10-CM: letter, digit (or the A of FY2026's QA0 category), alphanumeric; then up to four
# more characters after an optional dot (subcategory, 7th character, placeholder X).
ICD10CM_PATTERN = r"^[A-Z][0-9A][0-9A-Z](\.?[0-9A-Z]{1,4})?$"
MODIFIER_PATTERN = r"^[0-9A-Z]{2}$"

_ICD_RE = re.compile(ICD10CM_PATTERN)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().upper()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:05d}"  # YAML may read 99213 as a number
    return value


def normalize_icd10cm(code: str) -> str:
    """``k8020`` / ``K80.20`` -> ``K80.20``. Raises ValueError for a malformed code."""
    c = code.strip().upper()
    if not _ICD_RE.match(c):
        raise ValueError(f"'{code}' is not an ICD-10-CM code (like K80.20 or E11.9)")
    c = c.replace(".", "")
    return c if len(c) == 3 else f"{c[:3]}.{c[3:]}"


def _icd(value: str) -> str:
    return normalize_icd10cm(value)


def _modifier(value: str) -> str:
    from agentkit.coding.codesets.modifiers import is_known_modifier

    if not is_known_modifier(value):
        raise ValueError(f"'{value}' is not a CPT or HCPCS Level II modifier")
    return value


Cpt = Annotated[
    str,
    Field(pattern=CPT_PATTERN, description="CPT code: 5 digits, or 4 digits + F, T, A, M or U"),
    BeforeValidator(_clean),
]
Hcpcs = Annotated[
    str,
    Field(pattern=HCPCS_PATTERN, description="HCPCS Level II code: a letter and 4 digits"),
    BeforeValidator(_clean),
]
Icd10cm = Annotated[
    str,
    Field(pattern=ICD10CM_PATTERN, description="ICD-10-CM code, e.g. K80.20"),
    BeforeValidator(_clean),
    AfterValidator(_icd),
]
Modifier = Annotated[
    str,
    Field(pattern=MODIFIER_PATTERN, description="Two-character CPT or HCPCS modifier, e.g. RT, 59"),
    BeforeValidator(_clean),
    AfterValidator(_modifier),
]
Confidence = Annotated[float, Field(ge=0.0, le=1.0, description="0 = guess, 1 = certain")]
Quote = Annotated[str, Field(description="Verbatim words from the source text")]
