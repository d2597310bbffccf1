"""Diagnosis wordings the curated index did not know: carotid occlusive disease (sided by the
stenosis the findings place), an intracranial hemorrhage by its lobe, craniosynostosis by
its suture, a marginal perforation told as a "tympanic perforation", a buccal and canine
space infection, and increased pulmonary secretions (R09.3).
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_carotid_occlusive_disease_takes_the_side_of_the_stenosis() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Carotid artery occlusive disease.\n"
        "PROCEDURE: Carotid angiogram.\n"
        "FINDINGS: The right internal carotid artery is tortuous without stenosis. The left "
        "internal carotid artery has a 60% stenosis at its origin.\n"
    )
    assert _codes(note) == ["I65.22"]
    assert _codes("IMPRESSION: Carotid occlusive disease.\n") == ["I65.29"]


def test_intracranial_hemorrhage_by_site() -> None:
    assert _codes("DIAGNOSIS: Intracranial hemorrhage in the left parietal lobe.\n") == ["I61.1"]
    assert _codes("DIAGNOSIS: Intracranial hemorrhage.\n") == ["I62.9"]
    # a traumatic one is an injury, not this nontraumatic code
    assert "I62.9" not in _codes("DIAGNOSIS: Traumatic intracranial hemorrhage.\n")


def test_craniosynostosis_by_suture() -> None:
    note = (
        "INDICATION: Left coronal synostosis with plagiocephaly.\n"
        "POSTOPERATIVE DIAGNOSIS: Craniosynostosis.\n"
        "PROCEDURE: Fronto-orbital advancement.\n"
    )
    assert _codes(note) == ["Q75.021"]
    assert _codes("POSTOPERATIVE DIAGNOSIS: Sagittal craniosynostosis.\n") == ["Q75.01"]
    assert _codes("POSTOPERATIVE DIAGNOSIS: Bilateral coronal synostosis.\n") == ["Q75.022"]


def test_marginal_perforation_told_in_the_indication() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left tympanic membrane perforation.\n"
        "INDICATIONS: Office otoscopy showed a left posterior marginal tympanic perforation.\n"
    )
    assert _codes(note) == ["H72.2X2"]


def test_buccal_and_canine_space_infection() -> None:
    note = "POSTOPERATIVE DIAGNOSIS: Left buccal and canine space infection.\n"
    assert "K12.2" in _codes(note)


def test_increased_secretions_and_not_bloody_sputum() -> None:
    assert "R09.3" in _codes("POSTOPERATIVE DIAGNOSIS: Copious thick airway secretions.\n")
    assert "R09.3" not in _codes("POSTOPERATIVE DIAGNOSIS: Clear airway secretions.\n")
