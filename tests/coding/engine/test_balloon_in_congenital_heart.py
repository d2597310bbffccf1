"""In a heart with a congenital defect a balloon is most often taken to a valve, a conduit or a
pulmonary branch, and the coronaries are injected only to show their anatomy: a balloon told
with no coronary artery in its sentence is no coronary angioplasty (92920). A balloon told on
a named coronary artery still is; an adult PCI note is unchanged. "Right and left heart
catheterization" names the right heart catheterization too."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


CONGENITAL = (
    "HISTORY: A 10-year-old with tricuspid atresia palliated with a Glenn shunt and a Fontan "
    "conduit.\n"
    "PROCEDURE: Right and left heart catheterization was performed from the femoral vessels. "
    "Selective coronary angiography was done with injection in the right and the left coronary "
    "arteries. The catheter was taken across the narrowed conduit into the left pulmonary artery. "
)


def test_a_balloon_in_a_congenital_heart_without_a_coronary_named_is_not_92920() -> None:
    note = CONGENITAL + (
        "A final angioplasty was then performed with a 10 mm balloon with loss of the waist. "
        "The catheters were removed.\n"
    )
    got = codes(note)
    assert "92920" not in got
    # "right and left heart catheterization" is the right heart too: abnormal connections
    assert "93597" in got


def test_a_balloon_on_a_named_coronary_in_a_congenital_heart_is_92920() -> None:
    note = CONGENITAL + (
        "The proximal right coronary artery stenosis was crossed with a wire and balloon "
        "angioplasty of the right coronary artery was performed. The catheters were removed.\n"
    )
    assert "92920" in codes(note)


def test_adult_coronary_balloon_angioplasty_is_unchanged() -> None:
    note = (
        "PROCEDURE: Selective coronary angiography and balloon angioplasty.\n"
        "DESCRIPTION: Selective coronary angiography showed a 90% mid left anterior descending "
        "stenosis. The lesion was crossed with a wire and balloon angioplasty was performed with "
        "a 2.5 mm balloon, leaving 20% residual narrowing.\n"
    )
    assert "92920" in codes(note)
