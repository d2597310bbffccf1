"""A procedure list can name an operation only in general words ("Functional endoscopic sinus
surgery") beside another listed service of a different family. When no coded line was read
from that list item, the service the narrative tells inside it (biopsies taken through the
endoscope) is the listed operation's code, not a step to leave out; beside a list item that
is coded (a transsphenoidal pituitary resection through the sphenoid), a narrative biopsy
stays part of it. An eyelid lesion named as an upper "lid skin lesion" is the eyelid excision
67840."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> set[str]:
    return {p["code"] for p in code_cpt(note)["procedures"]}


def test_lid_skin_lesion_is_the_eyelid_excision() -> None:
    note = """PROCEDURE PERFORMED: Excision of left lower lid skin lesion, 6 mm.
DESCRIPTION: The lesion was outlined, excised with a blade in the subcutaneous plane and the
skin closed with interrupted 6-0 sutures.
"""
    assert _codes(note) == {"67840"}


def test_uncoded_listed_sinus_endoscopy_keeps_its_narrative_biopsy() -> None:
    note = """PREOPERATIVE DIAGNOSES: Nasopharyngeal mass. Skin lesion of the right upper eyelid.
OPERATIONS:
1. Sinus endoscopy, functional (FESS).
2. Right upper lid skin lesion excision.
DESCRIPTION: The eyelid lesion was excised with a blade and the skin sutured with a running
suture. A zero-degree telescope was then passed through the right nasal cavity to the
nasopharynx, where a polypoid mass was found. Several biopsies were taken with straight
forceps and the mass was then removed with the microdebrider. Hemostasis was obtained with
suction cautery and the nose was packed.
"""
    assert {"67840", "31237"} <= _codes(note)


def test_a_biopsy_inside_a_coded_listed_operation_stays_out() -> None:
    note = """PROCEDURE PERFORMED: Endoscopic transsphenoidal resection of pituitary adenoma with
endoscopic exposure of the sphenoid sinus.
DESCRIPTION: The endoscope was passed up the left nostril and the sphenoid ostium opened. The
sinus mucosa was removed and biopsies of it were sent. The sellar floor was opened and the
adenoma was removed with curettes. The sella was packed with fat and the nose packed.
"""
    codes = _codes(note)
    assert codes and codes <= {"61548", "62165"}
