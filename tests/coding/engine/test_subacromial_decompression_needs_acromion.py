"""A subacromial decompression (29826, open 23130) is a partial acromioplasty. A bursectomy or a
coracoacromial ligament release alone, a decompression the surgeon calls soft tissue only, or
an impingement named only as the diagnosis is no decompression."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_bursectomy_and_ligament_release_without_acromion_work_is_debridement() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Impingement syndrome, left shoulder.\n"
        "PROCEDURE PERFORMED: Left shoulder arthroscopy with subacromial bursectomy and "
        "release of the coracoacromial ligament.\n"
        "DESCRIPTION: The glenohumeral joint was normal. The scope was moved to the "
        "subacromial space and the inflamed bursa was removed with a shaver. The "
        "coracoacromial ligament was released with the ablation wand. The acromion is flat "
        "and was left alone. Portals were closed."
    )
    codes = _codes(note)
    assert "29826" not in codes
    assert codes == ["29822"]


def test_soft_tissue_only_decompression_with_cuff_repair() -> None:
    note = (
        "PROCEDURE PERFORMED: Right shoulder arthroscopic rotator cuff repair and soft tissue "
        "subacromial decompression.\n"
        "DESCRIPTION: The supraspinatus tear was repaired to the footprint with two suture "
        "anchors. A subacromial bursectomy was done and the coracoacromial ligament was "
        "released. With a type I acromion we chose not to perform an acromioplasty."
    )
    codes = _codes(note)
    assert "29827" in codes
    assert "29826" not in codes


def test_impingement_as_diagnosis_alone_adds_no_decompression() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right shoulder impingement syndrome with rotator cuff tear.\n"
        "PROCEDURE PERFORMED: Right shoulder arthroscopy with rotator cuff repair.\n"
        "DESCRIPTION: The supraspinatus tear was repaired with two suture anchors. The "
        "portals were closed."
    )
    assert _codes(note) == ["29827"]


def test_ligament_release_with_the_acromion_burred_is_a_decompression() -> None:
    note = (
        "PROCEDURE PERFORMED: Right shoulder arthroscopy with rotator cuff repair, "
        "subacromial bursectomy and coracoacromial ligament release.\n"
        "DESCRIPTION: The cuff tear was repaired with two anchors. The bursa was excised, "
        "the coracoacromial ligament was released and the anterior acromial spur was "
        "removed with a burr until the acromion was flat."
    )
    codes = _codes(note)
    assert "29827" in codes
    assert "29826" in codes


def test_subacromial_decompression_named_as_done_stays() -> None:
    note = (
        "PROCEDURE PERFORMED: Left shoulder arthroscopy, debridement of a labral tear and "
        "arthroscopic subacromial decompression.\n"
        "DESCRIPTION: The frayed labrum was debrided with a shaver. In the subacromial space "
        "a subacromial decompression was carried out with the shaver and burr."
    )
    codes = _codes(note)
    assert "29826" in codes
