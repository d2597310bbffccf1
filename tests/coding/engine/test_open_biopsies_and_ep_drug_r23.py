"""Codes that had no rule: open (thoracotomy) diagnostic biopsy of a lung infiltrate (32096),
a lung nodule (32097) or the pleura (32098); testis biopsy through an incision (54505) or a
needle (54500); programmed stimulation repeated on isoproterenol at an EP study (add-on
93623). Traps: a thoracoscopic biopsy stays 32607-32609, a named wedge resection stays 32505,
an orchiectomy is no biopsy, an isoproterenol infusion not given adds nothing."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def codes(note: str) -> list[str]:
    return [c for c, _ in lines(note)]


def test_open_lung_biopsy_for_interstitial_disease() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Interstitial lung disease.\n"
        "PROCEDURE: Left thoracotomy with open lung biopsy.\n"
        "DESCRIPTION: A short anterior thoracotomy was made in the fifth interspace and a "
        "piece of the lingula was stapled off and sent. A chest tube was left.\n"
    )
    assert lines(note) == [("32096", ["LT"])]


def test_thoracoscopic_lung_biopsy_is_not_open() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Interstitial lung disease.\n"
        "PROCEDURE: Left video-assisted thoracoscopic lung biopsy.\n"
        "DESCRIPTION: Three ports were placed and a piece of the lingula was stapled off.\n"
    )
    got = codes(note)
    assert "32096" not in got and "32607" in got


def test_open_pleural_biopsy() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right pleural thickening.\n"
        "PROCEDURE: Right thoracotomy and parietal pleural biopsy.\n"
        "DESCRIPTION: A limited posterolateral thoracotomy was made and several pieces of "
        "thickened parietal pleura were excised for biopsy. A chest tube was placed.\n"
    )
    assert lines(note) == [("32098", ["RT"])]


def test_testis_biopsy_open_and_needle() -> None:
    open_note = (
        "PREOPERATIVE DIAGNOSIS: Azoospermia.\n"
        "PROCEDURE: Right testicular biopsy.\n"
        "DESCRIPTION: The right hemiscrotum was incised, the tunica albuginea opened through a "
        "small window and a piece of tubules excised. The tunica was closed.\n"
    )
    needle_note = (
        "PROCEDURE: Percutaneous needle biopsy of the left testis.\n"
        "DESCRIPTION: After a cord block a biopsy needle was passed into the testis twice.\n"
    )
    assert lines(open_note) == [("54505", ["RT"])]
    assert lines(needle_note) == [("54500", ["LT"])]


def test_orchiectomy_is_no_testis_biopsy() -> None:
    note = (
        "PROCEDURE: Right inguinal orchiectomy.\n"
        "DESCRIPTION: The cord was clamped and the testis removed; a frozen section biopsy of "
        "the testis showed seminoma.\n"
    )
    assert not {"54500", "54505"} & set(codes(note))


def test_stimulation_repeated_on_isoproterenol_adds_93623() -> None:
    base = (
        "PROCEDURE: Comprehensive electrophysiology study.\n"
        "DESCRIPTION: Catheters were placed in the high right atrium, His position and right "
        "ventricular apex, and programmed stimulation was done. {more}\n"
    )
    given = base.format(
        more="Isoproterenol was infused and programmed stimulation was repeated on the drug."
    )
    not_given = base.format(more="An isoproterenol infusion was not performed.")
    assert codes(given) == ["93620", "93623"]
    assert "93623" not in codes(not_given)
