#!/usr/bin/env python3
"""One identifier, one node: in each JSON-LD or Europass XML document given, the nodes that share an id
describe one thing. A JSON-LD node may be described in part where it recurs (an awarding body that is
the issuer, by id and name), but no member has two different values; a Europass XML element with an id
has the same content wherever the id occurs. Prints each id given to two different nodes; exits 1 when
there is one. An independent check of credconv's output (stdlib only)."""
import collections
import json
import sys
import xml.etree.ElementTree as ET


def json_nodes(value, seen, path):
    if isinstance(value, dict):
        if isinstance(value.get("id"), str) and len(value) > 1:
            seen[value["id"]].append((path, value))
        for key, member in value.items():
            json_nodes(member, seen, f"{path}/{key}")
    elif isinstance(value, list):
        for i, member in enumerate(value):
            json_nodes(member, seen, f"{path}/{i}")


def xml_nodes(root, seen):
    for element in root.iter():
        identifier = element.get("id")
        if identifier is not None:
            seen[identifier].append((element.tag, ET.tostring(element)))


def conflicting(contents):
    """XML: any two different serialisations. JSON: a member with two different values."""
    if not isinstance(contents[0], dict):
        return len(set(contents)) > 1
    values = {}
    for node in contents:
        for key, value in node.items():
            text = json.dumps(value, sort_keys=True)
            if values.setdefault(key, text) != text:
                return True
    return False


def main(paths):
    failures = 0
    for path in paths:
        seen = collections.defaultdict(list)
        if path.endswith(".xml"):
            xml_nodes(ET.parse(path).getroot(), seen)
        else:
            with open(path, encoding="utf-8") as f:
                json_nodes(json.load(f), seen, "")
        for identifier, occurrences in seen.items():
            if conflicting([content for _, content in occurrences]):
                failures += 1
                print(f"{path}: {identifier} names different nodes at {[p for p, _ in occurrences]}")
    return 1 if failures else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--reference"]:
        args = args[2:]  # not needed: the check reads only the files given
    sys.exit(main(args))
