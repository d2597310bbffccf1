"""Services as surgeons and radiologists name them in words the code's descriptor does not use:
a sliding hernia told with its type, a completion hemithyroidectomy, a pleurocentesis, a bone
scan told by its tracer, a lung lobectomy whose thoracotomy is told only by its steps, and an
MRI report whose EXAM line names the modality while it compares an earlier CT."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_sliding_hernia_told_with_its_type_is_the_sliding_repair() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right inguinal hernia.\n"
        "PROCEDURE: Right inguinal hernia repair.\n"
        "DESCRIPTION: A 52-year-old man. An oblique groin incision was made. The sac was found "
        "to be a sliding direct hernia with the bladder wall forming its medial side. The sac "
        "was reduced and the floor was repaired with interrupted sutures. The skin was closed.\n"
    )
    assert codes(note) == ["49525"]


def test_plain_inguinal_hernia_stays_the_initial_repair() -> None:
    note = (
        "PROCEDURE: Right inguinal hernia repair.\n"
        "DESCRIPTION: A 52-year-old man. An indirect sac was dissected off the cord, ligated "
        "at its neck and the floor was repaired with interrupted sutures.\n"
    )
    assert codes(note) == ["49505"]


def test_completion_hemithyroidectomy_removes_the_remaining_lobe() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Follicular carcinoma, status post left thyroid lobectomy.\n"
        "PROCEDURE: Right completion hemithyroidectomy.\n"
        "DESCRIPTION: The old collar incision was reopened. The right lobe was freed from the "
        "trachea, the recurrent nerve was preserved and the lobe was removed.\n"
    )
    assert codes(note) == ["60260"]


def test_pleurocentesis_with_ultrasound_is_a_guided_thoracentesis() -> None:
    note = (
        "PROCEDURE: Ultrasound-guided left pleurocentesis.\n"
        "TECHNIQUE: The effusion was marked with ultrasound. After local anesthesia a needle "
        "was passed over the rib and 800 mL of straw-colored fluid was withdrawn. The needle "
        "was removed.\n"
    )
    assert codes(note) == ["32555"]


def test_bone_scan_told_by_its_tracer() -> None:
    note = (
        "INDICATION: Breast cancer staging.\n"
        "TECHNIQUE: Three hours after 25 mCi of technetium-99m MDP intravenously, the whole "
        "skeleton was imaged in anterior and posterior views.\n"
        "FINDINGS: Symmetric uptake without a focal lesion.\n"
    )
    assert codes(note) == ["78306"]


def test_lung_lobectomy_without_a_scope_is_open() -> None:
    note = (
        "OPERATION: Left lower lobectomy.\n"
        "DESCRIPTION: In the right lateral decubitus position an incision was made below the "
        "scapula and the fifth interspace was entered. The inferior pulmonary vein, the lower "
        "lobe arteries and the bronchus were divided and the lobe was removed. Two chest tubes "
        "were placed and the ribs were approximated.\n"
    )
    assert codes(note) == ["32480"]


def test_thoracoscopic_lobectomy_stays_thoracoscopic() -> None:
    note = (
        "OPERATION: Video-assisted thoracoscopic right upper lobectomy.\n"
        "DESCRIPTION: Three ports were placed. The vein, artery branches and bronchus were "
        "stapled and the lobe was removed in a bag.\n"
    )
    assert "32480" not in codes(note)


def test_mri_report_comparing_a_head_ct_is_no_ct() -> None:
    note = (
        "EXAM: MRI brain without contrast.\n"
        "REASON FOR EXAM: Dizziness.\n"
        "TECHNIQUE: Multiplanar multisequence images of the brain were obtained. Comparison is "
        "made with the head CT of last month.\n"
        "FINDINGS: No acute infarct. Mild white matter change.\n"
    )
    assert codes(note) == ["70551"]


def test_needle_under_ultrasound_outside_the_breast_places_no_localization_device() -> None:
    note = (
        "PROCEDURE: Ultrasound-guided right thoracentesis.\n"
        "TECHNIQUE: The effusion was localized with ultrasound and the site marked. A needle "
        "was advanced over the rib and 900 mL of fluid was withdrawn.\n"
    )
    assert codes(note) == ["32555"]


def test_ablation_reaching_s2_and_s3_is_the_sacroiliac_joint() -> None:
    note = (
        "PROCEDURE: Left L5, S1, S2 and S3 radiofrequency ablation.\n"
        "INDICATION: Left buttock pain after a positive diagnostic block.\n"
        "TECHNIQUE: Under fluoroscopy, cannulas were placed at the L5 dorsal ramus and lateral "
        "to the S1, S2 and S3 foramina. After sensory testing, lesions were made at 80 degrees "
        "for 90 seconds at each site.\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["64625"]


def test_lumbar_facet_ablation_stays_the_facet_code() -> None:
    note = (
        "PROCEDURE: Right L4-L5 and L5-S1 facet radiofrequency ablation.\n"
        "TECHNIQUE: Under fluoroscopy, cannulas were placed at the L3 and L4 medial branches "
        "and the L5 dorsal ramus and lesions were made at 80 degrees.\n"
    )
    assert codes(note)[0] == "64635"


def test_vitrectomy_flattening_a_detachment_under_air_is_the_repair() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Retinal detachment, left eye.\n"
        "PROCEDURE: Pars plana vitrectomy with membrane peeling, fluid-air exchange and "
        "endolaser, left eye.\n"
        "DESCRIPTION: Three ports were placed. A core vitrectomy was done and the membranes "
        "were peeled. A fluid-air exchange flattened the retina and endolaser was applied "
        "around the tear margins.\n"
    )
    assert codes(note) == ["67108"]


def test_membrane_peel_without_a_detachment_stays_the_peel() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Epiretinal membrane, left eye.\n"
        "PROCEDURE: Pars plana vitrectomy with membrane peeling, left eye.\n"
        "DESCRIPTION: Three ports were placed. A core vitrectomy was done and the epiretinal "
        "membrane was peeled with forceps. A fluid-air exchange was done at the end.\n"
    )
    assert codes(note) == ["67041"]
