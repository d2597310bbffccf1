"""ICD-10-CM: valid and billable codes, descriptions, notes and 7th characters, by fiscal year.

The bundled version is the official CMS tabular list shipped by the ``simple-icd-10-cm``
package (April 1, 2026 update, FY2026). Parsing that XML takes a couple of seconds, so the
first use builds a compact prepared index and caches it in the coding data directory
(``agentkit.coding.store``); later processes load it in a fraction of that. Other fiscal years
come from :func:`agentkit.coding.importers.icd10cm_tabular.import_icd10cm`.

Codes are accepted dotted or not (``K80.20`` / ``K8020``) and returned dotted.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from agentkit.coding.importers.icd10cm_tabular import IcdIndexData, build_index
from agentkit.coding.versions import DataVersion

__all__ = [
    "Icd10cmCodeSet",
    "IcdCode",
    "bundled_icd10cm",
    "dotted",
    "undotted",
]

_RECORDS_KEPT = 8192  # records kept by Icd10cmCodeSet.get (any string may be asked)
_SHAPE = re.compile(r"^[A-Z](?:[0-9]|A(?=[0-9]))[0-9A-Z][0-9A-Z]{0,4}$")


def undotted(code: str) -> str:
    return code.strip().upper().replace(".", "")


def dotted(code: str) -> str:
    c = undotted(code)
    return c if len(c) <= 3 else f"{c[:3]}.{c[3:]}"


@dataclass(frozen=True)
class IcdCode:
    """One ICD-10-CM code (or header) as the tabular describes it."""

    code: str  # dotted
    description: str
    billable: bool
    requires_7th: bool  # a leaf that is only complete with a 7th character
    kind: str  # category | subcategory | extension (a code with its 7th character)
    parent: str | None  # dotted parent code, or None for a category
    seven_chr: dict[str, str] = field(default_factory=dict)  # for requires_7th: char -> meaning
    inclusion_terms: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    excludes1: tuple[str, ...] = ()  # this code's own notes (see Icd10cmCodeSet.excludes1_notes)
    excludes2: tuple[str, ...] = ()
    code_first: tuple[str, ...] = ()
    use_additional: tuple[str, ...] = ()
    code_also: tuple[str, ...] = ()

    @property
    def is_header(self) -> bool:
        return not self.billable


class Icd10cmCodeSet:
    """Fast lookups over a prepared ICD-10-CM index."""

    def __init__(self, data: IcdIndexData, version: DataVersion) -> None:
        self._d = data
        self.version = version
        self._size: int | None = None
        # records already made, by the code as asked: the coder asks for the same few codes
        # dozens of times a note, and a record is a dozen fields and tuples to build
        self._records: dict[str, IcdCode | None] = {}

    # ------------------------------------------------------------------ resolution
    def _split_extension(self, key: str) -> tuple[str, str] | None:
        """``S72001A`` -> (``S72001``, ``A``) when the base is a leaf that takes a 7th char."""
        if len(key) != 7:
            return None
        allowed = self._d.ext_allowed or {}
        base = key[:6]
        while base.endswith("X") and base not in self._d.nodes:
            base = base[:-1]
        if (
            base in allowed
            and key == base + "X" * (6 - len(base)) + key[6]
            and key[6] in allowed[base]
        ):
            return base, key[6]
        return None

    def _seven_defs(self, key: str) -> dict[str, str]:
        node: str | None = key
        while node is not None:
            if node in self._d.seven_defs:
                return self._d.seven_defs[node]
            n = self._d.nodes.get(node)
            node = n[3] if n else None
        return {}

    def get(self, code: str) -> IcdCode | None:
        """The code's record, or None when the code set does not have it."""
        records = self._records
        try:
            return records[code]
        except KeyError:
            pass
        if len(records) >= _RECORDS_KEPT:
            records.clear()
        found = records[code] = self._record(code)
        return found

    def _record(self, code: str) -> IcdCode | None:
        key = undotted(code)
        if not _SHAPE.match(key):
            return None
        node = self._d.nodes.get(key)
        if node is not None and node[2] in ("category", "subcategory"):
            notes = self._d.notes.get(key, {})
            needs7 = bool(self._d.ext_allowed and key in self._d.ext_allowed)
            parent = (
                node[3] if node[3] and not node[3].startswith(("chapter:", "section:")) else None
            )
            return IcdCode(
                code=node[0],
                description=node[1],
                billable=key in self._d.billable,
                requires_7th=needs7,
                kind=node[2],
                parent=dotted(parent) if parent else None,
                seven_chr=self._seven_chr_for(key) if needs7 else {},
                inclusion_terms=tuple(notes.get("inclusion", ())),
                includes=tuple(notes.get("includes", ())),
                excludes1=tuple(notes.get("excludes1", ())),
                excludes2=tuple(notes.get("excludes2", ())),
                code_first=tuple(notes.get("code_first", ())),
                use_additional=tuple(notes.get("use_additional", ())),
                code_also=tuple(notes.get("code_also", ())),
            )
        ext = self._split_extension(key)
        if ext is None:
            return None
        base, char = ext
        base_node = self._d.nodes[base]
        meaning = self._seven_defs(base).get(char, "")
        title = self._d.order_titles.get(key) or (
            f"{base_node[1]}, {meaning}" if meaning else base_node[1]
        )
        return IcdCode(
            code=dotted(key),
            description=title,
            billable=True,
            requires_7th=False,
            kind="extension",
            parent=base_node[0],
        )

    def _seven_chr_for(self, key: str) -> dict[str, str]:
        defs = self._seven_defs(key)
        allowed = (self._d.ext_allowed or {}).get(key)
        if allowed is None:
            return dict(defs)
        return {c: defs.get(c, "") for c in allowed}

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def is_valid(self, code: str) -> bool:
        return self.get(code) is not None

    def is_billable(self, code: str) -> bool:
        rec = self.get(code)
        return rec is not None and rec.billable

    def requires_7th(self, code: str) -> bool:
        rec = self.get(code)
        return rec is not None and rec.requires_7th

    def children(self, code: str) -> list[str]:
        """Dotted child codes (not 7th-character extensions)."""
        return [dotted(c) for c in self._d.children.get(undotted(code), [])]

    def billable_descendants(self, code: str, limit: int = 8) -> list[str]:
        """A few billable codes under a header, to suggest a fix."""
        out: list[str] = []
        stack = list(reversed(self._d.children.get(undotted(code), [])))
        while stack and len(out) < limit:
            k = stack.pop()
            if k in self._d.billable:
                out.append(dotted(k))
            stack.extend(reversed(self._d.children.get(k, [])))
        return out

    def ancestors(self, code: str) -> list[str]:
        """Undotted keys from the code up to its chapter (code first, extensions skipped)."""
        key = undotted(code)
        ext = self._split_extension(key)
        if ext is not None:
            key = ext[0]
        chain = []
        node: str | None = key
        while node is not None and node in self._d.nodes:
            chain.append(node)
            node = self._d.nodes[node][3]
        return chain

    def excludes1_refs(self, code: str) -> list[tuple[str, str, str]]:
        """Every Excludes1 reference in force for ``code`` (own, category, section, chapter).

        Returns ``(low, high, where)``: the undotted prefix range and the code (or section) whose
        note says it, so a finding can quote the right note.
        """
        out = []
        for key in self.ancestors(code):
            for lo, hi in self._d.excludes1_refs.get(key, ()):
                out.append((lo, hi, key))
        return out

    def excludes1_notes(self, key: str) -> list[str]:
        return list(self._d.notes.get(key, {}).get("excludes1", ()))

    def display_key(self, key: str) -> str:
        """``K8020`` -> ``K80.20``; ``section:K80-K87`` -> ``K80-K87``; ``chapter:11`` too."""
        if key.startswith("section:"):
            return key.split(":", 1)[1]
        if key.startswith("chapter:"):
            return "chapter " + key.split(":", 1)[1]
        return dotted(key)

    def suggest(self, code: str) -> str | None:
        """A likely intended code for an invalid one (a missing placeholder X, typically)."""
        key = undotted(code)
        if 4 <= len(key) <= 6:
            base, char = key[:-1], key[-1]
            allowed = (self._d.ext_allowed or {}).get(base)
            if allowed and char in allowed:
                return dotted(base + "X" * (6 - len(base)) + char)
        return None

    # ------------------------------------------------------------------ iteration
    def codes(self, billable_only: bool = False, include_extensions: bool = False) -> Iterator[str]:
        """Dotted codes of the tabular (headers too unless ``billable_only``)."""
        for key, node in self._d.nodes.items():
            if node[2] not in ("category", "subcategory"):
                continue
            if not billable_only or key in self._d.billable:
                yield node[0]
            if include_extensions and self._d.ext_allowed and key in self._d.ext_allowed:
                for char in self._d.ext_allowed[key]:
                    yield dotted(key + "X" * (6 - len(key)) + char)

    def search_terms(
        self, billable_only: bool = True, include_extensions: bool = False
    ) -> Iterator[tuple[str, str]]:
        """``(dotted code, phrase)``: each code's title and its inclusion terms.

        With ``billable_only`` (the default) headers are skipped, so an index built from these
        phrases only ever proposes reportable codes. Leaves that need a 7th character yield
        their complete codes (with each character's meaning) when ``include_extensions`` is set.
        """
        for key, node in self._d.nodes.items():
            if node[2] not in ("category", "subcategory"):
                continue
            ext_chars = (self._d.ext_allowed or {}).get(key)
            reportable = key in self._d.billable
            if reportable or not billable_only:
                yield node[0], node[1]
                for term in self._d.notes.get(key, {}).get("inclusion", ()):
                    yield node[0], term
            if ext_chars and include_extensions:
                defs = self._seven_defs(key)
                for char in ext_chars:
                    full = dotted(key + "X" * (6 - len(key)) + char)
                    yield (
                        full,
                        self._d.order_titles.get(
                            full.replace(".", ""), f"{node[1]}, {defs.get(char, '')}"
                        ),
                    )

    def __len__(self) -> int:
        """Categories and subcategories (7th-character codes not counted)."""
        if self._size is None:
            self._size = sum(
                1 for n in self._d.nodes.values() if n[2] in ("category", "subcategory")
            )
        return self._size


# --------------------------------------------------------------------------- bundled version

_PACKAGE_FILES = ("icd10c-tabular-April-1-2026.xml", "code-list-April-2026.txt")
_BUNDLED_VERSION = DataVersion(
    kind="icd10cm",
    label="ICD-10-CM FY2026 (April 1, 2026 update)",
    effective_from=date(2026, 4, 1),
    effective_to=date(2026, 9, 30),
    source="simple-icd-10-cm 1.5.0: icd10c-tabular-April-1-2026.xml",
)
#: Bump when IcdIndexData or the way it is built changes.
_INDEX_FORMAT = 4


def _package_data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        from agentkit.errors import DataFileError

        raise DataFileError(
            "simple-icd-10-cm",
            "the simple-icd-10-cm package is not installed (pip install 'simple-icd-10-cm>=1.5')",
        )
    # locate the package folder without importing it (its import parses the XML: ~2 s)
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _cache_path(xml: Path) -> Path:
    from agentkit.coding.store import coding_dir

    st = xml.stat()
    tag = hashlib.sha256(
        f"{xml}|{st.st_size}|{st.st_mtime_ns}|{_INDEX_FORMAT}".encode()
    ).hexdigest()[:16]
    return coding_dir() / "prepared" / f"icd10cm-2026-april-{tag}.pickle"


def _build_bundled() -> IcdIndexData:
    folder = _package_data_dir()
    xml, codes = folder / _PACKAGE_FILES[0], folder / _PACKAGE_FILES[1]
    confirmed = codes.read_text(encoding="utf-8").split()
    return build_index(xml, confirmed_codes=confirmed)


@lru_cache(maxsize=1)
def bundled_icd10cm() -> Icd10cmCodeSet:
    """The FY2026 (April 2026) code set, from the prepared cache or built on first use."""
    xml = _package_data_dir() / _PACKAGE_FILES[0]
    cache = _cache_path(xml)
    data: IcdIndexData | None = None
    try:
        with open(cache, "rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, IcdIndexData):
            data = loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        data = None
    if data is None:
        data = _build_bundled()
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
        except OSError:
            pass  # a read-only home directory: keep the index in memory only
    return Icd10cmCodeSet(data, _BUNDLED_VERSION)
