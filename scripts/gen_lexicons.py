"""Regenerate kg/data/countries.tsv and kg/data/places.tsv from CLDR (via Babel).

Run by hand when CLDR moves on: `python scripts/gen_lexicons.py` (needs `pip install babel`).
The output is committed so kg itself does not depend on Babel; hand-kept extras live in
kg/data/country_aliases.tsv and kg/data/places_extra.tsv.
"""

from __future__ import annotations

import csv
from pathlib import Path
from zoneinfo import available_timezones

import babel.localedata as ld

LANGS = ("en", "nl")
DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
# CLDR territory codes that are not countries (continents, unions, unknown, pseudo regions).
REGIONS = {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
NOT_COUNTRIES = {
    "EU",
    "EZ",
    "UN",
    "QO",
    "XA",
    "XB",
    "ZZ",
    "AQ",
    "BV",
    "HM",
    "CP",
    "DG",
    "IC",
    "EA",
    "TA",
}


def countries() -> list[tuple[str, str, str]]:
    rows = []
    en = ld.load("en")["territories"]
    for lang in LANGS:
        names = ld.load(lang)["territories"]
        for code in sorted(names):
            if code.isalpha() and len(code) == 2 and code not in NOT_COUNTRIES and code in en:
                rows.append((code, lang, names[code]))
    return rows


def places() -> list[tuple[str, str, str]]:
    rows = []
    zones = ld.load("root")["time_zones"] | ld.load("en")["time_zones"]
    nl = ld.load("nl")["time_zones"]
    for tz in sorted(available_timezones()):
        if "/" not in tz or tz.split("/")[0] not in REGIONS:
            continue
        en_name = dict(zones.get(tz, {})).get("city") or tz.rsplit("/", 1)[1].replace("_", " ")
        rows.append((tz, "en", en_name))
        nl_name = dict(nl.get(tz, {})).get("city")
        if nl_name:
            rows.append((tz, "nl", nl_name))
    return rows


def write(path: Path, header: tuple[str, ...], rows: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


if __name__ == "__main__":
    write(DATA / "countries.tsv", ("code", "lang", "name"), countries())
    write(DATA / "places.tsv", ("id", "lang", "name"), places())
