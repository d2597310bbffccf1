"""A device the patient is referred to receive is the planned service, not a status: "referred
for AICD implantation" in the history of an implant report gives no Z95.810 (the reason for
the referral stays coded). Device reports head their reasons 'REFERRAL INDICATIONS' (alone on
a line): read as the indications, so a generator at its elective replacement indicator gives
Z45.010."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _dx(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_referred_for_defibrillator_implantation_is_no_defibrillator_status() -> None:
    note = (
        "CLINICAL HISTORY: A 58-year-old woman with nonischemic dilated cardiomyopathy has been "
        "referred for AICD implantation for primary prevention.\n"
        "PROCEDURE PERFORMED: Implantation of a single chamber defibrillator.\n"
        "DESCRIPTION: Through the left axillary vein a defibrillation lead was placed at the "
        "right ventricular apex, the generator was connected in a prepectoral pocket and the "
        "wound was closed in layers.\n"
    )
    out = code_cpt(note)
    assert "33249" in [p["code"] for p in out["procedures"]]
    codes = [d["code"] for d in out["diagnoses"]]
    assert "Z95.810" not in codes
    assert "I42.0" in codes


def test_a_defibrillator_in_place_is_still_its_status() -> None:
    note = (
        "CHIEF COMPLAINT: Shortness of breath.\n"
        "HISTORY OF PRESENT ILLNESS: A 70-year-old man with ischemic cardiomyopathy and an AICD "
        "in place has had two weeks of dyspnea on exertion.\n"
        "ASSESSMENT: Acute on chronic systolic heart failure.\n"
        "PLAN: Increase furosemide to 40 mg twice daily.\n"
    )
    assert "Z95.810" in _dx(note)


def test_referral_indications_heading_gives_the_generator_replacement_reason() -> None:
    note = (
        "REFERRAL INDICATIONS\n"
        "1. Pacemaker at ERI.\n"
        "2. Sick sinus syndrome.\n"
        "PROCEDURES PLANNED AND PERFORMED: Dual chamber pacemaker generator replacement.\n"
        "DESCRIPTION OF OPERATION: The old incision was opened, the generator was freed from "
        "the pocket and disconnected, both leads were tested with good values and connected to "
        "the new generator, which was placed in the pocket, and the skin was closed.\n"
    )
    out = code_cpt(note)
    assert "33228" in [p["code"] for p in out["procedures"]]
    assert "Z45.010" in [d["code"] for d in out["diagnoses"]]
