"""Where imported code sets and edit tables live once prepared: the coding data directory.

Importing a CMS file (``agentkit.coding.importers``) parses it once and saves a prepared
index here, so later processes load it in a fraction of a second instead of re-parsing.

Layout::

    $AGENTKIT_CODING_DIR  (default: $XDG_CACHE_HOME/agentkit/coding or ~/.cache/agentkit/coding)
      datasets/<kind>[-<setting>]/<slug>/manifest.json   what it is, which dates it governs
      datasets/<kind>[-<setting>]/<slug>/data.pickle      the prepared index
      datasets/.generation                                 bumped on every import / removal
      prepared/                                            indexes derived from package data

Everything here can be rebuilt from the source files, so deleting the directory is safe.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.codesets.modifiers import ModifierSet

__all__ = [
    "FORMAT",
    "StoredDataset",
    "coding_dir",
    "generation",
    "imported_modifiers",
    "list_datasets",
    "load_payload",
    "mark_changed",
    "remove_dataset",
    "save_dataset",
]

#: Bumped when the pickled layout changes; older prepared files are then ignored.
FORMAT = 1


def coding_dir() -> Path:
    """The coding data directory (``AGENTKIT_CODING_DIR`` wins)."""
    env = os.environ.get("AGENTKIT_CODING_DIR")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME")
    base = Path(cache).expanduser() if cache else Path.home() / ".cache"
    return base / "agentkit" / "coding"


@dataclass(frozen=True)
class StoredDataset:
    """One imported data set on disk."""

    path: Path
    version: DataVersion
    rows: int
    created: str

    @property
    def kind(self) -> str:
        return self.version.kind


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "dataset"


def _group(kind: str, setting: str | None) -> str:
    return f"{kind}-{setting}" if setting else kind


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def generation() -> float:
    """Changes whenever a data set is imported or removed (knowledge caches key on it)."""
    marker = coding_dir() / "datasets" / ".generation"
    try:
        return marker.stat().st_mtime_ns / 1e9
    except OSError:
        return 0.0


def mark_changed() -> None:
    marker = coding_dir() / "datasets" / ".generation"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(time.time_ns()), encoding="utf-8")
    _list.cache_clear()
    _imported_modifiers.cache_clear()


def save_dataset(version: DataVersion, payload: Any, rows: int) -> StoredDataset:
    """Write a prepared index and its manifest (replacing one with the same label)."""
    folder = (
        coding_dir() / "datasets" / _group(version.kind, version.setting) / _slug(version.label)
    )
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with open(tmp / "data.pickle", "wb") as fh:
        pickle.dump({"format": FORMAT, "payload": payload}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    created = datetime.now().isoformat(timespec="microseconds")
    manifest = {
        "format": FORMAT,
        "kind": version.kind,
        "setting": version.setting,
        "label": version.label,
        "effective_from": version.effective_from.isoformat() if version.effective_from else None,
        "effective_to": version.effective_to.isoformat() if version.effective_to else None,
        "source": version.source,
        "rows": rows,
        "created": created,
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    mark_changed()
    return StoredDataset(folder, _replace_bundled(version), rows, created)


def _replace_bundled(version: DataVersion) -> DataVersion:
    from dataclasses import replace

    return replace(version, bundled=False)


@lru_cache(maxsize=64)
def _list(root: str, stamp: float) -> tuple[StoredDataset, ...]:
    base = Path(root) / "datasets"
    found: list[StoredDataset] = []
    if not base.is_dir():
        return ()
    for manifest_path in sorted(base.glob("*/*/manifest.json")):
        try:
            m = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a half-written import; ignored rather than fatal
        if m.get("format") != FORMAT:
            continue
        version = DataVersion(
            kind=m["kind"],
            label=m["label"],
            effective_from=_date(m.get("effective_from")),
            effective_to=_date(m.get("effective_to")),
            setting=m.get("setting"),
            bundled=False,
            source=m.get("source", ""),
        )
        found.append(
            StoredDataset(
                manifest_path.parent, version, int(m.get("rows", 0)), m.get("created", "")
            )
        )
    return tuple(found)


def _all() -> tuple[StoredDataset, ...]:
    return _list(str(coding_dir()), generation())


def list_datasets(kind: str | None = None, setting: str | None = None) -> list[StoredDataset]:
    """Imported data sets, optionally of one kind (``ncci_ptp``) and setting (``hospital``)."""
    return [
        d
        for d in _all()
        if (kind is None or d.version.kind == kind)
        and (setting is None or d.version.setting == setting)
    ]


def load_payload(dataset: StoredDataset) -> Any:
    """Unpickle a prepared index written by :func:`save_dataset`."""
    path = dataset.path / "data.pickle"
    try:
        with open(path, "rb") as fh:
            blob = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError) as exc:
        raise DataFileError(
            str(path), f"prepared index cannot be read ({exc}); re-import it"
        ) from exc
    if not isinstance(blob, dict) or blob.get("format") != FORMAT:
        raise DataFileError(
            str(path), "prepared index has an old format; re-import the source file"
        )
    return blob["payload"]


def remove_dataset(kind: str, label: str, setting: str | None = None) -> bool:
    """Delete an imported data set; True when one was removed."""
    folder = coding_dir() / "datasets" / _group(kind, setting) / _slug(label)
    if not folder.is_dir():
        return False
    shutil.rmtree(folder)
    mark_changed()
    return True


def imported_modifiers() -> ModifierSet | None:
    """Modifiers from the newest imported HCPCS file, if any (for :func:`is_known_modifier`)."""
    return _imported_modifiers(str(coding_dir()), generation())


@lru_cache(maxsize=8)
def _imported_modifiers(root: str, stamp: float) -> ModifierSet | None:
    sets = list_datasets("hcpcs")
    if not sets:
        return None
    newest = max(sets, key=lambda d: d.version.effective_from or date.min)
    payload = load_payload(newest)
    from agentkit.coding.codesets.modifiers import ModifierSet

    mods = payload.get("modifiers") if isinstance(payload, dict) else None
    return mods if isinstance(mods, ModifierSet) else None
