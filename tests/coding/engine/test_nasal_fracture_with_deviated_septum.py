"""Open treatment of a nasal fracture with the septum itself broken and treated is 21335. A
deviated (not fractured) septum straightened at the same operation is a septoplasty (30520)
beside the open nasal fracture treatment (21325)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


STORY = (
    "DESCRIPTION: Under general anesthesia the nose was decongested. A left hemitransfixion "
    "incision was made and mucoperichondrial flaps were raised. The deviated cartilage was "
    "freed from the maxillary crest, the spur was removed with a gouge and the septum was "
    "repositioned in the midline. Through an intercartilaginous incision the depressed nasal "
    "bones were elevated and molded back to the midline. An external splint was applied.\n"
)


def test_deviated_septum_at_open_nasal_fracture_is_septoplasty_beside_21325() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Nasal bone fracture. Deviated nasal septum with obstruction.\n"
        "OPERATION: Open reduction of nasal fracture with septoplasty.\n" + STORY
    )
    got = codes(note)
    assert "21325" in got and "30520" in got
    assert "21335" not in got


def test_fractured_septum_treated_with_the_nasal_bones_is_21335() -> None:
    note = (
        "PREOPERATIVE DIAGNOSES: Nasal bone and septal fracture with obstruction.\n"
        "OPERATION: Open reduction of nasal fracture with septoplasty.\n" + STORY
    )
    got = codes(note)
    assert "21335" in got
    assert "21325" not in got and "30520" not in got
