"""A thoracoscopy given up for a thoracotomy is coded open: the thoracoscopic codes (biopsy,
decortication, wedge ...) are not reported. A lung abscess opened and drained through the
thoracotomy is 32200 - not a skin abscess drainage (10060/10061) - and one drained by a
catheter through the skin is not. A VATS done as planned keeps its codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_converted_thoracoscopy_with_open_lung_abscess_drainage() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Right lower lobe lung abscess; diffuse infiltrates.\n"
        "OPERATIVE PROCEDURE: Right thoracoscopy and right thoracotomy with drainage of lung "
        "abscess and biopsies of pleura and lung.\n"
        "TECHNIQUE: A port was placed but dense adhesions gave no view, and we were unable to "
        "complete the operation by thoracoscopy. A posterolateral thoracotomy was made through "
        "the sixth interspace. The abscess cavity in the lower lobe was opened, the pus "
        "evacuated and the cavity unroofed. Pleural and lung biopsies were taken. Two chest "
        "tubes were left.\n"
    )
    got = codes(note)
    assert "32200" in got
    assert not {"32607", "32608", "32609", "10060", "10061"} & set(got)


def test_percutaneous_drainage_of_a_lung_abscess_is_not_32200() -> None:
    note = (
        "PROCEDURE: CT-guided percutaneous catheter drainage of a left upper lobe lung abscess.\n"
        "TECHNIQUE: Under CT guidance a needle was advanced into the abscess and an 8 French "
        "pigtail catheter placed over a wire; 40 mL of pus was drained.\n"
    )
    assert "32200" not in codes(note)


def test_vats_done_as_planned_keeps_its_code() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Diffuse interstitial lung disease.\n"
        "OPERATIVE PROCEDURE: Left video-assisted thoracoscopic wedge biopsies of the lingula "
        "and lower lobe for diffuse infiltrates.\n"
        "TECHNIQUE: Three ports were placed and the lung inspected. Two biopsies of the "
        "infiltrated lung were taken with an endoscopic stapler. A chest tube was left. No "
        "thoracotomy was needed.\n"
    )
    got = codes(note)
    assert {"32607", "32666"} & set(got)
    assert "32200" not in got
