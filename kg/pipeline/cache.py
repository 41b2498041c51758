"""The build cache: what the map produced for each article, kept between builds, so that a
second `kg build` over the same folder analyses nothing again and a folder that gained one
article analyses only that one.

An entry is keyed by the article (the hash of its text and the metadata its source gives) and
the settings of the build (a forced language, the spaCy pipelines); entries live in a folder
named after the pipeline version: a hash of kg's own code and data files, the ontology, spaCy
and its pipelines' versions and Frog's version. A change to any of these starts a new folder; the
old one is removed after the next successful build. Entries are JSON (kg.pipeline.records: no
pickle, so reading one runs no code), signed with this user's secret (kg.pipeline.signing: an
entry kg did not write is not believed) and written atomically: a build that is interrupted
keeps the entries it finished, and the next build resumes from there. An entry that is broken,
unsigned, for another article or not a regular file is a miss, never an error.

Only what kg wrote is ever deleted: a version folder holds a marker file, and pruning removes
the folders with that marker and, inside the current one, files named like entries. A folder
given as `--cache` keeps everything else it holds.

The build also leaves a manifest: a digest of everything a build reads (inputs, settings,
version, options) and the hashes of the files it wrote. When a rebuild would read the same and
the files are untouched, there is nothing to do (`kg build` says the output is up to date).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.files import read_regular, write_atomic
from kg.model import Extraction, RawArticle, Skipped
from kg.ontology import ONTOLOGY_FILE
from kg.pipeline.records import RecordError, from_data, to_data
from kg.pipeline.signing import signed, verified

DIRNAME = ".kg-cache"  # the default cache folder, inside the output folder
MANIFEST = "manifest.json"
MARKER = "KG-CACHE"  # in every version folder kg makes: the folders pruning may remove
_MARKER_TEXT = b"A kg build cache folder: kg removes it when its version is no longer used.\n"
_ENTRY = re.compile(r"[0-9a-f]{32}\.json")
_LEGACY = re.compile(r"[0-9a-f]{32}\.pickle")  # entries of kg before JSON (no marker then)
_MAX_ENTRY = 64 << 20  # bytes: an entry holds one article (at most 5 MB of text) and its facts
_MAX_MANIFEST = 64 << 20
_PACKAGE = Path(__file__).resolve().parents[1]  # all of kg/
_CODE_SUFFIXES = {".py", ".toml", ".tsv", ".json", ".txt"}
_NOT_KEY = {"source", "text"}  # the path may change; the text is in the key as its sha256


@cache
def _frog_version() -> str:
    try:
        done = subprocess.run(["frog", "-V"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "no frog"
    return (done.stdout or done.stderr).split("\n", 1)[0]


def pipeline_version(spacy_models: Sequence[str]) -> str:
    """A hash of everything an article's extraction depends on besides the article."""
    import spacy.util

    digest = hashlib.sha256()
    ontology = ONTOLOGY_FILE.parent  # the ontology decides which relations are kept
    files = [*sorted(_PACKAGE.rglob("*")), *sorted(ontology.glob("*"))]
    for path in files:
        if path.suffix in _CODE_SUFFIXES | {".ttl"} and "__pycache__" not in path.parts:
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes())
    tools = [f"spacy {metadata.version('spacy')}", f"frog {_frog_version()}"]
    tools += [f"{m} {spacy.util.get_package_version(m)}" for m in spacy_models]
    digest.update("\n".join(tools).encode())
    return digest.hexdigest()[:20]


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _kg_folder(folder: Path) -> bool:
    """A version folder kg made: it has the marker, or (kg before the marker) a version's name
    and nothing but entries in it."""
    if not folder.is_dir() or folder.is_symlink():
        return False
    if (folder / MARKER).is_file():
        return True
    if not re.fullmatch(r"[0-9a-f]{20}", folder.name):
        return False
    return all(_LEGACY.fullmatch(p.name) and p.is_file() for p in folder.iterdir())


@dataclass(frozen=True)
class Cache:
    """The cache folder `root` of one pipeline `version`, for builds with `settings` (a
    description of the options that change what the map produces)."""

    root: Path
    version: str
    settings: str

    @property
    def folder(self) -> Path:
        return self.root / self.version

    def key(self, raw: RawArticle) -> str:
        """The entry of an article: its text (by hash) and every field of metadata its source
        gives, whatever fields RawArticle grows; not its path: a moved file hits."""
        meta = [f"{f.name}={getattr(raw, f.name)}" for f in fields(raw) if f.name not in _NOT_KEY]
        return _digest((self.settings, *meta))[:32]

    def get(self, raw: RawArticle) -> Extraction | None:
        """The cached extraction of `raw`, with its source as read now; None on a miss."""
        key = self.key(raw)
        blob = read_regular(self.folder / f"{key}.json", _MAX_ENTRY)
        data = verified(blob) if blob is not None else None
        if data is None:
            return None
        try:
            entry = json.loads(data)
            found = from_data(Extraction, entry["extraction"])
        except (ValueError, KeyError, TypeError, RecordError):
            return None
        if entry.get("key") != key or found.article.sha256 != raw.sha256:
            return None  # signed by us, but for another article: a file renamed by hand
        if found.article.text != raw.text:
            return None
        return replace(found, article=replace(found.article, source=raw.source))

    def put(self, raw: RawArticle, extraction: Extraction) -> None:
        """Keep an extraction; a cache that cannot be written is skipped, not an error."""
        entry = {"key": self.key(raw), "extraction": to_data(extraction)}
        blob = signed(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())
        if blob is None:
            return
        with contextlib.suppress(KGError, OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            if not (self.folder / MARKER).is_file():
                write_atomic(self.folder / MARKER, _MARKER_TEXT)
            write_atomic(self.folder / f"{entry['key']}.json", blob)

    def prune(self, keep: Iterable[str]) -> int:
        """Remove the entries not in `keep` and kg's folders of other versions; how many
        entries went. Nothing kg did not write is touched."""
        wanted = {f"{k}.json" for k in keep}
        removed = 0
        if self.root.is_dir() and not self.root.is_symlink():
            for other in self.root.iterdir():
                if other.name != self.version and _kg_folder(other):
                    shutil.rmtree(other, ignore_errors=True)
        if _kg_folder(self.folder):
            for entry in self.folder.iterdir():
                if _ENTRY.fullmatch(entry.name) and entry.name not in wanted:
                    entry.unlink(missing_ok=True)
                    removed += 1
        return removed

    def inputs_digest(
        self, raws: Sequence[RawArticle], skipped: Sequence[Skipped], options: dict[str, Any]
    ) -> str:
        """A digest of everything a build reads: which is what decides what it writes."""
        parts = [self.version, self.settings, json.dumps(options, sort_keys=True, default=str)]
        parts += [f"{r.source}\x1e{self.key(r)}" for r in raws]
        parts += [f"{s.source}\x1e{s.reason}" for s in skipped]
        return _digest(parts)

    def up_to_date(self, inputs: str) -> dict[str, Any] | None:
        """The manifest of the last build if it read `inputs` and its files are untouched."""
        blob = read_regular(self.root / MANIFEST, _MAX_MANIFEST)
        data = verified(blob) if blob is not None else None
        try:
            manifest = json.loads(data) if data is not None else None
            if not isinstance(manifest, dict) or manifest.get("inputs") != inputs:
                return None
            for name, digest in manifest["files"].items():
                found = read_regular(Path(name), 1 << 40)  # a FIFO or a device is "touched"
                if found is None or hashlib.sha256(found).hexdigest() != digest:
                    return None
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        return dict(manifest)

    def record(self, inputs: str, files: Iterable[Path], summary: dict[str, Any]) -> None:
        """Write the manifest of a build that read `inputs` and wrote `files`."""
        hashes = {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
        manifest = {"inputs": inputs, "files": hashes, **summary}
        blob = signed(json.dumps(manifest, indent=1).encode("utf-8"))
        if blob is not None:
            with contextlib.suppress(KGError):
                write_atomic(self.root / MANIFEST, blob)

    def forget(self) -> None:
        """Drop the manifest (before a build writes: a half-done build is never up to date)."""
        with contextlib.suppress(OSError):
            if (self.root / MANIFEST).is_file():
                (self.root / MANIFEST).unlink()
