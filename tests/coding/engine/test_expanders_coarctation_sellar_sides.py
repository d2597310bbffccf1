"""Services named by the organ they are done on.

A tissue expander is a breast reconstruction (19357) only at the breast; elsewhere it is 11960.
A balloon dilation of an aortic coarctation is 33897. A Dupuytren nodule injected beside a carpal
tunnel release is no fasciectomy. Rebuilding the sellar floor closes a transsphenoidal pituitary
excision, it is no cranioplasty. The eye left alone ("the unoperated right eye") gives no side.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[str]:
    return ["-".join([p["code"], *p["modifiers"]]) for p in code_cpt(note)["procedures"]]


def test_tissue_expander_site() -> None:
    limb = (
        "PROCEDURE: Insertion of tissue expander, left thigh.\n"
        "DESCRIPTION: A 300 cc rectangular expander was placed in a subcutaneous pocket beside"
        " the skin graft and the port brought out laterally.\n"
    )
    assert lines(limb) == ["11960"]
    breast = (
        "PROCEDURE: Right mastectomy with immediate reconstruction; placement of tissue"
        " expander.\nDESCRIPTION: After the mastectomy the expander was placed under the"
        " pectoralis major muscle.\n"
    )
    assert "19357-RT" in lines(breast)
    assert "11960" not in [c.split("-")[0] for c in lines(breast)]


def test_coarctation_balloon_angioplasty() -> None:
    note = (
        "PROCEDURE: Cardiac catheterization with balloon angioplasty of coarctation of the"
        " aorta.\nDESCRIPTION: A 6 mm balloon was advanced across the coarctation and inflated"
        " twice; the gradient fell from 30 to 8 mmHg.\n"
    )
    assert lines(note)[0] == "33897"
    stent = (
        "PROCEDURE: Stent placement across the coarctation of the aorta.\n"
        "DESCRIPTION: A covered stent was deployed across the coarctation.\n"
    )
    assert "33897" not in lines(stent)


def test_dupuytren_injection_is_not_a_fasciectomy() -> None:
    injected = (
        "PROCEDURE: Left carpal tunnel release; steroid injection of a Dupuytren nodule, left"
        " palm.\nDESCRIPTION: The transverse carpal ligament was divided. The palmar nodule was"
        " injected with Kenalog.\n"
    )
    assert lines(injected) == ["64721-LT"]
    excised = (
        "PROCEDURE: Partial palmar fasciectomy for Dupuytren contracture, right ring finger.\n"
        "DESCRIPTION: The diseased cord was excised from the palm to the PIP joint.\n"
    )
    assert lines(excised) == ["26123-RT"]


def test_sellar_floor_rebuilt_at_a_pituitary_excision() -> None:
    note = (
        "PROCEDURE: Transsphenoidal resection of pituitary adenoma with reconstruction of the"
        " sellar floor (cranioplasty).\nDESCRIPTION: Under the microscope the sella was opened"
        " and the adenoma removed. The sellar floor was rebuilt with septal bone.\n"
    )
    assert lines(note) == ["61548"]


def test_unoperated_eye_gives_no_side() -> None:
    note = (
        "PROCEDURE: Cataract extraction with intraocular lens implant.\n"
        "DESCRIPTION: A shield was taped over the unoperated right eye. The left eye was prepped"
        " and draped. Phacoemulsification of the nucleus was done and the lens was placed in"
        " the capsular bag.\n"
    )
    assert lines(note) == ["66984-LT"]
