#!/usr/bin/env python3
"""Builds assets/geography.bin, the map's coastlines and country borders, from Natural Earth.

Source: the npm package world-atlas 2.0.2 (Mike Bostock, ISC licence), which redistributes
Natural Earth's vector data, version 4.1.0 (public domain), as TopoJSON: Admin 0 countries
at 1:110m, 1:50m and 1:10m. Run with no argument to fetch it with `npm pack`, or give the
folder of an unpacked package:

    scripts/make-geography.py                 # npm pack world-atlas@2.0.2 in a temporary folder
    scripts/make-geography.py /tmp/package    # an unpacked world-atlas package

For each scale it keeps two things, both clipped to a box around Europe (1:110m keeps the
whole world, for a catalogue with entries elsewhere):
- the land, as rings (TopoJSON's `land` object: the countries merged), drawn filled and
  outlined, so the coast is the ring's edge;
- the borders between countries: the arcs that two countries share.

It also keeps, for each country of the NUTS classification (EU, EFTA and candidate
countries, by their NUTS code: EL for Greece, UK for the United Kingdom), the box of each of
its polygons at 1:10m, so that `boucle check` can tell a place outside its country (France's
boxes include Réunion's).

Each point is quantised to a fixed step in degrees and each line delta-encoded as zigzag
varints; src/geo/atlas.rs reads it back. The format:

    "BGEO" u8 version(1) u8 levels
    per level: u8 scale (110, 50, 10), varint step (micro-degrees),
               4 x zigzag clip box (west, south, east, north, in steps),
               varint rings, each a line; varint borders, each a line
    then:      varint countries, each: 2 ASCII bytes (NUTS code), varint boxes, each box
               4 x zigzag (west, south, east, north) in hundredths of a degree, outward
    a line:    varint points, then each point as zigzag (lon, lat) deltas in steps from the
               previous one (the first from 0, 0)

Standard library only; the output is deterministic.
"""

import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "2.0.2"
# West, south, east, north: Europe from the Azores to the Caspian, the Canaries to the North Cape.
EUROPE = (-32.0, 26.0, 46.0, 72.0)
WORLD = (-180.0, -90.0, 180.0, 90.0)
# (scale, step in degrees, clip box). The step is at most the source's own precision
# (world-atlas quantises to 1/100000 of the world: 0.0036 degrees of longitude).
# The countries NUTS 2024 classifies, by ISO 3166-1 numeric code (world-atlas's ids), with
# NUTS's own code. Kosovo and Northern Cyprus have no numeric code there: found by name.
NUTS_COUNTRIES = {
    "040": "AT", "056": "BE", "100": "BG", "191": "HR", "196": "CY", "203": "CZ", "208": "DK",
    "233": "EE", "246": "FI", "250": "FR", "276": "DE", "300": "EL", "348": "HU", "372": "IE",
    "380": "IT", "428": "LV", "440": "LT", "442": "LU", "470": "MT", "528": "NL", "616": "PL",
    "620": "PT", "642": "RO", "703": "SK", "705": "SI", "724": "ES", "752": "SE", "352": "IS",
    "438": "LI", "578": "NO", "756": "CH", "826": "UK", "008": "AL", "499": "ME", "807": "MK",
    "688": "RS", "792": "TR", "070": "BA",
}
NUTS_BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY"}
LEVELS = [(110, 0.02, WORLD), (50, 0.005, EUROPE), (10, 0.002, EUROPE)]


def fetch():
    folder = tempfile.mkdtemp(prefix="world-atlas-")
    subprocess.run(["npm", "pack", f"world-atlas@{VERSION}", "--silent"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(folder, f"world-atlas-{VERSION}.tgz")) as archive:
        archive.extractall(folder, filter="data")
    return os.path.join(folder, "package")


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip_ring(points, box):
    """Sutherland-Hodgman against each side of the box: the ring stays closed, running along
    the box where the land goes beyond it (those edges are not drawn as coast)."""
    west, south, east, north = box
    sides = [
        (lambda p: p[0] >= west, lambda a, b: cut_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: cut_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: cut_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: cut_y(a, b, north)),
    ]
    for inside, cut in sides:
        if not points:
            break
        out = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    out.append(cut(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cut(previous, current))
            previous = current
        points = out
    return points


def cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(points, box):
    """The parts of a polyline inside the box, each a polyline of its own (Liang-Barsky)."""
    west, south, east, north = box
    parts, current = [], []
    for a, b in zip(points, points[1:]):
        segment = clip_segment(a, b, west, south, east, north)
        if segment is None:
            if len(current) > 1:
                parts.append(current)
            current = []
            continue
        start, end = segment
        if not current or current[-1] != start:
            if len(current) > 1:
                parts.append(current)
            current = [start]
        current.append(end)
    if len(current) > 1:
        parts.append(current)
    return parts


def clip_segment(a, b, west, south, east, north):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = a if t0 == 0 else (a[0] + t0 * dx, a[1] + t0 * dy)
    end = b if t1 == 1 else (a[0] + t1 * dx, a[1] + t1 * dy)
    return start, end


def quantise(points, step, minimum):
    out = []
    for lon, lat in points:
        q = (round(lon / step), round(lat / step))
        if not out or out[-1] != q:
            out.append(q)
    return out if len(out) >= minimum else None


def varint(n, out):
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(n, out):
    varint((n << 1) ^ (n >> 63) if n < 0 else n << 1, out)


def encode_line(points, out):
    varint(len(points), out)
    x = y = 0
    for px, py in points:
        zigzag(px - x, out)
        zigzag(py - y, out)
        x, y = px, py


def level(package, scale, step, box):
    with open(os.path.join(package, f"countries-{scale}m.json")) as file:
        topology = json.load(file)
    arcs = decode_arcs(topology)
    land = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for ring in polygon:
                clipped = clip_ring(ring_points(ring, arcs), box)
                q = quantise(clipped, step, 3)
                if q:
                    land.append(q)
    uses = [0] * len(arcs)
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    uses[index if index >= 0 else ~index] += 1
    borders = []
    for index, arc in enumerate(arcs):
        if uses[index] >= 2:
            for part in clip_line(arc, box):
                q = quantise(part, step, 2)
                if q:
                    borders.append(q)
    out = bytearray([scale])
    varint(round(step * 1_000_000), out)
    for value in box:
        zigzag(round(value / step), out)
    varint(len(land), out)
    for ring in land:
        encode_line(ring, out)
    varint(len(borders), out)
    for line in borders:
        encode_line(line, out)
    points = sum(len(r) for r in land) + sum(len(b) for b in borders)
    print(f"1:{scale}m: {len(land)} land rings, {len(borders)} borders, {points} points, {len(out)} bytes",
          file=sys.stderr)
    return out


def country_boxes(package):
    """Each NUTS country's polygons' boxes at 1:10m, in hundredths of a degree, rounded outward."""
    with open(os.path.join(package, "countries-10m.json")) as file:
        topology = json.load(file)
    arcs = decode_arcs(topology)
    boxes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = NUTS_COUNTRIES.get(geometry.get("id")) or NUTS_BY_NAME.get(geometry["properties"]["name"])
        if not code:
            continue
        for polygon in polygons(geometry):
            points = ring_points(polygon[0], arcs)
            lons = [p[0] for p in points]
            lats = [p[1] for p in points]
            box = (math.floor(min(lons) * 100), math.floor(min(lats) * 100),
                   math.ceil(max(lons) * 100), math.ceil(max(lats) * 100))
            boxes.setdefault(code, []).append(box)
    out = bytearray()
    varint(len(boxes), out)
    for code in sorted(boxes):
        out += code.encode("ascii")
        varint(len(boxes[code]), out)
        for box in sorted(boxes[code]):
            for value in box:
                zigzag(value, out)
    print(f"countries: {len(boxes)}, {sum(len(b) for b in boxes.values())} boxes, {len(out)} bytes", file=sys.stderr)
    return out


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else fetch()
    out = bytearray(b"BGEO")
    out += bytes([1, len(LEVELS)])
    for scale, step, box in LEVELS:
        out += level(package, scale, step, box)
    out += country_boxes(package)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "geography.bin")
    with open(target, "wb") as file:
        file.write(out)
    print(f"{os.path.normpath(target)}: {len(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
