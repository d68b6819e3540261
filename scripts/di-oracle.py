#!/usr/bin/env python3
"""An independent Data Integrity oracle for credconv's tests: python `cryptography`; JCS by json.dumps
with sorted keys (RFC 8785 for the strings and integers credentials hold); for the RDFC suites PyLD's
URDNA2015 normalisation (= RDFC-1.0 with SHA-256) with an offline loader of local contexts; base58 here.

  sign SUITE PRIVATE_PEM METHOD DOCUMENT     prints DOCUMENT with a proof (eddsa-jcs-2022, ecdsa-jcs-2019,
                                             eddsa-rdfc-2022, ecdsa-rdfc-2019 with P-256)
  verify DOCUMENT PUBLIC_PEM                 exit 0 when every proof verifies with the key, 1 otherwise

The RDFC suites read contexts from $CREDCONV_REFERENCE (default ../shared/reference) and schemas/; the
examples context of the W3C vectors is served too. ecdsa-rdfc-2019 with P-384 canonicalizes with SHA-384,
which PyLD cannot; the oracle refuses it.
"""
import hashlib
import json
import os
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data):
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text):
    n = 0
    for c in text:
        n = n * 58 + ALPHABET.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def jcs(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(data, key):
    if isinstance(key, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)) and key.curve.name == "secp384r1":
        return hashlib.sha384(data).digest()
    return hashlib.sha256(data).digest()


RDFC_SUITES = ("eddsa-rdfc-2022", "ecdsa-rdfc-2019")


def canonical_nquads(value):
    from pyld import jsonld
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from local_contexts import make_loader, local_contexts
    here = os.path.dirname(os.path.abspath(__file__))
    reference = os.environ.get("CREDCONV_REFERENCE") or os.path.join(here, "..", "..", "shared", "reference")
    local_contexts_table = local_contexts(reference)
    local_contexts_table["https://www.w3.org/ns/credentials/examples/v2"] = os.path.join(
        reference, "openbadges", "w3c-vc", "credentials-examples-v2-context.jsonld")
    base_loader = make_loader(reference)

    def loader(url, options=None):
        if url == "https://www.w3.org/ns/credentials/examples/v2":
            with open(local_contexts_table[url], encoding="utf-8") as f:
                return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": json.load(f)}
        return base_loader(url, options)
    return jsonld.normalize(value, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}).encode()


def previous_proofs(document, proof):
    """What a proof covers: the document without proofs, or with those named by previousProof."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    previous = proof.get("previousProof")
    if previous:
        ids = [previous] if isinstance(previous, str) else previous
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        unsecured["proof"] = [p for p in proofs if p.get("id") in ids]
    return unsecured


def hash_data(document, proof, key):
    unsecured = previous_proofs(document, proof)
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    if proof.get("cryptosuite") in RDFC_SUITES or proof.get("type") == "Ed25519Signature2020":
        if isinstance(key, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)) and key.curve.name == "secp384r1":
            raise SystemExit("the oracle cannot canonicalize with SHA-384 (ecdsa-rdfc-2019 with P-384)")
        if "@context" in document:
            config["@context"] = document["@context"]
        return digest(canonical_nquads(config), key) + digest(canonical_nquads(unsecured), key)
    return digest(jcs(config), key) + digest(jcs(unsecured), key)


def main(argv):
    if argv[1] == "sign":
        suite, key_path, method, doc_path = argv[2:6]
        key = serialization.load_pem_private_key(open(key_path, "rb").read(), None)
        document = json.load(open(doc_path))
        proof = {"type": "DataIntegrityProof", "cryptosuite": suite, "created": "2026-01-01T00:00:00Z",
                 "verificationMethod": method, "proofPurpose": "assertionMethod"}
        if "@context" in document and suite not in RDFC_SUITES:
            proof["@context"] = document["@context"]
        data = hash_data(document, proof, key)
        if isinstance(key, ed25519.Ed25519PrivateKey):
            signature = key.sign(data)
        else:
            size = (key.curve.key_size + 7) // 8
            algorithm = hashes.SHA384() if key.curve.name == "secp384r1" else hashes.SHA256()
            r, s = decode_dss_signature(key.sign(data, ec.ECDSA(algorithm)))
            signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
        proof["proofValue"] = "z" + b58encode(signature)
        document["proof"] = proof
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    if argv[1] == "verify":
        document = json.load(open(argv[2]))
        key = serialization.load_pem_public_key(open(argv[3], "rb").read())
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        for proof in proofs:
            signature = b58decode(proof["proofValue"][1:])
            data = hash_data(document, proof, key)
            try:
                if isinstance(key, ed25519.Ed25519PublicKey):
                    key.verify(signature, data)
                else:
                    half = len(signature) // 2
                    der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
                    algorithm = hashes.SHA384() if key.curve.name == "secp384r1" else hashes.SHA256()
                    key.verify(der, data, ec.ECDSA(algorithm))
            except InvalidSignature:
                print("does not verify: %s" % proof.get("cryptosuite"), file=sys.stderr)
                return 1
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
