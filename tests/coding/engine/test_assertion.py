"""Assertion status per mention: negated, historical, planned, aborted, converted, uncertain."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze, assertion_of


def _status(note: str, mention: str) -> str:
    doc = analyze(note)
    i = note.index(mention)
    return assertion_of(doc, i, i + len(mention)).status


@pytest.mark.parametrize(
    ("note", "mention", "status"),
    [
        ("A snare polypectomy was performed.", "snare polypectomy", "present"),
        ("No polyps, masses or diverticula were seen.", "diverticula", "negated"),
        ("Laparoscopic cholecystectomy without cholangiogram.", "cholangiogram", "negated"),
        ("Negative for malignancy.", "malignancy", "negated"),
        ("Appendicitis was ruled out.", "Appendicitis", "negated"),
        ("History of appendectomy.", "appendectomy", "historical"),
        ("She is status post cholecystectomy.", "cholecystectomy", "historical"),
        ("We will schedule a colonoscopy.", "colonoscopy", "hypothetical"),
        ("She has undergone cataract surgery on this eye.", "cataract surgery", "historical"),
        ("He was undergoing a cesarean section when urology was called.", "cesarean", "historical"),
        ("If it continues we may wish to perform a laryngoscopy.", "laryngoscopy", "hypothetical"),
        ("A repeat EGD is planned.", "EGD", "hypothetical"),
        ("Unable to advance the scope into the duodenum.", "duodenum", "aborted"),
        ("The biopsy was aborted because of bleeding.", "biopsy", "aborted"),
        (
            "Laparoscopic cholecystectomy converted to open cholecystectomy.",
            "Laparoscopic cholecystectomy",
            "converted",
        ),
        (
            "Laparoscopic cholecystectomy converted to open cholecystectomy.",
            "open cholecystectomy",
            "present",
        ),
        ("Probable acute cholecystitis.", "acute cholecystitis", "uncertain"),
        ("Findings consistent with pneumonia.", "pneumonia", "uncertain"),
        ("Rule out appendicitis.", "appendicitis", "uncertain"),
        ("Family history of colon cancer.", "colon cancer", "family"),
    ],
)
def test_cues(note: str, mention: str, status: str) -> None:
    assert _status(note, mention) == status


def test_pseudo_cues_do_not_negate() -> None:
    assert _status("The scope was passed without difficulty into the cecum.", "cecum") == "present"
    assert _status("There was no change in the polyp.", "polyp") == "present"
    assert _status("Closed with No. 2 Prolene.", "Prolene") == "present"


def test_terminators_and_semicolons_stop_a_cue() -> None:
    assert _status("No bleeding, but a polyp was removed.", "polyp") == "present"
    assert _status("No masses; polypectomy performed.", "polypectomy") == "present"


def test_window_limits_reach() -> None:
    far = "No sign at all of any trouble of any kind in the whole colon today."
    assert _status(far, "colon") == "present"


def test_commas_stop_planned_but_not_negated() -> None:
    assert _status("After consent was obtained, colonoscopy was done.", "colonoscopy") == "present"
    assert _status("No polyps, masses, or ulcers.", "ulcers") == "negated"


def test_section_default_when_no_cue() -> None:
    note = "PAST SURGICAL HISTORY: Appendectomy.\nPLAN: Colonoscopy in one year.\nPROCEDURE: EGD."
    assert _status(note, "Appendectomy") == "historical"
    assert _status(note, "Colonoscopy") == "hypothetical"
    assert _status(note, "EGD") == "present"


def test_mentions_found_with_status() -> None:
    from agentkit.coding.engine import PhraseSet

    ps: PhraseSet[str] = PhraseSet()
    ps.add("polyp*", "polyp")
    doc = analyze("FINDINGS: No polyps. A 5 mm polyp in the sigmoid.")
    found = [(m.status, doc.text[m.start : m.end]) for m in doc.find(ps)]
    assert found == [("negated", "polyps"), ("present", "polyp")]
    assert doc.find(ps, kinds=frozenset({"plan"})) == []


@pytest.mark.parametrize(
    ("note", "mention", "status"),
    [
        # a two-way cue behind a comma or a joining word reads forward
        ("1. Inguinal hernia, not incarcerated.", "Inguinal hernia", "present"),
        ("1. Inguinal hernia, not incarcerated.", "incarcerated", "negated"),
        ("Fall with questionable loss of consciousness.", "Fall", "present"),
        ("Fall with questionable loss of consciousness.", "loss of consciousness", "uncertain"),
        ("Anemia from blood loss, would not require a transfusion.", "blood loss", "present"),
        ("Hypertension and likely sleep apnea.", "Hypertension", "present"),
        # ... but still reads back where nothing follows it, or with nothing between
        ("Bowel obstruction with ischemia most likely.", "Bowel obstruction", "uncertain"),
        ("Cecum not reached.", "Cecum", "negated"),
        ("Pneumonia likely.", "Pneumonia", "uncertain"),
        ("Appendicitis, ruled out.", "Appendicitis", "negated"),
    ],
)
def test_two_way_cue_reads_forward_past_a_comma_or_with(
    note: str, mention: str, status: str
) -> None:
    assert _status(note, mention) == status


def test_a_side_or_axis_after_a_comma_opens_an_item_a_denial_does_not_reach() -> None:
    listed = "History of migraine without aura, left ear sensorineural hearing loss and asthma."
    assert _status(listed, "aura") == "negated"
    assert _status(listed, "sensorineural hearing loss") == "present"
    assert _status("Exam: no lymphadenopathy, right inguinal hernia.", "inguinal hernia") == (
        "present"
    )
    assert _status("Migraine without aura, intractable.", "intractable") == "present"
    # a plain list still runs on
    assert _status("Heart regular without murmurs, rubs or gallops.", "gallops") == "negated"


def test_concern_and_guessed_causes_are_uncertain_a_started_drug_is_planned() -> None:
    assert _status("There is concern that he has a recurrent pneumonia.", "pneumonia") == (
        "uncertain"
    )
    assert _status("The rash may have been due to a viral infection.", "viral infection") == (
        "uncertain"
    )
    assert _status("The rash may have been due to a viral infection.", "rash") == "present"
    assert _status("She may have some early cataract formation.", "cataract") == "uncertain"
    assert _status("He might have had a small stroke.", "stroke") == "uncertain"
    assert _status("We will start the patient on insulin.", "insulin") == "hypothetical"


@pytest.mark.parametrize(
    ("note", "mention", "status"),
    [
        # doubt: the writer finds it unlikely, so it is not there
        ("I doubt that she has giant cell arteritis.", "giant cell arteritis", "negated"),
        ("It is doubtful that the rash is drug related.", "rash", "negated"),
        ("Pulmonary embolism is very unlikely.", "Pulmonary embolism", "negated"),
        ("Gout, doubt septic arthritis.", "septic arthritis", "negated"),
        ("Gout, doubt septic arthritis.", "Gout", "present"),
        # certainty, and doubt about an effect, are no doubt of the thing named
        ("There is no doubt that he has cellulitis.", "cellulitis", "present"),
        ("Her inhalers are unlikely to affect the fetus.", "inhalers", "present"),
    ],
)
def test_doubt_reads_as_not_there(note: str, mention: str, status: str) -> None:
    assert _status(note, mention) == status


@pytest.mark.parametrize(
    ("note", "mention", "status"),
    [
        ("The tonsils were removed. The adenoids were not removed.", "adenoids", "negated"),
        ("The ovaries were not excised.", "ovaries", "negated"),
        ("The adenoids were then removed with a curette.", "adenoids", "present"),
    ],
)
def test_a_part_left_undone_is_negated(note: str, mention: str, status: str) -> None:
    assert _status(note, mention) == status


def test_a_mention_works_out_its_status_when_first_read_even_after_the_note_is_let_go() -> None:
    from agentkit.coding.engine.text.phrases import PhraseSet

    note = "No biopsy was taken. A biopsy was taken from the antrum.\nPLAN: biopsy if it recurs."
    ps: PhraseSet[str] = PhraseSet()
    ps.add("biops*", "biopsy")
    doc = analyze(note)
    expected = [assertion_of(doc, m.start, m.end).status for m in doc.find(ps)]
    mentions = analyze(note).find(ps)  # the analysed note is held by its mentions only
    assert [m.status for m in mentions] == expected
    assert expected == ["negated", "present", "hypothetical"]
