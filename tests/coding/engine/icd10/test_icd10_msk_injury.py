"""Musculoskeletal, injury and nervous-system diagnoses, on short synthetic notes.

Each test states how a coder codes one family (laterality, site, pattern, level, episode) and
checks the offline coder does the same.
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def visit(assessment: str) -> str:
    return (
        "CHIEF COMPLAINT: Follow up.\n"
        "HISTORY OF PRESENT ILLNESS: The patient returns to clinic.\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Follow up in four weeks.\n"
    )


def op(diagnosis: str, history: str = "The patient tolerated the procedure.") -> str:
    return (
        f"PREOPERATIVE DIAGNOSIS: {diagnosis}\n"
        f"POSTOPERATIVE DIAGNOSIS: {diagnosis}\n"
        "PROCEDURE: Exploration.\n"
        f"INDICATIONS: {history}\n"
    )


def test_bilateral_pain_without_a_bilateral_code_gets_both_sides() -> None:
    # guideline I.B.13: no bilateral code exists for hip pain
    assert codes(visit("Bilateral hip pain, right worse than left.")) == {"M25.551", "M25.552"}
    assert codes(visit("Right elbow pain.")) == {"M25.521"}
    assert codes(visit("Left hand pain.")) == {"M79.642"}


def test_knee_ligament_tears_by_ligament_and_side() -> None:
    found = codes(
        op(
            "1. Complete tear anterior cruciate ligament, right knee. "
            "2. Partial tear of the medial collateral ligament, right knee."
        )
    )
    assert found == {"S83.511A", "S83.411A"}


def test_old_meniscal_tear_is_a_derangement_not_an_injury() -> None:
    assert codes(visit("Old tear of the medial meniscus, left knee.")) == {"M23.207"}


def test_humerus_fracture_by_pattern() -> None:
    assert codes(visit("Spiral fracture of the humerus, left arm.")) == {"S42.342A"}
    assert codes(visit("Three-part proximal humerus fracture, right.")) == {"S42.231A"}


def test_distal_femur_fracture_with_intercondylar_extension() -> None:
    note = op("Left supracondylar, intercondylar distal femur fracture.")
    assert codes(note) == {"S72.462A"}


def test_skull_fracture_and_traumatic_subdural_hematoma_with_loss_of_consciousness() -> None:
    note = visit(
        "1. Right frontal bone fracture. 2. Traumatic subdural hematoma after a fall "
        "with loss of consciousness."
    )
    assert codes(note) == {"S02.0XXA", "S06.5X9A"}


def test_spinal_epidural_hematoma_after_spine_surgery_is_postprocedural() -> None:
    note = op("Epidural hematoma, cervical spine. Status post cervical laminectomy, postop day 5.")
    assert "G97.61" in codes(note)


def test_broken_spinal_hardware_is_a_breakdown_of_the_vertebral_fixation() -> None:
    note = op("Broken pedicle screws at L4 with pseudarthrosis of the lumbar fusion.")
    assert "T84.216A" in codes(note)


def test_disc_herniation_compressing_the_cord_is_a_disc_disorder_with_myelopathy() -> None:
    note = visit("Large C6-C7 disc herniation with cord compression.")
    assert codes(note) == {"M50.023"}


def test_sequela_of_a_brain_injury_and_its_paralysis() -> None:
    note = op("Spastic quadriparesis secondary to traumatic brain injury.")
    assert codes(note) == {"G82.50", "S06.9XAS"}


def test_complicated_migraine_is_migraine_with_aura() -> None:
    assert codes(visit("Intractable complicated migraine.")) == {"G43.119"}


def test_chronic_osteomyelitis_of_the_toe_told_in_the_history() -> None:
    note = op(
        "Osteomyelitis, left hallux.",
        history="He has had chronic osteomyelitis of the toe for several years.",
    )
    assert codes(note) == {"M86.672"}


def test_synovitis_of_a_named_site() -> None:
    assert codes(visit("Synovitis, right knee.")) == {"M65.961"}


def test_wrist_flexor_tendon_laceration_at_the_wrist() -> None:
    assert "S66.821A" in codes(op("Laceration of the flexor carpi radialis tendon, right wrist."))


def test_each_interspace_of_a_statement_gets_its_code() -> None:
    assert codes(visit("Disc degeneration at C3-C4 and C6-C7.")) == {"M50.31", "M50.323"}
    assert codes(visit("L4-5 and L5-S1 disc herniations.")) == {"M51.26", "M51.27"}
    # a nerve root level is not a second interspace
    assert codes(visit("C6-C7 disc herniation.")) == {"M50.223"}


def test_every_cervical_disc_level_takes_the_radiculopathy() -> None:
    found = codes(
        op("Cervical herniated nucleus pulposus C4-C5, C5-C6 and C6-C7 with left radiculopathy.")
    )
    assert {"M50.121", "M50.122", "M50.123"} <= found
    assert not found & {"M54.12", "M50.221", "M50.222", "M50.223"}


def test_spondylosis_and_radiculopathy_written_apart_are_one_combination_code() -> None:
    found = codes(op("1. Cervical spondylosis.\n2. Neck pain with left radiculopathy."))
    assert "M47.22" in found and not found & {"M47.812", "M54.12", "M54.2"}
    # a disc displacement takes the radiculopathy; the spondylosis stays without it
    found = codes(
        op("1. Lumbar spondylosis.\n2. L4-L5 disc herniation with left L5 radiculopathy.")
    )
    assert {"M51.16", "M47.816"} <= found and "M47.26" not in found


def test_contracture_by_joint_and_side() -> None:
    assert codes(visit("Flexion contracture of the right knee.")) == {"M24.561"}
    assert codes(visit("Elbow contracture, left.")) == {"M24.522"}


def test_burns_take_the_highest_degree_at_a_site() -> None:
    assert codes(visit("First-degree and second-degree burns of the right forearm.")) == {
        "T22.211A"
    }
    assert codes(visit("Third degree burn, chest wall.")) == {"T21.31XA"}


def test_major_depression_by_episode_and_severity_in_either_order() -> None:
    assert codes(visit("Major depression, recurrent, moderate.")) == {"F33.1"}
    assert codes(
        visit("Major depressive disorder, moderate severity, recurrent, in partial remission.")
    ) == {"F33.41"}
    assert codes(visit("Major depressive disorder, single episode, severe.")) == {"F32.2"}


def test_a_side_written_inside_a_diagnosis_phrase_does_not_break_it() -> None:
    # the side is read from the matched words; the phrase need not spell where it may stand
    assert codes(op("Tear of the posterior horn of the left medial meniscus.")) == {"S83.242A"}
    assert codes(op("Tear of the posterior horn of the medial meniscus, left knee.")) == {
        "S83.242A"
    }
    # a gap phrase keeps its budget: the side counts as one of its words
    assert "M79.604" not in codes(visit("Low back pain referring down into the right leg."))


def test_mandible_fracture_parts_each_get_a_code_with_their_own_side() -> None:
    assert codes(op("Fractures of the left mandibular angle and the right body.")) == {
        "S02.652A",
        "S02.601A",
    }
    # 'bilateral' names the whole injury; each part takes the side written with it
    assert codes(op("Bilateral mandible fractures, left angle and symphysis.")) == {
        "S02.652A",
        "S02.66XA",
    }
    assert codes(op("Right subcondylar fracture of the mandible.")) == {"S02.621A"}


def test_open_fracture_told_several_words_before_the_fracture() -> None:
    assert codes(op("Open, displaced, comminuted left distal radius fracture.")) == {"S52.502B"}
    # the open reduction of a closed fracture is an operation, not an open fracture
    assert codes(op("Left distal radius fracture, for open reduction of the fracture.")) == {
        "S52.502A"
    }


def test_metastases_to_several_named_sites_get_a_secondary_code_each() -> None:
    assert codes(op("Breast cancer metastatic to the liver and bones.")) == {
        "C50.919",
        "C78.7",
        "C79.51",
    }
    # the primary's site is no site of spread
    assert codes(op("Lung cancer metastatic to the brain.")) == {"C34.90", "C79.31"}
    assert "C77.0" in codes(op("Metastatic squamous cell carcinoma, right neck."))


def test_a_past_lymphoma_or_leukemia_said_in_remission_takes_the_remission_code() -> None:
    assert codes(visit("History of lymphoma in remission.")) == {"C85.9A"}
    assert codes(visit("History of acute lymphocytic leukemia, in remission.")) == {"C91.01"}
    assert codes(visit("History of lymphoma.")) == {"Z85.72"}


def test_tailor_bunion_and_partial_rotator_cuff_tear_wordings() -> None:
    assert codes(visit("Tailor bunion deformity, right foot.")) == {"M21.621"}
    # a tear by percent of thickness or by the one surface it reaches is incomplete
    assert codes(visit("Sixty-percent rotator cuff tear, joint side, left shoulder.")) == {
        "M75.112"
    }


def test_back_pain_takes_the_region_told_elsewhere_in_the_note() -> None:
    note = (
        "EXAM: CT of the lumbar spine without contrast.\n"
        "CLINICAL HISTORY: Back pain after a fall.\n"
        "FINDINGS: The lumbar vertebral body heights are maintained.\n"
    )
    assert "M54.50" in codes(note)


def test_multilevel_disc_degeneration_is_coded_by_region_not_one_level() -> None:
    assert codes(op("Multilevel degenerative disc disease of the cervical spine.")) == {"M50.30"}
    assert codes(op("Degenerative disc disease at C5-C6.")) == {"M50.322"}


def test_an_eponym_possessive_does_not_break_its_phrase() -> None:
    # the tokenizer splits "Baker's" into baker + s; the phrase "baker* cyst" still matches
    assert codes(op("Baker's cyst, left knee.")) == {"M71.22"}
    assert codes(op("Left boxer's fracture.")) == {"S62.337A"}


def test_joint_specific_bursitis_gout_and_thumb_arthritis() -> None:
    assert codes(op("Prepatellar bursitis, right knee.")) == {"M70.41"}
    assert codes(op("Gout, right great toe.")) == {"M10.071"}
    assert codes(op("Osteoarthritis of the first CMC joint, right thumb.")) == {"M18.11"}
    assert codes(op("Calcific tendinitis, left shoulder.")) == {"M75.32"}
    # a septic joint is pyogenic arthritis; an infected joint prosthesis is its complication
    assert codes(op("Septic arthritis, left knee.")) == {"M00.9"}
    assert codes(op("Infected right hip bipolar arthroplasty.")) == {"T84.51XA"}
    assert codes(op("Degenerative tear of the medial meniscus, right knee.")) == {"M23.203"}


def test_a_fracture_said_nondisplaced_takes_the_nondisplaced_code() -> None:
    # a coder assumes displaced only when the note does not say (S92.352A -> S92.355A)
    assert codes(op("Nondisplaced fracture of the left fifth metatarsal.")) == {"S92.355A"}
    assert codes(op("Left fifth metatarsal fracture.")) == {"S92.352A"}
    # a title with no displacement axis keeps its code
    assert codes(op("Closed nondisplaced fracture of the right patella.")) == {"S82.001A"}


def test_a_mandible_fracture_with_only_a_side_is_the_body_on_that_side() -> None:
    def dx(note: str) -> list[str]:
        return [d["code"] for d in code_diagnoses(analyze(note))]

    assert dx("DIAGNOSIS: Closed left mandibular fracture.\n") == ["S02.602A"]
    assert dx("DIAGNOSIS: Right mandible angle fracture.\n") == ["S02.651A"]
    assert dx("DIAGNOSIS: Bilateral mandible fractures.\n") == ["S02.609A"]
