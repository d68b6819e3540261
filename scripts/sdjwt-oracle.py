#!/usr/bin/env python3
"""The IETF reference implementation of SD-JWT (PyPI `sd-jwt`, with jwcrypto) as an oracle for credconv.

  verify SDJWT_FILE ISSUER_KEY [--audience A --nonce N]
      Verifies an SD-JWT (issuer signature; key binding when asked) and prints the disclosed claims as JSON.
  issue CLAIMS_JSON ISSUER_KEY HOLDER_PUBLIC_KEY --metadata VCT_JSON [--decoys] [--typ T] [--x5c CERT_PEM]
      Issues an SD-JWT VC of the claims: every claim the type metadata marks `sd: always` is a disclosure.
  present SDJWT_FILE HOLDER_KEY --audience A --nonce N [--withhold CLAIM ...]
      Makes a presentation with a key-binding JWT, disclosing every claim except the withheld ones.

  resign SDJWT_FILE ISSUER_KEY --set NAME=JSON ...
      Changes claims of the issuer JWT's payload (`_sd_alg`, say) and signs it again; disclosures unchanged.
  ca OUT_DIR --host HOST
      A P-256 CA (ca.pem) and a leaf certificate for HOST (subjectAltName DNS) with its key (leaf.key,
      PKCS#8) and chain (chain.pem: the leaf), for x5c.

Keys are PEM (private: PKCS#8) or JWK files. Exit 0 on success, 1 when the reference implementation refuses.
"""
import argparse
import base64
import json
import sys

from jwcrypto.jwk import JWK
from sd_jwt.common import SDObj
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier


def load_key(path):
    data = open(path, "rb").read()
    if data.lstrip().startswith(b"{"):
        return JWK.from_json(data.decode())
    return JWK.from_pem(data)


def alg_of(key):
    crv = key.get("crv")
    return {"P-256": "ES256", "P-384": "ES384", "Ed25519": "EdDSA"}.get(crv, "ES256")


def concealed(claims, metadata):
    """The claims with SDObj keys wherever the type metadata says sd: always (top level and array elements)."""
    sd = {tuple(c["path"]) for c in metadata["claims"] if c.get("sd") == "always"}
    out = {}
    for name, value in claims.items():
        if isinstance(value, list) and (name, None) in sd:
            value = [SDObj(v) for v in value]
        out[SDObj(name) if (name,) in sd else name] = value
    return out


def cmd_verify(args):
    key = load_key(args.issuer_key)
    text = open(args.sdjwt).read().strip()
    verifier = SDJWTVerifier(text, lambda iss, header: key, expected_aud=args.audience, expected_nonce=args.nonce)
    print(json.dumps(verifier.get_verified_payload(), ensure_ascii=False, sort_keys=True))


def cmd_issue(args):
    claims = json.load(open(args.claims))
    metadata = json.load(open(args.metadata))
    issuer_key = load_key(args.issuer_key)
    holder = load_key(args.holder_key)
    claims["cnf"] = {"jwk": json.loads(holder.export_public())}
    header = {"typ": args.typ}
    if args.x5c:
        pem = open(args.x5c).read()
        blocks = [b for b in pem.split("-----BEGIN CERTIFICATE-----")[1:]]
        header["x5c"] = ["".join(b.split("-----END CERTIFICATE-----")[0].split()) for b in blocks]
    issuer = SDJWTIssuer(concealed(claims, metadata), issuer_key, sign_alg=alg_of(issuer_key),
                         add_decoy_claims=args.decoys, extra_header_parameters=header)
    sys.stdout.write(issuer.sd_jwt_issuance)


def cmd_present(args):
    text = open(args.sdjwt).read().strip()
    holder_key = load_key(args.holder_key)
    holder = SDJWTHolder(text)
    payload = holder.sd_jwt_payload
    names = set()
    for digest, disclosure in holder._hash_to_decoded_disclosure.items():
        if len(disclosure) == 3:
            names.add(disclosure[1])
    disclose = {name: True for name in names if name not in args.withhold}
    holder.create_presentation(disclose, nonce=args.nonce, aud=args.audience, holder_key=holder_key, sign_alg=alg_of(holder_key))
    sys.stdout.write(holder.sd_jwt_presentation)


def cmd_resign(args):
    text = open(args.sdjwt).read().strip()
    jwt, rest = text.split("~", 1)
    header_b64, payload_b64, _ = jwt.split(".")
    pad = lambda t: t + "=" * (-len(t) % 4)
    header = json.loads(base64.urlsafe_b64decode(pad(header_b64)))
    payload = json.loads(base64.urlsafe_b64decode(pad(payload_b64)))
    for assignment in args.set:
        name, value = assignment.split("=", 1)
        payload[name] = json.loads(value)
    from jwcrypto.jws import JWS
    key = load_key(args.issuer_key)
    jws = JWS(payload=json.dumps(payload))
    jws.add_signature(key, alg=header["alg"], protected=json.dumps(header))
    sys.stdout.write(jws.serialize(compact=True) + "~" + rest)


def cmd_ca(args):
    import datetime
    import os
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "credconv test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, args.host)]))
            .issuer_name(ca_name).public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(args.host)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    os.makedirs(args.out, exist_ok=True)
    pem = lambda c: c.public_bytes(serialization.Encoding.PEM)
    open(os.path.join(args.out, "ca.pem"), "wb").write(pem(ca))
    open(os.path.join(args.out, "chain.pem"), "wb").write(pem(leaf))
    key_path = os.path.join(args.out, "leaf.key")
    open(key_path, "wb").write(leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    os.chmod(key_path, 0o600)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify")
    v.add_argument("sdjwt")
    v.add_argument("issuer_key")
    v.add_argument("--audience")
    v.add_argument("--nonce")
    i = sub.add_parser("issue")
    i.add_argument("claims")
    i.add_argument("issuer_key")
    i.add_argument("holder_key")
    i.add_argument("--metadata", required=True)
    i.add_argument("--decoys", action="store_true")
    i.add_argument("--typ", default="dc+sd-jwt")
    i.add_argument("--x5c")
    p = sub.add_parser("present")
    p.add_argument("sdjwt")
    p.add_argument("holder_key")
    p.add_argument("--audience", required=True)
    p.add_argument("--nonce", required=True)
    p.add_argument("--withhold", nargs="*", default=[])
    r = sub.add_parser("resign")
    r.add_argument("sdjwt")
    r.add_argument("issuer_key")
    r.add_argument("--set", action="append", default=[])
    c = sub.add_parser("ca")
    c.add_argument("out")
    c.add_argument("--host", required=True)
    args = parser.parse_args()
    try:
        {"verify": cmd_verify, "issue": cmd_issue, "present": cmd_present, "resign": cmd_resign, "ca": cmd_ca}[args.command](args)
    except Exception as error:  # the reference implementation's refusal
        print(f"sd-jwt refused: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
