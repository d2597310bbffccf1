"""Services the more general code used to take.

A new graft segment sewn into a clotted dialysis graft revises it (36833); it creates no new
access (36830). A cyst or mass of the knee capsule or meniscus cut out is 27347, a Baker's cyst
27345, not a knee arthrotomy or a skin-level tumor excision. A biopsy of the penis listed beside
a cystoscopy is a penile biopsy (54100 skin, 54105 deep), not a cystoscopic one.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_graft_revision_is_not_a_new_access() -> None:
    note = (
        "PROCEDURE: Thrombectomy of left forearm arteriovenous graft with revision of the"
        " venous anastomosis using a 6 mm interposition PTFE graft.\n"
        "DESCRIPTION: The graft was opened and cleared with a Fogarty catheter. The stenotic"
        " venous anastomosis was bypassed with a new 6 mm PTFE segment to the brachial vein.\n"
    )
    found = codes(note)
    assert "36833" in found
    assert "36830" not in found


def test_knee_capsule_cyst_and_bakers_cyst() -> None:
    capsule = (
        "PROCEDURE: Excision of capsular cyst, right knee.\n"
        "DESCRIPTION: Through a posterolateral incision an arthrotomy was made and a 2 cm cyst"
        " arising from the posterior joint capsule was excised.\n"
    )
    assert codes(capsule) == ["27347"]
    baker = (
        "PROCEDURE: Excision of left Baker's cyst.\n"
        "DESCRIPTION: Through an S-shaped popliteal incision the cyst was dissected from the"
        " medial gastrocnemius and excised at its stalk.\n"
    )
    assert codes(baker) == ["27345"]
    scoped = (
        "PROCEDURE: Right knee arthroscopy with decompression of a parameniscal cyst and"
        " partial lateral meniscectomy.\n"
    )
    assert "27347" not in codes(scoped)


def test_penile_biopsy_beside_a_cystoscopy() -> None:
    note = (
        "OPERATION: Penile biopsy, cystoscopy and urethral dilation.\n"
        "DETAILS: A fungating lesion eroding into the distal corpora was biopsied. The urethra"
        " was dilated and cystoscopy showed a normal bladder.\n"
    )
    found = codes(note)
    assert "54105" in found
    assert "52204" not in found
