#!/usr/bin/env python3
"""Checks ELM v3 (EDC) JSON-LD credentials against the EDC SHACL shapes with pyshacl (an independent oracle), offline.

Usage: shacl-check.py [--reference DIR] [--shapes FILE.ttl] FILE...
Each credential is expanded with PyLD using only local copies of its contexts (the EDC application-profile
context and the W3C credentials contexts), turned into RDF, and validated with pyshacl against
EDC-generic-no-cv.ttl (or --shapes). A JAdES envelope ({"payload", "signatures"}) is unwrapped first.
Prints each violation (focus node, path, message) and exits 1 when any document does not conform.
"""
import argparse
import base64
import json
import os
import sys

from pyld import jsonld
from pyshacl import validate
from rdflib import Graph

from local_contexts import make_loader

HERE = os.path.dirname(os.path.abspath(__file__))


def unwrap(doc):
    if isinstance(doc, dict) and "payload" in doc and "signatures" in doc:
        payload = doc["payload"]
        try:
            return json.loads(payload)
        except ValueError:
            padded = payload + "=" * (-len(payload) % 4)
            return json.loads(base64.urlsafe_b64decode(padded))
    return doc


def main():
    ap = argparse.ArgumentParser()
    default_ref = os.environ.get("CREDCONV_REFERENCE") or os.path.join(HERE, "..", "..", "shared", "reference")
    ap.add_argument("--reference", default=default_ref)
    ap.add_argument("--shapes")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    shapes_path = args.shapes or os.path.join(args.reference, "europass", "elm-v3-jsonld", "shacl", "EDC-generic-no-cv.ttl")
    shapes = Graph().parse(shapes_path, format="turtle")
    loader = make_loader(args.reference)
    failures = 0
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            doc = unwrap(json.load(f))
        nquads = jsonld.to_rdf(doc, {"documentLoader": loader, "format": "application/n-quads"})
        data = Graph().parse(data=nquads, format="nquads")
        conforms, report_graph, report_text = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
        if not conforms:
            failures += 1
            lines = [l for l in report_text.splitlines() if l.strip().startswith(("Focus Node", "Result Path", "Message", "Constraint Violation"))]
            print(f"{path}: does not conform")
            for l in lines[:60]:
                print("  " + l.strip())
    print(f"{len(args.files) - failures} passed, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
