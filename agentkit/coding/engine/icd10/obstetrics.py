"""Obstetric coding conventions (ICD-10-CM chapter 15, guideline I.C.15).

* A condition in a pregnant patient is coded to chapter 15 (a bladder infection in pregnancy is
  O23.1-, pre-existing hypertension O10.01-), with the trimester of the encounter.
* The trimester comes from the note ("second trimester", "at term") or from the weeks of gestation:
  less than 14 weeks is the first, 14 to 27 the second, 28 and later the third.
* A Z3A code gives the weeks of gestation with any pregnancy code (not with an abortive
  outcome, O00-O08).
* A delivery reports its outcome (Z37.0 single live birth, Z37.2 twins), and a delivery after
  40 completed weeks (40 weeks 1 day on) is post-term (O48.0; after 42 completed weeks,
  prolonged, O48.1); one
  before 37 completed weeks is preterm (O60.14X0 in the third trimester, O60.12X0 in the
  second), planned or after spontaneous labor.

* Premature rupture of membranes (O42) is full-term from 37 completed weeks, preterm (by
  trimester) before; a condition "complicating pregnancy" with a "complicating childbirth"
  sibling (Streptococcus B carrier O99.82-) takes the childbirth code at a delivery.

The chapter 15 code for each condition is looked up in the tabular list by its trimester
title, so only the condition-to-category table below is curated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agentkit.coding.engine.text.document import Document, assertion_of
from agentkit.coding.engine.text.phrases import PhraseMatch, PhraseSet

__all__ = ["Pregnancy", "in_pregnancy_target", "obstetric_adjustments", "pregnancy_facts"]

_WEEK_WORDS = frozenset({"week", "weeks", "wk", "wks"})
_CONTEXT = PhraseSet[int]()
for _i, _p in enumerate(
    (
        "gestation*",
        "pregnan*",
        "intrauterine pregnancy",
        "iup",
        "gravid*",
        "gestational age",
        "ega",
        "weeks pregnant",
        "g # p #",
        "trimester",
        # a labor and delivery story names no "pregnancy" but is about one
        "(primigravida|multigravida|primipara|multipara|nullipara|primip|multip)",
        "(g1|g2|g3|g4|g5|g6|g7|g8|g9|g10) ~2 (p0|p1|p2|p3|p4|p5|p6|p7|p8|p9|para)",
        # "G2P1 at 39 weeks" is one word
        "(g1p*|g2p*|g3p*|g4p*|g5p*|g6p*|g7p*|g8p*|g9p*|g10p*)",
        # the mother's labor before term ("preterm labor at 32 weeks"); a newborn's
        # prematurity is not here
        "(preterm|premature) (labor|contractions)",
        "(preterm|premature) (premature)? rupture of (the)? membranes",
        "pprom",
        "(spontaneous|artificial) rupture of (the)? membranes",
        "membranes ~2 (ruptured|were ruptured)",
        "(arom|srom)",
        "(early|active|spontaneous) labor",
        "placenta ~6 delivered",
        "delivery of the placenta",
    )
):
    _CONTEXT.add(_p, _i)
_DATING = PhraseSet[int]()
_DATING.add(
    "by (dates|lmp|last menstrual period|edc|edd|previous ultrasound|prior ultrasound|"
    "first trimester ultrasound|early ultrasound|(first|1st|early|dating) (ultrasound|sonogram))",
    0,
)
_DATING.add("(best|working) (obstetric|ob)? estimate", 0)
_TRIMESTER = PhraseSet[str]()
for _word, _name in (
    ("first", "first"),
    ("1st", "first"),
    ("second", "second"),
    ("2nd", "second"),
    ("third", "third"),
    ("3rd", "third"),
):
    _TRIMESTER.add(f"{_word} trimester", _name)
# a pregnancy "at term" (37 weeks or more) is in the third trimester
_TRIMESTER.add("(at|full) term", "third")
_TRIMESTER.add(
    "term (pregnancy|gestation|intrauterine|iup|infant|baby|neonate|male|female|delivery|labor)",
    "third",
)
_DELIVERY = PhraseSet[int]()
for _i, _p in enumerate(
    (
        "cesarean (section|delivery)?",
        "c section",
        "(spontaneous|normal|vaginal|operative|vacuum|forceps) ~3 delivery",
        "(infant|baby|neonate|newborn|male|female|fetus|twins) ~4 delivered",
        "(deliver|delivered|delivering) (a|the)? ~3 (infant|baby|male|female|twins)",
        "delivery of (a|the)? ~3 (infant|baby|male|female|fetus|twins|neonate|newborn)",
    )
):
    _DELIVERY.add(_p, _i)
# labor under way at this encounter: a vaginal birth, or a story of labor (in labor, pushing,
# augmentation, the cervix becoming complete, strong contractions); "found not to be in labor"
# is none
_VAGINAL = PhraseSet[int]()
_VAGINAL.add("(spontaneous|normal|vaginal|vacuum|forceps) ~3 delivery", 0)
_VAGINAL.add("(vaginal|vaginally) ~3 delivered", 0)
_LABOR = PhraseSet[int]()
for _i, _p in enumerate(
    (
        "in (early|active)? labor",
        "(early|active|spontaneous|latent) (phase)? (of)? labor",
        "(push|pushing|pushed)",
        "augment*",
        "(became|becoming|was|is) (complete|fully dilated|completely dilated)",
        "(complete|full) (cervical)? dilation",
        "(strong|stronger|regular|painful) contractions",
        "(second|first) stage (of)? labor",
        "labor (progressed|was augmented|continued)",
        "intrapartum",
    )
):
    _LABOR.add(_p, _i)
# an earlier birth told in the obstetric history ("she also had a full-term vaginal delivery
# in 2002") is not this note's delivery
_PAST_BIRTH = PhraseSet[int]()
for _i, _p in enumerate(
    (
        "(obstetric|obstetrical) history",
        "(history|previous|prior|past|last) ~4 (delivery|deliveries|pregnancy|pregnancies)",
        "(also had|has had|previously had|have had)",
        "(months|years|weeks) (status post|after|since|following) ~4 delivery",
        "(days|weeks|months|years) ago",
        "status post",
    )
):
    _PAST_BIRTH.add(_p, _i)
_LIVE = PhraseSet[int]()
for _i, _p in enumerate(
    (
        "live (born|birth|infant|male|female|baby)",
        "liveborn",
        "viable ~3 (male|female|infant|baby|neonate|newborn|girl|boy)",
        "(baby|newborn) (girl|boy)",
        "vigorous ~2 (male|female|infant|baby|neonate|newborn|girl|boy)",
        "apgar*",
    )
):
    _LIVE.add(_p, _i)
# a delivery is a live birth unless the note tells a stillbirth
_STILLBORN = PhraseSet[int]()
_STILLBORN.add("(stillborn|stillbirth|iufd|fetal demise|intrauterine fetal death)", 0)
_TWINS = PhraseSet[int]()
_TWINS.add("(twin|twins|twin a|twin b)", 0)
# the weeks told as a newborn's or child's age at birth ("Prematurity, 34 weeks' gestation, now
# 5 days old", "a 30-weeker in the NICU"): the child's record, which takes no Z3A code
_NEWBORN = PhraseSet[int]()
for _p in (
    "prematurity",
    "(premature|preterm) (infant|infants|baby|babies|newborn|neonate|male|female|boy|girl)",
    "(day|days|week|weeks|month|months) old",
    "(weeker|newborn|neonate|neonatal|nicu)",
    # a child's birth history ("BIRTH HX: 32 weeks gestation to a G4 mother", "He was
    # delivered at 36 weeks' gestation")
    "(mother|mother s|birth)",
    "(he|she|patient|child|baby) was delivered",
):
    _NEWBORN.add(_p, 0)

# conditions of a pregnant patient -> the chapter 15 subcategory whose trimester titles apply
_IN_PREGNANCY = {
    "N30.": "O23.1",  # cystitis -> infections of bladder in pregnancy
    "N39.0": "O23.4",  # urinary tract infection -> unspecified infection of urinary tract
    "N10": "O23.0",  # pyelonephritis -> infections of kidney in pregnancy
    "I10": "O10.01",  # pre-existing essential hypertension complicating pregnancy
    "E11.": "O24.11",  # pre-existing type 2 diabetes in pregnancy (E11 code kept)
    "D64.9": "O99.01",  # anemia complicating pregnancy
    "D25.": "O34.1",  # uterine fibroid -> maternal care for benign tumor of corpus uteri
    # infections of a pregnant patient: viral hepatitis O98.4-, anogenital herpes and other
    # sexually transmitted infections O98.3-, HIV disease O98.7- (each "use additional code"
    # for the infection, I.C.15.a.1; HIV in pregnancy I.C.1.a.2.f)
    "B15": "O98.41",
    "B16": "O98.41",
    "B17": "O98.41",
    "B18": "O98.41",
    "B19": "O98.41",
    "A60": "O98.31",
    "B20": "O98.71",
    # a digestive or respiratory disease of a pregnant patient (appendicitis, cholelithiasis,
    # asthma, pneumonia) is first the chapter 15 code, with the disease's own code after it
    # (I.C.15.a.1; O99.6-/O99.5- say "use additional code"); hemorrhoids and liver disorders
    # have their own pregnancy subcategories
    "K64": "O22.4",  # hemorrhoids in pregnancy
    "K7": "O26.61",  # liver and biliary tract disorders in pregnancy
    "K": "O99.61",  # diseases of the digestive system complicating pregnancy
    "J": "O99.51",  # diseases of the respiratory system complicating pregnancy
    # mental and nervous system conditions of a pregnant patient (O99.3-): smoking, alcohol and
    # drug use have their own subcategories; the condition's own code follows
    "F17": "O99.33",  # smoking (tobacco) complicating pregnancy
    "F10": "O99.31",  # alcohol use complicating pregnancy
    "F11": "O99.32",
    "F12": "O99.32",
    "F13": "O99.32",
    "F14": "O99.32",
    "F15": "O99.32",
    "F16": "O99.32",
    "F18": "O99.32",
    "F19": "O99.32",  # drug use complicating pregnancy
    "F": "O99.34",  # other mental disorders complicating pregnancy
    "G": "O99.35",  # diseases of the nervous system complicating pregnancy
}
# the chapter 15 codes that say "use additional code" for the condition
_KEEP_WITH = ("O24.11", "O99.61", "O99.51", "O26.61", "O99.3", "O98.41", "O98.31", "O98.71")
# conditions common outside pregnancy: mapped only when the pregnancy is the patient's own told
# now (an O code among the diagnoses, a delivery, or the weeks told outside a history section:
# a child's birth history tells its mother's pregnancy)
_OWN_PREGNANCY_ONLY = (
    "O22.4",
    "O26.61",
    "O99.61",
    "O99.51",
    "O99.31",
    "O99.32",
    "O99.33",
    "O99.34",
    "O99.35",
)
_HISTORY_KINDS = frozenset(
    {"history", "pmh", "psh", "family_history", "social_history", "ros", "medications"}
)


@dataclass(frozen=True)
class Pregnancy:
    weeks: int | None
    trimester: str | None  # first | second | third
    delivery: bool
    live_births: int  # 0 when the note does not say
    weeks_span: tuple[int, int] | None = None  # the sentence that gives the weeks
    delivery_span: tuple[int, int] | None = None  # the sentence that names the delivery
    days: int = 0  # days past the completed weeks ("40 weeks 3 days", "40-3/7")
    newborn: bool = False  # the weeks are a newborn's age at birth, not the mother's pregnancy
    fetus: int = 0  # the fetus of a multiple gestation the report is about (Twin B = 2), or 0
    weeks_section: str = ""  # the kind of section that gives the weeks ("hpi", "history" ...)
    labor: bool = False  # labor was under way at this encounter (a vaginal birth, "in labor")


def _delivery_sentence(doc: Document, kind: str) -> tuple[int, int] | None:
    """The sentence telling this encounter's delivery: in an operative note's story, or in a
    discharge summary's hospital course (the stay being told); an earlier birth is not it."""
    norms = doc.tokens.norms
    kinds = ("procedure", "body", "description", "postop_dx", "preop_dx", "findings")
    for s in doc.sentences:
        if kind in ("procedure", "other"):  # an untitled operative story is "other"
            if s.section_kind not in kinds:
                continue
        elif s.section_kind != "procedure" and not _is_course(doc, s.start):
            continue
        if _DELIVERY.find_all(norms, s.tok_lo, s.tok_hi) and not _PAST_BIRTH.find_all(
            norms, s.tok_lo, s.tok_hi
        ):
            return (s.start, s.end)
    return None


def _born_alive(doc: Document, span: tuple[int, int] | None) -> bool:
    """A delivery told as done is a live birth unless a stillbirth is told; one only told
    under way ('was undergoing a cesarean section', another surgeon's note) says nothing."""
    if span is None or _STILLBORN.find_all(doc.tokens.norms):
        return False
    sent = doc.sentence_at(span[0])
    if sent is None:
        return False
    t = doc.tokens
    for m in _DELIVERY.find_all(t.norms, sent.tok_lo, sent.tok_hi):
        told = assertion_of(doc, t.starts[m.start], t.ends[m.end - 1])
        if told.status == "present" or told.cue is None:  # a hospital course's past is this stay
            return True
    return False


def _is_course(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in a hospital course (what happened during this stay)."""
    return any(
        sec.start <= offset < sec.end and "course" in sec.heading.lower() for sec in doc.sections
    )


# the patient's own birth told in a developmental or birth history ("The patient was born
# fullterm, vaginally, after a normal pregnancy"): no pregnancy of the patient's
_OWN_BIRTH = PhraseSet[int]()
_OWN_BIRTH.add("(was|were) born", 0)
_OWN_BIRTH.add(
    "born (full term|fullterm|at term|term|premature*|preterm|prematurely|vaginally|via|by)", 0
)


def _own_birth_sentences(doc: Document) -> set[int]:
    t = doc.tokens
    out: set[int] = set()
    for m in _OWN_BIRTH.find_all(t.norms):
        sent = doc.sentence_at(t.starts[m.start])
        if sent is not None:
            out.add(sent.index)
    return out


def pregnancy_facts(doc: Document, kind: str) -> Pregnancy | None:
    """What the note says about a current pregnancy, or None when it is not about one."""
    norms = doc.tokens.norms
    born = _own_birth_sentences(doc)

    def outside_birth(m: PhraseMatch[Any]) -> bool:
        sent = doc.sentence_at(doc.tokens.starts[m.start])
        return sent is None or sent.index not in born

    context = [m for m in _CONTEXT.find_all(norms) if outside_birth(m)]
    present = [
        m
        for m in context
        if assertion_of(doc, doc.tokens.starts[m.start], doc.tokens.ends[m.end - 1]).status
        in ("present", "uncertain")
    ]
    if not present and (
        kind not in ("procedure", "other") or _delivery_sentence(doc, kind) is None
    ):
        return None  # an operation delivering an infant is about a pregnancy all the same
    weeks = None
    days = 0
    weeks_span = None
    dated = False
    for i in range(len(norms)):
        ga = _gestation_at(doc, i)
        if ga is None:
            continue
        sent = doc.sentence_at(doc.tokens.starts[i])
        if (
            4 <= ga[0] <= 45
            and sent is not None
            and _CONTEXT.find_all(norms, sent.tok_lo, sent.tok_hi)
        ):
            # the pregnancy's dating (by dates, LMP, EDC or an earlier ultrasound) outranks a
            # growth scan's estimate told before it ("gestational age by current ultrasound:
            # 33 weeks ... by dates: 35 weeks 5 days" is 35 weeks)
            by_dates = bool(_DATING.find_all(norms, sent.tok_lo, sent.tok_hi))
            if weeks is None or (by_dates and not dated):
                weeks, days = ga
                weeks_span = (sent.start, sent.end)
                dated = by_dates
            if dated:
                break
    trimester = None
    said = [m for m in _TRIMESTER.find_all(norms) if outside_birth(m)]
    if said:
        trimester = said[0].payload
    elif weeks is not None:
        trimester = "first" if weeks < 14 else "second" if weeks < 28 else "third"
    delivery_span = _delivery_sentence(doc, kind)
    delivery = delivery_span is not None
    live = 0
    if delivery and (_LIVE.find_all(norms) or _born_alive(doc, delivery_span)):
        live = 2 if _TWINS.find_all(norms) else 1
    newborn = False
    weeks_sent = doc.sentence_at(weeks_span[0]) if weeks_span is not None else None
    if weeks_sent is not None:
        newborn = bool(_NEWBORN.find_all(norms, weeks_sent.tok_lo, weeks_sent.tok_hi))
    fetus = 0 if delivery else _fetus_named(doc)
    weeks_section = weeks_sent.section_kind if weeks_sent is not None else ""
    labor = delivery and _in_labor(doc)
    return Pregnancy(
        weeks,
        trimester,
        delivery,
        live,
        weeks_span,
        delivery_span,
        days,
        newborn,
        fetus,
        weeks_section,
        labor,
    )


def _in_labor(doc: Document) -> bool:
    """Whether the note tells labor under way at this encounter (outside history sections)."""
    t = doc.tokens
    for pat in (_VAGINAL, _LABOR):
        for m in pat.find_all(t.norms):
            sent = doc.sentence_at(t.starts[m.start])
            if sent is not None and sent.section_kind in _HISTORY_KINDS:
                continue
            if assertion_of(doc, t.starts[m.start], t.ends[m.end - 1]).status == "present":
                return True
    return False


_FETUS_WORDS = frozenset({"twin", "triplet", "baby", "fetus"})
_FETUS_LETTERS = "ABCDEF"


def _fetus_named(doc: Document) -> int:
    """The fetus a multiple-gestation report is about: the first one it names by letter
    ("GENERAL EVALUATION: Twin B", "Twin A lies to the maternal left"), as 1 for A, 2 for B.
    The 7th character identifies the fetus a condition applies to (guideline I.C.15.a.2); a
    delivery's story tells each baby in turn, so it is not read there."""
    t = doc.tokens
    for i in range(len(t.norms) - 1):
        if t.norms[i] in _FETUS_WORDS:
            letter = doc.text[t.starts[i + 1] : t.ends[i + 1]]
            if len(letter) == 1 and letter in _FETUS_LETTERS:
                return _FETUS_LETTERS.index(letter) + 1
    return 0


_DAY_WORDS = frozenset({"day", "days", "d"})
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _small_number(word: str) -> int | None:
    if word.isdigit() and int(word) < 7:
        return int(word)
    return _NUMBER_WORDS.get(word)


def _gestation_at(doc: Document, i: int) -> tuple[int, int] | None:
    """Completed weeks and extra days written at token ``i``: "36 weeks", "39 plus weeks",
    "35-1/7", "38 and 2/7 weeks", "30 and 4/7th weeks", "39+3 (weeks)", "40 weeks 6 days",
    "38 weeks and three days", "38-1/2 weeks" (half a week: 3 days); the 7 of "2/7" is no
    week count."""
    norms, t = doc.tokens.norms, doc.tokens
    if not norms[i].isdigit():
        return None
    if i > 0 and "/" in doc.text[t.ends[i - 1] : t.starts[i]]:
        return None  # the 7 of "2/7"
    weeks = int(norms[i])
    nxt = norms[i + 1] if i + 1 < len(norms) else ""
    if nxt in _WEEK_WORDS:  # "40 weeks", "40 weeks 6 days", "40 weeks and three days"
        k = i + 2
        if k < len(norms) and norms[k] in ("and", "plus"):
            k += 1
        d = _small_number(norms[k]) if k + 1 < len(norms) else None
        if d is not None and norms[k + 1] in _DAY_WORDS:
            return weeks, d
        return weeks, 0
    if nxt == "plus" and i + 2 < len(norms) and norms[i + 2] in _WEEK_WORDS:
        return weeks, 0  # "39 plus weeks"
    k = i + 2 if nxt == "to" else i + 1
    if (
        k + 1 < len(norms)
        and norms[k].isdigit()
        and norms[k + 1] in _WEEK_WORDS
        and 0 < int(norms[k]) - weeks <= 2
        and (nxt == "to" or doc.text[t.ends[i] : t.starts[i + 1]].strip() == "-")
    ):
        return weeks, 0  # "8 to 9 weeks", "8-9 weeks": the weeks completed are the fewer
    j = i + 2 if nxt in ("and", "plus") else i + 1
    if j + 1 < len(norms) and norms[j].isdigit() and "/" in doc.text[t.ends[j] : t.starts[j + 1]]:
        num, den = int(norms[j]), norms[j + 1]
        if num < 7 and den in ("7", "7th", "7ths"):
            return weeks, num  # "40 and 3/7", "35-1/7"
        if num == 1 and den == "2" and j + 2 < len(norms) and norms[j + 2] in _WEEK_WORDS:
            return weeks, 3  # "38-1/2 weeks"
    half = tuple(norms[j : j + 3])
    if nxt == "and" and len(half) == 3 and half[:2] == ("a", "half") and half[2] in _WEEK_WORDS:
        return weeks, 3  # "38 and a half weeks"
    if (
        j < len(norms)
        and norms[j].isdigit()
        and int(norms[j]) < 7
        and "+" in doc.text[t.ends[i] : t.starts[j]]
    ):
        return weeks, int(norms[j])  # "39+3 weeks", "G1 at 39+2"
    return None


def _trimester_code(icd: Any, code: str, trimester: str | None, delivery: bool = False) -> str:
    """The sibling of ``code`` for ``trimester`` ('unspecified trimester' when unknown); at a
    delivery, the sibling 'complicating childbirth' when the category has one (O13.4)."""
    rec = icd.get(code)
    if rec is None:
        return code
    if "trimester" not in rec.description.lower():
        if delivery and rec.parent and rec.description.lower().endswith("complicating pregnancy"):
            for sib in icd.children(rec.parent):
                srec = icd.get(sib)
                if (
                    srec is not None
                    and srec.billable
                    and srec.description.lower().endswith("complicating childbirth")
                ):
                    return str(sib)  # O99.820 -> O99.824
        return code
    if delivery and rec.kind != "extension" and rec.parent:
        for sib in icd.children(rec.parent):
            srec = icd.get(sib)
            if srec is not None and srec.billable and "childbirth" in srec.description.lower():
                return str(sib)
    ext = ""
    base = rec
    if rec.kind == "extension":
        ext = code.replace(".", "")[-1]
        base = icd.get(rec.parent) if rec.parent else None
        if base is None:
            return code
    wanted = f"{trimester} trimester" if trimester else "unspecified trimester"
    parent = base.parent
    for sib in icd.children(parent) if parent else []:
        srec = icd.get(sib)
        if srec is not None and wanted in srec.description.lower():
            if ext:
                full = sib.replace(".", "")
                full = full + "X" * (6 - len(full)) + ext
                cand = f"{full[:3]}.{full[3:]}"
                return cand if icd.is_billable(cand) else code
            return sib if icd.is_billable(sib) else code
    return code


def _subcategory_code(
    icd: Any, sub: str, trimester: str | None, delivery: bool = False
) -> str | None:
    """The trimester code under ``sub``; at a delivery, the sibling subcategory 'complicating
    childbirth' when there is one (O10.01- -> O10.02, O99.01- -> O99.02, O24.11- -> O24.12)."""
    rec = icd.get(sub)
    if delivery and rec is not None and rec.parent:
        # the sibling subcategory (O99.02 beside O99.01-), or a child of the subcategory
        # itself (O99.354 under O99.35)
        for sib in [*icd.children(rec.parent), *icd.children(sub)]:
            srec = icd.get(sib)
            if srec is not None and srec.billable and "childbirth" in srec.description.lower():
                return str(sib)
    wanted = f"{trimester} trimester" if trimester else "unspecified trimester"
    for child in icd.children(sub):
        rec = icd.get(child)
        if rec is not None and wanted in rec.description.lower() and rec.billable:
            return str(child)
    return None


def in_pregnancy_target(code: str) -> str | None:
    """The chapter 15 subcategory a condition takes in a pregnant patient, if it has one."""
    return next((v for k, v in _IN_PREGNANCY.items() if code.startswith(k)), None)


def obstetric_adjustments(
    codes: list[str], icd: Any, facts: Pregnancy | None, sex: str
) -> tuple[list[str], dict[str, str]]:
    """The codes with chapter 15 conventions applied, and a note for each code added."""
    if facts is None or sex == "male":
        return codes, {}
    added: dict[str, str] = {}
    out: list[str] = []
    pregnancy_codes = [c for c in codes if c.startswith("O") and not c.startswith(("O0",))]
    for code in codes:
        if code.startswith("O42.") and facts.weeks is not None:
            code = _rupture_by_term(icd, code, facts)
        if code.startswith("O24.41") and facts.delivery:
            code = f"O24.42{code[-1]}"  # gestational diabetes in childbirth, same control
        if code.startswith("O36.83") and facts.labor:
            # a fetal heart rate abnormality in labor complicates labor and delivery (index:
            # Delivery, complicated by, fetal heart rate abnormality O76); O36.83- is maternal
            # care for it before labor (a cesarean for a tracing found before labor keeps it)
            if "O76" not in out:
                out.append("O76")
                added["O76"] = "fetal heart rate abnormality at the delivery"
            continue
        if code.startswith("O60.0") and facts.delivery:
            # preterm labor that ended in this delivery is preterm labor with preterm delivery
            pre = "O60.12X0" if facts.trimester == "second" else "O60.14X0"
            out.append(pre)
            added[pre] = "preterm labor with preterm delivery"
            continue
        if code.startswith("O"):
            new = _trimester_code(icd, code, facts.trimester, facts.delivery)
            if facts.fetus and len(new) == 8 and new.endswith("0"):
                fetal = new[:-1] + str(facts.fetus)
                if icd.is_billable(fetal):
                    new = fetal  # the fetus the report is about (I.C.15.a.2)
            if new != code:
                added[new] = f"trimester ({facts.trimester}) from the note"
            out.append(new)
            continue
        target = in_pregnancy_target(code)
        if target in _OWN_PREGNANCY_ONLY and not (
            pregnancy_codes
            or facts.delivery
            or (
                facts.weeks is not None
                and not facts.newborn
                and facts.weeks_section not in _HISTORY_KINDS
            )
        ):
            target = None
        if target is not None and (facts.weeks is not None or pregnancy_codes or facts.trimester):
            new_code = _subcategory_code(icd, target, facts.trimester, facts.delivery)
            if new_code is not None:
                added[new_code] = "condition complicating the pregnancy (chapter 15)"
                if new_code not in out:  # two nervous system conditions: one O99.35- code
                    out.append(new_code)
                if target.startswith(_KEEP_WITH):
                    out.append(code)
                pregnancy_codes.append(new_code)
                continue
        out.append(code)
    if facts.delivery and facts.weeks is not None and (facts.weeks, facts.days) > (40, 0):
        post = "O48.0" if (facts.weeks, facts.days) <= (42, 0) else "O48.1"
        if not any(c.startswith("O48") for c in out):
            out.append(post)
            added[post] = f"delivery at {facts.weeks} weeks {facts.days} days"
            pregnancy_codes.append(post)
    if (
        facts.delivery
        and facts.weeks is not None
        and 20 <= facts.weeks < 37
        and not any(c.startswith(("O60", "O0")) for c in out)
    ):
        # a delivery before 37 completed weeks, with or without spontaneous labor
        pre = "O60.14X0" if facts.weeks >= 28 else "O60.12X0"
        out.append(pre)
        added[pre] = f"preterm delivery at {facts.weeks} weeks"
        pregnancy_codes.append(pre)
    # the weeks of gestation of the current pregnancy, with a complication or at a routine or
    # screening encounter alike (Z34, Z36); never for a pregnancy with an abortive outcome
    # (O00-O08), an elective termination (Z33.2), nor on the newborn's record (I.C.21.c.11)
    if (
        facts.weeks is not None
        and (pregnancy_codes or not facts.newborn)
        and not any(c.startswith(("Z3A", "O0", "Z33.2")) for c in out)
    ):
        z = (
            "Z3A.01"
            if facts.weeks < 8
            else "Z3A.49"
            if facts.weeks > 42
            else f"Z3A.{facts.weeks:02d}"
        )
        if icd.is_billable(z):
            out.append(z)
            added[z] = f"{facts.weeks} weeks of gestation"
    if facts.delivery and facts.live_births and not any(c.startswith("Z37") for c in out):
        z = "Z37.0" if facts.live_births == 1 else "Z37.2"
        if any(c.startswith("O36.4") for c in out):
            z = "Z37.1" if facts.live_births == 1 else "Z37.3"  # a fetal demise is stillborn
        out.append(z)
        added[z] = "outcome of delivery"
    return out, added


def _rupture_by_term(icd: Any, code: str, facts: Pregnancy) -> str:
    """O42 by the weeks: full-term from 37 completed weeks (O42.02/.12/.92), preterm before
    (O42.01-/.11-/.91- by trimester)."""
    assert facts.weeks is not None
    sub = code[:5]  # O42.0 (labor within 24 h), O42.1 (after 24 h), O42.9 (not said)
    if sub not in ("O42.0", "O42.1", "O42.9"):
        return code
    if facts.weeks >= 37:
        cand = f"{sub}2"
    else:
        tri = {"first": "1", "second": "2", "third": "3"}.get(facts.trimester or "", "9")
        cand = f"{sub}1{tri}"
    return cand if icd.is_billable(cand) else code
