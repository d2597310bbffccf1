"""Turn the rules that fired into claim lines a coder would accept.

Order of work: (1) rule-level competition - a code supersedes the less specific codes it
names (snare polypectomy supersedes the diagnostic colonoscopy); (2) NCCI PTP edits from the
coding knowledge - a column-2 code is dropped unless its rule allows a distinct-site modifier
(59/X{EPSU}) and the note documents separate work; (3) add-on codes need a primary; (4) units
from counts, capped by MUE; (5) modifiers from laterality (RT/LT, 50 by the CMS bilateral
indicator) and rule conditions (52, 53, coronary vessels); (6) principal procedure first:
highest rule priority, then highest work RVU, add-ons after their primaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agentkit.coding.engine.cpt.knowledge_view import KnowledgeView
from agentkit.coding.engine.cpt.matcher import Hit, NoteFacts
from agentkit.coding.engine.cpt.ruleset import PERFORMANCE_SECTIONS
from agentkit.coding.engine.text.attributes import Side, sides, sides_summary, vocabulary
from agentkit.coding.engine.text.digits import digit_modifier, digit_table, digits_named
from agentkit.coding.engine.text.document import Document, Mention

__all__ = ["Line", "resolve"]

_DX_KINDS = ("postop_dx", "preop_dx", "diagnosis")
_STORY_KINDS = ("description", "technique")
_STORY_FAMILIES = frozenset({"ortho", "eye"})
_INDICATION_KINDS = ("indications", "history", "hpi")


@dataclass
class Line:
    """One claim line being built, with the reasons behind each choice."""

    code: str
    hit: Hit
    modifiers: list[str] = field(default_factory=list)
    units: int = 1
    side: str | None = None
    side_conflict: bool = False
    side_missing: bool = False
    bypassed: str | None = None  # column-1 code this line was kept next to with a modifier
    reasons: list[str] = field(default_factory=list)
    add_on: bool = False


def _clause_sides(doc: Document, mention: Mention[str]) -> list[Side]:
    """Sides said about this service in its sentence: "left orchiectomy, right orchiopexy"
    names a different side for each; the nearest side word before the service wins (else the
    nearest after), unless the sentence says bilateral."""
    found = sides(doc, mention.sentence.start, mention.sentence.end)
    if len({s.side for s in found}) <= 1:
        return found
    # a list of services names each one's side in its own clause: "right inguinal
    # exploration, left inguinal hernia repair, bilateral hydrocele repair"
    # (the clause of the trigger's last word: a loose phrase may reach back over a comma)
    head = doc.text[mention.sentence.start : mention.end]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    clause_start = mention.sentence.start + cut + 1 if cut >= 0 else mention.sentence.start
    in_clause = [s for s in found if clause_start <= s.start and s.end <= mention.end]
    if in_clause and cut >= 0:
        return in_clause
    # the first item of the list ("left hydrocelectomy, bilateral retrograde pyelograms"):
    # the side told before the service in its own clause, up to the next comma
    tail = doc.text[mention.end : mention.sentence.end]
    ends = [i for i in (tail.find(","), tail.find(";")) if i >= 0]
    if cut < 0 and ends:
        first = [s for s in found if s.end <= mention.start]
        if first and not any(
            s.start < mention.end + min(ends) and s.side != first[-1].side
            for s in found
            if s.start >= mention.end
        ):
            return [first[-1]]
    before = [s for s in found if s.end <= mention.start]
    # a side written right before the service names it, whatever another part of the
    # sentence says: "bilateral diagnostic mammogram and right breast ultrasound"
    if before:
        gap = doc.text[before[-1].end : mention.start]
        if len(gap.split()) <= 2 and not any(c in gap for c in ",;:"):
            return [before[-1]]
    if any(s.side == "bilateral" for s in found):
        return found
    if before:
        return [before[-1]]
    after = [s for s in found if s.start >= mention.end]
    return [after[0]] if after else found


def _own_sides(facts: NoteFacts, hit: Hit) -> list[Side]:
    """The sides said with the service: in its best mention's clause, and - when it is
    listed - in the clause of each other mention of the procedure list ("two views of the
    right knee and two views of the left knee")."""
    doc = facts.doc
    best = hit.mentions[0]
    own = _clause_sides(doc, best)
    if best.sentence.index in facts.titles:
        for m in hit.mentions[1:]:
            if m.sentence.index in facts.titles and m.start != best.start:
                own = own + _clause_sides(doc, m)
    return own


def _digit_modifier(facts: NoteFacts, code: str, hit: Hit, side: str) -> str | None:
    """FA-F9 / TA-T9 for a digit code when its own sentences (else the procedure list) name
    exactly one finger or toe; None keeps RT/LT."""
    table = digit_table()
    if code not in table.finger_codes and code not in table.toe_codes:
        return None
    doc = facts.doc
    # the service's own sentences: every one it is told in (a nail excised on the left great
    # toe and, in the next sentence, on the right great toe names two digits, not one)
    own = sorted({(m.sentence.start, m.sentence.end) for m in hit.mentions})
    spans = list(own)
    spans.append((-1, -1))  # marker: the procedure list is read only when the sentence names none
    spans.extend((doc.sentences[i].start, doc.sentences[i].end) for i in sorted(facts.titles))
    # a code done only on toes (or only on fingers) reads 'second digit' as one of them
    toe_only = code in table.toe_codes and code not in table.finger_codes
    finger_only = code in table.finger_codes and code not in table.toe_codes
    fingers: set[int] = set()
    toes: set[int] = set()
    for start, end in spans:
        if start < 0:
            if fingers or toes:
                break
            continue
        if not toe_only:
            fingers |= digits_named(doc, start, end, "finger")
        if not finger_only:
            toes |= digits_named(doc, start, end, "toe", foot_only=toe_only)
    return digit_modifier(code, side, fingers, toes)


def _digit_units(facts: NoteFacts, code: str, hit: Hit) -> int:
    """Units of an 'each toe' / 'each finger' code: the different digits its procedure-list
    items name ('Arthrodesis, right second, third, and fourth toes' and 'Hammertoe repair,
    right fifth toe' are four toes), else its own sentence; at least one. A code of both
    lists (nail services) counts nothing."""
    table = digit_table()
    toe = code in table.toe_codes
    if toe == (code in table.finger_codes):
        return 1
    kind = "toe" if toe else "finger"
    doc = facts.doc
    where = sorted({m.sentence.index for m in hit.mentions if m.sentence.index in facts.titles})
    if not where:
        where = [hit.mentions[0].sentence.index]
    named: set[int] = set()
    for i in where:
        s = doc.sentences[i]
        named |= digits_named(doc, s.start, s.end, kind, foot_only=toe)
    return max(1, len(named))


def _own_side(facts: NoteFacts, hit: Hit) -> str | None:
    return sides_summary(_own_sides(facts, hit))


def _side_of(facts: NoteFacts, hit: Hit) -> tuple[str | None, bool]:
    """The documented side of a sided procedure, and whether the note contradicts itself.
    The same service listed once for each side ("1. Right knee arthroscopy ... 2. Left knee
    arthroscopy ...") is bilateral."""
    doc = facts.doc
    levels: list[list[Side]] = []
    own = _own_sides(facts, hit)
    if _inherited_from_another_item(doc, hit.mentions[0], own):
        # "Left hydrocelectomy, cystopyelogram, bladder biopsy": the side heads another item
        # of the list; the narrative's own words for this service ("bilateral pyelograms
        # were obtained") come first
        told = [side for m in hit.mentions[1:] for side in _in_clause_sides(doc, m)]
        if sides_summary(told) not in (None, sides_summary(own)):
            levels.append(told)
    levels.append(own)
    title: list[Side] = []
    for i in sorted(facts.titles):
        s = doc.sentences[i]
        title.extend(sides(doc, s.start, s.end))
    # a title giving different services different sides ("bilateral mammogram, left breast
    # ultrasound and biopsy") gives this service the side of its own clause, if it names it
    if len({t.side for t in title}) > 1:
        title = []
        for m in hit.mentions:
            if m.sentence.index in facts.titles:
                title.extend(_clause_sides(doc, m))
    levels.append(title)
    dx: list[Side] = []
    # a visit's assessment is its diagnosis list ("Splinter of the left forearm, removed")
    dx_kinds = (*_DX_KINDS, "assessment") if facts.note_type == "visit" else _DX_KINDS
    for sec in doc.sections:
        if sec.kind in dx_kinds:
            dx.extend(sides(doc, sec.start, sec.end))
    levels.append(dx)
    body: list[Side] = []
    for m in hit.mentions[1:]:
        body.extend(sides(doc, m.sentence.start, m.sentence.end))
    levels.append(body)
    # last, for a limb, joint or eye operation: the operative narrative as a whole, when it names
    # one side only ("The left foot was prepped and draped") - a list and diagnoses that name no
    # side leave it to the story (elsewhere a side in the story may only place a lesion: "a mass
    # on the left torus" of the midline nasopharynx)
    story: list[Side] = []
    if hit.rule.family in _STORY_FAMILIES:
        for sec in doc.sections:
            if sec.kind in _STORY_KINDS:
                story.extend(s for s in sides(doc, sec.start, sec.end) if not _direction(doc, s))
    if sides_summary(story) in ("right", "left"):
        levels.append(story)
    elif hit.rule.family in _STORY_FAMILIES and facts.note_type != "visit":
        # a story that names no side ("Her leg was placed in a knee holder"): the operative
        # note's indication, when it names one side only ("a long history of right knee pain")
        why: list[Side] = []
        for sec in doc.sections:
            if sec.kind in _INDICATION_KINDS:
                why.extend(s for s in sides(doc, sec.start, sec.end) if not _direction(doc, s))
        if sides_summary(why) in ("right", "left"):
            levels.append(why)
    chosen: str | None = None
    for found in levels:
        summary = sides_summary(found)
        if summary is not None:
            chosen = summary
            break
    if chosen in (None, "right", "left"):
        # a repeat that names its second side makes bilateral only a service told of no side
        repeat = _repeated_on_the_other_side(facts)
        if repeat == "other_side" or (repeat is not None and chosen is None):
            return "bilateral", False
    if chosen is None:
        return None, False
    others = {sides_summary(f) for f in levels[:3]} - {None, chosen, "bilateral"}
    conflict = chosen != "bilateral" and bool(others)
    return chosen, conflict


def _clause_bounds(doc: Document, mention: Mention[str]) -> tuple[int, int]:
    """The clause of a mention inside its sentence: from the comma or semicolon before it to
    the one after it."""
    start, end = mention.sentence.start, mention.sentence.end
    head = doc.text[start : mention.start]
    cut = max(head.rfind(","), head.rfind(";"))
    tail = doc.text[mention.end : end]
    stops = [i for i in (tail.find(","), tail.find(";")) if i >= 0]
    return (start + cut + 1 if cut >= 0 else start), (mention.end + min(stops) if stops else end)


def _inherited_from_another_item(doc: Document, mention: Mention[str], found: list[Side]) -> bool:
    """Are all the sides said with a service written in an earlier item of its list, across
    a comma ("Left hydrocelectomy, cystopyelogram")?"""
    if not found:
        return False
    start, _ = _clause_bounds(doc, mention)
    return start > mention.sentence.start and all(s.end <= start for s in found)


def _in_clause_sides(doc: Document, mention: Mention[str]) -> list[Side]:
    """The sides written in a mention's own clause."""
    start, end = _clause_bounds(doc, mention)
    return sides(doc, start, end)


def _direction(doc: Document, side: Side) -> bool:
    """A direction in the field ("to the right of the limbus"), not the side operated on."""
    before = doc.lower[max(0, side.start - 7) : side.start]
    after = doc.lower[side.end : side.end + 4]
    return before.endswith("to the ") and after.startswith(" of")


def _repeated_on_the_other_side(facts: NoteFacts) -> str | None:
    """Does the narrative tell the operation done again on the second side? "other_side" when
    it says so in words that name no side ("the same procedure on the opposite side"),
    "other_side_named" when it names the second side ("... on the left"), else None."""
    memo = facts.doc.memo
    if "cpt.other_side" not in memo:
        repeat = vocabulary().other_side
        keys = {
            m.payload for m in facts.doc.find(repeat, _NARRATIVE_KINDS) if m.status == "present"
        }
        found = "other_side" if "other_side" in keys else next(iter(keys), None)
        memo["cpt.other_side"] = found
    value = memo["cpt.other_side"]
    return value if isinstance(value, str) else None


_NARRATIVE_KINDS = frozenset({"description", "body", "other", "technique", "procedure"})


def _mentioned(facts: NoteFacts, keys: tuple[str, ...], where: set[int] | None) -> bool:
    """Mentioned with a status its concept accepts (``status: any`` concepts take all)."""
    found = facts.mentions(keys)
    return any(where is None or m.sentence.index in where for m in found)


def _near_sentences(facts: NoteFacts, line: Line, when: tuple[tuple[str, ...], ...]) -> set[int]:
    """The sentence of the best evidence if it settles the condition, else all evidence."""
    best = {line.hit.mentions[0].sentence.index}
    if any(_mentioned(facts, group, best) for group in when):
        return best
    return {m.sentence.index for m in line.hit.mentions}


def _condition_met(
    facts: NoteFacts, groups: tuple[tuple[str, ...], ...], where: set[int] | None = None
) -> bool:
    return all(_mentioned(facts, group, where) for group in groups)


_DIAGNOSTIC_LAPAROSCOPY = "49320"


def _laparoscopy_is_part_of_the_operation(
    hits: list[Hit], superseded: dict[str, str], kv: KnowledgeView
) -> None:
    """A diagnostic laparoscopy is a CPT "separate procedure": any laparoscopic operation
    on the claim includes it, whichever family's rule reported the operation."""
    found = any(h.code == _DIAGNOSTIC_LAPAROSCOPY for h in hits)
    if not found or _DIAGNOSTIC_LAPAROSCOPY in superseded:
        return
    for h in hits:
        if (
            h.code != _DIAGNOSTIC_LAPAROSCOPY
            and h.code not in superseded
            and "laparoscop" in kv.description(h.code).lower()
        ):
            superseded[_DIAGNOSTIC_LAPAROSCOPY] = h.code
            return


# A diagnostic endoscopy done at the session of a major operation (90-day global) on the organs
# it looks at guides or checks that operation (the endoscope that guides an open gastrostomy,
# the cystoscopy of a prostate cryoablation, the sigmoidoscopy that guides the stapler of a
# colostomy takedown): the operation includes it. Diagnostic endoscopy -> the code range of
# the operations on its organs. (Airway endoscopies are left out: a bronchoscopy before a
# lung resection stages the disease and is reported.)
_SCOPE_IN_OPERATION = {
    "43191": ("43000", "43999"),  # rigid esophagoscopy: esophagus and stomach
    "43200": ("43000", "43999"),  # flexible esophagoscopy
    "43235": ("43000", "43999"),  # EGD
    "45300": ("44005", "45999"),  # rigid proctosigmoidoscopy: intestines, colon and rectum
    "45330": ("44005", "45999"),  # flexible sigmoidoscopy
    "45378": ("44005", "45999"),  # colonoscopy
    "46600": ("46020", "46999"),  # anoscopy: anus
    "52000": (
        "50010",
        "58999",
    ),  # cystourethroscopy: urinary, male genital and female pelvic organs
}


def _scope_is_part_of_the_operation(
    hits: list[Hit], superseded: dict[str, str], kv: KnowledgeView
) -> None:
    """A diagnostic endoscopy beside a major operation on its own organs is part of it."""
    for scope in hits:
        span = _SCOPE_IN_OPERATION.get(scope.code)
        if span is None or scope.code in superseded:
            continue
        for h in hits:
            entry = kv.entry(h.code)
            if (
                h.code != scope.code
                and h.code not in superseded
                and span[0] <= h.code <= span[1]
                and entry is not None
                and entry.global_days == "090"
            ):
                superseded[scope.code] = h.code
                break


# A transesophageal echocardiogram told in the note of a major operation (90-day global) is the
# intraoperative study of the anesthesiologist or cardiologist at the head of the table, not
# the surgeon's service.
_INTRAOPERATIVE_ECHO = frozenset(
    {"93312", "93313", "93314", "93315", "93316", "93317", "93318", "93355"}
)


# Bladder irrigation or instillation and the urinary catheter at a major operation or a
# delivery (dye or saline instilled to test the bladder at a cesarean or hysterectomy) are the
# standard care of the operation (NCCI policy manual, chapter I), never a line of their own.
_INTEGRAL_TO_MAJOR = frozenset({"51700", "51701", "51702", "51703"})


def _echo_is_another_doctors(
    hits: list[Hit], superseded: dict[str, str], kv: KnowledgeView
) -> None:
    """A TEE beside a major operation is left out (someone else's intraoperative study), and so
    is the bladder care that every major operation or delivery includes."""
    major = next(
        (
            h.code
            for h in hits
            if h.code not in superseded
            and "10004" <= h.code < "70000"
            and (entry := kv.entry(h.code)) is not None
            and entry.global_days in ("090", "MMM")
        ),
        None,
    )
    if major is None:
        return
    delivery = (entry := kv.entry(major)) is not None and entry.global_days == "MMM"
    for h in hits:
        if h.code in superseded:
            continue
        if (h.code in _INTRAOPERATIVE_ECHO and not delivery) or h.code in _INTEGRAL_TO_MAJOR:
            superseded[h.code] = major


# Casts and strapping (29000-29799): the first cast or splint at an operation on the bones,
# joints, muscles or tendons with a global period (10 or 90 days: a tenotomy, a fracture
# repair) is part of that restorative operation; cast after another kind of service (a
# chemodenervation or nerve destruction for spasticity) it is its own line.
_CAST_RANGE = ("29000", "29799")
_MUSCULOSKELETAL = ("20000", "28899")


def _cast_in_the_package(hits: list[Hit], superseded: dict[str, str], kv: KnowledgeView) -> None:
    """A cast beside a musculoskeletal operation with a 10- or 90-day global is part of it."""
    package = next(
        (
            h.code
            for h in hits
            if h.code not in superseded
            and _MUSCULOSKELETAL[0] <= h.code <= _MUSCULOSKELETAL[1]
            and _global_days(kv, h.code) in ("010", "090")
        ),
        None,
    )
    if package is None:
        return
    for h in hits:
        if h.code not in superseded and _CAST_RANGE[0] <= h.code <= _CAST_RANGE[1]:
            superseded[h.code] = package


_COVERS = {"right": frozenset({"right"}), "left": frozenset({"left"})}
_BOTH = frozenset({"right", "left"})


class _Sides:
    """The side of each sided hit, worked out once (None: not sided or not documented)."""

    def __init__(self, facts: NoteFacts) -> None:
        self.facts = facts
        self.done: dict[int, tuple[str | None, bool]] = {}
        self.own_done: dict[int, str | None] = {}

    def of(self, hit: Hit) -> tuple[str | None, bool]:
        key = id(hit)
        if key not in self.done:
            self.done[key] = _side_of(self.facts, hit) if hit.rule.sided else (None, False)
        return self.done[key]

    def covered(self, hit: Hit) -> frozenset[str]:
        """The sides a service covers; an unsided or side-less one covers both."""
        return _COVERS.get(self.of(hit)[0] or "", _BOTH)

    def own(self, hit: Hit) -> str | None:
        """The side written with the service itself (its clause, or its own line of the
        procedure list for each side), not one borrowed from the title or the diagnoses."""
        key = id(hit)
        if key not in self.own_done:
            self.own_done[key] = _own_side(self.facts, hit) if hit.rule.sided else None
        return self.own_done[key]


def _supersede(
    hits: list[Hit], by_code: dict[str, Hit], found: _Sides
) -> tuple[dict[str, str], dict[str, str]]:
    """Codes replaced by a more specific one (code -> replacing code), and the codes kept for
    the side no replacing code was done on (code -> that side): a right total knee
    arthroplasty does not include a left knee arthroscopy."""
    by: dict[str, list[Hit]] = {}
    for h in hits:
        for c in h.rule.supersedes:
            if c in by_code and c != h.code:
                by.setdefault(c, []).append(h)
    superseded: dict[str, str] = {}
    other_side: dict[str, str] = {}
    for code, winners in by.items():
        side = found.own(by_code[code])
        if side in ("right", "left", "bilateral"):
            mine = _BOTH if side == "bilateral" else _COVERS[side]
            rest = mine - frozenset().union(*(found.covered(w) for w in winners))
            if len(rest) == 1:
                other_side[code] = next(iter(rest))
                continue
        told = _told_on_another_side(found, by_code[code], winners)
        if told is not None:
            other_side[code] = told
            continue
        superseded[code] = winners[0].code
    return superseded, other_side


def _told_on_another_side(found: _Sides, hit: Hit, winners: list[Hit]) -> str | None:
    """A sided service the story tells again, in its own clause, on the side none of the
    more specific codes was done on: "retrograde injection of contrast" into the right ureter
    at a right ureteroscopy, and again into the left ureter - the left study keeps its line."""
    if not hit.rule.sided:
        return None
    done = frozenset().union(*(found.covered(w) for w in winners))
    if done == _BOTH:
        return None
    facts = found.facts
    for m in hit.mentions[1:]:
        if m.sentence.index in facts.titles:
            continue
        side = sides_summary(_clause_sides(facts.doc, m))
        if side in _COVERS and side not in done:
            return side
    return None


def _different_sides(found: _Sides, a: Line, b: Line, other_side: dict[str, str]) -> bool:
    """Two sided lines documented on opposite sides (an NCCI pair is bypassed by RT/LT)."""
    if not (a.hit.rule.sided and b.hit.rule.sided):
        return False
    sa = other_side.get(a.code) or found.own(a.hit)
    sb = other_side.get(b.code) or found.own(b.hit)
    return {sa, sb} == {"right", "left"}


def resolve(facts: NoteFacts, hits: list[Hit], kv: KnowledgeView) -> list[Line]:
    """Claim lines, principal procedure first."""
    by_code = {h.code: h for h in hits}
    found = _Sides(facts)
    # (1) most specific wins - on the same side
    superseded, other_side = _supersede(hits, by_code, found)
    _laparoscopy_is_part_of_the_operation(hits, superseded, kv)
    _scope_is_part_of_the_operation(hits, superseded, kv)
    _echo_is_another_doctors(hits, superseded, kv)
    _cast_in_the_package(hits, superseded, kv)
    lines = [Line(h.code, h) for h in hits if h.code not in superseded]
    rvu = {ln.code: kv.work_rvu(ln.code) for ln in lines}
    for ln in lines:
        ln.add_on = kv.is_add_on(ln.code) or bool(ln.hit.rule.addon_of)
    # (2) NCCI PTP: the higher-valued code of a bundled pair stays
    lines.sort(key=lambda ln: (-ln.hit.rule.priority, -rvu.get(ln.code, 0.0), ln.code))
    dropped: set[int] = set()
    for i, first in enumerate(lines):
        for j in range(i + 1, len(lines)):
            second = lines[j]
            if i in dropped or j in dropped:
                continue
            for col1, col2, k in ((first, second, j), (second, first, i)):
                indicator = kv.ptp_indicator(col1.code, col2.code)
                if indicator is None:
                    continue
                if indicator == 1 and _different_sides(found, col1, col2, other_side):
                    col2.reasons.append(f"on the other side from {col1.code} (NCCI pair, RT/LT)")
                elif indicator == 1 and col2.hit.rule.bypass:
                    bypass = col2.hit.rule.bypass
                    col2.bypassed = col1.code
                    if bypass not in col2.modifiers:
                        col2.modifiers.append(bypass)
                    col2.reasons.append(
                        f"{bypass}: separate lesion/site from {col1.code} (NCCI pair)"
                    )
                else:
                    dropped.add(k)
                break
    kept = [ln for k, ln in enumerate(lines) if k not in dropped]
    present = {ln.code for ln in kept}
    # (3) add-ons need a primary
    final: list[Line] = []
    for ln in kept:
        if ln.add_on:
            primaries = kv.addon_primaries(ln.code) or set(ln.hit.rule.addon_of)
            if primaries and not primaries & present:
                continue
        final.append(ln)
    # (4) units
    result: list[Line] = []
    for ln in final:
        rule = ln.hit.rule
        units = 1
        if rule.units == "count" and ln.hit.count is not None:
            units = ln.hit.count
        elif rule.units == "digits":
            units = _digit_units(facts, ln.code, ln.hit)
        elif rule.units.startswith("count_minus:") and ln.hit.count is not None:
            units = ln.hit.count - int(rule.units.split(":", 1)[1])
            if units < 1:
                continue  # e.g. an "each additional level" add-on with one level
        cap = kv.mue(ln.code)
        if cap is not None and cap > 0 and units > cap:
            ln.reasons.append(f"units capped at the MUE of {cap}")
            units = cap
        ln.units = max(1, units)
        if ln.units > 1:
            ln.reasons.append(f"{ln.units} units")
        result.append(ln)
    # (5) modifiers
    expanded: list[Line] = []
    for ln in result:
        rule = ln.hit.rule
        bundled = False
        for mod in rule.modifiers:
            where = _near_sentences(facts, ln, mod.when) if mod.near else None
            if mod.unless and _mentioned(facts, mod.unless, where):
                # billable beside that service only with the modifier, whose condition
                # fails: a diagnostic catheterization beside a PCI after an earlier study
                bundled = bundled or (mod.drop and _condition_met(facts, mod.when, where))
                continue
            if _condition_met(facts, mod.when, where) and mod.add not in ln.modifiers:
                ln.modifiers.append(mod.add)
                ln.reasons.append(f"modifier {mod.add}: documented")
        if bundled:
            continue
        if rule.sided:
            side, conflict = found.of(ln.hit)
            if ln.code in other_side:
                side, conflict = other_side[ln.code], False
                ln.reasons.append(f"kept for the {side} side: the more specific code is not")
            ln.side, ln.side_conflict = side, conflict
            if side is None:
                ln.side_missing = True
            elif side == "bilateral":
                bilateral = kv.bilateral_indicator(ln.code)
                if bilateral == "3" or (rule.units == "digits" and ln.units > 1):
                    # each side on its own line; an each-toe or each-finger code done on
                    # several digits of both feet or hands counts its digits on each side
                    # ("hammertoe repair, bilateral third and fourth toes": RT x2, LT x2)
                    left = Line(ln.code, ln.hit, [*ln.modifiers, "LT"], ln.units, "left")
                    left.reasons = [*ln.reasons, "each side reported on its own line"]
                    ln.modifiers.append("RT")
                    expanded.append(ln)
                    expanded.append(left)
                    continue
                if bilateral in (None, "1") and "50" not in ln.modifiers:
                    ln.modifiers.append("50")
                    ln.units = 1
                    ln.reasons.append("50: bilateral procedure, one line")
            else:
                digit = _digit_modifier(facts, ln.code, ln.hit, side)
                if digit is not None:
                    ln.modifiers.append(digit)
                    ln.reasons.append(f"{digit}: the one finger or toe the service names")
                else:
                    ln.modifiers.append("RT" if side == "right" else "LT")
            if conflict:
                ln.reasons.append("the note names different sides; check laterality")
        expanded.append(ln)
    expanded = _one_line_per_coronary_artery(facts, expanded)
    # (6) order: principal procedure first, add-ons after
    expanded.sort(key=lambda ln: (ln.add_on, -ln.hit.rule.priority, -_value(ln, rvu), ln.code))
    _major_first_on_a_tie(expanded, rvu, kv)
    return expanded


def _major_first_on_a_tie(lines: list[Line], rvu: dict[str, float], kv: KnowledgeView) -> None:
    """Two lines whose work is worth the same to within 1% (a bilateral endoscopic sinus code at
    150% against a septoplasty): the major operation with its 90-day package is the principal
    procedure, as its post-operative care makes it the more valuable service."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.add_on or b.add_on or a.hit.rule.priority != b.hit.rule.priority:
            continue
        va, vb = _value(a, rvu), _value(b, rvu)
        if not (va > 0 and vb >= 0.99 * va):
            continue
        if _global_days(kv, b.code) == "090" and _global_days(kv, a.code) in ("000", "010"):
            lines[i], lines[i + 1] = b, a


def _global_days(kv: KnowledgeView, code: str) -> str:
    entry = kv.entry(code)
    value = getattr(entry, "global_days", None) if entry is not None else None
    return str(value) if value is not None else ""


# Coronary intervention: CPT reports one base code for each major coronary artery treated
# (left main, LAD, circumflex, right, ramus), each with its vessel modifier; the add-on codes
# (92921, 92929 ...) are for further branches of an artery already coded.
_PCI_BASE = frozenset({"92920", "92928", "92933", "92941", "92943"})
_PCI_DONE = ("cardiology.pci_placed", "cardiology.pci")
_CORONARY_ARTERIES = {
    "cardiology.left_main": "LM",
    "cardiology.lad": "LD",
    "cardiology.lcx": "LC",
    "cardiology.rca": "RC",
    "cardiology.ramus": "RI",
}
_VESSEL_MODIFIERS = frozenset(_CORONARY_ARTERIES.values())


def _arteries_treated(
    facts: NoteFacts,
) -> list[tuple[str, list[Mention[str]], set[str], list[tuple[int, int, int]]]]:
    """Major coronary arteries named in the clause that tells a stent, angioplasty or PCI done
    there (in the procedure's own sections), in order of first mention, with the PCI mentions
    and the segments of the artery treated ('trunk' or a named branch: 'first diagonal', 'om2')
    with the clauses that told a branch (sentence, start, end).
    A list clause of arteries only angiogrammed ('angiography of the RCA, LAD, circumflex,
    angioplasty of the RCA') names just its own; the left main named beside another artery
    is where the guide sat, not a treated vessel. A clause naming the artery and its branch
    together ('stent in the LAD across the diagonal') is the artery alone."""
    text = facts.doc.text
    found: dict[str, tuple[int, list[Mention[str]], set[str], list[tuple[int, int, int]]]] = {}
    for done in facts.mentions(_PCI_DONE, PERFORMANCE_SECTIONS):
        sentence = done.sentence
        head = text[sentence.start : done.start]
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
        start = sentence.start + cut + 1 if cut >= 0 else sentence.start
        tail = text[done.end : sentence.end]
        stops = [i for i in (tail.find(","), tail.find(";")) if i >= 0]
        end = done.end + min(stops) if stops else sentence.end
        in_sentence = facts.in_sentence(tuple(_CORONARY_ARTERIES), sentence.index)
        # one step of a sequence told in one breath ("the diagonal was predilated ... and
        # thereafter a stent was deployed in the mid LAD") names its own vessel
        before = [m.end() for m in _NEXT_STEP.finditer(text, start, done.start)]
        after = [m.start() for m in _NEXT_STEP.finditer(text, done.end, end)]
        lo, hi = (before[-1] if before else start), (after[0] if after else end)
        if (lo, hi) != (start, end) and any(lo <= m.start and m.end <= hi for m in in_sentence):
            start, end = lo, hi
        in_clause = [m for m in in_sentence if start <= m.start and m.end <= end]
        # in the order the clause names them, so equal-position arteries keep a stable order
        named = list(
            dict.fromkeys(
                _CORONARY_ARTERIES[m.payload] for m in sorted(in_clause, key=lambda m: m.start)
            )
        )
        if len(named) > 1 and "LM" in named:
            named.remove("LM")
        branches = [
            b
            for b in facts.in_sentence((_CORONARY_BRANCH,), sentence.index)
            if start <= b.start and b.end <= end
        ]
        trunk = any(
            not any(b.start < m.end and m.start < b.end for b in branches) for m in in_clause
        )
        # a branch named only as a landmark, with no trunk word, adds no segment
        segments = (
            {"trunk"}
            if trunk or not branches or len(named) != 1
            else {_branch_name(text, b) for b in branches if _branch_is_target(text, done, b)}
        )
        for modifier in named:
            entry = found.setdefault(modifier, (done.start, [], set(), []))
            entry[1].append(done)
            entry[2].update(segments)
            if segments - {"trunk"}:
                entry[3].append((sentence.index, start, end))
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [(modifier, where, segs, told) for modifier, (_, where, segs, told) in ordered]


_CORONARY_BRANCH = "cardiology.coronary_branch"
# words that open the next step of a PCI told in one sentence
_NEXT_STEP = re.compile(
    r"\b(and then|and thereafter|and subsequently|thereafter|followed by|after which)\b", re.I
)
_ORDINALS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "1st": "1",
    "2nd": "2",
    "3rd": "3",
    "4th": "4",
}
# words that make a branch a landmark of the treated segment, not the vessel treated
# ('distal to the origin of the third diagonal', 'jailing the diagonal', 'a buddy wire in the OM')
_LANDMARK = re.compile(
    r"\b(origin|takeoff|take off|bifurcat\w*|jail\w*|across|buddy|wire|guidewire|prior|after|"
    r"before|beyond|between|cover\w*|overlap\w*|protect\w*|trifurcat\w*|distal to|"
    r"proximal to|adjacent|gives? rise|giving)\b"
)
_BRANCH_KIND = (
    ("diagonal", "diagonal", "d"),
    ("marginal", "obtuse marginal", "om"),
    ("descending", "posterior descending", "pda"),
    ("posterolateral", "posterolateral", "pl"),
    ("septal", "septal", ""),
)


def _branch_is_target(text: str, done: Mention[str], branch: Mention[str]) -> bool:
    """The branch is what the stent or balloon went to: close to the PCI words (ten words at
    most between them) with no landmark word between them or just before the branch."""
    lo, hi = (done.end, branch.start) if done.end <= branch.start else (branch.end, done.start)
    # (the words just before the branch within its own sentence)
    opening = max(branch.sentence.start, branch.start - 60)
    gap = text[lo:hi].lower() + " " + " ".join(text[opening : branch.start].lower().split()[-5:])
    return len(text[lo:hi].split()) <= 10 and not _LANDMARK.search(gap)


def _branch_name(text: str, branch: Mention[str]) -> str:
    """A branch by its kind and ordinal ('second obtuse marginal' = 'OM2'; 'PDA' = 'posterior
    descending'); an unnumbered name is the first of its kind."""
    name = text[branch.start : branch.end].lower()
    before = text[max(0, branch.start - 12) : branch.start].lower().split()
    ordinal = _ORDINALS.get(before[-1], "") if before else ""
    digits = "".join(ch for ch in name if ch.isdigit())
    for word, kind, abbrev in _BRANCH_KIND:
        if word in name or (abbrev and name.rstrip("0123456789") == abbrev):
            return f"{kind} {ordinal or digits or '1'}"
    return name


# the add-on for each further branch of an artery already coded, by the base code's kind
_BRANCH_ADDON = {"92933": "92934", "92943": "92944"}


def _one_line_per_coronary_artery(facts: NoteFacts, lines: list[Line]) -> list[Line]:
    """A PCI line told in two or more major coronary arteries becomes one base line per
    artery: the line's own code for the artery it was read from (or the first), a stent
    (92928) or balloon angioplasty (92920) code for each other artery by what was done there.
    Each further branch treated in an artery (the LAD and a diagonal, two obtuse marginals)
    adds one unit of the branch add-on with that artery's modifier: 92929 for a stent, 92921
    for balloon angioplasty alone."""
    pci = [ln for ln in lines if ln.code in _PCI_BASE]
    if len(pci) != 1:
        return lines
    arteries = _arteries_treated(facts)
    base = pci[0]
    own = [m for m in base.modifiers if m in _VESSEL_MODIFIERS]
    out = list(lines)
    if len(arteries) == 1 and not own:
        # the artery the PCI clause names, where the whole note named several
        base.modifiers.append(arteries[0][0])
        base.reasons.append(f"modifier {arteries[0][0]}: the artery treated")
    if len(arteries) >= 2:
        first = own[0] if own else arteries[0][0]
        if first not in {modifier for modifier, _, _, _ in arteries}:
            return lines
        base.modifiers = [m for m in base.modifiers if m not in _VESSEL_MODIFIERS] + [first]
        for modifier, where, _, _ in arteries:
            if modifier == first:
                continue
            stent = any(
                facts.in_sentence(("cardiology.stent_word",), m.sentence.index) for m in where
            )
            code = "92928" if stent or base.code != "92920" else "92920"
            extra = Line(code, base.hit, [modifier], 1)
            extra.reasons = [
                f"PCI of another major coronary artery ({modifier}): its own base code"
            ]
            out.append(extra)
    for modifier, _, segments, told in arteries:
        if len(segments) < 2 or modifier == "LM":
            continue
        # a stent told in the clause of the branch, not elsewhere in its sentence
        stent = any(
            start <= m.start and m.end <= end
            for index, start, end in told
            for m in facts.in_sentence(("cardiology.stent_word",), index)
        )
        # a stent add-on goes with a stent base code; a balloon-only base takes 92921
        code = _BRANCH_ADDON.get(base.code, "92929" if stent and base.code != "92920" else "92921")
        addon = Line(code, base.hit, [modifier], len(segments) - 1, add_on=True)
        addon.reasons = [
            f"PCI of {len(segments) - 1} further branch(es) of the {modifier} artery: add-on"
        ]
        out.append(addon)
    return out


def _value(line: Line, rvu: dict[str, float]) -> float:
    """The work a line is paid for: a bilateral surgical procedure (50) is valued at 150% of
    one side, so bilateral tubes outrank an adenoidectomy worth more than one ear. (Imaging is
    left at its work RVU: its value lies mostly in the technical component.)"""
    base = rvu.get(line.code, 0.0)
    surgical = line.code[:5].isdigit() and "10004" <= line.code < "70000"
    return base * 1.5 if surgical and "50" in line.modifiers else base
