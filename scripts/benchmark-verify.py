#!/usr/bin/env python3
"""Verification throughput: credconv next to python joserfc, in one run, on the same signed credentials.

Generates N Open Badges 3.0 VC-JWTs (about 2 KB of credential each; signed with python `cryptography`
and `joserfc`, kid under the issuer, the issuer's profile listing the key), one per line, for Ed25519
and for RSA-2048, then times
  credconv --jsonl -t ob3 --verify --key profile.json   (every check, then convert through the model)
  credconv --jsonl -t model                             (the same records unverified: what verification adds)
  python3 joserfc deserialize_compact per line          (signature only, one core: the peer)
and prints documents per second and peak memory (median of --runs runs).

Usage: scripts/benchmark-verify.py [--count N] [--runs R] [--binary PATH]
Build first: swift build -c release
"""
import argparse
import json
import os
import random
import sys
import tempfile
import warnings

warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchmark import ROOT, credential, measure  # noqa: E402

from joserfc import jws  # noqa: E402
from joserfc.jwk import OKPKey, RSAKey  # noqa: E402

ISSUER = "https://issuer0.example.edu/"
KID = ISSUER + "keys#key-1"

PY_VERIFY = """import sys, json, warnings
warnings.filterwarnings("ignore")
from joserfc import jws
from joserfc.jwk import import_key
key = import_key(json.load(open(sys.argv[1])))
alg = sys.argv[2]
n = 0
for line in sys.stdin:
    line = line.strip()
    if line:
        jws.deserialize_compact(line, key, algorithms=[alg]); n += 1
print(n)
"""


def generate(folder, count, kind):
    rng = random.Random(7)
    key = OKPKey.generate_key("Ed25519") if kind == "Ed25519" else RSAKey.generate_key(2048)
    alg = "EdDSA" if kind == "Ed25519" else "RS256"
    public = key.as_dict(private=False)
    with open(os.path.join(folder, "pub.jwk"), "w") as f:
        json.dump(public, f)
    profile = {"id": ISSUER, "type": ["Profile"], "verificationMethod": [
        {"id": KID, "type": "JsonWebKey", "controller": ISSUER, "publicKeyJwk": public}], "assertionMethod": [KID]}
    with open(os.path.join(folder, "profile.json"), "w") as f:
        json.dump(profile, f)
    path = os.path.join(folder, "signed.jwt.lines")
    with open(path, "w") as f:
        for i in range(count):
            vc = credential(i, rng)
            vc["issuer"]["id"] = ISSUER
            claims = {"iss": ISSUER, "jti": vc["id"], "sub": vc["credentialSubject"]["id"], "vc": vc}
            f.write(jws.serialize_compact({"alg": alg, "kid": KID, "typ": "JWT"}, json.dumps(claims, separators=(",", ":")), key, algorithms=[alg]) + "\n")
    return path, alg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "credconv"))
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'swift build -c release' first")
    for kind in ("Ed25519", "RSA-2048"):
        with tempfile.TemporaryDirectory() as tmp:
            data, alg = generate(tmp, args.count, kind)
            size = os.path.getsize(data)
            print(f"\n{kind}: {args.count} signed OB 3.0 VC-JWTs, {size / args.count:.0f} bytes each; median of {args.runs} runs")
            tools = [
                ("credconv --verify -t ob3", [args.binary, "--jsonl", "-t", "ob3", "--verify", "--at", "2027-06-01T00:00:00Z", "--key", os.path.join(tmp, "profile.json")]),
                ("credconv -t model (unverified)", [args.binary, "--jsonl", "-t", "model"]),
                ("python joserfc (signature only)", [sys.executable, "-c", PY_VERIFY, os.path.join(tmp, "pub.jwk"), alg]),
            ]
            print(f"{'tool':<34}{'seconds':>9}{'docs/s':>10}{'peak MB':>9}")
            for label, cmd in tools:
                t, peak = measure(cmd, data, args.runs)
                print(f"{label:<34}{t:>9.3f}{args.count / t:>10.0f}{peak:>9.1f}")


if __name__ == "__main__":
    main()
