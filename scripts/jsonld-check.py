#!/usr/bin/env python3
"""JSON-LD check of credentials with PyLD (an independent oracle), fully offline.

Usage: jsonld-check.py [--reference DIR] FILE...
Expands each document with a document loader that serves only local copies of the contexts
(../shared/reference and this repository's schemas/) and refuses every other URL. A document fails
when expansion fails or when a term is not defined by its contexts: under the VC 2.0 context such
terms silently become `https://www.w3.org/ns/credentials/issuer-dependent#…` IRIs.
Exits 1 when any document fails.
"""
import argparse
import json
import os
import sys

from pyld import jsonld

from local_contexts import make_loader

HERE = os.path.dirname(os.path.abspath(__file__))
ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"


def undefined_terms(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k.startswith(ISSUER_DEPENDENT):
                found.add(k[len(ISSUER_DEPENDENT):])
            if k == "@type":
                for t in v if isinstance(v, list) else [v]:
                    if isinstance(t, str) and t.startswith(ISSUER_DEPENDENT):
                        found.add("type " + t[len(ISSUER_DEPENDENT):])
            undefined_terms(v, found)
    elif isinstance(node, list):
        for v in node:
            undefined_terms(v, found)


def main():
    ap = argparse.ArgumentParser()
    default_ref = os.environ.get("CREDCONV_REFERENCE") or os.path.join(HERE, "..", "..", "shared", "reference")
    ap.add_argument("--reference", default=default_ref)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    loader = make_loader(args.reference)
    failures = 0
    total = 0
    for path in args.files:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                docs = [(f"{path}:{i + 1}", json.loads(line)) for i, line in enumerate(f) if line.strip()]
        else:
            with open(path, encoding="utf-8") as f:
                docs = [(path, json.load(f))]
        for name, doc in docs:
            total += 1
            contexts = doc.get("@context") if isinstance(doc, dict) else None
            contexts = contexts if isinstance(contexts, list) else [contexts]
            if any(isinstance(c, str) and c.startswith("https://w3id.org/openbadges/") for c in contexts):
                # OB 2.0 has no @vocab: an undefined term would vanish silently. Expand with a marker
                # vocabulary so that such terms show.
                doc = dict(doc)
                doc["@context"] = contexts + [{"@vocab": ISSUER_DEPENDENT}]
            try:
                expanded = jsonld.expand(doc, {"documentLoader": loader})
            except Exception as e:  # pyld raises JsonLdError with nested causes
                print(f"{name}: expansion failed: {str(e)[:400]}")
                failures += 1
                continue
            found = set()
            undefined_terms(expanded, found)
            if found:
                print(f"{name}: terms not defined by the contexts: {', '.join(sorted(found))}")
                failures += 1
    print(f"{total - failures} passed, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
