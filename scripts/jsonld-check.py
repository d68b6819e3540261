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

HERE = os.path.dirname(os.path.abspath(__file__))
ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"


def local_contexts(reference):
    ob = os.path.join(reference, "openbadges")
    return {
        "https://www.w3.org/ns/credentials/v2": os.path.join(ob, "w3c-vc", "credentials-v2-context.jsonld"),
        "https://www.w3.org/2018/credentials/v1": os.path.join(ob, "w3c-vc", "credentials-v1-context.jsonld"),
        "https://w3id.org/security/data-integrity/v1": os.path.join(ob, "w3c-vc", "data-integrity-v1-context.jsonld"),
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": os.path.join(ob, "ob3", "context", "ob-v3p0-context-3.0.3.json"),
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": os.path.join(ob, "ob3", "context", "ob-v3p0-context-3.0.2.json"),
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": os.path.join(ob, "ob3", "context", "ob-v3p0-context-3.0.1.json"),
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json": os.path.join(ob, "ob3", "context", "ob-v3p0-context.json"),
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": os.path.join(ob, "ob3", "context", "ob-v3p0-extensions.json"),
        "https://w3id.org/credconv/ob3/v1": os.path.join(HERE, "..", "schemas", "credconv-ob3-extension.context.jsonld"),
        "https://w3id.org/openbadges/v2": os.path.join(ob, "ob2", "context", "openbadges-v2-context.json"),
    }


def make_loader(table):
    def loader(url, options=None):
        path = table.get(url)
        if path is None:
            raise jsonld.JsonLdError("refusing to load a context that is not local: " + url, "loading document failed")
        with open(path, encoding="utf-8") as f:
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": json.load(f)}
    return loader


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
    loader = make_loader(local_contexts(args.reference))
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
