#!/usr/bin/env python3
"""Compares the values two Europass ELM v2 XML documents hold, by XPath (an independent check of round trips).

Usage: elm-xml-values.py ORIGINAL CONVERTED [--ignore NAME ...]
Lists every text value and code URI of ORIGINAL as (element path without positions, value) and reports the
ones CONVERTED does not hold. Generated ids (urn:epass:…) and element order do not matter. Exits 1 when
values are missing.
"""
import argparse
import collections
import sys
import xml.etree.ElementTree as ET

SNB = "{http://data.europa.eu/snb}"


def local(tag):
    return tag.split("}")[-1]


def values(path, ignore):
    root = ET.parse(path).getroot()
    found = collections.Counter()
    # Resolve idrefs so that values reached through references count under the referring path.
    index = {e.get("id"): e for e in root.iter() if e.get("id")}

    def walk(e, trail, depth, seen):
        name = local(e.tag)
        if name in ignore or depth > 40:
            return
        here = trail + "/" + name
        uri = e.get("uri")
        if uri:
            found[(here + "/@uri", uri.strip())] += 1
        text = (e.text or "").strip()
        if text and len(e) == 0 and name not in ("id",):
            found[(here, " ".join(text.split()))] += 1
        ref = e.get("idref")
        if ref and ref in index and ref not in seen:
            walk_children(index[ref], here, depth + 1, seen | {ref})
        walk_children(e, trail + "/" + name, depth + 1, seen)

    def walk_children(e, trail, depth, seen):
        for c in e:
            walk(c, trail, depth, seen)

    for child in root:
        if local(child.tag).endswith("References"):
            continue  # reached through the references
        walk(child, "", 0, frozenset())
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("original")
    ap.add_argument("converted")
    ap.add_argument("--ignore", nargs="*", default=[])
    ap.add_argument("--only", nargs="*", default=[], help="regular expressions: compare only paths that match one")
    args = ap.parse_args()
    ignore = set(args.ignore)
    a = values(args.original, ignore)
    b = values(args.converted, ignore)
    if args.only:
        import re
        patterns = [re.compile(p) for p in args.only]
        a = collections.Counter({k: v for k, v in a.items() if any(p.search(k[0]) for p in patterns)})
    missing = [(k, v) for k, v in a.items() if b[k] < 1]
    for (path, value), _ in sorted(missing):
        print(f"missing: {path} = {value[:100]}")
    print(f"{len(a) - len(missing)} of {len(a)} values kept", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
