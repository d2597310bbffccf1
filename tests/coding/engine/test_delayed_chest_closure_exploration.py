"""The mediastinum looked over at a planned delayed sternal closure, with no bleeding or
infection found, is part of the closure (21750); the re-exploration for bleeding (35820) needs
the bleeding, clot, tamponade or infection it is done for."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_planned_delayed_closure_is_only_the_closure() -> None:
    note = (
        "OPERATION: Delayed chest closure and mediastinal exploration.\n"
        "PREOP DIAGNOSIS: Open chest after neonatal cardiac surgery.\n"
        "FINDINGS: No purulence or hematoma in the mediastinum.\n"
        "DETAILS OF THE PROCEDURE: The membrane covering the open sternum was removed and the "
        "mediastinum irrigated with antibiotic solution. A new drain was placed and the sternum "
        "was closed with steel wires. The skin was closed in layers."
    )
    assert _codes(note) == ["21750"]


def test_exploration_for_bleeding_is_still_35820() -> None:
    note = (
        "TITLE OF OPERATION: Mediastinal exploration for bleeding.\n"
        "PREOP DIAGNOSIS: Excessive chest tube output after coronary bypass.\n"
        "DETAILS OF THE PROCEDURE: The sternotomy was reopened and a large clot evacuated from "
        "the mediastinum. A bleeding branch was cauterized. The sternum was closed with wires."
    )
    assert _codes(note)[0] == "35820"
