"""An 'aortic root shot' at a cardiac catheterization is a supravalvular aortogram (93567)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = (
    "PROCEDURE: Left heart catheterization, selective coronary angiography, left "
    "ventriculography.\n"
    "FINDINGS: The left main is normal. The LAD has a 40% mid stenosis. The right coronary "
    "is dominant and free of disease. {extra}\n"
)


def _codes(extra: str) -> list[str]:
    return [p["code"] for p in code_cpt(_NOTE.format(extra=extra))["procedures"]]


def test_an_aortic_root_shot_is_the_aortogram_add_on() -> None:
    codes = _codes("An aortic root shot showed mild aortic insufficiency.")
    assert codes == ["93458", "93567"]


def test_a_shot_of_a_coronary_is_not_an_aortogram() -> None:
    codes = _codes("A second shot of the right coronary in the LAO view was clean.")
    assert "93567" not in codes
