#!/usr/bin/env python3
"""Data Integrity eddsa-rdfc-2022 throughput: credconv next to the python oracle (PyLD URDNA2015 +
`cryptography`, scripts/di-oracle.py), in one run, on the same credentials.

Generates N Open Badges 3.0 credentials (about 2 KB each, one issuer whose profile lists an Ed25519
Multikey), then times
  credconv sign --jsonl -t ob3 --suite eddsa-rdfc-2022   (read → model → write → JSON-LD → RDFC-1.0 → sign)
  python oracle sign                                      (JSON-LD → URDNA2015 → sign, per line)
  credconv verify --jsonl --key profile.json             (every check, on the python-signed lines)
  python oracle verify                                    (canonicalize and check the signature only)
and prints documents per second, peak memory and credconv's ratio to python (median of --runs runs).

Usage: scripts/benchmark-rdfc.py [--count N] [--runs R] [--binary PATH] [--reference DIR]
Build first: swift build -c release
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import warnings

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchmark import ROOT, credential, measure  # noqa: E402

ISSUER = "https://issuer0.example.edu/"
KID = ISSUER + "keys#key-1"

PY_ORACLE = """import importlib.util, json, sys, warnings
warnings.filterwarnings("ignore")
from cryptography.hazmat.primitives import serialization
spec = importlib.util.spec_from_file_location("oracle", sys.argv[1])
oracle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(oracle)
mode, key_path = sys.argv[2], sys.argv[3]
out = sys.stdout
if mode == "sign":
    key = serialization.load_pem_private_key(open(key_path, "rb").read(), None)
    for line in sys.stdin:
        if not line.strip():
            continue
        document = json.loads(line)
        proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2026-01-01T00:00:00Z",
                 "verificationMethod": sys.argv[4], "proofPurpose": "assertionMethod"}
        proof["proofValue"] = "z" + oracle.b58encode(key.sign(oracle.hash_data(document, proof, key)))
        document["proof"] = proof
        out.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\\n")
else:
    key = serialization.load_pem_public_key(open(key_path, "rb").read())
    for line in sys.stdin:
        if not line.strip():
            continue
        document = json.loads(line)
        proof = document["proof"]
        key.verify(oracle.b58decode(proof["proofValue"][1:]), oracle.hash_data(document, proof, key))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "credconv"))
    ap.add_argument("--reference", default=os.environ.get("CREDCONV_REFERENCE") or os.path.join(ROOT, "..", "shared", "reference"))
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'swift build -c release' first")
    os.environ["CREDCONV_REFERENCE"] = args.reference
    oracle = os.path.join(HERE, "di-oracle.py")
    with tempfile.TemporaryDirectory() as tmp:
        key = os.path.join(tmp, "key.pem")
        generated = subprocess.run([args.binary, "keys", "generate", "--type", "ed25519", "-o", key], capture_output=True, text=True)
        if generated.returncode != 0:
            sys.exit(generated.stderr)
        public = json.loads(generated.stdout)
        import base64
        raw = base64.urlsafe_b64decode(public["x"] + "=" * (-len(public["x"]) % 4))
        sys.path.insert(0, HERE)
        import importlib.util
        spec = importlib.util.spec_from_file_location("oracle", oracle)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        multibase = "z" + module.b58encode(b"\xed\x01" + raw)
        profile = os.path.join(tmp, "profile.json")
        with open(profile, "w") as f:
            json.dump({"id": ISSUER, "type": ["Profile"], "verificationMethod": [
                {"id": KID, "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": multibase}], "assertionMethod": [KID]}, f)
        public_pem = os.path.join(tmp, "pub.pem")
        subprocess.run([sys.executable, "-c",
                        "import sys; from cryptography.hazmat.primitives import serialization as s; "
                        "k=s.load_pem_private_key(open(sys.argv[1],'rb').read(),None); "
                        "open(sys.argv[2],'wb').write(k.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo))",
                        key, public_pem], check=True)
        unsigned = os.path.join(tmp, "unsigned.jsonl")
        rng = random.Random(11)
        with open(unsigned, "w", encoding="utf-8") as f:
            for i in range(args.count):
                vc = credential(i, rng)
                vc["issuer"]["id"] = ISSUER
                f.write(json.dumps(vc, ensure_ascii=False, separators=(",", ":")) + "\n")
        signed = os.path.join(tmp, "signed.jsonl")
        with open(unsigned, "rb") as stdin, open(signed, "wb") as stdout:
            subprocess.run([sys.executable, "-c", PY_ORACLE, oracle, "sign", key, KID], stdin=stdin, stdout=stdout, check=True)
        size = os.path.getsize(unsigned)
        print(f"{args.count} OB 3.0 credentials, {size / args.count:.0f} bytes each; eddsa-rdfc-2022; median of {args.runs} runs")
        tools = [
            ("sign", "credconv sign --jsonl -t ob3", [args.binary, "sign", "--jsonl", "-t", "ob3", "--suite", "eddsa-rdfc-2022", "--key", key, "--kid", KID], unsigned),
            ("sign", "python PyLD + cryptography", [sys.executable, "-c", PY_ORACLE, oracle, "sign", key, KID], unsigned),
            ("verify", "credconv verify --jsonl", [args.binary, "verify", "--jsonl", "--at", "2027-06-01T00:00:00Z", "--key", profile], signed),
            ("verify", "python PyLD + cryptography", [sys.executable, "-c", PY_ORACLE, oracle, "verify", public_pem], signed),
        ]
        print(f"{'':<7}{'tool':<32}{'seconds':>9}{'docs/s':>10}{'peak MB':>9}")
        rates = {}
        for step, label, cmd, data in tools:
            t, peak = measure(cmd, data, args.runs)
            rates[(step, label.split()[0])] = args.count / t
            print(f"{step:<7}{label:<32}{t:>9.3f}{args.count / t:>10.0f}{peak:>9.1f}")
        for step in ("sign", "verify"):
            print(f"{step}: credconv is {rates[(step, 'credconv')] / rates[(step, 'python')]:.1f}x the python oracle")


if __name__ == "__main__":
    main()
