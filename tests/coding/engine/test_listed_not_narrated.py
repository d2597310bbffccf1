"""A service named in the procedure list of a note whose narrative tells the operation step by
step, but tells a different, lesser piece of work instead (a foreign body removal listed over a
story of an abscess drained, a craniotomy for tumor resection over a story of a biopsy, a nasal
cautery over a story of a scope examination), is not documented (rule key `narrative_tells`).
A short note with no such story still codes from its list."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


# an abscess drained under a listed foreign-body removal: the story tells no foreign body taken
# out (_FB_DRAINED) or tells one (_FB_TOLD)
_FB_OPENING = (
    "PREOPERATIVE DIAGNOSIS: Abscess of the left foot with a foreign body.\n"
    "PROCEDURES PERFORMED:\n"
    "1. Incision and drainage, left foot.\n"
    "2. Removal of foreign body, left foot.\n"
    "ANESTHESIA: General endotracheal.\n"
    "DESCRIPTION OF PROCEDURE: Supine on the table and asleep, the patient had the "
    "left foot scrubbed, painted and draped. A fluctuant swollen area was seen on the "
    "sole of the foot. We incised the fluctuance over 3 cm. Thick purulent fluid "
    "drained from the wound. "
)
_FB_DRAINED = _FB_OPENING + (
    "Cultures were sent for aerobic and anaerobic organisms. "
    "Loculations were broken up with a hemostat. The cavity was irrigated with two "
    "liters of saline. The wound was packed open with iodoform gauze. Bulky gauze "
    "dressings went on and she left for recovery stable.\n"
)

_FB_SHORT = (
    "PREOPERATIVE DIAGNOSIS: Foreign body of the left foot.\n"
    "PROCEDURE PERFORMED: Removal of foreign body, left foot.\n"
    "ANESTHESIA: Local.\n"
    "DESCRIPTION OF PROCEDURE: Foot cleansed with povidone. Procedure done without "
    "complication.\n"
)

_FB_TOLD = _FB_OPENING + (
    "A 1 cm wooden splinter was found in the cavity and taken "
    "out with forceps. Cultures were sent for aerobic and anaerobic organisms. The "
    "cavity was irrigated with two liters of saline. The wound was packed open with "
    "iodoform gauze. Bulky gauze dressings went on and she left for recovery stable.\n"
)

# a craniotomy listed for a tumor resection whose story tells only biopsies, and one that
# tells the tumor removed
_CRANIOTOMY_OPENING = (
    "PREOPERATIVE DIAGNOSIS: Left frontal brain lesion.\n"
    "PROCEDURE: Left frontal craniotomy for resection of brain tumor.\n"
    "DESCRIPTION OF PROCEDURE: Head fixed in pins, supine; scalp shaved, painted and "
    "draped. A curvilinear incision was made and the scalp flap reflected. Burr holes "
    "were placed and a bone flap was turned with the craniotome. A cruciate durotomy "
    "followed. The cortex over the lesion was discolored. A corticectomy was made "
    "with bipolar cautery. "
)
_CRANIOTOMY_CLOSING = (
    "Bleeding stopped with bipolar; dural closure was watertight and the bone flap "
    "replaced with plates. Galea and skin closed in two layers.\n"
)
_CRANIOTOMY_BIOPSY = (
    _CRANIOTOMY_OPENING + "Several core biopsies of the lesion were taken and sent "
    "for frozen section, which was read as lymphoma. " + _CRANIOTOMY_CLOSING
)
_CRANIOTOMY_RESECTION = (
    _CRANIOTOMY_OPENING + "The tumor was removed with the ultrasonic aspirator until "
    "normal white matter was reached. " + _CRANIOTOMY_CLOSING
)

# a listed septal cautery over a scope story that tells no cautery, and the same story ending
# with the bleeding vessel cauterized
_EPISTAXIS_SCOPE = (
    "PREOPERATIVE DIAGNOSIS: Epistaxis and hoarseness.\n"
    "PROCEDURES PERFORMED:\n"
    "1. Cauterization of epistaxis, right nasal septum.\n"
    "2. Fiberoptic laryngoscopy.\n"
    "DESCRIPTION OF PROCEDURE: The patient was seated upright. The nose was sprayed "
    "with topical anesthetic. The flexible scope was passed through the right "
    "nostril. The nasal mucosa was dry and crusted. No mass was seen in the nasal "
    "cavity or nasopharynx. The scope was advanced to the oropharynx. The base of "
    "tongue and vallecula were normal. The larynx showed mild edema of the false "
    "cords. The true vocal cords moved symmetrically and closed fully. The airway was "
    "patent. "
)
_EPISTAXIS_EXAM = _EPISTAXIS_SCOPE + "Scope out; tolerated well.\n"
_EPISTAXIS_CAUTERY = (
    _EPISTAXIS_SCOPE + "The scope was withdrawn. A bleeding vessel on the right anterior septum "
    "was cauterized with silver nitrate.\n"
)


def test_a_listed_foreign_body_removal_over_a_story_of_an_abscess_drained_is_not_coded() -> None:
    found = codes(_FB_DRAINED)
    assert "28190" not in found
    assert "10061" in found


def test_a_short_note_keeps_coding_the_foreign_body_removal_from_its_list() -> None:
    assert codes(_FB_SHORT) == ["28190"]


def test_a_story_telling_the_foreign_body_taken_out_keeps_the_removal() -> None:
    assert "28190" in codes(_FB_TOLD)


def test_a_craniotomy_listed_for_tumor_resection_whose_story_is_a_biopsy_is_no_resection() -> None:
    assert "61510" not in codes(_CRANIOTOMY_BIOPSY)


def test_a_craniotomy_whose_story_tells_the_tumor_removed_is_the_resection() -> None:
    assert codes(_CRANIOTOMY_RESECTION) == ["61510"]


def test_a_listed_nasal_cautery_never_told_in_the_scope_story_is_not_coded() -> None:
    assert codes(_EPISTAXIS_EXAM) == ["31575"]


def test_a_nasal_cautery_told_in_the_story_is_coded() -> None:
    assert codes(_EPISTAXIS_CAUTERY) == ["30901", "31575"]
