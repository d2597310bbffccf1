"""An EMG report's radiculopathy takes its region from the root it names, also in the plural
("bilateral C8 radiculopathies", C8 cervicothoracic M54.13), and a doubt only about which of two
roots ("a right L5 versus S1 radiculopathy") leaves the radiculopathy itself coded. A doubt about
the radiculopathy ("radiculopathy versus plexopathy") still sets it aside. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def _emg(impression: str) -> str:
    return (
        "NERVE CONDUCTION STUDIES: Median, ulnar and radial motor and sensory responses are "
        "normal in both arms.\n"
        "NEEDLE EMG: Needle EMG was performed in both arms and the cervical paraspinal muscles. "
        "It showed chronic denervation in both first dorsal interosseous muscles.\n"
        f"IMPRESSION: This electrical study is abnormal. {impression}\n"
    )


def test_plural_radiculopathies_at_c8() -> None:
    codes = _icd(_emg("It shows mild bilateral C8 radiculopathies."))
    assert codes == ["M54.13"]


def test_one_root_or_the_other_is_still_a_radiculopathy() -> None:
    codes = _icd(_emg("It shows a mild right L5 versus S1 radiculopathy."))
    assert codes and codes[0] in ("M54.16", "M54.17")


def test_radiculopathy_versus_plexopathy_is_not_coded() -> None:
    codes = _icd(_emg("It shows a right C8 radiculopathy versus lower trunk plexopathy."))
    assert not any(c.startswith("M54.1") for c in codes)
