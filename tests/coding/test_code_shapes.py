"""Property tests for the code-shape types specs use: cpt, hcpcs, icd10cm, modifier."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from agentkit.coding.codesets.modifiers import bundled_modifiers
from agentkit.types import (
    CPT_PATTERN,
    HCPCS_PATTERN,
    ICD10CM_PATTERN,
    Cpt,
    Hcpcs,
    Icd10cm,
    Modifier,
)

CPT = TypeAdapter(Cpt)
HCPCS = TypeAdapter(Hcpcs)
ICD = TypeAdapter(Icd10cm)
MOD = TypeAdapter(Modifier)
KNOWN_MODIFIERS = sorted(m.code for m in bundled_modifiers())


@given(st.from_regex(CPT_PATTERN, fullmatch=True), st.sampled_from(["", " ", "\t"]))
def test_cpt_shapes_are_accepted_and_normalised(code: str, pad: str) -> None:
    assert CPT.validate_python(f"{pad}{code.lower()}{pad}") == code.upper()


@given(st.integers(min_value=10000, max_value=99999))
def test_cpt_numbers_read_from_yaml_become_strings(number: int) -> None:
    assert CPT.validate_python(number) == str(number)


@given(st.text(max_size=7))
def test_cpt_rejects_anything_else(text: str) -> None:
    if re.match(CPT_PATTERN, text.strip().upper()):
        return
    with pytest.raises(ValidationError):
        CPT.validate_python(text)


@given(st.from_regex(HCPCS_PATTERN, fullmatch=True))
def test_hcpcs_shapes(code: str) -> None:
    assert HCPCS.validate_python(code.lower()) == code


@given(st.from_regex(r"[DINOWXYZ][0-9]{4}", fullmatch=True))
def test_letters_hcpcs_does_not_use_are_refused(code: str) -> None:
    with pytest.raises(ValidationError):
        HCPCS.validate_python(code)


@given(st.from_regex(ICD10CM_PATTERN, fullmatch=True))
def test_icd10cm_is_normalised_to_the_dotted_form(code: str) -> None:
    out = ICD.validate_python(code.lower())
    assert out.replace(".", "") == code.replace(".", "")
    assert ICD.validate_python(out) == out
    assert (len(out) > 3) == ("." in out) and (out.index(".") == 3 if "." in out else True)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", max_size=9))
def test_icd10cm_rejects_malformed_text(text: str) -> None:
    if re.match(ICD10CM_PATTERN, text):
        return
    with pytest.raises(ValidationError):
        ICD.validate_python(text)


@given(st.sampled_from(KNOWN_MODIFIERS))
def test_every_listed_modifier_validates(code: str) -> None:
    assert MOD.validate_python(code.lower()) == code


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=2, max_size=2))
def test_two_character_strings_validate_only_when_known(code: str) -> None:
    if code in KNOWN_MODIFIERS:
        assert MOD.validate_python(code) == code
    else:
        with pytest.raises(ValidationError):
            MOD.validate_python(code)
