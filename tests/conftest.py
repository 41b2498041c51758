"""Shared fixtures. The models are real (spaCy en_core_web_sm, Frog): `make test` installs them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.api import Written, build_to
from kg.extract import extract
from kg.model import Article, Extraction
from kg.nlp.backends import NLP
from kg.pipeline.timings import Timings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def private_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests' own config folder (the cache's signing secret), not the user's."""
    folder = tmp_path_factory.mktemp("config")
    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = old


@pytest.fixture(scope="session")
def nlp() -> Iterator[NLP]:
    if shutil.which("frog") is None:
        pytest.fail(
            "Frog is not installed: run `make test` as root, or apt-get install frog frogdata"
        )
    backends = NLP(Timings())
    yield backends
    backends.close()


@pytest.fixture(scope="session")
def analyse(nlp: NLP):  # type: ignore[no-untyped-def]
    """text, lang -> Extraction, with the real models."""

    def run(text: str, lang: str) -> Extraction:
        article = Article("0123456789abcdef", "test.txt", "test", text, lang, "0" * 64)
        return extract(article, nlp.parse(article))

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Written:
    if shutil.which("frog") is None:
        pytest.fail(
            "Frog is not installed: run `make test` as root, or apt-get install frog frogdata"
        )
    return build_to([SEEDS], tmp_path_factory.mktemp("seeds-output"))


@pytest.fixture(scope="session")
def seeds_graph(seeds_build: Written) -> Graph:
    return Graph().parse(seeds_build.turtle, format="turtle")
