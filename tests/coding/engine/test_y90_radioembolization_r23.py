"""Yttrium-90 microspheres given into a hepatic artery for liver tumour (radioembolization) is
radiopharmaceutical therapy by intra-arterial particulate administration (79445), not a
tumour embolization (37243); the mapping study with technetium macroaggregated albumin that
plans it, or a treatment only planned, is not 79445."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_y90_microspheres_infused_is_79445() -> None:
    note = (
        "EXAM: Yttrium-90 therapy of the liver.\n"
        "HISTORY: Metastatic colon cancer to the liver.\n"
        "TECHNIQUE: With the catheter in the left hepatic artery, 1.9 GBq of Y-90 resin "
        "microspheres were administered slowly. No reflux was seen.\n"
        "IMPRESSION: Radioembolization of the left hepatic lobe without complication.\n"
    )
    got = codes(note)
    assert "79445" in got
    assert "37243" not in got


def test_mapping_study_before_radioembolization_is_not_79445() -> None:
    note = (
        "EXAM: Hepatic angiogram with technetium macroaggregated albumin injection.\n"
        "HISTORY: Hepatocellular carcinoma, evaluation for radioembolization.\n"
        "TECHNIQUE: The right hepatic artery was selected and 4 mCi of Tc-99m MAA was injected "
        "as a mapping study prior to Y-90 therapy.\n"
        "IMPRESSION: Lung shunt fraction 6 percent. Y-90 treatment will be scheduled.\n"
    )
    assert "79445" not in codes(note)
