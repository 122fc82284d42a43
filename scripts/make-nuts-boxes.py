#!/usr/bin/env python3
"""Writes src/geo/nuts_boxes.rs: the bounding box of each NUTS region the bundled vocabulary
uses, for `boucle check`'s test that an entry's coordinates fall inside its region.

Source: Eurostat GISCO's NUTS 2024 regions at 1:20 million, EPSG:4326, all levels
(`NUTS_RG_20M_2024_4326`), as the R package giscoR ships them in `data/gisco_nuts_2024.rda`
(github.com/rOpenGov/giscoR; its data-raw/gisco_nuts_2024.R makes it from GISCO's download with
`gisco_get_nuts(resolution = "20", year = "2024", epsg = "4326", nuts_level = "all", ext = "gpkg")`).
The copy read: the file as of giscoR commit f6c7b286124c55a0294a8722a1d8ea1a31b37500 (git blob
98efdba1b06585ad833b4eedb437c4b0d8a5b324, 235,256 bytes, SHA-256
cabab8bc5752e49167e39c5ad742299a757844d25c292c51318ec6d9edc1772e). © EuroGeographics for the
administrative boundaries.

    scripts/make-nuts-boxes.py path/to/gisco_nuts_2024.rda

The vocabulary's codes are read from practices/vocabularies/regions.ron. Countries (two
letters) are left out: `check` tests those against Natural Earth's per-polygon country boxes
(assets/geography.bin), which keep overseas territories apart; a single box of France would
reach from Guyane to Réunion. Every other code must be in the source, or the script fails.

Each box is the smallest holding every vertex of the region's polygons (islands included),
rounded outward to 0.001° (about 100 m). The 1:20M outlines are generalised, so a box can be
smaller than the region by up to a few kilometres: the check adds its own margin.

The .rda file is R's serialisation (XDR, version 3) compressed with xz; the reader below knows
just enough of that format for an sf data frame. Standard library only; the output is
deterministic.
"""

import lzma
import math
import os
import re
import struct
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
VOCABULARY = os.path.join(ROOT, "practices", "vocabularies", "regions.ron")
TARGET = os.path.join(ROOT, "src", "geo", "nuts_boxes.rs")
STEP = 1000  # thousandths of a degree

# R's SEXP types met in an sf data frame (R Internals, "Serialization formats").
NIL, SYM, LIST, CLOS, ENV, PROM, LANG, CHAR = 254, 1, 2, 3, 4, 5, 6, 9
LGL, INT, REAL, CPLX, STR, VEC, EXPR, RAW = 10, 13, 14, 15, 16, 19, 20, 24
REF, ALTREP, ATTRLANG, ATTRLIST, DOT = 255, 238, 240, 239, 17
PAIRS = (LIST, LANG, CLOS, PROM, DOT, ATTRLANG, ATTRLIST)
# Global, base and empty environments, the missing argument, unbound value, base namespace.
SPECIALS = (253, 252, 251, 250, 242, 241)


class Reader:
    """Reads R's XDR serialisation: vectors as ('vec', type, values, attributes)."""

    def __init__(self, data):
        self.data = data
        self.at = 0
        self.refs = []

    def int(self):
        (value,) = struct.unpack_from(">i", self.data, self.at)
        self.at += 4
        return value

    def length(self):
        n = self.int()
        if n == -1:
            high, low = self.int(), self.int()
            n = (high << 32) + low
        return n

    def item(self):
        flags = self.int()
        kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if kind == NIL:
            return None
        if kind in SPECIALS:
            return ("special", kind)
        if kind == REF:
            index = flags >> 8 or self.int()
            return self.refs[index - 1]
        if kind == SYM:
            symbol = ("sym", self.item())
            self.refs.append(symbol)
            return symbol
        if kind == ENV:
            env = {}
            self.refs.append(env)
            self.int()  # locked
            for part in ("enclos", "frame", "hash", "attr"):
                env[part] = self.item()
            return env
        if kind in PAIRS:
            return self.pairs(flags)
        if kind == CHAR:
            n = self.int()
            if n == -1:
                return None
            text = self.data[self.at : self.at + n].decode("utf-8")
            self.at += n
            return text
        if kind == ALTREP:
            info, state, attr = self.item(), self.item(), self.item()
            return ("altrep", info, state, attr)
        n = self.length()
        if kind in (LGL, INT):
            values = struct.unpack_from(f">{n}i", self.data, self.at)
            self.at += 4 * n
        elif kind == REAL:
            values = struct.unpack_from(f">{n}d", self.data, self.at)
            self.at += 8 * n
        elif kind == CPLX:
            values = struct.unpack_from(f">{2 * n}d", self.data, self.at)
            self.at += 16 * n
        elif kind == RAW:
            values = self.data[self.at : self.at + n]
            self.at += n
        elif kind in (STR, VEC, EXPR):
            values = [self.item() for _ in range(n)]
        else:
            raise ValueError(f"R type {kind} at byte {self.at}: not read by this script")
        attributes = self.item() if has_attr else None
        return ("vec", kind, values, attributes)

    def pairs(self, flags):
        """A pairlist as ('list', [(tag, value)]), read iteratively (they can be long)."""
        out = []
        while True:
            kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
            if kind == NIL:
                break
            if kind not in PAIRS:
                self.at -= 4
                out.append((".rest", self.item()))
                break
            if has_attr:
                self.item()
            tag = self.item() if has_tag else None
            name = tag[1] if isinstance(tag, tuple) and tag[0] == "sym" else None
            out.append((name, self.item()))
            flags = self.int()
        return ("list", out)


def attributes(vec):
    return dict(vec[3][1]) if vec and vec[3] else {}


def read_rda(path):
    with open(path, "rb") as file:
        raw = lzma.decompress(file.read())
    if raw[:7] != b"RDX3\nX\n":
        sys.exit(f"{path}: not an xz-compressed R data file in XDR format, version 3")
    reader = Reader(raw[7:])
    version = reader.int()
    reader.int()  # writer's R version
    reader.int()  # oldest R that can read it
    if version != 3:
        sys.exit(f"{path}: serialisation version {version}, this script reads 3")
    encoding = reader.int()
    reader.at += encoding  # the name of the writer's native encoding
    top = reader.item()
    objects = dict(top[1])
    if "gisco_nuts_2024" not in objects:
        sys.exit(f"{path}: no gisco_nuts_2024 object (found {', '.join(map(str, objects))})")
    return objects["gisco_nuts_2024"]


def coordinates(geometry):
    """Every (lon, lat) vertex of an sfg: nested lists of n×2 matrices stored column by column."""
    if geometry[0] != "vec":
        return
    if geometry[1] == REAL:
        values = geometry[2]
        n = len(values) // 2
        yield from zip(values[:n], values[n:])
    elif geometry[1] == VEC:
        for part in geometry[2]:
            yield from coordinates(part)


def regions(frame):
    names = attributes(frame)["names"][2]
    columns = dict(zip(names, frame[2]))
    crs = attributes(columns["geometry"]).get("crs")
    if crs is None or crs[2][0][2] != ["EPSG:4326"]:
        sys.exit("the geometry is not in EPSG:4326")
    ids = columns["NUTS_ID"][2]
    for code, geometry in zip(ids, columns["geometry"][2]):
        points = list(coordinates(geometry))
        if not points:
            continue
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        yield code, (min(lons), min(lats), max(lons), max(lats))


def vocabulary_codes():
    with open(VOCABULARY, encoding="utf-8") as file:
        text = file.read()
    return sorted(set(re.findall(r'\bid: "([A-Z]{2}[0-9A-Z]{0,3})"', text)))


def outward(box):
    west, south, east, north = box
    return (
        math.floor(west * STEP) / STEP,
        math.floor(south * STEP) / STEP,
        math.ceil(east * STEP) / STEP,
        math.ceil(north * STEP) / STEP,
    )


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    boxes = dict(regions(read_rda(sys.argv[1])))
    codes = [c for c in vocabulary_codes() if len(c) > 2]
    missing = [c for c in codes if c not in boxes]
    if missing:
        sys.exit(f"not in the source: {', '.join(missing)}")
    lines = [
        "//! Made by scripts/make-nuts-boxes.py from Eurostat GISCO's NUTS 2024 regions at 1:20 million",
        "//! (`NUTS_RG_20M_2024_4326`, as giscoR's data/gisco_nuts_2024.rda ships them, giscoR commit",
        "//! f6c7b28); do not edit. © EuroGeographics for the administrative boundaries.",
        "#![allow(clippy::approx_constant)] // degrees, not π: the Pas-de-Calais reaches 3.141° E",
        "",
        "/// (NUTS code, west, south, east, north) in degrees, sorted by code: the box of every vertex",
        "/// of the region's generalised outline, rounded outward to 0.001°.",
        "pub(super) const BOXES: &[(&str, f64, f64, f64, f64)] = &[",
    ]
    for code in codes:
        west, south, east, north = outward(boxes[code])
        lines.append(f'    ("{code}", {west!r}, {south!r}, {east!r}, {north!r}),')
    lines.append("];")
    with open(TARGET, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    print(f"{os.path.relpath(TARGET, ROOT)}: {len(codes)} regions", file=sys.stderr)


if __name__ == "__main__":
    main()
