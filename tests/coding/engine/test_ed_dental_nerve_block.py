"""A dental (trigeminal branch) nerve block given in the emergency department for a toothache
is 64400 beside the emergency visit (modifier 25), also when the visit is dictated with a
PROCEDURE NOTE heading; the same block given as the anesthesia for a drainage or told of a
"block graft" of bone is not billed. An ED record is known by the patient on the gurney and
a discharge "in stable condition"."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


ED_TOOTHACHE = """CHIEF COMPLAINT: Toothache.
HISTORY OF PRESENT ILLNESS: A 31-year-old man has had three days of throbbing pain in a right
lower molar, worse tonight. No fever.
PAST MEDICAL HISTORY: Asthma.
PHYSICAL EXAMINATION: Afebrile. He is sitting on the gurney holding his jaw. The right lower
second molar is carious and tender to percussion. No facial swelling, no trismus.
{heading}: Using 2 mL of 0.5% bupivacaine with epinephrine I performed a right inferior
alveolar nerve block, with good relief of his pain.
IMPRESSION: Dental caries with acute pulpitis.
PLAN: Amoxicillin and ibuprofen prescribed. He is to see his dentist on Monday. He is
discharged in stable condition.
"""


def test_an_ed_dental_block_is_billed_beside_the_visit() -> None:
    for heading in ("PROCEDURE", "PROCEDURE NOTE"):
        lines = _lines(ED_TOOTHACHE.format(heading=heading))
        codes = dict(lines)
        assert codes.get("64400") == ["RT"], (heading, lines)
        visit = [c for c, _ in lines if c.startswith("9928")]
        assert visit, (heading, lines)
        assert codes[visit[0]] == ["25"]


def test_a_block_as_the_anesthesia_of_a_drainage_is_not_billed() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Right buccal space abscess.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Incision and drainage of right buccal space abscess.
ANESTHESIA: Local.
DESCRIPTION OF PROCEDURE: 4 mL of 2% lidocaine was injected for a right inferior alveolar
nerve block. An incision was made in the right buccal vestibule and 3 mL of pus drained. A
Penrose drain was sutured in place.
"""
    codes = [c for c, _ in _lines(note)]
    assert "64400" not in codes


def test_a_block_graft_of_bone_is_no_nerve_block() -> None:
    note = """PROCEDURE: Iliac crest bone graft to the maxilla.
DESCRIPTION OF PROCEDURE: The maxillary tricortical block graft was fixed with two titanium
screws and particulate bone placed around it.
"""
    codes = [c for c, _ in _lines(note)]
    assert "64400" not in codes
