"""Rule-based masking of HIPAA Safe Harbor identifiers in free text (``mask`` redaction).

Each identifier found is replaced by a typed tag (``[NAME]``, ``[DATE]``, ``[MRN]`` ...) so
that a masked note still reads as a note and can still be coded: codes never depend on who
the patient is. The rules look for the *shape* of an identifier (an e-mail, a phone number,
a date) or for the label that introduces it (``MRN:``, ``Patient:``, ``Dr.``). Names without
any such cue cannot be found by rules; that is why ``hash`` (no text at all) is the default
and ``mask`` is for teams that need readable traces and accept best-effort masking.

Years on their own are kept (Safe Harbor allows them); ages over 89 become ``[AGE 90+]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TAGS", "mask_text"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NAME_WORD = r"[A-Z][a-zA-Z'\-]+"
_NOT_NAME = (
    r"(?!(?:MRN|MR|DOB|DOS|SSN|Age|Sex|Date|Account|Acct|ID|Phone|Tel|Fax|Email|"
    r"Room|Bed)\b)"
)
_FULL_NAME = rf"{_NAME_WORD}(?:,? (?:[A-Z]\. ?)?{_NOT_NAME}{_NAME_WORD}){{0,3}}"
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof)"
_RELATIVE = (
    r"(?:mother|father|wife|husband|spouse|partner|son|daughter|sister|brother|"
    r"grandmother|grandfather|aunt|uncle|guardian|caregiver|friend|neighbor)"
)
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|"
    r"Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq)"
)
_STATE = (
    r"(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|"
    r"PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)"
)
_NO = r"(?: number| no\.?| #| id)"  # "MRN number", "policy no.", "account #"
_ID_VALUE = r"(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{4,}\b"  # an identifier with at least one digit
_PHONE = r"(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}\b"
_NAME_LABELS = (
    r"patient(?: name)?|pt(?: name)?|name|surgeon|co-?surgeon|assistant(?: surgeon)?|"
    r"attending(?: physician)?|anesthesiologist|anesthetist|CRNA|resident|fellow|"
    r"referring(?: physician| provider)?|primary care(?: physician| provider)?|PCP|physician|"
    r"provider|nurse|RN|scribe|interpreter|dictated by|signed by|electronically signed by|"
    r"transcribed by|cc|emergency contact|contact|next of kin|" + _RELATIVE[3:-1]
)
_CREDENTIAL = r"(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|N\.?P\.?|PA-C|CRNA|MBBS|DPM|DDS|PhD|FACS)"
_AGE_UNIT = r"(?:years?|yrs?|y/?o|months?|weeks?|days?)"

TAGS = (
    "NAME",
    "DATE",
    "AGE 90+",
    "MRN",
    "SSN",
    "PHONE",
    "FAX",
    "EMAIL",
    "ADDRESS",
    "ZIP",
    "URL",
    "IP",
    "ACCOUNT",
    "HEALTH PLAN",
    "LICENSE",
    "DEVICE",
    "VEHICLE",
)


@dataclass(frozen=True)
class _Rule:
    tag: str
    pattern: re.Pattern[str]
    keep_label: bool = False  # group "label" is kept, the rest of the match replaced


def _rule(tag: str, pattern: str, *, flags: int = 0) -> _Rule:
    return _Rule(tag, re.compile(pattern, flags), "(?P<label>" in pattern)


def _labelled(tag: str, labels: str, value: str, sep: str = r"[\s:#.]*") -> _Rule:
    """``<label><separator><value>``: the label stays, the value becomes the tag."""
    return _rule(tag, rf"(?P<label>(?i:\b(?:{labels})){sep}){value}")


# Order matters: specific shapes first, so that later, looser rules see tags, not digits.
_RULES: tuple[_Rule, ...] = (
    _rule("EMAIL", r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b"),
    _rule("URL", r"\b(?:https?://|www\.)[^\s<>\"']+"),
    _rule("IP", r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"),
    _rule("SSN", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])"),
    _labelled("SSN", rf"SSN|social security{_NO}?", r"\d{9}\b"),
    _labelled("FAX", r"fax", _PHONE),
    _rule("PHONE", r"(?<![\w/])(?:\+?1[\s.\-]?)?\(\d{3}\)\s?\d{3}[\s.\-]\d{4}\b"),
    _rule("PHONE", r"(?<![\w/.\-])(?:\+?1[\s.\-])?\d{3}[.\-]\d{3}[.\-]\d{4}\b"),
    _labelled(
        "MRN",
        rf"MRN|MR#|medical record{_NO}?|chart{_NO}|patient id|pt id|record{_NO}",
        r"[A-Z0-9][A-Z0-9\-]{3,}\b",
    ),
    _labelled(
        "HEALTH PLAN",
        rf"member{_NO}|policy{_NO}?|insurance id|subscriber id|group{_NO}|"
        rf"medicare{_NO}?|medicaid{_NO}?|beneficiary id|MBI|HICN",
        r"[A-Z0-9][A-Z0-9\-]{4,}\b",
    ),
    _labelled("ACCOUNT", rf"(?:account|acct|encounter|visit|FIN|CSN|billing){_NO}?", _ID_VALUE),
    _labelled("LICENSE", rf"(?:license|licence|DEA|NPI|certificate|lic){_NO}?", _ID_VALUE),
    _labelled("VEHICLE", rf"VIN|license plate|plate{_NO}", r"[A-Z0-9\-]{5,17}\b"),
    _labelled(
        "DEVICE",
        rf"serial{_NO}?|S/N|device id|UDI|lot{_NO}",
        r"(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-()]{3,}",
    ),
    # dates: every element except the year alone
    _rule(
        "DATE",
        r"\b\d{4}-\d{1,2}-\d{1,2}"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?\b",
    ),
    _rule("DATE", r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])"),
    _rule("DATE", r"(?<![\d\-])\d{1,2}-\d{1,2}-\d{2,4}(?![\d\-])"),
    _rule("DATE", r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])"),
    _rule("DATE", rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"),
    _rule("DATE", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b"),
    _rule("DATE", rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:mg|mcg|ml|units?|%))"),
    _rule("DATE", rf"\b{_MONTH}\.?,?\s+\d{{4}}\b"),
    _labelled(
        "DATE",
        r"DOB|D\.O\.B\.|date of birth|birth ?date|born(?: on)?|date of death|"
        r"died on|admitted on|discharged on|admission date|discharge date",
        r"\d[\d/.\-]{5,9}\d",
    ),
    _rule(
        "AGE 90+",
        r"\b(?:9\d|1[0-2]\d)(?:[\s\-]+|\s*)(?:years?|yrs?|y/?o)\b(?:[\s\-]+old)?",
        flags=re.I,
    ),
    _labelled("AGE 90+", r"aged|age:|age of", r"(?:9\d|1[0-2]\d)\b", sep=r"\s*"),
    # addresses
    _rule(
        "ADDRESS",
        rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-zA-Z]+\s+){{1,4}}{_STREET}\b\.?"
        r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[A-Za-z0-9\-]+)?",
    ),
    _rule("ADDRESS", r"\b(?i:P\.?\s?O\.?\s+Box)\s+\d+\b"),
    _rule(
        "ADDRESS",
        rf"\b(?:[A-Z][a-zA-Z]+\s){{0,2}}[A-Z][a-zA-Z]+,\s+{_STATE}\s+"
        r"\d{5}(?:-\d{4})?\b",
    ),
    _labelled("ZIP", r"zip|zip code|postal code", r"\d{5}(?:-\d{4})?\b"),
    # names: introduced by a title, a role label, a relation; followed by a credential or age
    _rule(
        "NAME",
        rf"(?P<label>\b{_TITLE}\.?\s+){_NAME_WORD}(?:\s+{_NAME_WORD})?"
        r"(?:\s+(?:Jr|Sr|II|III|IV)\.?)?",
    ),
    _labelled("NAME", _NAME_LABELS, _FULL_NAME, sep=rf"\s*[:\-]\s*(?:{_TITLE}\.?\s+)?"),
    _rule("NAME", rf"\b{_NAME_WORD}(?: (?:[A-Z]\. ?)?{_NAME_WORD}){{1,2}}(?=,? {_CREDENTIAL}\b)"),
    _rule(
        "NAME",
        r"(?P<label>(?:\b(?i:patient|pt)\.? )?)"
        r"\b(?!The\b|This\b|Patient\b|Pt\b|She\b|He\b)"
        rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}(?= (?:is|was) an? \d{{1,3}}[\s\-]*"
        rf"{_AGE_UNIT}\b)",
    ),
    _rule(
        "NAME",
        rf"(?P<label>\b(?i:{_RELATIVE}(?: of)?|seen (?:with|by)|accompanied by|per|"
        rf"discussed with|spoke with|called)\s+(?:{_TITLE}\.?\s+)?)"
        r"(?!The\b|This\b|That\b|His\b|Her\b|Their\b|Patient\b|Pt\b|[A-Z]{2,}\b)"
        rf"(?!{_TITLE}\b){_NAME_WORD}(?: {_NAME_WORD})?(?=[\s,.;:)]|$)",
    ),
)


def _replacer(rule: _Rule) -> Callable[[re.Match[str]], str]:
    tag = f"[{rule.tag}]"

    def replace(match: re.Match[str]) -> str:
        if rule.keep_label:
            return (match.group("label") or "") + tag
        return tag

    return replace


_COMPILED = tuple((rule.pattern, _replacer(rule)) for rule in _RULES)


@lru_cache(maxsize=256)
def mask_text(text: str) -> str:
    """``text`` with every Safe Harbor identifier the rules recognise replaced by a tag.

    Cached: the rendered system prompt is the same long text on every call of a spec.
    """
    for pattern, replace in _COMPILED:
        text = pattern.sub(replace, text)
    return text
