"""The JSON-LD contexts the oracle scripts may load: local copies only, never the network."""
import json
import os

from pyld import jsonld

HERE = os.path.dirname(os.path.abspath(__file__))


def local_contexts(reference):
    """Context IRI -> local file, from ../shared/reference and this repository's schemas/."""
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
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": os.path.join(ob, "clr2", "clr-v2p0-2.0.1-context.json"),
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json": os.path.join(ob, "clr2", "clr-v2p0-context.json"),
        "https://w3id.org/credconv/ob3/v1": os.path.join(HERE, "..", "schemas", "credconv-ob3-extension.context.jsonld"),
        "https://w3id.org/openbadges/v2": os.path.join(ob, "ob2", "context", "openbadges-v2-context.json"),
        "http://data.europa.eu/snb/model/context/edc-ap": os.path.join(reference, "europass", "elm-v3-jsonld", "context", "edc-ap-context.jsonld"),
    }


def make_loader(reference):
    """A PyLD document loader that serves only the local contexts and refuses everything else."""
    table = local_contexts(reference)

    def loader(url, options=None):
        path = table.get(url)
        if path is None:
            raise jsonld.JsonLdError("refusing to load a context that is not local: " + url, "loading document failed")
        with open(path, encoding="utf-8") as f:
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": json.load(f)}
    return loader
