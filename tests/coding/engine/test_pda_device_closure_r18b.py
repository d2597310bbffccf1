"""Transcatheter closure of a patent ductus arteriosus (round 18b): a coil, plug or occluder
device delivered by catheter into the ductus is 93582, which includes the right and left heart
catheterization and the aortic injections that guide it (no congenital cath code beside it). A
ductus ligated or divided through a thoracotomy stays the open repair (33820/33822)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_coil_closure_of_the_ductus_includes_the_cath() -> None:
    note = """PROCEDURE: Cardiac catheterization and transcatheter coil occlusion of patent
ductus arteriosus.
INDICATION: Three-year-old girl with a continuous murmur; echo shows a small PDA with
left-to-right shunt.
DESCRIPTION: Under sedation the right femoral vein and artery were entered percutaneously. Right
and left heart pressures and saturations were measured. An aortogram in the descending aorta
outlined a small conical ductus. A delivery catheter was passed across the ductus from the
pulmonary artery and a detachable coil was deployed in the ductal ampulla and released. Repeat
aortogram showed no residual shunt. Sheaths were removed and hemostasis obtained.
IMPRESSION: Successful device closure of the PDA.
"""
    codes = _codes(note)
    assert codes == ["93582"]


def test_occluder_device_wording_is_coded() -> None:
    note = """PROCEDURE: Percutaneous PDA device closure with a duct occluder.
DESCRIPTION: Femoral venous and arterial access. The ductus arteriosus was crossed from the venous
side and a duct occluder was positioned in the ductus and released after angiographic confirmation.
"""
    assert "93582" in _codes(note)


def test_surgical_ligation_is_not_the_catheter_code() -> None:
    note = """PROCEDURE: Ligation of patent ductus arteriosus through a left thoracotomy.
DESCRIPTION: A left posterolateral thoracotomy was made through the fourth interspace. The ductus
arteriosus was dissected free and ligated with a silk tie, then clipped. The chest was closed.
"""
    codes = _codes(note)
    assert "93582" not in codes
    assert "33820" in codes
