"""A radiology report that reads a study performed elsewhere ("Received for second opinion
interpretation is an MRI performed on 05/02/2024") bills only the professional component:
modifier 26. An outside study named for comparison leaves the global service."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


SECOND_OPINION = """EXAM: MRI LEFT FOOT
CLINICAL: Forefoot pain for two months.
FINDINGS:
{opening}
There is a stress reaction of the third metatarsal shaft with marrow edema. Normal tendons.
IMPRESSION: Stress reaction of the third metatarsal.
"""


def test_a_second_opinion_read_is_the_professional_component() -> None:
    for opening in (
        "Images sent to us for a second opinion: the MRI was done at another center on 05/02/2024.",
        "Our second-opinion interpretation of a study done elsewhere on 05/02/2024 follows.",
    ):
        lines = _lines(SECOND_OPINION.format(opening=opening))
        assert lines == [("73718", ["26", "LT"])], lines


def test_an_outside_study_for_comparison_keeps_the_global_service() -> None:
    lines = _lines(
        SECOND_OPINION.format(opening="Comparison is made to an outside MRI from 01/02/2024.")
    )
    assert lines == [("73718", ["LT"])], lines
