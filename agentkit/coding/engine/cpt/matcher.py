"""Apply the concept rules to one analysed note: which codes does the note document?

One pass finds the rules' trigger phrases in the note; each rule a trigger names then checks
its conditions against the mentions of its concepts (each family's other concepts are matched
the first time a rule asks for one, see ``concept_groups``): the trigger said as done in a
section that documents performance, the required and excluded concepts, the procedure the
trigger belongs to (its family context), sizes and counts near the trigger. The result is one
:class:`Hit` per rule that fires, with the mentions that support it, for resolution.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from agentkit.coding.engine.cpt.concept_groups import TRIGGER_GROUP
from agentkit.coding.engine.cpt.ruleset import PERFORMANCE_SECTIONS, Rule, RuleSet
from agentkit.coding.engine.note_type import is_teaching_case, note_type, title_sentences
from agentkit.coding.engine.text.attributes import (
    Size,
    SpineLevel,
    areas,
    count_before,
    foramen_count,
    interspace_count,
    numbered_span,
    ordinal_after,
    patient_age,
    sizes,
)
from agentkit.coding.engine.text.attributes import spine_levels as find_spine_levels
from agentkit.coding.engine.text.document import Document, Mention
from agentkit.coding.engine.text.sections import SECTION_KINDS, heading_table

__all__ = ["QUALIFIER_SECTIONS", "Hit", "NoteFacts", "match_rules"]

# Where a required or excluding qualifier ("recurrent", "incarcerated", "laparoscopic") may be
# documented: besides the performance sections, the diagnoses and indications state them.
QUALIFIER_SECTIONS = frozenset(
    {"procedure", "preop_dx", "postop_dx", "diagnosis", "indications", "anesthesia"}
)
# A SOAP plan counts only for sentences that tell the work as done (assertion ``performed``).
VISIT_PROCEDURE_SECTIONS = frozenset({"procedure", "description", "technique", "plan"})
# the untitled story and unknown headings of a visit note: its history
_VISIT_HISTORY_SECTIONS = frozenset({"body", "other"})
# When no age is given or written, rules with an age range assume an adult.
ASSUMED_AGE = 40


@dataclass
class Hit:
    """A rule that fired: its code, the trigger mentions that support it (best first)."""

    rule: Rule
    mentions: list[Mention[str]]
    count: int | None = None
    size: Size | None = None
    size_missing: bool = False
    age_assumed: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.rule.code


class NoteFacts:
    """The mentions of every concept in one note, indexed for the rules."""

    def __init__(
        self,
        doc: Document,
        ruleset: RuleSet,
        age: int | None = None,
        *,
        narrative_studies: bool = False,
        discontinued: bool = False,
    ) -> None:
        self.doc = doc
        # a procedure the list calls attempted or aborted, stopped after it was begun: its
        # listed words count as done (the line then takes modifier 53, see cpt/coder.py)
        self.discontinued = discontinued
        # imaging told in a case write-up's history and course ("Brain MRI, 1/26/93, revealed
        # a mass") counts as the studies the write-up reports
        self.narrative_studies = narrative_studies
        self.ruleset = ruleset
        self.age = age if age is not None else patient_age(doc)
        self.note_type = note_type(doc)
        self.titles = set(title_sentences(doc))
        # the EXAM sections are a physical examination (a teaching write-up's, or a review
        # of systems by organ: HEENT, CARDIOVASCULAR ...), not an imaging report's EXAM line
        self.physical_exam = (
            is_teaching_case(doc) or sum(s.kind == "exam" for s in doc.sections) >= 2
        )
        # the procedure list names the services; in a report, so does its EXAM line
        title_kinds = ("procedure", "exam") if self.note_type == "radiology" else ("procedure",)
        self.has_title = any(doc.sentences[i].section_kind in title_kinds for i in self.titles)
        # a visit note's sections that tell the course of the encounter (ED COURSE): a
        # minor procedure told there as done was performed at the visit
        table = heading_table()
        self.visit_course = (
            frozenset(i for i, s in enumerate(doc.sections) if table.tells_visit_course(s.heading))
            if self.note_type == "visit"
            else frozenset()
        )
        # concept key -> its mentions, filled a group of concepts at a time (the triggers now,
        # a family's other concepts when a rule first asks for one of them)
        self._by_concept: dict[str, list[Mention[str]]] = {}
        self._matched: set[str] = set()
        self._match_group(TRIGGER_GROUP)
        self._context_index: dict[str, tuple[list[int], list[Mention[str]]]] = {}
        self._others: dict[tuple[str, int, int], bool] = {}
        # (see _sizes_where)
        self.sizes_memo: dict[tuple[tuple[str, ...], bool], Size | None] = {}
        self._mentions_memo: dict[
            tuple[tuple[str, ...], frozenset[str] | None, bool], tuple[Mention[str], ...]
        ] = {}

    def _match_group(self, group: str) -> None:
        self._matched.add(group)
        concepts = self.ruleset.concepts
        for m in self.doc.find(self.ruleset.groups.matchers[group]):
            concept = concepts[m.payload]
            if (
                concept.sections is not None
                and m.section_kind not in concept.sections
                and not (self.narrative_studies and m.section_kind in _NARRATIVE_SECTIONS)
            ):
                continue
            if concept.statuses == _PRESENT_ONLY and _denied_inside(self.doc, m):
                continue
            self._by_concept.setdefault(m.payload, []).append(m)

    def done_next(self) -> dict[int, int]:
        """Sentence index -> the next sentence of its section when that one opens by telling
        what the first one found as removed or treated ("It was removed with a curette")."""
        found: dict[int, int] | None = self.doc.memo.get("cpt.done_next")
        if found is None:
            found = {}
            sentences = self.doc.sentences
            for m in self.of(_DONE_TO_IT):
                i = m.sentence.index
                if (
                    i > 0
                    and m.tok_lo - m.sentence.tok_lo <= 1
                    and sentences[i - 1].section_index == m.sentence.section_index
                ):
                    found[i - 1] = i
            self.doc.memo["cpt.done_next"] = found
        return found

    @property
    def office_films(self) -> frozenset[int]:
        """The sentences of an office or clinic visit note that tell plain films taken at
        this visit ("x-rays taken today show ...", "we did x-rays of her shoulder today") and
        read there (the same or the next sentence of its section gives what they showed),
        naming no films from elsewhere or an earlier day (the ER's films, an outside study,
        "films from 09/15"): the office took and read them, so it bills them beside the
        visit. Never in an ED, hospital, operative or imaging report note."""
        found: frozenset[int] | None = self.doc.memo.get("cpt.office_films")
        if found is not None:
            return found
        found = frozenset()
        told = (
            [
                m
                for m in self.of(_OFFICE_FILM)
                if m.section_kind not in _FILM_NOT_TAKEN_HERE
                and _told_taken(m)
                and not self.in_sentence((_FILM_ELSEWHERE,), m.sentence.index)
                and not _DATED.search(m.sentence.text)
            ]
            if self.note_type == "visit"
            else []
        )
        sentences = self.doc.sentences
        read = set()
        for m in told:
            i = m.sentence.index
            nxt = [i + 1] if i + 1 < len(sentences) else []
            if any(
                self.in_sentence((_FILM_READ,), j)
                for j in [i, *nxt]
                if sentences[j].section_index == m.sentence.section_index
            ):
                read.add(i)
        if read and _visit_setting(self.doc) == "office":
            found = frozenset(read)
        self.doc.memo["cpt.office_films"] = found
        return found

    def near(self, keys: Iterable[str], m: Mention[str], joined: dict[int, int]) -> bool:
        """``keys`` named in the sentence of ``m`` or in the sentence ``joined`` to it."""
        i = m.sentence.index
        return bool(self.in_sentence(keys, i)) or (
            i in joined and bool(self.in_sentence(keys, joined[i]))
        )

    def of(self, key: str) -> list[Mention[str]]:
        """The mentions of concept ``key`` (any status and section its concept allows)."""
        group = self.ruleset.groups.group_of.get(key)
        if group is not None and group not in self._matched:
            self._match_group(group)
        return self._by_concept.get(key, [])

    @property
    def by_concept(self) -> dict[str, list[Mention[str]]]:
        """Every concept mentioned in the note -> its mentions (matches every group)."""
        for group in self.ruleset.groups.matchers:
            if group not in self._matched:
                self._match_group(group)
        return self._by_concept

    def triggered_rules(self) -> list[Rule]:
        """The rules, in rule order, with a trigger concept mentioned in the note (in any
        section or status): a rule without one cannot fire."""
        index = self.ruleset.rules_by_trigger
        found: set[int] = set()
        for key in self._by_concept:  # the trigger group is always matched
            found.update(index.get(key, ()))
        rules = self.ruleset.rules
        return [rules[i] for i in sorted(found)]

    def listed_families(self) -> frozenset[str]:
        """Rule families (code-family files) whose services the procedure list names: a
        trigger of one of their rules said as done in a title sentence."""
        found: frozenset[str] | None = self.doc.memo.get("cpt.listed_families")
        if found is None:
            fams = set()
            for rule in self.triggered_rules():
                if rule.family in fams:
                    continue
                if any(m.sentence.index in self.titles for m in self.mentions(rule.triggers)):
                    fams.add(rule.family)
            found = frozenset(fams)
            self.doc.memo["cpt.listed_families"] = found
        return found

    def mentions(
        self,
        keys: Iterable[str],
        sections: frozenset[str] | None = None,
        *,
        any_status: bool = False,
    ) -> list[Mention[str]]:
        # the same few concept lists are asked for every trigger of every rule: kept per note
        # (a long note's trigger count times its mention count would be quadratic)
        memo_key = (tuple(keys), sections, any_status)
        done = self._mentions_memo.get(memo_key)
        if done is not None:
            return list(done)
        out: list[Mention[str]] = []
        for key in memo_key[0]:
            allowed = self.ruleset.concepts[key].statuses
            for m in self.of(key):
                if (
                    not any_status
                    and m.status not in allowed
                    and not self._told_done(m, allowed)
                    and not self._listed_stopped(m, allowed)
                ):
                    continue
                if sections is not None and m.section_kind not in sections:
                    continue
                out.append(m)
        self._mentions_memo[memo_key] = tuple(out)
        return out

    def _told_done(self, m: Mention[str], allowed: frozenset[str]) -> bool:
        """A write-up's history and course tell its studies in the past tense: done."""
        return (
            self.narrative_studies
            and m.status == "historical"
            and "present" in allowed
            and m.section_kind in _NARRATIVE_SECTIONS
        )

    def _listed_stopped(self, m: Mention[str], allowed: frozenset[str]) -> bool:
        """A procedure list item called attempted or aborted, in a note that tells the
        procedure begun and then stopped: the service intended (reported discontinued)."""
        return (
            self.discontinued
            and m.status == "aborted"
            and "present" in allowed
            and m.sentence.index in self.titles
        )

    def done_by_another(self, m: Mention[str]) -> bool:
        """The service is told as another clinician's or service's part of the work, right
        after its words in the same clause ("rigid sigmoidoscopy by Dr. X", "PE tube placement
        by Dr. Y, from ENT", "the catheter was placed via a percutaneous approach by the pain
        management"); "requested/assisted/interpreted by Dr. X" names no other performer."""
        norms = self.doc.tokens.norms
        for p in self.in_sentence(_BY_ANOTHER, m.sentence.index):
            # after the service's first word: a loose trigger phrase may reach over it
            # ("tube placement by Dr. X, from Ear ...")
            if p.tok_lo <= m.tok_lo or p.tok_lo - m.tok_hi > _BY_ANOTHER_GAP[p.payload]:
                continue
            between = self.doc.text[min(m.end, p.start) : p.start]
            if p.payload == _BY_ANOTHER[0] and any(ch in between for ch in ",;:()"):
                continue
            if p.payload == _BY_ANOTHER[1] and self._service_between(m, p):
                continue  # the other dictation tells the service named after this one
            before = norms[p.tok_lo - 1] if p.tok_lo > m.tok_hi else ""
            if before not in _TOLD_DONE and (before.endswith(("ed", "en")) or before in _READ):
                continue
            return True
        return False

    @property
    def detailed_narrative(self) -> bool:
        """The note narrates its operation in detail (a description of many sentences)."""
        n = sum(1 for s in self.doc.sentences if s.section_kind == "description")
        return n >= _DETAILED_NARRATIVE

    def others_work(self, m: Mention[str]) -> bool:
        key = (m.payload, m.start, m.end)
        found = self._others.get(key)
        if found is None:
            found = self._others[key] = self._others_work(m)
        return found

    def _others_work(self, m: Mention[str]) -> bool:
        """The service is told as another clinician's work: "... by Dr. X" right after it
        (:meth:`done_by_another`), or after a head of sentence that makes another clinician or
        service its doer ("Dr. X then performed the bronchoscopy", "the ENT team performed
        the tracheostomy"), in the next sentence going on with "He/She/They ...", or after the
        case was handed over ("turned over to Dr. Y for an appendectomy")."""
        if self._told_as_others(m):
            return True
        # ... and the same service named again further on in that section ("Bronchoscope
        # was then removed"), unless the author tells it as his own there
        norms = self.doc.tokens.norms
        if _SELF & set(norms[m.sentence.tok_lo : m.sentence.tok_hi]):
            return False
        return any(
            x.start < m.start
            and x.sentence.section_index == m.sentence.section_index
            and x.sentence.index not in self.titles
            and self._told_as_others(x)
            for x in self.of(m.payload)
        )

    def _told_as_others(self, m: Mention[str]) -> bool:
        return self.done_by_another(m) or self._in_others_span(m)

    def _in_others_span(self, m: Mention[str]) -> bool:
        start = self._others_spans().get(m.sentence.index)
        return start is not None and m.tok_lo >= start

    def _others_spans(self) -> dict[int, int]:
        """Sentence index -> the token from which it tells another clinician's work."""
        found: dict[int, int] | None = self.doc.memo.get("cpt.others_spans")
        if found is not None:
            return found
        found = {}
        norms = self.doc.tokens.norms
        sentences = self.doc.sentences
        for key, head in ((_ANOTHER_PERFORMS, True), (_HANDED_TO_ANOTHER, False)):
            for cue in self.of(key):
                sent = cue.sentence
                lead = norms[sent.tok_lo : cue.tok_lo]
                if head and (len(lead) > _HEAD_WORDS or _SUBORDINATE & set(lead)):
                    continue  # not the sentence's doer ("After Dr. X had completed ...")
                told = norms[sent.tok_lo : sent.tok_hi] if head else norms[cue.tok_lo : sent.tok_hi]
                if _SELF & set(told):
                    continue  # "Dr. X and I performed ...", "... I then harvested the flap"
                i = sent.index
                found[i] = min(found.get(i, cue.tok_lo), cue.tok_lo)
                j = i + 1
                if j < len(sentences) and sentences[j].section_index == sent.section_index:
                    nxt = sentences[j]
                    words = norms[nxt.tok_lo : nxt.tok_hi]
                    if (
                        words
                        and (not head or words[0] in _OTHERS_PRONOUNS)
                        and not (_SELF & set(words))
                    ):
                        found.setdefault(j, nxt.tok_lo)
        self.doc.memo["cpt.others_spans"] = found
        return found

    def told_as_had(self, m: Mention[str]) -> bool:
        """A note that is neither an operative nor a visit note (a letter, a summary) telling
        what the patient had ("He had a spirometry, which was normal", "He had his gallbladder
        removed", "The patient had tympanoplasty surgery ...") tells the past, not a service
        its author performs."""
        if self.note_type != "other":
            return False
        norms = self.doc.tokens.norms
        i = m.sentence.tok_lo
        if i < len(norms) and norms[i] == "the":
            i += 1
        if i + 1 >= m.tok_lo or norms[i] not in _HAD_SUBJECTS:
            return False
        if "today" in norms[m.sentence.tok_lo : m.sentence.tok_hi]:
            return False  # "she had an injection today": this visit's service
        return norms[i + 1] == "had" or (norms[i + 1] == "has" and norms[i + 2] == "had")

    def _service_between(self, m: Mention[str], cue: Mention[str]) -> bool:
        """Another service named between ``m`` and ``cue`` ("right knee arthroplasty, with a
        left knee arthroplasty that will be dictated separately")."""
        return any(
            x.sentence.index == m.sentence.index and m.end <= x.start and x.end <= cue.start
            for key in self.ruleset.rules_by_trigger
            for x in self._by_concept.get(key, ())
        )

    def documented(
        self, keys: Iterable[str], sections: frozenset[str], *, own: bool = False
    ) -> bool:
        """A mention of ``keys`` told as done in ``sections``. ``own``: not in a sentence that
        makes another clinician the doer ("Dr. Y then performed an appendectomy" rules out no
        service of this author's); a service told "by Dr. X" in passing (a wire localization
        by the radiologist) still tells what this author's excision is."""
        return any(
            not (own and (self._in_others_span(m) or self.listed_as_others(m)))
            for m in self.mentions(keys, sections)
        )

    def where_for(self, keys: Iterable[str], where: frozenset[str]) -> frozenset[str]:
        """The sections a rule's ``requires``/``excludes`` items are looked for in: the rule's
        own, or every section for a concept marked ``anywhere`` (an earlier study told in the
        consent, the author's own follow-up told with the discharge medications)."""
        if any(self.ruleset.concepts[k].anywhere for k in keys):
            return SECTION_KINDS
        return where

    def listed_as_others(self, m: Mention[str]) -> bool:
        """A procedure-list mention of a service the narrative tells only as another
        clinician's work ("2. Intraoperative bronchoscopy" over "bronchoscopy was performed
        by Dr. Y")."""
        if m.sentence.index not in self.titles:
            return False
        told = [
            x
            for x in self.mentions([m.payload], PERFORMANCE_SECTIONS)
            if x.sentence.index not in self.titles
        ]
        return self.told_only_as_others(told)

    def told_only_as_others(self, told: list[Mention[str]]) -> bool:
        """The narrative's mentions of a listed service all tell it as another clinician's
        work. A part written up by a co-surgeon ("the nidus was dissected, as further described
        by Dr. X") is shared work, which each surgeon reports: the list keeps it."""
        shared = {p.sentence.index for p in self.of(_BY_ANOTHER[1])}
        if any(x.sentence.index in shared for x in told) or self.of(_CO_SURGEONS):
            return False
        return any(self.others_work(x) for x in told) and all(self.others_work(x) for x in told)

    def in_sentence(self, keys: Iterable[str], sentence_index: int) -> list[Mention[str]]:
        return [m for m in self.mentions(keys) if m.sentence.index == sentence_index]

    def context_of(self, family: str, m: Mention[str]) -> str | None:
        """The family context (e.g. colonoscopy vs EGD) a trigger mention belongs to: the
        context named in its own sentence, else the nearest one before it, else after it."""
        found = self.context_mention(family, m)
        return None if found is None else found.payload

    def context_mention(self, family: str, m: Mention[str]) -> Mention[str] | None:
        """The mention of the procedure (family context) a trigger mention belongs to."""
        keys = self.ruleset.contexts.get(family, ())
        if not keys:
            return None
        if family not in self._context_index:
            found = sorted(
                (x for x in self.mentions(keys, PERFORMANCE_SECTIONS | {"procedure"})),
                key=lambda x: x.start,
            )
            self._context_index[family] = ([x.start for x in found], found)
        starts, found = self._context_index[family]
        if not found:
            return None
        same = [x for x in found if x.sentence.index == m.sentence.index]
        if same:
            return min(same, key=lambda x: (abs(x.tok_lo - m.tok_lo), x.start))
        # anatomy named in the sentence ("duodenal biopsies") points to one procedure
        documented = {x.payload for x in found}
        hinted = {
            ctx
            for ctx, hint_keys in self.ruleset.hints.get(family, {}).items()
            if ctx in documented and self.in_sentence(hint_keys, m.sentence.index)
        }
        if len(hinted) == 1:
            ctx = hinted.pop()
            # the nearest mention of that procedure
            return min((x for x in found if x.payload == ctx), key=lambda x: abs(x.start - m.start))
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            return found[i]
        return found[0]


# Another clinician or service named as the one who did the work, in the service's clause, or
# the other clinician's own dictation named as telling it, later in its sentence (concepts of
# rules/common.yaml), at most this many words after the service's own words; and the verbs
# before "by Dr." that still tell the work as done by that doctor.
_BY_ANOTHER = ("common.performed_by_another", "common.dictated_by_another")
_BY_ANOTHER_GAP = {_BY_ANOTHER[0]: 6, _BY_ANOTHER[1]: 12}
# Another clinician or service told as the doer at the head of a sentence, and the case handed
# over to another surgeon (concepts of rules/common.yaml); the words that may open such a
# sentence before the doer ("At this point, Dr. X ..."), the words of the author himself, the
# words that make the doer's clause a subordinate one ("After Dr. X had completed the
# resection, I ..."), and the pronouns that carry the other clinician's work into the next
# sentence.
_ANOTHER_PERFORMS = "common.another_performs"
_CO_SURGEONS = "common.co_surgeons"
_HANDED_TO_ANOTHER = "common.handed_to_another"
_HEAD_WORDS = 4
_SELF = frozenset({"i", "we", "me", "myself", "us", "my", "our"})
# A narrative of this many sentences tells the operation step by step; where its story of
# the work is told (rule key ``narrative_tells``)
_DETAILED_NARRATIVE = 8
_STORY_SECTIONS = frozenset({"description", "technique", "findings"})
_SUBORDINATE = frozenset({"after", "once", "when", "while", "until", "before", "as", "since"})
_OTHERS_PRONOUNS = frozenset({"he", "she", "they", "dr", "doctor"})
_TOLD_DONE = frozenset(
    {"performed", "placed", "inserted", "completed", "accomplished", "undertaken", "done", "out"}
)
_READ = frozenset({"read", "seen", "given", "taken"})
# who "had" a service told as past in a letter or summary ("He had a spirometry")
_HAD_SUBJECTS = frozenset({"he", "she", "patient", "they"})

_PRESENT_ONLY = frozenset({"present"})
# the next sentence telling a visit's finding as removed or treated (rules/common.yaml)
_DONE_TO_IT = "common.done_to_it"
# a visit-course sentence telling what was done before the visit or elsewhere
_BEFORE_THE_VISIT = "common.before_the_visit"
# plain films taken and read at an office visit (rules/radiology.yaml, see office_films)
_OFFICE_FILM = "radiology.office_film"
_FILM_ELSEWHERE = "radiology.office_film_elsewhere"
_FILM_READ = "radiology.office_film_read"
# a date named with the films ("films from 09/15/07"): an earlier day's study
_DATED = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:19|20)\d\d\b")
# a plan's sentence that tells the films as still to come ("x-rays will be taken today")
_FILM_TO_COME = re.compile(
    r"\b(will|shall|would|going to|to be|plan\w*|schedul\w*|order\w*|need\w*|next|"
    r"should|request\w*|recommend\w*)\b",
    re.IGNORECASE,
)


def _told_taken(m: Mention[str]) -> bool:
    """Films told as taken: present or past, or in a SOAP plan ("we did x-rays of her
    shoulder today", read as planned there) with no word of their being still to come."""
    if m.status in ("present", "historical"):
        return True
    return m.status == "hypothetical" and not _FILM_TO_COME.search(m.sentence.text)


# where films told as taken are not this visit's work: the histories and medication lists
_FILM_NOT_TAKEN_HERE = frozenset(
    {"pmh", "psh", "family_history", "social_history", "ros", "medications", "allergies"}
)
# where a visit's finding told so may stand (not its history or what brought the patient)
_NOT_FOUND_AT_VISIT = frozenset(
    {
        "hpi", "history", "pmh", "psh", "family_history", "social_history", "ros",
        "chief_complaint", "medications", "allergies", "indications",
    }
)  # fmt: skip
_DENIALS = frozenset({"not", "never"})


def _of_others_procedure(facts: NoteFacts, family: str, m: Mention[str]) -> bool:
    """The procedure ``m`` belongs to is told in the narrative as another clinician's."""
    ctx = facts.context_mention(family, m)
    return (
        ctx is not None
        and ctx.sentence.index not in facts.titles
        and ctx.start < m.start
        and facts.others_work(ctx)
    )


def _denied_inside(doc: Document, m: Mention[str]) -> bool:
    """A phrase with a gap ("polyp ~6 removed", "posterior malleolus ~8 fixed") can swallow
    the denial between its words ("the polyp could not be removed", "the adenoids were not
    removed"); the assertion reads only the words around a mention, so such a mention is no
    service done. Phrases that spell the denial themselves ("could not ~6 cecum") are kept."""
    norms = doc.tokens.norms
    if not any(norms[i] in _DENIALS for i in range(m.tok_lo + 1, m.tok_hi - 1)):
        return False
    return not any(w in _DENIALS for w in re.findall(r"[a-z]+", m.phrase.lower()))


# The history and course of a case write-up, where it tells the studies it reports.
_NARRATIVE_SECTIONS = frozenset({"hpi", "history"})
# A study done elsewhere or before ("an outside MRI", "a local ER's CT", "prior films").
_ELSEWHERE = frozenset({"outside", "local", "prior", "previous", "previously", "elsewhere"})


# Words that name an imaging study in a narrative sentence.
_MODALITY = frozenset(
    {
        "mri", "mr", "mra", "ct", "cta", "hct", "cat", "pet", "spect", "scan", "ultrasound",
        "sonogram", "doppler", "duplex", "angiogram", "angiography", "arteriogram", "arteriography",
        "venogram", "myelogram", "myelography", "radiograph", "radiographs", "xray", "x", "films",
        "cxr", "mammogram", "scintigraphy",
    }
)  # fmt: skip
# Tests of a work-up listed with a study ("CBC, PT/PTT, EKG and CXR were unremarkable"): a
# screening list, not the study the write-up features.
_WORKUP = frozenset(
    {"cbc", "ptt", "esr", "crp", "tsh", "ekg", "ecg", "ana", "b12", "electrolytes", "urinalysis"}
)

_UNREMARKABLE = frozenset({"negative", "unremarkable", "normal", "wnl"})


def _elsewhere(doc: Document, m: Mention[str]) -> bool:
    """Not a study this write-up reports: done elsewhere or before, named in a work-up list,
    or a sentence that names no imaging at all (MR signal words about a spinal tap)."""
    words = set(doc.tokens.norms[m.sentence.tok_lo : m.sentence.tok_hi])
    if "were" in words and words & _UNREMARKABLE:
        return True  # "Chest-abdominal-pelvic CT scans were negative": the work-up's screens
    return bool(words & (_ELSEWHERE | _WORKUP)) or not words & _MODALITY


def _trigger_sections(rule: Rule, facts: NoteFacts) -> frozenset[str]:
    return rule.sections | ({"procedure"} if rule.listed else frozenset())


def _near_area(doc: Document, m: Mention[str]) -> Size | None:
    """An area told in square units in the trigger's sentence (the largest one)."""
    found = areas(doc, m.sentence.start, m.sentence.end)
    return max(found, key=_area) if found else None


def _near_sizes(doc: Document, m: Mention[str], *, area: bool = False) -> Size | None:
    sent = m.sentence
    if area and (told := _near_area(doc, m)) is not None:
        return told
    found = _sentence_size(doc, sent.start, sent.end)
    if found is None:
        # the next two and the previous sentence of the same section
        idx = sent.index
        for j in (idx + 1, idx + 2, idx - 1):
            if 0 <= j < len(doc.sentences) and doc.sentences[j].section_index == sent.section_index:
                other = doc.sentences[j]
                found = _sentence_size(doc, other.start, other.end)
                if found is not None:
                    break
    return found


_MARGIN_AFTER = re.compile(
    r"[\s-]*(?:(?:clinical|surgical|peripheral|gross|free|clear|normal skin)\s+)?margins?\b", re.I
)
_DIAMETER_BEFORE = re.compile(r"(?:diameter|ellipse)\W*(?:\w+\W+){0,3}$", re.I)


def _sentence_size(doc: Document, start: int, end: int) -> Size | None:
    """The size a sentence gives for the lesion or wound: the largest one, except that margins
    are no lesion size, and a lesion told with its margin ("a 0.6 cm nevus was excised with 2 mm
    margins") is measured as CPT's excised diameter, the lesion's greatest diameter plus twice
    the narrowest margin (unless the sentence gives the excised diameter itself)."""
    found = sizes(doc, start, end)
    margins = [s for s in found if _MARGIN_AFTER.match(doc.text, s.end)]
    lesions = [s for s in found if s not in margins]
    if not lesions:
        return None
    lesion = max(lesions, key=lambda s: s.largest_cm)
    if not margins or any(
        _DIAMETER_BEFORE.search(doc.text, max(start, s.start - 40), s.start) for s in lesions
    ):
        return lesion
    margin = min(s.largest_cm for s in margins)
    return Size((round(lesion.largest_cm + 2 * margin, 4),), lesion.start, lesion.end)


def _sizes_where(facts: NoteFacts, keys: tuple[str, ...], *, total: bool = False) -> Size | None:
    """The largest size in a sentence that mentions one of ``keys`` ("the defect measured");
    a SOAP note measures the lesion in its examination (O -) and removes it under P -.
    ``total``: a sentence that measures several wounds ("two lacerations of the forearm, 2 cm
    and 1.5 cm") gives their summed length (wounds told in different sentences are not added:
    an examination and an assessment may tell the same wound twice)."""
    # the same for every trigger of the note's rules: worked out once per note
    memo = facts.sizes_memo
    if (keys, total) in memo:
        return memo[keys, total]
    found: list[Size] = []
    for m in facts.mentions(keys, PERFORMANCE_SECTIONS | QUALIFIER_SECTIONS | {"exam"}):
        size = _sentence_size(facts.doc, m.sentence.start, m.sentence.end)
        if total and size is not None:
            lengths = _wound_lengths(facts.doc, m.sentence.start, m.sentence.end)
            if len(lengths) >= 2:
                first = min(lengths, key=lambda x: x.start)
                summed = round(sum(x.largest_cm for x in lengths), 4)
                size = Size((summed,), first.start, first.end)
        if size is not None:
            found.append(size)
    largest = max(found, key=lambda s: s.largest_cm) if found else None
    memo[keys, total] = largest
    return largest


def _total_size(doc: Document, trig: list[Mention[str]]) -> Size | None:
    """The summed length of several wounds, each measured in its own trigger sentence ("a 3 cm
    laceration of the forearm was closed in layers. A 2 cm laceration of the arm was closed in
    layers" is 5 cm). Sizes are added within one section (a procedure list and a narrative
    telling the same wounds are not added together) and the larger section total is kept;
    None when fewer than two wounds are measured so (one wound: the usual reading)."""
    by_section: dict[int, dict[int, Size]] = {}
    for m in trig:
        for s in _wound_lengths(doc, m.sentence.start, m.sentence.end):
            by_section.setdefault(m.sentence.section_index, {})[s.start] = s
    best: list[Size] = []
    for group in by_section.values():
        if len(group) >= 2 and sum(x.largest_cm for x in group.values()) > sum(
            x.largest_cm for x in best
        ):
            best = list(group.values())
    if not best:
        return None
    first = min(best, key=lambda x: x.start)
    return Size((round(sum(x.largest_cm for x in best), 4),), first.start, first.end)


# between two areas of one sentence that are different sites ("15 x 18 cm on the right leg and
# 15 x 15 cm on the left leg"): a joining word, and no word that makes them one site told twice
# (a graft "over" or "to cover" its defect, the donor area it was "harvested from")
_AREA_JOIN = re.compile(r"\band\b|,|;|\bplus\b", re.I)
_SAME_SITE = re.compile(
    r"\b(?:over|cover\w*|onto|into|from|harvest\w*|donor|defect|wound|measur\w*|"
    r"meshed|trimmed|after|then|reduc\w*|becam\w*)\b",
    re.I,
)


def _total_area(doc: Document, trig: list[Mention[str]]) -> Size | None:
    """The summed area of grafts at several sites told in one trigger sentence ("grafts of
    15 x 18 cm on the right leg and 15 x 15 cm on the left leg" is 495 sq cm: CPT adds the
    grafted areas of one anatomic group). Areas a sentence ties to one site (a graft and the
    defect it covers, its donor area) are not added; None when no sentence tells two areas."""
    best: Size | None = None
    seen: set[int] = set()
    for m in trig:
        sent = m.sentence
        if sent.start in seen:
            continue
        seen.add(sent.start)
        found = [s for s in sizes(doc, sent.start, sent.end) if len(s.dims_cm) >= 2 or s.area_cm2]
        if len(found) < 2 or re.search(
            r"\b(?:donor|harvest\w*)\b", doc.text[sent.start : sent.end], re.I
        ):
            continue
        gaps = [doc.text[a.end : b.start] for a, b in itertools.pairwise(found)]
        if not all(
            len(g) <= 80 and _AREA_JOIN.search(g) and not _SAME_SITE.search(g) for g in gaps
        ):
            continue
        area = round(sum(_area(s) for s in found), 4)
        if best is None or area > _area(best):
            best = Size((), found[0].start, found[0].end, area_cm2=area)
    return best


_GRAMS = re.compile(r"\b(\d{1,4}(?:,\d{3})?(?:\.\d+)?)\s*-?\s*(?:g|gm|gms|gram|grams)\b", re.I)


def _weight_where(facts: NoteFacts, keys: tuple[str, ...]) -> float | None:
    """The largest weight in grams ("weighed 320 g", "410 grams") told in a sentence that
    names one of ``keys`` (the uterus, the specimen); None when no such weight is told."""
    found: list[float] = []
    for m in facts.mentions(keys, PERFORMANCE_SECTIONS | QUALIFIER_SECTIONS, any_status=True):
        sent = m.sentence
        for g in _GRAMS.finditer(facts.doc.text, sent.start, sent.end):
            found.append(float(g.group(1).replace(",", "")))
    return max(found) if found else None


_ML = re.compile(
    r"(?<![\w.])(\d{1,4}(?:\.\d+)?|\.\d+)\s*-?\s*(?:cc|ccs|ml|mls|milliliters?|millilitres?)\b",
    re.I,
)


def _volume_where(facts: NoteFacts, keys: tuple[str, ...]) -> float | None:
    """The total volume in cc or mL told in the sentences that name one of ``keys`` (a filler
    injected at two sites: "2 mL of Perlane ... 0.4 mL of Restylane" is 2.4), added within
    one section (a list and a narrative telling the same volumes are not added together);
    the largest section total, or None when no such volume is told."""
    by_section: dict[int, dict[int, float]] = {}
    for m in facts.mentions(keys, PERFORMANCE_SECTIONS | QUALIFIER_SECTIONS, any_status=True):
        sent = m.sentence
        found = [float(v.group(1)) for v in _ML.finditer(facts.doc.text, sent.start, sent.end)]
        if found:
            by_section.setdefault(sent.section_index, {})[sent.index] = sum(found)
    if not by_section:
        return None
    return round(max(sum(v.values()) for v in by_section.values()), 4)


_NOT_A_LENGTH_AFTER = re.compile(
    r"[\s-]*(?:in\s+)?(?:deep|depth|wide|width|margins?|apart|proximal|distal|above|below|from)\b",
    re.I,
)
_WOUNDS = re.compile(r"\b(?:lacerations|wounds|cuts|gashes)\b", re.I)
_JOINED = re.compile(r"^[\s,;]*(?:and|&|plus)?\s*(?:an?|another|one)?\s*$", re.I)


def _wound_lengths(doc: Document, start: int, end: int) -> list[Size]:
    """The wound lengths a repair sentence tells: its largest size, or each length when the
    sentence tells several wounds ("lacerations of 2 cm and 3 cm", "a 3 cm forearm laceration
    and a 2 cm hand laceration") - a depth, width or margin is no length."""
    found = [s for s in sizes(doc, start, end) if not _NOT_A_LENGTH_AFTER.match(doc.text, s.end)]
    if not found:
        return []
    if len(found) >= 2 and (
        _WOUNDS.search(doc.text, start, end)
        or all(
            _JOINED.match(doc.text[a.end : b.start])
            or re.search(r"\b(?:laceration|wound|cut)\b", doc.text[a.end : b.start], re.I)
            for a, b in itertools.pairwise(found)
        )
    ):
        return found
    return [max(found, key=lambda x: x.largest_cm)]


def _area(size: Size) -> float:
    """Area in sq cm: as told, else length x width, or the square of a single dimension."""
    if size.area_cm2 is not None:
        return size.area_cm2
    dims = sorted(size.dims_cm, reverse=True)
    return dims[0] * dims[1] if len(dims) >= 2 else dims[0] * dims[0]


_LIST_ITEM = re.compile(r"\s*(?:#\s*)?\d{1,2}\s*[.)]\s")


# words that end one service's clause and start the next in a sentence that chains them
_CLAUSE_BREAK = re.compile(r";|\bfollowed by\b|\b(?:and )?then\b|\bsubsequent(?:ly)?\b", re.I)


_LEVEL_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4}
_LEVELS_TOLD = re.compile(
    r"\b(both|two|three|four|[234])[ \t]+(?:levels|interspaces|dis[ck][ \t]+spaces)\b", re.I
)


def _clause_of(doc: Document, m: Mention[str]) -> tuple[int, int]:
    """The stretch of the mention's sentence between the chaining words around it, when the
    clause names spine levels; else the whole sentence."""
    s = m.sentence
    lo, hi = s.start, s.end
    for br in _CLAUSE_BREAK.finditer(doc.text, s.start, s.end):
        if br.end() <= m.start:
            lo = br.end()
        elif br.start() >= m.end:
            hi = br.start()
            break
    if (lo, hi) != (s.start, s.end) and find_spine_levels(doc, lo, hi):
        return lo, hi
    return s.start, s.end


# a level written right after "attempted" ("right L4, attempted L5, and S1 transforaminal"):
# the needle could not reach it, so it is not a level of the service
_NOT_DONE_BEFORE = ("attempted", "failed", "unsuccessful", "aborted")


def _done_levels(doc: Document, lo: int, hi: int) -> list[SpineLevel]:
    return [
        lv
        for lv in find_spine_levels(doc, lo, hi)
        if not doc.text[max(lo, lv.start - 14) : lv.start]
        .lower()
        .rstrip()
        .endswith(_NOT_DONE_BEFORE)
    ]


def _count(rule: Rule, facts: NoteFacts, trig: list[Mention[str]]) -> int:
    spec = rule.count
    assert spec is not None
    doc = facts.doc
    if spec.levels:
        # The levels written with the service itself ("fusion L4 to S1"): in a sentence that
        # chains several services (an interbody fusion at two interspaces, "followed by" screws
        # in four vertebrae, "and then" grafting at a higher interspace), those of the
        # service's own clause; else the procedure list.
        levels = []
        for lo, hi in sorted({_clause_of(doc, m) for m in trig}):
            levels.extend(_done_levels(doc, lo, hi))
        if levels:
            return max(1, (foramen_count if spec.roots else interspace_count)(levels))
        # "the spacers were placed at both levels"
        for m in trig:
            told = _LEVELS_TOLD.search(doc.text, m.sentence.start, m.sentence.end)
            if told:
                return _LEVEL_WORDS.get(told.group(1).lower()) or int(told.group(1))
        for i in sorted(facts.titles):
            s = doc.sentences[i]
            levels.extend(_done_levels(doc, s.start, s.end))
        if levels:
            return max(1, (foramen_count if spec.roots else interspace_count)(levels))
        return 1
    if spec.distinct:
        return _distinct_count(doc, facts.mentions(spec.of, PERFORMANCE_SECTIONS | rule.sections))
    if spec.limbs:
        # (for an each-additional-limb code: the rule's own conditions name a second limb,
        # so a side the wording hides from the count still leaves two)
        kinds = [facts.mentions((key,), PERFORMANCE_SECTIONS | rule.sections) for key in spec.of]
        return max(2, _limb_count(doc, kinds))
    best = 0
    plural = False
    found = facts.mentions(spec.of, PERFORMANCE_SECTIONS | rule.sections)
    if spec.span:
        # a run told with the service ("intercostal block from the fourth to the tenth
        # spaces", "injected in the spaces four to eight"): both ends count
        runs = [numbered_span(doc, m.sentence.start, m.sentence.end) for m in found]
        best = max((n for n in runs if n is not None), default=0)
        if best:
            return best
    # a procedure list that names the service once per item ("1. Escharotomy, right arm.
    # 2. Escharotomy, left arm.") counts its items
    items = {
        m.sentence.index
        for m in found
        if m.sentence.index in facts.titles
        and _LIST_ITEM.match(doc.text, m.sentence.start, m.sentence.end)
    }
    if len(items) >= 2:
        best = len(items)
    for m in found:
        n = count_before(doc, m.tok_lo)
        if n is not None:
            best = max(best, n.value)
        after = ordinal_after(doc, m.tok_hi)  # "stage II", "level 3"
        if after is not None:
            best = max(best, after)
        word = doc.tokens.norms[m.tok_hi - 1]
        plural = plural or (word.endswith("s") and not word.endswith("ss"))
    if best:
        return best
    return 2 if plural else 1


_SIDE_WORDS = {"right": "right", "rt": "right", "left": "left", "lt": "left"}
_BOTH_SIDES = frozenset({"bilateral", "bilaterally", "both"})


def _distinct_count(doc: Document, mentions: list[Mention[str]]) -> int:
    """How many different things the mentions name, each with the side written just before
    it: a results list names each study once or twice ("right median sensory response ...
    left median sensory ... the right median sensory amplitude"), so repeats count once."""
    norms = doc.tokens.norms
    sided: set[tuple[str, ...]] = set()
    unsided: set[tuple[str, ...]] = set()
    for m in mentions:
        words = tuple(norms[m.tok_lo : m.tok_hi])
        for i in range(m.tok_lo - 1, max(m.sentence.tok_lo, m.tok_lo - 3) - 1, -1):
            if norms[i] in _SIDE_WORDS:
                sided.add((_SIDE_WORDS[norms[i]], *words))
                break
            if norms[i] in _BOTH_SIDES:  # "bilateral sural responses": one study a side
                sided.update({("right", *words), ("left", *words)})
                break
        else:
            unsided.add(words)
    # a summary that names a study without its side ("borderline median sensory responses")
    # repeats a sided one
    return len(sided) + len(unsided - {key[1:] for key in sided})


def _limb_count(doc: Document, kinds: list[list[Mention[str]]]) -> int:
    """How many limbs the mentions name: each list is one kind of limb (the muscles of an
    arm, of a leg), and a mention's side - the word just before it, or "bilaterally" just
    after - makes it that side's limb ("left pectoralis major, left wrist flexors and
    bilateral knee extensors" = three limbs). A kind named without any side is one limb."""
    norms = doc.tokens.norms
    total = 0
    for mentions in kinds:
        sides: set[str] = set()
        for m in mentions:
            for i in range(m.tok_lo - 1, max(m.sentence.tok_lo, m.tok_lo - 3) - 1, -1):
                if norms[i] in _SIDE_WORDS:
                    sides.add(_SIDE_WORDS[norms[i]])
                    break
                if norms[i] in _BOTH_SIDES:
                    sides.update(("right", "left"))
                    break
            else:
                after = norms[m.tok_hi : min(m.sentence.tok_hi, m.tok_hi + 2)]
                if "bilaterally" in after or "bilateral" in after:
                    sides.update(("right", "left"))
        total += len(sides) or (1 if mentions else 0)
    return total


def _visit_setting(doc: Document) -> str | None:
    """The E/M plugin's setting of a visit note (office, emergency, hospital ...)."""
    from agentkit.coding.engine.em import visit_setting  # the E/M engine reads CPT data

    return visit_setting(doc)


def _is_plain_film(rule: Rule) -> bool:
    """An imaging report's rule for plain films of a body part (its triggers name films)."""
    return (
        rule.family == "radiology"
        and rule.note_types == _RADIOLOGY_ONLY
        and rule.summary.startswith("Radiologic examination")
        and any("@xray" in t or t.endswith(" series") for t in rule.triggers)
    )


_RADIOLOGY_ONLY = frozenset({"radiology"})


def _office_film_hit(rule: Rule, facts: NoteFacts) -> Hit | None:
    """Plain films an office visit took and read (``NoteFacts.office_films``): the body
    part, views and side are judged in the sentence that tells them taken (a visit's plan
    for an MRI or its history of an outside CT is no word about these films)."""
    films = facts.office_films
    trig = [
        m
        for m in facts.mentions(rule.triggers, any_status=True)
        if m.sentence.index in films and m.status != "negated" and not facts.others_work(m)
    ]

    def told(keys: Iterable[str], m: Mention[str]) -> bool:
        # (a SOAP plan's sentence reads as planned: its views count as told too)
        return any(
            n.sentence.index == m.sentence.index and n.status != "negated"
            for n in facts.mentions(keys, any_status=True)
        )

    for group in (*rule.requires, *rule.requires_near):
        trig = [m for m in trig if told(group, m)]
    excluded = (*rule.excludes, *rule.excludes_near)
    if excluded:
        trig = [m for m in trig if not told(excluded, m)]
    if not trig:
        return None
    trig.sort(key=lambda m: (-(m.tok_hi - m.tok_lo), m.start))
    return Hit(rule, trig)


def _evaluate(rule: Rule, facts: NoteFacts) -> Hit | None:
    if facts.note_type == "visit" and _is_plain_film(rule):
        return _office_film_hit(rule, facts) if facts.office_films else None
    if rule.note_types is not None and facts.note_type not in rule.note_types:
        return None
    if rule.note_types is None and facts.note_type == "pathology":
        return None
    if rule.age is not None:
        assumed = rule.assume_age if rule.assume_age is not None else ASSUMED_AGE
        age = facts.age if facts.age is not None else assumed
        if not rule.age[0] <= age <= rule.age[1]:
            return None
    if rule.sections and rule.sections <= _NARRATIVE_SECTIONS and not facts.narrative_studies:
        return None  # a study only a case write-up's history tells (read in that mode alone)
    doc = facts.doc
    sections = _trigger_sections(rule, facts)
    narrative = facts.narrative_studies and rule.family == "radiology"
    if narrative:
        sections = sections | _NARRATIVE_SECTIONS
    course: frozenset[int] = frozenset()
    # a visit's finding whose next sentence tells it removed or treated: sentence -> that one
    joined: dict[int, int] = {}
    before: set[int] = set()
    if facts.note_type == "visit" and rule.sections == PERFORMANCE_SECTIONS:
        # In a visit note the service is the visit: a procedure counts only when the note
        # records it as done today under its own heading, not when the history mentions it,
        # or tells it as done in the course of the encounter (ED COURSE)
        sections = VISIT_PROCEDURE_SECTIONS
    elif facts.note_type == "radiology" and rule.sections == PERFORMANCE_SECTIONS:
        # an imaging report's EXAM paragraph tells how the study was done ("64-slice CT of
        # the heart after contrast"), so it documents the study as much as its technique
        sections = sections | {"exam"}
    if facts.note_type == "visit" and rule.at_visit:
        # (also for a rule with sections of its own: a burn dressed in the ED course)
        course = facts.visit_course
        joined = {
            i: j
            for i, j in facts.done_next().items()
            if doc.sentences[i].section_kind not in _NOT_FOUND_AT_VISIT
        }
        # ... but not what such a sentence tells as done before the visit or elsewhere
        before = {m.sentence.index for m in facts.of(_BEFORE_THE_VISIT)}
        joined = {i: j for i, j in joined.items() if i not in before and j not in before}
    if "exam" in sections and facts.physical_exam and not rule.bedside_test:
        # a physical examination ("Lungs: CTA" is clear to auscultation, a head circumference
        # no fetal biometry, "no history of ... stress test" in a review of systems) never
        # tells a study done
        sections = sections - {"exam"}
    trig = [
        m
        for m in facts.mentions(rule.triggers)
        if (
            m.section_kind in sections
            or m.sentence.index in facts.titles
            or (m.sentence.section_index in course and m.sentence.index not in before)
            or m.sentence.index in joined
        )
        and not facts.others_work(m)
        and not facts.told_as_had(m)
    ]
    if narrative:
        trig = [m for m in trig if not _elsewhere(doc, m)]
    if rule.listed and facts.has_title:
        trig = [m for m in trig if m.sentence.index in facts.titles]
    elif facts.note_type == "radiology" and rule.note_types is None:
        # an imaging report bills other services only when it names them as done (its title,
        # or the paragraph of the procedure: "CT-GUIDED NEEDLE BIOPSY, LEFT KIDNEY MASS: ...")
        trig = [
            m
            for m in trig
            if m.sentence.index in facts.titles
            or m.section_kind in ("procedure", "technique", "description")
        ]
    elif rule.listed and facts.note_type in ("visit", "other"):
        # a minor service counts in a visit or progress note only when listed as done; a
        # note with no heading at all is one short narrative of the service ("the knee was
        # prepped ... Depo-Medrol was injected into the joint"), so its body lists it
        where_listed: tuple[str, ...] = ("procedure", "technique")
        if facts.note_type == "visit":
            # "P - The left heel was injected with 1 cc of Celestone": a SOAP plan that
            # tells the work as done today (its assertion is then present)
            where_listed += ("plan",)
        if facts.note_type == "other" and all(s.kind == "body" for s in doc.sections):
            where_listed += ("body",)
        trig = [
            m
            for m in trig
            if m.section_kind in where_listed
            or (m.sentence.section_index in course and m.sentence.index not in before)
            or m.sentence.index in joined
        ]
    if facts.has_title and any(m.sentence.index in facts.titles for m in trig):
        # a listed service whose narrative tells it only as another clinician's work ("2.
        # Intraoperative bronchoscopy" over "bronchoscopy was performed by Dr. Y") is his
        told = [
            m
            for m in facts.mentions(rule.triggers)
            if m.sentence.index not in facts.titles and m.section_kind in sections
        ]
        if facts.told_only_as_others(told):
            trig = []
    if not trig:
        return None
    where = PERFORMANCE_SECTIONS | rule.sections | QUALIFIER_SECTIONS
    if narrative:
        where = where | _NARRATIVE_SECTIONS
    elif facts.note_type == "visit" and rule.sections == PERFORMANCE_SECTIONS:
        # a visit's untitled story and unknown headings tell its history ("she underwent a
        # cone biopsy"): it neither documents nor rules out the work done at the visit
        where = where - _VISIT_HISTORY_SECTIONS
    decided = [
        m
        for m in trig
        if rule.decided_near and facts.in_sentence(rule.decided_near, m.sentence.index)
    ]
    if decided:
        trig = decided
    # Conditions on the decided_near words are judged in the trigger's sentence when it names
    # them ("CT without contrast" in the title outranks a word about contrast elsewhere).
    local = set(rule.decided_near) if decided else set()
    for group in rule.requires:
        if local & set(group):
            trig = [m for m in trig if facts.in_sentence(group, m.sentence.index)]
        elif not facts.documented(group, facts.where_for(group, where)):
            # a visit's finding and the next sentence that tells it removed say the rest of
            # the service themselves ("impacted wax ... It was removed with a curette")
            trig = [m for m in trig if m.sentence.index in joined and facts.near(group, m, joined)]
            if not trig:
                return None
    near_ex = tuple(k for k in rule.excludes if k in local)
    far_ex = tuple(k for k in rule.excludes if k not in local)
    if far_ex and facts.documented(far_ex, facts.where_for(far_ex, where), own=True):
        return None
    if near_ex:
        trig = [m for m in trig if not facts.in_sentence(near_ex, m.sentence.index)]
    if not trig:
        return None
    if rule.context is not None:
        trig = [m for m in trig if facts.context_of(rule.family, m) == rule.context]
        # a step of a procedure told as another clinician's is his too ("Dr. Y performed the
        # bronchoscopy ... secretions were aspirated until the airways were clear")
        trig = [m for m in trig if not _of_others_procedure(facts, rule.family, m)]
    for group in rule.requires_near:
        trig = [m for m in trig if facts.near(group, m, joined)]
    if rule.excludes_near:
        trig = [m for m in trig if not facts.near(rule.excludes_near, m, joined)]
    if not trig:
        return None
    if (
        rule.narrative_tells
        and all(m.sentence.index in facts.titles for m in trig)
        and facts.detailed_narrative
        and not facts.documented(rule.narrative_tells, _STORY_SECTIONS, own=True)
    ):
        # listed, but the operation's detailed story never tells it (a foreign body removal
        # over a story of an abscess drained; a tumor resection over a story of a biopsy), or
        # tells it only as another surgeon's work (the case turned over to him for it)
        return None
    hit = Hit(rule, trig)
    if rule.age is not None and facts.age is None:
        hit.age_assumed = True
        hit.notes.append(
            "age not documented; "
            + ("adult assumed" if rule.assume_age is None else f"age {rule.assume_age} assumed")
        )
    measure = rule.size_cm or rule.area_cm2
    total = None
    if rule.size_total:
        total = _total_area(doc, trig) if rule.area_cm2 else _total_size(doc, trig)
    if measure is not None and total is not None:
        # several wounds of the group, each measured in its own sentence (graft areas: at
        # several sites of one sentence): their sum
        value = total.largest_cm if rule.size_cm else _area(total)
        if not measure[0] <= round(value, 1) <= measure[1]:
            return None
        hit.size = total
    elif measure is not None:
        lo, hi = measure
        sized = [
            (
                m,
                _near_sizes(doc, m, area=rule.area_cm2 is not None)
                or _sizes_where(facts, rule.size_from, total=rule.size_total),
            )
            for m in trig
        ]
        with_size = [(m, s) for m, s in sized if s is not None]
        if with_size:
            fits = [
                (m, s)
                for m, s in with_size
                if lo <= round(s.largest_cm if rule.size_cm else _area(s), 1) <= hi
            ]
            if not fits:
                return None
            hit.mentions = [m for m, _ in fits]
            hit.size = fits[0][1]
        elif rule.size_missing:
            hit.size_missing = True
            hit.notes.append("size not documented")
        else:
            return None
    if rule.units_size is not None and hit.size is not None:
        if rule.area_cm2 and len(hit.size.dims_cm) < 2 and hit.size.area_cm2 is None:
            # an area counted in further units is measured, not one length squared
            return None
        over, per = rule.units_size
        value = hit.size.largest_cm if rule.size_cm else _area(hit.size)
        hit.count = max(1, math.ceil(round((value - over) / per, 6)))
    if rule.weight_g is not None:
        grams = _weight_where(facts, rule.weight_of)
        if grams is None:
            if not rule.weight_missing:
                return None
        elif not rule.weight_g[0] <= grams <= rule.weight_g[1]:
            return None
    if rule.volume_ml is not None:
        ml = _volume_where(facts, rule.volume_of)
        if ml is None:
            if not rule.volume_missing:
                return None
        elif not rule.volume_ml[0] <= ml <= rule.volume_ml[1]:
            return None
    if rule.count is not None:
        n = _count(rule, facts, hit.mentions)
        if n < rule.count.min or (rule.count.max is not None and n > rule.count.max):
            return None
        hit.count = n
    # Best evidence first: the procedure list, then longer (more specific) phrases.
    hit.mentions.sort(
        key=lambda m: (m.sentence.index not in facts.titles, -(m.tok_hi - m.tok_lo), m.start)
    )
    return hit


def match_rules(
    doc: Document,
    ruleset: RuleSet,
    age: int | None = None,
    *,
    narrative_studies: bool = False,
    discontinued: bool = False,
) -> tuple[NoteFacts, list[Hit]]:
    """Every rule that fires on ``doc``; variants of one code keep the best-supported hit.
    ``narrative_studies``: imaging rules also read the history and course (a case write-up).
    ``discontinued``: a listed service called attempted or aborted counts as done."""
    facts = NoteFacts(
        doc, ruleset, age, narrative_studies=narrative_studies, discontinued=discontinued
    )
    best: dict[str, Hit] = {}
    for rule in facts.triggered_rules():
        hit = _evaluate(rule, facts)
        if hit is None:
            continue
        prev = best.get(hit.code)
        if prev is None or _strength(hit, facts) > _strength(prev, facts):
            best[hit.code] = hit
    return facts, list(best.values())


def _strength(hit: Hit, facts: NoteFacts) -> tuple[int, int, int]:
    m = hit.mentions[0]
    return (m.sentence.index in facts.titles, not hit.size_missing, m.tok_hi - m.tok_lo)
