"""The Safe Harbor masker: identifiers become typed tags, clinical text and codes stay."""

from __future__ import annotations

import pytest

from agentkit.trace.phi import mask_text

# All identifiers below are invented for this test.
CASES = [
    ("Patient: Walter Brennick", "Patient: [NAME]"),
    ("Seen by Dr. Alma Okafor today.", "Seen by Dr. [NAME] today."),
    ("Signed: Priya Castellanos, MD", "Signed: [NAME], MD"),
    ("MRN: A4471902", "MRN: [MRN]"),
    ("DOB: 02/29/1960", "DOB: [DATE]"),
    ("Surgery on March 3, 2024 went well.", "Surgery on [DATE] went well."),
    ("Admitted 2024-11-02T08:15.", "Admitted [DATE]."),
    ("Call (617) 555-0123 or 617-555-0199.", "Call [PHONE] or [PHONE]."),
    ("Fax: 617.555.0100", "Fax: [FAX]"),
    ("Mail wbrennick@example.net", "Mail [EMAIL]"),
    ("Lives at 22 Juniper Lane, Apt 4, Salem, MA 01970.", "Lives at [ADDRESS], [ADDRESS]."),
    ("SSN 078-05-1120", "SSN [SSN]"),
    ("Portal https://chart.example.com/p/77 from 10.0.0.12", "Portal [URL] from [IP]"),
    ("Member ID: QX7782201", "Member ID: [HEALTH PLAN]"),
    ("Account #: 88211934", "Account #: [ACCOUNT]"),
    ("A 94-year-old man.", "A [AGE 90+] man."),
    ("Her daughter Mabel will drive.", "Her daughter [NAME] will drive."),
    ("Pacemaker serial number: PX-44719", "Pacemaker serial number: [DEVICE]"),
]

CLINICAL = [
    "Laparoscopic cholecystectomy (47562) with cholangiography 74300.",
    "Diagnoses: K80.20, E11.9, Z12.11. Modifiers 59, RT, XS.",
    "BP 132/84, HR 72, lidocaine 1% 10 mL, 3 polyps of 5 mm at 30 cm.",
    "A 63-year-old woman with May-Thurner syndrome; follow up in 2 weeks.",
    "Procedure began at 10:42 and ended at 11:30; EBL 20 mL.",
    "The patient tolerated the procedure well.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_identifiers_are_tagged(text: str, expected: str) -> None:
    assert mask_text(text) == expected


@pytest.mark.parametrize("text", CLINICAL)
def test_clinical_text_and_codes_are_untouched(text: str) -> None:
    assert mask_text(text) == text


def test_years_alone_are_kept() -> None:
    assert mask_text("History of appendectomy in 1998.") == "History of appendectomy in 1998."
