"""A plain film of the abdomen named only by its projection ("AP abdomen", "KUB", "supine and
upright abdomen") is the abdomen radiograph (74018 one view, 74019 two views), also when the
same report reads a renal ultrasound. A CT named "CT KUB" is the CT of the abdomen and pelvis,
not a film."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_ap_abdomen_read_with_renal_ultrasound() -> None:
    note = (
        "EXAM: AP abdomen and renal ultrasound.\n"
        "HISTORY: Kidney stones.\n"
        "AP ABDOMEN\n"
        "FINDINGS: A 5 mm calcification projects over the lower pole of the left kidney. The "
        "bowel gas pattern is normal.\n"
        "IMPRESSION: Left renal calculus.\n"
        "RENAL ULTRASOUND\n"
        "FINDINGS: The right kidney measures 10.8 cm and is normal. The left kidney has a "
        "shadowing stone in its lower pole without hydronephrosis. The bladder is normal.\n"
        "IMPRESSION: Left nephrolithiasis.\n"
    )
    got = codes(note)
    assert sorted(got) == ["74018", "76770"]


def test_kub_and_two_view_abdomen() -> None:
    kub = (
        "EXAM: KUB.\n"
        "HISTORY: Constipation.\n"
        "FINDINGS: Large stool burden through the colon. No dilated small bowel.\n"
        "IMPRESSION: Large stool burden.\n"
    )
    assert codes(kub) == ["74018"]
    two = (
        "EXAM: Supine and upright abdomen.\n"
        "HISTORY: Abdominal pain.\n"
        "FINDINGS: Nonobstructive bowel gas pattern. No free air.\n"
        "IMPRESSION: Normal abdomen.\n"
    )
    assert codes(two) == ["74019"]


def test_ct_kub_is_ct_not_a_film() -> None:
    note = (
        "EXAM: CT KUB without contrast.\n"
        "HISTORY: Left flank pain.\n"
        "FINDINGS: A 4 mm stone at the left ureterovesical junction with mild hydronephrosis.\n"
        "IMPRESSION: Obstructing left distal ureteral stone.\n"
    )
    got = codes(note)
    assert got == ["74176"]
