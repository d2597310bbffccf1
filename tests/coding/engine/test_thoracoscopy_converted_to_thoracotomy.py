"""A thoracoscopy given up for a thoracotomy does its work open: the biopsies are not the
thoracoscopic biopsy codes, and a lung abscess opened and drained through the thoracotomy is
the open drainage of a lung abscess (pneumonostomy, 32200), not a skin abscess incision and
drainage. A thoracoscopy carried through keeps its codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


CONVERTED = (
    "PREOPERATIVE DIAGNOSIS: Left lung abscess with consolidation.\n"
    "OPERATIVE PROCEDURE: Attempted left VATS, then left thoracotomy, drainage of a lung "
    "abscess, pleural and lung biopsies.\n"
    "PROCEDURE: A port was placed in the sixth interspace but dense adhesions gave no view, so "
    "the thoracoscopy could not be completed. A posterolateral thoracotomy was made through the "
    "sixth intercostal space. A 9 cm abscess cavity in the left upper lobe was unroofed and "
    "drained of pus. Biopsies of the parietal pleura and of the lung edge were taken. Two chest "
    "tubes were placed and the chest closed.\n"
)


def test_converted_thoracoscopy_is_open_abscess_drainage() -> None:
    got = codes(CONVERTED)
    assert got[0] == "32200"
    assert not {"32607", "32608", "32609", "10061", "10060"} & set(got)


def test_thoracoscopic_pleural_biopsy_without_thoracotomy_stays() -> None:
    note = (
        "PROCEDURE: Right VATS with pleural biopsies.\n"
        "DESCRIPTION: Two ports were placed. The effusion was drained and biopsies of the "
        "parietal pleura were taken. A chest tube was left.\n"
    )
    got = codes(note)
    assert "32609" in got
    assert "32200" not in got


def test_lung_abscess_drained_by_catheter_is_not_pneumonostomy() -> None:
    note = (
        "PROCEDURE: CT-guided percutaneous drainage of a right lower lobe lung abscess.\n"
        "DESCRIPTION: Under CT guidance an 8 French pigtail catheter was placed into the abscess "
        "and 40 mL of pus was aspirated.\n"
    )
    assert "32200" not in codes(note)
