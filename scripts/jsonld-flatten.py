#!/usr/bin/env python3
"""Writes the flattened JSON-LD form of a document (PyLD, local contexts only), compacted with the
document's own @context: the independent oracle for credconv's reading of flattened graphs.
Usage: jsonld-flatten.py --reference DIR IN OUT"""
import json
import sys

from pyld import jsonld

from local_contexts import make_loader


def main(argv):
    if argv[:1] != ["--reference"] or len(argv) != 4:
        print(__doc__)
        return 64
    reference, source, target = argv[1], argv[2], argv[3]
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    flattened = jsonld.flatten(document, {"@context": document["@context"]}, {"documentLoader": make_loader(reference)})
    with open(target, "w", encoding="utf-8") as f:
        json.dump(flattened, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
