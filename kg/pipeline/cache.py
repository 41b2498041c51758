"""The build cache: what the map produced for each article, kept between builds, so that a
second `kg build` over the same folder analyses nothing again and a folder that gained one
article analyses only that one.

An entry is keyed by the article (the hash of its text and the metadata its source gives) and
the settings of the build (a forced language, the spaCy pipelines); entries live in a folder
named after the pipeline version: a hash of kg's own code and data files, the ontology, spaCy
and its pipelines' versions and Frog's version. A change to any of these starts a new folder; the
old one is removed after the next successful build. Entries are pickles of kg.model records,
written atomically: a build that is interrupted keeps the entries it finished, and the next
build resumes from there. A broken entry is a miss, never an error.

The build also leaves a manifest: a digest of everything a build reads (inputs, settings,
version, options) and the hashes of the files it wrote. When a rebuild would read the same and
the files are untouched, there is nothing to do (`kg build` says the output is up to date).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.files import write_atomic
from kg.model import Extraction, RawArticle, Skipped
from kg.ontology import ONTOLOGY_FILE

DIRNAME = ".kg-cache"  # the default cache folder, inside the output folder
MANIFEST = "manifest.json"
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

    def get(self, key: str, source: str) -> Extraction | None:
        """The cached extraction of entry `key`, as read from `source` now; None on a miss."""
        try:
            found = pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except Exception:  # missing, truncated or from another kg: a miss, never an error
            return None
        if not isinstance(found, Extraction):
            return None
        return replace(found, article=replace(found.article, source=source))

    def put(self, key: str, extraction: Extraction) -> None:
        """Keep an extraction; a cache that cannot be written is skipped, not an error."""
        with contextlib.suppress(KGError):
            write_atomic(self.folder / f"{key}.pickle", pickle.dumps(extraction, protocol=5))

    def prune(self, keep: Iterable[str]) -> int:
        """Remove the entries not in `keep` and the folders of other versions; how many went."""
        wanted = {f"{k}.pickle" for k in keep}
        removed = 0
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other.is_dir() and other.name != self.version:
                    shutil.rmtree(other, ignore_errors=True)
        if self.folder.is_dir():
            for entry in self.folder.iterdir():
                if entry.name not in wanted:
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
        try:
            manifest = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("inputs") != inputs:
                return None
            for name, digest in manifest["files"].items():
                if hashlib.sha256(Path(name).read_bytes()).hexdigest() != digest:
                    return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return dict(manifest)

    def record(self, inputs: str, files: Iterable[Path], summary: dict[str, Any]) -> None:
        """Write the manifest of a build that read `inputs` and wrote `files`."""
        hashes = {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
        manifest = {"inputs": inputs, "files": hashes, **summary}
        with contextlib.suppress(KGError):
            write_atomic(self.root / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))

    def forget(self) -> None:
        """Drop the manifest (before a build writes: a half-done build is never up to date)."""
        (self.root / MANIFEST).unlink(missing_ok=True)
