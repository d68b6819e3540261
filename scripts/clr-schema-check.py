#!/usr/bin/env python3
"""Validates 1EdTech CLR 2.0 documents against the official JSON Schema (an independent oracle).

Usage: clr-schema-check.py [--reference DIR] FILE...
Each FILE holds one ClrCredential. Validates against clr_v2p0_clrcredential_schema.json from the
reference folder (openbadges/clr2/). Prints one line per failure and exits 1 if any document fails.
"""
import argparse
import json
import os
import sys

from jsonschema import Draft201909Validator

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    default_ref = os.environ.get("CREDCONV_REFERENCE") or os.path.join(HERE, "..", "..", "shared", "reference")
    ap.add_argument("--reference", default=default_ref)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    with open(os.path.join(args.reference, "openbadges", "clr2", "clr_v2p0_clrcredential_schema.json"), encoding="utf-8") as f:
        validator = Draft201909Validator(json.load(f))
    failed = 0
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors:
            print(f"{path}: /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:300]}")
        failed += bool(errors)
    print(f"{len(args.files) - failed} valid, {failed} schema failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
