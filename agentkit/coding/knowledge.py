"""One bundle of everything the checks and the offline coder know, for one date of service.

``agentkit.coding.knowledge(dos)`` picks, for each kind of data (CPT codebook, HCPCS,
ICD-10-CM, modifiers, fee-schedule indicators, NCCI PTP/MUE/add-on tables, MCE lists, coverage
policies), the version in force on ``dos``: an imported CMS file when one covers the date, else
the bundled one. Every table is loaded lazily, once per process, and shared between bundles, so
asking for many dates costs nothing extra. When no loaded version covers the date, the nearest
one is used and :meth:`CodingKnowledge.stale` says so (the CLI prints it, findings cite the
version they used).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from agentkit.coding.datafile import bundled, parse_date, read_tsv
from agentkit.coding.static_data import static_load
from agentkit.coding.store import StoredDataset, generation, list_datasets, load_payload
from agentkit.coding.versions import DataVersion, select_in_force

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.codesets.cpt import CptCodebook
    from agentkit.coding.codesets.fee_schedule import FeeScheduleIndicators
    from agentkit.coding.codesets.hcpcs import HcpcsCodeSet
    from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet
    from agentkit.coding.codesets.modifiers import ModifierSet
    from agentkit.coding.edits.addon import AddonTable
    from agentkit.coding.edits.age_sex import MceLists
    from agentkit.coding.edits.coverage import CoveragePolicies
    from agentkit.coding.edits.mue import MueTable
    from agentkit.coding.edits.ncci_ptp import PtpTable

__all__ = ["BUNDLED_VERSIONS", "CodingKnowledge", "DataSource", "codeset_versions", "knowledge"]

Setting = Literal["practitioner", "hospital"]


@dataclass(frozen=True)
class DataSource:
    """A data set that can be loaded: its version and how to load it."""

    version: DataVersion
    key: str  # unique: "bundled:ncci_ptp:practitioner" or the stored path
    stored: StoredDataset | None = None


_Q3_2024 = (date(2024, 7, 1), date(2024, 9, 30))

#: What ships in the package, per (kind, setting).
BUNDLED_VERSIONS: dict[tuple[str, str | None], DataVersion] = {
    ("ncci_ptp", "practitioner"): DataVersion(
        "ncci_ptp",
        "NCCI PTP practitioner 2024 Q3 (v30.2, bundled subset)",
        *_Q3_2024,
        setting="practitioner",
        source="ncci_ptp_practitioner.tsv.gz",
    ),
    ("ncci_ptp", "hospital"): DataVersion(
        "ncci_ptp",
        "NCCI PTP hospital 2024 Q3 (v30.2, bundled subset)",
        *_Q3_2024,
        setting="hospital",
        source="ncci_ptp_hospital.tsv.gz",
    ),
    ("mue", "practitioner"): DataVersion(
        "mue",
        "NCCI MUE practitioner 2024 Q3",
        *_Q3_2024,
        setting="practitioner",
        source="ncci_mue_practitioner.tsv.gz",
    ),
    ("mue", "hospital"): DataVersion(
        "mue",
        "NCCI MUE hospital 2024 Q3",
        *_Q3_2024,
        setting="hospital",
        source="ncci_mue_hospital.tsv.gz",
    ),
    ("aoc", None): DataVersion(
        "aoc",
        "NCCI add-on code edits 2024 Q2",
        date(2024, 4, 1),
        date(2024, 6, 30),
        source="ncci_aoc.tsv.gz",
    ),
    ("mce", None): DataVersion(
        "mce",
        "Medicare Code Editor v41.1 (FY2024)",
        date(2023, 10, 1),
        date(2024, 9, 30),
        source="mce_edits.tsv.gz",
    ),
}

_load_lock = threading.Lock()
_loaded: dict[str, Any] = {}


def _cached_load(key: str, loader: Callable[[], Any]) -> Any:
    """Load a table once per process (thread-safe), keyed by its source."""
    value = _loaded.get(key)
    if value is not None:
        return value
    with _load_lock:
        value = _loaded.get(key)
        if value is None:
            with static_load():
                value = loader()
            _loaded[key] = value
    return value


def _select(sources: list[DataSource], dos: date) -> tuple[DataSource | None, bool]:
    choice, covers = select_in_force(sources, dos)
    return choice, covers


def _sources(kind: str, setting: str | None) -> list[DataSource]:
    out = []
    if kind in ("cpt", "hcpcs", "icd10cm", "pfs"):
        out.append(DataSource(_bundled_version(kind), f"bundled:{kind}"))
    elif (kind, setting) in BUNDLED_VERSIONS:
        out.append(DataSource(BUNDLED_VERSIONS[(kind, setting)], f"bundled:{kind}:{setting}"))
    for ds in list_datasets(kind, setting):
        out.append(DataSource(ds.version, f"{ds.path}@{ds.created}", ds))
    return out


def _bundled_version(kind: str) -> DataVersion:
    if kind == "cpt":
        from agentkit.coding.codesets.cpt import bundled_codebook

        return bundled_codebook().version
    if kind == "hcpcs":
        return DataVersion(
            "hcpcs",
            "HCPCS Level II 2024 July",
            date(2024, 7, 1),
            date(2024, 9, 30),
            source="HCPC2024_JUL_ANWEB",
        )
    if kind == "icd10cm":
        from agentkit.coding.codesets.icd10cm import _BUNDLED_VERSION

        return _BUNDLED_VERSION
    return DataVersion(
        "pfs",
        "Medicare PFS indicators 2024 July (RVU24C)",
        date(2024, 7, 1),
        date(2024, 12, 31),
        source="PPRRVU24_JUL",
    )


class CodingKnowledge:
    """Code sets and edit tables in force on one date of service, for one claim setting."""

    def __init__(self, dos: date, setting: Setting = "practitioner") -> None:
        self.dos = dos
        self.setting: Setting = setting
        self._chosen: dict[str, tuple[DataSource | None, bool]] = {}

    # ------------------------------------------------------------------ selection
    def _choose(self, kind: str, setting: str | None = None) -> tuple[DataSource | None, bool]:
        tag = f"{kind}:{setting}"
        if tag not in self._chosen:
            self._chosen[tag] = _select(_sources(kind, setting), self.dos)
        return self._chosen[tag]

    def _table(self, kind: str, setting: str | None, build: Callable[[DataSource], Any]) -> Any:
        src, _ = self._choose(kind, setting)
        if src is None:
            return None
        return _cached_load(src.key, lambda: build(src))

    # ------------------------------------------------------------------ code sets
    @cached_property
    def cpt(self) -> CptCodebook:
        """The bundled codebook, extended or replaced by an imported AMA file when present."""
        from agentkit.coding.codesets.cpt import bundled_codebook

        imported = [s for s in _sources("cpt", None) if s.stored is not None]
        if not imported:
            return bundled_codebook()
        src, _ = _select(imported, self.dos)
        assert src is not None and src.stored is not None
        stored = src.stored

        def build(_: DataSource) -> CptCodebook:
            payload = load_payload(stored)
            return bundled_codebook().merged(
                payload["entries"], src.version, replace_all=payload.get("mode") == "replace"
            )

        return _cached_load(src.key, lambda: build(src))  # type: ignore[no-any-return]

    @cached_property
    def hcpcs(self) -> HcpcsCodeSet:
        from agentkit.coding.codesets.hcpcs import HcpcsCodeSet, bundled_hcpcs

        def build(src: DataSource) -> HcpcsCodeSet:
            if src.stored is None:
                return bundled_hcpcs()
            payload = load_payload(src.stored)
            return HcpcsCodeSet(payload["codes"], src.version, complete=True)

        return self._table("hcpcs", None, build)  # type: ignore[no-any-return]

    @cached_property
    def icd10cm(self) -> Icd10cmCodeSet:
        from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet, bundled_icd10cm

        def build(src: DataSource) -> Icd10cmCodeSet:
            if src.stored is None:
                return bundled_icd10cm()
            return Icd10cmCodeSet(load_payload(src.stored), src.version)

        return self._table("icd10cm", None, build)  # type: ignore[no-any-return]

    @cached_property
    def modifiers(self) -> ModifierSet:
        from agentkit.coding.codesets.modifiers import bundled_modifiers
        from agentkit.coding.store import imported_modifiers

        extra = imported_modifiers()
        base = bundled_modifiers()
        return base.merged_with(extra) if extra is not None else base

    @cached_property
    def fee_schedule(self) -> FeeScheduleIndicators:
        from agentkit.coding.codesets.fee_schedule import (
            FeeScheduleIndicators,
            bundled_fee_schedule,
        )

        def build(src: DataSource) -> FeeScheduleIndicators:
            if src.stored is None:
                return bundled_fee_schedule()
            return FeeScheduleIndicators(load_payload(src.stored), src.version)

        return self._table("pfs", None, build)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ edit tables
    @cached_property
    def ptp(self) -> PtpTable | None:
        from agentkit.coding.edits.ncci_ptp import PtpTable

        def build(src: DataSource) -> PtpTable:
            if src.stored is None:
                from agentkit.coding.importers.ncci_ptp import read_ptp_tsv

                return PtpTable.from_rows(read_ptp_tsv(bundled(src.version.source)), src.version)
            return PtpTable.from_payload(load_payload(src.stored), src.version)

        return self._table("ncci_ptp", self.setting, build)  # type: ignore[no-any-return]

    @cached_property
    def mue(self) -> MueTable | None:
        from agentkit.coding.edits.mue import MueEntry, MueTable

        def build(src: DataSource) -> MueTable:
            if src.stored is not None:
                return MueTable.from_payload(load_payload(src.stored), src.version)
            entries = [
                MueEntry(r["code"], int(r["mue_value"]), int(r["mai"] or 0), r["rationale"])
                for _, r in read_tsv(bundled(src.version.source), ("code", "mue_value", "mai"))
            ]
            return MueTable(entries, src.version)

        return self._table("mue", self.setting, build)  # type: ignore[no-any-return]

    @cached_property
    def aoc(self) -> AddonTable | None:
        from agentkit.coding.edits.addon import AddonEdit, AddonTable

        def build(src: DataSource) -> AddonTable:
            if src.stored is not None:
                return AddonTable.from_payload(load_payload(src.stored), src.version)
            path = bundled(src.version.source)
            edits = [
                AddonEdit(
                    r["add_on_code"],
                    r["primary_code"],
                    int(r["edit_type"]),
                    parse_date(r.get("effective_date", ""), source=str(path), line=n),
                    parse_date(r.get("deletion_date", ""), source=str(path), line=n),
                )
                for n, r in read_tsv(path, ("add_on_code", "primary_code", "edit_type"))
            ]
            return AddonTable(edits, src.version)

        return self._table("aoc", None, build)  # type: ignore[no-any-return]

    @cached_property
    def mce(self) -> MceLists | None:
        from agentkit.coding.edits.age_sex import MceLists, load_mce_tsv

        def build(src: DataSource) -> MceLists:
            if src.stored is not None:
                return MceLists(load_payload(src.stored), src.version)
            return load_mce_tsv(bundled(src.version.source), src.version)

        return self._table("mce", None, build)  # type: ignore[no-any-return]

    @cached_property
    def coverage(self) -> CoveragePolicies:
        from agentkit.coding.edits.coverage import load_policies

        return load_policies()

    # ------------------------------------------------------------------ reporting
    def versions(self) -> list[tuple[DataVersion, bool]]:
        """``(version, covers_dos)`` for each kind of data in force (loads nothing big)."""
        out = []
        for kind, setting in (
            ("cpt", None),
            ("hcpcs", None),
            ("icd10cm", None),
            ("pfs", None),
            ("ncci_ptp", self.setting),
            ("mue", self.setting),
            ("aoc", None),
            ("mce", None),
        ):
            src, covers = self._choose(kind, setting)
            if src is not None:
                # the codebook is not dated: it never counts as stale
                out.append((src.version, covers or kind == "cpt"))
        return out

    def stale(self) -> list[DataVersion]:
        """Versions used although they do not cover the date of service."""
        return [v for v, covers in self.versions() if not covers]


@lru_cache(maxsize=256)
def _knowledge(
    dos: date, setting: Setting, where: str, stamp: tuple[float, int]
) -> CodingKnowledge:
    return CodingKnowledge(dos, setting)


def _stamp() -> tuple[str, tuple[float, int]]:
    """Where the coding data lives and when it last changed (imports, coverage policy files)."""
    from agentkit.coding.store import coding_dir

    root = coding_dir()
    try:
        coverage = (root / "coverage").stat().st_mtime_ns
    except OSError:
        coverage = 0
    return str(root), (generation(), coverage)


def knowledge(dos: date | None = None, setting: Setting = "practitioner") -> CodingKnowledge:
    """The code sets and edits in force on ``dos`` (today when None) for ``setting``."""
    if setting not in ("practitioner", "hospital"):
        raise ValueError(f"setting must be 'practitioner' or 'hospital', not {setting!r}")
    return _knowledge(dos or date.today(), setting, *_stamp())


def codeset_versions(dos: date | None = None, setting: Setting = "practitioner") -> dict[str, str]:
    """``{kind: label}`` of every code set and edit table in force on ``dos`` (for traces).

    A version that does not cover the date is marked ``(not covering <date>)`` so an auditor
    sees that the checks ran on older data.
    """
    kb = knowledge(dos, setting)
    out = {}
    for version, covers in kb.versions():
        label = version.label if covers else f"{version.label} (not covering {kb.dos.isoformat()})"
        out[version.kind] = label
    return out
