"""ICD-10-CM guideline rules as data: combination codes and symptoms integral to a diagnosis.

``data/guidelines.yaml`` says, for example, that hypertension with chronic kidney disease is
I12.9 plus the N18 code (the causal link is presumed), that gallstones with acute cholecystitis
is the single combination code K80.00, and that abdominal pain is not coded with appendicitis.
This module loads those rules (errors name the file and line) and applies them to a list of
codes; it knows nothing about any particular code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from agentkit.coding.engine.text.phrases import PhraseSet, PhraseSyntaxError
from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = [
    "GUIDELINES_FILE",
    "Combination",
    "ConditionSite",
    "Guidelines",
    "HistoryRule",
    "IntegralRule",
    "NotDiagnoses",
    "Pattern",
    "ProcedureComorbidities",
    "ProcedureCondition",
    "ProcedureReason",
    "guidelines",
    "load_guidelines",
]

GUIDELINES_FILE = Path(__file__).resolve().parent / "data" / "guidelines.yaml"


@dataclass(frozen=True)
class Pattern:
    """``I10``, ``N18.*`` or ``N18.5|N18.6``: which codes a rule is about."""

    alternatives: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        return cls(tuple(a.strip().upper() for a in str(text).split("|") if a.strip()))

    def matches(self, code: str) -> bool:
        code = code.upper()
        exact, prefixes = self._parts
        return code in exact or (bool(prefixes) and code.startswith(prefixes))

    def first(self, codes: Iterable[str]) -> str | None:
        """The first of ``codes`` the pattern matches (the combination rules test each of a
        note's codes against ~150 patterns: one call per pattern, not one per code)."""
        exact, prefixes = self._parts
        for code in codes:
            up = code.upper()
            if up in exact or (prefixes and up.startswith(prefixes)):
                return code
        return None

    @cached_property
    def _parts(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """(exact codes, prefixes): the rules test thousands of codes against a pattern."""
        alts = self.alternatives
        return (
            frozenset(a for a in alts if not a.endswith("*")),
            tuple(a[:-1] for a in alts if a.endswith("*")),
        )

    def codes(self) -> list[str]:
        """The exact codes named (not prefixes), for the billable-code test."""
        return [a for a in self.alternatives if not a.endswith("*")]


class PatternIndex:
    """Which of many groups of patterns a code matches, by dictionary look-ups (its exact
    codes, then its prefixes of the lengths the patterns use): a note's codes are tested
    against every combination and integral rule."""

    __slots__ = ("_exact", "_lengths", "_prefixes")

    def __init__(self, groups: Iterable[Iterable[Pattern]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._prefixes: dict[str, set[int]] = {}
        for i, patterns in enumerate(groups):
            for pattern in patterns:
                exact, prefixes = pattern._parts
                for code in exact:
                    self._exact.setdefault(code, set()).add(i)
                for prefix in prefixes:
                    self._prefixes.setdefault(prefix, set()).add(i)
        self._lengths = sorted({len(p) for p in self._prefixes})

    def hits(self, code: str) -> set[int]:
        """The groups (indexes) with a pattern that matches ``code`` (see Pattern.matches)."""
        code = code.upper()
        found = set(self._exact.get(code, ()))
        for n in self._lengths:
            if n > len(code):
                break
            more = self._prefixes.get(code[:n])
            if more:
                found |= more
        return found


@dataclass(frozen=True)
class Combination:
    name: str
    when: tuple[Pattern, ...]
    note: PhraseSet[int] | None
    replace: dict[str, str]
    drop: tuple[Pattern, ...]
    add: tuple[str, ...]
    source: str
    # a `note` mention inside one of these phrases does not count ("insulin sliding scale"
    # in a hospital is no long-term insulin)
    unless: PhraseSet[int] | None = None
    # the rule stands down when one of these codes is coded: the condition it would link is
    # already another's ("herniated disc with myelopathy" owns the myelopathy the
    # spondylosis rule would take)
    absent: tuple[Pattern, ...] = ()
    # the rule stands down when the note documents one of these ("nonobstructive coronary
    # disease": the angina is not presumed to be its)
    not_if_note: PhraseSet[int] | None = None
    # `note` phrases also count in the story a HISTORY or HPI section tells ("a history of
    # back pain radiating into the left leg" before a discectomy is the present illness)
    story: bool = False
    # the rule never fires in an imaging report: the link is the treating clinician's
    # diagnosis (a radiculopathy), not what a radiologist sees (a disc touching a root) nor the
    # history the study was asked for
    not_in_reports: bool = False


@dataclass(frozen=True)
class IntegralRule:
    symptoms: tuple[Pattern, ...]
    of: tuple[Pattern, ...]


@dataclass(frozen=True)
class HistoryRule:
    """A diagnosis that is documented as past ("history of", "status post") is reported with
    its personal-history or status code (guideline I.C.21.c.4): breast cancer C50 -> Z85.3."""

    of: tuple[Pattern, ...]
    code: str


@dataclass(frozen=True)
class ProcedureReason:
    """A service that is itself the reason for the encounter (a routine circumcision is
    Z41.2, a sterilization Z30.2): coded when the note states no diagnosis at all."""

    phrases: PhraseSet[int]
    code: str
    # the operation told only in the narrative of a note with no title or procedure list
    # ("Falope rings were placed on each fallopian tube"): read anywhere in the note
    narrative: PhraseSet[int] = field(default_factory=PhraseSet)
    # the code for the side the procedure's own line names ("right carotid endarterectomy")
    sides: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ConditionSite:
    """A site that gives a procedure condition another code ("adhesions to the tubes" are
    female pelvic adhesions N73.6); ``sex``: only for a patient of that sex (told by the
    caller or read from the note); ``unless_sex``: not for a patient of that sex (organs only
    one sex has tell it themselves)."""

    when: PhraseSet[int]
    code: str
    sex: str = ""
    unless_sex: str = ""


@dataclass(frozen=True)
class ProcedureCondition:
    """A condition an operation treats that a coder takes from its procedure list when the
    diagnoses code none of it (adhesions lysed at an abdominal operation are K66.0).

    ``procedure``: the treatment as the list tells it; ``coded``: the condition's codes (one
    already coded, nothing is added); ``not_with``: words of the procedure list that put the
    operation outside the condition's site (a thoracotomy, a cesarean); ``told``: the words
    that tell the condition itself in the narrative, where its site is read when the listed
    item names none; ``sites``: the sites that make it another code."""

    procedure: PhraseSet[int]
    code: str
    coded: tuple[Pattern, ...]
    not_with: PhraseSet[int]
    told: PhraseSet[int]
    sites: tuple[ConditionSite, ...] = ()


@dataclass(frozen=True)
class ProcedureComorbidities:
    """Systemic chronic conditions a procedure note's indication or history tells of its
    patient, coded beside the postoperative diagnosis: ``codes`` read (curated) in the
    ``sections``, and ``patient_words`` that call the patient by the condition ("a 60-year-old
    diabetic male") for ``patient_code``."""

    codes: tuple[Pattern, ...]
    sections: frozenset[str]
    patient_words: PhraseSet[int]
    patient_code: str


@dataclass(frozen=True)
class NotDiagnoses:
    """Cues around which a named condition is not the patient's diagnosis: a risk explained
    before a procedure ("risks including bleeding, infection, DVT"), a prophylaxis ("DVT
    prophylaxis"), a condition that might come ("if he develops shortness of breath or
    wheezing"), a differential ("polymyositis needs to be considered in the differential").
    ``after``: mentions after the cue in one statement; ``before``: mentions before the cue
    in one statement; ``near``: mentions within three words of the cue; a cue overlapping an
    ``unless`` phrase ("risk factors") is no cue. Unlike an assertion cue, these reach
    across the commas of a list."""

    after: PhraseSet[int]
    near: PhraseSet[int]
    unless: PhraseSet[int]
    before: PhraseSet[int] = field(default_factory=PhraseSet)
    # the statement last scanned, with its ``unless`` spans and ``after`` / ``before`` cues:
    # every mention of one statement asks about the same statement
    _last: list[tuple[Sequence[str], int, int, list[tuple[int, int]], list[Any], list[Any]]] = (
        field(default_factory=list, compare=False, repr=False)
    )

    def _statement_cues(
        self, norms: Sequence[str], lo: int, hi: int
    ) -> tuple[list[tuple[int, int]], list[Any], list[Any]]:
        last = self._last[-1] if self._last else None
        if last is not None and last[0] is norms and last[1] == lo and last[2] == hi:
            return last[3], last[4], last[5]
        keep = [(u.start, u.end) for u in self.unless.find_all(norms, lo, hi)]
        after = self.after.find_all(norms, lo, hi)
        before = self.before.find_all(norms, lo, hi)
        self._last[:] = [(norms, lo, hi, keep, after, before)]
        return keep, after, before

    def excluded(self, norms: Sequence[str], lo: int, hi: int, m_start: int, m_end: int) -> bool:
        """Whether the mention ``[m_start, m_end)`` of the statement ``[lo, hi)`` is only a
        risk, a prophylaxis, a possibility or a differential."""
        keep, after, before = self._statement_cues(norms, lo, hi)

        def cue(c_start: int, c_end: int) -> bool:
            return not any(a < c_end and c_start < b for a, b in keep)

        for c in after:
            if c.end <= m_start and cue(c.start, c.end):
                return True
        for c in before:
            if c.start >= m_end and cue(c.start, c.end):
                return True
        for c in self.near.find_all(norms, max(lo, m_start - 3), min(hi, m_end + 3)):
            if (c.end <= m_start or c.start >= m_end) and cue(c.start, c.end):
                return True
        return False


@dataclass(frozen=True)
class Guidelines:
    combinations: tuple[Combination, ...]
    integral: tuple[IntegralRule, ...]
    history: tuple[HistoryRule, ...] = ()
    reasons: tuple[Pattern, ...] = ()
    procedure_reasons: tuple[ProcedureReason, ...] = ()
    not_diagnoses: NotDiagnoses | None = None
    status_anywhere: tuple[Pattern, ...] = ()
    chronic: tuple[Pattern, ...] = ()
    # conditions a scope shows and a coder reports from a procedure note's findings next to
    # its postoperative diagnosis (diverticulosis, hemorrhoids, hiatal hernia at a colonoscopy
    # or EGD done for something else)
    procedure_findings: tuple[Pattern, ...] = ()
    # lesions a note may tell several of at different sites (polyps, fibroids, cysts,
    # tumors): another mention's site or side is another lesion's, not this one's
    countable: tuple[Pattern, ...] = ()
    # conditions a test shows (infections, metastases, carrier states) and the words that tell
    # the test negative after the condition's name ("HIV 1 titer was negative", "HSV and CMV
    # cultures were negative", "a metastatic workup, which was negative")
    negative_results: tuple[Pattern, ...] = ()
    negative_cues: PhraseSet[int] = field(default_factory=PhraseSet)
    # conditions an operation treats, told only in its procedure list (adhesions lysed)
    procedure_conditions: tuple[ProcedureCondition, ...] = ()
    # the words that tell the patient's sex when the caller does not (a site code for one sex)
    female_words: PhraseSet[int] = field(default_factory=PhraseSet)
    male_words: PhraseSet[int] = field(default_factory=PhraseSet)
    procedure_comorbidities: ProcedureComorbidities | None = None

    _memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    def _cached(self, kind: str, code: str, compute: Callable[[], Any]) -> Any:
        # the same codes are asked about for every note: answer each once per process
        key = (kind, code)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def is_status_anywhere(self, code: str) -> bool:
        """A status code (device, transplant, ostomy, dialysis, long-term drug) that is
        reported wherever the note documents it, history and medication list included."""
        found: bool = self._cached(
            "status", code, lambda: any(p.matches(code) for p in self.status_anywhere)
        )
        return found

    def is_chronic(self, code: str) -> bool:
        """A lifelong condition ("history of hypertension" in an assessment is hypertension
        now; a comorbidity told in a procedure's indication is reported with it)."""
        found: bool = self._cached(
            "chronic", code, lambda: any(p.matches(code) for p in self.chronic)
        )
        return found

    def history_code(self, code: str) -> str | None:
        """The history or status code for a past ``code`` (None: a past X is not coded)."""

        def compute() -> str | None:
            for rule in self.history:
                if any(p.matches(code) for p in rule.of):
                    return rule.code
            return None

        found: str | None = self._cached("history", code, compute)
        return found

    def is_tested_for(self, code: str) -> bool:
        """A condition a test shows, so that "X was negative" after it denies it."""
        found: bool = self._cached(
            "tested", code, lambda: any(p.matches(code) for p in self.negative_results)
        )
        return found

    def is_reason(self, code: str) -> bool:
        """A sign, symptom or abnormal finding that stays reportable as the reason for a
        procedure when the postoperative diagnosis does not explain it."""
        found: bool = self._cached(
            "reason", code, lambda: any(p.matches(code) for p in self.reasons)
        )
        return found

    def is_procedure_finding(self, code: str) -> bool:
        """A condition seen at the procedure that is reported although the postoperative
        diagnosis does not list it."""
        found: bool = self._cached(
            "finding", code, lambda: any(p.matches(code) for p in self.procedure_findings)
        )
        return found

    def is_countable(self, code: str) -> bool:
        """A lesion the note may tell several of: its detail is read only where it is said."""
        found: bool = self._cached(
            "countable", code, lambda: any(p.matches(code) for p in self.countable)
        )
        return found

    def all_codes(self) -> list[str]:
        out: list[str] = [r.code for r in self.history]
        out.extend(r.code for r in self.procedure_reasons)
        for pc in self.procedure_conditions:
            out.append(pc.code)
            out.extend(site.code for site in pc.sites)
        if self.procedure_comorbidities is not None:
            out.append(self.procedure_comorbidities.patient_code)
        for c in self.combinations:
            for p in c.when + c.drop:
                out.extend(p.codes())
            out.extend(c.replace)
            out.extend(c.replace.values())
            out.extend(c.add)
        return out

    @cached_property
    def _integral_symptoms(self) -> PatternIndex:
        return PatternIndex(rule.symptoms for rule in self.integral)

    @cached_property
    def combination_openers(self) -> PatternIndex:
        """The combination rules by their first pattern (see :func:`apply_combinations`)."""
        return PatternIndex(rule.when[:1] for rule in self.combinations)

    def integral_to(self, symptom: str, others: list[str]) -> str | None:
        """The code among ``others`` that makes ``symptom`` redundant, if any."""
        symptoms = self._integral_symptoms
        for i in sorted(symptoms.hits(symptom)):
            rule = self.integral[i]
            for other in others:
                # another of the rule's own symptoms explains nothing: pain in the right hand
                # beside pain in the left hand (bilateral, no bilateral code) keeps both
                if other == symptom or i in symptoms.hits(other):
                    continue
                if any(p.matches(other) for p in rule.of):
                    return other
        return None


@dataclass
class Applied:
    """What a combination rule did, for the rationale."""

    rule: str
    removed: list[str]
    added: list[str]
    # the coded diagnoses the rule fired on (an added code's evidence is the first of them)
    matched: list[str] = field(default_factory=list)


def apply_combinations(
    rules: tuple[Combination, ...],
    codes: list[str],
    note_says: Callable[[PhraseSet[int], PhraseSet[int] | None, bool, bool], bool],
    openers: PatternIndex | None = None,
) -> tuple[list[str], dict[str, Applied]]:
    """Run every rule in order over ``codes``; returns the new list (order kept, replacements
    in place) and, per new code, the rule that produced it. With ``openers`` (the rules'
    first patterns, :attr:`Guidelines.combination_openers`) only the rules whose first
    pattern one of the codes matches are tried: the others could not fire."""
    out = list(codes)
    made: dict[str, Applied] = {}

    def opened() -> set[int] | None:
        if openers is None:
            return None
        return set().union(*map(openers.hits, out))

    may_fire = opened()
    for ri, rule in enumerate(rules):
        if may_fire is not None and ri not in may_fire and rule.when:
            continue
        matched: list[str] = []
        for pat in rule.when:
            hit = pat.first(out)
            if hit is None:
                break
            matched.append(hit)
        else:
            if rule.absent and any(p.matches(c) for p in rule.absent for c in out):
                continue
            if rule.note is not None and not note_says(
                rule.note, rule.unless, rule.story, rule.not_in_reports
            ):
                continue
            if rule.not_if_note is not None and note_says(rule.not_if_note, None, False, False):
                continue
            removed: list[str] = []
            added: list[str] = []
            for old, new in rule.replace.items():
                if old in out:
                    # the combination code takes the place of the first code it combines
                    # (hypertensive CKD I12.9 before the stage N18.x)
                    # (a second code the rule replaces keeps its own place)
                    first = min((out.index(c) for c in matched if c in out), default=out.index(old))
                    out.remove(old)
                    if new not in out:
                        out.insert(min(first, len(out)), new)
                    removed.append(old)
                    added.append(new)
            for pat in rule.drop:
                for c in [c for c in out if pat.matches(c) and c not in added]:
                    out.remove(c)
                    removed.append(c)
            for new in rule.add:
                # an injury code added with an injury takes its episode (7th character):
                # the ulna of an open both-bone forearm fracture is open too
                ep = next((c[7] for c in matched if len(c) == 8 and c[0] in "ST"), None)
                if ep and len(new) == 8 and new[0] in "ST":
                    new = new[:7] + ep
                if new not in out:
                    out.append(new)
                    added.append(new)
            for new in added:
                made[new] = Applied(rule.name, removed, added, matched)
            if removed or added:
                may_fire = opened()
    return out, made


def _patterns(value: Any, src: str, line: int | None, what: str) -> tuple[Pattern, ...]:
    if not isinstance(value, list) or not value:
        raise DataFileError(src, f"{what}: expected a non-empty list of code patterns", line)
    pats = tuple(Pattern.parse(str(v)) for v in value)
    for p in pats:
        if not p.alternatives or any(" " in a for a in p.alternatives):
            raise DataFileError(src, f"{what}: {p.alternatives!r} is not a code pattern", line)
    return pats


def load_guidelines(path: Path = GUIDELINES_FILE) -> Guidelines:
    """Read the guideline file; every mistake names the file and line."""
    src = str(path)
    data = load_yaml(path)
    if not isinstance(data, YamlMap):
        raise DataFileError(src, "expected a mapping with combinations: and integral:", 1)
    combos: list[Combination] = []
    raw = data.get("combinations", YamlList())
    if not isinstance(raw, YamlList):
        raise DataFileError(src, "combinations: expected a list", line_of(data, "combinations"))
    for i, item in enumerate(raw):
        ln = line_of(raw, i)
        if not isinstance(item, YamlMap) or "when" not in item or "name" not in item:
            raise DataFileError(src, "each combination needs name: and when: [...]", ln)
        unknown = set(item) - {
            "name", "when", "note", "unless", "absent", "not_if_note", "replace", "drop", "add",
            "story", "not_in_reports",
        }  # fmt: skip
        if unknown:
            raise DataFileError(src, f"unknown key {sorted(unknown)[0]!r} in a combination", ln)
        note: PhraseSet[int] | None = None
        if "note" in item:
            note = PhraseSet()
            for j, phrase in enumerate(item["note"] or []):
                try:
                    note.add(str(phrase), j)
                except PhraseSyntaxError as exc:
                    raise DataFileError(src, str(exc), line_of(item["note"], j)) from exc
        unless: PhraseSet[int] | None = None
        if "unless" in item:
            if note is None:
                raise DataFileError(src, "unless: needs note:", line_of(item, "unless"))
            unless = PhraseSet()
            for j, phrase in enumerate(item["unless"] or []):
                try:
                    unless.add(str(phrase), j)
                except PhraseSyntaxError as exc:
                    raise DataFileError(src, str(exc), line_of(item["unless"], j)) from exc
        not_if_note: PhraseSet[int] | None = None
        if "not_if_note" in item:
            not_if_note = PhraseSet()
            for j, phrase in enumerate(item["not_if_note"] or []):
                try:
                    not_if_note.add(str(phrase), j)
                except PhraseSyntaxError as exc:
                    raise DataFileError(src, str(exc), line_of(item["not_if_note"], j)) from exc
        story = item.get("story", False)
        if not isinstance(story, bool) or (story and note is None):
            raise DataFileError(src, "story: true needs note:", line_of(item, "story"))
        not_in_reports = item.get("not_in_reports", False)
        if not isinstance(not_in_reports, bool) or (not_in_reports and note is None):
            raise DataFileError(
                src, "not_in_reports: true needs note:", line_of(item, "not_in_reports")
            )
        replace = item.get("replace", {})
        if not isinstance(replace, dict):
            raise DataFileError(src, "replace: expected {OLD: NEW}", line_of(item, "replace"))
        if not (replace or "drop" in item or "add" in item):
            raise DataFileError(src, "a combination must replace:, drop: or add: something", ln)
        combos.append(
            Combination(
                name=str(item["name"]),
                when=_patterns(item["when"], src, line_of(item, "when"), "when"),
                note=note,
                replace={str(k).upper(): str(v).upper() for k, v in replace.items()},
                drop=_patterns(item["drop"], src, line_of(item, "drop"), "drop")
                if "drop" in item
                else (),
                add=tuple(str(c).upper() for c in item.get("add", [])),
                source=f"{src}:{ln or 0}",
                unless=unless,
                absent=_patterns(item["absent"], src, line_of(item, "absent"), "absent")
                if "absent" in item
                else (),
                not_if_note=not_if_note,
                story=story,
                not_in_reports=not_in_reports,
            )
        )
    integral: list[IntegralRule] = []
    raw_i = data.get("integral", YamlList())
    if not isinstance(raw_i, YamlList):
        raise DataFileError(src, "integral: expected a list", line_of(data, "integral"))
    for i, item in enumerate(raw_i):
        ln = line_of(raw_i, i)
        if not isinstance(item, YamlMap) or "symptoms" not in item or "of" not in item:
            raise DataFileError(src, "each integral rule needs symptoms: [...] and of: [...]", ln)
        integral.append(
            IntegralRule(
                _patterns(item["symptoms"], src, ln, "symptoms"),
                _patterns(item["of"], src, ln, "of"),
            )
        )
    history: list[HistoryRule] = []
    raw_h = data.get("history", YamlList())
    if not isinstance(raw_h, YamlList):
        raise DataFileError(src, "history: expected a list", line_of(data, "history"))
    for i, item in enumerate(raw_h):
        ln = line_of(raw_h, i)
        if not isinstance(item, YamlMap) or "of" not in item or "code" not in item:
            raise DataFileError(src, "each history rule needs of: [...] and code:", ln)
        code = str(item["code"]).strip().upper()
        if not code or " " in code or "*" in code:
            raise DataFileError(src, f"history: {code!r} is not an ICD-10-CM code", ln)
        history.append(HistoryRule(_patterns(item["of"], src, ln, "of"), code))
    reasons: tuple[Pattern, ...] = ()
    if "reasons" in data:
        reasons = _patterns(data["reasons"], src, line_of(data, "reasons"), "reasons")
    status_anywhere: tuple[Pattern, ...] = ()
    if "status_anywhere" in data:
        status_anywhere = _patterns(
            data["status_anywhere"], src, line_of(data, "status_anywhere"), "status_anywhere"
        )
    chronic: tuple[Pattern, ...] = ()
    if "chronic" in data:
        chronic = _patterns(data["chronic"], src, line_of(data, "chronic"), "chronic")
    procedure_findings: tuple[Pattern, ...] = ()
    if "procedure_findings" in data:
        procedure_findings = _patterns(
            data["procedure_findings"],
            src,
            line_of(data, "procedure_findings"),
            "procedure_findings",
        )
    countable: tuple[Pattern, ...] = ()
    if "countable" in data:
        countable = _patterns(data["countable"], src, line_of(data, "countable"), "countable")
    negative_results, negative_cues = _negative_results(data, src)
    return Guidelines(
        tuple(combos),
        tuple(integral),
        tuple(history),
        reasons,
        _procedure_reasons(data, src),
        _not_diagnoses(data, src),
        status_anywhere,
        chronic,
        procedure_findings,
        countable,
        negative_results,
        negative_cues,
        _procedure_conditions(data, src),
        *_patient_sex(data, src),
        _procedure_comorbidities(data, src),
    )


def _procedure_comorbidities(data: YamlMap, src: str) -> ProcedureComorbidities | None:
    raw = data.get("procedure_comorbidities")
    what = "procedure_comorbidities"
    if raw is None:
        return None
    ln = line_of(data, what)
    if not isinstance(raw, YamlMap) or set(raw) != {"codes", "sections", "patient"}:
        raise DataFileError(src, f"{what}: expected codes:, sections: and patient:", ln)
    patient = raw["patient"]
    if not isinstance(patient, YamlMap) or set(patient) != {"words", "code"}:
        raise DataFileError(src, f"{what}: patient: expected words: and code:", ln)
    return ProcedureComorbidities(
        _patterns(raw["codes"], src, ln, f"{what} codes"),
        frozenset(str(x) for x in raw["sections"] or []),
        _phrase_set(patient["words"], src, f"{what} patient words", ln),
        _icd_code(patient["code"], src, what, ln),
    )


def _patient_sex(data: YamlMap, src: str) -> tuple[PhraseSet[int], PhraseSet[int]]:
    raw = data.get("patient_sex")
    if raw is None:
        return PhraseSet(), PhraseSet()
    ln = line_of(data, "patient_sex")
    if not isinstance(raw, YamlMap) or set(raw) != {"female", "male"}:
        raise DataFileError(src, "patient_sex: expected {female: [...], male: [...]}", ln)
    return (
        _phrase_set(raw["female"], src, "patient_sex female", ln),
        _phrase_set(raw["male"], src, "patient_sex male", ln),
    )


def _negative_results(data: YamlMap, src: str) -> tuple[tuple[Pattern, ...], PhraseSet[int]]:
    raw = data.get("negative_results")
    cues: PhraseSet[int] = PhraseSet()
    if raw is None:
        return (), cues
    ln = line_of(data, "negative_results")
    if not isinstance(raw, YamlMap) or set(raw) != {"codes", "cues"}:
        raise DataFileError(src, "negative_results: expected {codes: [...], cues: [...]}", ln)
    codes = _patterns(raw["codes"], src, ln, "negative_results codes")
    items = raw["cues"] or []
    for j, phrase in enumerate(items):
        try:
            cues.add(str(phrase), j)
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(items, j)) from exc
    return codes, cues


def _not_diagnoses(data: YamlMap, src: str) -> NotDiagnoses | None:
    raw = data.get("not_diagnoses")
    if raw is None:
        return None
    if not isinstance(raw, YamlMap) or set(raw) - {"after", "before", "near", "unless"}:
        raise DataFileError(
            src,
            "not_diagnoses: expected {after: [...], before: [...], near: [...], unless: [...]}",
            line_of(data, "not_diagnoses"),
        )
    sets: dict[str, PhraseSet[int]] = {}
    for key in ("after", "before", "near", "unless"):
        phrases: PhraseSet[int] = PhraseSet()
        items = raw.get(key) or []
        for j, phrase in enumerate(items):
            try:
                phrases.add(str(phrase), j)
            except PhraseSyntaxError as exc:
                raise DataFileError(src, str(exc), line_of(items, j)) from exc
        sets[key] = phrases
    return NotDiagnoses(sets["after"], sets["near"], sets["unless"], sets["before"])


def _procedure_reasons(data: YamlMap, src: str) -> tuple[ProcedureReason, ...]:
    raw = data.get("procedure_reasons", YamlList())
    if not isinstance(raw, YamlList):
        raise DataFileError(
            src, "procedure_reasons: expected a list", line_of(data, "procedure_reasons")
        )
    out: list[ProcedureReason] = []
    for i, item in enumerate(raw):
        ln = line_of(raw, i)
        if not isinstance(item, YamlMap) or "procedure" not in item or "code" not in item:
            raise DataFileError(src, "each procedure reason needs procedure: [...] and code:", ln)
        code = str(item["code"]).strip().upper()
        if not code or " " in code or "*" in code:
            raise DataFileError(src, f"procedure_reasons: {code!r} is not an ICD-10-CM code", ln)
        sets: list[PhraseSet[int]] = []
        for key in ("procedure", "narrative"):
            phrases: PhraseSet[int] = PhraseSet()
            for j, phrase in enumerate(item.get(key) or []):
                try:
                    phrases.add(str(phrase), j)
                except PhraseSyntaxError as exc:
                    raise DataFileError(src, str(exc), line_of(item[key], j)) from exc
            sets.append(phrases)
        sided: dict[str, str] = {}
        raw_sides = item.get("sides") or YamlMap()
        if not isinstance(raw_sides, YamlMap):
            raise DataFileError(src, "procedure_reasons: sides: expected a map", ln)
        for side, sided_code in raw_sides.items():
            if str(side) not in ("right", "left", "bilateral"):
                raise DataFileError(src, f"procedure_reasons: unknown side {side!r}", ln)
            sided[str(side)] = str(sided_code).strip().upper()
        out.append(ProcedureReason(sets[0], code, sets[1], sided))
    return tuple(out)


def _phrase_set(items: Any, src: str, what: str, line: int | None) -> PhraseSet[int]:
    phrases: PhraseSet[int] = PhraseSet()
    if items is None:
        return phrases
    if not isinstance(items, YamlList):
        raise DataFileError(src, f"{what}: expected a list of phrases", line)
    for j, phrase in enumerate(items):
        try:
            phrases.add(str(phrase), j)
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(items, j)) from exc
    return phrases


def _icd_code(value: Any, src: str, what: str, line: int | None) -> str:
    code = str(value or "").strip().upper()
    if not code or " " in code or "*" in code:
        raise DataFileError(src, f"{what}: {code!r} is not an ICD-10-CM code", line)
    return code


def _procedure_conditions(data: YamlMap, src: str) -> tuple[ProcedureCondition, ...]:
    raw = data.get("procedure_conditions", YamlList())
    what = "procedure_conditions"
    if not isinstance(raw, YamlList):
        raise DataFileError(src, f"{what}: expected a list", line_of(data, what))
    keys = {"procedure", "code", "coded", "not_with", "told", "sites"}
    out: list[ProcedureCondition] = []
    for i, item in enumerate(raw):
        ln = line_of(raw, i)
        if not isinstance(item, YamlMap) or not {"procedure", "code", "coded"} <= set(item):
            raise DataFileError(src, f"{what}: each needs procedure:, code: and coded:", ln)
        if set(item) - keys:
            raise DataFileError(src, f"{what}: unknown keys {sorted(set(item) - keys)}", ln)
        sites: list[ConditionSite] = []
        for j, site in enumerate(item.get("sites") or []):
            sl = line_of(item["sites"], j)
            if not isinstance(site, YamlMap) or not {"when", "code"} <= set(site):
                raise DataFileError(src, f"{what}: each site needs when: and code:", sl)
            if set(site) - {"when", "code", "sex", "unless_sex"}:
                raise DataFileError(src, f"{what}: a site has when, code, sex, unless_sex", sl)
            sex = str(site.get("sex") or "")
            unless_sex = str(site.get("unless_sex") or "")
            if {sex, unless_sex} - {"", "female", "male"}:
                raise DataFileError(src, f"{what}: sex must be female or male", sl)
            sites.append(
                ConditionSite(
                    _phrase_set(site["when"], src, f"{what} when", sl),
                    _icd_code(site["code"], src, what, sl),
                    sex,
                    unless_sex,
                )
            )
        out.append(
            ProcedureCondition(
                _phrase_set(item["procedure"], src, f"{what} procedure", ln),
                _icd_code(item["code"], src, what, ln),
                _patterns(item["coded"], src, ln, f"{what} coded"),
                _phrase_set(item.get("not_with"), src, f"{what} not_with", ln),
                _phrase_set(item.get("told"), src, f"{what} told", ln),
                tuple(sites),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def guidelines() -> Guidelines:
    """The bundled guideline rules, loaded once (and kept compiled between processes)."""
    from agentkit.coding.engine.compiled_cache import load_or_compile

    here = Path(__file__).resolve()
    return load_or_compile(
        "icd10-guidelines",
        [GUIDELINES_FILE],
        [here, here.parent.parent / "text" / "phrases.py"],
        load_guidelines,
        Guidelines,
    )
