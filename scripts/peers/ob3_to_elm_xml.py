#!/usr/bin/env python3
"""Peer for the benchmark: what a registrar might write in an afternoon to map Open Badges 3.0 JSON Lines
(stdin) to Europass ELM v2 XML with lxml, one document per line of output (stdout): the same fields
credconv maps for the benchmark's credentials (ids, titles, descriptions, issuer with country, dates,
learner, achievement with credits, criteria, EQF alignment, result). No validation, no loss report.
"""
import json
import sys

from lxml import etree

NS = "http://data.europa.eu/snb"
E = "{%s}" % NS


def sub(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, E + tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = str(text)
    return el


def text_in(parent, tag, value, lang="en"):
    el = sub(parent, tag)
    sub(el, "text", value, **{"lang": lang, "content-type": "text/plain"})


def convert(c):
    root = etree.Element(E + "europassCredential", nsmap={None: NS}, id=c["id"])
    sub(root, "identifier", c["id"])
    text_in(root, "title", c["name"])
    sub(root, "validFrom", c["validFrom"])
    issuer = c["issuer"]
    i = sub(root, "issuer", id=issuer["id"])
    text_in(i, "preferredName", issuer["name"])
    sub(i, "homepage", issuer.get("url", ""))
    country = issuer.get("address", {}).get("addressCountryCode")
    if country:
        sub(sub(i, "location"), "country", uri="http://publications.europa.eu/resource/authority/country/" + country)
    s = c["credentialSubject"]
    subject = sub(root, "credentialSubject", id=s.get("id", ""))
    a = s["achievement"]
    la = sub(sub(subject, "achievements"), "learningAchievement", id="urn:epass:learningAchievement:1")
    text_in(la, "title", a["name"])
    text_in(la, "description", a.get("description", ""))
    spec = sub(la, "specifiedBy", idref="urn:epass:spec:1")
    for r in s.get("result", []):
        text_in(sub(la, "wasDerivedFrom"), "grade", r.get("value", ""))
    specs = sub(root, "learningSpecificationReferences")
    ls = sub(specs, "learningSpecification", id=a["id"])
    text_in(ls, "title", a["name"])
    if "creditsAvailable" in a:
        sub(ls, "ectsCreditPoints", a["creditsAvailable"])
    for al in a.get("alignment", []):
        sub(ls, "eqfLevel", uri=al["targetUrl"])
    if "criteria" in a:
        text_in(ls, "learningOutcomeDescription", a["criteria"].get("narrative", ""))
    return etree.tostring(root, xml_declaration=False, encoding="unicode")


out = sys.stdout.write
for line in sys.stdin:
    if line.strip():
        out(convert(json.loads(line)) + "\n")
