"""A spine diagnosis takes the region word nearest it in its statement: "lumbosacral
radiculopathy secondary to lumbar spondylolysis" is a lumbar spondylolysis (M43.06) beside a
lumbosacral radiculopathy (M54.17); regions listed together before one condition ("cervical
and lumbar radiculopathy") give a code for each region."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(diagnosis: str) -> set[str]:
    note = (
        f"POSTOPERATIVE DIAGNOSIS: {diagnosis}\n"
        "PROCEDURE PERFORMED: Posterior decompression.\n"
        "DESCRIPTION: The roots were decompressed.\n"
    )
    return {d["code"] for d in code_diagnoses(analyze(note))}


@pytest.mark.parametrize(
    ("said", "expected", "not_expected"),
    [
        (
            "Right lumbosacral radiculopathy secondary to lumbar spondylolysis.",
            {"M54.17", "M43.06"},
            {"M43.07"},
        ),
        ("Lumbar spondylolysis.", {"M43.06"}, {"M43.07"}),
        ("Cervical and lumbar radiculopathy.", {"M54.12", "M54.16"}, set()),
        ("Lumbosacral radiculopathy.", {"M54.17"}, {"M54.16"}),
    ],
)
def test_region_nearest_the_diagnosis(
    said: str, expected: set[str], not_expected: set[str]
) -> None:
    got = codes(said)
    assert expected <= got
    assert not (not_expected & got)
