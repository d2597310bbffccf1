"""A fracture of both forearm shafts in which only one bone is opened, plated or nailed is the
one-bone variant 25574; both bones treated open stay 25575. A bone broken again (a
refracture) is a fracture for the procedure rules and for ICD-10-CM."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _claim(note: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
    out = code_cpt(note)
    return (
        [(p["code"], p["modifiers"]) for p in out["procedures"]],
        [d["code"] for d in out["diagnoses"]],
    )


def test_ulna_nailed_alone_in_a_both_bone_fracture() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Displaced both bone forearm fracture, left.\n"
        "PROCEDURE: Intramedullary pinning of the left ulna and long-arm cast.\n"
        "DESCRIPTION: Through a stab incision over the olecranon a flexible wire was driven down "
        "the canal of the ulna across the fracture. The radius lined up with the ulna and was "
        "left alone. A cast was applied."
    )
    procedures, diagnoses = _claim(note)
    assert procedures == [("25574", ["LT"])]
    assert "S52.302A" in diagnoses and "S52.202A" in diagnoses


def test_radius_opened_and_ulna_aligned_by_it() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right radius and ulna shaft fractures.\n"
        "PROCEDURE: Open reduction of right both bone forearm fracture.\n"
        "DESCRIPTION: The radial fracture was exposed through a dorsal approach and its ends "
        "were reduced under direct vision. On fluoroscopy the ulna was then noted to be in "
        "anatomic alignment as well. A long-arm cast was applied."
    )
    procedures, _ = _claim(note)
    assert procedures == [("25574", ["RT"])]


def test_both_bones_plated_stay_25575() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Left both bone forearm fracture.\n"
        "PROCEDURE: Open reduction and internal fixation of the left radius and ulna.\n"
        "DESCRIPTION: The radius was exposed through a volar approach and fixed with a plate. "
        "The ulna was then exposed along its border and fixed with a second plate. The ulna was "
        "noted to be in anatomic alignment on the final images."
    )
    procedures, _ = _claim(note)
    assert procedures == [("25575", ["LT"])]


def test_refracture_of_both_bones() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right both bone forearm refracture.\n"
        "PROCEDURE: Intramedullary nailing of the right radius.\n"
        "DESCRIPTION: A small incision was made over the back of the wrist and an "
        "elastic nail was passed up the radius across the fracture."
    )
    procedures, diagnoses = _claim(note)
    assert procedures == [("25574", ["RT"])]
    assert "S52.301A" in diagnoses and "S52.201A" in diagnoses
