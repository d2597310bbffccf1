"""Find the section headings of a note and map each to a canonical kind.

Real notes write headings in capitals or mixed case, with or without a colon, with the text on
the same line or below it (``PROCEDURE PERFORMED: ...``, ``Postoperative Diagnosis:``,
``FINDINGS`` alone on a line). Capitalised ``WORDS:`` are always a heading (unknown ones get
kind ``other``, e.g. ``LEFT MAIN CORONARY ARTERY:`` in a cath report); mixed-case text is a
heading only when the heading table knows it, so ``Patient was given: ...`` is not one.
The heading table lives in ``data/sections.yaml`` for coders to extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = [
    "SECTION_KINDS",
    "HeadingTable",
    "Section",
    "find_sections",
    "heading_table",
    "kind_of_heading",
]

_SECTION_KINDS_TEXT = (
    "procedure description preop_dx postop_dx diagnosis indications findings impression "
    "assessment plan chief_complaint hpi history pmh psh family_history social_history "
    "medications allergies ros exam vitals labs anesthesia complications specimens "
    "disposition technique comparison consent other body"
)
SECTION_KINDS: frozenset[str] = frozenset(_SECTION_KINDS_TEXT.split())

SECTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "sections.yaml"

_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 8
_HEADING_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9 /&(),'.#\-]{0,79}")
# "PROCEDURE #2", "DESCRIPTION OF PROCEDURE 1", "FINDINGS NO. 3": a numbered heading of a
# multi-procedure note is the heading without its number
_HEADING_NUMBER = frozenset({"no", "number", "num"})
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the note. ``heading`` is the heading as written ('' for the untitled
    start of a note, kind ``body``); ``start``/``end`` bound the section body in the original
    text; ``heading_start``/``heading_end`` bound the heading words."""

    kind: str
    heading: str
    heading_start: int
    heading_end: int
    start: int
    end: int


_KIND_MEMO_LIMIT = 50_000


def _normalize(heading: str) -> str:
    return " ".join(_WORDS.findall(heading.lower()))


@dataclass(frozen=True)
class UnheadedParagraph:
    """A paragraph without a heading, after a blank line inside a section of one of
    ``after``, whose first sentence matches ``opens``: it starts a section of ``kind``
    (a report's "Whole body PET scanning was performed ..." under INDICATION is its
    technique, not its indication)."""

    kind: str
    after: frozenset[str]
    opens: re.Pattern[str]


@dataclass(frozen=True)
class HeadingTable:
    exact: dict[str, str]
    keywords: tuple[tuple[str, tuple[str, ...]], ...]
    paragraphs: tuple[UnheadedParagraph, ...] = ()
    # headings (normalized) of a report's result parts that state its diagnoses when it has no
    # impression: an echocardiogram's DOPPLER, M-MODE, COMMENTS
    report_findings: frozenset[str] = frozenset()
    # headings (normalized) that tell the course of a visit itself (ED COURSE, COURSE IN THE
    # ER): the work done at the encounter, where a minor procedure performed at it is told
    visit_course: frozenset[str] = frozenset()
    # heading as written -> its kind: notes repeat the same headings, and an unknown one is
    # compared with every keyword rule
    _kinds: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def kind(self, heading: str) -> str | None:
        kinds = self._kinds
        if heading in kinds:
            return kinds[heading]
        found = self._kind(heading)
        if len(kinds) < _KIND_MEMO_LIMIT:
            kinds[heading] = found
        return found

    def _kind(self, heading: str) -> str | None:
        norm = _normalize(heading)
        if not norm:
            return None
        hit = self.exact.get(norm)
        if hit is not None:
            return hit
        words = norm.split()
        if len(words) > 1 and words[-1].isdigit():
            words = words[:-1]
            if len(words) > 1 and words[-1] in _HEADING_NUMBER:
                words = words[:-1]
            hit = self.exact.get(" ".join(words))
            if hit is not None:
                return hit
        for kind, needed in self.keywords:
            if all(
                any(w.startswith(n[:-1]) if n.endswith("*") else w == n for w in words)
                for n in needed
            ):
                return kind
        return None

    def states_report_findings(self, heading: str) -> bool:
        """Is this heading a result part of a report that states its diagnoses when the
        report has no impression (``report_findings`` in the heading table)?"""
        return _normalize(heading) in self.report_findings

    def tells_visit_course(self, heading: str) -> bool:
        """Is this heading the course of the visit itself (``visit_course`` in the heading
        table): the work done at an emergency, urgent-care or office encounter?"""
        return _normalize(heading) in self.visit_course


def load_heading_table(path: Path = SECTIONS_FILE) -> HeadingTable:
    """Read and validate a heading table; errors name the file and line."""
    data = load_yaml(path)
    src = str(path)
    if not isinstance(data, YamlMap) or not isinstance(data.get("headings"), YamlMap):
        raise DataFileError(
            src, "expected a mapping with 'headings:' (kind -> list of headings)", 1
        )
    exact: dict[str, str] = {}
    headings: YamlMap = data["headings"]
    for kind, items in headings.items():
        if kind not in SECTION_KINDS:
            raise DataFileError(
                src,
                f"unknown section kind {kind!r}; use one of {', '.join(sorted(SECTION_KINDS))}",
                line_of(headings, kind),
            )
        if not isinstance(items, YamlList):
            raise DataFileError(
                src, f"{kind}: expected a list of headings", line_of(headings, kind)
            )
        for i, item in enumerate(items):
            norm = _normalize(str(item))
            if not norm:
                raise DataFileError(src, f"{kind}: empty heading", line_of(items, i))
            if norm in exact and exact[norm] != kind:
                raise DataFileError(
                    src,
                    f"heading {item!r} is listed under both {exact[norm]!r} and {kind!r}",
                    line_of(items, i),
                )
            exact[norm] = kind
    keywords: list[tuple[str, tuple[str, ...]]] = []
    raw_kw = data.get("keywords", YamlList())
    if not isinstance(raw_kw, list):
        raise DataFileError(src, "keywords: expected a list", line_of(data, "keywords"))
    for i, entry in enumerate(raw_kw):
        ln = line_of(raw_kw, i)
        if (
            not isinstance(entry, dict)
            or "kind" not in entry
            or not isinstance(entry.get("words"), list)
        ):
            raise DataFileError(src, "keywords: each entry needs kind: and words: [..]", ln)
        if entry.get("kind") not in SECTION_KINDS:
            raise DataFileError(src, f"keywords: unknown section kind {entry['kind']!r}", ln)
        keywords.append((str(entry["kind"]), tuple(str(w).lower() for w in entry["words"])))
    raw_rf = data.get("report_findings", YamlList())
    if not isinstance(raw_rf, list):
        raise DataFileError(
            src, "report_findings: expected a list of headings", line_of(data, "report_findings")
        )
    report_findings = frozenset(n for n in (_normalize(str(h)) for h in raw_rf) if n)
    raw_vc = data.get("visit_course", YamlList())
    if not isinstance(raw_vc, list):
        raise DataFileError(
            src, "visit_course: expected a list of headings", line_of(data, "visit_course")
        )
    visit_course = frozenset(n for n in (_normalize(str(h)) for h in raw_vc) if n)
    return HeadingTable(
        exact,
        tuple(keywords),
        _load_paragraphs(data, src),
        report_findings=report_findings,
        visit_course=visit_course,
    )


def _word_alternatives(words: list[object]) -> str:
    """A regex alternation of words; a word ending in * matches any word starting with it."""
    parts = []
    for w in words:
        text = str(w).lower().strip()
        stem = re.escape(text.rstrip("*"))
        parts.append(stem + r"\w*" if text.endswith("*") else stem)
    return "|".join(parts)


def _load_paragraphs(data: YamlMap, src: str) -> tuple[UnheadedParagraph, ...]:
    raw = data.get("unheaded_paragraphs", YamlList())
    if not isinstance(raw, list):
        raise DataFileError(
            src, "unheaded_paragraphs: expected a list", line_of(data, "unheaded_paragraphs")
        )
    out: list[UnheadedParagraph] = []
    for i, entry in enumerate(raw):
        ln = line_of(raw, i)
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), list) and entry.get(k) for k in ("after", "subject", "verbs")
        ):
            raise DataFileError(
                src, "unheaded_paragraphs: each entry needs kind:, after:, subject:, verbs:", ln
            )
        kinds = [str(k) for k in entry["after"]] + [str(entry.get("kind"))]
        bad = [k for k in kinds if k not in SECTION_KINDS]
        if bad:
            raise DataFileError(src, f"unheaded_paragraphs: unknown section kind {bad[0]!r}", ln)
        # the study named, then (within the sentence) told as done: "... was performed",
        # "... is then performed"
        opens = re.compile(
            rf"\b(?:{_word_alternatives(entry['subject'])})\b[^.\n]*?"
            rf"\b(?:was|were|is|are)\s+(?:then\s+)?(?:{_word_alternatives(entry['verbs'])})\b",
            re.IGNORECASE,
        )
        out.append(UnheadedParagraph(str(entry["kind"]), frozenset(entry["after"]), opens))
    return tuple(out)


@lru_cache(maxsize=1)
def heading_table() -> HeadingTable:
    """The bundled heading table, loaded once."""
    return load_heading_table()


def kind_of_heading(heading: str) -> str | None:
    """Canonical kind of a heading as written, or None when the table does not know it."""
    return heading_table().kind(heading)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_DASH = re.compile(r"([A-Za-z][A-Za-z /&]{0,40}?)[ \t]*[-\u2013\u2014][ \t]+(?=\S)")


def _dash_heading(
    text: str, pos: int, window_end: int, table: HeadingTable
) -> tuple[str, int, int, int] | None:
    """SOAP notes dictated as ``S - ...``, ``P - ...`` or ``PLAN - ...``: a heading in
    capitals that the table knows, followed by a dash and the section text on the same line.
    Mixed-case or unknown words before a dash are content ("Left - sided ...")."""
    m = _DASH.match(text, pos, window_end)
    if m is None:
        return None
    cand = m.group(1).rstrip()
    if not _is_caps(cand) or table.exact.get(_normalize(cand)) is None:
        return None
    return table.exact[_normalize(cand)], pos, pos + len(cand), m.end()


def _heading_in_line(
    text: str, line_start: int, line_end: int, table: HeadingTable
) -> tuple[str, int, int, int] | None:
    """(kind, heading_start, heading_end, body_start) when the line opens with a heading."""
    pos = line_start
    while pos < line_end and text[pos] in " \t":
        pos += 1
    if pos >= line_end or not text[pos].isalpha():
        return None
    window_end = min(line_end, pos + _MAX_HEADING_CHARS + 1)
    dashed = _dash_heading(text, pos, window_end, table)
    if dashed is not None:
        return dashed
    colon = text.find(":", pos, window_end)
    if colon > pos:
        cand = text[pos:colon].rstrip()
        if not _HEADING_TEXT.fullmatch(cand) or len(cand.split()) > _MAX_HEADING_WORDS:
            return None
        if colon + 1 < line_end and text[colon + 1].isdigit():
            return None  # a time such as "at 10:30" does not open a line, but "Ratio 1:2" might
        kind = table.kind(cand)
        if len(_normalize(cand).replace(" ", "")) <= 2 and kind is None:
            return None
        if kind is None:
            if not _is_caps(cand) or sum(c.isalpha() for c in cand) < 3:
                return None
            kind = "other"
        elif not _is_caps(cand) and len(cand.split()) > 5:
            return None
        return kind, pos, pos + len(cand), colon + 1
    # No colon: a short line alone, known to the table (any case) or in capitals.
    cand = text[pos:line_end].rstrip()
    if (
        not cand
        or len(cand) > _MAX_HEADING_CHARS
        or cand.endswith((".", ","))
        or not _HEADING_TEXT.fullmatch(cand)
        or len(cand.split()) > _MAX_HEADING_WORDS
    ):
        return None
    kind = table.kind(cand) if table.exact.get(_normalize(cand)) else None
    if kind is None:
        return None  # unknown lines without a colon are content (e.g. a procedure title)
    if len(_normalize(cand).replace(" ", "")) <= 2:
        return None
    return kind, pos, pos + len(cand), pos + len(cand)


def find_sections(text: str, table: HeadingTable | None = None) -> list[Section]:
    """Split ``text`` into sections; the part before the first heading is kind ``body``."""
    table = table or heading_table()
    found: list[tuple[str, int, int, int]] = []
    line_start = 0
    n = len(text)
    while line_start <= n:
        nl = text.find("\n", line_start)
        line_end = n if nl < 0 else nl
        hit = _heading_in_line(text, line_start, line_end, table)
        if hit is not None:
            found.append(hit)
        if nl < 0:
            break
        line_start = nl + 1
    sections: list[Section] = []
    first_start = found[0][1] if found else n
    if not found or text[:first_start].strip():
        sections.append(Section("body", "", 0, 0, 0, first_start))
    for i, (kind, hs, he, bs) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else n
        sections.extend(_split_paragraph(Section(kind, text[hs:he], hs, he, bs, end), text, table))
    return sections


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def _split_paragraph(section: Section, text: str, table: HeadingTable) -> list[Section]:
    """The section, and the untitled paragraph in it that starts another kind of section
    (``unheaded_paragraphs`` in the heading table), if one does."""
    rules = [p for p in table.paragraphs if section.kind in p.after]
    if not rules:
        return [section]
    for blank in _BLANK_LINE.finditer(text, section.start, section.end):
        p = blank.end()
        if p >= section.end or not text[section.start : blank.start()].strip():
            continue  # the heading's own text starts after the blank line
        stop = text.find(".", p, section.end)
        first = text[p : stop if stop >= 0 else section.end]
        for rule in rules:
            if rule.opens.search(first):
                return [
                    Section(
                        section.kind,
                        section.heading,
                        section.heading_start,
                        section.heading_end,
                        section.start,
                        p,
                    ),
                    Section(rule.kind, "", p, p, p, section.end),
                ]
    return [section]
