"""A spinal epidural (extradural) hematoma or abscess evacuated through a laminectomy, named in
the operation list, is 63265-63268 by region (round 19) - not the skin-level hematoma drainage
10140 and not a decompression code. A hematoma met in passing in a laminectomy for stenosis
stays with the decompression, and an intracranial epidural hematoma is a craniotomy."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_cervical_epidural_hematoma_after_laminectomy() -> None:
    note = """POSTOPERATIVE DIAGNOSIS: Epidural hematoma of the cervical spine after laminectomy.
PROCEDURE PERFORMED: Evacuation of epidural hematoma. Placement of epidural drain.
DESCRIPTION: The prior posterior cervical incision was reopened. Clotted blood filling the
laminectomy defect from C3 to C6 was removed and the dura was seen to re-expand. A drain was
placed in the epidural space and the wound was closed in layers.
"""
    codes = _codes(note)
    assert codes == ["63265"]


def test_lumbar_epidural_abscess_drained_through_laminectomy() -> None:
    note = """POSTOPERATIVE DIAGNOSIS: Spinal epidural abscess, L3 to L4.
PROCEDURE: L3-L4 laminectomy and drainage of epidural abscess.
DESCRIPTION: A midline lumbar incision was made and the L3 and L4 laminae were removed. Purulent
material in the dorsal epidural space was drained and cultured and the space was irrigated.
"""
    codes = _codes(note)
    assert "63267" in codes
    assert "63047" not in codes and "10060" not in codes


def test_hematoma_met_during_stenosis_decompression_is_not_the_lesion_code() -> None:
    note = """PROCEDURE: L4-L5 decompressive laminectomy for spinal stenosis.
DESCRIPTION: The L4 lamina was removed with Kerrison rongeurs. A small epidural hematoma was
encountered and removed with suction, and the thickened ligamentum flavum was resected to free
the L5 roots bilaterally.
"""
    codes = _codes(note)
    assert not {"63265", "63266", "63267", "63268"} & set(codes)


def test_cranial_epidural_hematoma_is_not_the_spinal_code() -> None:
    note = """PROCEDURE: Right temporal craniotomy for evacuation of epidural hematoma.
DESCRIPTION: A right temporal bone flap was raised and the epidural clot was evacuated. The
middle meningeal artery was coagulated and the bone flap replaced.
"""
    codes = _codes(note)
    assert not {"63265", "63266", "63267", "63268"} & set(codes)
