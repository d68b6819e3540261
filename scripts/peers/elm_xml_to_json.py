#!/usr/bin/env python3
"""Peer for the benchmark: parse each Europass ELM v2 XML file named on the command line with lxml and
dump the fields an Open Badges 3.0 credential needs as JSON into the output folder (the first argument):
the afternoon script a registrar might write instead of credconv -f elm-xml -t ob3. No validation.
"""
import json
import os
import sys

from lxml import etree

NS = {"e": "http://data.europa.eu/snb"}


def first(root, path):
    found = root.xpath(path, namespaces=NS)
    return found[0] if found else None


def convert(path):
    root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": root.get("id"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": first(root, "e:title/e:text/text()"),
        "issuer": {"id": first(root, "e:issuer/@id"), "type": ["Profile"], "name": first(root, "e:issuer/e:preferredName/e:text/text()")},
        "validFrom": first(root, "e:validFrom/text()"),
        "credentialSubject": {
            "id": first(root, "e:credentialSubject/@id"),
            "type": ["AchievementSubject"],
            "achievement": {
                "id": first(root, "//e:learningSpecification/@id"),
                "type": ["Achievement"],
                "name": first(root, "//e:learningAchievement/e:title/e:text/text()"),
                "description": first(root, "//e:learningAchievement/e:description/e:text/text()"),
                "creditsAvailable": first(root, "//e:learningSpecification/e:ectsCreditPoints/text()"),
            },
        },
    }


out_dir = sys.argv[1]
for path in sys.argv[2:]:
    with open(os.path.join(out_dir, os.path.basename(path) + ".json"), "w", encoding="utf-8") as f:
        json.dump(convert(path), f, ensure_ascii=False)
