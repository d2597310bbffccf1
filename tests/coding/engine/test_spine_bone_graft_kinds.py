"""Bone graft add-ons of a spinal fusion by the kind of graft told: morselized allograft 20930,
structural allograft 20931, local autograft 20936. An allograft named beside a local bone graft
('allograft and local bone graft were mixed') is no structural wedge or spacer, and a morselized
autograft is no allograft."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_morselized_allograft_mixed_with_local_bone_is_20930_not_structural() -> None:
    note = (
        "PROCEDURE: Posterolateral fusion L3-L4 with pedicle screw instrumentation.\n"
        "DESCRIPTION: Pedicle screws were placed at L3 and L4. The transverse processes were "
        "decorticated with a burr. Morselized allograft and local bone graft from the "
        "laminectomy were mixed and laid over the transverse processes on both sides. Rods "
        "were seated and tightened.\n"
    )
    got = codes(note)
    assert "20930" in got and "20936" in got
    assert "20931" not in got


def test_morselized_autograft_alone_is_not_an_allograft() -> None:
    note = (
        "PROCEDURE: Posterolateral fusion L5-S1 with pedicle screws.\n"
        "DESCRIPTION: Screws were placed at L5 and S1 and the lateral gutters were decorticated. "
        "Morselized autograft bone saved from the decompression was packed along the "
        "transverse processes and the sacral ala. Rods were placed.\n"
    )
    got = codes(note)
    assert "20936" in got
    assert "20930" not in got


def test_a_machined_allograft_spacer_stays_structural() -> None:
    note = (
        "PROCEDURE: Anterior cervical discectomy and fusion C5-C6 with plate.\n"
        "DESCRIPTION: The disc was removed and a 7 mm allograft spacer was tapped into the "
        "interspace. An anterior plate was fixed with four screws.\n"
    )
    got = codes(note)
    assert "20931" in got
