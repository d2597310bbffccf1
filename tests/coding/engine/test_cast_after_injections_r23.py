"""Casts applied in a procedure note after chemodenervation or nerve destruction for
spasticity (serial casting) are their own lines (29405, 50 when both legs); a cast at a
musculoskeletal operation with a global period (a tenotomy, a fracture repair) is part of it."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_short_leg_casts_after_botulinum_toxin() -> None:
    note = (
        "PROCEDURES PERFORMED: Botulinum toxin injection of both gastrocnemius muscles; "
        "application of bilateral short leg casts.\n"
        "ANESTHESIA: Conscious sedation.\n"
        "DESCRIPTION: With EMG guidance, 75 units of botulinum toxin were injected into each "
        "gastrocnemius. Afterwards, short leg fiberglass casts were applied to both legs with "
        "the ankles in neutral.\n"
    )
    got = lines(note)
    assert ("29405", ["50"]) in got
    assert any(code == "64642" for code, _ in got)


def test_cast_after_a_wrist_ganglion_excision_is_part_of_it() -> None:
    note = (
        "PROCEDURE: Excision of dorsal ganglion cyst, right wrist.\n"
        "ANESTHESIA: Local with sedation.\n"
        "DESCRIPTION: A transverse incision was placed over the dorsal wrist and the ganglion "
        "was dissected down to its stalk at the capsule and excised. The skin was closed. A "
        "short arm fiberglass cast was applied.\n"
    )
    got = [code for code, _ in lines(note)]
    assert "25111" in got
    assert "29075" not in got
