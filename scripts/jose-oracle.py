#!/usr/bin/env python3
"""An independent JOSE oracle for credconv's tests: keys, signatures and status lists made with the
python `cryptography` and `joserfc` packages, never with credconv.

  keygen TYPE PRIVATE PUBLIC_JWK [--format pkcs8|sec1|pkcs1|jwk] [--kid KID]
      TYPE: ed25519 p256 p384 p521 rsa2048 rsa3072 rsa1024. Writes the private key (PEM or JWK)
      and the public JWK.
  certificate PRIVATE_PEM OUT_PEM       a self-signed X.509 certificate for the key
  spki PUBLIC_JWK OUT_PEM               the public key as SubjectPublicKeyInfo PEM
  sign ALG PRIVATE PAYLOAD [--kid KID] [--typ TYP] [--jwk]   prints a compact JWS
  verify JWS_FILE PUBLIC_JWK [ALG]      exit 0 and the payload when the JWS verifies, 1 otherwise
  hmac-confusion PAYLOAD PUBLIC_PEM     an HS256 JWS whose secret is the public key PEM (an attack)
  unsecured PAYLOAD                     an alg "none" JWS (an attack)
  statuslist KIND ID ISSUER SIZE REVOKED   KIND bitstring|statuslist2021|1edtech|ob2; REVOKED: comma
      separated indexes (bitstring kinds) or ids (list kinds); prints the list document
"""
import base64
import datetime
import gzip
import hashlib
import hmac
import json
import sys
import warnings

warnings.filterwarnings("ignore")

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID
from joserfc import jws
from joserfc.jwk import ECKey, OKPKey, RSAKey, import_key


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate(kind):
    if kind == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    if kind in ("p256", "p384", "p521"):
        curve = {"p256": ec.SECP256R1(), "p384": ec.SECP384R1(), "p521": ec.SECP521R1()}[kind]
        return ec.generate_private_key(curve)
    if kind.startswith("rsa"):
        return rsa.generate_private_key(public_exponent=65537, key_size=int(kind[3:]))
    raise SystemExit("unknown key type " + kind)


def load_private(path):
    data = open(path, "rb").read()
    if data.lstrip().startswith(b"{"):
        return import_key(json.loads(data))
    return import_key(data)


def opt(args, name, default=None):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return default


def flag(args, name):
    if name in args:
        args.remove(name)
        return True
    return False


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "keygen":
        fmt = opt(args, "--format", "pkcs8")
        kid = opt(args, "--kid")
        kind, private_path, public_path = args
        key = generate(kind)
        if fmt == "jwk":
            jwk = import_key(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())).as_dict(private=True)
            open(private_path, "w").write(json.dumps(jwk))
        else:
            pf = {"pkcs8": serialization.PrivateFormat.PKCS8, "sec1": serialization.PrivateFormat.TraditionalOpenSSL,
                  "pkcs1": serialization.PrivateFormat.TraditionalOpenSSL}[fmt]
            open(private_path, "wb").write(key.private_bytes(serialization.Encoding.PEM, pf, serialization.NoEncryption()))
        public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        jwk = import_key(public).as_dict(private=False)
        if kid:
            jwk["kid"] = kid
        open(public_path, "w").write(json.dumps(jwk))
    elif command == "certificate":
        private_path, out = args
        key = serialization.load_pem_private_key(open(private_path, "rb").read(), None)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "credconv test issuer")])
        now = datetime.datetime(2025, 1, 1)
        algorithm = None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
                .sign(key, algorithm))
        open(out, "wb").write(cert.public_bytes(serialization.Encoding.PEM))
    elif command == "spki":
        public_path, out = args
        key = import_key(json.load(open(public_path)))
        open(out, "wb").write(key.as_pem(private=False))
    elif command == "sign":
        kid = opt(args, "--kid")
        typ = opt(args, "--typ")
        embed = flag(args, "--jwk")
        alg, private_path, payload_path = args
        key = load_private(private_path)
        header = {"alg": alg}
        if typ:
            header["typ"] = typ
        if kid:
            header["kid"] = kid
        if embed:
            header["jwk"] = key.as_dict(private=False)
        print(jws.serialize_compact(header, open(payload_path, "rb").read(), key, algorithms=[alg]))
    elif command == "verify":
        jws_path, public_path = args[0], args[1]
        key = import_key(json.load(open(public_path)))
        alg = args[2] if len(args) > 2 else None
        token = open(jws_path).read().strip()
        header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
        try:
            obj = jws.deserialize_compact(token, key, algorithms=[alg or header["alg"]])
        except Exception as e:  # noqa: BLE001 - any failure is "does not verify"
            print("does not verify: %s" % e, file=sys.stderr)
            return 1
        sys.stdout.write(obj.payload.decode())
    elif command == "hmac-confusion":
        payload_path, public_pem = args
        secret = open(public_pem, "rb").read()
        signing_input = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64url(open(payload_path, "rb").read())
        signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        print(signing_input + "." + b64url(signature))
    elif command == "unsecured":
        (payload_path,) = args
        print(b64url(json.dumps({"alg": "none"}).encode()) + "." + b64url(open(payload_path, "rb").read()) + ".")
    elif command == "statuslist":
        kind, list_id, issuer, size, revoked = args
        if kind in ("bitstring", "statuslist2021"):
            bits = bytearray(int(size) // 8)
            for index in [int(i) for i in revoked.split(",") if i]:
                bits[index // 8] |= 0x80 >> (index % 8)
            encoded = b64url(gzip.compress(bytes(bits)))
            bitstring = kind == "bitstring"
            doc = {
                "@context": ["https://www.w3.org/ns/credentials/v2"] if bitstring else ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"],
                "id": list_id,
                "type": ["VerifiableCredential", "BitstringStatusListCredential" if bitstring else "StatusList2021Credential"],
                "issuer": issuer,
                "validFrom" if bitstring else "issuanceDate": "2025-01-01T00:00:00Z",
                "credentialSubject": {"id": list_id + "#list", "type": "BitstringStatusList" if bitstring else "StatusList2021",
                                      "statusPurpose": "revocation", "encodedList": ("u" if bitstring else "") + encoded},
            }
        elif kind == "1edtech":
            doc = {"id": list_id, "issuer": issuer, "revokedCredentials": [{"id": i, "revocationReason": "test"} for i in revoked.split(",") if i]}
        else:
            doc = {"@context": "https://w3id.org/openbadges/v2", "id": list_id, "type": "RevocationList", "issuer": issuer,
                   "revokedAssertions": [{"id": i, "revocationReason": "test"} for i in revoked.split(",") if i]}
        print(json.dumps(doc, indent=2))
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
