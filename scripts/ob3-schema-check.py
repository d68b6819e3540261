#!/usr/bin/env python3
"""Validates Open Badges 3.0 documents against the official JSON Schemas (an independent oracle).

Usage: ob3-schema-check.py [--reference DIR] [--kind achievement|endorsement] FILE...
Each FILE holds one JSON document, or JSON Lines when its name ends in .jsonl.
Validates against both official copies (the 2026 JSON-LD adaptation and the strict 2024 one for
achievement credentials) and, when the document uses the credconv extension, against schemas/credconv-ob3-extension.schema.json.
Prints one line per failure and exits 1 if any document fails, 0 otherwise.
"""
import argparse
import json
import os
import sys

from jsonschema import Draft201909Validator

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    default_ref = os.environ.get("CREDCONV_REFERENCE") or os.path.join(HERE, "..", "..", "shared", "reference")
    ap.add_argument("--reference", default=default_ref)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    ob3 = os.path.join(args.reference, "openbadges", "ob3", "schema")
    achievement = [
        ("2026", load(os.path.join(ob3, "json", "ob_v3p0_achievementcredential_schema.json"))),
        ("2024-strict", load(os.path.join(ob3, "json-formal-2024", "ob_v3p0_achievementcredential_schema.json"))),
    ]
    endorsement = [("2026", load(os.path.join(ob3, "json", "ob_v3p0_endorsementcredential_schema.json")))]
    extension = load(os.path.join(HERE, "..", "schemas", "credconv-ob3-extension.schema.json"))
    failures = 0
    count = 0
    for path in args.files:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                docs = [(f"{path}:{i + 1}", json.loads(line)) for i, line in enumerate(f) if line.strip()]
        else:
            docs = [(path, load(path))]
        for name, doc in docs:
            count += 1
            types = doc.get("type", [])
            types = [types] if isinstance(types, str) else types
            schemas = endorsement if "EndorsementCredential" in types else achievement
            if "https://w3id.org/credconv/ob3/v1" in doc.get("@context", []):
                schemas = schemas + [("credconv-extension", extension)]
            failed = False
            for label, schema in schemas:
                errors = sorted(Draft201909Validator(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
                for e in errors[:5]:
                    pointer = "/" + "/".join(str(p) for p in e.absolute_path)
                    print(f"{name}: {label}: {pointer}: {e.message[:300]}")
                failed = failed or bool(errors)
            if failed:
                failures += 1
    print(f"{count - failures} valid, {failures} schema failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
