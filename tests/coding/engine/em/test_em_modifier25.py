"""Modifier 25 on a same-day E/M: procedures yes, laboratory tests and imaging no."""

from __future__ import annotations

import pytest

from agentkit.coding import knowledge
from agentkit.coding.engine.em import needs_modifier_25


@pytest.mark.parametrize(
    ("procedures", "expected"),
    [
        (["81002"], False),  # in-office urinalysis
        (["71046"], False),  # chest x-ray
        (["93000"], False),  # EKG
        (["36415"], False),  # venipuncture
        (["11104"], True),  # punch biopsy, 0-day global
        (["20610"], True),  # joint injection
        (["12001"], True),  # simple laceration repair
        (["96372"], True),  # therapeutic injection
        (["90471"], True),  # immunization administration
        (["81002", "69210"], True),  # cerumen removal with a lab test
        (["47562"], False),  # major surgery: a decision-for-surgery visit takes 57
        (["92511"], True),  # nasopharyngoscopy: a medicine-section code with a 0-day global
        (["92960"], True),  # external cardioversion, 0-day global
        (["92557"], False),  # audiometry: a diagnostic test, no global period
        (["95886"], False),  # needle EMG
        ([], False),
    ],
)
def test_modifier_25(procedures: list[str], expected: bool) -> None:
    kb = knowledge(None)
    assert needs_modifier_25("99213", procedures, kb) is expected


def test_only_an_em_code_gets_it() -> None:
    assert not needs_modifier_25("45380", ["11104"])
    assert needs_modifier_25("99284", ["12001"])  # without a knowledge bundle
