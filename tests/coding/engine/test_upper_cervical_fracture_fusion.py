"""An upper cervical fracture opened, reduced and fixed from behind is the open treatment of a
cervical vertebral fracture (22326), reported beside the fusion done with it; and the
occiput-to-C2 fusion (22590) needs the occiput as a level of the fusion told, not the bone
merely exposed above a C1-C2 or C1-C3 fusion."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


C1_C3 = (
    "PREOPERATIVE DIAGNOSIS: Displaced fracture of C2.\n"
    "PROCEDURE PERFORMED:\n"
    "1. Open reduction of the C2 fracture with screw fixation.\n"
    "2. Posterior cervical fusion C1 to C3 with instrumentation.\n"
    "DESCRIPTION: With the patient prone in pins, a midline incision exposed the posterior "
    "arch of C1, C2 and C3 and the lower edge of the occiput. The fracture was reduced under "
    "fluoroscopy. C1 lateral mass screws, C2 translaminar screws and C3 lateral mass screws "
    "were placed and joined with rods. The posterior elements were decorticated and allograft "
    "chips laid over them.\n"
)


def test_c2_fracture_open_reduction_with_c1_c3_fusion() -> None:
    got = codes(C1_C3)
    assert "22326" in got
    assert "22595" in got
    assert "22590" not in got


def test_occiput_to_c2_fusion_stays_craniocervical() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Basilar invagination with atlantoaxial instability.\n"
        "PROCEDURE: Posterior fusion occiput to C2 with an occipital plate and C2 screws.\n"
        "DESCRIPTION: The occipital plate was fixed to the keel, C2 pars screws were placed and "
        "rods joined them; allograft was laid over the decorticated bone.\n"
    )
    got = codes(note)
    assert "22590" in got
    assert "22326" not in got


def test_fusion_for_stenosis_is_no_fracture_treatment() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Cervical stenosis C3-C5.\n"
        "PROCEDURE: Posterior cervical laminectomy and fusion C3 to C5 with lateral mass "
        "screws.\n"
        "DESCRIPTION: With the patient prone, the laminae of C3 to C5 were removed, lateral mass "
        "screws placed and rods locked; local bone was laid over the facets.\n"
    )
    assert "22326" not in codes(note)


def test_anterior_approach_is_not_the_posterior_fracture_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: C6 fracture dislocation.\n"
        "PROCEDURE: Anterior cervical discectomy and fusion C5-C6 with open reduction of the "
        "C5-C6 dislocation.\n"
        "DESCRIPTION: Through a Smith-Robinson approach the platysma was divided, the disc "
        "removed, the dislocation reduced with pins and a cage and plate placed.\n"
    )
    assert "22326" not in codes(note)
