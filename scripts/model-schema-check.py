#!/usr/bin/env python3
"""Validates credconv model documents (credconv -t model) against schemas/credconv-model.schema.json
with python jsonschema (an independent oracle).

Usage: model-schema-check.py [--reference DIR] FILE...
Prints one line per violation and exits 1 if any document fails, 0 otherwise.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "..", "schemas", "credconv-model.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    files = sys.argv[1:]
    if files[:1] == ["--reference"]:  # accepted like the other oracle scripts; not needed here
        files = files[2:]
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            pointer = "/" + "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: {pointer}: {e.message[:300]}")
        if errors:
            failed += 1
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
