"""Concept rules: the data files coders edit to teach the offline coder a CPT code.

One YAML file per code family lives in ``agentkit/coding/engine/rules/``. Each file names its
concepts (phrase lists) and its rules (one per code): what triggers the code, what else the
note must or must not document, size and count ranges, units, laterality, and which codes it
supersedes (the most specific wins). The format is documented for coding experts in
docs/offline-coder.md. Every mistake is a :class:`~agentkit.errors.DataFileError` with the file,
the line and the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from agentkit.coding.engine.cpt.concept_groups import TRIGGER_GROUP, ConceptGroups
from agentkit.coding.engine.text.assertion import STATUSES
from agentkit.coding.engine.text.phrases import (
    PhraseSyntaxError,
    check_specific,
    split_units,
)
from agentkit.coding.engine.text.sections import SECTION_KINDS
from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = [
    "NOTE_TYPES",
    "PERFORMANCE_SECTIONS",
    "RULES_DIR",
    "Concept",
    "CountSpec",
    "ModifierRule",
    "Rule",
    "RuleSet",
    "bundled_ruleset",
    "load_ruleset",
]

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
COMMON_FAMILY = "common"

# Sections whose mentions document a service as done, unless a rule says otherwise.
PERFORMANCE_SECTIONS: frozenset[str] = frozenset(
    {
        "procedure",
        "description",
        "findings",
        "impression",
        "technique",
        "other",
        "body",
        "specimens",
        "assessment",
        # a plan is hypothetical unless it tells work done ("P - the lesion was excised")
        "plan",
    }
)
NOTE_TYPES = frozenset({"procedure", "radiology", "visit", "pathology", "other"})
_CPT = re.compile(r"^[0-9]{4}[0-9FT]$")
_MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

_RULE_KEYS = {
    "code": "the CPT code this rule reports",
    "summary": "what the code reports, in your own words",
    "triggers": "phrases or @concepts that name the service as done",
    "sections": "section kinds where a trigger counts",
    "listed": "true: the trigger must be in the procedure list (title) of the note",
    "at_visit": "true: a minor procedure a visit's clinician does; counts told in an ED COURSE",
    "bedside_test": "true: a test done during the physical examination (stool guaiac); read in it",
    "context": "the procedure (a family context) the trigger must belong to",
    "requires": "all of these must be documented as done somewhere in the note",
    "requires_near": "all of these must be in the trigger's sentence",
    "excludes": "none of these may be documented as done in the note",
    "excludes_near": "none of these may be in the trigger's sentence",
    "decided_near": "named in the trigger's sentence: requires/excludes judged there",
    "narrative_tells": "a service only listed: a detailed narrative must tell one of these",
    "size_cm": "[min, max] size in cm near the trigger",
    "size_missing": "true: the rule also fires when no size is written",
    "area_cm2": "[min, max] defect area in sq cm near the trigger (length x width)",
    "size_from": "when no size is written near the trigger, read it where these are mentioned",
    "size_total": "true: the sizes told in several trigger sentences are added (repair lengths; "
    "graft areas at several sites told in one sentence)",
    "weight_g": "{of: [...], min: X, max: Y, missing: bool} weight in grams told with these words",
    "volume_ml": "{of: [...], min: X, max: Y, missing: bool} total cc/mL told with these words",
    "count": "{of: [...], min: N, max: N, distinct: bool, span: bool, limbs: bool}"
    " or {levels: true|roots, ...}",
    "units": "1, count, digits, {count_minus: N}, or {size_over: X, per: Y} (each Y beyond X)",
    "sided": "true: paired organ/limb; RT/LT or 50 from the note",
    "supersedes": "codes this one replaces when both fire",
    "modifiers": "[{add: '52', when: [...], unless: [...], near: false, drop: false}]",
    "bypass": "modifier (59, XS, ...) that keeps this code next to an NCCI-bundled one",
    "note_types": "note types where the rule applies (procedure, radiology, visit, other)",
    "priority": "ordering hint; higher is listed first",
    "confidence": "base confidence 0-1 (default from the section and the words)",
    "addon_of": "primary codes an add-on code goes with",
    "age": "[min, max] patient age in years (from the input or the note)",
    "assume_age": "age to judge `age` by when none is documented (default: an adult)",
}
_CONCEPT_KEYS = {"phrases", "status", "sections", "anywhere"}
_FAMILY_KEYS = {
    "family",
    "title",
    "description",
    "concepts",
    "contexts",
    "context_hints",
    "defaults",
    "rules",
}


@dataclass(frozen=True)
class Concept:
    """A named phrase list. ``key`` is ``family.name`` (anonymous phrases get a generated one)."""

    key: str
    phrases: tuple[str, ...]  # as written; may refer to other concepts with @name
    statuses: frozenset[str]
    sections: frozenset[str] | None
    file: str
    line: int | None
    family: str = COMMON_FAMILY
    # a rule's requires/excludes look for it in every section (within its own ``sections``),
    # not only where the rule documents work: an earlier study told in a consent
    anywhere: bool = False


@dataclass(frozen=True)
class CountSpec:
    of: tuple[str, ...] = ()  # concept keys whose written count matters
    levels: bool = False  # count spine interspaces instead
    min: int = 1
    max: int | None = None
    distinct: bool = False  # count the different mentions of `of` (each nerve studied)
    roots: bool = False  # levels: roots - count foramina (nerve roots) instead of interspaces
    # count a run of numbered structures told with `of` ("the fourth to the tenth intercostal
    # spaces", "the fifth, sixth and seventh nerves"), both ends included
    span: bool = False
    # count the limbs treated: each `of` item is one kind of limb (upper, lower), and each
    # mention's side (right, left, both) makes it a limb of its own
    limbs: bool = False


@dataclass(frozen=True)
class ModifierRule:
    add: str
    when: tuple[tuple[str, ...], ...]  # AND of ORs of concept keys (any status)
    unless: tuple[str, ...] = ()  # none of these may be mentioned (any status)
    near: bool = False  # look only in the sentences that document the service
    # the code is billable beside the `when` service only with this modifier: when `when`
    # holds and an `unless` item is mentioned, the line is dropped (bundled into that service)
    drop: bool = False


@dataclass(frozen=True)
class Rule:
    code: str
    family: str
    summary: str
    triggers: tuple[str, ...]
    sections: frozenset[str]
    listed: bool
    context: str | None
    requires: tuple[tuple[str, ...], ...]
    requires_near: tuple[tuple[str, ...], ...]
    excludes: tuple[str, ...]
    excludes_near: tuple[str, ...]
    size_cm: tuple[float, float] | None
    size_missing: bool
    count: CountSpec | None
    units: str  # "1" | "count" | "count_minus:N" | "digits"
    sided: bool
    supersedes: tuple[str, ...]
    modifiers: tuple[ModifierRule, ...]
    bypass: str | None
    note_types: frozenset[str] | None
    priority: int
    confidence: float | None
    addon_of: tuple[str, ...]
    file: str
    line: int | None
    age: tuple[int, int] | None = None
    # the age assumed when none is given (adenoidectomy is a children's operation)
    assume_age: int | None = None
    area_cm2: tuple[float, float] | None = None
    size_from: tuple[str, ...] = ()
    # When the trigger's own sentence names one of these (e.g. "without contrast" in the
    # title), requires/excludes are judged in that sentence rather than in the whole note.
    decided_near: tuple[str, ...] = ()
    # CPT adds the lengths of repairs of one site group and classification: the size is the
    # sum of the sizes told in the trigger's sentences (one per wound), not the largest
    size_total: bool = False
    # units of an "each additional" add-on read from the size: one per ``per`` (or part of
    # it) beyond ``over`` (11045: each further 20 sq cm beyond the first 20)
    units_size: tuple[float, float] | None = None
    # a weight in grams told in a sentence naming one of ``weight_of`` (the uterus of a
    # hysterectomy) must be in range; ``weight_missing``: no weight told also fits
    weight_g: tuple[float, float] | None = None
    weight_of: tuple[str, ...] = ()
    weight_missing: bool = False
    # the total volume in cc or mL told in the sentences of one section naming one of
    # ``volume_of`` (a filler injected at several sites) must be in range; ``volume_missing``:
    # no volume told also fits
    volume_ml: tuple[float, float] | None = None
    volume_of: tuple[str, ...] = ()
    volume_missing: bool = False
    # a minor procedure the clinician of an emergency or office visit performs himself (a
    # laceration closed, an abscess drained): told as done in the visit's course, it counts
    at_visit: bool = False
    # a test the examiner does during the physical examination (the stool on the glove tested
    # for blood): its exam sections count even in a note that examines by organ system
    bedside_test: bool = False
    # a service named only in the procedure list of a note that narrates the operation in
    # detail is documented when the narrative tells one of these (the foreign body, the tumor
    # taken out, the cautery); a short note with no such story codes from its list
    narrative_tells: tuple[str, ...] = ()


@dataclass
class RuleSet:
    """Every family's concepts and rules, compiled into phrase matchers.

    The concepts are matched in groups (see :mod:`~agentkit.coding.engine.cpt.concept_groups`):
    the rules' triggers first, then the other concepts of a family only when a rule asks."""

    concepts: dict[str, Concept]
    rules: list[Rule]
    contexts: dict[str, tuple[str, ...]]  # family -> context concept keys
    families: dict[str, str]  # family -> title
    hints: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    groups: ConceptGroups = field(default_factory=ConceptGroups)
    files: tuple[str, ...] = ()

    def rules_for(self, code: str) -> list[Rule]:
        return [r for r in self.rules if r.code == code]

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.rules}

    @cached_property
    def rules_by_trigger(self) -> dict[str, tuple[int, ...]]:
        """Concept key -> indexes (in rule order) of the rules it triggers: a note mentions
        the triggers of a few dozen rules out of well over a thousand, and only those can fire."""
        index: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for key in dict.fromkeys(rule.triggers):
                index.setdefault(key, []).append(i)
        return {key: tuple(found) for key, found in index.items()}


class _FileReader:
    """Reads one family file; collects concepts and rules, raising located errors."""

    def __init__(self, path: Path, concepts: dict[str, Concept], common: bool) -> None:
        self.path = path
        self.src = str(path)
        self.concepts = concepts
        self.common = common

    def fail(self, message: str, container: Any = None, key: str | int | None = None) -> None:
        raise DataFileError(
            self.src, message, line_of(container, key) if container is not None else None
        )

    def amount_range(
        self, raw: YamlMap, key: str, unit: str, code: str, family: str
    ) -> tuple[tuple[float, float] | None, tuple[str, ...]]:
        """A rule's ``weight_g`` / ``volume_ml``: the range an amount told in a sentence naming
        one of ``of`` must fall in, and those concepts."""
        if key not in raw:
            return None, ()
        a = raw[key]
        if not isinstance(a, YamlMap) or "of" not in a:
            self.fail(
                f"rule {code}: {key} must be {{of: [...], min: X, max: Y, missing: bool}}",
                raw,
                key,
            )
        self.check_keys(a, {"of", "min", "max", "missing"}, f"rule {code} {key}")
        lo, hi = a.get("min", 0), a.get("max", 1e9)
        if (
            not all(isinstance(x, int | float) and not isinstance(x, bool) for x in (lo, hi))
            or lo > hi
            or not isinstance(a.get("missing", False), bool)
        ):
            self.fail(f"rule {code}: {key} min/max must be {unit}, min <= max", a)
        return (float(lo), float(hi)), self.ref_list(family, a["of"], a, "of")

    def check_keys(self, mapping: YamlMap, allowed: Iterable[str], what: str) -> None:
        allowed = list(allowed)
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (
                    f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(allowed)}"
                )
                self.fail(f"{what}: unknown key {key!r}; {hint}", mapping, key)

    def statuses(self, value: Any, container: Any, key: str) -> frozenset[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.fail(f"{key}: give a status or a list of statuses", container, key)
        out: set[str] = set()
        for s in items:
            if s == "any":
                out.update(STATUSES)
            elif s in STATUSES:
                out.add(str(s))
            else:
                self.fail(
                    f"{key}: unknown status {s!r}; use any or {', '.join(STATUSES)}", container, key
                )
        return frozenset(out)

    def sections(self, value: Any, container: Any, key: str) -> frozenset[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.fail(f"{key}: give a list of section kinds", container, key)
        bad = [s for s in items if s not in SECTION_KINDS]
        if bad:
            self.fail(
                f"{key}: unknown section kind {bad[0]!r}; use {', '.join(sorted(SECTION_KINDS))}",
                container,
                key,
            )
        return frozenset(str(s) for s in items)

    def phrase_list(self, value: Any, container: Any, key: str | int) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.fail("expected a phrase or a list of phrases", container, key)
        out = []
        for i, p in enumerate(items):
            if not isinstance(p, str):
                self.fail(
                    f"phrase {p!r} must be text (quote it)",
                    items if isinstance(items, YamlList) else container,
                    i if isinstance(items, YamlList) else key,
                )
            if "@" not in p:
                try:
                    check_specific(p)
                except PhraseSyntaxError as exc:
                    self.fail(
                        str(exc),
                        items if isinstance(items, YamlList) else container,
                        i if isinstance(items, YamlList) else key,
                    )
            out.append(p)
        return tuple(out)

    def define_concepts(self, family: str, raw: Any) -> None:
        if raw is None:
            return
        if not isinstance(raw, YamlMap):
            self.fail("concepts: expected name: [phrases] entries", raw)
        for name, body in raw.items():
            if not _NAME.match(name):
                self.fail(f"concept name {name!r}: use lower-case letters, digits and _", raw, name)
            key = f"{family}.{name}"
            statuses = frozenset({"present"})
            sections = None
            anywhere = False
            if isinstance(body, YamlMap):
                self.check_keys(body, _CONCEPT_KEYS, f"concept {name}")
                if "phrases" not in body:
                    self.fail(f"concept {name}: needs phrases:", body)
                phrases = self.phrase_list(body["phrases"], body, "phrases")
                if "status" in body:
                    statuses = self.statuses(body["status"], body, "status")
                if "sections" in body:
                    sections = self.sections(body["sections"], body, "sections")
                anywhere = body.get("anywhere", False) is True
            else:
                phrases = self.phrase_list(body, raw, name)
            self.concepts[key] = Concept(
                key, phrases, statuses, sections, self.src, line_of(raw, name), family, anywhere
            )

    def ref(self, family: str, item: Any, container: Any, key: str | int) -> str:
        """A concept key for ``@name`` or an inline phrase (an anonymous concept)."""
        if not isinstance(item, str):
            self.fail(f"expected a phrase or @concept, got {item!r}", container, key)
        if item.startswith("@") and len(item.split()) == 1:
            name = item[1:]
            found = _lookup(self.concepts, family, name)
            if found is not None:
                return found.key
            known = [
                k.split(".", 1)[1]
                for k in self.concepts
                if k.startswith((family + ".", COMMON_FAMILY + "."))
            ]
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean @{close[0]}?)" if close else "; define it under concepts:"
            self.fail(f"unknown concept @{name}{hint}", container, key)
        if "@" not in item:
            try:
                check_specific(item)
            except PhraseSyntaxError as exc:
                self.fail(str(exc), container, key)
        # Inline phrases are anonymous concepts, shared by every rule that writes the same words.
        words = " ".join(item.lower().split())
        ckey = f"~{family}~{words}" if "@" in item else f"~{words}"
        if ckey not in self.concepts:
            self.concepts[ckey] = Concept(
                ckey,
                (item,),
                frozenset({"present"}),
                None,
                self.src,
                line_of(container, key),
                family,
            )
        return ckey

    def ref_list(self, family: str, value: Any, container: Any, key: str) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.fail(f"{key}: expected a phrase, @concept or a list of them", container, key)
        holder = items if isinstance(items, YamlList) else container
        return tuple(
            self.ref(family, it, holder, i if isinstance(items, YamlList) else key)
            for i, it in enumerate(items)
        )

    def conditions(
        self, family: str, value: Any, container: Any, key: str
    ) -> tuple[tuple[str, ...], ...]:
        """A list whose items are each a phrase/@concept or a list of them (any one of)."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            self.fail(f"{key}: expected a list of conditions", container, key)
        out = []
        for i, it in enumerate(items):
            holder = items if isinstance(items, YamlList) else container
            if isinstance(it, list):
                out.append(self.ref_list(family, it, it, key))
            else:
                out.append(
                    (self.ref(family, it, holder, i if isinstance(items, YamlList) else key),)
                )
        return tuple(out)

    def code(self, value: Any, container: Any, key: str | int) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:05d}"
        if not isinstance(value, str) or not _CPT.match(value):
            self.fail(
                f"{value!r} is not a CPT code (5 digits, or 4 digits + F/T; quote it)",
                container,
                key,
            )
        return str(value)

    def rule(self, family: str, raw: Any, defaults: YamlMap, holder: YamlList, index: int) -> Rule:
        if not isinstance(raw, YamlMap):
            self.fail("each rule is a mapping that starts with code:", holder, index)
        self.check_keys(raw, _RULE_KEYS, f"rule {raw.get('code', '?')}")
        if "code" not in raw:
            self.fail("rule: needs code:", raw)
        code = self.code(raw["code"], raw, "code")
        if "triggers" not in raw:
            self.fail(f"rule {code}: needs triggers: (the words that name the service)", raw)
        merged = YamlMap({**defaults, **raw})
        merged.key_lines = {**getattr(defaults, "key_lines", {}), **raw.key_lines}
        merged.line = raw.line
        triggers = self.ref_list(family, raw["triggers"], raw, "triggers")
        sections = (
            self.sections(merged["sections"], merged, "sections")
            if "sections" in merged
            else PERFORMANCE_SECTIONS
        )
        context = merged.get("context")
        if context is not None:
            context = self.ref(family, "@" + str(context).lstrip("@"), merged, "context")
        size = None
        if "size_cm" in raw:
            v = raw["size_cm"]
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)
                or v[0] > v[1]
            ):
                self.fail(
                    f"rule {code}: size_cm must be [min, max] in cm, e.g. [0.6, 1.0]",
                    raw,
                    "size_cm",
                )
            size = (float(v[0]), float(v[1]))
        area = None
        if "area_cm2" in raw:
            v = raw["area_cm2"]
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)
                or v[0] > v[1]
            ):
                self.fail(
                    f"rule {code}: area_cm2 must be [min, max] in sq cm, e.g. [10.1, 30]",
                    raw,
                    "area_cm2",
                )
            area = (float(v[0]), float(v[1]))
        if size is not None and area is not None:
            self.fail(f"rule {code}: use size_cm or area_cm2, not both", raw, "area_cm2")
        count = None
        if "count" in raw:
            c = raw["count"]
            if not isinstance(c, YamlMap):
                self.fail(f"rule {code}: count must be {{of: [...], min: N, max: N}}", raw, "count")
            self.check_keys(
                c,
                {"of", "levels", "min", "max", "distinct", "span", "limbs"},
                f"rule {code} count",
            )
            if ("of" in c) == bool(c.get("levels")):
                self.fail(f"rule {code}: count needs either of: [...] or levels: true", c)
            if "distinct" in c and (not isinstance(c["distinct"], bool) or "of" not in c):
                self.fail(f"rule {code}: count distinct must be true or false, with of: [...]", c)
            if "span" in c and (not isinstance(c["span"], bool) or "of" not in c):
                self.fail(f"rule {code}: count span must be true or false, with of: [...]", c)
            lo, hi = c.get("min", 1), c.get("max")
            if not isinstance(lo, int) or (hi is not None and (not isinstance(hi, int) or hi < lo)):
                self.fail(f"rule {code}: count min/max must be whole numbers, min <= max", c)
            of = self.ref_list(family, c["of"], c, "of") if "of" in c else ()
            if c.get("levels") not in (None, True, False, "roots"):
                self.fail(f"rule {code}: count levels must be true or roots", c)
            roots = c.get("levels") == "roots"
            if "limbs" in c and (not isinstance(c["limbs"], bool) or "of" not in c):
                self.fail(f"rule {code}: count limbs must be true or false, with of: [...]", c)
            distinct, span = bool(c.get("distinct")), bool(c.get("span"))
            limbs = bool(c.get("limbs"))
            count = CountSpec(of, bool(c.get("levels")), lo, hi, distinct, roots, span, limbs)
        units = "1"
        units_size: tuple[float, float] | None = None
        if "units" in raw:
            u = raw["units"]
            if u == 1:
                units = "1"
            elif u == "count":
                units = "count"
            elif u == "digits":
                units = "digits"
            elif (
                isinstance(u, YamlMap)
                and set(u) == {"count_minus"}
                and isinstance(u["count_minus"], int)
            ):
                units = f"count_minus:{u['count_minus']}"
            elif (
                isinstance(u, YamlMap)
                and set(u) == {"size_over", "per"}
                and all(isinstance(u[k], (int, float)) and u[k] >= 0 for k in ("size_over", "per"))
                and u["per"] > 0
            ):
                units = "count"
                units_size = (float(u["size_over"]), float(u["per"]))
                if "size_cm" not in raw and "area_cm2" not in raw:
                    self.fail(
                        f"rule {code}: units from the size need size_cm or area_cm2", raw, "units"
                    )
            else:
                self.fail(
                    f"rule {code}: units must be 1, count, digits, {{count_minus: N}} or "
                    "{size_over: X, per: Y}",
                    raw,
                    "units",
                )
            if units not in ("1", "digits") and count is None and units_size is None:
                self.fail(f"rule {code}: units from a count need count:", raw, "units")
        size_total = raw.get("size_total", False)
        if not isinstance(size_total, bool) or (
            size_total and "size_cm" not in raw and "area_cm2" not in raw
        ):
            self.fail(
                f"rule {code}: size_total must be true or false, with size_cm or area_cm2", raw
            )
        weight, weight_of = self.amount_range(raw, "weight_g", "grams", code, family)
        volume, volume_of = self.amount_range(raw, "volume_ml", "mL", code, family)
        mods = []
        # a family's defaults may give every rule a modifier (radiology: 26 for an outside
        # study read here); a rule's own list replaces it
        raw_mods = merged.get("modifiers", []) or []
        if not isinstance(raw_mods, list):
            self.fail(f"rule {code}: modifiers must be a list", raw, "modifiers")
        for i, m in enumerate(raw_mods):
            if (
                not isinstance(m, YamlMap)
                or "add" not in m
                or not set(m) <= {"add", "when", "unless", "near", "drop"}
                or not ({"when", "unless"} & set(m))
            ):
                self.fail(
                    f"rule {code}: each modifier is {{add: '52', when: [...], unless: [...]}}",
                    raw_mods,
                    i,
                )
            add = str(m["add"])
            if not _MODIFIER.match(add):
                self.fail(
                    f"rule {code}: {add!r} is not a modifier (2 characters, quote it)", m, "add"
                )
            when = self.conditions(family, m["when"], m, "when") if "when" in m else ()
            unless = self.ref_list(family, m["unless"], m, "unless") if "unless" in m else ()
            drop = bool(m.get("drop", False))
            if drop and not (when and unless):
                self.fail(f"rule {code}: a modifier with drop needs when and unless", m, "drop")
            mods.append(ModifierRule(add, when, unless, bool(m.get("near", False)), drop))
        bypass = raw.get("bypass")
        if bypass is not None and (not isinstance(bypass, str) or not _MODIFIER.match(bypass)):
            self.fail(
                f"rule {code}: bypass must be a modifier such as '59' or 'XS' (quoted)",
                raw,
                "bypass",
            )
        note_types = None
        if "note_types" in merged:
            nt = merged["note_types"]
            nt = [nt] if isinstance(nt, str) else nt
            if not isinstance(nt, list) or any(t not in NOTE_TYPES for t in nt):
                self.fail(
                    f"rule {code}: note_types must come from {', '.join(sorted(NOTE_TYPES))}",
                    merged,
                    "note_types",
                )
            note_types = frozenset(nt)
        age = None
        if "age" in raw:
            v = raw["age"]
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in v)
                or v[0] > v[1]
            ):
                self.fail(
                    f"rule {code}: age must be [min, max] in whole years, e.g. [12, 130]",
                    raw,
                    "age",
                )
            age = (int(v[0]), int(v[1]))
        assume_age = raw.get("assume_age")
        if assume_age is not None and (
            not isinstance(assume_age, int)
            or isinstance(assume_age, bool)
            or not 0 <= assume_age <= 130
        ):
            self.fail(f"rule {code}: assume_age must be whole years 0-130", raw, "assume_age")
        conf = raw.get("confidence")
        if conf is not None and (not isinstance(conf, int | float) or not 0 < conf <= 1):
            self.fail(
                f"rule {code}: confidence must be a number between 0 and 1", raw, "confidence"
            )
        prio = merged.get("priority", 0)
        if not isinstance(prio, int):
            self.fail(f"rule {code}: priority must be a whole number", merged, "priority")

        def codes(key: str) -> tuple[str, ...]:
            v = raw.get(key, [])
            v = [v] if isinstance(v, str | int) else v
            if not isinstance(v, list):
                self.fail(f"rule {code}: {key} must be a list of codes", raw, key)
            return tuple(
                self.code(
                    c, v if isinstance(v, YamlList) else raw, i if isinstance(v, YamlList) else key
                )
                for i, c in enumerate(v)
            )

        return Rule(
            code=code,
            family=family,
            summary=str(raw.get("summary", "")),
            triggers=triggers,
            sections=sections,
            listed=bool(merged.get("listed", False)),
            at_visit=bool(raw.get("at_visit", False)),
            bedside_test=bool(raw.get("bedside_test", False)),
            context=context,
            requires=(
                self.conditions(family, defaults["requires"], defaults, "requires")
                if "requires" in defaults
                else ()
            )
            + (
                self.conditions(family, raw["requires"], raw, "requires")
                if "requires" in raw
                else ()
            ),
            requires_near=self.conditions(family, raw["requires_near"], raw, "requires_near")
            if "requires_near" in raw
            else (),
            excludes=self.ref_list(family, raw["excludes"], raw, "excludes")
            if "excludes" in raw
            else (),
            excludes_near=self.ref_list(family, raw["excludes_near"], raw, "excludes_near")
            if "excludes_near" in raw
            else (),
            size_cm=size,
            size_missing=bool(raw.get("size_missing", False)),
            count=count,
            units=units,
            sided=bool(merged.get("sided", False)),
            supersedes=codes("supersedes"),
            modifiers=tuple(mods),
            bypass=bypass,
            note_types=note_types,
            priority=prio,
            confidence=float(conf) if conf is not None else None,
            addon_of=codes("addon_of"),
            file=self.src,
            line=raw.line,
            age=age,
            assume_age=assume_age,
            area_cm2=area,
            size_from=(
                self.ref_list(family, raw["size_from"], raw, "size_from")
                if "size_from" in raw
                else ()
            ),
            decided_near=(
                self.ref_list(family, raw["decided_near"], raw, "decided_near")
                if "decided_near" in raw
                else ()
            ),
            narrative_tells=(
                self.ref_list(family, raw["narrative_tells"], raw, "narrative_tells")
                if "narrative_tells" in raw
                else ()
            ),
            size_total=size_total,
            units_size=units_size,
            weight_g=weight,
            weight_of=weight_of,
            weight_missing=bool(raw["weight_g"].get("missing", False)) if weight else False,
            volume_ml=volume,
            volume_of=volume_of,
            volume_missing=bool(raw["volume_ml"].get("missing", False)) if volume else False,
        )


def _read_family(
    path: Path, concepts: dict[str, Concept]
) -> tuple[str, str, tuple[str, ...], list[Rule], dict[str, tuple[str, ...]]]:
    reader = _FileReader(path, concepts, path.stem == COMMON_FAMILY)
    data = load_yaml(path)
    if not isinstance(data, YamlMap):
        reader.fail("a rule file is a mapping with family:, concepts: and rules:")
    reader.check_keys(data, _FAMILY_KEYS, "rule file")
    family = data.get("family")
    if not isinstance(family, str) or not _NAME.match(family):
        reader.fail(
            "family: give the family name in lower case (e.g. gi_endoscopy)", data, "family"
        )
    if family != path.stem:
        reader.fail(f"family: {family!r} must match the file name {path.stem!r}", data, "family")
    reader.define_concepts(family, data.get("concepts"))
    contexts: tuple[str, ...] = ()
    if "contexts" in data:
        contexts = reader.ref_list(
            family, [f"@{str(c).lstrip('@')}" for c in data["contexts"]], data, "contexts"
        )
    hints: dict[str, tuple[str, ...]] = {}
    raw_hints = data.get("context_hints")
    if raw_hints is not None:
        if not isinstance(raw_hints, YamlMap):
            reader.fail("context_hints: expected context: [phrases] entries", data, "context_hints")
        for name, items in raw_hints.items():
            key = reader.ref(family, "@" + name, raw_hints, name)
            if key not in contexts:
                reader.fail(f"context_hints: {name!r} is not one of the contexts", raw_hints, name)
            hints[key] = reader.ref_list(family, items, raw_hints, name)
    defaults = data.get("defaults", YamlMap())
    if not isinstance(defaults, YamlMap):
        reader.fail("defaults: expected a mapping of rule keys", data, "defaults")
    reader.check_keys(
        defaults,
        {
            "sections",
            "listed",
            "note_types",
            "sided",
            "priority",
            "context",
            "requires",
            "modifiers",
        },
        "defaults",
    )
    raw_rules = data.get("rules", YamlList())
    if not isinstance(raw_rules, YamlList):
        reader.fail("rules: expected a list of rules", data, "rules")
    rules = [reader.rule(family, r, defaults, raw_rules, i) for i, r in enumerate(raw_rules)]
    return family, str(data.get("title", family)), contexts, rules, hints


def load_ruleset(paths: Iterable[Path] | None = None) -> RuleSet:
    """Load and validate rule files (default: every bundled ``rules/*.yaml``)."""
    files = sorted(paths) if paths is not None else sorted(RULES_DIR.glob("*.yaml"))
    # common.yaml first: its concepts are shared by every family
    files.sort(key=lambda p: (p.stem != COMMON_FAMILY, p.name))
    concepts: dict[str, Concept] = {}
    rules: list[Rule] = []
    contexts: dict[str, tuple[str, ...]] = {}
    families: dict[str, str] = {}
    all_hints: dict[str, dict[str, tuple[str, ...]]] = {}
    for path in files:
        family, title, ctx, found, hints = _read_family(path, concepts)
        all_hints[family] = hints
        if family in families:
            raise DataFileError(str(path), f"family {family!r} is defined twice", 1)
        families[family] = title
        contexts[family] = ctx
        rules.extend(found)
    expanded = _expand_concepts(concepts)
    triggers = {key for rule in rules for key in rule.triggers}
    groups = ConceptGroups.build(
        (key, texts, TRIGGER_GROUP if key in triggers else concepts[key].family)
        for key, texts in expanded.items()
    )
    return RuleSet(
        concepts, rules, contexts, families, all_hints, groups, tuple(str(p) for p in files)
    )


def _lookup(concepts: dict[str, Concept], family: str, name: str) -> Concept | None:
    for cand in (f"{family}.{name}", f"{COMMON_FAMILY}.{name}", name):
        if cand in concepts:
            return concepts[cand]
    return None


def _expand_concepts(concepts: dict[str, Concept]) -> dict[str, list[str]]:
    """Replace every ``@name`` inside phrases by that concept's phrases (recursively)."""
    done: dict[str, list[str]] = {}

    def expand(concept: Concept, stack: tuple[str, ...]) -> list[str]:
        if concept.key in done:
            return done[concept.key]
        if concept.key in stack:
            chain = " -> ".join(k.split(".", 1)[-1] for k in (*stack, concept.key))
            raise DataFileError(
                concept.file, f"concepts refer to each other in a loop: {chain}", concept.line
            )
        out: list[str] = []
        for text in concept.phrases:
            out.extend(expand_text(concept, text, (*stack, concept.key)))
        done[concept.key] = out
        return out

    def expand_text(owner: Concept, text: str, stack: tuple[str, ...]) -> list[str]:
        if "@" not in text:
            return [text]
        variants: list[str] = [""]
        for unit in split_units(text):
            if unit.startswith("@"):
                ref = _lookup(concepts, owner.family, unit[1:])
                if ref is None:
                    raise DataFileError(
                        owner.file, f"unknown concept {unit} in phrase {text!r}", owner.line
                    )
                alts = expand(ref, stack)
                variants = [f"{v} {a}".strip() for v in variants for a in alts]
            elif "@" in unit:
                raise DataFileError(
                    owner.file,
                    f"in phrase {text!r}: write @concept as a word of its own, not inside ( | )",
                    owner.line,
                )
            else:
                variants = [f"{v} {unit}".strip() for v in variants]
            if len(variants) > 512:
                raise DataFileError(
                    owner.file, f"phrase {text!r} expands to too many phrases", owner.line
                )
        for v in variants:
            try:
                check_specific(v)
            except PhraseSyntaxError as exc:
                raise DataFileError(
                    owner.file, f"{exc} (after expanding {text!r})", owner.line
                ) from exc
        return variants

    for concept in concepts.values():
        expand(concept, ())
    return done


@lru_cache(maxsize=1)
def bundled_ruleset() -> RuleSet:
    """The bundled rule files, loaded and compiled once per process.

    The compiled rules are kept in the user's cache directory, keyed by a hash of every rule
    file, so later processes start fast; an edited rule file changes the hash and is read
    afresh. Without a writable cache directory the rules are simply compiled each time.
    """
    from agentkit.coding.engine.compiled_cache import load_or_compile

    files = sorted(RULES_DIR.glob("*.yaml"))
    # the code that compiles the rules (section defaults, phrase elements) is part of the key:
    # a new version of agentkit with unchanged rule files must not load stale compiled rules
    code = [Path(__file__), Path(__file__).parent.parent / "text" / "phrases.py"]
    code.append(Path(__file__).parent / "concept_groups.py")
    return load_or_compile(_CACHE_FORMAT, files, code, lambda: load_ruleset(files), RuleSet)


_CACHE_FORMAT = "agentkit-rules-3"
