"""Resolution by side: a more specific code includes a cheaper one only on its own side, and
one service listed for each side is one bilateral service (50, or RT and LT lines by the
CMS bilateral indicator)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def claim(note: str) -> list[str]:
    return [
        p["code"] + "".join(f"-{m}" for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_a_code_on_one_side_keeps_the_other_sides_cheaper_service() -> None:
    note = (
        "PROCEDURES PERFORMED:\n"
        "1. Right total knee arthroplasty.\n"
        "2. Left knee arthroscopy with partial medial meniscectomy.\n"
        "DESCRIPTION: Cemented right knee components were implanted. The left knee was then "
        "scoped and the torn medial meniscus trimmed back to a stable rim.\n"
    )
    assert claim(note) == ["27447-RT", "29881-LT"]


def test_on_the_same_side_the_specific_code_still_wins() -> None:
    note = (
        "PROCEDURES PERFORMED:\n"
        "1. Right total knee arthroplasty.\n"
        "2. Right knee arthroscopy with partial medial meniscectomy.\n"
        "DESCRIPTION: Cemented components were implanted in the right knee.\n"
    )
    assert claim(note) == ["27447-RT"]


def test_the_same_service_listed_for_each_side_is_bilateral() -> None:
    hernias = (
        "PROCEDURES PERFORMED:\n"
        "1. Left inguinal hernia repair with mesh.\n"
        "2. Right inguinal hernia repair with mesh.\n"
        "DESCRIPTION: Each indirect sac was reduced and a mesh sutured to the shelving edge.\n"
    )
    assert claim(hernias) == ["49505-50"]
    # bilateral indicator 3 (imaging): one line per side
    films = "PROCEDURES:\n1. Right knee x-ray, two views.\n2. Left knee x-ray, two views.\n"
    assert sorted(claim(films)) == ["73560-LT", "73560-RT"]
    report = (
        "EXAM: Two views of the right knee and two views of the left knee.\nFINDINGS: Normal.\n"
    )
    assert sorted(claim(report)) == ["73560-LT", "73560-RT"]


def test_services_on_different_sides_stay_on_their_own_side() -> None:
    note = (
        "PROCEDURES PERFORMED:\n"
        "1. Right carpal tunnel release.\n"
        "2. Steroid injection of the left carpal tunnel.\n"
        "DESCRIPTION: The transverse carpal ligament of the right wrist was divided. The left "
        "carpal tunnel was injected with triamcinolone.\n"
    )
    assert claim(note) == ["64721-RT", "20526-LT"]
