"""A service told as another clinician's part of a shared operation ("rigid sigmoidoscopy by
Dr. X", "tube placement by Dr. Y from ENT", "please see his dictation") is that clinician's
claim, not this note's; "requested by" or "assisted by" names no other performer."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_colleagues_part_told_with_by_doctor_is_not_billed() -> None:
    note = (
        "PROCEDURES PERFORMED: Diagnostic laparoscopy. Rigid sigmoidoscopy by Dr. Brown.\n"
        "DESCRIPTION: The abdomen was insufflated and the peritoneum inspected; no implants.\n"
    )
    assert codes(note) == ["49320"]


def test_a_colleagues_part_written_up_in_his_own_dictation_is_not_billed() -> None:
    note = (
        "PROCEDURES PERFORMED: Diagnostic laparoscopy. Rigid sigmoidoscopy (please see Dr. "
        "Brown's dictation).\n"
        "DESCRIPTION: The abdomen was insufflated and the peritoneum inspected; no implants.\n"
    )
    assert codes(note) == ["49320"]


def test_a_service_named_with_another_department_is_not_billed() -> None:
    note = (
        "PROCEDURE: Repair of cleft lip.\n"
        "DESCRIPTION: The lip was repaired in layers. The child then had bilateral "
        "myringotomy with tube placement by Dr. Lee of Otolaryngology.\n"
    )
    assert "69436" not in codes(note)


def test_the_same_service_told_as_done_by_this_author_is_billed() -> None:
    note = (
        "PROCEDURE: Bilateral myringotomy with tube placement.\n"
        "DESCRIPTION: Under mask anesthesia the tympanic membranes were incised and "
        "tympanostomy tubes were placed in both ears, assisted by Dr. Lee.\n"
    )
    assert codes(note) == ["69436"]


def test_a_study_requested_by_a_doctor_is_still_the_readers_study() -> None:
    note = (
        "EXAM: CT of the head without contrast requested by Dr. Patel.\n"
        "FINDINGS: No hemorrhage, mass or midline shift.\n"
        "IMPRESSION: Normal noncontrast CT of the head.\n"
    )
    assert codes(note) == ["70450"]


def test_an_excision_after_a_radiologists_wire_localization_is_the_marked_lesion_code() -> None:
    note = (
        "PROCEDURE: Excisional biopsy of the left breast mass.\n"
        "DESCRIPTION: Earlier today the patient underwent a wire localization by Dr. Reed. "
        "The left breast mass around the wire was excised with a margin and sent to pathology.\n"
    )
    assert codes(note) == ["19125"]


# Another clinician told as the doer at the head of the sentence (r19): his part, and what the
# next sentence goes on to tell of it, is not this author's service, even when listed.

_TRACH_AND_SCOPE = (
    "PREOPERATIVE DIAGNOSIS: Respiratory failure.\n"
    "PROCEDURES PERFORMED:\n1. Open tracheostomy.\n"
    "2. Flexible bronchoscopy with therapeutic aspiration.\n"
    "DESCRIPTION OF PROCEDURE: General anesthesia was continued through the existing tube. "
    "{scope} Neck prep and drapes followed. A horizontal incision was made above the "
    "sternal notch. The strap muscles were separated and the thyroid isthmus divided. A "
    "tracheal window was made at the second ring and a cuffed tracheostomy tube inserted.\n"
)


def test_a_bronchoscopy_another_doctor_performed_is_not_billed_though_listed() -> None:
    scope = (
        "Dr. Patel of pulmonary medicine then performed a flexible bronchoscopy. He "
        "aspirated thick secretions from the right lower lobe until the airways were clear."
    )
    assert codes(_TRACH_AND_SCOPE.format(scope=scope)) == ["31600"]


def test_the_same_bronchoscopy_told_as_the_authors_own_is_billed() -> None:
    scope = (
        "I then performed a flexible bronchoscopy and aspirated thick secretions from the "
        "right lower lobe until the airways were clear."
    )
    assert codes(_TRACH_AND_SCOPE.format(scope=scope)) == ["31600", "31645"]


def test_a_doctor_and_i_performing_it_together_is_the_authors_work() -> None:
    scope = (
        "Dr. Patel and I then performed a flexible bronchoscopy and aspirated thick "
        "secretions from the right lower lobe until the airways were clear."
    )
    assert "31645" in codes(_TRACH_AND_SCOPE.format(scope=scope))


def test_a_tracheostomy_the_ent_team_performed_is_not_the_surgeons() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Perforated sigmoid diverticulitis.\n"
        "PROCEDURES PERFORMED: Sigmoid colectomy with end colostomy. Tracheostomy.\n"
        "DESCRIPTION OF PROCEDURE: A midline laparotomy was made. The perforated sigmoid was "
        "mobilized, divided with staplers and removed. The descending colon was brought out "
        "as an end colostomy and matured. The fascia and skin were closed. The ENT team then "
        "performed a tracheostomy for expected prolonged ventilation.\n"
    )
    assert codes(note) == ["44143"]


def test_the_case_handed_to_another_surgeon_leaves_the_authors_laparoscopy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Pelvic pain.\n"
        "PROCEDURES PERFORMED: Diagnostic laparoscopy. Laparoscopic appendectomy.\n"
        "DESCRIPTION OF PROCEDURE: The laparoscope was inserted at the umbilicus. The pelvis "
        "showed filmy adhesions and normal ovaries. The appendix looked inflamed. At that point "
        "the operation was handed over to Dr. Green. A laparoscopic appendectomy was "
        "performed with an endoscopic stapler. The ports were removed and the skin closed.\n"
    )
    assert codes(note) == ["49320"]


def test_a_step_after_another_doctor_finished_is_the_authors_own() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Carcinoma of the temporal bone.\n"
        "PROCEDURES PERFORMED: Rectus abdominis free flap to the skull base defect.\n"
        "DESCRIPTION OF PROCEDURE: After Dr. Kim had completed the resection, I harvested a "
        "rectus abdominis myocutaneous free flap. The inferior epigastric artery was "
        "anastomosed to the external carotid artery and its vein to the facial vein under "
        "the microscope. The flap was inset and the abdomen closed.\n"
    )
    assert "15756" in codes(note)


def test_a_listed_step_written_up_by_a_co_surgeon_stays_this_surgeons() -> None:
    # co-surgeons each dictate their part of one operation and each reports the listed code:
    # "as further described by Dr. X" is shared work, not a colleague's alone
    note = (
        "PROCEDURE: Right pterional craniotomy with excision of a thalamic arteriovenous "
        "malformation and an associated feeding artery aneurysm.\n"
        "DESCRIPTION: A right pterional craniotomy was turned and the dura opened. The sylvian "
        "fissure was split under the microscope, as further described by Dr. Park. The nidus "
        "was then coagulated and dissected free, as described by Dr. Park. With the malformation "
        "removed, hemostasis was secured and the dura closed.\n"
    )
    assert codes(note)[0] == "61682"


def test_a_listed_service_told_only_as_a_colleagues_doing_is_still_dropped() -> None:
    note = (
        "PROCEDURES PERFORMED: 1. Open tracheostomy. 2. Flexible bronchoscopy.\n"
        "DESCRIPTION: Dr. Ruiz of the pulmonary service then performed a flexible bronchoscopy "
        "through the endotracheal tube and cleared the secretions. The neck was prepped. A "
        "transverse incision was made, the isthmus divided and a cuffed tracheostomy tube "
        "was placed through a tracheal window and secured. The patient tolerated it well. "
        "She went to the unit on the ventilator. Her family was updated after the case.\n"
    )
    assert codes(note) == ["31600"]
